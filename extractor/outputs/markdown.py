"""A Markdown summary of a PlanRecord for people: metadata, outline, fields and findings with evidence."""

from __future__ import annotations

from ..records import ErrorRecord, PlanRecord, Result, Span


def _where(span: Span) -> str:
    return f"p.{span.page} l.{span.line}"


def _cell(text: object) -> str:
    return str("" if text is None else text).replace("|", "\\|").replace("\n", " ")


def to_markdown(record: Result) -> str:
    if isinstance(record, ErrorRecord):
        return f"# {record.document}\n\n**Error** `{record.error}`: {record.reason}\n"
    r: PlanRecord = record
    m = r.metadata
    out = [f"# {r.document}", "", f"**{_cell(m.doc_type)}** {_cell(m.title)}", "",
           "| key | value |", "|---|---|"]
    for key in ("number", "symbol", "issuer", "place", "date", "signer", "signer_title"):
        out.append(f"| {key} | {_cell(getattr(m, key))} |")
    out += ["", "## Sections", ""]
    out += [f"- {s.number}. {s.title} — *{s.kind}* ({_where(s.span)})" for s in r.outline.sections]
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
            out.append(f"| {_cell(b.name)} | {b.role} | {_cell(b.level)} | {len(b.tasks)} |")
    if r.deadlines:
        out += ["", "## Deadlines", ""]
        out += [f"- {_cell(d.what)}: {_cell(d.due)} ({d.frequency or 'once'}) — {_where(d.span)}" for d in r.deadlines]
    if r.budget:
        out += ["", "## Budget sources", ""]
        out += [f"- *{b.kind}*: {_cell(b.source)}" for b in r.budget]
    out += ["", "## Findings", ""]
    if not r.findings:
        out.append("No findings.")
    for f in r.findings:
        where = ", ".join(_where(s) for s in f.evidence)
        out.append(f"- **{f.severity}** `{f.code}` {f.message_en} / {f.message_vi} ({where})")
    return "\n".join(out) + "\n"
