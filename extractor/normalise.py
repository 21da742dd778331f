"""Normalisation with a map back to the source text.

The reader's text (pages joined by ``\\f``) becomes paragraphs of clean text:
Unicode NFC, one tone-mark placement (hoà → hòa, uỷ → ủy), markdown heading and
emphasis marks removed (their levels kept as structure hints), hard-wrapped lines
joined, page numbers / footnote marks / separators dropped as page furniture, and
the digital-signature trailer (e-mails, timestamps) set aside.

``MappedText`` keeps, for every run of normalised characters, the source range it
came from, so any offset in the normalised text maps back to the source (``span``).
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate, repeat
from operator import add, itemgetter, sub
from typing import Optional

from .glyph_loss import lost_in, restore_lines
from .grammar import unit_nouns, upper_share
from .lost_spaces import glued_words, letters_of, lost_spaces, token_runs
from .ocr_repair import Repair, repair_lines
from .records import Span
from .tones import clean, fold, normalise_tone_marks

# ---------------------------------------------------------------- offset map

class MappedText:
    """Normalised text plus the source range of each run of characters."""

    def __init__(self, source: str, line_starts: list[int], page_starts: list[int],
                 ocr_confidence: Optional[list[tuple[int, int, float]]] = None):
        """``line_starts``: 0 and the offset after each \\n or \\f of ``source``; ``page_starts``: 0
        and the offset after each \\f; ``ocr_confidence``: OCR word confidences as source ranges."""
        self.source = source
        self._parts: list[str] = []
        self._norm_starts: list[int] = []
        self._src: list[tuple[int, int]] = []  # source (start, end) per run
        self._length = 0
        self.text = ""
        self._line_starts = line_starts
        self._page_starts = page_starts
        self.ocr_confidence = ocr_confidence or None  # (source start, end, confidence) per OCR word
        # the words by their start, and the furthest end of any word up to each: a range's words are
        # found by one bisect and a walk back over the words it overlaps (``_confidence``)
        words = sorted(self.ocr_confidence or ())
        self._word_starts = [a for a, _, _ in words]
        self._words = words
        self._reach: list[int] = []
        furthest = -1
        for _, b, _ in words:
            furthest = max(furthest, b)
            self._reach.append(furthest)
        self._spans: dict[tuple[int, int], Span] = {}
        # the source offset of every run's start and end: paragraphs and items begin and end on
        # run boundaries, and a dict look-up is cheaper than the bisect of ``to_source``
        self._run_starts: dict[int, int] = {}
        self._run_ends: dict[int, int] = {}

    def append(self, text: str, src_start: int, src_end: int) -> None:
        if not text:
            return
        self._norm_starts.append(self._length)
        self._src.append((src_start, src_end))
        self._parts.append(text)
        self._run_starts[self._length] = src_start
        self._length += len(text)
        self._run_ends[self._length] = src_end

    def freeze(self) -> MappedText:
        self.text = "".join(self._parts)
        return self

    def to_source(self, offset: int, end: bool = False) -> int:
        """Source offset of normalised ``offset`` (as an end boundary when ``end``)."""
        exact = (self._run_ends if end else self._run_starts).get(offset)
        if exact is not None:
            return exact
        if not self._norm_starts:
            return 0
        probe = offset - 1 if end and offset > 0 else offset
        i = max(0, bisect.bisect_right(self._norm_starts, probe) - 1)
        n0 = self._norm_starts[i]
        s0, s1 = self._src[i]
        nlen = len(self._parts[i])
        rel = min(max(offset - n0, 0), nlen)
        if s1 - s0 == nlen:  # one to one
            return s0 + rel
        if rel >= nlen or (end and rel == nlen):
            return s1
        return s0 + (rel * (s1 - s0)) // nlen if not end else s0 + -(-rel * (s1 - s0) // nlen)

    def source_span(self, src_start: int, src_end: int) -> Span:
        """The Span of a source range; made once per range (field extractors ask for the same ones)."""
        key = (src_start, src_end)
        span = self._spans.get(key)
        if span is None:
            span = self._spans[key] = Span.built(
                start=src_start, end=src_end, page=bisect.bisect_right(self._page_starts, src_start),
                line=bisect.bisect_right(self._line_starts, src_start), text=self.source[src_start:src_end],
                ocr_confidence=self._confidence(src_start, src_end))
        return span

    def span(self, start: int, end: int) -> Span:
        """A Span in the source text for normalised ``text[start:end]``."""
        s = self.to_source(start)
        e = max(s, self.to_source(end, end=True))
        return self.source_span(s, e)

    def _overlapped(self, start: int, end: int) -> list[float]:
        """The confidences of the OCR words that overlap source ``[start, end)``, in order; in time of
        the log of the words plus the words overlapped (never a scan of every word)."""
        confs = []
        i = bisect.bisect_left(self._word_starts, end) - 1  # the last word starting before ``end``
        while i >= 0 and self._reach[i] > start:
            _, b, c = self._words[i]
            if b > start:
                confs.append(c)
            i -= 1
        confs.reverse()
        return confs

    def _confidence(self, start: int, end: int) -> Optional[float]:
        """The mean confidence of the OCR words that overlap source ``[start, end)``."""
        confs = self._overlapped(start, end) if self._words else []
        return round(sum(confs) / len(confs), 1) if confs else None

    def confidence(self, start: int, end: int) -> Optional[float]:
        """OCR's lowest word confidence in the source range (None where nothing was recognised)."""
        confs = self._overlapped(start, end) if self._words else []
        return min(confs) if confs else None


