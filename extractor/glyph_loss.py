"""Text whose font lost its accented letters, the words a plan's reading needs written again.

Some copies come from a font, or a copy, that dropped every letter it had no glyph for: "HNG DN"
for HƯỚNG DẪN, "S: 02 /HD-SVHTTDL Ph Th, ngay 12 thang 01 nm 2017", "A. MC CH, YU CU", "Thc hin
Ngh quyt s 179/2009/NQ-HND ngy 20/4/2009". What is left of a syllable is its ASCII letters, a
letter with a mark now and then written bare ("ngay", "Hanh phuc"); most of these skeletons are no
syllables themselves ("hng", "mc", "tnh"), which is how the loss shows. :func:`restore_lines`
writes again, where one reading alone fits:

* **phrases** of the plans' vocabulary (``data/ocr_vocabulary.json``, as :mod:`.ocr_repair` reads
  it: heading words, document types, header lines), a document type followed by "số", the unit
  nouns of ``data/bodies.json`` (with their fields, "Sở Văn hóa, Thể thao và Du lịch", and level
  words, "Ủy ban nhân dân tỉnh", and "của" before them): a run of words each of which is the
  phrase's word with some of its accented letters dropped or written bare, when exactly one
  phrase of the run's length fits; longer phrases first;
* **the national motto** ("CNG HO X HI CH NGHA VIT NAM", "c l p - T do - Hanh phuc");
* **cue words before a number**: "số", "ngày", "tháng", "năm" ("S: 02", "ngy 20/4/2009", "nm 2017");
* **places**, from the gazetteer (:func:`.gazetteer.restore_glyphs`): after a level word
  ("TNH PH TH" → TỈNH PHÚ THỌ) and before the place-date's ", ngày".

Only a document whose words are largely such skeletons is read this way (:func:`glyph_lost`);
in another, a phrase is written again only where one of its words is a skeleton in lower case
("Mc tiêu" → Mục tiêu) and a place only after a level word, so codes ("KH", "CT") and text with
its accents are never touched. Every restoration is a :class:`.ocr_repair.Repair` (reason "glyph
loss"): the source range of the word as written and the word as restored.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from typing import Optional

from .gazetteer import lookup, restore_glyphs
from .lost_spaces import LETTER_RUN, letter_runs, syllables
from .ocr_repair import Piece, Repair, _apply, _cased, _spaced, _words, vocabulary
from .resources import data_json
from .tones import TONE_TABLE, unaccent

REASON = "glyph loss"
# A document is glyph-lost when this share of its words (two letters or more, not in capitals) are
# skeletons; on the corpora, 0.57 in the one such document, at most 0.04 in any other.
LOST_SHARE = 0.2
# ... and it has at least this many of them.
MIN_LOST = 10
# The longest phrase, in words.
MAX_PHRASE = 9
# Cue words restored before a number ("S: 02", "ngy 20/4/2009", "nm 2017").
_CUES = ("số", "ngày", "tháng", "năm")
_NUMBER_AFTER = re.compile(r"\s*[:.]?\s*\d")
# The level words a place name follows.
_LEVELS = ("tỉnh", "huyện", "quận", "xã", "phường", "thành phố", "thị xã", "thị trấn")
_MOTTOS = ("Cộng hòa xã hội chủ nghĩa Việt Nam", "Độc lập - Tự do - Hạnh phúc")
# Letters that are never dropped: a word's skeleton keeps them.
_DROPPED_KEY = re.compile(r"[aeiouyd]")


@lru_cache(maxsize=1 << 14)
def _old_style(word: str) -> str:
    """``word`` with its tone written on the second vowel of oa/oe/uy, as older fonts do (hòa → hoà)."""
    for old, new in TONE_TABLE.items():
        if new in word:
            return word.replace(new, old)
    return word


@lru_cache(maxsize=1)
def skeletons() -> frozenset[str]:
    """What is left of each syllable with an accented letter when all its accented letters are lost
    ("tỉnh" → "tnh"), when that is no syllable itself."""
    known = syllables()
    out = set()
    for syllable in known:
        if not syllable.isascii():
            for form in {syllable, _old_style(syllable)}:
                left = "".join(c for c in form if c.isascii())
                if left and left not in known:
                    out.add(left)
    return frozenset(out)


def lost_word(word: str) -> bool:
    """Whether ``word`` (letters) is what is left of a syllable that lost its accented letters."""
    lowered = word.lower()
    return len(lowered) >= 2 and lowered.isascii() and lowered in skeletons()


# A run of letters (a word as the vocabulary reads it) at the end of a line.
_LAST_WORD = re.compile(f"{LETTER_RUN.pattern}$")
LONGEST_WORD = 40  # letters: the last word of a line is looked for in its last this many characters


def lost_in(words: Iterable[str]) -> frozenset[str]:
    """The skeletons (:func:`lost_word`) among a text's distinct words: the words to look for."""
    known = skeletons()
    return frozenset(w for w in words if w.isascii() and len(w) >= 2 and w.lower() in known)


