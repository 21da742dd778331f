"""Indexing and search speed of the SQLite and PostgreSQL engines on >= 10,000 plans.

The corpus plans (seeds, held-out, shared dev documents) are extracted and checked once, then
replicated with new sha256s and document names up to ``--plans``; each engine indexes them all
(documents/s: ``Index.add`` from the record to committed rows, folding and snippets' evidence
included), then answers ``--queries`` mixed queries (words, phrases, prefixes, filtered searches,
citation look-ups; p50 and p95 latency, ``--limit`` hits each). PostgreSQL is a throwaway server
started for the run (``tests/pgserver.py``), with fsync off.

    .venv/bin/python benchmarks/index.py [--plans 10000] [--queries 300] [--engines sqlite,postgresql]
"""

from __future__ import annotations

import argparse
import hashlib
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import pgserver
from corpus_records import Pair, corpus_pairs

from extractor.index import Filters, Index, open_index
from extractor.index.folding import tokens

Query = Callable[[Index], object]


def replicate(pairs: tuple[Pair, ...], n: int) -> list[Pair]:
    """``n`` plans: the corpus again and again, each copy with its own sha256 and document name."""
    out = []
    for i in range(n):
        record, report = pairs[i % len(pairs)]
        sha = hashlib.sha256(f"{i}:{record.provenance.sha256}".encode()).hexdigest()
        name = f"copy{i:05d}_{record.document}"
        provenance = record.provenance.model_copy(update={"sha256": sha, "path": f"copies/{name}"})
        copy = record.model_copy(update={"document": name, "provenance": provenance})
        out.append((copy, report.model_copy(update={"sha256": sha, "document": name}) if report else None))
    return out


def queries(pairs: tuple[Pair, ...], count: int, limit: int, rng: random.Random) -> list[tuple[str, Query]]:
    """``count`` queries drawn from the corpus's own words, as (kind, call)."""
    texts = [t.span.text for record, _ in pairs for t in record.targets]
    texts += [b.text for record, _ in pairs for b in record.outline.preamble]
    words = sorted({w for text in texts for w in tokens(text) if len(w) > 2 and not w.isdigit()})
    issuers = sorted({r.metadata.issuer.split()[-1] for r, _ in pairs if r.metadata.issuer})
    numbers = sorted({ref.number for r, _ in pairs for ref in r.references if ref.number})
    made: list[tuple[str, Query]] = []
    for i in range(count):
        kind = ("words", "phrase", "prefix", "filtered", "cites")[i % 5]
        if kind == "words":
            q = " ".join(rng.sample(words, 2))
            made.append((kind, lambda ix, q=q: ix.search(q, Filters(), limit)))
        elif kind == "phrase":
            seq = tokens(rng.choice(texts))
            at = rng.randrange(max(1, len(seq) - 2))
            q = '"' + " ".join(seq[at:at + 3]) + '"'
            made.append((kind, lambda ix, q=q: ix.search(q, Filters(), limit)))
        elif kind == "prefix":
            q = rng.choice(words)[:3] + "*"
            made.append((kind, lambda ix, q=q: ix.search(q, Filters(), limit)))
        elif kind == "filtered":
            q, f = rng.choice(words), Filters(kinds=("target",), issuer=rng.choice(issuers))
            made.append((kind, lambda ix, q=q, f=f: ix.search(q, f, limit)))
        else:
            n = rng.choice(numbers)
            made.append((kind, lambda ix, n=n: ix.cites(n)))
    return made


def bench(location: str, plans: list[Pair], qs: list[tuple[str, Query]]) -> dict[str, float]:
    index = open_index(location)
    start = time.perf_counter()
    for record, report in plans:
        index.add(record, report)
    index.conn.commit()
    indexing = time.perf_counter() - start
    rows = sum(v for k, v in index.counts().items() if k != "documents")
    for _, call in qs[:20]:  # warm the caches
        call(index)
    times: dict[str, list[float]] = {}
    for kind, call in qs:
        t = time.perf_counter()
        call(index)
        times.setdefault(kind, []).append((time.perf_counter() - t) * 1000)
    index.close()
    every = sorted(ms for kinds in times.values() for ms in kinds)
    out = {"plans": len(plans), "rows": rows, "seconds": indexing, "docs_per_s": len(plans) / indexing,
           "p50": statistics.median(every), "p95": every[int(0.95 * (len(every) - 1))]}
    out.update({f"p50 {kind}": statistics.median(ms) for kind, ms in times.items()})
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--plans", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--limit", type=int, default=20)
    parser.add_argument("--engines", default="sqlite,postgresql")
    args = parser.parse_args()
    base = corpus_pairs()
    plans = replicate(base, args.plans)
    qs = queries(base, args.queries, args.limit, random.Random(12))
    print(f"{len(base)} corpus plans replicated to {len(plans)}; {len(qs)} queries "
          f"(words, phrases, prefixes, filtered, citations), {args.limit} hits each")
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for engine in args.engines.split(","):
            if engine == "sqlite":
                results[engine] = bench(str(Path(tmp) / "bench.sqlite"), plans, qs)
            else:
                reason = pgserver.missing()
                if reason:
                    print(f"postgresql: skipped ({reason})")
                    continue
                server = pgserver.Server()
                try:
                    results[engine] = bench(server.url, plans, qs)
                finally:
                    server.stop()
    kinds = ("words", "phrase", "prefix", "filtered", "cites")
    print(f"{'engine':<11} {'plans':>6} {'rows':>8} {'index s':>8} {'docs/s':>7} {'p50 ms':>7} {'p95 ms':>7}  "
          + "  ".join(f"p50 {k}" for k in kinds))
    for engine, r in results.items():
        print(f"{engine:<11} {r['plans']:>6} {r['rows']:>8} {r['seconds']:>8.1f} {r['docs_per_s']:>7.0f} "
              f"{r['p50']:>7.2f} {r['p95']:>7.2f}  " + "  ".join(f"{r[f'p50 {k}']:>{len(k) + 4}.2f}" for k in kinds))


if __name__ == "__main__":
    main()
