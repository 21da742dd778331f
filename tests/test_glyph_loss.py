"""Text whose font lost its accented letters: the heading and cue words a plan's reading needs are
written again, each restoration kept in provenance, and text with its accents is never touched."""

from __future__ import annotations

import pytest
from test_segment import doc_from_text

from extractor.glyph_loss import glyph_lost, lost_word, restore_lines, restore_text
from extractor.lost_spaces import letter_runs
from extractor.pipeline import record_from_doc


def lose_glyphs(text: str) -> str:
    """``text`` as a font without its accented letters writes it: every non-ASCII letter dropped."""
    return "".join(c for c in text if c.isascii() or not c.isalpha())


def restored(text: str, whole: bool = True, before: str = "") -> str:
    for start, end, new in reversed(restore_text(text, whole, before)):
        text = text[:start] + new + text[end:]
    return text


PLAN = """ỦY BAN NHÂN DÂN
HUYỆN {place_upper}
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: {number}
{place}, ngày {day} tháng {month} năm {year}

{doc_type}
TRIỂN KHAI CÔNG TÁC PHÒNG CHỐNG THIÊN TAI NĂM {year}

Căn cứ Quyết định số 125/QĐ-UBND ngày 15/3/{year} của Ủy ban nhân dân tỉnh về công tác phòng chống thiên tai;
Thực hiện Kế hoạch số 40/KH-UBND ngày 20/3/{year} của Ủy ban nhân dân tỉnh, Ủy ban nhân dân huyện xây dựng
kế hoạch với những nội dung cụ thể như sau:

I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Chủ động phòng ngừa, ứng phó kịp thời, giảm thiểu thiệt hại do thiên tai gây ra.
2. Yêu cầu
Các cơ quan, đơn vị phối hợp chặt chẽ trong công tác phòng chống thiên tai.
II. NỘI DUNG THỰC HIỆN
1. Công tác tuyên truyền trên địa bàn huyện.
III. TỔ CHỨC THỰC HIỆN
Phòng Nông nghiệp chủ trì, phối hợp với các cơ quan liên quan triển khai thực hiện.
"""

def plan(variant: dict) -> str:
    return PLAN.format(place_upper=variant["place"].upper(), **variant)


VARIANTS = [
    {"place": "Tam Dương", "number": "45/KH-UBND", "day": "12", "month": "01", "year": "2017", "doc_type": "KẾ HOẠCH",
     "doc_type_value": "Kế hoạch"},
    {"place": "Lâm Hà", "number": "102/HD-UBND", "day": "03", "month": "6", "year": "2021", "doc_type": "HƯỚNG DẪN",
     "doc_type_value": "Hướng dẫn"},
    {"place": "Đức Thọ", "number": "7/KH-UBND", "day": "28", "month": "12", "year": "2019", "doc_type": "KẾ HOẠCH",
     "doc_type_value": "Kế hoạch"},
]


def _fields(record):
    m = record.metadata
    return {
        "doc_type": m.doc_type, "number": m.number, "date": m.date, "place": m.place,
        "sections": [(s.number, s.title) for s in record.outline.sections],
        # a code's lost Đ is not restored ("125/Q-UBND"): the number's digits and the code's first letter
        "references": [(r.doc_type, (r.number or "")[:5], r.date) for r in record.references],
    }


@pytest.mark.parametrize("variant", VARIANTS, ids=[v["place"] for v in VARIANTS])
def test_a_glyph_lost_plan_reads_as_the_plan(variant):
    accented = plan(variant)
    lost = lose_glyphs(accented)
    assert "MC CH, YU CU" in lost and "Thc hin K hoch s" in lost  # the loss as documents show it
    want = record_from_doc(doc_from_text(accented))
    got = record_from_doc(doc_from_text(lost))
    assert _fields(got) == _fields(want)
    assert got.metadata.doc_type == variant["doc_type_value"]
    assert got.metadata.place == variant["place"]
    assert [s.title for s in got.outline.sections] == ["MỤC ĐÍCH, YÊU CẦU", "NỘI DUNG THỰC HIỆN", "TỔ CHỨC THỰC HIỆN"]
    assert got.outline.sections[0].title_as_read == "MC CH, YU CU"


def test_restorations_are_kept_in_provenance_and_map_to_the_source():
    lost = lose_glyphs(plan(VARIANTS[0]))
    record = record_from_doc(doc_from_text(lost))
    repairs = record.provenance.repairs
    assert repairs and all(r.reason == "glyph loss" for r in repairs)
    for r in repairs:
        assert r.span.text == lost[r.span.start:r.span.end]  # the word as written
    pairs = {(r.span.text, r.text) for r in repairs}
    assert {("HNG", "HƯỚNG"), ("DN", "DẪN")} <= pairs or {("K", "KẾ"), ("HOCH", "HOẠCH")} <= pairs
    assert {("MC", "MỤC"), ("CH", "ĐÍCH"), ("YU", "YÊU"), ("CU", "CẦU")} <= pairs
    assert ("S", "Số") in pairs and ("nm", "năm") in pairs