# ---------------------------------------------------------------- lines


@dataclass
class Line:
    """One cleaned source line: its pieces of text and where each came from."""

    pieces: list[tuple[str, int, int]]  # (clean text, src_start, src_end)
    src_start: int
    src_end: int
    blank_before: bool = False
    heading_level: Optional[int] = None
    bold: bool = False
    page_break_before: bool = False
    text: str = ""
    page: int = 1
    window: bool = False  # a window of a line over MAX_PARAGRAPH_CHARS after its first: a paragraph of its own
    styled: bool = False  # heading level and bold from the reader's layout (a PDF's type), not from marks
    # the printed lines this line joins, when the reader's layout showed them wrapped (else empty)
    printed: list[Line] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.text:
            self.text = "".join(p[0] for p in self.pieces)

    @property
    def last_printed(self) -> Line:
        """The last printed line of this line (itself, unless it joins wrapped lines)."""
        return self.printed[-1] if self.printed else self


@dataclass
class RawParagraph:
    """Joined lines, before the outline gives it a role."""

    lines: list[Line]
    heading_level: Optional[int] = None
    bold: bool = False

    @property
    def text(self) -> str:
        return " ".join(line.text for line in self.lines)


@dataclass
class Normalised:
    mapped: MappedText
    paragraphs: list[tuple[int, int, RawParagraph]]  # (start, end) in mapped.text
    furniture: list[Span] = field(default_factory=list)
    signature: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # what was read otherwise than written (windows)
    # words of recognised text put right, and words a font lost the accented letters of (source ranges)
    repairs: list[Repair] = field(default_factory=list)


_HEADING_MARKS = re.compile(r"^\s*(#{1,6})\s+")
def _plain(raw: str, stripped: str) -> bool:
    """A line with no markup (#, *, _, no-break space, tab) and no run of spaces inside (``stripped``:
    the line stripped): substring tests, the cheapest there are."""
    return not ("#" in raw or "*" in raw or "_" in raw or "\u00a0" in raw or "\t" in raw or "  " in stripped)


# Emphasis marks: "**", "__", and a "*" opening a word (not after one) or closing one. Every branch
# opens with its mark, so the regex engine skips ahead to the next "*" or "_" (the look-behinds
# that say where a single "*" stands are taken after it).
_EMPHASIS = re.compile(r"\*\*|__|\*(?<![\w*]\*)(?=\S)|\*(?<=\S\*)(?![\w*])")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}")
# Page furniture: page numbers ("2", "- 2 -", "Trang 2/5"), footnote marks, rules.
_FURNITURE = re.compile(
    r"""^\s*(?:
        \d{1,3}                              # bare page number or footnote mark
      | [-–]\s*\d{1,3}\s*[-–]                # - 2 -
      | (?i:trang)\s+\d{1,3}(?:\s*/\s*\d{1,3})?  # Trang 2/5
      | [-_=.·*~]{3,}                         # separator rules
    )\s*$""",
    re.VERBOSE,
)
# Digital-signature trailer lines: e-mail addresses and ISO timestamps, alone on a line.
_SIGNATURE = re.compile(
    r"^\s*(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d)?(?:[+-]\d\d:?\d\d|Z)?)\s*$"
)
# A line that starts a new structural unit and so never continues the previous one.
_STARTS_UNIT = re.compile(
    r"""^(?:
        [IVXLC]{1,6}\s*[.)]                      # I.  II)
      | (?:PHẦN|Phần|CHƯƠNG|Chương|Điều)\s+\S     # PHẦN I, Chương II, Điều 3
      | \d{1,2}(?:\.\d{1,2})*\s*[.)/](?!\d)      # 1.  1.2.  2)
      | [a-zđ]\s*\)                              # a)  đ)
      | [-–—•+*]\s                               # bullets
      | (?i:Nơi\s+nhận|Trên\s+đây|KT\.|TM\.|TL\.|Q\.|PKT\.)
    )""",
    re.VERBOSE,
)
_TERMINAL = (".", ":", ";", "!", "?")  # a line ending so ends its sentence (and "./.")


# Line breaks written out as text, as some web pages store a document ("...Việt Nam | \\r\\n Số: ..."):
# read as line breaks when a text holds several of them.
_LITERAL_BREAK = re.compile(r"\\r\\n|\\n|\\r")
LITERAL_BREAKS_MIN = 3


# A page that lost a decision's line breaks runs its parts together on one line ("...; Căn cứ ...;
# Xét đề nghị ..., QUYẾT ĐỊNH: Điều 1. ... Điều 2. ..."): a long line is broken again before each
# basis, the enacting formula, each article and the closing, where a clause ends before them.
GLUED_LINE_MIN = 400
# What opens a basis of a decision or plan: "Căn cứ ...;", "Xét đề nghị ...", "Theo đề nghị ...".
_BASIS = r"Căn\s+cứ\s|Xét\s+đề\s+nghị|Theo\s+đề\s+nghị"
_GLUED_BREAK = re.compile(
    rf"""(?:(?<=[.;:,])|(?<=[A-ZĐ]{{2}}))\s+
        (?={_BASIS}|QUYẾT\s+ĐỊNH\s*:|Nơi\s+nhận\s*:
          |Điều\s+\d{{1,2}}\s*[.:]\s+[A-ZĐ])
      | (?<=QUYẾT\sĐỊNH:)\s+(?=Điều\s)""",
    re.VERBOSE)
