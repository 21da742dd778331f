"""The body-name parser: one name, or a list of names, from a token on."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from typing import Optional, Union

from ...tones import clean
from .lexicon import LABEL_BITS, gazetteer
from .tokens import TOKEN_RE, Tokens


@dataclass
class Mention:
    """A body name as parsed at a slot: token range, text as written, and what it is."""

    start: int  # character offsets into the paragraph text
    end: int
    text: str
    generic: bool  # "các sở, ban, ngành liên quan", "các cơ quan có liên quan"
    qualified: bool  # carries a level word: "tỉnh", "các huyện", "các cấp"
    token_end: int = 0
    kind: bool = False  # the plan's abbreviation for a kind of body ("CSGD"): counts where it is assigned


MAX_NAME_TOKENS = 24
_LOCATIVE, _QUALIFIER, _LEVEL = LABEL_BITS["locative"], LABEL_BITS["qualifier"], LABEL_BITS["level"]
_CAPITALISED = ("C", "A")  # the shapes of capitalised words and abbreviations (``Tokens.is_cap``)
_CONTINUING_PUNCT = {"-", "–", "—", "&"}


class Part(Enum):
    """What the last token read of a name was: it decides what may follow."""

    HEAD = "head"            # the unit noun: "Sở"
    CAP = "cap"              # a capitalised word, abbreviation or number: "Y", "GDĐT", "111"
    LOWER = "lower"          # a lowercase name word: "tế" in "Trung tâm Y tế"
    PUNCT = "punct"          # a joining mark or word: "-", ",", "và" inside "Lao động - Thương binh và Xã hội"
    LEVEL = "level"          # a level word: "tỉnh", "các huyện"
    QUALIFIER = "qualifier"  # "liên quan", "trực thuộc"
    LOCATIVE = "locative"    # "trên địa bàn": follows a name, no part of it


def parse_mention(tk: Tokens, i: int, heading: bool = False) -> Optional[Mention]:
    """One body name starting at token ``i``, or None when no unit noun opens there.

    ``heading``: the text of a Tổ chức thực hiện item, where a comma may join lowercase
    words of one name ("Phòng Chính trị, tư tưởng").
    """
    opened = _open_name(tk, i, heading)
    if not isinstance(opened, _Name):
        return opened
    while (opened.k < tk.n or tk.has(opened.k)) and opened.k - i < MAX_NAME_TOKENS and opened.step():
        pass
    return opened.mention()


def _open_name(tk: Tokens, i: int, heading: bool) -> Union[Mention, _Name, None]:
    """The opening of a name: a determiner, level words, the unit noun (or a list of bare ones).
    Returns the name to read on, a finished generic mention of localities, or None."""
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
    # a name, a level word, or the kind of a school ("các trường mầm non, tiểu học") follows the unit noun
    name_follows = (tk.is_cap(k) or tk.is_abbreviation(k) or tk.is_number(k) or tk.match("level", k) > 0
                    or tk.match("grade", k) > 0)
    abbreviation_head = not generic_head and n == 1 and tk.is_abbreviation(j)
    # "Văn phòng", "Thanh tra", "các cơ sở khám bệnh": a capitalised or determined multi-word head
    stands_alone = abbreviation_head or (n > 1 and (tk.is_cap(j) or bool(det)))
    # "phòng ngừa", "Ban hành", "Tổ chức", "Hội nghị", "các trung tâm" need a name after them
    bare_list = bool(det) and (tk.match("head", k) or tk.match("generic", k) or not tk.is_word(k))
    if not generic_head and not name_follows and not stands_alone and not bare_list:
        return None
    if generic_head and not det and not name_follows and tk.match("verb", j):
        return None  # "chỉ đạo tổ chức triển khai": the verb "tổ chức", not a kind of body
    collective = False
    # "các sở, ban, ngành", "các Sở, Ban, ngành", "các phòng ban ngành": a list of bare unit nouns
    # ("các tổ chức, cá nhân": with a member that is no body of its own)
    while det or generic_head:
        step = 1 if tk.text(k) == "," else 0
        more = max(tk.match("head", k + step), tk.match("generic", k + step), tk.match("member", k + step) * step)
        if more and _bare_unit(tk, k + step, more, after_separator=bool(step)) and not tk.match("kind", k + step):
            k += step + more
            collective = True
        else:
            break
    return _Name(tk, i, heading, k, generic_head=generic_head, collective=collective,
                 content=abbreviation_head or (not generic_head and not det), capital=abbreviation_head,
                 kind=abbreviation_head and _kind_of_body(tk, j),
                 group_cap=tk.is_cap(j))


def _kind_of_body(tk: Tokens, j: int) -> bool:
    """An abbreviation the plan defines for a kind of body ("Các cơ sở giáo dục (sau đây gọi tắt là
    CSGD)"): like the phrase it stands for, it names no body in particular."""
    words = tk.definitions.get(tk.text(j), "").lower().split()
    if words[:1] and words[0] in tk.lex.lengths["determiner"]:
        words = words[1:]
    return any(tuple(words[:n]) in tk.lex.phrases["generic"] for n in (1, 2, 3))