def glyph_lost(texts: list[str]) -> bool:
    """Whether a document's lines read as written by a font that lost its accented letters: of its
    words of two letters or more not written in capitals (codes are: "KH", "CT"), a share of
    :data:`LOST_SHARE` or more are skeletons (:func:`lost_word`)."""
    text = "\n".join(texts)
    return _glyph_lost(text, lost_in(letter_runs(text)))


def _glyph_lost(text: str, skeletons_found: frozenset[str]) -> bool:
    """:func:`glyph_lost` from a document's text (its lines joined) and the skeletons among its
    words (or more: one that is no word of the text counts none). The words are counted (once, in
    C) only where the skeletons occur :data:`MIN_LOST` times or more as substrings (``str.count``),
    as often as they occur as words at least: a text with its accents holds a few ("vn" of an
    e-mail address), a glyph-lost one hundreds."""
    lowered = [w for w in skeletons_found if not w.isupper()]
    if sum(text.count(w) for w in lowered) < MIN_LOST:
        return False
    counts = Counter(LETTER_RUN.findall(text))
    lost = sum(counts[w] for w in lowered)
    if lost < MIN_LOST:
        return False
    return lost >= LOST_SHARE * sum(n for w, n in counts.items() if len(w) >= 2 and not w.isupper())


def _fits(written: str, word: str) -> bool:
    """Whether ``written`` (lower case) is ``word`` (lower case) with some of its accented letters
    dropped or written without their marks."""
    at = {0}
    for c in word:
        bare = None if c.isascii() else unaccent(c)
        reach = set()
        for i in at:
            if i < len(written) and written[i] == c:
                reach.add(i + 1)
            if bare is not None:
                reach.add(i)
                if i < len(written) and written[i] == bare:
                    reach.add(i + 1)
        if not reach:
            return False
        at = reach
    return len(written) in at


@lru_cache(maxsize=1 << 16)
def _fits_any(written: str, word: str) -> bool:
    return _fits(written, word) or _fits(written, _old_style(word))


@lru_cache(maxsize=1 << 14)
def _key(word: str) -> str:
    """The letters of a word that survive any loss of accented letters ("tháng", "thng" → "thng")."""
    return _DROPPED_KEY.sub("", unaccent(word))


@lru_cache(maxsize=1)
def phrases() -> dict[tuple[str, ...], tuple[tuple[tuple[str, ...], frozenset[int]], ...]]:
    """The phrases glyph-lost words are restored to (see the module doc), word by word as written
    (the vocabulary's in lower case, the bodies' names as units write them), by the keys of their
    words (:func:`_key`), each with the gaps between its words that are a comma (by the index of the
    word before)."""
    found: set[str] = {p for group in vocabulary().values() for p in group}
    documents = data_json("ocr_vocabulary.json")["documents"]
    found |= {f"{d} số" for d in documents}
    bodies = data_json("bodies.json")
    nouns = bodies["unit_nouns"]
    found |= {f"{n} {f}" for n in ("Sở", "Phòng", "Bộ") for f in bodies["fields"]}
    for noun in (n for n in nouns if " " in n):
        found |= {noun, f"của {noun}"} | {f"{noun} {level}" for level in _LEVELS}
        found |= {f"của {noun} {level}" for level in _LEVELS}
    out: dict[tuple[str, ...], set[tuple[tuple[str, ...], frozenset[int]]]] = {}
    for phrase in found:
        words = tuple(LETTER_RUN.findall(phrase))
        commas = frozenset(k for k, gap in enumerate(re.findall(r"(?<=\w)\W+(?=\w)", phrase)) if "," in gap)
        if 2 <= len(words) <= MAX_PHRASE:
            out.setdefault(tuple(_key(w) for w in words), set()).add((words, commas))
    return {key: tuple(sorted(group)) for key, group in out.items()}


