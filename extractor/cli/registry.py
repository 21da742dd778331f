"""``vnplan registry add PATH... [--registry FILE]``: add the documents these plans cite to the
registry of known documents (known entries are never overwritten)."""

from __future__ import annotations

import argparse

from ..batch import Extract, Tally, collect, iterate
from ..check import add_from_records
from ..records import PlanRecord
from ..resources import REGISTRY_FILE, in_source_tree


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("registry", help="manage the registry of known documents")
    commands = p.add_subparsers(dest="registry_command", required=True)
    a = commands.add_parser("add", help="add the documents cited by these plans")
    a.add_argument("paths", nargs="+")
    a.add_argument("--registry", help="default: the package's registry (the source tree's, from an installed copy)")
    a.set_defaults(run=main)


def main(args: argparse.Namespace) -> int:
    tally = Tally()
    records = (o.record for o in iterate(collect(args.paths), Extract(), tally))
    added = add_from_records(args.registry or in_source_tree(REGISTRY_FILE), (r for r in records if isinstance(r, PlanRecord)))
    for entry in added:
        print(f"added {entry.number or entry.title}")
    return tally.exit_code
