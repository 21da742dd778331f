"""Classes of phrasing first met in blind batch D, each on variants written for the test (never a
document's own sentence).

Targets: several value-last targets on one line, each closing its clause before the next one's verb
("… xuống dưới 120/100.000 người dân, giảm số Y …"), with the whole a share is of ("… dưới 5% trong
tổng số Y"); a value pair without a rate noun ("X đạt 54% vào năm 2015 và 56% vào năm 2020"); the
typewriter per-mille ("0,5%0", "0,3%o") after "hàng năm".
"""

from __future__ import annotations

import pytest

from extractor.fields.numbers import find_quantities
from extractor.fields.targets import find_targets


def _targets(text: str) -> list[tuple[float, str, str]]:
    return [(t.value, t.comparator, t.group) for t in find_targets(text)]


# ---------------------------------------------------------------- several targets on one line


@pytest.mark.parametrize("text, expected", [
    ("Giảm số trẻ em tử vong do đuối nước xuống dưới 10/100.000 trẻ em, giảm số trẻ em bị thương tích "
     "xuống dưới tỷ lệ 500/100.000 trẻ em, khống chế tai nạn giao thông dưới 3% trong tổng số ca thương tích.",
     [(10, "<", "số trẻ em tử vong do đuối nước"), (500, "<", "số trẻ em bị thương tích"),
      (3, "<", "tai nạn giao thông trong tổng số ca thương tích")]),
    ("Đến năm 2025: số ca mắc sốt xuất huyết giảm xuống còn 80/100.000 dân, tăng số xã đạt tiêu chí vệ sinh "
     "lên 95%.",
     [(80, "=", "số ca mắc sốt xuất huyết"), (95, "=", "số xã đạt tiêu chí vệ sinh")]),
    ("Khống chế số người nhiễm HIV dưới 300/100.000 người dân, duy trì số người điều trị thuốc kháng vi rút "
     "đạt 90%.",
     [(300, "<", "số người nhiễm HIV"), (90, "=", "số người điều trị thuốc kháng vi rút")]),
])
def test_targets_on_one_line_close_their_clause_before_the_next_verb(text, expected):
    assert _targets(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Khống chế số hộ tái nghèo dưới 2% trong tổng số hộ thoát nghèo.", (2, "<", "số hộ tái nghèo trong tổng số hộ thoát nghèo")),
    ("Số học sinh bỏ học giảm xuống còn 1% trong tổng số học sinh vào năm 2025.",
     (1, "=", "Số học sinh bỏ học trong tổng số học sinh")),
    ("Diện tích lúa chất lượng cao đạt 60% trong tổng diện tích gieo trồng.",
     (60, "=", "Diện tích lúa chất lượng cao trong tổng diện tích gieo trồng")),
])
def test_the_whole_a_share_is_of_closes_a_value_last_clause(text, expected):
    assert _targets(text) == [expected]


def test_a_value_first_group_opening_with_trong_stays_value_first():
    (t,) = find_targets("Phấn đấu 90% trong tổng số hộ nghèo được hỗ trợ vay vốn.")
    assert t.group == "trong tổng số hộ nghèo" and t.indicator == "được hỗ trợ vay vốn"


# ---------------------------------------------------------------- a value pair without a rate noun


@pytest.mark.parametrize("text, group, years", [
    ("- Nâng độ che phủ của rừng trên địa bàn tỉnh đạt 45% vào năm 2025 và 47% vào năm 2030.",
     "độ che phủ của rừng trên địa bàn tỉnh", [2025, 2030]),
    ("Số xã đạt chuẩn nông thôn mới đạt 50% năm 2025 và 80% năm 2030.", "Số xã đạt chuẩn nông thôn mới", [2025, 2030]),
    ("Độ bao phủ bảo hiểm y tế đạt 92% vào năm 2025, 95% vào năm 2030.", "Độ bao phủ bảo hiểm y tế", [2025, 2030]),
    ("Tăng thu nhập bình quân của hộ nông dân lên 40% vào năm 2024 hoặc 45% vào năm 2025.",
     "thu nhập bình quân của hộ nông dân", [2024, 2025]),
])
def test_a_pair_of_values_shares_the_group_before_it(text, group, years):
    found = find_targets(text)
    assert [t.group for t in found] == [group, group]
    assert [t.year for t in found] == years


# ---------------------------------------------------------------- the typewriter per mille


@pytest.mark.parametrize("text, value", [
    ("Giảm tỷ suất sinh bình quân hàng năm 0,5%0.", 0.5),
    ("Tỷ suất sinh thô giảm bình quân mỗi năm 0,3%o, phấn đấu giảm tỷ lệ sinh con thứ 3 xuống dưới 15%.", 0.3),
    ("Mức giảm tỷ suất sinh hằng năm là 0,2 %0.", 0.2),
])
def test_a_typewriter_per_mille_after_a_year_word_is_a_ratio_target(text, value):
    t = find_targets(text)[0]
    assert (t.value, t.unit, t.denominator, t.year) == (value, "ratio", 1000, None)


@pytest.mark.parametrize("text, unit, per_mille", [
    ("giảm 0,5%o mỗi năm", "ratio", True), ("giảm 0,5 %o.", "ratio", True), ("giảm 0,5‰", "ratio", True),
    ("đạt 90%ok", "%", False), ("đạt 90% or", "%", False), ("tỷ lệ 15/100", "ratio", False),
])
def test_per_mille_signs_are_read_as_such(text, unit, per_mille):
    (q,) = find_quantities(text)
    assert (q.unit, q.per_mille) == (unit, per_mille)
