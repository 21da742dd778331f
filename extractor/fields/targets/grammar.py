"""The target grammar: the words around a value that say what it commits to.

Comparator phrases before and after a value, the year a value is due, baselines, rate nouns,
the cue words that open a value-first target's predicate, and what is not a commitment (money,
past results, dates, ages). Parts come from the shared vocabulary in ``extractor.grammar``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...grammar import SPACES, WORD_END, WORD_START, YEAR, Worded, holds_any, lowered, may_mention

# A tail (a pattern anchored at the end by ``$``: a verb before a value, a trailing year or
# conjunction) is a few words long, so it is looked for in the last TAIL_REACH characters of a
# range only: ``search`` over a whole clause would try every position of it, and a clause of
# brackets or commas would make that quadratic.
TAIL_REACH = 200


@dataclass(frozen=True)
class Tail:
    """An IGNORECASE pattern written in lower case and anchored at the end by ``$``, and what each of
    its matches shows: it ends in one of ``ends`` (lower case) once the characters ``strip`` are
    taken off its right, it holds one of ``figures`` (written alike in any case: the "19" or "20" of
    a year, looked for before anything is lower-cased) and it holds ``needs``. A range showing
    neither is not searched."""

    pattern: re.Pattern[str]
    ends: tuple[str, ...] = ()
    strip: str = " \u00a0"
    needs: str = ""
    figures: tuple[str, ...] = ()


def tail(t: Tail, text: str, start: int, end: int) -> re.Match[str] | None:
    """``t.pattern`` matched at the end of ``text[start:end]``, in bounded time (``TAIL_REACH``)."""
    start = max(start, end - TAIL_REACH)
    stretch = text[start:end]
    if t.ends and not _shows_end(stretch, t):
        return None
    if t.figures and not holds_any(stretch, t.figures):
        return None
    if t.needs and not may_mention(stretch, (t.needs,)):
        return None
    return t.pattern.search(text, start, end)


def _shows_end(stretch: str, t: Tail) -> bool:
    """Whether ``t.pattern`` may end ``stretch`` as ``t.ends`` say: ``$`` matches at its end and, as
    Python reads it, before a final line end too."""
    if _may_end(stretch.rstrip(t.strip), t.ends):
        return True
    return stretch.endswith("\n") and _may_end(stretch[:-1].rstrip(t.strip), t.ends)


def _may_end(text: str, ends: tuple[str, ...]) -> bool:
    """Whether ``text`` may end in one of ``ends`` as an IGNORECASE pattern reads them."""
    low = lowered(text)
    return low is None or low.endswith(ends)


# Comparator phrases written right before the value. Order inside each group does
# not matter; between groups, ``search`` returns the leftmost phrase that reaches
# the value, so "không dưới" wins over "dưới" and "không vượt quá" over "vượt quá".
_CMP_LE = rf"""
    không{SPACES}(?:vượt{SPACES}quá|vượt|quá|cao{SPACES}hơn|lớn{SPACES}hơn|nhiều{SPACES}hơn)   # không quá 5%
  | tối{SPACES}đa(?:{SPACES}là)? | cao{SPACES}nhất(?:{SPACES}là)?                  # tối đa 5%, cao nhất là 5%
  | ≤ | <=                                                                # ≤ 5%
"""
_CMP_GE = rf"""
    không{SPACES}(?:dưới|thấp{SPACES}hơn|ít{SPACES}hơn|nhỏ{SPACES}hơn)                   # không dưới 70%
  | tối{SPACES}thiểu(?:{SPACES}là)?                                               # tối thiểu 70%
  | ít{SPACES}nhất(?:{SPACES}là)?                                                 # ít nhất 70%
  | thấp{SPACES}nhất(?:{SPACES}là)?                                               # thấp nhất là 30%
  | ≥ | >=                                                                # ≥ 70%
"""
_CMP_GT = rf"""
    trên | hơn | vượt(?:{SPACES}quá)?                                         # trên 90%, hơn 90%
  | (?:cao|lớn|nhiều){SPACES}hơn                                              # cao hơn 90%
  | >                                                                     # > 90%
"""
_CMP_LT = rf"""
    dưới | (?:thấp|ít|nhỏ){SPACES}hơn                                         # dưới 1%, thấp hơn 1%
  | <                                                                     # < 1%
"""
_CMP_EQ = rf"""
    (?:xuống|giảm|hạ){SPACES}(?:còn|mức)                                      # xuống còn 0%
  | xuống | còn | bằng | =                                                # xuống 0%, còn 2%
