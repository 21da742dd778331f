"""Segmentation of layouts real documents have and the seeds do not, each on variants made here:
a web page's furniture before the document, parts and lettered top levels, sentence-case
headings, a decision's articles and the plan it attaches, letters, appendices."""

from __future__ import annotations

from test_segment import doc_from_text

HEADER = "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NINH\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nSố: 12/KH-UBND\n\nQuảng Ninh, ngày 3 tháng 4 năm 2023\n\n"


def roles(doc) -> list[tuple[str, str]]:
    return [(p.role, p.text[:24]) for p in doc.paragraphs]


def sections(doc) -> list[tuple[str, str]]:
    return [(s.number, s.title) for s in doc.outline.sections]


def test_website_lines_before_the_document_are_furniture():
    doc = doc_from_text("Số hiệu: 12/KH-UBND Loại văn bản: Kế hoạch\nNgười ký: Nguyễn Văn A\nĐang tải nội dung...\n"
                        + HEADER + "KẾ HOẠCH\nPhòng chống dịch\n\nI. MỤC TIÊU\n- Một\n")
    assert [p.role for p in doc.paragraphs[:3]] == ["furniture"] * 3
    assert doc.paragraphs[3].role == "header" and sections(doc) == [("I", "MỤC TIÊU")]
    assert len(doc.furniture) >= 3  # kept out of the document, with their spans


def test_parts_are_the_top_level_and_their_roman_headings_sub_sections():
    doc = doc_from_text(HEADER + "KẾ HOẠCH\nChuyển đổi số\n\nPHẦN I. KẾT QUẢ NĂM 2022\nI. KẾT QUẢ ĐẠT ĐƯỢC\n- Một\n"
                        "PHẦN II. KẾ HOẠCH NĂM 2023\nI. MỤC TIÊU\n- Hai\nII. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế chủ trì.\n")
    assert sections(doc) == [("PHẦN I", "KẾT QUẢ NĂM 2022"), ("PHẦN II", "KẾ HOẠCH NĂM 2023")]
    organisation = next(p for p in doc.paragraphs if p.text.startswith("1. Sở Y tế"))
    assert organisation.section == "PHẦN II" and organisation.section_kind == "organisation"


def test_ordinal_parts_and_lettered_parts():
    doc = doc_from_text(HEADER + "KẾ HOẠCH\nTiêu đề\n\nPhần thứ nhất: ĐÁNH GIÁ\n- Một\nPhần thứ hai: NHIỆM VỤ\n- Hai\n")
    assert sections(doc) == [("Phần thứ nhất", "ĐÁNH GIÁ"), ("Phần thứ hai", "NHIỆM VỤ")]
    doc = doc_from_text(HEADER + "KẾ HOẠCH\nTiêu đề\n\nA . MỤC ĐÍCH, YÊU CẦU:\nI. Mục đích\n- Một\nB. NỘI DUNG\n- Hai\n")
    assert sections(doc) == [("A", "MỤC ĐÍCH, YÊU CẦU"), ("B", "NỘI DUNG")]


def test_sentence_case_heading_counts_where_its_numeral_fits():
    doc = doc_from_text(HEADER + "KẾ HOẠCH\nTiêu đề\n\nI. Mục tiêu thực hiện công khai\n- Một\n"
                        "II. Nội dung công khai\n- Hai\nV. Nhóm này không phải tiêu đề vì không theo thứ tự\n")
    assert sections(doc) == [("I", "Mục tiêu thực hiện công khai"), ("II", "Nội dung công khai")]


