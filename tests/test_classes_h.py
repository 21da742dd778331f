"""Classes of layout and phrasing first met in blind batch H, each on variants written for the test
(never a document's own sentence).

Metadata: a ministry's header flattened into one line with its rule and its number inside the issuer's
cell; a legal site's own metadata block (with a login notice that reads like a purpose clause) above the
document's header; a province named under its unit noun without its level word; the issuing body named
in a sentence after a citation whose subject uses the same verb, a locality left unnamed ("UBND xã ban
hành …") kept as written; a decision whose page lost its title, the authority line right above
the bases.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.fields.metadata import extract_metadata
from extractor.pipeline import build_doc


def _doc(tmp_path: Path, text: str):
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    return build_doc(path)


MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc"


# ---------------------------------------------------------------- one-line header with its rule and number


@pytest.mark.parametrize(("ministry", "issuer", "rule", "number"), [
    ("BỘ Y TẾ", "Bộ Y tế", "-------", "1234/QĐ-BYT"),
    ("BỘ GIÁO DỤC VÀ ĐÀO TẠO", "Bộ Giáo dục và Đào tạo", "———", "56/KH-BGDĐT"),
    ("BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG", "Bộ Tài nguyên và Môi trường", "------------", "789/QĐ-BTNMT-KHCN"),
])
def test_a_one_line_header_keeps_the_rule_and_number_out_of_the_issuer(tmp_path, ministry, issuer, rule, number):
    text = (f"{ministry} {rule} Số: {number} | {MOTTO} {rule} Hà Nội, ngày 15 tháng 11 năm 2017 |\n"
            "QUYẾT ĐỊNH\nVề việc ban hành Kế hoạch chuyển đổi số\n"
            "Căn cứ Nghị định số 15/2017/NĐ-CP ngày 17/02/2017 của Chính phủ;\nQUYẾT ĐỊNH:\n"
            "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch chuyển đổi số.\n")
    meta = extract_metadata(_doc(tmp_path, text))
    assert (meta.issuer, meta.number, meta.symbol) == (issuer, number, number.split("/", 1)[1])
    assert (meta.place, meta.date, meta.doc_type) == ("Hà Nội", "2017-11-15", "Quyết định")


# ---------------------------------------------------------------- a site's metadata block above the header

SITE_BLOCK = ("Trang chủ » Văn bản » Y tế\n\nQuyết định 45/QĐ-BYT năm 2024 về Kế hoạch phòng chống dịch\n\n"
              "Số hiệu 45/QĐ-BYT\nLoại văn bản Quyết định\nCơ quan Bộ Y tế\nNgày ban hành 05/01/2024\n"
              "Ngày hiệu lực\nĐã biết\n{notice}\nTình trạng\nĐã biết\n{notice}\n  • Mục lục\n  • Lưu\n  • Theo dõi\n"
              "  • Ghi chú\n  • Góp ý\n\n")


@pytest.mark.parametrize("notice", [
    "Để xem thông tin này, vui lòng đăng nhập tài khoản gói nâng cao. Nếu chưa có tài khoản vui lòng đăng ký.",
    "Để xem nội dung này, vui lòng đăng nhập.",
    "Nhằm bảo đảm quyền lợi, vui lòng đăng ký thành viên.",
])
def test_a_site_block_with_a_login_notice_above_the_header_is_furniture(tmp_path, notice):
    text = SITE_BLOCK.format(notice=notice) + (
        "BỘ Y TẾ\n-------\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\n\n"
        "Số: 45/QĐ-BYT\n\nHà Nội, ngày 05 tháng 01 năm 2024\n\nQUYẾT ĐỊNH\n\nBAN HÀNH KẾ HOẠCH PHÒNG CHỐNG DỊCH\n\n"
        "BỘ TRƯỞNG BỘ Y TẾ\n\nCăn cứ Luật Phòng, chống bệnh truyền nhiễm năm 2007;\n")
    meta = extract_metadata(_doc(tmp_path, text))
    assert (meta.doc_type, meta.number, meta.issuer, meta.place, meta.date) == (
        "Quyết định", "45/QĐ-BYT", "Bộ Y tế", "Hà Nội", "2024-01-05")


def test_a_body_first_document_with_a_cue_keeps_its_preamble(tmp_path):
    """No motto below a purpose clause: the body came first, nothing is furniture."""
    text = ("Để triển khai hiệu quả công tác phòng chống dịch, Sở Y tế xây dựng Kế hoạch như sau:\n"
            "I. MỤC ĐÍCH\n1. Nâng cao nhận thức.\n")
    doc = _doc(tmp_path, text)
    assert doc.paragraphs[0].role == "preamble"
    assert extract_metadata(doc).issuer == "Sở Y tế"


# ---------------------------------------------------------------- a province without its level word


@pytest.mark.parametrize(("unit", "place", "issuer"), [
    ("ỦY BAN NHÂN DÂN", "LÀO CAI", "Ủy ban nhân dân tỉnh Lào Cai"),
    ("ỦY BAN NHÂN DÂN", "HÀ NỘI", "Ủy ban nhân dân thành phố Hà Nội"),
    ("HỘI ĐỒNG NHÂN DÂN", "NGHỆ AN", "Hội đồng nhân dân tỉnh Nghệ An"),
    ("ỦY BAN NHÂN DÂN", "TỈNH LÀO CAI", "Ủy ban nhân dân tỉnh Lào Cai"),
])
def test_a_province_named_without_its_level_word_takes_it_from_the_gazetteer(tmp_path, unit, place, issuer):
    town = place.replace("TỈNH ", "").title()
    text = (f"{unit}\n{place}\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nSố: 225/KH-UBND\n\n"
            f"{town}, ngày 18 tháng 08 năm 2016\n\nKẾ HOẠCH\n\nTổ chức ngày hội văn hóa\n\n"
            "Căn cứ Quyết định số 4686/QĐ-BVHTTDL ngày 31/12/2013;\n")
    assert extract_metadata(_doc(tmp_path, text)).issuer == issuer


# ---------------------------------------------------------------- the issuing sentence after a citation


@pytest.mark.parametrize(("sentence", "issuer"), [
    ("Thực hiện Công văn số 2191/BNN-TCTL ngày 03/7/2013 của Tổng cục Thủy lợi về việc xây dựng kế hoạch năm 2014. "
     "Ban điều hành Chương trình MTQG Nước sạch và VSMT Hà Nam xây dựng kế hoạch năm 2014 như sau:",
     "Ban điều hành Chương trình mục tiêu quốc gia Nước sạch và Vệ sinh môi trường Hà Nam"),
    ("Căn cứ Hướng dẫn số 12/HD-SYT của Sở Y tế về xây dựng kế hoạch phòng dịch, Trung tâm Y tế huyện Đam Rông "
     "xây dựng Kế hoạch như sau:", "Trung tâm Y tế huyện Đam Rông"),
])
def test_the_issuer_is_the_subject_of_the_plans_own_sentence(tmp_path, sentence, issuer):
    text = f"Kế hoạch phòng dịch năm 2014\n\n{sentence}\n\nPhần I\n\nĐÁNH GIÁ KẾT QUẢ\n\nI. TÌNH HÌNH CHUNG\n"
    assert extract_metadata(_doc(tmp_path, text)).issuer == issuer


@pytest.mark.parametrize(("subject", "issuer"), [
    ("UBND xã", "Ủy ban nhân dân xã"),
    ("UBND xã Tân An", "Ủy ban nhân dân xã Tân An"),
])
def test_a_locality_left_unnamed_is_kept_as_written_never_invented(tmp_path, subject, issuer):
    """A text that names its commune nowhere gives the body as it names it: no place is made up."""
    text = ("Phương án phòng chống thiên tai\n\nKẾ HOẠCH\nPhòng, chống thiên tai giai đoạn 2021 – 2025\n\n"
            "Căn cứ Thông tư số 02/2021/TT-BNNPTNT về hướng dẫn xây dựng kế hoạch phòng, chống thiên tai. Nhằm chủ "
            f"động ứng phó, {subject} ban hành Kế hoạch phòng, chống thiên tai cụ thể như sau:\nI. MỤC ĐÍCH\n")
    assert extract_metadata(_doc(tmp_path, text)).issuer == issuer


# ---------------------------------------------------------------- a decision that lost its title


@pytest.mark.parametrize("authority", ["BỘ TRƯỞNG BỘ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH"])
def test_the_authority_line_under_the_type_is_no_title(tmp_path, authority):
    text = (f"BỘ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN\nSố: 4653/QĐ-BNN-KHCN\n{MOTTO}\nHà Nội, ngày 15 tháng 11 năm 2017\n"
            f"QUYẾT ĐỊNH\n------------\n{authority}\nCăn cứ Nghị định số 15/2017/NĐ-CP ngày 17/02/2017 của Chính phủ;\n")
    doc = _doc(tmp_path, text)
    assert extract_metadata(doc).title is None
    assert [p.role for p in doc.paragraphs if p.text.startswith(authority)] == ["authority"]


# ---------------------------------------------------------------- a Party number with its slash and dash swapped


PREAMBLE = ("ỦY BAN NHÂN DÂN\nTỈNH HÀ GIANG\nSố: 214/KH-UBND\nHà Giang, ngày 5 tháng 3 năm 2021\nKẾ HOẠCH\n"
            "Công tác dân số\n{bases}\nI. MỤC ĐÍCH\n1. Nâng cao chất lượng dân số.\n")


@pytest.mark.parametrize(("first", "second", "number"), [
    ("21/NQ-TW", "21-NQ/TW", "21-NQ/TW"),
    ("21-NQ/TW", "21/NQ-TW", "21-NQ/TW"),
    ("12/CT-TU", "12-CT/TU", "12-CT/TU"),
])
def test_a_party_number_written_both_ways_is_one_document_in_the_partys_form(tmp_path, first, second, number):
    from extractor.fields.references import extract_references

    bases = (f"Căn cứ Nghị quyết số {first} ngày 25 tháng 10 năm 2017 của Ban Chấp hành Trung ương Đảng;\n"
             f"Căn cứ Nghị quyết số 137/NQ-CP ngày 31/12/2017 của Chính phủ thực hiện Nghị quyết số {second} ngày "
             "25 tháng 10 năm 2017;")
    doc = _doc(tmp_path, PREAMBLE.format(bases=bases))
    refs = extract_references(doc, extract_metadata(doc))
    assert [r.number for r in refs] == [number, "137/NQ-CP"]
    assert len(refs[0].mentions) == 2


def test_a_party_number_written_once_with_its_separators_swapped_is_kept_as_written(tmp_path):
    from extractor.fields.references import extract_references

    doc = _doc(tmp_path, PREAMBLE.format(bases="Căn cứ Nghị quyết số 41/NQ-ĐU ngày 25/12/2018 của Ban Chấp hành Đảng ủy;"))
    assert [r.number for r in extract_references(doc, extract_metadata(doc))] == ["41/NQ-ĐU"]


@pytest.mark.parametrize(("line", "number"), [
    ("Số: 15/KH- THCS LQĐ                          Duyên Hải, ngày 25  tháng 9 năm 2016", "15/KH-THCSLQĐ"),
    ("Số: 07/KH-TH LQĐ", "07/KH-THLQĐ"),
    ("Số: 12/KH-UBND TP HCM", "12/KH-UBND"),
    ("Số: 12/KH-UBND V/v triển khai", "12/KH-UBND"),
    ("Số: 12/KH-UBND HUẾ, ngày 2 tháng 3 năm 2020", "12/KH-UBND"),
])
def test_a_number_lines_last_part_split_by_a_space(line, number):
    """A school's symbol whose last part is written in two ("THCS LQĐ") at the end of its cell is one part;
    capitals that go on into more words, a subject or a place are not part of it."""
    from extractor.fields.docnumbers import parse_number_line

    assert parse_number_line(line)[0] == number
