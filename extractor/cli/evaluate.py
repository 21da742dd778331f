"""``vnplan eval --gold DIR --docs DIR [--format table|json] [--no-check]``: scores against gold.

Every document of ``--docs`` is extracted and, unless ``--no-check``, checked against its parent
and the registry, so the parent's findings are scored too; ``<stem>.alignment.json`` gold tables
also score the matching of plan targets to the parent's. Exit code 1 when a document gave an
error record (it is scored as found empty).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..batch import EXIT_FAILED, EXIT_OK, Extract, ExtractAndCheck, Tally, collect, iterate
from ..evaluate import (
    evaluate,
    format_explanation,
    format_table,
    has_alignment_gold,
    missing_documents,
    score_alignment,
)
from ..records import PlanRecord, Result


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("eval", help="score extraction against gold annotations")
    p.add_argument("--gold", required=True)
    p.add_argument("--docs", required=True)
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.add_argument("--no-check", dest="check", action="store_false",
                   help="score only extract's findings, without the parent and registry checks")
    p.add_argument("--explain", action="store_true",
                   help="also list, per document, the gold records missed (-) and the records found that gold lacks (+)")
    p.set_defaults(run=main)


def main(args: argparse.Namespace) -> int:
    job = ExtractAndCheck() if args.check else Extract()
    parents = job.parents if isinstance(job, ExtractAndCheck) else None
    records: list[Result] = []
    tally = Tally()
    for outcome in iterate(collect([args.docs]), job, tally):
        record = outcome.record
        if outcome.report is not None and isinstance(record, PlanRecord):
            record = record.model_copy(update={"findings": outcome.report.findings})
        records.append(record)
    gold = Path(args.gold)
    result = evaluate(gold, records)
    if has_alignment_gold(gold):
        result["overall"]["alignment"] = score_alignment(gold, records, parents)
    if args.format == "json":
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        print(format_table(result))
        if args.explain:
            print("\n" + format_explanation(result))
    missing = missing_documents(result)
    for name in missing:
        print(f"vnplan eval: {name}: {result['documents'][name]['error']}", file=sys.stderr)
    return EXIT_FAILED if missing or tally.failed else EXIT_OK
