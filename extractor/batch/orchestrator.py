"""``run``: many inputs into one output folder, on an engine, resumable, nothing lost.

Every input is keyed by its content hash; the inputs done already (same name, same content, same
vnplan version and parameters) are kept, the others are sent to the engine, and each finished
one is written at once (``store``). At the end the tables are remade from the journal, ``run.json``
says what ran, and the count is checked: inputs = records + error records + skipped (+ pending,
when the batch was stopped).
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from .. import __version__
from ..resources import PARENTS_DIR, REGISTRY_FILE
from .engine import Engine, make_engine
from .files import write_text
from .inputs import Input, PathArg, collect
from .jobs import JobSpec
from .limits import Limits, scan
from .progress import Progress
from .rollup import Plan
from .runner import EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK, error_line
from .store import RECORDS, Store
from .summary import Row, skipped_row
from .tables import write_tables
from .tasks import Task

RUN_FILE = "run.json"


class BatchError(RuntimeError):
    """The outputs do not account for every input (never expected: it is checked, not assumed)."""


@dataclass
class BatchSummary:
    """What a batch did; ``records + errors + skipped + pending == inputs``."""

    out: Path
    inputs: int
    records: int
    errors: int
    skipped: int
    pending: int  # not done: the batch was stopped before
    reused: int  # done by an earlier run and kept
    interrupted: bool
    seconds: float
    peak_worker_rss_mb: float

    @property
    def exit_code(self) -> int:
        return EXIT_INTERRUPTED if self.interrupted else EXIT_FAILED if self.errors else EXIT_OK

    def line(self) -> str:
        pending = f" + {self.pending} pending" if self.pending else ""
        return (f"{self.inputs} inputs = {self.records} records + {self.errors} errors + {self.skipped} skipped"
                f"{pending} ({self.reused} kept from an earlier run)")


def run(inputs: Iterable[Input | PathArg], out: PathArg, *, check: bool = False,
              parent: str | None = None, html: bool = False, engine: str = "local", jobs: int | None = None,
              scheduler: str | None = None, limits: Limits | None = None, force: bool = False,
              progress: Progress | None = None, stop: threading.Event | None = None) -> BatchSummary:
    """Process ``inputs`` (``Input``s, or paths for ``collect``) into the folder ``out``; paths in the
    outputs are absolute.

    ``check`` checks every plan against its parent (``parent``: a fixed one, as ``--parent``) and
    ``html`` adds the HTML report; ``engine`` is ``local`` (``jobs`` worker processes) or ``dask``
    (the cluster at ``scheduler``, or a local one). A rerun keeps what is done (``force`` redoes it);
    setting ``stop`` ends the batch cleanly, to be resumed. Raises ParentError for a ``parent``
    that names none, EngineError when the workers cannot start."""
    began, started = time.monotonic(), _now()
    given = list(inputs)
    named = [i for i in given if isinstance(i, Input)]
    if len(named) < len(given):
        named = collect([i.path if isinstance(i, Input) else i for i in given], exclude=out)
    items = [replace(i, path=os.path.abspath(i.path)) for i in named]  # what a worker elsewhere can open
    out, progress, stop, limits = Path(out), progress or Progress(), stop or threading.Event(), limits or Limits()
    spec = JobSpec(check=check, parent=parent, html=html and check)
    if parent:
        from .jobs import load_parent_arg

        load_parent_arg(parent)  # a usage error before any work
    scans = {i.name: scan(i.path) for i in items}
    hashes = {name: s.sha256 for name, s in scans.items()}
    store = Store(out, _fingerprint(spec), limits, checked=check)
    done = store.open({i.name: (hashes[i.name], i.submission) for i in items if not i.skip}, force)
    todo = [i for i in items if not i.skip and i.name not in done]
    parameters = {"check": check, "parent": parent, "html": spec.html, "engine": engine, "jobs": jobs,
                  "scheduler": scheduler, "force": force, **vars(limits)}
    _write_run(out, "running", started, parameters, store, items, hashes, None)
    tasks = [Task(i, hashes[i.name], limits.timeout_for(scans[i.name])) for i in todo]
    try:
        peak = _process(tasks, make_engine(engine, spec, limits, jobs, scheduler), store, progress, stop) if tasks else 0.0
    finally:
        store.close()
        progress.close()
    summary = _summary(out, items, store, len(done), stop.is_set(), time.monotonic() - began, peak)
    write_tables(out, _rows(items, store, hashes), check)
    _write_run(out, "interrupted" if summary.interrupted else "complete", started, parameters, store, items,
               hashes, summary)
    return summary


def _process(tasks: list[Task], runner: Engine, store: Store, progress: Progress, stop: threading.Event) -> float:
    """``tasks`` on ``runner``, each finished one written as it comes; the peak memory of a worker (MiB)."""
    peak = 0.0
    try:
        for task in tasks:
            runner.submit(task)
        progress.start(len(tasks))
        for finished in runner.results(stop):
            store.save(finished)
            progress.update(finished)
            peak = max(peak, finished.peak_rss_mb)
            if finished.failed:
                progress.note(error_line(finished.row.file, finished.row.error, finished.row.reason))
    finally:
        runner.close()
    return peak


@contextmanager
def stop_on_signals() -> Iterator[threading.Event]:
    """An event set by the first SIGINT (Ctrl-C) or SIGTERM while the block runs; a second one
    interrupts at once."""
    stop = threading.Event()

    def handler(signum, frame):
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()

    old = {s: signal.signal(s, handler) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield stop
    finally:
        for s, h in old.items():
            signal.signal(s, h)


def _summary(out: Path, items: list[Input], store: Store, reused: int, stopped: bool, seconds: float,
             peak: float) -> BatchSummary:
    """The counts, checked against each other and against ``records.jsonl``."""
    statuses = [e.row.status for e in store.entries.values()]
    skipped = sum(bool(i.skip) for i in items)
    records, errors = statuses.count("plan"), statuses.count("error")
    pending = len(items) - skipped - len(statuses)
    with open(out / RECORDS, "rb") as handle:
        lines = sum(1 for _ in handle)
    if lines != records + errors or pending < 0 or (pending and not stopped):
        raise BatchError(f"{len(items)} inputs, but {records} records + {errors} errors + {skipped} skipped, "
                         f"{lines} lines in {RECORDS}, {pending} not done")
    return BatchSummary(out=out, inputs=len(items), records=records, errors=errors, skipped=skipped,
                        pending=pending, reused=reused, interrupted=bool(pending), seconds=round(seconds, 3),
                        peak_worker_rss_mb=round(peak, 1))


def _rows(items: list[Input], store: Store, hashes: dict) -> list[Plan]:
    """Every input's summary row and alignment cells, in input order."""
    rows: list[Plan] = []
    for item in items:
        entry = store.entries.get(item.name)
        if item.skip:
            rows.append((skipped_row(item, hashes[item.name]), []))
        elif entry is not None:
            rows.append((entry.row, entry.cells))
        else:
            rows.append((Row(file=item.name, status="pending", path=item.shown, sha256=hashes[item.name] or "",
                             submission=dict(item.submission)), []))
    return rows


