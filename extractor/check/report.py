"""``vnplan check``: a plan against its parent programme and the registry of known documents.

    vnplan check PATH... [--parent ID|PATH] [--format json|md|html] [--out DIR]

The report keeps the plan's own findings (numbering, values, tasks) and adds the parent's.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional, Union

from ..records import CheckReport, ErrorRecord, ParentInfo, PlanRecord
from .match import match_targets, similarity
from .parent_rules import Context, align, parent_findings
from .parents import Parent, ParentError, find_parents, load_parent, parent_from_record, resolve_parent
from .registry import Registry, load_registry, number_key

DEFAULT_PARENTS = Path(__file__).resolve().parents[2] / "corpus" / "parents"


def check_record(record: PlanRecord, parent: Optional[Parent] = None, registry: Optional[Registry] = None,
                 parents: Optional[list[Parent]] = None, how: Optional[str] = None) -> CheckReport:
    """Check one plan. ``parent`` given wins; else it is resolved among ``parents`` (the curated ones
    by default) through the plan's references and the registry."""
    registry = registry if registry is not None else load_registry()
    if parent is None:
        parent, how = resolve_parent(record, parents if parents is not None else find_parents(DEFAULT_PARENTS),
                                     registry)
    else:
        how = how or "given with --parent"
    scores = similarity(record, parent) if parent else None
    matches = match_targets(record, parent, scores=scores) if parent else []
    ctx = Context(record=record, parent=parent, matches=matches, registry=registry, scores=scores)
    found = parent_findings(ctx)
    return CheckReport(
        document=record.document,
        parent=ParentInfo(id=parent.id if parent else None, title=parent.title if parent else None, how=how),
        alignment=align(record, parent, matches) if parent else [],
        findings=list(record.findings) + [f for f in found if f.severity != "info"],
        notes=[f for f in found if f.severity == "info"],
    )


def load_parent_arg(arg: str, parents_dir: Union[str, Path] = DEFAULT_PARENTS) -> Parent:
    """``--parent``: a curated parent file, a plan file (extracted and used as a parent), or the number
    of a curated parent ("782/QĐ-TTg")."""
    path = Path(arg)
    if path.is_file():
        if path.suffix == ".json":
            return load_parent(path)
        from ..pipeline import extract

        record = extract(path)
        if isinstance(record, ErrorRecord):
            raise ParentError(f"{path.name}: {record.error}: {record.reason}")
        return parent_from_record(record)
    for parent in find_parents(parents_dir):
        if parent.number and number_key(parent.number) == number_key(arg):
            return parent
    raise ParentError(f"{arg}: no such parent file or known parent number")


def render(report: CheckReport, record: PlanRecord, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(report.model_dump(mode="json"), ensure_ascii=False, indent=2)
    if fmt == "html":
        from ..outputs.html import to_html

        return to_html(record, report)
    return to_markdown(report, record)


def to_markdown(report: CheckReport, record: PlanRecord) -> str:
    lines = [f"# Kiểm tra: {report.document}", "",
             f"Văn bản cấp trên: {report.parent.id or '—'} ({report.parent.how})", ""]
    if report.alignment:
        lines += ["| Chỉ tiêu cấp trên | Giá trị | Chỉ tiêu kế hoạch | Giá trị | Điểm | Kết luận |", "|---|---|---|---|---|---|"]
        for row in report.alignment:
            group = record.targets[row.plan_target].group if row.plan_target is not None else ""
            group = group.replace("|", "\\|")
            lines.append(f"| {row.parent_target or ''} | {_v(row.parent_value)} | {group} | {_v(row.plan_value)} "
                         f"| {row.score if row.score is not None else ''} | {row.verdict} |")
        lines.append("")
    lines.append("## Phát hiện")
    for f in report.findings + report.notes:
        lines.append(f"- **{f.severity}** `{f.code}`: {f.message_vi or f.message_en}")
    if not report.findings:
        lines.append("- (không có)")
    return "\n".join(lines)


def _v(value: Optional[float]) -> str:
    return "" if value is None else f"{value:g}"


def check_paths(paths: list[str], parent_path: Optional[str] = None, fmt: str = "json",
                out: Optional[Union[str, Path]] = None) -> int:
    """Check each plan; print to stdout or write ``<stem>.check.<fmt>`` files into ``out``. Exit code."""
    from ..pipeline import expand_paths, extract

    try:
        parent = load_parent_arg(parent_path) if parent_path else None
        parents = find_parents(DEFAULT_PARENTS)
    except ParentError as e:
        print(f"vnplan check: {e}", file=sys.stderr)
        return 2
    registry = load_registry()
    out_dir = Path(out) if out else None
    if out_dir:
        out_dir.mkdir(parents=True, exist_ok=True)
    failed = 0
    for path in expand_paths(paths):
        record = extract(path)
        if isinstance(record, ErrorRecord):
            failed += 1
            print(f"vnplan: {record.document}: {record.error}: {record.reason}", file=sys.stderr)
            continue
        report = check_record(record, parent, registry, parents)
        text = render(report, record, fmt)
        if out_dir:
            (out_dir / f"{Path(record.document).stem}.check.{fmt}").write_text(text + "\n", "utf-8")
        else:
            sys.stdout.write(text + "\n")
    return 1 if failed else 0


def add_check_parser(subparsers) -> None:
    """Register ``check PATH... [--parent ID|PATH] [--format json|md|html] [--out DIR]``."""
    p = subparsers.add_parser("check", help="check plans against their parent programme and the registry")
    p.add_argument("paths", nargs="+")
    p.add_argument("--parent", help="a parent JSON file, a plan file used as parent, or a known number")
    p.add_argument("--format", choices=("json", "md", "html"), default="json")
    p.add_argument("--out", help="write one file per plan into DIR")
    p.set_defaults(func=lambda args: check_paths(args.paths, args.parent, args.format, args.out))
