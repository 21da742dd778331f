"""Legal and administrative documents a plan cites, one ``Reference`` per document.

A citation is read with the grammar

    <type> [số] <number> [,] [ngày <date>] [của <issuer>] [về việc | về | V/v <subject>]

where ``<type>`` comes from ``data/doc_types.json`` ("Quyết định", "Thông tư liên tịch",
"Công văn" ...), ``<number>`` from ``docnumbers`` and ``<date>`` from ``dates``. Documents
cited by name ("Luật Trẻ em", "Công ước Quốc tế về quyền trẻ em") or by a bare ordinal
("Đề án 06") carry a title instead of a number; a number cited without a type word
("theo 782/QĐ-TTg") takes its type from the symbol. ``find_references`` reads one
paragraph; ``extract_references`` resolves all mentions in a ``Doc`` to one record each.

Reading is two-step for speed: one scan finds the type words (a prefix-tree pattern),
then anchored patterns read what follows each one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Optional

from ..normalise import at_word_start
from ..records import Reference, Span
from . import dates, docnumbers
from .docnumbers import DocNumber, lexicon, parse_number
from .names import abbreviations, canonical_name

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


def _alternation(names: Iterable[str], any_case: bool = False) -> str:
    """``names`` as one fast pattern; ``any_case`` adds the lower-case-initial, title-case
    ("Quyết Định") and upper-case spellings."""
    names = list(names)
    if any_case:
        names += [n[0].lower() + n[1:] for n in names] + [n.upper() for n in names]
        names += [" ".join(w[:1].upper() + w[1:] for w in n.split()) for n in names]
    return _trie(names)


TYPES: dict[str, dict] = {_key(t["name"]): t for t in lexicon()["types"]}
_ALL_TYPES = _alternation((t["name"] for t in lexicon()["types"]), any_case=True)
_KNOWN_TITLES = _alternation(lexicon()["known_titles"]["titles"], any_case=True)
_ISSUER_HEADS = _alternation(lexicon()["issuer_heads"]["heads"])

# ---------------------------------------------------------------- grammar

SO = r"(?i:s[ốo])"                            # "số", OCR "so"
WORD = r"[^\W\d_][\w’'-]*"                     # a word (title words are checked for a capital)

# The scan: a type word standing alone. "Quyết định", "quyết định", "QUYẾT ĐỊNH", "Bộ luật" ...
TYPE_WORD_RE = re.compile(rf"\b(?:{_ALL_TYPES})(?!\w)")
# The same for scanning a paragraph: without the leading \b, which keeps the regex engine from
# skipping ahead to a type word's first letter; the word start is checked in code.
_TYPE_WORD_SCAN = re.compile(rf"(?:{_ALL_TYPES})(?!\w)")

# <type> [số] <number>: "Quyết định số 782/QĐ-TTg", "Công văn số: 636/LĐTBXH-TE", "Thông tư 13/2021/TT-BLĐTBXH"
NUMBER_AFTER_RE = re.compile(
    rf"""(?:\s+{SO})?\s*[:.]?\s*                  # optional "số" / "số:"
    (?P<number>{docnumbers.DOC_NUMBER_LOOSE})      # 782/QĐ-TTg, 219 KH/TĐTN-TN, 04-CT/TU, 7 82/QD-TTg
    """,
    re.VERBOSE,
)

# <type> [số] <ordinal>: "Đề án 06", "Nghị quyết số 42" (no symbol)
ORDINAL_AFTER_RE = re.compile(
    rf"""(?P<so>\s+{SO})?\s+
    (?P<ordinal>\d{{1,5}})
    (?![\d\w]|\s?[/\-]\s?\w|[.,]\d)                           # not a full number, not a decimal
    (?!\s*(?:%|(?i:tháng|năm|ngày|lần|quý|tuần|giờ|người)(?!\w)))   # not "Báo cáo 6 tháng"
    """,
    re.VERBOSE,
)

# A title in the lexicon, read from the type word on: "Luật Trẻ em", "Công ước Quốc tế về quyền trẻ em"
KNOWN_TITLE_RE = re.compile(rf"(?:{_KNOWN_TITLES})(?!\w)")
# A title the grammar reads: the type word, then a capitalised word ("Luật Thanh niên")
TITLE_WORD_RE = re.compile(rf"\s+(?P<word>{WORD})")
# A generic title does not run past punctuation or these (lower-case) words.
TITLE_STOP_RE = re.compile(
    r"""\s*(?:
        [,;:.()“”"\[\]] | [-–]\s
      | (?:và|hoặc|của|ngày|năm|số|theo|tại|để|nhằm|được|đã|mở|trong|trên|cho|với|đến|đối|có|là|này
        |quy\s+định|sửa\s+đổi|hiện\s+hành|hướng\s+dẫn)(?!\w)
    )""",
    re.VERBOSE,
)
MAX_TITLE_WORDS = 8
# "về" belongs to a convention's name ("Công ước ... về quyền trẻ em"), not to a law's.
_VE_IN_TITLE = {"Công ước"}

# After the head: "ngày 27/5/2021", ", ngày 05/8/2016", "ban hành ngày 27 tháng 5 năm 2021", "năm 2016"
TAIL_DATE_RE = re.compile(
    rf"\s*,?\s*(?:(?:được\s+)?(?:ban\s+hành|ký|thông\s+qua)\s+)?(?P<date>{dates.DATE})", re.VERBOSE
)
TAIL_OF_RE = re.compile(r"\s*,?\s*của\s+")                         # "của <issuer>"
TAIL_NUMBER_RE = re.compile(rf"\s+{SO}\s*:?\s*(?P<number>{docnumbers.DOC_NUMBER_LOOSE})", re.VERBOSE)
SUBJECT_RE = re.compile(
    rf"""\s*,?\s*(?:
        (?i:về\s+việc|v/v|về)\s+                                # "về việc ...", "V/v ...", "Về ..."
      | (?=(?:hướng\s+dẫn|ban\s+hành|quy\s+định|phê\s+duyệt)\s)  # a verb phrase naming the content
    )(?P<subject>[^;]+?)
    (?=\s*(?:;|\.(?:\s|$)|$|,\s*(?:{_ISSUER_HEADS})\s|\(sau\s+đây))   # to ";", a full stop, the next body
    """,
    re.VERBOSE,
)
# "hướng dẫn của Bộ tại Công văn số ...": the issuer written before the citation.
ISSUER_BEFORE_RE = re.compile(rf"của\s+(?P<issuer>(?:{_ISSUER_HEADS})(?!\w)[^,;.()]{{0,60}}?)\s+(?:tại|theo)\s+$")

# Issuer words: "(UBND)", a plan's own abbreviation, is skipped; "-" joins; punctuation ends the name.
ISSUER_TOKEN_RE = re.compile(r"\s*(\([A-ZĐ&\-]+\)|[-–]|,|(?:TP|Tp|TX|Tx)\.(?=\s*[A-ZĐ])|[^\s,;.:()“”\"]+)")
ISSUER_STOP_RE = re.compile(
    r"""\s*(?:
        (?:số|năm)(?!\w)                                    # lower case only: "huyện Năm Căn" is a name
      | (?i:về|v/v|tại|theo|ngày|đã|được|nhằm|để|giao|trong|cho|với|đến|khi|kèm
          |hướng\s+dẫn|ban\s+hành|quy\s+định|phê\s+duyệt|triển\s+khai|thực\s+hiện|chỉ\s+đạo)(?!\w)
      | [;.:()“”"]
    )""",
    re.VERBOSE,
)
ISSUER_HEAD_RE = re.compile(rf"\s*(?:{_ISSUER_HEADS})(?!\w)")
MAX_ISSUER_WORDS = 16
_UNIT_NOUN = re.compile(r"(?<=\S\s)(Tỉnh|Huyện|Xã|Quận|Phường|Thị\s+xã|Thị\s+trấn|Thành\s+phố)(?=\s+(\w))")
_NHAN_DAN = re.compile(r"\b(Ủy\s+ban|Hội\s+đồng)\s+Nhân\s+[Dd]ân\b")
_BARE_UNIT = re.compile(r"^(?:Bộ|Sở|Phòng|Cục|Ủy ban|Ban)$")
_UNIT_LETTER = {"Bộ": "B", "Sở": "S", "Phòng": "P", "Cục": "C"}  # the letter a unit noun adds to a code
# The plan's own number line "Số: 187/KH-UBND" is not a citation.
_OWN_NUMBER_LINE = re.compile(r"^\W*(?i:s[ốo])\s*[:.]?\s*$")
# ", số 13/QĐ-UBND" after "Quyết định số 12/QĐ-UBND": a list sharing one type word.
_LIST_CONTINUATION = re.compile(rf"(?:,|;|và)\s*(?:{SO}\s*:?\s*)?$")
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


def _continues_name(text: str, pos: int) -> bool:
    """After "," or "và": does a capitalised word follow that opens no new body or citation?"""
    nxt = ISSUER_TOKEN_RE.match(text, pos)
    if not nxt or not nxt.group(1)[:1].isupper():
        return False
    return not ISSUER_HEAD_RE.match(text, pos) and not TYPE_WORD_RE.match(text, nxt.start(1))


def _read_issuer(text: str, pos: int, limit: int) -> tuple[Optional[str], int]:
    """The body named from ``pos`` ("của" already read) and the offset after it."""
    words: list[str] = []
    end = pos
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
        if token in (",", "và") and not (words and _continues_name(text, m.end())):
            break
        words.append(token.rstrip("."))  # "TP. Hồ Chí Minh"
        end = m.end()
    while words and words[-1] in (",", "và", "-", "–"):
        words.pop()
    if not words:
        return None, pos
    return canonical_issuer(" ".join(words).replace(" ,", ",")), end


def _read_title(text: str, start: int, type_end: int, written_type: str, limit: int) -> Optional[tuple[str, int]]:
    """(title, end) of a name-only citation whose type word spans ``start:type_end``, or None."""
    known = KNOWN_TITLE_RE.match(text, start)
    if known and known.end() <= limit:
        return re.sub(r"\s+", " ", known.group(0)), known.end()
    first = TITLE_WORD_RE.match(text, type_end)
    if not first or not first.group("word")[0].isupper() or first.end() > limit:
        return None  # "Luật này", "Luật pháp"
    words, end = [first.group("word")], first.end()
    keeps_ve = canonical_type(written_type) in _VE_IN_TITLE
    while len(words) < MAX_TITLE_WORDS and end < limit:
        if TITLE_STOP_RE.match(text, end) and not (keeps_ve and re.match(r"\s+về\s", text[end:end + 5])):
            break
        w = TITLE_WORD_RE.match(text, end)
        if not w or w.end() > limit or TYPE_WORD_RE.match(text, w.start("word")):
            break
        words.append(w.group("word"))
        end = w.end()
    return f"{' '.join(written_type.split())} {' '.join(words)}", end


def _tail(text: str, pos: int, limit: int, year_only_date: bool) -> tuple[Optional[dates.DateValue], Optional[str], int]:
    """Date and issuer after a citation head, in either order: (date, issuer, end)."""
    date = issuer = None
    for _ in range(2):
        if date is None and (m := TAIL_DATE_RE.match(text, pos)) and m.end() <= limit:
            value = dates.parse_date(m.group("date"))
            if value.year is not None and (value.month is not None or year_only_date):
                date, pos = value, m.end()
                continue
        if issuer is None and (m := TAIL_OF_RE.match(text, pos)) and m.end() < limit:
            issuer, end = _read_issuer(text, m.end(), limit)
            if issuer:
                pos = end
                continue
        break
    return date, issuer, pos


def _subject(text: str, pos: int) -> Optional[str]:
    m = SUBJECT_RE.match(text, pos)
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


_DIGIT = re.compile(r"\d")
_NUMBER_REACH = 20  # a number or an ordinal after a type word starts this close to it ("số: 782")


def _head_at(text: str, m: re.Match[str]) -> Optional[_Head]:
    written = m.group(0)
    entry = _entry(canonical_type(written))
    numbered = _DIGIT.search(text, m.end(), m.end() + _NUMBER_REACH) is not None
    num = NUMBER_AFTER_RE.match(text, m.end()) if numbered else None
    if num and (number := parse_number(num.group("number"))):
        return _Head(m.start(), num.end(), written, number=number)
    if not written[0].isupper():
        return None  # "quyết định thành lập", "kế hoạch này": a word, not a name
    if entry.get("title_cited"):
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
    return None


def _heads(text: str) -> list[_Head]:
    """Typed citation heads, then numbers cited without a type word, left to right."""
    heads: list[_Head] = []
    last_end = 0
    for m in _TYPE_WORD_SCAN.finditer(text):
        at = m.start()
        if at < last_end or not at_word_start(text, at):
            continue
        head = _head_at(text, m)
        if head:
            heads.append(head)
            last_end = head.end
    if "/" not in text:
        return heads
    covered = [(h.start, h.end) for h in heads]
    for start, end, number in docnumbers.find_numbers(text):
        if any(s <= start < e for s, e in covered) or _OWN_NUMBER_LINE.match(text[:start]):
            continue
        if number.issuer_code is None:  # "5/KH": without a type word, a symbol must name its issuer
            continue
        before = [h for h in heads if h.end <= start and h.number is not None]
        shared = before and _LIST_CONTINUATION.search(text, before[-1].end, start) \
            and before[-1].end >= start - 40
        heads.append(_Head(start, end, before[-1].written_type if shared else None, number=number))
    return sorted(heads, key=lambda h: h.start)


# ---------------------------------------------------------------- one paragraph


def _numbered(text: str, head: _Head, limit: int) -> RefMatch:
    number = head.number
    assert number is not None  # a numbered head
    doc_type = canonical_type(head.written_type) if head.written_type else None
    if doc_type is None or _entry(doc_type).get("generic"):
        doc_type = number.doc_type or doc_type
    date, issuer, pos = _tail(text, head.end, limit, year_only_date=False)
    if issuer is None:
        before = ISSUER_BEFORE_RE.search(text, max(0, head.start - 80), head.start)
        issuer = canonical_issuer(before.group("issuer")) if before else None
    return RefMatch(
        start=head.start, end=pos, doc_type=doc_type, number=number.canonical,
        date=date.iso if date else None, date_valid=date.valid if date else True,
        issuer=issuer or number.issuer, subject=_subject(text, pos), repaired=number.repaired,
        issuer_code=number.issuer_code,
    )


def _named(text: str, head: _Head, limit: int) -> RefMatch:
    """A citation by title ("Luật Trẻ em") or by bare ordinal ("Đề án 06")."""
    doc_type, number = canonical_type(head.written_type), head.number
    date, issuer, pos = _tail(text, head.end, limit, year_only_date=head.title is not None)
    return RefMatch(
        start=head.start, end=pos, doc_type=doc_type,
        number=number.canonical if number else None,
        title=head.title or " ".join(text[head.start:head.end].split()),
        issuer_code=number.issuer_code if number else None,
        ordinal=(head.ordinal.lstrip("0") or "0") if head.ordinal else None,
        date=date.iso if date else None, date_valid=date.valid if date else True,
        issuer=issuer or (number.issuer if number else None), subject=_subject(text, pos),
        repaired=bool(number and number.repaired),
    )


# Every citation holds a number with its symbol ("782/QĐ-TTg", "56/2017/NĐ-CP", "04-CT/TU": a
# slash, perhaps a year and a slash, then a capital), a number after a type word or "số" ("Đề án
# 06", "Chương trình 135", "Quyết định 782"), or names a law-like document; a paragraph with none
# of these (dates such as 27/5/2021 and ratios such as 144/200 are none) is skipped before the
# citation grammar runs. Substring tests first: they cost next to nothing.
_SYMBOL_AFTER_SLASH = re.compile(rf"/\x20?(?:{docnumbers.YEAR}\x20?/\x20?)?[A-ZĐ]")
_TITLE_WORDS = ("luật", "hiến pháp", "công ước", "pháp lệnh", "điều ước")
_ORDINAL_CUE = re.compile(r"(?:án|quyết|thị|định|hoạch|trình|số|so|tư|luận)\s*[:.]?\s*\d")


def _may_cite(text: str) -> bool:
    if "/" in text and _SYMBOL_AFTER_SLASH.search(text):
        return True
    low = text.lower()
    if any(w in low for w in _TITLE_WORDS):
        return True
    return _DIGIT.search(text) is not None and _ORDINAL_CUE.search(low) is not None


def find_references(text: str) -> list[RefMatch]:
    """Every citation in one normalised paragraph, left to right."""
    if not _may_cite(text):
        return []
    heads = _heads(text)
    found = []
    for i, head in enumerate(heads):
        limit = heads[i + 1].start if i + 1 < len(heads) else len(text)
        named = head.title is not None or head.ordinal is not None
        found.append(_named(text, head, limit) if named else _numbered(text, head, limit))
    return found


# ---------------------------------------------------------------- the whole document


@dataclass
class _Merged:
    ref: Reference
    issuer_code: Optional[str] = None
    date_valid: bool = True


def _ordinal_of(number: str) -> str:
    digits = re.match(r"\d+", number)
    return (digits.group(0).lstrip("0") or "0") if digits else number


def _add(by_key: dict[str, _Merged], key: str, match: RefMatch, span: Optional[Span], parent: bool) -> None:
    m = by_key.get(key)
    if m is None:
        m = by_key[key] = _Merged(Reference(doc_type=match.doc_type, number=match.number, title=match.title))
    ref = m.ref
    ref.doc_type = ref.doc_type or match.doc_type
    if match.date and (ref.date is None or (not m.date_valid and match.date_valid)):
        ref.date, m.date_valid = match.date, match.date_valid
    if match.issuer and (ref.issuer is None or _BARE_UNIT.match(ref.issuer)):
        ref.issuer = match.issuer
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


def _merge_titles_into_numbers(by_key: dict[str, _Merged]) -> None:
    """"Luật Trẻ em" and "Luật Trẻ em số 102/2016/QH13" in one plan are one document."""
    numbered = {_key(m.ref.title): m for k, m in by_key.items() if k.startswith("n:") and m.ref.title}
    for key in [k for k in by_key if k.startswith("t:") and k[2:] in numbered]:
        named, target = by_key.pop(key), numbered[key[2:]]
        target.ref.mentions = sorted(target.ref.mentions + named.ref.mentions, key=lambda s: s.start)
        target.ref.is_parent = target.ref.is_parent or named.ref.is_parent
        target.ref.date = target.ref.date or named.ref.date


def resolve(mentions: list[tuple[RefMatch, Optional[Span], bool]]) -> list[Reference]:
    """One ``Reference`` per cited document from (match, span, in_preamble) triples, in order of
    first mention: the same canonical number, or the same title for name-only citations."""
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
        else:
            _add(by_key, "t:" + _key(match.title or ""), match, span, parent)
    _merge_titles_into_numbers(by_key)
    merged = list(by_key.values())
    _complete_issuers(merged)
    for m in merged:
        if m.ref.date and not m.date_valid:
            m.ref.flags.append("invalid_date")
    return [m.ref for m in merged]


def _in_preamble(p: Paragraph) -> bool:
    """A paragraph naming the documents the plan implements ("Thực hiện ...", "Căn cứ ...")."""
    if not PREAMBLE_OPENING_RE.match(p.text):
        return False
    return p.role == "preamble" or (p.role == "body" and p.section is None)


def extract_references(doc: Doc) -> list[Reference]:
    """One ``Reference`` per cited document, with every mention's span; ``is_parent`` for the
    documents the preamble says the plan implements."""
    mentions: list[tuple[RefMatch, Optional[Span], bool]] = []
    for p in doc.paragraphs:
        if p.role in ("header", "signature"):
            continue
        parent = _in_preamble(p)
        for m in find_references(p.text):
            mentions.append((m, doc.span(p.start + m.start, p.start + m.end), parent))
    return resolve(mentions)
