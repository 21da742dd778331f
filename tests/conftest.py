"""Shared fixtures: the seed plans, their gold annotations, and records extracted from them."""

from __future__ import annotations

import importlib.util
import json
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PLANS = ROOT / "corpus" / "plans"
GOLD = ROOT / "corpus" / "gold"
SEEDS = sorted(PLANS.glob("*.txt"))


def gold_for(path: Path) -> dict:
    return json.loads((GOLD / f"{path.stem}.gold.json").read_text("utf-8"))


@cache
def extracted(path: str):
    from extractor.pipeline import extract

    return extract(path)


@pytest.fixture(params=SEEDS, ids=lambda p: p.stem[:3])
def seed(request) -> Path:
    return request.param


def compiled_modules() -> list[str]:
    """The modules a build compiles with mypyc, as ``setup.py`` lists them (``[tool.vnplan.compiled]``)."""
    spec = importlib.util.spec_from_file_location("vnplan_setup", ROOT / "setup.py")
    assert spec and spec.loader
    setup = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(setup)  # not as __main__: setup() does not run
    return setup.compiled_modules()
