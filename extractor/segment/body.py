"""The body of a document: its top-level sections with their nested items, a decision's articles,
appendices, and the paragraphs of a document that has no top-level headings at all (a letter,
a short plan numbered "1.", "2."), nested under no section.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Optional

from ..document import Paragraph
from ..records import Item, Section, Span
from .headings import Heading, item_marker, ocr_numeral_slip, read_heading, to_roman, top_level
from .lines import APPENDIX, ARTICLE, upper_share

SpanOf = Callable[[int, int], Span]


def find_headings(paragraphs: list[Paragraph], lo: int, hi: int) -> list[tuple[int, Heading]]:
    """The top-level headings of ``paragraphs[lo:hi]``, in order.

    Strict headings (in capitals, or styled) of the top-level kind count; a Roman heading in
    sentence case ("I. Mục tiêu thực hiện công khai") counts where its numeral is the one expected
    next, so a sentence that merely opens with a Roman letter is no section."""
    candidates = [(i, h) for i in range(lo, hi) if (h := read_heading(paragraphs[i])) is not None]
    kind = top_level([c for c in candidates if c[1].strict])
    out: list[tuple[int, Heading]] = []
    expected = 1
    for i, h in candidates:
        if h.kind != kind or not (h.strict or h.value == expected):
            continue
        out.append((i, h))
        expected = h.value + 1
    return out


def build_sections(paragraphs: list[Paragraph], heads: list[tuple[int, Heading]], stop: int, span_of: SpanOf,
                   recognised: Callable[[int], bool]) -> list[Section]:
    """One Section per heading, running to the next heading (or ``stop``), with its items nested."""
    sections: list[Section] = []
    expected = 1
    bounds = [i for i, _ in heads] + [stop]
    for k, (h_index, heading) in enumerate(heads):
        head = paragraphs[h_index]
        taken = _title_below(paragraphs, h_index, bounds[k + 1]) if not heading.title else 0
        if taken:
            heading = replace(heading, title=" ".join(" ".join(p.text.split()) for p in paragraphs[h_index + 1:h_index + 1 + taken]))
        number, as_read = heading.number, None
        if heading.kind == "roman" and recognised(head.start) and ocr_numeral_slip(number, expected):
            as_read, number = number, to_roman(expected)
        expected = (heading.value if as_read is None else expected) + 1
        head.role, head.marker, head.label = "section_heading", heading.marker, number
        head.section, head.path, head.context = number, [number], []
        end_index = bounds[k + 1]
        end = paragraphs[end_index - 1].end if end_index > h_index + 1 else head.end
        section = Section(
            number=number, number_as_read=as_read, title=heading.title, heading_level=head.heading_level,
            span=span_of(head.start, head.end), body_span=span_of(head.start, end),
        )
        for p in paragraphs[h_index + 1:h_index + 1 + taken]:
            p.role, p.section, p.path, p.context = "section_heading", number, [number], []
        section.items = nest_items(paragraphs, h_index, range(h_index + 1 + taken, end_index), span_of, heading.title)
        sections.append(section)
    return sections


MAX_TITLE_LINES = 3


def _title_below(paragraphs: list[Paragraph], at: int, stop: int) -> int:
    """How many lines below a part's number alone ("Phần thứ nhất") are its title: the lines in
    capitals that follow it (a title wrapped "TÌNH HÌNH HỘ NGHÈO, HỘ CẬN NGHÈO VÀ" / "KẾT QUẢ ..."), not a
    heading or an item of their own."""
    taken = 0
    for p in paragraphs[at + 1:min(stop, at + 1 + MAX_TITLE_LINES)]:
        text = p.text.strip()
        if not text or upper_share(text) < 0.8 or item_marker(text)[2] or read_heading(p) is not None:
            break
        taken += 1
    return taken


def nest_items(paragraphs: list[Paragraph], head_index: Optional[int], indexes: range, span_of: SpanOf,
               title: Optional[str]) -> list[Item]:
    """Nest paragraphs by marker kind (the first kind met is the outer level) under the heading at
    ``head_index``, or under no heading (``None``: a document without top-level headings)."""
    head = paragraphs[head_index] if head_index is not None else None
    section = head.section if head is not None else None
    roots: list[Item] = []
    # the open items, innermost last: (marker kind, item, paragraph index, the path and the context
    # of the paragraphs under it)
    stack: list[tuple[str, Item, int, list[str], list[str]]] = []
    top_path = [section] if section else []
    top_context = [title] if title else []
    for i in indexes:
        p = paragraphs[i]
        marker, label, kind = item_marker(p.text)
        sub = read_heading(p) if not kind else None
        if sub is not None and sub.kind == "roman":  # a Roman sub-section under a part: an outer item
            marker, label, kind = sub.marker, sub.number, "roman"
        p.section = section
        # built without re-validation (hot path): every value is typed by construction here
        item = Item.built(marker=marker, label=label, text=p.text, span=span_of(p.start, p.end),
                          heading_level=p.heading_level, children=[])
        if kind:
            kinds = [entry[0] for entry in stack]
            if kind in kinds:
                del stack[kinds.index(kind):]
            p.role, p.marker, p.label = "item", marker, label
        else:
            p.role = "body"
        parent = stack[-1] if stack else None
        (parent[1].children if parent else roots).append(item)
        p.parent = parent[2] if parent else head_index
        path, context = (parent[3], parent[4]) if parent else (top_path, top_context)
        p.path = path + [label or marker] if kind else list(path)
        p.context = list(context)
        if kind:
            stack.append((kind, item, i, p.path, context + [p.text]))
    return roots


def mark_articles(paragraphs: list[Paragraph], lo: int, hi: int, span_of: SpanOf) -> None:
    """A decision's articles ("Điều 1.", "Điều 2. Giao Sở Y tế chủ trì ..."): each article paragraph,
    and the paragraphs and items under it up to the next article."""
    starts = [i for i in range(lo, hi) if ARTICLE.match(paragraphs[i].text)]
    for k, a in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else hi
        p = paragraphs[a]
        m = ARTICLE.match(p.text)
        assert m is not None
        p.role, p.marker, p.label = "article", m.group(0).strip(), f"Điều {m.group('n')}"
        p.path, p.context = [p.label], []
        nest_items(paragraphs, a, range(a + 1, end), span_of, None)
        for q in paragraphs[a + 1:end]:
            q.path = [p.label] + q.path
            q.context = [p.text] + q.context


def article_sections(paragraphs: list[Paragraph], lo: int, hi: int, span_of: SpanOf) -> list[Section]:
    """The sections of the content an article sets out ("Điều 1. Phê duyệt Đề án ... với những nội dung
    chủ yếu sau: I. QUAN ĐIỂM ... II. MỤC TIÊU ..."): Roman headings in sequence under an article
    that ends with a colon, each running to the next one or the article's end. Their paragraphs keep
    their places under the article and take the section's number."""
    sections: list[Section] = []
    article: Optional[Paragraph] = None
    expected = 1
    heads: list[tuple[int, Heading, int]] = []  # (index, heading, end of its article)
    for i in range(lo, hi):
        p = paragraphs[i]
        if p.role == "article":
            article = p if p.text.rstrip().endswith(":") else None
            continue
        heading = read_heading(p) if article is not None else None
        if heading is None or heading.kind != "roman" or heading.value != expected:
            continue  # in sentence case too ("I. Mục tiêu"): under the article, only the numeral expected next counts
        end = next((k for k in range(i + 1, hi) if paragraphs[k].role == "article"), hi)
        heads.append((i, heading, end))
        expected += 1
    for k, (i, heading, end) in enumerate(heads):
        stop = min(end, heads[k + 1][0]) if k + 1 < len(heads) else end
        head = paragraphs[i]
        head.role, head.marker, head.label = "section_heading", heading.marker, heading.number
        for q in paragraphs[i:stop]:
            q.section = heading.number
        sections.append(Section(number=heading.number, title=heading.title, heading_level=head.heading_level,
                                span=span_of(head.start, head.end), body_span=span_of(head.start, paragraphs[stop - 1].end)))
    return sections


def find_appendix(paragraphs: list[Paragraph], lo: int, hi: int) -> Optional[int]:
    """Where an appendix ("PHỤ LỤC ...") begins in ``paragraphs[lo:hi]``, if it does."""
    for i in range(lo, hi):
        text = paragraphs[i].text.strip()
        if APPENDIX.match(text) and upper_share(text[:12]) >= 0.5 and len(text) <= 200:
            return i
    return None
