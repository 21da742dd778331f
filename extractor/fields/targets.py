"""Targets: every percentage or x/y ratio a plan commits to reach or keep.

A target sentence comes in two shapes, and one sentence may hold several targets:

* value first: ``90% cán bộ, giáo viên ...; 80% cha mẹ, người chăm sóc trẻ em được
  cung cấp thông tin ...``. Each value is followed by its *group* (the population,
  as written), which runs up to the next value or to the *predicate* (``được ...``,
  ``đạt ...``, ``triển khai ...``). Groups without a predicate of their own share
  the next one: the example is two targets with one indicator.
* value last: ``Giảm tỷ lệ lao động trẻ em và người chưa thành niên (...) dưới 1%``.
  The group is the noun phrase after ``tỷ lệ``; the indicator is the verb phrase
  before it (``Giảm tỷ lệ``).

``find_targets`` reads one normalised paragraph (or table row); ``extract_targets``
runs it over a ``Doc`` and adds section, path, label, year and evidence spans.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable, Literal, Optional

from ..records import Target
from .numbers import Quantity, find_quantities

if TYPE_CHECKING:  # pragma: no cover
    from ..document import Doc, Paragraph

Comparator = Literal["=", ">=", ">", "<=", "<"]
Direction = Literal["increase", "decrease", "keep"]

# ---------------------------------------------------------------- grammar parts

_S = r"[ \u00a0]+"  # one or more spaces inside a phrase
_W = r"(?<![\w])"  # start of a word (Vietnamese letters are \w)
_E = r"(?![\w])"  # end of a word

# Comparator phrases written right before the value. Order inside each group does
# not matter; between groups, ``search`` returns the leftmost phrase that reaches
# the value, so "không dưới" wins over "dưới" and "không vượt quá" over "vượt quá".
_CMP_LE = rf"""
    không{_S}(?:vượt{_S}quá|vượt|quá|cao{_S}hơn|lớn{_S}hơn|nhiều{_S}hơn)   # không quá 5%
  | tối{_S}đa(?:{_S}là)?                                                  # tối đa 5%
  | ≤ | <=                                                                # ≤ 5%
"""
_CMP_GE = rf"""
    không{_S}(?:dưới|thấp{_S}hơn|ít{_S}hơn|nhỏ{_S}hơn)                   # không dưới 70%
  | tối{_S}thiểu(?:{_S}là)?                                               # tối thiểu 70%
  | ít{_S}nhất(?:{_S}là)?                                                 # ít nhất 70%
  | ≥ | >=                                                                # ≥ 70%
"""
_CMP_GT = rf"""
    trên | hơn | vượt(?:{_S}quá)?                                         # trên 90%, hơn 90%
  | (?:cao|lớn|nhiều){_S}hơn                                              # cao hơn 90%
  | >                                                                     # > 90%
"""
_CMP_LT = rf"""
    dưới | (?:thấp|ít|nhỏ){_S}hơn                                         # dưới 1%, thấp hơn 1%
  | <                                                                     # < 1%
"""
_CMP_EQ = rf"""
    (?:xuống|giảm|hạ){_S}(?:còn|mức)                                      # xuống còn 0%
  | xuống | còn | bằng | =                                                # xuống 0%, còn 2%
