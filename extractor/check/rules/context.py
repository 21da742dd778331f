"""What a finding rule reads: the plan's record, and when checked, its parent, the matched target
pairs and the registry of known documents."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Optional

import numpy as np

from ...records import Item, PlanRecord, Section
from ..match import Match
from ..parents import Parent, Period, plan_period
from ..registry import Registry


@dataclass
class Context:
    record: PlanRecord
    parent: Optional[Parent] = None
    matches: list[Match] = field(default_factory=list)
    registry: Optional[Registry] = None
    scores: Optional[np.ndarray] = None  # similarity of plan targets (rows) to parent targets (columns)

    @property
    def period(self) -> Period:
        return plan_period(self.record)

    @cached_property
    def section_items(self) -> list[tuple[Section, list[Item]]]:
        """Each top-level section with every item in it, an item's children right after it, in
        document order: walked once, for every rule that reads the items."""
        return [(s, flatten(s.items)) for s in self.record.outline.sections]


def flatten(items: list[Item]) -> list[Item]:
    """``items`` and their children, depth first, in document order."""
    out: list[Item] = []
    stack = items[::-1]
    while stack:
        item = stack.pop()
        out.append(item)
        stack += item.children[::-1]
    return out
