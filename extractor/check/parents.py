"""Parent programmes: the curated parent files, any extracted plan used as a parent, and how a
plan's parent is found (cited in its preamble, through an intermediate plan, or by programme title).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..records import Comparator, PlanRecord
from ..tones import fold
from .registry import Registry, issuers_agree, number_key


class ParentError(ValueError):
    """A parent file that cannot be read or does not validate; the message names file and field."""


class ParentTarget(BaseModel):
    model_config = ConfigDict(extra="ignore")

    id: str
    objective: Optional[str] = None
    group: str
    indicator: Optional[str] = None
    direction: Optional[Literal["increase", "decrease", "keep"]] = None
    value: Optional[float] = Field(None, description="null when no source gave the figure")
    alternative_values: list[float] = Field(default_factory=list, description="figures other sources give")
    comparator: Optional[Comparator] = None
    unit: Literal["%", "ratio"] = "%"
    year: Optional[int] = None
    uncertain: bool = False
    sources: list[str] = Field(default_factory=list)


class Period(BaseModel):
    model_config = ConfigDict(extra="forbid")

    start: Optional[int] = None
    end: Optional[int] = None
    orientation: Optional[int] = Field(None, description="'định hướng đến năm …'")

    @property
    def last(self) -> Optional[int]:
        return self.orientation or self.end


class Parent(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    doc_type: Optional[str] = None
    number: Optional[str] = None
    date: Optional[str] = None
    issuer: Optional[str] = None
    title: Optional[str] = None
    period: Period = Field(default_factory=Period)
    targets: list[ParentTarget] = Field(default_factory=list)


class _ParentDocument(BaseModel):
    model_config = ConfigDict(extra="ignore")

    doc_type: Optional[str] = None
    number: str
    date: Optional[str] = None
    issuer: Optional[str] = None
    title: Optional[str] = None
    period: Period = Field(default_factory=Period)


class _ParentFile(BaseModel):
    """The curated file's shape: ``{"document": {...}, "targets": [...]}``, other keys kept out."""

    model_config = ConfigDict(extra="ignore")

    document: _ParentDocument
    targets: list[ParentTarget]


def load_parent(path: Union[str, Path]) -> Parent:
    """Read and validate a curated parent JSON file; ParentError names the file and the field."""
    path = Path(path)
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as e:
        raise ParentError(f"{path.name}: cannot read: {e}") from e
    try:
        raw = _ParentFile.model_validate(data)
    except ValidationError as e:
        first = e.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "(top level)"
        raise ParentError(f"{path.name}: {where}: {first['msg']}") from None
    ids = [t.id for t in raw.targets]
    if len(set(ids)) != len(ids):
        dup = next(i for i in ids if ids.count(i) > 1)
        raise ParentError(f"{path.name}: targets: duplicate id {dup!r}")
    d = raw.document
    return Parent(id=d.number, doc_type=d.doc_type, number=d.number, date=d.date, issuer=d.issuer,
                  title=d.title, period=d.period, targets=raw.targets)


def find_parents(directory: Union[str, Path]) -> list[Parent]:
    """Every curated parent file (``*.json``) in a folder, sorted by name."""
    return [load_parent(p) for p in sorted(Path(directory).glob("*.json"))]


# ---------------------------------------------------------------- periods from titles

_YEAR = r"(?:19|20)\d{2}"
_PERIOD = re.compile(rf"""
      (?P<start>{_YEAR})\s*[-–—]\s*(?P<end>{_YEAR})                              # giai đoạn 2021 - 2025
    | định\s+hướng\s+(?:đến\s+)?(?:năm\s+)?(?P<orientation>{_YEAR})              # định hướng (đến) năm 2030
    | (?:năm|đến)\s+(?P<single>{_YEAR})                                          # năm 2022, đến 2025
""", re.VERBOSE | re.IGNORECASE)