@pytest.mark.parametrize("lost, want", [
    ("HNG DN", "HƯỚNG DẪN"),
    ("K HOCH", "KẾ HOẠCH"),
    ("A. MC CH, YU CU", "A. MỤC ĐÍCH, YÊU CẦU"),
    ("I. Mc ch", "I. Mục đích"),
    ("Thc hin Ngh quyt s 179/2009/NQ-HND ngy 20/4/2009", "Thực hiện Nghị quyết số 179/2009/NQ-HND ngày 20/4/2009"),
    ("Cn c Quyt nh s 12/Q-UBND", "Căn cứ Quyết định số 12/Q-UBND"),
    ("S: 02 /HD-SVHTTDL Ph Th, ngay 12 thang 01 nm 2017",   # a letter now and then written bare
     "Số: 02 /HD-SVHTTDL Phú Thọ, ngày 12 tháng 01 năm 2017"),
    ("UBND TNH PH TH CNG HO X HI CH NGHA VIT NAM",          # two cells on one line; "HOÀ" lost its À
     "UBND TỈNH PHÚ THỌ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ("S VN HO TH THAO V DU LCH c l p - T do - Hanh phuc",
     "SỞ VĂN HÓA THỂ THAO VÀ DU LỊCH Độc lập - Tự do - Hạnh phúc"),
    ("ca y ban nhn dn tnh", "của Ủy ban nhân dân tỉnh"),   # the lost first letter as the unit writes it
    ("ca Tnh y Ph Th;", "của Tỉnh ủy Phú Thọ;"),
])
def test_heading_and_cue_words_are_restored(lost, want):
    assert restored(lost) == want


def test_a_place_at_a_line_start_takes_the_level_word_that_ended_the_line_before():
    assert restored("Ph Th v vic", before="tỉnh") == "Phú Thọ v vic"
    assert restored("Ph Th v vic") == "Ph Th v vic"


@pytest.mark.parametrize("text", [
    "hng nm",        # "hằng năm" or "hàng năm": two phrases fit, neither is written
    "S V",           # one letter each: sở, số, sự ... and và, về, vì ...
    "v vic xy dng",  # no phrase of the vocabulary
])
def test_what_more_than_one_reading_fits_is_left(text):
    assert restored(text) == text


@pytest.mark.parametrize("text", [
    "KẾ HOẠCH thực hiện Nghị quyết số 02/NQ-HĐND ngày 12 tháng 01 năm 2017 của Hội đồng nhân dân tỉnh",
    "Căn cứ Kế hoạch số 21/KH-UBND; Chỉ thị số 46/CT-TTg; - TT.TU; TT.HĐND tỉnh; Phòng KH-TC",  # codes
    "Covid online Facebook Pasteur",
])
def test_text_with_its_accents_is_untouched(text):
    assert restore_text(text, whole=False) == []
    assert not glyph_lost([text])
    doc = doc_from_text(text)
    assert doc.text == text and doc.repairs == []


def test_an_accented_plan_has_no_restoration():
    accented = plan(VARIANTS[1])
    assert not glyph_lost(accented.split("\n"))
    assert record_from_doc(doc_from_text(accented)).provenance.repairs == []


def test_a_document_with_some_glyphs_lost_has_its_phrases_restored():
    # a lower-case skeleton inside a phrase; the other lost words have no phrase and stay as written
    assert restored("2. Mc tiêu c thể", whole=False) == "2. Mục tiêu c thể"
    assert restored("giao thông, lao động sản xut, sinh hoạt", whole=False) == "giao thông, lao động sản xut, sinh hoạt"
    assert restored("TNH LAI CHÂU", whole=False) == "TỈNH LAI CHÂU"


def test_skeletons_and_glyph_lost_documents():
    assert lost_word("tnh") and lost_word("HNG") and lost_word("nhn")
    assert not lost_word("ngay") and not lost_word("thao")  # syllables themselves
    assert not lost_word("x")
    assert glyph_lost(lose_glyphs(plan(VARIANTS[0])).split("\n"))


@pytest.mark.parametrize("text", [
    plan(VARIANTS[0]),  # its accents: nothing to restore
    plan(VARIANTS[0]) + "Email: vanthu@tamduong.gov.vn\nMc tiêu c thể\n",  # a few lower-case skeletons
    lose_glyphs(plan(VARIANTS[1])),  # glyph-lost
])
def test_lines_restore_the_same_with_more_words_known(text):
    # the words a caller passes may be more than the lines': the skeletons only say which lines to read
    texts = text.split("\n")
    lines = [[(t, 0, len(t))] for t in texts]
    more = letter_runs(text) | {"vn", "tnh", "mc", "ng", "KH", "Nh"}
    assert restore_lines(lines, texts, more) == restore_lines(lines, texts)
