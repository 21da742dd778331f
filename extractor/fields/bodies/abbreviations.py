"""Abbreviations a plan defines itself: "Sở Giáo dục và Đào tạo (GDĐT)", "(sau đây gọi tắt là CSGD)"."""

from __future__ import annotations

import re
import unicodedata
from typing import Optional

from .lexicon import Lexicon, level_words

_SPACES = re.compile(r"\s+")

_ABBR = r"[A-ZĐ][A-ZĐ&]{1,11}"
# "Sở Giáo dục và Đào tạo (GDĐT)", "các cơ sở giáo dục (CSGD)"
_PAREN_ABBR = re.compile(rf"\(\s*(?P<abbr>{_ABBR})\s*\)")
# "(sau đây gọi tắt là CSGD)", "(sau đây viết tắt là UBND)", "(gọi tắt là ...)"
_SAID_ABBR = re.compile(rf"\(\s*(?:sau\s+đây\s+)?(?:gọi|viết)\s+tắt\s+(?:là\s+)?[“\"]?(?P<abbr>{_ABBR})[”\"]?\s*\)")
_SKIP_INITIAL = {"và", "của"}


def _initial(word: str) -> str:
    ch = word[0]
    return "Đ" if ch in "Đđ" else unicodedata.normalize("NFD", ch)[0].upper()


_WORD_RE = re.compile(r"[^\W\d_]+")


def find_defined_abbreviations(text: str) -> dict[str, str]:
    """Abbreviations the plan defines: {"GDĐT": "Giáo dục và Đào tạo", "CSGD": "cơ sở giáo dục"}.

    The expansion is the run of words before the bracket whose initials spell the
    abbreviation ("và", "của" skipped; Đ may stand for D), possibly followed by a place
    ("Sở Y tế tỉnh Quảng Nam (sau đây gọi tắt là SYT)" → "Sở Y tế"); failing that, for
    "Name (ABBR)", the name from the nearest unit noun ("Trung tâm Kiểm soát bệnh tật (CDC)").
    """
    out: dict[str, str] = {}
    for pattern in (_PAREN_ABBR, _SAID_ABBR):
        for m in pattern.finditer(text):
            abbr = m.group("abbr")
            if abbr in out:
                continue
            window = max(0, m.start() - 200)
            words = [(w.group(0), w.start(), w.end()) for w in _WORD_RE.finditer(text, window, m.start())]
            expansion = _by_initials(text, words, abbr)
            if expansion is None:
                expansion = _by_unit_noun(text, words, m.start())
            if expansion:
                out[abbr] = expansion
    return out


def _by_initials(text: str, words: list[tuple[str, int, int]], abbr: str) -> Optional[str]:
    want = ["D" if c == "Đ" else c for c in abbr.replace("&", "")]
    levels = level_words()
    for drop in range(0, 5):  # trailing place words: "tỉnh Quảng Nam"
        if drop and not (words[-drop][0][0].isupper() or words[-drop][0] in levels):
            break
        run = words[: len(words) - drop]
        initials: list[str] = []
        for idx in range(len(run) - 1, -1, -1):
            w = run[idx][0]
            if w.lower() in _SKIP_INITIAL:
                continue
            initials.insert(0, "D" if _initial(w) == "Đ" else _initial(w))
            if len(initials) > len(want):
                break
            if initials == want:
                return _SPACES.sub(" ", text[run[idx][1]:run[-1][2]])
    return None


def _by_unit_noun(text: str, words: list[tuple[str, int, int]], end: int) -> Optional[str]:
    lex = Lexicon.load()
    for idx in range(len(words) - 1, max(-1, len(words) - 9), -1):
        w = words[idx][0]
        if w[0].isupper() or (idx and words[idx - 1][0].lower() in lex.lengths["determiner"]):
            for n in lex.lengths["head"].get(w.lower(), ()) + lex.lengths["generic"].get(w.lower(), ()):
                phrase = tuple(x[0].lower() for x in words[idx:idx + n])
                if phrase in lex.phrases["head"] or phrase in lex.phrases["generic"]:
                    return _SPACES.sub(" ", text[words[idx][1]:end]).strip()
    return None


