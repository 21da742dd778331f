"""References the way real plans of any issuer write them (issue 10): every test is on variants
constructed here, never on a corpus document's own words."""

from __future__ import annotations

import gc
import time
from pathlib import Path

import pytest

from extractor.check import check_record
from extractor.fields.docnumbers import find_number_labels, number_key, parse_number
from extractor.fields.references import extract_references, find_references, resolve
from extractor.pipeline import build_doc, extract

HEADER = ("ỦY BAN NHÂN DÂN\nHUYỆN NAM TRÀ MY\n\nSố: {number}\n\nNam Trà My, ngày {date}\n\n{kind}\n"
          "{title}\n\n")


def plan(tmp_path: Path, body: str, number: str = "77/KH-UBND", date: str = "10 tháng 6 năm 2024",
         kind: str = "KẾ HOẠCH", title: str = "Phát triển giáo dục năm 2024", name: str = "plan.txt") -> Path:
    path = tmp_path / name
    path.write_text(HEADER.format(number=number, date=date, kind=kind, title=title) + body, "utf-8")
    return path


def refs_of(tmp_path: Path, body: str, **kw) -> dict:
    refs = extract_references(build_doc(plan(tmp_path, body, **kw)))
    return {r.number or r.title: r for r in refs}


def cited(text: str) -> list[tuple]:
    return [(r.doc_type, r.number, r.title, r.date, r.issuer) for r in find_references(text)]


def resolved(text: str) -> list[tuple]:
    return [(r.doc_type, r.number, r.title, r.date, r.issuer)
            for r in resolve([(m, None, False) for m in find_references(text)])]


# ---------------------------------------------------------------- the document's own number


@pytest.mark.parametrize("number_line, citing", [
    ("12/HD-SGDĐT", "Sở hướng dẫn các đơn vị thực hiện Hướng dẫn số 12/HD-SGDĐT như sau."),
    ("12/HD-SGDĐT", "Các đơn vị thực hiện theo Hướng dẫn số 12 /HD-SGDĐT này."),
    ("745/QĐ-UBND", "(Ban hành kèm theo Quyết định số 745/QD-UBND ngày 07/5/2024 của Chủ tịch UBND huyện)"),
])
def test_own_number_is_no_reference(tmp_path, number_line, citing):
    refs = refs_of(tmp_path, f"Căn cứ Luật Giáo dục ngày 14 tháng 6 năm 2019;\n\n{citing}\n", number=number_line)
    assert list(refs) == ["Luật Giáo dục"]


def test_the_same_number_of_another_date_is_another_document(tmp_path):
    """A commune's 12/KH-UBND of June citing the district's 12/KH-UBND of January."""
    refs = refs_of(tmp_path, "Thực hiện Kế hoạch số 12/KH-UBND ngày 05/01/2024 của UBND huyện Nam Trà My;\n\n"
                             "(Ban hành kèm theo Kế hoạch số 12/KH-UBND ngày 10/6/2024)\n", number="12/KH-UBND")
    assert [(r.number, r.date) for r in refs.values()] == [("12/KH-UBND", "2024-01-05")]


def test_own_number_labelled_in_a_flattened_header_or_a_portal_table(tmp_path):
    body = ("Quyết định 2210/QĐ-UBND năm 2024 về Kế hoạch phát triển du lịch do tỉnh Gia Lai ban hành\n\n"
            "| Số hiệu | 2210/QĐ-UBND |\n\n| Ngày ban hành | 05/3/2024 |\n\n"
            "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM | Số: 2210/QĐ-UBND | Gia Lai, ngày 05 tháng 3 năm 2024\n\n"
            "Căn cứ Nghị quyết số 82/NQ-CP ngày 18/5/2023 của Chính phủ về phục hồi du lịch;\n")
    path = tmp_path / "portal.txt"
    path.write_text(body, "utf-8")
    refs = extract_references(build_doc(path))
    assert [r.number for r in refs] == ["82/NQ-CP"]
    assert [n.canonical for _, _, n in find_number_labels("| Số hiệu | 2210/QĐ-UBND | S: 02 /HD-SVH")] == [
        "2210/QĐ-UBND", "02/HD-SVH"]


