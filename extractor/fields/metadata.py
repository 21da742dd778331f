"""Document metadata: type, number and symbol, issuer, place, date, title, signer, recipients.

Reads the Doc's header cells (``fields.header``), its first document-type line, its title, its
preamble (the sentence naming the issuer) and its closing block. The issuer is the body the
header's left column names last ("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI" under "UBND TỈNH LẠNG
SƠN"), with the locality of its parent line, else of the text; a national body (a ministry, the
Government) never takes one, and a school keeps its own name.
"""

from __future__ import annotations

import re
from typing import Optional

from ..document import Doc, Paragraph
from ..grammar import positions, unit_nouns
from ..records import Metadata
from ..resources import data_json
from ..segment.lines import (
    DOC_TYPE_LINE,
    PLACE_DATE,
    PLACE_DATE_START,
    SIGNING_AUTHORITY,
    SUBJECT,
    doc_type_name,
    opens_issuer,
    upper_share,
)
from ..tones import fold
from .bodies.lexicon import gazetteer
from .bodies.naming import body_level
from .bodies.naming import canonical as canonical_body
from .docnumbers import parse_number_line, source_line, type_by_code
from .header import Header, Piece, read_header
from .names import name_from_capitals
from .places import lookup, place_case, province_kind, provinces, restore_glyphs

# The plan's own sentence naming its issuer: "Sở X xây dựng Kế hoạch ...", "UBND xã Y ban hành Kế hoạch".
_ISSUER_VERB = re.compile(
    r"\s(?:[Xx]ây\s+dựng|[Bb]an\s+hành|triển\s+khai\s+xây\s+dựng)\s+(?P<type>Kế\s+hoạch|kế\s+hoạch|Chương\s+trình|Đề\s+án)"
)
# A letter's sender asks its addressees or gives its view: "Sở Nông nghiệp và PTNT đề nghị UBND các
# huyện ...", "Ủy ban nhân dân huyện Côn Đảo có ý kiến như sau:"
_SENDER_VERB = re.compile(r"\s(?:đề\s+nghị|yêu\s+cầu|kính\s+đề\s+nghị|có\s+ý\s+kiến)\s+(?!của\b)")
# Where a body's name can begin: a unit noun of the gazetteer, capitalised ("Sở", "Ủy ban nhân dân").
_UNIT_START = re.compile(r"(?<![\w])(?:" + "|".join(n.replace(" ", r"\s+") for n in unit_nouns()) + r"|Uỷ\s+ban|UBND"
                         r"|(?:trường|phòng|sở|trung\s+tâm)(?=\s+[A-ZĐ]))\b")  # "trường Mầm non Cẩm Lĩnh A"
# Words that show the text between a candidate and the verb is a citation, not a name.
_NOT_A_NAME = re.compile(r"\b(?:của|về|ngày|số|theo)\b")
_DEFINED_ABBREV = re.compile(r"\s*\((?:sau đây gọi tắt là\s+|viết tắt là\s+)?[A-ZĐ][A-ZĐ&]{1,10}\)")
# A level word and its place at the end of a name: "... tỉnh Lạng Sơn", "... huyện Đại Lộc".
_LOCALITY = re.compile(r"\b(?P<level>tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)\s+(?P<place>[A-ZĐÀ-Ỹ][^,;()]*)$")
_LEVEL_START = re.compile(r"^(?:TỈNH|THÀNH\s+PHỐ|HUYỆN|QUẬN|THỊ\s+XÃ|XÃ|PHƯỜNG|THỊ\s+TRẤN)\b")
_TITLE_WORDS = {
    "GIÁM ĐỐC": "Giám đốc", "PHÓ GIÁM ĐỐC": "Phó Giám đốc", "CHỦ TỊCH": "Chủ tịch",
    "PHÓ CHỦ TỊCH": "Phó Chủ tịch", "BÍ THƯ": "Bí thư", "PHÓ BÍ THƯ": "Phó Bí thư",
    "TRƯỞNG BAN": "Trưởng ban", "PHÓ TRƯỞNG BAN": "Phó Trưởng ban", "HIỆU TRƯỞNG": "Hiệu trưởng",
    "PHÓ HIỆU TRƯỞNG": "Phó Hiệu trưởng", "TRƯỞNG PHÒNG": "Trưởng phòng",
    "PHÓ TRƯỞNG PHÒNG": "Phó Trưởng phòng", "CHÁNH VĂN PHÒNG": "Chánh Văn phòng",
    "BỘ TRƯỞNG": "Bộ trưởng", "THỨ TRƯỞNG": "Thứ trưởng", "THỦ TRƯỞNG": "Thủ trưởng",
    "CỤC TRƯỞNG": "Cục trưởng", "PHÓ CỤC TRƯỞNG": "Phó Cục trưởng", "TỔNG CỤC TRƯỞNG": "Tổng cục trưởng",
    "PHÓ TỔNG CỤC TRƯỞNG": "Phó Tổng cục trưởng", "VIỆN TRƯỞNG": "Viện trưởng",
}
_PERSON_NAME = re.compile(r"(?<![\w])(?:[A-ZĐ][a-zà-ỹđ]+|[A-ZĐÀ-Ỹ][a-zà-ỹđ]*)(?:\s+[A-ZĐÀ-Ỹ][a-zà-ỹđ]+){1,4}")


