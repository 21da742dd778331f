"""Document metadata of the seed plans against gold, and header-line variants."""

from __future__ import annotations

from conftest import SEEDS, extracted, gold_for
from test_segment import doc_from_text

from extractor.evaluate import METADATA_KEYS, _key
from extractor.fields.metadata import extract_metadata


def test_metadata_accuracy_on_seeds():
    correct = total = 0
    for seed in SEEDS:
        meta = extracted(str(seed)).metadata
        gold = gold_for(seed)["metadata"]
        for k in METADATA_KEYS:
            total += 1
            correct += _key(getattr(meta, k)) == _key(gold[k])
    assert correct / total >= 0.9


def test_metadata_carries_evidence():
    meta = extracted(str(SEEDS[0])).metadata
    assert meta.spans["date"].text.startswith("Lạng Sơn, ngày")
    assert meta.spans["signer"].text.endswith("Đàm Văn Chính")
    assert "UBND tỉnh (B/cáo)" in meta.recipients


def test_filled_number_and_full_date():
    doc = doc_from_text(
        "ỦY BAN NHÂN DÂN\nTỈNH NINH BÌNH\nSố: 187/KH-UBND\nNinh Bình, ngày 13 tháng 9 năm 2021\n"
        "KẾ HOẠCH\nThực hiện Chương trình\n\nCăn cứ Quyết định số 782/QĐ-TTg, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:\n"
        "I. MỤC TIÊU\n1. Một\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn An\n")
    meta = extract_metadata(doc)
    assert (meta.number, meta.symbol, meta.place, meta.date) == ("187/KH-UBND", "KH-UBND", "Ninh Bình", "2021-09-13")
    assert meta.issuer == "Ủy ban nhân dân tỉnh Ninh Bình"
    assert (meta.signer, meta.signer_title) == ("Nguyễn Văn An", "Phó Chủ tịch")


def test_blank_number_with_spaces():
    doc = doc_from_text("Số: / KH-SGDĐT\nHà Nội, ngày tháng 8 năm 2021\nKẾ HOẠCH\nTiêu đề\n")
    meta = extract_metadata(doc)
    assert (meta.number, meta.symbol, meta.date) == (None, "KH-SGDĐT", "2021-08")


def test_two_column_header_read_as_one_line():
    """pdfplumber puts the issuer column and the national motto on one line."""
    doc = doc_from_text(
        "UBND TỈNH LẠNG SƠN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI Độc lập - Tự do - Hạnh phúc\n"
        "Số: 187/KH-SLĐTBXH Lạng Sơn, ngày 13 tháng 9 năm 2021\nKẾ HOẠCH\nTriển khai công tác\n\n"
        "Thực hiện Quyết định số 782/QĐ-TTg.\nI. MỤC TIÊU\n- Một\n")
    meta = extract_metadata(doc)
    assert (meta.number, meta.place, meta.date) == ("187/KH-SLĐTBXH", "Lạng Sơn", "2021-09-13")
    assert _key(meta.issuer) == _key("Sở Lao động - Thương binh và Xã hội tỉnh Lạng Sơn")
    assert [p.role for p in doc.paragraphs[:4]] == ["header", "header", "header", "doc_type"]


# ---------------------------------------------------------------- headers as real documents lay them out


def meta_of(text: str):
    return extract_metadata(doc_from_text(text))


