"""What the runner does with one input: extract it, or extract it and check it.

A job is made once per run (the parents and the registry are read once, not per document) and
called on each input; it never raises: ``pipeline.extract`` turns every failure into an error
record.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from ..check import Parent, ParentError, check_record, find_parents, load_registry, number_key, parent_from_record
from ..check.parents import load_parent
from ..pipeline import extract, extract_with_source
from ..records import ErrorRecord
from ..resources import PARENTS_DIR
from .inputs import Input
from .runner import Outcome


class Extract:
    """The record of each input; with ``keep_source`` its source text too (for the HTML report)."""

    def __init__(self, keep_source: bool = False):
        self.keep_source = keep_source

    def __call__(self, item: Input) -> Outcome:
        if not self.keep_source:
            return Outcome(item, extract(item.path))
        record, source = extract_with_source(item.path)
        return Outcome(item, record, source_text=source.text if source else None)


class ExtractAndCheck(Extract):
    """The record of each input and its check against the parent programme and the registry.

    ``parent`` (an argument of ``--parent``) fixes the parent of every plan; without it each
    plan's parent is found among the curated ones. Raises ParentError when ``parent`` names none."""

    def __init__(self, parent: Optional[str] = None, keep_source: bool = False):
        super().__init__(keep_source)
        self.parents = find_parents(PARENTS_DIR)
        self.registry = load_registry()
        self.parent = load_parent_arg(parent, self.parents) if parent else None

    def __call__(self, item: Input) -> Outcome:
        outcome = super().__call__(item)
        if not isinstance(outcome.record, ErrorRecord):
            outcome.report = check_record(outcome.record, self.parent, self.registry, self.parents)
        return outcome


def load_parent_arg(arg: str, parents: Optional[list[Parent]] = None) -> Parent:
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
