"""Where printed lines end their paragraphs, read from where they sit (readers/layout.py), on lines
constructed here: a column 400 wide, type 14 high, a space 4, a line pitch of 17."""

from __future__ import annotations

from extractor.normalise import normalise
from extractor.readers.layout import LineBox, line_ends, line_pitch, line_styles, page_turns

RIGHT = 500.0


def line(start: int, end: int, right: float, baseline: float, first_word: float = 30.0, *,
         font_size: float = 12.0, bold: bool = False, left: float = 100.0) -> LineBox:
    return LineBox(start=start, end=end, left=left, right=right, baseline=baseline, size=14.0,
                   first_word=first_word, space=4.0, font_size=font_size, bold=bold)


def test_a_line_is_wrapped_when_the_next_word_would_not_have_fitted():
    lines = [line(0, 10, RIGHT, 0), line(11, 20, RIGHT - 20, 17, first_word=30),  # 20 left: 30 did not fit
             line(21, 30, RIGHT - 100, 34, first_word=30),  # 100 left: the word would have fitted
             line(31, 40, RIGHT, 51)]
    assert line_ends(lines) == {10: False, 20: False, 30: True}


def test_a_space_below_a_full_line_leaves_it_to_the_words_and_below_a_short_one_is_a_break():
    lines = [line(0, 10, RIGHT, 0), line(11, 20, RIGHT, 17), line(21, 30, RIGHT, 40),  # a gap of 23 below
             line(31, 40, RIGHT - 200, 57), line(41, 50, RIGHT, 80), line(51, 60, RIGHT, 97)]
    ends = line_ends(lines)
    assert 20 not in ends and ends[10] is False and ends[40] is True


def test_lines_side_by_side_are_no_paragraphs_of_each_other():
    lines = [line(0, 10, 200, 0), line(11, 20, RIGHT, 0, left=300), line(21, 30, RIGHT, 17),
             line(31, 40, RIGHT, 34)]
    assert 10 not in line_ends(lines)


def test_the_pitch_is_the_smallest_recurring_step():
    assert line_pitch([17.0, 17.1, 16.9, 25.5, 25.5, 25.5, 25.5, 25.5]) == 16.9
    assert line_pitch([25.5] * 8) == 25.5 and line_pitch([17.0]) == 0.0


def test_the_turn_of_a_page_is_measured_past_the_page_number():
    texts = ["a\nb\nc\n1", "d\n2"]
    pages = [[line(0, 1, RIGHT, 0), line(2, 3, RIGHT, 17), line(4, 5, RIGHT - 5, 34), line(6, 7, 300, 80)],
             [line(0, 1, RIGHT, 0, first_word=40), line(2, 3, 300, 40)]]
    assert page_turns(texts, pages) == [(5, 0, False)]


def test_type_sizes_give_heading_levels_over_the_document_and_weights_bold():
    pages = [[line(0, 40, RIGHT, 0, font_size=16), line(41, 200, RIGHT, 17)],
             [line(0, 30, RIGHT, 0, font_size=13.5, bold=True), line(31, 300, RIGHT, 17, bold=True)]]
    assert line_styles(pages) == [{0: (1, False)}, {0: (2, True), 31: (None, True)}]


def test_the_normaliser_joins_wrapped_lines_and_reads_the_rest_as_a_texts_lines():
    source = "Thực hiện Công văn số 636 của Bộ Lao động\n- Thương binh và Xã hội.\nI. MỤC ĐÍCH\n1. Tăng cường"
    breaks = [i for i, c in enumerate(source) if c == "\n"]
    norm = normalise(source, line_ends={breaks[0]: False, breaks[1]: True, breaks[2]: True})
    assert [raw.text for _, _, raw in norm.paragraphs] == [
        "Thực hiện Công văn số 636 của Bộ Lao động - Thương binh và Xã hội.", "I. MỤC ĐÍCH", "1. Tăng cường"]
    # without the layout, the words alone take the wrapped dash for a bullet
    assert len(normalise(source).paragraphs) == 4
