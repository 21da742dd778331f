"""Internal checks of a plan: one small function per finding code, each returning Findings with evidence.

Checks against the parent programme and the registry live in ``check/parents.py``;
the numbering checks come from segmentation (``segment.numbering_findings``).
"""

from __future__ import annotations

from typing import Callable

from ..records import Finding, PlanRecord


def value_out_of_range(record: PlanRecord) -> list[Finding]:
    """A share over 100% ("Trên 100%"), a negative value, a ratio over its denominator."""
    out = []
    for t in record.targets:
        why_vi = why_en = None
        if t.value < 0:
            why_vi, why_en = "giá trị âm", "a negative value"
        elif t.unit == "%" and (t.value > 100 or (t.value == 100 and t.comparator == ">")):
            why_vi, why_en = "tỷ lệ vượt quá 100%", "a share above 100%"
        elif t.unit == "ratio" and t.denominator and (t.value > t.denominator or
                                                       (t.value == t.denominator and t.comparator == ">")):
            why_vi, why_en = "tử số lớn hơn mẫu số", "a ratio above its denominator"
        if why_vi:
            out.append(Finding(
                code="value_out_of_range", severity="error", value=t.value, section=t.section,
                evidence=[t.span], rule="check.rules.value_out_of_range",
                message_vi=f"Chỉ tiêu không thể đạt được ({why_vi}): \"{t.span.text.strip()}\".",
                message_en=f"Target cannot be reached ({why_en}): \"{t.span.text.strip()}\".",
            ))
    return out


def task_without_body(record: PlanRecord) -> list[Finding]:
    """A task section whose tasks no body is assigned to: no organisation section and no
    responsible body with a mention or task inside that section."""
    sections = record.outline.sections
    if any(s.kind == "organisation" for s in sections):
        return []
    out = []
    for s in sections:
        if s.kind != "tasks" or not s.body_span:
            continue
        lo, hi = s.body_span.start, s.body_span.end
        assigned = any(lo <= m.start < hi for b in record.bodies for m in b.mentions + [t.span for t in b.tasks])
        if not assigned:
            out.append(Finding(
                code="task_without_body", severity="warning", section=s.number, evidence=[s.span],
                rule="check.rules.task_without_body",
                message_vi=f"Mục {s.number} ({s.title}) giao nhiệm vụ nhưng không nêu cơ quan chịu trách nhiệm, "
                           "và kế hoạch không có mục Tổ chức thực hiện.",
                message_en=f"Section {s.number} ({s.title}) sets tasks but names no responsible body, "
                           "and the plan has no organisation (Tổ chức thực hiện) section.",
            ))
    return out


INTERNAL_RULES: tuple[Callable[[PlanRecord], list[Finding]], ...] = (value_out_of_range, task_without_body)


def internal_findings(record: PlanRecord) -> list[Finding]:
    return [f for rule in INTERNAL_RULES for f in rule(record)]
