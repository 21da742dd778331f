"""``vnplan schema [--out DIR] [--check]``: write the JSON Schema files and the search-index
mapping generated from the records, or (``--check``) exit 1 when the files differ from the code."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..schema import check_schemas, write_schemas


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("schema", help="write the JSON Schema files and the search-index mapping")
    p.add_argument("--out", default="schemas")
    p.add_argument("--check", action="store_true", help="exit 1 if the files differ from the code")
    p.set_defaults(run=main)


def main(args: argparse.Namespace) -> int:
    if args.check:
        stale = check_schemas(Path(args.out))
        for name in stale:
            print(f"schema out of date: {name} (run `vnplan schema`)", file=sys.stderr)
        return 1 if stale else 0
    for path in write_schemas(Path(args.out)):
        print(path)
    return 0
