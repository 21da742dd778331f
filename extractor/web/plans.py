"""Where the app's plans come from: uploads (received within the size limit, read by content through
the runner's job, refused with a code and a reason), the folder that keeps them, and the look-up of
any plan by its sha256: the uploads kept, then the batch folders the app knows, then the index.

A plan kept is a folder ``<uploads>/<sha256>/``: the file as uploaded, ``record.json``,
``report.json`` and ``source.txt`` (the reader's text, which the evidence spans point into), so the
report page can highlight the evidence without reading the file again.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Optional

from ..batch import ExtractAndCheck, Input, Outcome
from ..batch.runner import Job
from ..index import Filters, Index
from ..pipeline import file_sha256
from ..readers import read
from ..readers.base import ReadError
from ..records import CheckReport, ErrorRecord, PlanRecord

SHA256 = re.compile(r"^[0-9a-f]{64}$")
CHUNK = 1 << 16
# the pipeline's warning for a document with no plan structure: the web refuses such an upload
NOT_A_PLAN_WARNING = "no plan structure found"
CATALOGUE_LIMIT = 5000  # plans listed from the index for facets and look-ups

# The HTTP status of each refusal: the readers' error codes and the app's own.
STATUS = {"no_file": 400, "unknown_parent": 400, "outside_root": 400, "no_batch_root": 400,
          "not_found": 404, "no_such_plan": 404, "not_a_batch": 404,
          "too_large": 413, "too_many_pages": 413, "unsupported_type": 415, "binary_content": 415,
          "internal_error": 500, "engine_missing": 503, "index_unavailable": 503}
# What each code means, in Vietnamese, for the error pages (the reason says the rest in English).
MEANING_VI = {
    "no_file": "Chưa chọn tệp", "too_large": "Tệp vượt quá giới hạn dung lượng",
    "too_many_pages": "Tệp có quá nhiều trang", "unsupported_type": "Loại tệp không được hỗ trợ",
    "binary_content": "Tệp nhị phân, không phải văn bản", "decode_error": "Không nhận ra bảng mã của văn bản",
    "empty_file": "Tệp không có nội dung", "not_a_plan": "Tệp không phải là một kế hoạch",
    "encrypted_pdf": "PDF có mật khẩu", "broken_pdf": "PDF bị hỏng", "broken_docx": "DOCX bị hỏng",
    "decompression_bomb": "Tệp nén vượt giới hạn an toàn", "engine_missing": "Thiếu công cụ nhận dạng chữ (OCR)",
    "internal_error": "Lỗi nội bộ", "unknown_parent": "Không tìm thấy văn bản cấp trên",
    "no_such_plan": "Không có kế hoạch này", "not_a_batch": "Không phải thư mục kết quả xử lý lô",
    "outside_root": "Thư mục nằm ngoài thư mục gốc được phép", "no_batch_root": "Chưa cấu hình thư mục gốc",
    "index_unavailable": "Không kết nối được chỉ mục tìm kiếm", "invalid_request": "Yêu cầu không hợp lệ",
    "not_found": "Không tìm thấy",
}


def size_text(size: float) -> str:
    """A size in bytes as people read it: 20 MB, 97.7 KB."""
    return f"{size / 2**20:.3g} MB" if size >= 2**20 else f"{size / 1024:.3g} KB"


class Refusal(Exception):
    """What the app will not do with a request: a code (the readers' or the app's), a reason."""

    def __init__(self, code: str, reason: str, document: Optional[str] = None):
        super().__init__(f"{code}: {reason}")
        self.code, self.reason, self.document = code, reason, document

    @property
    def status(self) -> int:
        return STATUS.get(self.code, 422)

    @classmethod
    def of(cls, record: ErrorRecord) -> Refusal:
        return cls(record.error, record.reason, record.document)


@dataclass
class Plan:
    """A plan as a page shows it: its record, its check report, and its source text when known."""

    record: PlanRecord
    report: Optional[CheckReport]
    source_text: Optional[str]

    @property
    def sha256(self) -> str:
        return self.record.provenance.sha256 or ""


def safe_name(name: Optional[str]) -> str:
    """An uploaded file's name fit to be a file here: its last path part, no control characters,
    at most 120 characters (the suffix kept)."""
    base = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    base = "".join(c for c in unicodedata.normalize("NFC", base) if unicodedata.category(c)[0] != "C").strip(" .")
    if len(base) > 120:
        stem, dot, suffix = base.rpartition(".")
        base = stem[: 110] + dot + suffix[-9:] if dot and len(suffix) < 10 else base[:120]
    return base or "upload"


class PlanStore:
    """The uploads folder: one folder a plan, named by its sha256."""

    def __init__(self, root: Path):
        self.root = root

    def folder(self, sha256: str) -> Path:
        if not SHA256.match(sha256):
            raise Refusal("no_such_plan", f"{sha256!r} is not a sha256")
        return self.root / sha256

    def receive(self, stream: BinaryIO, name: Optional[str], limit: int) -> Path:
        """Save an upload as ``<sha256>/<name>``, reading at most ``limit`` bytes; Refusal
        ``too_large`` beyond them, ``no_file`` when nothing was sent."""
        if not name:
            raise Refusal("no_file", "no file was sent (choose a plan file to upload)")
        self.root.mkdir(parents=True, exist_ok=True)
        digest, size = hashlib.sha256(), 0
        incoming = Path(tempfile.mkdtemp(prefix=".incoming-", dir=self.root))
        try:
            target = incoming / safe_name(name)
            with open(target, "wb") as out:
                while chunk := stream.read(CHUNK):
                    size += len(chunk)
                    if size > limit:
                        raise Refusal("too_large", f"the upload is over the limit of {limit:,} bytes "
                                      f"({size_text(limit)})", safe_name(name))
                    digest.update(chunk)
                    out.write(chunk)
            folder = self.root / digest.hexdigest()
            folder.mkdir(exist_ok=True)
            os.replace(target, folder / target.name)
            return folder / target.name
        finally:
            shutil.rmtree(incoming, ignore_errors=True)

    def keep(self, plan: Plan) -> None:
        folder = self.folder(plan.sha256)
        folder.mkdir(parents=True, exist_ok=True)
        files = {"record.json": plan.record.model_dump_json(), "source.txt": plan.source_text or ""}
        if plan.report is not None:
            files["report.json"] = plan.report.model_dump_json()
        for name, text in files.items():
            tmp = folder / f".{name}.tmp"
            tmp.write_text(text, "utf-8")
            os.replace(tmp, folder / name)

    def get(self, sha256: str) -> Optional[Plan]:
        folder = self.folder(sha256)
        if not (folder / "record.json").is_file():
            return None
        record = PlanRecord.model_validate_json((folder / "record.json").read_text("utf-8"))
        report_file, source_file = folder / "report.json", folder / "source.txt"
        report = CheckReport.model_validate_json(report_file.read_text("utf-8")) if report_file.is_file() else None
        source = source_file.read_text("utf-8") if source_file.is_file() else None
        return Plan(record, report, source or None)

    def discard(self, path: Path) -> None:
        """Let go of an upload that is not kept: its folder, unless a plan is kept there (the same bytes)."""
        if not (path.parent / "record.json").exists():
            shutil.rmtree(path.parent, ignore_errors=True)


def checked(job: Job, path: Path, name: str) -> Plan:
    """A saved file extracted and checked by the runner's job; Refusal with the error record's code,
    or ``not_a_plan`` for a readable file without a plan's structure."""
    outcome: Outcome = job(Input(str(path), name))
    record = outcome.record
    if isinstance(record, ErrorRecord):
        raise Refusal.of(record)
    warning = next((w for w in record.provenance.warnings if w.startswith(NOT_A_PLAN_WARNING)), None)
    if warning:
        raise Refusal("not_a_plan", f"the file was read, but it is not a plan ({warning})", record.document)
    return Plan(record, outcome.report, outcome.source_text)