# The first word of each part _GLUED_BREAK breaks before: a line holding none of them is not searched.
_GLUED_FIRST_WORDS = ("Căn", "Xét", "Theo", "QUYẾT", "Nơi", "Điều")
# A line that opens a basis (after a list bullet): "Căn cứ Luật Tổ chức Hội đồng" / "Nhân dân và Uỷ
# ban Nhân dân ngày 26 tháng 11 năm 2003;" is one basis, wrapped before a capital.
_BASIS_LINE = re.compile(rf"^(?:[-–+•]\s*)?(?:{_BASIS})")
# A proposal, the last basis of a decision, ends with a comma or a full stop before "QUYẾT ĐỊNH:" ("Xét
# đề nghị của Giám đốc Sở" / "Lao động - Thương binh và Xã hội tại Tờ trình số 172/TTr-SLĐTBXH ngày 13/10/2017,").
_PROPOSAL_LINE = re.compile(r"^(?:[-–+•]\s*)?(?:Xét|Theo)\s+đề\s+nghị")
# A basis wrapped before a capital more than once ("... năm 2015 và" / "Luật sửa đổi, bổ sung ... của
# Luật Tổ chức" / "Chính phủ và Luật ..." / "ngày 22 tháng 11 năm 2019;") ends this many lines on at most.
MAX_BASIS_WRAPS = 3


_ARTICLE_NUMBER_END = re.compile(r"Điều\s+\d{1,2}\s*[.:]$")


def _split_lines(source: str) -> list[tuple[int, int, bool]]:
    """(start, end, page_break_before) for every line of the source; lines end at \n or \f (and at
    literal "\\r\\n" sequences in a text that writes its line breaks out, and where a long line runs
    a decision's parts together). The offsets of the lines between \n are summed in C; only the
    lines that may break further are read one by one (:func:`_chunk_lines`)."""
    literal = "\\" in source and source.count("\\n") + source.count("\\r") >= LITERAL_BREAKS_MIN
    chunks = source.split("\n")
    lengths = list(map(len, chunks))
    starts = list(accumulate(map(add, lengths, repeat(1)), initial=0))
    out = list(zip(starts, map(add, starts, lengths), repeat(False)))
    rare = literal or "\f" in source  # most texts have neither form feeds nor line breaks written out
    odd = [i for i, chunk in enumerate(chunks) if len(chunk) >= GLUED_LINE_MIN
           or (rare and ("\f" in chunk or (literal and "\\" in chunk)))]
    if not odd:
        return out
    lines: list[tuple[int, int, bool]] = []
    done = 0
    for i in odd:
        lines += out[done:i]
        lines += _chunk_lines(source, starts[i], chunks[i], literal)
        done = i + 1
    lines += out[done:]
    return lines


def _chunk_lines(source: str, pos: int, chunk: str, literal: bool) -> list[tuple[int, int, bool]]:
    """The lines of ``chunk``, the text between two \n starting at ``pos``: its parts between form
    feeds, each broken at literal line breaks (``literal``: the text writes them out) and unglued."""
    out: list[tuple[int, int, bool]] = []
    for j, part in enumerate(chunk.split("\f")):
        if literal and "\\" in part:
            start = pos
            for m in _LITERAL_BREAK.finditer(part):
                out += _unglued(source, start, pos + m.start(), j > 0 and start == pos)
                start = pos + m.end()
            out += _unglued(source, start, pos + len(part), j > 0 and start == pos)
        else:
            out += _unglued(source, pos, pos + len(part), j > 0)  # a part after the first follows a form feed
        pos += len(part) + 1
    return out


def _unglued(source: str, start: int, end: int, page_break: bool) -> list[tuple[int, int, bool]]:
    """The line ``source[start:end]``, broken where it runs a decision's parts together."""
    if end - start < GLUED_LINE_MIN or all(source.find(w, start, end) < 0 for w in _GLUED_FIRST_WORDS):
        return [(start, end, page_break)]
    out: list[tuple[int, int, bool]] = []
    for m in _GLUED_BREAK.finditer(source, start, end):
        if _ARTICLE_NUMBER_END.search(source, max(start, m.start() - 12), m.start()):
            continue  # "Điều 2. Căn cứ vào ...": the article's own text
        out.append((start, m.start(), page_break and not out))
        start = m.end()
    out.append((start, end, page_break and not out))
    return out


# A header line laid out in two columns by padding (a web copy of a two-cell table row): the gap between
# the cells is a run of spaces, read as the cell boundary a "|" would be.
_HEADER_CELLS = re.compile(r"^\s*(?:Số\s*:|[A-ZĐÀ-Ỹ]{2,}[^,]*[ \u00a0]{5,}CỘNG\s+H)|, ngày\s+\d")
# not after a label ("Số:        /KH-UBND": a number left blank) nor before a symbol's slash
_COLUMN_GAP = re.compile(r"(?<=[^\s:])[ \t\u00a0]{5,}(?=[^\s/])")


