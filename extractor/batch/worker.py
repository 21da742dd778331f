"""A worker process: documents one at a time, in isolation from the batch that runs it.

    python -m extractor.batch.worker READ_FD WRITE_FD

It reads the job and the limits from READ_FD, caps its address space (``RLIMIT_AS``), makes the
job once, runs it on a small constructed plan (``extractor/data/warmup.txt``: whatever the
pipeline loads on first use, scikit-learn and underthesea among them, is loaded before any
document's clock starts) and says ``READY`` on WRITE_FD; then for each ``Task`` it reads it sends back a
``Finished``. It dies with the process that started it (Linux), and exits after a document ran it
out of memory, so that the next document gets a fresh worker. Its standard error holds what the
current document printed, for the reason of a crash.

``$VNPLAN_FAULTS`` makes named files misbehave, for the tests and the benchmark only:
``hang.txt=hang,crash.docx=crash,hog.pdf=memory`` makes the worker sleep forever on a file named
``hang.txt``, exit at once on ``crash.docx`` and allocate memory without end on ``hog.pdf``.
"""

from __future__ import annotations

import faulthandler
import os
import resource
import signal
import sys
import time
from multiprocessing.connection import Connection

from ..resources import DATA_DIR
from ..runtime import batch_gc, collect_after
from .inputs import Input
from .jobs import JobSpec
from .limits import Limits
from .runner import Job, input_kind
from .tasks import Finished, Task, failure, finish

READY = "ready"
EXIT_OUT_OF_MEMORY = 86  # the worker's exit code after it reported a document that ran it out of memory
FAULTS_ENV = "VNPLAN_FAULTS"
WARM_UP_PLAN = DATA_DIR / "warmup.txt"


def main(argv: list[str]) -> int:
    tasks, results = Connection(int(argv[0]), writable=False), Connection(int(argv[1]), readable=False)
    _die_with_parent()
    faulthandler.enable()
    spec, limits = tasks.recv()
    memory = limits.memory_mb << 20
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    job = spec.make()
    job(Input(str(WARM_UP_PLAN), WARM_UP_PLAN.name))
    faults = _faults(os.environ.get(FAULTS_ENV, ""))
    results.send(READY)
    with batch_gc():
        while True:
            try:
                task = tasks.recv()
            except EOFError:  # the batch is done, or gone
                return 0
            _clear_stderr()
            finished = _run(job, spec, limits, task, faults.get(os.path.basename(task.input.path)))
            results.send(finished)
            if finished.row.error == "memory_limit":
                return EXIT_OUT_OF_MEMORY


def _run(job: Job, spec: JobSpec, limits: Limits, task: Task, fault: str | None) -> Finished:
    start = time.perf_counter()
    try:
        if fault:
            _misbehave(fault)
        outcome = job(task.input)
        finished = finish(outcome, time.perf_counter() - start, spec.html)
        collect_after(input_kind(outcome))
        if finished.failed and finished.row.error == "internal_error" and "MemoryError" in finished.row.reason:
            raise MemoryError  # caught by the pipeline as an internal error: it is the limit's doing
    except MemoryError:
        finished = failure(task, "memory_limit", f"ran out of memory (the limit is {limits.memory_mb} MB a worker)",
                           time.perf_counter() - start)
    except Exception as error:
        finished = failure(task, "internal_error", f"{type(error).__name__}: {error}", time.perf_counter() - start)
    finished.peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return finished


def _misbehave(fault: str) -> None:
    if fault == "hang":
        time.sleep(10**6)
    elif fault == "crash":
        os._exit(70)
    elif fault == "memory":
        hog = []
        while True:
            hog.append(bytes(64 << 20))  # address space, not resident memory


def _faults(spec: str) -> dict[str, str]:
    pairs = (item.split("=", 1) for item in spec.split(",") if "=" in item)
    return {name.strip(): action.strip() for name, action in pairs}


def _die_with_parent() -> None:
    """Linux: the kernel kills this process when the batch that started it dies, even by ``kill -9``."""
    if sys.platform.startswith("linux"):
        import ctypes

        PR_SET_PDEATHSIG = 1
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


def _clear_stderr() -> None:
    """Standard error keeps only what the current document prints (it is a file the engine reads)."""
    sys.stderr.flush()
    try:
        os.ftruncate(2, 0)
        os.lseek(2, 0, os.SEEK_SET)
    except OSError:  # not a file
        pass


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
