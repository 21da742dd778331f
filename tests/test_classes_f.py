"""Classes of layout and phrasing first met in blind batch F, each on variants written for the test
(never a document's own sentence).

Metadata: a portal's copy of a letter whose type and number stand only in its trailing source line
("(Nguồn: Từ Công văn số ...)") and whose sender speaks only in its text ("... có ý kiến như sau");
an OCR'd header whose letters lost their circumflex or horn ("KÉ HOẠCH", "KH-ƯBND"), whose "SỐ:" is in
capitals, whose number and day are noise; a blog's rules of em dashes inside the header, and a
header's field wrapped where its hyphen stood ("BỘ LAO ĐỘNG" / "THƯƠNG BINH VÀ XÃ HỘI").
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.fields.docnumbers import parse_number, parse_number_line
from extractor.fields.metadata import extract_metadata
from extractor.fields.names import name_from_capitals
from extractor.fields.references import extract_references
from extractor.pipeline import build_doc


def _doc(tmp_path: Path, text: str):
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    return build_doc(path)


# ---------------------------------------------------------------- a portal's source line


@pytest.mark.parametrize(("source", "doc_type", "number"), [
    ("(Nguồn: Từ Công văn số 215/UBND-VX ngày 03/02/2022)", "Công văn", "215/UBND-VX"),
    ("(Nguồn công văn số 77/UBND-NV - 14/06/2019)", "Công văn", "77/UBND-NV"),
    ("Nguồn: Công văn số 31/UBND-KT, 2/3/2020", "Công văn", "31/UBND-KT"),
])
def test_a_portal_source_line_names_the_document_itself(tmp_path, source, doc_type, number):
    text = ("Tin hoạt động\n  05/02/2022\n\nTriển khai công tác phòng chống thiên tai\n\n"
            "Thực hiện Chỉ thị số 04-CT/TU ngày 10/1/2022 của Tỉnh ủy; Ủy ban nhân dân huyện Mỹ Xuyên có ý "
            "kiến như sau:\n\n1. Phòng Nông nghiệp và Phát triển nông thôn chủ trì rà soát các công trình.\n\n"
            f"{source}\n\nĐánh giá\n")
    doc = _doc(tmp_path, text)
    meta = extract_metadata(doc)
    assert (meta.doc_type, meta.number, meta.number and meta.symbol) == (doc_type, number, number.split("/")[1])
    assert meta.issuer == "Ủy ban nhân dân huyện Mỹ Xuyên"
    assert [r.number for r in extract_references(doc, meta)] == ["04-CT/TU"]


def test_a_tables_source_with_its_issuer_is_a_citation(tmp_path):
    text = ("ỦY BAN NHÂN DÂN\nHUYỆN MỸ XUYÊN\nSố: 12/KH-UBND\nMỹ Xuyên, ngày 2 tháng 3 năm 2022\nKẾ HOẠCH\n"
            "Phòng chống thiên tai\nI. THỰC TRẠNG\nSố hộ dân ven sông là 1.200 hộ.\n"
            "(Nguồn: Báo cáo số 45/BC-UBND ngày 12/01/2022 của Ủy ban nhân dân huyện)\n")
    doc = _doc(tmp_path, text)
    meta = extract_metadata(doc)
    assert meta.number == "12/KH-UBND"
    assert "45/BC-UBND" in [r.number for r in extract_references(doc, meta)]


# ---------------------------------------------------------------- an OCR'd header


@pytest.mark.parametrize(("number_line", "symbol"), [
    ("SỐ:y/45/KH-ƯBND", "KH-UBND"),
    ("SỐ: ../QĐ-ƯBND", "QĐ-UBND"),
    ("Số:ẠI/KH-UBND", "KH-UBND"),
])
def test_an_ocr_number_line_keeps_its_symbol(number_line, symbol):
    assert parse_number_line(number_line) == (None, symbol)


@pytest.mark.parametrize(("written", "canonical"), [
    ("2582/QĐ-ƯBND", "2582/QĐ-UBND"), ("16/2016/QĐ-ƯBND", "16/2016/QĐ-UBND"), ("45/KH-ƯBND", "45/KH-UBND"),
])
def test_a_horn_ocr_added_is_dropped_from_a_known_symbol_part(written, canonical):
    parsed = parse_number(written)
    assert parsed is not None and (parsed.canonical, parsed.repaired) == (canonical, True)


@pytest.mark.parametrize(("type_line", "doc_type"), [
    ("KÉ HOẠCH", "Kế hoạch"), ("QUYÉT ĐỊNH", "Quyết định"), ("CHUƠNG TRÌNH", "Chương trình"),
])
@pytest.mark.parametrize(("date_line", "date"), [
    ("Thanh Xuân, ngàyẠẠ tháng ĩ năm 2017", "2017"),
    ("Thanh Xuân, ngày ỵ tháng 5 năm 2017", "2017-05"),
])
def test_an_ocr_header_keeps_its_type_place_and_year(tmp_path, type_line, doc_type, date_line, date):
    text = (f"ỦY BAN NHÂN DÂN\nQUẬN THANH XUÂN\nSỐ:x/12/KH-ƯBND\nCỘNG HÒA XÃ HỘI CHỦ NGHỈA VIỆT NAM\n"
            f"Độc lập - Tự do - Hạnh phúc\n{date_line}\n{type_line}\nVề công tác vệ sinh môi trường\n"
            "Căn cứ Luật Bảo vệ môi trường số 55/2014/QH13;\nI. MỤC ĐÍCH\nGiữ gìn vệ sinh.\n")
    meta = extract_metadata(_doc(tmp_path, text))
    assert (meta.doc_type, meta.symbol, meta.place, meta.date) == (doc_type, "KH-UBND", "Thanh Xuân", date)
    assert meta.issuer == "Ủy ban nhân dân quận Thanh Xuân"


# ---------------------------------------------------------------- a blog's header


@pytest.mark.parametrize("rule", ["—————", "——————–", "– – – –"])
def test_a_blogs_em_dash_rules_stay_inside_the_header(tmp_path, rule):
    text = ("Bạn đang xem bài viết Quyết định 7/QĐ-BYT về phòng chống dịch tại website tailieu.vn.\n\n"
            "Quyết định 7/QĐ-BYT của Bộ Y tế ngày 05 tháng 01 năm 2015 về phòng chống dịch.\n\n"
            f"BỘ Y TẾ\n\n{rule}\nSố: 7/QĐ-BYT\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập – Tự do – Hạnh phúc\n\n"
            f"{rule}\n\nHà Nội, ngày 05 tháng 01 năm 2015\n\nQUYẾT ĐỊNH\nVỀ PHÒNG CHỐNG DỊCH\n\nBỘ TRƯỞNG BỘ Y TẾ\n\n"
            "Căn cứ Nghị định số 63/2012/NĐ-CP;\n")
    meta = extract_metadata(_doc(tmp_path, text))
    assert (meta.number, meta.issuer, meta.place, meta.date) == ("7/QĐ-BYT", "Bộ Y tế", "Hà Nội", "2015-01-05")


@pytest.mark.parametrize(("capitals", "name"), [
    ("BỘ LAO ĐỘNG THƯƠNG BINH VÀ XÃ HỘI", "Bộ Lao động - Thương binh và Xã hội"),
    ("SỞ LAO ĐỘNG THƯƠNG BINH VÀ XÃ HỘI TỈNH NAM ĐỊNH", "Sở Lao động - Thương binh và Xã hội tỉnh Nam Định"),
    ("SỞ LAO ĐỘNG- THƯƠNG BINH VÀ XÃ HỘI", "Sở Lao động - Thương binh và Xã hội"),
])
def test_a_field_wrapped_where_its_hyphen_stood(capitals, name):
    assert name_from_capitals(capitals) == name


# ---------------------------------------------------------------- sections


def _sections(tmp_path: Path, text: str) -> list[tuple[str, str]]:
    return [(s.number, s.title) for s in _doc(tmp_path, text).outline.sections]


PLAN_FRONT = ("ỦY BAN NHÂN DÂN\nXÃ AN PHÚ\nSố: 9/KH-UBND\nAn Phú, ngày 3 tháng 2 năm 2020\nKẾ HOẠCH\n"
              "Giảm nghèo năm 2020\nCăn cứ Nghị quyết số 12/NQ-HĐND ngày 20/12/2019 của HĐND xã;\n"
              "Ủy ban nhân dân xã xây dựng kế hoạch như sau:\n")


@pytest.mark.parametrize(("part", "title_lines", "title"), [
    ("Phần thứ nhất", ["KẾT QUẢ THỰC HIỆN NĂM 2019"], "KẾT QUẢ THỰC HIỆN NĂM 2019"),
    ("PHẦN THỨ NHẤT", ["ĐÁNH GIÁ TÌNH HÌNH HỘ NGHÈO, HỘ CẬN NGHÈO VÀ", "KẾT QUẢ GIẢM NGHÈO"],
     "ĐÁNH GIÁ TÌNH HÌNH HỘ NGHÈO, HỘ CẬN NGHÈO VÀ KẾT QUẢ GIẢM NGHÈO"),
    ("PHẦN I", ["THỰC TRẠNG"], "THỰC TRẠNG"),
])
def test_a_part_alone_takes_its_title_from_the_lines_below(tmp_path, part, title_lines, title):
    second = part.replace("nhất", "hai").replace("NHẤT", "HAI").replace("PHẦN I", "PHẦN II")
    text = (PLAN_FRONT + f"{part}\n" + "\n".join(title_lines) + "\n1. Số hộ nghèo giảm còn 120 hộ.\n"
            f"{second}\nNHIỆM VỤ NĂM 2020\n1. Giảm tỷ lệ hộ nghèo xuống dưới 3%.\n")
    found = _sections(tmp_path, text)
    assert found == [(part, title), (second, "NHIỆM VỤ NĂM 2020")]


def test_a_chapter_alone_opens_a_charters_articles_not_a_section(tmp_path):
    text = ("QUYẾT ĐỊNH\nVề việc phê duyệt Điều lệ Hội\nĐiều 1. Phê duyệt Điều lệ Hội.\nĐiều 2. Quyết định có hiệu "
            "lực kể từ ngày ký.\nĐIỀU LỆ\nChương 1:\nTÊN GỌI, TÔN CHỈ MỤC ĐÍCH CỦA HỘI\nĐiều 1. Tên gọi của Hội.\n")
    assert _sections(tmp_path, text) == []


@pytest.mark.parametrize("heading", [
    "I- MỤC TIÊU TỔNG QUÁT VÀ CÁC CHỈ TIÊU CHỦ YẾU", "I– MỤC TIÊU TỔNG QUÁT VÀ CÁC CHỈ TIÊU CHỦ YẾU",
    "I - MỤC TIÊU TỔNG QUÁT VÀ CÁC CHỈ TIÊU CHỦ YẾU",
])
def test_a_roman_heading_written_with_a_hyphen(tmp_path, heading):
    second = heading.replace("I", "II", 1).replace("MỤC TIÊU TỔNG QUÁT VÀ CÁC CHỈ TIÊU CHỦ YẾU", "NHIỆM VỤ")
    text = ("Trang chủ\nTin tức\n" + heading + "\n1. Mục tiêu tổng quát: phát triển kinh tế.\n2. Thu ngân sách tăng 5%.\n"
            + second + "\n1. Đẩy mạnh sản xuất.\n")
    assert _sections(tmp_path, text) == [("I", "MỤC TIÊU TỔNG QUÁT VÀ CÁC CHỈ TIÊU CHỦ YẾU"), ("II", "NHIỆM VỤ")]


# ---------------------------------------------------------------- references


def _cited(text: str) -> list[tuple[str | None, str | None]]:
    from extractor.fields.references import find_references
    return [(m.number, m.issuer) for m in find_references(text)]


@pytest.mark.parametrize("item", [
    "2/ Thu ngân sách Nhà nước 624,8 tỷ đồng, tăng 18,3% so dự toán",
    "3/ Tổng vốn đầu tư xây dựng cơ bản là 292 tỷ đồng",
    "5/ Chi thường xuyên ngân sách quận là 287,41 tỷ đồng",
    "1/Thu hút vốn đầu tư đạt 500 tỷ đồng",
])
def test_a_slash_list_item_is_no_number(item):
    assert _cited(item) == []


@pytest.mark.parametrize(("text", "number"), [
    ("Công văn số 943/SGD ĐT-GDTrH ngày 18/5/2022 của Sở GD&ĐT về tuyển sinh;", "943/SGDĐT-GDTrH"),
    ("Căn cứ Kế hoạch số 15/KH UBND-VX ngày 2/3/2021;", "15/KHUBND-VX"),
    ("Thực hiện Công văn số 77/SNN PTNT-KH ngày 4/4/2020;", "77/SNNPTNT-KH"),
])
def test_a_symbol_part_split_by_a_space_is_one_part(text, number):
    assert [n for n, _ in _cited(text)] == [number]


@pytest.mark.parametrize(("written", "issuer"), [
    ("Sở GD & ĐT Hà Tĩnh", "Sở Giáo dục và Đào tạo Hà Tĩnh"),
    ("Sở NN & PTNT tỉnh Hưng Yên", "Sở Nông nghiệp và Phát triển nông thôn tỉnh Hưng Yên"),
    ("Bộ Giáo dục và đào tạo", "Bộ Giáo dục và Đào tạo"),
    ("Sở Tài nguyên và môi trường", "Sở Tài nguyên và Môi trường"),
])
def test_an_issuer_spaced_around_its_ampersand_or_in_lower_case_after_va(written, issuer):
    text = f"Căn cứ Công văn số 12/XYZ-KH ngày 2/3/2020 của {written} về việc tổng kết năm học;"
    assert _cited(text) == [("12/XYZ-KH", issuer)]


def test_a_lower_case_va_that_opens_no_known_field_still_ends_the_issuer():
    assert _cited("Căn cứ Quyết định số 5/QĐ-UBND ngày 1/2/2020 của UBND tỉnh và các sở;") \
        == [("5/QĐ-UBND", "Ủy ban nhân dân tỉnh")]