"""
# "từ" before a value: the lower bound of "Từ 70% trở lên", or a baseline "từ 4,9% ... xuống".
_CMP_FROM = r"từ"

COMPARATOR_BEFORE_RE = re.compile(
    rf"""
    {_W}(?:
        (?P<le>{_CMP_LE})
      | (?P<ge>{_CMP_GE})
      | (?P<gt>{_CMP_GT})
      | (?P<lt>{_CMP_LT})
      | (?P<eq>{_CMP_EQ})
      | (?P<from>{_CMP_FROM})
    )
    (?:{_S}(?:mức|là))?                         # "dưới mức 1%", "tối thiểu là 70%"
    [ \u00a0]*$
    """,
    re.VERBOSE | re.IGNORECASE,
)

# Comparator phrases written right after the value.
COMPARATOR_AFTER_RE = re.compile(  # used with match(text, pos): no "^"
    rf"""
    [ \u00a0]*
    (?:
        (?P<ge>trở{_S}lên|hoặc{_S}(?:hơn|cao{_S}hơn))      # 70% trở lên
      | (?P<le>trở{_S}xuống|hoặc{_S}(?:thấp|ít){_S}hơn)    # 5% trở xuống
    ){_E}
    """,
    re.VERBOSE | re.IGNORECASE,
)

_YEAR = r"(?:19|20)\d\d"

# A year written right after a value: "150/200 năm 2023", "90% vào năm 2025", "(năm 2025)".
YEAR_AFTER_RE = re.compile(  # used with match(text, pos)
    rf"""
    [ \u00a0]*,?[ \u00a0]*\(?[ \u00a0]*
    (?:(?:vào|đến|tới|trong|đến{_S}hết|hết){_S})?
    năm{_S}(?P<year>{_YEAR}){_E}
    [ \u00a0]*\)?
    """,
    re.VERBOSE | re.IGNORECASE,
)

# A due year named before the targets of a sentence or in a heading.
YEAR_CUE_RE = re.compile(
    rf"""
    {_W}(?:
        (?:đến|tới|vào|trong|hết|cuối)(?:{_S}(?:hết|cuối))?{_S}năm{_S}(?P<year>{_YEAR})   # đến năm 2025
      | giai{_S}đoạn{_S}{_YEAR}[ \u00a0]*[-–—][ \u00a0]*(?P<end>{_YEAR})                   # giai đoạn 2021-2025
      | ^[\W\d]*năm{_S}(?P<lead>{_YEAR})[ \u00a0]*[:,]                                     # "Năm 2025: ..."
    ){_E}
    """,
    re.VERBOSE | re.IGNORECASE,
)

# "144/200 năm 2022 lên 150/200 năm 2023": what joins a baseline to the target value.
BASELINE_BRIDGE_RE = re.compile(
    rf"""
    ^[ \u00a0]*
    (?:,?[ \u00a0]*\(?[ \u00a0]*(?:vào{_S}|trong{_S})?(?:năm{_S})?(?P<year>{_YEAR})[ \u00a0]*\)?)?   # năm 2022
    [ \u00a0]*,?[ \u00a0]*
    (?:lên|xuống|đến|tới|thành|còn){_E}                                                         # lên
    (?:{_S}(?:mức|còn){_E})?
    [ \u00a0]*$
    """,
    re.VERBOSE | re.IGNORECASE,
)

# A rate noun: "Giảm tỷ lệ <group> dưới 1%" puts the value after the group.
RATE_NOUN_RE = re.compile(
    rf"{_W}(?:t[ỷỉ]{_S}(?:lệ|số|suất)|số{_S}lượng)(?:{_S}(?:số|các))?{_E}",  # tỷ lệ, tỷ suất
    re.IGNORECASE,
)

# Words that open the predicate of a value-first target ("90% trẻ em | được ...").
# Strong cues always open it; adverbs before a verb open it too ("tiếp tục được").
_STRONG_CUES = rf"""
    được | đạt | biết | nắm{_S}được | hiểu                    # passive, achievement, knowledge
  | tiếp{_S}cận | đi{_S}học | học{_S}tập                       # access
  | triển{_S}khai | duy{_S}trì | xây{_S}dựng | thực{_S}hiện   # carrying out
  | hoàn{_S}thành | ban{_S}hành | kiện{_S}toàn | thành{_S}lập
  | áp{_S}dụng | ứng{_S}dụng | bố{_S}trí | cam{_S}kết | ký{_S}(?:kết|cam{_S}kết)
  | (?:bảo|đảm){_S}(?:đảm|bảo) | (?<!ảnh\ )hưởng            # not "ảnh hưởng" (affected)
  | khi                                                       # "khi có thông báo được hỗ trợ"
  | tiếp{_S}tục | đều | sẽ | phải | luôn | cần{_S}được       # adverbs before the verb
"""
# Weak cues open the predicate only when no strong cue does and no later value
# shares its predicate: "có" and "tham gia" also occur inside groups
# ("trẻ em có nguy cơ", "trẻ em tham gia lao động").
_WEAK_CUES = rf"""
    có(?!{_S}(?:nguy{_S}cơ|hoàn{_S}cảnh)) | tham{_S}gia      # "trẻ em có nguy cơ" stays in the group | không{_S}(?:có|để|còn|bị|xảy{_S}ra|vi{_S}phạm) | nhận
