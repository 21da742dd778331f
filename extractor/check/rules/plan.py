"""Findings a plan gives on its own: impossible values, tasks nobody is assigned, deadlines that
contradict each other. ``vnplan extract`` reports them; no parent is needed."""

from __future__ import annotations

from typing import Optional

from ...records import Deadline, Finding
from ...tones import fold
from .context import Context


def value_out_of_range(ctx: Context) -> list[Finding]:
    """A share over 100% ("Trên 100%"), a negative value, a ratio over its denominator.

    A signed change ("-0,2 điểm phần trăm", flag ``signed_change``) is below zero by nature, and a
    named rate ("111,2 số bé trai/100 bé gái", flag ``named_rate``) counts one population per
    another, not a share of its base: neither is out of range for being negative or over its base."""
    out = []
    for t in ctx.record.targets:
        why_vi = why_en = None
        if t.value < 0 and "signed_change" not in t.flags:
            why_vi, why_en = "giá trị âm", "a negative value"
        elif t.unit == "%" and (t.value > 100 or (t.value == 100 and t.comparator == ">")):
            why_vi, why_en = "tỷ lệ vượt quá 100%", "a share above 100%"
        elif t.unit == "ratio" and t.denominator and "named_rate" not in t.flags and (
                t.value > t.denominator or (t.value == t.denominator and t.comparator == ">")):
            why_vi, why_en = "tử số lớn hơn mẫu số", "a ratio above its denominator"
        if why_vi:
            out.append(Finding(
                code="value_out_of_range", severity="error", value=t.value, section=t.section,
                evidence=[t.span], rule="check.rules.plan.value_out_of_range",
                message_vi=f"Chỉ tiêu không thể đạt được ({why_vi}): \"{t.span.text.strip()}\".",
                message_en=f"Target cannot be reached ({why_en}): \"{t.span.text.strip()}\".",
            ))
    return out


def task_without_body(ctx: Context) -> list[Finding]:
    """A task section whose tasks no body is assigned to: no organisation section and no
    responsible body with a mention or task inside that section. Silent on a text that ends
    mid-way: its organisation section may stand in the part that is missing."""
    record = ctx.record
    if record.provenance.incomplete:
        return []
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
                rule="check.rules.plan.task_without_body",
                message_vi=f"Mục {s.number} ({s.title}) giao nhiệm vụ nhưng không nêu cơ quan chịu trách nhiệm, "
                           "và kế hoạch không có mục Tổ chức thực hiện.",
                message_en=f"Section {s.number} ({s.title}) sets tasks but names no responsible body, "
                           "and the plan has no organisation (Tổ chức thực hiện) section.",
            ))
    return out


def _when(d: Deadline) -> Optional[tuple[int, int]]:
    return (d.due_month, d.due_day) if d.due_month and d.due_day else None


def _deadline_finding(a: Deadline, b: Deadline, vi: str, en: str) -> Finding:
    return Finding(
        code="deadline_conflict", severity="warning", section=b.section, evidence=[a.span, b.span],
        rule="check.rules.plan.deadline_conflict", message_vi=vi, message_en=en)


def deadline_conflict(ctx: Context) -> list[Finding]:
    """Deadlines that contradict each other: the same report by the same body to the same recipient
    due on two dates, or a report due to a body after that body's own report on it is due
    (units report to the Sở by 25/5 while the Sở reports on to the Bộ by 20/5)."""
    out = []
    reports = [d for d in ctx.record.deadlines if _when(d)]
    seen: dict[tuple, Deadline] = {}
    for d in reports:
        key = (fold(d.what), d.kind, d.frequency, tuple(sorted(map(fold, d.by))), tuple(sorted(map(fold, d.to))))
        first = seen.setdefault(key, d)
        if first is not d and _when(first) != _when(d):
            out.append(_deadline_finding(
                first, d, f"\"{d.what}\" có hai thời hạn khác nhau: {first.due} và {d.due}.",
                f"\"{d.what}\" has two different deadlines: {first.due} and {d.due}."))
    for a in reports:  # a: units → body X;  b: body X → higher level
        for b in reports:
            if a is b or a.frequency != b.frequency or a.kind != "report" or b.kind != "report":
                continue
            due_a, due_b = _when(a), _when(b)
            if due_a and due_b and {fold(t) for t in a.to} & {fold(x) for x in b.by} and due_a > due_b:
                out.append(_deadline_finding(
                    a, b, f"Hạn nộp \"{a.what}\" ({a.due}) muộn hơn hạn cơ quan nhận tổng hợp báo cáo lên trên "
                          f"({b.due}).",
                    f"\"{a.what}\" is due ({a.due}) after the receiving body's own report on it ({b.due})."))
    return out
