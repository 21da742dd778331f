"""Pages/s of text-layer PDFs: vnplan's ``extract()`` end to end beside bare pypdfium2 and bare pdfplumber.

The PDF renderings of the seed plans (tests/renderings.py) are read, in the same run and in
turn pass by pass, by three readers: ``extract(path)`` (reading, normalisation, segmentation,
every field and check: the whole record), pypdfium2's text of every page (``get_text_bounded``,
each page opened and closed) and pdfplumber's ``extract_text()`` of every page. Each figure is
the best pass (CPU time, the process pinned to one core: interference on this shared machine
only ever adds time) with the median pass beside it, and the ratio of the best to bare
pypdfium2's. The goal: vnplan >= 100 pages/s, about 0.15 of bare pypdfium2.

    .venv/bin/python benchmarks/pdf_speed.py [--repeat N] [--pdfplumber-repeat N]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import pdfplumber
import pypdfium2 as pdfium
from renderings import seed_paths, seed_to_pdf

from extractor.pipeline import extract
from extractor.records import PlanRecord


def bare_pypdfium2(path: Path) -> None:
    document = pdfium.PdfDocument(str(path))
    try:
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            textpage.get_text_bounded()
            textpage.close()
            page.close()
    finally:
        document.close()


def bare_pdfplumber(path: Path) -> None:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()


def vnplan(path: Path) -> None:
    record = extract(path)
    assert isinstance(record, PlanRecord), record


def one_pass(work: Callable[[Path], None], pdfs: list[Path]) -> float:
    start = time.process_time()
    for path in pdfs:
        work(path)
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=20, help="passes of pypdfium2 and of vnplan")
    parser.add_argument("--pdfplumber-repeat", type=int, default=2, help="passes of pdfplumber (~10 pages/s)")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    with tempfile.TemporaryDirectory() as tmp:
        pdfs = [seed_to_pdf(seed, Path(tmp) / f"{seed.stem}.pdf") for seed in seed_paths()]
        pages = sum(len(pdfium.PdfDocument(str(p))) for p in pdfs)
        readers = {"bare pypdfium2": bare_pypdfium2, "vnplan extract()": vnplan, "bare pdfplumber": bare_pdfplumber}
        vnplan(pdfs[0])  # imports and first-use caches out of the timing
        times: dict[str, list[float]] = {name: [] for name in readers}
        for k in range(args.repeat):  # in turn, so the machine's bursts weigh on all alike
            for name, work in readers.items():
                if name != "bare pdfplumber" or k < args.pdfplumber_repeat:
                    times[name].append(one_pass(work, pdfs))
    print(f"{len(pdfs)} PDF renderings of the seeds, {pages} pages; CPU time on one core")
    print(f"{'reader':<18} {'best pages/s':>13} {'median pages/s':>15} {'÷ pypdfium2':>12}  passes")
    reference = pages / min(times["bare pypdfium2"])
    for name, ts in times.items():
        ts.sort()
        best = pages / ts[0]
        print(f"{name:<18} {best:>13.1f} {pages / ts[len(ts) // 2]:>15.1f} {best / reference:>12.3f}  {len(ts)}")


if __name__ == "__main__":
    main()
