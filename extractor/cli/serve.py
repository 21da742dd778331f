"""``vnplan serve [--db FILE | --to URL] [--host 127.0.0.1] [--port 8000] [--batch DIR] [--batch-root DIR]
[--uploads DIR] [--max-upload-mb N]``: the web app (``extractor.web``) under uvicorn.

Uploaded plans are kept in ``--uploads`` (by default ``vnplan-uploads/`` beside the SQLite index)
and indexed into the same index ``vnplan index`` and ``vnplan search`` use.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..batch import EXIT_USAGE
from ..index import DEFAULT_DB
from .index import add_location


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("serve", help="the web app: upload, report, search, batch view, REST API")
    add_location(p)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--batch", help="a `vnplan batch` output folder to show at /batch")
    p.add_argument("--batch-root", dest="batch_root", help="a folder whose batch output folders may be opened")
    p.add_argument("--uploads", help="where uploaded plans are kept (default: vnplan-uploads/ beside the index)")
    p.add_argument("--max-upload-mb", dest="max_upload_mb", type=float, default=20.0, help="upload size limit (MB)")
    p.set_defaults(run=main)


def main(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from ..web import Settings, create_app
    except ImportError as e:
        print(f"vnplan serve: {e.name or e} is not installed (pip install 'vnplan[web]')", file=sys.stderr)
        return EXIT_USAGE
    for option, folder in (("--batch", args.batch), ("--batch-root", args.batch_root)):
        if folder and not Path(folder).is_dir():
            print(f"vnplan serve: {option} {folder}: no such folder", file=sys.stderr)
            return EXIT_USAGE
    location = args.to or args.db
    uploads = Path(args.uploads) if args.uploads else (
        Path(location or DEFAULT_DB).resolve().parent / "vnplan-uploads" if not args.to else Path("vnplan-uploads"))
    settings = Settings(index=location, uploads=uploads, batch=Path(args.batch) if args.batch else None,
                        batch_root=Path(args.batch_root).resolve() if args.batch_root else None,
                        max_upload_bytes=int(args.max_upload_mb * 2**20))
    uvicorn.run(create_app(settings), host=args.host, port=args.port, log_level="info")
    return 0
