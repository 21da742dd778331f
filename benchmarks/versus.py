"""The full record on the seed texts, this tree against an earlier revision, in the same run.

This tree runs twice: as its sources (interpreted) and as installed (the modules of
``[tool.vnplan.compiled]`` compiled by mypyc: what ``make setup`` and the wheel give a user); the
earlier revision as its sources (before issue 10 nothing was compiled). This machine is shared and
noisy: a figure measured an hour ago says little about today's. So the versions run side by side,
each in a process of its own (the earlier one from ``git archive REV extractor``), and take their
passes in turn, so that the machine's bursts weigh on both alike. Per
version: the best pass (the speed of the code: interference only adds time) and the median, in
documents/s of CPU time on one core, and the ratio of this tree to the earlier one; and the median,
over the passes, of the ratio of two passes taken one after the other (the least moved by the load).

    .venv/bin/python benchmarks/versus.py [--base 0279fb1] [--passes 30] [--steps] [--interpreted-only]

``--steps`` adds each step's cost (ms per document, best pass) for every version. The compiled build
is the environment's installation when it holds this tree's sources (``make setup``), else a wheel
built for the run (a few minutes).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from builds import DEFAULT_BASE, ROOT, compiled_build, unpack

# The worker: one process per version, answering "pass" with the CPU seconds of one pass over the
# seed texts, "steps" with each step's best cost, "quit" to stop. It imports the ``extractor`` found
# first on its sys.path: the earlier revision's when PYTHONPATH names its tree.
WORKER = r"""
import json, sys, time
from pathlib import Path

from extractor.pipeline import build_doc, record_from_doc
from extractor.readers import read
from extractor.runtime import batch_gc

sources = [read(p) for p in sorted(Path(sys.argv[1]).glob("*.txt"))]
for s in sources:
    record_from_doc(build_doc(s))

def timed(work, items):
    t = time.process_time()
    for item in items:
        work(item)
    return time.process_time() - t

def steps(repeat):
    from extractor.fields import bodies, budget, metadata, references, targets
    from extractor.normalise import normalise
    docs = [build_doc(s) for s in sources]
    best = lambda work, items: min(timed(work, items) for _ in range(repeat)) / len(items) * 1000
    norm = best(lambda s: normalise(s.text), sources)
    return {"normalise": norm, "segment": best(build_doc, sources) - norm,
            "metadata": best(metadata.extract_metadata, docs), "targets": best(targets.extract_targets, docs),
            "references": best(references.extract_references, docs), "bodies": best(bodies.find_bodies, docs),
            "budget": best(budget.extract_budget, docs)}

import extractor
print(json.dumps({"ready": len(sources), "package": extractor.__file__}), flush=True)
with batch_gc():
    for line in sys.stdin:
        if line.startswith("pass"):
            print(json.dumps({"seconds": timed(lambda s: record_from_doc(build_doc(s)), sources)}), flush=True)
        elif line.startswith("steps"):
            print(json.dumps(steps(int(line.split()[1]))), flush=True)
        else:
            break
"""


def start(tree: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(tree), "PYTHONHASHSEED": "0"}
    # "-c" puts the working directory first on sys.path: run in the tree, so that its ``extractor``
    # is the one imported (from /work/main, the base would measure this tree's code)
    proc = subprocess.Popen([sys.executable, "-c", WORKER, str(ROOT / "corpus" / "plans")], env=env, cwd=tree,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    ready = json.loads(proc.stdout.readline())  # type: ignore[union-attr]
    assert ready["ready"] == 5 and ready["package"].startswith(str(tree)), ready
    return proc


def ask(proc: subprocess.Popen, line: str) -> dict:
    proc.stdin.write(line + "\n")  # type: ignore[union-attr]
    proc.stdin.flush()  # type: ignore[union-attr]
    return json.loads(proc.stdout.readline())  # type: ignore[union-attr]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", default=DEFAULT_BASE, help="the earlier revision (git)")
    ap.add_argument("--passes", type=int, default=30)
    ap.add_argument("--steps", action="store_true")
    ap.add_argument("--interpreted-only", action="store_true", help="leave out this tree's compiled build")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        trees = {f"base {args.base}": unpack(args.base, Path(tmp) / "base"), "this tree, interpreted": ROOT}
        if not args.interpreted_only:
            trees["this tree, compiled"] = compiled_build(Path(tmp))
        versions = {name: start(tree) for name, tree in trees.items()}
        times: dict[str, list[float]] = {name: [] for name in versions}
        for k in range(args.passes):
            names = list(versions)
            for name in names[k % len(names):] + names[:k % len(names)]:  # each version first in turn
                times[name].append(ask(versions[name], "pass")["seconds"])
        step_costs = {name: ask(proc, "steps 10") for name, proc in versions.items()} if args.steps else {}
        for proc in versions.values():
            proc.stdin.write("quit\n")  # type: ignore[union-attr]
            proc.stdin.close()  # type: ignore[union-attr]
            proc.wait()
    best = {name: 5 / min(ts) for name, ts in times.items()}
    median = {name: 5 / statistics.median(ts) for name, ts in times.items()}
    for name in versions:
        print(f"full record, {name:<24} {best[name]:>7.1f} documents/s best pass   {median[name]:>7.1f} median pass"
              f"   ({args.passes} passes of the 5 seeds, CPU time on one core, in turn)")
    base, *others = list(versions)
    for this in others:
        # each pass of one version beside the base's taken next to it: a burst of the load falls on both
        paired = statistics.median(b / t for b, t in zip(times[base], times[this]))
        print(f"ratio {this} / base: best pass {best[this] / best[base]:.2f}, "
              f"median pass {median[this] / median[base]:.2f}, median of paired passes {paired:.2f}")
    if step_costs:
        print(f"{'step, ms per document (best of 10)':<36}" + "".join(f"{name:>26}" for name in versions))
        for step in step_costs[others[0]]:
            print(f"{step:<36}" + "".join(f"{step_costs[name].get(step, float('nan')):>26.2f}" for name in versions))


if __name__ == "__main__":
    main()
