"""``vnplan export --format opensearch-bulk INPUT... [--out FILE] [--index NAME]``: the search
documents of plans as OpenSearch/Elasticsearch bulk NDJSON (an action line, then its document),
for ``_bulk`` or any loader. The index's mapping is ``schemas/index_mapping.json``.

INPUT is what ``vnplan index`` reads. Exit code 1 when some input gave an error record.
"""

from __future__ import annotations

import argparse
import contextlib
import sys

from ..batch import EXIT_USAGE, Tally
from ..index.opensearch import INDEX_NAME, bulk_lines
from ..index.sources import SourceError, read_sources


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="write plans' search documents for another engine")
    p.add_argument("inputs", nargs="+", help="batch folders, record files, plan files or folders")
    p.add_argument("--format", choices=("opensearch-bulk",), default="opensearch-bulk")
    p.add_argument("--out", help="write to FILE instead of standard output")
    p.add_argument("--index", default=INDEX_NAME, help=f"index named in the action lines (default {INDEX_NAME})")
    p.set_defaults(run=main)


def main(args: argparse.Namespace) -> int:
    tally = Tally()
    try:
        with open(args.out, "w", encoding="utf-8") if args.out else contextlib.nullcontext(sys.stdout) as sink:
            sink.writelines(bulk_lines(read_sources(args.inputs, tally), args.index))
    except SourceError as e:
        print(f"vnplan export: {e}", file=sys.stderr)
        return EXIT_USAGE
    return tally.exit_code
