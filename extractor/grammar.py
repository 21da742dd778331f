"""The shared vocabulary of vnplan's grammars: small named parts that every field's patterns are
composed from, each defined once (in the manner of eyecite's ``regexes.py``).

Parts are pattern *sources* (strings) to embed in larger patterns, or small functions over text.
Vietnamese letters are ``\\w`` in Python's ``re``, so word edges are look-arounds on ``\\w``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Optional

from .resources import data_json

# ---------------------------------------------------------------- spaces and word edges

SPACE = r"[ \u00a0]"            # one space inside a phrase; a no-break space too ("phấn\u00a0đấu")
SPACES = rf"{SPACE}+"            # "phấn  đấu": a run of them
WORD_START = r"(?<![\w])"       # nothing of a word before: "tăng" but not "khăng"
WORD_END = r"(?![\w])"          # nothing of a word after: "xã" but not "xãhội"

# ---------------------------------------------------------------- years

YEAR = r"(?:19|20)\d\d"         # the years plans speak of: 1990, 2025, 2030
YEAR_IN_NUMBER = re.compile(rf"/{YEAR}/")  # the year of a normative number: 56/2017/NĐ-CP

# ---------------------------------------------------------------- sentences and clauses

# A sentence ends at ".", "!" or "?" before a space, a line end or the end of the text:
#   "... đạt 90%. Phấn đấu ..."  |  "... đạt 90%."  (but not "4.9" or "TP.HCM")
SENTENCE_END = re.compile(r"[.!?](?=[ \u00a0\n]|$)")
# A clause ends at ";", ":" or a line end: "90% A; 80% B", "Mục tiêu: 90% A".
CLAUSE_END = re.compile(r"[;:\n]")


# How a text that is complete ends: a stop, a semicolon, a colon, a bracket, a quote. A document's
# last paragraph without one was cut mid-sentence (the opening of a page): "... tại Quyết định số 2629/QĐ-T".
ENDED = re.compile(r"[.;:!?)\]”\"'…]\s*$")


def sentences(text: str, start: int = 0) -> list[tuple[int, int]]:
    """(start, end) of the sentences of ``text`` from ``start``, the end mark left out; empty ones
    dropped: "A đạt 90%. B đạt 80%." → [(0, 13), (15, 27)]."""
    bounds = []
    for at in _sentence_ends(text, start):
        bounds.append((start, at))
        start = at + 1
    bounds.append((start, len(text)))
    return [(a, b) for a, b in bounds if b > a]


def _sentence_ends(text: str, start: int) -> list[int]:
    """Where ``SENTENCE_END`` matches in ``text`` from ``start`` (each match one mark): the marks found
    by ``str.find``, kept where a space, a line end or the end of the text follows."""
    rest = text[start:]
    marks = sorted(positions(rest, ".") + positions(rest, "!") + positions(rest, "?"))
    return [start + at for at in marks if rest[at + 1:at + 2] in ("", " ", "\u00a0", "\n")]


def upper_share(text: str) -> float:
    """The share of the letters of ``text`` in upper case (0 without letters)."""
    letters = "".join(filter(str.isalpha, text))
    return sum(map(str.isupper, letters)) / len(letters) if letters else 0.0


def positions(text: str, word: str) -> list[int]:
    """Where ``word`` stands in ``text``, in order (``str.find``: far cheaper than a regex scan)."""
    out, i = [], text.find(word)
    while i >= 0:
        out.append(i)
        i = text.find(word, i + 1)
    return out


# How far before a range a pattern's look-behinds read ("(?<!thực[ \u00a0])", "(?<![\w])").
LOOK_BEHIND = 8


def _lowered(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` without IGNORECASE, compiled once: looked up by its source and flags, whose hash
    the source string keeps, not by the pattern, whose hash reads all its compiled code each time."""
    return _compiled_case_sensitive(pattern.pattern, pattern.flags)


@cache
def _compiled_case_sensitive(source: str, flags: int) -> re.Pattern[str]:
    return re.compile(source, flags & ~re.IGNORECASE)


def lowered(text: str) -> Optional[str]:
    """``text`` in lower case, where that keeps its offsets and what an IGNORECASE pattern written in
    lower case matches: None where a letter's lower case is longer ("İ") or IGNORECASE pairs it
    otherwise ("ı" with "i", "ſ" with "s")."""
    low = text.lower()
    return None if len(low) != len(text) or "ı" in low or "ſ" in low else low


def caseless_search(pattern: re.Pattern[str], text: str, start: int = 0, end: Optional[int] = None) -> Optional[int]:
    """Where an IGNORECASE ``pattern`` written in lower case (its look-behinds reading at most
    ``LOOK_BEHIND`` characters back) first matches in ``text[start:end]``, or None: the same pattern
    without IGNORECASE searched on the stretch lower-cased (``lowered``), a third of the cost of
    comparing cased letters; ``pattern`` itself where lower case would change what matches."""
    end = len(text) if end is None else min(end, len(text))
    lo = max(0, start - LOOK_BEHIND)
    low = lowered(text[lo:end])
    if low is None:
        m = pattern.search(text, start, end)
        return m.start() if m else None
    m = _lowered(pattern).search(low, start - lo)
    return lo + m.start() if m else None


