"""What an engine is sent for one input (``Task``) and what it gives back (``Finished``): the record
and the check report already serialised where they were made, the summary row and the alignment
cells, so that the one process that writes the outputs only writes.

A document that never finishes in its worker still gets a ``Finished``, from ``failure``: an
error record with the isolation's code, ``timeout``, ``memory_limit`` or ``worker_crashed``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from ..outputs import to_html, to_jsonl
from ..readers.printable import printable_name
from ..records import ErrorRecord, PlanRecord
from .inputs import Input
from .runner import Outcome
from .summary import Cell, Row, cells_of, row_of

ISOLATION_ERRORS = ("timeout", "memory_limit", "worker_crashed")


@dataclass(frozen=True)
class Task:
    input: Input
    sha256: str | None
    timeout: float  # seconds the document may take


@dataclass
class Finished:
    """A processed input, ready to be written."""

    name: str
    sha256: str | None
    row: Row
    record: str  # the record's (or error record's) JSON line: records.jsonl, records/<name>.json
    report: str | None = None  # the check report's JSON line, when checked
    html: str | None = None  # the HTML report, with --html
    cells: list[Cell] = field(default_factory=list)
    peak_rss_mb: float = 0.0  # of the worker that made it

    @property
    def failed(self) -> bool:
        return self.row.status == "error"


def finish(outcome: Outcome, seconds: float, html: bool = False) -> Finished:
    """A done outcome, serialised."""
    record, report = outcome.record, outcome.report
    sha = record.sha256 if isinstance(record, ErrorRecord) else record.provenance.sha256
    return Finished(
        name=outcome.input.name, sha256=sha, row=row_of(outcome, seconds), record=to_jsonl(record),
        report=to_jsonl(report) if report is not None else None,
        html=(to_html(record, report, outcome.source_text or "")
              if html and report is not None and isinstance(record, PlanRecord) else None),
        cells=cells_of(report))


def failure(task: Task, error: str, reason: str, seconds: float) -> Finished:
    """The error record of a task its worker did not finish."""
    item = task.input
    document = printable_name(os.path.basename(item.path))
    record = ErrorRecord(document=document, path=item.shown, error=error, reason=f"{document}: {reason}",
                         sha256=task.sha256, submission=dict(item.submission))
    return finish(Outcome(item, record), seconds)