"""
STRONG_CUE_RE = re.compile(rf"{_W}(?:{_STRONG_CUES}){_E}", re.VERBOSE | re.IGNORECASE)
WEAK_CUE_RE = re.compile(rf"{_W}(?:{_WEAK_CUES}){_E}", re.VERBOSE | re.IGNORECASE)

# Verbs that sit between a value-last group and its value: "X đạt 90%", "X xuống 0%".
VALUE_VERB_TAIL_RE = re.compile(
    rf"""
    (?:[ \u00a0,(]+(?:
        đạt | là | ở{_S}mức | mức | lên | lên{_S}mức | xuống | còn | giảm | tăng | chiếm | bằng
      | phấn{_S}đấu | từ | khoảng
    ))+[ \u00a0,:(]*$
    """,
    re.VERBOSE | re.IGNORECASE,
)

# A verb right before a value that closes its clause: "X đạt 95%, Y đạt 90%".
VALUE_VERB_BEFORE_RE = re.compile(
    rf"{_W}(?:đạt|là|ở{_S}mức|chiếm|lên|xuống|còn|bằng)(?:{_S}(?:mức|trên|dưới|tối{_S}thiểu|ít{_S}nhất))?[ \u00a0]*$",
    re.IGNORECASE,
)

# Where a sentence ends: a full stop, "!" or "?" before a space or the end.
SENTENCE_END_RE = re.compile(r"[.!?](?=[ \u00a0\n]|$)")
# Where a clause ends, for what stands before a value.
CLAUSE_END_RE = re.compile(r"[;:\n]")

# Shares of money are not commitments: "ngân sách tỉnh 70%", "70% kinh phí".
MONEY_GROUP_RE = re.compile(
    rf"(?:(?:tổng|số|các){_S})?(?:kinh{_S}phí|ngân{_S}sách|vốn|nguồn{_S}(?:vốn|kinh{_S}phí)|chi{_S}phí|học{_S}phí){_E}",
    re.IGNORECASE,
)

# Past results are not commitments: "đã đạt 85%"; nor is a share that describes the present
# situation: "(hiện) chiếm (khoảng) 0,6% tổng số trẻ em".
PAST_BEFORE_RE = re.compile(
    rf"{_W}(?:đã(?:{_S}(?:đạt|có|được))?|chiếm(?:{_S}(?:khoảng|gần|hơn|trên|dưới|tới|đến))?)[ \u00a0]*$",
    re.IGNORECASE)
# A commitment verb earlier in the sentence keeps a "chiếm" share as a target ("phấn đấu ... chiếm 50%").
COMMITMENT_RE = re.compile(rf"{_W}(?:phấn{_S}đấu|bảo{_S}đảm|đảm{_S}bảo|tăng|giảm|duy{_S}trì){_E}", re.IGNORECASE)
# A deadline in the target's sentence dates it: "... trước ngày 30/4/2022", "trong năm 2023".
DEADLINE_YEAR_RE = re.compile(
    rf"{_W}(?:trước|chậm{_S}nhất|muộn{_S}nhất|hạn){_S}(?:ngày{_S})?\d{{1,2}}[/.-]\d{{1,2}}[/.-](?P<year>{_YEAR}){_E}",
    re.IGNORECASE)

# What a ratio must not follow or precede: dates, document numbers, phone numbers, ages.
RATIO_NOT_AFTER_RE = re.compile(
    rf"{_W}(?:ngày|tháng|năm|số|lúc|hạn|điện{_S}thoại|ĐT|fax|hotline)[ \u00a0:.]*$", re.IGNORECASE)
RATIO_NOT_BEFORE_RE = re.compile(
    rf"[ \u00a0]*(?:tuổi|tháng|ngày|giờ|phút|tuần|buổi|lần|h){_E}", re.IGNORECASE)
RATIO_CUE_BEFORE_RE = re.compile(
    rf"(?:{_W}(?:đạt|lên|xuống|còn|là|bằng|từ){_S}$)|(?:{_W}t[ỷỉ]{_S}lệ{_E})", re.IGNORECASE)

# Directions, read in what stands before the value (and the predicate's first words).
KEEP_RE = re.compile(rf"{_W}(?:duy{_S}trì|giữ(?:{_S}(?:vững|ổn{_S}định))?){_E}", re.IGNORECASE)
DECREASE_RE = re.compile(rf"{_W}(?:giảm|hạ|xuống){_E}", re.IGNORECASE)

# The plan's own labels: "Mục tiêu 2", "Chỉ tiêu 1".
LABEL_RE = re.compile(
    rf"""
    ^[\W_]*(?:[0-9a-zđ]{{1,3}}[.)]|[IVXLC]+\.)?[ \u00a0]*       # a marker: "b)", "2.", "-"
    (?P<kind>mục{_S}tiêu|chỉ{_S}tiêu|nhiệm{_S}vụ|tiêu{_S}chí)
    {_S}(?P<n>\d+(?:\.\d+)*[a-z]?)
    (?=[ \u00a0]*(?:[:.)–—-]|$))
    """,
    re.VERBOSE | re.IGNORECASE,
)

# Characters trimmed from both ends of a group or indicator.
_TRIM = " \u00a0\t\n,;:.-–—*#+•"
# Conjunctions left dangling at the end of a group before the next value.
TRAILING_CONJ_RE = re.compile(rf"(?:[ \u00a0,;]+(?:và|hoặc|cùng|với|và{_S}có))+[ \u00a0,;]*$", re.IGNORECASE)

# ---------------------------------------------------------------- tables

TABLE_SEPARATOR_RE = re.compile(r"^[ \u00a0]*\|?[ \u00a0:|-]*-{3,}[ \u00a0:|-]*$")
TABLE_YEAR_CELL_RE = re.compile(rf"^[ \u00a0]*(?:năm{_S})?(?P<year>{_YEAR})[ \u00a0]*$", re.IGNORECASE)


# ---------------------------------------------------------------- records


@dataclass
class TargetContext:
    """What the paragraph's surroundings say: the due year of an enclosing heading,
    and the years of a table's columns (from its header row)."""

    year: Optional[int] = None
    column_years: tuple[Optional[int], ...] = ()


