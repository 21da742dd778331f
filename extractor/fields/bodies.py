"""Responsible bodies: every organisation a plan assigns a task to, as lead or coordinator.

A body is found in a *slot*, a place where the grammar of a plan puts an organisation
in charge (``SLOTS`` below):

* the addressee of an item of Tổ chức thực hiện ("1. Sở Lao động - Thương binh và Xã hội",
  "2. Đề nghị các sở, ban, ngành liên quan ...", "1. Cấp tỉnh:" = the issuing body) - lead;
* the subject of a task clause ("Nhà Thiếu nhi tỉnh chủ động tổ chức ...") - lead;
* the object of a directive ("Giao X tham mưu", "chỉ đạo X thực hiện", "Đề nghị X ...") - lead;
* "trách nhiệm ... của X" - lead;  "phối hợp (với) X" - coordinate.

At a slot a list of body names is parsed token by token (``parse_list``): a unit noun
from the gazetteer (``data/bodies.json``: Sở, Phòng, Ủy ban nhân dân, Trung tâm ...),
then name words up to a boundary - a task verb, a preposition, a bracket, or a comma
or "và" that does not continue the name ("Lao động, Thương binh, Xã hội" continues;
", Phòng ..." starts the next body). Generic mentions ("các sở, ban, ngành liên quan",
"các cơ quan có liên quan") count only as addressees of a Tổ chức thực hiện item.
Names are canonicalised with ``extractor.names`` plus the abbreviations the plan
defines itself (``find_defined_abbreviations``), and mentions are merged by a folded key.

Tokens and gazetteer labels come from ``_regex_tokens`` (default) or from a blank
spaCy Vietnamese pipeline with a ``PhraseMatcher`` built from the gazetteer
(``engine="spacy"``); the end of a lowercase name is found by the lexicon of task verbs
(default) or by underthesea's part-of-speech tags (``end_of_name="underthesea"``, or
``"both"``). Measured on the five seed plans against gold (canonical-name match):

    engine / end of name     precision  recall  role accuracy   time per plan
    regex  / lexicon           1.00      1.00       1.00           ~4 ms
    spacy  / lexicon           1.00      1.00       1.00          ~15 ms
    regex  / underthesea       0.69      0.73       1.00         ~200 ms
    regex  / both              0.74      0.76       1.00         ~200 ms

The PhraseMatcher labels exactly the phrases the regex tokens do, so it adds no body
(same output on the seeds and the constructed variants, see tests/test_bodies.py) and
costs a model object; underthesea tags name words as verbs ("Đào *tạo*", "*bảo vệ* trẻ
em", "*hoạt động* thanh thiếu niên") and cuts names short. The defaults are regex/lexicon.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import islice
from typing import Callable, Iterable, Mapping, Optional

from ..document import Doc, Paragraph
from ..names import abbreviations, canonical_name
from ..normalise import clean
from ..records import Body, Task

# ---------------------------------------------------------------- gazetteer


@lru_cache(maxsize=1)
def gazetteer() -> dict:
    """``data/bodies.json`` with every entry cleaned (NFC, one tone-mark placement)."""
    raw = json.loads(resources.files("extractor").joinpath("data/bodies.json").read_text("utf-8"))

    def c(value):
        if isinstance(value, str):
            return clean(value)
        if isinstance(value, list):
            return [c(v) for v in value]
        if isinstance(value, dict):
            return {clean(k): v for k, v in value.items()}
        return value

    return {k: c(v) for k, v in raw.items() if not k.startswith("_")}


def _phrases(words: Iterable[str]) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(w.lower().split()) for w in words)


LABELS = ("head", "generic", "verb", "stop", "level", "qualifier", "locative", "determiner", "exclusion", "plain")
LABEL_BITS = {label: 1 << n for n, label in enumerate(LABELS)}
_LABEL_LISTS = {  # label -> gazetteer list
    "head": "unit_nouns", "generic": "generic_heads", "verb": "task_verbs", "stop": "stop_words",
    "level": "level_words", "qualifier": "qualifiers", "locative": "locatives", "determiner": "plural_determiners",
    "exclusion": "head_exclusions", "plain": "plain_phrases",
}


@dataclass(frozen=True)
class Lexicon:
    """The gazetteer as sets of lowercase word tuples, one set per label.

    ``lengths[label][first word]`` lists the phrase lengths (longest first) that open with
    that word, so a lookup costs one dict access when nothing matches.
    """

    phrases: dict[str, frozenset]
    lengths: dict[str, dict[str, tuple[int, ...]]]
    abbreviation_heads: frozenset  # abbreviations whose expansion opens with a unit noun: UBND, HĐND
    openers: dict[str, int]  # first word -> bit set of the labels (``LABEL_BITS``) with a phrase opening with it

    @classmethod
    @lru_cache(maxsize=1)
    def load(cls) -> "Lexicon":
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
        openers: dict[str, int] = {}
        for label, by_first in lengths.items():
            for word in by_first:
                openers[word] = openers.get(word, 0) | LABEL_BITS[label]
        return cls(phrases, lengths, abbr_heads, openers)

    def opens(self, word: str) -> bool:
        """Whether a body name may open with ``word`` (lowercase)."""
        return word in self.lengths["head"] or word in self.lengths["generic"] or word in self.lengths["determiner"]


# ---------------------------------------------------------------- tokens

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


class Tokens:
    """The tokens of a paragraph from a slot on (at most ``WINDOW_TOKENS``), with gazetteer labels.

    Each token has a shape: ``C`` capitalised word, ``A`` abbreviation (UBND, GD&ĐT),
    ``w`` lowercase word, ``9`` number, ``.`` punctuation. ``abbr_heads`` are abbreviations
    whose expansion opens with a unit noun (UBND, and the plan's own CSGD): such a token
    is a head by itself.
    """

    def __init__(self, source: str, start: int, lex: Lexicon, abbr_heads: frozenset = frozenset(),
                 tokens: Optional[list[tuple[str, int]]] = None):
        self.source = source  # the paragraph text the offsets point into
        self.texts: list[str] = []
        self.starts: list[int] = []
        self.lowers: list[str] = []
        self.shapes: list[str] = []
        self.openers: list[int] = []  # per token, the labels a phrase may open with it (bit set)
        self.n = 0
        # tokens are read in chunks, as the parser asks for them: most slots need only a few
        self._pending = iter(tokens) if tokens is not None else (
            (m.group(0), m.start()) for m in islice(TOKEN_RE.finditer(source, start), WINDOW_TOKENS))
        self.lex = lex
        self.abbr_heads = abbr_heads
        self.definitions: Mapping[str, str] = {}  # the plan's own abbreviations
        self.pos: Optional[dict[int, str]] = None  # part-of-speech tag by character offset (underthesea)
        self.pos_mode = "underthesea"  # or "both": tag or lexicon
        self._cache: dict[tuple[str, int], int] = {}
        self.parsed: dict[tuple[int, bool], Optional["Mention"]] = {}

    def has(self, i: int) -> bool:
        if i < self.n:
            return i >= 0
        while i >= self.n and self._pending is not None:
            self._read()
        return i < self.n

    def _read(self, chunk: int = 8) -> None:
        openers = self.lex.openers
        for text, start in islice(self._pending, chunk):
            low, shape = _word(text)
            self.texts.append(text)
            self.starts.append(start)
            self.lowers.append(low)
            self.shapes.append(shape)
            self.openers.append(openers.get(low, 0))
        if len(self.texts) < self.n + chunk:
            self._pending = None  # the window is exhausted
        self.n = len(self.texts)

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
        if not self.has(i):
            return 0
        lengths = self.lex.lengths[label].get(self.lowers[i])
        if not lengths:
            return 0
        self.has(i + lengths[0] - 1)
        phrases = self.lex.phrases[label]
        for n in lengths:
            if i + n <= self.n and tuple(self.lowers[i:i + n]) in phrases:
                return n
        return 0

    def is_word(self, i: int) -> bool:
        return self.shape(i) in ("C", "A", "w")

    def is_cap(self, i: int) -> bool:
        return self.shape(i) in ("C", "A")

    def is_abbreviation(self, i: int) -> bool:
        return self.shape(i) == "A"

    def is_number(self, i: int) -> bool:
        return self.shape(i) == "9"

    def ends_name(self, i: int) -> bool:
        """A lowercase word that starts a predicate or a prepositional phrase."""
        by_lexicon = bool(self.match("verb", i) or self.match("stop", i))
        if self.pos is not None and self.has(i):
            by_tag = self.pos.get(self.starts[i], "N") in _POS_ENDS_NAME
            return by_tag or by_lexicon if self.pos_mode == "both" else by_tag
        return by_lexicon


@lru_cache(maxsize=1 << 16)
def _word(token: str) -> tuple[str, str]:
    """(lowercase, shape) of a token: a plan's vocabulary is small, so each is worked out once."""
    return token.lower(), _shape(token)


def _shape(token: str) -> str:
    first = token[0]
    if first.isdigit():
        return "9"
    if not first.isalpha():
        return "."
    if not first.isupper():
        return "w"
    letters = token.replace("&", "")
    return "A" if len(letters) >= 2 and letters.isupper() else "C"


# underthesea tags that end a name: verb, preposition, conjunctions, adverb, numeral, determiner
_POS_ENDS_NAME = frozenset({"V", "E", "C", "CC", "R", "M", "L"})


def abbreviation_heads(extra: Mapping[str, str], lex: Lexicon) -> frozenset:
    """Abbreviations, the plan's own included, that stand for a body name: UBND, HĐND, CSGD."""
    out = set(lex.abbreviation_heads)
    for k, v in extra.items():
        words = v.lower().split()
        if any(tuple(words[:n]) in lex.phrases["head"] or tuple(words[:n]) in lex.phrases["generic"]
               for n in (1, 2, 3, 4)):
            out.add(k)
    return frozenset(out)


def _regex_tokens(text: str, start: int, lex: Lexicon, abbr_heads: frozenset = frozenset()) -> Tokens:
    """Tokens of ``text`` from ``start`` by ``TOKEN_RE``."""
    return Tokens(text, start, lex, abbr_heads)


# ---------------------------------------------------------------- the spaCy engine

_NLP = None


def spacy_nlp():
    """A blank Vietnamese pipeline, made once.

    Without pyvi the Vietnamese tokenizer only splits on spaces, in Python ("trì," stays
    one token); it is replaced by spaCy's rule-based tokenizer with the default
    punctuation rules plus infixes for - – & , ; : / so that "GD&ĐT", "LĐ-TB&XH" and
    "5/7" come apart like the regex tokens do.
    """
    global _NLP
    if _NLP is None:
        import spacy
        from spacy.lang.punctuation import TOKENIZER_INFIXES, TOKENIZER_PREFIXES, TOKENIZER_SUFFIXES
        from spacy.tokenizer import Tokenizer
        from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

        nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
        nlp.tokenizer = Tokenizer(
            nlp.vocab,
            prefix_search=compile_prefix_regex(TOKENIZER_PREFIXES).search,
            suffix_search=compile_suffix_regex(TOKENIZER_SUFFIXES).search,
            infix_finditer=compile_infix_regex(list(TOKENIZER_INFIXES) + [r"[-–,;:/()]"]).finditer,
        )
        _NLP = nlp
    return _NLP


@lru_cache(maxsize=1)
def spacy_matcher():
    """A ``PhraseMatcher`` on lowercase text with one label per gazetteer list."""
    from spacy.matcher import PhraseMatcher

    nlp = spacy_nlp()
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    lex = Lexicon.load()
    for label in LABELS:
        matcher.add(label, [nlp.make_doc(" ".join(p)) for p in lex.phrases[label]])
    return matcher


class _SpacyTokens(Tokens):
    """Tokens from the spaCy tokenizer, labels from the PhraseMatcher."""

    def __init__(self, text: str, start: int, lex: Lexicon, abbr_heads: frozenset = frozenset()):
        nlp, matcher = spacy_nlp(), spacy_matcher()
        sdoc = nlp.make_doc(text[start:start + 600])
        sdoc = sdoc[:WINDOW_TOKENS].as_doc() if len(sdoc) > WINDOW_TOKENS else sdoc
        super().__init__(text, start, lex, abbr_heads, tokens=[(t.text, start + t.idx) for t in sdoc])
        labels: dict[tuple[str, int], int] = {}
        for match_id, s, e in matcher(sdoc):
            key = (nlp.vocab.strings[match_id], s)
            labels[key] = max(labels.get(key, 0), e - s)
        self._labels = labels

    def _lookup(self, label: str, i: int) -> int:
        return self._labels.get((label, i), 0)


# ---------------------------------------------------------------- underthesea end of names


@lru_cache(maxsize=4096)
def _pos_tags(text: str) -> tuple[tuple[int, str], ...]:
    """(char offset, tag) of every syllable of ``text`` by underthesea's tagger."""
    from underthesea import pos_tag

    out, at = [], 0
    for word, tag in pos_tag(text):
        for syllable in word.split():
            at = text.find(syllable, at)
            if at < 0:
                break
            out.append((at, tag))
            at += len(syllable)
    return tuple(out)


def _with_pos(tokens: Tokens, text: str) -> Tokens:
    tokens.pos = dict(_pos_tags(text))
    return tokens


# ---------------------------------------------------------------- mentions


@dataclass
class Mention:
    """A body name as parsed at a slot: token range, text as written, and what it is."""

    start: int  # character offsets into the paragraph text
    end: int
    text: str
    generic: bool  # "các sở, ban, ngành liên quan", "các cơ quan có liên quan"
    qualified: bool  # carries a level word: "tỉnh", "các huyện", "các cấp"
    token_end: int = 0


MAX_NAME_TOKENS = 24
_CONTINUING_PUNCT = {"-", "–", "—", "&"}


def parse_mention(tk: Tokens, i: int, heading: bool = False) -> Optional[Mention]:
    """One body name starting at token ``i``, or None when no unit noun opens there.

    ``heading``: the text of a Tổ chức thực hiện item, where a comma may join lowercase
    words of one name ("Phòng Chính trị, tư tưởng").
    """
    key = (i, heading)
    if key not in tk.parsed:
        tk.parsed[key] = _parse_mention(tk, i, heading)
    return tk.parsed[key]


def _parse_mention(tk: Tokens, i: int, heading: bool) -> Optional[Mention]:
    j, det = i, tk.match("determiner", i)
    j += det
    # "Các huyện, thành Đoàn": level words may come between the determiner and the unit noun.
    k = j
    while det and tk.match("level", k) and not tk.match("head", k):
        k += tk.match("level", k)
        if tk.text(k) == ",":
            k += 1
    if k > j:
        if not tk.match("head", k):  # "các huyện, thành phố": localities, not a body
            end = k - 1 if tk.text(k - 1) == "," else k
            return _mention(tk, i, end, generic=True, qualified=True)
        j = k
    head, generic_len = tk.match("head", j), tk.match("generic", j)
    generic_head = generic_len > head  # "tổ chức" is a kind of body, not the unit noun "Tổ"
    n = max(head, generic_len)
    if not n or tk.match("exclusion", j):
        return None
    k = j + n
    name_follows = tk.is_cap(k) or tk.is_abbreviation(k) or tk.is_number(k) or tk.match("level", k) > 0
    abbreviation_head = not generic_head and n == 1 and tk.is_abbreviation(j)
    # "Văn phòng", "Thanh tra", "các cơ sở khám bệnh": a capitalised or determined multi-word head
    stands_alone = abbreviation_head or n > 1 and (tk.is_cap(j) or bool(det))
    if not generic_head and not name_follows and not stands_alone:
        # "phòng ngừa", "Ban hành", "Tổ chức", "Hội nghị", "các trung tâm" need a name after them
        if not (det and (tk.match("head", k) or tk.match("generic", k) or not tk.is_word(k))):
            return None
    collective = False
    # "các sở, ban, ngành", "các phòng ban ngành": a list of bare unit nouns
    while det or generic_head:
        step = 1 if tk.text(k) == "," else 0
        more = max(tk.match("head", k + step), tk.match("generic", k + step))
        if more and not tk.is_cap(k + step) and not tk.is_abbreviation(k + step):
            k += step + more
            collective = True
        else:
            break
    content = abbreviation_head or (not generic_head and not det)
    capital = abbreviation_head
    qualified = False
    last = "head"
    group_cap = tk.is_cap(j)  # the current run of name words opened with a capital
    trim: Optional[int] = None  # where the last run of locatives ("trên địa bàn") begins
    while tk.has(k) and k - i < MAX_NAME_TOKENS:
        t, low = tk.text(k), tk.lower(k)
        if t == "(":
            break
        loc = tk.match("locative", k)
        if loc:
            trim = k if last != "locative" else trim
            k, last = k + loc, "locative"
            continue
        q = tk.match("qualifier", k)
        if q:
            k, last = k + q, "qualifier"
            continue
        lv = tk.match("level", k)
        if low == "các" and tk.match("level", k + 1):
            lv = 1 + tk.match("level", k + 1)
        if lv and (not tk.is_cap(k) or low == "các"):
            k, last, qualified = k + lv, "level", True
            continue
        if tk.is_cap(k) or tk.is_abbreviation(k) or tk.is_number(k):
            if last in ("head", "punct"):
                group_cap = True
            k, last, content, capital = k + 1, "cap", True, True
            continue
        if low == "và":
            nxt = k + 1
            if group_cap and last in ("cap", "lower") and tk.is_cap(nxt) and not tk.match("head", nxt):
                k, last = k + 1, "punct"  # "Lao động - Thương binh và Xã hội"
                continue
            break
        if tk.is_word(k):
            if last == "level" or tk.match("determiner", k):
                break
            if tk.ends_name(k) and not _verb_before_level(tk, k):
                break
            if last in ("head", "punct"):
                group_cap = False
            k, last = k + 1, "lower"
            content = content or not collective
            continue
        if t in _CONTINUING_PUNCT:
            if tk.is_word(k + 1) and not tk.ends_name(k + 1) and not tk.match("determiner", k + 1):
                k, last = k + 1, "punct"
                continue
            break
        if t == ",":
            nxt = k + 1
            if last == "level" and tk.match("level", nxt) and not tk.is_cap(nxt):
                k += 1  # "các huyện, thành phố", "quận, huyện, thị xã"
                continue
            if group_cap and last in ("cap", "lower") and tk.is_cap(nxt) and not tk.match("head", nxt):
                k, last = k + 1, "punct"  # "Lao động, Thương binh, Xã hội"
                continue
            if (heading and last in ("cap", "lower") and tk.is_word(nxt) and not tk.is_cap(nxt)
                    and not (tk.ends_name(nxt) or tk.match("head", nxt) or tk.match("generic", nxt)
                             or tk.match("determiner", nxt) or tk.match("level", nxt))):
                k, last = k + 1, "punct"  # a heading: "Phòng Chính trị, tư tưởng"
                continue
            break
        break
    generic = collective or not content or (generic_head and not capital)
    trimmed = last == "locative" and trim is not None
    m = _mention(tk, i, trim if trimmed else k, generic=generic, qualified=qualified)
    if m is not None and trimmed:
        m.token_end = k  # the list goes on after the locative
    return m


def _verb_before_level(tk: Tokens, k: int) -> bool:
    """'Cơ sở bảo trợ xã hội tổng hợp tỉnh': a verb-like word that a level word closes is a name word."""
    v = tk.match("verb", k)
    lv = tk.match("level", k + v) if v else 0
    if not lv or tk.lower(k + v) == "các":
        return False
    after = k + v + lv
    return not tk.has(after) or not tk.is_word(after) or tk.ends_name(after)


def _mention(tk: Tokens, i: int, k: int, generic: bool, qualified: bool) -> Optional[Mention]:
    while k > i and tk.text(k - 1) in {",", "-", "–", "&", "và"}:
        k -= 1
    if k <= i:
        return None
    start, end = tk.starts[i], tk.end(k - 1)
    return Mention(start, end, tk.source[start:end], generic, qualified, token_end=k)


_SEPARATORS = {",", ";"}


def parse_list(tk: Tokens, i: int, heading: bool = False) -> tuple[list[Mention], int]:
    """Body names joined by ',', ';' or 'và' from token ``i``; (mentions, token after the list).

    A bracket after a name that defines it ("(CDC)", "(sau đây gọi tắt là CSGD)", "(số 111)")
    is skipped; when it defines an abbreviation whose expansion runs past the parsed name
    ("Các cơ sở khám bệnh, chữa bệnh (sau đây gọi tắt là CSKCB)"), the name is extended to it.
    """
    out: list[Mention] = []
    k = i
    while True:
        m = parse_mention(tk, k, heading)
        if m is None:
            break
        out.append(m)
        k = _after_definition(tk, m)
        sep = 0
        if tk.text(k) in _SEPARATORS:
            sep = 2 if tk.lower(k + 1) == "và" else 1
        elif tk.lower(k) == "và":
            sep = 1
        if not sep or parse_mention(tk, k + sep, heading) is None:
            break
        k += sep
    return out, k


_DEFINING = re.compile(r"\(\s*(?:(?:sau\s+đây\s+)?(?:gọi|viết)\s+tắt\s+(?:là\s+)?)?[“\"]?(?P<abbr>[A-ZĐ][A-ZĐ&]{1,11})[”\"]?\s*\)"
                       r"|\(\s*(?:số\s+)?(?:điện\s+thoại\s+)?\d{2,6}\s*\)")


def _after_definition(tk: Tokens, m: Mention) -> int:
    """The token after ``m`` and any bracket that defines it (``m`` is extended when needed)."""
    k = m.token_end
    for look in range(k, k + 8):
        if not tk.has(look):
            break
        if tk.text(look) != "(":
            if tk.text(look) in (".", ";", ":") or (tk.is_word(look) and tk.ends_name(look) and look > k + 3):
                break
            continue
        d = _DEFINING.match(tk.source, tk.starts[look])
        if not d:
            break
        close = look
        while tk.has(close) and tk.starts[close] < d.end():
            close += 1
        if look > k:  # the name runs on to the bracket only if the definition says so
            expansion = tk.definitions.get(d.group("abbr") or "", "")
            written = tk.source[m.start:tk.starts[look]].rstrip()
            if not expansion or not clean(written).casefold().endswith(clean(expansion).casefold()):
                break
            m.end, m.text = m.start + len(written), written
        return close
    return k


# ---------------------------------------------------------------- slots

LEAD_IN = r"(?:Đề\s+nghị|Giao(?:\s+cho)?|Yêu\s+cầu|Đối\s+với|Trách\s+nhiệm\s+của)"
# The word slots (all but "subject") open with a cue word (``SLOT_CUES``) at a word start; their
# patterns are tried where a cue stands (``_word_slot_starts``), the word start checked in code.
SLOTS = {
    # "Giao X tham mưu", "chỉ đạo X thực hiện", "Đề nghị X ...", "Chỉ đạo, hướng dẫn X ..."
    "directive": re.compile(
        r"""(?:[Cc]hỉ\s+đạo | [Gg]iao(?:\s+cho)? | [Đđ]ề\s+nghị | [Yy]êu\s+cầu | [Hh]ướng\s+dẫn | [Pp]hân\s+công)
            (?:\s*,\s*(?:hướng\s+dẫn|đôn\s+đốc|chỉ\s+đạo|giao))*    # a second directive verb
            \s+""",
        re.VERBOSE,
    ),
    # "phối hợp với X", "Phối hợp ngành X", "phối hợp, kết nối với X", "phối hợp chặt chẽ với X"
    "coordinate": re.compile(
        r"""[Pp]hối\s+(?:kết\s+)?hợp
            (?:\s*,\s*[^\W\d_]+(?:\s+[^\W\d_]+)?){0,2}?             # ", kết nối", ", hợp tác"
            (?:\s+chặt\s+chẽ)?
            (?:\s+(?:với|cùng))?\s+""",
        re.VERBOSE,
    ),
    # "Thực hiện trách nhiệm giám sát, phản biện xã hội của X"
    "responsibility": re.compile(r"trách\s+nhiệm\b[^.;:()]{0,80}?\bcủa\s+"),
    # a clause start after '.' or ';' (and the start of every paragraph): the subject of a task
    "subject": re.compile(r"[.;]\s+(?=\w)"),
}
# The cue words of the word slots, lowercase: every match of a slot's pattern opens with one.
SLOT_CUES = {
    "directive": ("chỉ đạo", "giao", "đề nghị", "yêu cầu", "hướng dẫn", "phân công"),
    "coordinate": ("phối",),
    "responsibility": ("trách nhiệm",),
}
def _word_start(text: str, at: int, kind: str) -> bool:
    """Whether a word slot's match at ``at`` opens a word (and a directive is no "Ban chỉ đạo")."""
    if at and (text[at - 1].isalnum() or text[at - 1] == "_"):
        return False
    return kind != "directive" or not (text[at - 4:at - 1] in ("Ban", "ban") and text[at - 1].isspace())


def _word_slot_starts(kind: str, pattern: re.Pattern[str], text: str, low: str, at: int) -> list[int]:
    """Where the lists of a word slot begin: the slot's pattern tried where one of its cue words
    stands (found by ``str.find``, much faster than a regex scan of the paragraph), in order.
    Two cues of one match ("Chỉ đạo, hướng dẫn X") give one start."""
    ends = set()
    for cue in SLOT_CUES[kind]:
        i = low.find(cue, at)
        while i >= 0:
            m = pattern.match(text, i)
            if m and _word_start(text, i, kind):
                ends.add(m.end())
            i = low.find(cue, i + 1)
    return sorted(ends)


_LEVEL_HEADING = re.compile(r"^(?:Ở\s+|Đối\s+với\s+)?[Cc]ấp\s+(?P<level>tỉnh|thành\s+phố|huyện|quận|thị\s+xã|xã|phường|cơ\s+sở)\b[\s:.;]*$")
_LEAD_IN_RE = re.compile(rf"{LEAD_IN}\s+")  # used with .match(text, pos)
_CLOSING_FORMULA = re.compile(r"^(?:Trên\s+đây|Trên\s+là)\b")
_ISSUER_VERB = re.compile(r"\b(?:ban\s+hành|xây\s+dựng|triển\s+khai)\s+(?:Kế\s+hoạch|kế\s+hoạch)")
# An opening adverbial before the subject: "Căn cứ chức năng, nhiệm vụ, Sở Y tế ..."
_INTRO = re.compile(
    r"""(?:Theo\s+)?(?:[Đđ]ịnh\s+kỳ\s+)?(?:[Hh][àằ]ng|[Hh]ằng)\s+(?:năm|quý|tháng),?\s+(?=\w)  # "Theo định kỳ hàng năm"
      | (?:Căn\s+cứ|Theo|Trên\s+cơ\s+sở|Trong\s+phạm\s+vi)\b[^,;.:()]{1,100},\s+(?=\w)   # "Căn cứ ..., "
    """,  # order matters: a frequency has no comma, and "Theo" would run on to the next one
    re.VERBOSE,
)
_COMMA = re.compile(r",\s+(?=\w)")
_FIRST_WORD = re.compile(r"[^\W\d_]+(?:&[^\W\d_]+)*")
_NEXT_WORD = re.compile(r"\s+([^\W\d_]+(?:&[^\W\d_]+)*)")
_NUMBERED_MARKER = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*\s*[.)]|[a-zđ]\s*\))$")