def extract_metadata(doc: Doc) -> Metadata:
    meta = Metadata()
    header = read_header(doc)
    _number(doc, header, meta)
    source_type = _source_number(doc, meta) if meta.symbol is None else None
    _place_date(doc, header, meta)
    doc_type = _own_doc_type(doc)
    if doc_type is None and source_type is not None:
        meta.doc_type = source_type
    elif doc_type is not None:
        m = DOC_TYPE_LINE.match(doc_type.text.strip())
        meta.doc_type = doc_type_name(m.group("type") if m else doc_type.text).capitalize()
        meta.spans["doc_type"] = doc.span(doc_type.start, doc_type.end)
    else:
        meta.doc_type = _inferred_doc_type(doc, header, meta)
    if doc.outline.title is not None:
        meta.title, meta.spans["title"] = doc.outline.title.text, doc.outline.title.span
    meta.issuer = _issuer_from_header(doc, header, meta) or _issuer_from_text(doc, meta)
    meta.doc_type = meta.doc_type or _announced_type(doc)
    _closing(doc, meta)
    return meta


# ---------------------------------------------------------------- number, place and date


def _number(doc: Doc, header: Header, meta: Metadata) -> None:
    if header.number is None:
        return
    number, symbol = parse_number_line(header.number.text)
    if symbol is None:
        return
    meta.number, meta.symbol = number, symbol
    meta.spans["number"] = doc.span(header.number.start, header.number.end)


def _source_number(doc: Doc, meta: Metadata) -> Optional[str]:
    """A page with no number line: the number and type of its portal source line ("(Nguồn: Từ Công
    văn số 1150/UBND-VP ngày 22/04/2021)"), the last one; the type, if one is read."""
    for p in reversed(doc.paragraphs):
        found = source_line(p.text)
        if found is not None:
            doc_type, number = found
            meta.number, meta.symbol = number.canonical, number.symbol
            meta.spans["number"] = doc.span(p.start, p.end)
            return doc_type
    return None


def _place_date(doc: Doc, header: Header, meta: Metadata) -> None:
    piece = header.place_date
    m = PLACE_DATE.search(piece.text) if piece is not None else None
    if piece is not None and m is None and (start := PLACE_DATE_START.match(piece.text)):
        place = " ".join(piece.text[:piece.text.index(",")].split())  # "Tân Thanh Tây, ngày": no date written
        meta.place = restore_glyphs(place) or place if lookup(place) is None else place
        meta.spans["place"] = doc.span(piece.start, piece.start + start.end())
        return
    if piece is None or m is None:
        return
    meta.place = " ".join(m.group("place").split())
    meta.place = restore_glyphs(meta.place) or meta.place if lookup(meta.place) is None else meta.place
    year, month, day = m.group("year"), m.group("month"), m.group("day")
    meta.date = year + (f"-{int(month):02d}" if month else "") + (f"-{int(day):02d}" if month and day else "")
    joined = doc.text[piece.start:piece.end] == piece.text  # else the cell was rejoined from pieces
    meta.spans["place"] = doc.span(piece.start + m.start("place"), piece.start + m.end("place")) if joined \
        else doc.span(piece.start, piece.end)
    meta.spans["date"] = doc.span(piece.start, piece.end)