def test_two_line_issuer_is_the_body_of_its_locality():
    meta = meta_of("UỶ BAN NHÂN DÂN\nTỈNH VĨNH LONG\n--------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                   "Số: 745/QĐ-UBND\nVĩnh Long, ngày 07 tháng 5 năm 2013\nQUYẾT ĐỊNH\nBan hành kế hoạch\n")
    assert (meta.issuer, meta.doc_type, meta.number) == ("Ủy ban nhân dân tỉnh Vĩnh Long", "Quyết định", "745/QĐ-UBND")


def test_flattened_header_cells_and_wrapped_cells_are_joined():
    meta = meta_of("ỦY\nBAN NHÂN DÂN\nTỈNH LÀO CAI\n-------\n|\nCỘNG\nHÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n|\n"
                   "Số: 303/KH-UBND\n|\nLào\nCai, ngày 24 tháng 9\nnăm 2019\n|\nKẾ HOẠCH\nThực hiện Đề án\n")
    assert (meta.issuer, meta.place, meta.date) == ("Ủy ban nhân dân tỉnh Lào Cai", "Lào Cai", "2019-09-24")
    meta = meta_of("ỦY BAN NHÂN DÂN | CỘNG HÕA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nXÃ XUÂN TÍN | Độc lập - Tự do - Hạnh phúc |\n"
                   "Số: 36 /KH - UBND |\nXuân Tín, ngày 07 tháng 5 năm 2025 |\nKẾ HOẠCH\nPhòng, chống thiên tai\n")
    assert (meta.issuer, meta.number, meta.place) == ("Ủy ban nhân dân xã Xuân Tín", "36/KH-UBND", "Xuân Tín")


def test_a_national_body_never_takes_the_place_of_issue():
    meta = meta_of("BỘ Y TẾ\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 1987/QĐ-BYT\n"
                   "Hà Nội, ngày 11 tháng 7 năm 2024\nQUYẾT ĐỊNH\nBAN HÀNH KẾ HOẠCH TIÊM CHỦNG\n")
    assert meta.issuer == "Bộ Y tế" and meta.place == "Hà Nội"
    meta = meta_of("BỘ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 5018/QĐ-BNN-TT\n"
                   "Hà Nội, ngày 1 tháng 12 năm 2021\nQUYẾT ĐỊNH\nPhê duyệt Đề án\n")
    assert meta.issuer == "Bộ Nông nghiệp và Phát triển nông thôn"


def test_schools_keep_their_own_name_and_departments_their_parents_locality():
    meta = meta_of("PHÒNG GD&ĐT PHONG ĐIỀN\nTRƯỜNG TH TÂN MỸ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                   "Số: 20/KH-THTM\nPhong Mỹ, ngày 15 tháng 9 năm 2021\nKẾ HOẠCH\nPhát triển nhà trường\n")
    assert meta.issuer == "Trường Tiểu học Tân Mỹ"
    meta = meta_of("UBND TỈNH LẠNG SƠN SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\nSố: /KH-SLĐTBXH\n"
                   "Lạng Sơn, ngày tháng năm 2022\nKẾ HOẠCH\nTriển khai\n")
    assert meta.issuer == "Sở Lao động - Thương binh và Xã hội tỉnh Lạng Sơn"


def test_document_type_from_the_symbol_or_a_letters_layout():
    assert meta_of("ỦY BAN NHÂN DÂN |\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 58/KH-UBND |\n"
                   "Cần Thơ, ngày 20 tháng 3 năm 2023 |\nGIÁM SÁT DỊCH CÚM A NĂM 2023\n").doc_type == "Kế hoạch"
    letter = meta_of("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH HẬU GIANG Độc Lập - Tự Do - Hạnh Phúc\n"
                     "Số: 454/UBND-NCTH Vị Thanh, ngày 6 tháng 4 năm 2011\nV/v tiếp tục phối hợp tuyên truyền\n"
                     "Kính gửi:\n- Giám đốc Sở Văn hóa, Thể thao và Du lịch;\nỦy ban nhân dân tỉnh nhận được Công văn.\n")
    assert (letter.doc_type, letter.number, letter.place, letter.issuer) == (
        "Công văn", "454/UBND-NCTH", "Vị Thanh", "Ủy ban nhân dân tỉnh Hậu Giang")


def test_site_metadata_before_the_document_is_not_its_metadata():
    meta = meta_of("Số hiệu: 51/KH-UBND Loại văn bản: Kế hoạch\nNơi ban hành: Tỉnh Lạng Sơn Người ký: Dương Xuân Huyên\n"
                   "Ngày ban hành: 01/03/2024 Ngày hiệu lực: Đã biết\n\nỦY BAN NHÂN DÂN\nTỈNH LẠNG SƠN\n"
                   "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 52/KH-UBND\nLạng Sơn, ngày 02 tháng 03 năm 2024\nKẾ HOẠCH\nGiảm nghèo\n")
    assert (meta.number, meta.date, meta.signer) == ("52/KH-UBND", "2024-03-02", None)


def test_signature_laid_out_as_a_table_row():
    meta = meta_of("BỘ Y TẾ\nSố: 12/KH-BYT\nHà Nội, ngày 1 tháng 2 năm 2024\nKẾ HOẠCH\nTiêu đề\n\nI. MỤC TIÊU\n- Một\n"
                   "Nơi nhận: - Như trên; - Lưu: VT. | KT. BỘ TRƯỞNG THỨ TRƯỞNG Trần Văn Thuấn |\n")
    assert (meta.signing_authority, meta.signer_title, meta.signer) == ("KT. BỘ TRƯỞNG", "Thứ trưởng", "Trần Văn Thuấn")
