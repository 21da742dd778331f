"""Deadlines, reporting duties and funding sources: the seed plans and constructed variants."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from conftest import SEEDS

from extractor.fields.budget import extract_budget
from extractor.fields.deadlines import extract_deadlines, frequency_of
from extractor.pipeline import build_doc

S000, S001, S002, S003, S004 = SEEDS


@cache
def doc_of(path: Path):
    return build_doc(path)


def plan(tmp_path: Path, text: str):
    path = tmp_path / "plan.txt"
    path.write_text(text, "utf-8")
    return build_doc(path)


def by_due(deadlines):
    return {(d.due_day, d.due_month): d for d in deadlines}


# ---------------------------------------------------------------- deadlines on the seeds


def test_seed_000_half_yearly_and_yearly_reports():
    doc = doc_of(S000)
    found = by_due(extract_deadlines(doc))
    assert set(found) == {(5, 7), (25, 12)}
    half, year = found[(5, 7)], found[(25, 12)]
    assert (half.what, half.kind, half.frequency, half.due) == ("báo cáo 6 tháng", "report", "half-yearly",
                                                                "trước ngày 5/7")
    assert (year.what, year.frequency) == ("báo cáo năm", "yearly")
    # the item of Tổ chức thực hiện the duty sits under, and "gửi báo cáo về Sở ..."
    assert half.by == ["Ủy ban nhân dân các huyện, thành phố"]
    assert half.to == ["Sở Lao động - Thương binh và Xã hội"]
    assert half.section == "V"
    assert "trước ngày 5/7" in doc.source.text[half.span.start:half.span.end]


def test_seed_001_yearly_date():
    (d,) = extract_deadlines(doc_of(S001))
    assert (d.due_day, d.due_month, d.frequency, d.kind) == (20, 11, "yearly", "report")
    assert d.what == "báo cáo kết quả tổ chức triển khai Chương trình"
    assert d.to == ["Sở Giáo dục và Đào tạo"]
    assert "các cơ sở giáo dục" in d.by  # "Theo định kỳ hàng năm các phòng GDĐT ...; các CSGD tiến hành ..."


def test_seed_003_recurring_report_without_date():
    (d,) = extract_deadlines(doc_of(S003))
    assert d.due is None and d.due_day is None
    assert (d.kind, d.frequency) == ("report", "yearly")
    assert d.what.startswith("báo cáo kết quả công tác triển khai")
    assert d.by == ["các huyện, thành Đoàn"]
    assert d.to == ["Tỉnh Đoàn"]


def test_seed_004_event_and_handed_on_reports():
    found = extract_deadlines(doc_of(S004))
    month = next(d for d in found if d.what == "Tháng hành động vì trẻ em")
    assert (month.kind, month.due_day, month.due_month, month.until_day, month.until_month) == ("event", 1, 6, 30, 6)
    reports = by_due(d for d in found if d.kind == "report")
    assert set(reports) == {(20, 5), (15, 11), (25, 5), (20, 11)}
    assert reports[(20, 5)].to == ["Sở Lao động - Thương binh và Xã hội Lạng Sơn"]
    assert "Ủy ban nhân dân các huyện, thành phố" in reports[(20, 5)].by
    # "... về Sở ... để tổng hợp báo cáo Bộ ... và UBND tỉnh trước ngày 25/5 (đối với báo cáo 6 tháng)"
    handed_on = reports[(25, 5)]
    assert handed_on.what == "báo cáo 6 tháng" and handed_on.frequency == "half-yearly"
    assert handed_on.by == ["Sở Lao động - Thương binh và Xã hội Lạng Sơn"]
    assert handed_on.to == ["Bộ Lao động - Thương binh và Xã hội", "Ủy ban nhân dân tỉnh"]
    assert reports[(20, 11)].frequency == "yearly"


def test_seed_002_has_no_deadline():
    assert extract_deadlines(doc_of(S002)) == []


# ---------------------------------------------------------------- deadline variants

VARIANT = """KẾ HOẠCH

Phòng, chống đuối nước trẻ em năm 2024

I. NHIỆM VỤ

1. Tổ chức Tuần lễ phòng, chống đuối nước (từ ngày 15/5 đến ngày 21/5).

2. Rà soát các điểm nước sâu, hoàn thành trước ngày 30/4/2024.

II. TỔ CHỨC THỰC HIỆN

1. Trung tâm Y tế huyện

- Hằng quý báo cáo tình hình tai nạn thương tích gửi về Phòng Y tế huyện.

