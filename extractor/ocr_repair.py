"""Words OCR misread, put right against the Vietnamese lexicon, each repair kept to explain.

Tesseract reads Vietnamese well, but a mark is now and then read as its neighbour ("MỤC TIỂU"
for MỤC TIÊU, "YÊU CÂU" for YÊU CẦU, "NỘI DỤNG", "thương bình", "giảm thiếu"), a glyph is doubled
("QĐÐ" for QĐ), a long dash is split ("—-"), or a Roman numeral's strokes are taken for other
letters ("HI." for III., "L." for I.). The misread words are still syllables, so a syllable
lexicon alone cannot see them; the words around them can. :func:`repair_lines` changes a word
only where it is confident:

* **the vocabulary of plans** (``data/ocr_vocabulary.json``: heading words, document types,
  header lines, target cues, two syllables or more): a run of words that reads as one of these
  phrases but for its marks (or a letter read twice, "THỰỤC") is that phrase, unless the run is
  itself a word of the word list
  ("chi tiêu") or each of its words makes a word with a neighbour as read ("hệ thống bảo vệ"
  reads as "thông báo" in the middle);
* **the word list**, where OCR doubted the word (its confidence below
  :data:`LOW_CONFIDENCE`): a syllable that makes no word with either neighbour (``data/words.txt``:
  the two-syllable pairs of underthesea's Viet74K word list), when exactly one syllable with the
  same letters but other marks (``data/syllables.txt``) makes one;
* **glyphs** OCR is known to double or split (``ĐÐ``, ``—-``), and a line opening with what can
  only be a misread Roman numeral, in a document whose top-level headings are Roman numerals
  (``HI.`` → ``III.``, ``L.`` → ``I.``; how many I's a numeral has is then settled by the heading
  sequence, in ``segment``).

A word pair alone is no evidence for a word OCR was sure of: most pairs of running text are no
compounds ("nhân dân tỉnh" is none, "dân tình" is one), and on the plans' texts it would change
one word in a hundred. Only recognised text is repaired (the pages read by OCR); a typed text's
spellings are the author's. Every repair is a :class:`Repair`: the source range of the word as OCR
read it, what it read, what it is now and why, so the normaliser maps the repaired word back to
the source and the record says what was changed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from .grammar import upper_share
from .lost_spaces import LETTER_RUN, syllables
from .resources import DATA_DIR, data_json

Piece = tuple[str, int, int]  # (clean text, source start, source end), as the normaliser keeps them
Confidence = Callable[[int, int], Optional[float]]  # OCR's confidence (0-100) in a source range


@dataclass(frozen=True)
class Repair:
    """One word OCR misread: its source range, what OCR read, what it is now, and why."""

    start: int
    end: int
    read: str
    text: str
    reason: str  # "vocabulary", "word list", "glyph", "roman numeral"


# A letter written twice running (marks aside): in a word that is no syllable, a glyph OCR read
# twice ("THỰỤC" for THỰC).
_DOUBLED = re.compile(r"(\w)\1")
# Syllables longer than this are none (the longest, "nghiêng", has 7 letters).
MAX_SYLLABLE = 7
# A word OCR doubted: its confidence (0-100) below this. On scans of two seeds in two faces
# (8,000 words), Tesseract's confidence was above 90 for 99 in 100 of the words it read right,
# and below 80 for half of the 39 it misread.
LOW_CONFIDENCE = 80.0
# The longest phrase of the vocabulary, in syllables.
MAX_PHRASE = 6
# Glyphs OCR doubles or splits: Đ read twice, once as the Icelandic eth (U+00D0); a long dash read
# as two or three dashes and tildes, alone between words.
_GLYPHS = re.compile("(?P<eth>\u0110\u00d0|\u00d0\u0110)|(?<!\\S)(?P<dash>[-–—]*~[-–—~]*|[-–—]*—[-–—]+|[-–]+—)(?!\\S)")
# A line opening with a top-level number: a Roman numeral, or strokes OCR took for other letters
# (H for II, L, l, |, [, ], ! or Ị for I; not 1, which opens numbered items), then "." or ")" and a title.
# The mark may be lost too ("L MỤC TIÊU") or read as a stroke ("IIL NHIỆM VỤ" for "II."); a dot may
# be read into the numeral's last letter ("VỊ." for "VI.").
_ROMAN_HEAD = re.compile(r"^(?P<numeral>[IVXHLl|Ị\[\]!]{1,5})(?P<mark>\s?[.)]|(?=\s))\s+(?P<title>\S.*)$")
_ROMAN = re.compile(r"^(?=[IVX])(X{0,3})(IX|IV|V?I{0,3})$")
_STROKES = {"H": "II", "L": "I", "l": "I", "|": "I", "Ị": "I", "[": "I", "]": "I", "!": "I"}
# Roman headings a document needs before a misread numeral is taken for one of them.
MIN_ROMAN_HEADINGS = 2


@lru_cache(maxsize=1)
def word_pairs() -> frozenset[str]:
    """The two-syllable pairs of the word list, lower case ("mục tiêu"), from ``data/words.txt``:
    one line per first syllable, its second syllables after a tab, separated by spaces."""
    pairs: set[str] = set()
    for line in (DATA_DIR / "words.txt").read_text("utf-8").split("\n"):
        if not line or line.startswith("#"):
            continue
        first, _, seconds = line.partition("\t")
        pairs.update(f"{first} {second}" for second in seconds.split())
    return frozenset(pairs)


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, tuple[str, ...]]:
    """The phrases of ``data/ocr_vocabulary.json`` by their letters without marks ("muc tieu"); two
    phrases may share them ("hằng năm", "hàng năm")."""
    data = data_json("ocr_vocabulary.json")
    phrases: dict[str, list[str]] = {}
    for key, group in data.items():
        if not key.startswith("_"):
            for phrase in group:
                phrases.setdefault(" ".join(_bare(word) for word in phrase.split()), []).append(phrase)
    return {bare: tuple(sorted(set(group))) for bare, group in phrases.items()}


def _bare(word: str) -> str:
    """Lower case without tone or vowel marks (đ kept): "Tiểu" → "tieu"."""
    return "".join(c for c in unicodedata.normalize("NFD", word.lower()) if not unicodedata.combining(c))


@lru_cache(maxsize=1)
def _variants() -> dict[str, tuple[str, ...]]:
    """The syllables of the lexicon by their letters, marks aside."""
    groups: dict[str, list[str]] = {}
    for syllable in syllables():
        if syllable.isalpha() and len(syllable) <= MAX_SYLLABLE:
            groups.setdefault(unicodedata.normalize("NFC", _bare(syllable)), []).append(syllable)
    return {bare: tuple(sorted(group)) for bare, group in groups.items() if len(group) > 1}


def _cased(word: str, like: str) -> str:
    """``word`` written in the case of ``like``: all capitals, a capital first, or lower case."""
    if like.isupper() and len(like) > 1:
        return word.upper()
    if like[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _pairs_known(pairs: frozenset[str], before: str | None, word: str, after: str | None) -> bool:
    return bool((before and f"{before} {word}" in pairs) or (after and f"{word} {after}" in pairs))


def _words(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in LETTER_RUN.finditer(text)]


def _spaced(text: str, words: list[tuple[int, int, str]], i: int, j: int) -> bool:
    """Whether words ``i`` to ``j`` (inclusive) are separated by single spaces only."""
    return all(text[words[k][1]:words[k + 1][0]] == " " for k in range(i, j))


def _stranded(text: str, words: list[tuple[int, int, str]], lowered: list[str], k: int) -> bool:
    """Whether word ``k`` makes no word of the word list with either neighbour, as read."""
    pairs = word_pairs()
    before = k and _spaced(text, words, k - 1, k) and f"{lowered[k - 1]} {lowered[k]}" in pairs
    after = k + 1 < len(words) and _spaced(text, words, k, k + 1) and f"{lowered[k]} {lowered[k + 1]}" in pairs
    return not (before or after)


def vocabulary_repairs(text: str) -> list[tuple[int, int, str]]:
    """The words of one line in runs that read as a phrase of the vocabulary but for their marks:
    (start, end, the word as it should read), offsets in ``text``; longer phrases tried first."""
    phrases, pairs, known = vocabulary(), word_pairs(), syllables()
    words = _words(text)
    lowered = [w.lower() for _, _, w in words]
    # a word that is no syllable may hold a letter OCR read twice ("THỰỤC"): compared without it
    bare = [_bare(w) if w in known else _DOUBLED.sub(r"\1", _bare(w)) for w in lowered]
    found: list[tuple[int, int, str]] = []
    taken: set[int] = set()
    for size in range(min(MAX_PHRASE, len(words)), 1, -1):
        for i in range(len(words) - size + 1):
            j = i + size - 1
            if taken & set(range(i, j + 1)) or not _spaced(text, words, i, j):
                continue
            candidates = phrases.get(" ".join(bare[i:j + 1]), ())
            read = lowered[i:j + 1]
            if len(candidates) != 1 or " ".join(read) in candidates:
                continue  # no phrase, one read right, or two it may be ("hằng năm", "hàng năm")
            phrase = candidates[0]
            if all(f"{a} {b}" in pairs for a, b in zip(read, read[1:])):
                continue  # the run is itself a word ("chi tiêu"): no evidence of a misreading
            if not any(_stranded(text, words, lowered, k) for k in range(i, j + 1)):
                continue  # every word of the run belongs to a word as read ("hệ thống bảo vệ")
            for new, (start, end, old) in zip(phrase.split(), words[i:j + 1]):
                if new != old.lower():
                    found.append((start, end, _cased(new, old)))
            taken |= set(range(i, j + 1))
    return sorted(found)


def word_list_repairs(text: str, doubted: Callable[[int, int], bool]) -> list[tuple[int, int, str]]:
    """The words of one line that OCR doubted (``doubted(start, end)``) and that the word pairs show
    misread: (start, end, the word as it should read), offsets in ``text``."""
    pairs, variants, known = word_pairs(), _variants(), syllables()
    words = _words(text)
    lowered = [w.lower() for _, _, w in words]
    found: dict[int, tuple[int, int, str]] = {}  # word index -> repair
    for i, (start, end, original) in enumerate(words):
        word = lowered[i]
        group = variants.get(unicodedata.normalize("NFC", _bare(word)))
        if not group or len(word) > MAX_SYLLABLE or not doubted(start, end):
            continue
        # neighbours: the words just before and after, with nothing but one space between
        before = lowered[i - 1] if i and _spaced(text, words, i - 1, i) else None
        after = lowered[i + 1] if i + 1 < len(words) and _spaced(text, words, i, i + 1) else None
        if before is None and after is None:
            continue
        if word in known and _pairs_known(pairs, before, word, after):
            continue
        fits = [v for v in group if v != word and _pairs_known(pairs, before, v, after)]
        if len(fits) == 1:
            found[i] = (start, end, _cased(fits[0], original))
    # two neighbours each repaired to make a word with the other: neither is sure
    return [repair for i, repair in found.items() if i - 1 not in found and i + 1 not in found]


def roman_numeral(numeral: str) -> str | None:
    """The Roman numeral OCR's reading of one stands for (``HI`` → ``III``, ``L`` → ``I``), when
    every stroke it took for another letter is one OCR is known to mistake; None otherwise."""
    fixed = "".join(_STROKES.get(c, c) for c in numeral)
    return fixed if _ROMAN.match(fixed) else None


def _capitals(text: str) -> bool:
    return upper_share(text) >= 0.8


def repair_lines(lines: list[list[Piece]], confidence: Optional[Confidence] = None
                 ) -> tuple[list[list[Piece]], list[Repair]]:
    """The recognised lines of a document with their misread words put right (see the module doc),
    and the repairs. ``confidence(start, end)``: OCR's confidence in a source range (None where
    unknown; without it no word counts as doubted). A repaired word becomes a piece of its own,
    mapped to the source range of the word as read; the other pieces are unchanged."""
    repairs: list[Repair] = []
    texts = ["".join(p[0] for p in line) for line in lines]
    heads = [_ROMAN_HEAD.match(text) for text in texts]
    roman = sum(1 for h in heads if h and _ROMAN.match(h.group("numeral")) and _capitals(h.group("title")))
    out: list[list[Piece]] = []
    for line, text, head in zip(lines, texts, heads):
        changes: list[tuple[int, int, str, str]] = []  # (start, end in the line's text, new text, reason)
        if head and roman >= MIN_ROMAN_HEADINGS and not _ROMAN.match(head.group("numeral")) \
                and _capitals(head.group("title")):
            fixed = roman_numeral(head.group("numeral"))
            if fixed:
                changes.append((head.start("numeral"), head.end("numeral"), fixed, "roman numeral"))
        for m in _GLYPHS.finditer(text):
            changes.append((m.start(), m.end(), "\u0110" if m.group("eth") else "–", "glyph"))

        def doubted(start: int, end: int, line: list[Piece] = line) -> bool:
            source = _source_range(line, start, end)
            seen = confidence(*source) if confidence is not None and source else None
            return seen is not None and seen < LOW_CONFIDENCE

        for found, reason in ((vocabulary_repairs(text), "vocabulary"),
                              (word_list_repairs(text, doubted), "word list")):
            changes += [(a, b, new, reason) for a, b, new in found
                        if not any(a < y and x < b for x, y, _, _ in changes)]
        if not changes:
            out.append(line)
            continue
        new_line, made = _apply(line, sorted(changes))
        out.append(new_line)
        repairs += made
    return out, repairs


def _source_range(line: list[Piece], start: int, end: int) -> Optional[tuple[int, int]]:
    """The source range of ``line``'s text[start:end], when it lies inside one piece that maps its
    text one to one."""
    pos = 0
    for text, s, e in line:
        if pos <= start and end <= pos + len(text):
            return (s + start - pos, s + end - pos) if len(text) == e - s else None
        pos += len(text)
    return None


def _apply(line: list[Piece], changes: list[tuple[int, int, str, str]]) -> tuple[list[Piece], list[Repair]]:
    """``line`` with each change (a range of its text) as a piece of its own mapped to the source
    range of what it replaces. A change that straddles two pieces is left out."""
    out: list[Piece] = []
    made: list[Repair] = []
    pos = 0  # offset of the current piece in the line's text
    pending = list(changes)
    for text, s, e in line:
        one_to_one = len(text) == e - s
        here = [c for c in pending if pos <= c[0] and c[1] <= pos + len(text)]
        if not here or not one_to_one:
            out.append((text, s, e))
            pos += len(text)
            continue
        cut = 0
        for a, b, new, reason in here:
            a, b = a - pos, b - pos
            if a > cut:
                out.append((text[cut:a], s + cut, s + a))
            out.append((new, s + a, s + b))
            made.append(Repair(start=s + a, end=s + b, read=text[a:b], text=new, reason=reason))
            cut = b
        if cut < len(text):
            out.append((text[cut:], s + cut, e))
        pos += len(text)
    return out, made
