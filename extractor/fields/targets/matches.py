"""What the target step finds in one text, before it becomes a ``Target`` record: the matches,
the context their paragraph gives them, and the finder's reading of a paragraph."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Optional

from ...document import Paragraph
from ...records import Comparator

Direction = Literal["increase", "decrease", "keep"]

@dataclass
class TargetContext:
    """What the paragraph's surroundings say: the due year of an enclosing heading, the years of
    a table's columns (from its header row), whether a heading above names goals ("MỤC TIÊU",
    "Chỉ tiêu cụ thể"), under which a share ("chiếm 12% GRDP") is one to reach, and whether the text
    is cut at its end."""

    year: Optional[int] = None
    column_years: tuple[Optional[int], ...] = ()
    goal: bool = False
    cut: bool = False  # the text is cut at its end, mid-sentence (the last words of a page's opening)


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
    value_start: int = -1  # where the quantity itself stands (the candidate the target filter reads)


@dataclass
class Reading:
    """One paragraph that may hold a quantity, as the finder reads it: outside the outline or not
    (``loose``), skipped by the rules or not, and the targets the rules find in it."""

    paragraph: Paragraph
    loose: bool
    skipped: bool
    matches: list[TargetMatch]