def _units_after(tk: Tokens, k: int) -> int:
    """Tokens of a list of bare unit nouns and level words at ``k`` ("sở, ban, ngành, huyện, thị xã"),
    or 0 when none opens there."""
    start = k
    while True:
        n = max(tk.match("head", k), tk.match("generic", k), tk.match("level", k))
        if not n or tk.is_cap(k) or not _bare_unit(tk, k, n, after_separator=k > start):
            break
        k += n
        if tk.text(k) != "," or not max(tk.match("head", k + 1), tk.match("generic", k + 1), tk.match("level", k + 1)):
            break
        k += 1
    return k - start


def _bare_unit(tk: Tokens, k: int, n: int, after_separator: bool) -> bool:
    """Whether the unit noun of ``n`` tokens at ``k`` stands bare in a list ("các sở, ban, ngành"):
    lowercase, or capitalised with no name after it ("các Sở, Ban, ngành", "các Vụ, Cục thuộc Bộ Y
    tế"); a word that is also a verb only between separators ("các cơ quan, tổ chức, cá nhân", not
    "các đơn vị, địa phương tổ chức triển khai")."""
    if tk.is_abbreviation(k):
        return False
    after = k + n
    ends = (not tk.has(after) or tk.text(after) in {",", ";", ".", ":", ")"} or tk.lower(after) in ("và", "thuộc")
            or (tk.lower(after) == "trực" and tk.lower(after + 1) == "thuộc"))
    if tk.is_cap(k) and not (ends or tk.match("head", after) or tk.match("generic", after)):
        return False
    return not tk.match("verb", k) or (after_separator and ends)


