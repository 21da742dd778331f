"""Tokens of a paragraph from a slot on, with gazetteer labels.

Two other engines were measured on the seeds and set aside (see the package docstring): spaCy's
tokenizer with a PhraseMatcher over the gazetteer labelled exactly the same phrases, ~6x slower;
underthesea's part-of-speech tags as the end of a name cut names short ("Đào *tạo*")."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from itertools import islice
from typing import Optional

from .lexicon import LABEL_BITS, Lexicon

# A token: a number, a word or abbreviation (GD&ĐT, TB&XH), or one punctuation mark.
TOKEN_RE = re.compile(
    r"""
      \d+(?:[.,/]\d+)*                # 111, 02433525662, 5/7
    | [^\W\d_]+(?:[&'’][^\W\d_]+)*    # Sở, Lao, GD&ĐT, TTHĐTT’N
    | \S                              # , ; ( ) - – & ...
    """,
    re.VERBOSE,
)
WINDOW_TOKENS = 40  # a slot's list of bodies never runs longer than this
_NAME_ENDINGS = LABEL_BITS["verb"] | LABEL_BITS["stop"] | LABEL_BITS["statement"]  # what ``ends_name`` matches
READ_AHEAD = 3  # tokens read past the one the parser asks for, which mostly goes on to the next few


class Tokens:
    """The tokens of a paragraph from a slot on (at most ``WINDOW_TOKENS``), with gazetteer labels.

    Each token has a shape: ``C`` capitalised word, ``A`` abbreviation (UBND, GD&ĐT),
    ``w`` lowercase word, ``9`` number, ``.`` punctuation. ``abbr_heads`` are abbreviations
    whose expansion opens with a unit noun (UBND, and the plan's own CSGD): such a token
    is a head by itself.
    """

    def __init__(self, source: str, start: int, lex: Lexicon, abbr_heads: frozenset = frozenset()):
        self.source = source  # the paragraph text the offsets point into
        self.texts: list[str] = []
        self.starts: list[int] = []
        self.lowers: list[str] = []
        self.shapes: list[str] = []
        self.openers: list[int] = []  # per token, the labels a phrase may open with it (bit set)
        self.n = 0
        # tokens are read as the parser asks for them (and a few more): most slots need only a few
        self._pending: Optional[Iterator[re.Match[str]]] = islice(TOKEN_RE.finditer(source, start), WINDOW_TOKENS)
        self.lex = lex
        self.abbr_heads = abbr_heads
        self.definitions: Mapping[str, str] = {}  # the plan's own abbreviations
        self._cache: dict[tuple[str, int], int] = {}

    def has(self, i: int) -> bool:
        if i < self.n:
            return i >= 0
        if self._pending is not None:
            self._read(i + 1 - self.n + READ_AHEAD)
        return i < self.n

    def _read(self, count: int) -> None:
        """Read up to ``count`` more tokens of the window."""
        assert self._pending is not None
        words = self.lex.words
        texts, starts, lowers, shapes, openers = self.texts, self.starts, self.lowers, self.shapes, self.openers
        for m in islice(self._pending, count):
            text = m.group()
            low, shape, bits = words[text]
            texts.append(text)
            starts.append(m.start())
            lowers.append(low)
            shapes.append(shape)
            openers.append(bits)
        if len(texts) < self.n + count:
            self._pending = None  # the window is exhausted
        self.n = len(texts)

    def end(self, i: int) -> int:
        return self.starts[i] + len(self.texts[i])

    # accessors: the bounds test first, reading more tokens only past the end

    def offset(self, i: int) -> int:
        """Character offset of token ``i``, or the end of the source when there is none."""
        return self.starts[i] if 0 <= i < self.n or self.has(i) else len(self.source)

    def text(self, i: int) -> str:
        return self.texts[i] if 0 <= i < self.n or self.has(i) else ""

    def lower(self, i: int) -> str:
        return self.lowers[i] if 0 <= i < self.n or self.has(i) else ""

    def shape(self, i: int) -> str:
        return self.shapes[i] if 0 <= i < self.n or self.has(i) else ""

    def match(self, label: str, i: int) -> int:
        """Length in tokens of the longest phrase of ``label`` starting at token ``i`` (0: none)."""
        if not (0 <= i < self.n or self.has(i)):
            return 0
        if not self.openers[i] & LABEL_BITS[label]:  # no phrase of the label opens with this word
            return 1 if label == "head" and self.shapes[i] == "A" and self.texts[i] in self.abbr_heads else 0
        key = (label, i)
        found = self._cache.get(key)
        if found is None:
            found = self._lookup(label, i)
            if label == "level" and found and self.match("plain", i):
                found = 0  # "xã hội" is no commune
            if label == "head" and not found and self.shape(i) == "A" and self.texts[i] in self.abbr_heads:
                found = 1
            self._cache[key] = found
        return found

    def _lookup(self, label: str, i: int) -> int:
        """The longest phrase of ``label`` at token ``i`` (which ``match`` has read)."""
        lengths = self.lex.lengths[label].get(self.lowers[i])
        if not lengths:
            return 0
        if i + lengths[0] > self.n:
            self.has(i + lengths[0] - 1)
        phrases = self.lex.phrases[label]
        for n in lengths:
            if i + n <= self.n and tuple(self.lowers[i:i + n]) in phrases:
                return n
        return 0

    def abbreviated_body(self, i: int) -> int:
        """Length in tokens of a body an abbreviation stands for at token ``i``: the abbreviation ("UBND")
        or the words it abbreviates spelled out ("Ủy ban nhân dân"); 0 when none stands there."""
        if self.is_abbreviation(i) and self.texts[i] in self.abbr_heads:
            return 1
        for words in sorted(self.lex.spelled_heads.get(self.lower(i), ()), key=len, reverse=True):
            if self.has(i + len(words) - 1) and tuple(self.lowers[i:i + len(words)]) == words:
                return len(words)
        return 0

    # the shape tests read the shape as ``shape`` does (they are asked for thousands of times a document)

    def is_word(self, i: int) -> bool:
        return (self.shapes[i] if 0 <= i < self.n or self.has(i) else "") in ("C", "A", "w")

    def is_cap(self, i: int) -> bool:
        return (self.shapes[i] if 0 <= i < self.n or self.has(i) else "") in ("C", "A")

    def is_abbreviation(self, i: int) -> bool:
        return (self.shapes[i] if 0 <= i < self.n or self.has(i) else "") == "A"

    def is_number(self, i: int) -> bool:
        return (self.shapes[i] if 0 <= i < self.n or self.has(i) else "") == "9"

    def ends_name(self, i: int) -> bool:
        """A lowercase word that starts a predicate (a task or a statement) or a prepositional phrase."""
        if not (0 <= i < self.n or self.has(i)) or not self.openers[i] & _NAME_ENDINGS:
            return False  # no phrase of the three labels opens with this word (as in ``match``)
        return bool(self.match("verb", i) or self.match("stop", i) or self.match("statement", i))


def abbreviation_heads(extra: Mapping[str, str], lex: Lexicon) -> frozenset:
    """Abbreviations, the plan's own included, that stand for a body name: UBND, HĐND, CSGD."""
    out = set(lex.abbreviation_heads)
    for k, v in extra.items():
        words = v.lower().split()
        if any(tuple(words[:n]) in lex.phrases["head"] or tuple(words[:n]) in lex.phrases["generic"]
               for n in (1, 2, 3, 4)):
            out.add(k)
    return frozenset(out)
