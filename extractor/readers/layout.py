"""Where a page's printed lines end their paragraphs, read from where the lines sit on the page.

A text file keeps a paragraph on one line; a PDF's text layer and an OCR reading give the
printed lines, and the normaliser has to tell a line that was wrapped (its paragraph goes on
at the next line) from one that ends its paragraph. Words alone often cannot tell it ("... của
Bộ Lao động" / "- Thương binh và Xã hội ..." reads as a new bullet; "... tỉnh Lạng Sơn năm 2022"
/ "Thực hiện Quyết định ..." as a title going on). A reader that knows the lines' geometry can:

* a line is **wrapped** when the first word of the next line would not have fitted in the room
  left at its end: every line breaker, ragged or justified, fills a line until the next word
  does not fit (a justified line reaches the column's edge; a ragged one stops short by less
  than the next word);
* a line **ends its paragraph** when that word would have fitted with room to spare (the author
  broke the line);
* a full line followed by a space larger than the page's line pitch (the space between
  paragraphs) is a paragraph that ended where the next word would not have fitted anyway, or a
  break made mid-sentence: the two signs disagree, and the layout does not say;
* nor does it for a page's last line, and for lines side by side (a header table): there the
  normaliser's reading of the words decides.

A paragraph that ends where the next paragraph's first word would not have fitted anyway looks
wrapped (about one in fifteen paragraph ends, in a ragged text without space between paragraphs):
the normaliser overrules the layout where the words say otherwise beyond doubt.

:func:`line_ends` takes the lines of one page (:class:`LineBox`, in any unit: PDF points or
pixels) and gives, for the line break after each line it can decide, ``True`` where the
paragraph ends and ``False`` where the line was wrapped, keyed by the offset of that break in
the page's text (``Page.line_ends``).

:func:`page_turns` says the same of the turn from one page to the next: whether the last line
of text of a page was wrapped onto the next (page numbers at the foot passed over).

The lines' type also shows what a Markdown text marks with ``#`` and ``**``: :func:`line_styles`
gives each line of a document its heading level, from its type size (the text's size is the
one most characters are set in; each larger size, from the largest down, is a heading level,
1, 2, ...), and whether it is bold (``Page.line_styles``). The levels are counted over the
whole document, so a page that has only the lower levels numbers them as the others do.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass
from typing import Optional

# The next line sits lower than this many line pitches: the space between two paragraphs
# (the renderings leave half a line, 1.5 pitches; administrative documents 6 pt, about 1.4).
PARAGRAPH_GAP_PITCHES = 1.25
# The room left at a line's end (to the right edge of the page's widest line, which a line
# breaker's column reaches within a fraction of a character) is compared with the next line's
# first word and a space: more than both by this much (in sizes) and the line ends short, else
# it is full. The margin takes the measuring error (ink against advance).
ROOM_MARGIN_SIZES = 0.1
# A space is about a fifth of a font box (Times 0.25, Arial 0.28, DejaVu 0.32 em; a font box is
# 1.15-1.3 em); used where the reader measures no space on the page.
SPACE_SIZES = 0.22
# The line pitch is the smallest step between lines that this many steps take, within this
# tolerance (a page whose lines are nearly all paragraphs of their own has few such steps).
PITCH_MIN_STEPS = 3
PITCH_TOLERANCE = 0.05
# Fewer lines than this on a page give no reliable column edge or pitch.
MIN_LINES = 3
# Lines that overlap each other vertically by more than this share of the type size are side
# by side (two columns, a header table), not one above the other.
SAME_ROW_SIZES = 0.5


@dataclass(frozen=True)
class LineBox:
    """One printed line: where its text is in the page's text and where it is on the page.

    ``end`` is the offset of the line break after the line (the ``\\n``); ``left`` and ``right``
    its horizontal extent (the advance of its glyphs, as a line breaker measures it, where the
    reader knows it; else its ink), ``baseline`` its vertical place, growing down the page;
    ``size`` the height of its characters' font box (about 1.15-1.3 times the type size),
    ``first_word`` the width of its first word and ``space`` of the space after that word (None
    when the reader cannot measure it), in the same unit; ``font_size`` its type size in points
    (0 when unknown) and ``bold`` whether it is set in bold from its first character to its last."""

    start: int
    end: int
    left: float
    right: float
    baseline: float
    size: float
    first_word: float
    space: Optional[float] = None
    font_size: float = 0.0
    bold: bool = False


def _size(line: LineBox, following: LineBox) -> float:
    """The type size a step from ``line`` down to ``following`` is measured in: their mean."""
    return max((line.size + following.size) / 2, 1e-6)


def line_pitch(steps: list[float]) -> float:
    """The page's line pitch: the smallest step down from one line to the next that recurs (taken
    by PITCH_MIN_STEPS steps within PITCH_TOLERANCE, or by two on a page with fewer); larger steps
    are spaces between paragraphs, which may be most of a page's steps when its paragraphs are
    short. 0 for too few steps."""
    if len(steps) < MIN_LINES - 1:
        return 0.0
    steps = sorted(steps)
    enough = PITCH_MIN_STEPS if len(steps) >= 2 * PITCH_MIN_STEPS else 2
    for step in steps:
        if sum(1 for other in steps if abs(other - step) <= PITCH_TOLERANCE * step) >= enough:
            return step
    return statistics.median(steps)


def line_ends(lines: list[LineBox]) -> dict[int, bool]:
    """For the break after each line that the layout decides: True where the paragraph ends,
    False where the line was wrapped (see the module doc). The lines are in reading order."""
    if len(lines) < MIN_LINES:
        return {}
    column_right = max(line.right for line in lines)
    spaces = [line.space for line in lines if line.space]
    measured_space = statistics.median(spaces) if spaces else None
    # steps in sizes of type, so that a heading set larger is no space between paragraphs
    pitch = line_pitch([(b.baseline - a.baseline) / _size(a, b) for a, b in zip(lines, lines[1:])
                        if b.baseline - a.baseline > SAME_ROW_SIZES * max(a.size, b.size)])
    decided: dict[int, bool] = {}
    for line, following in zip(lines, lines[1:]):
        size = max(line.size, following.size, 1e-6)
        step = following.baseline - line.baseline
        if step <= SAME_ROW_SIZES * size:
            continue  # side by side, or back up the page (a column, a header table): no say
        gap = bool(pitch) and step / _size(line, following) > PARAGRAPH_GAP_PITCHES * pitch
        short = _ends_short(line, following, column_right, measured_space)
        if short or not gap:
            decided[line.end] = short
        # a gap below a full line: a paragraph that ended where the next word would not have
        # fitted anyway, or a break the source made mid-sentence; the words decide
    return decided


def _ends_short(line: LineBox, following: LineBox, column_right: float, space: Optional[float]) -> bool:
    """Whether ``following``'s first word (and a space) would have fitted at the end of ``line``."""
    size = max(line.size, following.size, 1e-6)
    need = following.first_word + (space or SPACE_SIZES * size)
    return column_right - line.right > need + ROOM_MARGIN_SIZES * size