def test_decision_articles_closing_and_the_plan_it_attaches():
    text = (HEADER.replace("12/KH-UBND", "745/QĐ-UBND") + "QUYẾT ĐỊNH\nBAN HÀNH KẾ HOẠCH PHÒNG, CHỐNG MA TÚY\n"
            "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH\nCăn cứ Luật Tổ chức chính quyền địa phương;\nQUYẾT ĐỊNH:\n"
            "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch phòng, chống ma túy.\n"
            "Điều 2. Giao Công an tỉnh chủ trì, phối hợp với các sở, ngành triển khai.\n"
            "Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc Công an tỉnh chịu trách nhiệm thi hành Quyết định này./.\n"
            "Nơi nhận:\n- Như Điều 3;\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn Thanh\n"
            "KẾ HOẠCH\nPhòng, chống ma túy\n(Ban hành kèm theo Quyết định số 745/QĐ-UBND ngày 3/4/2023)\n"
            "I. MỤC TIÊU\n- Giảm số người nghiện.\nII. TỔ CHỨC THỰC HIỆN\n1. Công an tỉnh chủ trì.\n")
    doc = doc_from_text(text)
    by_text = {p.text[:12]: p for p in doc.paragraphs}
    assert by_text["CHỦ TỊCH ỦY "].role == "authority"
    assert [p.label for p in doc.paragraphs if p.role == "article"] == ["Điều 1", "Điều 2", "Điều 3"]
    assert by_text["Nơi nhận:"].role == "closing" and by_text["KT. CHỦ TỊCH"].role == "signature"
    assert sections(doc) == [("I", "MỤC TIÊU"), ("II", "TỔ CHỨC THỰC HIỆN")]
    assert doc.outline.title and doc.outline.title.text == "BAN HÀNH KẾ HOẠCH PHÒNG, CHỐNG MA TÚY"


def test_letter_addressee_and_body_without_sections():
    text = ("SỞ NÔNG NGHIỆP VÀ PTNT\nTỈNH HƯNG YÊN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 120/SNN-VP\n"
            "V/v hưởng ứng Tháng hành động phòng, chống ma túy\nHưng Yên, ngày 5 tháng 6 năm 2023\n"
            "Kính gửi:\n- Ủy ban nhân dân các huyện, thị xã, thành phố;\n- Các phòng, đơn vị thuộc Sở.\n"
            "Thực hiện Kế hoạch số 15/KH-UBND của UBND tỉnh, Sở Nông nghiệp và PTNT đề nghị:\n"
            "1. Ủy ban nhân dân các huyện chỉ đạo các phòng chuyên môn tổ chức tuyên truyền.\n2. Báo cáo trước ngày 30/6.\n")
    doc = doc_from_text(text)
    rs = roles(doc)
    assert rs[4] == ("header", "V/v hưởng ứng Tháng hành")
    assert [r for r, _ in rs[6:9]] == ["addressee"] * 3
    items = [p for p in doc.paragraphs if p.role == "item"]
    assert [p.label for p in items] == ["1", "2"] and all(p.section is None for p in items)
    assert doc.outline.sections == []


def test_missing_document_type_line_keeps_the_title_out_of_the_header():
    doc = doc_from_text("ỦY BAN NHÂN DÂN |\nCỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM |\nSố: 58/KH-UBND |\n"
                        "Cần Thơ, ngày 20 tháng 3 năm 2023 |\nGIÁM SÁT VÀ PHÒNG, CHỐNG DỊCH CÚM A TRÊN NGƯỜI NĂM 2023\n"
                        "Căn cứ Thông tư số 54/2015/TT-BYT;\n1. Mục tiêu chung\n- Phát hiện sớm.\n")
    assert [p.role for p in doc.paragraphs[:5]] == ["header"] * 5
    assert doc.paragraphs[5].role == "title" and doc.paragraphs[6].role == "preamble"
    assert doc.paragraphs[7].role == "item"


