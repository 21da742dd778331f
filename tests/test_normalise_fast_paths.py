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
    MAX_PARAGRAPH_CHARS,
    Line,
    MappedText,
    Normalised,
    _continues_heading,
    _drop_running_lines,
    _odd_words,
    _running_key,
    _split_lines,
    _unglued,
    _windowed,
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


def _plain_drop_running_lines(lines: list[Line], norm: Normalised, mapped: MappedText) -> list[Line]:
    """The specification: the pages counted, whatever their number."""
    pages: dict[int, list[Line]] = {}
    for line in lines:
        pages.setdefault(line.page, []).append(line)
    if len(pages) < 3:
        return lines
    seen: dict[str, set[int]] = {}
    inside: set[str] = set()
    for number, page_lines in pages.items():
        for i, line in enumerate(page_lines):
            key = _running_key(line.text)
            if 2 <= i < len(page_lines) - 2 or len(line.text) > 120:
                inside.add(key)
            else:
                seen.setdefault(key, set()).add(number)
    running = {key for key, on in seen.items() if len(on) >= max(3, len(pages) // 2) and key not in inside}
    kept = []
    for line in lines:
        if _running_key(line.text) in running:
            norm.furniture.append(mapped.source_span(line.src_start, line.src_end))
        else:
            kept.append(line)
    return kept


@pytest.mark.parametrize("pages", [[], [1], [1, 1, 2], [1, 2, 3], [1, 3], [2, 2, 4, 4], [1, 2, 2, 3, 3, 4], [5, 6, 7, 8]])
def test_running_lines_are_those_of_the_page_count(pages):
    source = "x" * 100
    lines = []
    for n, page in enumerate(pages):  # each page: a running header ("Trang N" numbers aside), body, and a footer
        for k, text in enumerate(["Ủy ban nhân dân tỉnh", f"Nội dung {n}", "Đ.", f"Trang {page}"]):
            lines.append(Line([(text, 4 * n + k, 4 * n + k + 1)], 4 * n + k, 4 * n + k + 1, page=page))
    runs = []
    for drop in (_drop_running_lines, _plain_drop_running_lines):
        mapped = MappedText(source, [0], [0])
        norm = Normalised(mapped, [])
        runs.append(([line.src_start for line in drop(list(lines), norm, mapped)], norm.furniture))
    assert runs[0] == runs[1]


@pytest.mark.parametrize("lengths", [[], [0], [MAX_PARAGRAPH_CHARS], [3, MAX_PARAGRAPH_CHARS + 1], [MAX_PARAGRAPH_CHARS + 1, 0]])
def test_lines_within_the_limit_are_kept_whole(lengths):
    source = " ".join("a" * n for n in lengths)
    split = [(start, start + n, False) for start, n in zip(itertools.accumulate([n + 1 for n in lengths], initial=0), lengths)]
    windowed, starts = _windowed(source, split, Normalised(MappedText(source, [0], [0]), []))
    within = all(end - start <= MAX_PARAGRAPH_CHARS for start, end, _ in split)  # the specification
    assert (windowed is split and not starts) == within
