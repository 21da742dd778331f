"""pypdfium2's view of a PDF: the document opened (or refused), and for each page its text
layer and a survey of its objects.

The text layer comes in the order of the page's content, one printed line per line, as
pdfplumber gives it on the renderings of the seeds (pdfium writes a hyphen it takes for a
line-end break as U+0002 and drops the break: both are put back); with it, where each line
sits on the page (:class:`.layout.LineBox`), so the layout can say which lines were wrapped. The survey walks the
page's objects once, into form XObjects, through pdfium's C API (no Python object per page
object): whether there are rules enough for a ruled table, the share of the page covered
by images, and how many objects there are (none: a blank page).
"""

from __future__ import annotations

import ctypes
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Union

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from .base import ReadError
from .layout import LineBox
from .printable import printable_name

PDFIUM_HYPHEN = "\x02"
PASSWORD_ERRORS = (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY)
# A path object at most this thick (points) one way is a rule the other way; one shorter than
# EDGE_MIN_LENGTH both ways is a dot. pdfplumber's table finder drops edges under 3 points and
# needs two horizontal and two vertical edges for a cell, so a page with fewer has no ruled table.
RULE_MAX_THICKNESS = 2.0
EDGE_MIN_LENGTH = 3.0
TABLE_MIN_EDGES = 2
FORM_MAX_DEPTH = 15


@dataclass(frozen=True)
class PageSurvey:
    """What a page's objects say about it."""

    ruled: bool  # rules enough for a ruled table: at least two horizontal and two vertical edges
    image_cover: float  # share of the page covered by images, at most 1
    objects: int


def open_document(path: Union[str, Path]) -> pdfium.PdfDocument:
    """The PDF opened by pypdfium2; ReadError ``encrypted_pdf`` or ``broken_pdf`` when it cannot be."""
    name = printable_name(Path(path).name)
    try:
        return pdfium.PdfDocument(os.path.abspath(path))  # absolute: pypdfium2 expands a leading '~'
    except pdfium.PdfiumError as error:
        code = getattr(error, "err_code", None)
        if code in PASSWORD_ERRORS:
            raise ReadError("encrypted_pdf", f"'{name}' is password-protected (encrypted); "
                            "it cannot be read without the password") from error
        if code == pdfium_c.FPDF_ERR_SUCCESS:  # it opened, with no page in it
            raise ReadError("broken_pdf", f"'{name}' has no pages") from error
        raise ReadError("broken_pdf", f"'{name}' is not a readable PDF (truncated or corrupt): {error}") from error


@contextmanager
def loaded_page(document: pdfium.PdfDocument, index: int) -> Iterator[pdfium.PdfPage]:
    """Page ``index`` (0-based), closed again on leaving: one page in memory at a time."""
    page = document[index]
    try:
        yield page
    finally:
        page.close()


def page_text(page: pdfium.PdfPage) -> str:
    """The page's text layer, lines separated by ``\\n``."""
    return page_text_and_lines(page, geometry=False)[0]


# A font of this weight or more is bold (400 is regular, 700 bold; pdfium reports -1 when unknown).
BOLD_WEIGHT = 600
# pdfium's line ends in its text: a generated line break, or a hyphen it took for a word break.
_LINE_END = re.compile("\r\n|\r|\n|" + PDFIUM_HYPHEN)


def page_text_and_lines(page: pdfium.PdfPage, geometry: bool = True) -> tuple[str, list[LineBox]]:
    """The page's text layer (lines separated by ``\\n``) and, with ``geometry``, where each of its
    lines sits on the page; no lines when pdfium's characters do not match its text one to one
    (a page where pdfium inserted or dropped characters: rare)."""
    textpage = page.get_textpage()
    try:
        text = textpage.get_text_bounded()
        lines = _line_boxes(textpage, text) if geometry else []
    finally:
        textpage.close()
    return text.replace("\r\n", "\n").replace("\r", "\n").replace(PDFIUM_HYPHEN, "-\n"), lines


