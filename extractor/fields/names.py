"""Canonical names of public bodies: abbreviations expanded, hyphens and spaces normalised.

``canonical_name("Sở LĐ-TB&XH")`` gives ``"Sở Lao động - Thương binh và Xã hội"``.
Abbreviations come from ``data/abbreviations.json`` plus those a plan defines itself
("Sở Giáo dục và Đào tạo (GDĐT)", "(sau đây gọi tắt là CSGD)"), passed as ``extra``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import Optional

from ..resources import data_json, entries
from .grammar import unit_nouns

# Units whose abbreviation is also an ordinary word; expanded only after a unit noun.
_AMBIGUOUS = {"TE", "CA", "TP", "TX", "TT"}
# A unit noun of the gazetteer ("Sở", "Trung tâm", "Ủy ban nhân dân"), "ngành", or UBND.
_UNIT_NOUNS = "(?:" + "|".join(n.replace(" ", r"\s+") for n in unit_nouns()) + r"|[Nn]gành|UBND)"


@lru_cache(maxsize=1)
def abbreviations() -> dict[str, str]:
    return entries(data_json("abbreviations.json"))


def _pattern(keys: list[str]) -> re.Pattern[str]:
    # Longest first so "UBMTTQVN" wins over "UBMTTQ"; word boundaries that respect Vietnamese letters.
    alts = "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))
    return re.compile(rf"(?<![\w&])(?:{alts})(?![\w&])")


@lru_cache(maxsize=64)
def _compiled(extra_items: tuple[tuple[str, str], ...]) -> tuple[re.Pattern[str], dict[str, str]]:
    table = {k: v for k, v in abbreviations().items() if k not in _AMBIGUOUS}
    table.update(dict(extra_items))
    return _pattern(list(table)), table


_SPACED_HYPHEN = re.compile(r"\s*[-–—]\s+|\s+[-–—]\s*")
_SPACES = re.compile(r"\s+")
# An ambiguous abbreviation is expanded only after a unit noun or another abbreviation.
_AMBIG_AFTER_UNIT = re.compile(
    rf"((?:{_UNIT_NOUNS}|\b[A-ZĐ][A-ZĐ&,-]+)\s+)({'|'.join(sorted(_AMBIGUOUS))})(?![\w&])"
)


def normalise_spacing(name: str) -> str:
    """Collapse whitespace and write every spaced or half-spaced dash as ' - '."""
    name = _SPACED_HYPHEN.sub(" - ", name)
    # "Lao động- Thương binh" (space after only) is covered above; "Lao động -Thương" too.
    return _SPACES.sub(" ", name).strip(" ,;:.")


def expand_abbreviations(name: str, extra: Optional[Mapping[str, str]] = None) -> str:
    full = abbreviations()
    name = _AMBIG_AFTER_UNIT.sub(lambda m: m.group(1) + full[m.group(2)], name)
    pattern, table = _compiled(tuple(sorted((extra or {}).items())))
    return pattern.sub(lambda m: table[m.group(0)], name)


_AMPERSAND = re.compile(r"\s*&\s*")


def canonical_name(name: str, extra: Optional[Mapping[str, str]] = None) -> str:
    """The canonical form of a body's name as gold annotations write it."""
    name = expand_abbreviations(name, extra)
    name = normalise_spacing(name)
    # "Lao động - Thương binh & Xã hội" -> "và"
    return _AMPERSAND.sub(" và ", name) if "&" in name else name


# A run of letters with a Vietnamese letter in it (two words glued: "Uỷban", "đồngnhân", "hoạchvà").
_GLUED = re.compile(r"[^\W\d_]{4,}")
_VIETNAMESE = re.compile(r"[^\x00-\x7f]")
_VOWELS = re.compile(r"[aeiouy]+")


def _vowel_groups(part: str) -> int:
    """Runs of vowels, marks set aside: a Vietnamese word has exactly one ("Thương", "quyết": one;
    "Uỷban": two; "Th": none, no word)."""
    bare = "".join(c for c in unicodedata.normalize("NFD", part.casefold()) if not unicodedata.combining(c))
    return len(_VOWELS.findall(bare))


def split_glued(text: str, known: Callable[[str], bool]) -> str:
    """``text`` with each word that is two known words run together split by a space, as the
    source lost it: "Hội đồngnhân dân và Uỷban nhân dân" → "Hội đồng nhân dân và Uỷ ban nhân dân".
    ``known`` says whether a word is a word of the vocabulary at hand (it folds case and tone marks
    itself). A Vietnamese word is one syllable, one run of vowels: a run of letters with two that
    splits into two known words is two words; the longest known first part wins ("thựchiện" →
    "thực hiện"). Words without a Vietnamese letter ("Covid", "online") are kept."""

    def split(m: re.Match[str]) -> str:
        word = m.group(0)
        if not _VIETNAMESE.search(word) or _vowel_groups(word) < 2:
            return word  # one syllable, one word
        for i in range(len(word) - 2, 1, -1):
            head, tail = word[:i], word[i:]
            if _vowel_groups(head) == 1 and _vowel_groups(tail) == 1 and known(head) and known(tail):
                return f"{head} {tail}"
        return word

    return _GLUED.sub(split, text)
