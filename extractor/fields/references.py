"""Legal and administrative documents a plan cites, one ``Reference`` per document.

A citation is read with the grammar

    <type> [số] <number> [,] [ngày <date>] [của <issuer>] [về việc | về | V/v <subject>]

where ``<type>`` comes from ``data/doc_types.json`` ("Quyết định", "Thông tư liên tịch",
"Công văn" ...), ``<number>`` from ``docnumbers`` and ``<date>`` from ``dates``. Documents
cited by name ("Luật Trẻ em", "Công ước Quốc tế về quyền trẻ em") or by a bare ordinal
("Đề án 06") carry a title instead of a number; a number cited without a type word
("theo 782/QĐ-TTg") takes its type from the symbol. ``find_references`` reads one
paragraph; ``extract_references`` resolves all mentions in a ``Doc`` to one record each.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable, Optional

from ..names import abbreviations, canonical_name
from ..records import Reference
from . import dates, docnumbers
from .docnumbers import DocNumber, lexicon, parse_number

if TYPE_CHECKING:  # pragma: no cover
    from ..document import Doc, Paragraph


@dataclass(frozen=True)
class RefMatch:
    """One citation in a paragraph; offsets are relative to the paragraph text."""

    start: int
    end: int
    doc_type: Optional[str] = None
    number: Optional[str] = None      # canonical number, e.g. "56/2017/NĐ-CP"
    title: Optional[str] = None       # name when cited without a number, e.g. "Luật Trẻ em"
    date: Optional[str] = None        # ISO, as precise as written
    date_valid: bool = True
    issuer: Optional[str] = None      # canonical issuer, written or inferred from the symbol
    subject: Optional[str] = None     # "về việc ..." as written
    repaired: bool = False            # the number needed an OCR repair
    issuer_code: Optional[str] = None  # issuing-body part of the symbol ("LĐTBXH" in 636/LĐTBXH-TE)
    ordinal: Optional[str] = None     # for a bare-ordinal citation ("06" in "Đề án 06")


# ---------------------------------------------------------------- lexicon


def _words(phrase: str) -> str:
    """A phrase as a pattern tolerant of extra spaces."""
    return r"\s+".join(re.escape(w) for w in phrase.split())


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip().casefold()


@lru_cache(maxsize=1)
def _types() -> list[dict]:
    return sorted(lexicon()["types"], key=lambda t: len(t["name"]), reverse=True)


@lru_cache(maxsize=1)
def _type_names() -> dict[str, dict]:
    return {_key(t["name"]): t for t in _types()}


def _alternation(names: Iterable[str]) -> str:
    return "|".join(_words(n) for n in sorted(names, key=len, reverse=True))


_NUMBERED_TYPES = _alternation(t["name"] for t in lexicon()["types"])
_ORDINAL_TYPES = _alternation(t["name"] for t in lexicon()["types"] if not t.get("title_cited"))
_TITLE_TYPES = _alternation(t["name"] for t in lexicon()["types"] if t.get("title_cited"))
_KNOWN_TITLES = _alternation(lexicon()["known_titles"]["titles"])
_ISSUER_HEADS = _alternation(lexicon()["issuer_heads"]["heads"])

# ---------------------------------------------------------------- grammar

SO = r"(?i:s[ốo])"                          # "số", OCR "so"
WORD = r"[^\W\d_]\w*"                        # a word; _heads keeps only capitalised title words

# "Quyết định số 782/QĐ-TTg", "Thông tư 13/2021/TT-BLĐTBXH", "công văn số: 636/LĐTBXH-TE"
NUMBERED_HEAD = rf"""
    (?<!\w)(?P<type>(?i:{_NUMBERED_TYPES}))      # the document type, any case
    (?:\s+{SO})?\s*[:.]?\s*                      # optional "số" / "số:"
    (?P<number>{docnumbers.DOC_NUMBER_LOOSE})    # 782/QĐ-TTg, 219 KH/TĐTN-TN, 04-CT/TU
