"""The distinct words of a text read from its whitespace tokens are those a regex scan finds."""

from __future__ import annotations

import re

import pytest

from extractor.wordscan import LETTER_RUN, alnum_runs, letter_runs

TEXTS = [
    "",
    "   \n\f\t ",
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;",
    "**I. MỤC ĐÍCH, YÊU CẦU**\n- Uỷ ban nhân dân tỉnh, hoà bình; Ủy ban, hòa giải.",
    "ngày31/8/2012 số1891/KH-PGDĐT UBNDtỉnh (trước) “Đồng” ‘đ’ phố... tỉnh…",
    "a\u00a0b c_d __bold__ x²y ½ H5N1 QH14 e-mail: vanthu@laichau.gov.vn",
    "Đ đ Đắk Lắk 2022-2023 10% (B/cáo); [1] {x} !? a__b",
]


@pytest.mark.parametrize("text", TEXTS)
def test_the_runs_of_the_tokens_are_the_runs_of_the_text(text):
    assert alnum_runs(text) == set(re.findall(r"[^\W_]+", text))
    assert letter_runs(text) == set(LETTER_RUN.findall(text))