def test_an_annex_names_its_decision_but_a_plan_annexed_elsewhere_is_cited():
    assert cited("KẾ HOẠCH Phòng chống thiên tai (Kèm theo Quyết định số 45/QĐ-UBND ngày 3/3/2022 của UBND xã)") == []
    assert cited("Hội nghị tổ chức theo Kế hoạch ban hành kèm theo Quyết định số 45/QĐ-UBND ngày 3/3/2022.") == [
        ("Quyết định", "45/QĐ-UBND", None, "2022-03-03", None)]


def test_number_key_is_shared_by_spellings():
    assert number_key("745 /QĐ-UBND") == number_key("745/QD-UBND") == number_key("745/QÐ-UBND")


# ---------------------------------------------------------------- numbers as written


@pytest.mark.parametrize("written, canonical, doc_type", [
    ("15b/2019/NQ-CP", "15b/2019/NQ-CP", "Nghị quyết"),                 # a letter after the ordinal
    ("20a /KH-THTM", "20a/KH-THTM", "Kế hoạch"),
    ("46/2016NĐ-CP", "46/2016/NĐ-CP", "Nghị định"),                     # the slash after the year lost
    ("08/2020/TT – BGDĐT", "08/2020/TT-BGDĐT", "Thông tư"),            # a dash with spaces
    ("08/2020/TT—BGDĐT", "08/2020/TT-BGDĐT", "Thông tư"),
    ("12/QÐ-UBND", "12/QĐ-UBND", "Quyết định"),                          # U+00D0 for Đ
    ("123-TC/QĐ/KT", "123-TC/QĐ/KT", "Quyết định"),                      # an old form
    ("03/2015/TTLT/BTC-BNV", "03/2015/TTLT/BTC-BNV", "Thông tư liên tịch"),
    ("16/2013/TTLT-BYT-BNN&PTNT", "16/2013/TTLT-BYT-BNN&PTNT", "Thông tư liên tịch"),
    ("05-NQ/TƯ", "05-NQ/TƯ", "Nghị quyết"),                            # a party symbol in Vietnamese capitals
    ("179/2009/NQ-HND", "179/2009/NQ-HĐND", "Nghị quyết"),             # glyph loss dropped the Đ
])
def test_number_forms(written, canonical, doc_type):
    number = parse_number(written)
    assert (number.canonical, number.doc_type) == (canonical, doc_type)
    (r,) = find_references(f"Căn cứ văn bản số {written} ngày 02/3/2019 của cơ quan;")
    assert r.number == canonical


def test_number_glued_to_so_and_dates_glued_to_ngay():
    assert cited("Căn cứ Kế hoạch số1891/KH-PGDĐT, ngày 9/9/2022 về công tác bán trú;") == [
        ("Kế hoạch", "1891/KH-PGDĐT", None, "2022-09-09", None)]
    assert cited("Căn cứ Quyết định số 1203/QĐ-TTg ngày31/8/2012 của Thủ tướng Chính phủ;")[0][3] == "2012-08-31"
    assert cited("Căn cứ Nghị quyết số 20/2013/NQ-HĐND ngày 12tháng 7 năm 2013 của HĐND tỉnh;")[0][3] == "2013-07-12"


@pytest.mark.parametrize("written, iso", [
    ("ngày 05 tháng 8 năm 2016", "2016-08-05"), ("ngày 5/8/2016", "2016-08-05"), ("05-8-2016", "2016-08-05"),
    ("ngày 05.8.2016", "2016-08-05"), ("ngày 05 / 8 / 2016", "2016-08-05"), ("05 tháng 8 năm 2016", "2016-08-05"),
    ("ngày 05 tháng 8, năm 2016", "2016-08-05"), ("ban hành ngày 05/8/2016", "2016-08-05"),
    ("tháng 8 năm 2016", "2016-08"), ("tháng 8/2016", "2016-08"), ("ngy 05/8/2016", "2016-08-05"),
])
def test_dates_in_every_form(written, iso):
    (r,) = find_references(f"Thực hiện Công văn số 1234/SYT-NVY {written} của Sở Y tế tỉnh Bình Phước.")
    assert (r.date, r.issuer) == (iso, "Sở Y tế tỉnh Bình Phước")


