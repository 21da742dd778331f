"""The batch at scale: a corpus of >= 1,000 submissions through ``vnplan batch --jobs 2 --check``, and what a
batch costs: text plans per second with 1 and 2 workers (scaling efficiency) and on Dask, the
cold start for one plan, the peak memory of a worker.

    .venv/bin/python benchmarks/batch.py [--offices 18] [--copies 12] [--repeat 3] [--keep DIR]

The corpus (``tests/batch_corpus.py``): the seed, held-out and (where present) shared dev plans as
TXT in every office folder, as DOCX in every other one and as text-layer PDF in two, so that stems
repeat across folders and kinds; about 5 % broken files (empty, binary, truncated PDF,
password-protected PDF, a zip-bomb DOCX, and ``hang.txt``, which hangs its worker because the
benchmark sets ``VNPLAN_FAULTS=hang.txt=hang``, a hook the worker honours for tests and
benchmarks only); a README and a logo, which are skipped. The rates are wall-clock documents/s
between the first and the last document a run finishes (worker start-up left out; it is the cold
start's figure), the best of ``--repeat`` interleaved runs: this machine is shared, and its load
(printed) only ever takes speed away.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from batch_corpus import ALL_KINDS, DEV_DOCS, HANG_FAULT, HELDOUT, SEEDS, make_corpus

from extractor.batch import collect, run
from extractor.batch.limits import Limits
from extractor.batch.progress import Progress
from extractor.batch.worker import FAULTS_ENV

VNPLAN = Path(sys.executable).with_name("vnplan")
BROKEN_SHARE = 0.05


class Clock(Progress):
    """When each document finished."""

    def start(self, total: int) -> None:
        super().start(total)
        self.times: list[float] = []

    def update(self, finished) -> None:
        super().update(finished)
        self.times.append(time.monotonic())

    def rate(self) -> float:
        return (len(self.times) - 1) / (self.times[-1] - self.times[0]) if len(self.times) > 1 else 0.0


def text_rate(folder: Path, out: Path, **engine) -> tuple[float, float]:
    """Documents/s between the first and the last finished text plan, and the peak worker RSS (MiB)."""
    clock = Clock()
    shutil.rmtree(out, ignore_errors=True)
    summary = run(collect([folder]), out, progress=clock, **engine)
    assert summary.errors == 0 and summary.records == len(clock.times)
    return clock.rate(), summary.peak_worker_rss_mb


def cold_start(seed: Path, work: Path) -> tuple[float, float, float]:
    """Seconds: ``import extractor.cli``, ``vnplan extract <seed>`` and ``vnplan batch <seed>`` (best of 3)."""
    def best(command: list[str]) -> float:
        times = []
        for _ in range(3):
            began = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True, cwd=work)
            times.append(time.perf_counter() - began)
        return min(times)

    return (best([sys.executable, "-c", "import extractor.cli"]), best([str(VNPLAN), "extract", str(seed)]),
            best([str(VNPLAN), "batch", str(seed), "--out", str(work / "one"), "--jobs", "1", "--force", "--quiet"]))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--offices", type=int, default=18, help="office folders of the full corpus")
    ap.add_argument("--copies", type=int, default=12, help="copies of each text plan for the rates")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each rate (the best is printed)")
    ap.add_argument("--timeout", type=float, default=30, help="--timeout of the full run (the hanging plan waits it)")
    ap.add_argument("--keep", type=Path, help="build the corpus and the outputs here and keep them")
    args = ap.parse_args()
    texts = SEEDS + HELDOUT + DEV_DOCS
    work = args.keep or Path(tempfile.mkdtemp(prefix="vnplan-batch-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        offices = [ALL_KINDS if k < 2 else ("txt", "docx") if k % 2 else ("txt",) for k in range(args.offices)]
        plans = sum(len(kinds) for kinds in offices) * len(texts)
        corpus = make_corpus(work / "submissions", texts, offices, broken=round(BROKEN_SHARE * plans / 4),
                             bomb=True, hang=True)
        print(f"corpus: {corpus.inputs} inputs ({len(corpus.plans)} plans from {len(texts)} texts, "
              f"{len(corpus.broken)} broken = {len(corpus.broken) / corpus.inputs:.1%}, {len(corpus.not_plans)} no plans)"
              f"; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")

        began = time.monotonic()
        run = subprocess.run([str(VNPLAN), "batch", str(corpus.root), "--out", str(work / "out"), "--jobs", "2",
                              "--check", "--timeout", str(args.timeout), "--quiet"], check=False,
                             env={**os.environ, FAULTS_ENV: HANG_FAULT},
                             capture_output=True, text=True)
        seconds = time.monotonic() - began
        counts = json.loads((work / "out" / "run.json").read_text("utf-8"))
        c = counts["counts"]
        assert c["inputs"] == corpus.inputs == c["records"] + c["errors"] + c["skipped"], c
        with open(work / "out" / "errors.csv", encoding="utf-8", newline="") as handle:
            errors = Counter(row["error"] for row in csv.DictReader(handle))
        print(f"vnplan batch --jobs 2 --check: {c['inputs']} inputs = {c['records']} records + {c['errors']} errors + "
              f"{c['skipped']} skipped in {seconds:.1f} s (exit {run.returncode}); errors: "
              f"{', '.join(f'{k} {v}' for k, v in sorted(errors.items()))}; peak worker RSS "
              f"{counts['peak_worker_rss_mb']:.0f} MiB")

        text_folder = work / "texts"
        for k in range(args.copies):
            (text_folder / f"{k:02d}").mkdir(parents=True, exist_ok=True)
            for text in texts:
                shutil.copy(text, text_folder / f"{k:02d}" / text.name)
        n = args.copies * len(texts)
        runs: dict[str, list[tuple[float, float]]] = {"1": [], "2": [], "dask": []}
        for _ in range(args.repeat):  # interleaved, so that the machine's bursts weigh on each alike
            runs["1"].append(text_rate(text_folder, work / "t1", jobs=1))
            runs["2"].append(text_rate(text_folder, work / "t2", jobs=2))
            runs["dask"].append(text_rate(text_folder, work / "t3", jobs=2, engine="dask"))
        one, two, dask = (max(rate for rate, _ in runs[k]) for k in ("1", "2", "dask"))
        print(f"text plans ({n}), documents/s, best of {args.repeat}: 1 worker {one:.1f}, 2 workers {two:.1f} "
              f"(scaling efficiency {two / (2 * one):.2f}), Dask with 2 local workers {dask:.1f}; peak worker RSS "
              f"{max(rss for r in runs.values() for _, rss in r):.0f} MiB; load average {os.getloadavg()[0]:.1f}")

        imports, extract, batch = cold_start(SEEDS[0], work)
        print(f"cold start, one plan: import extractor.cli {imports:.2f} s, vnplan extract {extract:.2f} s, "
              f"vnplan batch --jobs 1 {batch:.2f} s (a worker's start and warm-up included)")
        print(f"limits: {Limits()}")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
