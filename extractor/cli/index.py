"""``vnplan index INPUT... [--db FILE | --to URL]`` and ``vnplan index --remove SHA|PATH...``: build
and update a search index of plans.

INPUT is a batch output folder, a JSON or JSON lines file of records, a plan file, or a folder of
any of these (``extractor.index.sources``); plan files are extracted and checked. Re-indexing a plan
replaces its rows (its identity is its sha256). The index is a SQLite file (``plans.sqlite`` by
default), a PostgreSQL URL or an OpenSearch/Elasticsearch URL. Exit code 1 when some input gave an
error record, 2 for bad arguments or an unreadable record file, 3 when the index cannot be reached.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

from ..batch import EXIT_USAGE, Tally
from ..index import IndexUnavailable, open_index
from ..index.base import display
from ..index.sources import SourceError, read_sources

EXIT_UNAVAILABLE = 3


def add_location(p: argparse.ArgumentParser) -> None:
    """``--db FILE`` / ``--to URL``: where the index is (shared with ``vnplan search``)."""
    where = p.add_mutually_exclusive_group()
    where.add_argument("--db", help="SQLite index file (default: plans.sqlite)")
    where.add_argument("--to", help="postgresql://… or http(s)://host:9200 (OpenSearch/Elasticsearch)")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("index", help="build or update a search index of plans")
    p.add_argument("inputs", nargs="*", help="batch folders, record files, plan files or folders")
    p.add_argument("--remove", nargs="+", metavar="SHA|PATH", help="remove plans by sha256 or file path")
    add_location(p)
    p.set_defaults(run=main)


def _keys(arg: str) -> list[str]:
    """What ``--remove ARG`` may name: the sha256 or path as given, and the sha256 of the file there."""
    path = Path(arg)
    return [arg, hashlib.sha256(path.read_bytes()).hexdigest()] if path.is_file() else [arg]


def main(args: argparse.Namespace) -> int:
    if not args.inputs and not args.remove:
        print("vnplan index: give inputs to index or --remove SHA|PATH", file=sys.stderr)
        return EXIT_USAGE
    location = args.to or args.db
    tally = Tally()
    try:
        index = open_index(location)
        try:
            removed = sum(index.remove(key) for arg in args.remove or () for key in _keys(arg))
            for record, report in read_sources(args.inputs, tally):
                index.add(record, report)
        finally:
            index.close()
    except IndexUnavailable as e:
        print(f"vnplan index: {e}", file=sys.stderr)
        return EXIT_UNAVAILABLE
    except SourceError as e:
        print(f"vnplan index: {e}", file=sys.stderr)
        return EXIT_USAGE
    where = display(location)
    if args.remove:
        print(f"removed {removed} plan(s) from {where}", file=sys.stderr)
    if args.inputs:
        print(f"indexed {tally.done} plan(s) into {where}", file=sys.stderr)
    return tally.exit_code
