"""Targets over a whole document: which paragraphs may hold commitments, the year their headings
or lead-ins give them, and the ``Target`` records with their evidence."""

from __future__ import annotations

import re
from typing import Optional

from ...document import Doc, Paragraph
from ...records import Target
from ..grammar import SPACES, WORD_END, WORD_START, sentences
from ..numbers import find_quantities
from .matches import TargetContext, TargetMatch
from .phrases import heading_year, plan_label, year_cue
from .sentences import sentence_targets
from .tables import header_years, is_table_row, table_targets


def find_targets(text: str, context: Optional[TargetContext] = None) -> list[TargetMatch]:
    """Every target in one normalised paragraph (or markdown table row/rows)."""
    ctx = context or TargetContext()
    if is_table_row(text):
        return table_targets(text, ctx)
    quantities = find_quantities(text)
    if not quantities:
        return []
    out: list[TargetMatch] = []
    for s_start, s_end in sentences(text):
        inside = [q for q in quantities if s_start <= q.start < s_end]
        if inside:
            out.extend(sentence_targets(text, s_start, s_end, inside, ctx))
    return out


def may_hold_quantity(text: str) -> bool:
    """A cheap test before the grammar runs: a percent sign, a slash or the word "trăm"."""
    return "%" in text or "％" in text or "/" in text or "trăm" in text or "TRĂM" in text

# Paragraph roles that never hold the plan's commitments.
_SKIP_ROLES = frozenset({"header", "doc_type", "title", "preamble", "closing", "signature"})
# Section kinds whose percentages are not commitments: shares of money, evaluations.
_SKIP_KINDS = frozenset({"budget", "review"})

# A section reporting past results or the situation ("KẾT QUẢ THỰC HIỆN NĂM 2022",
# "THỰC TRẠNG") states achieved values, not commitments, unless it names results to reach.
PAST_SECTION_RE = re.compile(
    rf"{WORD_START}(?:kết{SPACES}quả|thực{SPACES}trạng|tình{SPACES}hình){WORD_END}(?!.*{WORD_START}(?:cần|phải|dự{SPACES}kiến|mong{SPACES}đợi)(?:{SPACES}\w+)?{SPACES}đạt)",
    re.IGNORECASE,
)
# A lead-in that opens a list of targets: "Phấn đấu đến năm 2025, đạt các chỉ tiêu sau:".
LEAD_IN_END_RE = re.compile(r"[:：][ \u00a0]*$")


def _skip(p: Paragraph) -> bool:
    if p.role in _SKIP_ROLES or p.section_kind in _SKIP_KINDS:
        return True
    title = p.context[0] if p.section and p.context else ""
    return bool(title and PAST_SECTION_RE.search(title) and not re.search(r"(?i)mục\s+tiêu|chỉ\s+tiêu", title))


def extract_targets(doc: Doc) -> list[Target]:
    """Every target of the plan, in document order, with section, label, year and evidence.

    The due year comes from the target's own sentence, else from the innermost heading
    that names one ("Mục tiêu đến năm 2025"), else from a lead-in paragraph ending in
    ":" that names one, for the items that follow it.
    """
    targets: list[Target] = []
    column_years: tuple[Optional[int], ...] = ()
    lead_year: Optional[int] = None
    lead_depth = 0
    for p in doc.paragraphs:
        if lead_year is not None and (p.role == "section_heading" or len(p.path) < lead_depth):
            lead_year = None
        if _skip(p):
            continue
        if is_table_row(p.text):
            years = header_years(p.text)
            if years:
                column_years = years
                continue
        else:
            column_years = ()
        if not may_hold_quantity(p.text):
            if LEAD_IN_END_RE.search(p.text):
                lead_year, lead_depth = year_cue(p.text), len(p.path)
            continue
        ctx = TargetContext(year=heading_year(tuple(p.context)) or lead_year, column_years=column_years)
        matches = find_targets(p.text, ctx)
        if matches:
            label = plan_label(p.context, p.body)
            targets.extend(_target(doc, p, m, label) for m in matches)
    return targets


def _target(doc: Doc, p: Paragraph, m: TargetMatch, label: Optional[str]) -> Target:
    span = doc.span(p.start + m.start, p.start + m.end)
    return Target(
        value=m.value, comparator=m.comparator, unit=m.unit, denominator=m.denominator,
        baseline=m.baseline, baseline_year=m.baseline_year, min=m.min, group=m.group,
        indicator=m.indicator, year=m.year, section=p.section, section_path=list(p.path),
        label=label, direction=m.direction, span=span, flags=list(m.flags),
    )