# ---------------------------------------------------------------- short forms and party documents


def test_short_forms_keep_the_number_as_written():
    assert resolved("Căn cứ Quyết định số 15 ngày 3/4/2020 của UBND tỉnh về việc giao chỉ tiêu;") == [
        ("Quyết định", "15", None, "2020-04-03", "Ủy ban nhân dân tỉnh")]
    assert resolved("Căn cứ Nghị quyết số 36, khóa XII của BCH TW Đảng về phát triển kinh tế biển;") == [
        ("Nghị quyết", "36", None, None, "Ban Chấp hành Trung ương Đảng")]
    assert resolved("Hưởng ứng ngày ban hành Nghị quyết 09/TU - ngày 5/4 hàng năm.") == [
        ("Nghị quyết", "09/TU", None, None, None)]
    # a short form after the full number is that document; without "số" a bare ordinal stays a title
    assert [r[1] for r in resolved("Thực hiện Quyết định số 612/QĐ-BTTTT ngày 2/4/2023 (sau đây gọi là Quyết định "
                                   "số 612); Đề án 06 các cấp.")] == ["612/QĐ-BTTTT", None]
    assert cited("Báo cáo sơ kết trong 10 ngày; Quyết định số 15 ngày làm việc.") == []


def test_party_documents():
    text = ("Thực hiện Nghị quyết số 05-NQ/TW ngày 1/11/2016 của BCH TW Đảng (khóa XII); Chỉ thị số 17-CT/TW "
            "ngày 21/10/2022 của Ban Bí thư; Kế hoạch số 236-KH/TU ngày 11/01/2023 của BTV Tỉnh ủy; Kết luận số "
            "45-KL/TW ngày 01/02/2019 của Ban Bí thư Trung ương Đảng.")
    assert cited(text) == [
        ("Nghị quyết", "05-NQ/TW", None, "2016-11-01", "Ban Chấp hành Trung ương Đảng"),
        ("Chỉ thị", "17-CT/TW", None, "2022-10-21", "Ban Bí thư"),
        ("Kế hoạch", "236-KH/TU", None, "2023-01-11", "Ban Thường vụ Tỉnh ủy"),
        ("Kết luận", "45-KL/TW", None, "2019-02-01", "Ban Bí thư Trung ương Đảng"),
    ]


def test_joint_documents_name_all_their_issuers():
    assert cited("Căn cứ Thông tư liên tịch số 03/2015/TTLT/BTC-BNV ngày 1/2/2015 của Bộ trưởng Bộ Tài chính và "
                 "Bộ trưởng Bộ Nội vụ hướng dẫn thực hiện;")[0][4] == "Bộ trưởng Bộ Tài chính và Bộ trưởng Bộ Nội vụ"
    # named by the symbol alone when the text names none
    assert cited("Căn cứ Thông tư liên tịch số 16/2013/TTLT-BYT-BNN&PTNT ngày 27/5/2013;")[0][4] == (
        "Bộ Y tế và Bộ Nông nghiệp và Phát triển nông thôn")


# ---------------------------------------------------------------- laws and instruments by name


