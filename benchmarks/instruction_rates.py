"""How many instructions a second each kind of text operation runs at, on the seed texts.

An instruction count (``benchmarks/instructions.py``) weighs every instruction alike. Operations that
scan memory in C (``str.find``, ``in``, a regex with a literal prefix) do much per instruction and run
at under half the rate of interpreted code, regex matching or ``str.lower``: a change that trades
a regex scan for a substring gate cuts instructions more than it cuts time. Per operation: its
instructions per pass over the five seeds (valgrind, 30 passes minus 10), its CPU time per pass (best
of three runs of 200 passes) and the rate.

    .venv/bin/python benchmarks/instruction_rates.py

Needs valgrind; about two minutes.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

from builds import ROOT

WORKER = r"""
import re, sys, time
from pathlib import Path
texts = [p.read_text("utf-8") for p in sorted(Path(sys.argv[1]).glob("*.txt"))]
cased = re.compile(r"(?<!\w)(?:phấn\s+đấu|mục\s+tiêu|chỉ\s+tiêu)")
caseless = re.compile(cased.pattern, re.IGNORECASE)
literal = re.compile(r"phấn\s+đấu")
cues = ("hỉ đạo", "iao", "ề nghị", "êu cầu", "ướng dẫn", "hân công")
OPS = {
    "str.split + set": lambda t: set(t.split()),
    "str.lower": lambda t: t.lower(),
    "regex, IGNORECASE, look-behind": lambda t: caseless.findall(t),
    "regex, look-behind": lambda t: cased.findall(t),
    "regex, literal prefix": lambda t: literal.findall(t),
    "str.find, 6 words": lambda t: [t.find(w) for w in cues],
    "Python loop over characters": lambda t: sum(1 for c in t[:3000] if c == "a"),
}
op, passes = sys.argv[2], int(sys.argv[3])
if op == "list":
    print("\n".join(OPS))
    sys.exit()
work = OPS[op]
start = time.process_time()
for _ in range(passes):
    for t in texts:
        work(t)
print((time.process_time() - start) / passes)
"""
_I_REFS = re.compile(r"I\s+refs:\s+([\d,]+)")


def _run(op: str, passes: int, counted: bool) -> str:
    """The worker's output for ``passes`` passes of ``op``: valgrind's summary when ``counted``, else the time."""
    cmd = [sys.executable, "-c", WORKER, str(ROOT / "corpus" / "plans"), op, str(passes)]
    if counted:
        cmd = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null", *cmd]
    done = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return done.stderr if counted else done.stdout


def instructions(op: str) -> float:
    """Instructions of one pass of ``op`` over the seeds (30 passes minus 10, over 20)."""
    counts = []
    for passes in (10, 30):
        found = _I_REFS.search(_run(op, passes, counted=True))
        assert found
        counts.append(int(found.group(1).replace(",", "")))
    return (counts[1] - counts[0]) / 20


def seconds(op: str) -> float:
    """CPU seconds of one pass of ``op`` over the seeds (best of three runs of 200 passes)."""
    return min(float(_run(op, 200, counted=False)) for _ in range(3))


def main() -> None:
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is not installed (apt-get install valgrind)")
    print(f"{'operation':<32} {'instructions/pass':>18} {'ms/pass':>9} {'G instructions/s':>17}")
    for op in _run("list", 0, counted=False).splitlines():
        i, t = instructions(op), seconds(op)
        print(f"{op:<32} {i / 1e6:>17.2f}M {t * 1e3:>9.3f} {i / t / 1e9:>17.2f}")


if __name__ == "__main__":
    main()
