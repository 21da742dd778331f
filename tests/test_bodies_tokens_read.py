"""The tokens a window reads, each word's facts looked up once (``Lexicon.words``), against the plain
reading they replaced (kept here as its specification): every token's text, offset, lowercase, shape
and opener bits worked out afresh, on variants with no-break spaces, đ/Đ, both tone placements,
İ/ı/ſ, abbreviations joined by '&' and empty texts."""

from __future__ import annotations

from itertools import islice

import pytest

from extractor.fields.bodies.lexicon import Lexicon
from extractor.fields.bodies.tokens import TOKEN_RE, WINDOW_TOKENS, Tokens


def _plain_shape(token: str) -> str:
    first = token[0]
    if first.isdigit():
        return "9"
    if not first.isalpha():
        return "."
    if not first.isupper():
        return "w"
    letters = token.replace("&", "")
    return "A" if len(letters) >= 2 and letters.isupper() else "C"


def _plain_window(source: str, start: int, lex: Lexicon) -> list[tuple[str, int, str, str, int]]:
    out = []
    for m in islice(TOKEN_RE.finditer(source, start), WINDOW_TOKENS):
        text = m.group()
        low = text.lower()
        out.append((text, m.start(), low, _plain_shape(text), lex.openers.get(low, 0)))
    return out


TEXTS = [
    "Giao Sở Giáo dục và Đào tạo chủ trì, phối hợp với UBND các huyện, thị xã và thành phố.",
    "Sở\u00a0GD&ĐT, Sở LĐ-TB&XH; Phòng Văn hoá và Thông tin (VH&TT) hòa giải, hoà giải",
    "ĐOÀN THANH NIÊN, đoàn thanh niên, Đoàn Thanh niên; İstanbul, ıi, ſở, İ, ı, ſ",
    "Tổng đài 111, số 02433525662, ngày 5/7/2025, 1.000.000 đồng; TTHĐTT’N, O'Neil",
    "a", "Đ", "&", "", " ", "\u00a0\u00a0", "x" * 3 + " y" * 60,
]


@pytest.mark.parametrize("text", TEXTS)
def test_a_window_reads_the_plain_tokens(text: str) -> None:
    lex = Lexicon.load()
    for start in range(0, min(len(text), 12) + 1):
        expected = _plain_window(text, start, lex)
        for asked in ([0], [2, 1, 7], [WINDOW_TOKENS + 5], [5, 40, 3]):
            tk = Tokens(text, start, lex)
            for i in asked:
                tk.has(i)
            got = list(zip(tk.texts, tk.starts, tk.lowers, tk.shapes, tk.openers))
            assert got == expected[:len(got)], (text, start, asked)
        tk = Tokens(text, start, lex)
        tk.has(WINDOW_TOKENS)
        assert list(zip(tk.texts, tk.starts, tk.lowers, tk.shapes, tk.openers)) == expected


def test_the_words_table_is_emptied_when_full(monkeypatch: pytest.MonkeyPatch) -> None:
    from extractor.fields.bodies import lexicon

    lex = Lexicon.load()
    monkeypatch.setattr(lexicon, "MAX_WORDS", 2)
    lex.words.clear()
    facts = [lex.words[w] for w in ("Sở", "sở", "UBND", "Sở")]
    assert facts == [("sở", "C", lex.openers.get("sở", 0)), ("sở", "w", lex.openers.get("sở", 0)),
                     ("ubnd", "A", lex.openers.get("ubnd", 0)), ("sở", "C", lex.openers.get("sở", 0))]
    assert len(lex.words) <= 2
    lex.words.clear()
