"""What the pages show, made from records and the index: a plan's page (its fields, findings,
alignment, highlighted source, the other plans citing what it cites, its parent) and the hits of a
search, each linked to the evidence on its plan's page. HTML pieces come from ``outputs.html``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional
from urllib.parse import quote, urlencode

from markupsafe import Markup

from ..index import Citation, Hit, Index
from ..index.documents import DocumentInfo
from ..outputs.html import Mark, alignment_html, evidence_marks, findings_html, highlight, legend, report_findings
from ..records import Finding, Reference
from .catalogue import with_number
from .plans import Plan

KIND_LABELS = {"document": ("Văn bản", "document"), "section": ("Mục", "section"), "target": ("Chỉ tiêu", "target"),
               "reference": ("Văn bản viện dẫn", "reference"), "body": ("Cơ quan", "body"),
               "deadline": ("Thời hạn", "deadline"), "finding": ("Phát hiện", "finding")}
# the anchor of an entry's evidence on its plan's page (``outputs.html.evidence_marks``)
ANCHORS = {"target": "t", "reference": "r", "body": "b", "deadline": "d", "finding": "f"}


def plan_url(sha256: str, anchor: Optional[str] = None) -> str:
    return f"/plans/{sha256}" + (f"#{anchor}" if anchor else "")


def cites_url(number: str) -> str:
    return "/cites?" + urlencode({"number": number})


@dataclass
class Cited:
    """A document the plan cites, and the other indexed plans that cite or implement it."""

    index: int
    reference: Reference
    others: list[Citation] = field(default_factory=list)
    indexed: list[DocumentInfo] = field(default_factory=list)  # indexed plans with that number

    @property
    def name(self) -> str:
        ref = self.reference
        return " ".join(filter(None, (ref.doc_type, ref.number or ref.title))) or "—"


@dataclass
class PlanPage:
    plan: Plan
    findings: list[Finding]
    cited: list[Cited]
    parent_plans: list[DocumentInfo]  # indexed plans with the parent's number
    parent_others: int  # other plans citing or implementing the parent

    @property
    def record(self):
        return self.plan.record

    @property
    def report(self):
        return self.plan.report

    def findings_html(self) -> Markup:
        return Markup(findings_html(self.findings))

    def alignment_html(self) -> Markup:
        return Markup(alignment_html(self.record, self.report)) if self.report else Markup("")

    def source_html(self) -> Markup:
        text = self.plan.source_text
        return Markup(highlight(text, evidence_marks(self.record, self.findings))) if text else Markup("")

    @staticmethod
    def legend() -> Markup:
        return Markup(legend())


def plan_page(plan: Plan, index: Index, plans: dict[str, DocumentInfo]) -> PlanPage:
    sha = plan.sha256
    cited = []
    for i, ref in enumerate(plan.record.references):
        item = Cited(i, ref)
        if ref.number:
            item.others = [c for c in index.cites(ref.number) if c.sha256 != sha]
            item.indexed = [p for p in with_number(plans, ref.number) if p.sha256 != sha]
        cited.append(item)
    parent = plan.report.parent.id if plan.report else None
    parent_plans = [p for p in with_number(plans, parent) if p.sha256 != sha]
    others = len([c for c in index.cites(parent) if c.sha256 != sha]) if parent else 0
    return PlanPage(plan, report_findings(plan.record, plan.report), cited, parent_plans, others)


@dataclass
class HitView:
    hit: Hit
    plan_title: str

    @property
    def kind(self) -> tuple[str, str]:
        return KIND_LABELS.get(self.hit.kind, (self.hit.kind, self.hit.kind))

    @property
    def url(self) -> str:
        prefix = ANCHORS.get(self.hit.kind)
        return plan_url(self.hit.sha256, f"{prefix}{self.hit.ordinal}" if prefix else None)

    def snippet_html(self) -> Markup:
        return Markup(highlight(self.hit.snippet, [Mark(a, b, "q") for a, b in self.hit.highlights]))


def hit_views(hits: list[Hit], plans: dict[str, DocumentInfo]) -> list[HitView]:
    return [HitView(h, (plans[h.sha256].title if h.sha256 in plans else None) or h.document) for h in hits]


def query_string(params: dict[str, object], **changes: object) -> str:
    """``?`` and the parameters with ``changes`` (a change to None or "" drops one)."""
    merged = {**params, **changes}
    return "?" + urlencode({k: v for k, v in merged.items() if v not in (None, "")}, quote_via=quote)
