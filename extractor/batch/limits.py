"""What the batch learns from an input's bytes before it runs it, in one read: its content hash (its
identity) and how many of its pages may need OCR; and the limits a document runs under in its
worker: time (a base per document plus an allowance per such page) and memory (the worker's
address space)."""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass

DEFAULT_TIMEOUT = 120.0  # seconds per document: a text plan takes ~10 ms, a PDF ~0.1 s a page
DEFAULT_PAGE_SECONDS = 20.0  # OCR of a page at 300 dpi takes ~3 s on one core
DEFAULT_MEMORY_MB = 4096
CHUNK = 1 << 20

_PDF_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")
_PDF_COUNT = re.compile(rb"/Count\s+(\d+)")
_IMAGE_MAGIC = (b"\x89PNG", b"\xff\xd8\xff")
_TIFF_MAGIC = (b"II*\x00", b"MM\x00*")
_TIFF_BYTES_PER_PAGE = 500_000


@dataclass(frozen=True)
class Scan:
    sha256: str | None  # None when the file cannot be read
    pages: int  # pages that may go to OCR: of a PDF, of a TIFF (by size), one for another image, else none


def scan(path: str) -> Scan:
    """The content hash and the OCR pages of the file at ``path`` (the page count of a PDF is read from
    its page objects without parsing it: an estimate, enough for a time limit)."""
    digest, size, pages, count, head = hashlib.sha256(), 0, 0, 0, b""
    if not os.path.isfile(path):  # missing, a folder, a FIFO (which would block the read)
        return Scan(None, 0)
    try:
        with open(path, "rb") as handle:
            for chunk in iter(lambda: handle.read(CHUNK), b""):
                digest.update(chunk)
                head, size = head or chunk[:1024], size + len(chunk)
                if b"%PDF-" in head:
                    pages += len(_PDF_PAGE.findall(chunk))
                    count = max([count, *(int(n) for n in _PDF_COUNT.findall(chunk))])
    except OSError:
        return Scan(None, 0)
    if b"%PDF-" in head:
        return Scan(digest.hexdigest(), max(pages, count, 1))
    if head.startswith(_TIFF_MAGIC):
        return Scan(digest.hexdigest(), max(1, size // _TIFF_BYTES_PER_PAGE))
    return Scan(digest.hexdigest(), 1 if head.startswith(_IMAGE_MAGIC) else 0)


@dataclass(frozen=True)
class Limits:
    timeout: float = DEFAULT_TIMEOUT
    page_seconds: float = DEFAULT_PAGE_SECONDS
    memory_mb: int = DEFAULT_MEMORY_MB

    def timeout_for(self, scanned: Scan) -> float:
        """Seconds a document may take."""
        return self.timeout + self.page_seconds * scanned.pages
