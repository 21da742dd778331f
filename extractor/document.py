"""The normalised, segmented document that every field extractor reads.

A ``Doc`` holds the normalised text, its map back to the source text (with the OCR
confidence of recognised words), and the paragraphs in reading order, each knowing its
role, where it sits in the outline and the kind of its section, all set once when the Doc
is built (``pipeline.build_doc``). Field extractors are pure functions of a ``Doc``; they
locate evidence with ``doc.span(start, end)`` on offsets into ``doc.text`` (the normalised
text).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from .normalise import MappedText
from .readers.base import SourceDocument
from .records import OcrRepair, Outline, Span

# Under this mean Tesseract word confidence (0-100) a record says it rests on weak OCR.
LOW_OCR_CONFIDENCE = 70.0

# Paragraph roles, in document order (``segment`` sets them): a web page's furniture before the
# document, its header block, document-type line, title, a decision's authority line, a letter's
# addressee, the preamble, a decision's articles, section headings, items and body paragraphs,
# the closing block and signature, appendix headings.
ROLES = ("furniture", "header", "doc_type", "title", "authority", "addressee", "preamble", "article",
         "section_heading", "item", "body", "closing", "signature", "appendix_heading")


@dataclass
class Paragraph:
    """One normalised paragraph (hard-wrapped lines joined) with its place in the outline."""

    start: int  # offset into Doc.text
    end: int
    text: str
    role: str = "body"  # one of ROLES
    heading_level: Optional[int] = None  # markdown '#' count or DOCX heading level
    bold: bool = False  # the whole paragraph was bold
    marker: str = ""  # '1.', 'a)', '-', '+', 'II.' or ''
    label: Optional[str] = None  # '1', 'a', 'II'
    section: Optional[str] = None  # Roman numeral of the enclosing top-level section
    section_kind: Optional[str] = None  # purpose, objectives, tasks, budget, organisation, ...
    path: list[str] = field(default_factory=list)  # e.g. ['II', '1', 'a']
    # texts of the enclosing headings/items, outermost first (section title included),
    # e.g. ['MỤC TIÊU', '1. Mục tiêu đến năm 2025', 'a) Mục tiêu 1: ...']
    context: list[str] = field(default_factory=list)
    parent: Optional[int] = None  # index of the enclosing item paragraph in Doc.paragraphs
    _body: Optional[tuple[str, str]] = field(default=None, repr=False, compare=False)  # (marker, body)

    @property
    def body(self) -> str:
        """The text after the marker (worked out once per marker: every extractor asks for it)."""
        if self._body is None or self._body[0] != self.marker:
            marker = self.marker
            body = self.text[len(marker):].lstrip() if marker and self.text.startswith(marker) else self.text
            self._body = (marker, body)
        return self._body[1]


@dataclass
class Doc:
    source: SourceDocument
    mapped: MappedText
    paragraphs: list[Paragraph]
    outline: Outline
    abbreviations: dict[str, str] = field(default_factory=dict)  # defined by the plan itself
    signature: list[str] = field(default_factory=list)  # digital-signature trailer lines
    furniture: list[Span] = field(default_factory=list)  # page numbers, footnote marks, rules
    warnings: list[str] = field(default_factory=list)  # the normaliser's: a paragraph read in windows
    repairs: list[OcrRepair] = field(default_factory=list)  # words OCR misread, put right by the normaliser

    @property
    def text(self) -> str:
        return self.mapped.text

    def span(self, start: int, end: int) -> Span:
        """Evidence for ``text[start:end]`` as a Span into the source text."""
        return self.mapped.span(start, end)

    def paragraphs_in(self, *kinds: str) -> list[Paragraph]:
        return [p for p in self.paragraphs if p.section_kind in kinds]
