"""What the target step finds in one text, before it becomes a ``Target`` record: the matches
and the context their paragraph gives them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Optional

from ...records import Comparator

Direction = Literal["increase", "decrease", "keep"]

@dataclass
class TargetContext:
    """What the paragraph's surroundings say: the due year of an enclosing heading,
    and the years of a table's columns (from its header row)."""

    year: Optional[int] = None
    column_years: tuple[Optional[int], ...] = ()


@dataclass
class TargetMatch:
    """A target found in one text; offsets are into that text."""

    value: float
    comparator: Comparator
    unit: Literal["%", "ratio"]
    group: str
    start: int
    end: int
    group_start: int
    group_end: int
    indicator: Optional[str] = None
    denominator: Optional[float] = None
    baseline: Optional[float] = None
    baseline_year: Optional[int] = None
    min: Optional[float] = None
    year: Optional[int] = None
    direction: Direction = "increase"
    flags: list[str] = field(default_factory=list)
