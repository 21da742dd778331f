"""One self-contained, offline HTML page for a checked plan: a summary by severity, the alignment
table against the parent, and the plan's source text with the evidence of every target, cited
document, responsible body, deadline and finding highlighted in place, each kind in its own colour
(``LEGEND``), and the markdown marks of the text rendered (``**bold**`` bold, ``##`` headings as
headings) rather than shown. Inline CSS only, no scripts, no external assets; all text goes through
``html.escape``.

The web app (``extractor.web``) builds its pages from the same pieces: ``evidence_marks`` (what is
highlighted), ``highlight`` (text escaped, marks in place), ``legend``, ``findings_html``,
``alignment_html`` and ``EVIDENCE_CSS`` (their colours).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Optional

# the normaliser's definition of the markdown marks it drops; rendered here, not defined again
from ..normalise import _EMPHASIS, _HEADING_MARKS, _TABLE_RULE
from ..records import CheckReport, Finding, PlanRecord, Span

# Each kind of evidence: its CSS class, its label in Vietnamese and in English.
LEGEND: tuple[tuple[str, str, str], ...] = (
    ("t", "Chỉ tiêu", "target"),
    ("r", "Văn bản viện dẫn", "cited document"),
    ("b", "Cơ quan thực hiện", "responsible body"),
    ("d", "Thời hạn", "deadline"),
    ("f-error", "Lỗi", "error"),
    ("f-warning", "Cảnh báo", "warning"),
    ("f-info", "Ghi chú", "note"),
)
SEVERITY_LABELS = {"error": "Lỗi", "warning": "Cảnh báo", "info": "Ghi chú"}
VERDICT_LABELS = {"meets": "Đạt", "below": "Thấp hơn", "above": "Cao hơn", "missing": "Thiếu",
                  "extra": "Ngoài chỉ tiêu", "unknown": "Không rõ"}

# The colours of the evidence, the legend, the findings and the rendered markdown: shared by the
# standalone page and the web app's stylesheet. Entities have a background, findings an underline,
# so a target inside a finding's evidence shows both.
EVIDENCE_CSS = """
mark{background:none;color:inherit;padding:0 .05em;border-radius:.15em}
mark.t{background:#d9f2d0}mark.r{background:#d4ecf7}mark.b{background:#ebe1f7}mark.d{background:#fde3c8}
mark.q{background:#fff1a8;font-weight:600}
mark.f-error{box-shadow:inset 0 -.18em 0 #d93b3b}mark.f-warning{box-shadow:inset 0 -.18em 0 #e0a100}
mark.f-info{box-shadow:inset 0 -.18em 0 #5b8fd0}
.legend{display:flex;flex-wrap:wrap;gap:.4rem 1rem;margin:.5rem 0;padding:0;list-style:none;font-size:.85rem}
.legend mark{padding:.05rem .35rem}.legend .en,.en{color:#667085;font-size:.85em}
.sev{display:inline-block;padding:.05rem .5rem;border-radius:1rem;margin-right:.4rem;font-weight:600;font-size:.85em}
.sev-error{background:#fde2e2;color:#9b1c1c}.sev-warning{background:#fdf0c4;color:#7a5200}
.sev-info{background:#e1ecfb;color:#1d4f91}
.v-below,.v-missing{color:#b42318;font-weight:600}.v-meets,.v-above{color:#067647;font-weight:600}
.v-extra,.v-unknown{color:#667085}
.source .md{display:none}.source .md-pipe{color:#c0c4cc}.source .pb{display:block;height:0;
border-top:1px dashed #c0c4cc;margin:.9em 0;font-size:0;line-height:0}
.source .md-h1,.source .md-h2{font-size:1.2em;font-weight:700}
.source .md-h3,.source .md-h4{font-size:1.08em;font-weight:700}.source .md-h5,.source .md-h6{font-weight:700}
"""

_CSS = """
body{font-family:"Noto Sans","DejaVu Sans","Segoe UI",Roboto,Arial,sans-serif;margin:2rem;max-width:70rem;color:#222}
h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:2rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f3f3}.num{text-align:right;white-space:nowrap}
pre.source{white-space:pre-wrap;font-family:inherit;line-height:1.6;border:1px solid #ddd;padding:1rem;background:#fcfcfc}
""" + EVIDENCE_CSS


def _e(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def fmt_value(value: Optional[float], comparator: Optional[str] = None) -> str:
    """A target's value as a reader writes it: ``>= 70``, ``4.9``; empty when there is none."""
    if value is None:
        return ""
    c = "" if comparator in (None, "=") else comparator + " "
    return f"{c}{value:g}"


@dataclass(frozen=True)
class Mark:
    """A range of a text to highlight: its CSS class (a ``LEGEND`` kind, or ``q`` for a search
    term), its tooltip, and the anchor id its first piece carries."""

    start: int
    end: int
    kind: str
    title: str = ""
    anchor: Optional[str] = None


def _spans(spans: Iterable[Span], kind: str, title: str, anchor: str) -> list[Mark]:
    """One mark per span, the first carrying the anchor."""
    return [Mark(s.start, s.end, kind, title, anchor if n == 0 else None) for n, s in enumerate(spans)]


def evidence_marks(record: PlanRecord, findings: list[Finding]) -> list[Mark]:
    """The marks of a plan's evidence in its source text: every target (anchor ``t<i>``), cited
    document (``r<i>``), responsible body (``b<i>``), deadline (``d<i>``) and finding (``f<i>``,
    indexed in ``findings``)."""
    marks: list[Mark] = []
    for i, t in enumerate(record.targets):
        marks += _spans([t.span], "t", f"Chỉ tiêu {i + 1}: {fmt_value(t.value, t.comparator)}"
                        f"{'%' if t.unit == '%' else ''} {t.group}", f"t{i}")
    for i, ref in enumerate(record.references):
        name = " ".join(filter(None, (ref.doc_type, ref.number or ref.title)))
        marks += _spans(ref.mentions, "r", f"Văn bản viện dẫn: {name}", f"r{i}")
    for i, b in enumerate(record.bodies):
        role = "chủ trì" if b.role == "lead" else "phối hợp"
        marks += _spans(b.mentions, "b", f"Cơ quan {role}: {b.name}", f"b{i}")
    for i, d in enumerate(record.deadlines):
        marks += _spans([d.span], "d", f"Thời hạn: {d.what}{': ' + d.due if d.due else ''}", f"d{i}")
    for i, f in enumerate(findings):
        marks += _spans(f.evidence, f"f-{f.severity}", f"{f.code}: {f.message_vi or f.message_en}", f"f{i}")
    return marks


_LINE_BREAK = re.compile(r"[\n\f]")


def _markdown_runs(text: str) -> list[tuple[int, int, str]]:
    """How the markdown of ``text`` is shown, as (start, end, class) runs: ``md`` a mark (hidden),
    ``md-pipe`` a table's cell border, ``md-h<n>`` a heading's text, ``strong`` and ``em`` the text
    between paired emphasis marks of one paragraph (a mark left unpaired stays as written), ``pb`` a
    page break (form feed)."""
    runs: list[tuple[int, int, str]] = []
    open_marks: dict[str, int] = {}  # "strong"/"em" -> the offset of its opening mark

    def end_paragraph() -> None:
        open_marks.clear()

    breaks = [m.start() for m in _LINE_BREAK.finditer(text)] + [len(text)]
    for start, end in zip([0] + [b + 1 for b in breaks[:-1]], breaks):
        line = text[start:end]
        if end < len(text) and text[end] == "\f":
            runs.append((end, end + 1, "pb"))
        if not line.strip():
            end_paragraph()
            continue
        if line.lstrip().startswith("|"):
            if _TABLE_RULE.match(line):
                runs.append((start, min(end + 1, len(text)), "md"))  # the rule row, its line break too
                continue
            runs += [(start + i, start + i + 1, "md-pipe") for i, c in enumerate(line) if c == "|"]
        cut = 0
        heading = _HEADING_MARKS.match(line)
        if heading:
            end_paragraph()
            cut = heading.end()
            runs += [(start, start + cut, "md"), (start + cut, end, f"md-h{len(heading.group(1))}")]
        for mark in _EMPHASIS.finditer(line, cut):
            kind = "em" if mark.group() == "*" else "strong"
            a, b = start + mark.start(), start + mark.end()
            if kind in open_marks:
                opened = open_marks.pop(kind)
                runs += [(opened, opened + b - a, "md"), (opened + b - a, a, kind), (a, b, "md")]
            else:
                open_marks[kind] = a
        if heading:
            end_paragraph()
    return runs


def highlight(text: str, marks: Iterable[Mark], markdown: bool = True) -> str:
    """``text`` escaped, each mark wrapped in ``<mark>`` where it stands, and with ``markdown`` its
    markdown marks rendered (``_markdown_runs``). Ranges are cut at every boundary, so tags always
    nest; a piece covered by several marks gets all their classes, and the first piece of a mark its
    anchor. The text is kept whole: hidden marks stay in the page, inside ``<span class="md">``."""
    n = len(text)
    found = [(max(0, m.start), min(n, m.end), m) for m in marks if m.end > m.start]
    styles = [r for r in _markdown_runs(text) if r[1] > r[0]] if markdown else []
    cuts = sorted({0, n, *(a for a, _, _ in found), *(b for _, b, _ in found),
                   *(a for a, _, _ in styles), *(b for _, b, _ in styles)})
    found.sort(key=lambda r: r[0])
    styles.sort(key=lambda r: r[0])
    out: list[str] = []
    anchored: set[str] = set()
    active: list[tuple[int, int, Mark]] = []
    active_styles: list[tuple[int, int, str]] = []
    next_mark = next_style = 0
    for a, b in zip(cuts, cuts[1:]):
        while next_mark < len(found) and found[next_mark][0] <= a:
            active.append(found[next_mark])
            next_mark += 1
        while next_style < len(styles) and styles[next_style][0] <= a:
            active_styles.append(styles[next_style])
            next_style += 1
        active = [r for r in active if r[1] > a]
        active_styles = [r for r in active_styles if r[1] > a]
        piece = _e(text[a:b])
        classes = {cls for _, _, cls in active_styles}
        if "md" in classes or "md-pipe" in classes or "pb" in classes:
            shown = "md" if "md" in classes else "md-pipe" if "md-pipe" in classes else "pb"
            out.append(f'<span class="{shown}">{piece}</span>')
            continue
        if active:
            kinds = " ".join(sorted({m.kind for _, _, m in active}))
            titles = " | ".join(dict.fromkeys(m.title for _, _, m in active if m.title))
            ids = [m.anchor for _, _, m in active if m.anchor and m.anchor not in anchored]
            anchored.update(ids)
            id_attr = f' id="{_e(ids[0])}"' if ids else ""
            piece = f'<mark class="{_e(kinds)}" title="{_e(titles)}"{id_attr}>{piece}</mark>'
            piece = "".join(f'<span id="{_e(i)}"></span>' for i in ids[1:]) + piece  # marks starting together
        for style in ("em", "strong"):
            if style in classes:
                piece = f"<{style}>{piece}</{style}>"
        heading = next((c for c in classes if c.startswith("md-h")), None)
        out.append(f'<span class="{heading}">{piece}</span>' if heading else piece)
    return "".join(out)


def legend() -> str:
    """The legend of the highlight colours, labels in Vietnamese with English beside."""
    items = "".join(f'<li><mark class="{cls}">{_e(vi)}</mark> <span class="en">{_e(en)}</span></li>'
                    for cls, vi, en in LEGEND)
    return f'<ul class="legend">{items}</ul>'


def severity_badge(severity: str, count: Optional[int] = None) -> str:
    label = SEVERITY_LABELS.get(severity, severity)
    tail = f": {count}" if count is not None else ""
    return f'<span class="sev sev-{_e(severity)}" title="{_e(severity)}">{_e(label)}{tail}</span>'


def findings_html(findings: list[Finding]) -> str:
    """The counts by severity and the findings, each linked to its evidence (``#f<i>``)."""
    counts = {s: sum(f.severity == s for f in findings) for s in ("error", "warning", "info")}
    badges = "".join(severity_badge(s, n) for s, n in counts.items())
    items = "".join(
        f'<li>{severity_badge(f.severity)}<code>{_e(f.code)}</code> '
        + (f'<a href="#f{i}">{_e(f.message_vi or f.message_en)}</a>' if f.evidence else _e(f.message_vi or f.message_en))
        + f'<br><small class="en">{_e(f.message_en)}</small></li>' for i, f in enumerate(findings))
    return f'<p class="badges">{badges}</p><ul class="findings">{items}</ul>'


def alignment_html(record: PlanRecord, report: CheckReport) -> str:
    """The plan's targets against its parent's, each plan target linked to its evidence."""
    if not report.alignment:
        return "<p>Không có bảng đối chiếu <span class=\"en\">(no parent)</span>.</p>"
    rows = []
    for row in report.alignment:
        t = record.targets[row.plan_target] if row.plan_target is not None else None
        plan = f'<a href="#t{row.plan_target}">{_e(t.group)}</a>' if t else ""
        verdict = f'{_e(VERDICT_LABELS.get(row.verdict, row.verdict))} <span class="en">{_e(row.verdict)}</span>'
        rows.append(
            f"<tr><td>{_e(row.parent_target)}</td><td class=num>{_e(fmt_value(row.parent_value, row.parent_comparator))}</td>"
            f"<td>{plan}</td><td class=num>{_e(fmt_value(row.plan_value, row.plan_comparator))}</td>"
            f"<td class=num>{_e('' if row.score is None else f'{row.score:.2f}')}</td>"
            f'<td class="v-{_e(row.verdict)}">{verdict}</td></tr>')
    head = "".join(f'<th>{vi} <span class="en">{en}</span></th>' for vi, en in (
        ("Chỉ tiêu cấp trên", "parent target"), ("Giá trị", "value"), ("Chỉ tiêu kế hoạch", "plan target"),
        ("Giá trị", "value"), ("Điểm", "score"), ("Kết luận", "verdict")))
    return f'<table class="alignment"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def report_findings(record: PlanRecord, report: Optional[CheckReport]) -> list[Finding]:
    """The findings a page shows: the check's findings and notes, or the record's own unchecked."""
    return list(report.findings) + list(report.notes) if report else list(record.findings)


def to_html(record: PlanRecord, report: Optional[CheckReport], source_text: str) -> str:
    """The page for one plan: its check report (or, without one, its own findings) and its source
    text (``SourceDocument.text``, which the spans point into) with the evidence highlighted."""
    findings = report_findings(record, report)
    parent = report.parent if report else None
    parent_line = (f"<p>Văn bản cấp trên: <b>{_e(parent.id or '—')}</b> ({_e(parent.how)})"
                   f"{'<br>' + _e(parent.title) if parent.title else ''}</p>" if parent else "")
    title = record.metadata.title or record.document
    return (
        "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">"
        f"<title>{_e(record.document)}</title><style>{_CSS}</style></head><body>"
        f"<h1>{_e(record.metadata.doc_type or '')} {_e(title)}</h1><p><code>{_e(record.document)}</code></p>"
        f"{parent_line}<h2>Tóm tắt</h2>{findings_html(findings)}"
        f"<h2>Đối chiếu với văn bản cấp trên</h2>{alignment_html(record, report) if report else ''}"
        f"<h2>Văn bản</h2>{legend()}<pre class=\"source\">{highlight(source_text, evidence_marks(record, findings))}</pre>"
        "</body></html>\n"
    )
