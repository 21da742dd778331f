"""Read any supported plan file into a :class:`SourceDocument`, choosing the reader by content.

``read(path)`` looks at the bytes first (PDF, DOCX, image magic) and at the suffix only
for plain text. Every failure is a :class:`ReadError` whose ``code`` is an ErrorRecord
error code and whose ``reason`` names the file; nothing else escapes.
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path
from typing import Optional, Union

from .base import PAGE_SEPARATOR, Page, ReadError, SourceDocument

__all__ = [
    "DEFAULT_MAX_BYTES",
    "PAGE_SEPARATOR",
    "TEXT_SUFFIXES",
    "Page",
    "ReadError",
    "SourceDocument",
    "read",
]

DEFAULT_MAX_BYTES = 100 * 1024 * 1024  # override with read(max_bytes=...) or $VNPLAN_MAX_BYTES
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


def read(path: Union[str, os.PathLike], max_bytes: Optional[int] = None) -> SourceDocument:
    """Read a plan file. Raises ReadError (never anything else)."""
    path = Path(path)
    try:
        return _read(path, _max_bytes(max_bytes))
    except ReadError:
        raise
    except OSError as error:  # permissions, a file removed while we read it, ...
        raise ReadError("not_found", f"'{path.name}' cannot be read: {error.strerror or error}") from error
    except Exception as error:
        raise ReadError("internal_error",
                        f"'{path.name}': unexpected {type(error).__name__} while reading: {error}") from error


def _read(path: Path, max_bytes: int) -> SourceDocument:
    name = path.name
    if not path.exists():
        raise ReadError("not_found", f"'{name}' does not exist ({path})")
    if not path.is_file():
        raise ReadError("not_found", f"'{name}' is not a regular file ({path})")
    size = path.stat().st_size
    if size > max_bytes:
        raise ReadError("too_large", f"'{name}' is {_megabytes(size)}, over the {_megabytes(max_bytes)} limit")
    if size == 0:
        raise ReadError("empty_file", f"'{name}' is empty (0 bytes)")
    kind = _sniff(path, _head(path))
    if kind == "pdf":
        from .pdf import read_pdf
        document = read_pdf(path)
    elif kind == "docx":
        from .docx import read_docx
        document = read_docx(path)
    elif kind == "image":
        document = _read_image(path)
    else:
        from .text import read_text
        document = read_text(path, path.read_bytes())
    expected = _suffix_kind(path)
    if expected and expected != kind:
        document.warnings.append(f"'{name}' is named {path.suffix} but its content is {kind.upper()}")
    return document


def _sniff(path: Path, head: bytes) -> str:
    """Decide the reader from the content; the suffix decides only between text and unsupported."""
    name, suffix = path.name, path.suffix.lower()
    if head.startswith(PDF_MAGIC) or (suffix == ".pdf" and PDF_MAGIC in head):
        return "pdf"
    for magic, _ in IMAGE_MAGIC:
        if head.startswith(magic):
            return "image"
    if head.startswith(ZIP_MAGIC):
        if _zip_has(path, DOCX_MAIN_PART):
            return "docx"
        if suffix == ".docx":
            raise ReadError("broken_docx", f"'{name}' is a zip archive without {DOCX_MAIN_PART}: not a Word document")
        raise ReadError("unsupported_type", f"'{name}' is a zip archive but not a DOCX document")
    if head.startswith(OLE_MAGIC):
        if suffix == ".docx" and OLE_ENCRYPTION_STREAM in path.read_bytes():
            raise ReadError("broken_docx", f"'{name}' is a password-protected (encrypted) Word document")
        raise ReadError("unsupported_type",
                        f"'{name}' is a legacy Office (OLE) file such as .doc; save it as .docx or PDF")
    if suffix == ".pdf":
        raise ReadError("broken_pdf", f"'{name}' does not start with a %PDF header: not a PDF")
    if suffix == ".docx":
        raise ReadError("broken_docx", f"'{name}' is not a zip package: not a DOCX document")
    if suffix in TEXT_SUFFIXES:
        return "text"
    described = f"suffix '{path.suffix}'" if path.suffix else "no suffix"
    raise ReadError("unsupported_type",
                    f"'{name}' has {described} and is not a PDF, DOCX or image; "
                    f"supported: {', '.join(TEXT_SUFFIXES)}, .pdf, .docx, .png, .jpg, .tif")


def _suffix_kind(path: Path) -> Optional[str]:
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return "text"
    return {".pdf": "pdf", ".docx": "docx", ".png": "image", ".jpg": "image", ".jpeg": "image",
            ".tif": "image", ".tiff": "image"}.get(suffix)


def _read_image(path: Path) -> SourceDocument:
    try:
        from .image import read_image
    except ImportError as error:
        raise ReadError("unsupported_type",
                        f"'{path.name}' is an image, and image reading (OCR) is not available: {error}") from error
    return read_image(path)


def _zip_has(path: Path, member: str) -> bool:
    try:
        with zipfile.ZipFile(path) as archive:
            return member in archive.namelist()
    except (zipfile.BadZipFile, OSError) as error:
        if path.suffix.lower() == ".docx":
            raise ReadError("broken_docx", f"'{path.name}' is a damaged zip package: {error}") from error
        raise ReadError("unsupported_type", f"'{path.name}' is a damaged zip archive: {error}") from error


def _head(path: Path) -> bytes:
    with path.open("rb") as handle:
        return handle.read(SNIFF_BYTES)


def _max_bytes(max_bytes: Optional[int]) -> int:
    if max_bytes is not None:
        return max_bytes
    configured = os.environ.get("VNPLAN_MAX_BYTES", "")
    return int(configured) if configured.isdigit() else DEFAULT_MAX_BYTES


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{size} bytes"
