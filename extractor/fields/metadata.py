"""Document metadata: type, number and symbol, issuer, place, date, title, signer, recipients."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from ..document import Doc, Paragraph
from ..records import Metadata
from ..resources import data_json, entries
from .grammar import unit_nouns
from .names import canonical_name

# "Số: 187/KH-UBND", "Số: /KH-SLĐTBXH", "Số: / KH-SGDĐT", OCR "So:".
_NUMBER_LINE = re.compile(
    r"""^S[ốoô]\s*[:.]?\s*
        (?P<num>\d[\d\s]*)?\s*                      # the number, often left blank
        (?:/\s*)?                                   # the slash before the symbol
        (?P<symbol>[A-ZĐ][\wĐđ&’'-]*(?:\s*[-/]\s*[\wĐđ&’']+)*)  # KH-SLĐTBXH, KH/TĐTN-TN
    """,
    re.VERBOSE,
)
# "Lạng Sơn, ngày 20 tháng 5 năm 2022", "Hà Nội, ngày tháng 8 năm 2021"
_PLACE_DATE = re.compile(
    r"""(?:^|(?<=\s))(?P<place>[A-ZĐÀ-Ỹ][^\d,:/]{1,39}?)\s*,\s*ngày\s*
        (?P<day>\d{1,2})?\s*(?:tháng|/)\s*(?P<month>\d{1,2})?\s*(?:năm|/)\s*(?P<year>\d{4})""",
    re.VERBOSE | re.IGNORECASE,
)
# The plan's own sentence naming its issuer: "Sở X xây dựng Kế hoạch ...", "UBND xã Y ban hành Kế hoạch".
_ISSUER_VERB = re.compile(
    r"\s(?:xây\s+dựng|ban\s+hành|triển\s+khai\s+xây\s+dựng)\s+(?:Kế\s+hoạch|kế\s+hoạch|Chương\s+trình|Đề\s+án)"
)
# Where a body's name can begin: a unit noun, capitalised.
# Where a body's name can begin: a unit noun of the gazetteer, capitalised ("Sở", "Ủy ban nhân dân").
_UNIT_START = re.compile(r"(?<![\w])(?:" + "|".join(n.replace(" ", r"\s+") for n in unit_nouns()) + r"|Uỷ\s+ban|UBND)\b")
# Words that show the text between a candidate and the verb is a citation, not a name.
_NOT_A_NAME = re.compile(r"\b(?:của|về|ngày|số|theo)\b")
_DEFINED_ABBREV = re.compile(r"\s*\((?:sau đây gọi tắt là\s+|viết tắt là\s+)?[A-ZĐ][A-ZĐ&]{1,10}\)")
_TITLE_WORDS = {
    "GIÁM ĐỐC": "Giám đốc", "PHÓ GIÁM ĐỐC": "Phó Giám đốc", "CHỦ TỊCH": "Chủ tịch",
    "PHÓ CHỦ TỊCH": "Phó Chủ tịch", "BÍ THƯ": "Bí thư", "PHÓ BÍ THƯ": "Phó Bí thư",
    "TRƯỞNG BAN": "Trưởng ban", "PHÓ TRƯỞNG BAN": "Phó Trưởng ban", "HIỆU TRƯỞNG": "Hiệu trưởng",
    "PHÓ HIỆU TRƯỞNG": "Phó Hiệu trưởng", "TRƯỞNG PHÒNG": "Trưởng phòng",
    "PHÓ TRƯỞNG PHÒNG": "Phó Trưởng phòng", "CHÁNH VĂN PHÒNG": "Chánh Văn phòng",
    "BỘ TRƯỞNG": "Bộ trưởng", "THỨ TRƯỞNG": "Thứ trưởng", "THỦ TRƯỞNG": "Thủ trưởng",
    "CỤC TRƯỞNG": "Cục trưởng", "PHÓ CỤC TRƯỞNG": "Phó Cục trưởng",
}
_AUTHORITY = re.compile(r"^(?:KT|TM|TL|Q|PKT)\s*\.\s*(?P<who>.+)$")
_PERSON_NAME = re.compile(r"^(?:[A-ZĐ][a-zà-ỹđ]+|[A-ZĐÀ-Ỹ][a-zà-ỹđ]*)(?:\s+[A-ZĐÀ-Ỹ][a-zà-ỹđ]+){1,4}$")


@lru_cache(maxsize=1)
def provinces() -> dict[str, str]:
    """Province-level units: name → 'tỉnh' or 'thành phố'."""
    return {name: kind for kind, names in entries(data_json("provinces.json")).items() for name in names}


def extract_metadata(doc: Doc) -> Metadata:
    meta = Metadata()
    front = [p for p in doc.paragraphs if p.role in ("header", "doc_type", "title", "preamble")]
    for p in front:
        if p.role == "doc_type":
            meta.doc_type = p.text.strip().rstrip(":").capitalize()
            meta.spans["doc_type"] = doc.span(p.start, p.end)
        elif p.role == "header":
            _header_line(doc, p, meta)
        elif p.role == "title" and meta.title is None:
            meta.title = doc.outline.title.text if doc.outline.title else p.text
            meta.spans["title"] = doc.outline.title.span if doc.outline.title else doc.span(p.start, p.end)
    meta.issuer = _issuer(doc, meta) or _issuer_from_header(doc, meta)
    _closing(doc, meta)
    return meta


def _header_line(doc: Doc, p: Paragraph, meta: Metadata) -> None:
    m = _NUMBER_LINE.match(p.text)
    if m and meta.symbol is None:
        num = re.sub(r"\s+", "", m.group("num") or "")
        symbol = re.sub(r"\s*([-/])\s*", r"\1", m.group("symbol")).strip()
        meta.symbol = symbol
        meta.number = f"{num}/{symbol}" if num else None
        meta.spans["number"] = doc.span(p.start + m.start(), p.start + m.end())
    m = _PLACE_DATE.search(p.text)
    if m and meta.date is None:
        meta.place = m.group("place").strip()
        year, month, day = m.group("year"), m.group("month"), m.group("day")
        meta.date = year + (f"-{int(month):02d}" if month else "") + (f"-{int(day):02d}" if month and day else "")
        meta.spans["place"] = doc.span(p.start + m.start("place"), p.start + m.end("place"))
        meta.spans["date"] = doc.span(p.start + m.start(), p.start + m.end())


def _issuer(doc: Doc, meta: Metadata) -> Optional[str]:
    """The body that issues the plan, with its locality when the plan names it elsewhere."""
    for p in doc.paragraphs:
        if p.role not in ("preamble", "title"):
            continue
        verb = _ISSUER_VERB.search(p.text)
        if not verb:
            continue
        window_start = max(0, verb.start() - 160)
        starts = [m.start() for m in _UNIT_START.finditer(p.text, window_start, verb.start())]
        begin = next((s for s in starts if not _NOT_A_NAME.search(p.text[s:verb.start()])), None)
        if begin is None:
            continue
        raw = p.text[begin:verb.start()]
        meta.spans["issuer"] = doc.span(p.start + begin, p.start + verb.start())
        name = canonical_name(_DEFINED_ABBREV.sub("", raw))
        return _with_locality(name, doc, meta)
    return None


_MOTTO = re.compile(r"CỘNG\s+HÒA\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM|Độc\s+lập\s*-\s*Tự\s+do\s*-\s*Hạnh\s+phúc|-{2,}|_{2,}", re.I)


def _issuer_from_header(doc: Doc, meta: Metadata) -> Optional[str]:
    """The issuing body from the header's left column: its last uppercase line, under its parent body."""
    lines = []
    for p in doc.paragraphs:
        if p.role != "header":
            continue
        text = _MOTTO.sub(" ", p.text).strip()
        if not text or _NUMBER_LINE.match(text) or _PLACE_DATE.search(text):
            continue
        if text.upper() == text and any(c.isalpha() for c in text):
            lines.append((p, re.sub(r"\s+", " ", text)))
    if not lines:
        return None
    p, issuer = lines[-1]
    meta.spans["issuer"] = doc.span(p.start, p.end)
    name = canonical_name(_title_case(issuer))
    if len(lines) > 1:
        parent_place = next((pl for pl in provinces() if pl.upper() in lines[-2][1]), None)
        if parent_place and parent_place.upper() not in issuer:
            return f"{name} {provinces()[parent_place]} {parent_place}"
    return _with_locality(name, doc, meta)


