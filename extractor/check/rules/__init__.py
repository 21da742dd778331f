"""Every finding rule, in one registry: one small function per finding, each reading a ``Context``
and returning Findings with evidence spans in the plan.

A rule declares what it needs. ``PLAN`` rules read the record alone and run at extraction
(``vnplan extract`` reports them); ``PARENT`` rules need the parent programme and its matched
targets, ``REGISTRY`` rules the registry of known documents: ``vnplan check`` runs those.
Findings come out in the registry's order.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from ...records import Finding, PlanRecord
from .context import Context
from .numbering import item_numbering, labelled_numbering, roman_items, section_levels, section_numbering
from .parent import parent_target_missing, period_outside_parent, target_below_parent
from .plan import deadline_conflict, task_without_body, value_out_of_range
from .references import cited_dates, legislature_terms, reference_mismatch

Needs = Literal["plan", "parent", "registry"]


@dataclass(frozen=True)
class Rule:
    codes: tuple[str, ...]  # the finding codes the rule gives
    check: Callable[[Context], list[Finding]]
    needs: Needs = "plan"


RULES: tuple[Rule, ...] = (
    Rule(("section_number_gap", "section_number_duplicate"), section_numbering),
    Rule(("section_number_gap",), item_numbering),
    Rule(("section_number_gap",), labelled_numbering),
    Rule(("section_level_inconsistent",), section_levels),
    Rule(("section_level_inconsistent",), roman_items),
    Rule(("value_out_of_range",), value_out_of_range),
    Rule(("task_without_body",), task_without_body),
    Rule(("deadline_conflict",), deadline_conflict),
    Rule(("reference_mismatch",), cited_dates),
    Rule(("reference_mismatch",), legislature_terms),
    Rule(("target_below_parent",), target_below_parent, "parent"),
    Rule(("parent_target_missing",), parent_target_missing, "parent"),
    Rule(("period_outside_parent",), period_outside_parent, "parent"),
    Rule(("reference_mismatch",), reference_mismatch, "registry"),
)
CODES: tuple[str, ...] = tuple(code for rule in RULES for code in rule.codes)


def findings(ctx: Context, needs: tuple[Needs, ...]) -> list[Finding]:
    """The findings of every rule whose needs are among ``needs``, in registry order."""
    return [f for rule in RULES if rule.needs in needs for f in rule.check(ctx)]


def plan_findings(record: PlanRecord) -> list[Finding]:
    """What the plan gives on its own (the ``plan`` rules)."""
    return findings(Context(record), ("plan",))


__all__ = ["CODES", "RULES", "Context", "Rule", "findings", "plan_findings"]
