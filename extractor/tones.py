"""Unicode NFC and one tone-mark placement, the first thing done to any Vietnamese text.

Vietnamese is written with the tone of "oa", "oe" and "uy" on either vowel ("hoà" or "hòa", "uỷ" or
"ủy"); vnplan writes it on the first (``normalise_tone_marks``), the placement of the current
standard, so that the two spellings of one word compare equal. ``fold`` is the comparison key;
``unaccent`` the key without any marks ("Cơ quan chủ trì" → "co quan chu tri"), for grammars
that must also hold when marks are lost and for the search index.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

_TONED = {  # vowel -> its five toned forms (huyền, sắc, hỏi, ngã, nặng)
    "a": "àáảãạ", "e": "èéẻẽẹ", "y": "ỳýỷỹỵ",
    "A": "ÀÁẢÃẠ", "E": "ÈÉẺẼẸ", "Y": "ỲÝỶỸỴ",
    "o": "òóỏõọ", "u": "ùúủũụ", "O": "ÒÓỎÕỌ", "U": "ÙÚỦŨỤ",
}


def _tone_table() -> dict[str, str]:
    """'oà' -> 'òa', 'uỷ' -> 'ủy' ...: the tone moves to the first vowel of oa/oe/uy."""
    table = {}
    for first, second in (("o", "a"), ("o", "e"), ("u", "y")):
        for f in (first, first.upper()):
            for s in (second, second.upper()):
                for toned_s, toned_f in zip(_TONED[s], _TONED[f]):
                    table[f + toned_s] = toned_f + s
    return table


TONE_TABLE = _tone_table()
# A vowel pair that may carry its tone on the wrong vowel, not followed by an ASCII letter (inside
# a syllable, as most are: "toàn", "hoạch"); the rest of the context (end of syllable, not after
# q: "quý" keeps its tone on y) is checked in code, which is several times faster than
# look-behinds over a whole document.
_SECOND_VOWELS = "".join(sorted({k[1] for k in TONE_TABLE}))
_TONE_PAIR = re.compile(f"[oOuU][{_SECOND_VOWELS}](?![a-zA-Z])")
# The same pairs, one pattern per first vowel: a pattern opening with a letter is skipped ahead to
# about twice as fast as one opening with a class, which pays for four scans on a long text (a
# whole document). Their matches never overlap (no second vowel is a first), so the four together,
# in order, are the matches of _TONE_PAIR.
_TONE_PAIRS_BY_FIRST = tuple(re.compile(f"{first}[{_SECOND_VOWELS}](?![a-zA-Z])") for first in "oOuU")
LONG_TEXT = 2000  # characters: a text this long is scanned once per first vowel


def normalise_tone_marks(text: str) -> str:
    """Write tones on the first vowel of open oa/oe/uy syllables: hoà → hòa, khoẻ → khỏe, uỷ → ủy.

    The length of the text never changes, so offsets stay valid."""
    parts: list[str] = []
    last = 0
    n = len(text)
    for m in _tone_pairs(text):
        i, j = m.span()
        pair = TONE_TABLE.get(m.group())
        if pair is None or (i and text[i - 1] in "qQ") or (j < n and text[j].isalpha()):
            continue
        parts += (text[last:i], pair)
        last = j
    if not parts:
        return text
    parts.append(text[last:])
    return "".join(parts)


def _tone_pairs(text: str) -> Iterable[re.Match[str]]:
    """The matches of _TONE_PAIR in ``text``, in order."""
    if len(text) < LONG_TEXT:
        return _TONE_PAIR.finditer(text)
    return sorted((m for pattern in _TONE_PAIRS_BY_FIRST for m in pattern.finditer(text)), key=re.Match.start)


def clean(text: str) -> str:
    """NFC plus one tone-mark placement; keeps the length of already-composed text."""
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return normalise_tone_marks(text)


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """A comparison key: clean, casefolded, whitespace and hyphen spacing collapsed."""
    text = clean(text).casefold()
    text = re.sub(r"\s*[-–—]\s*", " - ", text)
    return re.sub(r"\s+", " ", text).strip()


def at_word_start(text: str, at: int) -> bool:
    """Whether no word character (``\\w``) comes before offset ``at``: a leading ``\\b`` checked in
    code, for scanning patterns that do without it so the regex engine can skip ahead."""
    return not at or not (text[at - 1].isalnum() or text[at - 1] == "_")


class _UnaccentTable(dict):
    """``str.translate`` table filled on first use: each character to one folded character.

    A letter or digit loses its marks and its compatibility form ("ệ" → "e", "¹" → "1"); a number
    that is no decimal digit ("½", "Ⅻ") becomes a space, as every search engine's tokenizer would
    not agree on it."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        bases = [c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)]
        folded = "d" if char in "đĐ" else bases[0].lower() if len(bases) == 1 else char.lower()
        if len(folded) != 1:
            folded = char
        if folded.isalnum() and not (folded.isalpha() or folded.isdecimal()):
            folded = " "
        self[code] = folded
        return folded


_UNACCENT = _UnaccentTable()


def unaccent(text: str) -> str:
    """``text`` without diacritics, đ/Đ as d, lower case; the same length as the NFC text."""
    return unicodedata.normalize("NFC", text).translate(_UNACCENT)
