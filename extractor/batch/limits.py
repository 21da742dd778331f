"""The limits a document runs under in its worker: time (a base per document plus an allowance per
page of a PDF or an image, which may need OCR) and memory (the worker's address space)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

DEFAULT_TIMEOUT = 120.0  # seconds per document: a text plan takes ~10 ms, a PDF ~0.1 s a page
DEFAULT_PAGE_SECONDS = 20.0  # OCR of a page at 300 dpi takes ~3 s on one core
DEFAULT_MEMORY_MB = 4096

_PDF_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")
_PDF_COUNT = re.compile(rb"/Count\s+(\d+)")
_IMAGE_MAGIC = (b"\x89PNG", b"\xff\xd8\xff")
_TIFF_MAGIC = (b"II*\x00", b"MM\x00*")
_TIFF_BYTES_PER_PAGE = 500_000


@dataclass(frozen=True)
class Limits:
    timeout: float = DEFAULT_TIMEOUT
    page_seconds: float = DEFAULT_PAGE_SECONDS
    memory_mb: int = DEFAULT_MEMORY_MB

    def timeout_for(self, path: str) -> float:
        """Seconds the document at ``path`` may take."""
        return self.timeout + self.page_seconds * scanned_pages(Path(path))


def scanned_pages(path: Path) -> int:
    """How many pages of ``path`` may go to OCR, as far as its bytes tell without parsing it: the
    pages of a PDF, of a TIFF (by size), one for another image, none for anything else."""
    try:
        data = path.read_bytes()
    except OSError:
        return 0
    if data.startswith(b"%PDF-") or b"%PDF-" in data[:1024]:
        pages = len(_PDF_PAGE.findall(data))
        counts = [int(n) for n in _PDF_COUNT.findall(data)]
        return max(pages, max(counts, default=0), 1)
    if data.startswith(_TIFF_MAGIC):
        return max(1, len(data) // _TIFF_BYTES_PER_PAGE)
    return 1 if data.startswith(_IMAGE_MAGIC) else 0
