"""The name parser's fast paths must read what the plain code they replaced reads.

The plain versions are kept here as their specification: ``_Name.step`` asking ``Tokens`` for every
label and shape, ``Tokens.ends_name`` matching its three labels, ``_after_definition`` looking for a
bracket token by token. Each list of names is parsed from every word of the seed paragraphs and of
variants built for the fast paths (no-break spaces, đ/Đ, both tone placements, İ/ı/ſ, GD&ĐT,
brackets, empty texts), once with the plain versions patched in and once without.
"""

from __future__ import annotations

import re
from typing import Optional

import pytest
from conftest import SEEDS

from extractor.fields.bodies import mentions
from extractor.fields.bodies.finder import _Finder
from extractor.fields.bodies.lexicon import Lexicon
from extractor.fields.bodies.mentions import _CONTINUING_PUNCT, _DEFINING, Mention, Part, parse_list
from extractor.fields.bodies.tokens import Tokens
from extractor.pipeline import build_doc
from extractor.tones import clean


def _plain_step(self: mentions._Name) -> bool:
    tk, k = self.tk, self.k
    if tk.text(k) == "(":
        sectors = mentions._sector_bracket(tk, k) if self.school() else 0
        return bool(sectors) and self.take(sectors, Part.QUALIFIER)
    loc = tk.match("locative", k)
    if loc:
        self.trim = k if self.last != Part.LOCATIVE else self.trim
        return self.take(loc, Part.LOCATIVE)
    qualifier = tk.match("qualifier", k)
    if qualifier:
        return self.take(qualifier, Part.QUALIFIER)
    low = tk.lower(k)
    level = tk.match("level", k)
    if low == "các" and tk.match("level", k + 1):
        level = 1 + tk.match("level", k + 1)
    elif low == "các" and self.content and self.last in (Part.HEAD, Part.CAP, Part.LOWER):
        level = mentions._units_after(tk, k + 1)
        level = 1 + level if level else 0
    if level and (not tk.is_cap(k) or low == "các"):
        self.qualified = True
        return self.take(level, Part.LEVEL)
    if tk.is_cap(k) or tk.is_abbreviation(k) or tk.is_number(k):
        if self.last in (Part.HEAD, Part.PUNCT):
            self.group_cap = True
        self.content = self.capital = True
        return self.take(1, Part.CAP)
    if low == "và":
        if self.last == Part.LEVEL and tk.match("level", k + 1) and not tk.is_cap(k + 1):
            return self.take(1, Part.PUNCT)
        return self.joins_capitalised() and self.take(1, Part.PUNCT)
    if tk.is_word(k):
        return self.lower_word()
    if tk.text(k) in _CONTINUING_PUNCT:
        nxt = k + 1
        apposition = tk.match("generic", nxt) and not tk.is_cap(nxt)
        joins = (tk.is_word(nxt) and not tk.ends_name(nxt) and not tk.match("determiner", nxt)
                 and not apposition)
        return joins and self.take(1, Part.PUNCT)
    if tk.text(k) == ",":
        return self.comma()
    return False


def _plain_ends_name(self: Tokens, i: int) -> bool:
    return bool(self.match("verb", i) or self.match("stop", i) or self.match("statement", i))


def _plain_after_definition(tk: Tokens, m: Mention) -> int:
    k = m.token_end
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
        if look > k:
            expansion = tk.definitions.get(d.group("abbr") or "", "")
            written = tk.source[m.start:tk.starts[look]].rstrip()
            if not expansion or not clean(written).casefold().endswith(clean(expansion).casefold()):
                break
            m.end, m.text = m.start + len(written), written
        return close
    return k


VARIANTS = [
    "Giao Sở Giáo dục và Đào tạo chủ trì, phối hợp với UBND các huyện, thị xã và thành phố Huế triển khai.",
    "Sở\u00a0GD&ĐT, Sở LĐ-TB&XH; Phòng Văn hoá và Thông tin hoà giải, Phòng Văn hóa và Thông tin hòa giải.",
    "ĐOÀN THANH NIÊN tỉnh, Đoàn Thanh niên các cấp; İstanbul Sở, ıi Phòng, ſở Y tế, Sở İ, Sở ı, Sở ſ",
    "Trung tâm Kiểm soát bệnh tật (CDC) chủ trì; Các cơ sở giáo dục (sau đây gọi tắt là CSGD) thực hiện",
    "Các cơ sở khám bệnh, chữa bệnh (sau đây gọi tắt là CSKCB) báo cáo; Tổng đài 111 (số 111) tiếp nhận",
    "các trường MN - MG (CL - NCL) trên địa bàn, Ban vì sự tiến bộ phụ nữ các sở, ban, ngành, huyện thực hiện",
    "Công an tỉnh - cơ quan thường trực Ban Chỉ đạo, chủ trì (Thường trực) và các đơn vị liên quan",
    "Văn phòng HĐND và UBND huyện, các huyện, thị và thành phố, UBND các xã, phường, thị trấn (",
    "Sở Y tế", "Sở", "(", "", "các", "UBND",
]


def _texts() -> list[str]:
    return VARIANTS + [p.text for path in SEEDS for p in build_doc(path).paragraphs]


def _parsed(texts: list[str]) -> list[tuple]:
    lex = Lexicon.load()
    definitions = {"CSGD": "Cơ sở giáo dục", "CSKCB": "cơ sở khám bệnh, chữa bệnh", "CDC": "Trung tâm Kiểm soát bệnh tật"}
    heads = frozenset(lex.abbreviation_heads | {"CSGD", "CSKCB"})
    out = []
    for text in texts:
        for at in [0] + [m.start() for m in re.finditer(r"(?<=\s)\S", text)]:
            for heading in (False, True):
                tk = Tokens(text, at, lex, heads)
                tk.definitions = definitions
                found, end = parse_list(tk, 0, heading)
                out.append((text, at, heading, end, [vars(m) for m in found]))
    return out


def _plain_finder_predicates(texts: list[str]) -> list[tuple]:
    lex = Lexicon.load()
    out = []
    for text in texts:
        tk = Tokens(text, 0, lex)
        out.append([(tk.ends_name(i), _Finder.predicate_follows(tk, i)) for i in range(-1, 45)])
    return out


def test_the_parser_reads_what_the_plain_parser_reads(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _texts()
    fast = _parsed(texts), _plain_finder_predicates(texts)
    monkeypatch.setattr(mentions._Name, "step", _plain_step)
    monkeypatch.setattr(Tokens, "ends_name", _plain_ends_name)
    monkeypatch.setattr(mentions, "_after_definition", _plain_after_definition)
    plain = _parsed(texts), _plain_finder_predicates(texts)
    assert len(fast[0]) > 1000
    for got, expected in zip(fast[0], plain[0]):
        assert got == expected
    assert fast[1] == plain[1]


def test_the_variants_name_bodies_and_extend_them() -> None:
    found: list[Optional[str]] = [m["text"] for *_, ms in _parsed(VARIANTS[3:5]) for m in ms]
    assert "Các cơ sở khám bệnh, chữa bệnh" in found and "Trung tâm Kiểm soát bệnh tật" in found