# The work budget of a paragraph. Every field reads a paragraph whole, so one of any length would
# cost what the costliest pass costs on it; a paragraph over MAX_PARAGRAPH_CHARS (five times the
# longest of the corpus, 1,737) is read in windows of at most that many characters, each a
# paragraph of its own, with a warning in the provenance: a line is cut at the last sentence end
# (". ", "; ", "! ", "? ") in the second half of a window, else at its last space, else at the
# limit; lines joined by a hard wrap start a new paragraph where the next would go past it.
MAX_PARAGRAPH_CHARS = 10_000
_SENTENCE_ENDS = (". ", "; ", "! ", "? ", "… ")


def _window_cut(source: str, start: int, end: int) -> int:
    """Where the window of ``source[start:end]`` starting at ``start`` ends (see MAX_PARAGRAPH_CHARS)."""
    limit = start + MAX_PARAGRAPH_CHARS
    half = start + MAX_PARAGRAPH_CHARS // 2
    sentence = max(source.rfind(mark, half, limit) for mark in _SENTENCE_ENDS)
    if sentence >= 0:
        return sentence + 2
    space = source.rfind(" ", half, limit)
    return space + 1 if space >= 0 else limit


def _windowed(source: str, split: list[tuple[int, int, bool]], norm: Normalised
              ) -> tuple[list[tuple[int, int, bool]], set[int]]:
    """The lines, those over MAX_PARAGRAPH_CHARS cut into windows; and where each later window starts."""
    if max(map(sub, map(itemgetter(1), split), map(itemgetter(0), split)), default=0) <= MAX_PARAGRAPH_CHARS:
        return split, set()  # no line over the limit (the most of any line, found in C)
    out: list[tuple[int, int, bool]] = []
    starts: set[int] = set()
    long_lines, longest = 0, (0, 0)
    for number, (start, end, pb) in enumerate(split, 1):
        if end - start <= MAX_PARAGRAPH_CHARS:
            out.append((start, end, pb))
            continue
        long_lines += 1
        longest = max(longest, (end - start, -number))
        pos = start
        while end - pos > MAX_PARAGRAPH_CHARS:
            cut = _window_cut(source, pos, end)
            out.append((pos, cut, pb and pos == start))
            pos = cut
            starts.add(pos)
        out.append((pos, end, False))
    norm.warnings.append(
        f"{long_lines} line{'s' if long_lines > 1 else ''} over {MAX_PARAGRAPH_CHARS:,} characters (the longest, "
        f"line {-longest[1]}, {longest[0]:,}) read in {len(starts) + long_lines} windows of at most "
        f"{MAX_PARAGRAPH_CHARS:,} characters, each a paragraph, cut at sentence ends where there are some")
    return out, starts


def _clean_line(source: str, start: int, end: int, base: Optional[str] = None
                ) -> tuple[list[tuple[str, int, int]], Optional[int], bool, bool]:
    """Pieces of clean text of one line, its heading level, whether it is bold from its
    start, and whether it toggles the bold state (an odd number of ``**`` marks)."""
    raw = source[start:end]
    level = None
    cut = 0
    m = _HEADING_MARKS.match(raw)
    if m:
        level = len(m.group(1))
        cut = m.end()
    pieces: list[tuple[str, int, int]] = []
    pos = cut
    marks = list(_EMPHASIS.finditer(raw, cut))
    for mark in marks + [None]:
        stop = mark.start() if mark else len(raw)
        if stop > pos:
            pieces.append((raw[pos:stop], start + pos, start + stop))
        if mark:
            pos = mark.end()
    body = raw[cut:].strip()
    starts_bold = body.startswith(("**", "__"))
    ends_bold = body.endswith(("**", "__"))
    toggles = (body.count("**") + body.count("__")) % 2 == 1
    # strip outer whitespace of the whole line
    while pieces and not pieces[0][0].strip():
        pieces.pop(0)
    while pieces and not pieces[-1][0].strip():
        pieces.pop()
    if pieces:
        t, s, e = pieces[0]
        lead = len(t) - len(t.lstrip())
        pieces[0] = (t[lead:], s + lead, e)
        t, s, e = pieces[-1]
        trail = len(t) - len(t.rstrip())
        pieces[-1] = (t[: len(t) - trail], s, e - trail)
    cleaned = []
    for t, s, e in pieces:
        c = base[s:e] if base is not None else clean(t)
        if "  " in c or "\u00a0" in c:
            if _HEADER_CELLS.search(c):  # "Số : 4144 /GDĐT – VP        Thành phố Hồ Chí Minh, ngày ...": two cells
                c = _COLUMN_GAP.sub(" | ", c)
            c = re.sub(r"[ \t\u00a0]{2,}", " ", c)
        cleaned.append((c, s, e))
    return cleaned, level, starts_bold and (ends_bold or toggles), toggles


def _restore_spaces(pieces: list[tuple[str, int, int]], glued: frozenset[str]) -> list[tuple[str, int, int]]:
    """Each piece with the spaces its source lost put back ("Uỷban" → "Ủy ban"): a space that maps to
    no source character, between the two words; the tone marks placed again for the new word ends.
    ``glued``: the words of the whole text that ran two together (only pieces holding one are read)."""
    if not glued:
        return pieces
    out: list[tuple[str, int, int]] = []
    for text, s, e in pieces:
        cuts = lost_spaces(text) if len(text) == e - s and any(w in text for w in glued) else []
        if not cuts:
            out.append((text, s, e))
            continue
        prev = 0
        for cut in cuts + [len(text)]:
            if prev:
                out.append((" ", s + prev, s + prev))
            out.append((normalise_tone_marks(text[prev:cut]), s + prev, s + cut))
            prev = cut
    return out


