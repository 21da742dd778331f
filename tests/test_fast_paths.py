"""Cheap tests that stand in for a regular expression on a hot path must say what the expression says.

Each fast path is checked against the pattern it replaced (kept here as its specification) on
variants built for it: spaces, no-break spaces, line breaks, the full-width colon, Vietnamese letters.
"""

from __future__ import annotations

import itertools
import re

import pytest

from extractor.fields.targets.finder import ends_lead_in
from extractor.fields.targets.grammar import TRAILING_YEAR_RE, tail

_LEAD_IN_END = re.compile(r"[:：][ \u00a0]*$")


def _variants(stems: list[str], ends: list[str]) -> list[str]:
    return [a + b for a, b in itertools.product(stems, ends)]


LEAD_IN_TEXTS = _variants(
    ["Phấn đấu đến năm 2025, đạt các chỉ tiêu sau", "Mục tiêu cụ thể", "", "a:b", "Chỉ tiêu\n"],
    [":", "：", ": ", ":\u00a0 ", ":\n", ": \n", ":\n\n", ":\n ", " :", ".", ":.", "", "\n", ": x", ":\u00a0\n"],
)


@pytest.mark.parametrize("text", LEAD_IN_TEXTS)
def test_ends_lead_in_is_the_pattern(text: str) -> None:
    assert ends_lead_in(text) == bool(_LEAD_IN_END.search(text)), repr(text)


def test_ends_lead_in_variants_cover_both_answers() -> None:
    answers = {ends_lead_in(t) for t in LEAD_IN_TEXTS}
    assert answers == {True, False}


YEAR_TAILS = _variants(
    ["Tỷ lệ hộ nghèo giảm", "90% trẻ em được tiêm", "Giảm tỷ suất tử vong", "x" * 300 + " tăng"],
    [" năm 2025", " vào năm 2030", " NĂM 2025", " Năm\u00a02025 ", ", năm 2025)", " trong năm 2020", " năm 1890",
     " nam 2025", " năm", "", " đến năm 2030 )", " 2025"],
)


@pytest.mark.parametrize("text", YEAR_TAILS)
def test_tail_with_needed_word_is_the_plain_search(text: str) -> None:
    plain = TRAILING_YEAR_RE.search(text, max(0, len(text) - 200), len(text))
    guarded = tail(TRAILING_YEAR_RE, text, 0, len(text), needs="năm")
    assert (guarded and guarded.span()) == (plain and plain.span()), repr(text)
    unguarded = tail(TRAILING_YEAR_RE, text, 0, len(text))
    assert (unguarded and unguarded.span()) == (plain and plain.span())


def test_year_tail_variants_cover_both_answers() -> None:
    assert {tail(TRAILING_YEAR_RE, t, 0, len(t), needs="năm") is None for t in YEAR_TAILS} == {True, False}


HEADING_LINES = [
    "I. MỤC TIÊU", "IV- NHIỆM VỤ", "V.TỔ CHỨC THỰC HIỆN", "X) KINH PHÍ", "PHẦN I. MỤC ĐÍCH", "Phần thứ hai",
    "CHƯƠNG II", "Chương 1:", "A. MỤC ĐÍCH, YÊU CẦU", "B - NỘI DUNG", "H . KHÁC", "1. A. NHIỆM VỤ", "12. B. CÁC NHIỆM VỤ",
    "Điều 1. Ban hành", " I. MỤC TIÊU", "\u00a0II. NỘI DUNG", "- I. MỤC TIÊU", "(I) MỤC TIÊU", "[II. NHIỆM VỤ", "ii. mục tiêu",
    "phần I", "Mục tiêu", "KẾ HOẠCH", "V/v triển khai", "1.1. Chỉ tiêu", "a) Sở Y tế", "+ Tuyên truyền", "",
    "٣. A. NHIỆM VỤ",
]


def _gated(text: str) -> bool:
    from extractor.segment import headings

    return not (text[:1] in headings._HEADING_INITIALS or text[:1].isdecimal())


@pytest.mark.parametrize("text", [t for t in HEADING_LINES if _gated(t)])
def test_heading_initials_gate_no_heading(text: str) -> None:
    """A paragraph whose first character is not one a heading opens with matches no heading pattern."""
    from extractor.segment import headings

    roman = headings._ROMAN_HEADING.match(text)
    assert not (roman and roman.group("num")), text
    assert not headings._PART_HEADING.match(text), text
    assert not headings._LETTER_HEADING.match(text), text
    assert not headings._LIST_NUMBER_BEFORE.match(text), text


def test_heading_initials_gate_keeps_headings() -> None:
    from extractor.document import Paragraph
    from extractor.segment import read_heading

    found = {t for t in HEADING_LINES if read_heading(Paragraph(start=0, end=len(t), text=t)) is not None}
    assert {"I. MỤC TIÊU", "PHẦN I. MỤC ĐÍCH", "A. MỤC ĐÍCH, YÊU CẦU", "1. A. NHIỆM VỤ", "Phần thứ hai"} <= found
    assert not found & {" I. MỤC TIÊU", "- I. MỤC TIÊU", "Mục tiêu", "a) Sở Y tế"}