@dataclass
class TargetMatch:
    """A target found in one text; offsets are into that text."""

    value: float
    comparator: Comparator
    unit: Literal["%", "ratio"]
    group: str
    start: int
    end: int
    group_start: int
    group_end: int
    indicator: Optional[str] = None
    denominator: Optional[float] = None
    baseline: Optional[float] = None
    baseline_year: Optional[int] = None
    min: Optional[float] = None
    year: Optional[int] = None
    direction: Direction = "increase"
    flags: list[str] = field(default_factory=list)


@dataclass
class _Anchor:
    """A value in a sentence with its comparator phrases and its place."""

    q: Quantity
    start: int  # comparator (or baseline) start
    end: int  # after suffix and year phrase
    comparator: Comparator
    year: Optional[int] = None
    baseline: Optional[float] = None
    baseline_year: Optional[int] = None
    clause_start: int = 0
    value_last: bool = False
    group: tuple[int, int] = (0, 0)
    predicate: Optional[tuple[int, int]] = None  # own predicate, value-first
    indicator: Optional[tuple[int, int]] = None  # value-last: the verb phrase before the group
    strong_cue: Optional[int] = None
    region: tuple[int, int] = (0, 0)


# ---------------------------------------------------------------- helpers


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) past spaces and punctuation at both ends."""
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    # an unmatched bracket at either end
    if end > start and text[end - 1] in "([" :
        end -= 1
    if end > start and text[start] in ")]":
        start += 1
    return start, end


def _trim_group(text: str, start: int, end: int) -> tuple[int, int]:
    start, end = _trim(text, start, end)
    m = TRAILING_CONJ_RE.search(text, start, end)
    if m and m.end() == end:
        end = m.start()
    return _trim(text, start, end)


def _sentences(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for m in SENTENCE_END_RE.finditer(text):
        bounds.append((start, m.start()))
        start = m.end()
    bounds.append((start, len(text)))
    return [(a, b) for a, b in bounds if b > a]


_COMPARATORS: dict[str, Comparator] = {"le": "<=", "ge": ">=", "gt": ">", "lt": "<", "eq": "=", "from": ">="}


def _comparator(text: str, q: Quantity, floor: int) -> tuple[Comparator, int, int]:
    """The comparator of ``q`` from the words around it, and the extent they give it.

    A range is ``<=`` its upper end; "từ X" alone is a lower bound (a baseline when
    "lên Y" follows, which ``_merge_baseline`` sees); a suffix "trở lên" wins.
    """
    start, end = q.start, q.end
    comparator: Comparator = "<=" if q.min is not None else "="
    before = COMPARATOR_BEFORE_RE.search(text, max(floor, q.start - 40), q.start)
    if before and q.min is None:
        start = before.start()
        comparator = _COMPARATORS[before.lastgroup or "eq"]
    after = COMPARATOR_AFTER_RE.match(text, q.end)
    if after:
        end = after.end()
        comparator = ">=" if after.group("ge") else "<="
    return comparator, start, end


def _keep_candidate(text: str, q: Quantity, clause_start: int) -> bool:
    """Whether a quantity may be a target at all (not a date, age, phone or past result)."""
    before = text[max(clause_start, q.start - 30):q.start]
    if PAST_BEFORE_RE.search(before) and not (
            "chiếm" in before.lower() and COMMITMENT_RE.search(text, clause_start, q.start)):
        return False
    if q.unit == "%":
        return True
    if q.denominator is not None and q.value > q.denominator:
        return False
    if RATIO_NOT_AFTER_RE.search(before) or RATIO_NOT_BEFORE_RE.match(text, q.end):
        return False
    if q.date_like:
        # "20/11" is a date unless the words before make it a ratio ("tỷ lệ ...", "đạt 10/12")
        return bool(RATIO_CUE_BEFORE_RE.search(text[clause_start:q.start]))
    return True


def _year_cue(text: str) -> Optional[int]:
    """The last due year named in ``text`` ("đến năm 2025", "giai đoạn 2021-2025")."""
    year = None
    for m in YEAR_CUE_RE.finditer(text):
        year = int(m.group("year") or m.group("end") or m.group("lead"))
    return year


@lru_cache(maxsize=256)
def heading_year(context: tuple[str, ...]) -> Optional[int]:
    """The due year given by the innermost enclosing heading that names one."""
    for heading in reversed(context):
        year = _year_cue(heading)
        if year:
            return year
    return None


def plan_label(context: Iterable[str], text: str = "") -> Optional[str]:
    """The plan's own numbering of a target: 'Mục tiêu 2 / Chỉ tiêu 1'."""
    parts = []
    for heading in [*context, text]:
        m = LABEL_RE.match(heading)
        if m:
            kind = re.sub(r"\s+", " ", m.group("kind"))
            parts.append(f"{kind[0].upper()}{kind[1:].lower()} {m.group('n')}")
    return " / ".join(parts) or None


