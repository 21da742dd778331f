"""A vnplan web app served by uvicorn on a free port in a thread, for tests in a real browser and
for the screenshots; and Debian's chromium driven by Playwright (never a downloaded browser)."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "plans" / "000_faad1c385be67d2b.txt"
# the other seeds and the held-out plans: most of them cite 782/QĐ-TTg, as the seed does
OTHERS = tuple(p for p in sorted((ROOT / "corpus" / "plans").glob("*.txt")) if p != SEED) + tuple(
    sorted((ROOT / "corpus" / "heldout" / "plans").glob("*.txt")))
CHROMIUM = os.environ.get("VNPLAN_CHROMIUM", "/usr/bin/chromium")  # Debian's; a browser is never downloaded
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serving(settings) -> Iterator[str]:
    """The app over ``settings`` at the URL yielded, stopped after."""
    import uvicorn

    from extractor.web import create_app

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning",
                                           lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError(f"uvicorn did not start on port {port}")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


def chromium_missing() -> str | None:
    """Why the browser tests cannot run here, or None."""
    if not Path(CHROMIUM).is_file() or not os.access(CHROMIUM, os.X_OK):
        return f"Debian's chromium is not installed at {CHROMIUM} (make setup installs it: apt-get install chromium)"
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install -e '.[test]')"
    return None


@contextmanager
def chromium() -> Iterator:
    """Debian's chromium, headless, through Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


# the columns of a `vnplan batch` summary.csv (extractor/batch/summary.py on the batch branch)
SUMMARY_COLUMNS = ("file", "status", "error", "reason", "doc_type", "number", "issuer", "level", "date", "title",
                   "parent", "targets", "references", "bodies", "findings_error", "findings_warning", "findings_info",
                   "meets", "below", "above", "missing", "extra", "ocr_share", "ocr_confidence", "pages", "seconds",
                   "sha256", "path")


def summary_row(record, report) -> dict[str, object]:
    """The summary row of a record (an ErrorRecord or a PlanRecord and its report), as a batch writes it."""
    from extractor.fields.bodies import body_level
    from extractor.records import ErrorRecord

    if isinstance(record, ErrorRecord):
        return {"file": record.document, "status": "error", "error": record.error, "reason": record.reason,
                "sha256": record.sha256 or "", "path": record.path}
    m = record.metadata
    findings = list(report.findings) + list(report.notes) if report else record.findings
    row: dict[str, object] = {
        "file": record.document, "status": "plan", "doc_type": m.doc_type or "", "number": m.number or "",
        "issuer": m.issuer or "", "level": body_level(m.issuer) if m.issuer else "", "date": m.date or "",
        "title": m.title or "", "parent": report.parent.id or "" if report else "", "targets": len(record.targets),
        "references": len(record.references), "bodies": len(record.bodies),
        **{f"findings_{s}": sum(f.severity == s for f in findings) for s in ("error", "warning", "info")},
        "pages": len(record.provenance.pages), "sha256": record.provenance.sha256 or "", "path": record.provenance.path}
    if report is not None:
        row.update({v: sum(a.verdict == v for a in report.alignment) for v in ("meets", "below", "above", "missing", "extra")})
    return row


def write_batch_folder(folder: Path, paths: list[Path]) -> list[dict[str, object]]:
    """A `vnplan batch --check` output folder for ``paths``, made with the runner's job until that command
    lands: records.jsonl and reports.jsonl (``corpus_records.write_batch``), summary.csv and run.json."""
    import csv
    import json

    from corpus_records import write_batch

    from extractor.batch import ExtractAndCheck, collect
    from extractor.outputs import to_jsonl
    from extractor.records import ErrorRecord

    job = ExtractAndCheck()
    outcomes = [job(item) for item in collect(paths)]
    write_batch(folder, [(o.record, o.report) for o in outcomes if not isinstance(o.record, ErrorRecord)])
    with open(folder / "records.jsonl", "a", encoding="utf-8") as f:
        f.writelines(to_jsonl(o.record) for o in outcomes if isinstance(o.record, ErrorRecord))
    rows = [summary_row(o.record, o.report) for o in outcomes]
    with open(folder / "summary.csv", "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, SUMMARY_COLUMNS, restval="")
        writer.writeheader()
        writer.writerows(rows)
    counts = {"inputs": len(rows), "records": sum(r["status"] == "plan" for r in rows),
              "errors": sum(r["status"] == "error" for r in rows)}
    (folder / "run.json").write_text(json.dumps({"version": "test", "check": True, "counts": counts}), "utf-8")
    return rows


@lru_cache(maxsize=1)
def others_pairs() -> tuple:
    """``OTHERS`` extracted and checked (once a run): (record, report) pairs."""
    from extractor.batch import ExtractAndCheck, collect
    from extractor.records import PlanRecord

    job = ExtractAndCheck()
    return tuple((o.record, o.report) for o in map(job, collect(OTHERS)) if isinstance(o.record, PlanRecord))


def index_others(db: Path) -> tuple:
    """An index at ``db`` holding ``OTHERS``, extracted and checked; their (record, report) pairs."""
    from extractor.index import open_index

    pairs = others_pairs()
    index = open_index(str(db))
    for record, report in pairs:
        index.add(record, report)
    index.close()
    return pairs
