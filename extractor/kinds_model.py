"""The trained section-kind model at run time: loaded once, asked for one heading's kind.

Used only when cross-validation chose the model (``kinds.chosen_method``); training lives in
``training/section_kinds.py``.
"""

from __future__ import annotations

import warnings
from functools import lru_cache
from typing import Any, Optional

from .resources import MODELS_DIR

ARTEFACT = MODELS_DIR / "section_kind.joblib"


@lru_cache(maxsize=1)
def load() -> Optional[dict[str, Any]]:
    """The trained artefact, or None when it is missing or was made by another scikit-learn."""
    import joblib
    import sklearn

    if not ARTEFACT.exists():
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        bundle = joblib.load(ARTEFACT)
    if bundle.get("sklearn") != sklearn.__version__:
        return None
    return bundle


def predict(title: str) -> Optional[tuple[str, float]]:
    """(kind, probability) by the model, or None when no usable artefact is there."""
    import numpy as np

    bundle = load()
    if bundle is None:
        return None
    model = bundle["model"]
    proba = model.predict_proba([title])[0]
    best = int(np.argmax(proba))
    return str(model.classes_[best]), float(proba[best])
