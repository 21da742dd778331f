"""Engines run tasks somewhere and give back what finished, in any order: ``local`` (worker
processes on this machine) or ``dask`` (a Dask cluster). Both isolate each document the same way
and are interchangeable: the batch submits every task, then takes the results as they come."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # the CLI reads ENGINES at start-up; the rest loads with an engine
    from .jobs import JobSpec
    from .limits import Limits
    from .tasks import Finished, Task

ENGINES = ("local", "dask")


class Engine(Protocol):
    def submit(self, task: Task) -> None:
        """Queue ``task``."""

    def results(self, stop: threading.Event) -> Iterator[Finished]:
        """Each submitted task's ``Finished``, as they finish, until all are or ``stop`` is set."""

    def close(self) -> None:
        """Stop whatever still runs and let go of the workers."""


def make_engine(name: str, spec: JobSpec, limits: Limits, jobs: int | None = None,
                scheduler: str | None = None) -> Engine:
    if name == "dask":
        from .dask_engine import DaskEngine

        return DaskEngine(spec, limits, scheduler, jobs)
    if name != "local":
        raise ValueError(f"unknown engine {name!r} (choose from {', '.join(ENGINES)})")
    from .workers import LocalEngine

    return LocalEngine(spec, limits, jobs or os.cpu_count() or 1)
