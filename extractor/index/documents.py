"""What the index holds, one definition for every engine: a plan record (and its check report)
as one ``DocumentInfo`` and the searchable ``Entry`` rows of its document, sections, targets,
references, bodies, deadlines and findings.

Each entry is made of ``Part``s: a piece of text and the evidence it came from (file, page, line,
source offsets, the source text), so a hit points to the sentence that matched. The filter keys
(``facet_key``) are defined here too, so that the rows an engine stores and the filters a query
gives are keyed alike.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Literal, get_args

from ..check import number_key
from ..fields.bodies import body_level
from ..fields.places import provinces
from ..records import (
    Body,
    CheckReport,
    Finding,
    Item,
    PlanRecord,
    Reference,
    Section,
    Span,
)
from ..tones import clean
from .folding import folded_words

Kind = Literal["document", "section", "target", "reference", "body", "deadline", "finding"]
KINDS: tuple[str, ...] = get_args(Kind)


@dataclass(frozen=True)
class Evidence:
    """Where a piece of text is in its plan: the file, page and line, source offsets, the text."""

    file: str
    page: int
    line: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Part:
    """A piece of an entry's text (whitespace collapsed, NFC) and its evidence."""

    text: str
    evidence: Evidence | None = None


@dataclass(frozen=True)
class Entry:
    """One searchable row: what it is, its place in the record, its text and its own filter keys."""

    kind: Kind
    ordinal: int
    title: str
    parts: tuple[Part, ...]
    data: dict[str, Any] = field(default_factory=dict)
    cited: str | None = None  # number key of a reference
    body: str | None = None  # folded name of a body
    code: str | None = None  # finding code
    severity: str | None = None  # finding severity

    @property
    def text(self) -> str:
        return "\n".join(part.text for part in self.parts)

    @property
    def folded(self) -> str:
        """What the engines' tokenizers are given."""
        return folded_words(self.text)


@dataclass(frozen=True)
class DocumentInfo:
    """A plan as the index knows it: its identity, its file and its document-level filter fields."""

    sha256: str
    document: str
    path: str
    doc_type: str | None
    number: str | None
    title: str | None
    issuer: str | None
    date: str | None
    year: int | None
    level: str | None
    province: str | None
    parent: str | None  # the number of the parent programme it implements
    checked: bool

    def facets(self) -> dict[str, Any]:
        """The document's filter keys, by filter name."""
        return {name: facet_key(name, getattr(self, name)) for name in DOCUMENT_FACETS}


# Filters: document-level ones are keyed on the document; entry-level ones on the entry that owns
# the field (a reference's number, a body's name, a finding's code and severity) and, for the other
# kinds, on the document having such an entry. ``issuer`` and ``body`` match part of the name.
DOCUMENT_FACETS = ("issuer", "level", "province", "doc_type", "year", "parent")
ENTRY_FACETS = {"cites": ("reference", "cited"), "body": ("body", "body"),
                "code": ("finding", "code"), "severity": ("finding", "severity")}
SUBSTRING_FACETS = ("issuer", "body")
_KEYS: dict[str, Callable[[Any], Any]] = {
    "issuer": folded_words, "province": folded_words, "doc_type": folded_words, "body": folded_words,
    "level": str.lower, "severity": str.lower, "code": str.lower, "year": int,
    "parent": number_key, "cites": number_key,
}


def facet_key(name: str, value: Any) -> Any:
    """The key a filter named ``name`` compares, of a stored or a queried value."""
    return None if value is None or value == "" else _KEYS[name](value)


def sha256_of(record: PlanRecord) -> str:
    sha = record.provenance.sha256
    if not sha:
        raise ValueError(f"{record.document}: the record carries no sha256 (re-extract it)")
    return sha


