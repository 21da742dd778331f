"""The runner every command goes through: inputs in, one outcome per processed input out.

``iterate(inputs, job)`` calls ``job`` on each input in turn, in this process, prints one line per
document that could not be read (``error_line``) and one per input skipped as no plan
(``skip_line``), and yields every outcome, error records included, so the caller writes them.
``Tally`` counts them and gives the command's exit code: 0 when every plan gave a record, 1 when
some gave an error record, 2 (``EXIT_USAGE``) for a command that could not start (no input, a bad
option), 130 (``EXIT_INTERRUPTED``) for a batch stopped by Ctrl-C or SIGTERM. ``run`` (in
``orchestrator``) is the same over worker processes, with outputs on disk.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TextIO

from ..records import CheckReport, ErrorRecord, Result
from ..runtime import batch_gc, collect_after
from .inputs import Input

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


@dataclass
class Outcome:
    """What one input gave: its record (or error record), its check report when checked, and
    the source text when a writer needs it (the HTML report shows the plan's text)."""

    input: Input
    record: Result
    report: CheckReport | None = None
    source_text: str | None = None

    @property
    def failed(self) -> bool:
        return isinstance(self.record, ErrorRecord)


Job = Callable[[Input], Outcome]


def error_line(document: str, error: str, reason: str) -> str:
    """The line a command prints for a document it could not read."""
    return f"vnplan: {document}: {error}: {reason}"


def skip_line(item: Input) -> str:
    """The line a command prints for an input it does not process."""
    return f"vnplan: {item.name}: skipped: {item.skip}"


@dataclass
class Tally:
    """How many inputs gave records, how many error records, how many were skipped."""

    done: int = 0
    failed: int = 0
    skipped: int = 0
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


def iterate(inputs: Iterable[Input], job: Job, tally: Tally | None = None,
            errors: TextIO | None = None) -> Iterator[Outcome]:
    """``job`` on every input that is not skipped, in order, with the collector tuned for a batch;
    each error record's and each skipped input's line goes to ``errors`` (standard error by
    default) as it happens."""
    tally = tally if tally is not None else Tally()
    with batch_gc():
        for item in inputs:
            if item.skip:
                tally.skipped += 1
                print(skip_line(item), file=errors or sys.stderr)
                continue
            outcome = job(item)
            collect_after(input_kind(outcome))
            tally.add(outcome)
            if isinstance(outcome.record, ErrorRecord):
                r = outcome.record
                print(error_line(r.document, r.error, r.reason), file=errors or sys.stderr)
            yield outcome


def input_kind(outcome: Outcome) -> str | None:
    """The kind the input was read as (txt, md, pdf, docx, image), or None when it could not be read."""
    record = outcome.record
    return None if isinstance(record, ErrorRecord) else record.provenance.kind
