"""Make PDF and DOCX renderings of a seed plan, and a set of bad inputs, for tests and the benchmark.

A seed plan is Markdown-flavoured text: ``#`` heading marks, ``**bold**`` and ``*italic*``
emphasis, blank lines between paragraphs. A rendering looks like a real plan: the marks are
gone, headings and bold runs are set in bold, paragraphs are wrapped to the page width.

Renderings are cached per process (:func:`rendering`), so a test session makes each once.
"""

from __future__ import annotations

import atexit
import functools
import os
import re
import shutil
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEED_DIR = REPO / "corpus" / "plans"
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONT_FAMILY = "DejaVuSans"

# ``### `` at the start of a line: a Markdown heading of that many marks.
HEADING_MARKS = re.compile(r"^(?P<marks>\#{1,6})[ \t]+")
# ``**`` or ``*``: an emphasis delimiter (the longer one first).
EMPHASIS_MARK = re.compile(r"\*\*|\*")

# A4 page, margins as Vietnamese administrative documents set them (Nghị định 30/2020).
PAGE_FORMAT = "A4"
MARGIN_LEFT_MM, MARGIN_RIGHT_MM, MARGIN_TOP_MM, MARGIN_BOTTOM_MM = 30, 20, 20, 20
FONT_SIZE_PT = 12
LINE_HEIGHT_MM = 6.0


@dataclass
class Run:
    text: str
    bold: bool = False
    italic: bool = False


@dataclass
class SeedLine:
    """One non-blank source line: its heading level (0 = none), its styled runs, and
    whether a blank line precedes it (a paragraph gap)."""

    heading_level: int
    runs: list[Run]
    gap_before: bool

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)

    @property
    def all_bold(self) -> bool:
        return all(r.bold for r in self.runs if r.text.strip())


def seed_paths() -> list[Path]:
    """The seed plans, in name order."""
    return sorted(SEED_DIR.glob("*.txt"))


def parse_seed(text: str) -> list[SeedLine]:
    """Split a seed into styled lines. Emphasis may span lines inside one blank-line block."""
    lines: list[SeedLine] = []
    for block in re.split(r"\n[ \t]*\n", text.replace("\r\n", "\n")):
        bold = italic = False
        gap = True
        for raw in block.split("\n"):
            line = raw.replace("\t", "    ").strip()
            if not line:
                continue
            level = 0
            heading = HEADING_MARKS.match(line)
            if heading:
                level = len(heading.group("marks"))
                line = line[heading.end():]
            runs: list[Run] = []
            pos = 0
            for mark in EMPHASIS_MARK.finditer(line):
                if mark.start() > pos:
                    runs.append(Run(line[pos:mark.start()], bold or level > 0, italic))
                if mark.group() == "**":
                    bold = not bold
                else:
                    italic = not italic
                pos = mark.end()
            if pos < len(line):
                runs.append(Run(line[pos:], bold or level > 0, italic))
            runs = [r for r in runs if r.text]
            if runs:
                lines.append(SeedLine(level, runs, gap))
                gap = False
    return lines


def plain_text(seed_text: str) -> str:
    """The seed's text as a reader should see it: marks removed, one line per source line."""
    return "\n".join(line.text.strip() for line in parse_seed(seed_text))


def word_counts(text: str) -> Counter:
    """Multiset of whitespace-separated words, Markdown marks stripped."""
    return Counter(plain_text(text).split())


def word_recall(expected: str, got: str) -> float:
    """Share of the seed's words (with multiplicity) found in ``got``."""
    want, have = word_counts(expected), Counter(got.split())
    total = sum(want.values())
    return sum(min(n, have[w]) for w, n in want.items()) / total if total else 1.0


# --- PDF ---------------------------------------------------------------------------------

def _pdf_class():
    from fpdf import FPDF

    class PlanPDF(FPDF):
        """A4 plan with a centred page number in the footer."""

        def footer(self) -> None:
            self.set_y(-15)
            self.set_font(self.font_family_name, "", 10)
            self.cell(0, 10, str(self.page_no()), align="C")

    return PlanPDF


