"""Markdown for people: a PlanRecord's summary (metadata, outline, fields and findings with their
evidence) and a CheckReport (the alignment table and the findings).

Every piece of text that comes from a document (or a file name, or an error's reason) goes through
``_cell``, which makes it inline text whatever renders it: ``&``, ``<`` and ``>`` as entities (no
raw HTML, no autolink, with a renderer's HTML on or off), the marks of inline Markdown (``\\``,
`````, ``*``, ``_``, ``[``, ``]``, ``|``, ``~``) escaped by a backslash, every line break a space,
and a mark that would open a block (``#``, ``>``, ``-``, ``+``, ``1.``) escaped at the start. Machine codes
(an error's, a finding's) are vnplan's own words and stand in code spans as they are."""

from __future__ import annotations

import re
from typing import Optional

from ..records import CheckReport, ErrorRecord, PlanRecord, Result, Span


def _where(span: Span) -> str:
    return f"p.{span.page} l.{span.line}"


_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_INLINE = re.compile(r"[\\`*_\[\]|~&<>]")
_BREAKS = re.compile(r"[\r\n\f\v\x85\u2028\u2029]+")
_BLOCK_START = re.compile(r"^(\s*)([#+\-]|\d{1,9}(?=[.)]))")


def _cell(text: object) -> str:
    """Document text as inline Markdown text that renders as itself (see the module's docstring)."""
    plain = _BREAKS.sub(" ", str("" if text is None else text))
    escaped = _INLINE.sub(lambda m: _ENTITIES.get(m.group(), "\\" + m.group()), plain)
    return _BLOCK_START.sub(lambda m: m.group(1) + (m.group(2) + "\\" if m.group(2)[0].isdigit() else "\\" + m.group(2)),
                            escaped, count=1)


def to_markdown(record: Result) -> str:
    if isinstance(record, ErrorRecord):
        return f"# {_cell(record.document)}\n\n**Error** `{record.error}`: {_cell(record.reason)}\n"
    r: PlanRecord = record
    m = r.metadata
    out = [f"# {_cell(r.document)}", "", f"**{_cell(m.doc_type)}** {_cell(m.title)}", "",
           "| key | value |", "|---|---|"]
    for key in ("number", "symbol", "issuer", "place", "date", "signer", "signer_title"):
        out.append(f"| {key} | {_cell(getattr(m, key))} |")
    out += ["", "## Sections", ""]
    out += [f"- {_cell(s.number)}. {_cell(s.title)} — *{_cell(s.kind)}* ({_where(s.span)})" for s in r.outline.sections]
    if r.targets:
        out += ["", "## Targets", "", "| value | group | indicator | year | section | where |", "|---|---|---|---|---|---|"]
        for t in r.targets:
            value = f"{t.comparator} {t.value:g}{'%' if t.unit == '%' else f'/{t.denominator:g}' if t.denominator else ''}"
            out.append(f"| {_cell(value)} | {_cell(t.group)} | {_cell(t.indicator)} | {_cell(t.year)} | "
                       f"{_cell(t.section)} | {_where(t.span)} |")
    if r.references:
        out += ["", "## References", "", "| type | number / title | date | issuer | parent |", "|---|---|---|---|---|"]
        for ref in r.references:
            out.append(f"| {_cell(ref.doc_type)} | {_cell(ref.number or ref.title)} | {_cell(ref.date)} | "
                       f"{_cell(ref.issuer)} | {'yes' if ref.is_parent else ''} |")
    if r.bodies:
        out += ["", "## Responsible bodies", "", "| body | role | level | tasks |", "|---|---|---|---|"]
        for b in r.bodies:
            out.append(f"| {_cell(b.name)} | {_cell(b.role)} | {_cell(b.level)} | {len(b.tasks)} |")
    if r.deadlines:
        out += ["", "## Deadlines", ""]
        out += [f"- {_cell(d.what)}: {_cell(d.due)} ({_cell(d.frequency or 'once')}) — {_where(d.span)}" for d in r.deadlines]
    if r.budget:
        out += ["", "## Budget sources", ""]
        out += [f"- *{_cell(b.kind)}*: {_cell(b.source)}" for b in r.budget]
    out += ["", "## Findings", ""]
    if not r.findings:
        out.append("No findings.")
    for f in r.findings:
        where = ", ".join(_where(s) for s in f.evidence)
        out.append(f"- **{_cell(f.severity)}** `{f.code}` {_cell(f.message_en)} / {_cell(f.message_vi)} ({where})")
    return "\n".join(out) + "\n"


def report_to_markdown(report: CheckReport, record: PlanRecord) -> str:
    """A check report for people: the alignment table against the parent, then the findings."""
    lines = [f"# Kiểm tra: {_cell(report.document)}", "",
             f"Văn bản cấp trên: {_cell(report.parent.id or '—')} ({_cell(report.parent.how)})", ""]
    if report.alignment:
        lines += ["| Chỉ tiêu cấp trên | Giá trị | Chỉ tiêu kế hoạch | Giá trị | Điểm | Kết luận |", "|---|---|---|---|---|---|"]
        for row in report.alignment:
            group = record.targets[row.plan_target].group if row.plan_target is not None else ""
            lines.append(f"| {_cell(row.parent_target)} | {_number(row.parent_value)} | {_cell(group)} "
                         f"| {_number(row.plan_value)} | {row.score if row.score is not None else ''} | {_cell(row.verdict)} |")
        lines.append("")
    lines.append("## Phát hiện")
    for f in report.findings + report.notes:
        lines.append(f"- **{_cell(f.severity)}** `{f.code}`: {_cell(f.message_vi or f.message_en)}")
    if not report.findings:
        lines.append("- (không có)")
    return "\n".join(lines)


def _number(value: Optional[float]) -> str:
    return "" if value is None else f"{value:g}"