def section_kinds(doc: Doc) -> list[Optional[str]]:
    """The kind of the enclosing top-level section, per paragraph.

    Taken from the outline section by position, so that two sections written with the
    same number ("V. TỔ CHỨC THỰC HIỆN", "V. CHẾ ĐỘ BÁO CÁO") keep their own kinds.
    """
    out: list[Optional[str]] = []
    sections = iter(doc.outline.sections)
    current: Optional[str] = None
    for p in doc.paragraphs:
        if p.role == "section_heading":
            section = next(sections, None)
            current = section.kind if section is not None else p.section_kind
        elif not p.section:
            current = None
        out.append(current if p.section else None)
    return out


@dataclass
class Found:
    """One mention at a slot, before merging."""

    mention: Mention
    paragraph: int
    role: str  # lead | coordinate
    heading: bool = False  # the addressee of a Tổ chức thực hiện item
    name: str = ""  # canonical
    key: str = ""


# ---------------------------------------------------------------- abbreviations defined by the plan

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
    levels = _level_words()
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
        if w[0].isupper() or idx and words[idx - 1][0].lower() in lex.lengths["determiner"]:
            for n in lex.lengths["head"].get(w.lower(), ()) + lex.lengths["generic"].get(w.lower(), ()):
                phrase = tuple(x[0].lower() for x in words[idx:idx + n])
                if phrase in lex.phrases["head"] or phrase in lex.phrases["generic"]:
                    return _SPACES.sub(" ", text[words[idx][1]:end]).strip()
    return None