def describe(record: PlanRecord, report: CheckReport | None = None) -> tuple[DocumentInfo, list[Entry]]:
    """The document and the entries of a plan record, with the report's findings and notes when it
    was checked (they include the record's own)."""
    meta = record.metadata
    info = DocumentInfo(
        sha256=sha256_of(record), document=record.document, path=record.provenance.path,
        doc_type=meta.doc_type, number=meta.number, title=meta.title, issuer=meta.issuer, date=meta.date,
        year=int(meta.date[:4]) if meta.date and meta.date[:4].isdigit() else None,
        level=body_level(meta.issuer) if meta.issuer else None, province=_province(record),
        parent=_parent(record, report), checked=report is not None)
    file = record.provenance.path
    findings = report.findings + report.notes if report else record.findings
    entries = [_document(record, file)]
    entries += [_section(i, s, file) for i, s in enumerate(record.outline.sections)]
    entries += [Entry("target", i, t.group, (_part(t.span, file),), _data(t, "span"))
                for i, t in enumerate(record.targets)]
    entries += [_reference(i, r, file) for i, r in enumerate(record.references)]
    entries += [_body(i, b, file) for i, b in enumerate(record.bodies)]
    entries += [Entry("deadline", i, d.what, (_part(d.span, file),), _data(d, "span"))
                for i, d in enumerate(record.deadlines)]
    entries += [_finding(i, f, file) for i, f in enumerate(findings)]
    return info, entries


def _evidence(span: Span, file: str) -> Evidence:
    return Evidence(file, span.page, span.line, span.start, span.end, span.text)


def _text(text: str) -> str:
    return " ".join(clean(text).split())


def _part(span: Span, file: str) -> Part:
    return Part(_text(span.text), _evidence(span, file))


def _parts(pieces: Iterable[tuple[str | None, Span | None]], file: str) -> tuple[Part, ...]:
    """Parts of the pieces that have text; a piece without a span has no evidence."""
    return tuple(Part(_text(text), _evidence(span, file) if span else None)
                 for text, span in pieces if text and text.strip())


def _data(model: Any, *exclude: str) -> dict[str, Any]:
    return model.model_dump(mode="json", exclude=set(exclude))


def _document(record: PlanRecord, file: str) -> Entry:
    meta, outline = record.metadata, record.outline
    pieces = [(meta.title, meta.spans.get("title")), (meta.number, meta.spans.get("number")),
              (meta.issuer, meta.spans.get("issuer"))]
    pieces += [(b.text, b.span) for b in outline.preamble]
    title = meta.title or record.document
    return Entry("document", 0, title, _parts(pieces, file), _data(meta, "spans", "recipients"))


def _flatten(items: list[Item]) -> Iterable[Item]:
    for item in items:
        yield item
        yield from _flatten(item.children)


def _section(i: int, section: Section, file: str) -> Entry:
    pieces = [(f"{section.number}. {section.title}", section.span)]
    pieces += [(item.text, item.span) for item in _flatten(section.items)]
    return Entry("section", i, section.title, _parts(pieces, file),
                 {"number": section.number, "title": section.title, "kind": section.kind})


def _reference(i: int, ref: Reference, file: str) -> Entry:
    first = ref.mentions[0] if ref.mentions else None
    pieces = [(m.text, m) for m in ref.mentions] + [(ref.title, first), (ref.subject, first)]
    title = " ".join(filter(None, (ref.doc_type, ref.number or ref.title)))
    return Entry("reference", i, title, _parts(pieces, file), _data(ref, "mentions"),
                 cited=facet_key("cites", ref.number))


def _body(i: int, body: Body, file: str) -> Entry:
    first = body.mentions[0] if body.mentions else None
    pieces = [(body.name, first)] + [(task.text, task.span) for task in body.tasks]
    return Entry("body", i, body.name, _parts(pieces, file), _data(body, "mentions", "tasks"),
                 body=facet_key("body", body.name))


def _finding(i: int, finding: Finding, file: str) -> Entry:
    first = finding.evidence[0] if finding.evidence else None
    pieces = [(finding.message_vi, first), (finding.message_en, first)]
    pieces += [(span.text, span) for span in finding.evidence]
    return Entry("finding", i, finding.code, _parts(pieces, file), _data(finding, "evidence"),
                 code=facet_key("code", finding.code), severity=facet_key("severity", finding.severity))


def _province(record: PlanRecord) -> str | None:
    """The province named in the issuer, else the place of issue when it is a province."""
    known = provinces()
    issuer = record.metadata.issuer or ""
    named = next((name for name in known if name in issuer), None)
    place = record.metadata.place
    return named or (place if place in known else None)


def _parent(record: PlanRecord, report: CheckReport | None) -> str | None:
    """The parent programme: the one the check used, else the reference the plan marks as parent."""
    if report is not None and report.parent.id:
        return report.parent.id
    return next((r.number for r in record.references if r.is_parent and r.number), None)
