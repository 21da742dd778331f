"""Responsible bodies, classes first met in blind batch H, each on variants written for the test: a
decision's execution article that addresses its heads ("Các ông, bà: …") and is cut by the end of a
page's opening before its clause, and the clause written "có trách nhiệm thi hành"."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.fields.bodies import extract_bodies
from extractor.pipeline import build_doc

DECISION = """ỦY BAN NHÂN DÂN
TỈNH {province}
Số: 27/QĐ-UBND
{province_case}, ngày 9 tháng 1 năm 2024
QUYẾT ĐỊNH
Về việc ban hành Quy chế khen thưởng
ỦY BAN NHÂN DÂN TỈNH {province}
Căn cứ Luật Thi đua, Khen thưởng ngày 26/11/2003;
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Quy chế khen thưởng.
Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký.
Điều 3. {article}"""


def _bodies(tmp_path: Path, article: str, province: str = "QUẢNG NINH") -> list[tuple[str, str]]:
    path = tmp_path / "qd.txt"
    path.write_text(DECISION.format(province=province, province_case=province.title(), article=article), "utf-8")
    return [(b.name, b.role) for b in extract_bodies(build_doc(path))]


@pytest.mark.parametrize(("address", "tail"), [
    ("Các ông, bà:", "; Chủ t"),
    ("Các Ông (Bà):", "; Chủ tịch Ủy ban nhân"),
    ("Các ông bà:", ", Thủ trưởng các đơn vị li"),
])
def test_an_addressed_execution_list_cut_before_its_clause(tmp_path, address, tail):
    article = f"{address} Chánh Văn phòng Ủy ban nhân dân tỉnh; Giám đốc Sở Nội vụ; Trưởng Ban Thi đua - Khen thưởng tỉnh{tail}"
    assert _bodies(tmp_path, article) == [("Văn phòng Ủy ban nhân dân tỉnh", "lead"), ("Sở Nội vụ", "lead"),
                                          ("Ban Thi đua - Khen thưởng tỉnh", "lead")]


def test_a_list_without_address_or_clause_is_no_execution_list(tmp_path):
    """Cut heads with no address and no clause: nothing says they execute the decision."""
    assert _bodies(tmp_path, "Chánh Văn phòng Ủy ban nhân dân tỉnh; Giám đốc Sở Nội vụ; Chủ t") == []


def test_an_addressed_list_that_is_not_cut_needs_its_clause(tmp_path):
    article = "Các ông, bà: Chánh Văn phòng Ủy ban nhân dân tỉnh; Giám đốc Sở Nội vụ."
    assert _bodies(tmp_path, article) == []


@pytest.mark.parametrize("clause", ["có trách nhiệm thi hành", "chịu trách nhiệm thi hành",
                                    "có trách nhiệm tổ chức thực hiện"])
def test_the_execution_clause_in_its_forms(tmp_path, clause):
    article = f"Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Tài chính và Thủ trưởng các sở, ban, ngành {clause}./."
    assert _bodies(tmp_path, article) == [("Văn phòng Ủy ban nhân dân tỉnh", "lead"), ("Sở Tài chính", "lead"),
                                          ("các sở, ban, ngành", "lead")]


LETTER = """BỘ {ministry} | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
Số: 2536/{code}-KHTC V/v xây dựng Kế hoạch năm 2025 | Hà Nội, ngày 17 tháng 6 năm 2024 |
Kính gửi: | - {addressee}; |
Thực hiện Chỉ thị số 17/CT-TTg ngày 22/5/2024 của Thủ tướng Chính phủ, Bộ hướng dẫn xây dựng Kế hoạch năm 2025 như sau:
I. ĐÁNH GIÁ TÌNH HÌNH THỰC HIỆN KẾ HOẠCH NĂM 2024
1. Trên cơ sở kết quả 6 tháng đầu năm, các {units} đánh giá, ước thực hiện cả năm 2024, cụ thể:
II. XÂY DỰNG KẾ HOẠCH NĂM 2025
"""


@pytest.mark.parametrize(("ministry", "code", "addressee", "units", "bodies"), [
    ("Y TẾ", "BYT", "Các đơn vị thuộc Bộ", "Sở Y tế", ["các đơn vị thuộc Bộ", "các Sở Y tế"]),
    ("LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "BLĐTBXH", "Các cơ quan, đơn vị thuộc Bộ", "Sở LĐTBXH",
     ["các cơ quan, đơn vị thuộc Bộ", "các Sở Lao động - Thương binh và Xã hội"]),
])
def test_a_letters_table_addressee_and_its_report_section(tmp_path, ministry, code, addressee, units, bodies):
    """A letter's "Kính gửi" cell of a flattened table is its addressee; its section on the situation
    ("I. ĐÁNH GIÁ TÌNH HÌNH …") tells the addressees to report, so the bodies it names are assigned."""
    path = tmp_path / "cv.txt"
    path.write_text(LETTER.format(ministry=ministry, code=code, addressee=addressee, units=units), "utf-8")
    assert [(b.name, b.role) for b in extract_bodies(build_doc(path))] == [(name, "lead") for name in bodies]


def test_a_plans_situation_section_names_no_bodies(tmp_path):
    text = ("ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 12/KH-UBND\nLào Cai, ngày 2 tháng 3 năm 2024\nKẾ HOẠCH\nPhát triển du lịch\n"
            "I. ĐÁNH GIÁ TÌNH HÌNH THỰC HIỆN NĂM 2023\n1. Các Sở Văn hóa, Thể thao và Du lịch đã triển khai các hoạt động, cụ thể:\n"
            "II. NHIỆM VỤ\n1. Sở Du lịch chủ trì tổ chức lễ hội.\n")
    path = tmp_path / "kh.txt"
    path.write_text(text, "utf-8")
    assert [(b.name, b.role) for b in extract_bodies(build_doc(path))] == [("Sở Du lịch", "lead")]