def _loose(phrase: str) -> str:
    """A pattern for ``phrase`` with any of its accented letters lost, written bare or left as a
    space ("c l p" for "Độc lập")."""
    parts = []
    for c in phrase:
        if c == " ":
            parts.append(r"\s*")
        elif c == "-":
            parts.append(r"\s*[-–—]\s*")
        elif c.isascii():
            parts.append(re.escape(c))
        else:
            parts.append(f"(?:{c}|{unaccent(c)}|\\s)?")
    return "".join(parts)


@lru_cache(maxsize=1)
def _mottos() -> tuple[tuple[re.Pattern[str], str], ...]:
    """The national motto's two lines, each as a pattern its glyph-lost writings match (tones in
    either place: "HOÀ" loses its À, "HÒA" its Ò)."""
    return tuple((re.compile(rf"(?<!\w)(?:{_loose(motto)}|{_loose(_old_style(motto))})(?!\w)", re.IGNORECASE), motto)
                 for motto in _MOTTOS)


Change = tuple[int, int, str]  # (start, end in the line's text, the text restored)


def _phrase_changes(text: str, words: list[tuple[int, int, str]], taken: set[int], whole: bool) -> list[Change]:
    table = phrases()
    lowered = [w.lower() for _, _, w in words]
    # in a document with its accents, only a lower-case skeleton shows a loss: the runs holding one
    # (the skeletons among the words lowered are the words that are :func:`lost_word`)
    skeletons_here = frozenset() if whole else lost_in(lowered)
    lost = None if whole else [k for k, w in enumerate(lowered) if w in skeletons_here and not words[k][2].isupper()]
    if lost == []:
        return []  # no run to read
    keys = [_key(w) for _, _, w in words]
    out: list[Change] = []
    for size in range(min(MAX_PHRASE, len(words)), 1, -1):
        for i in _run_starts(len(words), size, lost):
            j = i + size
            entries = table.get(tuple(keys[i:j]))  # a dict look-up first: most runs of words are no phrase
            if not entries:
                continue
            gaps = [text[words[k][1]:words[k + 1][0]] for k in range(i, j - 1)]
            if taken & set(range(i, j)) or any(gap not in (" ", ", ") for gap in gaps):
                continue
            commas = frozenset(k for k, gap in enumerate(gaps) if gap == ", ")
            candidates = [p for p, where in entries if commas <= where]
            if not candidates:
                continue
            read = lowered[i:j]
            fits = {p for p in candidates if all(_fits_any(a, b.lower()) for a, b in zip(read, p))}
            if len({tuple(w.lower() for w in p) for p in fits}) != 1:
                continue
            phrase = min(fits)
            capitals = all(w.isupper() for _, _, w in words[i:j]) and any(len(w) > 1 for _, _, w in words[i:j])
            for k, new in zip(range(i, j), phrase):
                start, end, old = words[k]
                if new.lower() != read[k - i]:
                    out.append((start, end, _restored_case(new, old, capitals)))
            taken |= set(range(i, j))
    return out


def _run_starts(count: int, size: int, holding: list[int] | None) -> Iterable[int]:
    """The first words of the runs of ``size`` of ``count`` words, in order: every run, or only those
    holding one of the words ``holding`` (their indexes, in order)."""
    if holding is None:
        return range(count - size + 1)
    return sorted({i for k in holding for i in range(max(0, k - size + 1), min(k, count - size) + 1)})


