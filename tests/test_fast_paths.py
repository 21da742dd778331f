"""Cheap tests that stand in for a regular expression on a hot path must say what the expression says.

Each fast path is checked against the pattern it replaced (kept here as its specification) on
variants built for it: spaces, no-break spaces, line breaks, the full-width colon, Vietnamese letters.
"""

from __future__ import annotations

import itertools
import re

import pytest

from extractor.fields.targets.finder import ends_lead_in
from extractor.fields.targets.grammar import TRAILING_YEAR, TRAILING_YEAR_RE, Tail, tail

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
    guarded = tail(TRAILING_YEAR, text, 0, len(text))
    assert (guarded and guarded.span()) == (plain and plain.span()), repr(text)
    unguarded = tail(Tail(TRAILING_YEAR_RE), text, 0, len(text))
    assert (unguarded and unguarded.span()) == (plain and plain.span())


def test_year_tail_variants_cover_both_answers() -> None:
    assert {tail(TRAILING_YEAR, t, 0, len(t)) is None for t in YEAR_TAILS} == {True, False}


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


QUANTITY_TEXTS = _variants(
    ["", " ", "\n", "\u00a0", "\t "],
    ["90% trẻ em", "-0,2 điểm phần trăm", "giảm -0,1%", "tỷ suất 500/100.000 dân", "144/200 năm 2022",
     "111,2 số bé trai/100 bé gái", "14,3 bác sỹ/1 vạn dân", "5 - 10 %", "0,5%0", "24%1", "0,3%/năm", "27/5/2021",
     "90 PHẦN TRĂM", "đạt 95%", "Số 12/KH-UBND", "không có số"],
)


@pytest.mark.parametrize("core", sorted({t.strip() for t in QUANTITY_TEXTS}))
def test_quantities_of_padded_text_are_the_stripped_texts(core: str) -> None:
    """The targets' trail asks for a paragraph's quantities once, of its text as written: white space
    around a line changes none of them but their offsets."""
    from extractor.fields.numbers import find_quantities

    stripped = find_quantities(core)
    for lead, trail in itertools.product(["", " ", "\n", "\u00a0", " \t"], ["", " ", "\n", "\u00a0", " \n"]):
        shift = len(lead)
        padded = find_quantities(lead + core + trail)
        assert [(q.start - shift, q.end - shift, q.value, q.unit, q.denominator, q.min) for q in padded] == \
            [(q.start, q.end, q.value, q.unit, q.denominator, q.min) for q in stripped], repr(lead + core + trail)


@pytest.mark.parametrize("text", QUANTITY_TEXTS + ["trăm", "TRĂM", "‰", "％", "Trăm"])
def test_may_hold_quantity_is_any_sign(text: str) -> None:
    from extractor.fields.numbers import may_hold_quantity

    assert may_hold_quantity(text) == any(sign in text for sign in ("%", "％", "‰", "/", "trăm", "TRĂM"))


YEAR_CUES = _variants(
    ["", "Phấn đấu ", "Năm 2025: ", "x, "],
    ["đến năm 2025", "ĐẾN NĂM 2030", "vào\u00a0năm 2019", "giai đoạn 2021-2025", "nhiệm kỳ 2020 – 2025", "năm 1890",
     "đến năm ٢٠٢٥", "đến năm 20٢٥", "năm học", "giai đoạn 2121-2125", "trong năm 1999,", ""],
)


@pytest.mark.parametrize("text", YEAR_CUES)
def test_year_cue_gate_is_the_pattern(text: str) -> None:
    """``year_cue`` looks for a cue only in a text holding "19" or "20": a YEAR has one."""
    from extractor.fields.targets.grammar import YEAR_CUE_RE
    from extractor.fields.targets.phrases import year_cue

    found = [int(m.group("year") or m.group("end") or m.group("lead")) for m in YEAR_CUE_RE.finditer(text)]
    assert year_cue(text) == (found[-1] if found else None), repr(text)


UPPER_TEXTS = ["", "123", "MỤC TIÊU", "Mục tiêu", "CÁC CHỈ TIÊU CHỦ YẾU CỦA NĂM 2022:", "ĐẢNG BỘ đ", "đ", "Đ",
               "Ⅷ. MỤC TIÊU", "Ⓐ Ⓑ abc", "MỤC\u00a0TIÊU", "ỦY BAN NHÂN DÂN tỉnh", "UBND-ĐT", "Mục TIÊU cụ THỂ",
               "ABCDEf", "ABCDEF", "ABCde", "ÀÁẢÃẠ ă"]


@pytest.mark.parametrize("text", UPPER_TEXTS)
def test_upper_share_is_the_letter_count(text: str) -> None:
    from extractor.fields.targets.finder import _is_upper_line
    from extractor.segment.lines import upper_share

    letters = [c for c in text if c.isalpha()]
    share = sum(c.isupper() for c in letters) / len(letters) if letters else 0.0
    assert upper_share(text) == share
    assert _is_upper_line(text) == (len(letters) >= 6 and sum(c.isupper() for c in letters) >= 0.8 * len(letters))