# ---------------------------------------------------------------- canonical names and keys

@lru_cache(maxsize=1)
def _field_fixes() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """"Giáo dục Đào tạo" → "Giáo dục và Đào tạo": a field of the gazetteer written without its "và".
    Each pattern comes with the last part of its field, which the name must contain for it to apply."""
    out = []
    for name in gazetteer()["fields"]:
        if " và " in name:
            left, right = name.rsplit(" và ", 1)
            loose = r"\s*[,&-]?\s*".join(re.escape(w) for w in left.split())
            out.append((right, re.compile(rf"(?<!\w)({loose})\s+(?:[,&-]\s*)?({re.escape(right)})(?!\w)")))
    return tuple(out)


def canonical(name: str, extra: Mapping[str, str]) -> str:
    """The body's canonical name: abbreviations expanded, dashes ' - ', fields written in full."""
    name = canonical_name(name, extra)
    for right, pattern in _field_fixes():
        if right in name:
            name = pattern.sub(lambda m: m.group(1) + " và " + m.group(2), name)
    name = re.sub(r"^(?:[Cc]ác|[Mm]ỗi|[Tt]ừng)\s+", lambda m: m.group(0).lower(), name)
    if name[:1].islower() and not name.startswith(("các ", "mỗi ", "từng ", "những ")):
        head = Lexicon.load().phrases["head"]
        first = name.split()[0]
        if (first.lower(),) in head or tuple(name.lower().split()[:2]) in head:
            name = name[0].upper() + name[1:]
    return name


