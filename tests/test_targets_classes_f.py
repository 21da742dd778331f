"""Target classes found by batch F of the blind documents (portal pages of districts and communes,
lists under an unnumbered heading): one test per class of how Vietnamese writes a target, each on
variants written for the test, not on a document's sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.fields.targets import extract_targets, find_targets


def doc_targets(tmp_path: Path, text: str):
    from extractor.pipeline import build_doc

    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    return extract_targets(build_doc(path))


# ---------------------------------------------------------------- the year of a list's heading


@pytest.mark.parametrize("text, year", [
    # an unnumbered heading over a portal's numbered list, after the page's date line
    ("Trang thông tin điện tử huyện\nTin ngày 10 Tháng Một 2026 8:00:00 SA\n12 chỉ tiêu chủ yếu năm 2026\n\n"
     "1. Tỷ lệ hộ dân dùng nước sạch đạt 95%.\n\n2. Phấn đấu 100% trường học có nhà vệ sinh đạt chuẩn.\n", 2026),
    # a term of office in brackets
    ("Trang thông tin điện tử phường\n\nCác chỉ tiêu cơ bản (nhiệm kỳ 2025-2030)\n- Về xã hội:\n"
     "(1) Tỷ lệ hộ dân dùng nước sạch: 95%.\n(2) Phấn đấu 100% trường học có nhà vệ sinh đạt chuẩn.\n", 2030),
    # a heading numbered "3-", which the outline does not read as a marker
    ("Chuyên mục\n\n3- Những chỉ tiêu chủ yếu (giai đoạn 2026-2030)\n* Về kinh tế\n"
     "(1) Phấn đấu tỷ lệ hộ dân dùng điện lưới đạt 99%.\n(2) Phấn đấu 100% trường học có nhà vệ sinh đạt chuẩn.\n", 2030),
])
def test_the_year_of_a_lists_heading_reaches_its_items(tmp_path, text, year):
    targets = doc_targets(tmp_path, text)
    assert [t.value for t in targets] == [95 if "95%" in text else 99, 100]
    assert {t.year for t in targets} == {year}


@pytest.mark.parametrize("item", [
    "(2) Thu ngân sách trên địa bàn tăng 8% hàng năm.",
    "(2) Tỷ lệ lao động qua đào tạo hàng năm: trên 30%.",
    "(2) Tỷ lệ hộ nghèo giảm bình quân/năm: trên 2%.",
    "(2) Tổng sản phẩm trên địa bàn tăng bình quân 7%/năm.",
])
def test_a_rate_per_year_under_a_dated_heading_has_no_year(tmp_path, item):
    text = ("Chuyên mục\n\nCác chỉ tiêu chủ yếu (nhiệm kỳ 2025-2030)\n- Về kinh tế:\n"
            f"(1) Tỷ lệ hộ dân dùng nước sạch: 95%.\n{item}\n")
    first, per_year = doc_targets(tmp_path, text)
    assert (first.year, per_year.year) == (2030, None)


@pytest.mark.parametrize("text, value, group", [
    ("Thu ngân sách trên địa bàn tăng 8% hàng năm.", 8, "Thu ngân sách trên địa bàn"),
    ("Giá trị sản xuất nông nghiệp tăng 4,5% mỗi năm.", 4.5, "Giá trị sản xuất nông nghiệp"),
    ("Tỷ lệ hộ nghèo giảm bình quân/năm: trên 2%.", 2, "hộ nghèo"),
])
def test_per_year_words_after_the_value_are_not_its_group(text, value, group):
    (t,) = find_targets(text)
    assert (t.value, t.group, t.year) == (value, group, None)


# ---------------------------------------------------------------- baselines and item numbers


@pytest.mark.parametrize("text, values, groups", [
    ("1/ Giá trị sản xuất nông nghiệp tăng 6%, doanh thu dịch vụ tăng 12% so với thực hiện năm 2025.",
     [6, 12], ["Giá trị sản xuất nông nghiệp", "doanh thu dịch vụ"]),
    ("Thu ngân sách trên địa bàn tăng 9,5% so dự toán năm 2025.", [9.5], ["Thu ngân sách trên địa bàn"]),
    ("Kim ngạch xuất khẩu tăng 15% so với kế hoạch.", [15], ["Kim ngạch xuất khẩu"]),
])
def test_a_baseline_after_the_value_is_not_its_group(text, values, groups):
    targets = find_targets(text)
    assert [t.value for t in targets] == values
    assert [t.group for t in targets] == groups


@pytest.mark.parametrize("text, group", [
    ("(7) Tỷ lệ lao động qua đào tạo: trên 20%.", "lao động qua đào tạo"),
    ("(12) Tỷ lệ hộ dân dùng nước sạch, hợp vệ sinh: 98%.", "hộ dân dùng nước sạch, hợp vệ sinh"),
    ("3/ Tỷ lệ trẻ em đến trường đạt 99%.", "trẻ em đến trường"),
    ("4- Số xã đạt chuẩn nông thôn mới đạt 80%.", "Số xã đạt chuẩn nông thôn mới"),
])
def test_an_items_number_is_not_part_of_its_group(text, group):
    (t,) = find_targets(text)
    assert t.group == group


# ---------------------------------------------------------------- what a share is of, after the value


@pytest.mark.parametrize("text, value, group", [
    ("Tuyển chọn thanh niên nhập ngũ hàng năm đạt 100% chỉ tiêu.", 100, "Tuyển chọn thanh niên nhập ngũ"),
    ("Thu thuế ngoài quốc doanh đạt 105% kế hoạch được giao.", 105, "Thu thuế ngoài quốc doanh"),
    ("Công tác tiêm chủng mở rộng đạt 98% kế hoạch đề ra; ", 98, "Công tác tiêm chủng mở rộng"),
])
def test_a_quota_after_the_value_is_not_its_group(text, value, group):
    (t,) = find_targets(text)
    assert (t.value, t.comparator, t.group) == (value, "=", group)


@pytest.mark.parametrize("text, value, comparator, group", [
    ("Tỷ lệ chi bộ đạt trong sạch vững mạnh: 80% trở lên/tổng số chi bộ.", 80, ">=",
     "chi bộ đạt trong sạch vững mạnh"),
    ("Tỷ lệ đoàn viên xuất sắc: trên 20%/tổng số đoàn viên của chi đoàn.", 20, ">", "đoàn viên xuất sắc"),
])
def test_the_total_after_a_slash_is_not_the_group(text, value, comparator, group):
    (t,) = find_targets(text)
    assert (t.value, t.comparator, t.group) == (value, comparator, group)


@pytest.mark.parametrize("text, value, comparator, group", [
    ("(6) Thu cân đối ngân sách xã hưởng: tăng 10%/năm trở lên.", 10, ">=", "Thu cân đối ngân sách xã hưởng"),
    ("Giá trị sản xuất nông nghiệp: tăng 5,5% trở lên.", 5.5, ">=", "Giá trị sản xuất nông nghiệp"),
    ("Hộ nghèo đa chiều: giảm 2%.", 2, "=", "Hộ nghèo đa chiều"),
])
def test_a_label_before_only_a_verb_and_the_value_names_the_group(text, value, comparator, group):
    (t,) = find_targets(text)
    assert (t.value, t.comparator, t.group) == (value, comparator, group)


# ---------------------------------------------------------------- groups: existential "có", a rate's base


@pytest.mark.parametrize("text, value, group", [
    ("Phấn đấu có từ 35% người dân tập luyện thể dục thể thao thường xuyên.", 35,
     "người dân tập luyện thể dục thể thao thường xuyên"),
    ("Có 40% người cao tuổi tham gia sinh hoạt câu lạc bộ.", 40, "người cao tuổi tham gia sinh hoạt câu lạc bộ"),
    ("Phấn đấu có trên 60% học sinh bơi thành thạo.", 60, "học sinh bơi thành thạo"),
])
def test_after_an_existential_co_the_group_is_all_the_clause(text, value, group):
    (t,) = find_targets(text)
    assert (t.value, t.group) == (value, group)


def test_a_predicate_after_an_existential_co_still_opens_at_its_cue():
    (t,) = find_targets("Có 90% trẻ em được tiêm chủng đầy đủ.")
    assert (t.group, t.indicator) == ("trẻ em", "được tiêm chủng đầy đủ")


@pytest.mark.parametrize("text, value, denominator, group", [
    ("Phấn đấu đạt 300 phòng học/10.000 dân số trong độ tuổi đi học.", 300, 10000, "phòng học"),
    ("Phấn đấu đạt 12 bác sĩ/10.000 dân.", 12, 10000, "bác sĩ"),
    ("Đạt 35 giường bệnh/1 vạn dân vào năm 2030.", 35, 10000, "giường bệnh"),
])
def test_a_named_rate_of_a_thing_per_people_is_its_counted_noun(text, value, denominator, group):
    (t,) = find_targets(text)
    assert (t.value, t.unit, t.denominator, t.group) == (value, "ratio", denominator, group)


# ---------------------------------------------------------------- price bases and a baseline's extent


@pytest.mark.parametrize("text, groups", [
    ("Giá trị sản xuất nông nghiệp (theo giá so sánh 2020) tăng 5% trở lên so với cùng kỳ năm trước, "
     "doanh thu dịch vụ (theo giá so sánh năm 2020) tăng 12% trở lên so với cùng kỳ năm trước.",
     ["Giá trị sản xuất nông nghiệp", "doanh thu dịch vụ"]),
    ("Tổng mức bán lẻ hàng hóa (giá hiện hành) tăng 10% so với năm trước, kim ngạch xuất khẩu tăng 8%.",
     ["Tổng mức bán lẻ hàng hóa", "kim ngạch xuất khẩu"]),
])
def test_a_price_base_and_the_baseline_before_are_not_the_group(text, groups):
    targets = find_targets(text)
    assert [t.group for t in targets] == groups
    assert [t.year for t in targets] == [None, None]


def test_the_year_of_a_price_base_is_not_the_due_year(tmp_path):
    text = ("Trang tin quận\nTin ngày 5 Tháng Một 2026 9:00:00 SA\n10 chỉ tiêu chủ yếu năm 2026\n\n"
            "1. Doanh thu dịch vụ (theo giá so sánh năm 2020) tăng 12% so với cùng kỳ năm trước.\n")
    (t,) = doc_targets(tmp_path, text)
    assert (t.value, t.group, t.year) == (12, "Doanh thu dịch vụ", 2026)


def test_a_whole_group_closed_by_a_comma_at_a_cut_end_is_kept(tmp_path):
    text = ("I. MỤC TIÊU\n\nGiảm tỷ lệ sinh con thứ ba xuống dưới 15%; phấn đấu toàn huyện có trên 40%\n"
            "xã phát động không có người sinh con thứ ba,")
    got = [(t.value, t.group) for t in doc_targets(tmp_path, text)]
    assert got[-1] == (40, "xã phát động không có người sinh con thứ ba")