def _title_case(upper: str) -> str:
    """'SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI' → 'Sở lao động - Thương binh và xã hội', place names restored."""
    parts = [part.strip().lower() for part in re.split(r"\s+-\s+", upper)]
    text = " - ".join(part[:1].upper() + part[1:] for part in parts if part)
    for place in provinces():
        text = re.sub(re.escape(place.lower()), place, text)
    return text


def _with_locality(name: str, doc: Doc, meta: Metadata) -> str:
    """'Sở X' of a province plan → 'Sở X tỉnh Lạng Sơn'; a name that names a place is kept."""
    known = provinces()
    if any(place in name for place in known) or re.search(r"\b(?:xã|phường|thị trấn|huyện|quận|thị xã)\s+[A-ZĐ]", name):
        return name
    province = _document_province(doc, meta)
    if not province:
        return name
    if re.search(r"\btỉnh\b|\bthành phố\b", name, re.I):
        return f"{name} {province}"
    return f"{name} {known[province]} {province}"


def _document_province(doc: Doc, meta: Metadata) -> Optional[str]:
    known = provinces()
    if meta.place in known:
        return meta.place
    counts: dict[str, int] = {}
    for m in re.finditer(r"\b(?:tỉnh|thành phố)\s+((?:[A-ZĐÀ-Ỹ][\wà-ỹđ]*)(?:\s+[A-ZĐÀ-Ỹ][\wà-ỹđ]*){0,2})", doc.text):
        for name in known:
            if m.group(1).startswith(name):
                counts[name] = counts.get(name, 0) + 1
    for m in re.finditer(r"@([a-z]+)\.gov\.vn", doc.text + " " + " ".join(doc.signature)):
        for name in known:
            if _ascii(name) == m.group(1):
                counts[name] = counts.get(name, 0) + 1
    return max(counts, key=lambda name: counts[name]) if counts else None