def _own_doc_type(doc: Doc) -> Optional[Paragraph]:
    """The document's own type line: the first, if it stands before the body (a decision that lost
    its "QUYẾT ĐỊNH" line still carries its attached plan's "KẾ HOẠCH" further down)."""
    for p in doc.paragraphs:
        if p.role == "doc_type":
            return p
        if p.role in ("preamble", "article", "section_heading", "item", "body", "closing"):
            return None
    return None


def _inferred_doc_type(doc: Doc, header: Header, meta: Metadata) -> Optional[str]:
    """With no document-type line: the type the symbol names (KH → Kế hoạch); a symbol that opens with
    its issuer rather than a type (454/UBND-NCTH), a subject line ("V/v ...") or an addressee ("Kính
    gửi") make it a Công văn, as Nghị định 30/2020/NĐ-CP numbers letters."""
    code = (meta.symbol or "").split("-")[0].split("/")[0]
    if code in type_by_code():
        return type_by_code()[code]
    if meta.symbol or header.subject is not None or any(
            p.role == "addressee" or _ADDRESSED.match(p.text) for p in doc.paragraphs[:15]):
        return "Công văn"
    return _titled_type(doc)


def _titled_type(doc: Doc) -> Optional[str]:
    """With no header at all: the type the page's title line opens with ("Quyết định về việc triển khai
    ...", "Nghị quyết về kế hoạch ...", "KẾ HOẠCH KINH TẾ - XÃ HỘI NĂM 2022"): the first line of the
    document that is neither furniture nor body."""
    types = {t.casefold(): t for t in type_by_code().values()}
    for p in doc.paragraphs[:12]:
        if p.role in ("article", "section_heading", "item", "body", "closing"):
            return None
        if SUBJECT.match(p.text):
            return "Công văn"  # "V/v Kế hoạch xét tặng ...": a letter's subject line (Nghị định 30/2020/NĐ-CP)
        words = p.text.split()
        if len(words) < 3 or p.text.rstrip().endswith((";", ",")) or not words[0][:1].isupper():
            continue  # a title line: a few words opening with a capital, not a basis ("Căn cứ ...;")
        for n in (2, 1):  # "Kế hoạch", "Công văn" have two words
            if " ".join(words[:n]).casefold() in types:
                return types[" ".join(words[:n]).casefold()]
    return None


def _announced_type(doc: Doc) -> Optional[str]:
    """The type a preamble announces its document as ("... xây dựng kế hoạch tuyển sinh như sau:")."""
    for p in doc.paragraphs:
        if p.role == "preamble" and (m := _ISSUER_VERB.search(p.text)):
            return " ".join(m.group("type").split()).capitalize()
        if p.role in ("article", "section_heading", "item", "body"):
            break
    return None


# "Kính gửi: ..." opening a paragraph: a letter, even where its addressees run on in the text
_ADDRESSED = re.compile(r"^\W*Kính\s+gửi\b", re.IGNORECASE)


# ---------------------------------------------------------------- issuer


def _units(lines: list[Piece]) -> list[str]:
    """The bodies of the header's left column, top to bottom: a line that opens with a unit noun opens
    a body; a level line ("TỈNH VĨNH LONG") or a wrapped tail goes on with the one above. Two bodies on
    one line ("UBND TỈNH LẠNG SƠN SỞ LAO ĐỘNG ...") part where the first one's locality ends."""
    units: list[str] = []
    for text in (part for line in lines for part in _split_bodies(" ".join(line.text.split()))):
        if units and (_LEVEL_START.match(text) or units[-1].endswith(("-", ",", " VÀ")) or not _opens_unit(text)
                      or _opens_unit(units[-1] + " " + text) != _opens_unit(units[-1])):
            units[-1] = f"{units[-1]} {text}"
        else:
            units.append(text)
    return units


def _split_bodies(text: str) -> list[str]:
    words = text.split()
    for k in range(2, len(words)):
        rest = " ".join(words[k:])
        if _opens_unit(rest) and _locality(name_from_capitals(" ".join(words[:k]))):
            return [" ".join(words[:k]), *_split_bodies(rest)]
    return [text]


