"""Classes of phrasing first met in blind batch E, each on variants written for the test (never a
document's own sentence).

A basis hard-wrapped before a capital more than once ("... và" / "Luật sửa đổi, bổ sung ... của Luật
Tổ chức" / "Chính phủ và ..." / "ngày ...;") is one paragraph, and so is a proposal ("Xét đề nghị của
Giám đốc Sở" / "Y tế tại Tờ trình số ...,") that ends with its comma before "QUYẾT ĐỊNH:".

Issuers not joined by "của": the subject of the sentence that issues the citation ("Ngày 12/3/2024, Sở Y
tế đã có Công văn số ..."; its date too), and every object of its verb ("... ban hành Quyết định số 1
... và Quyết định số 2 ..."); a list's issuer before a colon ("các Quyết định của UBND tỉnh: số ...; số
..."); an issuer ends before the verb that follows it ("của Bộ Y tế sửa đổi, bổ sung ..."), but "Ban
Chỉ đạo" is a body; a body right after the date is the issuer ("ngày 15/5/2016 Bộ Chính trị"), a plenum
before it is the body's ("Hội nghị lần thứ năm Ban Chấp hành Trung ương"); a proposal may end with its
full stop.

Names: a breve damaged into a diaeresis ("näm 2019") still writes the year that ends a law's title; an
instrument named by its issuer and subject without a number ("Kế hoạch của UBND tỉnh về việc ...") is
named whole, its issuer the body it names.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.fields.references import extract_references, find_references
from extractor.pipeline import build_doc

HEADER = ("ỦY BAN NHÂN DÂN TỈNH AN GIANG\n\nSố: 27/QĐ-UBND\n\nAn Giang, ngày 05 tháng 3 năm 2024\n\n"
          "QUYẾT ĐỊNH\n\nVề việc ban hành Kế hoạch phòng, chống dịch bệnh năm 2024\n\n"
          "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\n")


def _doc(tmp_path: Path, text: str):
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    return build_doc(path)


def _refs(tmp_path: Path, text: str) -> dict:
    return {r.number or r.title: r for r in extract_references(_doc(tmp_path, text))}


# ---------------------------------------------------------------- a basis wrapped more than once


@pytest.mark.parametrize("lines, title", [
    (["Căn cứ Luật Đất đai ngày 29 tháng 11 năm 2013 và", "Luật sửa đổi, bổ sung một số điều của Luật Quy",
      "Hoạch và Luật Xây dựng ngày 20 tháng 11 năm 2018;"],
     "Luật sửa đổi, bổ sung một số điều của Luật Quy Hoạch và Luật Xây dựng"),
    (["Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
      "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Ngân", "Sách nhà nước và Luật Kế toán",
      "ngày 10 tháng 6 năm 2022;"],
     "Luật sửa đổi, bổ sung một số điều của Luật Ngân Sách nhà nước và Luật Kế toán"),
])
def test_a_basis_wrapped_before_capitals_twice_is_one_paragraph(tmp_path, lines, title):
    doc = _doc(tmp_path, HEADER + "\n".join(lines) + "\nQUYẾT ĐỊNH:\n")
    texts = [p.text for p in doc.paragraphs]
    assert " ".join(lines[-3:]) in " ".join(texts) and any(p.endswith(lines[-1]) and lines[-3] in p for p in texts)
    refs = _refs(tmp_path, HEADER + "\n".join(lines) + "\nQUYẾT ĐỊNH:\n")
    assert title in refs
    assert not any(k and k.endswith(("Luật Quy", "Luật Ngân")) for k in refs)


@pytest.mark.parametrize("lines, issuer", [
    (["Xét đề nghị của Giám đốc", "Sở Tài nguyên và Môi trường tại Tờ trình số 215/TTr-STNMT ngày 04/3/2024,"],
     "Giám đốc Sở Tài nguyên và Môi trường"),
    (["Theo đề nghị của Giám đốc Sở Khoa học và", "Công nghệ tại Tờ trình số 88/TTr-SKHCN ngày 01 tháng 3 năm 2024,"],
     "Giám đốc Sở Khoa học và Công nghệ"),
    (["- Xét đề nghị của Giám đốc Sở Giáo dục và", "Đào tạo tại Tờ trình số 31/TTr-SGDĐT ngày 02/3/2024,"],
     "Giám đốc Sở Giáo dục và Đào tạo"),
])
def test_a_proposal_wrapped_before_a_capital_keeps_its_proposer(tmp_path, lines, issuer):
    refs = _refs(tmp_path, HEADER + "\n".join(lines) + "\nQUYẾT ĐỊNH:\n")
    number = next(k for k in refs if k and "/TTr-" in k)
    assert refs[number].issuer == issuer


@pytest.mark.parametrize("lines", [
    ["Thực hiện Kế hoạch số 12/KH-UBND ngày 02/01/2024 của UBND tỉnh", "Ủy ban nhân dân huyện xây dựng Kế hoạch,",
     "cụ thể như sau:"],
    ["Căn cứ tình hình thực tế của địa phương", "Ủy ban nhân dân xã ban hành Kế hoạch", "như sau:"],
    ["Căn cứ Luật Phòng, chống thiên tai ngày 19/6/2013", "Ủy ban nhân dân huyện giao các chỉ tiêu",
     "cho các xã", "và các cơ quan", "theo biểu đính kèm;"],
])
def test_a_basis_does_not_run_on_into_a_sentence_of_its_own(tmp_path, lines):
    doc = _doc(tmp_path, HEADER + "\n".join(lines) + "\n")
    assert lines[0] in [p.text for p in doc.paragraphs]


# ---------------------------------------------------------------- issuers not joined by "của"


def _one(text: str, number: str):
    return next(m for m in find_references(text) if m.number == number)


@pytest.mark.parametrize("text, number, issuer, date", [
    ("Ngày 12/3/2024, Sở Y tế đã có Công văn số 55/SYT-NVY gửi các đơn vị về phòng, chống dịch.",
     "55/SYT-NVY", "Sở Y tế", "2024-03-12"),
    ("Ngày 05 tháng 4 năm 2023, Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch ký Quyết định số 777/QĐ-BVHTTDL "
     "phê duyệt Đề án.", "777/QĐ-BVHTTDL", "Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch", "2023-04-05"),
    ("Thực hiện chỉ đạo, Ủy ban nhân dân tỉnh đã xây dựng và ban hành Kế hoạch số 10/KH-UBND ngày 02/02/2024.",
     "10/KH-UBND", "Ủy ban nhân dân tỉnh", "2024-02-02"),
    ("Thủ tướng Chính phủ giao Bộ Tài chính ban hành Thông tư số 21/2023/TT-BTC hướng dẫn thực hiện.",
     "21/2023/TT-BTC", "Bộ Tài chính", None),
])
def test_the_subject_of_the_sentence_issues_its_object(text, number, issuer, date):
    m = _one(text, number)
    assert (m.issuer, m.date) == (issuer, date)


@pytest.mark.parametrize("text, numbers, issuer", [
    ("Sở Giáo dục và Đào tạo đã ban hành Công văn số 101/SGDĐT-GDTH ngày 02/01/2024 và Công văn số "
     "102/SGDĐT-GDTH ngày 05/01/2024 về tổ chức dạy học.", ("101/SGDĐT-GDTH", "102/SGDĐT-GDTH"), "Sở Giáo dục và Đào tạo"),
    ("Ủy ban nhân dân huyện đã ban hành Quyết định số 7/QĐ-UBND ngày 02/01/2024, Quyết định số 9/QĐ-UBND "
     "ngày 09/01/2024 và Kế hoạch số 3/KH-UBND.", ("7/QĐ-UBND", "9/QĐ-UBND", "3/KH-UBND"), "Ủy ban nhân dân huyện"),
])
def test_every_object_of_the_subject_s_verb_is_its(text, numbers, issuer):
    assert [_one(text, n).issuer for n in numbers] == [issuer] * len(numbers)


def test_a_citation_after_a_subject_s_own_clause_is_not_its():
    text = ("Sở Y tế đã ban hành Kế hoạch số 5/KH-SYT ngày 02/01/2024 triển khai Quyết định số 12/QĐ-UBND "
            "ngày 01/01/2024.")
    assert _one(text, "12/QĐ-UBND").issuer is None


@pytest.mark.parametrize("text, numbers, issuer", [
    ("Căn cứ các Quyết định của Ủy ban nhân dân tỉnh: số 12/QĐ-UBND ngày 02/01/2024 về giao chỉ tiêu; "
     "số 34/QĐ-UBND ngày 05/02/2024 về điều chỉnh chỉ tiêu;", ("12/QĐ-UBND", "34/QĐ-UBND"), "Ủy ban nhân dân tỉnh"),
    ("Căn cứ các Nghị quyết của Hội đồng nhân dân huyện : số 08/NQ-HĐND, số 09/NQ-HĐND ngày 20/12/2023;",
     ("08/NQ-HĐND", "09/NQ-HĐND"), "Hội đồng nhân dân huyện"),
])
def test_a_list_s_issuer_before_a_colon_is_every_number_s(text, numbers, issuer):
    assert [_one(text, n).issuer for n in numbers] == [issuer] * len(numbers)


@pytest.mark.parametrize("text, number, issuer", [
    ("Căn cứ Thông tư số 05/2024/TT-BYT ngày 01/3/2024 của Bộ Y tế sửa đổi, bổ sung một số điều của Thông tư số "
     "12/2020/TT-BYT;", "05/2024/TT-BYT", "Bộ Y tế"),
    ("Căn cứ Quyết định số 88/QĐ-TTg ngày 01/3/2024 của Thủ tướng Chính phủ bổ sung danh mục dự án;",
     "88/QĐ-TTg", "Thủ tướng Chính phủ"),
    ("Thực hiện Kế hoạch số 14/KH-BCĐ ngày 01/3/2024 của Ban Chỉ đạo Thi hành án dân sự tỉnh, Ủy ban nhân "
     "dân huyện xây dựng kế hoạch như sau:", "14/KH-BCĐ", "Ban Chỉ đạo Thi hành án dân sự tỉnh"),
    ("Thực hiện Công văn số 20/UBND-VX ngày 01/3/2024 của Ủy ban nhân dân tỉnh chỉ đạo các ngành triển khai;",
     "20/UBND-VX", "Ủy ban nhân dân tỉnh"),
])
def test_an_issuer_ends_before_the_verb_that_follows_it(text, number, issuer):
    assert _one(text, number).issuer == issuer


@pytest.mark.parametrize("text, number, issuer", [
    ("Thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng;",
     "05-CT/TW", "Bộ Chính trị"),
    ("Căn cứ Quy định số 08-QĐi/TW ngày 25 tháng 10 năm 2018 Ban Chấp hành Trung ương về trách nhiệm nêu gương;",
     "08-QĐi/TW", "Ban Chấp hành Trung ương"),
    ("Căn cứ Nghị quyết số 19-NQ/TW ngày 16/6/2022 của Hội nghị lần thứ năm Ban Chấp hành Trung ương về nông "
     "nghiệp;", "19-NQ/TW", "Ban Chấp hành Trung ương"),
    ("Thực hiện Nghị quyết số 18-NQ/TW ngày 25/10/2017 Hội nghị lần thứ 6 Ban Chấp hành Trung ương Đảng khóa XII "
     "“Một số vấn đề về tiếp tục đổi mới”;", "18-NQ/TW", "Ban Chấp hành Trung ương Đảng khóa XII"),
])
def test_a_body_right_after_the_date_is_the_issuer(text, number, issuer):
    assert _one(text, number).issuer == issuer


@pytest.mark.parametrize("text, number", [
    ("Thực hiện Kế hoạch số 12/KH-UBND ngày 02/01/2024 trên địa bàn tỉnh;", "12/KH-UBND"),
    ("Thực hiện Kế hoạch số 12/KH-UBND ngày 02/01/2024 nhằm triển khai Chương trình;", "12/KH-UBND"),
])
def test_words_after_the_date_that_name_no_body_are_no_issuer(text, number):
    assert _one(text, number).issuer is None


@pytest.mark.parametrize("lines, issuer", [
    (["Theo đề nghị của Sở Nội vụ tại", "Tờ trình số 77/TTr-SNV ngày 04/3/2024."], "Sở Nội vụ"),
    (["Xét đề nghị của Ban", "Dân tộc tỉnh tại Tờ trình số 12/TTr-BDT ngày 04/3/2024."], "Ban Dân tộc tỉnh"),
])
def test_a_proposal_ending_with_a_full_stop_keeps_its_proposer(tmp_path, lines, issuer):
    refs = _refs(tmp_path, HEADER + "\n".join(lines) + "\nQUYẾT ĐỊNH:\n")
    number = next(k for k in refs if k and "/TTr-" in k)
    assert refs[number].issuer == issuer


# ---------------------------------------------------------------- names of documents


@pytest.mark.parametrize("text, title, date", [
    ("Năm học này triển khai Luật Giáo dục näm 2019 và các văn bản hướng dẫn.", "Luật Giáo dục", "2019"),
    ("Căn cứ Luật Trẻ em näm 2016;", "Luật Trẻ em", "2016"),
    ("Thực hiện Luật Phòng, chống thiên tai ngày 19 tháng 6 näm 2013;", "Luật Phòng, chống thiên tai", "2013-06-19"),
])
def test_a_breve_damaged_into_a_diaeresis_still_writes_the_year(text, title, date):
    assert [(m.title, m.date) for m in find_references(text)] == [(title, date)]


@pytest.mark.parametrize("text, title, issuer", [
    ("Thực hiện Kế hoạch của Ủy ban nhân dân tỉnh về việc tổ chức Ngày hội đọc sách năm 2024 tại Nhà văn hóa tỉnh;",
     "Kế hoạch của Ủy ban nhân dân tỉnh về việc tổ chức Ngày hội đọc sách năm 2024 tại Nhà văn hóa tỉnh",
     "Ủy ban nhân dân tỉnh"),
    ("Căn cứ kế hoạch Phòng Giáo dục và Đào tạo huyện Cái Bè về việc tổ chức hội thi giáo viên dạy giỏi năm học "
     "2024-2025.", "Kế hoạch Phòng Giáo dục và Đào tạo huyện Cái Bè về việc tổ chức hội thi giáo viên dạy giỏi "
     "năm học 2024-2025", "Phòng Giáo dục và Đào tạo huyện Cái Bè"),
    ("- Căn cứ Chương trình của Ban Thường vụ Huyện ủy về phát triển du lịch giai đoạn 2021-2025;",
     "Chương trình của Ban Thường vụ Huyện ủy về phát triển du lịch giai đoạn 2021-2025", "Ban Thường vụ Huyện ủy"),
])
def test_an_instrument_named_by_its_issuer_and_subject_is_named_whole(text, title, issuer):
    assert [(m.title, m.issuer) for m in find_references(text)] == [(title, issuer)]


def test_an_instrument_named_by_its_issuer_stops_at_the_next_citation():
    text = "Căn cứ Kế hoạch của UBND tỉnh về tổ chức Hội khỏe Phù Đổng; Kế hoạch số 5/KH-UBND ngày 01/02/2024;"
    found = [(m.title, m.number) for m in find_references(text)]
    assert found == [("Kế hoạch của UBND tỉnh về tổ chức Hội khỏe Phù Đổng", None), (None, "5/KH-UBND")]
