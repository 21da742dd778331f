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