def _direction(before: str, predicate: str, comparator: str, is_range: bool = False) -> Direction:
    """keep for "duy trì", decrease for "giảm"/"xuống" or a bare upper bound, else increase."""
    if KEEP_RE.search(before):
        return "keep"
    if DECREASE_RE.search(before):
        return "decrease"
    if KEEP_RE.match(predicate.lstrip()):
        return "keep"
    if comparator in ("<", "<=") and not is_range:
        return "decrease"
    return "increase"


# ---------------------------------------------------------------- predicate finding


@lru_cache(maxsize=1)
def _pos_tagger():
    """underthesea's POS tagger, loaded only when the cue grammar finds no predicate."""
    try:
        from underthesea import pos_tag  # noqa: WPS433 (heavy import, deferred)
    except Exception:  # pragma: no cover - optional
        return None
    return pos_tag


# Verbs that occur inside groups and must not open a predicate on their own.
# They describe who is counted ("người sử dụng lao động", "phụ nữ mang thai", "trẻ em lang thang").
_GROUP_VERBS = frozenset({
    "làm", "bị", "có", "nuôi dưỡng", "chăm sóc", "sử dụng", "liên quan", "mua bán", "bóc lột",
    "sinh sống", "cư trú", "sống", "lao động", "bảo vệ", "giáo dục", "mang thai", "lang thang",
    "khuyết tật", "mồ côi", "nhiễm", "ảnh hưởng", "vi phạm", "xâm hại", "tham gia", "trở thành", "bỏ học", "đi làm",
})

USE_POS_FALLBACK = True  # measured on the constructed dev set: see tests/test_targets.py


def _pos_predicate_start(text: str, start: int, end: int) -> Optional[int]:
    """First verb after a noun phrase, by POS tags: a fallback for predicates without cues."""
    tagger = _pos_tagger() if USE_POS_FALLBACK else None
    if tagger is None:
        return None
    chunk = text[start:end]
    try:
        tags = tagger(chunk)
    except Exception:  # pragma: no cover - the tagger must never sink extraction
        return None
    pos, seen_noun = 0, False
    for word, tag in tags:
        found = chunk.find(word, pos)
        if found < 0:
            continue
        pos = found + len(word)
        if tag in ("N", "Np", "Nc", "Ny"):
            seen_noun = True
        elif tag == "V" and seen_noun and word.lower() not in _GROUP_VERBS:
            return start + found
    return None


def _predicate_end(text: str, start: int, end: int) -> int:
    """A predicate runs to the end of its clause: the first ';' unless a list opened by ':' holds it."""
    semi = text.find(";", start, end)
    colon = text.find(":", start, end)
    if semi >= 0 and not (0 <= colon < semi):
        return semi
    return end


# ---------------------------------------------------------------- sentences


def _anchors(text: str, s_start: int, s_end: int, quantities: list[Quantity]) -> list[_Anchor]:
    """Values of one sentence with comparators; baselines merged into their targets,
    restating ratios ("100% (11/11) huyện") folded into the value before them."""
    anchors: list[_Anchor] = []
    floor = s_start
    for q in quantities:
        if anchors and _restates(text, anchors[-1], q):
            anchors[-1].end = floor = text.index(")", q.end) + 1
            continue
        clause_start = _clause_start(text, max(s_start, floor), q.start)
        if not _keep_candidate(text, q, clause_start):
            continue
        comparator, start, end = _comparator(text, q, max(clause_start, floor))
        anchor = _Anchor(q=q, start=start, end=end, comparator=comparator, clause_start=clause_start)
        year = YEAR_AFTER_RE.match(text, end)
        if year and year.end() <= s_end:
            anchor.year, anchor.end = int(year.group("year")), year.end()
        if anchors and _merge_baseline(text, anchors[-1], anchor):
            anchors[-1] = anchor
        else:
            anchors.append(anchor)
        floor = anchor.end
    return anchors


def _clause_start(text: str, floor: int, at: int) -> int:
    last = floor
    for m in CLAUSE_END_RE.finditer(text, floor, at):
        last = m.end()
    return last


def _clause_end(text: str, start: int, end: int) -> int:
    semi = text.find(";", start, end)
    return semi if semi >= 0 else end


def _merge_baseline(text: str, prev: _Anchor, cur: _Anchor) -> bool:
    """"144/200 năm 2022 lên 150/200": ``prev`` becomes the baseline of ``cur``."""
    if prev.q.unit != cur.q.unit:
        return False
    bridge = BASELINE_BRIDGE_RE.match(text[prev.q.end:cur.start])
    if not bridge:
        return False
    cur.baseline = prev.q.value
    cur.baseline_year = int(bridge.group("year")) if bridge.group("year") else prev.year
    cur.start = prev.start
    cur.clause_start = prev.clause_start
    return True


