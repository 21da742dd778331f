"""A CLI call on one plan pays only for what it uses: the batch's libraries (openpyxl, rich, Dask)
load only in batch paths, scikit-learn only in the check's matching, underthesea only where a
target needs POS tags."""

from __future__ import annotations

import subprocess
import sys

from conftest import SEEDS

HEAVY = ("sklearn", "underthesea", "openpyxl", "rich", "dask", "distributed", "spacy", "pdfplumber", "docx")


def loaded_after(code: str) -> list[str]:
    probe = f"{code}\nimport sys\nprint(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    return subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True).stdout.split()


def test_starting_the_cli_loads_no_heavy_library():
    assert loaded_after("import extractor.cli") == []


def test_extracting_a_text_plan_loads_no_heavy_library():
    code = ("import contextlib, io\nfrom extractor.cli import main\n"
            f"with contextlib.redirect_stdout(io.StringIO()):\n    assert main(['extract', {str(SEEDS[0])!r}]) == 0")
    assert loaded_after(code) == []
