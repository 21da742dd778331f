"""The one runner every command goes through: inputs in, one outcome per input out.

``run(inputs, job)`` calls ``job`` on each input in turn, prints one error line per document
that could not be read (``error_line``) and yields every outcome, error records included, so the
caller writes them. ``Tally`` counts them and gives the command's exit code: 0 when every input
gave a record, 1 when some gave an error record, 2 (``EXIT_USAGE``) for a command that could not
start (no input, a bad option).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Optional, TextIO

from ..records import CheckReport, ErrorRecord, Result
from ..runtime import batch_gc
from .inputs import Input

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


@dataclass
class Outcome:
    """What one input gave: its record (or error record), its check report when checked, and
    the source text when a writer needs it (the HTML report shows the plan's text)."""

    input: Input
    record: Result
    report: Optional[CheckReport] = None
    source_text: Optional[str] = None

    @property
    def failed(self) -> bool:
        return isinstance(self.record, ErrorRecord)


Job = Callable[[Input], Outcome]


def error_line(record: ErrorRecord) -> str:
    """The line a command prints for a document it could not read."""
    return f"vnplan: {record.document}: {record.error}: {record.reason}"


@dataclass
class Tally:
    """How many inputs gave records and how many error records."""

    done: int = 0
    failed: int = 0
    failures: list[ErrorRecord] = field(default_factory=list)

    def add(self, outcome: Outcome) -> None:
        if isinstance(outcome.record, ErrorRecord):
            self.failed += 1
            self.failures.append(outcome.record)
        else:
            self.done += 1

    @property
    def exit_code(self) -> int:
        return EXIT_FAILED if self.failed else EXIT_OK


def run(inputs: Iterable[Input], job: Job, tally: Optional[Tally] = None,
        errors: Optional[TextIO] = None) -> Iterator[Outcome]:
    """``job`` on every input, in order, with the collector tuned for a batch; each error record's
    line goes to ``errors`` (standard error by default) as it happens."""
    tally = tally if tally is not None else Tally()
    with batch_gc():
        for item in inputs:
            outcome = job(item)
            tally.add(outcome)
            if isinstance(outcome.record, ErrorRecord):
                print(error_line(outcome.record), file=errors or sys.stderr)
            yield outcome
