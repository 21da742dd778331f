"""The Dask engine: the same tasks on a Dask cluster (``pip install 'vnplan[dask]'``).

Each task runs on a Dask worker through ``run_isolated``: in a worker process of that Dask
worker thread's own, with the same time and memory limits as on this machine, so a document that
hangs or crashes costs its own worker process, not the Dask worker. A task lost with its Dask
worker (the machine gone, the worker killed) is retried by the scheduler on another worker, up to
``distributed.scheduler.allowed-failures`` times, then recorded as ``worker_crashed``.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator

from .jobs import JobSpec
from .limits import Limits
from .tasks import Finished, Task, failure
from .workers import POLL_SECONDS, EngineError, run_isolated

RETRIES = 1  # a task whose function raised (a worker process that did not start) is tried once more


class DaskEngine:
    """Documents on the Dask cluster whose scheduler is at ``scheduler`` (``tcp://host:8786``), or
    without one on a cluster of ``jobs`` one-thread worker processes of this machine, made for the run."""

    def __init__(self, spec: JobSpec, limits: Limits, scheduler: str | None = None, jobs: int | None = None):
        try:
            from distributed import Client, LocalCluster
        except ImportError as error:
            raise EngineError(f"the dask engine needs Dask: pip install 'vnplan[dask]' ({error})") from error
        self.spec, self.limits = spec, limits
        self.cluster = None if scheduler else LocalCluster(n_workers=jobs or os.cpu_count() or 1, threads_per_worker=1,
                                                           processes=True, dashboard_address=None)
        try:
            self.client = Client(scheduler or self.cluster)
        except OSError as error:  # no scheduler there, or it did not answer in time
            raise EngineError(f"cannot reach the Dask scheduler at {scheduler}: {error}") from error
        self.futures: dict = {}

    def submit(self, task: Task) -> None:
        future = self.client.submit(run_isolated, self.spec, self.limits, task, pure=False, retries=RETRIES,
                                    key=f"vnplan-{task.input.name}-{task.sha256}-{time.monotonic_ns()}")
        self.futures[future] = task

    def results(self, stop: threading.Event) -> Iterator[Finished]:
        from distributed import as_completed

        done = as_completed(list(self.futures), with_results=True, raise_errors=False)  # gathered in the background
        while not done.is_empty() and not stop.is_set():
            if not done.has_ready():
                time.sleep(POLL_SECONDS / 5)
                continue
            for future, result in done.next_batch(block=False):
                task = self.futures.pop(future)
                future.release()
                yield self._finished(result, task)

    def close(self) -> None:
        if self.futures:
            self.client.cancel(list(self.futures))
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()

    @staticmethod
    def _finished(result: Finished | BaseException, task: Task) -> Finished:
        """The task's ``Finished``, or its error record when it was lost with its workers or its function raised."""
        if isinstance(result, BaseException):
            return failure(task, "worker_crashed", f"lost on the Dask cluster: {type(result).__name__}: {result}", 0.0)
        return result
