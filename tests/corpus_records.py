"""The real corpus as (record, report) pairs, and batch output folders made from them, for the
index tests and the benchmark (until ``vnplan batch`` writes such folders itself)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from extractor.batch import ExtractAndCheck, collect, run
from extractor.outputs import to_jsonl
from extractor.records import CheckReport, PlanRecord

ROOT = Path(__file__).resolve().parent.parent
# shared/ lies beside the checkout (CI's clone, the main checkout) or at /work (a worktree)
SHARED_DOCS = next((p for p in (ROOT.parent / "shared" / "dev" / "docs", Path("/work/shared/dev/docs"))
                    if p.is_dir()), None)
PLAN_FOLDERS = (ROOT / "corpus" / "plans", ROOT / "corpus" / "heldout" / "plans", *([SHARED_DOCS] if SHARED_DOCS else []))

Pair = tuple[PlanRecord, CheckReport | None]


@lru_cache(maxsize=1)
def corpus_pairs() -> tuple[Pair, ...]:
    """Every plan of the corpus folders, extracted and checked."""
    inputs = collect(PLAN_FOLDERS)
    return tuple((o.record, o.report) for o in run(inputs, ExtractAndCheck()) if isinstance(o.record, PlanRecord))


def write_batch(folder: Path, pairs: tuple[Pair, ...] | list[Pair]) -> Path:
    """A batch output folder: ``records.jsonl`` and ``reports.jsonl``."""
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "records.jsonl", "w", encoding="utf-8") as records, \
            open(folder / "reports.jsonl", "w", encoding="utf-8") as reports:
        for record, report in pairs:
            records.write(to_jsonl(record))
            if report is not None:
                reports.write(to_jsonl(report))
    return folder
