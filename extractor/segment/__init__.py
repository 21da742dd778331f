"""Segmentation: normalised paragraphs → outline, each paragraph given its role and place.

A document is read as a sequence of zones, each found where the one before it ends:

    furniture (a web page's lines before the document) → header → document-type line → title
    → authority (a decision's "BỘ TRƯỞNG BỘ Y TẾ") → addressee (a letter's "Kính gửi") → preamble
    → [a decision: enacting formula "QUYẾT ĐỊNH:" → articles → closing → the attached plan, read
       again from its document-type line] → body (top-level sections, or paragraphs under none)
    → closing (Nơi nhận, signature) → appendices (PHỤ LỤC)

Numbering mistakes in the source are kept as written (``check.rules.numbering`` reports them),
never fixed silently; only a numeral OCR misread is repaired, and the numeral as read is kept.
The kind of every section (``kinds.classify``) is stamped on its paragraphs here, once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Optional

from ..document import Paragraph
from ..kinds import classify
from ..records import Block, Outline, Section
from .body import article_sections, build_sections, find_appendix, find_headings, mark_articles, nest_items
from .closing import closing_start, ends_midway, mark_signature
from .front import (
    document_start,
    read_addressee,
    read_authority,
    read_doc_type,
    read_header,
    read_preamble,
    read_title,
)
from .headings import (
    item_marker,
    match_section_heading,
    number_value,
    ocr_numeral_slip,
    read_heading,
    roman_value,
    to_roman,
)
from .lines import ARTICLE, DOC_TYPE_LINE, ENACTING

__all__ = ["ends_midway", "item_marker", "match_section_heading", "number_value", "ocr_numeral_slip", "read_heading",
           "roman_value", "segment", "to_roman"]

def segment(paragraphs: list[Paragraph], span_of, recognised: Callable[[int], bool] = lambda start: False) -> Outline:
    """Give each paragraph its role and place in the outline, and build the Outline.

    ``span_of(start, end)`` maps normalised offsets to a source Span; ``recognised(start)`` says
    whether the text at a normalised offset came from OCR (whose misread numerals may be repaired).
    """
    n = len(paragraphs)
    start = document_start(paragraphs)
    for p in paragraphs[:start]:
        p.role = "furniture"
    body = _front(paragraphs, start, n)
    closing: list[int] = []
    in_articles: list[Section] = []
    if body < n and (ENACTING.match(paragraphs[body].text.strip()) or ARTICLE.match(paragraphs[body].text)):
        articles_at = body
        body, closing = _decision(paragraphs, body, n, span_of)
        if body >= n:  # no plan attached: the content an article sets out may have sections of its own
            in_articles = article_sections(paragraphs, articles_at, closing[0] if closing else n, span_of)
    heads = find_headings(paragraphs, body, n)
    close = closing_start(paragraphs, heads[-1][0] + 1 if heads else body, n)
    heads = [(i, h) for i, h in heads if i < close]
    appendix = find_appendix(paragraphs, close, n)
    end = appendix if appendix is not None else n
    first = heads[0][0] if heads else close
    nest_items(paragraphs, None, range(body, first), span_of, None)  # a body before any heading
    outline = Outline()
    outline.sections = in_articles + build_sections(paragraphs, heads, close, span_of, recognised)
    closing += list(range(close, end))
    for i in closing:
        paragraphs[i].role = "closing"
    mark_signature([paragraphs[i] for i in closing])
    if appendix is not None:
        outline.appendices = [_appendix(paragraphs, appendix, n, span_of)]
    _blocks(paragraphs, outline, span_of)
    _stamp_kinds(paragraphs, outline)
    return outline


def _front(paragraphs: list[Paragraph], start: int, stop: int) -> int:
    """The front zones from ``start``; the index where the body (or a decision's articles) begins."""
    i = read_header(paragraphs, start)
    j = read_doc_type(paragraphs, i)
    k = read_title(paragraphs, j, after_doc_type=j > i)
    k = read_authority(paragraphs, k)
    k = read_addressee(paragraphs, k)
    return read_preamble(paragraphs, k, stop)


def _decision(paragraphs: list[Paragraph], i: int, n: int, span_of) -> tuple[int, list[int]]:
    """A decision's enacting formula, articles and closing from ``i``; (where the plan it attaches
    begins its body, the decision's closing paragraphs)."""
    if ENACTING.match(paragraphs[i].text.strip()):
        paragraphs[i].role = "preamble"
        i += 1
    attached = next((k for k in range(i, n) if DOC_TYPE_LINE.match(paragraphs[k].text.strip())), n)
    articles_end = closing_start(paragraphs, i, attached)
    if attached == n and not any(ARTICLE.match(p.text) for p in paragraphs[i:articles_end]):
        return i, []  # a resolution without articles ("QUYẾT NGHỊ:", then what it resolves): its body
    mark_articles(paragraphs, i, articles_end, span_of)
    if attached == n:  # an attached plan whose "KẾ HOẠCH" line was lost opens with its first heading
        attached = next((k for k in range(articles_end, n) if _opens_attachment(paragraphs[k])), n)
        return attached, list(range(articles_end, attached))
    closing = list(range(articles_end, attached))
    body = read_preamble(paragraphs, read_title(paragraphs, read_doc_type(paragraphs, attached), True), n)
    return body, closing


def _opens_attachment(p: Paragraph) -> bool:
    heading = read_heading(p)
    return heading is not None and heading.strict and heading.value == 1


def _appendix(paragraphs: list[Paragraph], at: int, n: int, span_of) -> Section:
    head = paragraphs[at]
    head.role = "appendix_heading"
    text = head.text.strip()
    number, _, title = text.partition(":") if ":" in text[:24] else (text, "", "")
    section = Section(number=number.strip(" .") or text, title=title.strip() or text,
                      span=span_of(head.start, head.end), body_span=span_of(head.start, paragraphs[n - 1].end))
    section.items = nest_items(paragraphs, at, range(at + 1, n), span_of, section.title)
    for p in paragraphs[at + 1:n]:
        p.section = None
    return section


def _blocks(paragraphs: list[Paragraph], outline: Outline, span_of) -> None:
    """The outline's header, title, preamble and closing blocks from the paragraphs' roles."""
    title_paragraphs: list[Paragraph] = []  # the first title: an attached plan's comes later
    def block(p: Paragraph) -> Block:
        return Block.built(text=p.text, span=span_of(p.start, p.end))

    for i, p in enumerate(paragraphs):
        if p.role in ("header", "doc_type"):
            outline.header.append(block(p))
        elif p.role == "title" and (not title_paragraphs or title_paragraphs[-1] is paragraphs[i - 1]):
            title_paragraphs.append(p)
        elif p.role in ("preamble", "authority", "addressee", "article"):
            outline.preamble.append(block(p))
        elif p.role in ("closing", "signature"):
            outline.closing.append(block(p))
    if title_paragraphs:
        first, last = title_paragraphs[0], title_paragraphs[-1]
        text = " ".join(p.text for p in title_paragraphs)
        outline.title = Block.built(text=text, span=span_of(first.start, last.end))


def _stamp_kinds(paragraphs: list[Paragraph], outline: Outline) -> None:
    """Classify every section and appendix heading and stamp its kind on its paragraphs, by position
    (two sections may carry the same number: seed 004 has two V's). Under a part whose kind says
    little ("PHẦN II. KẾ HOẠCH NĂM 2023"), a Roman sub-heading's kind ("II. NHIỆM VỤ") is stamped."""
    headed = iter(outline.sections + outline.appendices)
    current: Optional[str] = None
    sub: Optional[str] = None
    for p in paragraphs:
        if p.role == "appendix_heading" or (p.role == "section_heading" and p.marker):  # not a title's lines
            section = next(headed, None)
            if section is not None:
                section.kind, section.kind_score = classify(section.title)
                current, sub = section.kind, None
        elif p.role in ("closing", "signature", "furniture", "header", "doc_type", "title", "preamble"):
            current = sub = None
        elif p.marker and p.label and p.label.isupper():  # a Roman sub-heading under a part
            heading = read_heading(p)
            sub = classify(heading.title)[0] if heading is not None else None
        if current is None:
            continue
        p.section_kind = sub if sub not in (None, "other") and current in ("other", "review", "objectives") else current