"""

# "Đề án 06", "Nghị quyết số 42": a type and an ordinal with no symbol
ORDINAL_HEAD = rf"""
    (?<!\w)(?P<otype>{_ORDINAL_TYPES})
    (?P<so>\s+{SO})?\s+
    (?P<ordinal>\d{{1,5}})
    (?![\d\w]|\s?[/\-]\s?\w|[.,]\d)                # not a full number, not a decimal
    (?!\s+(?i:tháng|năm|ngày|lần|quý|tuần|giờ|người|%))   # not "Báo cáo 6 tháng"
"""

# "Luật Trẻ em", "Bộ luật Lao động", "Công ước Quốc tế về quyền trẻ em", "Hiến pháp"
TITLE_HEAD = rf"""
    (?<!\w)(?P<title>
        (?i:{_KNOWN_TITLES})(?!\w)                            # a title in the lexicon
      | (?P<ttype>{_TITLE_TYPES}|Bộ\s+Luật)\s+(?P<tname>{WORD})   # a title the grammar reads
    )
"""

HEAD_RE = re.compile(
    rf"(?:{NUMBERED_HEAD})|(?:{TITLE_HEAD})|(?:{ORDINAL_HEAD})", re.VERBOSE
)
BARE_NUMBER_RE = docnumbers.DOC_NUMBER_RE

# Words a generic title does not run past (lower case only: a capital continues the name).
_TITLE_STOP = re.compile(
    r"""\s*(?:
        [,;:.()“”"\[\]] | [-–]\s | và\b | hoặc\b | của\b | ngày\b | năm\b | số\b | theo\b | tại\b
      | để\b | nhằm\b | được\b | đã\b | mở\b | trong\b | trên\b | cho\b | với\b | đến\b | đối\b
      | có\b | là\b | này\b | quy\s+định\b | sửa\s+đổi\b | hiện\s+hành\b | hướng\s+dẫn\b
    )""",
    re.VERBOSE,
)
_TITLE_WORD = re.compile(r"\s+([^\s,;:.()“”\"\[\]]+)")
_MAX_TITLE_WORDS = 8
# "về" opens the subject of a convention's title ("Công ước ... về quyền trẻ em"), not of a law's.
_TITLE_STOP_BUT_VE = {"Công ước"}

# After the number: ", ngày 27/5/2021", "ban hành ngày 27 tháng 5 năm 2021", "năm 2016" (titles).
_TAIL_DATE = re.compile(
    rf"\s*,?\s*(?:(?:được\s+)?(?:ban\s+hành|ký|thông\s+qua)\s+)?(?P<date>{dates.DATE})", re.VERBOSE
)
_TAIL_OF = re.compile(r"\s*,?\s*của\s+")
_SUBJECT_RE = re.compile(
    r"""\s*,?\s*(?:
        (?:về\s+việc|[Vv]/[Vv]|về)\s+                          # "về việc ...", "V/v ...", "về ..."
      | (?=(?:hướng\s+dẫn|ban\s+hành|quy\s+định|phê\s+duyệt)\s)  # a verb phrase naming the content
    )(?P<subject>[^;]+?)
    (?=\s*(?:;|\.(?:\s|$)|$|,\s*(?:{heads})\s|\(sau\s+đây))""".replace("{heads}", _ISSUER_HEADS),
    re.VERBOSE,
)
# "hướng dẫn của Bộ tại Công văn số ...": the issuer written before the citation.
_ISSUER_BEFORE = re.compile(r"của\s+(?P<issuer>[^,;.()]{1,60}?)\s+(?:tại|theo)\s+$")

# Issuer words: a parenthesised abbreviation "(UBND)" is skipped, punctuation ends the name.
_ISSUER_TOKEN = re.compile(r"\s*(\([A-ZĐ&\-]+\)|[-–]|,|[^\s,;.:()“”\"]+)")
_ISSUER_STOP = re.compile(
    r"""\s*(?:
        về | [Vv]/[Vv] | tại | theo | ngày | số | đã | được | nhằm | để | giao | trong | cho | với
      | đến | khi | năm | kèm | hướng\s+dẫn | ban\s+hành | quy\s+định | phê\s+duyệt | triển\s+khai
      | thực\s+hiện | chỉ\s+đạo | [;.:()“”"]
    )(?!\w)""",
    re.VERBOSE,
)
_ISSUER_HEAD_RE = re.compile(rf"\s*(?:{_ISSUER_HEADS})(?!\w)")
_MAX_ISSUER_WORDS = 16
_PREAMBLE_OPENING = re.compile(r"^\W*(?:Thực\s+hiện|Căn\s+cứ|Triển\s+khai|Thi\s+hành)\b", re.IGNORECASE)
# Administrative-unit nouns written in lower case inside a body's name ("UBND Huyện X" → "huyện").
_UNIT_NOUN = re.compile(r"(?<=\S\s)(Tỉnh|Huyện|Xã|Quận|Phường|Thị\s+xã|Thị\s+trấn|Thành\s+phố)(?=\s+[A-ZĐÀ-Ỹ])")
_NHAN_DAN = re.compile(r"\b(Ủy\s+ban|Hội\s+đồng)\s+Nhân\s+[Dd]ân\b")
_BARE_UNIT = re.compile(r"^(?:Bộ|Sở|Phòng|Cục|Ủy ban|Ban)$")


# ---------------------------------------------------------------- pieces of a citation


def _canonical_type(written: str) -> Optional[str]:
    entry = _type_names().get(_key(written))
    return entry["name"] if entry else None


def _is_generic(doc_type: Optional[str]) -> bool:
    entry = _type_names().get(_key(doc_type or ""))
    return bool(entry and entry.get("generic"))


def canonical_issuer(written: str) -> Optional[str]:
    """The issuer as gold writes it: abbreviations expanded, "Nhân dân" and unit nouns in lower case."""
    name = canonical_name(written)
    name = _NHAN_DAN.sub(lambda m: f"{m.group(1)} nhân dân", name)
    name = _UNIT_NOUN.sub(lambda m: m.group(1).lower(), name)
    return name or None


def _continues_name(text: str, pos: int) -> bool:
    """After "," or "và" at ``pos``: does a capitalised word that opens no new body or citation follow?"""
    nxt = _ISSUER_TOKEN.match(text, pos)
    if not nxt or not nxt.group(1)[:1].isupper():
        return False
    return not _ISSUER_HEAD_RE.match(text, pos) and not HEAD_RE.match(text, nxt.start(1))


def _read_issuer(text: str, pos: int, limit: int) -> tuple[Optional[str], int]:
    """The body named from ``pos`` ("của" already read) and the offset after it."""
    words: list[str] = []
    end = pos
    while len(words) < _MAX_ISSUER_WORDS and end < limit:
        m = _ISSUER_TOKEN.match(text, end)
        if not m or m.end() > limit:
            break
        token = m.group(1)
        if token.startswith("("):  # "(UBND)": an abbreviation the plan defines
            end = m.end()
            continue
        if _ISSUER_STOP.match(text, end):
            break
        if token in (",", "và") and not (words and _continues_name(text, m.end())):
            break
        words.append(token)
        end = m.end()
    while words and words[-1] in (",", "và", "-", "–"):
        words.pop()
    if not words:
        return None, pos
    return canonical_issuer(" ".join(words).replace(" ,", ",")), end


def _read_title(m: re.Match[str], text: str, limit: int) -> tuple[str, int]:
    """The title of a name-only citation and where it ends."""
    if m.group("ttype") is None:  # known title
        return re.sub(r"\s+", " ", m.group("title")), m.end("title")
    ttype = re.sub(r"\s+", " ", m.group("ttype"))
    words = [m.group("tname")]
    end = m.end("tname")
    while len(words) < _MAX_TITLE_WORDS and end < limit:
        if _TITLE_STOP.match(text, end) and not (ttype in _TITLE_STOP_BUT_VE and text.startswith(" về", end)):
            break
        w = _TITLE_WORD.match(text, end)
        if not w or w.end() > limit or HEAD_RE.match(text, w.start(1)):
            break
        words.append(w.group(1))
        end = w.end()
    return f"{ttype} {' '.join(words)}", end


def _tail(text: str, pos: int, limit: int, year_only_date: bool) -> tuple[Optional[dates.DateValue], Optional[str], int]:
    """Date and issuer after a citation head, in either order; returns (date, issuer, end)."""
    date = issuer = None
    for _ in range(2):
        if date is None and (m := _TAIL_DATE.match(text, pos)) and m.end() <= limit:
            value = dates.parse_date(m.group("date"))
            if value.year is not None and (value.month is not None or year_only_date):
                date, pos = value, m.end()
                continue
        if issuer is None and (m := _TAIL_OF.match(text, pos)) and m.end() < limit:
            issuer, end = _read_issuer(text, m.end(), limit)
            if issuer:
                pos = end
                continue
        break
    return date, issuer, pos


def _subject(text: str, pos: int) -> tuple[Optional[str], int]:
    m = _SUBJECT_RE.match(text, pos)
    if not m:
        return None, pos
    return re.sub(r"\s+", " ", m.group("subject")).strip(" ,") or None, m.end()


# ---------------------------------------------------------------- one paragraph


def _heads(text: str) -> list[re.Match[str]]:
    """Citation heads left to right, overlapping ones dropped."""
    heads, last_end = [], 0
    for m in HEAD_RE.finditer(text):
        if m.group("title") is not None and not m.group("title")[0].isupper():
            continue  # "pháp luật lao động", "luật sư": no title
        if m.group("tname") is not None and not m.group("tname")[0].isupper():
            continue  # "Luật này", "Luật pháp"
        if m.start() >= last_end:
            heads.append(m)
            last_end = m.end()
    return heads


def _bare_numbers(text: str, heads: list[re.Match[str]]) -> list[tuple[int, int, DocNumber]]:
    """Numbers written without a type word, outside the heads (not a header's "Số: ...")."""
    covered = [(h.start(), h.end()) for h in heads]
    found = []
    for start, end, number in docnumbers.find_numbers(text):
        if any(s <= start < e for s, e in covered):
            continue
        if re.match(r"^\W*(?i:s[ốo])\s*[:.]?\s*$", text[:start]):  # the plan's own number line
            continue
        found.append((start, end, number))
    return found


def _numbered(text: str, start: int, head_end: int, written_type: Optional[str], number: DocNumber,
              limit: int) -> RefMatch:
    doc_type = _canonical_type(written_type) if written_type else None
    if doc_type is None or _is_generic(doc_type):
        doc_type = number.doc_type or doc_type
    date, issuer, pos = _tail(text, head_end, limit, year_only_date=False)
    if issuer is None:
        before = _ISSUER_BEFORE.search(text, max(0, start - 80), start)
        issuer = canonical_issuer(before.group("issuer")) if before else None
    subject, _ = _subject(text, pos)
    return RefMatch(
        start=start, end=pos, doc_type=doc_type, number=number.canonical, date=date.iso if date else None,
        date_valid=date.valid if date else True, issuer=issuer or number.issuer, subject=subject,
        repaired=number.repaired, issuer_code=number.issuer_code,
    )


def find_references(text: str) -> list[RefMatch]:
    """Every citation in one normalised paragraph, left to right."""
    heads = _heads(text)
    starts = [h.start() for h in heads] + [len(text)]
    found: list[RefMatch] = []
    for i, m in enumerate(heads):
        limit = starts[i + 1]
        if m.group("number") is not None:
            number = parse_number(m.group("number"))
            if number:
                found.append(_numbered(text, m.start(), m.end(), m.group("type"), number, limit))
        elif m.group("title") is not None:
            title, end = _read_title(m, text, limit)
            date, issuer, pos = _tail(text, end, limit, year_only_date=True)
            doc_type = _canonical_type(m.group("ttype") or "") or _type_of_title(title)
            found.append(RefMatch(start=m.start(), end=pos, doc_type=doc_type, title=title,
                                  date=date.iso if date else None, date_valid=date.valid if date else True,
                                  issuer=issuer))
        else:
            doc_type = _canonical_type(m.group("otype"))
            entry = _type_names().get(_key(doc_type or ""), {})
            if m.group("so") is None and not entry.get("named_by_ordinal"):
                continue
            if re.fullmatch(r"(?:19|20)\d\d", m.group("ordinal")):  # "Kế hoạch 2022" is a year
                continue
            date, issuer, pos = _tail(text, m.end(), limit, year_only_date=False)
            found.append(RefMatch(start=m.start(), end=pos, doc_type=doc_type,
                                  title=re.sub(r"\s+", " ", m.group(0)), ordinal=m.group("ordinal").lstrip("0") or "0",
                                  date=date.iso if date else None, date_valid=date.valid if date else True,
                                  issuer=issuer))
    for start, end, number in _bare_numbers(text, heads):
        later = [s for s in starts if s > start]
        found.append(_numbered(text, start, end, None, number, later[0] if later else len(text)))
    return sorted(found, key=lambda r: r.start)


def _type_of_title(title: str) -> Optional[str]:
    for t in _types():
        if _key(title).startswith(_key(t["name"]) + " ") or _key(title) == _key(t["name"]):
            return t["name"]
    return None


# ---------------------------------------------------------------- the whole document


@dataclass
class _Merged:
    ref: Reference
    issuer_code: Optional[str] = None
    ordinal: Optional[str] = None
    date_valid: bool = True
    spans: list = field(default_factory=list)


def _is_preamble(p: "Paragraph") -> bool:
    if not _PREAMBLE_OPENING.match(p.text):
        return False
    return p.role == "preamble" or (p.role == "body" and p.section is None)


def _ordinal_of(number: str) -> str:
    return re.match(r"\d+", number).group(0).lstrip("0") or "0"


def _complete_issuer(merged: list[_Merged]) -> None:
    """A bare "Bộ"/"Sở" issuer takes the full name of another citation with the same issuing code,
    else the unit noun plus the expanded code ("Bộ" + LĐTBXH)."""
    for m in merged:
        issuer = m.ref.issuer
        if issuer is None or not _BARE_UNIT.match(issuer) or not m.issuer_code:
            continue
        same = [o.ref.issuer for o in merged if o is not m and o.issuer_code == m.issuer_code
                and o.ref.issuer and o.ref.issuer.startswith(issuer + " ")]
        expansion = abbreviations().get(m.issuer_code)
        if same:
            m.ref.issuer = same[0]
        elif expansion:
            m.ref.issuer = canonical_issuer(f"{issuer} {m.issuer_code}")


def resolve(matches: list[tuple[RefMatch, Optional[object], bool]]) -> list[_Merged]:
    """Group (match, span, in_preamble) triples into one merged record per cited document."""
    by_key: dict[str, _Merged] = {}
    ordinal_only: list[tuple[RefMatch, object, bool]] = []
    for match, span, parent in matches:
        if match.ordinal is not None:
            ordinal_only.append((match, span, parent))
            continue
        key = ("n:" + _key(match.number)) if match.number else ("t:" + _key(match.title or ""))
        _add(by_key, key, match, span, parent)
    for match, span, parent in ordinal_only:  # "Quyết định 782" after "Quyết định số 782/QĐ-TTg"
        same = [k for k, m in by_key.items() if m.ref.number and _ordinal_of(m.ref.number) == match.ordinal
                and m.ref.doc_type == match.doc_type]
        key = same[0] if len(same) == 1 else "t:" + _key(match.title or "")
        _add(by_key, key, replace(match, title=None) if len(same) == 1 else match, span, parent)
    merged = list(by_key.values())
    _complete_issuer(merged)
    for m in merged:
        if m.ref.date and not m.date_valid:
            m.ref.flags.append("invalid_date")
    return merged


def _add(by_key: dict[str, _Merged], key: str, match: RefMatch, span, parent: bool) -> None:
    m = by_key.get(key)
    if m is None:
        m = by_key[key] = _Merged(Reference(doc_type=match.doc_type, number=match.number,
                                            title=None if match.number else match.title),
                                  issuer_code=match.issuer_code, ordinal=match.ordinal)
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


def extract_references(doc: "Doc") -> list[Reference]:
    """One ``Reference`` per cited document, in order of first mention, with every mention's span."""
    matches = []
    for p in doc.paragraphs:
        if p.role in ("header", "signature"):
            continue
        parent = _is_preamble(p)
        for m in find_references(p.text):
            matches.append((m, doc.span(p.start + m.start, p.start + m.end), parent))
    return [m.ref for m in resolve(matches)]