def _lines(source: str, base: Optional[str], glued: frozenset[str], split: list[tuple[int, int, bool]],
           norm: Normalised, mapped: MappedText, styles: dict[int, tuple[Optional[int], bool]],
           window_starts: frozenset[int] | set[int] = frozenset()) -> tuple[list[Line], list[str]]:
    """The cleaned lines of the source, and the texts of those not cut whole from ``base`` (whose
    words are not all words of ``base``: :func:`_cut_whole`); ``base``: the source cleaned, when
    cleaning kept its length (:func:`_cleaned`), ``glued``: its words that ran two together."""
    lines: list[Line] = []
    reread: list[str] = []
    blank = False
    in_bold = False
    page_break = False
    page = 1
    for start, end, pb in split:
        page += pb
        page_break = page_break or pb
        raw = source[start:end]
        stripped = raw.strip()
        if not stripped:  # about half the lines of a plan
            blank = True
            continue
        if base is not None and _plain(raw, stripped):  # most lines: plain and clean, one slice of ``base``
            s = start + raw.index(stripped[0])  # its one piece: the line stripped, a slice of ``base``
            e = s + len(stripped)
            pieces, level, starts_bold, toggles = [(base[s:e], s, e)], None, False, False
        else:
            pieces, level, starts_bold, toggles = _clean_line(source, start, end, base)
        if glued:
            pieces = _restore_spaces(pieces, glued)
        text = pieces[0][0] if len(pieces) == 1 else "".join(p[0] for p in pieces)
        if not text.strip() or (text[0] in "|:-" and (_TABLE_RULE.match(text) or not text.strip(" |\u00a0"))):
            blank = True
            continue
        if (len(text) <= 24 or text.lstrip()[0] in "-_=.·*~") and _FURNITURE.match(text):
            norm.furniture.append(mapped.source_span(start, end))
            continue
        if ("@" in text or text[:1].isdigit()) and _SIGNATURE.match(text):
            norm.signature.append(text.strip())
            continue
        bold = starts_bold or in_bold
        if toggles:
            in_bold = not in_bold
        styled = False
        if styles and level is None and not bold and start in styles:
            (level, bold), styled = styles[start], True
        lines.append(Line(pieces, start, end, blank, level, bold, page_break, text=text, page=page, styled=styled,
                          window=start in window_starts))
        if base is None or not _cut_whole(pieces, base):
            reread.append(text)
        blank = False
        page_break = False
    return lines, reread


def _running_key(text: str) -> str:
    return re.sub(r"\d+", "#", fold(text))


