"""Where the predicate of a value-first target begins and ends when no cue word says so: the
first verb after a noun phrase by underthesea's part-of-speech tags, and the end of the clause."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional


@lru_cache(maxsize=1)
def _pos_tagger():
    """underthesea's POS tagger, loaded only when the cue grammar finds no predicate."""
    try:
        from underthesea import pos_tag
    except Exception:  # pragma: no cover - optional
        return None
    return pos_tag


# Verbs that occur inside groups and must not open a predicate on their own.
# They describe who is counted ("người sử dụng lao động", "phụ nữ mang thai", "trẻ em lang thang").
_GROUP_VERBS = frozenset({
    "làm", "bị", "có", "nuôi dưỡng", "chăm sóc", "liên quan", "mua bán", "bóc lột",
    "sinh sống", "cư trú", "sống", "lao động", "bảo vệ", "giáo dục", "mang thai", "lang thang",
    "khuyết tật", "mồ côi", "nhiễm", "ảnh hưởng", "vi phạm", "xâm hại", "tham gia", "trở thành", "bỏ học", "đi làm",
})
# Verbs that are part of a group only before their object: "người sử dụng lao động" (employers),
# but "doanh nghiệp | sử dụng nền tảng số".
_GROUP_VERB_OBJECTS = {"sử dụng": ("lao động",)}

USE_POS_FALLBACK = True  # measured on the constructed dev set: see tests/test_targets.py

# The tagger reads at most this many words after the group's start: a group and the head of its
# predicate fit in it, and underthesea's cost grows with the square of what it is given. It counts
# tokens (a word, or one mark of punctuation: "em))))" is five), so the window is also held to
# POS_WINDOW_TOKENS of them and POS_WINDOW_CHARS characters, which plain words never reach.
POS_WINDOW_WORDS = 40
POS_WINDOW_TOKENS = 80
POS_WINDOW_CHARS = 600
_TOKEN_RE = re.compile(r"\w+|[^\w\s]")

# Adverbs that open a predicate when a verb follows them: "cơ quan ... thường xuyên tuyên truyền".
_ADVERBS = frozenset({"thường xuyên", "chủ động", "tích cực", "định kỳ", "luôn luôn"})
_NOUN_TAGS = ("N", "Np", "Nc", "Ny")


def window_end(text: str, start: int, end: int, words: int = POS_WINDOW_WORDS) -> int:
    """Where the ``words``-th word (a run of non-spaces) after ``start`` ends (``end`` if the text is
    shorter), or sooner: after POS_WINDOW_TOKENS tokens, or POS_WINDOW_CHARS characters."""
    end = min(end, start + POS_WINDOW_CHARS)
    last, seen = start, 0
    for count, m in enumerate(_TOKEN_RE.finditer(text, start, end), 1):
        if m.start() == start or text[m.start() - 1].isspace():  # a word begins
            seen += 1
            if seen > words:
                return last
        last = m.end()
        if count >= POS_WINDOW_TOKENS:
            return last
    return end


def pos_predicate_start(text: str, start: int, end: int) -> Optional[int]:
    """First verb after a noun phrase, by POS tags: a fallback for predicates without cues.

    A verb followed by a conjunction is part of a coordinated noun ("cơ quan truyền thông và hệ
    thống truyền thanh"); an adverb of manner right before a verb opens the predicate with it.
    Only the first ``POS_WINDOW_WORDS`` words are tagged.
    """
    tagger = _pos_tagger() if USE_POS_FALLBACK else None
    if tagger is None:
        return None
    chunk = text[start:window_end(text, start, end)]
    try:
        tags = tagger(chunk)
    except Exception:  # pragma: no cover - the tagger must never sink extraction
        return None
    pos, seen_noun = 0, False
    for k, (word, tag) in enumerate(tags):
        found = chunk.find(word, pos)
        if found < 0:
            continue
        pos = found + len(word)
        following = tags[k + 1] if k + 1 < len(tags) else ("", "")
        if tag in _NOUN_TAGS:
            seen_noun = True
        elif not seen_noun:
            continue
        elif _listed(tags, k):
            continue  # "cơ quan, tổ chức, cơ sở": an item of a list of nouns
        elif _opens_predicate(word, tag, following):
            return start + found
    return None


def _listed(tags: list[tuple[str, str]], k: int) -> bool:
    """A word standing alone between two commas is an item of a list, whatever its tag: "số cơ
    quan, tổ chức, cơ sở ..." (where "tổ chức" is tagged a verb)."""
    return 0 < k < len(tags) - 1 and tags[k - 1][0] == "," and tags[k + 1][0] == ","


def _group_verb(word: str, following: tuple[str, str]) -> bool:
    word = word.lower()
    return word in _GROUP_VERBS or following[0].lower() in _GROUP_VERB_OBJECTS.get(word, ())


def _opens_predicate(word: str, tag: str, following: tuple[str, str]) -> bool:
    """A verb not followed by a conjunction, or an adverb of manner before a verb."""
    if tag == "V":
        return not _group_verb(word, following) and following[1] != "C"
    return word.lower() in _ADVERBS and following[1] == "V" and following[0].lower() not in _GROUP_VERBS


def predicate_end(text: str, start: int, end: int) -> int:
    """A predicate runs to the end of its clause: the first ';' unless a list opened by ':' holds it."""
    semi = text.find(";", start, end)
    colon = text.find(":", start, end)
    if semi >= 0 and not (0 <= colon < semi):
        return semi
    return end