@dataclass
class _Name:
    """A name being read token by token after its unit noun, and what has been seen of it."""

    tk: Tokens
    start: int  # token where the mention starts (its determiner, if any)
    heading: bool
    k: int  # the next token to read
    generic_head: bool  # opened by a kind of body ("các cơ quan"), not a unit noun
    collective: bool  # a list of bare unit nouns: "các sở, ban, ngành"
    content: bool  # a word that makes the name specific was read
    capital: bool  # a capitalised word was read
    group_cap: bool  # the current run of name words opened with a capital
    qualified: bool = False  # a level word was read: "tỉnh", "các cấp"
    kind: bool = False  # opened by the plan's abbreviation for a kind of body
    last: Part = Part.HEAD
    trim: Optional[int] = None  # where the last run of locatives ("trên địa bàn") begins

    def take(self, n: int, part: Part) -> bool:
        self.k, self.last = self.k + n, part
        return True

    def step(self) -> bool:
        """Read the next token into the name; False where the name ends. Token ``k`` is read
        (``parse_mention`` asks first), and a label is matched only where a phrase of it opens with the
        word (``Tokens.openers``)."""
        tk, k = self.tk, self.k
        text, low, shape, opens = tk.texts[k], tk.lowers[k], tk.shapes[k], tk.openers[k]
        if text == "(":
            sectors = _sector_bracket(tk, k) if self.school() else 0
            return bool(sectors) and self.take(sectors, Part.QUALIFIER)  # "các trường MN - MG (CL - NCL)"
        loc = tk.match("locative", k) if opens & _LOCATIVE else 0
        if loc:
            self.trim = k if self.last != Part.LOCATIVE else self.trim
            return self.take(loc, Part.LOCATIVE)
        qualifier = tk.match("qualifier", k) if opens & _QUALIFIER else 0
        if qualifier:
            return self.take(qualifier, Part.QUALIFIER)
        level = tk.match("level", k) if opens & _LEVEL else 0
        if low == "các" and tk.match("level", k + 1):
            level = 1 + tk.match("level", k + 1)
        elif low == "các" and self.content and self.last in (Part.HEAD, Part.CAP, Part.LOWER):
            level = _units_after(tk, k + 1)  # "Ban vì sự tiến bộ phụ nữ các sở, ban, ngành, huyện": one in each
            level = 1 + level if level else 0
        capitalised = shape in _CAPITALISED
        if level and (not capitalised or low == "các"):
            self.qualified = True
            return self.take(level, Part.LEVEL)
        if capitalised or shape == "9":
            if self.last in (Part.HEAD, Part.PUNCT):
                self.group_cap = True
            self.content = self.capital = True
            return self.take(1, Part.CAP)
        if low == "và":
            if self.last == Part.LEVEL and tk.match("level", k + 1) and not tk.is_cap(k + 1):
                return self.take(1, Part.PUNCT)  # "các huyện, thị xã và thành phố Huế"
            return self.joins_capitalised() and self.take(1, Part.PUNCT)  # "Lao động - Thương binh và Xã hội"
        if shape == "w":  # a word (the capitalised ones taken above)
            return self.lower_word()
        if text in _CONTINUING_PUNCT:
            nxt = k + 1
            apposition = tk.match("generic", nxt) and not tk.is_cap(nxt)  # "- cơ quan thường trực ..."
            joins = (tk.is_word(nxt) and not tk.ends_name(nxt) and not tk.match("determiner", nxt)
                     and not apposition)
            return joins and self.take(1, Part.PUNCT)
        if text == ",":
            return self.comma()
        return False

    def school(self) -> bool:
        """The name is a school's: its unit noun is "Trường"."""
        return self.tk.lower(self.start + self.tk.match("determiner", self.start)) == "trường"

    def joins_capitalised(self) -> bool:
        """A "và" or "," between capitalised name words: "Lao động, Thương binh và Xã hội" (not before
        another body's unit noun or a head's title: "Sở Tài chính, Giám đốc Sở ...")."""
        nxt = self.k + 1
        if self.joint_office() and self.tk.lower(self.k) == "và" and self.tk.abbreviated_body(nxt):
            return True  # "Văn phòng HĐND và UBND huyện", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân": one office
        return (self.group_cap and self.last in (Part.CAP, Part.LOWER) and self.tk.is_cap(nxt)
                and not self.tk.match("head", nxt) and not self.tk.match("office", nxt))

    def joint_office(self) -> bool:
        """The name is the office of a body an abbreviation stands for ("Văn phòng HĐND", "Văn phòng Hội
        đồng nhân dân"), which may serve two such bodies at once."""
        tk = self.tk
        at = self.start + tk.match("determiner", self.start)
        if not (tk.lower(at) == "văn" and tk.lower(at + 1) == "phòng" and self.last in (Part.CAP, Part.LOWER)):
            return False
        return tk.abbreviated_body(at + 2) == self.k - (at + 2)

    def lower_word(self) -> bool:
        """A lowercase word is a name word unless it starts a predicate, a determiner or follows a level or
        a qualifier ("các cơ quan có liên quan định hướng ...": what says which bodies closes the name, but
        for the object of "trực thuộc")."""
        tk, k = self.tk, self.k
        whose = self.whose_kind()
        if whose:
            return self.take(whose, Part.LOWER)
        closing = self.last == Part.QUALIFIER and tk.lower(k - 1) != "thuộc"  # "trực thuộc trung ương" goes on
        if self.last == Part.LEVEL or closing or tk.match("determiner", k):
            return False
        if tk.ends_name(k) and not _verb_before_level(tk, k):
            return False
        if self.last in (Part.CAP, Part.LOWER) and _closes_compound_field(tk, self.k):
            return False  # "Phòng Văn hóa và Thông tin đăng tải ...": the field names the body whole
        if self.last in (Part.HEAD, Part.PUNCT):
            self.group_cap = False
        self.content = self.content or not self.collective
        return self.take(1, Part.LOWER)

    def whose_kind(self) -> int:
        """Tokens of "của" and a plural kind of body after a kind of body that names no one ("Cơ quan trung
        ương của các tổ chức chính trị - xã hội": the central organ of each), else 0."""
        tk, k = self.tk, self.k
        if tk.lower(k) != "của" or not self.generic_head or self.capital or self.collective:
            return 0
        det = tk.match("determiner", k + 1)
        kind = tk.match("generic", k + 1 + det) if det else 0
        return 1 + det + kind if kind else 0

    def comma(self) -> bool:
        tk, nxt = self.tk, self.k + 1
        if self.last == Part.LEVEL and tk.match("level", nxt) and not tk.is_cap(nxt):
            self.k += 1  # "các huyện, thành phố", "quận, huyện, thị xã"
            return True
        if self.last == Part.LEVEL and _clipped_level(tk, nxt):
            return self.take(2, Part.LEVEL)  # "các huyện, thị và thành phố Huế"
        if self.joins_capitalised():
            return self.take(1, Part.PUNCT)  # "Lao động, Thương binh, Xã hội"
        if (self.heading and self.last in (Part.CAP, Part.LOWER) and tk.is_word(nxt) and not tk.is_cap(nxt)
                and not (tk.ends_name(nxt) or tk.match("head", nxt) or tk.match("generic", nxt)
                         or tk.match("determiner", nxt) or tk.match("level", nxt) or tk.match("office", nxt))):
            return self.take(1, Part.PUNCT)  # a heading: "Phòng Chính trị, tư tưởng"
        return False

    def mention(self) -> Optional[Mention]:
        """The mention read so far; a trailing run of locatives is left out of it."""
        generic = self.collective or not self.content or (self.generic_head and not self.capital)
        trimmed = self.last == Part.LOCATIVE and self.trim is not None
        m = _mention(self.tk, self.start, self.trim if trimmed and self.trim is not None else self.k,
                     generic=generic, qualified=self.qualified)
        if m is not None:
            m.kind = self.kind
        if m is not None and trimmed:
            m.token_end = self.k  # the list goes on after the locative
        return m


