"""Sections where a decision sets out its content in an article, and parts lettered "Phần A"."""

from __future__ import annotations

from extractor.pipeline import build_doc

DECISION = """BỘ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN
Số: 5018/QĐ-BNN-TT
Hà Nội, ngày 10 tháng 12 năm 2021
QUYẾT ĐỊNH
PHÊ DUYỆT ĐỀ ÁN PHÁT TRIỂN CÂY ĂN QUẢ ĐẾN NĂM 2030
BỘ TRƯỞNG BỘ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN
Căn cứ Nghị định số 15/2017/NĐ-CP ngày 17/02/2017 của Chính phủ;
QUYẾT ĐỊNH:
Điều 1. Phê duyệt Đề án phát triển cây ăn quả đến năm 2030 với những nội dung chủ yếu sau:
I. QUAN ĐIỂM
1. Phát triển cây ăn quả trên cơ sở phát huy lợi thế của vùng.
II. MỤC TIÊU
1. Diện tích cây ăn quả đạt 250 nghìn ha.
III. NHIỆM VỤ VÀ GIẢI PHÁP
1. Quy hoạch vùng sản xuất.
Điều 2. Tổ chức thực hiện
1. Cục Trồng trọt chủ trì tổ chức thực hiện Đề án.
Điều 3. Quyết định này có hiệu lực kể từ ngày ký.
"""


def test_the_sections_of_the_content_an_article_sets_out(tmp_path):
    path = tmp_path / "qd.txt"
    path.write_text(DECISION, "utf-8")
    doc = build_doc(path)
    assert [(s.number, s.title) for s in doc.outline.sections] == [
        ("I", "QUAN ĐIỂM"), ("II", "MỤC TIÊU"), ("III", "NHIỆM VỤ VÀ GIẢI PHÁP")]
    roles = {p.text[:8]: (p.role, p.section) for p in doc.paragraphs}
    assert roles["Điều 2. "] == ("article", None)  # the next article is no part of section III
    assert roles["1. Diện "] == ("item", "II")
    # an article that announces no content keeps its Roman items as items
    path.write_text(DECISION.replace("với những nội dung chủ yếu sau:", "."), "utf-8")
    assert build_doc(path).outline.sections == []


def test_a_part_lettered_phan_a_over_roman_sections(tmp_path):
    path = tmp_path / "kh.txt"
    path.write_text("TRƯỜNG TIỂU HỌC TIẾN HƯNG A\nSố: 25/KH-THTHA\nĐồng Xoài, ngày 20 tháng 9 năm 2017\nKẾ HOẠCH\n"
                    "Thực hiện nhiệm vụ năm học 2017 - 2018\nPhần A. Đánh giá tình hình nhà trường, năm học 2017 - 2018\n"
                    "I. Tình hình trường\nTrường có 20 lớp.\nPhần B. Nhiệm vụ năm học 2017 - 2018\nI. Nhiệm vụ chung\n"
                    "Nâng cao chất lượng.\n", "utf-8")
    sections = build_doc(path).outline.sections
    assert [s.number for s in sections] == ["Phần A", "Phần B"]


def test_the_content_of_an_article_in_sentence_case(tmp_path):
    """"I. Mục tiêu" under "Điều 1. Phê duyệt Đề án …, cụ thể như sau:": sentence-case headings count
    where each numeral is the one expected next; a Roman item out of sequence does not."""
    text = (DECISION.replace("I. QUAN ĐIỂM", "I. Quan điểm").replace("II. MỤC TIÊU", "II. Mục tiêu")
            .replace("III. NHIỆM VỤ VÀ GIẢI PHÁP", "IV. Nhiệm vụ và giải pháp"))
    path = tmp_path / "qd.txt"
    path.write_text(text, "utf-8")
    assert [(s.number, s.title) for s in build_doc(path).outline.sections] == [("I", "Quan điểm"), ("II", "Mục tiêu")]
