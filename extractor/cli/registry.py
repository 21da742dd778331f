"""``vnplan registry add PATH... [--registry FILE]``: add the documents these plans cite to the
registry of known documents (known entries are never overwritten)."""

from __future__ import annotations

import argparse

from ..batch import Extract, Tally, collect, iterate
from ..check import add_from_records
from ..records import PlanRecord
from ..resources import REGISTRY_FILE


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("registry", help="manage the registry of known documents")
    commands = p.add_subparsers(dest="registry_command", required=True)
    a = commands.add_parser("add", help="add the documents cited by these plans")
    a.add_argument("paths", nargs="+")
    a.add_argument("--registry", default=str(REGISTRY_FILE))
    a.set_defaults(run=main)


def main(args: argparse.Namespace) -> int:
    tally = Tally()
    records = (o.record for o in iterate(collect(args.paths), Extract(), tally))
    added = add_from_records(args.registry, (r for r in records if isinstance(r, PlanRecord)))
    for entry in added:
        print(f"added {entry.number or entry.title}")
    return tally.exit_code