def _new_pdf(font_dir: Path, family: str):
    pdf = _pdf_class()(orientation="P", unit="mm", format=PAGE_FORMAT)
    pdf.font_family_name = family
    pdf.set_margins(MARGIN_LEFT_MM, MARGIN_TOP_MM, MARGIN_RIGHT_MM)
    pdf.set_auto_page_break(True, margin=MARGIN_BOTTOM_MM)
    _use_font(pdf, font_dir, family, "")
    return pdf


FONT_FILE_SUFFIX = {"": "", "B": "-Bold", "I": "-Oblique", "BI": "-BoldOblique"}


def _use_font(pdf, font_dir: Path, family: str, style: str) -> None:
    """Register a style of the family on first use (parsing a TTF takes ~0.1 s)."""
    if f"{family.lower()}{style}" not in pdf.fonts:
        pdf.add_font(family, style, str(font_dir / f"{family}{FONT_FILE_SUFFIX[style]}.ttf"))


Piece = tuple[str, str]  # (text, fpdf style: '', 'B', 'I', 'BI')


def _words(line: SeedLine) -> list[list[Piece]]:
    """The line's words, each a list of styled pieces (emphasis may change inside a word)."""
    words: list[list[Piece]] = [[]]
    for run in line.runs:
        style = ("B" if run.bold else "") + ("I" if run.italic else "")
        for i, chunk in enumerate(run.text.split(" ")):
            if i > 0 and words[-1]:
                words.append([])
            if chunk:
                words[-1].append((chunk, style))
    return [w for w in words if w]


class _Typesetter:
    """Greedy line filling (ragged right), one cell per same-style stretch of a line.

    fpdf2's own ``write`` re-measures the whole line per character, and a cell per word
    is also slow; this keeps a five-seed test session to about a second of rendering."""

    def __init__(self, pdf, font_dir: Path, family: str):
        self.pdf, self.font_dir, self.family = pdf, font_dir, family
        self.width = pdf.w - pdf.l_margin - pdf.r_margin
        self._widths: dict[Piece, float] = {}

    def measure(self, piece: Piece) -> float:
        if piece not in self._widths:
            _use_font(self.pdf, self.font_dir, self.family, piece[1])
            self.pdf.set_font(self.family, piece[1], FONT_SIZE_PT)
            self._widths[piece] = self.pdf.get_string_width(piece[0])
        return self._widths[piece]

    def paragraph(self, words: list[list[Piece]]) -> None:
        space = self.measure((" ", ""))
        line: list[list[Piece]] = []
        used = 0.0
        for word in words:
            width = sum(self.measure(p) for p in word)
            if line and used + space + width > self.width:
                self._emit(line)
                line, used = [], 0.0
            used += (space if line else 0.0) + width
            line.append(word)
        if line:
            self._emit(line)

    def _emit(self, line: list[list[Piece]]) -> None:
        pdf = self.pdf
        if pdf.get_y() + LINE_HEIGHT_MM > pdf.page_break_trigger:
            pdf.add_page()
        stretches: list[list[str]] = []  # [style, text]
        for i, word in enumerate(line):
            for j, (text, style) in enumerate(word):
                text = (" " if i and not j else "") + text
                if stretches and stretches[-1][0] == style:
                    stretches[-1][1] += text
                else:
                    stretches.append([style, text])
        pdf.set_x(pdf.l_margin)
        for style, text in stretches:
            pdf.set_font(self.family, style, FONT_SIZE_PT)
            pdf.cell(pdf.get_string_width(text), LINE_HEIGHT_MM, text)
        pdf.ln(LINE_HEIGHT_MM)


def seed_to_pdf(seed_txt_path: Path | str, out_pdf: Path | str, font_dir: Path | str = FONT_DIR,
                family: str = FONT_FAMILY, *, user_password: str | None = None) -> Path:
    """Render a seed plan as an A4 PDF: paragraphs wrapped to the page width,
    headings and ``**`` runs in bold, a page number in the footer."""
    seed = Path(seed_txt_path).read_text(encoding="utf-8")
    pdf = _new_pdf(Path(font_dir), family)
    if user_password is not None:
        pdf.set_encryption(owner_password=user_password + "-owner", user_password=user_password)
    pdf.add_page()
    typesetter = _Typesetter(pdf, Path(font_dir), family)
    for line in parse_seed(seed):
        if line.gap_before and pdf.get_y() > MARGIN_TOP_MM + 1:
            pdf.ln(LINE_HEIGHT_MM / 2)
        typesetter.paragraph(_words(line))
    out = Path(out_pdf)
    pdf.output(str(out))
    return out