def _ascii(name: str) -> str:
    import unicodedata
    folded = unicodedata.normalize("NFD", name.replace("Đ", "D").replace("đ", "d"))
    return "".join(c for c in folded if c.isascii() and c.isalpha()).lower()


def _closing(doc: Doc, meta: Metadata) -> None:
    """Recipients (Nơi nhận), signing authority, signer's title and name."""
    closing = [p for p in doc.paragraphs if p.role in ("closing", "signature")]
    in_recipients = False
    titles: list[str] = []
    for p in closing:
        text = p.text.strip()
        if re.match(r"^Nơi\s+nhận", text, re.I):
            in_recipients = True
            continue
        if in_recipients and text.startswith(("-", "–", "+", "•")):
            recipient = re.sub(r"^[-–+•]\s*|\s*\|.*$", "", text).rstrip(" ;.,")
            if not recipient.lower().startswith("lưu"):
                meta.recipients.append(recipient)
            continue
        in_recipients = False
        m = _AUTHORITY.match(text)
        if m:
            meta.signing_authority = text
            continue
        if text.upper() == text and any(c.isalpha() for c in text) and len(text) < 60:
            titles.append(text)
            meta.spans["signer_title"] = doc.span(p.start, p.end)
            continue
        if _PERSON_NAME.match(text) and (titles or meta.signing_authority):
            meta.signer = text
            meta.spans["signer"] = doc.span(p.start, p.end)
    if titles:
        last = re.sub(r"\s+", " ", titles[-1])
        meta.signer_title = _TITLE_WORDS.get(last, last.capitalize())