@lru_cache(maxsize=1)
def _sector_words() -> frozenset[str]:
    """The words that say a school's sector: "công lập", "ngoài công lập" ... and "CL", "NCL"."""
    g = gazetteer()
    return frozenset(w for sector in g["school_sectors"] for w in sector.lower().split()) | frozenset(
        g["school_sector_abbreviations"])


_BRACKET_JOINS = {"-", "–", ",", "/"}


def _sector_bracket(tk: Tokens, k: int) -> int:
    """Tokens of the bracket at ``k`` when it names school sectors only ("(CL - NCL)", "(công lập, tư
    thục)"), else 0."""
    words, j, seen = _sector_words(), k + 1, False
    while tk.has(j) and tk.text(j) != ")" and j - k < 12:
        if tk.text(j) in words or tk.lower(j) in words:
            seen = True
        elif tk.text(j) not in _BRACKET_JOINS:
            return 0
        j += 1
    return j + 1 - k if seen and tk.text(j) == ")" else 0


@lru_cache(maxsize=1)
def _compound_fields() -> dict[str, frozenset[tuple[str, ...]]]:
    """The fields of several parts ("Văn hóa và Thông tin", "Lao động - Thương binh và Xã hội") as lowercase
    token tuples, by their last token."""
    out: dict[str, set[tuple[str, ...]]] = {}
    for name in gazetteer()["fields"]:
        words = tuple(m.group(0).lower() for m in TOKEN_RE.finditer(clean(name)))
        if any(w in ("và", "-", ",") for w in words):
            out.setdefault(words[-1], set()).add(words)
    return {last: frozenset(fields) for last, fields in out.items()}


