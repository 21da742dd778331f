"""Targets: Vietnamese numerals, target grammar, and the seed plans scored against gold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractor.evaluate import score_targets, token_f1
from extractor.fields import targets as targets_module
from extractor.fields.numbers import find_quantities, parse_number
from extractor.fields.targets import TargetContext, find_targets, heading_year, plan_label

ROOT = Path(__file__).resolve().parents[1]
PLANS = sorted((ROOT / "corpus" / "plans").glob("*.txt"))
GOLD = ROOT / "corpus" / "gold"


def one(text: str, context: TargetContext | None = None):
    found = find_targets(text, context)
    assert len(found) == 1, [(m.value, m.group) for m in found]
    return found[0]


# ---------------------------------------------------------------- numbers


@pytest.mark.parametrize("raw, value, repaired", [
    ("4,9", 4.9, False),        # decimal comma
    ("7.500", 7500, False),     # thousands dot
    ("100.000", 100000, False),
    ("05", 5, False),           # leading zero
    ("9O", 90, True),           # letter O read for a zero
    ("1OO", 100, True),
    ("4.9", 4.9, False),        # a decimal point in converted text
])
def test_parse_number(raw, value, repaired):
    assert parse_number(raw) == (value, repaired)


def test_percentages_with_ocr_noise():
    found = find_quantities("đạt 90 %, 9O% và 4,9 % trẻ em")
    assert [(q.value, q.unit, q.repaired) for q in found] == [(90, "%", False), (90, "%", True), (4.9, "%", False)]


@pytest.mark.parametrize("text", ["5-10% hộ", "5 – 10% hộ", "từ 5 đến 10% hộ", "5% - 10% hộ", "từ 5 tới 10 % hộ"])
def test_ranges(text):
    (q,) = find_quantities(text)
    assert (q.value, q.min, q.unit) == (10, 5, "%")


def test_a_label_number_before_a_dash_is_not_a_range():
    (q,) = find_quantities("Chỉ tiêu 1 - 90% cán bộ được tập huấn")
    assert (q.value, q.min) == (90, None)


def test_ratios_and_rates():
    found = find_quantities("tăng từ 144/200 lên 150/200; tỷ suất 500/100.000 dân")
    assert [(q.value, q.denominator) for q in found] == [(144, 200), (150, 200), (500, 100000)]


def test_dates_and_document_numbers_are_not_ratios_by_shape():
    text = "Quyết định số 782/QĐ-TTg ngày 27/5/2021, Nghị định 56/2017/NĐ-CP, điện thoại 0682.212.606"
    assert find_quantities(text) == []


# ---------------------------------------------------------------- comparators and values


@pytest.mark.parametrize("prefix, suffix, comparator", [
    ("Từ ", " trở lên", ">="),
    ("", " trở lên", ">="),
    ("Tối thiểu ", "", ">="),
    ("Ít nhất ", "", ">="),
    ("Không dưới ", "", ">="),
    ("Trên ", "", ">"),
    ("Hơn ", "", ">"),
    ("Vượt ", "", ">"),
    ("Dưới ", "", "<"),
    ("Không quá ", "", "<="),
    ("Tối đa ", "", "<="),
    ("Không vượt quá ", "", "<="),
    ("", "", "="),
])
def test_comparator_phrasings(prefix, suffix, comparator):
    m = one(f"{prefix}70%{suffix} cán bộ, giáo viên được tập huấn kiến thức.")
    assert (m.value, m.comparator, m.group, m.indicator) == (70, comparator, "cán bộ, giáo viên", "được tập huấn kiến thức")


def test_decimal_comma_value_after_group():
    m = one("Phấn đấu giảm tỷ lệ lao động trẻ em và người chưa thành niên từ 5 đến 17 tuổi xuống 4,9%.")
    assert (m.value, m.comparator, m.direction) == (4.9, "=", "decrease")
    assert m.group == "lao động trẻ em và người chưa thành niên từ 5 đến 17 tuổi"
    assert m.indicator == "Phấn đấu giảm tỷ lệ"


def test_below_after_going_down():
    m = one("Giảm tỷ lệ lao động trẻ em xuống dưới 1 % vào năm 2025.")
    assert (m.value, m.comparator, m.year, m.group) == (1, "<", 2025, "lao động trẻ em")


def test_range_target():
    m = one("Từ 5 đến 10% doanh nghiệp được kiểm tra việc thực hiện pháp luật lao động.")
    assert (m.value, m.min, m.comparator, m.group) == (10, 5, "<=", "doanh nghiệp")


def test_rate_per_hundred_thousand():
    m = one("Giảm tỷ suất tử vong mẹ xuống còn 50/100.000 trẻ đẻ sống.")
    assert (m.value, m.unit, m.denominator, m.comparator, m.group) == (50, "ratio", 100000, "=", "tử vong mẹ")


def test_ratio_with_baseline_and_years():
    m = one("Phấn đấu tăng tỷ lệ xã, phường đạt tiêu chuẩn xã, phường phù hợp với trẻ em "
            "144/200 năm 2022 lên 150/200 năm 2023.")
    assert (m.value, m.denominator, m.baseline, m.baseline_year, m.year) == (150, 200, 144, 2022, 2023)
    assert m.group == "xã, phường đạt tiêu chuẩn xã, phường phù hợp với trẻ em"


def test_over_a_hundred_percent_is_kept_for_the_range_check():
    m = one("Trên 100% trẻ em có nguy cơ được tiếp cận giáo dục phổ thông.")
    assert (m.value, m.comparator, m.group) == (100, ">", "trẻ em có nguy cơ")


def test_ocr_repaired_value_is_flagged():
    m = one("9O% trẻ em được cung cấp thông tin.")
    assert (m.value, m.flags) == (90, ["ocr_repaired"])


# ---------------------------------------------------------------- groups and predicates


def test_two_groups_share_one_predicate_across_a_semicolon():
    found = find_targets("100% công chức, viên chức cấp tỉnh, huyện; 80% cán bộ cấp xã, giáo viên làm công tác "
                         "bảo vệ trẻ em được tập huấn kiến thức, kỹ năng.")
    assert [(m.value, m.group) for m in found] == [
        (100, "công chức, viên chức cấp tỉnh, huyện"),
        (80, "cán bộ cấp xã, giáo viên làm công tác bảo vệ trẻ em"),
    ]
    assert found[0].indicator == found[1].indicator == "được tập huấn kiến thức, kỹ năng"


def test_groups_joined_by_comma_and_by_va():
    found = find_targets("70% trẻ em, 90% doanh nghiệp và 85% hộ gia đình được cung cấp thông tin.")
    assert [(m.value, m.group) for m in found] == [(70, "trẻ em"), (90, "doanh nghiệp"), (85, "hộ gia đình")]


def test_each_clause_keeps_its_own_predicate():
    found = find_targets("100% học sinh được hướng dẫn kỹ năng sống; 90% các trường mầm non đạt tiêu chuẩn "
                         "Trường học an toàn; duy trì không có trẻ em lao động trái quy định.")
    assert [(m.group, m.indicator) for m in found] == [
        ("học sinh", "được hướng dẫn kỹ năng sống"),
        ("các trường mầm non", "đạt tiêu chuẩn Trường học an toàn"),
    ]


def test_group_with_qualification_and_adverb_before_the_verb():
    m = one("100% cán bộ làm công tác bảo vệ chăm sóc trẻ em cấp xã/phường/thị trấn tiếp tục được tập huấn.")
    assert m.group == "cán bộ làm công tác bảo vệ chăm sóc trẻ em cấp xã/phường/thị trấn"
    assert m.indicator == "tiếp tục được tập huấn"


def test_value_after_group_without_rate_noun_in_a_list():
    found = find_targets("Trẻ em dưới 6 tuổi 80%, trẻ em khuyết tật 70%.")
    assert [(m.value, m.group) for m in found] == [(80, "Trẻ em dưới 6 tuổi"), (70, "trẻ em khuyết tật")]


def test_restating_ratio_in_brackets_is_one_target():
    m = one("100% (11/11) huyện, thành phố xây dựng kế hoạch thực hiện.")
    assert (m.value, m.group) == (100, "huyện, thành phố")


# Predicates without any cue word: the POS fallback finds the first verb after the group.
POS_DEV = [
    ("80% hộ gia đình thực hành nuôi con khoa học.", "hộ gia đình"),
    ("60% trẻ em vùng dân tộc thiểu số nói thành thạo tiếng Việt.", "trẻ em vùng dân tộc thiểu số"),
    ("95% trẻ em dưới 1 tuổi tiêm chủng đầy đủ các loại vắc xin.", "trẻ em dưới 1 tuổi"),
    ("65% hộ nghèo thoát nghèo bền vững.", "hộ nghèo"),
    ("90% phụ nữ mang thai khám thai đủ 4 lần.", "phụ nữ mang thai"),
    ("80% người chăm sóc trẻ em thực hành vệ sinh cá nhân.", "người chăm sóc trẻ em"),
    ("90% trẻ em lang thang trở về với gia đình.", "trẻ em lang thang"),
    ("100% trẻ em khuyết tật.", "trẻ em khuyết tật"),
]


def _mean_group_f1(monkeypatch, use_pos: bool) -> float:
    monkeypatch.setattr(targets_module.predicates, "USE_POS_FALLBACK", use_pos)
    scores = [max((token_f1(m.group, gold) for m in find_targets(text)), default=0.0) for text, gold in POS_DEV]
    return sum(scores) / len(scores)


def test_pos_fallback_improves_groups_without_cue_words(monkeypatch):
    without = _mean_group_f1(monkeypatch, False)
    with_pos = _mean_group_f1(monkeypatch, True)
    assert with_pos >= 0.9 and with_pos > without + 0.1, (without, with_pos)


# ---------------------------------------------------------------- what is not a target


@pytest.mark.parametrize("text", [
    "Tổ chức kiểm tra tại 02 huyện, 04 cơ sở sản xuất kinh doanh trong năm 2023.",
    "Tăng tỷ lệ trẻ em từ 10 -18 tuổi trở lên được tham gia câu lạc bộ “Quyền trẻ em”.",
    "Gửi báo cáo trước ngày 20/11 hàng năm về Sở, số điện thoại 0682.212.606.",
    "Thực hiện Quyết định số 782/QĐ-TTg ngày 27/5/2021 của Thủ tướng Chính phủ.",
    "Đến năm 2022 đã đạt 85% xã, phường phù hợp với trẻ em.",
    "Tổng đài 111 hoạt động 24/24 giờ.",
])
def test_no_targets(text):
    assert find_targets(text) == []


# ---------------------------------------------------------------- years, labels, tables


def test_year_from_the_sentence_then_the_context():
    assert one("Đến năm 2025, 90% trẻ em được tiếp cận giáo dục.").year == 2025
    assert one("90% trẻ em được tiếp cận giáo dục.", TargetContext(year=2030)).year == 2030
    assert one("90% trẻ em được tiếp cận giáo dục.").year is None


def test_heading_year_innermost_first():
    assert heading_year(("MỤC TIÊU", "1. Mục tiêu đến năm 2025", "a) Mục tiêu 1: Phòng ngừa")) == 2025
    assert heading_year(("MỤC TIÊU", "3. Định hướng đến năm 2030")) == 2030
    assert heading_year(("MỤC TIÊU CỤ THỂ",)) is None


def test_plan_label():
    assert plan_label(["MỤC TIÊU", "2. Mục tiêu cụ thể", "b) Mục tiêu 2: Truyền thông"], "Chỉ tiêu 1: 90% ...") \
        == "Mục tiêu 2 / Chỉ tiêu 1"
    assert plan_label(["MỤC TIÊU CỤ THỂ"], "1. 100% trẻ em ...") is None


def test_table_rows_take_column_years_from_the_header():
    table = ("| Chỉ tiêu | 2023 | 2024 | 2025 |\n|---|---|---|---|\n"
             "| Tỷ lệ trẻ em được cung cấp thông tin | 80% | 85% | ≥ 90% |")
    found = find_targets(table)
    assert [(m.value, m.comparator, m.year) for m in found] == [(80, "=", 2023), (85, "=", 2024), (90, ">=", 2025)]
    assert {m.group for m in found} == {"trẻ em được cung cấp thông tin"}


def test_table_row_with_context_years():
    found = find_targets("| Tỷ lệ trẻ em được cung cấp thông tin | 80% | 85% | 90% |",
                         TargetContext(column_years=(None, 2023, 2024, 2025)))
    assert [(m.value, m.year) for m in found] == [(80, 2023), (85, 2024), (90, 2025)]


# ---------------------------------------------------------------- whole documents


@pytest.fixture(scope="module")
def seed_docs():
    pipeline = pytest.importorskip("extractor.pipeline")
    return {path.stem: pipeline.build_doc(path) for path in PLANS}


def test_seeds_against_gold(seed_docs):
    from extractor.evaluate import Counts

    total = Counts()
    for stem, doc in seed_docs.items():
        gold = json.loads((GOLD / f"{stem}.gold.json").read_text("utf-8"))["targets"]
        pred = [t.model_dump() for t in targets_module.extract_targets(doc)]
        total.add(score_targets(pred, gold))
    scores = total.scores()
    assert scores["f1"] >= 0.93, scores
    assert scores["group_token_f1"] >= 0.85, scores
    assert scores["section_accuracy"] >= 0.95 and scores["year_accuracy"] >= 0.9, scores


def test_seed_details(seed_docs):
    found = targets_module.extract_targets(seed_docs["001_9ae20dc128f8cd2f"])
    first = found[0]
    assert (first.value, first.comparator, first.label, first.direction) == (1, "<", "Mục tiêu 1 / Chỉ tiêu 1", "decrease")
    assert first.section == "I" and first.section_path[:2] == ["I", "2"]
    assert "dưới 1%" in first.span.text and first.span.line == 27
    last = found[-1]
    assert (last.year, last.direction, last.indicator) == (2030, "keep", "Tiếp tục duy trì tỷ lệ")
    ratio = [t for t in targets_module.extract_targets(seed_docs["004_19f26e58d800d031"]) if t.unit == "ratio"]
    assert [(t.value, t.denominator, t.baseline, t.year) for t in ratio] == [(150, 200, 144, 2023)]
    assert "150/200" in ratio[0].span.text
    # seed 003 states no quantity at all
    assert targets_module.extract_targets(seed_docs["003_75fdd04325fd526d"]) == []


def test_document_sections_and_lead_in_years(tmp_path):
    pipeline = pytest.importorskip("extractor.pipeline")
    path = tmp_path / "plan.md"
    path.write_text(
        "KẾ HOẠCH\n\nThực hiện công tác trẻ em\n\nI. MỤC TIÊU\n\n"
        "Phấn đấu đến năm 2025, đạt các chỉ tiêu sau:\n\n"
        "- 90% trẻ em được cung cấp thông tin.\n\n"
        "| Chỉ tiêu | 2023 | 2024 |\n|---|---|---|\n| Tỷ lệ xã đạt chuẩn | 70% | 75% |\n\n"
        "II. KINH PHÍ\n\nNgân sách tỉnh 70%, ngân sách huyện 30%.\n\n"
        "III. TỔ CHỨC THỰC HIỆN\n\nBáo cáo trước ngày 20/11 hàng năm.\n",
        encoding="utf-8",
    )
    found = targets_module.extract_targets(pipeline.build_doc(path))
    assert [(t.value, t.group, t.year, t.section) for t in found] == [
        (90, "trẻ em", 2025, "I"), (70, "xã đạt chuẩn", 2023, "I"), (75, "xã đạt chuẩn", 2024, "I"),
    ]


# ---------------------------------------------------------------- phrasings met in held-out plans


def test_present_situation_share_is_not_a_target():
    text = "Cuối năm 2021 toàn huyện có 41 trẻ em lao động, chiếm khoảng 0,6% tổng số trẻ em trên địa bàn."
    assert find_targets(text) == []
    kept = find_targets("Phấn đấu tăng số xã đạt chuẩn, chiếm 50% tổng số xã.")
    assert [t.value for t in kept] == [50]


def test_deadline_in_the_sentence_dates_the_target():
    (t,) = find_targets("100% các xã, thị trấn xây dựng kế hoạch thực hiện Chương trình trước ngày 30/4/2022.")
    assert t.year == 2022 and t.group == "các xã, thị trấn"


def test_group_keeps_co_nguy_co():
    (t,) = find_targets("Giảm từ 5 - 10% số trẻ em có nguy cơ trở thành lao động trẻ em so với năm 2022.")
    assert (t.value, t.min, t.comparator) == (10, 5, "<=")
    assert t.group.startswith("số trẻ em có nguy cơ trở thành lao động trẻ em")


def test_table_row_label_splits_into_group_and_predicate():
    rows = ("| Chỉ tiêu | Năm 2023 | Năm 2024 |\n|---|---|---|\n"
            "| GVCN được tập huấn kỹ năng phát hiện học sinh có nguy cơ | 70% | 85% |")
    targets = find_targets(rows)
    assert [(t.value, t.year, t.group) for t in targets] == [(70, 2023, "GVCN"), (85, 2024, "GVCN")]
    assert targets[0].indicator.startswith("được tập huấn")
