"""Segmentation of the real seed plans and of variants made from them."""

from __future__ import annotations

import unicodedata

from conftest import SEEDS, extracted, gold_for

from extractor.normalise import normalise
from extractor.pipeline import build_doc, record_from_doc
from extractor.readers.base import Page, SourceDocument
from extractor.segment import roman_value
from extractor.tones import fold, normalise_tone_marks

SECTION_CODES = {"section_number_gap", "section_number_duplicate", "section_level_inconsistent"}


def doc_from_text(text: str, name: str = "variant.txt"):
    return build_doc(SourceDocument(path=name, name=name, kind="txt", pages=[Page(1, text, "text")]))


def test_sections_match_gold_exactly(seed):
    record = extracted(str(seed))
    gold = gold_for(seed)
    assert [(s.number, s.title) for s in record.outline.sections] == [
        (s["number"], s["title"]) for s in gold["sections"]
    ]


def test_numbering_findings_match_gold(seed):
    record = extracted(str(seed))
    gold = gold_for(seed)
    got = sorted((f.code, f.section) for f in record.findings if f.code in SECTION_CODES)
    want = sorted((f["code"], f["section"]) for f in gold["findings"] if f["code"] in SECTION_CODES)
    assert got == want
    for f in record.findings:
        if f.code in SECTION_CODES:
            assert f.evidence and f.message_vi and f.message_en


def test_section_spans_point_at_the_source(seed):
    record = extracted(str(seed))
    source = seed.read_text("utf-8")
    for s in record.outline.sections:
        assert source[s.span.start:s.span.end] == s.span.text
        assert s.title in s.span.text and s.span.text.lstrip().startswith(s.number)
        assert source.count("\n", 0, s.span.start) + 1 == s.span.line


def test_every_section_has_a_kind(seed):
    record = extracted(str(seed))
    kinds = [s.kind for s in record.outline.sections]
    assert "other" not in kinds
    titles = {s.title: s.kind for s in record.outline.sections}
    for title, kind in titles.items():
        if "KINH PHÍ" in title:
            assert kind == "budget"
        if "TỔ CHỨC THỰC HIỆN" in title:
            assert kind == "organisation"


def test_items_nest_by_marker():
    record = extracted(str(SEEDS[1]))  # 001: 2. Mục tiêu cụ thể / a) Mục tiêu 1 / - Chỉ tiêu 1
    objectives = record.outline.sections[0]
    two = next(i for i in objectives.items if i.label == "2")
    assert [c.label for c in two.children] == ["a", "b", "c"]
    assert two.children[0].children[0].text.startswith("- Chỉ tiêu 1")


def test_front_matter_and_closing_roles():
    record = extracted(str(SEEDS[0]))
    assert record.outline.preamble[0].text.startswith("Thực hiện Quyết định số 782/QĐ-TTg")
    assert any(b.text.startswith("Nơi nhận") for b in record.outline.closing)
    assert record.outline.title.text.startswith("Triển khai thực hiện Chương trình")


def test_hard_wrapped_lines_joined_and_furniture_dropped():
    record = extracted(str(SEEDS[2]))  # 002: PDF-extracted, hard-wrapped, page number and footnote mark
    assert record.outline.title.text.endswith("trên địa bàn xã Hoằng Đức")
    furniture = [s.text.strip() for s in record.provenance.furniture]
    assert "2" in furniture and "1" in furniture
    doc = build_doc(SourceDocument(path=str(SEEDS[2]), name=SEEDS[2].name, kind="txt",
                                   pages=[Page(1, SEEDS[2].read_text("utf-8"), "text")]))
    assert "đợt cao điểm truyền thông thúc đẩy" in doc.text
    assert any(s.startswith("2023-04-27T") for s in record.provenance.signature)
    assert "@" not in doc.text


