"""Classes of phrasing first met in blind batch D, each on variants written for the test (never a
document's own sentence).

Targets: several value-last targets on one line, each closing its clause before the next one's verb
("… xuống dưới 120/100.000 người dân, giảm số Y …"), with the whole a share is of ("… dưới 5% trong
tổng số Y"); a value pair without a rate noun ("X đạt 54% vào năm 2015 và 56% vào năm 2020"); the
typewriter per-mille ("0,5%0", "0,3%o") after "hàng năm".

References: a symbol ending in a code whose last letter is lower case ("QĐTTg") is no lost space; a
drafting unit glued to a symbol by a dot ("TTr-PGD.Q8"); two spellings of one number, one without its
dash, are one record; a law "của" bodies other than the lawgiver names its object, not its issuer; a
basis ("Căn cứ ...") hard-wrapped before a capital is one paragraph; a type code glued to its number
("48Ctr/HĐĐH", its dash lost); minutes named as a basis ("Căn cứ biên bản ...").

Sections: a subject line "V/V BAN HÀNH ..." is no section V; a resolution without articles
("QUYẾT NGHỊ:" then what it resolves) has its Roman sections; an article misspelt "Điếu 1." sets out
its content's sections like "Điều 1.".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.fields.docnumbers import find_numbers, parse_number
from extractor.fields.numbers import find_quantities
from extractor.fields.references import extract_references, find_references
from extractor.fields.targets import find_targets
from extractor.lost_spaces import split_point
from extractor.pipeline import build_doc

HEADER = ("ỦY BAN NHÂN DÂN HUYỆN AN PHÚ\n\nSố: 12/QĐ-UBND\n\nAn Phú, ngày 05 tháng 3 năm 2024\n\n"
          "QUYẾT ĐỊNH\n\nVề việc ban hành Kế hoạch phòng, chống thiên tai năm 2024\n\n")


def _doc(tmp_path: Path, text: str):
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    return build_doc(path)


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


# ---------------------------------------------------------------- symbols as written


@pytest.mark.parametrize("word", ["QĐTTg", "QĐTTr", "BCĐg", "NQTTg"])
def test_a_code_ending_in_lower_case_is_no_lost_space(word):
    assert split_point(word) == 0


@pytest.mark.parametrize("word, at", [("UBNDtỉnh", 4), ("SGDĐTvà", 5), ("HĐNDhuyện", 4)])
def test_a_code_run_into_a_word_still_is(word, at):
    assert split_point(word) == at


def test_a_symbol_missing_its_hyphen_is_cited_as_written(tmp_path):
    text = HEADER + "Căn cứ Quyết định 1600/QĐTTg, Quyết định 1980/QĐ-TTg của Thủ tướng Chính phủ;\n"
    numbers = [r.number for r in extract_references(_doc(tmp_path, text))]
    assert numbers == ["1600/QĐTTg", "1980/QĐ-TTg"]


@pytest.mark.parametrize("text, number", [
    ("(Tờ trình số 215/TTr-PGD.Q3 ngày 02 tháng 5 năm 2019)", "215/TTr-PGD.Q3"),
    ("Căn cứ Kế hoạch số 17/KH-THCS.LH của Trường THCS Long Hòa;", "17/KH-THCS.LH"),
    ("Thực hiện Công văn số 88/UBND.VX ngày 12/3/2020 của UBND huyện;", "88/UBND.VX"),
])
def test_a_drafting_unit_glued_by_a_dot_belongs_to_the_symbol(text, number):
    (m,) = find_references(text)
    assert m.number == number


@pytest.mark.parametrize("text, number", [
    ("theo Kế hoạch số 12/KH-UBND.Căn cứ tình hình", "12/KH-UBND"),
    ("theo Kế hoạch số 12/KH-UBND. Căn cứ tình hình", "12/KH-UBND"),
    ("theo Kế hoạch số 12/KH-UBND.QUYẾT ĐỊNH", "12/KH-UBND"),
])
def test_a_sentence_after_a_dot_is_no_drafting_unit(text, number):
    ((_, _, n),) = find_numbers(text)
    assert n.canonical == number


def test_a_drafting_unit_names_no_other_body():
    n = parse_number("215/TTr-PGD.Q3")
    assert n is not None and (n.type_code, n.issuer_code) == ("TTr", "PGD")


@pytest.mark.parametrize("first, second", [
    ("Nghị quyết số 15/NQHĐND ngày 09/12/2023", "Nghị quyết số 15/NQ-HĐND"),
    ("Kế hoạch số 40/KH-UBND ngày 02/02/2024", "Kế hoạch số 40/KHUBND ngày 02/02/2024"),
])
def test_two_spellings_of_one_number_are_one_record(tmp_path, first, second):
    text = HEADER + f"Căn cứ {first} của Hội đồng nhân dân huyện;\n\nThực hiện {second};\n"
    refs = extract_references(_doc(tmp_path, text))
    assert [r.number for r in refs] == [max((first.split()[3], second.split()[3]), key=lambda n: n.count("-"))]
    assert len(refs[0].mentions) == 2


def test_two_numbers_differing_in_more_than_a_dash_stay_two(tmp_path):
    text = HEADER + "Căn cứ Nghị quyết số 15/NQ-HĐND;\n\nThực hiện Nghị quyết số 15/NQ-HĐND-KT;\n"
    assert len(extract_references(_doc(tmp_path, text))) == 2


@pytest.mark.parametrize("text, number, doc_type", [
    ("Căn cứ chương trình số 25Ctr/HĐĐ ngày 2/10/2023 của Hội đồng Đội huyện;", "25CTr/HĐĐ", "Chương trình"),
    ("Thực hiện Chỉ thị số 15CT/TU ngày 05/01/2024 của Ban Thường vụ Tỉnh ủy;", "15CT/TU", "Chỉ thị"),
    ("Căn cứ Chỉ thị số 15-CT/TU ngày 05/01/2024 của Ban Thường vụ Tỉnh ủy;", "15-CT/TU", "Chỉ thị"),
])
def test_a_type_code_glued_to_its_number_is_kept_as_written(text, number, doc_type):
    (m,) = find_references(text)
    assert (m.number, m.doc_type) == (number, doc_type)


@pytest.mark.parametrize("text, title, date", [
    ("Căn cứ biên bản Đại hội Hội Nông dân xã lần thứ X ngày 14 tháng 6 năm 2023;",
     "Biên bản Đại hội Hội Nông dân xã lần thứ X", "2023-06-14"),
    ("Căn cứ Biên bản họp Hội đồng thi đua khen thưởng ngày 05/3/2024;", "Biên bản họp Hội đồng thi đua khen thưởng",
     "2024-03-05"),
])
def test_minutes_named_as_a_basis_are_cited(text, title, date):
    (m,) = find_references(text)
    assert (m.doc_type, m.title, m.date) == ("Biên bản", title, date)


def test_minutes_a_task_draws_up_are_no_citation():
    assert find_references("Các đoàn kiểm tra lập biên bản xử lý vi phạm về an toàn thực phẩm.") == []


# ---------------------------------------------------------------- laws of bodies


@pytest.mark.parametrize("text, title, date", [
    ("Căn cứ Luật Ban hành văn bản quy phạm pháp luật của HĐND, UBND ngày 03 tháng 12 năm 2004;",
     "Luật Ban hành văn bản quy phạm pháp luật của HĐND, UBND", "2004-12-03"),
    ("Căn cứ Luật Ban hành văn bản quy phạm pháp luật của Hội đồng nhân dân và Ủy ban nhân dân ngày 03/12/2004;",
     "Luật Ban hành văn bản quy phạm pháp luật của Hội đồng nhân dân và Ủy ban nhân dân", "2004-12-03"),
])
def test_a_law_of_bodies_names_them_in_its_title(text, title, date):
    (m,) = find_references(text)
    assert (m.title, m.date, m.issuer) == (title, date, None)


@pytest.mark.parametrize("text, title, issuer", [
    ("Căn cứ Luật Ngân sách nhà nước của Quốc hội ngày 25/6/2015;", "Luật Ngân sách nhà nước", "Quốc hội"),
    ("Căn cứ Luật Đầu tư công của Quốc hội khóa XIV;", "Luật Đầu tư công", "Quốc hội khóa XIV"),
])
def test_a_law_of_the_lawgiver_names_its_issuer(text, title, issuer):
    (m,) = find_references(text)
    assert (m.title, m.issuer) == (title, issuer)


# ---------------------------------------------------------------- a basis wrapped before a capital


@pytest.mark.parametrize("lines, title", [
    (["Căn cứ Luật Tổ chức Hội đồng", "Nhân dân và Ủy ban Nhân dân ngày 26 tháng 11 năm 2003;"],
     "Luật Tổ chức Hội đồng Nhân dân và Ủy ban Nhân dân"),
    (["Căn cứ Luật Bảo vệ và", "Phát triển rừng ngày 03 tháng 12 năm 2004;"], "Luật Bảo vệ và Phát triển rừng"),
    (["- Căn cứ Nghị định số 23/2006/NĐ-CP ngày 03/3/2006 của Chính phủ về thi hành Luật Bảo vệ và",
      "Phát triển rừng;"], None),
])
def test_a_basis_wrapped_before_a_capital_is_one_paragraph(tmp_path, lines, title):
    text = HEADER + "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN\n" + "\n".join(lines) + "\nQUYẾT ĐỊNH:\n"
    doc = _doc(tmp_path, text)
    assert " ".join(lines) in [p.text for p in doc.paragraphs]
    if title:
        assert title in [r.title for r in extract_references(doc)]


@pytest.mark.parametrize("lines", [
    ["Thực hiện Kế hoạch số 12/KH-UBND ngày 02/01/2024 của UBND tỉnh", "Ủy ban nhân dân huyện xây dựng Kế hoạch như sau:"],
    ["Căn cứ Quyết định số 45/QĐ-UBND ngày 02/01/2024 của UBND tỉnh,", "Ủy ban nhân dân huyện giao các chỉ tiêu;"],
    ["Căn cứ Luật Phòng, chống thiên tai ngày 19/6/2013", "Căn cứ Nghị định số 66/2021/NĐ-CP;"],
    ["Căn cứ Luật Phòng, chống thiên tai ngày 19/6/2013", "", "Ủy ban nhân dân huyện giao các chỉ tiêu;"],
])
def test_a_basis_stops_before_a_sentence_of_its_own(tmp_path, lines):
    text = HEADER + "\n".join(lines) + "\n"
    texts = [p.text for p in _doc(tmp_path, text).paragraphs]
    assert lines[0] in texts and lines[-1] in texts


# ---------------------------------------------------------------- sections of decisions


RESOLUTION = ("HỘI ĐỒNG NHÂN DÂN HUYỆN AN PHÚ\n\nSố: 03/2024/NQ-HĐND\n\nAn Phú, ngày 10 tháng 01 năm 2024\n\n"
              "NGHỊ QUYẾT\n\nVỀ NHIỆM VỤ KINH TẾ - XÃ HỘI NĂM 2024\n\nHỘI ĐỒNG NHÂN DÂN HUYỆN AN PHÚ\n\n"
              "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n\nQUYẾT NGHỊ:\n\n")


@pytest.mark.parametrize("subject", [
    "V/V BAN HÀNH KẾ HOẠCH PHÒNG, CHỐNG DỊCH BỆNH GIA SÚC NĂM 2024",
    "V/v ban hành Kế hoạch phòng, chống dịch bệnh gia súc năm 2024",
])
def test_a_subject_line_is_no_section_v(tmp_path, subject):
    text = HEADER.replace("Về việc ban hành Kế hoạch phòng, chống thiên tai năm 2024", subject) + (
        "Căn cứ Luật Thú y ngày 19/6/2015;\n\nQUYẾT ĐỊNH:\n\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch.\n")
    doc = _doc(tmp_path, text)
    assert [s.number for s in doc.outline.sections] == []


@pytest.mark.parametrize("lines", [
    ["Nhất trí với báo cáo của Thường trực Hội đồng nhân dân huyện.", "Hội đồng nhân dân huyện nhấn mạnh:"],
    ["Thông qua các chỉ tiêu chủ yếu năm 2024 như sau:"],
])
def test_a_resolution_without_articles_has_its_sections(tmp_path, lines):
    text = RESOLUTION + "\n\n".join(lines) + ("\n\nI. ĐÁNH GIÁ TÌNH HÌNH NĂM 2023:\n\nNăm 2023, kinh tế tăng trưởng khá."
                                              "\n\nII. NHIỆM VỤ NĂM 2024\n\nTập trung phát triển kinh tế.\n")
    sections = _doc(tmp_path, text).outline.sections
    assert [(s.number, s.title) for s in sections] == [("I", "ĐÁNH GIÁ TÌNH HÌNH NĂM 2023"), ("II", "NHIỆM VỤ NĂM 2024")]


@pytest.mark.parametrize("article", ["Điếu 1.", "Điêu 1.", "Điều 1."])
def test_an_article_with_a_slipped_tone_sets_out_its_sections(tmp_path, article):
    text = RESOLUTION + (f"{article} Thông qua Đề án phát triển giáo dục với những nội dung chính như sau:\n\n"
                         "I. MỤC TIÊU\n\n1. Mục tiêu tổng quát\n\nNâng cao chất lượng giáo dục.\n\n"
                         "II. GIẢI PHÁP\n\nTăng cường đầu tư.\n\nĐiều 2. Tổ chức thực hiện\n\nGiao UBND huyện.\n")
    sections = _doc(tmp_path, text).outline.sections
    assert [(s.number, s.title) for s in sections] == [("I", "MỤC TIÊU"), ("II", "GIẢI PHÁP")]


@pytest.mark.parametrize("lines", [
    ["Căn cứ Luật Tổ chức chính", "quyền địa phương ngày 19/6/2015; Luật sửa đổi, bổ sung một số điều của Luật Tổ",
     "chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22/11/2019;"],
    ["Theo đề nghị của Sở Y tế tại", "Tờ trình số 105/TTr-SYT ngày 27/4/2023."],
])
def test_a_basis_wrapped_in_a_text_with_a_blank_after_every_line(tmp_path, lines):
    """A web copy, or a DOCX whose paragraphs are the printed lines, puts a blank after every line:
    there a blank says nothing, and the basis is joined as in the text without blanks."""
    spaced = HEADER + "\n\n".join(lines) + "\n\nQUYẾT ĐỊNH:\n\nĐiều 1. Ban hành.\n"
    plain = HEADER + "\n".join(lines) + "\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành.\n"
    for text in (spaced, plain):
        assert " ".join(lines) in [p.text for p in _doc(tmp_path, text).paragraphs]
