"""Runs over many documents: the inputs, the jobs, the runner every command goes through, and
``run``, the batch over worker processes (``vnplan batch`` is a thin layer over it).

    from extractor.batch import collect, run
    summary = run(collect(["submissions/", "listing.csv"]), "out/", check=True, jobs=2)
    assert summary.inputs == summary.records + summary.errors + summary.skipped

Modules, one job each: ``inputs`` (arguments → inputs: files, folders, globs, ``-``, manifests),
``manifest`` (CSV/JSONL listings), ``triage`` (is a file a plan, by content), ``jobs`` (extract,
or extract and check, one input), ``runner`` (``iterate`` in this process, error lines, exit
codes), ``tasks`` (what an engine is sent and gives back), ``limits`` (time and memory per
document), ``worker``/``workers`` (isolated worker processes, the local engine), ``dask_engine``,
``engine`` (the interface both meet), ``store`` (atomic writes, the journal, resuming),
``summary``/``rollup``/``tables`` (rows, alignment views, the CSV and XLSX tables), ``progress``,
``orchestrator`` (``run``).

The output folder of a batch (``--out DIR``), a contract with its readers (the search index):

    records.jsonl           one line per input that gave a record or an error record, appended as
                            each finishes: exactly ``outputs.to_jsonl(record)``, a PlanRecord or an
                            ErrorRecord (``record_type`` says which), keyed by its content hash
                            (``provenance.sha256`` / ``sha256``); never a torn or doubled line
    records/<name>.json     the same record alone (the same text as its line); <name> is the input's
                            path relative to the folder the inputs share (``a/000.pdf``)
    reports.jsonl           with --check: one ``to_jsonl(CheckReport)`` line per checked plan,
                            joined to its record by ``sha256``
    reports/<name>.check.json, reports/<name>.check.html (with --html)
    summary.csv, summary.xlsx   one row per input (skipped and error ones too): file, status, error,
                            doc type, number, issuer, level, date, parent, counts of targets,
                            references and bodies, findings by severity, alignment verdicts (with
                            --check), OCR share and mean confidence, pages, seconds, hash, path, and
                            the manifest's columns; the workbook has the alignment sheets too
    errors.csv, skipped.csv     the inputs that gave error records, and those that were no plans
    alignment.csv           with --check: one row per checked plan, one column per parent target
    alignment_rollup.csv    with --check: one row per parent target (carried, met, below, missing,
                            min / median / max, issuers below)
    run.json                vnplan version, parameters, start and end, counts, every input's hash
    journal.jsonl           the resume state (one entry per finished input); internal
"""

from typing import TYPE_CHECKING

from .inputs import Input, collect
from .jobs import Extract, ExtractAndCheck, JobSpec, load_parent_arg
from .limits import Limits
from .manifest import ManifestError
from .runner import EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, Outcome, Tally, error_line, iterate, skip_line

if TYPE_CHECKING:  # the lazy names below, for the type checker
    from .orchestrator import BatchError, BatchSummary, run, stop_on_signals
    from .workers import EngineError

_BATCH = {"BatchError": "orchestrator", "BatchSummary": "orchestrator", "run": "orchestrator",
          "stop_on_signals": "orchestrator", "EngineError": "workers"}


def __getattr__(name: str):
    """The batch over worker processes, imported on first use: ``vnplan extract`` does not need it."""
    if name in _BATCH:
        from importlib import import_module

        return getattr(import_module(f".{_BATCH[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["EXIT_FAILED", "EXIT_INTERRUPTED", "EXIT_OK", "EXIT_USAGE", "BatchError", "BatchSummary", "EngineError",
           "Extract", "ExtractAndCheck", "Input", "JobSpec", "Limits", "ManifestError", "Outcome", "Tally", "collect",
           "error_line", "iterate", "load_parent_arg", "run", "skip_line", "stop_on_signals"]
