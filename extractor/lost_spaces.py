"""Words a source ran together, found so the normaliser can put the lost space back.

Copies of documents lose spaces ("KẾ HOẠCHTHỰC HIỆN", "Uỷban nhân dân", "thi hànhQuyết định",
"UBNDtỉnh", "ngày31/8/2012", "số1891/KH-PGDĐT"). A Vietnamese word is one syllable with one run of
vowels, so a run of letters with two runs that splits into two syllables of the lexicon
(``data/syllables.txt``, from underthesea's word list) is two words; so is a lower-case syllable
followed by a capitalised one ("VĩnhLong"), a code in capitals followed by a syllable ("UBNDtỉnh"),
and a syllable followed by digits ("ngày31"). Words without a Vietnamese letter ("Covid",
"online") and codes ("TTg", "QH14", "H5N1") are left alone.

The distinct words of a whole text, which the glued ones are looked for among (and the normaliser's
glyph-loss skeletons), are read here too, from its whitespace tokens (:func:`alnum_runs`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from .resources import DATA_DIR
from .tones import clean, unaccent

# ---------------------------------------------------------------- the words of a whole text
# A regex scan of a whole document with a Unicode class (``[^\W\d_]+``) costs some 25 ns a
# character; ``str.split`` and a set of its tokens cost a fraction of that. A run of letters never
# holds whitespace, so the runs of a text are those of its whitespace-separated tokens, and a plan
# repeats its tokens: each distinct token is read once, and most are one run whole, once the
# punctuation that clings to words is stripped (a test of ``str`` in C), not searched.

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
        out.update(token_runs(token))
    return out


def token_runs(token: str) -> list[str]:
    """The runs of letters and digits of one whitespace token, most often the token itself."""
    if token.isalnum():
        return [token]
    if (core := token.strip(_CLINGING)).isalnum():
        return [core]
    return _ALNUM_RUN.findall(core)


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


# ---------------------------------------------------------------- lost spaces
# A run of letters and digits long enough to hold two words; only these are looked at.
MIN_CANDIDATE = 4
_CANDIDATE = re.compile(f"{ALNUM}{{{MIN_CANDIDATE},}}")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_VOWEL_RUN = re.compile(r"[aeiouy]+")


@lru_cache(maxsize=1)
def syllables() -> frozenset[str]:
    """The lexicon: lower-case syllables, NFC, tone marks on the first vowel of oa/oe/uy."""
    lines = (DATA_DIR / "syllables.txt").read_text("utf-8").split("\n")
    return frozenset(line for line in lines if line and not line.startswith("#"))


def _vowel_runs(word: str) -> int:
    return len(_VOWEL_RUN.findall(unaccent(word)))


def _syllable(word: str) -> bool:
    return clean(word).lower() in syllables()


@lru_cache(maxsize=1 << 16)
def split_point(word: str) -> int:
    """Where a space was lost inside ``word`` (an offset into it), or 0 when none was (a plan's
    vocabulary is small: each word is worked out once)."""
    if not _NON_ASCII.search(word) or _syllable(word):
        return 0
    for i in range(1, len(word)):
        a, b = word[i - 1], word[i]
        if a.isalpha() and b.isdigit():  # "ngày31/8/2012": a syllable, then its number
            return i if a.islower() and _syllable(word[:i]) else 0
        if a.islower() and b.isupper() and _syllable(word[:i]) and _syllable(word[i:]):  # "VĩnhLong"
            return i
        if a.isupper() and b.islower() and i >= 2 and word[:i].isupper() and word[:i].isalpha() \
                and _vowel_runs(word[i:]) == 1 and _syllable(word[i:]):
            # "UBNDtỉnh": a code in capitals, then a word (not "6Công": an index, then a word; not
            # "QĐTTg", "QĐTTr": a code whose last part ends in lower case, no vowel, no syllable)
            return i
    if not word.isalpha() or _vowel_runs(word) < 2:
        return 0
    for i in range(len(word) - 2, 1, -1):  # the longest first syllable wins: "thựchiện" → "thực hiện"
        head, tail = word[:i], word[i:]
        if _vowel_runs(head) == 1 and _vowel_runs(tail) == 1 and _syllable(head) and _syllable(tail):
            return i
    return 0


def glued_words(runs: Iterable[str]) -> frozenset[str]:
    """The words of a whole text that ran two words together, from its distinct runs of letters and
    digits (:func:`alnum_runs`; each looked at once): a text with none (most) need not be
    read line by line for lost spaces."""
    return frozenset(w for w in runs if len(w) >= MIN_CANDIDATE and split_point(w))


def lost_spaces(text: str) -> list[int]:
    """Offsets in ``text`` where a space was lost, in order."""
    out = []
    for m in _CANDIDATE.finditer(text):
        word = m.group(0)
        at = split_point(word)
        if at:
            out.append(m.start() + at)
            rest = split_point(word[at:])  # three words run together: "thựchiệnkế"
            if rest:
                out.append(m.start() + at + rest)
    return out