def _drop_running_lines(lines: list[Line], norm: Normalised, mapped: MappedText) -> list[Line]:
    """Running headers and footers: the same line (numbers aside) first or last on most pages."""
    if not lines or lines[-1].page - lines[0].page < 2:
        return lines  # on fewer than three pages (the lines are in page order)
    pages: dict[int, list[Line]] = {}
    for line in lines:
        pages.setdefault(line.page, []).append(line)
    if len(pages) < 3:
        return lines
    seen: dict[str, set[int]] = {}
    inside: set[str] = set()  # keys also met away from the page edges: body text, not furniture
    for number, page_lines in pages.items():
        for i, line in enumerate(page_lines):
            key = _running_key(line.text)
            if 2 <= i < len(page_lines) - 2 or len(line.text) > 120:
                inside.add(key)
            else:
                seen.setdefault(key, set()).add(number)
    running = {key for key, on in seen.items() if len(on) >= max(3, len(pages) // 2) and key not in inside}
    if not running:
        return lines
    kept = []
    for line in lines:
        if _running_key(line.text) in running:
            norm.furniture.append(mapped.source_span(line.src_start, line.src_end))
        else:
            kept.append(line)
    return kept


def _is_hard_wrapped(lines: list[Line]) -> tuple[bool, int]:
    """Whether lines were wrapped at a fixed width (PDF extraction), and that width."""
    lengths = sorted(len(line.text) for line in lines)
    if len(lengths) < 20:
        return False, 0
    width = lengths[int(len(lengths) * 0.9)]
    # the lines over 120 characters, and those of 0.75 of the width or more: the tail of the sorted lengths
    long_share = (len(lengths) - bisect.bisect_right(lengths, 120)) / len(lengths)
    near = (len(lengths) - bisect.bisect_left(lengths, 0.75 * width)) / len(lengths)
    return (long_share < 0.1 and 50 <= width <= 120 and near >= 0.3), width


# The head of a top-level heading cut by a wrap: "I.", "II. MỤC", "I. MỤC ĐÍCH,", "PHẦN I.", "Điều"
_HEADING_HEAD = re.compile(
    r"^(?:(?:[IVXLC]{1,6}|(?:PHẦN|Phần)\s+[IVXLC\d]+)(?=[\s.):\-–]|$)\s*[.):\-–]?|[A-H]\s*[.)])\s*(?P<title>.*)$")
_ARTICLE_HEAD = re.compile(r"^Điều(?:\s+\d{1,2}\s*[.:]?)?$")
_BARE_NUMBER = re.compile(r"^(?:[IVXLC]{1,6}|(?:PHẦN|Phần)\s+[IVXLC\d]+)\s*[.):\-–]?$")  # "PHẦN I", "II."
# The first letters of the heads _HEADING_HEAD and _ARTICLE_HEAD match: a line opening otherwise is no cut heading.
_HEADING_INITIALS = "ABCDEFGHILPVXĐ"


def _capitals(text: str) -> bool:
    return upper_share(text) >= 0.8


def _continues_heading(ptext: str, ctext: str, wrapped: bool) -> bool:
    """A heading cut by a wrap: a bare numeral or a title in capitals going on in capitals on the next
    line ("I." / "QUAN ĐIỂM", "I. MỤC ĐÍCH," / "YÊU CẦU", "II. MỤC" / "TIÊU" in a hard-wrapped text),
    or "Điều" / "1." / "Phê duyệt ..." cut the same way."""
    head = ptext.strip()
    if head.startswith("Điều") and _ARTICLE_HEAD.match(head):
        return len(ctext) <= 300
    m = _HEADING_HEAD.match(head)
    if m and not m.group("title").strip() and _BARE_NUMBER.match(head) and len(ctext) <= 120 \
            and ctext[:1].isupper() and not _STARTS_UNIT.match(ctext):
        return True  # "PHẦN I" / "Tổng kết năm học 2022-2023": a bare number takes the title below, in any case
    if not m or len(ctext) > 80 or not _capitals(ctext) or _STARTS_UNIT.match(ctext):
        return False
    title = m.group("title").strip()
    if any(c.islower() for c in title):
        return False
    if not title or title.endswith((",", "-", "–", " VÀ")):
        return True
    # a short heading going on in a short line of capitals ("II. MỤC" / "TIÊU"); a wrapped text cuts longer ones
    return _capitals(title) and (len(title) + len(ctext) <= 60 or (wrapped and len(title) <= 60))


_NUMBER_LABEL = re.compile(r"^\s*Số\s*:?\s*$")
_NUMBER_CELL = re.compile(r"^\s*Số\s*:\s*[\d/.…_ ]*[\dA-ZĐ/]")


def _layout_says(prev: Line, cur: Line, source: str, line_ends: dict[int, bool]) -> Optional[bool]:
    """What the reader's layout says of the break between two lines (``Page.line_ends``: True where
    the paragraph ends, False where the line was wrapped); None when it does not say, or when a
    line it saw between them was set aside (page furniture)."""
    said = line_ends.get(prev.src_end)
    if said is None or source[prev.src_end:cur.src_start].strip():
        return None
    return said


def _join_wrapped(lines: list[Line], source: str, line_ends: dict[int, bool],
                  page_turns: dict[int, tuple[int, bool]]) -> list[Line]:
    """The printed lines the reader's layout shows wrapped, joined into the lines a text file would
    have: what the normaliser then reads as it reads a text file. The layout is overruled where
    the type or the words say otherwise beyond doubt: a change of heading level, or a line ending
    a sentence followed by a numbered or bulleted one (a paragraph that ended where the next
    item's first word would not have fitted anyway)."""
    out: list[Line] = []
    for line in lines:
        turn = page_turns.get(out[-1].src_end) if out else None
        said = (turn[1] if turn[0] == line.src_start else None) if turn else (
            _layout_says(out[-1], line, source, line_ends) if out else None)
        if said is False:
            prev = out[-1]
            if prev.heading_level == line.heading_level and len(prev.text) + 1 + len(line.text) <= MAX_PARAGRAPH_CHARS \
                    and not (
                    prev.text.rstrip().endswith(_TERMINAL) and _STARTS_UNIT.match(line.text)):
                out[-1] = _joined(prev, line)
                continue
        out.append(line)
    return out


def _joined(prev: Line, line: Line) -> Line:
    pieces = prev.pieces + [(" ", prev.src_end, line.src_start)] + line.pieces
    return Line(pieces, prev.src_start, line.src_end, prev.blank_before, prev.heading_level, prev.bold,
                prev.page_break_before, text=f"{prev.text} {line.text}", page=prev.page, styled=prev.styled,
                printed=(prev.printed or [prev]) + [line])


def _goes_on_basis(ptext: str, cur: Line, spaced: bool) -> bool:
    """Whether ``cur`` may go on with the basis its paragraph opens, wrapped before a capital: a line
    of its own (no basis or unit of its own, not in capitals; no blank line before it, unless the
    text is ``spaced``: a blank after every line, as web copies and DOCX paragraphs have, says
    nothing) after a line that stopped mid-phrase (no comma)."""
    ctext = cur.text.rstrip()
    if _opens_body(ctext) and ptext.rstrip()[-1:].isdigit():
        return False  # "... ngày 19/6/2013" / "Ủy ban nhân dân huyện giao ...": a sentence with its own subject
    return ((spaced or not cur.blank_before) and not ptext.rstrip().endswith(",") and not _BASIS_LINE.match(ctext)
            and not _STARTS_UNIT.match(ctext) and not _capitals(ctext))


def _opens_body(text: str) -> bool:
    """Whether ``text`` opens with a public body's unit noun ("Ủy ban nhân dân ...", "Sở ...")."""
    return _body_start().match(text) is not None


@lru_cache(maxsize=1)
def _body_start() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(n) for n in unit_nouns()) + r"(?!\w)")


SPACED_SHARE = 0.8  # of the lines after a blank line, in a text that puts a blank after every line


