"""``vnplan search [QUERY] [--type KIND] [filters] [--limit N] [--json] [--db FILE | --to URL]``:
ranked hits from an index made by ``vnplan index``, each with its highlighted snippet and its
evidence (file, page, line, source offsets).

QUERY is words (all must match, accents optional: "tre em" finds "trẻ em"), ``"exact phrases"``
and prefixes (``tre*``). Without QUERY, ``--cites NUMBER`` lists the plans that cite or implement
that document, with their alignment verdicts when they were checked; with QUERY it is a filter
like the others. Terms are highlighted in colour on a terminal, as ``**term**`` otherwise;
``--json`` prints one stable JSON object.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from ..batch import EXIT_USAGE
from ..index import DEFAULT_DB, Citation, Filters, Hit, IndexUnavailable, open_index
from .index import EXIT_UNAVAILABLE, add_location

TYPES = {"documents": "document", "sections": "section", "targets": "target", "references": "reference",
         "bodies": "body", "deadlines": "deadline", "findings": "finding"}
FILTERS = ("issuer", "level", "province", "doc_type", "year", "parent", "cites", "body", "code", "severity")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("search", help="search an index of plans")
    p.add_argument("query", nargs="?", default="", help='words, "phrases", prefix*')
    p.add_argument("--type", action="append", choices=sorted(TYPES), help="kind of hit (repeatable)")
    p.add_argument("--issuer", help="issuer name, or part of it")
    p.add_argument("--level", help="issuer level: national, province, district, commune, department, school")
    p.add_argument("--province")
    p.add_argument("--doc-type", dest="doc_type", help="e.g. 'Kế hoạch'")
    p.add_argument("--year", type=int, help="year of the plan's date")
    p.add_argument("--parent", help="number of the parent programme, e.g. 782/QĐ-TTg")
    p.add_argument("--cites", help="number of a cited document; alone, lists the plans citing it")
    p.add_argument("--body", help="responsible body, or part of its name")
    p.add_argument("--code", help="finding code")
    p.add_argument("--severity", choices=("error", "warning", "info"))
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--json", action="store_true", help="one JSON object")
    add_location(p)
    p.set_defaults(run=main)


def main(args: argparse.Namespace) -> int:
    filters = Filters(kinds=tuple(TYPES[t] for t in args.type or ()),
                      **{name: getattr(args, name) for name in FILTERS})
    if not args.query.strip() and not filters.given():
        print("vnplan search: give a query, a filter or --cites NUMBER", file=sys.stderr)
        return EXIT_USAGE
    if not args.to and not Path(args.db or DEFAULT_DB).is_file():
        print(f"vnplan search: no index at {args.db or DEFAULT_DB} (make one with `vnplan index`)", file=sys.stderr)
        return EXIT_USAGE
    try:
        index = open_index(args.to or args.db)
        try:
            if args.cites and not args.query.strip():
                output = _citations(args.cites, index.cites(args.cites), args.json)
            else:
                output = _hits(args.query, filters, index.search(args.query, filters, args.limit), args.json)
        finally:
            index.close()
    except IndexUnavailable as e:
        print(f"vnplan search: {e}", file=sys.stderr)
        return EXIT_UNAVAILABLE
    sys.stdout.write(output)
    return 0


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def _marked(text: str, ranges: list[tuple[int, int]], colour: bool) -> str:
    """``text`` with ``ranges`` highlighted: bold yellow on a terminal, ``**…**`` otherwise."""
    on, off = ("\x1b[1;33m", "\x1b[0m") if colour else ("**", "**")
    out, last = [], 0
    for start, end in ranges:
        out += [text[last:start], on, text[start:end], off]
        last = end
    return "".join(out + [text[last:]])


def _where(ev: Any) -> str:
    return f"{ev.file} p.{ev.page} l.{ev.line} [{ev.start}:{ev.end}]" if ev else "(no evidence)"


def _hits(query: str, filters: Filters, hits: list[Hit], as_json: bool) -> str:
    if as_json:
        return _dumps({"query": query, "types": list(filters.kinds), "filters": filters.given(),
                       "count": len(hits), "hits": [h.to_json() for h in hits]})
    colour = sys.stdout.isatty()
    lines = [f"{len(hits)} hit(s)"]
    for n, h in enumerate(hits, 1):
        lines += [f"{n:>3}. {h.kind:<9} {h.document}  {h.title[:70]}  (score {h.score:.4g})",
                  f"     {_marked(h.snippet, h.highlights, colour)}",
                  f"     {_where(h.evidence)}"]
    return "\n".join(lines) + "\n"


def _citations(number: str, found: list[Citation], as_json: bool) -> str:
    if as_json:
        return _dumps({"cites": number, "count": len(found), "plans": [c.to_json() for c in found]})
    lines = [f"{len(found)} plan(s) cite or implement {number}"]
    for c in found:
        how = " and ".join(w for w, yes in (("cites", c.cites), ("implements", c.implements)) if yes)
        lines.append(f"  {c.document}  {c.number or '(no number)'}  {c.issuer or ''}  {c.date or ''}  [{how}]")
        lines += [f"      cited at {_where(ev)}: {ev.text[:90]}" for ev in c.mentions]
        if c.parent is not None:
            verdicts = ", ".join(f"{v} {n}" for v, n in sorted(c.verdicts.items())) or "no targets aligned"
            lines.append(f"      checked against {c.parent.get('id') or 'no parent'} ({c.parent['how']}): {verdicts}")
    return "\n".join(lines) + "\n"
