"""vnplan as ``make setup`` installs it: built, with the modules of ``[tool.vnplan.compiled]`` compiled
by mypyc, and reading every real document as its interpreted sources do (records and check reports
alike). The rest of the suite reads the sources (pytest's ``pythonpath``); this file reads the
installed copy, run with ``python -I`` so that neither the working directory nor PYTHONPATH lends it
the sources."""

from __future__ import annotations

import filecmp
import json
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
from conftest import ROOT, compiled_modules

INSTALLED = Path(sysconfig.get_paths()["purelib"]) / "extractor"
SETS = ["corpus/plans", "corpus/heldout/plans", "corpus/dev/docs", "corpus/blind/docs"]
CLI = "import sys; from extractor.cli import main; sys.exit(main())"


def _run(args: list[str], installed: bool, cwd: Path) -> str:
    python = [sys.executable, "-I", "-c", CLI] if installed else [sys.executable, "-c", CLI]
    env = None if installed else {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(python + args, cwd=cwd, env=env, capture_output=True, text=True, timeout=600).stdout


@pytest.fixture(scope="module")
def installed() -> Path:
    """The installed copy, which must be this tree's (``make setup`` builds it again on any change)."""
    assert INSTALLED.is_dir() and INSTALLED.resolve() != (ROOT / "extractor").resolve(), \
        "vnplan is not installed as `make setup` installs it (built, not editable): run `make setup`"
    sources = [p for p in (ROOT / "extractor").rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    stale = [str(p.relative_to(ROOT)) for p in sources
             if not (INSTALLED / p.relative_to(ROOT / "extractor")).is_file()
             or not filecmp.cmp(p, INSTALLED / p.relative_to(ROOT / "extractor"), shallow=False)]
    assert not stale, f"the installed vnplan is not this tree's ({stale[:5]}): run `make setup`"
    return INSTALLED


def test_the_installed_copy_is_compiled(installed):
    modules = compiled_modules()
    assert len(modules) > 40 and "extractor/normalise.py" in modules
    missing = [m for m in modules if not list((installed.parent / m).parent.glob(Path(m).stem + ".cpython-*.so"))]
    assert not missing, missing
    where = subprocess.run([sys.executable, "-I", "-c", "import extractor.normalise as n; print(n.__file__)"],
                           cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert where.strip().startswith(str(installed)) and where.strip().endswith(".so"), where


@pytest.mark.parametrize("corpus", SETS)
def test_the_compiled_copy_reads_every_document_as_the_sources_do(installed, corpus, tmp_path):
    folder = ROOT / corpus
    assert len(list(folder.glob("*.*"))) >= 3, folder
    for command in (["extract", str(folder), "--format", "jsonl"], ["check", str(folder)]):
        compiled, interpreted = _run(command, True, tmp_path), _run(command, False, tmp_path)
        assert compiled.strip(), command
        assert compiled == interpreted, command
        if command[0] == "extract":
            assert len([json.loads(line) for line in compiled.splitlines()]) == len(list(folder.glob("*.*")))


def test_maintenance_commands_of_the_installed_copy_write_into_the_source_tree(installed):
    out = subprocess.run([sys.executable, "-I", "-c", "from extractor.resources import MODELS_DIR, REGISTRY_FILE, "
                          "in_source_tree; print(in_source_tree(MODELS_DIR)); print(in_source_tree(REGISTRY_FILE))"],
                         cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    assert out == [str(ROOT / "extractor" / "data" / "models"), str(ROOT / "extractor" / "data" / "registry" / "documents.json")]