def test_laws_by_their_whole_title():
    text = ("Căn cứ Luật Phòng, chống thiên tai ngày 19/6/2013; Luật sửa đổi, bổ sung một số điều của Luật Ngân sách "
            "nhà nước và Luật Đầu tư công ngày 22 tháng 11 năm 2019; Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân "
            "dân năm 2003; Luật Bảo vệ và phát triển rừng; Luật Sửa đổi, bổ sung một số điều của Luật Thủy sản "
            "số 18/2023/QH15; Luật Tổ chức HĐND và UBND ngày 26/11/2003")
    assert [(r[1], r[2], r[3]) for r in cited(text)] == [
        (None, "Luật Phòng, chống thiên tai", "2013-06-19"),
        (None, "Luật sửa đổi, bổ sung một số điều của Luật Ngân sách nhà nước và Luật Đầu tư công", "2019-11-22"),
        (None, "Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân", "2003"),   # a year alone
        (None, "Luật Bảo vệ và phát triển rừng", None),                         # to ";"
        ("18/2023/QH15", "Luật Sửa đổi, bổ sung một số điều của Luật Thủy sản", None),  # the number kept
        (None, "Luật Tổ chức HĐND và UBND", "2003-11-26"),                      # as written, to the end
    ]


def test_a_law_title_stops_where_the_sentence_goes_on():
    assert [r[2] for r in cited("Tuyên truyền Luật Trẻ em, Luật Hôn nhân và gia đình, Luật Phòng, chống bạo lực "
                                "gia đình tới người dân và các văn bản hướng dẫn.")] == [
        "Luật Trẻ em", "Luật Hôn nhân và gia đình", "Luật Phòng, chống bạo lực gia đình"]
    assert [r[2] for r in cited("Căn cứ Luật Thủy sản ngày 21/11/2017 và Nghị định số 26/2019/NĐ-CP.")] == [
        "Luật Thủy sản", None]
    assert cited("Thực hiện Công ước của Liên hợp quốc về quyền của người khuyết tật và các văn bản pháp luật;") == [
        ("Công ước", None, "Công ước của Liên hợp quốc về quyền của người khuyết tật", None, None)]


def test_a_law_cited_by_title_and_by_number_is_one_document_unless_dates_differ(tmp_path):
    refs = refs_of(tmp_path, "Căn cứ Luật Thủy sản ngày 21 tháng 11 năm 2017;\n\n"
                             "Quốc hội đã ban hành Luật Thủy sản số 18/2017/QH14 (sau đây gọi là Luật).\n")
    assert list(refs) == ["18/2017/QH14"]
    assert (refs["18/2017/QH14"].date, refs["18/2017/QH14"].issuer) == ("2017-11-21", "Quốc hội")
    refs = refs_of(tmp_path, "Căn cứ Luật Thủy sản ngày 26 tháng 11 năm 2003;\n\n"
                             "Triển khai Luật Thủy sản số 18/2017/QH14.\n")
    assert sorted(refs) == ["18/2017/QH14", "Luật Thủy sản"]
    assert refs["18/2017/QH14"].issuer is None  # a law's issuer only as written


def test_words_run_together_are_split_again(tmp_path):
    refs = refs_of(tmp_path, "Căn cứ Luật Tổ chức Hội đồngnhân dân và Uỷban nhân dân ngày 26/11/2003;\n\n"
                             "Theo đề nghị của Sở Kế hoạchvà Đầu tư tại Tờ trình số 26/TTr-SKHĐT ngày 3/5/2024.\n")
    assert refs["Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân"].date == "2003-11-26"  # the normaliser splits
    assert refs["26/TTr-SKHĐT"].issuer == "Sở Kế hoạch và Đầu tư"


@pytest.mark.parametrize("text, title", [
    ("Căn cứ Chiến lược phát triển giáo dục Việt Nam đến năm 2030, tầm nhìn đến năm 2045;",
     "Chiến lược phát triển giáo dục Việt Nam đến năm 2030, tầm nhìn đến năm 2045"),
    ("- Căn cứ Kế hoạch thực hiện nhiệm vụ năm học 2024-2025;", "Kế hoạch thực hiện nhiệm vụ năm học 2024-2025"),
    ("Thực hiện Nghị quyết Đại hội Đảng bộ huyện Hoằng Hóa lần thứ XXV, nhiệm kỳ 2020-2025;",
     "Nghị quyết Đại hội Đảng bộ huyện Hoằng Hóa lần thứ XXV"),
    ("Căn cứ Quy hoạch tỉnh Quảng Nam thời kỳ 2021-2030, tầm nhìn đến năm 2050;",
     "Quy hoạch tỉnh Quảng Nam thời kỳ 2021-2030, tầm nhìn đến năm 2050"),
    ("Thực hiện Chương trình hành động quốc gia về phòng, chống ma túy, giai đoạn 2021-2025, nhằm giảm cung.",
     "Chương trình hành động quốc gia về phòng, chống ma túy, giai đoạn 2021-2025"),
])
def test_instruments_named_without_their_decision(text, title):
    assert [r[2] for r in cited(text)] == [title]


