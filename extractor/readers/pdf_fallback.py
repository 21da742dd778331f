"""Second readings of PDF pages whose text layer is missing or garbled: repairs, then OCR.

For each page :func:`improve_pages` scores the text (:mod:`.quality`). A usable page is kept
as it is (its quality recorded). A poor one is tried, in order, until one reading is
usable: the same text repaired from a legacy font encoding (TCVN3/VNI read as Latin-1);
for a page pdfplumber read (a ruled page), pypdfium2's text of it (method ``pypdfium2``);
then OCR of the page rasterised at 300 dpi (method ``ocr``, pages recognised in parallel).
A page that looks scanned — little text on a page mostly covered by images — goes to OCR
even when its few words are fine. Every replaced page says in its warnings which reading it
took and why. Without Tesseract or its Vietnamese model, pages that need OCR keep their
text with a warning naming the package, and a document with no other text is refused as
``engine_missing``.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import replace
from pathlib import Path
from typing import Optional, Union

from pypdfium2 import PdfDocument, PdfiumError, PdfPage

from ..encodings import fix_text
from . import ocr
from .base import Page, ReadError
from .pdf_pages import PageSurvey, loaded_page, open_document, page_text, survey
from .printable import printable_name
from .quality import USABLE_SCORE, score_text, short_and_plain

OCR_DPI = 300
# A page with fewer letters than this whose images cover this share of it is a scan
# (a scanner's PDF may add a few words of text, such as a page header, over the image).
SCANNED_MAX_LETTERS = 200
SCANNED_MIN_IMAGE_COVER = 0.5


def _letters(text: str) -> int:
    return sum(c.isalpha() for c in text)


def _is_good(text: str, quality: float) -> bool:
    return bool(text.strip()) and (quality >= USABLE_SCORE or short_and_plain(text))


class _PdfiumPages:
    """pypdfium2's view of the document, opened on first use, one page loaded at a time."""

    def __init__(self, path: Union[str, Path]):
        self.path = Path(path)
        self._document: Optional[PdfDocument] = None
        self._surveys: dict[int, PageSurvey] = {}

    def _load(self, index: int) -> AbstractContextManager[PdfPage]:
        if self._document is None:
            self._document = open_document(self.path)
        return loaded_page(self._document, index)

    def text(self, index: int) -> str:
        with self._load(index) as page:
            return page_text(page)

    def survey(self, index: int) -> PageSurvey:
        if index not in self._surveys:
            with self._load(index) as page:
                self._surveys[index] = survey(page)
        return self._surveys[index]

    def close(self) -> None:
        if self._document is not None:
            self._document.close()


def _kept_layout(page: Page, text: str) -> Page:
    """The page's layout (line ends and styles) when a repair of its text left every line where it
    was; else a page without one."""
    if len(text) == len(page.text) and all(text[at] == page.text[at] == "\n" for at in page.line_ends) and all(
            at == 0 or text[at - 1] == "\n" for at in page.line_styles):
        return page
    return replace(page, line_ends={}, line_styles={}, turn=None)


def _text_reading(page: Page, pdfium: _PdfiumPages) -> tuple[Page, bool]:
    """The best text-layer reading of a poor page, and whether it is good enough."""
    quality = score_text(page.text)
    best = replace(page, quality=round(quality, 4))
    fixed, conversions = fix_text(page.text)
    if conversions:
        repaired_quality = round(score_text(fixed), 4)
        kept = _kept_layout(page, fixed)
        best = replace(kept, text=fixed, quality=repaired_quality,
                       warnings=page.warnings + [f"text layer repaired: {', '.join(conversions)}"])
        if _is_good(best.text, repaired_quality):
            return best, True
    if page.method != "pdfplumber":  # pypdfium2's text is what the page has
        return best, False
    try:
        text = pdfium.text(page.number - 1)
    except PdfiumError as error:  # a page pypdfium2 cannot parse: keep pdfplumber's reading
        best.warnings = best.warnings + [f"pypdfium2 could not read the page: {type(error).__name__}"]
        return best, False
    fixed, conversions = fix_text(text)
    quality = score_text(fixed)
    if quality > (best.quality or 0.0) or (fixed.strip() and not best.text.strip()):
        notes = [f"pdfplumber text poor (quality {best.quality:.2f}); pypdfium2 text used"]
        if conversions:
            notes.append(f"text layer repaired: {', '.join(conversions)}")
        best = Page(number=page.number, text=fixed, method="pypdfium2", quality=round(quality, 4),
                    warnings=page.warnings + notes)
    return best, _is_good(best.text, best.quality or 0.0)


