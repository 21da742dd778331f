"""The body-name parser: one name, or a list of names, from a token on."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from ...normalise import clean
from .tokens import Tokens


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
    parsed: dict[int, Optional[Mention]] = {}  # the name after a separator is parsed once: to see it, then to take it

    def mention_at(k: int) -> Optional[Mention]:
        if k not in parsed:
            parsed[k] = parse_mention(tk, k, heading)
        return parsed[k]

    k = i
    while True:
        m = mention_at(k)
        if m is None:
            break
        out.append(m)
        k = _after_definition(tk, m)
        sep = 0
        if tk.text(k) in _SEPARATORS:
            sep = 2 if tk.lower(k + 1) == "và" else 1
        elif tk.lower(k) == "và":
            sep = 1
        if not sep or mention_at(k + sep) is None:
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