def test_named_instruments_in_a_list_of_citations():
    text = ("Để thực hiện nhiệm vụ được giao tại Nghị quyết số 03/NQ-CP ngày 6/1/2024 của Chính phủ và triển khai "
            "đồng bộ, hiệu quả Chiến lược phát triển thể thao Việt Nam đến năm 2030, các chương trình liên quan;")
    assert [r[1] or r[2] for r in cited(text)] == ["03/NQ-CP", "Chiến lược phát triển thể thao Việt Nam đến năm 2030"]
    text = ("Thực hiện Nghị quyết Đại hội Đảng các cấp và Nghị quyết Đại hội Đảng bộ phường An Khê lần thứ XIII;")
    assert [r[2] for r in cited(text)] == ["Nghị quyết Đại hội Đảng bộ phường An Khê lần thứ XIII"]


@pytest.mark.parametrize("text", [
    "Để triển khai các Chương trình, đề án, kế hoạch về dân số và các văn bản hướng dẫn của Bộ Y tế;",  # generic
    "Thực hiện Kế hoạch hành động của ngành;",                          # a kind of document, no name
    "TRIỂN KHAI THỰC HIỆN CHIẾN LƯỢC QUỐC GIA BẢO ĐẢM AN TOÀN GIAO THÔNG ĐẾN NĂM 2030",  # a heading
    "Căn cứ tình hình thực tế, UBND tỉnh ban hành Kế hoạch thực hiện Chiến lược Dân số tỉnh Hà Giang đến năm 2030.",
    "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thực hiện Chiến lược quốc gia về bình đẳng giới.",
    "UBND huyện ban hành Kế hoạch thực hiện Chương trình trên địa bàn huyện giai đoạn 2021-2025 như sau:",
])
def test_names_that_are_no_citation(text):
    # a name with a locality is the province's or district's own plan, named by what it implements
    assert cited(text) == []


def test_an_instrument_a_cited_decision_approves_is_its_content(tmp_path):
    body = ("Căn cứ Quyết định số 2020/QĐ-TTg ngày 1/12/2020 của Thủ tướng Chính phủ về việc phê duyệt Chiến lược "
            "quốc gia phòng, chống tác hại của thuốc lá đến năm 2030;\n\n"
            "Thực hiện Chiến lược quốc gia về phòng, chống tác hại của thuốc lá đến năm 2030, UBND huyện ban hành "
            "Kế hoạch như sau:\n\n"
            "Thực hiện Chiến lược Dân số Việt Nam đến năm 2030;\n\n"
            "I. NHIỆM VỤ\n\n- Thực hiện Chương trình Sức khỏe Việt Nam đến năm 2030 tại các xã.\n")
    # the plan's own title names what it implements, and a task in a section names no basis: neither
    # is a reference; a named instrument in the preamble is, and a cited decision's content is not
    refs = refs_of(tmp_path, body, title="Thực hiện Chiến lược Dân số Việt Nam đến năm 2030 trên địa bàn huyện")
    assert sorted(refs) == ["2020/QĐ-TTg", "Chiến lược Dân số Việt Nam đến năm 2030"]
    assert len(refs["Chiến lược Dân số Việt Nam đến năm 2030"].mentions) == 1


# ---------------------------------------------------------------- issuers


