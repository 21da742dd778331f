"""The ``vnplan`` command: thin argument parsing over the pipeline.

    vnplan extract PATH... [--format json|jsonl|md] [--out DIR]
    vnplan eval --gold DIR --docs DIR [--format table|json]
    vnplan schema [--out DIR] [--check]
    vnplan train-kinds [--headings TSV] [--out DIR]
    vnplan check PATH... [--parent ID|PATH] [--format json|md|html] [--out DIR]
    vnplan registry add PATH...
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .check.registry import add_registry_parser
from .check.report import add_check_parser
from .outputs.jsonout import to_json, to_jsonl
from .outputs.markdown import to_markdown
from .pipeline import expand_paths, extract
from .records import ErrorRecord
from .runtime import batch_gc

SUFFIX = {"json": ".json", "jsonl": ".jsonl", "md": ".md"}


def _cmd_extract(args: argparse.Namespace) -> int:
    paths = expand_paths(args.paths)
    if not paths:
        print("vnplan extract: no files found", file=sys.stderr)
        return 2
    failed = 0
    out_dir = Path(args.out) if args.out else None
    if out_dir:
        out_dir.mkdir(parents=True, exist_ok=True)
    jsonl_sink = open(out_dir / "records.jsonl", "w", encoding="utf-8") if out_dir and args.format == "jsonl" else None
    records_for_stdout = []
    try:
        for path in paths:
            record = extract(path)
            if isinstance(record, ErrorRecord):
                failed += 1
                print(f"vnplan: {record.document}: {record.error}: {record.reason}", file=sys.stderr)
            if args.format == "jsonl":
                line = to_jsonl([record])
                (jsonl_sink.write(line) if jsonl_sink else sys.stdout.write(line))
                continue
            text = to_json(record) if args.format == "json" else to_markdown(record)
            if out_dir:
                (out_dir / (Path(record.document).stem + SUFFIX[args.format])).write_text(text + "\n", "utf-8")
            elif args.format == "json":
                records_for_stdout.append(record.model_dump(mode="json"))
            else:
                sys.stdout.write(text + "\n")
    finally:
        if jsonl_sink:
            jsonl_sink.close()
    if records_for_stdout:
        payload = records_for_stdout[0] if len(records_for_stdout) == 1 else records_for_stdout
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    return 1 if failed else 0


def _cmd_eval(args: argparse.Namespace) -> int:
    from .check.match import score_alignment
    from .check.parents import find_parents
    from .check.registry import load_registry
    from .check.report import DEFAULT_PARENTS, check_record
    from .evaluate import evaluate, format_table

    records = [extract(p) for p in expand_paths([args.docs])]
    if args.check:  # findings against the parent programme and the registry are scored too
        parents, registry = find_parents(DEFAULT_PARENTS), load_registry()  # read once for the batch
        for r in records:
            if not isinstance(r, ErrorRecord):
                report = check_record(r, registry=registry, parents=parents)
                r.findings, r.alignment = report.findings, report.alignment
    result = evaluate(Path(args.gold), records)
    if list(Path(args.gold).glob("*.alignment.json")):
        result["overall"]["alignment"] = score_alignment(Path(args.gold), [r for r in records if not isinstance(r, ErrorRecord)])
    if args.format == "json":
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        print(format_table(result))
    return 0


def _cmd_schema(args: argparse.Namespace) -> int:
    from .schema import check_schemas, write_schemas

    if args.check:
        stale = check_schemas(Path(args.out))
        for name in stale:
            print(f"schema out of date: {name} (run `vnplan schema`)", file=sys.stderr)
        return 1 if stale else 0
    for path in write_schemas(Path(args.out)):
        print(path)
    return 0


def _cmd_train_kinds(args: argparse.Namespace) -> int:
    from .kinds_model import train

    print(json.dumps(train(Path(args.headings), Path(args.out)), indent=2))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="vnplan", description="Extract typed records from Vietnamese government plans.")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="extract records from plans (files or folders)")
    p.add_argument("paths", nargs="+")
    p.add_argument("--format", choices=("json", "jsonl", "md"), default="json")
    p.add_argument("--out", help="write one file per document (records.jsonl for jsonl) into DIR")
    p.set_defaults(func=_cmd_extract)

    p = sub.add_parser("eval", help="score extraction against gold annotations")
    p.add_argument("--gold", required=True)
    p.add_argument("--docs", required=True)
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.add_argument("--no-check", dest="check", action="store_false",
                   help="score only extract's findings, without the parent and registry checks")
    p.set_defaults(func=_cmd_eval)

    p = sub.add_parser("schema", help="write the JSON Schema files and the search-index mapping")
    p.add_argument("--out", default="schemas")
    p.add_argument("--check", action="store_true", help="exit 1 if the files differ from the code")
    p.set_defaults(func=_cmd_schema)

    p = sub.add_parser("train-kinds", help="retrain the section-kind classifier and its model card")
    p.add_argument("--headings", default="corpus/headings.tsv")
    p.add_argument("--out", default="models")
    p.set_defaults(func=_cmd_train_kinds)

    add_check_parser(sub)  # vnplan check PATH... [--parent ID|PATH] [--format json|md|html] [--out DIR]
    add_registry_parser(sub)  # vnplan registry add PATH...
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    with batch_gc():  # every command is a batch over documents
        return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