"""
# "từ" before a value: the lower bound of "Từ 70% trở lên", or a baseline "từ 4,9% ... xuống".
_CMP_FROM = r"từ"

COMPARATOR_BEFORE_RE = re.compile(
    rf"""
    {WORD_START}(?:
        (?P<le>{_CMP_LE})
      | (?P<ge>{_CMP_GE})
      | (?P<gt>{_CMP_GT})
      | (?P<lt>{_CMP_LT})
      | (?P<eq>{_CMP_EQ})
      | (?P<from>{_CMP_FROM})
    )
    (?:{SPACES}(?:mức|là|t[ỷỉ]{SPACES}lệ))?          # "dưới mức 1%", "tối thiểu là 70%", "dưới tỷ lệ 15/100.000"
    [ \u00a0]*$
    """,
    re.VERBOSE | re.IGNORECASE,
)
COMPARATOR_BEFORE = Tail(COMPARATOR_BEFORE_RE, ends=("quá", "vượt", "hơn", "đa", "là", "nhất", "≤", "=", "dưới", "thiểu", "≥",
                                                "trên", ">", "<", "xuống", "còn", "mức", "bằng", "từ", "lệ"))

# The quota a value is a share of, right after it: "đạt 100% chỉ tiêu", "105% kế hoạch được giao".
_QUOTA = rf"(?:chỉ{SPACES}tiêu|kế{SPACES}hoạch)(?:{SPACES}(?:(?:được{SPACES})?giao|đề{SPACES}ra|trên{SPACES}giao))?{WORD_END}"
# Comparator phrases written right after the value, or the quota alone when it closes the clause.
COMPARATOR_AFTER_RE = re.compile(  # used with match(text, pos): no "^"
    rf"""
    [ \u00a0]*
    (?:{_QUOTA}[ \u00a0]+)?                                             # 100% chỉ tiêu trở lên
    (?:
        (?P<ge>trở{SPACES}lên|hoặc{SPACES}(?:hơn|cao{SPACES}hơn))      # 70% trở lên
      | (?P<le>trở{SPACES}xuống|hoặc{SPACES}(?:thấp|ít){SPACES}hơn)    # 5% trở xuống
    ){WORD_END}
  | [ \u00a0]*{_QUOTA}(?=[ \u00a0]*(?:[,;.)]|$))                        # 100% chỉ tiêu.
    """,
    re.VERBOSE | re.IGNORECASE,
)

# A year written right after a value: "150/200 năm 2023", "90% vào năm 2025", "(năm 2025)".
YEAR_AFTER_RE = re.compile(  # used with match(text, pos)
    rf"""
    [ \u00a0]*,?[ \u00a0]*\(?[ \u00a0]*
    (?:(?:vào|đến|tới|trong)(?:{SPACES}(?:hết|cuối))?{SPACES} | (?:hết|cuối){SPACES})?   # vào năm, vào cuối năm
    năm{SPACES}(?P<year>{YEAR}){WORD_END}
    [ \u00a0]*\)?
    """,
    re.VERBOSE | re.IGNORECASE,
)

# A due year named before the targets of a sentence or in a heading.
YEAR_CUE_RE = re.compile(
    rf"""
    {WORD_START}(?:
        (?:đến|tới|vào|trong|hết|cuối)(?:{SPACES}(?:hết|cuối))?{SPACES}năm{SPACES}(?P<year>{YEAR})   # đến năm 2025
      | (?:giai{SPACES}đoạn|nhiệm{SPACES}kỳ){SPACES}{YEAR}[ \u00a0]*[-–—][ \u00a0]*(?P<end>{YEAR})  # giai đoạn 2021-2025, nhiệm kỳ 2020-2025
      | ^[\W\d]*năm{SPACES}(?P<lead>{YEAR})[ \u00a0]*[:,]                                     # "Năm 2025: ..."
    ){WORD_END}
    """,
    re.VERBOSE | re.IGNORECASE,
)

# A heading naming the year its targets are for: "2. Chỉ tiêu kế hoạch năm 2023", "CÁC CHỈ TIÊU
# CHỦ YẾU CỦA NĂM 2022:", "Nhiệm vụ năm 2024" (not "năm học 2023-2024", a school year).
HEADING_YEAR_RE = re.compile(
    rf"{WORD_START}(?:mục{SPACES}tiêu|chỉ{SPACES}tiêu|kế{SPACES}hoạch|nhiệm{SPACES}vụ){WORD_END}"
    rf"[^.;]{{0,60}}?{WORD_START}năm{SPACES}(?P<year>{YEAR}){WORD_END}(?![ \u00a0]*[-–—][ \u00a0]*{YEAR})",
    re.IGNORECASE,
)

# The opening paragraphs of a plan, which cite its bases and address it: "Căn cứ ...", "Thực hiện
# Quyết định ...", "Kính gửi: ...", "Để triển khai ...", "Theo đề nghị của ...".
OPENING_RE = re.compile(
    rf"^[\W_]*(?:căn{SPACES}cứ|thực{SPACES}hiện|theo|để|nhằm|xét|trên{SPACES}cơ{SPACES}sở|kính{SPACES}gửi|"
    rf"v/v|triển{SPACES}khai{SPACES}\S+{SPACES}số|\(?[ \u00a0]*(?:kèm|ban{SPACES}hành{SPACES}kèm){SPACES}theo){WORD_END}",
    re.IGNORECASE,
)

# A preamble paragraph that opens with the plan's purpose ("Để ...", "Nhằm ...") and names a goal
# states a commitment ahead of the sections: "Để triển khai ..., góp phần hoàn thành mục tiêu tỷ
# trọng chăn nuôi đạt 31,5% ... năm 2017" (not "Căn cứ ...", "Thực hiện ...": bases).
PURPOSE_OPENING_RE = re.compile(rf"^[\W_]*(?:để|nhằm){WORD_END}", re.IGNORECASE)
PURPOSE_GOAL_RE = re.compile(
    rf"{WORD_START}(?:(?:mục{SPACES}tiêu|chỉ{SPACES}tiêu)(?!{SPACES}(?:chung|cụ{SPACES}thể){WORD_END})|phấn{SPACES}đấu){WORD_END}"
    rf"[^.;]*?\d[^.;]*?(?:%|‰|/)",
    re.IGNORECASE)
PURPOSE_GOAL = Worded(PURPOSE_GOAL_RE, ("tiêu", "phấn"))

# A heading over goals: "MỤC TIÊU", "2. Chỉ tiêu cụ thể năm 2024", "Các chỉ tiêu chủ yếu".
GOAL_HEADING_RE = re.compile(rf"{WORD_START}(?:mục{SPACES}tiêu|chỉ{SPACES}tiêu){WORD_END}", re.IGNORECASE)

# The heading of an appendix after the signature: "PHỤ LỤC", "Phụ lục II", "PHỤ LỤC SỐ 01".
APPENDIX_RE = re.compile(rf"^[\W_]*phụ{SPACES}lục{WORD_END}", re.IGNORECASE)

# "144/200 năm 2022 lên 150/200 năm 2023": what joins a baseline to the target value.
BASELINE_BRIDGE_RE = re.compile(
    rf"""
    ^[ \u00a0]*
    (?:,?[ \u00a0]*\(?[ \u00a0]*(?:vào{SPACES}|trong{SPACES})?(?:năm{SPACES})?(?P<year>{YEAR})[ \u00a0]*\)?)?   # năm 2022
    [ \u00a0]*,?[ \u00a0]*
    (?:lên|xuống|đến|tới|thành|còn){WORD_END}                                                         # lên
    (?:{SPACES}(?:mức|còn){WORD_END})?
    [ \u00a0]*$
    """,
    re.VERBOSE | re.IGNORECASE,
)

# A rate noun: "Giảm tỷ lệ <group> dưới 1%" puts the value after the group; a share too ("tỷ trọng
# chăn nuôi đạt 31,5%").
RATE_NOUN_RE = re.compile(
    rf"{WORD_START}(?:t[ỷỉ]{SPACES}(?:lệ|số|suất|trọng)|số{SPACES}lượng)(?:{SPACES}(?:số|các))?{WORD_END}",  # tỷ lệ, tỷ suất
    re.IGNORECASE,
)
# The whole a rate is a share of, written after its value: "tỷ trọng chăn nuôi đạt 31,5% trong ngành
# nông nghiệp năm 2017" (not "trong năm 2017", "trong giai đoạn ...", "trong đó"). Used with match(text, pos).
SHARE_BASE_RE = re.compile(
    rf"""[ \u00a0]+(?P<base>trong{SPACES}
        (?!(?:năm|giai{SPACES}đoạn|thời{SPACES}(?:gian|kỳ)|kỳ|đó|tháng|quý|số{SPACES}đó|những|các{SPACES}năm){WORD_END})
        [^\W\d_]+(?:{SPACES}[^\W\d_]+){{0,8}}?)
    (?=[ \u00a0,]*(?:(?:vào|đến|tới){SPACES})?năm{SPACES}{YEAR}|[ \u00a0]*(?:[;.,)]|$))""",
    re.VERBOSE | re.IGNORECASE,
)

# Words that open the predicate of a value-first target ("90% trẻ em | được ...").
# Strong cues always open it; adverbs before a verb open it too ("tiếp tục được").
_STRONG_CUES = rf"""
    nhận{SPACES}được | được | đạt | biết(?!{SPACES}chữ) | nắm{SPACES}được | hiểu   # passive, achievement, knowledge ("người mới biết chữ" is a group)
  | tiếp{SPACES}cận | đi{SPACES}học | học{SPACES}tập                       # access
  | triển{SPACES}khai | duy{SPACES}trì | xây{SPACES}dựng | thực{SPACES}hiện   # carrying out
  | hoàn{SPACES}thành | ban{SPACES}hành | kiện{SPACES}toàn | thành{SPACES}lập
  | áp{SPACES}dụng | ứng{SPACES}dụng | bố{SPACES}trí | cam{SPACES}kết | ký{SPACES}(?:kết|cam{SPACES}kết)
  | (?:bảo|đảm){SPACES}(?:đảm|bảo) | (?<!ảnh\ )hưởng            # not "ảnh hưởng" (affected)
  | khi                                                       # "khi có thông báo được hỗ trợ"
  | tiếp{SPACES}tục | đều | sẽ | phải | luôn | cần{SPACES}được       # adverbs before the verb
  | (?:tổ{SPACES}chức|chỉ{SPACES}đạo|thường{SPACES}xuyên|chủ{SPACES}động|tích{SPACES}cực|đồng{SPACES}loạt)
    (?={SPACES}(?:triển{SPACES}khai|thực{SPACES}hiện|xây{SPACES}dựng|tuyên{SPACES}truyền|tổ{SPACES}chức|ứng{SPACES}dụng|áp{SPACES}dụng))
                                                              # "tổ chức triển khai", not "cơ quan, tổ chức được"