# ---------------------------------------------------------------- finding any plan by its sha256


def batch_plan(folder: Path, sha256: str) -> Optional[Plan]:
    """The plan of a ``vnplan batch`` output folder with that sha256 (``records.jsonl``, its report
    from ``reports.jsonl``), its source text read again when its file is still there, unchanged."""
    record = next((PlanRecord.model_validate(d) for d in _json_lines(folder / "records.jsonl")
                   if d.get("record_type") == "plan" and (d.get("provenance") or {}).get("sha256") == sha256), None)
    if record is None:
        return None
    report = next((CheckReport.model_validate(d) for d in _json_lines(folder / "reports.jsonl")
                   if d.get("sha256") == sha256), None)
    return Plan(record, report, source_again(record.provenance.path, sha256))


def _json_lines(path: Path) -> Iterator[dict]:
    if not path.is_file():
        return
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                try:
                    yield json.loads(line)
                except ValueError:
                    continue  # a torn last line of a batch still running


def source_again(path: str, sha256: str) -> Optional[str]:
    """The source text of the file at ``path`` when it is still the file of that sha256."""
    if file_sha256(path) != sha256:
        return None
    try:
        return read(path).text
    except ReadError:
        return None


def indexed_path(index: Index, sha256: str) -> Optional[str]:
    """The file an indexed plan was read from, as its document entry's evidence says."""
    for hit in index.search("", Filters(kinds=("document",)), CATALOGUE_LIMIT):
        if hit.sha256 == sha256 and hit.evidence:
            return hit.evidence.file
    return None


class Library:
    """Every plan the app can show, by sha256: the uploads kept, the batch folders it was given or
    has opened, then the index (the plan's file extracted and checked again when it is unchanged,
    and kept)."""

    def __init__(self, store: PlanStore, job: ExtractAndCheck):
        self.store, self.job = store, job
        self.batches: list[Path] = []

    def know_batch(self, folder: Path) -> None:
        if folder not in self.batches:
            self.batches.append(folder)

    def plan(self, sha256: str, index: Index) -> Plan:
        found = self.store.get(sha256)
        for folder in self.batches:
            found = found or batch_plan(folder, sha256)
        if found:
            return found
        path = indexed_path(index, sha256)
        if path and file_sha256(path) == sha256:
            plan = checked(self.job, Path(path), Path(path).name)
            self.store.keep(plan)
            return plan
        where = f"; it was indexed from {path}, which is gone or changed" if path else ""
        raise Refusal("no_such_plan", f"no plan with sha256 {sha256} in the uploads, the batch folders or the index{where}")
