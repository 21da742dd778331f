"""``vnplan check PATH... [--parent ID|PATH] [--format json|md|html] [--out DIR]``: plans against
their parent programme and the registry of known documents.

Each report goes to standard output, or with ``--out DIR`` to ``<name>.check.<format>`` (``name``
the input's relative path). Folders are searched recursively; files that are no plans are skipped. The
parent is found among the plan's references, or fixed with ``--parent`` (a parent file, a plan
file used as the parent, or a known number such as 782/QĐ-TTg).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..batch import EXIT_USAGE, ExtractAndCheck, Outcome, Tally, collect, iterate
from ..batch.files import output_file, write_text
from ..check import ParentError
from ..outputs import report_to_markdown, to_html, to_json
from ..records import PlanRecord


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check", help="check plans against their parent programme and the registry")
    p.add_argument("paths", nargs="+")
    p.add_argument("--parent", help="a parent JSON file, a plan file used as parent, or a known number")
    p.add_argument("--format", choices=("json", "md", "html"), default="json")
    p.add_argument("--out", help="write one file per plan into DIR")
    p.set_defaults(run=main)


def render(outcome: Outcome, fmt: str) -> str:
    """The check report of a checked plan in ``fmt``."""
    record, report = outcome.record, outcome.report
    assert isinstance(record, PlanRecord) and report is not None
    if fmt == "json":
        return to_json(report)
    if fmt == "html":
        return to_html(record, report, outcome.source_text or "")
    return report_to_markdown(report, record)


def main(args: argparse.Namespace) -> int:
    try:
        job = ExtractAndCheck(args.parent, keep_source=args.format == "html")
    except ParentError as e:
        print(f"vnplan check: {e}", file=sys.stderr)
        return EXIT_USAGE
    out_dir = Path(args.out) if args.out else None
    if out_dir:
        out_dir.mkdir(parents=True, exist_ok=True)
    tally = Tally()
    for outcome in iterate(collect(args.paths, exclude=args.out), job, tally):
        if outcome.failed:
            continue
        text = render(outcome, args.format) + "\n"
        if out_dir:
            write_text(output_file(out_dir, outcome.input, f".check.{args.format}"), text)
        else:
            sys.stdout.write(text)
    return tally.exit_code