"""
# Weak cues open the predicate only when no strong cue does and no later value
# shares its predicate: "có" and "tham gia" also occur inside groups
# ("trẻ em có nguy cơ", "trẻ em tham gia lao động").
_WEAK_CUES = rf"""
    có(?!{SPACES}(?:nguy{SPACES}cơ|hoàn{SPACES}cảnh)) | tham{SPACES}gia      # "trẻ em có nguy cơ" stays in the group | không{SPACES}(?:có|để|còn|bị|xảy{SPACES}ra|vi{SPACES}phạm) | nhận
"""
# "có" right before a value-first target's value (and its comparator): "có từ 33% người dân tập luyện
# ...", "Có 40% người cao tuổi tham gia ...": it counts those the rest of the clause describes.
EXISTENTIAL_BEFORE_RE = re.compile(rf"{WORD_START}có[ \u00a0]*$", re.IGNORECASE)
EXISTENTIAL_BEFORE = Tail(EXISTENTIAL_BEFORE_RE, ends=("có",))
STRONG_CUE_RE = re.compile(rf"{WORD_START}(?:{_STRONG_CUES}){WORD_END}", re.VERBOSE | re.IGNORECASE)
WEAK_CUE_RE = re.compile(rf"{WORD_START}(?:{_WEAK_CUES}){WORD_END}", re.VERBOSE | re.IGNORECASE)

# Verbs that sit between a value-last group and its value: "X đạt 90%", "X xuống 0%".
VALUE_VERB_TAIL_RE = re.compile(
    rf"""
    (?:[ \u00a0,(]*(?<![\w])(?:
        đạt(?:{SPACES}được)? | là | ở{SPACES}mức | mức | (?<!trở\ )lên | lên{SPACES}mức | xuống | còn | giảm | tăng | chiếm | bằng   # not "từ 15 tuổi trở lên"
      | phấn{SPACES}đấu | từ | khoảng
      | (?:bình{SPACES}quân | trung{SPACES}bình)(?:[ \u00a0]*/[ \u00a0]*năm)? | (?:hàng|hằng|mỗi){SPACES}năm   # bình quân hàng năm tăng 7%, giảm bình quân/năm
    ))+[ \u00a0,:(]*$
    """,
    re.VERBOSE | re.IGNORECASE,
)
VALUE_VERB_TAIL = Tail(VALUE_VERB_TAIL_RE, ends=("đạt", "được", "là", "mức", "lên", "xuống", "còn", "giảm", "tăng", "chiếm",
                                             "bằng", "đấu", "từ", "khoảng", "quân", "bình", "năm"), strip=" \u00a0,:(")

# A verb right before a value that closes its clause: "X đạt 95%, Y đạt 90%".
VALUE_VERB_BEFORE_RE = re.compile(
    rf"{WORD_START}(?:đạt|là|ở{SPACES}mức|chiếm|lên|xuống|còn|bằng|tăng|giảm)(?:{SPACES}(?:mức|trên|dưới|tối{SPACES}thiểu|ít{SPACES}nhất))?[ \u00a0]*$",
    re.IGNORECASE,
)
VALUE_VERB_BEFORE = Tail(VALUE_VERB_BEFORE_RE, ends=("đạt", "là", "mức", "chiếm", "lên", "xuống", "còn", "bằng", "tăng", "giảm",
                                                 "trên", "dưới", "thiểu", "nhất"))


# What follows a value and still closes its clause: the baseline it is measured against
# ("15% so năm 2022", "-0,2 điểm phần trăm so với năm 2022", "so với cùng kỳ", "so với thực hiện năm
# 2010", "so dự toán năm 2010", "so với kế hoạch"). Not "so với dân số",
# which names the base of the rate and belongs to the group.
BASELINE_TAIL_RE = re.compile(
    rf"""[ \u00a0,(]*{WORD_START}so{SPACES}(?:với{SPACES})?
        (?:năm|cùng{SPACES}kỳ|kỳ|thời{SPACES}kỳ|trung{SPACES}bình|giai{SPACES}đoạn|đầu|cuối|mức|hiện{SPACES}nay|hiện{SPACES}tại|trước
          | (?:thực{SPACES}hiện|dự{SPACES}toán|kế{SPACES}hoạch|ước{SPACES}(?:thực{SPACES}hiện|đạt))(?:{SPACES}(?:năm|cùng{SPACES}kỳ|giai{SPACES}đoạn|kỳ))?)  # so với thực hiện năm 2010, so dự toán
        {WORD_END}""",
    re.VERBOSE | re.IGNORECASE,
)
# The price base a value of output is measured at, ending its group: "Giá trị sản xuất (theo giá so
# sánh 2020) tăng 4%", "doanh thu (giá hiện hành) tăng 12%": not part of the group, and its year is
# not the value's.
PRICE_BASE_TAIL_RE = re.compile(
    rf"""[ \u00a0,]*\(?[ \u00a0]*(?:tính{SPACES})?(?:theo{SPACES})?giá{SPACES}(?:so{SPACES}sánh|cố{SPACES}định|hiện{SPACES}hành)
        (?:{SPACES}(?:năm{SPACES})?{YEAR})?{WORD_END}[ \u00a0]*\)?[ \u00a0]*$""",
    re.VERBOSE | re.IGNORECASE,
)
PRICE_BASE_TAIL = Tail(PRICE_BASE_TAIL_RE, needs="giá")
# A qualifier in brackets right after a value, naming which part of the group it is for:
# "dưới 15% (khu vực thành thị), 8% (khu vực nông thôn)".
QUALIFIER_AFTER_RE = re.compile(r"[ \u00a0]*\((?P<q>[^()\d]*[^\W\d_][^()]{0,60})\)")
# Words before a group that say which part of a list it is, not who is counted:
# "đối với trẻ nhà trẻ", "riêng trẻ 5 tuổi", "trong đó công nghiệp - xây dựng". Used with
# match(text, pos), like LEADING_VERB_RE: no "^".
GROUP_LEAD_RE = re.compile(
    rf"(?:(?:và|hoặc){SPACES})?(?:(?:riêng|trong{SPACES}đó|cụ{SPACES}thể(?:{SPACES}là)?|nhất{SPACES}là|đặc{SPACES}biệt{SPACES}là)(?:{SPACES}|[ \u00a0]*[,:][ \u00a0]*))?"
    rf"(?:(?:đối{SPACES}với|với){SPACES})?",
    re.IGNORECASE,
)
# A named rate counted with "số", after its value: "111,2 số bé trai/100 bé gái" (used with match(text, pos)).
COUNTED_RATE_RE = re.compile(rf"[ \u00a0]*số{WORD_END}", re.IGNORECASE)
# A verb of change before a value, and a rate noun right after it: "Giảm 5-10% tỷ lệ mắc ...",
# "giảm 15% số vị thành niên ...": a relative change, whose group is all that follows.
CHANGE_VERB_RE = re.compile(rf"{WORD_START}(?:giảm|tăng|nâng|hạ)(?:{SPACES}(?:thêm|được|ít{SPACES}nhất|từ))?[ \u00a0]*$", re.IGNORECASE)
CHANGE_VERB = Tail(CHANGE_VERB_RE, ends=("giảm", "tăng", "nâng", "hạ", "thêm", "được", "nhất", "từ"))
RATE_AFTER_RE = re.compile(rf"[ \u00a0]*(?:(?P<rate>t[ỷỉ]{SPACES}(?:lệ|số|suất))|số(?:{SPACES}lượng)?){WORD_END}", re.IGNORECASE)
# An item's number at the start of a value-last group or label, in the forms a list writes
# besides "3." and "a)": "(3) Tỷ lệ X: 95%", "3/ X tăng 10%", "3- X đạt 90%" (used with match(text, pos)).
ITEM_NUMBER_RE = re.compile(r"[ \u00a0]*(?:\(\d{1,2}\)|\d{1,2}[/-](?=[ \u00a0]))[ \u00a0]*")
# A verb before a value-last group, opening an item: "Giảm tỷ số ...", "Điều chỉnh mức sinh ...",
# "phấn đấu đến năm 2025 giảm ...". May match nothing.
LEADING_VERB_RE = re.compile(
    rf"(?:(?:phấn{SPACES}đấu|(?:(?:đến|tới|vào){SPACES})?(?:hết{SPACES}|cuối{SPACES})?năm{SPACES}{YEAR})[ \u00a0,:]*)*"
    rf"(?:(?:giảm|tăng(?!{SPACES}trưởng)|nâng(?:{SPACES}cao)?|hạ(?!{SPACES}tầng)|điều{SPACES}chỉnh|duy{SPACES}trì|giữ(?:{SPACES}vững)?|khống{SPACES}chế)"
    rf"{WORD_END}(?:{SPACES}(?:xuống|lên)(?:{SPACES}(?:còn|mức))?{WORD_END})?[ \u00a0]*)?",
    re.IGNORECASE,
)
# A rate per year keeps no due year: "bình quân hàng năm tăng 7%", "tăng 2%/năm", "mỗi năm giảm 1%".
# Before the value, in its clause or its label: "Tỷ lệ X hàng năm: 90%", "X giảm bình quân/năm: trên 10%".
_PER_YEAR = rf"(?:{WORD_START}(?:hàng|hằng|mỗi){SPACES}|/[ \u00a0]*)năm{WORD_END}"
PER_YEAR_BEFORE_RE = re.compile(_PER_YEAR, re.IGNORECASE)
PER_YEAR_BEFORE = Worded(PER_YEAR_BEFORE_RE, ("năm",))
# Right after the value, closing its clause: "X tăng 5% hàng năm", "tăng 5%/năm" (used with match(text, pos)).
PER_YEAR_AFTER_RE = re.compile(rf"[ \u00a0,]*(?:{WORD_START}bình{SPACES}quân{SPACES})?{_PER_YEAR}", re.IGNORECASE)

# The total a percentage is of, after a slash: "15% trở lên/tổng số chi bộ trực thuộc" (used with
# match(text, pos)); it closes the clause and names no group.
OF_TOTAL_AFTER_RE = re.compile(
    rf"[ \u00a0]*/[ \u00a0]*tổng{SPACES}số(?:{SPACES}[^\W\d_]+){{1,6}}?(?=[ \u00a0]*(?:[,;.)]|$))", re.IGNORECASE)

# Shares of money are not commitments: "ngân sách tỉnh 70%", "70% kinh phí".
MONEY_GROUP_RE = re.compile(
    rf"(?:(?:tổng|số|các){SPACES})?(?:kinh{SPACES}phí|ngân{SPACES}sách|vốn|nguồn{SPACES}(?:vốn|kinh{SPACES}phí)|chi{SPACES}phí|học{SPACES}phí){WORD_END}",
    re.IGNORECASE,
)

# Past results are not commitments: "đã đạt 85%"; nor is a share that describes the present
# situation: "(hiện) chiếm (khoảng) 0,6% tổng số trẻ em".
PAST_BEFORE_RE = re.compile(
    rf"{WORD_START}(?:đã(?:{SPACES}(?:đạt|có|được))?|chiếm(?:{SPACES}(?:khoảng|gần|hơn|trên|dưới|tới|đến))?)[ \u00a0]*$",
    re.IGNORECASE)
# The present situation and past results, said before a value since the last commitment cue:
# "Hiện nay, tỷ lệ hộ nghèo là 5,2%", "Tính đến cuối năm 2023, ... đạt 92%", "Kết quả năm 2022:
# ... 91,5%", "Đến nay, 85% số xã ..." (not "Kết quả đầu ra: 90% ...", the results to reach, nor
# "thực hiện có hiệu quả", the verb "thực hiện", nor the results to keep after "duy trì", "giữ vững", "phát huy", "củng cố": "duy trì bền vững kết
# quả đã đạt được, ít nhất 85% các địa bàn ..."). A value right after "là" under a year that is not a due
# year is a statistic too: "Năm 2020, tỷ lệ hộ nghèo là 6,1%", "tỷ lệ ... năm 2020 là 6,1%".
SITUATION_RE = re.compile(
    rf"""{WORD_START}(?:
        (?<!thực[ \u00a0])(?<!xuất[ \u00a0])(?<!thể[ \u00a0])hiện{SPACES}(?:nay|tại|đang|có) | (?:cho{SPACES})?(?:đến|tới){SPACES}nay | (?:tính|cho){SPACES}(?:đến|tới)
      | (?<!trì[ \u00a0])(?<!vững[ \u00a0])(?<!huy[ \u00a0])(?<!cố[ \u00a0])
        kết{SPACES}quả(?!{SPACES}(?:đầu{SPACES}ra|mong{SPACES}đợi|cần{SPACES}đạt|dự{SPACES}kiến|phấn{SPACES}đấu)) | thực{SPACES}trạng
    ){WORD_END}""",
    re.VERBOSE | re.IGNORECASE,
)
SITUATION = Worded(SITUATION_RE, ("hiện", "nay", "tính", "cho", "quả", "trạng"),
                   heads=("hiện", "cho", "đến", "tới", "tính", "kết", "thực"))
STATISTIC_YEAR_RE = re.compile(
    rf"(?<!đến )(?<!tới )(?<!vào )(?<!hết )(?<!cuối )(?<!đoạn )(?<!với )(?<!so )(?<!từ ){WORD_START}năm{SPACES}{YEAR}{WORD_END}",
    re.IGNORECASE,
)
STATISTIC_YEAR = Worded(STATISTIC_YEAR_RE, ("năm",), figures=("19", "20"))
COPULA_BEFORE_RE = re.compile(rf"{WORD_START}là(?:{SPACES}(?:khoảng|gần|hơn|trên|dưới))?[ \u00a0]*$", re.IGNORECASE)
COPULA_BEFORE = Tail(COPULA_BEFORE_RE, ends=("là", "khoảng", "gần", "hơn", "trên", "dưới"))
# What makes the words after it commitments again: "Hiện nay ... 5,2%, phấn đấu đến năm 2025 ...".
COMMITMENT_CUE_RE = re.compile(
    rf"{WORD_START}(?:phấn{SPACES}đấu|mục{SPACES}tiêu|chỉ{SPACES}tiêu|dự{SPACES}kiến|(?:cần|phải){SPACES}đạt|kế{SPACES}hoạch"
    rf"|(?<!tính\ )(?<!cho\ )(?:đến|tới){SPACES}(?:hết{SPACES}|cuối{SPACES})?năm{SPACES}{YEAR})",  # not "tính đến cuối năm 2023"
    re.IGNORECASE,
)
COMMITMENT_CUE = Worded(COMMITMENT_CUE_RE, ("phấn", "tiêu", "dự", "đạt", "hoạch", "năm"))
# A year that heads a list of commitments: "Năm 2025: ..." (used with match(text, pos)).
LEAD_YEAR_RE = re.compile(rf"[\W\d_]*năm{SPACES}{YEAR}[ \u00a0]*:", re.IGNORECASE)
# A paragraph about the past: "đã", "vừa qua", "những năm qua", "thời gian qua", "năm trước".
PAST_PARAGRAPH_RE = re.compile(
    rf"{WORD_START}(?:đã|vừa{SPACES}qua|(?:những|các){SPACES}năm{SPACES}qua|thời{SPACES}gian{SPACES}qua|năm{SPACES}trước){WORD_END}",
    re.IGNORECASE)
PAST_PARAGRAPH = Worded(PAST_PARAGRAPH_RE, ("đã", "qua", "trước"))
# A value-first predicate in the past: "85% số xã đã đạt chuẩn".
PAST_PREDICATE_RE = re.compile(rf"[ \u00a0]*đã{WORD_END}", re.IGNORECASE)

# A commitment verb earlier in the sentence keeps a "chiếm" share as a target ("phấn đấu ... chiếm 50%").
COMMITMENT_RE = re.compile(rf"{WORD_START}(?:phấn{SPACES}đấu|bảo{SPACES}đảm|đảm{SPACES}bảo|tăng|giảm|duy{SPACES}trì){WORD_END}", re.IGNORECASE)
COMMITMENT = Worded(COMMITMENT_RE, ("phấn", "bảo", "tăng", "giảm", "duy"))
# A deadline in the target's sentence dates it: "... trước ngày 30/4/2022", "trong năm 2023".
DEADLINE_YEAR_RE = re.compile(
    rf"{WORD_START}(?:trước|chậm{SPACES}nhất|muộn{SPACES}nhất|hạn){SPACES}(?:ngày{SPACES})?\d{{1,2}}[/.-]\d{{1,2}}[/.-](?P<year>{YEAR}){WORD_END}",
    re.IGNORECASE)
DEADLINE_YEAR = Worded(DEADLINE_YEAR_RE, ("trước", "chậm", "muộn", "hạn"), figures=("19", "20"))

# What a ratio must not follow or precede: dates, document numbers, phone numbers, ages.
RATIO_NOT_AFTER_RE = re.compile(
    rf"{WORD_START}(?:ngày|tháng|năm|số|lúc|hạn|điện{SPACES}thoại|ĐT|fax|hotline)[ \u00a0:.]*$", re.IGNORECASE)
RATIO_NOT_BEFORE_RE = re.compile(
    rf"[ \u00a0]*(?:tuổi|tháng|ngày|giờ|phút|tuần|buổi|lần|h){WORD_END}", re.IGNORECASE)
RATIO_CUE_BEFORE_RE = re.compile(
    rf"(?:{WORD_START}(?:đạt|lên|xuống|còn|là|bằng|từ){SPACES}$)|(?:{WORD_START}t[ỷỉ]{SPACES}lệ{WORD_END})", re.IGNORECASE)
RATIO_CUE_BEFORE = Worded(RATIO_CUE_BEFORE_RE, ("đạt", "lên", "xuống", "còn", "là", "bằng", "từ", "lệ"))

# Directions, read in what stands before the value (and the predicate's first words).
KEEP_RE = re.compile(rf"{WORD_START}(?:duy{SPACES}trì|giữ(?:{SPACES}(?:vững|ổn{SPACES}định))?){WORD_END}", re.IGNORECASE)
KEEP = Worded(KEEP_RE, ("duy", "giữ"))
DECREASE_RE = re.compile(rf"{WORD_START}(?:giảm|hạ|xuống){WORD_END}", re.IGNORECASE)
DECREASE = Worded(DECREASE_RE, ("giảm", "hạ", "xuống"))

# The plan's own labels: "Mục tiêu 2", "Chỉ tiêu 1".
LABEL_RE = re.compile(
    rf"""
    ^[\W_]*(?:[0-9a-zđ]{{1,3}}[.)]|[IVXLC]+\.)?[ \u00a0]*       # a marker: "b)", "2.", "-"
    (?P<kind>mục{SPACES}tiêu|chỉ{SPACES}tiêu|nhiệm{SPACES}vụ|tiêu{SPACES}chí)
    {SPACES}(?P<n>\d+(?:\.\d+)*[a-z]?)
    (?=[ \u00a0]*(?:[:.)–—-]|$))
    """,
    re.VERBOSE | re.IGNORECASE,
)

# Characters trimmed from both ends of a group or indicator.
TRIM = " \u00a0\t\n,;:.-–—*#+•"
# Conjunctions left dangling at the end of a group before the next value.
TRAILING_CONJ_RE = re.compile(rf"(?:[ \u00a0,;]+(?:và|hoặc|cùng|với|và{SPACES}có|trong{SPACES}đó))+[ \u00a0,;]*$", re.IGNORECASE)
TRAILING_CONJ = Tail(TRAILING_CONJ_RE, ends=("và", "hoặc", "cùng", "với", "có", "đó"), strip=" \u00a0,;")
# ---------------------------------------------------------------- lists of values and their clauses

# What joins a value to the list before it: "..., 20%", "... và 20%".
LIST_JOIN_END_RE = re.compile(rf"(?:,|{WORD_START}(?:và|hoặc))[ \u00a0]*$", re.IGNORECASE)
LIST_JOIN_END = Tail(LIST_JOIN_END_RE, ends=(",", "và", "hoặc"))
# The verb that opens a value's own clause after a comma: ", huy động ít nhất 98%", ", phấn đấu 90%".
CLAUSE_VERB_RE = re.compile(
    rf"[ \u00a0]*(?:(?:phấn{SPACES}đấu|huy{SPACES}động|bảo{SPACES}đảm|đảm{SPACES}bảo|giảm|tăng|nâng|duy{SPACES}trì|khống{SPACES}chế|đạt|có)"
    rf"{WORD_END}[ \u00a0]*)+(?:(?:ít{SPACES}nhất|tối{SPACES}thiểu|trên|từ|khoảng){WORD_END}[ \u00a0]*)?",
    re.IGNORECASE,
)
# What follows a value of a list when the next value opens a clause of its own: "X đạt 70% năm 2025;
# 90% năm 2030 và giảm 50% số Y", "..., tăng 5% ...": the value before closes its clause.
NEXT_CLAUSE_RE = re.compile(
    rf"[ \u00a0]*(?:,|;|{WORD_START}(?:và|hoặc){WORD_END})?" + CLAUSE_VERB_RE.pattern, re.IGNORECASE)
# A clause of its own opening after a comma: "X xuống dưới 120/100.000 người dân, giảm số Y ...",
# "X đạt 90%, tăng ...": the value before it closes its clause (used with match(text, pos)).
NEW_CLAUSE_RE = re.compile(r"[ \u00a0]*[,;]" + CLAUSE_VERB_RE.pattern, re.IGNORECASE)
# What joins a value to the next one of its list, right after it: "X đạt 54% vào năm 2015 và 56% ...".
LIST_JOIN_START_RE = re.compile(rf"[ \u00a0]*(?:,|{WORD_START}(?:và|hoặc){WORD_END})", re.IGNORECASE)
# A value kept after it is due closes its clause too, and "đến năm 2030" is not its due year: "xuống
# dưới 10% vào năm 2025 và duy trì đến năm 2030", ", tiếp tục giữ vững đến hết năm 2030".
MAINTAIN_TAIL_RE = re.compile(
    rf"""[ \u00a0,]*(?:{WORD_START}và[ \u00a0]+)?(?:tiếp{SPACES}tục{SPACES})?
        (?:duy{SPACES}trì|giữ(?:{SPACES}vững)?)(?:{SPACES}(?:mức|tỷ{SPACES}lệ|kết{SPACES}quả)(?:{SPACES}(?:này|đó|trên))?)?
        {SPACES}(?:(?:cho{SPACES})?(?:đến|tới)|trong)(?:{SPACES}(?:hết|cuối))?{SPACES}
        (?:năm{SPACES}{YEAR}|giai{SPACES}đoạn{SPACES}{YEAR}(?:[ \u00a0]*[-–—][ \u00a0]*{YEAR})?){WORD_END}""",
    re.VERBOSE | re.IGNORECASE,
)
# "trong đó" right before a value opens a part of the target before it: "100% X ..., trong đó 70% X ...".
SUBLIST_BEFORE_RE = re.compile(rf"[ \u00a0,;]*{WORD_START}trong{SPACES}đó[ \u00a0,:]*(?:có[ \u00a0]+)?$", re.IGNORECASE)
SUBLIST_BEFORE = Tail(SUBLIST_BEFORE_RE, ends=("đó", "có"), strip=" \u00a0,:")
# A bare year at the end of a group names the value's due year: "Giảm tỷ suất X năm 2025 xuống còn
# 500/100.000", "Giảm 10% số X năm 2025 và 20% vào năm 2030".
TRAILING_YEAR_RE = re.compile(rf"[ \u00a0,(]*(?:(?:vào|trong|đến|tới){SPACES})?năm{SPACES}(?P<year>{YEAR})[ \u00a0)]*$", re.IGNORECASE)
TRAILING_YEAR = Tail(TRAILING_YEAR_RE, needs="năm", figures=("19", "20"))
# The base a rate is counted on, after its denominator: "500/100.000 trẻ em", "30/100.000 trẻ đẻ sống".
RATE_BASE_RE = re.compile(
    rf"(?:[ \u00a0]+(?!(?:vào|năm|và|đến|tới|trong|so|hoặc|trở){WORD_END})[^\W\d_]+){{1,4}}", re.IGNORECASE)

# ---------------------------------------------------------------- tables

TABLE_YEAR_CELL_RE = re.compile(rf"^[ \u00a0]*(?:năm{SPACES})?(?P<year>{YEAR})[ \u00a0]*$", re.IGNORECASE)