def _restates(text: str, prev: _Anchor, q: Quantity) -> bool:
    """A value in brackets right after another restates it: "100% (11/11)", "11/11 (100%)"."""
    return (not text[prev.end:q.start].strip(" \u00a0(") and "(" in text[prev.end:q.start]
            and text[q.end:q.end + 3].lstrip().startswith(")"))


def _shape(text: str, anchors: list[_Anchor], s_start: int, s_end: int) -> None:
    """Mark value-last targets and their groups and indicators.

    Value last when a rate noun and some words stand before the value ("Giảm tỷ lệ X
    dưới 1%"), or when nothing follows the value in its clause ("X đạt 90%"). A list
    "X 70%, Y 30%" ends in such a value; the values before it are value-last too.
    """
    prev_end = s_start
    for i, a in enumerate(anchors):
        lo = max(a.clause_start, prev_end)
        nxt = anchors[i + 1].start if i + 1 < len(anchors) else s_end
        rate = None
        for m in RATE_NOUN_RE.finditer(text, lo, a.start):
            rate = m
        after = text[a.end:_clause_end(text, a.end, nxt)]
        closes_clause = not after.strip(_TRIM + "()") or (
            after.lstrip(" \u00a0")[:1] == "," and bool(VALUE_VERB_BEFORE_RE.search(text, lo, a.q.start)))
        if rate and text[rate.end():a.start].strip(_TRIM):
            a.value_last = True
            a.indicator = _trim(text, _last_comma(text, lo, rate.start()), rate.end())
            a.group = _value_last_group(text, rate.end(), a.start)
        elif closes_clause and text[lo:a.start].strip(_TRIM):
            a.value_last = True
            a.group = _value_last_group(text, lo, a.start)
        prev_end = a.end
    # "Trẻ em 80%, cha mẹ 70%": every value before a value-last one, separated by commas
    # and without a predicate, pairs with the words before it.
    for i in range(len(anchors) - 2, -1, -1):
        a, nxt = anchors[i], anchors[i + 1]
        between = text[a.end:nxt.start]
        lo = max(a.clause_start, anchors[i - 1].end if i else s_start)
        if (nxt.value_last and nxt.indicator is None and not a.value_last
                and between.lstrip(" \u00a0")[:1] in (",", ";") and not STRONG_CUE_RE.search(between)
                and text[lo:a.start].strip(_TRIM)):
            a.value_last = True
            a.group = _value_last_group(text, lo, a.start)
            nxt.group = _value_last_group(text, a.end, nxt.start)


def _last_comma(text: str, lo: int, hi: int) -> int:
    """Start of the verb phrase before a rate noun: after the last comma, if any."""
    comma = text.rfind(",", lo, hi)
    return comma + 1 if comma >= 0 else lo


def _predicates(text: str, anchors: list[_Anchor], s_end: int) -> None:
    """Groups and predicates of value-first targets.

    A group runs from its value to the first strong cue (its own predicate), else to
    the next value, whose predicate it shares; the last group of a chain without a
    strong cue ends at a weak cue or at the first verb the POS tagger finds.
    """
    for i, a in enumerate(anchors):
        if a.value_last:
            continue
        if i + 1 < len(anchors):
            nxt = anchors[i + 1]
            r_end = nxt.clause_start if nxt.value_last and nxt.clause_start > a.end else nxt.start
        else:
            r_end = s_end
        a.region = (a.end, r_end)
        m = STRONG_CUE_RE.search(text, a.end, r_end)
        a.strong_cue = m.start() if m else None
    shared: Optional[tuple[int, int]] = None
    for a in reversed(anchors):
        if a.value_last:
            shared = None
            continue
        r_start, r_end = a.region
        if a.strong_cue is not None:
            a.predicate = (a.strong_cue, _predicate_end(text, a.strong_cue, r_end))
            a.group = _trim_group(text, r_start, a.strong_cue)
            shared = a.predicate
            continue
        if shared is not None:
            a.group = _trim_group(text, r_start, r_end)
            a.predicate = shared
            continue
        clause_end = _clause_end(text, r_start, r_end)
        weak = WEAK_CUE_RE.search(text, r_start, clause_end)
        cue = weak.start() if weak else _pos_predicate_start(text, r_start, clause_end)
        if cue is not None and text[r_start:cue].strip(_TRIM):
            a.predicate = (cue, _predicate_end(text, cue, r_end))
            a.group = _trim_group(text, r_start, cue)
            shared = a.predicate
        else:
            a.group = _trim_group(text, r_start, clause_end)
            shared = None


