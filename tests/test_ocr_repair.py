"""The OCR repair: misread heading and cue words put right against the lexicon, only where the
evidence is sure, only in recognised text, each repair mapped back to the source and reported."""

from __future__ import annotations

import glob
from pathlib import Path

import pytest

from extractor.normalise import normalise
from extractor.ocr_repair import (
    LOW_CONFIDENCE,
    repair_lines,
    roman_numeral,
    vocabulary_repairs,
    word_list_repairs,
)
from extractor.pipeline import build_doc, record_from_doc
from extractor.readers.base import Page, SourceDocument
from extractor.tones import clean

ROOT = Path(__file__).resolve().parents[1]


def repaired(text: str) -> str:
    """One line of recognised text as the vocabulary repairs it."""
    for start, end, word in sorted(vocabulary_repairs(text), reverse=True):
        text = text[:start] + word + text[end:]
    return text


@pytest.mark.parametrize(("read", "meant"), [
    ("II. MỤC TIỂU", "II. MỤC TIÊU"),
    ("I. MỤC ĐÍCH, YÊU CÂU", "I. MỤC ĐÍCH, YÊU CẦU"),
    ("III. NỘI DỤNG THỰC HIỆN", "III. NỘI DUNG THỰC HIỆN"),
    ("IV. TỔ CHỨC THỤC HIỆN", "IV. TỔ CHỨC THỰC HIỆN"),
    ("V. TỔ CHỨC THỰỤC HIỆN", "V. TỔ CHỨC THỰC HIỆN"),  # a letter read twice
    ("2. Nhiêm vụ, giải phắp", "2. Nhiệm vụ, giải pháp"),
    ("Phấn đầu đến năm 2025", "Phấn đấu đến năm 2025"),
    ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),  # read right: unchanged
])
def test_heading_and_cue_words_are_repaired_against_the_vocabulary(read, meant):
    assert repaired(read) == meant


@pytest.mark.parametrize("text", [
    "Chi tiêu ngân sách năm 2024",  # "chi tiêu" is a word (spending): no evidence of a misreading
    "xây dựng hệ thống bảo vệ trẻ em",  # "thống bảo" reads as "thông báo", but belongs to two words
    "Hằng năm báo cáo kết quả",  # "hằng năm" and "hàng năm" are both phrases
    "Mục tiêu cụ thể",
])
def test_what_is_read_right_or_may_be_right_is_left_alone(text):
    assert vocabulary_repairs(text) == []


def test_the_vocabulary_changes_nothing_in_the_plans_typed_texts():
    """Run over every text of the corpus as if it were recognised, the vocabulary repairs only the
    typing errors of the documents themselves (a glyph-loss document, "Phần đầu" for Phấn đấu,
    "Chỉnh Phủ", "Kê hoạch"; blind batch H's school pages: "Ke hoach", "Nghi quyết", "trong tâm" for
    trọng tâm, "đễn"; each of the 22 checked by eye on 2026-12-02): one word in three thousand."""
    words = changed = 0
    folders = ("plans", "heldout/plans", "dev/docs", "blind/docs")
    for name in sorted(n for folder in folders for n in glob.glob(str(ROOT / "corpus" / folder / "*.txt"))):
        for line in clean(Path(name).read_text("utf-8")).replace("*", "").replace("#", "").split("\n"):
            words += len(line.split())
            changed += len(vocabulary_repairs(line))
    assert words > 30000 and changed <= words / 3000, (words, changed)


def test_a_doubted_word_is_repaired_by_its_neighbours_and_a_sure_one_is_not():
    line = "Sở Lao động - Thương bình và Xã hội"
    at = line.index("bình")
    assert word_list_repairs(line, lambda start, end: start == at) == [(at, at + 4, "binh")]
    assert word_list_repairs(line, lambda start, end: False) == []
    # two neighbours that would each be repaired to make a word with the other: neither is sure
    assert word_list_repairs("thương bình", lambda start, end: True) == []


def test_misread_roman_numerals_and_glyphs():
    assert roman_numeral("HI") == "III" and roman_numeral("L") == "I" and roman_numeral("Il") == "II"
    assert roman_numeral("IVX") is None and roman_numeral("H") == "II" and roman_numeral("1") is None
    lines = pieces("I. MỤC ĐÍCH", "II. MỤC TIÊU", "HI. NỘI DUNG", "Quyết định số 8668/QĐ\u00d0-SLĐTBXH",
                   "ĐÁNH GIÁ —- THÔNG TIN")
    out, repairs = repair_lines(lines)
    assert ["".join(p[0] for p in line) for line in out] == [
        "I. MỤC ĐÍCH", "II. MỤC TIÊU", "III. NỘI DUNG", "Quyết định số 8668/QĐ-SLĐTBXH", "ĐÁNH GIÁ – THÔNG TIN"]
    assert [(r.read, r.text, r.reason) for r in repairs] == [
        ("HI", "III", "roman numeral"), ("Đ\u00d0", "Đ", "glyph"), ("—-", "–", "glyph")]
    assert (repairs[0].start, repairs[0].end) == (25, 27)  # the source range of what OCR read