def may_mention(text: str, words: tuple[str, ...]) -> bool:
    """Whether ``text`` may hold one of ``words`` (lower case) as an IGNORECASE pattern reads them:
    False only where its lower case (``lowered``) holds none of them."""
    low = lowered(text)
    return low is None or holds_any(low, words)


def holds_any(text: str, words: tuple[str, ...]) -> bool:
    """Whether one of ``words`` stands in ``text``: ``any(word in text for word in words)`` without a
    generator's cost per word."""
    for word in words:  # noqa: SIM110 (a loop, not any() over a generator: this is a hot path)
        if word in text:
            return True
    return False


@dataclass(frozen=True)
class Worded:
    """An IGNORECASE ``pattern`` written in lower case, words (lower case) one of which every match of
    it holds, perhaps the words one of which every match begins with (``heads``) and perhaps
    ``figures`` written alike in any case, one of which every match holds (the "19" or "20" of a
    year). It is searched only where one of its figures and one of its words are written (the
    figures looked for first, before the range is lower-cased; ``may_mention``: a text search far
    cheaper than the pattern's scan of every position), and tried only where one of its heads stands."""

    pattern: re.Pattern[str]
    words: tuple[str, ...]
    heads: tuple[str, ...] = ()
    figures: tuple[str, ...] = ()

    def search(self, text: str, start: int = 0, end: Optional[int] = None) -> Optional[re.Match[str]]:
        """``pattern.search(text, start, end)``."""
        end = len(text) if end is None else end
        stretch = text[start:end]
        if self.figures and not holds_any(stretch, self.figures):  # before the range is lower-cased
            return None
        return self._search_worded(text, lowered(stretch), start, end)

    def search_lowered(self, text: str, low: Optional[str], start: int, end: int) -> Optional[re.Match[str]]:
        """``search``, given ``low``: ``lowered(text[start:end])``, made once for a range that several
        patterns read."""
        if low is not None and self.figures and not holds_any(low, self.figures):
            return None
        return self._search_worded(text, low, start, end)

    def _search_worded(self, text: str, low: Optional[str], start: int, end: int) -> Optional[re.Match[str]]:
        """``search`` once the figures are found: the pattern searched where one of the words is written
        in ``low`` (None: everywhere) and tried where one of the heads stands."""
        if low is None:
            return self.pattern.search(text, start, end)
        if not holds_any(low, self.words):
            return None
        if not self.heads:
            return self.pattern.search(text, start, end)
        for at in sorted(at for head in self.heads for at in positions(low, head)):
            m = self.pattern.match(text, start + at, end)
            if m:
                return m
        return None


def clause_start(text: str, floor: int, at: int) -> int:
    """Where the clause holding offset ``at`` begins, not before ``floor``: after the last clause end."""
    last = max(text.rfind(";", floor, at), text.rfind(":", floor, at), text.rfind("\n", floor, at))
    return last + 1 if last >= 0 else floor


def clause_end(text: str, start: int, end: int) -> int:
    """The first ";" in ``text[start:end]``, or ``end``: where a list item's clause stops."""
    semi = text.find(";", start, end)
    return semi if semi >= 0 else end


# ---------------------------------------------------------------- administrative levels

# The levels a plan names, as the body and budget records write them.
LEVELS: dict[str, str] = {
    "trung ương": "national",   # ngân sách trung ương
    "tỉnh": "province",         # cấp tỉnh
    "thành phố": "province",    # cấp thành phố (a centrally-run city)
    "huyện": "district",        # cấp huyện
    "quận": "district",         # cấp quận
    "thị xã": "district",       # cấp thị xã
    "xã": "commune",            # cấp xã
    "phường": "commune",        # cấp phường
    "thị trấn": "commune",      # cấp thị trấn
    "cơ sở": "commune",         # cấp cơ sở (the grassroots)
}
# One level word: "tỉnh", "thị xã" (longest first, so "thị xã" is not read as "thị").
LEVEL = "(?:" + "|".join(sorted((w.replace(" ", r"\s+") for w in LEVELS), key=len, reverse=True)) + ")"
# A heading that opens with a level: "Cấp tỉnh", "Ở cấp huyện: ...", "Đối với cấp xã".
LEVEL_HEADING = rf"^(?:Ở\s+|Đối\s+với\s+)?[Cc]ấp\s+(?P<level>{LEVEL})\b"


def level_of(word: str) -> str:
    """The level a level word names: "thị  xã" → "district"."""
    return LEVELS[re.sub(r"\s+", " ", word.lower())]


# ---------------------------------------------------------------- unit nouns


@lru_cache(maxsize=1)
def unit_nouns() -> tuple[str, ...]:
    """The unit nouns that open the name of a public body, from the gazetteer (``bodies.json``):
    "Ủy ban nhân dân", "Sở", "Phòng", "Trung tâm" ... , longest first."""
    return tuple(sorted(data_json("bodies.json")["unit_nouns"], key=len, reverse=True))