_KEY_DROP = re.compile(r"^(?:các|mỗi|từng|những)\s+|\s+(?:trực\s+thuộc|có\s+liên\s+quan|liên\s+quan)$")
_KEY_PUNCT = re.compile(r"[-–—,;&.]")
_SPACES = re.compile(r"\s+")


def body_key(name: str) -> str:
    """A folded key under which mentions of one body merge (hyphens, commas, 'các' ignored)."""
    key = clean(name).casefold()
    key = _KEY_PUNCT.sub(" ", key)
    key = _SPACES.sub(" ", key).strip()
    prev = None
    while prev != key:
        prev, key = key, _KEY_DROP.sub("", key).strip()
    return key


@lru_cache(maxsize=1)
def _level_words() -> frozenset[str]:
    return frozenset(w for phrase in Lexicon.load().phrases["level"] for w in phrase) | {"các"}


def _core_key(key: str) -> str:
    """The key without trailing level words: 'phòng giáo dục và đào tạo quận huyện thị xã' → '... đào tạo'."""
    words = key.split()
    levels = _level_words()
    while words and words[-1] in levels:
        words.pop()
    return " ".join(words)


def body_level(name: str) -> Optional[str]:
    """The administrative level a body's name shows, if any.

    A level word after the unit noun decides ("Ủy ban nhân dân các xã" → commune,
    "Nhà Thiếu nhi tỉnh" → province); then words naming a school or the nation;
    then the unit noun itself (Sở → province, Cục → national, Phòng → department).
    """
    g = gazetteer()
    lex = Lexicon.load()
    tk = _regex_tokens(name, 0, lex)
    low = name.lower()
    if any(w in low for w in g["school_words"]):
        return "school"
    k = 1
    while tk.has(k):
        n = tk.match("level", k)
        if n and not tk.is_cap(k):
            level = g["level_words"].get(" ".join(tk.texts[k:k + n]))
            if level:
                return level
        k += 1
    if any(w in name for w in g["national_words"]):
        return "national"
    pattern, levels = _head_levels()
    head = pattern.match(name)
    return levels[head.group(0).lower()] if head else None


