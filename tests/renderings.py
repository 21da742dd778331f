"""Make PDF and DOCX renderings of a seed plan, and a set of bad inputs, for tests and the benchmark.

A seed plan is Markdown-flavoured text: ``#`` heading marks, ``**bold**`` and ``*italic*``
emphasis, blank lines between paragraphs. A rendering looks like a real plan: the marks are
gone, headings and bold runs are set in bold, paragraphs are wrapped to the page width.

:func:`rendering` and :func:`bad_inputs` cache what they make (per process, and on disk
keyed by this module's source), so a test session makes each file at most once.
"""

from __future__ import annotations

import codecs
import functools
import hashlib
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
    """Share of the seed's words (with multiplicity) found in ``got``, marks stripped from both."""
    want, have = word_counts(expected), word_counts(got)
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
    is also slow; this renders a seed in ~0.3 s."""

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

BAD_INPUT_NAMES = {
    "empty": "empty.txt",  # 0 bytes
    "whitespace": "blank.md",  # spaces, tabs and newlines only
    "binary": "binary.txt",  # bytes with NULs
    "truncated_pdf": "truncated.pdf",  # the first half of a rendering
    "encrypted_pdf": "encrypted.pdf",  # a rendering with a user password
    "unknown_suffix": "plan.xyz",  # a plan's text under an unknown suffix
    "utf16": "utf16.txt",  # UTF-16 with a BOM (little-endian)
    "utf16_be_nobom": "utf16be.txt",  # UTF-16 big-endian, no BOM
    "utf8_bom": "utf8bom.txt",  # UTF-8 with a BOM
    "missing": "does-not-exist.txt",  # never written
}


def make_bad_inputs(directory: Path | str, seed: Path | None = None,
                    whole_pdf: Path | None = None) -> dict[str, Path]:
    """Write one file per failure the readers must report, plus re-encoded copies of a seed
    (keys and contents: :data:`BAD_INPUT_NAMES`). ``whole_pdf`` is a ready rendering of the
    seed to truncate (made if not given)."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    seed = Path(seed or seed_paths()[0])
    text = seed.read_text(encoding="utf-8")
    files = _bad_input_paths(directory)
    whole = Path(whole_pdf or seed_to_pdf(seed, directory / "whole.pdf")).read_bytes()
    contents = {
        "empty": b"",
        "whitespace": b" \n\t\r\n  \n",
        # deterministic pseudo-random bytes, NULs among them
        "binary": bytes((i * 7919 + (i >> 3) * 31) % 256 for i in range(4096)),
        "truncated_pdf": whole[: len(whole) // 2],
        "unknown_suffix": text.encode("utf-8"),
        "utf16": codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
        "utf16_be_nobom": text.encode("utf-16-be"),
        "utf8_bom": text.encode("utf-8-sig"),
    }
    for key, data in contents.items():
        files[key].write_bytes(data)
    seed_to_pdf(seed, files["encrypted_pdf"], user_password="secret")
    return files


def _bad_input_paths(directory: Path) -> dict[str, Path]:
    return {key: directory / name for key, name in BAD_INPUT_NAMES.items()}


# --- cache ---------------------------------------------------------------------------------

@functools.lru_cache(maxsize=1)
def cache_dir() -> Path:
    """Where renderings are kept: ``$VNPLAN_RENDER_DIR``, else a temp directory named after
    this module's source and the renderer versions, so a stale rendering is never reused and
    later test sessions skip the (~2 s) rendering."""
    configured = os.environ.get("VNPLAN_RENDER_DIR")
    if configured:
        path = Path(configured)
    else:
        import docx
        import fpdf

        key = hashlib.sha1(Path(__file__).read_bytes())
        key.update(f"{fpdf.__version__} {getattr(docx, '__version__', '')}".encode())
        path = Path(tempfile.gettempdir()) / f"vnplan-renderings-{key.hexdigest()[:12]}"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _cached(out: Path, make) -> Path:
    """``out`` if it exists, else made by ``make(tmp_path)`` and moved into place atomically
    (parallel test sessions may race to make the same file)."""
    if not out.exists():
        tmp = out.with_name(f".{out.stem}-{os.getpid()}{out.suffix}")
        make(tmp)
        os.replace(tmp, out)
    return out


def _seed_dir(seed: Path) -> Path:
    """A cache subdirectory for this version of the seed's text."""
    path = cache_dir() / hashlib.sha1(Path(seed).read_bytes()).hexdigest()[:12]
    path.mkdir(exist_ok=True)
    return path


@functools.cache
def rendering(seed: Path, kind: str) -> Path:
    """The ``kind`` ('pdf' or 'docx') rendering of ``seed``, made once (see :func:`cache_dir`).
    The file keeps the seed's stem (``000_x.txt`` -> ``000_x.pdf``), so gold files still match."""
    makers = {"pdf": seed_to_pdf, "docx": seed_to_docx}
    if kind not in makers:
        raise ValueError(f"unknown rendering kind {kind!r}")
    out = _seed_dir(seed) / f"{Path(seed).stem}.{kind}"
    return _cached(out, lambda tmp: makers[kind](seed, tmp))


@functools.lru_cache(maxsize=1)
def bad_inputs() -> dict[str, Path]:
    """The bad inputs of :func:`make_bad_inputs` for the first seed, made once."""
    seed = seed_paths()[0]
    directory = _seed_dir(seed) / "bad"
    done = directory / ".complete"
    if not done.exists():
        shutil.rmtree(directory, ignore_errors=True)  # left half-made by an interrupted session
        work = Path(tempfile.mkdtemp(prefix=".bad-", dir=directory.parent))
        make_bad_inputs(work, seed, whole_pdf=rendering(seed, "pdf"))
        (work / ".complete").touch()
        try:
            os.replace(work, directory)
        except OSError:  # another session got there first
            shutil.rmtree(work, ignore_errors=True)
    return _bad_input_paths(directory)
