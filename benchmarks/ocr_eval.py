"""Accuracy and speed of vnplan on scanned renderings of the seed plans.

For each resolution and condition (clean, or noisy: Gaussian noise, blur and a 1.5° skew),
every seed is rendered to PDF, rasterised, and saved as an image-only PDF; vnplan extracts
it (OCR page by page) and ``vnplan eval`` scores it against ``corpus/gold``. Prints, per
setting: F1 per field and its ratio to the text versions' F1, the OCR character error rate
against the rendering's text layer, the share of time spent in OCR; then OCR seconds per
page with one process and with one per core.

    .venv/bin/python benchmarks/ocr_eval.py [--dpi 200 300] [--conditions clean noisy]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from renderings import rendering, seed_paths
from scans import character_error_rate, degrade, page_count, page_text, rasterise, save_image_pdf

from extractor.evaluate import evaluate
from extractor.pipeline import build_doc, extract, record_from_doc
from extractor.readers import read
from extractor.readers.ocr import default_workers, ocr_images

FIELDS = ("sections", "metadata", "targets", "references", "bodies", "findings")
CONDITIONS = {"clean": {}, "noisy": {"noise": 30.0, "blur": 0.8, "angle": 1.5}}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dpi", type=int, nargs="+", default=[200, 300])
    ap.add_argument("--conditions", nargs="+", default=list(CONDITIONS), choices=list(CONDITIONS))
    args = ap.parse_args()
    gold = ROOT / "corpus" / "gold"
    seeds = seed_paths()
    text_scores = evaluate(gold, [extract(s) for s in seeds])["overall"]
    pdfs = {s.stem: rendering(s, "pdf") for s in seeds}
    print(f"{'setting':<12} " + " ".join(f"{f[:10]:>10}" for f in FIELDS) + "   CER    OCR share")
    print(f"{'text':<12} " + " ".join(f"{text_scores[f]['f1']:>10.3f}" for f in FIELDS))
    with tempfile.TemporaryDirectory() as tmp:
        for dpi in args.dpi:
            for condition in args.conditions:
                folder = Path(tmp) / f"{dpi}-{condition}"
                folder.mkdir()
                references, images = [], {}
                for stem, pdf in pdfs.items():
                    pages = [degrade(rasterise(pdf, i, dpi), **CONDITIONS[condition]) for i in range(page_count(pdf))]
                    images[stem] = pages
                    save_image_pdf(pages, folder / f"{stem}.pdf", dpi)
                    references += [page_text(pdf, i) for i in range(len(pages))]
                records, read_time, build_time, hypotheses = [], 0.0, 0.0, []
                for stem in pdfs:
                    t = time.perf_counter()
                    source = read(folder / f"{stem}.pdf")
                    read_time += time.perf_counter() - t
                    hypotheses += [p.text for p in source.pages]
                    t = time.perf_counter()
                    records.append(record_from_doc(build_doc(source)))
                    build_time += time.perf_counter() - t
                scores = evaluate(gold, records)["overall"]
                cer = sum(character_error_rate(r, h) * len(r) for r, h in zip(references, hypotheses)) / sum(
                    len(r) for r in references)
                row = " ".join(f"{scores[f]['f1']:>10.3f}" for f in FIELDS)
                print(f"{dpi}-{condition:<8} {row}   {cer:6.2%}   {read_time / (read_time + build_time):.1%}")
                ratio = " ".join(
                    f"{scores[f]['f1'] / text_scores[f]['f1'] if text_scores[f]['f1'] else 1.0:>10.3f}" for f in FIELDS)
                print(f"{'  ÷ text':<12} {ratio}")
        # OCR speed: the pages of one seed, one process vs one per core
        stem = seeds[0].stem
        pages = [(i + 1, rasterise(pdfs[stem], i, 300), 300) for i in range(page_count(pdfs[stem]))]
        for workers in sorted({1, default_workers(), os.cpu_count() or 1}):
            t = time.perf_counter()
            ocr_images(pages, 300, workers=workers)
            elapsed = time.perf_counter() - t
            print(f"OCR at 300 dpi, {workers} process(es): {elapsed / len(pages):.2f} s/page "
                  f"({len(pages)} pages in {elapsed:.1f} s)")


if __name__ == "__main__":
    main()