def test_decomposed_and_other_tone_placement_give_same_sections(seed):
    text = seed.read_text("utf-8")
    nfd = unicodedata.normalize("NFD", text.replace("hòa", "hoà").replace("Ủy", "Uỷ"))
    doc = doc_from_text(nfd, seed.name)
    assert [(s.number, s.title) for s in doc.outline.sections] == [
        (s.number, s.title) for s in extracted(str(seed)).outline.sections
    ]
    assert unicodedata.is_normalized("NFC", doc.text)


def test_heading_variants():
    text = "KẾ HOẠCH\nVề việc thử nghiệm\n\nI.MỤC TIÊU\n1. Một\n**II. NỘI DUNG**\n- Hai\nIII - KINH PHÍ\n- Ba\nV) TỔ CHỨC THỰC HIỆN\n- Bốn\n"
    doc = doc_from_text(text)
    assert [(s.number, s.title) for s in doc.outline.sections] == [
        ("I", "MỤC TIÊU"), ("II", "NỘI DUNG"), ("III", "KINH PHÍ"), ("V", "TỔ CHỨC THỰC HIỆN")]
    assert [s.kind for s in doc.outline.sections] == ["objectives", "tasks", "budget", "organisation"]
    codes = [(f.code, f.section) for f in record_from_doc(doc).findings]
    assert codes == [("section_number_gap", "V")]


def test_document_without_sections():
    doc = doc_from_text("Một đoạn văn bản không có mục nào.\n\nVà một đoạn nữa.")
    assert doc.outline.sections == [] and record_from_doc(doc).findings == []


def test_sentence_starting_with_roman_letter_is_not_a_section():
    doc = doc_from_text("KẾ HOẠCH\nTiêu đề\n\nI. MỤC TIÊU\nV. nhóm này không phải tiêu đề vì viết thường và dài dòng như một câu văn.\n")
    assert [s.number for s in doc.outline.sections] == ["I"]


def test_helpers():
    assert [roman_value(r) for r in ("I", "IV", "VI", "IX", "XIV")] == [1, 4, 6, 9, 14]
    assert normalise_tone_marks("hoà thuỷ khoẻ quý hoàn uỷ") == "hòa thủy khỏe quý hoàn ủy"
    assert fold("Sở Lao động- Thương binh  và Xã hội") == fold("sở lao động - thương binh và xã hội")
    norm = normalise("# **Tiêu đề**\nabc")
    assert norm.mapped.text == "Tiêu đề\nabc"
    span = norm.mapped.span(0, 7)
    assert span.text == "Tiêu đề" and span.start == 4


def test_running_headers_and_footers_are_furniture():
    body = ["KẾ HOẠCH", "Tiêu đề kế hoạch", "I. MỤC TIÊU"] + [f"- Nội dung số {i} của kế hoạch." for i in range(12)]
    pages = []
    for n in range(4):
        chunk = body[n * 4:(n + 1) * 4] or ["- Thêm."]
        pages.append("\n".join(["Kế hoạch số 12/KH-UBND của UBND huyện"] + chunk + [f"Trang {n + 1}/4"]))
    doc = build_doc(SourceDocument(path="p.pdf", name="p.pdf", kind="pdf",
                                   pages=[Page(i + 1, t, "pdfplumber") for i, t in enumerate(pages)]))
    assert "Kế hoạch số 12/KH-UBND của UBND huyện" not in doc.text
    assert "Trang" not in doc.text
    assert len(doc.furniture) == 8
    assert [s.number for s in doc.outline.sections] == ["I"]


def test_ocr_numeral_slips_are_repaired_only_for_strokes_of_i():
    from extractor.segment import ocr_numeral_slip

    assert ocr_numeral_slip("II", 3) and ocr_numeral_slip("IIII", 3)  # III misread
    assert not ocr_numeral_slip("V", 6)  # seed 004's second V is the author's
    assert not ocr_numeral_slip("VI", 5)  # seed 001's jump to VI is the author's
    assert not ocr_numeral_slip("III", 3)
