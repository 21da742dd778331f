"""PDF plans, page by page: pypdfium2 first, pdfplumber for ruled pages, then repairs and OCR.

1. :mod:`.pdf_pages` (pypdfium2, hundreds of pages/s): each page is opened, its text layer
   read with where its lines sit and in what type (:mod:`.layout`: which lines were wrapped,
   which end their paragraph, which are headings or bold) and its objects surveyed, and closed
   again, so a long PDF is never in memory at
   once; a PDF with more pages than the limit (:mod:`.limits`) is refused before any page
   is read.
2. :mod:`.pdf_tables` (pdfplumber, ~10 pages/s): the pages whose survey found rules are read
   again, their ruled tables as markdown rows.
3. :mod:`.pdf_fallback`: pages whose text is missing or garbled (:mod:`.quality`) are
   repaired from a legacy font encoding, or recognised by OCR.

Encrypted -> ``encrypted_pdf``, corrupt -> ``broken_pdf``, no text on any page -> ``empty_file``.
"""

from __future__ import annotations

from pathlib import Path

from pypdfium2 import PdfiumError

from .base import Page, ReadError, SourceDocument
from .layout import LineBox, line_ends, line_styles, page_turns
from .limits import check_page_count
from .pdf_fallback import improve_pages
from .pdf_pages import loaded_page, open_document, page_text_and_lines, survey
from .pdf_tables import read_ruled_pages
from .printable import printable_name

# A PDF ends with %%EOF; some writers append a little padding after it.
EOF_MARKER = b"%%EOF"
EOF_SEARCH_BYTES = 2048


def read_pdf(path: Path) -> SourceDocument:
    """Read every page of a PDF (see the module doc)."""
    name = printable_name(path.name)
    warnings = [] if _ends_with_eof_marker(path) else [
        f"'{name}' has no %%EOF marker at its end: it may be truncated"]
    pages, ruled = _text_layer(path, name)
    if all(page.warnings and not page.text for page in pages):
        raise ReadError("broken_pdf", f"'{name}': no page could be parsed ({pages[0].warnings[0]})")
    if ruled:
        pages = read_ruled_pages(path, pages, ruled)
    laid_out = [page.text for page in pages]
    try:
        pages = improve_pages(path, pages)
    except ReadError:
        raise
    except Exception as error:  # a failed second reading must not lose the text layer
        warnings.append(f"PDF fallback failed, text layer kept: {type(error).__name__}: {error}")
    for page, following, text in zip(pages, pages[1:], laid_out[1:]):
        if following.text != text:  # the next page was read again: the turn was measured on another text
            page.turn = None
    if not any(page.text.strip() for page in pages):
        if not any(page.method == "ocr" for page in pages):
            raise ReadError("empty_file", f"'{name}' has no text on any of its {len(pages)} pages")
        warnings.append(f"'{name}': OCR found no text on any of its {len(pages)} pages: a blank scan?")
    return SourceDocument(path=printable_name(path), name=name, kind="pdf", pages=pages, warnings=warnings)


def _text_layer(path: Path, name: str) -> tuple[list[Page], list[int]]:
    """pypdfium2's text of every page, and the indices of the pages with rules on them."""
    document = open_document(path)
    try:
        count = len(document)
        check_page_count(count, name)
        pages: list[Page] = []
        ruled: list[int] = []
        boxes: list[list[LineBox]] = []
        for index in range(count):
            try:
                with loaded_page(document, index) as page:
                    text, lines = page_text_and_lines(page)
                    pages.append(Page(number=index + 1, text=text, method="pypdfium2", line_ends=line_ends(lines)))
                    boxes.append(lines)
                    if survey(page).ruled:
                        ruled.append(index)
            except PdfiumError as error:  # one page pdfium cannot load: the others still count
                pages.append(Page(number=index + 1, text="", method="pypdfium2",
                                  warnings=[f"page {index + 1} could not be parsed: {type(error).__name__}: {error}"]))
                boxes.append([])
        for page, styles in zip(pages, line_styles(boxes)):
            page.line_styles = styles
        for page, turn in zip(pages, page_turns([page.text for page in pages], boxes)):
            page.turn = turn
        return pages, ruled
    finally:
        document.close()


def _ends_with_eof_marker(path: Path) -> bool:
    with path.open("rb") as handle:
        size = handle.seek(0, 2)
        handle.seek(max(0, size - EOF_SEARCH_BYTES))
        return EOF_MARKER in handle.read()
