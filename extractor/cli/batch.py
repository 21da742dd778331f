"""``vnplan batch INPUT... --out DIR [--jobs N] [--check [--parent ID|PATH] [--html]] [--engine local|dask]
[--scheduler ADDR] [--timeout S] [--memory MB] [--force] [--quiet]``: a folder, a listing or a
manifest of plans into one output folder, in isolated worker processes, resumable.

INPUT is a file, a folder (recursive), a glob, ``-`` (paths on standard input) or a manifest (CSV or
JSONL with a ``path`` column). The layout of DIR is in ``extractor.batch``. Ctrl-C (or SIGTERM)
stops cleanly; the same command again resumes. Exit code 0 when every plan gave a record, 1 when
some gave error records, 2 for a usage error, 130 when stopped.
"""

from __future__ import annotations

import argparse
import sys

from ..batch import EXIT_FAILED, EXIT_USAGE, Limits, ManifestError, collect, skip_line
from ..batch.engine import ENGINES
from ..batch.limits import DEFAULT_MEMORY_MB, DEFAULT_PAGE_SECONDS, DEFAULT_TIMEOUT


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("batch", help="process many plans into an output folder, in parallel, resumably")
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="files, folders, globs, - (paths on stdin), manifests")
    p.add_argument("--out", required=True, metavar="DIR")
    p.add_argument("--jobs", type=int, help="worker processes (default: one per core)")
    p.add_argument("--check", action="store_true", help="check each plan against its parent and the registry")
    p.add_argument("--parent", help="with --check: a parent JSON file, a plan file used as parent, or a known number")
    p.add_argument("--html", action="store_true", help="with --check: an HTML report per plan")
    p.add_argument("--engine", choices=ENGINES, default="local")
    p.add_argument("--scheduler", metavar="ADDR", help="with --engine dask: the scheduler (tcp://host:8786); "
                   "without it a local Dask cluster")
    p.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, metavar="S",
                   help=f"seconds a document may take, plus {DEFAULT_PAGE_SECONDS:g} a page of a PDF or an image "
                        f"(default {DEFAULT_TIMEOUT:g})")
    p.add_argument("--memory", type=int, default=DEFAULT_MEMORY_MB, metavar="MB",
                   help=f"address space of a worker process (default {DEFAULT_MEMORY_MB})")
    p.add_argument("--force", action="store_true", help="redo the inputs an earlier run did")
    p.add_argument("--quiet", action="store_true", help="log lines instead of a progress bar")
    p.set_defaults(run=main)


def main(args: argparse.Namespace) -> int:
    from ..batch import EngineError, stop_on_signals
    from ..batch import run as run_batch
    from ..batch.progress import make_progress
    from ..check import ParentError

    if (args.parent or args.html) and not args.check:
        return _usage("--parent and --html need --check")
    try:
        items = collect(args.inputs, exclude=args.out)
    except ManifestError as e:
        return _usage(str(e))
    if not items:
        return _usage("no files found")
    for item in items:
        if item.skip:
            print(skip_line(item), file=sys.stderr)
    limits = Limits(timeout=args.timeout, memory_mb=args.memory)
    try:
        with stop_on_signals() as stop:
            summary = run_batch(items, args.out, check=args.check, parent=args.parent, html=args.html,
                                engine=args.engine, jobs=args.jobs, scheduler=args.scheduler, limits=limits,
                                force=args.force, progress=make_progress(args.quiet), stop=stop)
    except ParentError as e:
        return _usage(str(e))
    except EngineError as e:
        print(f"vnplan batch: {e}", file=sys.stderr)
        return EXIT_FAILED
    print(f"vnplan batch: {summary.line()}; outputs in {args.out}", file=sys.stderr)
    if summary.interrupted:
        print(f"vnplan batch: stopped with {summary.pending} documents to go; run the same command again to "
              "resume (what is done is kept)", file=sys.stderr)
    return summary.exit_code


def _usage(message: str) -> int:
    print(f"vnplan batch: {message}", file=sys.stderr)
    return EXIT_USAGE
