"""What a finding rule reads: the plan's record, and when checked, its parent, the matched target
pairs and the registry of known documents."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

import numpy as np

from ...records import PlanRecord
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
