"""Numbering as written: gaps and duplicates in the top-level numerals, and headings styled at the
other kind of heading's level. The source's numbering is never fixed, only reported."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Optional

from ...records import Finding, Item, Section, Span
from ...segment import number_value
from .context import Context


def section_numbering(ctx: Context) -> list[Finding]:
    """``section_number_duplicate`` for a numeral used twice, ``section_number_gap`` after a skip."""
    out: list[Finding] = []
    seen: set[int] = set()
    expected = 1
    for s in ctx.record.outline.sections:
        value = number_value(s.number)
        if value in seen:
            out.append(Finding(
                code="section_number_duplicate", severity="warning", section=s.number, evidence=[s.span],
                rule="check.rules.numbering.section_numbering",
                message_vi=f"Số mục {s.number} bị lặp lại (mục \"{s.title}\").",
                message_en=f"Section number {s.number} is used twice (\"{s.title}\").",
            ))
        elif value > expected:
            out.append(Finding(
                code="section_number_gap", severity="warning", section=s.number, evidence=[s.span],
                rule="check.rules.numbering.section_numbering",
                message_vi=f"Đánh số mục bị nhảy: thiếu mục trước mục {s.number}.",
                message_en=f"Section numbering skips before {s.number}.",
            ))
        seen.add(value)
        expected = max(expected, value + 1)
    return out


def _numbered_items(sections: list[Section]) -> Iterator[tuple[Section, Item]]:
    """Every item with a numeric label ("1.", "2.3."), in document order, with its section."""
    def walk(section: Section, items: list[Item]) -> Iterator[tuple[Section, Item]]:
        for item in items:
            if item.marker and item.label and item.label[0].isdigit():
                yield section, item
            yield from walk(section, item.children)

    for s in sections:
        yield from walk(s, s.items)


def section_levels(ctx: Context) -> list[Finding]:
    """``section_level_inconsistent``: a heading numbered like a subsection but styled as a section,
    or the reverse.

    Styles are heading levels (markdown ``#`` count, DOCX heading level). The usual level of
    sections is the commonest level of top-level headings; a top-level heading at another level
    that subsections use is inconsistent, and so is a numbered subsection at the sections' level.
    """
    sections = ctx.record.outline.sections
    levels = [s.heading_level for s in sections if s.heading_level is not None]
    if not levels:
        return []
    section_level = Counter(levels).most_common(1)[0][0]
    numbered = list(_numbered_items(sections))
    sub_levels = {item.heading_level for _, item in numbered if item.heading_level is not None}
    out: list[Finding] = []
    for s in sections:
        if s.heading_level is not None and s.heading_level != section_level and s.heading_level in sub_levels:
            out.append(_level_finding(s.number, s.span, f"mục {s.number}", f"section {s.number}",
                                      "được trình bày như mục con", "is styled like a subsection"))
    for s, item in numbered:
        if item.heading_level == section_level:
            out.append(_level_finding(item.label or "", item.span, f"mục con {item.label} của mục {s.number}",
                                      f"subsection {item.label} of section {s.number}",
                                      "được trình bày như mục lớn", "is styled like a top-level section"))
    return out


def _level_finding(label: str, span: Optional[Span], vi: str, en: str, vi_why: str, en_why: str) -> Finding:
    return Finding(
        code="section_level_inconsistent", severity="info", section=label,
        evidence=[span] if span else [], rule="check.rules.numbering.section_levels",
        message_vi=f"Tiêu đề {vi} {vi_why}.", message_en=f"The heading of {en} {en_why}.",
    )
