"""``vnplan train-targets [--out DIR]``: retrain the target filter on all gold (seeds, held-out,
development and blind sets), compare it with the rules leave-one-document-out, and write the
artefact, its sidecar and its model card."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from ..resources import MODELS_DIR, in_source_tree


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("train-targets", help="retrain the target filter and its model card")
    p.add_argument("--out", help="default: the models folder of the package (of the source tree, from an installed copy)")
    p.set_defaults(run=main)


def main(args: argparse.Namespace) -> int:
    from ..training.target_filter import train

    summary = train(Path(args.out or in_source_tree(MODELS_DIR)))
    print(json.dumps({k: summary[k] for k in ("chosen", "loo", "candidates", "positives", "gold_targets")},
                     indent=2, ensure_ascii=False))
    return 0