def _closes_compound_field(tk: Tokens, k: int) -> bool:
    """Whether the tokens before ``k`` end a field of several parts, which a lowercase word cannot go on."""
    fields = _compound_fields().get(tk.lower(k - 1))
    return bool(fields) and any(k >= len(f) and tuple(tk.lowers[k - len(f):k]) == f for f in fields or ())


@lru_cache(maxsize=1)
def _clipped_levels() -> frozenset[str]:
    return frozenset(gazetteer()["clipped_levels"])


def _clipped_level(tk: Tokens, k: int) -> bool:
    """A level word cut short in a list of levels ("các huyện, thị và thành phố"): another level, a comma
    or "và" follows it."""
    return tk.lower(k) in _clipped_levels() and (tk.text(k + 1) in (",", "") or tk.lower(k + 1) == "và")


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
    parsed: dict[int, Optional[Mention]] = {}  # the name after a separator is parsed once: to see it, then to take it

    def mention_at(k: int) -> Optional[Mention]:
        if k not in parsed:
            parsed[k] = parse_mention(tk, k, heading)
        return parsed[k]

    k = _after_titles(tk, i)
    while True:
        m = mention_at(k)
        if m is None:
            break
        if out:
            m.text = carry_determiner(tk, k, out[-1].text, m.text)
        out.append(m)
        k = _after_definition(tk, m)
        sep = 0
        if tk.text(k) in _SEPARATORS:
            sep = 2 if tk.lower(k + 1) == "và" else 1
        elif tk.lower(k) == "và":
            sep = 1
        nxt = _after_titles(tk, k + sep) if sep else k
        if not sep or mention_at(nxt) is None:
            break
        k = nxt
    return out, k


def carry_determiner(tk: Tokens, k: int, before: str, written: str) -> str:
    """"các Bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ": a kind of body the law names (``written``,
    at token ``k``), listed bare after a plural mention (``before``), is plural too ("các cơ quan
    ngang bộ"); any other name is returned as written."""
    det = before.split(maxsplit=1)[0].lower() if before else ""
    if det in tk.lex.lengths["determiner"] and tk.match("kind", k) and not tk.match("determiner", k):
        return f"{det} {written}"
    return written


def _after_titles(tk: Tokens, k: int) -> int:
    """The token after the heads' titles at ``k`` ("Thủ trưởng", "Giám đốc, Thủ trưởng"): a list
    may name bodies through their heads ("Giao Thủ trưởng các Sở, ngành, Chủ tịch UBND các huyện")."""
    while (n := tk.match("office", k)) and not tk.match("head", k + n - 1):
        k += n
        if tk.text(k) == "," or tk.lower(k) == "và":
            k += 1
    return k


_DEFINING = re.compile(r"\(\s*(?:(?:sau\s+đây\s+)?(?:gọi|viết)\s+tắt\s+(?:là\s+)?)?[“\"]?(?P<abbr>[A-ZĐ][A-ZĐ&]{1,11})[”\"]?\s*\)"
                       r"|\(\s*(?:số\s+)?(?:điện\s+thoại\s+)?\d{2,6}\s*\)")


def _after_definition(tk: Tokens, m: Mention) -> int:
    """The token after ``m`` and any bracket that defines it (``m`` is extended when needed)."""
    k = m.token_end
    if tk.source.find("(", tk.offset(k)) < 0:
        return k  # no bracket follows (a "(" is a token of its own)
    for look in range(k, k + 8):
        if not tk.has(look):
            break
        if tk.text(look) != "(":
            if tk.text(look) in (".", ";", ":") or (look > k + 3 and tk.is_word(look) and tk.ends_name(look)):
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