def _spaced(lines: list[Line]) -> bool:
    """Whether the text puts a blank line after (nearly) every line: a web copy's or a DOCX's paragraphs."""
    texts = [line for line in lines if line.text.strip()]
    return bool(texts) and sum(line.blank_before for line in texts) >= SPACED_SHARE * len(texts)


def _basis_end(text: str, proposal: bool) -> Optional[bool]:
    """Whether a line ends its basis (its ";", a proposal's "," or "."), does not (no end of a clause),
    or ends another sentence or clause (None)."""
    text = text.rstrip()
    if text.endswith(";") or (proposal and text.endswith((",", "."))):
        return True
    return None if text.endswith((*_TERMINAL, ",")) else False


def _ends_basis(ptext: str, cur: Line, following: list[Line], proposal: bool, spaced: bool) -> bool:
    """Whether ``cur`` belongs to the basis its paragraph opens, wrapped before a capital: it, or one
    of the lines after it that go on the same way (``MAX_BASIS_WRAPS`` in all), runs to the basis's
    end; ``proposal``: the basis is a proposal ("Xét đề nghị ...")."""
    for line in [cur, *following][:MAX_BASIS_WRAPS]:
        if not _goes_on_basis(ptext, line, spaced):
            return False
        end = _basis_end(line.text, proposal)
        if end is not False:
            return bool(end)
        ptext = line.text
    return False


def _continues(prev: Line, cur: Line, wrapped: bool, width: int, basis: Optional[str] = None,
               following: Optional[list[Line]] = None, spaced: bool = False) -> bool:
    """Whether ``cur`` is the hard-wrapped continuation of ``prev``; ``basis``: the first line of the
    paragraph being joined when it opens a basis ("Căn cứ ..."), ``following``: the lines after ``cur``."""
    if cur.heading_level or prev.heading_level is not None:
        return False
    ptext, ctext = prev.text, cur.text
    if ptext.lstrip()[:1] in _HEADING_INITIALS and _continues_heading(ptext, ctext, wrapped):
        return True
    if "Số" in ptext and _NUMBER_LABEL.match(ptext) and (ctext[:1].isdigit() or ctext[:1] == "/"):
        return True  # "Số:" / "06/2010/NQ-HĐND": a header cell's number wrapped after its label
    if "Số" in ctext and _NUMBER_CELL.match(ctext):
        return False  # "XÃ NHÂN KHANG" / "Số: 01 -KH/BCĐ": a header's number line opens its own cell
    if ptext.rstrip().endswith(_TERMINAL) or _STARTS_UNIT.match(ctext):
        return False
    if basis and _ends_basis(ptext, cur, following or [], bool(_PROPOSAL_LINE.match(basis)), spaced):
        return True
    first = ctext[:1]
    if first.islower() or first in "(“\"'" or (first.isdigit() and not _STARTS_UNIT.match(ctext)):
        return True
    if prev.bold != cur.bold:
        return False
    return wrapped and len(ptext) >= 0.75 * width


def _cleaned(source: str) -> Optional[str]:
    """The source cleaned (:func:`.tones.clean`), when it is NFC already and so keeps its length: a line
    is cleaned by a slice of it. None for another."""
    return normalise_tone_marks(source) if unicodedata.is_normalized("NFC", source) else None


def _cut_whole(pieces: list[tuple[str, int, int]], base: str) -> bool:
    """Whether a line's runs of letters and digits (of its ``pieces`` joined) are runs of ``base``: each
    piece is a slice of ``base`` between characters that are no letter or digit (a line cut from it
    whole, or its parts between emphasis marks), and no piece joins a letter or digit to the one
    before it."""
    after_alnum = False  # whether the pieces so far end with a letter or digit
    for text, s, e in pieces:
        if not text:
            continue
        if (after_alnum and text[0].isalnum()) or (s and base[s - 1].isalnum()) \
                or (e < len(base) and base[e].isalnum()) or len(text) != e - s or not base.startswith(text, s):
            return False
        after_alnum = text[-1].isalnum()
    return True


def _restore_glyphs(lines: list[Line], norm: Normalised, lost: frozenset[str]) -> None:
    """Write again the words whose accented letters a font lost (:mod:`.glyph_loss`), in place.
    ``lost``: the skeletons among the words of the lines, or more."""
    restored, repairs = restore_lines([line.pieces for line in lines], [line.text for line in lines], lost)
    norm.repairs += repairs
    for line, pieces in zip(lines, restored):
        if pieces is not line.pieces:
            line.pieces = pieces
            line.text = "".join(p[0] for p in pieces)


# The whitespace tokens met so far that hold no glued word and no skeleton: a result per word, over a
# vocabulary plans share (bounded), so the tokens of a text left to read are found by one set difference in C.
_PLAIN_TOKENS: set[str] = set()
PLAIN_TOKENS_MAX = 1 << 17


