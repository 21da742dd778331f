"""The fourth speed pass over targets: each cheap path says what the code it replaced says, checked
against that code (kept here as its specification) on constructed variants."""

from __future__ import annotations

import re

from extractor.fields.targets.grammar import SITUATION_RE, STRONG_CUE_RE
from extractor.grammar import _lowered


def test_lowered_pattern_is_the_pattern_without_ignorecase_made_once() -> None:
    for pattern in (STRONG_CUE_RE, SITUATION_RE, re.compile("x", re.IGNORECASE | re.VERBOSE)):
        plain = _lowered(pattern)
        assert plain is _lowered(pattern)
        assert plain.pattern == pattern.pattern and plain.flags == pattern.flags & ~re.IGNORECASE