def test_appendix_after_the_closing():
    doc = doc_from_text(HEADER + "KẾ HOẠCH\nTiêu đề\n\nI. NHIỆM VỤ\n- Một\nNơi nhận:\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\n"
                        "CHỦ TỊCH\nNguyễn Văn B\nPHỤ LỤC I: DANH MỤC NHIỆM VỤ\n| TT | Nhiệm vụ | Cơ quan chủ trì |\n"
                        "| 1 | Tuyên truyền | Sở Y tế |\n")
    assert sections(doc) == [("I", "NHIỆM VỤ")]
    (appendix,) = doc.outline.appendices
    assert appendix.number == "PHỤ LỤC I" and appendix.title == "DANH MỤC NHIỆM VỤ" and appendix.kind == "tasks"
    row = next(p for p in doc.paragraphs if p.text.startswith("| 1 |"))
    assert row.role == "body" and row.section_kind == "tasks"


def test_headings_cut_by_a_wrap_are_joined():
    doc = doc_from_text(HEADER + "KẾ HOẠCH\nTiêu đề\n\nI.\nQUAN ĐIỂM\n- Một\nII. MỤC\nTIÊU\n1. Mục tiêu chung\n"
                        "III. MỤC ĐÍCH,\nYÊU CẦU\n- Hai\nĐiều\n1.\nPhê duyệt\n")
    assert sections(doc) == [("I", "QUAN ĐIỂM"), ("II", "MỤC TIÊU"), ("III", "MỤC ĐÍCH, YÊU CẦU")]
    # the motto's first letters are no Roman numeral: its lines are not joined as a heading
    assert any(p.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" for p in doc.paragraphs)


def test_line_breaks_written_out_as_text():
    text = r"ỦY BAN NHÂN DÂN | \r\n TỈNH LẠNG SƠN \r\n | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM \r\n Số: 54/KH-UBND \r\n" \
           r"Lạng Sơn, ngày 27 tháng 3 năm 2020 \r\n KẾ HOẠCH \r\n Chăm sóc dinh dưỡng \r\n I. MỤC TIÊU \r\n - Một"
    doc = doc_from_text(text)
    assert sections(doc) == [("I", "MỤC TIÊU")]
    assert [p.role for p in doc.paragraphs][:6] == ["header"] * 5 + ["doc_type"]
    span = doc.outline.sections[0].span
    assert text[span.start:span.end] == span.text == "I. MỤC TIÊU"  # spans still point into the source


def test_a_bare_part_or_roman_number_takes_the_title_on_the_next_line_in_any_case():
    doc = doc_from_text(HEADER + "KẾ HOẠCH\nNăm học 2023-2024\n\nPHẦN I\nTổng kết năm học 2022 -2023\n"
                        "A/ Một số kết quả\n1. Chất lượng\nPHẦN II\nKế hoạch năm học 2023-2024\n- Hai\n")
    assert sections(doc) == [("PHẦN I", "Tổng kết năm học 2022 -2023"), ("PHẦN II", "Kế hoạch năm học 2023-2024")]
    doc = doc_from_text(HEADER + "KẾ HOẠCH\nTiêu đề\n\nI.\nMục đích, yêu cầu\n- Một\nII.\nNội dung\n- Hai\n")
    assert sections(doc) == [("I", "Mục đích, yêu cầu"), ("II", "Nội dung")]


def test_a_list_number_a_page_set_before_a_lettered_heading():
    doc = doc_from_text(HEADER + "KẾ HOẠCH\nTiêu đề\n\n1. A. NHIỆM VỤ TRỌNG TÂM\n- Một\n1. B. CÁC NHIỆM VỤ CỤ THỂ\n"
                        "I. Thực hiện kế hoạch giáo dục\n- Hai\n")
    assert sections(doc) == [("A", "NHIỆM VỤ TRỌNG TÂM"), ("B", "CÁC NHIỆM VỤ CỤ THỂ")]
    doc = doc_from_text(HEADER + "KẾ HOẠCH\nTiêu đề\n\nI. MỤC TIÊU\n1. A. Trẻ em được chăm sóc\n2. B. Phụ nữ\n")
    assert sections(doc) == [("I", "MỤC TIÊU")]  # items in sentence case stay items