def period_from_text(text: Optional[str], date: Optional[str] = None) -> Period:
    """The years a title speaks of; a title with none falls back to the year of ``date``."""
    start = end = orientation = None
    for m in _PERIOD.finditer(text or ""):
        if m.group("start"):
            start, end = int(m.group("start")), int(m.group("end"))
        elif m.group("orientation"):
            orientation = int(m.group("orientation"))
        elif start is None:
            start = end = int(m.group("single"))
    if start is None and orientation is None and date and re.match(_YEAR, date):
        start = end = int(date[:4])
    if orientation is not None and end is not None and orientation <= end:
        orientation = None
    return Period(start=start, end=end, orientation=orientation)


def plan_period(record: PlanRecord) -> Period:
    return period_from_text(record.metadata.title, record.metadata.date)


def parent_from_record(record: PlanRecord) -> Parent:
    """Any extracted plan can be a parent: its targets become ``T1..Tn``."""
    meta = record.metadata
    period = plan_period(record)
    targets = [
        ParentTarget(id=f"T{i}", group=t.group, indicator=t.indicator, direction=t.direction, value=t.value,
                     comparator=t.comparator, unit=t.unit, year=t.year or period.end,
                     sources=[f"{record.document} line {t.span.line}"])
        for i, t in enumerate(record.targets, 1)
    ]
    return Parent(id=meta.number or record.document, doc_type=meta.doc_type, number=meta.number, date=meta.date,
                  issuer=meta.issuer, title=meta.title, period=period, targets=targets)


# ---------------------------------------------------------------- resolution

_WORD = re.compile(r"\w+")
# the programme's own name: what follows "Chương trình" up to its period
_PROGRAMME = re.compile(r"chương\s+trình\s+(?P<name>.+?)(?=[\s,]*(?:giai\s+đoạn|định\s+hướng|$))", re.IGNORECASE)


def _content_tokens(text: str) -> set[str]:
    return {w for w in _WORD.findall(fold(text)) if not w.isdigit()}


def programme_name(parent: Parent) -> str:
    m = _PROGRAMME.search(parent.title or "")
    return m.group("name") if m else (parent.title or "")


def names_programme(text: Optional[str], parent: Parent, threshold: float = 0.7) -> bool:
    """Whether ``text`` names the parent's programme: most of the programme name's words appear in it,
    and the years it speaks of do not all fall before the programme starts."""
    if not text:
        return False
    name = _content_tokens(programme_name(parent))
    if not name or len(name & _content_tokens(text)) / len(name) < threshold:
        return False
    return _years_compatible(period_from_text(text), parent)


def _years_compatible(period: Period, parent: Parent) -> bool:
    first = parent.period.start
    last = period.last
    return not (first and last and last < first)


def _not_before(date: Optional[str], parent: Parent) -> bool:
    """A document dated before the parent cannot implement it (ISO strings compare in order)."""
    return not (date and parent.date and date[: len(parent.date)] < parent.date[: len(date)])


def resolve_parent(record: PlanRecord, parents: list[Parent],
                   registry: Optional[Registry] = None) -> tuple[Optional[Parent], str]:
    """(parent, how it was found) or (None, "no parent found"). A document is never its own parent."""
    own = number_key(record.metadata.number) if record.metadata.number else None
    parents = [p for p in parents if not (p.number and own and number_key(p.number) == own)]
    by_number = {number_key(p.number): p for p in parents if p.number}
    cited = [r for r in record.references if r.is_parent and r.number]
    for ref in cited:
        parent = by_number.get(number_key(ref.number or ""))
        if parent:
            return parent, "cited in the preamble"
    for ref in cited:
        entry = registry.lookup(ref.number) if registry else None
        if entry and entry.implements and issuers_agree(entry.issuer, ref.issuer):
            parent = by_number.get(number_key(entry.implements))
            if parent:
                return parent, f"through intermediate plan {ref.number}"
        for parent in parents:
            if _not_before(ref.date, parent) and names_programme(ref.subject, parent):
                return parent, f"through intermediate plan {ref.number}"
    period = plan_period(record)
    for parent in parents:
        if (_not_before(record.metadata.date, parent) and _years_compatible(period, parent)
                and names_programme(record.metadata.title, parent)):
            return parent, "by programme title"
    return None, "no parent found"
