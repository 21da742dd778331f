"""How a batch shows it is moving: a progress bar on a terminal (rich: documents done, documents/s,
pages/s, errors, time left), else (``--quiet``, or standard error not a terminal) log lines: each
error as it happens and a status line every ``LOG_SECONDS``."""

from __future__ import annotations

import sys
import time
from typing import TextIO

from .tasks import Finished

LOG_SECONDS = 10.0


class Progress:
    """Counts and rates; shows nothing (the Python API's default). Subclasses show them."""

    def __init__(self) -> None:
        self.total = self.done = self.pages = self.errors = 0
        self.began = time.monotonic()

    def start(self, total: int) -> None:
        """``total`` documents are about to be processed."""
        self.total, self.began = total, time.monotonic()

    def update(self, finished: Finished) -> None:
        self.done += 1
        self.pages += finished.row.pages or 0
        self.errors += finished.failed

    def note(self, line: str) -> None:
        """A line to show above the progress (an error record's)."""

    def close(self) -> None:
        """The batch is over."""

    def status(self) -> str:
        seconds = max(time.monotonic() - self.began, 1e-9)
        return (f"{self.done / seconds:.1f} documents/s, {self.pages / seconds:.1f} pages/s, "
                f"{self.errors} error{'s' * (self.errors != 1)}")


class LogProgress(Progress):
    def __init__(self, stream: TextIO):
        super().__init__()
        self.stream, self.logged = stream, time.monotonic()

    def update(self, finished: Finished) -> None:
        super().update(finished)
        if time.monotonic() - self.logged >= LOG_SECONDS:
            self._log()

    def note(self, line: str) -> None:
        print(line, file=self.stream, flush=True)

    def close(self) -> None:
        self._log()

    def _log(self) -> None:
        self.logged = time.monotonic()
        left = self.total - self.done
        rate = self.done / max(self.logged - self.began, 1e-9)
        eta = f", about {left / rate:.0f} s left" if rate and left else ""
        print(f"vnplan batch: {self.done}/{self.total} documents, {self.status()}{eta}", file=self.stream, flush=True)


class BarProgress(Progress):
    def __init__(self, stream: TextIO):
        super().__init__()
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            TextColumn,
            TimeRemainingColumn,
        )
        from rich.progress import Progress as Bar

        self.bar = Bar(TextColumn("vnplan batch"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[status]}"),
                       TextColumn("ETA"), TimeRemainingColumn(), console=Console(file=stream))
        self.task = self.bar.add_task("", total=None, status="")

    def start(self, total: int) -> None:
        super().start(total)
        self.bar.update(self.task, total=total)
        self.bar.start()

    def update(self, finished: Finished) -> None:
        super().update(finished)
        self.bar.update(self.task, advance=1, status=self.status())

    def note(self, line: str) -> None:
        self.bar.console.print(line, markup=False, highlight=False, soft_wrap=True)

    def close(self) -> None:
        self.bar.stop()


def make_progress(quiet: bool, stream: TextIO | None = None) -> Progress:
    """A bar on a terminal unless ``quiet``; log lines otherwise."""
    stream = stream or sys.stderr
    return LogProgress(stream) if quiet or not stream.isatty() else BarProgress(stream)