@lru_cache(maxsize=1)
def _head_levels() -> tuple[re.Pattern[str], dict[str, str]]:
    """The unit nouns that imply a level as one pattern, longest first ("Tỉnh Đoàn" before "Đoàn"),
    and the level of each (by lowercase noun)."""
    levels = gazetteer()["head_levels"]
    heads = sorted(levels, key=len, reverse=True)
    pattern = re.compile(r"(?i)(?:" + "|".join(re.escape(h) for h in heads) + r")\b")
    return pattern, {h.lower(): level for h, level in levels.items()}


@lru_cache(maxsize=1)
def _organ_prefix() -> re.Pattern[str]:
    organs = "|".join(re.escape(o) for o in sorted(gazetteer()["organs"], key=len, reverse=True))
    return re.compile(rf"^(?:{organs})\s+(?=\S)", re.I)


def strip_organ(name: str) -> str:
    """'Ban Thường vụ tỉnh Đoàn' → 'Tỉnh Đoàn': the organisation, not its standing organ."""
    rest = _organ_prefix().sub("", name)
    return rest[0].upper() + rest[1:] if rest != name and rest else name


# ---------------------------------------------------------------- extraction

Engine = Callable[[str, int, Lexicon, frozenset], Tokens]
ENGINES: dict[str, Engine] = {"regex": _regex_tokens, "spacy": _SpacyTokens}  # see the module docstring