# A page number, alone on a line at the foot or the head of a page: "2", "- 2 -", "Trang 2/5".
_PAGE_NUMBER = re.compile(r"^\W*(?:trang\s*)?\d{1,4}(?:\s*/\s*\d{1,4})?\W*$", re.IGNORECASE)


def page_turns(texts: list[str], pages: list[list[LineBox]]) -> list[Optional[tuple[int, int, bool]]]:
    """For each page but the last, what the layout says of the turn to the next page: (the offset
    of the end of the page's last line of text, the offset of the next page's first line of text
    in that page's text, True where the paragraph ends at the turn, False where its last line
    was wrapped onto the next page); None where it cannot say. Page numbers at the foot and the
    head of the pages are passed over; the next page's first word is measured against the width
    of this page's lines."""
    turns: list[Optional[tuple[int, int, bool]]] = []
    for k in range(len(pages) - 1):
        ending = [line for line in pages[k] if not _PAGE_NUMBER.match(texts[k][line.start:line.end])]
        starting = [line for line in pages[k + 1] if not _PAGE_NUMBER.match(texts[k + 1][line.start:line.end])]
        if len(ending) < MIN_LINES or not starting:
            turns.append(None)
            continue
        last, first = ending[-1], starting[0]
        spaces = [line.space for line in ending if line.space]
        short = _ends_short(last, first, max(line.right for line in ending),
                            statistics.median(spaces) if spaces else None)
        turns.append((last.end, first.start, short))
    return turns


# A line whose type is at least this much larger than the text's is a heading.
HEADING_MIN_SCALE = 1.04
# Type sizes closer than this (points) are one size.
SIZE_STEP = 0.25


def line_styles(pages: list[list[LineBox]]) -> list[dict[int, tuple[Optional[int], bool]]]:
    """For each page, its lines' (heading level or None, bold) by the offset of the line's start:
    the lines that are bold or set larger than the text (see the module doc)."""
    weights: dict[float, int] = {}
    for lines in pages:
        for line in lines:
            if line.font_size > 0:
                size = _rounded(line.font_size)
                weights[size] = weights.get(size, 0) + line.end - line.start
    text_size = max(weights, key=lambda size: weights[size]) if weights else 0.0
    headings = sorted((size for size in weights if size >= HEADING_MIN_SCALE * text_size), reverse=True)
    level_of = {size: rank + 1 for rank, size in enumerate(headings)}
    styles: list[dict[int, tuple[Optional[int], bool]]] = []
    for lines in pages:
        page: dict[int, tuple[Optional[int], bool]] = {}
        for line in lines:
            level = level_of.get(_rounded(line.font_size)) if line.font_size > 0 else None
            if level is not None or line.bold:
                page[line.start] = (level, line.bold)
        styles.append(page)
    return styles


def _rounded(size: float) -> float:
    return round(size / SIZE_STEP) * SIZE_STEP
