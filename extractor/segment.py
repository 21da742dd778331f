"""Segmentation: normalised paragraphs → outline (header, title, preamble, sections, items, closing).

Numbering mistakes in the source are kept as written (``check.rules.numbering`` reports them),
never fixed silently; only a numeral OCR misread is repaired, and the numeral as read is kept.
"""

from __future__ import annotations

import re
from typing import Optional

from .document import Paragraph
from .records import Block, Item, Outline, Section

# ---------------------------------------------------------------- grammar

ROMAN = r"(?:X{0,3}(?:IX|IV|V?I{0,3})|X{1,3}V?I{0,3})"
# A top-level heading: Roman numeral, a separator (OCR may drop the space: "I.MỤC TIÊU"),
# then the title.
_ROMAN_HEADING = re.compile(
    rf"""^(?P<num>{ROMAN})(?<=\S)        # I  II  IV  VI ... (non-empty)
        \s*(?:[.)/:]|\s-\s?|\s)\s*       # separator: '.', ')', ':', ' - ' or a space
        (?P<title>\S.*?)[\s.:]*$          # title, trailing dots and colons dropped
    """,
    re.VERBOSE,
)
# Item markers, in the order the stack meets them.
_ITEM_MARKER = re.compile(
    r"""^(?:
        (?P<num>\d{1,2}(?:\.\d{1,2})*)\s*[.)](?!\d)   # 1.  1.2.  2)
      | (?P<letter>[a-zđ])\s*\)                      # a)  đ)
      | (?P<dash>[-–—•*])(?=\s|[^\d\s])              # - item   (not '-5%')
      | (?P<plus>\+)
    )\s*""",
    re.VERBOSE,
)
_DOC_TYPES = (
    "KẾ HOẠCH", "QUYẾT ĐỊNH", "CHƯƠNG TRÌNH", "CÔNG VĂN", "HƯỚNG DẪN", "THÔNG BÁO",
    "BÁO CÁO", "CHỈ THỊ", "NGHỊ QUYẾT", "ĐỀ ÁN", "PHƯƠNG ÁN", "KẾ HOẠCH LIÊN TỊCH",
)
_DOC_TYPE_LINE = re.compile(r"^(?:" + "|".join(_DOC_TYPES) + r")(?:\s+(?:LIÊN\s+TỊCH|HÀNH\s+ĐỘNG))?\s*:?$")
_PREAMBLE_CUE = re.compile(r"^(?:Thực\s+hiện|Căn\s+cứ|Theo|Để|Nhằm|Xét|Trên\s+cơ\s+sở|Triển\s+khai\s+\S+\s+số)", re.I)
_CLOSING_START = re.compile(
    r"^(?:Trên\s+đây\s+là|Trên\s+là|Nơi\s+nhận|(?:KT|TM|TL|Q|PKT)\s*\.\s*\S)", re.I
)
_HEADER_LINE = re.compile(
    r"^(?:Số\s*[:.]|CỘNG\s+HÒA|Độc\s+lập|[^\d,]{2,40},\s*ngày\b)", re.I
)


def roman_value(numeral: str) -> int:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    total = 0
    for a, b in zip(numeral, numeral[1:] + " "):
        v = values[a]
        total += -v if b != " " and values.get(b, 0) > v else v
    return total


def _upper_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    return sum(c.isupper() for c in letters) / len(letters) if letters else 0.0


def match_section_heading(p: Paragraph) -> Optional[re.Match[str]]:
    """A Roman-numeral top-level heading, as written (uppercase title, or styled and short)."""
    m = _ROMAN_HEADING.match(p.text)
    if not m or not m.group("num"):
        return None
    title = m.group("title")
    styled = p.heading_level is not None or p.bold
    if _upper_share(title) >= 0.6 and len(title) <= 200:
        return m
    if styled and len(title) <= 150 and title[:1].isupper():
        return m
    return None


def item_marker(text: str) -> tuple[str, Optional[str], str]:
    """(marker as written, label, kind) or ('', None, '') when the paragraph has no marker."""
    m = _ITEM_MARKER.match(text)
    if not m:
        return "", None, ""
    marker = m.group(0).rstrip()
    for kind in ("num", "letter", "dash", "plus"):
        if m.group(kind) is not None:
            label = m.group(kind) if kind in ("num", "letter") else None
            return marker, label, kind
    return "", None, ""


# ---------------------------------------------------------------- segmentation


def segment(paragraphs: list[Paragraph], span_of, recognised=lambda start: False) -> Outline:
    """Give each paragraph its role and place in the outline, and build the Outline.

    ``span_of(start, end)`` maps normalised offsets to a source Span; ``recognised(start)`` says
    whether the text at a normalised offset came from OCR (whose misread numerals may be repaired).
    """
    n = len(paragraphs)
    heads = [i for i, p in enumerate(paragraphs) if match_section_heading(p)]
    first_section = heads[0] if heads else n
    closing_start = _closing_start(paragraphs, heads[-1] if heads else 0)

    outline = Outline()
    _front_matter(paragraphs[: min(first_section, closing_start)], outline, span_of)
    sections = _sections(paragraphs, heads, closing_start, span_of, recognised)
    outline.sections = sections
    for p in paragraphs[closing_start:]:
        p.role = "closing"
        outline.closing.append(Block.built(text=p.text, span=span_of(p.start, p.end)))
    _mark_signature(paragraphs[closing_start:])
    return outline


