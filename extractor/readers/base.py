"""What every reader returns: the pages of a document with their provenance."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from .printable import printable_text

PAGE_SEPARATOR = "\f"


class ReadError(Exception):
    """A document that cannot be read. ``code`` is the ErrorRecord.error value (the codes are
    listed in its description, extractor/records.py); ``reason`` names the file, printably."""

    def __init__(self, code: str, reason: str):
        reason = printable_text(reason)
        super().__init__(reason)
        self.code = code
        self.reason = reason


@dataclass
class Page:
    number: int  # 1-based
    text: str
    method: str  # text, pdfplumber, pypdfium2, ocr, docx
    quality: Optional[float] = None
    ocr_confidence: Optional[float] = None
    # optional per-character-range OCR word confidences: (start, end, conf) within ``text``
    word_confidences: list[tuple[int, int, float]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass
class SourceDocument:
    """The raw text of one document, page by page, before normalisation."""

    path: str  # printable_name of the path and of the file name (see .printable)
    name: str
    kind: str  # txt, md, pdf, docx, image
    pages: list[Page]
    encoding: Optional[str] = None
    conversions: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The source text: pages joined by a form feed. Spans point into this string."""
        return PAGE_SEPARATOR.join(p.text for p in self.pages)
