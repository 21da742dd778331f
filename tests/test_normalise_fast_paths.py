"""The normaliser's whole-text reads written for speed find what their plain writings find."""

from __future__ import annotations

import itertools
import re

import pytest

from extractor import normalise as normalise_module
from extractor.glyph_loss import _lines_holding, lost_in
from extractor.lost_spaces import LETTER_RUN, glued_words
from extractor.normalise import (
    _HEADING_INITIALS,
    _LITERAL_BREAK,
    GLUED_LINE_MIN,
    LITERAL_BREAKS_MIN,
    _continues_heading,
    _odd_words,
    _split_lines,
    _unglued,
)

# Words and marks the variants are made of: glued words ("Uỷban", "thựchiện", "UBNDtỉnh", "ngày31"),
# skeletons ("tnh", "Mc", codes "KH"), both tone placements, đ/Đ, case oddities, clinging punctuation.
PARTS = ["Uỷban", "Ủyban", "thựchiện", "UBNDtỉnh", "ngày31/8", "VĩnhLong", "tnh", "Mc", "KH", "vn", "hoà", "hòa",
         "Đđ", "İı", "ſ", "ǅ", "(tnh,", "**Mc**", "x_y", "12", "Ủy ban", "kếhoạch.", "\u00a0", " ", "\n", "\r\n", "\t", ""]


def _plain_odd_words(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The specification: the glued runs of letters and digits, the skeletons among the runs of letters."""
    return glued_words(set(re.findall(r"[^\W_]+", text))), lost_in(set(LETTER_RUN.findall(text)))


TEXTS = ["", "x", "\r\n"] + ["".join(parts) for parts in itertools.product(PARTS[:12], PARTS[12:], repeat=1)] + [
    " ".join(parts) for parts in itertools.combinations(PARTS, 3)]


@pytest.mark.parametrize("cold", [True, False])
def test_odd_words_are_those_of_the_runs(cold, monkeypatch):
    if cold:  # no token known plain yet, then each text read twice: the second time from the known ones
        monkeypatch.setattr(normalise_module, "_PLAIN_TOKENS", set())
    for text in TEXTS:
        assert _odd_words(text) == _plain_odd_words(text), text
        assert _odd_words(text) == _plain_odd_words(text), text


def test_odd_words_variants_cover_both_answers():
    found = [_plain_odd_words(text) for text in TEXTS]
    assert any(g for g, _ in found) and any(not g for g, _ in found)
    assert any(s for _, s in found) and any(not s for _, s in found)


LINES = ["", "tnh", "Mc tiêu", "vn.vn", "Ủy ban nhân dân", "cttt@hanoiedu.vn", "mc", "\u00a0tnh\u00a0", "İ", "đ"]


@pytest.mark.parametrize("words", [{"tnh"}, {"vn"}, {"mc", "tnh"}, {"Mc"}, {"x"}, set()])
def test_lines_holding_are_those_searched_line_by_line(words):
    for n in range(4):
        for texts in itertools.product(LINES, repeat=n):
            expected = [i for i, text in enumerate(texts) if any(w in text for w in words)]
            assert _lines_holding("\n".join(texts), words) == expected, (texts, words)


def _plain_split_lines(source: str) -> list[tuple[int, int, bool]]:
    """The specification: every line between \\n read one by one."""
    literal = source.count("\\n") + source.count("\\r") >= LITERAL_BREAKS_MIN
    out: list[tuple[int, int, bool]] = []
    pos = 0
    for chunk in source.split("\n"):
        for j, part in enumerate(chunk.split("\f")):
            if literal and "\\" in part:
                start = pos
                for m in _LITERAL_BREAK.finditer(part):
                    out += _unglued(source, start, pos + m.start(), j > 0 and start == pos)
                    start = pos + m.end()
                out += _unglued(source, start, pos + len(part), j > 0 and start == pos)
            else:
                out += _unglued(source, pos, pos + len(part), j > 0)
            pos += len(part) + 1
    return out


FILLER = "các sở, ban, ngành tổ chức thực hiện kế hoạch " * (GLUED_LINE_MIN // 40)
SPLIT_PARTS = ["", "Một dòng.", "\n", "\r\n", "\f", "\\r\\n", "\\n", "\u00a0", "Đ", "İ",
               f"{FILLER}; Căn cứ Luật;", f"{FILLER}, QUYẾT ĐỊNH: Điều 1. Phê duyệt"]


def test_split_lines_are_those_read_line_by_line():
    for n in range(5):
        for parts in itertools.product(SPLIT_PARTS, repeat=n):
            source = "".join(parts)
            assert _split_lines(source) == _plain_split_lines(source), parts


HEADS = ["", " ", "I.", "II. MỤC", "I. MỤC ĐÍCH,", "PHẦN I", "Phần 2", "A.", "H)", "Điều", "Điều 3.", "V", "X.", "L)",
         "C.", "i.", "ı.", "İ.", "đ", "Đ", "Ⅱ.", "\u00a0I.", " Điều", "MỤC", "1.", "a)", "Ủy ban", "ǅ", "ſ"]
TAILS = ["QUAN ĐIỂM", "TIÊU", "Tổng kết năm học", "1. Phê duyệt", "YÊU CẦU", "tiêu", "", "Ủy BAN"]


def test_heading_initials_gate_no_cut_heading():
    for head, tail, wrapped in itertools.product(HEADS, TAILS, (False, True)):
        for ptext in (head, f"{head} {tail}", f"{head}\r\n"):
            if ptext.lstrip()[:1] not in _HEADING_INITIALS:
                assert not _continues_heading(ptext, tail, wrapped), (ptext, tail)


def test_heading_initials_variants_cover_both_answers():
    answers = {_continues_heading(head, tail, wrapped) for head, tail, wrapped in itertools.product(HEADS, TAILS, (False, True))}
    assert answers == {False, True}