def _closing_start(paragraphs: list[Paragraph], last_head: int) -> int:
    for i in range(last_head + 1, len(paragraphs)):
        if _CLOSING_START.match(paragraphs[i].text):
            return i
    return len(paragraphs)


def _front_matter(front: list[Paragraph], outline: Outline, span_of) -> None:
    """Header lines, the document type line, the title and the preamble."""
    doc_type_at = next((i for i, p in enumerate(front[:15]) if _DOC_TYPE_LINE.match(p.text.strip())), None)
    title_done = doc_type_at is None
    title_start = 0  # normalised offset where the title begins
    for i, p in enumerate(front):
        block = Block.built(text=p.text, span=span_of(p.start, p.end))
        if doc_type_at is not None and i < doc_type_at:
            p.role = "header"
            outline.header.append(block)
        elif i == doc_type_at:
            p.role = "doc_type"
            outline.header.append(block)
        elif not title_done and (outline.title is None or not _PREAMBLE_CUE.match(p.text)) and (
            outline.title is None or ((p.bold or p.heading_level) and not _HEADER_LINE.match(p.text))
        ):
            p.role = "title"
            if outline.title is None:
                outline.title, title_start = block, p.start
            else:  # a title set on several lines
                outline.title = Block(text=outline.title.text + " " + p.text, span=span_of(title_start, p.end))
        elif doc_type_at is None and _HEADER_LINE.match(p.text) and not outline.preamble:
            p.role = "header"
            outline.header.append(block)
        else:
            title_done = True
            p.role = "preamble"
            outline.preamble.append(block)


def _sections(paragraphs: list[Paragraph], heads: list[int], closing_start: int, span_of,
              recognised) -> list[Section]:
    sections: list[Section] = []
    bounds = heads + [closing_start]
    expected = 1
    for k, h in enumerate(heads):
        if h >= closing_start:
            break
        head = paragraphs[h]
        m = match_section_heading(head)
        assert m is not None
        number, title = m.group("num"), m.group("title").strip()
        as_read = None
        if recognised(head.start) and ocr_numeral_slip(number, expected):
            as_read, number = number, to_roman(expected)
        expected = roman_value(number) + 1
        head.role, head.marker, head.label = "section_heading", head.text[: m.start("title")].strip(), number
        head.section, head.path, head.context = number, [number], []
        end = paragraphs[min(bounds[k + 1], closing_start) - 1].end if bounds[k + 1] > h + 1 else head.end
        section = Section(
            number=number, number_as_read=as_read, title=title, heading_level=head.heading_level,
            span=span_of(head.start, head.end), body_span=span_of(head.start, end),
        )
        section.items = _items(paragraphs, h, range(h + 1, min(bounds[k + 1], closing_start)), span_of, title)
        sections.append(section)
    return sections


def _items(paragraphs: list[Paragraph], head_index: int, indexes: range, span_of, title: str) -> list[Item]:
    """Nest the section's paragraphs by marker kind: the first kind met is the outer level."""
    head = paragraphs[head_index]
    roots: list[Item] = []
    # stack entries: (kind, Item, paragraph index)
    stack: list[tuple[str, Item, int]] = []
    for i in indexes:
        p = paragraphs[i]
        marker, label, kind = item_marker(p.text)
        p.section = head.section
        # built without re-validation (hot path): every value is typed by construction here
        item = Item.built(marker=marker, label=label, text=p.text, span=span_of(p.start, p.end),
                                    heading_level=p.heading_level, children=[])
        if kind:
            kinds = [k for k, _, _ in stack]
            if kind in kinds:
                del stack[kinds.index(kind):]
            p.role, p.marker, p.label = "item", marker, label
        else:
            p.role = "body"
        parent = stack[-1] if stack else None
        (parent[1].children if parent else roots).append(item)
        p.parent = parent[2] if parent else head_index
        p.path = [head.section or ""] + [e[1].label or e[1].marker for e in stack] + ([label or marker] if kind else [])
        p.context = [title] + [paragraphs[e[2]].text for e in stack]
        if kind:
            stack.append((kind, item, i))
    return roots


def _mark_signature(closing: list[Paragraph]) -> None:
    after_recipients = False
    for p in closing:
        if re.match(r"^(?:KT|TM|TL|Q|PKT)\s*\.", p.text) or (after_recipients and _upper_share(p.text) > 0.8):
            p.role = "signature"
        if p.text.lower().startswith("- lưu"):
            after_recipients = True


def ocr_numeral_slip(numeral: str, expected: int) -> bool:
    """OCR merges and drops the strokes of I's ('III' read as 'II' or 'IIII'): a recognised numeral
    that breaks the sequence but equals the expected one up to its I's is a misreading. Numerals
    typed in a text layer are never repaired; their mistakes are the author's and are reported."""
    want = to_roman(expected)
    # Only numerals of I's alone (I, II, III): a V or an X is a stroke OCR does not lose, so "V"
    # after "V" or "VI" after "IV" are the author's, and stay as written.
    return roman_value(numeral) != expected and set(numeral) == set(want) == {"I"}


def to_roman(value: int) -> str:
    out = ""
    for n, numeral in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while value >= n:
            out, value = out + numeral, value - n
    return out
