"""The alignment table of a plan against its parent programme, and the verdict on each pair:
meets, below (weaker), above (stronger), missing, extra.

A verdict takes the direction into account: a rate to cut (``decrease``) is weaker when higher.
Equal values are never weaker, whatever the comparators ("90%" against "trên 90%" is the same
figure written two ways). An uncertain parent figure is checked against its most lenient value.
"""

from __future__ import annotations

from typing import Optional

from ..records import AlignmentRow, PlanRecord, Target
from .match import Match
from .parents import Parent, ParentTarget


def direction(t: Target, p: ParentTarget) -> str:
    """The direction a pair is judged in: the parent's, else the plan target's, else increase."""
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
    lower_is_better = direction(t, p) == "decrease"
    return "above" if (t.value < ref) == lower_is_better else "below"


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