def _national(name: str) -> bool:
    """A body of the State as a whole (a ministry, the Government, a Tổng cục) or of an organisation's
    centre ("Ban Chấp hành Trung ương Đoàn ..."): no locality, whatever its place line says."""
    head = _opens_unit(name.upper())
    levels = data_json("bodies.json")["head_levels"]
    return ((bool(head) and levels.get(head) == "national") or name.startswith(("Chính phủ", "Thủ tướng", "Quốc hội"))
            or bool(_CENTRAL.search(name)))


_CENTRAL = re.compile(r"(?<!\w)Trung ương(?!\w)", re.IGNORECASE)


_UNIT_NOUNS_LOWERED = tuple((n, n.lower()) for n in unit_nouns())  # longest first


def _opens_unit(text: str) -> Optional[str]:
    """The unit noun ``text`` opens with (in capitals), if any."""
    low = text.lower()
    for noun, n in _UNIT_NOUNS_LOWERED:
        if low.startswith(n) and (len(low) == len(n) or not low[len(n)].isalnum()):
            return noun
    return "UBND" if text.startswith("UBND") else None


def _completed(name: str) -> str:
    """A name cut after a joining word ("Bộ Tài nguyên và": a header's second line lost) completed by
    the one field of the gazetteer it opens ("Bộ Tài nguyên và Môi trường"); else as it is."""
    if not name.endswith((" và", ",", " -")):
        return name
    unit = _opens_unit(name)
    if unit is None:
        return name
    tail = name[len(unit):].strip().casefold()
    fields = [f for f in gazetteer()["fields"] if f.casefold().startswith(tail) and len(f) > len(tail)]
    return f"{name[:len(unit)]} {fields[0]}" if len(fields) == 1 else name


def _issuer_from_header(doc: Doc, header: Header, meta: Metadata) -> Optional[str]:
    capitals = [line for line in header.issuer_lines if upper_share(line.text) >= 0.8]
    units = _units(capitals)
    if not units or not opens_issuer(units[-1]):
        return None
    name = _leveled(_completed(name_from_capitals(units[-1])))
    meta.spans["issuer"] = doc.span(capitals[0].start, capitals[-1].end)
    if _locality(name) or _national(name) or body_level(name) == "school":
        return name
    for parent in reversed(units[:-1]):  # "UBND TỈNH LẠNG SƠN" above "SỞ ...": the Sở of Lạng Sơn
        locality = _locality(name_from_capitals(parent))
        if locality:
            return f"{name} {locality}"
    authority = _authority_body(doc)
    if authority and fold(authority).startswith(fold(name) + " ") and _locality(authority):
        return authority  # "ỦY BAN NHÂN DÂN" alone in the header, "ỦY BAN NHÂN DÂN HUYỆN BÌNH CHÁNH" enacting
    return _with_locality(name, doc, meta)


def _leveled(name: str) -> str:
    """A unit noun and a province named without its level word ("ỦY BAN NHÂN DÂN" / "LÀO CAI") with the
    level word the gazetteer gives the province: "Ủy ban nhân dân tỉnh Lào Cai"; else as it is."""
    unit = _opens_unit(name)
    if unit is None:
        return name
    rest = name[len(unit):].strip()
    province = next((p for p in provinces() if p.casefold() == rest.casefold()), None) if rest else None
    return f"{name[:len(unit)]} {province_kind(province)} {province}" if province else name


def _authority_body(doc: Doc) -> Optional[str]:
    """The body a decision's enacting line names ("ỦY BAN NHÂN DÂN HUYỆN BÌNH CHÁNH", "CHỦ TỊCH ỦY BAN
    NHÂN DÂN TỈNH ..."): the office title left out."""
    line = next((p.text for p in doc.paragraphs if p.role == "authority"), None)
    if line is None or upper_share(line) < 0.8:
        return None
    words = " ".join(line.split())
    for title in sorted(_TITLE_WORDS, key=len, reverse=True):
        if words.startswith(title + " "):
            words = words[len(title) + 1:]
            break
    return name_from_capitals(words) if opens_issuer(words) else None


def _issuer_from_text(doc: Doc, meta: Metadata) -> Optional[str]:
    """The body the plan's own sentence names ("Sở X xây dựng Kế hoạch ..."), with its locality."""
    letter = meta.doc_type == "Công văn"
    for p in doc.paragraphs:
        if p.role not in ("preamble", "title", "body", "addressee"):
            continue
        found = _subject_of_verb(p.text, letter)
        if found is None:
            continue
        begin, verb_start = found
        raw = p.text[begin:verb_start]
        meta.spans["issuer"] = doc.span(p.start + begin, p.start + verb_start)
        name = canonical_body(_DEFINED_ABBREV.sub("", raw), {})
        name = name[0].upper() + name[1:]
        return name if _national(name) or body_level(name) == "school" else _with_locality(name, doc, meta)
    return None