def _looks_scanned(page: Page, pdfium: _PdfiumPages) -> Optional[bool]:
    """True for a page mostly covered by images with little text; None when unknown."""
    try:
        cover = pdfium.survey(page.number - 1).image_cover
    except PdfiumError:
        return None
    return cover >= SCANNED_MIN_IMAGE_COVER and _letters(page.text) < SCANNED_MAX_LETTERS


def _is_empty_page(index: int, pdfium: _PdfiumPages) -> bool:
    """A page without any content object: nothing to recognise."""
    try:
        return pdfium.survey(index).objects == 0
    except PdfiumError:
        return False


def _choose(text_page: Page, ocr_page: Page) -> Page:
    """OCR's reading unless it recognised less than the text layer had."""
    if not ocr_page.text.strip() and text_page.text.strip():
        text_page.warnings = text_page.warnings + ocr_page.warnings + ["OCR found no text; text layer kept"]
        return text_page
    if text_page.text.strip() and (ocr_page.quality or 0.0) < (text_page.quality or 0.0):
        text_page.warnings = text_page.warnings + [
            f"OCR quality {ocr_page.quality:.2f} below the text layer's; text layer kept"]
        return text_page
    reason = (f"text layer poor (quality {text_page.quality:.2f})" if text_page.text.strip()
              else "no text layer")
    ocr_page.warnings = [w for w in text_page.warnings if w.startswith("page ")] + [f"{reason}; page OCRed"] + \
        ocr_page.warnings
    return ocr_page


def improve_pages(path: Union[str, Path], pages: list[Page]) -> list[Page]:
    """Replace the poor pages of a PDF's reading by a better reading (see module doc).
    Pages that are fine come back unchanged but for their ``quality``."""
    result: list[Page] = []
    pdfium = _PdfiumPages(path)
    to_ocr: list[int] = []  # positions in ``result``
    try:
        for page in pages:
            quality = score_text(page.text)
            if _is_good(page.text, quality) and not (
                    _letters(page.text) < SCANNED_MAX_LETTERS and _looks_scanned(page, pdfium)):
                result.append(replace(page, quality=round(quality, 4)))
                continue
            best, good = _text_reading(page, pdfium)
            result.append(best)
            if good and not _looks_scanned(best, pdfium):
                continue
            if not best.text.strip() and _is_empty_page(page.number - 1, pdfium):
                best.warnings = best.warnings + ["blank page"]
            else:
                to_ocr.append(len(result) - 1)
    finally:
        pdfium.close()
    if not to_ocr:
        return result
    missing = ocr.missing_engine()
    if missing:
        return _without_ocr(Path(path), result, to_ocr, missing)
    recognised = ocr.ocr_pdf_pages(path, [result[i].number - 1 for i in to_ocr], OCR_DPI)
    for position, ocr_page in zip(to_ocr, recognised):
        result[position] = _choose(result[position], ocr_page)
    return result


def _without_ocr(path: Path, pages: list[Page], to_ocr: list[int], missing: str) -> list[Page]:
    """The pages that needed OCR, with a warning saying why it did not run; ReadError
    ``engine_missing`` when no other page has text."""
    needing = set(to_ocr)
    if not any(page.text.strip() for i, page in enumerate(pages) if i not in needing):
        raise ReadError("engine_missing", f"'{printable_name(path.name)}': {len(to_ocr)} of its {len(pages)} "
                        f"pages need OCR (no text layer, or a garbled one), and {missing}")
    for position in to_ocr:
        pages[position].warnings = pages[position].warnings + [f"text layer poor or missing; not OCRed: {missing}"]
    return pages
