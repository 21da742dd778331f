"""One self-contained, offline HTML page for a checked plan: a summary by severity, the alignment
table against the parent, and the plan's source text with every target's and finding's evidence
highlighted in place. Inline CSS only, no scripts, no external assets; all text goes through
``html.escape``.
"""

from __future__ import annotations

import html
from typing import Optional

from ..records import CheckReport, Finding, PlanRecord, Span

_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;margin:2rem;max-width:70rem;color:#222}
h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:2rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f3f3}.num{text-align:right;white-space:nowrap}
.sev{display:inline-block;padding:.1rem .5rem;border-radius:.3rem;margin-right:.5rem;font-weight:600}
.sev-error{background:#fdd}.sev-warning{background:#ffe8b3}.sev-info{background:#e3efff}
.v-below,.v-missing{color:#a00;font-weight:600}.v-meets,.v-above{color:#070}.v-extra,.v-unknown{color:#666}
pre.source{white-space:pre-wrap;font-family:inherit;line-height:1.5;border:1px solid #ddd;padding:1rem;background:#fcfcfc}
mark{background:#dff3d8;border-bottom:2px solid #6a6;padding:0}
mark.f-warning{background:#ffe8b3;border-bottom-color:#c90}mark.f-error{background:#fdd;border-bottom-color:#c33}
mark.f-info{background:#e3efff;border-bottom-color:#69c}
"""


def _e(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _fmt(value: Optional[float], comparator: Optional[str] = None) -> str:
    if value is None:
        return ""
    c = "" if comparator in (None, "=") else comparator + " "
    return f"{c}{value:g}"


def _highlighted(text: str, marks: list[tuple[Span, str, str, Optional[str]]]) -> str:
    """``text`` escaped, each (span, css class, title, anchor id) wrapped in <mark> where it stands.
    Overlapping spans are cut at every boundary; a piece covered by several spans gets all classes."""
    n = len(text)
    ranges = [(max(0, s.start), min(n, s.end), cls, title, anchor) for s, cls, title, anchor in marks if s.end > s.start]
    cuts = sorted({0, n, *(r[0] for r in ranges), *(r[1] for r in ranges)})
    out: list[str] = []
    anchored: set[str] = set()
    for a, b in zip(cuts, cuts[1:]):
        piece = _e(text[a:b])
        covering = [r for r in ranges if r[0] <= a and r[1] >= b]
        if not covering:
            out.append(piece)
            continue
        classes = " ".join(sorted({r[2] for r in covering}))
        titles = " | ".join(dict.fromkeys(r[3] for r in covering))
        ids = [r[4] for r in covering if r[4] and r[4] not in anchored]
        anchored.update(ids)
        id_attr = f' id="{_e(ids[0])}"' if ids else ""
        out.append(f'<mark class="{_e(classes)}" title="{_e(titles)}"{id_attr}>{piece}</mark>')
    return "".join(out)


def _summary(findings: list[Finding]) -> str:
    counts = {s: sum(f.severity == s for f in findings) for s in ("error", "warning", "info")}
    badges = "".join(f'<span class="sev sev-{s}">{s}: {n}</span>' for s, n in counts.items())
    items = "".join(f'<li><span class="sev sev-{_e(f.severity)}">{_e(f.severity)}</span><code>{_e(f.code)}</code> '
                    f'{_e(f.message_vi or f.message_en)}<br><small>{_e(f.message_en)}</small></li>' for f in findings)
    return f"<p>{badges}</p><ul>{items}</ul>"


def _alignment(record: PlanRecord, report: CheckReport) -> str:
    if not report.alignment:
        return "<p>Không có bảng đối chiếu (no parent).</p>"
    rows = []
    for row in report.alignment:
        t = record.targets[row.plan_target] if row.plan_target is not None else None
        plan = f'<a href="#t{row.plan_target}">{_e(t.group)}</a>' if t else ""
        rows.append(
            f"<tr><td>{_e(row.parent_target)}</td><td class=num>{_e(_fmt(row.parent_value, row.parent_comparator))}</td>"
            f"<td>{plan}</td><td class=num>{_e(_fmt(row.plan_value, row.plan_comparator))}</td>"
            f"<td class=num>{_e('' if row.score is None else f'{row.score:.2f}')}</td>"
            f'<td class="v-{_e(row.verdict)}">{_e(row.verdict)}</td></tr>')
    return ("<table><thead><tr><th>Chỉ tiêu cấp trên</th><th>Giá trị</th><th>Chỉ tiêu kế hoạch</th>"
            "<th>Giá trị</th><th>Điểm</th><th>Kết luận</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>")


def to_html(record: PlanRecord, report: Optional[CheckReport], source_text: str) -> str:
    """The page for one plan: its check report (or, without one, its own findings) and its source
    text (``SourceDocument.text``, which the spans point into) with the evidence highlighted."""
    findings = list(report.findings) + list(report.notes) if report else list(record.findings)
    marks: list[tuple[Span, str, str, Optional[str]]] = [
        (t.span, "t", f"chỉ tiêu {i}: {_fmt(t.value, t.comparator)} {t.group}", f"t{i}")
        for i, t in enumerate(record.targets)]
    marks += [(s, f"f-{f.severity}", f"{f.code}: {f.message_en}", None) for f in findings for s in f.evidence]
    parent = report.parent if report else None
    parent_line = (f"<p>Văn bản cấp trên: <b>{_e(parent.id or '—')}</b> ({_e(parent.how)})"
                   f"{'<br>' + _e(parent.title) if parent.title else ''}</p>" if parent else "")
    title = record.metadata.title or record.document
    return (
        "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">"
        f"<title>{_e(record.document)}</title><style>{_CSS}</style></head><body>"
        f"<h1>{_e(record.metadata.doc_type or '')} {_e(title)}</h1><p><code>{_e(record.document)}</code></p>"
        f"{parent_line}<h2>Tóm tắt</h2>{_summary(findings)}"
        f"<h2>Đối chiếu với văn bản cấp trên</h2>{_alignment(record, report) if report else ''}"
        f"<h2>Văn bản</h2><pre class=\"source\">{_highlighted(source_text, marks)}</pre>"
        "</body></html>\n"
    )
