"""The target grammar's gated patterns (``Worded``, ``Tail``) find what their patterns find.

A gate reads a range's lower case for the words every match holds (``Worded``) or ends in
(``Tail``) and skips the pattern where none is written. Each gated pattern is checked against its
pattern, searched plainly (the specification), on phrases built to match it and on variants of
them: upper case, no-break and doubled spaces, đ/Đ, both tone placements, the letters IGNORECASE
pairs unlike ``str.lower`` (İ, ı, ſ, the Kelvin sign) and the empty text, from every start and to
every end.
"""

from __future__ import annotations

import pytest

from extractor.fields.targets import grammar
from extractor.fields.targets.grammar import TAIL_REACH, Tail, tail
from extractor.grammar import Worded, lowered, may_mention

PHRASES = [
    "hiện nay tỷ lệ là 5%", "Tính đến cuối năm 2023 đạt 92%", "Kết quả năm 2022: 91,5%", "Đến nay, 85% số xã",
    "thực trạng", "cho tới nay", "thực hiện có hiệu quả", "duy trì kết quả", "kết quả đầu ra",
    "phấn đấu đến năm 2025", "mục tiêu", "Chỉ tiêu", "dự kiến", "cần đạt", "kế hoạch", "tới hết năm 2030",
    "tính đến năm 2025", "đã đạt 85%", "vừa qua", "những năm qua", "thời gian qua", "năm trước",
    "bảo đảm", "đảm bảo", "tăng", "giảm", "duy trì", "trước ngày 30/4/2022", "chậm nhất 31.12.2025",
    "muộn nhất ngày 1-6-2024", "hạn 15/10/2023", "góp phần hoàn thành mục tiêu X đạt 31,5% năm 2017",
    "phấn đấu tỷ lệ 90/100", "chỉ tiêu chung 5%", "hàng năm", "mỗi năm", "7%/năm", "giữ vững", "giữ ổn định",
    "hạ", "xuống", "đạt ", "lên  ", "tỷ lệ", "tỉ lệ 5", "là 5", "năm 2020 là", "từ ",
    "X và", "X, hoặc ", "X cùng", "X với ;", "X và có,", "X trong đó", "X đạt được", "X ở mức", "X lên mức",
    "X còn", "X chiếm", "X bằng", "phấn đấu", "X từ", "X khoảng", "bình quân/năm", "trung bình /năm:",
    "hằng năm (", "X tăng bình quân", "giá so sánh 2020)", "(theo giá cố định năm 2010)", "(giá hiện hành)",
    "tính theo giá so sánh", "X có", "có ", "giảm thêm", "tăng được", "nâng ít nhất", "hạ từ", "X,", "X và ",
    "trong đó:", "trong đó có ", ", trong đó, ", "vào năm 2025", "năm 2030 )", "(trong năm 2020", "không quá",
    "không vượt quá", "tối đa là", "cao nhất", "≤", "<=", "không dưới", "thấp hơn", "tối thiểu là", "ít nhất",
    "≥ ", ">=", "trên", "hơn", "vượt", "lớn hơn", ">", "dưới mức", "nhỏ hơn", "<", "xuống còn", "giảm mức",
    "còn", "bằng", "=", "từ", "dưới tỷ lệ", "đạt là", "là khoảng", "là gần", "là hơn", "là trên", "là dưới",
    "đạt tối thiểu", "đạt ít nhất", "hiện tại", "hiện đang", "hiện có", "xuất hiện nay", "thể hiện tại",
    "phát huy kết quả", "kết quả mong đợi", "hòa bình", "hoà bình", "khỏe", "khoẻ", "tuỳ", "tùy", "",
]


def _variants(phrase: str) -> list[str]:
    """The phrase as written and as case, spacing and Unicode oddities rewrite it."""
    out = {phrase, phrase.upper(), phrase.capitalize(), phrase.replace(" ", "\u00a0"), phrase.replace(" ", "  "),
           phrase.replace("đ", "Đ"), phrase.replace("i", "ı"), phrase.replace("i", "İ"), phrase.replace("I", "İ"),
           phrase.replace("s", "ſ"), phrase.replace("k", "\u212a"), phrase.replace("a", "à").replace("oà", "òa"),
           "x" + phrase, phrase + "x", "Ta " + phrase + " 90%", phrase + "\n", phrase + " \n"}
    return sorted(out)


TEXTS = sorted({v for p in PHRASES for v in _variants(p)})
WORDED = {name: value for name, value in vars(grammar).items() if isinstance(value, Worded)}
TAILS = {name: value for name, value in vars(grammar).items() if isinstance(value, Tail)}


def _span(m):
    return m and m.span()


@pytest.mark.parametrize("name", sorted(WORDED))
def test_worded_search_is_the_pattern(name: str) -> None:
    gated = WORDED[name]
    found = 0
    for text in TEXTS:
        for start, end in [(s, len(text)) for s in range(len(text) + 1)] + [(0, e) for e in range(len(text))]:
            plain = gated.pattern.search(text, start, end)
            assert _span(gated.search(text, start, end)) == _span(plain), (name, text, start, end)
            found += plain is not None
        assert _span(gated.search(text)) == _span(gated.pattern.search(text))
    assert found, name  # the phrases match it: a gate that wrongly skips would be seen


@pytest.mark.parametrize("name", sorted(TAILS))
def test_tail_is_the_pattern_at_the_end(name: str) -> None:
    gated = TAILS[name]
    found = 0
    for text in TEXTS + ["y" * (TAIL_REACH + 5) + " tăng"]:
        for start, end in [(s, len(text)) for s in range(len(text) + 1)] + [(0, e) for e in range(len(text))]:
            plain = gated.pattern.search(text, max(start, end - TAIL_REACH), end)
            assert _span(tail(gated, text, start, end)) == _span(plain), (name, text, start, end)
            found += plain is not None
    assert found, name


def test_lowered_refuses_what_ignorecase_reads_otherwise() -> None:
    assert lowered("Phấn Đấu") == "phấn đấu"
    assert lowered("") == ""
    assert lowered("İ") is None and lowered("ı") is None and lowered("ſ") is None
    assert lowered("\u212a") == "k"


def test_may_mention_is_the_word_search() -> None:
    assert may_mention("Hiện nay", ("hiện",)) and not may_mention("hiện nay", ("trước",))
    assert may_mention("hİện", ("trước",))  # lower case would not say: the pattern decides
    assert not may_mention("", ("a",))
