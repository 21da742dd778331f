"""The fourth speed pass over targets: each cheap path says what the code it replaced says, checked
against that code (kept here as its specification) on constructed variants."""

from __future__ import annotations

import re

import pytest
from test_target_gates import TEXTS, WORDED

from extractor.fields.targets.grammar import SITUATION_RE, STRONG_CUE_RE
from extractor.grammar import _lowered, holds_any, lowered


def test_lowered_pattern_is_the_pattern_without_ignorecase_made_once() -> None:
    for pattern in (STRONG_CUE_RE, SITUATION_RE, re.compile("x", re.IGNORECASE | re.VERBOSE)):
        plain = _lowered(pattern)
        assert plain is _lowered(pattern)
        assert plain.pattern == pattern.pattern and plain.flags == pattern.flags & ~re.IGNORECASE


WORD_TEXTS = ["", "hiện nay", "HIỆN NAY", "hiện\u00a0nay", "kết quả", "hoà", "hòa", "đã", "Đã", "ðã", "İ", "ı", "ſ",
              "a\nb", "thực trạng\n", "nay"]
WORD_SETS = [(), ("hiện",), ("nay", "quả"), ("hoà", "đã", "\n"), ("",)]


@pytest.mark.parametrize("text", WORD_TEXTS)
def test_holds_any_is_any_word_in(text: str) -> None:
    for words in WORD_SETS:
        assert holds_any(text, words) == any(word in text for word in words), (text, words)


@pytest.mark.parametrize("name", sorted(WORDED))
def test_worded_search_lowered_is_the_pattern(name: str) -> None:
    """A range lower-cased once by its caller (``lowered``, None where that cannot be) and read by a
    gated pattern: what the pattern finds on the range."""
    gated = WORDED[name]
    for text in TEXTS:
        for start, end in [(s, len(text)) for s in range(len(text) + 1)] + [(0, e) for e in range(len(text))]:
            found = gated.search_lowered(text, lowered(text[start:end]), start, end)
            plain = gated.pattern.search(text, start, end)
            assert (found and found.span()) == (plain and plain.span()), (name, text, start, end)


PERCENT_STARTS = ["", "từ 5 đến 10%", "Từ 5 tới 10 %", "TỪ\u00a05 - 10%", "tỪ 5-10%", "ttttừ 5%", "t5%", "5t5%", "tư 5%",
                  "thực hiện từ từ 5% đến 10%", "đạt 5% và từ 7 - 9%", "2025t 5%", "từ", "tu\u031b\u0300 5 đến 10%",
                  "Tı 5 đến 10%", "İ từ 5 - 10%", "ſ từ 5%", "Đ từ 5%\n", "hoà từ 5%", "hòa tới 10%"]


@pytest.mark.parametrize("text", PERCENT_STARTS)
def test_percent_starts_find_what_the_scan_finds(text: str) -> None:
    """Percentages tried only at a run of digits or a "từ" (every other "t" passed by the start
    pattern) are those ``PERCENT_RE.finditer`` finds, in any window."""
    from extractor.fields import numbers

    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1):
            found = [m.span() for m in numbers._percent_matches(text, start, end)]
            assert found == [m.span() for m in numbers.PERCENT_RE.finditer(text, start, end)], (text, start, end)


WORD_SET_MARKS = ["huyện, thành phố", "xã,, phường", ",", ";", "a.", "_,", "x_;", "²,", "٣:", "Đ.", "hoà, hòa;", "İ, ı: ſ.",
                  "trẻ em,\u00a0cha mẹ", "a,b", ",a", "a,.", "100%,", "(xã),", "1.000,", "k\n,"]


@pytest.mark.parametrize("text", WORD_SET_MARKS)
def test_word_set_with_clause_marks_is_the_pattern(text: str) -> None:
    """A token ending in one clause mark gives the word before it, as ``\\w+`` over the folded text does."""
    from extractor.fields.targets.finder import _WORD, _word_set
    from extractor.normalise import fold

    assert _word_set(text) == frozenset(_WORD.findall(fold(text))), repr(text)


def _plan_label_spec(context: list[str], text: str) -> str | None:
    """``plan_label`` as it was: every heading and the text read at once."""
    from extractor.fields.targets.grammar import LABEL_RE

    parts = []
    for heading in [*context, text]:
        m = LABEL_RE.match(heading)
        if m:
            kind = re.sub(r"\s+", " ", m.group("kind"))
            parts.append(f"{kind[0].upper()}{kind[1:].lower()} {m.group('n')}")
    return " / ".join(parts) or None


LABEL_HEADINGS = ["MỤC TIÊU", "2. Mục tiêu cụ thể", "b) Mục tiêu 2: Truyền thông", "CHỈ TIÊU 3.1a – X", "Nhiệm\u00a0vụ 4",
                  "tiêu chí 5)", "", "İ. Mục tiêu 6", "- Chỉ tiêu 7", "Mục tiêu"]


@pytest.mark.parametrize("text", ["Chỉ tiêu 1: 90% ...", "1. 100% trẻ em ...", "", "MỤC TIÊU 2 - 5%", "ı"])
def test_label_of_heading_parts_is_plan_label(text: str) -> None:
    """The label from the headings' numbering read once for a section is what reading them all gives."""
    from extractor.fields.targets.phrases import label_of, label_parts, plan_label

    for n in range(len(LABEL_HEADINGS) + 1):
        for context in (LABEL_HEADINGS[:n], LABEL_HEADINGS[n:]):
            assert label_of(label_parts(context), text) == _plan_label_spec(context, text), (context, text)
            assert plan_label(context, text) == _plan_label_spec(context, text)
