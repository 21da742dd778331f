"""Findings against the parent programme: targets weaker than the parent's, parent targets the plan
leaves out, and years outside the parent's period.

Decisions (compared with the seeds' gold, which lists no parent finding):
- *Weaker*: ``alignment.verdict`` says "below".
- *Timing*: a plan target is due in its own year, else in its plan's last year. Due in or after the
  parent's target year and weaker → ``error``. Due earlier → ``warning`` (a milestone below the
  parent's end figure). When the whole plan ends before the parent's target year (an annual plan
  such as seed 000 for 2022) a lower figure is an annual step, not a contradiction → ``info``.
- ``parent_target_missing`` skips parent targets with no figure (``value: null``: nothing to carry
  down), parent targets due after the plan's horizon, and parent targets whose year-sibling (same
  group and indicator, another year, e.g. M1.C1 for 2025 and O2030) the plan carries down: the plan
  covers that indicator. Uncertain figures with a value are still required: the target exists.
  For an annual plan a missing parent target is ``info`` (an annual plan advances a selection).
- On a text that ends mid-way (``Provenance.incomplete``) a missing parent target is ``info``, and
  its message says why: the target may stand in the part that is missing.
- ``info`` results of these rules are notes for the reader, not auditor flags: ``check_record`` puts
  them in ``CheckReport.notes``, not in ``findings``.
"""

from __future__ import annotations

from typing import Optional

from ...records import Finding, Span, Target
from ..alignment import direction, lenient_value, verdict
from ..match import MARGIN, select, similarity, year_twins
from ..parents import ParentTarget, Period
from .context import Context

# A text that ends mid-way may carry the target in its missing part: what it leaves out is a note.
CUT_VI = " Văn bản bị cắt ngang (không có phần kết): chỉ tiêu có thể nằm ở phần bị thiếu."
CUT_EN = " The text ends mid-way (no closing block): the target may stand in the missing part."
RESEMBLANCE = 0.3  # a plan target this similar to a parent target rewords it rather than omits it


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
        weaker_vi = "cao hơn (tỷ lệ cần giảm)" if direction(t, p) == "decrease" else "thấp hơn"
        weaker_en = "higher (a rate to cut)" if direction(t, p) == "decrease" else "lower"
        out.append(Finding(
            code="target_below_parent", severity=severity, value=t.value, section=t.section,
            parent_target=p.id, parent_ids=[p.id], evidence=[t.span], rule="check.rules.parent.target_below_parent",
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
    cut = ctx.record.provenance.incomplete  # the target may stand in the part of the text that is missing
    out = []
    for p in ctx.parent.targets:
        if p.id in carried or p.value is None or any(s in matched for s in siblings[p.id]):
            continue
        if _interim(period, p) and (period.last or 0) >= (ctx.parent.period.end or 0):
            continue  # an orientation target beyond a full-period plan's horizon
        severity = "info" if _interim(period, p) or partial or cut else "warning"
        fig = _fmt(p.value, p.comparator, p.unit)
        evidence = _where_targets_stand(ctx)
        what = f"{fig} {p.group} {p.indicator or ''}".strip()
        out.append(Finding(
            code="parent_target_missing", severity=severity, parent_target=p.id, parent_ids=[p.id],
            evidence=evidence, rule="check.rules.parent.parent_target_missing",
            message_vi=f"Kế hoạch không có chỉ tiêu tương ứng với {p.id} của {ctx.parent.id}: {what}."
                       + (CUT_VI if cut else ""),
            message_en=f"No plan target carries down {p.id} of {ctx.parent.id}: {what}." + (CUT_EN if cut else ""),
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
        rule="check.rules.parent.period_outside_parent",
        message_vi=f"Năm {', '.join(map(str, outside))} nằm ngoài giai đoạn {lo}–{hi} của {ctx.parent.id}.",
        message_en=f"Year(s) {', '.join(map(str, outside))} fall outside {ctx.parent.id}'s period {lo}–{hi}.",
    )]


def _where_targets_stand(ctx: Context) -> list[Span]:
    """Evidence for what a plan leaves out: its objectives section, else its title, else its first section."""
    outline = ctx.record.outline
    candidates = ([s.span for s in outline.sections if s.kind == "objectives"]
                  + ([outline.title.span] if outline.title else []) + [s.span for s in outline.sections])
    return candidates[:1]
