"""Plain-text and Markdown plans: decode the bytes, repair legacy Vietnamese encodings.

The decoded text is kept exactly (spans point into it) except that the byte-order mark
is dropped, ``\\r\\n``/``\\r`` become ``\\n``, and stray NUL bytes in a file that is text by
its share of control bytes are dropped (with a warning). A form feed splits pages, as in
``pdftotext`` output; without one the file is a single page.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path
from typing import Optional

from .base import PAGE_SEPARATOR, Page, ReadError, SourceDocument
from .printable import printable_name

# Byte-order marks -> (codec for the bytes after the mark, encoding name we report).
# Longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
)

# Bytes that may occur in text: tab, LF, VT, FF, CR, and everything from space up,
# except DEL. (VISCII puts six capitals in C0, so a few other control bytes are tolerated.)
TEXT_BYTES = bytes([9, 10, 11, 12, 13]) + bytes(range(32, 127)) + bytes(range(128, 256))
MAX_CONTROL_SHARE = 0.10  # above this share of control bytes a "text" file is binary

# Control characters in decoded text (the same set as the bytes outside TEXT_BYTES).
CONTROL_CHAR = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")

# UTF-16 without a BOM: ASCII-heavy text has a NUL in every other byte.
UTF16_SAMPLE_BYTES = 4096
UTF16_NUL_SHARE = 0.30  # at least this share of the high bytes are NUL ...
UTF16_STRAY_NUL_SHARE = 0.05  # ... and at most this share of the low bytes

# Invisible characters that make a file no less empty.
INVISIBLE = " \t\n\r\f\v\u00a0\u200b\u200c\u200d\u2060\ufeff"


def read_text(path: Path, data: bytes) -> SourceDocument:
    """Decode a .txt/.md file's bytes into a one-page (or form-feed-paged) SourceDocument."""
    name = printable_name(path.name)
    text, encoding, warnings = decode_text_bytes(data, name)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    conversions: list[str] = []
    fix = _fix_text()
    if fix is not None:
        text, conversions = fix(text)
    if not text.strip(INVISIBLE):
        raise ReadError("empty_file", f"'{name}' contains only whitespace")
    pages = [Page(number=i, text=chunk, method="text")
             for i, chunk in enumerate(text.split(PAGE_SEPARATOR), start=1)]
    kind = "md" if path.suffix.lower() in (".md", ".markdown") else "txt"
    return SourceDocument(path=printable_name(path), name=name, kind=kind, pages=pages, encoding=encoding,
                          conversions=list(conversions), warnings=warnings)


def decode_text_bytes(data: bytes, name: str) -> tuple[str, str, list[str]]:
    """Decode text bytes: (text without BOM, encoding name, warnings). Raises ReadError."""
    for bom, codec, encoding in BOMS:
        if data.startswith(bom):
            text = _strict(data[len(bom):], codec, name, f"{codec} with a byte-order mark")
            return text, encoding, []
    order = utf16_without_bom(data)
    if order:
        text = _strict(data, order, name, f"{order} without a byte-order mark")
        return text, order, [f"decoded as {order} without a byte-order mark (guessed from the NUL pattern)"]
    control = len(data.translate(None, TEXT_BYTES))  # what is left once text bytes are deleted
    if control > MAX_CONTROL_SHARE * len(data):
        raise ReadError("binary_content",
                        f"'{name}' is {control / len(data):.0%} control bytes: it is binary, not text")
    warnings: list[str] = []
    nuls = data.count(0)
    if nuls:
        data = data.replace(b"\x00", b"")
        warnings.append(f"'{name}': {nuls} NUL byte{'s' if nuls > 1 else ''} dropped")
    try:
        return data.decode("utf-8"), "utf-8", warnings
    except UnicodeDecodeError as error:
        utf8_problem = f"byte 0x{data[error.start]:02x} at offset {error.start} is not valid UTF-8"
    legacy = _decode_legacy(data)
    if legacy is None:
        raise ReadError("decode_error",
                        f"'{name}' is not UTF-8 ({utf8_problem}) nor a recognised legacy Vietnamese encoding")
    text, encoding = legacy
    return text, encoding, warnings + [f"not UTF-8 ({utf8_problem}); decoded as {encoding}"]


def utf16_without_bom(data: bytes) -> Optional[str]:
    """'utf-16-le' or 'utf-16-be' when the NUL pattern says so, else None."""
    sample = data[:UTF16_SAMPLE_BYTES]
    pairs = len(sample) // 2
    if pairs < 2 or len(data) % 2:
        return None
    even_nul = sample[0::2].count(0) / pairs
    odd_nul = sample[1::2].count(0) / pairs
    if odd_nul >= UTF16_NUL_SHARE and even_nul <= UTF16_STRAY_NUL_SHARE:
        return "utf-16-le"
    if even_nul >= UTF16_NUL_SHARE and odd_nul <= UTF16_STRAY_NUL_SHARE:
        return "utf-16-be"
    return None


def _strict(data: bytes, encoding: str, name: str, what: str) -> str:
    """Decode a Unicode encoding announced by a BOM or a NUL pattern; reject binary results."""
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        raise ReadError("decode_error",
                        f"'{name}' looks like {what} but does not decode: {error.reason} "
                        f"at offset {error.start}") from error
    control = len(CONTROL_CHAR.findall(text))
    if control > MAX_CONTROL_SHARE * max(len(text), 1):
        raise ReadError("binary_content",
                        f"'{name}' decodes as {what} to {control / len(text):.0%} control characters: "
                        "it is binary, not text")
    return text


def _decode_legacy(data: bytes) -> Optional[tuple[str, str]]:
    try:
        from ..encodings import decode_legacy_bytes
    except ImportError:
        return None
    return decode_legacy_bytes(data)


def _fix_text():
    try:
        from ..encodings import fix_text
    except ImportError:
        return None
    return fix_text
