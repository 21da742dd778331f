"""The kinds of line a Vietnamese administrative document is made of, as Nghị định 30/2020/NĐ-CP
lays it out: the header's two columns (issuer; national motto), the number and place-date
lines, the document-type line, the preamble's cues, a decision's enacting formula and articles,
the closing block. Segmentation reads them to cut the document into zones; metadata reads the
header's cells with ``header_cells``.

Text arrives flattened: header tables as ``|``-separated lines or one cell per line, the two
columns side by side on one line ("UBND TỈNH X CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), hard-wrapped
cells ("Lào\\nCai, ngày 24 tháng 9\\nnăm 2019"). The patterns here accept all of these.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..grammar import unit_nouns, upper_share

# ---------------------------------------------------------------- document types

DOC_TYPES = (
    "KẾ HOẠCH", "QUYẾT ĐỊNH", "CHƯƠNG TRÌNH", "CÔNG VĂN", "HƯỚNG DẪN", "THÔNG BÁO", "BÁO CÁO", "CHỈ THỊ",
    "NGHỊ QUYẾT", "ĐỀ ÁN", "PHƯƠNG ÁN", "TỜ TRÌNH", "QUY CHẾ", "QUY ĐỊNH", "THÔNG TƯ", "NGHỊ ĐỊNH", "KẾT LUẬN",
)
# The marks OCR drops from a letter while keeping its tone: the circumflex, the breve and the horn
# ("KÉ HOẠCH" for KẾ HOẠCH, "ƯBND" read back as UBND is the symbol's side of it).
_HAT_MARKS = frozenset("\u0302\u0306\u031b")


def hat_lost(text: str) -> str:
    """``text`` without circumflexes, breves and horns, its tones kept: "KẾ" → "KÉ", "Ư" → "U"."""
    marks = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(c for c in marks if c not in _HAT_MARKS))


def ocr_tolerant(word: str) -> str:
    """Pattern source for ``word`` as written or with the marks OCR drops (``hat_lost``), spaces as
    any run of white space."""
    def letter(c: str) -> str:
        lost = hat_lost(c)
        return f"[{c}{lost}]" if lost != c else re.escape(c)
    return r"\s+".join("".join(letter(c) for c in part) for part in word.split())


def doc_type_name(written: str) -> str:
    """The document type a type line's ``type`` group names, its OCR-lost marks restored
    ("KÉ HOẠCH" → "KẾ HOẠCH")."""
    words = " ".join(written.split())
    return next((t for t in DOC_TYPES if hat_lost(t) == hat_lost(words)), words)


# "KẾ HOẠCH", "KẾ HOẠCH LIÊN TỊCH", "CHƯƠNG TRÌNH HÀNH ĐỘNG", "KẾ HOẠCH:" — alone on its line
DOC_TYPE_LINE = re.compile(
    r"^(?P<type>" + "|".join(ocr_tolerant(t) for t in DOC_TYPES) + r")"
    r"(?:\s+(?:LIÊN\s+TỊCH|HÀNH\s+ĐỘNG|PHỐI\s+HỢP|LIÊN\s+NGÀNH))?\s*:?\s*\|?\s*$")
# A decision's enacting formula after its preamble: "QUYẾT ĐỊNH:", "QUYẾT NGHỊ:"
ENACTING = re.compile(r"^(?:QUYẾT\s+ĐỊNH|QUYẾT\s+NGHỊ|CHỈ\s+THỊ)\s*:\s*$")
# A decision's articles: "Điều 1.", "Điều 2:", "Điều\n3." (hard-wrapped, joined by the normaliser),
# "Điếu 1." (the tone slipped onto another mark of ê)
ARTICLE = re.compile(r"^Đi[êềếểễệ]u\s+(?P<n>\d{1,2})\s*[.:]\s*")
# The line under an attached plan's title: "(Ban hành kèm theo Quyết định số 745/QĐ-UBND ...)"
ATTACHED_NOTE = re.compile(r"^\(\s*(?:Ban\s+hành\s+)?[Kk]èm\s+theo\b")

# ---------------------------------------------------------------- the header's cells

# The national motto, folded to ASCII letters: a header line that is a piece of it is motto
# ("CỘNG HÒA XÃ HỘI" / "CHỦ NGHĨA VIỆT NAM" when wrapped, "CỘNG HÕA" with a typo).
_MOTTO_FOLDED = "cong hoa xa hoi chu nghia viet nam doc lap tu do hanh phuc"
_MOTTO_FOLDED_NO_XA = _MOTTO_FOLDED.replace(" xa ", " ")  # "CỘNG HÒA HỘI CHỦ NGHĨA": a copy that dropped "XÃ"
# The motto inside a longer line (the two header columns side by side).
MOTTO = re.compile(
    r"C[ỘO]NG\s+H[ÒÕOÓ]A\s+(?:X[ÃA]\s+)?H[ỘO]I\s+CH[ỦU]\s+NGH[ĨI]A\s+VI[ỆE]T\s+NAM"  # "XÃ" sometimes dropped
    r"|Độc\s+lập\s*[-–—]\s*Tự\s+do\s*[-–—]\s*Hạnh\s+phúc"
    r"|^\s*ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM\s*$", re.IGNORECASE)  # the Party's own documents and boards' (a line alone)
# "Số: 187/KH-UBND", "Số: /KH-SLĐTBXH", "Số 36 /KH - UBND", OCR "So:"; "Số:" alone (its cell wrapped)
NUMBER_LINE = re.compile(r"^(?:S[ốoô]|S[ỐO](?=\s*:))\s*(?::\s*$|[:.]?\s*(?=[\d/.…_ ]*(?:[a-z][\d/ ]*)?(?:[-–]\s*)?[A-ZĐ/]))")  # "Số: 20a /KH-THTM", "Số: 01 -KH/BCĐ"
# What OCR leaves of a day or month it could not read: "ngàyẠẠ tháng ĩ năm 2016"
_OCR_JUNK = r"[^\d\s,/.|]{1,3}"
# "Lạng Sơn, ngày 20 tháng 5 năm 2022", "Hà Nội, ngày  tháng 8 năm 2021", "Hà Nội, ngày 23/3/2023"
PLACE_DATE = re.compile(
    r"""(?:^|(?<=[\s|]))(?P<place>(?:Quận|Phường|QUẬN|PHƯỜNG)\s+\d{1,2}|[A-ZĐÀ-Ỹ][^\d,:/|]{1,39}?)\s*,\s*ngày\s*
        (?:(?P<day>\d{1,2})|{_OCR_JUNK})?\s*(?:tháng|/|\.)\s*(?:(?P<month>\d{1,2})|{_OCR_JUNK})?\s*(?:năm|/|\.)\s*
        (?P<year>\d{4})""".replace("{_OCR_JUNK}", _OCR_JUNK),
    re.VERBOSE | re.IGNORECASE)
# A number cell's symbol on a line of its own, its "Số:" lines above (columns interleaved): "/KH-UBND"
SYMBOL_CELL = re.compile(r"^[.…_\s]*/\s*[A-ZĐ][A-ZĐ0-9]*(?:\s*[-/]\s*[A-ZĐ0-9]+)+")
# A place-date line cut by a wrap: "Hải Dương, ngày" / "05 tháng 6 năm 2023"
PLACE_DATE_START = re.compile(r"^(?:(?:Quận|Phường)\s+\d{1,2}|[A-ZĐÀ-Ỹ][^\d,:/|]{1,39}?)\s*,\s*ngày\b", re.IGNORECASE)
# A Công văn's subject: "V/v triển khai ...", "Về việc ..."
SUBJECT = re.compile(r"^(?:V/v|V/V|Về\s+việc\b|Về\s*:)")
# A Công văn's addressee: "Kính gửi: Sở Y tế các tỉnh ..."
ADDRESSEE = re.compile(r"^Kính\s+gửi\s*:?", re.IGNORECASE)
RULE = re.compile(r"^[\s|]*(?:[-_=.…*~—–]\x20?){2,}[\s|]*$")  # "-------", "___", a blog's "—————", "– – –"

# ---------------------------------------------------------------- the body's cues

# What opens a preamble paragraph (its first line may carry a bullet: "- Căn cứ ...").
PREAMBLE_CUE = re.compile(
    r"^(?:[-–+•]\s*)?(?:Thực\s+hiện|Căn\s+cứ|Theo|Để|Nhằm|Xét|Trên\s+cơ\s+sở|Thi\s+hành|Triển\s+khai\s+\S+\s+số)",
    re.IGNORECASE)
# What opens a closing block: "Trên đây là ...", "Nơi nhận:", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"
CLOSING_START = re.compile(r"^(?:Trên\s+đây\s+là|Trên\s+là|Nơi\s+nhận|(?:KT|TM|TL|Q|PKT)\s*\.\s*\S)", re.IGNORECASE)
SIGNING_AUTHORITY = re.compile(r"^(?:KT|TM|TL|Q|PKT)\s*\.")
# The line under a decision's title naming who decides: "BỘ TRƯỞNG BỘ Y TẾ", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH X"
AUTHORITY = re.compile(
    r"^(?:CHỦ\s+TỊCH|PHÓ\s+CHỦ\s+TỊCH|BỘ\s+TRƯỞNG|THỦ\s+TƯỚNG|GIÁM\s+ĐỐC|HIỆU\s+TRƯỞNG|TRƯỞNG\s+PHÒNG|TRƯỞNG\s+BAN"
    r"|CỤC\s+TRƯỞNG|TỔNG\s+CỤC\s+TRƯỞNG|VIỆN\s+TRƯỞNG|ỦY\s+BAN\s+NHÂN\s+DÂN|UỶ\s+BAN\s+NHÂN\s+DÂN|UBND"
    r"|HỘI\s+ĐỒNG\s+NHÂN\s+DÂN|BAN\s+THƯỜNG\s+VỤ|BAN\s+CHẤP\s+HÀNH)\b")
# An appendix: "PHỤ LỤC", "PHỤ LỤC I", "Phụ lục 2: ..."
APPENDIX = re.compile(r"^(?:PHỤ\s+LỤC|Phụ\s+lục)(?:\s+(?:số\s+)?[IVXLC\d]+)?\b\s*[.:]?")


def ascii_fold(text: str) -> str:
    """Lower case, diacritics and đ dropped, punctuation to spaces: "CỘNG HÕA" → "cong hoa"."""
    text = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def is_motto_piece(text: str) -> bool:
    """A line that is (a piece of) the national motto: "CỘNG HÒA XÃ HỘI", "Độc lập - Tự do - Hạnh phúc"."""
    folded = ascii_fold(text)
    return len(folded.replace(" ", "")) >= 4 and (folded in _MOTTO_FOLDED or folded in _MOTTO_FOLDED_NO_XA)


_UNIT_UPPER = re.compile(
    r"^(?:" + "|".join(re.escape(n.upper()).replace(r"\ ", r"\s+") for n in unit_nouns())
    + r"|UBND|UỶ\s+BAN|TRƯỜNG|PHÒNG|BỘ|SỞ|BAN|TỈNH|THÀNH\s+PHỐ|HUYỆN|QUẬN|THỊ\s+XÃ|XÃ|PHƯỜNG|THỊ\s+TRẤN"
    r"|ĐẢNG\s+BỘ|ĐOÀN|HỘI|CÔNG\s+AN|TỔNG\s+CỤC|CỤC|VIỆN|TRUNG\s+TÂM|CHI\s+CỤC)\b")


def opens_issuer(text: str) -> bool:
    """An upper-case line that names an issuing body or its parent: "ỦY BAN NHÂN DÂN", "TỈNH VĨNH LONG",
    "PHÒNG GD&ĐT PHONG ĐIỀN", "UBND HUYỆN CẦN GIUỘC"."""
    text = text.strip(" |")
    return bool(text) and upper_share(text) >= 0.8 and len(text) <= 100 and bool(_UNIT_UPPER.match(text))


# ---------------------------------------------------------------- header cells


@dataclass(frozen=True)
class Cell:
    """One cell of the header table, its lines joined: what it is and where it stands."""

    kind: str  # issuer, motto, number, place_date, subject, other
    text: str
    start: int  # offset of the cell in the text the cells were read from
    end: int


def cell_kind(text: str) -> str:
    text = text.strip(" |")
    if not text or RULE.match(text):
        return "rule"
    if is_motto_piece(text):
        return "motto"
    if NUMBER_LINE.match(text) or SYMBOL_CELL.match(text):
        return "number"
    if PLACE_DATE.search(text) or PLACE_DATE_START.match(text):
        return "place_date"
    if SUBJECT.match(text):
        return "subject"
    if opens_issuer(text) or (upper_share(text) >= 0.8 and len(text) <= 60 and not DOC_TYPE_LINE.match(text)):
        return "issuer"
    return "other"


def is_header_line(text: str) -> bool:
    """A line that may belong to the header block (before the document-type line)."""
    text = text.strip()
    if not text or text == "|" or RULE.match(text):
        return True
    if "|" in text:  # a flattened header row: any of its cells is a header cell
        return any(is_header_line(part) for part in text.split("|") if part.strip())
    if MOTTO.search(text) or NUMBER_LINE.match(text) or PLACE_DATE.search(text) or SUBJECT.match(text) \
            or SYMBOL_CELL.match(text):
        return True
    return cell_kind(text) in ("motto", "issuer", "place_date")