def _restored_case(new: str, old: str, capitals: bool) -> str:
    """``new`` in the case of the word as written, ``old``: capitals in a run of capitals; where the
    first letter was lost ("y" for Ủy), as the phrase writes it."""
    if capitals:
        return new.upper()
    if old[:1].lower() not in (new[:1].lower(), unaccent(new[:1])):
        return new
    return _cased(new.lower(), old)


def _place(words: list[tuple[int, int, str]], i: int, j: int) -> tuple[str, bool] | None:
    """The unit words ``i`` to ``j`` (exclusive) name, and whether they lost accented letters; None
    unless exactly one unit is named."""
    name = " ".join(w for _, _, w in words[i:j])
    if (found := lookup(name)) is not None:
        return found[0], False
    if all(w.lower() in syllables() for _, _, w in words[i:j]):
        return None
    restored = restore_glyphs(name)
    return (restored, True) if restored and len(restored.split()) == j - i else None


@lru_cache(maxsize=1 << 12)
def _level(written: str) -> str | None:
    """The one level word of a single word ``written`` (lower case) is, glyph-lost or not."""
    fits = [lvl for lvl in _LEVELS if " " not in lvl and _fits_any(written, lvl)]
    return fits[0] if len(fits) == 1 else None


@lru_cache(maxsize=1 << 12)
def _committee(first: str, second: str) -> bool:
    """Whether two words are a party committee named by its level ("Tỉnh ủy", "Huyện ủy", "Thành ủy"),
    glyph-lost or not."""
    return _fits_any(second.lower(), "ủy") and any(_fits_any(first.lower(), w) for w in ("tỉnh", "huyện", "thành"))


def _place_changes(text: str, words: list[tuple[int, int, str]], taken: set[int], whole: bool,
                   before: str = "") -> list[Change]:
    """Places after a level word ("TNH PH TH"; ``before``: the last word of the line before, for a
    place the line opens with) and, in a glyph-lost document, before ", ngày"."""
    out: list[Change] = []
    # the level word before each position, and whether a party committee comes before it, looked up
    # (cached) for every word at once; the gaps only after one
    written = [w for _, _, w in words]
    levels = [_level(before) if words and words[0][0] == 0 else None, *map(_level, map(str.lower, written[:-1]))]
    committees = [False, False, *map(_committee, written[:-2], written[1:-1])][:len(words)]
    # a place is restored after a level word, or in a glyph-lost text before ", ngày"
    positions = range(len(words)) if whole else [i for i in range(len(words)) if levels[i] or committees[i]]
    for i in positions:
        level = levels[i]
        if level is not None and i and not _spaced(text, words, i - 1, i):
            level = None
        if level is None and committees[i] and _spaced(text, words, i - 2, i):
            level = "ủy"  # "Tỉnh ủy Phú Thọ": a party committee, then its place
        if level is None and not whole:
            continue
        for size in (3, 2, 1):
            j = i + size
            if j > len(words) or taken & set(range(i, j)) or not _spaced(text, words, i, j - 1):
                continue
            dated = whole and j < len(words) and text[words[j - 1][1]:words[j][0]] == ", " \
                and _fits_any(words[j][2].lower(), "ngày")
            if not (level or dated):
                continue
            found = _place(words, i, j)
            if found is None:
                continue
            place, restored = found
            lost_level = level not in (None, "ủy") and i > 0 and words[i - 1][2].lower() != level
            if not (restored or lost_level):
                continue
            if lost_level:
                start, end, old = words[i - 1]
                out.append((start, end, _cased(str(level), old)))
            for k, new in zip(range(i, j), place.split()):
                start, end, old = words[k]
                if new.lower() != old.lower():
                    out.append((start, end, _cased(new, old)))
            taken |= set(range(i - 1 if lost_level else i, j))
            break
    return out


def _cue_changes(text: str, words: list[tuple[int, int, str]], taken: set[int]) -> list[Change]:
    out: list[Change] = []
    for k, (start, end, word) in enumerate(words):
        lowered = word.lower()
        if k in taken or lowered in _CUES or not _NUMBER_AFTER.match(text, end):
            continue
        fits = [cue for cue in _CUES if _fits_any(lowered, cue)]
        if len(fits) == 1:
            out.append((start, end, _cased(fits[0], word)))
            taken.add(k)
    return out


