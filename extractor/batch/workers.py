"""Worker processes with isolation, and the local engine: a pool of them on this machine.

A ``WorkerProcess`` is one ``python -m extractor.batch.worker``: it runs one document at a time
under the memory limit; a document that overruns its time is killed with its worker, a worker that
dies takes only its document with it. Either way the document becomes an error record
(``timeout``, ``worker_crashed``, ``memory_limit``) and the next one gets a fresh worker.
Workers run in their own session (Ctrl-C reaches the batch alone, which stops them) with one
thread each for OpenMP, BLAS and Tesseract (``OMP_THREAD_LIMIT=1``): one worker per core.

``LocalEngine`` keeps ``jobs`` workers busy; ``run_isolated`` runs one task in a worker of the
calling thread's own, for engines whose own workers call it (Dask).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import deque
from collections.abc import Iterator
from multiprocessing.connection import Connection, wait

from .jobs import JobSpec
from .limits import Limits
from .tasks import Finished, Task, failure
from .worker import EXIT_OUT_OF_MEMORY, READY

START_SECONDS = 120.0  # a worker that is not ready by then does not start
START_ATTEMPTS = 3  # workers that died before they were ready, in a row, before the engine gives up
POLL_SECONDS = 0.25
PREFETCH = 2  # tasks a worker holds: the one it runs and the next
THREAD_ENV = dict.fromkeys(("OMP_THREAD_LIMIT", "OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"), "1")


class EngineError(RuntimeError):
    """An engine that cannot run documents at all (its workers do not start)."""


class WorkerProcess:
    """One worker process and the tasks sent to it: the first runs, the next waits in the pipe (so the
    worker never waits for the batch between two documents); the first's time runs from when it began."""

    def __init__(self, spec: JobSpec, limits: Limits):
        self.spec, self.limits = spec, limits
        to_child, from_parent = os.pipe()
        to_parent, from_child = os.pipe()
        self.stderr = tempfile.TemporaryFile()  # noqa: SIM115 - closed by kill()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "extractor.batch.worker", str(to_child), str(from_child)],
            pass_fds=(to_child, from_child), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=self.stderr, env={**os.environ, **THREAD_ENV}, start_new_session=True)
        os.close(to_child)
        os.close(from_child)
        self.tasks = Connection(from_parent, readable=False)
        self.results = Connection(to_parent, writable=False)
        self.ready = self.dead = False
        self.assigned: deque[Task] = deque()
        self.unstarted: list[Task] = []  # once dead: the tasks it never began, to be run elsewhere
        self.began = time.monotonic()  # of the first assigned task (or of the process, until ready)
        self.tasks.send((spec, limits))

    def can_take(self) -> bool:
        return self.ready and not self.dead and len(self.assigned) < PREFETCH

    def assign(self, task: Task) -> bool:
        """Send ``task``; False when the worker is gone (it exits after running out of memory)."""
        try:
            self.tasks.send(task)
        except OSError:
            self.kill()
            return False
        if not self.assigned:
            self.began = time.monotonic()
        self.assigned.append(task)
        return True

    def poll(self, readable: bool) -> Finished | None:
        """What the worker has to say: its first task finished (or its error record, when the worker
        died or the task overran its time), or None. Raises EngineError when it died before it was ready."""
        if readable:
            try:
                message = self.results.recv()
            except (EOFError, OSError):
                return self._died()
            if message == READY:
                self.ready = True
                return None
            self.assigned.popleft()
            self.began = time.monotonic()
            return message
        now = time.monotonic()
        if self.assigned and now > self.began + self.assigned[0].timeout:
            task = self.assigned.popleft()
            self.kill()
            return failure(task, "timeout", f"took more than {task.timeout:g} s; stopped", now - self.began)
        if not self.ready and now - self.began > START_SECONDS:
            self.kill()
            raise EngineError(f"a worker was not ready after {START_SECONDS:g} s{self._last_words()}")
        return None

    def kill(self) -> None:
        if not self.dead:
            self.dead, self.unstarted = True, list(self.assigned)
            self.assigned.clear()
            self.proc.kill()
            self.proc.wait()
            self.tasks.close()
            self.results.close()
            self.stderr.close()

    def _died(self) -> Finished | None:
        code, words, seconds = self.proc.wait(), self._last_words(), time.monotonic() - self.began
        running = self.assigned.popleft() if self.assigned and code != EXIT_OUT_OF_MEMORY else None
        self.kill()
        if not self.ready:
            raise EngineError(f"a worker died before it was ready ({_exit_status(code)}){words}")
        if running is None:  # it exits after reporting a document that ran it out of memory
            return None
        return failure(running, "worker_crashed", f"its worker died ({_exit_status(code)}){words}", seconds)

    def _last_words(self) -> str:
        self.stderr.seek(0)
        lines = self.stderr.read().decode("utf-8", "replace").strip().splitlines()
        return f"; it said: {' | '.join(lines[-3:])}" if lines else ""