# --- DOCX --------------------------------------------------------------------------------

def seed_to_docx(seed_txt_path: Path | str, out_docx: Path | str) -> Path:
    """Render a seed plan as DOCX: ``#`` headings as Heading N styles, ``**`` runs bold."""
    import docx

    seed = Path(seed_txt_path).read_text(encoding="utf-8")
    document = docx.Document()
    for line in parse_seed(seed):
        style = f"Heading {line.heading_level}" if line.heading_level else None
        paragraph = document.add_paragraph(style=style)
        for run in line.runs:
            added = paragraph.add_run(run.text)
            added.bold = run.bold
            added.italic = run.italic or None
    out = Path(out_docx)
    document.save(str(out))
    return out


# --- bad inputs --------------------------------------------------------------------------

def make_bad_inputs(directory: Path | str, seed: Path | None = None) -> dict[str, Path]:
    """Write one file per failure the readers must report, plus re-encoded copies of a seed.

    Keys: empty, whitespace, binary, truncated_pdf, encrypted_pdf, unknown_suffix,
    utf16 (LE with BOM), utf16_be_nobom, utf8_bom, missing (a path that does not exist).
    """
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    seed = seed or seed_paths()[0]
    text = seed.read_text(encoding="utf-8")
    files: dict[str, Path] = {}

    def put(key: str, name: str, data: bytes) -> None:
        path = directory / name
        path.write_bytes(data)
        files[key] = path

    put("empty", "empty.txt", b"")
    put("whitespace", "blank.md", b" \n\t\r\n  \n")
    # deterministic "random" bytes with NULs in them
    put("binary", "binary.txt", bytes((i * 7919 + (i >> 3) * 31) % 256 for i in range(4096)))
    whole = seed_to_pdf(seed, directory / "whole.pdf").read_bytes()
    put("truncated_pdf", "truncated.pdf", whole[: len(whole) // 2])
    files["encrypted_pdf"] = seed_to_pdf(seed, directory / "encrypted.pdf", user_password="secret")
    put("unknown_suffix", "plan.xyz", text.encode("utf-8"))
    put("utf16", "utf16.txt", text.encode("utf-16"))  # BOM + native (LE) order
    put("utf16_be_nobom", "utf16be.txt", text.encode("utf-16-be"))
    put("utf8_bom", "utf8bom.txt", text.encode("utf-8-sig"))
    files["missing"] = directory / "does-not-exist.txt"
    return files


# --- per-process cache -------------------------------------------------------------------

@functools.lru_cache(maxsize=1)
def cache_dir() -> Path:
    """A temporary directory for this process's renderings, removed at exit."""
    path = Path(os.environ.get("VNPLAN_RENDER_DIR") or tempfile.mkdtemp(prefix="vnplan-renderings-"))
    path.mkdir(parents=True, exist_ok=True)
    if "VNPLAN_RENDER_DIR" not in os.environ:
        atexit.register(shutil.rmtree, path, True)
    return path


@functools.lru_cache(maxsize=None)
def rendering(seed: Path, kind: str) -> Path:
    """The ``kind`` ('pdf' or 'docx') rendering of ``seed``, made once per process."""
    out = cache_dir() / f"{Path(seed).stem}.{kind}"
    if kind == "pdf":
        return seed_to_pdf(seed, out)
    if kind == "docx":
        return seed_to_docx(seed, out)
    raise ValueError(f"unknown rendering kind {kind!r}")


@functools.lru_cache(maxsize=1)
def bad_inputs() -> dict[str, Path]:
    """The bad inputs of :func:`make_bad_inputs`, made once per process."""
    return make_bad_inputs(cache_dir() / "bad")
