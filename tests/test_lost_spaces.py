"""Words a source ran together are split again by the normaliser, and nothing else is split."""

from __future__ import annotations

import re

import pytest
from test_segment import doc_from_text

from extractor.lost_spaces import LETTER_RUN, alnum_runs, letter_runs, lost_spaces


def restored(text: str) -> str:
    for at in reversed(lost_spaces(text)):
        text = text[:at] + " " + text[at:]
    return text


@pytest.mark.parametrize("glued, spaced", [
    ("KẾ HOẠCHTHỰC HIỆN", "KẾ HOẠCH THỰC HIỆN"),           # two syllables in capitals
    ("Thườngtrực Ban Chỉ đạo", "Thường trực Ban Chỉ đạo"),   # two syllables
    ("thựchiện", "thực hiện"),                               # the longest first syllable wins (not "thự chiện")
    ("thi hànhQuyết định", "thi hành Quyết định"),           # a capital opens the second word
    ("tỉnh VĩnhLong", "tỉnh Vĩnh Long"),
    ("Chủ tịch UBNDtỉnh", "Chủ tịch UBND tỉnh"),             # a code in capitals, then a word
    ("ngày31/8/2012", "ngày 31/8/2012"),                      # a word, then its number
    ("Kế hoạch số1891/KH-PGDĐT", "Kế hoạch số 1891/KH-PGDĐT"),
])
def test_lost_spaces_are_found(glued, spaced):
    assert restored(glued) == spaced


@pytest.mark.parametrize("text", [
    "Covid online Facebook Pasteur",          # no Vietnamese letter
    "TTg QH14 H5N1 GDĐT NN&PTNT QĐTTg SLĐTBXHg",  # codes (a code's lower-case letter is no syllable: no vowel)
    "Nguyễn Hoằng Đức nghiêng khuyến Quảng Ngãi",  # one syllable each
    "phòng, chống ma túy",
])
def test_words_and_codes_are_left_alone(text):
    assert lost_spaces(text) == []


def test_the_document_text_gets_the_spaces_and_spans_keep_to_the_source():
    source = "KẾ HOẠCH\nTiêu đề\n\nI. MỤC TIÊU\n- Uỷban nhân dân các xã thựchiện kế hoạch.\n"
    doc = doc_from_text(source)
    item = next(p for p in doc.paragraphs if p.role == "item")
    assert item.text == "- Ủy ban nhân dân các xã thực hiện kế hoạch."  # tone marks placed again
    span = doc.span(item.start, item.end)
    assert span.text == "- Uỷban nhân dân các xã thựchiện kế hoạch." == source[span.start:span.end]


# The distinct words of a text read from its whitespace tokens are those a regex scan finds.
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
