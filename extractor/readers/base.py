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
    # what the page's layout says of its line breaks (:mod:`.layout`): offset of a ``\n`` in
    # ``text`` -> True where the paragraph ends there, False where the line was wrapped
    line_ends: dict[int, bool] = field(default_factory=dict)
    # what the page's type says of its lines: offset of a line's start in ``text`` -> (heading
    # level or None, bold), for the lines that are headings or bold (what ``#`` and ``**`` mark)
    line_styles: dict[int, tuple[Optional[int], bool]] = field(default_factory=dict)
    # what the layout says of the turn to the next page: (offset of the end of this page's last
    # line of text, offset of the next page's first line of text in the next page's text, True
    # where the paragraph ends at the turn, False where the line was wrapped onto the next page)
    turn: Optional[tuple[int, int, bool]] = None


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