@pytest.mark.parametrize("text, issuer", [
    ("Căn cứ Quyết định số 88/QĐ-BGDĐT ngày 2/3/2022 của Bộ Giáo dục Đào tạo về việc ban hành quy chế;",
     "Bộ Giáo dục và Đào tạo"),                                          # a word left out: the symbol's body
    ("Căn cứ Thông tư số 05/2021/TT-BTNMT ngày 2/3/2021 của Bộ trưởng Bộ Tài nguyên và Môi trưởng hướng dẫn;",
     "Bộ trưởng Bộ Tài nguyên và Môi trường"),                           # a misspelling, the office kept
    ("Căn cứ Quyết định số 12/QĐ-UBND ngày 2/3/2022 của UBND huyện Tiên Phước công bố danh mục thủ tục;",
     "Ủy ban nhân dân huyện Tiên Phước"),                                # the locality ends the name
    ("Căn cứ Nghị quyết số 31/NQ-CP ngày 3/3/2021 của Chính phủ việc ban hành Chương trình hành động;",
     "Chính phủ"),
    ("Căn cứ Nghị quyết số 29/NQ-TW ngày 4/11/2013 của BCH TW Đảng vể đổi mới giáo dục;",
     "Ban Chấp hành Trung ương Đảng"),
    ("Theo đề nghị của Giám đốc Sở Văn hóa, Thể thao và Du lịch tại Tờ trình số 55/TTr-SVHTTDL ngày 2/3/2022;",
     "Giám đốc Sở Văn hóa, Thể thao và Du lịch"),                       # written before the citation
    ("Xét đề nghị của Sở Nông nghiệp và PTNT (cơ quan thường trực) tại Tờ trình số 350/TTr-SNN ngày 2/3/2022;",
     "Sở Nông nghiệp và Phát triển nông thôn"),
    ("UBND huyện đã ban hành Quyết định số 685/QĐ-UBND ngày 21/3/2022 chọn ngày 26/3 là ngày chuyển đổi số.",
     "Ủy ban nhân dân huyện"),
    ("Căn cứ Kế hoạch số 52/KH-UBND ngày 2/3/2022 của Ủy ban nhân dân Tỉnh Bắc Kạn;", "Ủy ban nhân dân tỉnh Bắc Kạn"),
])
def test_issuers_as_the_conventions_write_them(text, issuer):
    assert cited(text)[0][4] == issuer


def test_an_issuer_cut_off_after_its_office_takes_the_symbols_body():
    assert cited("Căn cứ Quyết định số 2457/QĐ-BGDĐT ngày 23/8/2023 của Bộ trưởng")[0][4] == (
        "Bộ trưởng Bộ Giáo dục và Đào tạo")


# ---------------------------------------------------------------- findings from the plan alone


def mismatches(path: Path) -> list:
    return [f for f in extract(path).findings if f.code == "reference_mismatch"]


def test_a_date_that_contradicts_the_year_in_the_number(tmp_path):
    (f,) = mismatches(plan(tmp_path, "Căn cứ Thông tư số 32/2018/TT-BGDĐT ngày 26/12/2019 của Bộ Giáo dục và Đào tạo;\n"))
    assert f.number == "32/2018/TT-BGDĐT" and "2018" in f.message_en and "2019-12-26" in f.message_en
    assert "năm trong số hiệu" in f.message_vi and "32/2018" in f.evidence[0].text
    assert not mismatches(plan(tmp_path, "Căn cứ Thông tư số 32/2018/TT-BGDĐT ngày 26/12/2018 của Bộ GDĐT;\n"))


