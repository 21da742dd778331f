"""The ``vnplan`` command: one module per command, each a thin layer over the library.

    vnplan extract PATH... [--format json|jsonl|md] [--out DIR]
    vnplan batch INPUT... --out DIR [--jobs N] [--check [--parent ID|PATH] [--html]] [--engine local|dask] ...
    vnplan check PATH... [--parent ID|PATH] [--format json|md|html] [--out DIR]
    vnplan eval --gold DIR --docs DIR [--format table|json] [--no-check]
    vnplan registry add PATH... [--registry FILE]
    vnplan schema [--out DIR] [--check]
    vnplan train-kinds [--headings TSV] [--out DIR]
    vnplan train-targets [--out DIR]
    vnplan index INPUT... [--db FILE | --to URL]    /    vnplan index --remove SHA|PATH...
    vnplan search [QUERY] [--type KIND] [--issuer ...] [--cites NUMBER] [--year N] [--limit N] [--json]
    vnplan export --format opensearch-bulk INPUT... [--out FILE]
    vnplan serve [--db FILE | --to URL] [--host H] [--port N] [--batch DIR] [--batch-root DIR]

A command module has ``register(subparsers)``, which adds its parser and sets ``run`` (args →
exit code). Commands over documents go through the one runner, ``extractor.batch``: its input
collection, error and skip lines and exit codes (``iterate`` in this process, ``run`` over
worker processes for ``vnplan batch``).
"""

from __future__ import annotations

import argparse
import sys

from ..batch import EXIT_USAGE, ManifestError
from . import (
    batch,
    build_data,
    check,
    evaluate,
    export,
    extract,
    index,
    registry,
    schema,
    search,
    serve,
    train_kinds,
    train_targets,
)

COMMANDS = (extract, batch, check, evaluate, registry, schema, train_kinds, train_targets, build_data, index, search,
            export, serve)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="vnplan", description="Extract typed records from Vietnamese government plans.")
    sub = parser.add_subparsers(dest="command", required=True)
    for command in COMMANDS:
        command.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except ManifestError as e:  # a listing of inputs that cannot be used, whatever the command
        print(f"vnplan: {e}", file=sys.stderr)
        return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
