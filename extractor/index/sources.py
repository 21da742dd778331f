"""What ``vnplan index`` and ``vnplan export`` read, as (record, report) pairs.

An argument is a batch output folder (``records.jsonl``, and ``reports.jsonl`` when the batch
checked the plans, joined by ``sha256``), a JSON lines file of records, a JSON file holding a
record or an array of them (as ``vnplan extract`` writes), a plan file, or a folder: folders are
walked (sorted, hidden files left out), taking batch folders, record files and plan files, and
leaving out JSON that holds no record (gold annotations, parent programmes), Markdown files and
other suffixes. Plan files are extracted and checked through the one runner. Every error record,
read or made, prints its line and counts in the tally, so the command exits 1.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from pydantic import TypeAdapter

from ..batch import ExtractAndCheck, Input, Outcome, Tally, error_line, run
from ..records import CheckReport, ErrorRecord, PlanRecord, Result

# Markdown is left out of walked folders: there it is documentation (READMEs, model cards); a
# Markdown plan is indexed when named.
WALKED_PLAN_SUFFIXES = (".txt", ".pdf", ".docx", ".png", ".jpg", ".jpeg", ".tif", ".tiff")
RECORDS, REPORTS = "records.jsonl", "reports.jsonl"
Pair = tuple[PlanRecord, CheckReport | None]
_RESULT: TypeAdapter[Result] = TypeAdapter(Result)


class SourceError(Exception):
    """A record file that cannot be read: the message names the file and the cause."""


def read_sources(args: Iterable[str], tally: Tally) -> Iterator[Pair]:
    """The plan records (with their reports) that ``args`` name, record files first, then the plans
    extracted and checked; error records go to the tally and standard error, not out."""
    plans: list[Input] = []
    for arg in args:
        path = Path(arg)
        for kind, found in _walk(path, root=True):
            if kind == "plan":
                plans.append(Input(str(found), str(found.relative_to(path)) if path.is_dir() else found.name))
            else:
                try:
                    yield from _keep(_records(kind, found), tally, str(found))
                except (OSError, ValueError) as e:
                    raise SourceError(f"{found}: {str(e).strip().splitlines()[0]}") from e
    if plans:
        for outcome in run(plans, ExtractAndCheck(), tally):
            if isinstance(outcome.record, PlanRecord):
                yield outcome.record, outcome.report


def _walk(path: Path, root: bool = False) -> Iterator[tuple[str, Path]]:
    """("batch" | "jsonl" | "json" | "plan", path) for what ``path`` holds; a path given directly
    (``root``) is taken whatever its name."""
    if path.is_dir():
        if (path / RECORDS).is_file():
            yield "batch", path
            return
        for child in sorted(path.iterdir()):
            if not child.name.startswith("."):
                yield from _walk(child)
        return
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".json"):
        if root or suffix == ".jsonl" or _holds_records(path):
            yield suffix[1:], path
    elif root or suffix in WALKED_PLAN_SUFFIXES:
        yield "plan", path


def _holds_records(path: Path) -> bool:
    """Whether a JSON file found in a folder is a record or an array of records."""
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return False
    first = data[0] if isinstance(data, list) and data else data
    return isinstance(first, dict) and first.get("record_type") in ("plan", "error")


def _records(kind: str, path: Path) -> Iterator[tuple[Result, CheckReport | None]]:
    if kind == "batch":
        reports: dict[str, CheckReport] = {}
        if (path / REPORTS).is_file():
            for line in _lines(path / REPORTS):
                report = CheckReport.model_validate_json(line)
                reports[report.sha256 or report.document] = report
        for line in _lines(path / RECORDS):
            record = _RESULT.validate_json(line)
            yield record, reports.get(_identity(record) or record.document)
    elif kind == "jsonl":
        for line in _lines(path):
            yield _RESULT.validate_json(line), None
    else:
        data = json.loads(path.read_text("utf-8"))
        for item in data if isinstance(data, list) else [data]:
            yield _RESULT.validate_python(item), None


def _lines(path: Path) -> Iterator[str]:
    with open(path, encoding="utf-8") as f:
        yield from (line for line in f if line.strip())


def _identity(record: Result) -> str | None:
    return record.provenance.sha256 if isinstance(record, PlanRecord) else record.sha256


def _keep(pairs: Iterator[tuple[Result, CheckReport | None]], tally: Tally, origin: str) -> Iterator[Pair]:
    """The plan records of ``pairs``; error records are counted and their lines printed."""
    for record, report in pairs:
        tally.add(Outcome(Input(origin, record.document), record))
        if isinstance(record, ErrorRecord):
            print(error_line(record), file=sys.stderr)
        else:
            yield record, report
