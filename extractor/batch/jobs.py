"""What the runner does with one input: extract it, or extract it and check it.

A job is made once per run and process (the parents and the registry are read once, not per
document) and called on each input; it never raises: ``pipeline.extract`` turns every failure
into an error record. The columns a manifest gave the input go into its record. ``JobSpec`` says
which job a run does, small enough to send to worker processes, which make the job themselves.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..check import Parent, ParentError, check_record, find_parents, load_registry, number_key, parent_from_record
from ..check.parents import load_parent
from ..pipeline import extract, extract_with_source
from ..records import ErrorRecord, Result
from ..resources import PARENTS_DIR
from .inputs import Input
from .runner import Job, Outcome


class Extract:
    """The record of each input; with ``keep_source`` its source text too (for the HTML report)."""

    def __init__(self, keep_source: bool = False):
        self.keep_source = keep_source

    def __call__(self, item: Input) -> Outcome:
        if not self.keep_source:
            return Outcome(item, _submitted(extract(item.path), item))
        record, source = extract_with_source(item.path)
        return Outcome(item, _submitted(record, item), source_text=source.text if source else None)


def _submitted(record: Result, item: Input) -> Result:
    """The record with the manifest's columns for its input."""
    if item.submission:
        if isinstance(record, ErrorRecord):
            record.submission = dict(item.submission)
        else:
            record.provenance.submission = dict(item.submission)
    return record


class ExtractAndCheck(Extract):
    """The record of each input and its check against the parent programme and the registry.

    ``parent`` (an argument of ``--parent``) fixes the parent of every plan; without it each
    plan's parent is found among the curated ones. Raises ParentError when ``parent`` names none."""

    def __init__(self, parent: str | None = None, keep_source: bool = False):
        super().__init__(keep_source)
        self.parents = find_parents(PARENTS_DIR)
        self.registry = load_registry()
        self.parent = load_parent_arg(parent, self.parents) if parent else None

    def __call__(self, item: Input) -> Outcome:
        outcome = super().__call__(item)
        if not isinstance(outcome.record, ErrorRecord):
            outcome.report = check_record(outcome.record, self.parent, self.registry, self.parents)
        return outcome


@dataclass(frozen=True)
class JobSpec:
    """A run's job, as worker processes are told it: extract, or extract and check (against
    ``parent``, else each plan's own), keeping the source text for the HTML report with ``html``."""

    check: bool = False
    parent: str | None = None
    html: bool = False

    def make(self) -> Job:
        if self.check:
            return ExtractAndCheck(self.parent, keep_source=self.html)
        return Extract()


def load_parent_arg(arg: str, parents: list[Parent] | None = None) -> Parent:
    """``--parent``: a curated parent file, a plan file (extracted and used as a parent), or the number
    of a curated parent ("782/QĐ-TTg")."""
    path = Path(arg)
    if path.is_file():
        if path.suffix == ".json":
            return load_parent(path)
        record = extract(path)
        if isinstance(record, ErrorRecord):
            raise ParentError(f"{path.name}: {record.error}: {record.reason}")
        return parent_from_record(record)
    for parent in parents if parents is not None else find_parents(PARENTS_DIR):
        if parent.number and number_key(parent.number) == number_key(arg):
            return parent
    raise ParentError(f"{arg}: no such parent file or known parent number")