- Gửi báo cáo tổng kết về Ủy ban nhân dân huyện chậm nhất ngày 15 tháng 12.
"""


def test_deadline_variants(tmp_path):
    found = extract_deadlines(plan(tmp_path, VARIANT))
    week = next(d for d in found if d.kind == "event")
    assert (week.what, week.due_day, week.until_day, week.until_month) == ("Tuần lễ phòng, chống đuối nước", 15, 21, 5)
    task = next(d for d in found if d.due_day == 30)
    assert (task.kind, task.due_month, task.due_year, task.frequency) == ("task", 4, 2024, "once")
    assert task.what.startswith("Rà soát các điểm nước sâu")
    quarterly = next(d for d in found if d.frequency == "quarterly")
    assert quarterly.due is None and quarterly.by == ["Trung tâm Y tế huyện"]
    assert quarterly.to == ["Phòng Y tế huyện"]
    final = next(d for d in found if d.due_month == 12)
    assert (final.due_day, final.kind, final.what) == (15, "report", "báo cáo tổng kết")
    assert final.to == ["Ủy ban nhân dân huyện"]


MONTHLY = """KẾ HOẠCH

Phòng chống dịch bệnh năm 2024

I. TỔ CHỨC THỰC HIỆN

1. Phòng Nghiệp vụ Y

a) Tổng hợp báo cáo định kỳ hằng tháng trước ngày 25 gửi Bộ Y tế.
"""


def test_monthly_report_with_a_day_only(tmp_path):
    (d,) = extract_deadlines(plan(tmp_path, MONTHLY))
    assert (d.due_day, d.due_month, d.frequency) == (25, None, "monthly")
    assert d.what == "báo cáo định kỳ hằng tháng"
    assert (d.by, d.to) == (["Phòng Nghiệp vụ Y"], ["Bộ Y tế"])  # "gửi Bộ Y tế": no "về"


def test_frequency_words():
    assert frequency_of("báo cáo 6 tháng đầu năm") == "half-yearly"
    assert frequency_of("báo cáo năm") == "yearly"
    assert frequency_of("hằng quý") == "quarterly"
    assert frequency_of("báo cáo tháng") == "monthly"
    assert frequency_of("báo cáo kết quả") is None


# ---------------------------------------------------------------- budget on the seeds


def test_seed_000_state_budget_and_programme():
    state, programme = extract_budget(doc_of(S000))
    assert state.kind == "state_budget" and state.source.startswith("Từ Ngân sách Nhà nước bố trí trong dự toán")
    assert programme.kind == "programme"  # the decision titles' "dự toán ngân sách" do not count
    assert programme.references == ["2399/QĐ-UBND", "8668/QĐ-SLĐTBXH"]
    doc = doc_of(S000)
    assert doc.source.text[programme.span.start:].startswith("Từ nguồn kinh phí Chương trình")


def test_seed_001_state_budget_and_contributions():
    assert [b.kind for b in extract_budget(doc_of(S001))] == ["state_budget", "socialised"]


def test_seed_002_one_paragraph_two_sources():
    state, socialised = extract_budget(doc_of(S002))
    assert state.kind == "state_budget" and "ngân sách nhà nước" in state.source
    assert socialised.kind == "socialised" and socialised.source.startswith("các nguồn huy động, vận động hợp pháp")


def test_seed_004_levels_from_headings():
    found = extract_budget(doc_of(S004))
    assert [(b.kind, b.level) for b in found] == [
        ("state_budget", "province"), ("state_budget", "province"), ("socialised", "province"),
        ("state_budget", "district"), ("socialised", "district"),
    ]
    assert found[2].source.startswith("Nguồn xã hội hóa: Vận động")


def test_seed_003_has_no_budget_section():
    assert extract_budget(doc_of(S003)) == []


BUDGET_VARIANT = """KẾ HOẠCH

Thực hiện Đề án năm 2024

I. KINH PHÍ THỰC HIỆN

Kinh phí thực hiện Kế hoạch được bảo đảm từ các nguồn sau:

1. Nguồn vốn của Đề án 06 theo Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính phủ.

2. Ngân sách cấp xã bố trí hằng năm; nguồn tài trợ của các tổ chức quốc tế và các nguồn hợp pháp khác.

3. Từ nguồn lồng ghép các chương trình khác.
"""


def test_budget_variant(tmp_path):
    found = extract_budget(plan(tmp_path, BUDGET_VARIANT))
    # the opening "được bảo đảm từ các nguồn sau:" names no source; "các nguồn hợp pháp khác" is one
    assert [b.kind for b in found] == ["programme", "state_budget", "socialised", "other", "other"]
    assert found[0].references == ["06/QĐ-TTg"]
    assert found[1].level == "commune"  # "Ngân sách cấp xã"
    assert found[2].source == "nguồn tài trợ của các tổ chức quốc tế"
    assert found[3].source == "các nguồn hợp pháp khác"
