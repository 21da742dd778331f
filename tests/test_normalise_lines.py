"""The normaliser's line scans written for speed find what their plain writings find."""

from __future__ import annotations

import itertools
import re

import pytest

from extractor import normalise as normalise_module
from extractor.glyph_loss import lost_in, restore_lines
from extractor.lost_spaces import letter_runs
from extractor.normalise import _EMPHASIS, GLUED_LINE_MIN, _split_lines

# The emphasis marks as first written: the look-behinds before the mark.
PLAIN_EMPHASIS = re.compile(r"\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])")


def test_emphasis_marks_are_those_of_the_plain_pattern():
    for n in range(6):
        for chars in itertools.product("*_ ađ1.", repeat=n):
            text = "".join(chars)
            for pos in range(len(text) + 1):
                assert [m.span() for m in _EMPHASIS.finditer(text, pos)] == \
                    [m.span() for m in PLAIN_EMPHASIS.finditer(text, pos)], (text, pos)


FILLER = "các sở, ban, ngành tổ chức thực hiện kế hoạch " * (GLUED_LINE_MIN // 40)  # a line long enough to unglue


@pytest.mark.parametrize("source, lines", [
    ("", [("", False)]),
    ("a\nb\fc\n\fd", [("a", False), ("b", False), ("c", True), ("", False), ("d", True)]),
    ("Một dòng.\nHai dòng\\r\\nba\\ndòng\\rbốn",  # line breaks written out, in a text holding several
     [("Một dòng.", False), ("Hai dòng", False), ("ba", False), ("dòng", False), ("bốn", False)]),
    (f"{FILLER}; Căn cứ Luật Tổ chức; Xét đề nghị của Sở, QUYẾT ĐỊNH: Điều 1. Phê duyệt\n{FILLER}",
     [(f"{FILLER};", False), ("Căn cứ Luật Tổ chức;", False), ("Xét đề nghị của Sở,", False), ("QUYẾT ĐỊNH:", False),
      ("Điều 1. Phê duyệt", False), (FILLER, False)]),
    (f"{FILLER}\f{FILLER}, Nơi nhận: như trên", [(FILLER, False), (f"{FILLER},", True), ("Nơi nhận: như trên", False)]),
    (f"{FILLER}Theo đó\n", [(f"{FILLER}Theo đó", False), ("", False)]),  # a long line with no part to break before
])
def test_lines_are_split_and_unglued(source, lines):
    assert [(source[a:b], page_break) for a, b, page_break in _split_lines(source)] == lines


@pytest.mark.parametrize("source", [
    "## KẾ HOẠCH\n**I. MỤC TIÊU**\na**b**c __đ__e *f*\n\n- Uỷban nhân dân tỉnh; thựchiện kếhoạch",
    "Một dòng.\nHai dòng\\r\\nba\\ndòng\\rbốn\\nnăm",  # line breaks written out: a line may open mid-run
    "x" * 12_000 + " Mc tiêu c thể",  # a window cut mid-word
    "Một dòng.\nHai\\r\\nba\\ntnh\\rbốn",  # a skeleton only the line cut mid-run shows ("ntnh" in the text)
    "x" * 10_000 + "tnh tiêu",  # the same, in a window cut mid-word
    "Số:        /KH-UBND      Tam Dương, ngày 12 tháng 01 năm 2017\nS: 02 ngy 20/4/2009",
])
def test_the_words_the_normaliser_knows_hold_those_of_its_lines(source, monkeypatch):
    seen = []

    def spy(lines, texts, words=None):
        seen.append(words is not None and lost_in(letter_runs("\n".join(texts))) <= words)
        return restore_lines(lines, texts, words)

    monkeypatch.setattr(normalise_module, "restore_lines", spy)
    normalise_module.normalise(source)
    assert seen == [True]
