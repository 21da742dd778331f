"""Checks of a plan against its parent programme and the registry of known documents.

One small function per finding code; each returns Findings with evidence spans in the plan.

Decisions (compared with the seeds' gold, which lists no parent finding):
- *Weaker* takes the direction into account: a rate to cut (``decrease``) is weaker when higher.
  Equal values are never weaker, whatever the comparators ("90%" against "trên 90%" is the same
  figure written two ways). An uncertain parent figure is checked against its most lenient value.
- *Timing*: a plan target is due in its own year, else in its plan's last year. Due in or after the
  parent's target year and weaker → ``error``. Due earlier → ``warning`` (a milestone below the
  parent's end figure). When the whole plan ends before the parent's target year (an annual plan
  such as seed 000 for 2022) a lower figure is an annual step, not a contradiction → ``info``.
- ``parent_target_missing`` skips parent targets with no figure (``value: null``: nothing to carry
  down), parent targets due after the plan's horizon, and parent targets whose year-sibling (same
  group and indicator, another year, e.g. M1.C1 for 2025 and O2030) the plan carries down: the plan
  covers that indicator. Uncertain figures with a value are still required: the target exists.
  For an annual plan a missing parent target is ``info`` (an annual plan advances a selection).
- ``reference_mismatch``: a number without a year (``782/QĐ-TTg``, ``187/KH-UBND``) names a document
  only together with its issuer: a citation whose issuer disagrees is another document, not a mismatch.
- ``info`` results of these rules are notes for the reader, not auditor flags: ``check_record`` puts
  them in ``CheckReport.notes``, not in ``findings``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Optional

import numpy as np

from ..normalise import fold
from ..records import AlignmentRow, Finding, PlanRecord, Target
from .match import MARGIN, Match, select, similarity, year_twins

RESEMBLANCE = 0.3  # a plan target this similar to a parent target rewords it rather than omits it
from .parents import Parent, ParentTarget, Period, plan_period
from .registry import Registry, issuers_agree


@dataclass
class Context:
    record: PlanRecord
    parent: Optional[Parent]
    matches: list[Match]
    registry: Optional[Registry]
    scores: Optional[np.ndarray] = None  # similarity of plan targets (rows) to parent targets (columns)

    @property
    def period(self) -> Period:
        return plan_period(self.record)


# ---------------------------------------------------------------- comparison


def _direction(t: Target, p: ParentTarget) -> str:
    return p.direction or t.direction or "increase"


def lenient_value(p: ParentTarget) -> Optional[float]:
    if p.value is None:
        return None
    values = [p.value, *p.alternative_values]
    return max(values) if p.direction == "decrease" else min(values)


def verdict(t: Target, p: ParentTarget) -> str:
    """meets / below (weaker) / above (stronger) / unknown, taking the direction into account."""
    ref = lenient_value(p)
    if ref is None or t.unit != p.unit:
        return "unknown"
    if t.value == ref:
        return "meets"
    lower_is_better = _direction(t, p) == "decrease"
    return "above" if (t.value < ref) == lower_is_better else "below"


def due_year(t: Target, period: Period) -> Optional[int]:
    return t.year or period.end


def _interim(period: Period, p: ParentTarget) -> bool:
    """The whole plan ends before the parent target is due."""
    return bool(p.year and period.last and period.last < p.year)


def _fmt(value: Optional[float], comparator: Optional[str] = None, unit: str = "%") -> str:
    if value is None:
        return "?"
    v = f"{value:g}".replace(".", ",")
    c = "" if comparator in (None, "=") else comparator + " "
    return f"{c}{v}{'%' if unit == '%' else ''}"


# ---------------------------------------------------------------- alignment


def align(record: PlanRecord, parent: Parent, matches: list[Match]) -> list[AlignmentRow]:
    """One row per matched pair, per parent target no plan target carries down (missing) and per
    plan target that carries down none (extra)."""
    by_id = {p.id: p for p in parent.targets}
    rows = []
    for m in sorted(matches, key=lambda m: ([p.id for p in parent.targets].index(m.parent_id), m.plan_index)):
        t, p = record.targets[m.plan_index], by_id[m.parent_id]
        rows.append(AlignmentRow(parent_target=p.id, parent_value=p.value, parent_comparator=p.comparator,
                                 plan_target=m.plan_index, plan_value=t.value, plan_comparator=t.comparator,
                                 score=m.score, verdict=verdict(t, p)))
    matched_parent = {m.parent_id for m in matches}
    matched_plan = {m.plan_index for m in matches}
    rows += [AlignmentRow(parent_target=p.id, parent_value=p.value, parent_comparator=p.comparator, verdict="missing")
             for p in parent.targets if p.id not in matched_parent]
    rows += [AlignmentRow(plan_target=i, plan_value=t.value, plan_comparator=t.comparator, verdict="extra")
             for i, t in enumerate(record.targets) if i not in matched_plan]
    return rows


# ---------------------------------------------------------------- rules


def target_below_parent(ctx: Context) -> list[Finding]:
    if not ctx.parent:
        return []
    by_id = {p.id: p for p in ctx.parent.targets}
    period = ctx.period
    out = []
    for m in ctx.matches:
        t, p = ctx.record.targets[m.plan_index], by_id[m.parent_id]
        if verdict(t, p) != "below":
            continue
        due = due_year(t, period)
        plan_fig, parent_fig = _fmt(t.value, t.comparator, t.unit), _fmt(lenient_value(p), p.comparator, p.unit)
        if _interim(period, p):
            severity = "info"
            vi = f"Kế hoạch kết thúc năm {period.last}, trước năm {p.year} của chương trình: mức năm này là bước trung gian."
            en = f"The plan ends in {period.last}, before the programme's {p.year}: this is an interim step."
        elif due and p.year and due < p.year:
            severity = "warning"
            vi = f"Chỉ tiêu đến năm {due}, trước năm {p.year} của chương trình; cần bảo đảm đạt {parent_fig} vào năm {p.year}."
            en = f"The target is due in {due}, before the programme's {p.year}; it must still reach {parent_fig} by {p.year}."
        else:
            severity = "error"
            vi = en = ""
        weaker_vi = "cao hơn (tỷ lệ cần giảm)" if _direction(t, p) == "decrease" else "thấp hơn"
        weaker_en = "higher (a rate to cut)" if _direction(t, p) == "decrease" else "lower"
        out.append(Finding(
            code="target_below_parent", severity=severity, value=t.value, section=t.section,
            parent_target=p.id, parent_ids=[p.id], evidence=[t.span], rule="check.parent_rules.target_below_parent",
            message_vi=f"Chỉ tiêu {plan_fig} \"{t.group}\" {weaker_vi} mức {parent_fig} của chỉ tiêu {p.id} "
                       f"({ctx.parent.id}). {vi}".strip(),
            message_en=f"Target {plan_fig} for \"{t.group}\" is {weaker_en} than {parent_fig} in {p.id} "
                       f"({ctx.parent.id}). {en}".strip(),
        ))
    return out


def parent_target_missing(ctx: Context) -> list[Finding]:
    if not ctx.parent:
        return []
    period = ctx.period
    matched = {m.parent_id for m in ctx.matches}
    siblings = {pid: [t.id for t in twins if t.id != pid] for pid, twins in year_twins(ctx.parent).items()}
    # Weak resemblances: a parent target that a plan target left unmatched resembles best (though
    # below the match threshold) is reworded, not missing; the alignment table shows it to a reviewer.
    scores = ctx.scores if ctx.scores is not None else similarity(ctx.record, ctx.parent)
    matched_rows = {m.plan_index for m in ctx.matches}
    resembled = {ctx.parent.targets[b].id for a, b in select(scores, RESEMBLANCE, MARGIN) if a not in matched_rows}
    valued = [p for p in ctx.parent.targets if p.value is not None]
    carried = {p.id for p in valued if p.id in matched or p.id in resembled}
    # A plan that carries down under half of the programme's targets is a sectoral or partial plan
    # (a school's, one department's): what it leaves out is a note, not an inconsistency.
    partial = len(carried) < len(valued) / 2
    out = []
    for p in ctx.parent.targets:
        if p.id in carried or p.value is None or any(s in matched for s in siblings[p.id]):
            continue
        if _interim(period, p) and period.last >= (ctx.parent.period.end or 0):
            continue  # an orientation target beyond a full-period plan's horizon
        severity = "info" if _interim(period, p) or partial else "warning"
        fig = _fmt(p.value, p.comparator, p.unit)
        evidence = [s.span for s in ctx.record.outline.sections if s.kind == "objectives"][:1]
        out.append(Finding(
            code="parent_target_missing", severity=severity, parent_target=p.id, parent_ids=[p.id],
            evidence=evidence, rule="check.parent_rules.parent_target_missing",
            message_vi=f"Kế hoạch không có chỉ tiêu tương ứng với {p.id} của {ctx.parent.id}: {fig} {p.group} "
                       f"{p.indicator or ''}".strip() + ".",
            message_en=f"No plan target carries down {p.id} of {ctx.parent.id}: {fig} {p.group} "
                       f"{p.indicator or ''}".strip() + ".",
        ))
    return out


def period_outside_parent(ctx: Context) -> list[Finding]:
    if not ctx.parent:
        return []
    pp, period = ctx.parent.period, ctx.period
    lo, hi = pp.start, pp.last
    years = [y for y in (period.start, period.end, period.orientation) if y]
    years += [t.year for t in ctx.record.targets if t.year]
    outside = sorted({y for y in years if (lo and y < lo) or (hi and y > hi)})
    if not outside:
        return []
    title = ctx.record.outline.title
    evidence = [title.span] if title else [t.span for t in ctx.record.targets if t.year in outside][:1]
    return [Finding(
        code="period_outside_parent", severity="warning", evidence=evidence, parent_ids=[ctx.parent.id],
        rule="check.parent_rules.period_outside_parent",
        message_vi=f"Năm {', '.join(map(str, outside))} nằm ngoài giai đoạn {lo}–{hi} của {ctx.parent.id}.",
        message_en=f"Year(s) {', '.join(map(str, outside))} fall outside {ctx.parent.id}'s period {lo}–{hi}.",
    )]


_HAS_YEAR = re.compile(r"/(?:19|20)\d{2}/")


def reference_mismatch(ctx: Context) -> list[Finding]:
    if not ctx.registry:
        return []
    out = []
    for ref in ctx.record.references:
        entry = ctx.registry.lookup_reference(ref)
        if not entry:
            continue
        issuer_ok = issuers_agree(ref.issuer, entry.issuer)
        if ref.number and not _HAS_YEAR.search(ref.number) and not issuer_ok:
            continue  # same number, another issuer: another document
        wrong = []
        if ref.date and entry.date and not (ref.date.startswith(entry.date) or entry.date.startswith(ref.date)):
            wrong.append(("ngày", "date", ref.date, entry.date))
        if not issuer_ok:
            wrong.append(("cơ quan ban hành", "issuer", ref.issuer, entry.issuer))
        if ref.doc_type and entry.doc_type and fold(ref.doc_type) != fold(entry.doc_type):
            wrong.append(("loại văn bản", "type", ref.doc_type, entry.doc_type))
        if not wrong:
            continue
        name = ref.number or ref.title
        out.append(Finding(
            code="reference_mismatch", severity="warning", number=ref.number, evidence=list(ref.mentions[:1]),
            rule="check.parent_rules.reference_mismatch",
            message_vi=f"{name}: " + "; ".join(f"{vi} ghi {got}, đúng là {want}" for vi, _, got, want in wrong) + ".",
            message_en=f"{name}: " + "; ".join(f"{en} cited as {got}, registry has {want}" for _, en, got, want in wrong) + ".",
        ))
    return out


def _when(d) -> Optional[tuple[int, int]]:
    return (d.due_month, d.due_day) if d.due_month and d.due_day else None


def _deadline_finding(a, b, vi: str, en: str) -> Finding:
    return Finding(
        code="deadline_conflict", severity="warning", section=b.section, evidence=[a.span, b.span],
        rule="check.parent_rules.deadline_conflict", message_vi=vi, message_en=en)


def deadline_conflict(ctx: Context) -> list[Finding]:
    """Deadlines that contradict each other: the same report by the same body to the same recipient
    due on two dates, or a report due to a body after that body's own report on it is due
    (units report to the Sở by 25/5 while the Sở reports on to the Bộ by 20/5)."""
    out = []
    reports = [d for d in ctx.record.deadlines if _when(d)]
    seen: dict[tuple, object] = {}
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
            if {fold(t) for t in a.to} & {fold(x) for x in b.by} and _when(a) > _when(b):
                out.append(_deadline_finding(
                    a, b, f"Hạn nộp \"{a.what}\" ({a.due}) muộn hơn hạn cơ quan nhận tổng hợp báo cáo lên trên "
                          f"({b.due}).",
                    f"\"{a.what}\" is due ({a.due}) after the receiving body's own report on it ({b.due})."))
    return out


PARENT_RULES: tuple[Callable[[Context], list[Finding]], ...] = (
    target_below_parent, parent_target_missing, period_outside_parent, reference_mismatch, deadline_conflict)


def parent_findings(ctx: Context) -> list[Finding]:
    return [f for rule in PARENT_RULES for f in rule(ctx)]