def _sentence_targets(text: str, s_start: int, s_end: int, quantities: list[Quantity],
                      ctx: TargetContext) -> list[TargetMatch]:
    anchors = _anchors(text, s_start, s_end, quantities)
    if not anchors:
        return []
    _shape(text, anchors, s_start, s_end)
    _predicates(text, anchors, s_end)
    sentence_year = _year_cue(text[s_start:anchors[0].start])
    if sentence_year is None and len(anchors) == 1:  # "100% các xã ... trước ngày 30/4/2022"
        deadline = DEADLINE_YEAR_RE.search(text, anchors[0].end, s_end)
        sentence_year = int(deadline.group("year")) if deadline else None
    return [_match(text, a, ctx, sentence_year) for a in anchors
            if a.group[1] > a.group[0] and not MONEY_GROUP_RE.match(text, a.group[0])]


def _value_last_group(text: str, start: int, end: int) -> tuple[int, int]:
    g_start, g_end = _trim(text, start, end)
    tail = VALUE_VERB_TAIL_RE.search(text, g_start, g_end)
    if tail:
        g_end = tail.start()
    return _trim(text, g_start, g_end)


def _match(text: str, a: _Anchor, ctx: TargetContext, sentence_year: Optional[int]) -> TargetMatch:
    g_start, g_end = a.group
    ind = a.indicator if a.value_last else a.predicate
    if a.value_last:
        start = min(g_start, ind[0]) if ind else g_start
        end = a.end
        # the verbs around the group say the direction: "Giảm tỷ lệ X", "X giảm xuống dưới 20%"
        before = (text[ind[0]:ind[1]] if ind else "") + " " + text[g_end:a.start]
        predicate = ""
    else:
        start = a.start
        end = max(g_end, ind[1]) if ind else g_end
        before = text[a.clause_start:a.start]
        predicate = text[ind[0]:ind[1]] if ind else ""
    indicator = text[ind[0]:ind[1]].strip(_TRIM) if ind else None
    return TargetMatch(
        value=a.q.value, comparator=a.comparator, unit=a.q.unit, group=text[g_start:g_end],
        start=start, end=end, group_start=g_start, group_end=g_end, indicator=indicator or None,
        denominator=a.q.denominator, baseline=a.baseline, baseline_year=a.baseline_year, min=a.q.min,
        year=a.year or sentence_year or ctx.year,
        direction=_direction(before, predicate, a.comparator, is_range=a.q.min is not None),
        flags=["ocr_repaired"] if a.q.repaired else [],
    )


# ---------------------------------------------------------------- tables


def _cells(line: str, offset: int) -> list[tuple[int, int]]:
    """Cell ranges of a markdown table row ('| a | b |' or 'a | b'), offsets into the full text."""
    bars = [i for i, ch in enumerate(line) if ch == "|"]
    if not line.lstrip().startswith("|"):
        bars = [-1, *bars]
    if line.rstrip()[-1:] != "|":
        bars = [*bars, len(line)]
    return [(offset + a + 1, offset + b) for a, b in zip(bars, bars[1:])]


def header_years(line: str) -> tuple[Optional[int], ...]:
    """Column years of a table header row ('| Chỉ tiêu | 2023 | 2024 | 2025 |'), or ()."""
    cells = [line[a:b] for a, b in _cells(line, 0)]
    years = tuple(int(m.group("year")) if (m := TABLE_YEAR_CELL_RE.match(c)) else None for c in cells)
    return years if any(years) and "%" not in line else ()


def _table_row_targets(text: str, start: int, end: int, ctx: TargetContext) -> list[TargetMatch]:
    cells = _cells(text[start:end], start)
    label_cell = None
    out: list[TargetMatch] = []
    for index, (a, b) in enumerate(cells):
        quantities = find_quantities(text[a:b])
        if not quantities:
            if label_cell is None and re.search(r"[^\W\d_]", text[a:b]):
                label_cell = (a, b)
            continue
        if label_cell is None:
            continue
        # "Tỷ lệ trẻ em được ...": the rate noun is the indicator, the rest the group
        label_start, label_end = _trim(text, *label_cell)
        rate = RATE_NOUN_RE.match(text, label_start)
        g_start, g_end = _trim(text, rate.end() if rate else label_start, label_end)
        indicator = text[rate.start():rate.end()] if rate else None
        if not rate:  # "GVCN được tập huấn ...": the label is group + predicate, as in a sentence
            cue = STRONG_CUE_RE.search(text, g_start, g_end)
            cut = cue.start() if cue else _pos_predicate_start(text, g_start, g_end)
            if cut is not None and text[g_start:cut].strip(_TRIM):
                indicator = text[cut:g_end].strip(_TRIM)
                g_start, g_end = _trim_group(text, g_start, cut)
        year = ctx.column_years[index] if index < len(ctx.column_years) else None
        for q in quantities:
            q = replace(q, start=q.start + a, end=q.end + a)
            comparator, _, q_end = _comparator(text, q, a)
            out.append(TargetMatch(
                value=q.value, comparator=comparator, unit=q.unit, group=text[g_start:g_end],
                start=label_start, end=q_end, group_start=g_start, group_end=g_end,
                indicator=indicator, denominator=q.denominator, min=q.min,
                year=year or ctx.year, direction=_direction(indicator or "", "", comparator),
                flags=["ocr_repaired"] if q.repaired else [],
            ))
    return out