class _Finder:
    """Runs the slots over a document's paragraphs and collects mentions."""

    def __init__(self, doc: Doc, engine: str, end_of_name: str):
        self.doc = doc
        self.lex = Lexicon.load()
        self.abbrs = dict(doc.abbreviations) or find_defined_abbreviations(doc.text)
        self.abbr_heads = abbreviation_heads(self.abbrs, self.lex)
        self.make_tokens = ENGINES[engine]
        self.end_of_name = end_of_name
        self.found: list[Found] = []
        self.aliases: dict[str, str] = {}  # "tổng đài 111" → canonical name
        self.addressed: dict[int, list[str]] = {}  # heading paragraph → canonical names

    def tokens(self, text: str, start: int) -> Tokens:
        tk = self.make_tokens(text, start, self.lex, self.abbr_heads)
        tk.definitions = self.abbrs
        if self.end_of_name != "lexicon":
            _with_pos(tk, text)
            tk.pos_mode = self.end_of_name
        return tk

    def add(self, m: Mention, index: int, role: str, heading: bool = False) -> None:
        self.found.append(Found(m, index, role, heading))

    # -- slots
    def run(self) -> None:
        paragraphs = self.doc.paragraphs
        issuer = self.issuer()
        kinds = section_kinds(self.doc)
        for index, p in enumerate(paragraphs):
            if p.role in ("header", "doc_type", "title", "preamble", "closing", "signature") or not p.section:
                continue
            if _CLOSING_FORMULA.match(p.text):
                continue
            if kinds[index] == "organisation" and self.is_heading_candidate(p):
                if self.heading(p, index, issuer):
                    continue
            if kinds[index] in ("purpose", "objectives") or p.role == "section_heading":
                continue
            self.in_text(p, index)

    def is_heading_candidate(self, p: Paragraph) -> bool:
        if p.role != "item" or not _NUMBERED_MARKER.match(p.marker or ""):
            return False
        parent = p.parent
        return parent is None or parent not in self.addressed

    def heading(self, p: Paragraph, index: int, issuer: Optional[Mention]) -> bool:
        """An addressee of Tổ chức thực hiện: "1. Sở ...", "2. Đề nghị X ...", "1. Cấp tỉnh:"."""
        body = p.body
        offset = len(p.text) - len(body)
        if _LEVEL_HEADING.match(body):
            if issuer is not None and self.level_matches(body, issuer.text):
                self.found.append(Found(issuer, index, "lead", True))
                self.addressed[index] = []
                return True
            return False
        lead = _LEAD_IN_RE.match(body)
        start = offset + (lead.end() if lead else 0)
        tk = self.tokens(p.text, start)
        mentions, end = parse_list(tk, 0, heading=True)
        if not mentions:
            return False
        rest = p.text[tk.offset(end):].strip()
        if rest and not (rest[0] in ":.;" or tk.ends_name(end) or rest.startswith(("là", ","))):
            return False
        self.addressed[index] = []
        for m in mentions:
            self.add(m, index, "lead", heading=True)
        self.in_text(p, index, skip_subject=True)
        return True

    def in_text(self, p: Paragraph, index: int, skip_subject: bool = False) -> None:
        text = p.text
        low = text.lower()
        body_at = len(text) - len(p.body)
        for kind, pattern in SLOTS.items():
            if kind == "subject":
                if skip_subject:
                    continue
                starts = self.clause_starts(text, [body_at] + [m.end() for m in pattern.finditer(text, body_at)])
            else:
                starts = _word_slot_starts(kind, pattern, text, low, body_at)
            for at in starts:
                if not self.could_open(text, at):
                    continue
                if kind == "subject" and _LEAD_IN_RE.match(text, at):
                    continue  # "Đề nghị X ...": a directive
                tk = self.tokens(text, at)
                mentions, end = parse_list(tk, 0)
                self.distribute(mentions)
                mentions = [x for x in mentions if not x.generic]
                if not mentions:
                    continue
                # "- Sở Y tế: chủ trì ...": a name and a colon open the paragraph
                labelled = kind == "subject" and at == body_at and tk.text(end) == ":"
                if kind in ("directive", "subject") and not (labelled or self.predicate_follows(tk, end)):
                    continue
                role = "coordinate" if kind == "coordinate" else "lead"
                for x in mentions:
                    self.add(x, index, role)
                self.alias(text, mentions)

    @staticmethod
    def clause_starts(text: str, starts: list[int]) -> list[int]:
        """Capitalised clause starts, and where an opening adverbial ends ("Căn cứ ..., X")."""
        out = []
        for at in starts:
            intro = _INTRO.match(text, at)
            if intro:
                out.append(intro.end())
                # "Căn cứ chức năng, nhiệm vụ, X": the adverbial may hold commas of its own
                out += [m.end() for m in islice(_COMMA.finditer(text, intro.end(), intro.end() + 80), 2)]
            elif text[at:at + 1].isupper():
                out.append(at)
        return out

    def could_open(self, text: str, at: int) -> bool:
        """A cheap test before tokenising: does the word at ``at`` open a body name?"""
        m = _FIRST_WORD.match(text, at)
        if not m:
            return False
        word = m.group(0)
        low = word.lower()
        lengths = self.lex.lengths
        if low in lengths["determiner"] and low not in lengths["head"] and low not in lengths["generic"]:
            # "các hoạt động": after a determiner, a unit noun or a level word must follow
            nxt = _NEXT_WORD.match(text, m.end())
            if not nxt:
                return False
            second = nxt.group(1)
            return (second in self.abbr_heads or any(second.lower() in lengths[label] for label in ("head", "generic", "level")))
        return self.lex.opens(low) or word in self.abbr_heads or _LEAD_IN_RE.match(text, at) is not None

    @staticmethod
    def predicate_follows(tk: Tokens, end: int) -> bool:
        """A predicate after the list: a task verb, or any lowercase word but a preposition or
        a determiner (the name already ended, so what follows it is what the body does)."""
        at = end + (1 if tk.text(end) == "," else 0)
        if not tk.is_word(at) or tk.is_cap(at):
            return False
        return tk.match("verb", at) > 0 or not (tk.match("stop", at) or tk.match("determiner", at))

    @staticmethod
    def distribute(mentions: list[Mention]) -> None:
        """'Hội đồng nhân dân, Ủy ban MTTQ Việt Nam các cấp': 'các cấp' applies to both."""
        for q in gazetteer()["distributive_qualifiers"]:
            for at, carrier in enumerate(mentions):
                if not carrier.text.endswith(" " + q):
                    continue
                for x in reversed(mentions[:at]):
                    if x.qualified or x.generic:
                        break
                    x.qualified = True
                    x.text = x.text + " " + q

    def alias(self, text: str, mentions: list[Mention]) -> None:
        """'Tổng đài điện thoại quốc gia bảo vệ trẻ em (số 111)' defines 'Tổng đài 111'."""
        for x in mentions:
            end = x.end
            m = re.match(r"\s*\((?:số\s+)?(?:điện\s+thoại\s+)?(\d{2,6})\)", text[end:end + 30])
            if m:
                head = text[x.start:end].split()[:2]
                self.aliases[body_key(" ".join(head) + " " + m.group(1))] = text[x.start:end]

    def issuer(self) -> Optional[Mention]:
        """The body that issues the plan: "Ban Thường vụ tỉnh Đoàn ban hành Kế hoạch ..."."""
        for p in self.doc.paragraphs:
            if p.role != "preamble":
                continue
            for verb in _ISSUER_VERB.finditer(p.text):
                # the subject opens the clause the verb ends: after the last '.', ',', ';' or ':'
                at = max(p.text.rfind(c, 0, verb.start()) for c in ".,;:") + 1
                at += len(p.text[at:]) - len(p.text[at:].lstrip())
                tk = self.tokens(p.text, at)
                mentions, end = parse_list(tk, 0)
                if len(mentions) == 1 and tk.offset(end) == verb.start():
                    x = mentions[0]
                    x.text = strip_organ(x.text)
                    return x
        return None

    @staticmethod
    def level_matches(heading: str, issuer: str) -> bool:
        level = body_level("X " + _LEVEL_HEADING.match(heading).group("level"))
        return level is not None and body_level(issuer) == level