def _exit_status(code: int) -> str:
    if code >= 0:
        return f"exit code {code}"
    try:
        return f"killed by {signal.Signals(-code).name}"
    except ValueError:  # a signal the enumeration does not name
        return f"killed by signal {-code}"


class LocalEngine:
    """Documents on ``jobs`` worker processes of this machine."""

    def __init__(self, spec: JobSpec, limits: Limits, jobs: int):
        self.spec, self.limits, self.jobs = spec, limits, max(1, jobs)
        self.queue: deque[Task] = deque()
        self.workers: list[WorkerProcess] = []

    def submit(self, task: Task) -> None:
        self.queue.append(task)

    def results(self, stop: threading.Event) -> Iterator[Finished]:
        """Every submitted task's ``Finished``, as they finish, until all are or ``stop`` is set."""
        self.workers = [WorkerProcess(self.spec, self.limits) for _ in range(min(self.jobs, len(self.queue)))]
        failed_starts = 0
        while (self.queue or any(w.assigned for w in self.workers)) and not stop.is_set():
            for w in self.workers:
                while self.queue and w.can_take() and w.assign(self.queue[0]):
                    self.queue.popleft()
            readable = wait([w.results for w in self.workers if not w.dead], timeout=POLL_SECONDS)
            for i, w in enumerate(self.workers):
                try:
                    finished = None if w.dead else w.poll(w.results in readable)
                except EngineError:
                    failed_starts += 1
                    if failed_starts >= START_ATTEMPTS:
                        raise
                    finished = None
                if finished is not None:
                    failed_starts = 0
                    yield finished
                if w.dead:
                    self.queue.extendleft(reversed(w.unstarted))
                    w.unstarted = []
                    if self.queue:
                        self.workers[i] = WorkerProcess(self.spec, self.limits)

    def close(self) -> None:
        for w in self.workers:
            w.kill()
        self.workers = []


_own = threading.local()


def run_isolated(spec: JobSpec, limits: Limits, task: Task) -> Finished:
    """``task`` in a worker process of the calling thread's own (made on first use, replaced after it
    died), waiting for it: for engines whose workers are threads of another system (Dask). Raises
    EngineError when the worker does not start."""
    worker: WorkerProcess | None = getattr(_own, "worker", None)
    if worker is None or worker.dead or (worker.spec, worker.limits) != (spec, limits):
        if worker is not None:
            worker.kill()
        worker = _own.worker = WorkerProcess(spec, limits)
    while not worker.ready:
        worker.poll(worker.results.poll(POLL_SECONDS))
    if not worker.assign(task):
        return run_isolated(spec, limits, task)
    while True:
        finished = worker.poll(worker.results.poll(POLL_SECONDS))
        if finished is not None:
            return finished
        if worker.dead:  # it exited before it began the task (after running out of memory)
            return run_isolated(spec, limits, task)
