"""Is this file a plan? Decided by its content before any work is spent on it.

A PDF, a Word document (DOCX, or a legacy OLE file the reader will name), and anything named
``.pdf``/``.docx``/``.doc`` are plans, broken or not: a broken one becomes an error record. So is
a text file with the marks of a Vietnamese administrative document (the national motto, a
``Số: .../KH-...`` number line, a document-type line such as ``KẾ HOẠCH``, Roman-numeral
sections, or Vietnamese prose: a plan copied from a web page may have lost its header), or a text
file that cannot be decoded or is empty when it is named ``.txt``/``.md``. A plan skipped is a plan
lost, so only text that is plainly something else is skipped.
Not plans, and skipped with the reason: text without any of those marks that is not Vietnamese
prose (an English README, a CSV or TSV table, a gold file), images too small to be a scanned page (a logo, a stamp), zip archives that are no
Word document (a spreadsheet), and binary or empty files of other types.
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
from pathlib import Path

from ..readers import TEXT_SUFFIXES, ReadError
from ..readers.text import read_text

PLAN_SUFFIXES = (".pdf", ".docx", ".doc")
MAX_TEXT_BYTES = 4 << 20  # a larger text file goes to the reader undecided
MIN_PAGE_SIDE_PX = 500  # a scanned page is larger than this on both sides, even at 60 dpi
DOCX_MAIN_PART = "word/document.xml"

_MAGIC_PLAN = (b"%PDF-", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")  # PDF; OLE (.doc, encrypted .docx)
_MAGIC_IMAGE = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")
_MAGIC_ZIP = b"PK\x03\x04"

_DOC_TYPES = ("KẾ HOẠCH", "QUYẾT ĐỊNH", "CHƯƠNG TRÌNH", "CÔNG VĂN", "HƯỚNG DẪN", "THÔNG BÁO", "BÁO CÁO",
              "CHỈ THỊ", "NGHỊ QUYẾT", "ĐỀ ÁN", "PHƯƠNG ÁN", "TỜ TRÌNH")
_PLAN_MARKS = re.compile(
    r"C[ỘộO]NG\s+H(?:ÒA|OÀ)\s+XÃ\s+H[ỘO]I"  # the national motto's first line
    r"|Độc\s+lập\s*[-–]\s*Tự\s+do"  # ... and its second
    r"|^[\s|*#]*S(?:ố|ô|o)?\s*:?\s*\d*\s*/\s*[A-ZĐ]"  # Số: 215/KH-UBND, Số: /KH-SLĐTBXH, S: 02/HD (glyphs lost)
    rf"|^[\s|*#]*(?:{'|'.join(_DOC_TYPES)})[\s|*:]*$",  # a document-type line
    re.MULTILINE)
_ROMAN_HEADING = re.compile(r"^[\s#*]*(?:I|II|III|IV|V|VI|VII|VIII|IX|X)\s*[.)/:-]\s*\w", re.MULTILINE)
_LITERAL_BREAK = re.compile(r"(?:\\r)?\\n")  # "\r\n" written out, as some web copies carry it
_WORD = re.compile(r"[^\W\d_]+")
MIN_VIETNAMESE_SHARE = 0.7  # of words with a letter outside ASCII: plans ~0.8-0.9, a gold JSON file ~0.6, a TSV 0.5
MIN_PROSE_WORDS = 50


def why_not_a_plan(path: Path) -> str | None:
    """None when ``path`` is to be processed as a plan; else why it is not one. A file that cannot
    be opened (permission denied, removed meanwhile) is processed: the reader names its error."""
    try:
        return _why_not(path)
    except OSError:
        return None


def _why_not(path: Path) -> str | None:
    suffix = path.suffix.lower()
    with path.open("rb") as handle:
        head = handle.read(1024)
    if head.startswith(_MAGIC_PLAN) or suffix in PLAN_SUFFIXES:
        return None
    if head.startswith(_MAGIC_IMAGE):
        return _image(path)
    if head.startswith(_MAGIC_ZIP):
        return _zip(path)
    return _text(path, suffix)


def _image(path: Path) -> str | None:
    from PIL import Image

    try:
        with Image.open(path) as image:
            width, height = image.size
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):  # the reader says what is wrong
        return None
    if min(width, height) < MIN_PAGE_SIDE_PX:
        return f"not a plan: an image of {width}×{height} px, too small for a scanned page (a logo or a stamp?)"
    return None


def _zip(path: Path) -> str | None:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError):
        return "not a plan: a damaged zip archive"
    if DOCX_MAIN_PART in names:
        return None
    kind = "a spreadsheet (XLSX)" if "xl/workbook.xml" in names else "a zip archive"
    return f"not a plan: {kind}, not a Word document"


def _text(path: Path, suffix: str) -> str | None:
    if path.stat().st_size > MAX_TEXT_BYTES:
        return None
    try:
        text = read_text(path, path.read_bytes()).text
    except ReadError as error:  # empty, binary, undecodable: the reader's error for a text file
        if suffix in TEXT_SUFFIXES or not suffix:
            return None
        return f"not a plan: {error.code.replace('_', ' ')}, suffix {suffix}"
    text = _LITERAL_BREAK.sub("\n", unicodedata.normalize("NFC", text))
    if _PLAN_MARKS.search(text) or len(_ROMAN_HEADING.findall(text)) >= 2 or _is_vietnamese_prose(text):
        return None
    return ("not a plan: text with no national motto, number line, document-type line or Roman-numeral sections, "
            "and no Vietnamese prose")


def _is_vietnamese_prose(text: str) -> bool:
    """Most words carry Vietnamese letters, and there are enough of them to be a document."""
    words = _WORD.findall(text)
    vietnamese = sum(any(ord(c) > 127 for c in w) for w in words)
    return len(words) >= MIN_PROSE_WORDS and vietnamese >= MIN_VIETNAMESE_SHARE * len(words)
