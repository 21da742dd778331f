"""pdfplumber's reading of the ruled pages of a PDF: tables as markdown rows, text around them.

A ruled table found by ``find_tables()`` becomes markdown table rows (``| a | b |``), so the
target, body and deadline extractors read it as a table; the text above, between and below
the tables is ``extract_text()`` with its default tolerances (reading order and printed
lines kept). pdfplumber reads ~10 pages/s, so it reads only the pages whose survey found
rules (:mod:`.pdf_pages`), the file opened once for all of them. A page it cannot parse
keeps pypdfium2's text, with a warning.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from .base import Page


def read_ruled_pages(path: Path, pages: list[Page], indices: list[int]) -> list[Page]:
    """``pages`` with the pages at ``indices`` (0-based) read again by pdfplumber."""
    import pdfplumber

    result = list(pages)
    wanted = set(indices)
    try:
        with pdfplumber.open(path, pages=[index + 1 for index in indices]) as pdf:
            for page in pdf.pages:
                index = page.page_number - 1
                wanted.discard(index)
                try:
                    result[index] = Page(number=index + 1, text=table_text(page), method="pdfplumber")
                except Exception as error:  # pdfminer fails in many ways
                    result[index] = _kept(result[index], error)
                finally:
                    page.close()  # release the page's cached layout objects
    except Exception as error:  # pdfium opened the file, pdfminer cannot
        for index in wanted:
            result[index] = _kept(result[index], error)
    return result


def table_text(page) -> str:
    """The page's text in reading order, its ruled tables as markdown table rows."""
    if not (page.lines or page.rects):  # no rules on the page: no ruled table to find
        return page.extract_text() or ""
    tables = sorted(page.find_tables(), key=lambda t: t.bbox[1])
    if not tables:
        return page.extract_text() or ""
    parts, top = [], 0.0
    for table in tables:
        _, t0, _, t1 = table.bbox
        if t0 > top:
            parts.append(page.crop((0, top, page.width, t0)).extract_text() or "")
        rows = table.extract()
        parts.append("\n".join("| " + " | ".join(" ".join((cell or "").split()) for cell in row) + " |"
                               for row in rows))
        top = max(top, t1)
    if top < page.height:
        parts.append(page.crop((0, top, page.width, page.height)).extract_text() or "")
    return "\n".join(p for p in parts if p.strip())


def _kept(page: Page, error: Exception) -> Page:
    """pypdfium2's reading of a ruled page pdfplumber could not parse, saying so."""
    inner = error.args[0] if error.args and isinstance(error.args[0], BaseException) else error  # PdfminerException
    reason = f"{type(inner).__name__}: {inner}".rstrip(": ")
    note = f"ruled page, but pdfplumber could not parse it ({reason}); pypdfium2's text kept, tables as plain lines"
    return replace(page, warnings=[*page.warnings, note])
