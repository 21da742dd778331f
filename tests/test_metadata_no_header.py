"""Metadata of documents as web pages keep them: no header, a page title instead of a document-type
line, a letter whose sender only speaks in its text, a header that lost its accented letters or its
second line. Each class on variants written for the test."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.fields.metadata import extract_metadata
from extractor.fields.places import restore_glyphs
from extractor.pipeline import build_doc


def metadata(tmp_path: Path, text: str):
    path = tmp_path / "doc.txt"
    path.write_text(text, "utf-8")
    return extract_metadata(build_doc(path))


@pytest.mark.parametrize(("title", "doc_type"), [
    ("Quyết định về việc triển khai thực hiện nhiệm vụ kế hoạch phát triển kinh tế - xã hội năm 2020", "Quyết định"),
    ("Nghị quyết về kế hoạch phát triển kinh tế - xã hội năm 2023", "Nghị quyết"),
    ("KẾ HOẠCH KINH TẾ - XÃ HỘI NĂM 2022", "Kế hoạch"),
    ("Kế hoạch Kinh tế - xã hội giai đoạn 2021-2025", "Kế hoạch"),
])
def test_a_page_title_names_the_type(tmp_path, title, doc_type):
    text = f"Tìm kiếm tin tức\n{title}\nNgày cập nhật 10/01/2020\n\n1. Mục tiêu\nTăng trưởng kinh tế 7%.\n"
    assert metadata(tmp_path, text).doc_type == doc_type


def test_a_preamble_that_announces_a_plan_names_its_issuer_and_type(tmp_path):
    meta = metadata(tmp_path, "- Căn cứ Điều lệ trường mầm non;\nCăn cứ điều kiện thực tế của nhà trường, trường "
                              "Mầm non Hoa Sen B xây dựng kế hoạch tuyển sinh năm học 2020 - 2021 như sau:\n"
                              "I. MỤC ĐÍCH\nTuyển sinh đúng quy định.\n")
    assert (meta.issuer, meta.doc_type) == ("Trường Mầm non Hoa Sen B", "Kế hoạch")


@pytest.mark.parametrize(("sender", "place_words", "issuer"), [
    ("Phòng Giáo dục- Đào tạo", "trên địa bàn thành phố Huế", "Phòng Giáo dục và Đào tạo thành phố Huế"),
    ("Phòng Nội vụ", "các xã của huyện Đại Lộc", "Phòng Nội vụ huyện Đại Lộc"),
    ("Sở Nông nghiệp và PTNT", "trên địa bàn tỉnh Hưng Yên", "Sở Nông nghiệp và Phát triển nông thôn tỉnh Hưng Yên"),
])
def test_a_letters_sender_with_its_locality(tmp_path, sender, place_words, issuer):
    meta = metadata(tmp_path, f"Kính gửi: Hiệu trưởng các đơn vị trực thuộc. Thực hiện Kế hoạch số 12/KH-UBND ngày "
                              f"13/4/2018 về tổng vệ sinh {place_words}, {sender} yêu cầu các đơn vị thực hiện:\n"
                              "1. Vận động cán bộ tham gia.\n")
    assert (meta.issuer, meta.doc_type) == (issuer, "Công văn")


def test_a_districts_body_takes_the_district_its_text_names(tmp_path):
    meta = metadata(tmp_path, "Thực hiện Kế hoạch số 25/KH-UBND của UBND tỉnh Kiên Giang, Ủy ban nhân dân huyện "
                              "Xây dựng Kế hoạch tổ chức rà soát hộ nghèo trên địa bàn huyện U Minh Thượng như sau:\n"
                              "I. MỤC ĐÍCH\nRà soát đúng quy trình ở huyện U Minh Thượng.\n")
    assert meta.issuer == "Ủy ban nhân dân huyện U Minh Thượng"


@pytest.mark.parametrize(("written", "unit"), [
    ("ĐK LK", "Đắk Lắk"), ("Đk Lk", "Đắk Lắk"), ("Ph Th", "Phú Thọ"), ("Bnh Dng", "Bình Dương"),
    ("Hà Nội", None),  # nothing lost
    ("Lng Sn", None),  # Lạng Sơn or Lương Sơn: no guess
])
def test_a_place_that_lost_its_accented_letters(written, unit):
    assert restore_glyphs(written) == unit


def test_a_header_that_lost_its_accents_or_its_second_line(tmp_path):
    lost = metadata(tmp_path, "ỦY BAN NHÂN DÂN\nTỈNH ĐK LK\nSố: 3521/QĐ-UBND\nĐk Lk, ngày 24 tháng 11 năm 2016\n"
                              "QUYẾT ĐỊNH\nVề việc ban hành Kế hoạch\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành Kế hoạch.\n")
    assert (lost.issuer, lost.place) == ("Ủy ban nhân dân tỉnh Đắk Lắk", "Đắk Lắk")
    cut = metadata(tmp_path, "BỘ TÀI NGUYÊN VÀ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
                             "Số: 3059/BTNMT-TCBHĐVN | Hà Nội, ngày 21 tháng 08 năm 2009 |\n"
                             "Kính gửi: Sở Tài nguyên và Môi trường Quảng Nam\nĐề nghị Quý cơ quan góp ý kiến.\n")
    assert cut.issuer == "Bộ Tài nguyên và Môi trường"


def test_a_number_wrapped_after_its_label(tmp_path):
    meta = metadata(tmp_path, "HỘI ĐỒNG NHÂN DÂN\nTỈNH HẬU GIANG\nSố:\n06/2010/NQ-HĐND\nVị Thanh, ngày 09 tháng 7 năm 2010\n"
                              "NGHỊ QUYẾT\nVề kế hoạch phát triển kinh tế - xã hội\nĐiều 1. Thông qua kế hoạch.\n")
    assert (meta.number, meta.place, meta.date) == ("06/2010/NQ-HĐND", "Vị Thanh", "2010-07-09")


def test_header_cells_laid_out_by_padding(tmp_path):
    meta = metadata(tmp_path, "SỞ GIÁO DỤC VÀ ĐÀO TẠO        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                              "Số : 4144 /GDĐT-VP        Thành phố Hồ Chí Minh, ngày 14 tháng 11 năm 2017\n"
                              "KẾ HOẠCH\nTổ chức hội thi năm 2017\nI. MỤC ĐÍCH\nNâng cao chất lượng.\n")
    assert (meta.number, meta.place, meta.date) == ("4144/GDĐT-VP", "Thành phố Hồ Chí Minh", "2017-11-14")


@pytest.mark.parametrize("place", ["Quận 8", "Phường 5"])
def test_a_numbered_district_or_ward_as_the_place(tmp_path, place):
    meta = metadata(tmp_path, f"ỦY BAN NHÂN DÂN\n{place.upper()}\nSố: 12/KH-UBND\n{place}, ngày 3 tháng 2 năm 2021\n"
                              "KẾ HOẠCH\nPhòng chống dịch bệnh\nI. MỤC ĐÍCH\nBảo vệ sức khỏe.\n")
    assert (meta.place, meta.date) == (place, "2021-02-03")


def test_a_sites_notice_before_the_header_is_furniture(tmp_path):
    meta = metadata(tmp_path, "Để sử dụng toàn bộ tiện ích nâng cao, vui lòng đăng nhập\nTra cứu văn bản\n"
                              "ỦY BAN NHÂN DÂN\nTỈNH NINH BÌNH\nSố: 95/KH-UBND\nNinh Bình, ngày 5 tháng 8 năm 2015\n"
                              "KẾ HOẠCH\nThực hiện chương trình\nI. MỤC TIÊU\nGiảm nghèo.\n")
    assert (meta.number, meta.issuer) == ("95/KH-UBND", "Ủy ban nhân dân tỉnh Ninh Bình")


@pytest.mark.parametrize("motto", ["CỘNG HÒA HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"])
def test_a_motto_that_dropped_a_word_is_still_no_part_of_the_issuer(tmp_path, motto):
    meta = metadata(tmp_path, f"ỦY BAN NHÂN DÂN HUYỆN THỌ XUÂN\n\n{motto}\n\nĐộc lập - Tự do - Hạnh phúc\n"
                              "Số: 187 /KH-UBND\nThọ Xuân, ngày 24 tháng 8 năm 2024\nKẾ HOẠCH\nTiêm phòng\n"
                              "I. MỤC ĐÍCH\nPhòng bệnh.\n")
    assert meta.issuer == "Ủy ban nhân dân huyện Thọ Xuân"


@pytest.mark.parametrize("line", ["Số:        /KH-UBND", "Số:  /KH-UBND", "Số: ....../KH-UBND"])
def test_a_number_left_blank_keeps_its_symbol_out_of_the_issuer(tmp_path, line):
    meta = metadata(tmp_path, f"UỶ BAN NHÂN DÂN\n    XÃ DÂN LỰC\n\n{line}\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                              "Dân Lực, ngày 18 tháng 02 năm 2021\nKẾ HOẠCH\nTuyên truyền\nI. MỤC ĐÍCH\nTốt.\n")
    assert (meta.number, meta.symbol, meta.issuer) == (None, "KH-UBND", "Ủy ban nhân dân xã Dân Lực")


@pytest.mark.parametrize("number, canonical", [("01 -KH/BCĐ", "01-KH/BCĐ"), ("12 - KH/ĐU", "12-KH/ĐU")])
def test_a_party_style_number_under_a_locality_line_opens_its_own_line(tmp_path, number, canonical):
    meta = metadata(tmp_path, f"ĐẢNG CỘNG SẢN VIỆT NAM\nBAN CHỈ ĐẠO\nXÃ NHÂN KHANG\nSố: {number}\n"
                              "Nhân Khang, ngày 5 tháng 3 năm 2016\nKẾ HOẠCH\nXây dựng nông thôn mới\n"
                              "I. MỤC TIÊU\nĐạt chuẩn.\n")
    assert meta.number == canonical and "Số" not in (meta.issuer or "")


@pytest.mark.parametrize(("lost", "issuer"), [
    ("TNH LAI CHÂU", "Ủy ban nhân dân tỉnh Lai Châu"), ("HUYN THỌ XUÂN", "Ủy ban nhân dân huyện Thọ Xuân")])
def test_a_level_word_that_lost_its_accented_letters(tmp_path, lost, issuer):
    meta = metadata(tmp_path, f"ỦY BAN NHÂN DÂN\n{lost}\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                              "Số: 1930/QĐ-UBND\nLai Châu, ngày 11 tháng 7 năm 2025\nQUYẾT ĐỊNH\nVề việc giao chỉ tiêu\n"
                              "Điều 1. Giao chỉ tiêu.\n")
    assert meta.issuer == issuer


@pytest.mark.parametrize("subject", ["V/v Kế hoạch xét tặng Giải thưởng năm 2021", "V/v triển khai Quyết định số 12/QĐ-UBND"])
def test_a_page_whose_title_is_a_letters_subject_is_a_letter(tmp_path, subject):
    meta = metadata(tmp_path, f"Xuất bản thông tin\n\n{subject}\n\nNgày 08 tháng 10 năm 2019, Bộ trưởng ký Quyết định.\n"
                              "Giao Sở Văn hóa tham mưu Kế hoạch triển khai thực hiện.\n")
    assert meta.doc_type == "Công văn"


def test_a_bare_unit_in_the_header_takes_its_locality_from_the_enacting_line(tmp_path):
    meta = metadata(tmp_path, "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 03/2017/QĐ-UBND |\n"
                              "Bình Chánh, ngày 25 tháng 02 năm 2017 |\nQUYẾT ĐỊNH\nBAN HÀNH QUY CHẾ LÀM VIỆC\n"
                              "ỦY BAN NHÂN DÂN HUYỆN BÌNH CHÁNH\nCăn cứ Luật Tổ chức chính quyền địa phương;\n"
                              "QUYẾT ĐỊNH:\nĐiều 1. Ban hành Quy chế.\n")
    assert meta.issuer == "Ủy ban nhân dân huyện Bình Chánh"


@pytest.mark.parametrize("symbol_line", ["/KH-UBND tháng năm 201", "/KH-UBND", "....../QĐ-UBND"])
def test_header_columns_interleaved_line_by_line(tmp_path, symbol_line):
    meta = metadata(tmp_path, "ỦY BAN NHÂN DÂN\nXÃ TÂN THANH TÂY\nSố:\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                              f"Độc lập – Tự do – Hạnh phúc\nTân Thanh Tây, ngày\n{symbol_line}\nKẾ HOẠCH\n"
                              "Phòng, chống thiên tai\nCăn cứ Luật Phòng, chống thiên tai;\nI. MỤC ĐÍCH\nGiảm thiệt hại.\n")
    assert (meta.doc_type, meta.place, meta.number) == ("Kế hoạch", "Tân Thanh Tây", None)
    assert meta.symbol == symbol_line.split("/")[1].split()[0]
