"""Large text plans: MB/s and peak memory of ``vnplan extract`` as a plan grows, against a bare baseline.

Each plan is the five seed texts repeated to 1, 2, 5 and 10 MB (one document: its sections,
references and bodies repeat, so every field extractor has work all along). Each size runs in a
fresh process (``vnplan extract FILE --format jsonl`` to /dev/null: reading, every field, the
plan's own checks and the JSON written), timed by its CPU time; the bare baseline in the same run
reads the file, NFC-normalises it and splits it into lines and words (what no extractor can go
under). Printed per size: MB/s, the ratio of vnplan's time to the baseline's, peak RSS, and the
growth of the time per doubling (1.0 is linear).

    .venv/bin/python benchmarks/large_text.py [--sizes 1,2,5,10]
"""

from __future__ import annotations

import argparse
import math
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VNPLAN = Path(sys.executable).with_name("vnplan")
MB = 1 << 20
BARE = ("import re, sys, unicodedata\n"
        "text = unicodedata.normalize('NFC', open(sys.argv[1], encoding='utf-8').read())\n"
        "n = sum(len(re.findall(r'\\w+', line)) for line in text.splitlines())\n")


def plan_of(size_mb: float, path: Path) -> Path:
    seeds = "\n\n".join(p.read_text("utf-8") for p in sorted((ROOT / "corpus" / "plans").glob("*.txt")))
    copies = math.ceil(size_mb * MB / len(seeds.encode("utf-8")))
    path.write_text("\n\n".join([seeds] * copies), "utf-8")
    return path


def child_run(command: list[str]) -> tuple[float, float]:
    """CPU seconds and peak RSS (MiB) of one child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, after.ru_maxrss / 1024  # ru_maxrss of children: the largest so far


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1,2,5,10", help="plan sizes in MB")
    args = ap.parse_args()
    sizes = [float(s) for s in args.sizes.split(",")]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            path = plan_of(size, Path(tmp) / f"plan-{size:g}mb.txt")
            mb = path.stat().st_size / MB
            bare, _ = child_run([sys.executable, "-c", BARE, str(path)])
            cpu, rss = child_run([str(VNPLAN), "extract", str(path), "--format", "jsonl"])
            rows.append((mb, cpu, bare, rss))
    print(f"{'plan':>8} {'vnplan MB/s':>12} {'bare MB/s':>10} {'vnplan / bare':>14} {'peak RSS so far':>16}")
    for mb, cpu, bare, rss in rows:
        print(f"{mb:>6.1f} MB {mb / cpu:>12.2f} {mb / bare:>10.1f} {cpu / bare:>13.0f}x {rss:>12.0f} MiB")
    (m0, c0, _, _), (m1, c1, _, _) = rows[0], rows[-1]
    doublings = math.log2(m1 / m0)
    print(f"time growth per doubling of the plan, {m0:.0f} to {m1:.0f} MB: {(c1 / c0) ** (1 / doublings):.2f} (linear: 2.00)")


if __name__ == "__main__":
    main()