PLACE_TEXTS = _variants(
    ["", "Ủy ban nhân dân ", "UBND ", "xtỉnh ", "Sở Y tế, ", "của thành phố, "],
    ["tỉnh Lạng Sơn", "tỉnh  Bà Rịa Vũng Tàu Mới", "tỉnh\u00a0Lào Cai", "tỉnh\nQuảng Ninh", "thành phố Hồ Chí Minh và tỉnh Đồng Nai",
     "huyện U Minh Thượng, quận 1", "thị xã Ba Đồn tỉnh Quảng Bình", "thành phốHuế", "Tỉnh Đoàn", "tỉnh đoàn", "tỉnhtỉnh Bình",
     "huyện Ê Đê", "quận Ỹ", "thành phố", ""],
)


@pytest.mark.parametrize("text", PLACE_TEXTS)
def test_named_places_are_the_scan(text: str) -> None:
    """Metadata matches its place patterns only where a level word stands: the matches are the scan's."""
    from extractor.fields import metadata

    for pattern, words in ((metadata._DISTRICT, metadata._DISTRICT_WORDS), (metadata._PROVINCE, metadata._PROVINCE_WORDS)):
        got = [m.span() + m.groups() for m in metadata._named_places(text, pattern, words)]
        assert got == [m.span() + m.groups() for m in pattern.finditer(text)], repr(text)


CUE_TEXTS = _variants(
    ["", "90% trẻ em ", "90% TRẺ EM ", "xã", "2025", "ẢNH ", "ảnh\u00a0", "thực ", "THỰC ", "Cho ", "İ ", "ı ", "ſ "],
    ["được tiêm", "ĐƯỢC TIÊM", "Được", "biết chữ", "BIẾT đọc", "ảnh hưởng", "ẢNH HƯỞNG", "hưởng lợi", "Hưởng", "tổ chức triển khai",
     "cơ quan, tổ chức được", "hiện nay", "HIỆN NAY", "thực hiện nay", "kết quả đầu ra", "Kết Quả", "đến nay", "tính đến",
     "sẽ", "ſẽ", "đıều", "İ được", "nam", "", "đạtđược", "hiện\u00a0tại"],
)


@pytest.mark.parametrize("text", CUE_TEXTS)
def test_caseless_search_is_the_pattern(text: str) -> None:
    """The cue patterns searched on lower-cased text find what they find on the text, from any start."""
    from extractor.fields.targets.grammar import SITUATION_RE, STRONG_CUE_RE
    from extractor.grammar import caseless_search

    for pattern in (STRONG_CUE_RE, SITUATION_RE):
        assert not re.search(r"[A-ZĐ]", re.sub(r"\\[A-Za-z]", "", pattern.pattern))  # written in lower case
        for start in range(len(text) + 1):
            m = pattern.search(text, start, len(text))
            assert caseless_search(pattern, text, start, len(text)) == (m and m.start()), (pattern.pattern[:30], text, start)
        m = pattern.search(text)
        assert caseless_search(pattern, text) == (m and m.start())


RATIO_TEXTS = _variants(
    ["", "tỷ suất ", "Số 12/KH-UBND ngày ", "V/v ", "X²", "a_"],
    ["500/100.000 dân", "500 / 100 000 dân", "144/200", "144\u00a0/200", "27/5/2021", "111,2 số bé trai/100 bé gái",
     "14,3 bác sỹ/1 vạn dân", "10 bác sĩ /10.000 dân", "12 giường/ 1 NGHÌN dân", "3 ca/Triệu người", "2,1 con/phụ nữ",
     "63 triệu đồng/người", "/", "1/", "/1", "x²/100 người", "٣/٤", "5 người/1 ngàn dân", "V/v"],
)


@pytest.mark.parametrize("text", RATIO_TEXTS)
def test_ratio_gate_is_the_scan(text: str) -> None:
    """``find_ratios`` runs its patterns only when a slash has their shape: what they find is what they find."""
    from extractor.fields import numbers

    ratio, named = numbers._slash_shapes(text)
    assert ratio or not numbers.RATIO_RE.search(text), repr(text)
    assert named or not numbers.NAMED_RATE_RE.search(text), repr(text)


def test_ratio_gate_variants_cover_both_answers() -> None:
    from extractor.fields import numbers

    shapes = [numbers._slash_shapes(t) for t in RATIO_TEXTS]
    assert {bool(r) for r, _ in shapes} == {True, False} and {n for _, n in shapes} == {True, False}


RATIO_RUNS = _variants(
    ["", "1.500/2.000 và ", "x 3/4, ", "a5/6 ", "-7/8 ", ".9/10 ", "1,5/2 ", "12 /13 và 14/ 15 ", "٣/٤ và 3/4 ", "2.1/3 "],
    RATIO_TEXTS[:19] + ["144/200/300", "1/2/3/4", "5/6 7/8", "10.000/100.000", "3 / 4", "3\u00a0/\u00a04"],
)