def _table_targets(text: str, ctx: TargetContext) -> list[TargetMatch]:
    out: list[TargetMatch] = []
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        if not line.strip() or TABLE_SEPARATOR_RE.match(line):
            continue
        years = header_years(line)
        if years:
            ctx = replace(ctx, column_years=years)
            continue
        out.extend(_table_row_targets(text, start, end, ctx))
    return out


# ---------------------------------------------------------------- public API


def is_table_row(text: str) -> bool:
    return text.lstrip().startswith("|")


def find_targets(text: str, context: Optional[TargetContext] = None) -> list[TargetMatch]:
    """Every target in one normalised paragraph (or markdown table row/rows)."""
    ctx = context or TargetContext()
    if is_table_row(text):
        return _table_targets(text, ctx)
    quantities = find_quantities(text)
    if not quantities:
        return []
    out: list[TargetMatch] = []
    for s_start, s_end in _sentences(text):
        inside = [q for q in quantities if s_start <= q.start < s_end]
        if inside:
            out.extend(_sentence_targets(text, s_start, s_end, inside, ctx))
    return out


def may_hold_quantity(text: str) -> bool:
    """A cheap test before the grammar runs: a percent sign, a slash or the word "trăm"."""
    return "%" in text or "％" in text or "/" in text or "trăm" in text or "TRĂM" in text

# Paragraph roles that never hold the plan's commitments.
_SKIP_ROLES = frozenset({"header", "doc_type", "title", "preamble", "closing", "signature"})
# Section kinds whose percentages are not commitments: shares of money, evaluations.
_SKIP_KINDS = frozenset({"budget", "review"})

# A section reporting past results or the situation ("KẾT QUẢ THỰC HIỆN NĂM 2022",
# "THỰC TRẠNG") states achieved values, not commitments, unless it names results to reach.
PAST_SECTION_RE = re.compile(
    rf"{_W}(?:kết{_S}quả|thực{_S}trạng|tình{_S}hình){_E}(?!.*{_W}(?:cần|phải|dự{_S}kiến|mong{_S}đợi)(?:{_S}\w+)?{_S}đạt)",
    re.IGNORECASE,
)
# A lead-in that opens a list of targets: "Phấn đấu đến năm 2025, đạt các chỉ tiêu sau:".
LEAD_IN_END_RE = re.compile(r"[:：][ \u00a0]*$")


def _skip(p: "Paragraph") -> bool:
    if p.role in _SKIP_ROLES or p.section_kind in _SKIP_KINDS:
        return True
    title = p.context[0] if p.section and p.context else ""
    return bool(title and PAST_SECTION_RE.search(title) and not re.search(r"(?i)mục\s+tiêu|chỉ\s+tiêu", title))


def extract_targets(doc: "Doc") -> list[Target]:
    """Every target of the plan, in document order, with section, label, year and evidence.

    The due year comes from the target's own sentence, else from the innermost heading
    that names one ("Mục tiêu đến năm 2025"), else from a lead-in paragraph ending in
    ":" that names one, for the items that follow it.
    """
    targets: list[Target] = []
    column_years: tuple[Optional[int], ...] = ()
    lead_year: Optional[int] = None
    lead_depth = 0
    for p in doc.paragraphs:
        if lead_year is not None and (p.role == "section_heading" or len(p.path) < lead_depth):
            lead_year = None
        if _skip(p):
            continue
        if is_table_row(p.text):
            years = header_years(p.text)
            if years:
                column_years = years
                continue
        else:
            column_years = ()
        if not may_hold_quantity(p.text):
            if LEAD_IN_END_RE.search(p.text):
                lead_year, lead_depth = _year_cue(p.text), len(p.path)
            continue
        ctx = TargetContext(year=heading_year(tuple(p.context)) or lead_year, column_years=column_years)
        matches = find_targets(p.text, ctx)
        if matches:
            label = plan_label(p.context, p.body)
            targets.extend(_target(doc, p, m, label) for m in matches)
    return targets


def _target(doc: "Doc", p: "Paragraph", m: TargetMatch, label: Optional[str]) -> Target:
    span = doc.span(p.start + m.start, p.start + m.end)
    return Target(
        value=m.value, comparator=m.comparator, unit=m.unit, denominator=m.denominator,
        baseline=m.baseline, baseline_year=m.baseline_year, min=m.min, group=m.group,
        indicator=m.indicator, year=m.year, section=p.section, section_path=list(p.path),
        label=label, direction=m.direction, span=span, flags=list(m.flags),
    )