def extract_bodies(doc: Doc, engine: str = "regex", end_of_name: str = "lexicon") -> list[Body]:
    """Every distinct body the plan makes responsible, lead before coordinate, in document order."""
    return _analyse(doc, engine, end_of_name)[1]


_CACHE_ATTR = "_vnplan_bodies"


def _analyse(doc: Doc, engine: str = "regex", end_of_name: str = "lexicon") -> tuple["_Finder", list[Body]]:
    """Run the finder once per document and configuration (cached on the Doc)."""
    cache = doc.__dict__.setdefault(_CACHE_ATTR, {})
    key = (engine, end_of_name)
    if key not in cache:
        finder = _Finder(doc, engine, end_of_name)
        finder.run()
        cache[key] = (finder, _merge(doc, finder))
    return cache[key]


def _merge(doc: Doc, finder: _Finder) -> list[Body]:
    bodies: dict[str, Body] = {}
    rank: dict[str, int] = {}
    order: list[str] = []
    names: dict[str, tuple[str, str]] = {}  # as written -> (canonical name, key): a body is named many times

    def name_and_key(written: str) -> tuple[str, str]:
        if written not in names:
            name = canonical(written, finder.abbrs)
            names[written] = name, body_key(name)
        return names[written]

    for f in finder.found:
        f.name, f.key = name_and_key(f.mention.text)
        if f.key in finder.aliases:  # "Tổng đài 111"
            f.name, f.key = name_and_key(finder.aliases[f.key])
    keys = {f.key for f in finder.found}
    tasks: dict[tuple[int, bool], list[Task]] = {}  # a heading's tasks, for each body it addresses
    cores: dict[str, set[str]] = {}
    for k in keys:
        cores.setdefault(_core_key(k), set()).add(k)
    for f in finder.found:
        key = f.key
        if not f.mention.qualified and key == _core_key(key):
            fuller = cores.get(key, set()) - {key}
            if len(fuller) == 1:
                key = next(iter(fuller))  # "các phòng GDĐT" is "Phòng GDĐT quận, huyện, thị xã"
        p = doc.paragraphs[f.paragraph]
        r = 0 if f.heading else 1 if f.role == "lead" else 2
        span = doc.span(p.start + f.mention.start, p.start + f.mention.end)
        if key not in bodies:
            bodies[key] = Body(name=f.name, as_written=f.mention.text, role=f.role, section=p.section)
            rank[key] = r
            order.append(key)
        b = bodies[key]
        if r < rank[key]:
            b.name, b.as_written, b.section, rank[key] = f.name, f.mention.text, p.section, r
        if f.role == "lead":
            b.role = "lead"
        b.mentions.append(span)
        if (f.paragraph, f.heading) not in tasks:
            tasks[f.paragraph, f.heading] = _tasks(doc, f)
        for task in tasks[f.paragraph, f.heading]:
            if all(t.span.start != task.span.start for t in b.tasks):
                b.tasks.append(task)
        if f.heading:
            finder.addressed.setdefault(f.paragraph, []).append(b.name)
    for b in bodies.values():
        b.level = body_level(b.name)
    leads = [bodies[k] for k in order if bodies[k].role == "lead"]
    return leads + [bodies[k] for k in order if bodies[k].role != "lead"]


