"""The same plans in any format: ``vnplan eval`` on the text, the PDF and the DOCX of each document.

Renders the seeds and the development documents (``tests/renderings.py``: a text-layer PDF in
DejaVu Serif 13 pt, and a DOCX with heading styles), puts each format in a folder of its own, and
scores each folder against the same gold with ``vnplan eval`` (parent and registry checks
included). Prints F1 per field, one row per set and format.

    .venv/bin/python benchmarks/formats_eval.py
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from renderings import rendering

VNPLAN = Path(sys.executable).with_name("vnplan")
SETS = {"seeds": (ROOT / "corpus" / "plans", ROOT / "corpus" / "gold"),
        "dev": (ROOT / "corpus" / "dev" / "docs", ROOT / "corpus" / "dev" / "gold")}
FIELDS = ("metadata", "sections", "targets", "references", "bodies", "findings")


def scores(docs: Path, gold: Path) -> dict:
    out = subprocess.run([str(VNPLAN), "eval", "--gold", str(gold), "--docs", str(docs), "--format", "json"],
                         capture_output=True, text=True, check=False)
    return json.loads(out.stdout)["overall"]


def main() -> None:
    print(f"{'set':<6} {'format':<6} " + " ".join(f"{f[:10]:>10}" for f in FIELDS))
    for name, (docs, gold) in SETS.items():
        texts = sorted(docs.glob("*.txt"))
        assert texts, f"no documents in {docs}"
        with tempfile.TemporaryDirectory() as tmp:
            for kind in ("txt", "pdf", "docx"):
                folder = Path(tmp) / kind
                folder.mkdir()
                for text in texts:
                    source = text if kind == "txt" else rendering(text, kind)
                    shutil.copy(source, folder / source.name)
                result = scores(folder, gold)
                print(f"{name:<6} {kind:<6} " + " ".join(f"{result[f]['f1']:>10.3f}" for f in FIELDS))


if __name__ == "__main__":
    main()
