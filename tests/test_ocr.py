"""OCR of scanned plans: accuracy on renderings of a seed, blank and turned pages, image
files, and the PDF fallback that sends poor pages to pypdfium2 or OCR.

OCR costs about 1-3 s a page; each page here is recognised once per session (cached)."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest
from renderings import seed_paths, seed_to_pdf
from scans import (
    blank_page,
    character_error_rate,
    degrade,
    edit_distance,
    mixed_pdf,
    page_text,
    rasterise,
    save_image_pdf,
    save_tiff,
    scans_dir,
    seed_pdf,
)

from extractor.readers import read
from extractor.readers.base import Page
from extractor.readers.image import page_dpi, read_image
from extractor.readers.ocr import estimate_skew, ocr_available, ocr_image, ocr_pdf_page
from extractor.readers.pdf_fallback import improve_pages

pytestmark = pytest.mark.skipif(not ocr_available(), reason="tesseract with the Vietnamese model is not installed")

MAX_CER = 0.02


@functools.lru_cache(maxsize=1)
def short_pdf() -> Path:
    """A one-page rendering of the opening of a seed (quick to recognise)."""
    seed = seed_paths()[0].read_text(encoding="utf-8")
    cut = seed.index("\n\n", 900)
    source = scans_dir() / "short.txt"
    source.write_text(seed[:cut] + "\n", encoding="utf-8")
    return seed_to_pdf(source, scans_dir() / "short.pdf")


@functools.cache
def short_image(dpi: int = 300):
    return rasterise(short_pdf(), 0, dpi)


@functools.lru_cache(maxsize=1)
def short_reference() -> str:
    return page_text(short_pdf(), 0)


@functools.lru_cache(maxsize=1)
def full_page_ocr() -> Page:
    return ocr_pdf_page(seed_pdf(), 0, dpi=300)


def test_edit_distance():
    assert edit_distance("kitten", "sitting") == 3
    assert edit_distance("", "abc") == 3 and edit_distance("Hà Nội", "Hà Nội") == 0
    assert edit_distance("Quyết định", "Quyet dinh") == 3
    assert character_error_rate("a  b\nc", "a b c") == 0.0


def test_full_page_at_300_dpi_is_read_accurately():
    page = full_page_ocr()
    reference = page_text(seed_pdf(), 0)
    assert len(reference) > 1500
    assert character_error_rate(reference, page.text) < MAX_CER
    assert page.method == "ocr" and page.quality > 0.9 and page.number == 1
    assert "Quyết định số 782/QĐ-TTg" in page.text
    assert "\n" in page.text and page.text.count("\n") >= reference.count("\n") - 2  # lines kept


def test_word_confidences_point_at_the_words():
    page = full_page_ocr()
    assert 80 < page.ocr_confidence <= 100
    words = re.findall(r"\S+", page.text)
    assert len(page.word_confidences) == len(words)
    assert [page.text[s:e] for s, e, _ in page.word_confidences] == words
    assert all(0 <= conf <= 100 for _, _, conf in page.word_confidences)
    mean = sum(c for _, _, c in page.word_confidences) / len(page.word_confidences)
    assert abs(mean - page.ocr_confidence) < 0.01


def test_blank_pages_give_a_warning():
    for image in (blank_page(300), blank_page(200, noise=25)):
        page = ocr_image(image, 3)
        assert page.text == "" and page.warnings == ["blank page"] and page.number == 3


def test_upside_down_page_is_turned_and_read():
    page = ocr_image(short_image(300).rotate(180), 1)
    assert any("rotated 180" in w for w in page.warnings)
    assert character_error_rate(short_reference(), page.text) < MAX_CER


def test_skewed_noisy_low_resolution_scan_is_read():
    """5° of skew defeats Tesseract's own layout analysis and heavy grain its binarisation
    (CER 85 % and 99 % measured without preparation); deskew and a median filter fix both."""
    scan = degrade(short_image(200), angle=-5.0, noise=50, blur=0.8)
    assert abs(estimate_skew(scan) - (-5.0)) <= 0.2
    page = ocr_image(scan, 1, dpi=200)
    assert character_error_rate(short_reference(), page.text) < MAX_CER


def test_multi_page_tiff_is_read_page_by_page():
    path = save_tiff([degrade(short_image(200), angle=1.5, noise=15), blank_page(200)],
                     scans_dir() / "scan.tif", dpi=200)
    document = read_image(path)
    assert document.kind == "image" and [p.number for p in document.pages] == [1, 2]
    assert character_error_rate(short_reference(), document.pages[0].text) < MAX_CER
    assert document.pages[1].warnings == ["blank page"] and document.pages[1].text == ""
    assert document.pages[0].ocr_confidence > 80
    assert document.warnings == ["page 2: blank page"]


def test_image_resolution_comes_from_the_tag_or_the_page_size():
    image = short_image(200).copy()
    assert page_dpi(image) == 200  # no tag: an A4 page 1654 pixels wide
    image.info["dpi"] = (300, 300)
    assert page_dpi(image) == 300
    image.info["dpi"] = (72, 72)  # a screen default, not a scan's resolution
    assert page_dpi(image) == 200


def test_mixed_pdf_sends_only_its_scanned_page_to_ocr():
    path = mixed_pdf(scans_dir() / "mixed.pdf", scanned=[1], dpi=200)
    document = read(path)
    methods = [p.method for p in document.pages]
    assert methods == ["pypdfium2", "ocr", "pypdfium2", "pypdfium2", "pypdfium2"]
    scanned = document.pages[1]
    assert any("no text layer" in w for w in scanned.warnings)
    assert character_error_rate(page_text(seed_pdf(), 1), scanned.text) < MAX_CER
    assert all(p.quality > 0.9 for p in document.pages)


def test_image_only_pdf_is_read_by_ocr():
    path = save_image_pdf([short_image(200)], scans_dir() / "image-only.pdf", dpi=200)
    document = read(path)
    assert document.kind == "pdf" and [p.method for p in document.pages] == ["ocr"]
    assert character_error_rate(short_reference(), document.text) < MAX_CER


def test_legacy_font_text_layer_is_repaired_without_ocr(tmp_path):
    """A PDF typed in a TCVN3 font without a Unicode map: its text layer reads as mojibake."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("DejaVuSans", "", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    pdf.set_font("DejaVuSans", size=12)
    pdf.add_page()
    mojibake = ["KÕ HO¹CH", "TriÓn khai thùc hiÖn Ch\u00ad¬ng tr×nh phßng ngõa, gi¶m thiÓu trÎ em lao "
                "®éng tr¸i quy ®Þnh cña ph¸p luËt", "Thùc hiÖn QuyÕt ®Þnh sè 782/Q§-TTg ngµy 27/5/2021"]
    for line in mojibake:
        pdf.cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "tcvn3.pdf"
    pdf.output(str(path))
    (fixed,) = read(path).pages
    assert fixed.method == "pypdfium2" and fixed.quality > 0.9
    assert fixed.text.split("\n")[0] == "KẾ HOẠCH"
    assert "Thực hiện Quyết định số 782/QĐ-TTg ngày 27/5/2021" in fixed.text
    assert any("tcvn3->unicode" in w for w in fixed.warnings)


def test_good_pages_are_returned_unchanged():
    pages = [Page(number=1, text=page_text(seed_pdf(), 0), method="pdfplumber")]
    (page,) = improve_pages(seed_pdf(), pages)
    assert (page.text, page.method, page.warnings) == (pages[0].text, "pdfplumber", [])
    assert page.quality > 0.95


def test_glyph_codes_are_replaced_by_pypdfium2_text():
    """pdfminer gives ``(cid:N)`` for a font without a Unicode map; pdfium may still read it."""
    garbled = " ".join(f"(cid:{n})" for n in range(40, 400))
    pages = [Page(number=1, text=garbled, method="pdfplumber"),
             Page(number=2, text=page_text(seed_pdf(), 1), method="pdfplumber")]
    first, second = improve_pages(seed_pdf(), pages)
    assert first.method == "pypdfium2" and first.quality > 0.95
    assert character_error_rate(page_text(seed_pdf(), 0), first.text) < 0.01
    assert any("pypdfium2 text used" in w for w in first.warnings)
    assert second.method == "pdfplumber" and second.text == pages[1].text
