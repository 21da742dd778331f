"""The distinct words of a whole text, found at the cost of splitting it on whitespace.

A regex scan of a whole document with a Unicode class (``[^\\W\\d_]+``) costs some 25 ns a
character; ``str.split`` and a set of its tokens cost a fraction of that. A run of letters never
holds whitespace, so the runs of a text are those of its whitespace-separated tokens, and a plan
repeats its tokens: each distinct token is read once, and most are one run whole, once the
punctuation that clings to words is stripped (a test of ``str`` in C), not searched.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

ALNUM = r"[^\W_]"  # a letter or a digit: what ``str.isalnum`` says of one character
_ALNUM_RUN = re.compile(f"{ALNUM}+")
# A word as the vocabularies read it: a run of letters.
LETTER_RUN = re.compile(r"[^\W\d_]+")
# Punctuation that clings to words ("tỉnh,", "**Ban", "(trước", "phố..."): no letter or digit.
_CLINGING = ".,;:!?*()[]{}\"'“”‘’…"


def alnum_runs(text: str) -> set[str]:
    """The distinct runs of letters and digits in ``text``: ``set(re.findall(r"[^\\W_]+", text))``."""
    out: set[str] = set()
    for token in set(text.split()):
        if token.isalnum():
            out.add(token)
        elif (core := token.strip(_CLINGING)).isalnum():
            out.add(core)
        else:
            out.update(_ALNUM_RUN.findall(core))
    return out


def letter_runs(text: str) -> set[str]:
    """The distinct runs of letters in ``text`` (:data:`LETTER_RUN`): ``set(LETTER_RUN.findall(text))``."""
    return letters_of(alnum_runs(text))


def letters_of(runs: Iterable[str]) -> set[str]:
    """The distinct runs of letters in runs of letters and digits (a text's are those of its :func:`alnum_runs`)."""
    out: set[str] = set()
    for run in runs:
        if run.isalpha():
            out.add(run)
        else:
            out.update(LETTER_RUN.findall(run))
    return out