@pytest.mark.parametrize("text", RATIO_RUNS)
def test_ratio_matches_are_the_scan(text: str) -> None:
    """``find_ratios`` tries ``RATIO_RE`` only where a ratio's digits begin: it finds what ``finditer`` finds."""
    from extractor.fields import numbers

    slashes, _ = numbers._slash_shapes(text)
    found = [m.span() for m in numbers._ratio_matches(text, slashes)]
    assert found == [m.span() for m in numbers.RATIO_RE.finditer(text)], repr(text)


def test_ratio_runs_cover_matches() -> None:
    from extractor.fields import numbers

    assert sum(len(list(numbers.RATIO_RE.finditer(t))) > 1 for t in RATIO_RUNS) > 10


PERCENT_TEXTS = _variants(
    ["", "Từ 5 đến 10%", "TỪ 5 tới 10 %", "từ\u00a05 - 10%", "tăng 5% - 10%", "9O%", "1OO %", "0,5%0 và 0,1 ‰", "2023 - 90%",
     "Chỉ tiêu 1 - 90%", "KH-UBND5%", "1.5%", "27/5/2021 5%", "tư 5%", "t5%", "Tỷ lệ 4,9 phần trăm", "-0,2 điểm phần trăm",
     "24%1; 18,5%[3] 36%²", "0,3%/năm", "٥%", "từ từ 5%", "Tı 5%", "İ 5%", "ſ 5%", "Đ 5%"],
    ["", " trở lên", "x", " và 20%"],
)


@pytest.mark.parametrize("text", PERCENT_TEXTS)
def test_percent_matches_are_the_scan(text: str) -> None:
    """``PERCENT_RE`` tried only where a percentage may begin finds what ``finditer`` finds, in any window."""
    from extractor.fields import numbers

    for start in range(len(text) + 1):
        for end in (len(text), len(text) - 3, start + 12):
            found = [m.span() for m in numbers._percent_matches(text, start, end)]
            assert found == [m.span() for m in numbers.PERCENT_RE.finditer(text, start, end)], (text, start, end)


SENTENCE_TEXTS = _variants(
    ["", "A đạt 90%. B đạt 80%.", "TP.HCM 4.9 điểm!", "Ai? Không.", "x.\ny", "x.\u00a0y", "x.", ".", "..", "a.b. c",
     "Hòa bình. Hoà bình.", "İ. ı. ſ. Đ.", "đạt 90%;\nB: 80%", "x!\n", "x?\t", "5%…. y"],
    ["", "\n", " ", "\u00a0", ".", " z"],
)


def _sentences_by_pattern(text: str, start: int = 0) -> list[tuple[int, int]]:
    from extractor.grammar import SENTENCE_END

    bounds = []
    for m in SENTENCE_END.finditer(text, start):
        bounds.append((start, m.start()))
        start = m.end()
    bounds.append((start, len(text)))
    return [(a, b) for a, b in bounds if b > a]


@pytest.mark.parametrize("text", SENTENCE_TEXTS)
def test_sentences_are_the_pattern(text: str) -> None:
    """Sentences cut at the marks ``str.find`` finds are those ``SENTENCE_END`` cuts, from any start."""
    from extractor.grammar import sentences

    for start in range(len(text) + 1):
        assert sentences(text, start) == _sentences_by_pattern(text, start), (text, start)


@pytest.mark.parametrize("text", SENTENCE_TEXTS)
def test_clause_start_is_the_pattern(text: str) -> None:
    """The clause start found by ``rfind`` is after the last ``CLAUSE_END`` match, never before the floor."""
    from extractor.grammar import CLAUSE_END, clause_start

    for floor in range(len(text) + 1):
        for at in range(floor, len(text) + 1):
            last = floor
            for m in CLAUSE_END.finditer(text, floor, at):
                last = m.end()
            assert clause_start(text, floor, at) == last, (text, floor, at)


WORD_SET_TEXTS = [
    "", "trẻ em có nguy cơ, lao động trẻ em", "Hòa bình (hoà bình)", "x_y z", "a-b – c", "100% trẻ em/10.000 dân",
    "İ ı ſ Đ đ", "K\u00a0k", "“trích”", "  spaces  ", "²³ số", "٣ trẻ", "a.b,c;d:e", "tỷ lệ (%)", "x__", "_",
]


@pytest.mark.parametrize("text", WORD_SET_TEXTS)
def test_word_set_is_the_pattern(text: str) -> None:
    """The duplicate filter's words split at spaces are the ``\\w+`` runs of the folded text."""
    from extractor.fields.targets.finder import _WORD, _word_set
    from extractor.normalise import fold

    assert _word_set(text) == frozenset(_WORD.findall(fold(text))), repr(text)
