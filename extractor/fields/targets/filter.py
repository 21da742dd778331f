"""The target filter at run time: the method training chose (``vnplan train-targets`` writes it to
``models/target_filter.json``) and, for a model, the veto of a rule target the model judges not a
commitment. scikit-learn and the artefact are loaded only when the chosen method needs them; with
the rules chosen nothing is loaded and nothing is vetoed.

Only the grammar gives a target its group, so a model, whichever way it won, can only veto what the
rules propose: the run time of ``model`` and of ``hybrid`` is the same veto.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from functools import lru_cache
from typing import Any, Optional

from ...resources import MODELS_DIR, data_json
from ..numbers import find_quantities
from .features import candidate_features
from .matches import Reading, TargetMatch

SIDECAR = "target_filter.json"
SIDECAR_PATH = MODELS_DIR / SIDECAR
ARTEFACT = MODELS_DIR / "target_filter.joblib"


def chosen_method() -> str:
    """"rules", "model" or "hybrid", as the leave-one-document-out comparison chose; "rules" when no
    sidecar is there."""
    if not SIDECAR_PATH.exists():
        return "rules"
    return str(data_json(f"models/{SIDECAR}").get("chosen", "rules"))


@lru_cache(maxsize=1)
def _load() -> Optional[dict[str, Any]]:
    """The trained artefact, or None when it is missing or was made by another scikit-learn."""
    import joblib
    import sklearn

    if not ARTEFACT.exists():
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        bundle = joblib.load(ARTEFACT)
    return bundle if bundle.get("sklearn") == sklearn.__version__ else None


def target_veto() -> Optional[Callable[[Reading, TargetMatch], bool]]:
    """A function saying whether the model vetoes one rule target, or None (the rules alone)."""
    if chosen_method() == "rules":
        return None
    bundle = _load()
    if bundle is None:
        return None
    model, threshold = bundle["model"], float(bundle.get("threshold", 0.5))

    def veto(reading: Reading, m: TargetMatch) -> bool:
        p = reading.paragraph
        q = next((q for q in find_quantities(p.text) if q.start == m.value_start), None)
        if q is None:
            return False
        features = candidate_features(p, q, reading.loose, reading.skipped)
        return float(model.predict_proba([features])[0][1]) < threshold

    return veto
