"""One summary row per input, and the alignment cells of a checked plan, made where the record is
(in the worker), small enough to keep in the resume journal and to gather at the end of a run."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from statistics import fmean

from ..records import CheckReport, ErrorRecord, PlanRecord
from .inputs import Input
from .runner import Outcome

VERDICTS = ("meets", "below", "above", "missing", "extra")


@dataclass
class Row:
    """An input in the summary: what it is, what was found, how it went."""

    file: str
    status: str  # plan, error, skipped
    error: str = ""
    reason: str = ""
    doc_type: str = ""
    number: str = ""
    issuer: str = ""
    level: str = ""
    date: str = ""
    title: str = ""
    parent: str = ""
    targets: int | None = None  # the counts, for plans
    references: int | None = None
    bodies: int | None = None
    findings_error: int | None = None
    findings_warning: int | None = None
    findings_info: int | None = None
    meets: int | None = None  # the alignment verdicts, for checked plans
    below: int | None = None
    above: int | None = None
    missing: int | None = None
    extra: int | None = None
    ocr_share: float | None = None  # share of pages read by OCR
    ocr_confidence: float | None = None  # mean OCR confidence of those pages
    pages: int | None = None
    seconds: float | None = None
    sha256: str = ""
    path: str = ""
    submission: dict[str, str] = field(default_factory=dict)  # a manifest's columns

    @classmethod
    def columns(cls) -> list[str]:
        return [f.name for f in fields(cls) if f.name != "submission"]


@dataclass
class Cell:
    """A plan's value and verdict against one target of its parent."""

    parent: str
    target: str
    parent_value: float | None
    parent_comparator: str | None
    value: float | None
    comparator: str | None
    verdict: str


def skipped_row(item: Input, sha256: str | None) -> Row:
    return Row(file=item.name, status="skipped", reason=item.skip or "", sha256=sha256 or "", path=item.shown,
               submission=dict(item.submission))


def row_of(outcome: Outcome, seconds: float) -> Row:
    """The summary row of a processed input."""
    record, item = outcome.record, outcome.input
    if isinstance(record, ErrorRecord):
        return Row(file=item.name, status="error", error=record.error, reason=record.reason, seconds=round(seconds, 3),
                   sha256=record.sha256 or "", path=item.shown, submission=dict(item.submission))
    m, report = record.metadata, outcome.report
    findings = list(report.findings) + list(report.notes) if report else record.findings
    pages = record.provenance.pages
    ocr = [p for p in pages if p.method == "ocr"]
    confidences = [p.ocr_confidence for p in ocr if p.ocr_confidence is not None]
    row = Row(
        file=item.name, status="plan", doc_type=m.doc_type or "", number=m.number or "", issuer=m.issuer or "",
        level=_level(m.issuer), date=m.date or "", title=m.title or "", parent=_parent(record, report),
        targets=len(record.targets), references=len(record.references), bodies=len(record.bodies),
        findings_error=sum(f.severity == "error" for f in findings),
        findings_warning=sum(f.severity == "warning" for f in findings),
        findings_info=sum(f.severity == "info" for f in findings),
        ocr_share=round(len(ocr) / len(pages), 3) if pages else None,
        ocr_confidence=round(fmean(confidences), 1) if confidences else None,
        pages=len(pages), seconds=round(seconds, 3), sha256=record.provenance.sha256 or "", path=item.shown,
        submission=dict(item.submission))
    if report is not None:
        for verdict in VERDICTS:
            setattr(row, verdict, sum(a.verdict == verdict for a in report.alignment))
    return row


def cells_of(report: CheckReport | None) -> list[Cell]:
    """The plan's cells against its parent's targets (plan targets the parent lacks have none)."""
    if report is None or not report.parent.id:
        return []
    return [Cell(parent=report.parent.id, target=a.parent_target, parent_value=a.parent_value,
                 parent_comparator=a.parent_comparator, value=a.plan_value, comparator=a.plan_comparator,
                 verdict=a.verdict)
            for a in report.alignment if a.parent_target]


def _parent(record: PlanRecord, report: CheckReport | None) -> str:
    if report is not None:
        return report.parent.id or ""
    return next((r.number or r.title or "" for r in record.references if r.is_parent), "")


def _level(issuer: str | None) -> str:
    if not issuer:
        return ""
    from ..fields.bodies.naming import body_level

    return body_level(issuer) or ""