def _tasks(doc: Doc, f: Found) -> list[Task]:
    """A heading's child items (or its own text when it has none); for a mention in running text, its paragraph."""
    p = doc.paragraphs[f.paragraph]
    if f.heading:
        out = []
        for q in doc.paragraphs[f.paragraph + 1:]:
            if not _descends(doc, q, f.paragraph):
                break
            out.append(_task(doc, q))
        if out:
            return out
    return [_task(doc, p)]


def _task(doc: Doc, p: Paragraph) -> Task:
    body = p.body
    return Task.built(text=body, span=doc.span(p.start + len(p.text) - len(body), p.end))


def _descends(doc: Doc, q: Paragraph, ancestor: int) -> bool:
    seen = 0
    while q.parent is not None and seen < 12:
        if q.parent == ancestor:
            return True
        q = doc.paragraphs[q.parent]
        seen += 1
    return False


def leads_by_paragraph(doc: Doc) -> dict[int, list[str]]:
    """Canonical names of the bodies put in charge in each paragraph (addressee headings included)."""
    finder, _ = _analyse(doc)
    out: dict[int, list[str]] = {}
    for f in finder.found:
        if f.role == "lead" and f.name not in out.setdefault(f.paragraph, []):
            out[f.paragraph].append(f.name)
    return out


def names_at(doc: Doc, text: str, at: int) -> list[str]:
    """Canonical names of the specific bodies listed in ``text`` from offset ``at`` ("về Sở ...")."""
    finder, _ = _analyse(doc)
    mentions, _ = parse_list(finder.tokens(text, at), 0)
    finder.distribute(mentions)
    names = []
    for m in mentions:
        if not m.generic:
            name = canonical(m.text, finder.abbrs)
            key = body_key(name)
            name = canonical(finder.aliases[key], finder.abbrs) if key in finder.aliases else name
            if name not in names:
                names.append(name)
    return names
