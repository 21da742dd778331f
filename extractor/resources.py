"""Where vnplan's data lives, and the one loader of its data files.

Everything vnplan reads at run time ships inside the package, under ``extractor/data/``, so an
installed vnplan (``pip install .``, a wheel) carries it: the lexicons and gazetteers (JSON), the
curated parent programmes (``parents/``), the registry of known documents (``registry/``) and the
trained models with their cards (``models/``). The repository's ``corpus/parents``,
``corpus/registry`` and ``models`` are links to these folders.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent / "data"
PARENTS_DIR = DATA_DIR / "parents"
REGISTRY_FILE = DATA_DIR / "registry" / "documents.json"
MODELS_DIR = DATA_DIR / "models"


def in_source_tree(path: Path) -> Path:
    """Where a maintenance command (``train-*``, ``build-data``, ``registry add``) reads the corpus and
    writes a file of the package: the same path in the source tree of the working directory when vnplan
    runs from an installed copy of it (``make setup`` installs one, compiled), else ``path`` itself."""
    package = Path(__file__).resolve().parent
    checkout = Path.cwd() / "extractor"
    if checkout.resolve() != package and (checkout / "resources.py").is_file() and path.is_relative_to(package):
        return checkout / path.relative_to(package)
    return path


@cache
def data_json(name: str) -> Any:
    """The parsed data file ``extractor/data/<name>`` (``"bodies.json"``), read once per process."""
    return json.loads((DATA_DIR / name).read_text("utf-8"))


def entries(data: dict) -> dict:
    """A data file's entries: its keys that are not notes (``"_note"``, ``"_source"``)."""
    return {k: v for k, v in data.items() if not k.startswith("_")}
