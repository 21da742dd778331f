"""Instructions per seed document for the full record, this tree against an earlier revision.

Time on this shared machine swings with its load; the number of instructions the code executes does
not. valgrind's cachegrind counts them for 1 and for 3 passes over the five seed texts; the
difference, over the ten documents it adds, is the cost of one document with start-up taken out.
BLAS threads and hash randomisation are fixed (without that the counts swing by millions).

    .venv/bin/python benchmarks/instructions.py [--base 0279fb1]

Needs valgrind (``apt-get install valgrind``); about two minutes.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from builds import DEFAULT_BASE, ROOT, unpack

WORKER = r"""
import sys
from pathlib import Path
from extractor.pipeline import build_doc, record_from_doc
from extractor.readers import read
from extractor.runtime import batch_gc
sources = [read(p) for p in sorted(Path(sys.argv[1]).glob("*.txt"))]
with batch_gc():  # as versus.py times them
    for _ in range(int(sys.argv[2])):
        for s in sources:
            record_from_doc(build_doc(s))
"""
_I_REFS = re.compile(r"I\s+refs:\s+([\d,]+)")


def instructions(tree: Path, passes: int) -> int:
    """Instructions executed by ``passes`` passes over the seeds with ``tree``'s ``extractor``."""
    env = {**os.environ, "PYTHONPATH": str(tree), "PYTHONHASHSEED": "0", "OPENBLAS_NUM_THREADS": "1",
           "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    run = subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
                          sys.executable, "-c", WORKER, str(ROOT / "corpus" / "plans"), str(passes)],
                         env=env, cwd=tree, capture_output=True, text=True, check=True)
    found = _I_REFS.search(run.stderr)
    assert found, run.stderr[-2000:]
    return int(found.group(1).replace(",", ""))


def per_document(tree: Path) -> float:
    """Instructions of one seed document's full record (3 passes minus 1, over 10 documents)."""
    return (instructions(tree, 3) - instructions(tree, 1)) / 10


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", default=DEFAULT_BASE, help="the earlier revision (git)")
    args = ap.parse_args()
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is not installed (apt-get install valgrind)")
    with tempfile.TemporaryDirectory() as tmp:
        base = per_document(unpack(args.base, Path(tmp)))
        this = per_document(ROOT)
    print(f"full record, base {args.base:<10} {base / 1e6:7.2f}M instructions per seed document")
    print(f"full record, this tree       {this / 1e6:7.2f}M instructions per seed document")
    print(f"ratio base / this tree: {base / this:.3f} (above 1: this tree does less work)")


if __name__ == "__main__":
    main()
