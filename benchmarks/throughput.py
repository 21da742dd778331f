"""Throughput and memory of vnplan on the seed plans.

Prints documents/s for the seed texts (segmentation + metadata, and the full record),
pages/s for a text-layer PDF made from them, and the peak memory (RSS) of the process.

    .venv/bin/python benchmarks/throughput.py [--repeat N] [--pdf-repeat N]
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from extractor.fields.metadata import extract_metadata  # noqa: E402
from extractor.pipeline import build_doc, extract, record_from_doc  # noqa: E402
from extractor.readers import read  # noqa: E402


class Timer:
    """Wall-clock and CPU time of a block. vnplan is single-threaded, so CPU time is the time on one
    core whatever else the machine runs; wall time shows what a user waits on this machine now."""

    def __enter__(self) -> "Timer":
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc) -> None:
        self.wall = time.perf_counter() - self.wall
        self.cpu = time.process_time() - self.cpu


def rate(label: str, count: int, t: Timer, unit: str) -> None:
    print(f"{label:<42} {count / t.cpu:>8.1f} {unit}/s on one core (CPU)   "
          f"{count / t.wall:>8.1f} {unit}/s wall   ({count} in {t.wall:.2f} s)")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=40)
    ap.add_argument("--pdf-repeat", type=int, default=2)
    args = ap.parse_args()
    seeds = sorted((ROOT / "corpus" / "plans").glob("*.txt"))
    sources = [read(s) for s in seeds]
    for s in sources:  # warm up caches, lazy models and regex compilation
        record_from_doc(build_doc(s))

    with Timer() as t:
        for _ in range(args.repeat):
            for s in sources:
                extract_metadata(build_doc(s))
    rate("segmentation + metadata (seed texts)", args.repeat * len(sources), t, "documents")

    with Timer() as t:
        for _ in range(args.repeat):
            for s in sources:
                record_from_doc(build_doc(s))
    rate("full record, all fields (seed texts)", args.repeat * len(sources), t, "documents")

    with Timer() as t:
        for _ in range(args.repeat):
            for s in seeds:
                extract(s)
    rate("extract(path) incl. reading (seed texts)", args.repeat * len(seeds), t, "documents")

    from extractor.check.parents import find_parents
    from extractor.check.registry import load_registry
    from extractor.check.report import DEFAULT_PARENTS, check_record

    # as `vnplan check` does: the parents and the registry are read once for the batch
    parents, registry = find_parents(DEFAULT_PARENTS), load_registry()
    records = [extract(s) for s in seeds]
    with Timer() as t:
        for _ in range(max(1, args.repeat // 4)):
            for r in records:
                check_record(r, registry=registry, parents=parents)
    rate("check against the parent (782/QĐ-TTg)", max(1, args.repeat // 4) * len(records), t, "documents")

    with Timer() as t:
        for _ in range(max(1, args.repeat // 4)):
            for s in seeds:
                check_record(extract(s), registry=registry, parents=parents)
    rate("extract + check (seed texts)", max(1, args.repeat // 4) * len(seeds), t, "documents")

    from renderings import seed_to_pdf

    with tempfile.TemporaryDirectory() as tmp:
        pdfs = [seed_to_pdf(s, Path(tmp) / f"{s.stem}.pdf") for s in seeds]
        pages = sum(len(read(p).pages) for p in pdfs)
        with Timer() as t:
            for _ in range(args.pdf_repeat):
                for p in pdfs:
                    extract(p)
        rate("extract(path), text-layer PDFs", args.pdf_repeat * pages, t, "pages")
        rate("extract(path), text-layer PDFs", args.pdf_repeat * len(pdfs), t, "documents")

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{'peak memory (RSS)':<44} {peak:>9.1f} MiB")


if __name__ == "__main__":
    main()