def _odd_words(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The words of ``text`` that ran two together (:func:`.lost_spaces.glued_words`) and the skeletons
    among its runs of letters (:func:`.glyph_loss.lost_in`): of its runs of letters and digits, those
    of the whitespace tokens not known to be plain, each read once."""
    glued: set[str] = set()
    lost: set[str] = set()
    for token in set(text.split()).difference(_PLAIN_TOKENS):
        token_glued, token_lost = _token_oddities(token)
        if token_glued or token_lost:
            glued |= token_glued
            lost |= token_lost
        elif len(_PLAIN_TOKENS) < PLAIN_TOKENS_MAX:
            _PLAIN_TOKENS.add(token)
    return frozenset(glued), frozenset(lost)


@lru_cache(maxsize=1 << 14)
def _token_oddities(token: str) -> tuple[frozenset[str], frozenset[str]]:
    """The glued words and the skeletons of one whitespace token (codes, "KH-UBND", are met in every plan)."""
    runs = token_runs(token)
    return glued_words(runs), lost_in(letters_of(runs))


def _repair(lines: list[Line], recognised: list[tuple[int, int]], norm: Normalised, mapped: MappedText) -> None:
    """Put right the words OCR misread in the recognised lines (:mod:`.ocr_repair`), in place."""
    inside = [line for line in lines if any(a <= line.src_start < b for a, b in recognised)]
    if not inside:
        return
    repaired, repairs = repair_lines([line.pieces for line in inside], mapped.confidence)
    norm.repairs = sorted(norm.repairs + repairs, key=lambda r: (r.start, r.end))
    for line, pieces in zip(inside, repaired):
        if pieces is not line.pieces:
            line.pieces = pieces
            line.text = "".join(p[0] for p in pieces)


def normalise(source: str, ocr_confidence: Optional[list[tuple[int, int, float]]] = None,
              line_ends: Optional[dict[int, bool]] = None,
              line_styles: Optional[dict[int, tuple[Optional[int], bool]]] = None,
              page_turns: Optional[dict[int, tuple[int, bool]]] = None,
              recognised: Optional[list[tuple[int, int]]] = None) -> Normalised:
    """Clean the source text into paragraphs, keeping the map back to it (and, for recognised text,
    the OCR confidence of every word, as source ranges). ``line_ends``: what the reader's layout
    says of line breaks (source offset of a ``\\n`` -> True where the paragraph ends, False where
    the line was wrapped), where it knows; ``line_styles``: what the type of a line says (source
    offset of the line's start -> its heading level or None, and whether it is bold), for lines
    whose text carries no ``#`` or ``**`` marks; ``page_turns``: what it says of the turns from
    page to page (end of a page's last line of text -> start of the next page's first, and True
    where the paragraph ends there, False where it goes on); ``recognised``: the source ranges
    read by OCR, whose misread words are repaired (:mod:`.ocr_repair`) and listed in ``repairs``."""
    split = _split_lines(source)
    mapped = MappedText(source, [start for start, _, _ in split], [0] + [start for start, _, pb in split if pb],
                        ocr_confidence)
    norm = Normalised(mapped, [])
    windowed, window_starts = _windowed(source, split, norm)
    base = _cleaned(source)
    glued, lost = _odd_words(base if base is not None else clean(source))
    lines, reread = _lines(source, base, glued, windowed, norm, mapped, line_styles or {}, window_starts)
    lines = _drop_running_lines(lines, norm, mapped)
    # the skeletons of the whole text, and of the lines whose words may be none of its words
    _restore_glyphs(lines, norm, lost | _odd_words("\n".join(reread))[1])
    if recognised:
        _repair(lines, recognised, norm, mapped)
    wrapped, width = _is_hard_wrapped(lines)
    printed_wrapped, printed_width = wrapped, width
    if line_ends:  # a laid-out page: its wrapped lines joined, the rest read as a text file's lines
        lines = _join_wrapped(lines, source, line_ends, page_turns or {})
        wrapped, width = _is_hard_wrapped(lines)
    groups: list[RawParagraph] = []
    spaced = _spaced(lines)
    size = 0  # of the paragraph being joined
    cut = 0  # paragraphs of joined lines cut at the limit
    basis: Optional[str] = None  # the first line of the paragraph being joined, when it opens a basis
    for li, line in enumerate(lines):
        joins = False
        if groups and not line.window:
            prev = groups[-1].lines[-1]
            following = lines[li + 1:li + MAX_BASIS_WRAPS] if basis else None
            if line_ends and prev.page != line.page and not (
                    page_turns and page_turns.get(prev.src_end, (None,))[0] == line.src_start):
                # a turn of the page the layout does not say: read as the printed lines
                joins = _continues(prev.last_printed, line, printed_wrapped, printed_width, basis, following, spaced)
            else:
                joins = _continues(prev, line, wrapped, width, basis, following, spaced)
        if joins and size + 1 + len(line.text) > MAX_PARAGRAPH_CHARS:
            joins, cut = False, cut + 1
        if joins:
            groups[-1].lines.append(line)
            size += 1 + len(line.text)
        else:
            groups.append(RawParagraph([line], line.heading_level, line.bold))
            size = len(line.text)
            basis = line.text if _BASIS_LINE.match(line.text) else None
    if cut:
        norm.warnings.append(f"{cut} paragraph{'s' if cut > 1 else ''} of hard-wrapped lines over "
                             f"{MAX_PARAGRAPH_CHARS:,} characters read in windows, cut at line ends")
    pos = 0
    for gi, para in enumerate(groups):
        if gi:
            mapped.append("\n", para.lines[0].src_start, para.lines[0].src_start)
            pos += 1
        start = pos
        for li, line in enumerate(para.lines):
            if li:
                prev = para.lines[li - 1]
                mapped.append(" ", prev.src_end, line.src_start)
                pos += 1
            for text, s, e in line.pieces:
                mapped.append(text, s, e)
                pos += len(text)
        norm.paragraphs.append((start, pos, para))
    mapped.freeze()
    return norm