def _write_run(out: Path, status: str, started: str, parameters: dict, store: Store, items: list[Input],
               hashes: dict, summary: BatchSummary | None) -> None:
    """``run.json``: what ran, with which parameters, when, what came of it, and every input's hash."""
    counts = None
    if summary is not None:
        counts = {k: getattr(summary, k) for k in ("inputs", "records", "errors", "skipped", "pending", "reused")}
    run = {
        "vnplan": __version__, "status": status, "started": started, "ended": _now() if summary else None,
        "seconds": summary.seconds if summary else None, "parameters": parameters,
        "fingerprint": store.fingerprint, "counts": counts,
        "peak_worker_rss_mb": summary.peak_worker_rss_mb if summary else None,
        "inputs": [{"name": i.name, "path": i.shown, "sha256": hashes[i.name],
                    "status": "skipped" if i.skip else store.entries[i.name].row.status if i.name in store.entries
                    else "pending"} for i in items],
    }
    write_text(out / RUN_FILE, json.dumps(run, ensure_ascii=False, indent=2) + "\n")


def _fingerprint(spec: JobSpec) -> dict:
    """What shapes the records: vnplan's version, the job, and the data a check reads."""
    fingerprint = {"vnplan": __version__, "check": spec.check, "parent": spec.parent, "html": spec.html}
    if spec.check:
        files = [REGISTRY_FILE, *sorted(PARENTS_DIR.iterdir())]
        if spec.parent and os.path.isfile(spec.parent):
            files.append(Path(spec.parent))
        digest = hashlib.sha256()
        for path in files:
            digest.update(path.read_bytes())
        fingerprint["data_sha256"] = digest.hexdigest()
    return fingerprint


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