def _subject_of_verb(text: str, letter: bool) -> Optional[tuple[int, int]]:
    """Where the body that issues the plan is named in ``text`` (its start, and the start of its verb):
    the subject of the first "X xây dựng Kế hoạch …" (of a letter, "X đề nghị …") whose subject is a
    name, not a citation: "Thực hiện Công văn số … của Tổng cục Thủy lợi về việc xây dựng kế hoạch …. Ban
    điều hành Chương trình … xây dựng kế hoạch …" gives the Ban."""
    verbs = list(_ISSUER_VERB.finditer(text)) or (list(_SENDER_VERB.finditer(text)) if letter else [])
    for verb in verbs:
        clause = max(text.rfind(c, 0, verb.start()) for c in ".,;:") + 1  # the subject opens its clause
        window_start = max(0, verb.start() - 160, clause)
        starts = [m.start() for m in _UNIT_START.finditer(text, window_start, verb.start())]
        begin = next((s for s in starts if not _NOT_A_NAME.search(text[s:verb.start()])), None)
        if begin is not None:
            return begin, verb.start()
    return None


def _locality(name: str) -> Optional[str]:
    """The level word and place a name ends with ("... tỉnh Lạng Sơn"), if any: "Tỉnh Đoàn" and
    "Huyện ủy" are bodies, not places."""
    m = _LOCALITY.search(name)
    while m:
        head = f"{m.group('level')} {m.group('place').split()[0]}".lower()
        if head not in _UNIT_NOUNS_LOWER:
            return m.group(0)
        m = _LOCALITY.search(name, m.start("place"))
    return None


_UNIT_NOUNS_LOWER = frozenset(n.lower() for n in unit_nouns())


def _with_locality(name: str, doc: Doc, meta: Metadata) -> str:
    """'Sở X' of a province plan → 'Sở X tỉnh Lạng Sơn'; a district's body ('Ủy ban nhân dân huyện',
    'Phòng Giáo dục và Đào tạo') takes the district its text names most; a name that names a place is
    kept."""
    if any(place in name for place in provinces()) or _locality(name):
        return name
    if body_level(name) in ("district", "department"):
        district = _document_district(doc)
        if district is not None:
            level, place = district
            return f"{name} {place}" if name.endswith(" " + level) else f"{name} {level} {place}"
    province = _document_province(doc, meta)
    if not province:
        return name
    if re.search(r"\btỉnh\b|\bthành phố\b", name, re.I):
        return f"{name} {province}"
    return f"{name} {province_kind(province)} {province}"


# A level word and the capitalised name after it: "huyện U Minh Thượng", "tỉnh Lạng Sơn".
_NAME_AFTER = r"\s+((?:[A-ZĐÀ-Ỹ][\wà-ỹđ]*)(?:\s+[A-ZĐÀ-Ỹ][\wà-ỹđ]*){0,2})"
_DISTRICT_WORDS = ("huyện", "quận", "thị xã", "thành phố")
_DISTRICT = re.compile(rf"\b({'|'.join(_DISTRICT_WORDS)}){_NAME_AFTER}")
_PROVINCE_WORDS = ("tỉnh", "thành phố")
_PROVINCE = re.compile(rf"\b(?:{'|'.join(_PROVINCE_WORDS)}){_NAME_AFTER}")


def _named_places(text: str, pattern: re.Pattern[str], words: tuple[str, ...]) -> list[re.Match[str]]:
    """``pattern.finditer(text)`` for ``_DISTRICT`` or ``_PROVINCE`` (a word boundary, one of their
    level ``words``, a name), tried only where a level word stands: a regex scan of every position of
    a long text is the cost otherwise. Their matches never overlap (a level word is lower case, a
    name's words capitalised), so matching at each place is finding them all."""
    starts = sorted({i for word in words for i in positions(text, word)})
    return [m for i in starts if (m := pattern.match(text, i))]


