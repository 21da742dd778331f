"""Classes of citation first met in blind batch C, each on variants written for the test: a legal
website's related-documents list, the document's own number in its prose, citations cut by the end
of the text, words that are no titles, laws named in lower case, instruments named as what is
implemented or reached, and issuers only as named."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.fields.references import extract_references, find_references, site_listing
from extractor.normalise import normalise
from extractor.pipeline import build_doc

HEADER = ("ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 45/KH-UBND | Bình An, ngày 10 tháng 6 "
          "năm 2024 |\n\nKẾ HOẠCH\n\nPhát triển dịch vụ dân số năm 2024\n\n")


def refs(tmp_path: Path, text: str) -> dict:
    path = tmp_path / "doc.txt"
    path.write_text(text, "utf-8")
    return {r.number or r.title: r for r in extract_references(build_doc(path))}


def cited(text: str) -> list[tuple]:
    return [(r.doc_type, r.number, r.title, r.issuer) for r in find_references(text)]


# ---------------------------------------------------------------- related-documents lists

LISTING = [
    "- 1Nghị quyết 21-NQ/TW năm 2017 về công tác dân số trong tình hình mới do Ban Chấp hành Trung ương ban hành",
    "- 2Quyết định 1679/QĐ-TTg năm 2019 về phê duyệt Chiến lược Dân số Việt Nam đến năm 2030 do Thủ tướng Chính "
    "phủ ban hành",
    "3Công văn 7257/BYT-TCDS năm 2020 thực hiện Chương trình củng cố dịch vụ do Bộ Y tế ban hành",
    "Thông tư 12/2021/TT-BYT năm 2021 hướng dẫn công tác dân số do Bộ Y tế ban hành",
]


@pytest.mark.parametrize("row", LISTING)
def test_a_row_of_a_related_documents_list_is_the_site_s(row):
    assert site_listing(row)


@pytest.mark.parametrize("text", [
    "Căn cứ Quyết định số 1679/QĐ-TTg ngày 22/11/2019 của Thủ tướng Chính phủ phê duyệt Chiến lược Dân số;",
    "1. Quyết định số 12/QĐ-UBND ngày 2/3/2024 của UBND tỉnh về việc ban hành quy chế;",
    "2. Kế hoạch số 15/KH-UBND năm 2024 của UBND huyện về dân số.",
    "- Công văn số 88/SYT-NV ngày 5/1/2024 do Sở Y tế ban hành",
])
def test_the_plan_s_own_citations_are_no_listing(text):
    assert not site_listing(text)


@pytest.mark.parametrize("where", ["before", "after"])
def test_a_related_documents_list_is_no_citation_before_or_after_the_document(tmp_path, where):
    body = ("Thực hiện Kế hoạch số 30/KH-UBND ngày 05/3/2024 của UBND tỉnh về công tác dân số, UBND huyện ban "
            "hành Kế hoạch như sau:\n\nI. MỤC ĐÍCH, YÊU CẦU\n\n1. Nâng cao chất lượng dịch vụ.\n\n")
    listing = "\n".join(LISTING) + "\n"
    text = listing + HEADER + body if where == "before" else HEADER + body + "Văn bản liên quan\n" + listing
    assert sorted(refs(tmp_path, text)) == ["30/KH-UBND"]


def test_an_index_glued_to_a_type_word_is_no_lost_space():
    assert normalise("- 6Công văn 7257/BYT-TCDS năm 2020\n").mapped.text.startswith("- 6Công văn")


# ---------------------------------------------------------------- the document's own number in its prose


@pytest.mark.parametrize("title, lead", [
    ("Nghị quyết về kế hoạch phát triển kinh tế - xã hội năm 2023",
     "Ngày 9/12/2022, HĐND tỉnh ban hành Nghị quyết số 11/NQ-HĐND về kế hoạch phát triển kinh tế - xã hội năm 2023."),
    ("Quyết định về việc giao chỉ tiêu kế hoạch năm 2024",
     "UBND tỉnh vừa ban hành Quyết định số 25/QĐ-UBND về việc giao chỉ tiêu kế hoạch năm 2024, cụ thể:"),
])
def test_a_text_without_its_header_citing_its_own_title_cites_itself(tmp_path, title, lead):
    text = f"{title}\n{lead}\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;\nCác chỉ tiêu chủ yếu:\n"
    assert sorted(refs(tmp_path, text)) == ["Luật Tổ chức chính quyền địa phương"]


def test_a_plan_with_a_header_on_the_subject_of_the_plan_it_implements_cites_it(tmp_path):
    text = (HEADER + "Thực hiện Kế hoạch số 30/KH-UBND ngày 05/3/2024 của UBND tỉnh về phát triển dịch vụ dân số "
            "năm 2024, UBND huyện ban hành Kế hoạch như sau:\n\nI. MỤC ĐÍCH\n\n1. Nâng cao chất lượng.\n")
    assert sorted(refs(tmp_path, text)) == ["30/KH-UBND"]


# ---------------------------------------------------------------- cut by the end of the text


@pytest.mark.parametrize("last", [
    "- Kịp thời cụ thể hóa các nhiệm vụ được giao tại Quyết định số 2629/QĐ-T",
    "(Kèm theo Quyết định số 45/QĐ-UBND ngày 21/7/2024 của UBND tỉnh)\nLuật Ban hành văn",
    "Căn cứ Thông tư số 12/2021/TT-BY",
    "Thực hiện Nghị quyết số 05/NQ-HĐND ngày 10/7/2024 của Hội đồng nhân dân tỉ",
])
def test_a_citation_cut_by_the_end_of_the_text_is_dropped(tmp_path, last):
    text = HEADER + "Căn cứ Luật Dân số ngày 10/6/2024;\n\nI. MỤC TIÊU\n\n" + last
    assert sorted(refs(tmp_path, text)) == ["Luật Dân số"]


@pytest.mark.parametrize("last, number", [
    ("- Thực hiện Quyết định số 26/QĐ-UBND ngày 5/1/2024 của UBND tỉnh về việc ban hành quy chế phối hợp tro",
     "26/QĐ-UBND"),                                            # cut in its subject: number, date and issuer are whole
    ("- Thực hiện Quyết định số 26/QĐ-UBND;", "26/QĐ-UBND"),  # a text that ends complete
])
def test_a_citation_whole_before_the_cut_is_kept(tmp_path, last, number):
    text = HEADER + "I. MỤC TIÊU\n\n" + last
    assert sorted(refs(tmp_path, text)) == [number]


# ---------------------------------------------------------------- words that are no titles


@pytest.mark.parametrize("text", [
    "KẾ HOẠCH CÔNG TÁC PHỔ BIẾN, GIÁO DỤC PHÁP LUẬT NĂM 2021",
    "PHÒNG NGỪA TRẺ EM LAO ĐỘNG TRÁI QUY ĐỊNH CỦA PHÁP LUẬT GIAI ĐOẠN 2021-2025",
    "thực hiện các Công ước Quốc tế mà Việt Nam đã ký kết có liên quan đến trẻ em",
    "phối hợp với Hội Luật gia Việt Nam tỉnh và Trường Đại học Luật Hà Nội",
    "Luật này có hiệu lực; Luật mới quy định; Luật sư tư vấn miễn phí; theo Luật định",
    "Căn cứ những Luật Quốc hội đã thông qua",
])
def test_words_holding_a_type_word_are_no_titles(text):
    assert cited(text) == []


@pytest.mark.parametrize("text, title", [
    ("theo đúng quy định của Luật thú y và các văn bản hướng dẫn thi hành luật;", "Luật thú y"),
    ("Căn cứ Luật đất đai năm 2013;", "Luật đất đai"),
    ("thực hiện Luật bảo vệ môi trường và Luật Trẻ em", "Luật bảo vệ môi trường"),
    ("thực hiện Luật Trẻ em và các Công ước Quốc tế mà Việt Nam đã ký kết", "Luật Trẻ em"),
])
def test_a_law_named_in_lower_case(text, title):
    assert cited(text)[0][2] == title


# ---------------------------------------------------------------- instruments implemented or reached


@pytest.mark.parametrize("sentence, title", [
    ("Nhằm tạo lập môi trường sống an toàn cho trẻ em, góp phần hoàn thành các mục tiêu của Chương trình nghị sự 2030 "
     "vì sự phát triển bền vững.", "Chương trình nghị sự 2030 vì sự phát triển bền vững"),
    ("Để nâng cao chất lượng dân số, góp phần thực hiện thành công Chiến lược Dân số Việt Nam đến năm 2030.",
     "Chiến lược Dân số Việt Nam đến năm 2030"),
    ("Căn cứ Quyết định số 14/QĐ-UBND ngày 10/8/2020 của UBND tỉnh ban hành Kế hoạch hành động giai đoạn "
     "2020-2025 của tỉnh thực hiện Chiến lược Dân số Việt Nam đến năm 2030, UBND huyện ban hành Kế hoạch:",
     "Chiến lược Dân số Việt Nam đến năm 2030"),
])
def test_an_instrument_named_as_what_the_plan_implements_or_reaches(tmp_path, sentence, title):
    found = refs(tmp_path, HEADER + sentence + "\n\nI. MỤC TIÊU\n\n1. Mục tiêu chung.\n")
    assert title in found and found[title].number is None


def test_an_instrument_a_cited_decision_approves_stays_its_content(tmp_path):
    text = (HEADER + "Căn cứ Quyết định số 23/QĐ-TTg ngày 7/1/2021 của Thủ tướng Chính phủ phê duyệt Chương trình "
            "hành động quốc gia vì trẻ em giai đoạn 2021-2030; UBND tỉnh ban hành Kế hoạch thực hiện Chương trình "
            "hành động quốc gia vì trẻ em tỉnh Bình An giai đoạn 2021-2030, cụ thể như sau:\n\nI. MỤC TIÊU\n\n"
            "1. Góp phần thực hiện Chương trình hành động quốc gia vì trẻ em giai đoạn 2021-2030.\n")
    assert sorted(refs(tmp_path, text)) == ["23/QĐ-TTg"]


# ---------------------------------------------------------------- issuers only as named


@pytest.mark.parametrize("text, issuer", [
    ("Căn cứ Nghị định số 78/2025/NĐ-CP quy định chi tiết một số điều;", None),
    ("Thực hiện Chỉ thị số 09/CT-TTg về việc nâng cao hiệu quả;", None),
    ("Căn cứ Nghị định số 78/2025/NĐ-CP ngày 1/4/2025 của Chính phủ quy định chi tiết;", "Chính phủ"),
    ("Căn cứ Thông tư liên tịch số 16/2013/TTLT-BYT-BNNPTNT hướng dẫn;",
     "Bộ Y tế và Bộ Nông nghiệp và Phát triển nông thôn"),    # a joint document: its issuers from its symbol
])
def test_an_issuer_is_as_named_or_null(text, issuer):
    assert cited(text)[0][3] == issuer


def test_numbers_listed_after_one_issuer_share_it():
    text = ("Thực hiện các Quyết định của Thủ tướng Chính phủ số: 1521/QĐ-TTg ngày 06/10/2020 ban hành Kế hoạch "
            "thực hiện Kết luận số 80-KL/TW; 21/2021/QĐ-TTg ngày 21/6/2021 quy định về thành phần; 25/2021/QĐ-TTg "
            "ngày 22/7/2021 quy định về chuẩn tiếp cận pháp luật. Căn cứ Quyết định số 12/QĐ-BTP về việc giao.")
    got = {n: (t, i) for t, n, _, i in cited(text)}
    assert got["1521/QĐ-TTg"] == got["21/2021/QĐ-TTg"] == got["25/2021/QĐ-TTg"] == ("Quyết định", "Thủ tướng Chính phủ")
    assert got["80-KL/TW"][0] == "Kết luận"  # a number after "Kết luận ...;" keeps its own symbol's type
    assert got["12/QĐ-BTP"][1] is None  # after the sentence, the list's issuer no longer holds


@pytest.mark.parametrize("text, number, issuer", [
    ("Căn cứ Công văn số 1136/LĐTBXH-ATLĐ ngày 31/3/2020 của Bộ Lao động - Thương binh về việc xây dựng;",
     "1136/LĐTBXH-ATLĐ", "Bộ Lao động - Thương binh và Xã hội"),     # cut short of the body its code names
    ("Căn cứ Công văn số 12/GDĐT-TH ngày 3/3/2024 của Sở Giáo dục về việc tuyển sinh;", "12/GDĐT-TH",
     "Sở Giáo dục và Đào tạo"),
    ("Căn cứ Công văn số 12/GDĐT-TH ngày 3/3/2024 của Sở Y tế về việc tuyển sinh;", "12/GDĐT-TH", "Sở Y tế"),
    ("Thực hiện Chương trình công tác năm 2009 của Chính phủ ban hành kèm theo công văn số 66/VPCP-TH ngày "
     "02/01/2009, trong đó Bộ được giao chủ trì;", "66/VPCP-TH", None),  # what stands before "theo" is no issuer
    ("UBND tỉnh vừa ban hành Quyết định số 25/QĐ-UBND về việc giao chỉ tiêu;", "25/QĐ-UBND", "Ủy ban nhân dân tỉnh"),
])
def test_issuers_cut_short_or_run_on(text, number, issuer):
    assert [(n, i) for _, n, _, i in cited(text)] == [(number, issuer)]


@pytest.mark.parametrize("text, number", [
    ("Thực hiện Chương trình công tác năm 2009 của Chính phủ ban hành kèm theo công văn số 66/VPCP-TH;", "66/VPCP-TH"),
    ("Căn cứ Điều lệ Hội Khuyến học Việt Nam. Ban hành kèm theo Quyết định số 14/QĐ-BNV ngày 7/4/2008;",
     "14/QĐ-BNV"),
    ("Căn cứ Quy chế Tổ chức và hoạt động của Ban Chỉ đạo tỉnh (ban hành kèm theo Quyết định số 5/QĐ-BCĐ);",
     "5/QĐ-BCĐ"),
])
def test_an_instrument_issued_with_the_citation_after_it_is_its_content(text, number):
    assert [n or t for _, n, t, _ in cited(text)] == [number]


@pytest.mark.parametrize("text, title", [
    ("Căn cứ điều lệ trường Tiểu học;", "Điều lệ trường Tiểu học"),
    ("- Căn cứ chiến lược phát triển giáo dục Việt Nam đến năm 2030;", "Chiến lược phát triển giáo dục Việt Nam đến năm 2030"),
])
def test_a_named_instrument_in_lower_case_after_an_opening_verb(text, title):
    assert [t for _, _, t, _ in cited(text)] == [title]


@pytest.mark.parametrize("text", [
    "Căn cứ kế hoạch năm học 2024-2025;", "- Thực hiện kế hoạch của Phòng Giáo dục;", "theo điều lệ trường học",
    "Căn cứ chương trình công tác năm 2024 của UBND huyện;",
])
def test_a_lower_case_type_word_without_a_proper_name_is_no_citation(text):
    assert cited(text) == []
