"""``vnplan extract PATH... [--format json|jsonl|md] [--out DIR]``: records of plans.

A folder stands for every file below it; files that are no plans (a README, a logo) are skipped,
one line each on standard error. To standard output: one JSON record (a JSON array of them for
several files), JSON lines, or Markdown. With ``--out DIR``: one file per document named after its
input's relative path (``sub/000.pdf.json``, ``sub/000.pdf.md``), or ``records.jsonl``. Exit code 1
when any file gave an error record. ``vnplan batch`` does the same for many files, in parallel.
"""

from __future__ import annotations

import argparse
import sys
from contextlib import nullcontext
from pathlib import Path

from ..batch import EXIT_USAGE, Extract, Tally, collect, iterate
from ..batch.files import atomic_open, output_file, write_text
from ..outputs import to_json, to_jsonl, to_markdown
from ..outputs.jsonout import JsonArray

RENDER = {"json": to_json, "md": to_markdown}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("extract", help="extract records from plans (files or folders)")
    p.add_argument("paths", nargs="+")
    p.add_argument("--format", choices=("json", "jsonl", "md"), default="json")
    p.add_argument("--out", help="write one file per document (records.jsonl for jsonl) into DIR")
    p.set_defaults(run=main)


def main(args: argparse.Namespace) -> int:
    inputs = collect(args.paths, exclude=args.out)
    if not inputs:
        print("vnplan extract: no files found", file=sys.stderr)
        return EXIT_USAGE
    tally = Tally()
    outcomes = iterate(inputs, Extract(), tally)
    out_dir = Path(args.out) if args.out else None
    if out_dir:
        out_dir.mkdir(parents=True, exist_ok=True)
    if args.format == "jsonl":
        with atomic_open(out_dir / "records.jsonl") if out_dir else nullcontext(sys.stdout) as sink:
            for outcome in outcomes:
                sink.write(to_jsonl(outcome.record))
    elif out_dir:
        for outcome in outcomes:
            write_text(output_file(out_dir, outcome.input, "." + args.format), RENDER[args.format](outcome.record) + "\n")
    elif args.format == "json" and sum(not i.skip for i in inputs) > 1:
        array = JsonArray(sys.stdout)
        for outcome in outcomes:
            array.add(outcome.record)
        array.close()
    else:
        for outcome in outcomes:
            sys.stdout.write(RENDER[args.format](outcome.record) + "\n")
    return tally.exit_code