def _document_district(doc: Doc) -> Optional[tuple[str, str]]:
    """The district a document's text names most ("huyện U Minh Thượng", "thành phố Huế"), not a
    province-level city; (level word, place)."""
    counts: dict[tuple[str, str], int] = {}
    known = provinces()
    for m in _named_places(doc.text, _DISTRICT, _DISTRICT_WORDS):
        level, place = m.group(1), m.group(2)
        if place not in known or level != "thành phố":
            counts[level, place] = counts.get((level, place), 0) + 1
    return max(counts, key=lambda key: counts[key]) if counts else None


def _document_province(doc: Doc, meta: Metadata) -> Optional[str]:
    """The province a document belongs to: its place line's, else the one its text names most."""
    known = provinces()
    if meta.place and place_case(meta.place) in known:
        return place_case(meta.place)
    counts: dict[str, int] = {}
    for m in _named_places(doc.text, _PROVINCE, _PROVINCE_WORDS):
        for name in known:
            if m.group(1).startswith(name):
                counts[name] = counts.get(name, 0) + 1
    return max(counts, key=lambda name: counts[name]) if counts else None


# ---------------------------------------------------------------- closing


# The recipients' list of the closing block: "Nơi nhận:", then "- Sở Y tế;" ... "- Lưu: VT."
_RECIPIENTS_LABEL = re.compile(r"^Nơi\s+nhận\s*:?\s*", re.I)
_BULLET = re.compile(r"^[-–+•]\s*")


def _closing(doc: Doc, meta: Metadata) -> None:
    """Recipients (Nơi nhận), signing authority, signer's title and name. A signature block set as a
    table row ("| KT. BỘ TRƯỞNG THỨ TRƯỞNG Nguyễn Văn A |") is read cell by cell."""
    in_recipients = False
    titles: list[str] = []
    for p in (p for p in doc.paragraphs if p.role in ("closing", "signature")):
        for text in (t.strip() for t in p.text.split("|")):
            if not text:
                continue
            if label := _RECIPIENTS_LABEL.match(text):
                in_recipients = True
                text = text[label.end():]
                if not text:
                    continue
            if in_recipients and text.startswith(("-", "–", "+", "•")):
                recipient = _BULLET.sub("", text).rstrip(" ;.,")
                if recipient and not recipient.lower().startswith("lưu"):
                    meta.recipients.append(recipient)
                continue
            in_recipients = False
            if SIGNING_AUTHORITY.match(text):
                authority, title, name = _signature_cell(text)
                meta.signing_authority = authority
                if title:
                    titles.append(title)
                    meta.spans["signer_title"] = doc.span(p.start, p.end)
                if name:
                    meta.signer = name
                    meta.spans["signer"] = doc.span(p.start, p.end)
                continue
            if upper_share(text) == 1.0 and len(text) < 60 and _office(text):
                titles.append(text)
                meta.spans["signer_title"] = doc.span(p.start, p.end)
                continue
            if _PERSON_NAME.fullmatch(text) and (titles or meta.signing_authority):
                meta.signer = text
                meta.spans["signer"] = doc.span(p.start, p.end)
    if titles:
        last = re.sub(r"\s+", " ", titles[-1])
        meta.signer_title = _TITLE_WORDS.get(last, last.capitalize())


def _office(text: str) -> bool:
    """A signer's title: "PHÓ CHỦ TỊCH", "GIÁM ĐỐC", "KT. HIỆU TRƯỞNG" (not a heading in capitals)."""
    text = " ".join(text.split())
    return any(text == t or text.endswith(" " + t) for t in _TITLE_WORDS)


def _signature_cell(text: str) -> tuple[str, Optional[str], Optional[str]]:
    """"KT. BỘ TRƯỞNG THỨ TRƯỞNG Nguyễn Văn A" → ("KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Nguyễn Văn A");
    a plain "TM. ỦY BAN NHÂN DÂN" is the authority alone."""
    name = _PERSON_NAME.search(text)
    person = name.group(0) if name and name.end() == len(text) and upper_share(name.group(0)) < 1.0 else None
    capitals = text[: name.start()].strip() if person and name else text
    for title in sorted(_TITLE_WORDS, key=len, reverse=True):
        if capitals.endswith(" " + title) and len(capitals) > len(title) + 4:
            return capitals[: -len(title)].strip(), title, person
    return capitals, None, person
