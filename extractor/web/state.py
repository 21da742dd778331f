"""What every request of the app shares: its settings (what ``vnplan serve`` is given), the upload
folder, the runner's jobs (made once: the parents and the registry are read once), the plans it
knows, and the index, opened per request."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Optional

from fastapi import Request
from fastapi.responses import HTMLResponse

from ..batch import Extract, ExtractAndCheck, load_parent_arg
from ..batch.runner import Job
from ..check import ParentError
from ..index import Index, IndexUnavailable, open_index
from .plans import Library, Plan, PlanStore, Refusal, checked

DEFAULT_MAX_UPLOAD = 20 * 2**20


@dataclass
class Settings:
    """What ``vnplan serve`` is given."""

    index: Optional[str] = None  # a SQLite file or a server URL (``open_index``)
    uploads: Path = Path("vnplan-uploads")
    batch: Optional[Path] = None  # the batch output folder shown at /batch
    batch_root: Optional[Path] = None  # folders under it may be opened at /batch?dir=
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD


class State:
    """What every request shares."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.store = PlanStore(settings.uploads)
        self.check_job = ExtractAndCheck(keep_source=True)
        self.extract_job = Extract()
        self.library = Library(self.store, self.check_job)
        if settings.batch is not None:
            self.library.know_batch(settings.batch.resolve())

    def job_with_parent(self, number: Optional[str]) -> ExtractAndCheck:
        """The check job, its parent fixed to the curated parent numbered ``number`` (never a file
        of this machine: a client names numbers only)."""
        if not number:
            return self.check_job
        try:
            if Path(number).exists():
                raise ParentError(f"{number}: give the number of a known parent programme")
            job = copy.copy(self.check_job)
            job.parent = load_parent_arg(number, self.check_job.parents)
        except (ParentError, ValueError, OSError) as e:
            raise Refusal("unknown_parent", str(e)) from e
        return job

    def take(self, stream: BinaryIO, filename: Optional[str], job: Job, keep: bool) -> Plan:
        """An upload read, extracted and checked by ``job``; with ``keep`` kept and indexed (so search
        finds it), otherwise let go. Refusal when it is over the limit or gives no plan."""
        path = self.store.receive(stream, filename, self.settings.max_upload_bytes)
        try:
            plan = checked(job, path, path.name)
        except Refusal:
            self.store.discard(path)
            raise
        if not keep:
            self.store.discard(path)
            return plan
        self.store.keep(plan)
        with self.index() as index:
            index.add(plan.record, plan.report)
        return plan

    @contextmanager
    def index(self) -> Iterator[Index]:
        """The index, open for one request."""
        try:
            index = open_index(self.settings.index)
            try:
                yield index
            finally:
                index.close()
        except IndexUnavailable as e:
            raise Refusal("index_unavailable", str(e)) from e


def html_response(request: Request, name: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    """A page rendered from its template."""
    return request.app.state.templates.TemplateResponse(request, name, context, status_code=status)


def state(request: Request) -> State:
    return request.app.state.vnplan
