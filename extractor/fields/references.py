"""Legal and administrative documents a plan cites, one ``Reference`` per document.

A citation is read with the grammar

    <type> [số] <number> [,] [ngày <date>] [của <issuer>] [về việc | về | V/v <subject>]

where ``<type>`` comes from ``data/doc_types.json`` ("Quyết định", "Thông tư liên tịch",
"Công văn" ...), ``<number>`` from ``docnumbers`` and ``<date>`` from ``dates``. Documents
cited by name carry a title instead of a number: laws and conventions ("Luật Trẻ em", "Luật
sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa
phương"), and instruments named without their decision ("Chiến lược Dân số Việt Nam đến năm
2030", "Kế hoạch của UBND thành phố về việc tổ chức ...", its issuer the body it names) where a
citation stands (after "Căn cứ", "Thực hiện", or in a list of citations). A bare
ordinal ("Đề án 06") is a title too; with "số" it is a short number ("Nghị quyết số 29"). A number
cited without a type word ("theo 782/QĐ-TTg") takes its type from the symbol. ``find_references``
reads one paragraph; ``extract_references`` resolves all mentions in a ``Doc`` to one record
each, leaving out the document's own number (its "Số: ..." line, an annex's "(Ban hành kèm
theo Quyết định số ...)", the lead of a text without its header citing its own title line), the
instruments that are only the content of a cited decision, a website's lines before the document
and rows of its related-documents lists, and citations cut by the end of the text. An issuer is as
named in the citation (or before a list: "các Quyết định của Thủ tướng Chính phủ số: ..."), or the
co-issuers a joint document's symbol names; a single body's symbol names no issuer of its own.

Reading is two-step for speed: one scan finds the type words (a prefix-tree pattern),
then anchored patterns read what follows each one; every step is linear in the paragraph.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from functools import lru_cache
from typing import TYPE_CHECKING, Optional

from ..grammar import ENDED
from ..records import Metadata, Reference, Span
from ..tones import at_word_start, fold
from . import dates, docnumbers
from .docnumbers import DocNumber, find_number_labels, lexicon, number_key, parse_number, source_line
from .metadata import extract_metadata
from .names import abbreviations, canonical_name, known_fields

if TYPE_CHECKING:  # pragma: no cover
    from ..document import Doc, Paragraph


@dataclass(frozen=True)
class RefMatch:
    """One citation in a paragraph; offsets are relative to the paragraph text."""

    start: int
    end: int
    doc_type: Optional[str] = None
    number: Optional[str] = None       # canonical number, e.g. "56/2017/NĐ-CP"
    title: Optional[str] = None        # name when cited without a number, e.g. "Luật Trẻ em"
    date: Optional[str] = None         # ISO, as precise as written
    date_valid: bool = True
    issuer: Optional[str] = None       # canonical issuer, written or inferred from the symbol
    subject: Optional[str] = None      # "về việc ..." as written
    repaired: bool = False             # the number needed an OCR repair
    issuer_code: Optional[str] = None  # issuing-body part of the symbol ("LĐTBXH" in 636/LĐTBXH-TE)
    ordinal: Optional[str] = None      # for a bare-ordinal citation ("6" in "Đề án 06")
    short: Optional[str] = None        # the ordinal as written after "số" ("29" in "Nghị quyết số 29")
    named: bool = False                # an instrument named by its title alone ("Chiến lược ...")
    issuer_inferred: bool = False      # the issuer comes from the symbol, not the text
    issuer_before: bool = False        # the issuer is written before the citation (its sentence's subject)
    attached: bool = False             # "(Kèm theo Kế hoạch số ...)": the document itself, or what it approves


# ---------------------------------------------------------------- lexicon


@lru_cache(maxsize=4096)
def _key(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip().casefold()


def _trie(phrases: Iterable[str]) -> str:
    """An alternation of ``phrases`` as a prefix tree (fast in ``re``); a space matches any whitespace."""
    root: dict = {}
    for phrase in phrases:
        node = root
        for ch in " ".join(phrase.split()):
            node = node.setdefault(ch, {})
        node[""] = {}  # a phrase ends here

    def emit(node: dict) -> str:
        alts = [(r"\s+" if ch == " " else re.escape(ch)) + emit(child) for ch, child in node.items() if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else f"(?:{'|'.join(alts)})"
        return f"(?:{body})?" if "" in node else body  # greedy: the longer phrase is tried first

    return emit(root)


def _capitalised(names: Iterable[str]) -> list[str]:
    """``names`` as written (capitalised), in upper case and in title case ("Quyết Định")."""
    names = list(names)
    names += [n.upper() for n in names]
    return names + [" ".join(w[:1].upper() + w[1:] for w in n.split()) for n in names]


def _lower_initial(names: Iterable[str]) -> list[str]:
    """``names`` with their first letter in lower case ("quyết định")."""
    return [n[0].lower() + n[1:] for n in names]


def _alternation(names: Iterable[str], any_case: bool = False) -> str:
    """``names`` as one fast pattern; ``any_case`` adds the lower-case-initial, title-case
    ("Quyết Định") and upper-case spellings."""
    names = list(names)
    return _trie(_capitalised(names) + _lower_initial(names) if any_case else names)


TYPES: dict[str, dict] = {_key(t["name"]): t for t in lexicon()["types"]}
_TYPE_NAMES = [t["name"] for t in lexicon()["types"]]
_NAMED_TYPE_NAMES = [t["name"] for t in lexicon()["types"] if t.get("named")]
_ALL_TYPES = _alternation(_TYPE_NAMES, any_case=True)
_KNOWN_TITLES = _alternation(lexicon()["known_titles"]["titles"], any_case=True)
_ISSUER_HEADS = _alternation(lexicon()["issuer_heads"]["heads"])
_GENERIC_TITLE_WORDS = tuple(fold(w) for w in lexicon()["generic_titles"]["words"])
_LAW_TYPES = {"Luật", "Bộ luật"}  # what an amending law amends
# "pháp luật", "PHÁP LUẬT" (law in general), "Đại học Luật", "Khoa Luật", "Hội Luật gia": a word or a
# name holding "luật", not a law's type word.
_LAW_IN_WORD_BEFORE = re.compile(r"(?i:pháp|học|khoa|ngành|hội)\s+$")
# A law named in lower case ("Luật thú y", "Luật đất đai") has two words at least, and does not open
# with a word that says which law rather than naming it ("Luật này", "Luật mới", "Luật sư", "Luật pháp").
_NOT_A_LAW_NAME = re.compile(
    r"(?:này|pháp|sư|gia|học|lệ|chơi|định|mới|cũ|khác|trên|nêu|tương\s+ứng|liên\s+quan|chuyên\s+ngành|riêng|chung|gốc"
    r"|mẫu|cơ\s+bản|hiện\s+hành|nói|đó|ấy)(?!\w)")
MIN_LOWER_LAW_WORDS = 2

# ---------------------------------------------------------------- grammar

SO = r"(?i:s[ốo])"                            # "số", OCR "so"

# The scan: a type word standing alone. "Quyết định", "quyết định", "QUYẾT ĐỊNH", "Bộ luật" ...
TYPE_WORD_RE = re.compile(rf"\b(?:{_ALL_TYPES})(?!\w)")
# The same for scanning a paragraph: without the leading \b, which keeps the regex engine from
# skipping ahead to a type word's first letter; the word start is checked in code.
_TYPE_WORD_SCAN = re.compile(rf"(?:{_ALL_TYPES})(?!\w)")
# Its capitalised spellings alone, for a paragraph where no type word in lower case can head a
# citation (``_lower_case_may_head``): capitals are rare, so the engine skips ahead over most of the
# text. A lower-case spelling holds no capital, so this scan finds the other one's capitalised words.
_CAPITALISED_TYPE_WORD_SCAN = re.compile(rf"(?:{_trie(_capitalised(_TYPE_NAMES))})(?!\w)")

# <type> [số] <number>: "Quyết định số 782/QĐ-TTg", "Công văn số: 636/LĐTBXH-TE", "Thông tư 13/2021/TT-BLĐTBXH",
# "Kế hoạch số1891/KH-PGDĐT" (the space lost)
NUMBER_AFTER_RE = re.compile(
    rf"""(?:\s+{SO})?\s*[:.]?\s*                  # optional "số" / "số:"
    (?P<number>{docnumbers.DOC_NUMBER_LOOSE})      # 782/QĐ-TTg, 219 KH/TĐTN-TN, 04-CT/TU, 7 82/QD-TTg
    """,
    re.VERBOSE,
)

# <type> [số] <ordinal>: "Đề án 06", "Nghị quyết số 42" (no symbol)
ORDINAL_AFTER_RE = re.compile(
    rf"""(?P<so>\s+{SO})?\s*(?<=\s|[ốo])
    (?P<ordinal>\d{{1,5}})
    (?![\d\w]|\s?[/\-]\s?\w|[.,]\d)                           # not a full number, not a decimal
    (?!\s*(?:%|(?i:tháng|năm|lần|quý|tuần|giờ|người)(?!\w)|(?i:ngày)(?!\s*\d)))   # not "Báo cáo 6 tháng", "10 ngày"
    """,
    re.VERBOSE,
)

# A title in the lexicon, read from the type word on: "Luật Trẻ em", "Công ước Quốc tế về quyền trẻ em"
KNOWN_TITLE_RE = re.compile(rf"(?:{_KNOWN_TITLES})(?!\w)")
# One word of a title: a comma, or a run without spaces and punctuation (a dot inside a word
# stays: "1.000"); a dash between spaces is a word of its own.
_TITLE_MARKS = r";:()“”\"\[\]"  # the marks no word of a title holds
TITLE_TOKEN_RE = re.compile(rf"\s*(,|(?:[^\s,{_TITLE_MARKS}.]|\.(?=[^\s.]))+)")
# A law's title ends at its date or year, its number, or a word that opens what follows the title.
# Lower case only: "Luật Phòng, chống ..." and names in titles are capitalised.
LAW_STOP_RE = re.compile(
    rf"""(?:
        (?:ngày|n{dates.BREVE_A}m|theo|tại|để|nhằm|được|đã|mở|này|là|có|cho|với|đến|tới|vào|đối|trong|trên|về|do|kể|từ|khi|mà
          | quy\s+định|sửa\s+đổi|hiện\s+hành|hướng\s+dẫn|ban\s+hành|thông\s+qua|thi\s+hành
          | [-–—]
        )(?!\w)
      | (?i:số|ngày|n{dates.BREVE_A}m)\s*[:\d]                  # "số 121/2020/QH14" (not "một số điều"), "SỐ 72/..."
      | \d                                                    # a number or a year
    )""",
    re.VERBOSE,
)
# "và" and a lower-case word go on with a short name ("Luật Hôn nhân và gia đình", "Luật Bảo vệ và
# phát triển rừng"); after a longer one they open another object ("Công ước ... thuốc lá và cam kết ...").
MAX_WORDS_BEFORE_VA = 4
# Who passes a law: a law "của Quốc hội" names its issuer; "của" any other body names its object
# ("Luật Ban hành văn bản quy phạm pháp luật của Hội đồng nhân dân, Ủy ban nhân dân").
LAWGIVER_RE = re.compile(r"(?:(?i:(?:ủy|uỷ)\s+ban\s+thường\s+vụ\s+)?(?i:quốc\s+hội)|UBTVQH|QH)(?!\w)")
_AMENDING = re.compile(r"[Ss]ửa\s+đổi(?!\w)")               # "Luật sửa đổi, bổ sung một số điều của ..."
MAX_LAW_WORDS = 32
# "về" belongs to a convention's name ("Công ước ... về quyền trẻ em"), not to a law's.
_VE_IN_TITLE = {"Công ước"}
# After "," or "và" a title does not go on with these: "Luật Trẻ em và các văn bản hướng dẫn".
_TITLE_LIST_STOP = re.compile(r"(?:các|những|mọi|văn\s+bản|hướng\s+dẫn|quy\s+định|theo|tại|trong)(?!\w)")

# The title of an instrument named without its decision: "Chiến lược Dân số Việt Nam đến năm 2030",
# "Nghị quyết Đại hội Đảng bộ xã Phong Mỹ lần thứ XIV", "Kế hoạch thực hiện năm học 2023-2024".
# It runs to punctuation, a new citation, or a word that opens what follows the title.
NAMED_STOP_RE = re.compile(
    r"""(?:
        của|được|đã|nhằm|để|theo|tại|do|là|này|đó|với|cho|khi|thì|mà|nên
      | và\s+(?:các|những)\s+(?:văn\s+bản|quy\s+định|chương\s+trình|kế\s+hoạch|đề\s+án|nghị\s+quyết|chính\s+sách
                           |nội\s+dung|hoạt\s+động|nhiệm\s+vụ)
      | như\s+sau|cụ\s+thể|ban\s+hành|phê\s+duyệt|xây\s+dựng|kèm\s+theo
      | số(?=\s*[:\d])|ngày(?=\s*\d)
    )(?!\w)""",
    re.VERBOSE,
)
# Where such a title ends at the latest: a mark no title word holds, a full stop, or at a word's
# start (after a space or a comma, where a word of the title begins) a word of ``NAMED_STOP_RE`` or,
# past the first word, a type word.
_NAMED_SPAN_END = re.compile(
    rf"[{_TITLE_MARKS}]|\.(?![^\s.])|(?<![^\s,])(?:{NAMED_STOP_RE.pattern}|(?:{_ALL_TYPES})(?!\w))", re.VERBOSE)
# After a comma the title goes on only with a lower-case word that continues the name ("phòng,
# chống bệnh ung thư, tim mạch, ...", ", giai đoạn 2017-2020"), not with these.
NAMED_COMMA_STOP_RE = re.compile(
    r"""(?:
        các|những|mọi|nhằm|để|đồng\s+thời|cụ\s+thể|trong|tại|theo|góp|nhiệm\s+kỳ|trên|với|đã|được
      | là|này|đó|qua|từ|khi|thì|và|bảo\s+đảm|đảm\s+bảo|nâng|tăng|phấn|triển\s+khai|thực\s+hiện|chỉ\s+đạo
    )(?!\w)""",
    re.VERBOSE,
)
# "Kế hoạch của Ủy ban nhân dân thành phố về việc tổ chức ...", "kế hoạch UBND huyện X về việc xây dựng
# ...": an instrument named by its issuer and its subject, without a number; the name runs to the
# subject's end.
ISSUED_NAMED_RE = re.compile(rf"\s+(?:của\s+)?(?=(?:{_ISSUER_HEADS})(?!\w))")
NAMED_SUBJECT_RE = re.compile(r"\s*(?i:về\s+việc|v/v|về)\s+(?P<subject>[^;]+?)(?=\s*(?:;|\.(?:\s|$)|$))")
_ORDINAL_NAME = re.compile(r"\s+lần\s+thứ\s+(?:[IVXLC]+|\d+)(?!\w)")   # a congress: "... lần thứ XIV"
MAX_NAMED_WORDS = 40
MIN_NAMED_WORDS = 2  # "Kế hoạch này", "Chương trình" alone are no names

# Where a named instrument is a citation: right after an opening verb at the start of a
# paragraph or clause ("Căn cứ", "- Thực hiện", "; Triển khai thực hiện") ...
_OPENER = r"""(?i:căn\s+cứ(?:\s+vào)?|thực\s+hiện|triển\s+khai(?:\s+thực\s+hiện)?|thi\s+hành|theo
                 |để\s+(?:thực\s+hiện|triển\s+khai))"""
OPENER_BEFORE_RE = re.compile(rf"(?:^|[;:])\W*{_OPENER}\s+$", re.VERBOSE)
# A clause (read from its start) opening with that verb and a named type word in lower case, the one
# place such a word names an instrument (``_lower_named``): "Căn cứ điều lệ trường Tiểu học".
_OPENS_WITH_LOWER_NAMED = re.compile(rf"\W*{_OPENER}\s+(?={_trie(_lower_initial(_NAMED_TYPE_NAMES))})", re.VERBOSE)
_CLAUSE_OPENS_WITH_LOWER_NAMED = re.compile(rf"[;:]{_OPENS_WITH_LOWER_NAMED.pattern}", re.VERBOSE)
# ... or as the object of implementing or reaching it, anywhere in a clause ("UBND tỉnh ban hành Kế
# hoạch ... thực hiện Chiến lược Dân số Việt Nam đến năm 2030", "góp phần hoàn thành các mục tiêu của
# Chương trình nghị sự 2030 vì sự phát triển bền vững") ...
IMPLEMENTS_BEFORE_RE = re.compile(
    r"""(?<!\w)(?:
        (?:thực\s+hiện|triển\s+khai|thi\s+hành|hoàn\s+thành)
        (?:\s+(?:thành\s+công|tốt|có\s+hiệu\s+quả|hiệu\s+quả|đồng\s+bộ))?
        (?:\s+(?:(?:các|những)\s+)?(?:mục\s+tiêu|nhiệm\s+vụ|chỉ\s+tiêu)\s+của)?
      | (?:mục\s+tiêu|nhiệm\s+vụ|chỉ\s+tiêu)\s+của
    )\s+$""",
    re.VERBOSE | re.IGNORECASE,
)
# A locality in an instrument's name: "... tỉnh Quảng Bình", "... trên địa bàn tỉnh", "... của huyện".
_LOCALITY_IN_NAME = re.compile(
    r"(?<!\w)(?:tỉnh|huyện|xã|quận|phường|thị\s+xã|thị\s+trấn|thành\s+phố|địa\s+bàn|địa\s+phương)(?!\w)",
    re.IGNORECASE)
# ... or after another citation, joined by "," ";" or "và", perhaps with a verb ("và triển khai
# đồng bộ, hiệu quả Chiến lược ...").
LIST_GAP_RE = re.compile(
    r"""\s*(?:[,;]|và)\s*
    (?:(?:thực\s+hiện|triển\s+khai|thi\s+hành)(?:\s+[^\s;.()]+){0,4}?\s+)?""",
    re.VERBOSE,
)
_MAX_GAP = 60
_PLURAL_BEFORE = re.compile(r"(?:các|những|mọi|một\s+số)\s+$", re.IGNORECASE)
# "(Ban hành kèm theo Quyết định số 745/QĐ-UBND ...)", "(Kèm theo ...)": an annex names the
# decision that issues it, the document itself.
SELF_BEFORE_RE = re.compile(r"\(\s*(?:[Bb]an\s+hành\s+)?[Kk]èm\s+theo\s+$")

# After the head: "ngày 27/5/2021", ", ngày 05/8/2016", "ban hành ngày 27 tháng 5 năm 2021", "năm 2016"
TAIL_DATE_RE = re.compile(
    rf"\s*,?\s*(?:(?:được\s+)?(?:ban\s+hành|ký|thông\s+qua)\s+)?(?P<date>{dates.DATE})", re.VERBOSE
)
_OPENS_WITH_DAY = re.compile(rf"{dates.NGAY}\s")
TAIL_OF_RE = re.compile(r"\s*,?\s*của\s+")                         # "của <issuer>"
_SPACES = re.compile(r"\s*")
# "Hội nghị lần thứ sáu Ban Chấp hành Trung ương": a plenum of a body, whose documents are the body's.
PLENUM_RE = re.compile(r"(?i:hội\s+nghị)\s+lần\s+thứ\s+\w+\s+(?:của\s+)?(?=[A-ZĐ])")
# ", Khóa XI", "(khóa XII)": the term of a Party body, between a citation and its issuer.
TAIL_TERM_RE = re.compile(r"\s*,?\s*\(?\s*(?i:khóa|khoá)\s+[IVXLC]+\s*\)?")
# "Luật Trẻ em số 102/2016/QH13", "Luật Tổ chức chính quyền địa phương 72/2025/QH15"
TAIL_NUMBER_RE = re.compile(rf"\s+(?:{SO}\s*:?\s*)?(?P<number>{docnumbers.DOC_NUMBER_LOOSE})", re.VERBOSE)
SUBJECT_RE = re.compile(
    rf"""\s*,?\s*(?:
        (?i:về\s+việc|v/v|về|việc)\s+                           # "về việc ...", "V/v ...", "Về ..."
      | (?=(?:hướng\s+dẫn|ban\s+hành|quy\s+định|phê\s+duyệt)\s)  # a verb phrase naming the content
    )(?P<subject>[^;]+?)
    (?=\s*(?:;|\.(?:\s|$)|$|,\s*(?:{_ISSUER_HEADS})\s|\(sau\s+đây))   # to ";", a full stop, the next body
    """,
    re.VERBOSE,
)
# "hướng dẫn của Bộ tại Công văn số ...", "Theo đề nghị của Giám đốc Sở Y tế tại Tờ trình số ...":
# the issuer written before the citation.
ISSUER_BEFORE_RE = re.compile(rf"của\s+(?P<issuer>(?:{_ISSUER_HEADS})(?!\w)[^;.]{{0,90}}?)\s+(?:tại|theo)\s+$")
# What a body that is a sentence's subject does to the document it names: "ban hành", "xây dựng và ban
# hành", "ký", "có" (a letter: "Bộ Y tế đã có Công văn số ..."), "phê duyệt".
_ISSUING_VERB = r"(?:(?:xây\s+dựng\s+và\s+)?ban\s+hành|ký(?:\s+ban\s+hành)?|có|phê\s+duyệt)(?!\w)"
# A body's name as the subject: its head, then words; a comma only before a word that opens no other
# body ("Bộ Văn hóa, Thể thao và Du lịch", not "Sở Y tế, UBND tỉnh").
_SUBJECT_ISSUER = rf"(?:{_ISSUER_HEADS})(?!\w)(?:[^;.,()\d/]|,(?!\s*(?:{_ISSUER_HEADS})(?!\w))){{0,60}}?"
# "UBND tỉnh đã ban hành Quyết định số 685/QĐ-UBND", "Quốc hội Khóa XV đã ban hành Luật ... số 72/2025/QH15",
# "Ngày 16/8/2022, Bộ Y tế đã có Văn bản số ...": the issuer, and the date that opens its sentence.
ISSUER_ISSUED_RE = re.compile(
    rf"""(?:(?P<date>{dates.DATE})\s*,\s*)?
    (?<![\w])(?P<issuer>{_SUBJECT_ISSUER})\s+(?:(?i:khóa|khoá)\s+[IVXLC]+\s+)?
    (?:(?:đã|vừa|mới)\s+)*{_ISSUING_VERB}\s+$""",
    re.VERBOSE,
)
_ISSUER_BEFORE_REACH = 120
# "... số 3288/QĐ-BGDĐT, ngày ... hướng dẫn về “...” do Bộ Giáo dục và Đào tạo ban hành": the issuer
# written after the subject, in the citation's own clause.
ISSUED_BY_RE = re.compile(rf"(?<!\w)do\s+(?=(?:{_ISSUER_HEADS})(?!\w))")
ISSUED_BY_VERB_RE = re.compile(r"\s+(?:(?:đã|vừa)\s+)?(?:ký\s+)?ban\s+hành(?!\w)")
_CLAUSE_END = re.compile(r";|\.(?:\s|$)")
# A verb inside what stands before "tại"/"theo" says it is no body's name alone.
_VERB_IN_ISSUER = re.compile(r"(?<!\w)(?:ban\s+hành|kèm|phê\s+duyệt|giao|đã|được|thực\s+hiện|triển\s+khai)(?!\w)")

# Issuer words: "(UBND)", a plan's own abbreviation, is skipped; "-" joins; punctuation ends the name.
ISSUER_TOKEN_RE = re.compile(r"\s*(\([A-ZĐ&\-]+\)|[-–]|,|(?:TP|Tp|TX|Tx)\.(?=\s*[A-ZĐ])|[^\s,;.:()“”\"]+)")
ISSUER_STOP_RE = re.compile(
    r"""\s*(?:
        (?:số|năm|việc|công\s+bố|thông\s+báo|sửa\s+đổi|bổ\s+sung)(?!\w)   # lower case only: "huyện Năm Căn" is a name
      | (?i:v(?:ề|ể|ễ|ế|ệ)|v/v|tại|theo|ngày|đã|được|nhằm|để|giao|trong|cho|với|đến|khi|kèm   # "về", mistyped "vể"
          |hướng\s+dẫn|ban\s+hành|quy\s+định|phê\s+duyệt|triển\s+khai|thực\s+hiện)(?!\w)
      | (?<![Bb][Aa][Nn]\s)(?i:chỉ\s+đạo)(?!\w)            # the verb, not "Ban Chỉ đạo ..." (a body)
      | [;.:()“”"]
    )""",
    re.VERBOSE,
)
ISSUER_HEAD_RE = re.compile(rf"\s*(?:{_ISSUER_HEADS})(?!\w)")
# A locality ends a body's name: after "tỉnh Tuyên Quang" a lower-case word is what the body did
# ("... tỉnh Tuyên Quang công bố hiện trạng rừng").
_LEVEL_WORD = re.compile(r"(?i:tỉnh|huyện|xã|quận|phường|thị\s+xã|thị\s+trấn|thành\s+phố|tp\.?)$")
MAX_ISSUER_WORDS = 16
_UNIT_NOUN = re.compile(r"(?<=\S\s)(Tỉnh|Huyện|Xã|Quận|Phường|Thị\s+xã|Thị\s+trấn|Thành\s+phố)(?=\s+(\w))")
_NHAN_DAN = re.compile(r"\b(Ủy\s+ban|Hội\s+đồng)\s+Nhân\s+[Dd]ân\b")
_BARE_UNIT = re.compile(r"^(?:Bộ|Sở|Phòng|Cục|Ủy ban|Ban)$")
_UNIT_LETTER = {"Bộ": "B", "Sở": "S", "Phòng": "P", "Cục": "C"}  # the letter a unit noun adds to a code
_UNIT_OF_LETTER = {letter: unit for unit, letter in _UNIT_LETTER.items()}
# An office before the body it heads: "Bộ trưởng Bộ Y tế", "Giám đốc Sở Y tế".
_OFFICE = re.compile(r"^(?:Bộ\s+trưởng|Chủ\s+tịch|Giám\s+đốc|Thủ\s+trưởng|Cục\s+trưởng|Trưởng\s+ban)\s+(?=\S)")
_BARE_OFFICE = re.compile(r"^(?:Bộ\s+trưởng|Giám\s+đốc|Thủ\s+trưởng|Cục\s+trưởng|Trưởng\s+ban)$")
TYPO_SIMILARITY = 0.85  # a written issuer this close to the symbol's body is that body, misspelt
MIN_CUT_ISSUER_WORDS = 3  # a written issuer this long that begins the symbol's body is that body, cut short
# ", số 13/QĐ-UBND" after "Quyết định số 12/QĐ-UBND": a list sharing one type word.
_LIST_CONTINUATION = re.compile(rf"(?:,|;|và)\s*(?:{SO}\s*:?\s*)?$")
_LIST_REACH = 40
PREAMBLE_OPENING_RE = re.compile(r"^\W*(?:Thực\s+hiện|Căn\s+cứ|Triển\s+khai|Thi\s+hành)(?!\w)", re.IGNORECASE)


# ---------------------------------------------------------------- small readers


@lru_cache(maxsize=256)
def canonical_type(written: str) -> Optional[str]:
    """The lexicon's spelling of a written type word ("QUYẾT ĐỊNH" → "Quyết định")."""
    entry = TYPES.get(_key(written))
    return entry["name"] if entry else None


def _entry(doc_type: Optional[str]) -> dict:
    return TYPES.get(_key(doc_type or ""), {})


@lru_cache(maxsize=1024)
def canonical_issuer(written: str) -> Optional[str]:
    """The issuer as gold writes it: abbreviations expanded, "Nhân dân" and unit nouns in lower case."""
    name = canonical_name(written)
    name = _NHAN_DAN.sub(lambda m: f"{m.group(1)} nhân dân", name)
    name = _UNIT_NOUN.sub(lambda m: m.group(1).lower() if m.group(2)[0].isupper() else m.group(1), name)
    return name or None


def _symbol_body(number: DocNumber) -> Optional[str]:
    """The body a symbol's issuing part names: a national code ("BGDĐT"), or a unit letter and a
    known abbreviation ("SKHĐT" → "Sở Kế hoạch và Đầu tư")."""
    if number.issuer:
        return number.issuer
    code = number.issuer_code or ""
    unit = _UNIT_OF_LETTER.get(code[:1])
    if unit and code[1:] in abbreviations():
        return canonical_issuer(f"{unit} {code[1:]}")
    return None


def _corrected(issuer: str, number: DocNumber) -> str:
    """A written issuer that misspells the body its symbol names is that body ("Bộ Giáo dục Đào
    tạo" for -BGDĐT, "Phát triển nông Xóm" for -BNNPTNT), and so is one cut short ("Bộ Lao động -
    Thương binh" for 1136/LĐTBXH-ATLĐ: the unit noun written, the code its field); an office before
    it is kept."""
    office = _OFFICE.match(issuer)
    written = issuer[office.end():] if office else issuer
    body = _symbol_body(number) or _unit_and_code(written, number)
    if not body or number.joint:
        return issuer
    if _BARE_OFFICE.match(issuer):
        return f"{issuer} {body}"  # "của Bộ trưởng" cut off: the symbol's body
    if fold(written).startswith(fold(body)):
        return issuer
    if len(written.split()) >= MIN_CUT_ISSUER_WORDS and fold(body).startswith(fold(written) + " "):
        return (office.group(0) if office else "") + body  # "Bộ Lao động - Thương binh" cut short
    if SequenceMatcher(None, fold(written), fold(body)).ratio() >= TYPO_SIMILARITY:
        return (office.group(0) if office else "") + body
    return issuer


def _unit_and_code(written: str, number: DocNumber) -> Optional[str]:
    """The body a written unit noun and a symbol's code name together: "Bộ ..." and -LĐTBXH → "Bộ Lao
    động - Thương binh và Xã hội"."""
    unit = written.split(" ", 1)[0]
    code = number.issuer_code or ""
    if unit in _UNIT_LETTER and code in abbreviations():
        return canonical_issuer(f"{unit} {code}")
    return None


def _continues_name(text: str, pos: int, joint: bool = False) -> bool:
    """After "," or "và": does a capitalised word follow that opens no new body or citation? For a
    joint document a new body goes on: its issuers are all named."""
    nxt = ISSUER_TOKEN_RE.match(text, pos)
    if not nxt or not nxt.group(1)[:1].isupper():
        return False
    if TYPE_WORD_RE.match(text, nxt.start(1)):
        return False
    return joint or not ISSUER_HEAD_RE.match(text, pos)


def _read_issuer(text: str, pos: int, limit: int, joint: bool = False) -> tuple[Optional[str], int]:
    """The body named from ``pos`` ("của" already read) and the offset after it."""
    words: list[str] = []
    end = pos
    place = False  # a level word and a capitalised name have been read: the locality
    while len(words) < MAX_ISSUER_WORDS and end < limit:
        m = ISSUER_TOKEN_RE.match(text, end)
        if not m or m.end() > limit:
            break
        token = m.group(1)
        if token.startswith("("):  # "(UBND)": an abbreviation the plan defines
            end = m.end()
            continue
        if ISSUER_STOP_RE.match(text, end) and not token.endswith("."):
            break
        if token == "và" and words and (tail := _lower_case_tail(words, text, m.end())):
            words += ["và", tail[0]]  # "Bộ Giáo dục và đào tạo": the field's second half in lower case
            end = tail[1]
            continue
        if token in (",", "và") and not (words and _continues_name(text, m.end(), joint)):
            break
        if place and token[:1].islower() and token != "và" and not (joint and token == ","):
            break
        if words and _LEVEL_WORD.match(words[-1]) and token[:1].isupper():
            place = True
        elif token in (",", "và"):
            place = False
        words.append(token.rstrip("."))  # "TP. Hồ Chí Minh"
        end = m.end()
    while words and words[-1] in (",", "và", "-", "–"):
        words.pop()
    if not words or not (words[0][:1].isupper() or words[0].startswith("(")):
        return None, pos  # "của ngành", "của các sở": no one body
    return canonical_issuer(" ".join(words).replace(" ,", ",")), end


@lru_cache(maxsize=1)
def _field_halves() -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    """(first half folded, second half, its pattern) of every known field joined by one "và"."""
    halves = []
    for field in known_fields():
        head, joined, tail = field.partition(" và ")
        if joined and " và " not in tail:
            pattern = re.compile(r"\s*" + re.escape(tail).replace(r"\ ", r"\s+") + r"(?!\w)", re.IGNORECASE)
            halves.append((fold(head), tail, pattern))
    return tuple(halves)


def _lower_case_tail(words: list[str], text: str, pos: int) -> Optional[tuple[str, int]]:
    """After "và": the second half of a known field the name's last words begin, written in lower
    case ("Bộ Giáo dục và" / "đào tạo"); (the half as the gazetteer spells it, where it ends)."""
    if not text[pos:pos + 2].lstrip()[:1].islower():
        return None
    name = fold(" ".join(words))
    for head, tail, pattern in _field_halves():
        if name.endswith(" " + head) and (m := pattern.match(text, pos)):
            return tail, m.end()
    return None


def _next_token(text: str, pos: int, limit: int) -> Optional[re.Match[str]]:
    m = TITLE_TOKEN_RE.match(text, pos)
    return m if m and m.end() <= limit else None


def _law_list_goes_on(text: str, pos: int, limit: int, amending: bool, has_body: bool, sep: str,
                      words_read: int) -> bool:
    """After "," or "và" in a law's title: does the title go on? Not into a new citation (an
    amending law's "và Luật ..." excepted), nor into "các văn bản ..."; a body goes on after "và"
    only in a title already naming one ("Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân")."""
    nxt = _next_token(text, pos, limit)
    if not nxt or nxt.group(1) == ",":
        return False
    at = nxt.start(1)
    if (t := TYPE_WORD_RE.match(text, at)) is not None:
        return amending and canonical_type(t.group(0)) in _LAW_TYPES
    if _TITLE_LIST_STOP.match(text, at) or LAW_STOP_RE.match(text, at):
        return False
    if ISSUER_HEAD_RE.match(text, at):
        return sep == "và" and has_body
    return sep == "," or nxt.group(1)[0].isupper() or words_read <= MAX_WORDS_BEFORE_VA


def _read_law_title(text: str, type_end: int, written_type: str, limit: int) -> Optional[tuple[str, int]]:
    """(title, end) of a law cited by name from its type word's end, or None: the whole title, with
    its commas and "và" ("Luật Phòng, chống bệnh truyền nhiễm", "Luật Tổ chức Hội đồng nhân dân và
    Ủy ban nhân dân", "Luật sửa đổi, bổ sung một số điều của Luật A và Luật B"), to its date or
    year, its number, ";" or the end."""
    first = _next_token(text, type_end, limit)
    if not first:
        return None
    amending = bool(_AMENDING.match(text, first.start(1)))
    keeps_ve = canonical_type(written_type) in _VE_IN_TITLE
    # A convention may be named after its organisation: "Công ước của Liên hợp quốc về ..."
    of_body = keeps_ve and first.group(1) == "của" and bool(ISSUER_HEAD_RE.match(text, first.end(1))
                                                             or text[first.end(1) + 1:first.end(1) + 2].isupper())
    lower = not (first.group(1)[0].isupper() or amending or of_body)
    if lower and (not first.group(1)[0].isalpha() or _NOT_A_LAW_NAME.match(text, first.start(1))
                  or LAW_STOP_RE.match(text, first.start(1))):
        return None  # "Luật này", "Luật pháp", "Luật được ..."
    words: list[str] = []
    end, has_body = type_end, False
    while len(words) < MAX_LAW_WORDS:
        m = _next_token(text, end, limit)
        if not m:
            break
        token, at = m.group(1), m.start(1)
        if token in (",", "và"):
            if not _law_list_goes_on(text, m.end(), limit, amending, has_body, token,
                                     sum(w != "," for w in words)):
                break
        elif words and ((LAW_STOP_RE.match(text, at) and not (keeps_ve and token == "về"))
                        or (not amending and TYPE_WORD_RE.match(text, at))):
            break
        elif token == "của" and words and not amending and (nxt := _next_token(text, m.end(), limit)) \
                and ISSUER_HEAD_RE.match(text, nxt.start(1)):
            break  # "Luật X của Quốc hội"
        has_body = has_body or bool(ISSUER_HEAD_RE.match(text, at))
        words.append(token)
        end = m.end()
    while words and words[-1] in (",", "và", "của"):
        words.pop()
        end = _end_of(text, type_end, words, limit)
    if not words or (lower and len(words) < MIN_LOWER_LAW_WORDS):
        return None
    return f"{' '.join(written_type.split())} {' '.join(words).replace(' ,', ',')}", end


def _end_of(text: str, pos: int, words: list[str], limit: int) -> int:
    """The offset after the first ``len(words)`` title words from ``pos``."""
    for _ in words:
        m = _next_token(text, pos, limit)
        if not m:
            break
        pos = m.end()
    return pos


def _read_title(text: str, start: int, type_end: int, written_type: str, limit: int) -> Optional[tuple[str, int]]:
    """(title, end) of a name-only citation whose type word spans ``start:type_end``, or None: the
    longer of the lexicon's title and the grammar's, with the bodies a law is of."""
    found = _read_law_title(text, type_end, written_type, limit)
    known = KNOWN_TITLE_RE.match(text, start)
    if known and known.end() <= limit and (found is None or known.end() > found[1]):
        found = re.sub(r"\s+", " ", known.group(0)), known.end()
    if found is None or canonical_type(written_type) not in _LAW_TYPES:
        return found
    end = _law_object_end(text, found[1], limit)
    return (found[0] + " " + " ".join(text[found[1]:end].split()), end) if end > found[1] else found


_BODY_LIST_SEP = re.compile(r"\s*(?:,|và)\s*")


def _law_object_end(text: str, pos: int, limit: int) -> int:
    """Where the bodies a law is of end, after its title: a law is passed by the lawgiver, so "của"
    another body names its object ("Luật Ban hành văn bản quy phạm pháp luật của UBND, HĐND"), not
    its issuer ("Luật Đất đai của Quốc hội"); ``pos`` when none follow."""
    of = TAIL_OF_RE.match(text, pos)
    if not of or not ISSUER_HEAD_RE.match(text, of.end()) or LAWGIVER_RE.match(text, of.end()):
        return pos
    end, at = pos, of.end()
    while at < limit:
        issuer, body_end = _read_issuer(text, at, limit)
        if not issuer or LAWGIVER_RE.match(text, at):
            break
        end = body_end
        sep = _BODY_LIST_SEP.match(text, body_end)
        if not sep or not ISSUER_HEAD_RE.match(text, sep.end()):
            break
        at = sep.end()
    return end


def _read_named(text: str, type_end: int, written_type: str, limit: int) -> Optional[tuple[str, int]]:
    """(title, end) of an instrument named without its decision, or None when fewer than
    ``MIN_NAMED_WORDS`` words follow the type word."""
    congress = "lần" in text  # a cheap test before the congress pattern
    if not congress and _holds_no_name(text, type_end, limit):
        return None  # "Chương trình phòng ngừa, giảm thiểu trẻ em lao động ...": a kind of document
    words: list[str] = []
    end = type_end
    while len(words) < MAX_NAMED_WORDS:
        m = _next_token(text, end, limit)
        if not m:
            break
        token, at = m.group(1), m.start(1)
        if token == ",":
            nxt = _next_token(text, m.end(), limit)
            if not nxt or not nxt.group(1)[0].islower() or NAMED_COMMA_STOP_RE.match(text, nxt.start(1)):
                break
        elif token == "và":
            nxt = _next_token(text, m.end(), limit)
            if not nxt or TYPE_WORD_RE.match(text, nxt.start(1)) or ISSUER_HEAD_RE.match(text, nxt.start(1)):
                break
        elif token in ("-", "–", "—"):
            nxt = _next_token(text, m.end(), limit)
            if not (words and words[-1][:1].isdigit() and nxt and nxt.group(1)[:1].isdigit()):
                break  # only a range of years: "giai đoạn 2021 - 2030"
        if NAMED_STOP_RE.match(text, at) or (words and TYPE_WORD_RE.match(text, at)):
            break
        words.append(token)
        end = m.end()
        if congress and (ordinal := _ORDINAL_NAME.match(text, end)) and ordinal.end() <= limit:
            words += ordinal.group(0).split()
            end = ordinal.end()
            break
    while words and words[-1] in (",", "và", "-", "–", "—"):
        words.pop()
        end = _end_of(text, type_end, words, limit)
    # A name has a proper noun or a period in it ("... Việt Nam đến năm 2030", "năm học 2023-2024");
    # "Kế hoạch hành động", "Chương trình công tác" are kinds of document, not names.
    if len(words) < MIN_NAMED_WORDS or not any(w[:1].isupper() or w[:1].isdigit() for w in words):
        return None
    return f"{' '.join(written_type.split())} {' '.join(words).replace(' ,', ',')}", end


def _holds_no_name(text: str, start: int, limit: int) -> bool:
    """Whether no word of a title read from ``start`` (``_read_named``) can open with a capital or a
    digit, a name's mark: up to where the title ends at the latest (``_NAMED_SPAN_END``; a type word
    opening the title leaves only spaces before it, so no answer), every letter is in lower case and,
    spaces and commas aside, there are only letters (no letter is a digit)."""
    stop = _NAMED_SPAN_END.search(text, start)
    span = text[start:min(stop.start(), limit) if stop else limit]
    return span.islower() and "".join(span.split()).replace(",", "").isalpha()


def _read_issued_named(text: str, type_end: int, written_type: str,
                       limit: int) -> Optional[tuple[str, int, str]]:
    """(title, end, issuer) of an instrument named by its issuer and subject ("Kế hoạch của UBND
    thành phố về việc tổ chức ..."), or None: the title is the whole phrase, to the subject's end."""
    lead = ISSUED_NAMED_RE.match(text, type_end)
    if lead is None:
        return None
    issuer, end = _read_issuer(text, lead.end(), limit)
    subject = NAMED_SUBJECT_RE.match(text, end, limit) if issuer else None
    if issuer is None or subject is None:
        return None
    title = " ".join(f"{written_type} {text[type_end:subject.end()]}".split())
    return title, subject.end(), issuer


def _generic(title: str) -> bool:
    """A title that names no one document: "Nghị quyết Đại hội Đảng các cấp", "Kế hoạch nêu trên"."""
    key = f" {fold(title)} "
    return any(f" {w} " in key for w in _GENERIC_TITLE_WORDS)


def _tail(text: str, pos: int, limit: int, year_only_date: bool,
          joint: bool = False) -> tuple[Optional[dates.DateValue], Optional[str], int]:
    """Date and issuer after a citation head, in either order: (date, issuer, end)."""
    date = issuer = None
    for _ in range(3):
        if date is None and (m := TAIL_DATE_RE.match(text, pos)) and m.end() <= limit:
            value = dates.parse_date(m.group("date"))
            # a year alone only where years are dates here, or where a whole date was written with
            # a part left blank ("ngày 16 tháng năm 2013")
            if value.year is not None and (value.month is not None or year_only_date
                                           or _OPENS_WITH_DAY.match(m.group("date"))):
                date, pos = value, m.end()
                continue
        if issuer is None and (m := TAIL_TERM_RE.match(text, pos)) and m.end() < limit:
            pos = m.end()  # ", Khóa XI": the issuer follows
        if issuer is None and (at := _issuer_start(text, pos, limit, dated=date is not None)) is not None:
            issuer, end = _read_issuer(text, at, limit, joint)
            if issuer:
                pos = end
                continue
        break
    return date, issuer, pos


def _issuer_start(text: str, pos: int, limit: int, dated: bool) -> Optional[int]:
    """Where the issuer after a citation's head begins: after "của", or, right after the citation's
    date, a body named without it ("Kết luận số 51-KL/TW ngày 30/5/2019 Ban Bí thư về ..."); a plenum
    before the body is the body's ("của Hội nghị lần thứ sáu Ban Chấp hành Trung ương")."""
    of = TAIL_OF_RE.match(text, pos)
    if of is None and not dated:
        return None
    at = of.end() if of else (m.end() if (m := _SPACES.match(text, pos)) else pos)
    if (plenum := PLENUM_RE.match(text, at)) is not None:
        at = plenum.end()
    if of is None and not ISSUER_HEAD_RE.match(text, at):
        return None
    return at if at < limit else None


def _subject(text: str, pos: int, limit: int) -> Optional[str]:
    """The content named after a citation ("về việc ..."), read no further than the next citation."""
    m = SUBJECT_RE.match(text, pos, limit)
    return re.sub(r"\s+", " ", m.group("subject")).strip(" ,") or None if m else None


# ---------------------------------------------------------------- heads


@dataclass
class _Head:
    """A citation head: a type word with the number, ordinal or title that follows it."""

    start: int
    end: int
    written_type: Optional[str]
    number: Optional[DocNumber] = None
    title: Optional[str] = None
    ordinal: Optional[str] = None
    has_so: bool = False
    named: bool = False      # an instrument named by its title alone
    self_ref: bool = False   # "(Ban hành kèm theo Quyết định số ...)": the document itself
    issuer: Optional[str] = None  # the issuer a named instrument's name holds ("Kế hoạch của UBND ... về việc ...")


_DIGIT = re.compile(r"\d")
_NUMBER_REACH = 20  # a number or an ordinal after a type word starts this close to it ("số: 782")
_SELF_REACH = 30


def _head_at(text: str, m: re.Match[str]) -> Optional[_Head]:
    written = m.group(0)
    entry = _entry(canonical_type(written))
    numbered = _DIGIT.search(text, m.end(), m.end() + _NUMBER_REACH) is not None
    num = NUMBER_AFTER_RE.match(text, m.end()) if numbered else None
    if num and (number := parse_number(num.group("number"))):
        return _Head(m.start(), num.end(), written, number=number)
    if not written[0].isupper():
        return _lower_named(text, m, entry)  # "quyết định thành lập", "kế hoạch này": a word, not a name
    if entry.get("title_cited"):
        if _PLURAL_BEFORE.search(text, max(0, m.start() - 12), m.start()) \
                or _LAW_IN_WORD_BEFORE.search(text, max(0, m.start() - 8), m.start()):
            return None  # "các Công ước quốc tế mà Việt Nam đã ký kết", "pháp luật": no one document
        found = _read_title(text, m.start(), m.end(), written, len(text))
        if not found:
            return None
        title, end = found
        tail = TAIL_NUMBER_RE.match(text, end)  # "Luật Trẻ em số 102/2016/QH13"
        number = parse_number(tail.group("number")) if tail else None
        return _Head(m.start(), tail.end() if tail and number else end, written, title=title, number=number)
    ordinal = ORDINAL_AFTER_RE.match(text, m.end()) if numbered else None
    # With "số" any type; without, only types known by ordinal and with two digits or more
    # ("Đề án 06", "Chương trình 135"; "Dự án 1" is a component). "Kế hoạch 2022" is a year.
    if ordinal and (ordinal.group("so") or (entry.get("named_by_ordinal") and len(ordinal.group("ordinal")) > 1)) \
            and not re.fullmatch(r"(?:19|20)\d\d", ordinal.group("ordinal")):
        return _Head(m.start(), ordinal.end(), written, ordinal=ordinal.group("ordinal"),
                     has_so=bool(ordinal.group("so")))
    # A name in capitals is a heading ("TRIỂN KHAI THỰC HIỆN CHIẾN LƯỢC QUỐC GIA ..."), not a citation.
    if entry.get("named") and not written.isupper() and _may_stand_cited(text, m.start()):
        if issued := _read_issued_named(text, m.end(), written, len(text)):
            return _Head(m.start(), issued[1], written, title=issued[0], named=True, issuer=issued[2])
        if found := _read_named(text, m.end(), written, len(text)):
            return _Head(m.start(), found[1], written, title=found[0], named=True)
    return None


def _lower_named(text: str, m: re.Match[str], entry: dict) -> Optional[_Head]:
    """A named instrument whose type word is written in lower case right after an opening verb,
    with a proper name in its title: "Căn cứ điều lệ trường Tiểu học;" (not "Căn cứ kế hoạch năm 2024")."""
    if not entry.get("named") or not OPENER_BEFORE_RE.search(text, max(0, m.start() - 40), m.start()):
        return None
    if issued := _read_issued_named(text, m.end(), m.group(0), len(text)):
        return _Head(m.start(), issued[1], m.group(0), title=issued[0][:1].upper() + issued[0][1:], named=True,
                     issuer=issued[2])
    found = _read_named(text, m.end(), m.group(0), len(text))
    if not found or not any(w[:1].isupper() for w in found[0].split()[len(m.group(0).split()):]):
        return None
    title = found[0][:1].upper() + found[0][1:]
    return _Head(m.start(), found[1], m.group(0), title=title, named=True)


_WORD = re.compile(r"[A-ZĐ][a-zà-ỹđ]+")


def _worded(number: DocNumber) -> bool:
    """A "symbol" that is one word in sentence case: a list item "2/ Thu ngân sách ...", no number."""
    return not number.units and number.type_code is None and bool(_WORD.fullmatch(number.symbol))


def _has_symbol(text: str) -> bool:
    """Whether ``text`` may hold a document number: every number has a symbol after a slash (see ``_may_cite``)."""
    return "/" in text and _SYMBOL_AFTER_SLASH.search(text) is not None


def _lower_case_may_head(text: str, numbered: bool) -> bool:
    """Whether a type word in lower case may head a citation in ``text`` (``_head_at``): with a number
    after it (``numbered``: the text may hold one), or as a named instrument right after a clause's
    opening verb (``_lower_named``). Elsewhere such a word ("pháp luật", "quy định") is none."""
    if numbered or _OPENS_WITH_LOWER_NAMED.match(text):
        return True
    # a later clause opens after ";" or ":" (no match from a clause's start needs to run past its end)
    return (";" in text or ":" in text) and _CLAUSE_OPENS_WITH_LOWER_NAMED.search(text) is not None


def _heads(text: str) -> list[_Head]:
    """Typed citation heads, then numbers cited without a type word, left to right. Linear in the
    text: every look back is bounded, and the typed heads are walked once, in order."""
    heads: list[_Head] = []
    last_end = 0
    numbered = _has_symbol(text)
    scan = _TYPE_WORD_SCAN if _lower_case_may_head(text, numbered) else _CAPITALISED_TYPE_WORD_SCAN
    for m in scan.finditer(text):
        at = m.start()
        if at < last_end or not at_word_start(text, at):
            continue
        head = _head_at(text, m)
        if head:
            # in a basis ("Căn cứ Quy chế ... (ban hành kèm theo Quyết định số 5/QĐ-BCĐ)") the decision
            # issues the cited instrument, not the document
            head.self_ref = SELF_BEFORE_RE.search(text, max(0, at - _SELF_REACH), at) is not None \
                and not PREAMBLE_OPENING_RE.match(text)
            heads.append(head)
            last_end = head.end
    if not numbered:
        return heads
    labels: Optional[set[int]] = None  # "Số: 187/KH-UBND": the document's own, read when first needed
    typed = list(heads)
    i = 0                        # typed[i] is the first typed head not ending before the number
    last_numbered: Optional[_Head] = None
    for start, end, number in docnumbers.find_numbers(text):
        while i < len(typed) and typed[i].end <= start:
            if typed[i].number is not None:
                last_numbered = typed[i]
            i += 1
        if (i < len(typed) and typed[i].start <= start) or number.issuer_code is None or _worded(number):
            continue  # inside a typed head; "5/KH": without a type word, a symbol must name its issuer
        if labels is None:
            labels = {at for at, _, _ in find_number_labels(text)}
        if start in labels:
            continue  # the own number line
        shared = last_numbered is not None and last_numbered.end >= start - _LIST_REACH \
            and _LIST_CONTINUATION.search(text, last_numbered.end, start) is not None \
            and (number.doc_type is None or number.doc_type == canonical_type(last_numbered.written_type or ""))
        heads.append(_Head(start, end, last_numbered.written_type if shared and last_numbered else None,
                           number=number))
    return sorted(heads, key=lambda h: h.start)


# ---------------------------------------------------------------- one paragraph


def _numbered(text: str, head: _Head, limit: int, subject_limit: int) -> RefMatch:
    number = head.number
    assert number is not None  # a numbered head
    doc_type = canonical_type(head.written_type) if head.written_type else None
    if doc_type is None or _entry(doc_type).get("generic"):
        doc_type = number.doc_type or doc_type
    date, issuer, pos = _tail(text, head.end, limit, year_only_date=False, joint=number.joint)
    subject_of = False  # the issuer is the subject of the sentence, written before
    if issuer is None:
        issuer = _issued_by(text, pos, subject_limit, number.joint)
    if issuer is None:
        issuer, date_before = _written_before(text, head.start)
        subject_of = issuer is not None
        if date is None and date_before is not None and date_before.month is not None:
            date = date_before
    if issuer:
        issuer = _corrected(issuer, number)
    return RefMatch(
        start=head.start, end=pos, doc_type=doc_type, number=number.canonical,
        date=date.iso if date else None, date_valid=date.valid if date else True,
        issuer=issuer or _inferred_issuer(number, doc_type), subject=_subject(text, pos, subject_limit),
        repaired=number.repaired, issuer_code=number.issuer_code, issuer_inferred=issuer is None,
        issuer_before=subject_of,
    )


def _issued_by(text: str, pos: int, limit: int, joint: bool) -> Optional[str]:
    """The issuer written after the citation's subject, in its clause: "... về “...” do Bộ Y tế, Bộ
    Giáo dục và Đào tạo ban hành"."""
    clause = _CLAUSE_END.search(text, pos, limit)
    end = clause.start() if clause else limit
    by = ISSUED_BY_RE.search(text, pos, end)
    if by is None:
        return None
    verb = ISSUED_BY_VERB_RE.search(text, by.end(), end)
    if verb is None:
        return None
    issuer, after = _read_issuer(text, by.end(), verb.start(), joint)
    return issuer if issuer and not text[after:verb.start()].strip() else None


def _issuer_before(text: str, start: int) -> Optional[str]:
    """The issuer written before a citation: "của Sở Y tế tại Tờ trình số ...", "UBND tỉnh đã ban
    hành Quyết định số ..."; a parenthesis in it is left out."""
    return _written_before(text, start)[0]


def _written_before(text: str, start: int) -> tuple[Optional[str], Optional[dates.DateValue]]:
    """The issuer written before a citation (``_issuer_before``), and the date that opens the
    sentence whose subject it is ("Ngày 16/8/2022, Bộ Y tế đã có Công văn số ...")."""
    window = max(0, start - _ISSUER_BEFORE_REACH)
    before = ISSUER_BEFORE_RE.search(text, window, start)
    if before is None:
        before = _subject_before(text, window, start)
    if not before or _VERB_IN_ISSUER.search(before.group("issuer")):
        return None, None  # "Chương trình công tác của Chính phủ ban hành kèm theo công văn số ...": not its issuer
    issuer = canonical_issuer(re.sub(r"\s*\([^()]*\)", "", before.group("issuer")))
    written = before.groupdict().get("date")
    return issuer, dates.parse_date(written) if written else None


def _subject_before(text: str, window: int, start: int) -> Optional[re.Match[str]]:
    """The nearest body before ``start`` that is the subject issuing the citation there ("Bộ Y tế đã
    có Công văn số ..."), past a body that only holds a verb ("Thủ tướng giao Bộ Y tế ban hành ...")."""
    pos = window
    while (m := ISSUER_ISSUED_RE.search(text, pos, start)) is not None:
        if not _VERB_IN_ISSUER.search(m.group("issuer")):
            return m
        pos = m.start("issuer") + 1
    return None


def _inferred_issuer(number: DocNumber, doc_type: Optional[str]) -> Optional[str]:
    """The issuers a joint document's symbol names, for a citation that names none ("Thông tư liên
    tịch số 16/2013/TTLT-BYT-BNNPTNT"). A single body is only ever as written: "Nghị định số
    78/2025/NĐ-CP" cited alone has issuer null (gold convention: "issuer as named in the citation,
    or null"); the symbol's body still corrects a misspelt written issuer (``_corrected``)."""
    if doc_type in _LAW_TYPES:
        return None
    return number.issuers


def _named(text: str, head: _Head, limit: int, subject_limit: int) -> RefMatch:
    """A citation by title ("Luật Trẻ em", "Chiến lược ...") or by bare ordinal ("Đề án 06")."""
    doc_type, number = canonical_type(head.written_type), head.number
    law = head.title is not None and not head.named
    date, issuer, pos = _tail(text, head.end, limit, year_only_date=law)
    short = head.ordinal if head.ordinal and head.has_so else None
    return RefMatch(
        start=head.start, end=pos, doc_type=doc_type,
        number=number.canonical if number else None,
        title=head.title or " ".join(text[head.start:head.end].split()),
        issuer_code=number.issuer_code if number else None,
        ordinal=(head.ordinal.lstrip("0") or "0") if head.ordinal else None, short=short,
        date=date.iso if date else None, date_valid=date.valid if date else True,
        issuer=issuer or head.issuer or (_issuer_before(text, head.start) if number else None),
        subject=_subject(text, pos, subject_limit),
        repaired=bool(number and number.repaired), named=head.named,
    )


# What must end the text before a named instrument that stands in a list ("..., ", "và triển khai ...").
_LIST_END_BEFORE = re.compile(LIST_GAP_RE.pattern + "$", re.VERBOSE)


# "Chương trình công tác năm 2009 của Chính phủ ban hành kèm theo công văn số 66/VPCP-TH", "Điều lệ
# trường mầm non. Ban hành kèm theo Quyết định số 14/2008/QĐ-BGD&ĐT": a named instrument issued with
# the citation after it is that citation's content.
ATTACHED_TO_RE = re.compile(r"[\s,.]*(?:\(\s*)?(?:(?i:được)\s+)?(?i:ban\s+hành\s+)?(?i:kèm\s+theo)\s+")


def _may_stand_cited(text: str, at: int) -> bool:
    """A cheap test before a named instrument's title is read: an opening verb or a list's joint
    stands right before it (``_cited_here`` decides, once the citation before is read)."""
    window = max(0, at - _MAX_GAP)
    return OPENER_BEFORE_RE.search(text, max(0, at - 40), at) is not None \
        or IMPLEMENTS_BEFORE_RE.search(text, max(0, at - 50), at) is not None \
        or _LIST_END_BEFORE.search(text, window, at) is not None


def _cited_here(text: str, head: _Head, previous_end: Optional[int]) -> bool:
    """Whether a named instrument stands where a citation stands: after an opening verb, or after
    the citation before it in a list, or as what is implemented or reached when its name holds no
    locality ("Kế hoạch thực hiện Chương trình ... tỉnh Quảng Bình giai đoạn 2021-2030" names a
    province's own plan, not an instrument it cites); and is named, not generic ("các Chương trình ...")."""
    at = head.start
    if _PLURAL_BEFORE.search(text, max(0, at - 12), at):
        return False
    if OPENER_BEFORE_RE.search(text, max(0, at - 40), at):
        return True
    if IMPLEMENTS_BEFORE_RE.search(text, max(0, at - 50), at) and not _LOCALITY_IN_NAME.search(head.title or ""):
        return True
    return previous_end is not None and at - previous_end <= _MAX_GAP \
        and LIST_GAP_RE.fullmatch(text, previous_end, at) is not None


# Every citation holds a number with its symbol ("782/QĐ-TTg", "56/2017/NĐ-CP", "04-CT/TU": a
# slash, perhaps a year and a slash, then a capital), a number after a type word or "số" ("Đề án
# 06", "Chương trình 135", "Quyết định 782"), or names a law-like document or a named instrument;
# a paragraph with none of these (dates such as 27/5/2021 and ratios such as 144/200 are none) is
# skipped before the citation grammar runs. Substring tests first: they cost next to nothing.
_SYMBOL_AFTER_SLASH = re.compile(rf"/\x20?(?:{docnumbers.YEAR}\x20?/?\x20?)?[{docnumbers.CAPITAL}]")
_TITLE_WORDS = ("luật", "hiến pháp", "công ước", "pháp lệnh", "điều ước")
# A named instrument is written with its capital ("Chiến lược ...", "Kế hoạch thực hiện ..."), or in
# lower case after an opening verb ("Căn cứ điều lệ trường Tiểu học").
_NAMED_CUE = re.compile(_trie(_NAMED_TYPE_NAMES + _lower_initial(_NAMED_TYPE_NAMES)))
_ORDINAL_CUE = re.compile(r"(?:án|quyết|thị|định|hoạch|trình|số|so|tư|luận)\s*[:.]?\s*\d")


def _may_cite(text: str) -> bool:
    if _has_symbol(text):
        return True
    low = text.lower()
    if any(w in low for w in _TITLE_WORDS) or _NAMED_CUE.search(text):
        return True
    return _DIGIT.search(text) is not None and _ORDINAL_CUE.search(low) is not None


# "các Quyết định của Thủ tướng Chính phủ số: 1521/QĐ-TTg ...; 21/2021/QĐ-TTg ...", "các Nghị quyết của
# HĐND tỉnh: số 66/NQ-HĐND ...; số 05/NQ-HĐND ...": a list of numbers after one type word and one issuer, which every number of that type in the sentence shares.
LIST_PREFIX_RE = re.compile(
    rf"(?i:các|những)\s+(?P<type>{_ALL_TYPES})\s+của\s+(?P<issuer>(?:{_ISSUER_HEADS})(?!\w)[^;.:()\d]{{0,60}}?)"
    rf"(?:\s*:\s*|\s+){SO}\s*:?\s*(?=\d)"
)
_SENTENCE_END = re.compile(r"\.(?:\s|$)")


def _list_issuers(text: str, found: list[RefMatch]) -> list[RefMatch]:
    """Numbers listed after "các <type> của <issuer> số:" that name no issuer of their own take the
    list's, up to the end of the sentence."""
    if "của" not in text or not any(m.number for m in found):
        return found
    for prefix in LIST_PREFIX_RE.finditer(text):
        doc_type = canonical_type(prefix.group("type"))
        issuer = canonical_issuer(prefix.group("issuer"))
        stop = _SENTENCE_END.search(text, prefix.end())
        end = stop.start() if stop else len(text)
        found = [replace(m, issuer=issuer, issuer_inferred=False)
                 if prefix.end() <= m.start < end and m.number and m.doc_type == doc_type
                 and (m.issuer is None or m.issuer_inferred) else m
                 for m in found]
    return found


# "..., " "; " " và ": what joins two objects of one verb ("X đã ban hành Quyết định số 1 ngày ... và
# Quyết định số 2 ...").
_OBJECT_JOINT = re.compile(r"\s*(?:[,;]\s*)?(?:và\s+)?")


def _subject_issuers(text: str, found: list[RefMatch]) -> list[RefMatch]:
    """A numbered citation that names no issuer, listed right after one whose issuer is the subject
    of the sentence ("Bộ Y tế đã ban hành Quyết định số 1/QĐ-BYT ngày ... và Quyết định số 2/QĐ-BYT"),
    is that subject's too."""
    out: list[RefMatch] = []
    for m in found:
        prev = out[-1] if out else None
        if prev is not None and prev.issuer_before and m.number and (m.issuer is None or m.issuer_inferred) \
                and prev.end <= m.start and _OBJECT_JOINT.fullmatch(text, prev.end, m.start):
            m = replace(m, issuer=prev.issuer, issuer_inferred=False, issuer_before=True)
        out.append(m)
    return out


def find_references(text: str, keep_attached: bool = False) -> list[RefMatch]:
    """Every citation in one normalised paragraph, left to right; the document citing itself
    ("(Ban hành kèm theo Quyết định số ...)") and generic or stray names left out; ``keep_attached``:
    a numbered citation the text says it is attached to is kept, marked ``attached``."""
    heads = _heads(text)  # cheaper than the gate: most paragraphs hold no head, and few a capital
    if not heads or not _may_cite(text):
        return []
    # A subject reads on over a named instrument (it may be what the citation approves) to the
    # next citation of another kind: subject_limits[i], filled from the right.
    subject_limits = [len(text)] * len(heads)
    for i in range(len(heads) - 2, -1, -1):
        after = heads[i + 1]
        subject_limits[i] = subject_limits[i + 1] if after.named else after.start
    found = []
    previous_end: Optional[int] = None  # where the citation before ends
    for i, head in enumerate(heads):
        limit = heads[i + 1].start if i + 1 < len(heads) else len(text)
        named = head.title is not None or head.ordinal is not None
        # (a named instrument's own subject stops at the next head: the scans stay linear)
        match = _named(text, head, limit, limit if head.named else subject_limits[i]) if named \
            else _numbered(text, head, limit, subject_limits[i])
        listed = not head.named or _cited_here(text, head, previous_end)
        if listed:
            previous_end = match.end  # a generic name still lists: "... các cấp và Nghị quyết ..."
        attached = head.named and i + 1 < len(heads) and heads[i + 1].number is not None \
            and ATTACHED_TO_RE.fullmatch(text, match.end, heads[i + 1].start) is not None
        if head.self_ref and keep_attached and match.number:
            match = replace(match, attached=True)
        elif head.self_ref:
            continue
        if listed and not (head.named and _generic(match.title or "")) and not attached:
            found.append(match)
    return _list_issuers(text, _subject_issuers(text, found))


# ---------------------------------------------------------------- the whole document


@dataclass
class _Merged:
    ref: Reference
    issuer_code: Optional[str] = None
    date_valid: bool = True
    issuer_inferred: bool = False


def _ordinal_of(number: str) -> str:
    digits = re.match(r"\d+", number)
    return (digits.group(0).lstrip("0") or "0") if digits else number


def _add(by_key: dict[str, _Merged], key: str, match: RefMatch, span: Optional[Span], parent: bool) -> None:
    m = by_key.get(key)
    if m is None:
        m = by_key[key] = _Merged(Reference(doc_type=match.doc_type, number=match.number, title=match.title),
                                  issuer_inferred=match.issuer_inferred)
    ref = m.ref
    ref.doc_type = ref.doc_type or match.doc_type
    ref.title = ref.title or match.title
    if match.date and (ref.date is None or (not m.date_valid and match.date_valid)):
        ref.date, m.date_valid = match.date, match.date_valid
    if match.issuer and (ref.issuer is None or _BARE_UNIT.match(ref.issuer)
                         or (m.issuer_inferred and not match.issuer_inferred)):
        ref.issuer, m.issuer_inferred = match.issuer, match.issuer_inferred
    ref.subject = ref.subject or match.subject
    ref.is_parent = ref.is_parent or parent
    m.issuer_code = m.issuer_code or match.issuer_code
    if match.repaired and "ocr_repaired" not in ref.flags:
        ref.flags.append("ocr_repaired")
    if span is not None:
        ref.mentions.append(span)


def _complete_issuers(merged: list[_Merged]) -> None:
    """A bare "Bộ"/"Sở" issuer takes the full name of another citation with the same issuing
    code, else the unit noun plus the expanded code ("Bộ" + "LĐTBXH")."""
    for m in merged:
        issuer = m.ref.issuer
        if issuer is None or not _BARE_UNIT.match(issuer) or not m.issuer_code:
            continue
        same = [o.ref.issuer for o in merged if o is not m and o.issuer_code == m.issuer_code
                and o.ref.issuer and o.ref.issuer.startswith(issuer + " ")]
        code = m.issuer_code
        if code[:1] == _UNIT_LETTER.get(issuer) and code[1:] in abbreviations():
            code = code[1:]  # "SGDĐT" after "Sở": the S is the unit noun
        if same:
            m.ref.issuer = same[0]
        elif code in abbreviations():
            m.ref.issuer = canonical_issuer(f"{issuer} {code}")


def _dates_agree(a: Optional[str], b: Optional[str]) -> bool:
    """Two dates as precise as written that may be one ("2019" and "2019-11-22"), or one missing."""
    return not a or not b or a.startswith(b) or b.startswith(a)


def _year_fits(number: Optional[str], date: Optional[str]) -> bool:
    """A normative number's year is the year its document was issued."""
    year = re.search(r"/((?:19|20)\d\d)/", number or "")
    return not year or not date or date.startswith(year.group(1))


def _merge_titles_into_numbers(by_key: dict[str, _Merged]) -> None:
    """"Luật Trẻ em" and "Luật Trẻ em số 102/2016/QH13" in one plan are one document, unless their
    dates say otherwise (a law of 2015 and its namesake of 2025)."""
    numbered = {_key(m.ref.title): m for k, m in by_key.items() if k.startswith("n:") and m.ref.title}
    for key in [k for k in by_key if k.startswith("t:") and k[2:] in numbered]:
        named, target = by_key[key], numbered[key[2:]]
        if not (_dates_agree(named.ref.date, target.ref.date) and _year_fits(target.ref.number, named.ref.date)):
            continue
        del by_key[key]
        target.ref.mentions = sorted(target.ref.mentions + named.ref.mentions, key=lambda s: s.start)
        target.ref.is_parent = target.ref.is_parent or named.ref.is_parent
        target.ref.date = target.ref.date or named.ref.date


def _merge_spellings(by_key: dict[str, _Merged]) -> None:
    """"66/NQHĐND" and "66/NQ-HĐND" in one plan are one document, written twice (a dash lost), and so
    are "21/NQ-TW" and "21-NQ/TW" (a Party number's slash and dash swapped), unless their dates say
    otherwise: the canonical spelling (more dashes, the Party's form) keeps the record."""
    kept: dict[str, str] = {}

    def canonical_first(key: str) -> tuple[int, bool]:
        return -key.count("-"), docnumbers.party_spelling(by_key[key].ref.number or "") is not None

    place = {key: i for i, key in enumerate(by_key)}  # a record keeps the place of its first spelling
    for key in sorted((k for k in by_key if k.startswith("n:")), key=canonical_first):
        m = by_key[key]
        spelling = docnumbers.spelling_key(m.ref.number or "")
        first = kept.setdefault(spelling, key)
        if first == key or not _dates_agree(by_key[first].ref.date, m.ref.date):
            continue
        target = by_key[first]
        place[first] = min(place[first], place[key])
        del by_key[key]
        target.ref.mentions = sorted(target.ref.mentions + m.ref.mentions, key=lambda s: s.start)
        target.ref.is_parent = target.ref.is_parent or m.ref.is_parent
        target.ref.date = target.ref.date or m.ref.date
        target.ref.issuer = target.ref.issuer or m.ref.issuer
    for key in sorted(by_key, key=place.__getitem__):  # dicts keep insertion order: re-insert in place
        by_key[key] = by_key.pop(key)


def resolve(mentions: list[tuple[RefMatch, Optional[Span], bool]]) -> list[Reference]:
    """One ``Reference`` per cited document from (match, span, in_preamble) triples, in order of
    first mention: the same canonical number, or the same title for name-only citations. A short
    number ("Quyết định số 782") is the full number of the same type and ordinal when there is
    one, else a number of its own as written ("Nghị quyết số 29" → "29")."""
    by_key: dict[str, _Merged] = {}
    by_ordinal = []
    for match, span, parent in mentions:
        if match.ordinal is not None:  # resolved once every full number is known
            by_ordinal.append((match, span, parent))
            continue
        key = "n:" + _key(match.number) if match.number else "t:" + _key(match.title or "")
        _add(by_key, key, match, span, parent)
    for match, span, parent in by_ordinal:  # "Quyết định 782" after "Quyết định số 782/QĐ-TTg"
        same = [k for k, m in by_key.items() if m.ref.number and m.ref.doc_type == match.doc_type
                and _ordinal_of(m.ref.number) == match.ordinal]
        if len(same) == 1:
            _add(by_key, same[0], replace(match, title=None, ordinal=None), span, parent)
        elif match.short:
            _add(by_key, "n:" + _key(match.short), replace(match, number=match.short, title=None), span, parent)
        else:
            _add(by_key, "t:" + _key(match.title or ""), match, span, parent)
    _merge_titles_into_numbers(by_key)
    _merge_spellings(by_key)
    merged = list(by_key.values())
    _complete_issuers(merged)
    for m in merged:
        if m.ref.date and not m.date_valid:
            m.ref.flags.append("invalid_date")
    return [m.ref for m in merged]


def _in_preamble(p: Paragraph) -> bool:
    """A paragraph naming the documents the plan implements ("Thực hiện ...", "Căn cứ ...")."""
    before_sections = p.role == "preamble" or (p.role == "body" and p.section is None)
    return before_sections and PREAMBLE_OPENING_RE.match(p.text) is not None


_WORDS = re.compile(r"[^\W\d_]+")
CONTENT_SHARE = 0.8  # a named instrument this much inside a cited decision's content is that content


def _tokens(text: str) -> list[str]:
    return _WORDS.findall(fold(text))


# In what a cited document approves, the instrument it names may say what it implements: "ban hành
# Kế hoạch hành động ... của tỉnh thực hiện Chiến lược Dân số ..." approves the plan, not the strategy.
_IMPLEMENTED_IN_CONTENT = re.compile(
    rf"(?:{_ALL_TYPES})\s.*?(?<!\w)(?P<verb>thực\s+hiện|triển\s+khai|thi\s+hành)\s", re.IGNORECASE)


def _content(subject: str) -> set[str]:
    """The words of what a cited document approves or issues, up to what that names as implemented."""
    implemented = _IMPLEMENTED_IN_CONTENT.search(subject)
    return set(_tokens(subject[:implemented.start("verb")] if implemented else subject))


def _content_of_cited(title: str, contents: list[set[str]]) -> bool:
    """An instrument whose name (its words after the type word) lies within what a cited document
    approves or issues ("phê duyệt Chiến lược quốc gia ...") is that document's content."""
    typed = TYPE_WORD_RE.match(title)
    words = _tokens(title[typed.end():] if typed else title)
    if not words:
        return False
    return any(sum(w in c for w in words) >= CONTENT_SHARE * len(words) for c in contents)


def _names_bases(p: Paragraph) -> bool:
    """A paragraph before the plan's sections that is not its title: where a plan names its bases."""
    return p.section is None and p.role not in ("doc_type", "title")


def own_numbers(doc: Doc) -> set[str]:
    """The number keys of the document itself: every labelled number ("Số: 745/QĐ-UBND", a
    portal's "Số hiệu | 1589/QĐ-TTg") and a portal's source line ("(Nguồn: Từ Công văn số
    1150/UBND-VP ngày 22/04/2021)") in any paragraph. A citation of that number with another
    date than the document's is another issuer's document of the same number ("12/KH-UBND")."""
    labelled = {number_key(n.canonical) for p in doc.paragraphs for _, _, n in find_number_labels(p.text)}
    return labelled | {number_key(found[1].canonical) for p in doc.paragraphs if (found := source_line(p.text))}



# A row of a legal-document website's list of related documents, wherever the page puts it: an
# index glued to the type word ("- 1Nghị quyết 21-NQ/TW năm 2017 về ...", "2Quyết định 1679/QĐ-TTg
# năm 2019 về ... do Thủ tướng Chính phủ ban hành"), or the site's title form "<type> <number> năm
# <year> ... do <issuer> ban hành" of a whole line.
_LISTING_INDEX_RE = re.compile(rf"^[-•*+\s]*\d{{1,3}}(?=[{docnumbers.CAPITAL}])(?:{_ALL_TYPES})\s")
_LISTING_TITLE_RE = re.compile(
    rf"^[-•*+\s]*(?:{_ALL_TYPES})\s+{docnumbers.DOC_NUMBER_LOOSE}\s+năm\s+(?:19|20)\d\d\b.*\bdo\s+.{{2,80}}\s+ban\s+hành\s*$",
    re.VERBOSE)


_DIGIT = re.compile(r"\d")


def site_listing(text: str) -> bool:
    """A website's row of a related-documents list (see ``_LISTING_INDEX_RE``): not the plan's citation."""
    if not _DIGIT.search(text, 0, 60):
        return False
    return bool(_LISTING_INDEX_RE.match(text)) or (text.rstrip().endswith("ban hành")
                                                    and bool(_LISTING_TITLE_RE.match(text)))


# The document's own title line: "<type> [số <number>] [năm <year>] về <subject>" ("Nghị quyết về kế
# hoạch phát triển kinh tế - xã hội năm 2023", a page's title over the text).
_OWN_TITLE_RE = re.compile(
    rf"^\W*(?P<type>{_ALL_TYPES})\s+(?:{SO}\s*:?\s*)?(?:{docnumbers.DOC_NUMBER_LOOSE}\s+)?(?:năm\s+(?:19|20)\d\d\s+)?"
    r"(?:(?i:về\s+việc|về|v/v)\s+)(?P<subject>[^;]{8,300}?)\s*[.;:]?\s*$",
    re.VERBOSE)
SELF_TITLE_SIMILARITY = 0.9
MIN_SELF_TITLE_WORDS = 4


def own_titles(doc: Doc) -> list[tuple[Optional[str], str]]:
    """(doc type, folded subject) of the title line "<type> về <subject>" that opens a text without
    its header and document-type line (a portal's copy), which is then its only name. A document with
    a header is named by its header: a plan on the same subject as the plan it implements ("Thực hiện
    Kế hoạch số 661/KH-UBND ... về thông tin, tuyên truyền ...") cites that one."""
    if any(p.role in ("header", "doc_type") for p in doc.paragraphs):
        return []
    first = next((p for p in doc.paragraphs if p.text.strip()), None)
    if first is not None and (m := _OWN_TITLE_RE.match(first.text)):
        return [(canonical_type(m.group("type")), fold(m.group("subject")))]
    return []


def _titled_self(m: RefMatch, titles: list[tuple[Optional[str], str]]) -> bool:
    """A citation of the document's own type whose subject is the document's title: the document
    itself ("Ngày 9/12/2022, HĐND tỉnh ban hành Nghị quyết số 11/NQ-HĐND về kế hoạch phát triển
    kinh tế - xã hội năm 2023" under the title "Nghị quyết về kế hoạch phát triển ...")."""
    if not (m.number and m.subject and titles):
        return False
    subject = fold(m.subject).strip(" .")
    # the subject may run on past the title: "về việc giao chỉ tiêu kế hoạch năm 2024, cụ thể:"
    return any(doc_type == m.doc_type and len(title.split()) >= MIN_SELF_TITLE_WORDS
               and SequenceMatcher(None, subject[:len(title)], title).ratio() >= SELF_TITLE_SIMILARITY
               for doc_type, title in titles)


def _paragraph_references(p: Paragraph, nxt: Optional[Paragraph]) -> list[RefMatch]:
    """The citations of one paragraph (``find_references``); where a basis runs on into the next
    paragraph (``_runs_on``), a citation's issuer and date are read across the break."""
    found = find_references(p.text, keep_attached=True)
    if nxt is None or not found or not _runs_on(p, nxt):
        return found
    across = {(m.start, m.number): m for m in find_references(f"{p.text} {nxt.text}", keep_attached=True)}
    out = []
    for m in found:
        a = across.get((m.start, m.number))
        # an issuer read in full only across the break; one cut there goes on only at a hyphen ("Ban
        # Kinh tế" / "- Ngân sách ..."): a body opening the next paragraph is no part of it
        if a is not None and m.number and a.issuer and a.issuer != m.issuer and (
                m.issuer is None or m.issuer_inferred or re.match(re.escape(m.issuer) + r"\s*[-–]\s", a.issuer)):
            m = replace(m, issuer=a.issuer, issuer_inferred=a.issuer_inferred, issuer_before=a.issuer_before,
                        date=m.date or a.date, date_valid=a.date_valid if m.date is None else m.date_valid)
        out.append(m)
    return out


_CLAUSE_ENDED = re.compile(r"[;.:,)]\s*$")
_OPENS_BASIS = re.compile(r"^\W*(?:Thực\s+hiện|Căn\s+cứ|Triển\s+khai|Thi\s+hành|Xét|Theo|Trên\s+cơ\s+sở|QUYẾT)(?!\w)",
                          re.IGNORECASE)


def _runs_on(p: Paragraph, nxt: Paragraph) -> bool:
    """Whether a basis of the preamble was cut by a line break into the next paragraph: it stops
    mid-clause ("... ngày 07/10/2020 của" / "UBND tỉnh và ...", "của Ban Kinh tế" / "- Ngân sách HĐND
    tỉnh; ..."), and the next paragraph opens no basis of its own."""
    return p.role == nxt.role == "preamble" and nxt.heading_level is None \
        and not _CLAUSE_ENDED.search(p.text) and not _OPENS_BASIS.match(nxt.text)


def _approved_other(m: RefMatch, own_code: Optional[str]) -> bool:
    """Whether a citation the text is attached to ("(Kèm theo Kế hoạch số 38/KH-HKHVL ... của ...)") is
    another body's instrument the document approves, not the document itself: no decision (what
    attaches a text is a decision), and a symbol of another body than the document's own number."""
    return own_code is not None and m.issuer_code is not None and m.issuer_code != own_code \
        and m.doc_type not in ("Quyết định", "Nghị quyết")


def extract_references(doc: Doc, meta: Optional[Metadata] = None) -> list[Reference]:
    """One ``Reference`` per cited document, with every mention's span; ``is_parent`` for the
    documents the preamble says the plan implements. The document's own number is no citation; an
    instrument named without a number is a reference only before the plan's sections (where its bases
    are named, not its tasks) and unless it is only the content of a cited decision.

    Reads every paragraph but the signature block and a web page's furniture before the document (a
    header flattened into the body, or a body read as header, still cites). Reads the document's
    metadata (its own number and date), given by the pipeline or worked out here."""
    meta = meta if meta is not None else extract_metadata(doc)
    own, own_date = own_numbers(doc), meta.date
    if meta.number:
        own.add(number_key(meta.number))
    own_number = parse_number(meta.number) if meta.number else None
    own_code = own_number.issuer_code if own_number else None
    titles = own_titles(doc)
    mentions: list[tuple[RefMatch, Optional[Span], bool]] = []
    last = doc.paragraphs[-1] if doc.paragraphs else None
    for i, p in enumerate(doc.paragraphs):
        if p.role in ("signature", "furniture"):
            continue  # a web page's lines before the document
        nxt = doc.paragraphs[i + 1] if i + 1 < len(doc.paragraphs) else None
        found = _paragraph_references(p, nxt)
        if not found or site_listing(p.text):
            continue  # a web page's lists of related documents
        parent = _in_preamble(p)
        cut = len(p.text.rstrip()) if p is last and not ENDED.search(p.text) else None
        for m in found:
            if m.attached and not _approved_other(m, own_code):
                continue  # "(Ban hành kèm theo Quyết định số ...)": the document itself
            if (m.number and number_key(m.number) in own and _dates_agree(m.date, own_date)) \
                    or (m.named and not _names_bases(p)) or _titled_self(m, titles):
                continue  # the document itself; its own title, a task ("- Thực hiện Chương trình ...")
            if cut is not None and m.end >= cut:
                continue  # cut by the end of the text: "Luật Ban hành văn", "Quyết định số 2629/QĐ-T"
            mentions.append((m, doc.span(p.start + m.start, p.start + m.end), parent))
    if any(m.named for m, _, _ in mentions):
        contents = [_content(m.subject) for m, _, _ in mentions if m.subject and not m.named]
        mentions = [(m, s, a) for m, s, a in mentions if not (m.named and _content_of_cited(m.title or "", contents))]
    return resolve(mentions)