def pieces(*lines: str) -> list[list[tuple[str, int, int]]]:
    """Lines as the normaliser's pieces, one a line, one after another in a source."""
    out, pos = [], 0
    for line in lines:
        out.append([(line, pos, pos + len(line))])
        pos += len(line) + 1
    return out


def test_a_lettered_heading_is_no_numeral_where_the_document_has_no_roman_headings():
    lines = pieces("A. MỤC ĐÍCH", "H. NỘI DUNG")
    out, repairs = repair_lines(lines)
    assert repairs == [] and out == lines
    lines = pieces("I. MỤC ĐÍCH", "1. MỤC ĐÍCH CHUNG", "II. MỤC TIÊU")  # an item in capitals stays an item
    assert repair_lines(lines) == (lines, [])


def ocr_document(text: str, doubted: tuple[str, ...] = ()) -> SourceDocument:
    """A recognised one-page document: every word read with confidence 95, but the ``doubted``
    ones, read with less than LOW_CONFIDENCE."""
    spans, pos = [], 0
    for word in text.split(" "):
        for i, part in enumerate(word.split("\n")):
            if i:
                pos += 1
            spans.append((pos, pos + len(part), LOW_CONFIDENCE - 10 if part in doubted else 95.0))
            pos += len(part)
        pos += 1
    page = Page(number=1, text=text, method="ocr", word_confidences=[s for s in spans if s[1] > s[0]])
    return SourceDocument(path="scan.png", name="scan.png", kind="image", pages=[page])


PLAN = ("KẾ HOẠCH\nThực hiện Chương trình phòng ngừa lao động trẻ em\n"
        "I. MỤC ĐÍCH, YÊU CÂU\n1. Nâng cao nhận thức.\nII. MỤC TIỂU\n1. Phấn đấu 90% trẻ em được hỗ trợ.\n"
        "HI. TỔ CHỨC THỰC HIỆN\nSở Lao động - Thương binh và Xã hội chủ trì.")


def test_recognised_text_is_repaired_and_says_so():
    record = record_from_doc(build_doc(ocr_document(PLAN)))
    assert [(s.number, s.title) for s in record.outline.sections] == [
        ("I", "MỤC ĐÍCH, YÊU CẦU"), ("II", "MỤC TIÊU"), ("III", "TỔ CHỨC THỰC HIỆN")]
    assert [s.title_as_read for s in record.outline.sections] == ["MỤC ĐÍCH, YÊU CÂU", "MỤC TIỂU", None]
    assert [s.number_as_read for s in record.outline.sections] == [None, None, "HI"]
    assert [(r.span.text, r.text, r.reason) for r in record.provenance.repairs] == [
        ("CÂU", "CẦU", "vocabulary"), ("TIỂU", "TIÊU", "vocabulary"), ("HI", "III", "roman numeral")]
    for repair in record.provenance.repairs:  # the span is the source's, as OCR read it
        assert PLAN[repair.span.start:repair.span.end] == repair.span.text
    assert record.outline.sections[1].kind == "objectives"


def test_typed_text_is_never_repaired():
    source = ocr_document(PLAN)
    source.pages[0].method, source.kind = "text", "txt"
    record = record_from_doc(build_doc(source))
    assert record.provenance.repairs == [] and record.outline.sections[1].title == "MỤC TIỂU"


def test_a_doubted_word_is_repaired_only_when_ocr_doubted_it():
    text = "KẾ HOẠCH\nI. NHIỆM VỤ\n1. Sở Lao động - Thương bình và Xã hội chủ trì."
    sure = normalise(text, ocr_document(text).pages[0].word_confidences, recognised=[(0, len(text))])
    assert sure.repairs == []
    doubted = normalise(text, ocr_document(text, doubted=("bình",)).pages[0].word_confidences,
                        recognised=[(0, len(text))])
    assert [(r.read, r.text) for r in doubted.repairs] == [("bình", "binh")]
    assert "Thương binh và Xã hội" in doubted.mapped.text
    start = doubted.mapped.text.index("binh")
    assert doubted.mapped.span(start, start + 4).text == "bình"  # maps back to what OCR read


def test_a_numeral_whose_mark_was_lost_or_read_into_it():
    lines = pieces("I. MỤC ĐÍCH", "L MỤC TIÊU", "IIL NHIỆM VỤ VÀ GIẢI PHÁP", "[II. NỘI DUNG", "IV. TỔ CHỨC THỰC HIỆN",
                   "VỊ. TỔNG KẾT, ĐÁNH GIÁ", "L Một việc", "V Phạm vi")
    out, repairs = repair_lines(lines)
    texts = ["".join(p[0] for p in line) for line in out]
    # the numerals put right (the segmenter then takes "III" where II is due as OCR's slip of its I's)
    assert texts[1:6] == ["I MỤC TIÊU", "III NHIỆM VỤ VÀ GIẢI PHÁP", "III. NỘI DUNG", "IV. TỔ CHỨC THỰC HIỆN",
                          "VI. TỔNG KẾT, ĐÁNH GIÁ"]
    assert texts[6:] == ["L Một việc", "V Phạm vi"]  # a title not in capitals is no heading
    assert [(r.read, r.text) for r in repairs] == [("L", "I"), ("IIL", "III"), ("[II", "III"), ("VỊ", "VI")]
