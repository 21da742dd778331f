"""The builds the speed benchmarks compare: an earlier revision's sources, this tree's sources
(interpreted), and this tree as installed (the modules of ``[tool.vnplan.compiled]`` compiled by mypyc).

Each is a folder to put first on ``PYTHONPATH`` whose ``extractor`` is the build's.
"""

from __future__ import annotations

import filecmp
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Before issue 10: the last commit of issue 9 (the structural step), before any extraction change for issue 10.
DEFAULT_BASE = "0279fb1"


def unpack(rev: str, into: Path) -> Path:
    """The ``extractor`` package of revision ``rev``, unpacked under ``into``."""
    data = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "extractor"], check=True,
                          capture_output=True).stdout
    with tarfile.open(fileobj=BytesIO(data)) as tar:
        tar.extractall(into, filter="data")
    return into


def _is_current_compiled_build(site: Path) -> bool:
    """Whether ``site`` holds this tree's ``extractor``, compiled: every source file the same as the
    tree's, and a compiled module beside the first of ``[tool.vnplan.compiled]``."""
    installed = site / "extractor"
    if not installed.is_dir() or not list(installed.glob("normalise.*.so")):
        return False
    sources = [p for p in (ROOT / "extractor").rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    return all((installed / p.relative_to(ROOT / "extractor")).is_file()
               and filecmp.cmp(p, installed / p.relative_to(ROOT / "extractor"), shallow=False) for p in sources)


def compiled_build(into: Path) -> Path:
    """This tree as installed: the environment's own installation when it is this tree's, compiled
    (``make setup`` installs it so), else a wheel built now (a few minutes) and unpacked under ``into``."""
    site = Path(sysconfig.get_paths()["purelib"])
    if _is_current_compiled_build(site):
        return site
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q", "-w", str(into / "dist")],
                   check=True)
    (wheel,) = (into / "dist").glob("vnplan-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(into / "compiled")
    return into / "compiled"
