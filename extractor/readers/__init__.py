"""Read any supported plan file into a :class:`SourceDocument`, choosing the reader by content.

``read(path)`` checks that the path names a regular file it may read (:mod:`.files`), then
looks at the bytes first (PDF, DOCX, image magic) and at the suffix only for plain text.
Every failure is a :class:`ReadError` whose ``code`` is an ErrorRecord error code and whose
``reason`` names the file (printably, :mod:`.printable`); nothing else escapes.
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path
from typing import Optional, Union

from .base import PAGE_SEPARATOR, Page, ReadError, SourceDocument
from .files import decoded_path, os_read_error, read_start, regular_file_size
from .limits import DEFAULT_MAX_BYTES, byte_limit, megabytes
from .printable import printable_name

__all__ = [
    "DEFAULT_MAX_BYTES",
    "PAGE_SEPARATOR",
    "TEXT_SUFFIXES",
    "Page",
    "ReadError",
    "SourceDocument",
    "printable_name",
    "read",
]

TEXT_SUFFIXES = (".txt", ".md", ".markdown")
SNIFF_BYTES = 1024  # a .pdf's header may follow a little junk within the first KB

# Magic numbers, checked against the first bytes of the file.
PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .doc/.xls, or a password-protected .docx
IMAGE_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"II*\x00", "TIFF"),  # little-endian TIFF
    (b"MM\x00*", "TIFF"),  # big-endian TIFF
)
DOCX_MAIN_PART = "word/document.xml"
OLE_ENCRYPTION_STREAM = "EncryptionInfo".encode("utf-16-le")


def read(path: Union[str, bytes, os.PathLike], max_bytes: Optional[int] = None) -> SourceDocument:
    """Read a plan file (a str, bytes or path-like path). Raises ReadError (never anything else)."""
    path = Path(decoded_path(path))
    name = printable_name(path.name)
    try:
        return _read(path, name, byte_limit(max_bytes))
    except ReadError:
        raise
    except OSError as error:  # a file removed or made unreadable while we read it, an I/O error
        raise os_read_error(name, error) from error
    except Exception as error:
        raise ReadError("internal_error",
                        f"'{name}': unexpected {type(error).__name__} while reading: {error}") from error


def _read(path: Path, name: str, max_bytes: int) -> SourceDocument:
    size = regular_file_size(path, name)
    if size > max_bytes:
        raise ReadError("too_large", f"'{name}' is {megabytes(size)}, over the {megabytes(max_bytes)} limit")
    if size == 0:
        raise ReadError("empty_file", f"'{name}' is empty (0 bytes)")
    kind = _sniff(path, name, read_start(path, name, SNIFF_BYTES), max_bytes)
    if kind == "pdf":
        from .pdf import read_pdf
        document = read_pdf(path)
    elif kind == "docx":
        from .docx import read_docx
        document = read_docx(path)
    elif kind == "image":
        document = _read_image(path, name)
    else:
        from .text import read_text
        data = read_start(path, name, max_bytes + 1)
        if len(data) > max_bytes:  # it grew since it was measured
            raise ReadError("too_large", f"'{name}' is over the {megabytes(max_bytes)} limit")
        document = read_text(path, data)
    expected = _suffix_kind(path)
    if expected and expected != kind:
        document.warnings.append(f"'{name}' is named {printable_name(path.suffix)} but its content is {kind.upper()}")
    return document


def _sniff(path: Path, name: str, head: bytes, max_bytes: int) -> str:
    """Decide the reader from the content; the suffix decides only between text and unsupported."""
    suffix = path.suffix.lower()
    if head.startswith(PDF_MAGIC) or (suffix == ".pdf" and PDF_MAGIC in head):
        return "pdf"
    for magic, _ in IMAGE_MAGIC:
        if head.startswith(magic):
            return "image"
    if head.startswith(ZIP_MAGIC):
        if _zip_has(path, name, DOCX_MAIN_PART):
            return "docx"
        if suffix == ".docx":
            raise ReadError("broken_docx", f"'{name}' is a zip archive without {DOCX_MAIN_PART}: not a Word document")
        raise ReadError("unsupported_type", f"'{name}' is a zip archive but not a DOCX document")
    if head.startswith(OLE_MAGIC):
        if suffix == ".docx" and OLE_ENCRYPTION_STREAM in read_start(path, name, max_bytes):
            raise ReadError("broken_docx", f"'{name}' is a password-protected (encrypted) Word document")
        raise ReadError("unsupported_type",
                        f"'{name}' is a legacy Office (OLE) file such as .doc; save it as .docx or PDF")
    if suffix == ".pdf":
        raise ReadError("broken_pdf", f"'{name}' does not start with a %PDF header: not a PDF")
    if suffix == ".docx":
        raise ReadError("broken_docx", f"'{name}' is not a zip package: not a DOCX document")
    if suffix in TEXT_SUFFIXES:
        return "text"
    described = f"suffix '{printable_name(path.suffix)}'" if path.suffix else "no suffix"
    raise ReadError("unsupported_type",
                    f"'{name}' has {described} and is not a PDF, DOCX or image; "
                    f"supported: {', '.join(TEXT_SUFFIXES)}, .pdf, .docx, .png, .jpg, .tif")


def _suffix_kind(path: Path) -> Optional[str]:
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return "text"
    return {".pdf": "pdf", ".docx": "docx", ".png": "image", ".jpg": "image", ".jpeg": "image",
            ".tif": "image", ".tiff": "image"}.get(suffix)


def _read_image(path: Path, name: str) -> SourceDocument:
    try:
        from .image import read_image
    except ImportError as error:
        raise ReadError("unsupported_type",
                        f"'{name}' is an image, and image reading (OCR) is not available: {error}") from error
    return read_image(path)


def _zip_has(path: Path, name: str, member: str) -> bool:
    try:
        with zipfile.ZipFile(path) as archive:
            return member in archive.namelist()
    except (zipfile.BadZipFile, OSError) as error:
        if path.suffix.lower() == ".docx":
            raise ReadError("broken_docx", f"'{name}' is a damaged zip package: {error}") from error
        raise ReadError("unsupported_type", f"'{name}' is a damaged zip archive: {error}") from error
