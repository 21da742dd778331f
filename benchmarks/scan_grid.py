"""Scans of the plans in several faces, sizes and resolutions, scored against their text.

Every document of ``--docs`` (the seeds by default) is rendered to PDF in each face and size
(``tests/renderings.py``), rasterised at each resolution and saved as an image-only PDF
(``tests/scans.py``); vnplan reads it by OCR and ``vnplan eval`` scores it against ``--gold``.
Prints, per setting: the F1 of each field and its ratio to the text versions' F1, how many
documents keep exactly the text's sections, the OCR character error rate against the
rendering's text layer, how many values the OCR repair changed, and the seconds per page.

    .venv/bin/python benchmarks/scan_grid.py                       # the full grid on the seeds
    .venv/bin/python benchmarks/scan_grid.py --sizes 13 --dpi 300  # one column
    .venv/bin/python benchmarks/scan_grid.py --docs corpus/dev/docs --gold corpus/dev/gold --sizes 13
    .venv/bin/python benchmarks/scan_grid.py --json out.json       # the figures as JSON as well
    .venv/bin/python benchmarks/scan_grid.py --dump DIR            # and each scan's OCR text and record

Renderings and scans are cached (``$VNPLAN_RENDER_DIR`` or a temp folder); OCR runs every time.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from renderings import FONT_SIZE_PT, SCAN_FACES, rendering
from scans import character_error_rate, page_count, page_text, scanned_seed

from extractor.evaluate import evaluate
from extractor.pipeline import build_doc, extract, record_from_doc
from extractor.readers import read
from extractor.records import PlanRecord
from extractor.tones import fold

FIELDS = ("sections", "metadata", "targets", "references", "bodies", "findings")


def sections(record) -> list[tuple[str, str]]:
    """The sections as the evaluator compares them (case and dash spacing aside)."""
    return [(s.number, fold(s.title)) for s in record.outline.sections] if isinstance(record, PlanRecord) else []


def repairs(record) -> int:
    """The words the OCR repair changed in a record (its provenance lists them)."""
    return len(getattr(record.provenance, "repairs", [])) if isinstance(record, PlanRecord) else 0


def run(docs: list[Path], gold: Path, face: str, size: float, dpi: int, texts: dict,
        dump: Path | None = None) -> dict:
    records, chars, errors, pages, seconds = [], 0, 0.0, 0, 0.0
    identical = []
    for doc in docs:
        scan = scanned_seed(doc, face, size, dpi)
        started = time.perf_counter()
        source = read(scan)
        record = record_from_doc(build_doc(source))
        seconds += time.perf_counter() - started
        records.append(record)
        if dump:
            folder = dump / f"{face}-{size:g}pt-{dpi}dpi"
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"{doc.stem}.txt").write_text(source.text, "utf-8")
            (folder / f"{doc.stem}.json").write_text(record.model_dump_json(indent=1), "utf-8")
        pdf = rendering(doc, "pdf", face, size)
        for index, page in enumerate(source.pages):
            reference = page_text(pdf, index)
            chars += len(reference)
            errors += character_error_rate(reference, page.text) * len(reference)
        pages += page_count(pdf)
        if sections(record) == sections(texts[doc.stem]):
            identical.append(doc.stem)
    overall = evaluate(gold, records)["overall"]
    text_overall = evaluate(gold, list(texts.values()))["overall"]
    f1 = {f: overall[f]["f1"] for f in FIELDS}
    return {
        "face": face, "size": size, "dpi": dpi, "documents": len(docs), "pages": pages,
        "f1": f1, "ratio": {f: (f1[f] / text_overall[f]["f1"] if text_overall[f]["f1"] else 1.0) for f in FIELDS},
        "sections_identical": len(identical), "cer": errors / max(1, chars),
        "repairs": sum(repairs(r) for r in records), "seconds_per_page": seconds / max(1, pages),
        "differing": [d.stem for d in docs if d.stem not in identical],
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=Path, default=ROOT / "corpus" / "plans")
    ap.add_argument("--gold", type=Path, default=ROOT / "corpus" / "gold")
    ap.add_argument("--faces", nargs="+", default=list(SCAN_FACES))
    ap.add_argument("--sizes", type=float, nargs="+", default=[11, FONT_SIZE_PT, 13, 14])
    ap.add_argument("--dpi", type=int, nargs="+", default=[300, 200])
    ap.add_argument("--json", type=Path, help="write the figures to this file too")
    ap.add_argument("--dump", type=Path, help="write each scan's recognised text and record into this folder")
    args = ap.parse_args()
    docs = sorted(args.docs.glob("*.txt"))
    texts = {d.stem: extract(d) for d in docs}
    text_overall = evaluate(args.gold, list(texts.values()))["overall"]
    head = " ".join(f"{f[:9]:>9}" for f in FIELDS)
    print(f"{len(docs)} documents of {args.docs}")
    print(f"{'setting':<28} {head}  same-sections   CER  repairs  s/page")
    print(f"{'text':<28} " + " ".join(f"{text_overall[f]['f1']:>9.3f}" for f in FIELDS))
    rows = []
    for dpi in args.dpi:
        for size in args.sizes:
            for face in args.faces:
                row = run(docs, args.gold, face, size, dpi, texts, args.dump)
                rows.append(row)
                name = f"{face} {size:g}pt {dpi}dpi"
                print(f"{name:<28} " + " ".join(f"{row['f1'][f]:>9.3f}" for f in FIELDS)
                      + f"  {row['sections_identical']:>6}/{row['documents']:<6} {row['cer']:6.2%} {row['repairs']:>7}"
                      f"  {row['seconds_per_page']:5.2f}")
                print(f"{'  ÷ text':<28} " + " ".join(f"{row['ratio'][f]:>9.3f}" for f in FIELDS)
                      + (f"  sections differ: {', '.join(d[:3] for d in row['differing'])}" if row["differing"] else ""),
                      flush=True)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1, ensure_ascii=False) + "\n", "utf-8")


if __name__ == "__main__":
    main()