def _line_boxes(textpage: pdfium.PdfTextPage, text: str) -> list[LineBox]:
    """The lines of ``text`` (pdfium's, before its line ends are rewritten) with their places,
    as offsets of the rewritten text. Extents are pdfium's loose character boxes, which span each
    glyph's advance, as a line breaker measures; the type size and weight are those of the line's
    first character (and its last: a bold line is bold at both ends). Seven to eight pdfium calls
    a line."""
    # pdfium's character list writes its soft hyphen as U+FFFE where its bounded text has U+0002
    if textpage.count_chars() != len(text) or textpage.get_text_range().replace("\ufffe", PDFIUM_HYPHEN) != text:
        return []
    raw = textpage.raw
    box = pdfium_c.FS_RECTF()
    origin = (ctypes.c_double(), ctypes.c_double())

    def loose(index: int) -> tuple[float, float, float, float]:
        pdfium_c.FPDFText_GetLooseCharBox(raw, index, box)
        return box.left, box.right, box.bottom, box.top

    lines: list[LineBox] = []
    start = out = 0  # the line's start in pdfium's text and in the rewritten text
    for end_mark in [*_LINE_END.finditer(text), None]:
        stop = end_mark.start() if end_mark else len(text)
        hyphen = end_mark is not None and end_mark.group() == PDFIUM_HYPHEN
        last = stop if hyphen else stop - 1  # the hyphen is the line's last character
        first = start
        while first <= last and text[first].isspace():
            first += 1
        while last >= first and text[last].isspace():
            last -= 1
        length = stop - start + (1 if hyphen else 0)  # the line's length in the rewritten text
        if first <= last:
            left, _, bottom, top = loose(first)
            right = loose(last)[1]
            word_end = first
            while word_end < last and not text[word_end + 1].isspace():
                word_end += 1
            word_right = loose(word_end)[1]
            space = None
            if word_end < last and text[word_end + 1] == " ":
                space_left, space_right, _, _ = loose(word_end + 1)
                space = space_right - space_left
            pdfium_c.FPDFText_GetCharOrigin(raw, first, *origin)
            bold = (pdfium_c.FPDFText_GetFontWeight(raw, first) >= BOLD_WEIGHT
                    and pdfium_c.FPDFText_GetFontWeight(raw, last) >= BOLD_WEIGHT)
            lines.append(LineBox(start=out, end=out + length, left=left, right=right, baseline=-origin[1].value,
                                 size=max(top - bottom, 1.0), first_word=word_right - left, space=space,
                                 font_size=pdfium_c.FPDFText_GetFontSize(raw, first), bold=bold))
        out += length + (1 if end_mark is not None else 0)
        start = end_mark.end() if end_mark else len(text)
    return lines


def survey(page: pdfium.PdfPage) -> PageSurvey:
    """Rules, image cover and object count of a page (see :class:`PageSurvey`)."""
    width, height = page.get_size()
    tally = _Tally()
    tally.add(page.raw, pdfium_c.FPDFPage_CountObjects, pdfium_c.FPDFPage_GetObject, 0)
    return PageSurvey(ruled=tally.horizontal >= TABLE_MIN_EDGES and tally.vertical >= TABLE_MIN_EDGES,
                      image_cover=min(1.0, tally.image_area / max(1.0, width * height)), objects=tally.objects)


class _Tally:
    """Counts over the objects of a page and of the form XObjects in it."""

    def __init__(self) -> None:
        self.objects, self.horizontal, self.vertical, self.image_area = 0, 0, 0, 0.0
        self._box = [ctypes.c_float() for _ in range(4)]

    def add(self, parent, count_objects, get_object, depth: int) -> None:
        for index in range(max(0, count_objects(parent))):
            obj = get_object(parent, index)
            kind = pdfium_c.FPDFPageObj_GetType(obj)
            self.objects += 1
            if kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < FORM_MAX_DEPTH - 1:
                self.add(obj, pdfium_c.FPDFFormObj_CountObjects, pdfium_c.FPDFFormObj_GetObject, depth + 1)
            elif kind in (pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_IMAGE):
                self._measure(obj, kind)

    def _measure(self, obj, kind: int) -> None:
        if not pdfium_c.FPDFPageObj_GetBounds(obj, *self._box):
            return
        left, bottom, right, top = (value.value for value in self._box)
        width, height = max(0.0, right - left), max(0.0, top - bottom)
        if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            self.image_area += width * height
            return
        if max(width, height) < EDGE_MIN_LENGTH:
            return  # a dot
        if height <= RULE_MAX_THICKNESS:
            self.horizontal += 1
        elif width <= RULE_MAX_THICKNESS:
            self.vertical += 1
        else:  # a box, or a shape with straight sides: two edges each way
            self.horizontal += 2
            self.vertical += 2
