"""What the target filter reads of one candidate value: the words around it, where it stands, the
tense cues before it, its comparator and its unit. Shared by training (``training/target_filter``)
and, when the model was chosen, by the run time (``filter``); pure, no scikit-learn here.

A *candidate* is every quantity ``numbers.find_quantities`` finds in a paragraph the finder walks,
whether the rules make it a target or not.
"""

from __future__ import annotations

import re
from typing import Union

from ...document import Paragraph
from ...normalise import fold
from ..numbers import Quantity
from .grammar import (
    COMMITMENT_CUE,
    COPULA_BEFORE,
    GOAL_HEADING_RE,
    PAST_BEFORE_RE,
    SITUATION,
    STATISTIC_YEAR,
    tail,
)
from .phrases import comparator_of

Features = dict[str, Union[str, float]]

_WORDS_BEFORE = 6
_WORDS_AFTER = 6
_WORD_RE = re.compile(r"\w+")
_PAST_HEADING_RE = re.compile(r"(?i)kết\s+quả|thực\s+trạng|tình\s+hình|đánh\s+giá")


def _words(text: str) -> list[str]:
    """Folded words, digits reduced to their shape ("2020" → "0000"): years and counts generalise."""
    return [re.sub(r"\d", "0", w) for w in _WORD_RE.findall(fold(text))]


def candidate_features(p: Paragraph, q: Quantity, loose: bool, skipped: bool) -> Features:
    """The features of quantity ``q`` of paragraph ``p`` (offsets into ``p.text``)."""
    text = p.text
    before_text = text[max(0, q.start - 120):q.start]
    before, after = _words(before_text)[-_WORDS_BEFORE:], _words(text[q.end:q.end + 80])[:_WORDS_AFTER]
    f: Features = {f"b:{w}": 1.0 for w in before}
    f.update({f"a:{w}": 1.0 for w in after})
    if before:
        f[f"b1:{before[-1]}"] = 1.0
    if len(before) > 1:
        f[f"b2:{before[-2]}_{before[-1]}"] = 1.0
    if after:
        f[f"a1:{after[0]}"] = 1.0
    heading = " ".join(p.context[:1] + p.context[-1:])
    comparator, _, _ = comparator_of(text, q, 0)
    f.update({
        "kind": p.section_kind or "none", "role": p.role, "unit": q.unit, "comparator": comparator,
        "loose": float(loose), "skipped_paragraph": float(skipped),
        "range": float(q.min is not None), "per_year": float(q.per_year), "named_rate": float(q.named_unit),
        "date_like": float(q.date_like), "over_100": float(q.unit == "%" and q.value > 100),
        "whole_hundred": float(q.value == 100), "negative": float(q.value < 0),
        "cue:situation": float(bool(SITUATION.search(before_text))),
        "cue:commitment": float(bool(COMMITMENT_CUE.search(before_text))),
        "cue:past_before": float(bool(PAST_BEFORE_RE.search(before_text))),
        "cue:year_copula": float(bool(tail(COPULA_BEFORE, before_text, 0, len(before_text)) and STATISTIC_YEAR.search(before_text))),
        "heading:past": float(bool(_PAST_HEADING_RE.search(heading))),
        "heading:goal": float(bool(GOAL_HEADING_RE.search(heading))),
    })
    return f
