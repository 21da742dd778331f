"""The gazetteer of Vietnamese public bodies (``data/bodies.json``) as word-tuple sets per label."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from ...resources import data_json, entries
from ...tones import clean
from ..names import abbreviations


@lru_cache(maxsize=1)
def gazetteer() -> dict:
    """``data/bodies.json`` with every entry cleaned (NFC, one tone-mark placement)."""

    def c(value):
        if isinstance(value, str):
            return clean(value)
        if isinstance(value, list):
            return [c(v) for v in value]
        if isinstance(value, dict):
            return {clean(k): v for k, v in value.items()}
        return value

    return {k: c(v) for k, v in entries(data_json("bodies.json")).items()}


def _phrases(words: Iterable[str]) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(w.lower().split()) for w in words)


LABELS = ("head", "generic", "verb", "stop", "level", "qualifier", "locative", "determiner", "exclusion", "plain", "grade",
          "office", "statement", "kind", "member")
LABEL_BITS = {label: 1 << n for n, label in enumerate(LABELS)}
_LABEL_LISTS = {  # label -> gazetteer list
    "head": "unit_nouns", "generic": "generic_heads", "verb": "task_verbs", "stop": "stop_words",
    "level": "level_words", "qualifier": "qualifiers", "locative": "locatives", "determiner": "plural_determiners",
    "exclusion": "head_exclusions", "plain": "plain_phrases", "grade": "school_grades", "office": "office_titles",
    "statement": "statement_verbs", "kind": "kinds_of_body",
    "member": "collective_members",
}


MAX_WORDS = 1 << 16  # distinct tokens whose facts are kept


def token_shape(token: str) -> str:
    """``C`` capitalised word, ``A`` abbreviation (UBND, GD&ĐT), ``w`` lowercase word, ``9`` number,
    ``.`` punctuation."""
    first = token[0]
    if first.isdigit():
        return "9"
    if not first.isalpha():
        return "."
    if not first.isupper():
        return "w"
    letters = token.replace("&", "")
    return "A" if len(letters) >= 2 and letters.isupper() else "C"


class Words(dict):
    """Each token's (lowercase, shape, opener bits), worked out once: a plan's vocabulary is small (the
    table is emptied when it grows past ``MAX_WORDS``). Read as ``words[token]``."""

    def __init__(self, openers: dict[str, int]):
        super().__init__()
        self.openers = openers

    def __missing__(self, token: str) -> tuple[str, str, int]:
        if len(self) >= MAX_WORDS:
            self.clear()
        low = token.lower()
        facts = self[token] = (low, token_shape(token), self.openers.get(low, 0))
        return facts


@dataclass(frozen=True)
class Lexicon:
    """The gazetteer as sets of lowercase word tuples, one set per label.

    ``lengths[label][first word]`` lists the phrase lengths (longest first) that open with
    that word, so a lookup costs one dict access when nothing matches.
    """

    phrases: dict[str, frozenset]
    lengths: dict[str, dict[str, tuple[int, ...]]]
    abbreviation_heads: frozenset  # abbreviations whose expansion opens with a unit noun: UBND, HĐND
    spelled_heads: dict[str, frozenset]  # their expansions as word tuples, by first word: ("ủy", "ban", "nhân", "dân")
    openers: dict[str, int]  # first word -> bit set of the labels (``LABEL_BITS``) with a phrase opening with it
    words: Words  # token -> (lowercase, shape, opener bits)

    @classmethod
    @lru_cache(maxsize=1)
    def load(cls) -> Lexicon:
        g = gazetteer()
        phrases = {label: _phrases(g.get(name, [])) for label, name in _LABEL_LISTS.items()}
        lengths: dict[str, dict[str, tuple[int, ...]]] = {}
        for label, group in phrases.items():
            by_first: dict[str, set[int]] = {}
            for p in group:
                by_first.setdefault(p[0], set()).add(len(p))
            lengths[label] = {w: tuple(sorted(ns, reverse=True)) for w, ns in by_first.items()}
        opening = phrases["head"] | phrases["generic"]
        abbr_heads = frozenset(
            k for k, v in abbreviations().items()
            if any(tuple(v.lower().split()[:n]) in opening for n in (1, 2, 3, 4))
        )
        spelled: dict[str, set[tuple[str, ...]]] = {}
        for k in abbr_heads:
            words = tuple(abbreviations()[k].lower().split())
            spelled.setdefault(words[0], set()).add(words)
        openers: dict[str, int] = {}
        for label, first_words in lengths.items():
            for word in first_words:
                openers[word] = openers.get(word, 0) | LABEL_BITS[label]
        return cls(phrases, lengths, abbr_heads, {w: frozenset(ps) for w, ps in spelled.items()}, openers,
                   Words(openers))

    def opens(self, word: str) -> bool:
        """Whether a body name may open with ``word`` (lowercase)."""
        return word in self.lengths["head"] or word in self.lengths["generic"] or word in self.lengths["determiner"]


@lru_cache(maxsize=1)
def level_words() -> frozenset[str]:
    return frozenset(w for phrase in Lexicon.load().phrases["level"] for w in phrase) | {"các"}