def restore_text(text: str, whole: bool, before: str = "") -> list[Change]:
    """The restorations of one line (see the module doc), in order; ``whole``: the document is
    glyph-lost (:func:`glyph_lost`), else only phrases with a lower-case skeleton and places after
    a level word are restored; ``before``: the last word of the line before, lower case."""
    changes: list[Change] = []
    if whole:
        for pattern, motto in _mottos():
            for m in pattern.finditer(text):
                written = m.group()
                if written.lower() != motto.lower():  # something was lost
                    changes.append((m.start(), m.end(), motto.upper() if written.isupper() else motto))
    words = _words(text)
    if changes:  # the words of the motto restored are taken
        words = [w for w in words if not any(a <= w[0] < b for a, b, _ in changes)]
    taken: set[int] = set()
    changes += _place_changes(text, words, taken, whole, before)
    changes += _phrase_changes(text, words, taken, whole)
    if whole:
        changes += _cue_changes(text, words, taken)
    return sorted(changes)


def restore_lines(lines: list[list[Piece]], texts: list[str], words: Optional[Iterable[str]] = None
                  ) -> tuple[list[list[Piece]], list[Repair]]:
    """The lines of a document (as the normaliser keeps them, and the text of each) with the words
    its font lost the accented letters of written again (see the module doc), and the restorations.
    A restored word becomes a piece of its own, mapped to the source range of the word as written.
    ``words``: the distinct runs of letters of the lines, or more (the skeletons among them only
    say which lines to read, and which words to count), when the caller knows them: any set of words
    holding every skeleton (:func:`lost_in`) of the lines will do."""
    joined = "\n".join(texts) if words is None else ""  # the lines joined, once, when they are read
    found = lost_in(letter_runs(joined) if words is None else words)
    # in a document with its accents, the skeletons it holds (few, most often none) say which lines to read
    lost = {w for w in found if not (len(w) == 2 and w.isupper())}
    if not lost:
        return lines, []  # no skeleton but codes: none to read, too few for a glyph-lost text
    joined = joined or "\n".join(texts)
    whole = _glyph_lost(joined, found)
    out, texts = list(lines), list(texts)
    repairs: list[Repair] = []
    for i in range(len(texts)) if whole else _lines_holding(joined, lost):
        text = texts[i]
        if not whole and not _lowered_skeleton(text):
            continue
        changes = restore_text(text, whole, _last_word(texts[i - 1]) if i else "")
        if changes:
            out[i], made = _apply(out[i], [(a, b, new, REASON) for a, b, new in changes])
            texts[i] = "".join(p[0] for p in out[i])
            repairs += made
    return out, repairs


def _lines_holding(joined: str, words: Iterable[str]) -> list[int]:
    """The indexes of the lines of ``joined`` (lines joined by newlines) holding one of ``words`` (no
    newline in any), in order: each word is found in the joined text, not looked for line by line."""
    holding: set[int] = set()
    for word in words:
        line = seen = 0  # the line of ``seen``, a newline or the start
        at = joined.find(word)
        while at >= 0:
            line += joined.count("\n", seen, at)
            holding.add(line)
            seen = joined.find("\n", at)
            at = joined.find(word, seen) if seen >= 0 else -1
    return sorted(holding)


def _last_word(text: str) -> str:
    """The last word of a line, lower case ("" when it ends otherwise)."""
    last = _LAST_WORD.search(text, max(0, len(text) - LONGEST_WORD))
    return last.group().lower() if last else ""


def _lowered_skeleton(text: str) -> bool:
    """Whether a line holds a skeleton (:func:`lost_word`): the only lines of a document with its
    accents that may have lost some. A code of two capitals ("KH", "CP", "VT") is a code, not a
    syllable that lost its letters."""
    return any(lost_word(w) and not (len(w) == 2 and w.isupper()) for w in LETTER_RUN.findall(text))
