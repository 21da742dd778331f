"""``vnplan train-kinds [--headings TSV] [--out DIR]``: retrain the section-kind classifier, compare
it with the rules by cross-validation, and write the artefact, its sidecar and its model card."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from ..resources import MODELS_DIR, in_source_tree


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("train-kinds", help="retrain the section-kind classifier and its model card")
    p.add_argument("--headings", default="corpus/headings.tsv")
    p.add_argument("--out", help="default: the models folder of the package (of the source tree, from an installed copy)")
    p.set_defaults(run=main)


def main(args: argparse.Namespace) -> int:
    from ..training.section_kinds import train

    print(json.dumps(train(Path(args.headings), Path(args.out or in_source_tree(MODELS_DIR))), indent=2))
    return 0
