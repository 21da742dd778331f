"""PDF plans: the text layer, page by page, with pdfplumber.

``page.extract_text()`` with its default tolerances keeps reading order and keeps each
printed line as a line (the normaliser joins hard-wrapped lines); on the seed renderings
it keeps every word, also at 8 pt in a condensed font, so no layout options are set.
Each page is parsed once and its cache released at once (pdfplumber reads ~10 pages/s).
"""

from __future__ import annotations

from pathlib import Path

from .base import Page, ReadError, SourceDocument

# A PDF ends with %%EOF; some writers append a little padding after it.
EOF_MARKER = b"%%EOF"
EOF_SEARCH_BYTES = 2048

# pdfminer exception names that mean "needs a password / cannot decrypt".
ENCRYPTION_ERRORS = ("PDFPasswordIncorrect", "PDFEncryptionError", "PDFEncryptionWarning",
                     "PDFTextExtractionNotAllowed")


def read_pdf(path: Path) -> SourceDocument:
    """Read every page's text layer; encrypted -> ``encrypted_pdf``, corrupt -> ``broken_pdf``."""
    import pdfplumber

    name = path.name
    warnings: list[str] = []
    if not _ends_with_eof_marker(path):
        warnings.append(f"'{name}' has no %%EOF marker at its end: it may be truncated")
    try:
        pdf = pdfplumber.open(path)
    except Exception as error:  # pdfplumber wraps pdfminer's errors in PdfminerException
        raise _classify(error, name) from error
    with pdf:
        try:
            page_objects = pdf.pages
        except Exception as error:
            raise _classify(error, name) from error
        if not page_objects:
            raise ReadError("broken_pdf", f"'{name}' has no pages")
        pages = [_read_page(page, number, name)
                 for number, page in enumerate(page_objects, start=1)]

    if all(page.warnings and not page.text for page in pages):
        raise ReadError("broken_pdf", f"'{name}': no page could be parsed ({pages[0].warnings[0]})")

    # FALLBACK HOOK: pages whose text layer is missing or garbled are re-read here
    # (pypdfium2, then OCR) by extractor.readers.pdf_fallback, when it is installed.
    try:
        from .pdf_fallback import improve_pages
    except ImportError:
        improve_pages = None
    if improve_pages is not None:
        try:
            pages = improve_pages(path, pages)
        except ReadError:
            raise
        except Exception as error:  # keep the text layer rather than lose the document
            warnings.append(f"PDF fallback failed, text layer kept: {_describe(error)}")

    if not any(page.text.strip() for page in pages) and any(page.method == "ocr" for page in pages):
        warnings.append(f"'{name}': OCR found no text on any of its {len(pages)} pages: a blank scan?")
    elif not any(page.text.strip() for page in pages):
        raise ReadError("empty_file", f"'{name}' has no text layer on any of its {len(pages)} pages "
                        "(a scan?) and OCR did not recover any text")
    return SourceDocument(path=str(path), name=name, kind="pdf", pages=pages, warnings=warnings)


def _read_page(page, number: int, name: str) -> Page:
    """One page's text; a page that fails to parse becomes an empty page with a warning."""
    try:
        text = _page_text(page)
    except Exception as error:
        if _is_encryption_error(error):
            raise ReadError("encrypted_pdf", f"'{name}' is encrypted: page {number} cannot be decrypted") \
                from error
        return Page(number=number, text="", method="pdfplumber",
                    warnings=[f"page {number} could not be parsed: {_describe(error)}"])
    finally:
        page.close()  # release the page's cached layout objects
    return Page(number=number, text=text, method="pdfplumber")


def _page_text(page) -> str:
    """The page's text in reading order; ruled tables come as markdown table rows
    ('| a | b |'), so the target, body and deadline extractors read them as tables."""
    if not (page.lines or page.rects):  # no rules on the page: no ruled table to find
        return page.extract_text() or ""
    tables = sorted(page.find_tables(), key=lambda t: t.bbox[1])
    if not tables:
        return page.extract_text() or ""
    parts, top = [], 0.0
    for table in tables:
        x0, t0, x1, t1 = table.bbox
        if t0 > top:
            parts.append(page.crop((0, top, page.width, t0)).extract_text() or "")
        rows = table.extract()
        parts.append("\n".join("| " + " | ".join(" ".join((cell or "").split()) for cell in row) + " |"
                                for row in rows))
        top = max(top, t1)
    if top < page.height:
        parts.append(page.crop((0, top, page.width, page.height)).extract_text() or "")
    return "\n".join(p for p in parts if p.strip())


def _classify(error: Exception, name: str) -> ReadError:
    if _is_encryption_error(error):
        return ReadError("encrypted_pdf",
                         f"'{name}' is password-protected (encrypted); it cannot be read without the password")
    return ReadError("broken_pdf", f"'{name}' is not a readable PDF (truncated or corrupt): {_describe(error)}")


def _causes(error: BaseException):
    """The error, the exceptions it wraps (pdfplumber puts pdfminer's in ``args[0]``) and its causes."""
    seen: set[int] = set()
    stack = [error]
    while stack:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        stack.extend(arg for arg in current.args if isinstance(arg, BaseException))
        for linked in (current.__cause__, current.__context__):
            if linked is not None:
                stack.append(linked)


def _is_encryption_error(error: BaseException) -> bool:
    return any(type(e).__name__ in ENCRYPTION_ERRORS for e in _causes(error))


def _describe(error: BaseException) -> str:
    innermost = list(_causes(error))[-1]
    return f"{type(innermost).__name__}: {innermost}".rstrip(": ")


def _ends_with_eof_marker(path: Path) -> bool:
    with path.open("rb") as handle:
        size = handle.seek(0, 2)
        handle.seek(max(0, size - EOF_SEARCH_BYTES))
        return EOF_MARKER in handle.read()
