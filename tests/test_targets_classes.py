"""Classes of target phrasing first met in blind batch C, each on variants written for the test:
a goal in the preamble's purpose, rates per 10,000 written with a word base ("/1 vạn dân"), the
second value of a pair before a clause of its own, a group list cut by the end of the text, and a
value kept after it is due ("… vào năm 2025 và duy trì đến năm 2030")."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.fields.numbers import find_quantities
from extractor.fields.targets import TargetContext, extract_targets, find_targets

HEADER = ("ỦY BAN NHÂN DÂN TỈNH AN BÌNH\n\nSố: 12/KH-UBND\n\nAn Bình, ngày 05 tháng 3 năm 2024\n\n"
          "KẾ HOẠCH\n\nPhòng, chống dịch bệnh năm 2024\n\n")


def doc_targets(tmp_path: Path, text: str):
    from extractor.pipeline import build_doc

    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    return extract_targets(build_doc(path))


# ---------------------------------------------------------------- a goal in the preamble's purpose


@pytest.mark.parametrize("purpose, value, year, word", [
    ("Để triển khai có hiệu quả công tác phòng, chống dịch bệnh, góp phần hoàn thành mục tiêu tỷ trọng "
     "chăn nuôi đạt 31,5% trong ngành nông nghiệp năm 2024. UBND tỉnh xây dựng kế hoạch như sau:", 31.5, 2024, "chăn"),
    ("Nhằm thực hiện thắng lợi nhiệm vụ năm học, phấn đấu tỷ lệ học sinh hoàn thành chương trình lớp học "
     "đạt 98% vào năm 2024, Trường xây dựng kế hoạch như sau:", 98, 2024, "học"),
    ("Để nâng cao chất lượng dân số, thực hiện chỉ tiêu tỷ lệ trẻ sơ sinh được sàng lọc đạt 70% năm 2024, "
     "Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:", 70, 2024, "trẻ"),
])
def test_a_goal_named_in_the_preamble_purpose_is_a_target(tmp_path, purpose, value, year, word):
    text = HEADER + purpose + "\n\nI. MỤC ĐÍCH, YÊU CẦU\n\n1. Mục đích: chủ động phòng, chống dịch bệnh.\n"
    (t,) = doc_targets(tmp_path, text)
    assert (t.value, t.year, t.section) == (value, year, None)
    assert word in t.group.split()


@pytest.mark.parametrize("preamble", [
    "Căn cứ Quyết định số 15/QĐ-UBND ngày 02/01/2024 của UBND tỉnh về mục tiêu tỷ trọng chăn nuôi đạt 31,5%;",
    "Để tiếp tục phát huy kết quả năm 2023, khi tỷ lệ tiêm phòng đã đạt 85%, UBND tỉnh xây dựng kế hoạch:",
    "Để triển khai có hiệu quả công tác tiêm phòng, bảo đảm 100% cán bộ nắm được kế hoạch, UBND tỉnh ban hành:",
])
def test_bases_past_results_and_purposes_without_a_goal_are_not(tmp_path, preamble):
    text = HEADER + preamble + "\n\nI. MỤC ĐÍCH, YÊU CẦU\n\n1. Mục đích: chủ động phòng, chống dịch bệnh.\n"
    assert doc_targets(tmp_path, text) == []


# ---------------------------------------------------------------- rates with a word for their base


@pytest.mark.parametrize("text, value, denominator", [
    ("- Tỷ lệ bác sỹ, giường bệnh/1 vạn dân: 14,3 bác sỹ/1 vạn dân.", 14.3, 10000),
    ("- Số giường bệnh đạt 32 giường bệnh/vạn dân.", 32, 10000),
    ("Phấn đấu đạt 9,5 bác sĩ/1 vạn dân vào năm 2025.", 9.5, 10000),
    ("- Tỷ lệ dược sĩ đại học đạt 3 dược sĩ/1 vạn dân.", 3, 10000),
    ("Giảm tỷ suất mắc lao xuống 80 ca/1 triệu dân.", 80, 1000000),
])
def test_rates_per_ten_thousand_written_with_a_word(text, value, denominator):
    (t,) = find_targets(text)
    assert (t.value, t.unit, t.denominator) == (value, "ratio", denominator)


def test_two_rates_per_ten_thousand_in_one_line_keep_their_nouns():
    got = find_targets("- Tỷ lệ bác sỹ, giường bệnh/1 vạn dân: 14,3 bác sỹ/1 vạn dân và 48,5 giường bệnh/1 vạn dân.")
    assert [(t.value, t.denominator, t.group.split("/")[0]) for t in got] == [
        (14.3, 10000, "bác sỹ"), (48.5, 10000, "giường bệnh")]
    assert find_quantities("doanh thu 63 triệu đồng/người, 2 con/phụ nữ") == []


# ---------------------------------------------------------------- the second value of a pair


@pytest.mark.parametrize("text, second, third_group", [
    ("a) Tỷ lệ cặp nam, nữ thanh niên được tư vấn trước khi kết hôn đạt 70% năm 2025; 90% năm 2030 và "
     "giảm 50% số cặp tảo hôn.", 90, "số cặp tảo hôn"),
    ("- Tỷ lệ hộ gia đình sử dụng nước sạch đạt 80% vào năm 2025, 95% vào năm 2030 và tăng 10% số hộ "
     "có nhà tiêu hợp vệ sinh.", 95, "số hộ có nhà tiêu hợp vệ sinh"),
    ("- Tỷ lệ xã đạt chuẩn tiếp cận pháp luật đạt 60% năm 2024; 75% năm 2026, nâng 5% số thôn có "
     "tổ hòa giải.", 75, "số thôn có tổ hòa giải"),
])
def test_the_second_value_of_a_pair_keeps_the_group_before_it(text, second, third_group):
    first, pair, third = find_targets(text)
    assert pair.value == second and pair.group == first.group
    assert third.group == third_group


# ---------------------------------------------------------------- a group list cut by the end of the text


@pytest.mark.parametrize("last_line, value, last_word", [
    ("1. Phấn đấu phát triển đạt 60% số cơ quan, tổ chức, cơ sở trợ giúp xã hội, cơ sở cai nghiện ma túy, "
     "trại giam, trường học, bệnh viện, xã,", 60, "xã"),
    ("- Phấn đấu 80% số trường học, trạm y tế, nhà văn hóa thôn, cơ sở bảo trợ xã hội,", 80,
     "hội"),
])
def test_a_group_list_cut_by_the_end_of_the_text_is_kept_whole(tmp_path, last_line, value, last_word):
    text = HEADER + "I. MỤC TIÊU\n\n" + last_line
    (t,) = doc_targets(tmp_path, text)
    assert t.value == value and t.group.rstrip(",").split()[-1] == last_word
    assert "," in t.group


@pytest.mark.parametrize("last_line", ["- 70% trẻ ", "- 90% cán bộ, công chức được tập huấn", "- Phấn "])
def test_a_group_cut_before_its_first_item_is_not_a_target(tmp_path, last_line):
    text = HEADER + "I. MỤC TIÊU\n\n- 100% xã được tuyên truyền.\n\n" + last_line
    got = [(t.value, t.group) for t in doc_targets(tmp_path, text)]
    assert got[0] == (100, "xã")
    assert len(got) == (2 if "được" in last_line else 1)


def test_a_list_of_nouns_is_not_cut_at_a_word_tagged_as_a_verb():
    (t,) = find_targets("- 100% số cơ quan, tổ chức, đơn vị sự nghiệp thực hiện chuyển đổi số.")
    assert t.group == "số cơ quan, tổ chức, đơn vị sự nghiệp"


# ---------------------------------------------------------------- kept after it is due


@pytest.mark.parametrize("text, expected", [
    ("khống chế tỷ lệ trẻ dưới 5 tuổi thừa cân, béo phì xuống dưới 10% (khu vực nội thành), 5% (khu vực ngoại "
     "thành) vào năm 2025 và duy trì đến năm 2030.", [(10, "<", 2025, "nội"), (5, "<", 2025, "ngoại")]),
    ("Tỷ lệ hộ nghèo giảm xuống còn 3% vào năm 2025 và duy trì đến năm 2030.", [(3, "=", 2025, "hộ")]),
    ("- Tỷ lệ trẻ em được tiêm chủng đầy đủ đạt 95% năm 2025, tiếp tục duy trì đến hết năm 2030.",
     [(95, "=", 2025, "trẻ")]),
    ("- Tỷ lệ xã có trạm y tế đạt chuẩn đạt 100% vào năm 2026 và giữ vững trong giai đoạn 2026 - 2030.",
     [(100, "=", 2026, "xã")]),
])
def test_a_value_kept_after_it_is_due_has_the_year_it_is_due(text, expected):
    got = find_targets(text, TargetContext(year=2030))
    assert [(t.value, t.comparator, t.year) for t in got] == [e[:3] for e in expected]
    for t, e in zip(got, expected):
        assert e[3] in t.group.replace("(", " ").split()