def test_one_document_cited_with_two_dates(tmp_path):
    body = ("Căn cứ Chỉ thị số 08-CT/TW ngày 21/10/2021 của Ban Bí thư về tăng cường công tác;\n\n"
            "Căn cứ Kế hoạch số 15-KH/TU ngày 11/01/2022 của Ban Thường vụ Tỉnh ủy triển khai Chỉ thị số 08-CT/TW "
            "ngày 21/10/2022 của Ban Bí thư;\n")
    (f,) = mismatches(plan(tmp_path, body))
    assert f.number == "08-CT/TW" and "2021-10-21" in f.message_en and "2022-10-21" in f.message_en
    assert "hai ngày khác nhau" in f.message_vi and len(f.evidence) == 2
    assert {e.text.count("08-CT/TW") for e in f.evidence} == {1}
    # a year alone agrees with a full date of that year; two full dates after it still disagree
    body = ("Căn cứ Chỉ thị số 08-CT/TW năm 2021 của Ban Bí thư;\n\nThực hiện Chỉ thị số 08-CT/TW ngày 21/10/2021 "
            "và Kế hoạch số 15-KH/TU ngày 11/01/2022 về Chỉ thị số 08-CT/TW ngày 12/10/2021 của Ban Bí thư;\n")
    (f,) = mismatches(plan(tmp_path, body))
    assert "2021-10-21 and 2021-10-12" in f.message_en


def test_a_cited_date_after_the_plans_own(tmp_path):
    body = ("Căn cứ Quyết định số 100/QĐ-UBND ngày 02/3/2024 của UBND tỉnh;\n\n"
            "Căn cứ Quyết định số 200/QĐ-UBND ngày 15/3/2023 của UBND tỉnh;\n\n"
            "Căn cứ Quyết định số 300/QĐ-UBND ngày 20/4/2023 của UBND tỉnh;\n")
    (f,) = mismatches(plan(tmp_path, body, date="10 tháng 01 năm 2024"))
    assert f.number == "100/QĐ-UBND" and "later than this document's own date (2024-01-10)" in f.message_en
    assert "sau ngày của chính văn bản này" in f.message_vi and len(f.evidence) == 2
    # when most cited documents postdate the plan, its own date is the one in doubt; so with one
    assert not mismatches(plan(tmp_path, body, date="10 tháng 01 năm 2023"))
    assert not mismatches(plan(tmp_path, "Căn cứ Quyết định số 100/QĐ-UBND ngày 02/3/2024 của UBND tỉnh;\n",
                               date="10 tháng 01 năm 2024"))


def test_the_registry_rule_does_not_repeat_the_plans_finding(tmp_path):
    path = plan(tmp_path, "Căn cứ Nghị định số 56/2017/NĐ-CP ngày 09/5/2018 của Chính phủ quy định chi tiết;\n")
    found = [f for f in check_record(extract(path)).findings if f.code == "reference_mismatch"]
    assert [f.number for f in found] == ["56/2017/NĐ-CP"]
    assert found[0].rule == "check.rules.references.cited_dates"


# ---------------------------------------------------------------- speed


def _seconds(text: str, runs: int = 7) -> float:
    """The best of ``runs`` timings (the least disturbed by other work on the machine), collector off."""
    best = float("inf")
    gc.disable()
    try:
        for _ in range(runs):
            start = time.perf_counter()
            find_references(text)
            best = min(best, time.perf_counter() - start)
    finally:
        gc.enable()
    return best


def test_reading_citations_is_linear_in_the_paragraph():
    """Doubling a paragraph of citations at most about doubles the time (2.5x allowed per doubling;
    a doubling over the bound is timed again, twice at most, as a busy machine can slow one run)."""
    unit = ("Căn cứ Quyết định số 782/QĐ-TTg ngày 27/5/2021 của Thủ tướng Chính phủ về việc phê duyệt Chương "
            "trình; Luật Phòng, chống thiên tai năm 2013, Luật Trẻ em và Chiến lược Dân số Việt Nam đến năm 2030, "
            "theo 1665/QĐ-TTg và Nghị quyết số 29 của BCH TW Đảng, Kế hoạch số 12/KH-UBND ngày 2/3/2022 của UBND "
            "huyện Đại Lộc, số 13/KH-UBND, Chỉ thị số 17-CT/TW của Ban Bí thư ")
    assert len(find_references(unit)) == 9
    sizes = [unit * (16 << k) for k in range(4)]
    for small, large in zip(sizes, sizes[1:]):
        ratios = []
        for _ in range(3):
            ratios.append(_seconds(large) / _seconds(small))
            if ratios[-1] < 2.5:
                break
        assert min(ratios) < 2.5, ratios
