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


@dataclass(frozen=True)
class Face:
    """A font family with Vietnamese glyphs: its TrueType file per fpdf2 style ('', 'B', 'I', 'BI')."""

    name: str
    family: str
    files: dict[str, Path]

    def available(self) -> bool:
        return all(f.exists() for f in self.files.values())


def _face(name: str, family: str, directory: str, regular: str, bold: str, italic: str, bold_italic: str) -> Face:
    folder = Path(directory)
    return Face(name, family, {"": folder / regular, "B": folder / bold, "I": folder / italic, "BI": folder / bold_italic})


DEJAVU, LIBERATION = "/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/truetype/liberation2"
# The faces a rendering can be set in (Debian's fonts-dejavu-core and fonts-liberation2; the older
# fonts-liberation 1.x has no Vietnamese letters with two marks, so its files are never used).
FACES: dict[str, Face] = {face.name: face for face in (
    _face("dejavu-sans", "DejaVuSans", DEJAVU, "DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf",
          "DejaVuSans-BoldOblique.ttf"),
    _face("dejavu-serif", "DejaVuSerif", DEJAVU, "DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf", "DejaVuSerif-Italic.ttf",
          "DejaVuSerif-BoldItalic.ttf"),
    _face("liberation-sans", "LiberationSans", LIBERATION, "LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf",
          "LiberationSans-Italic.ttf", "LiberationSans-BoldItalic.ttf"),  # Arial's metrics
    _face("liberation-serif", "LiberationSerif", LIBERATION, "LiberationSerif-Regular.ttf",
          "LiberationSerif-Bold.ttf", "LiberationSerif-Italic.ttf", "LiberationSerif-BoldItalic.ttf"),  # Times's
)}
DEFAULT_FACE = "dejavu-sans"
# The three faces scans are made in: a serif, a sans and a Times-like face (the face of most
# Vietnamese administrative documents, Nghị định 30/2020).
SCAN_FACES = ("dejavu-serif", "liberation-sans", "liberation-serif")

# ``### `` at the start of a line: a Markdown heading of that many marks.
HEADING_MARKS = re.compile(r"^(?P<marks>\#{1,6})[ \t]+")
# ``**`` or ``*``: an emphasis delimiter (the longer one first).
EMPHASIS_MARK = re.compile(r"\*\*|\*")

# A4 page, margins as Vietnamese administrative documents set them (Nghị định 30/2020).
PAGE_FORMAT = "A4"
MARGIN_LEFT_MM, MARGIN_RIGHT_MM, MARGIN_TOP_MM, MARGIN_BOTTOM_MM = 30, 20, 20, 20
FONT_SIZE_PT = 12
# A line is half a millimetre per point of type (6 mm at 12 pt): about 1.4 times the type size.
LINE_HEIGHT_MM_PER_PT = 0.5
# Space before a paragraph, in lines: half a line after a blank line of the source, and, as
# administrative documents space every paragraph (6 pt, Nghị định 30/2020), 0.4 of a line
# before any other line of the source (each is a paragraph of its own).
BLOCK_GAP_LINES, PARAGRAPH_GAP_LINES = 0.5, 0.4
# A heading of Markdown level N is set this much larger than the text per level above 6, as a
# word processor's heading styles set them (level 2 at 1.32 times the text, level 5 at 1.08),
# so that a PDF shows the levels as the text marks them.
HEADING_SCALE_PER_LEVEL = 0.08


def heading_size(size: float, level: int) -> float:
    """The type size of a heading of Markdown ``level`` (0: not a heading) over text of ``size``."""
    return size * (1 + HEADING_SCALE_PER_LEVEL * (6 - level)) if level else size


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


def _new_pdf(face: Face):
    pdf = _pdf_class()(orientation="P", unit="mm", format=PAGE_FORMAT)
    pdf.font_family_name = face.family
    pdf.set_margins(MARGIN_LEFT_MM, MARGIN_TOP_MM, MARGIN_RIGHT_MM)
    pdf.set_auto_page_break(True, margin=MARGIN_BOTTOM_MM)
    _use_font(pdf, face, "")
    return pdf


def _use_font(pdf, face: Face, style: str) -> None:
    """Register a style of the face on first use (parsing a TTF takes ~0.1 s)."""
    if f"{face.family.lower()}{style}" not in pdf.fonts:
        pdf.add_font(face.family, style, str(face.files[style]))


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

    def __init__(self, pdf, face: Face, size: float):
        self.pdf, self.face, self.text_size = pdf, face, size
        self.size = size
        self.line_height = size * LINE_HEIGHT_MM_PER_PT
        self.width = pdf.w - pdf.l_margin - pdf.r_margin
        self._widths: dict[tuple[Piece, float], float] = {}

    def measure(self, piece: Piece) -> float:
        key = (piece, self.size)
        if key not in self._widths:
            _use_font(self.pdf, self.face, piece[1])
            self.pdf.set_font(self.face.family, piece[1], self.size)
            self._widths[key] = self.pdf.get_string_width(piece[0])
        return self._widths[key]

    def paragraph(self, words: list[list[Piece]], size: float | None = None) -> None:
        """Set one paragraph in ``size`` points (the text's size by default)."""
        self.size = size or self.text_size
        self.line_height = self.size * LINE_HEIGHT_MM_PER_PT
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
        if pdf.get_y() + self.line_height > pdf.page_break_trigger:
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
            pdf.set_font(self.face.family, style, self.size)
            pdf.cell(pdf.get_string_width(text), self.line_height, text)
        pdf.ln(self.line_height)


def seed_to_pdf(seed_txt_path: Path | str, out_pdf: Path | str, face: str = DEFAULT_FACE,
                size: float = FONT_SIZE_PT, *, user_password: str | None = None) -> Path:
    """Render a seed plan as an A4 PDF in ``face`` (a key of :data:`FACES`) at ``size`` points:
    paragraphs wrapped to the page width, headings in bold and larger by level
    (:func:`heading_size`), ``**`` runs in bold, a page number in the footer, space between
    paragraphs (:data:`BLOCK_GAP_LINES`)."""
    seed = Path(seed_txt_path).read_text(encoding="utf-8")
    font = FACES[face]
    pdf = _new_pdf(font)
    if user_password is not None:
        pdf.set_encryption(owner_password=user_password + "-owner", user_password=user_password)
    pdf.add_page()
    typesetter = _Typesetter(pdf, font, size)
    for line in parse_seed(seed):
        if pdf.get_y() > MARGIN_TOP_MM + 1:
            pdf.ln(size * LINE_HEIGHT_MM_PER_PT * (BLOCK_GAP_LINES if line.gap_before else PARAGRAPH_GAP_LINES))
        typesetter.paragraph(_words(line), heading_size(size, line.heading_level))
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
def rendering(seed: Path, kind: str, face: str = DEFAULT_FACE, size: float = FONT_SIZE_PT) -> Path:
    """The ``kind`` ('pdf' or 'docx') rendering of ``seed``, made once (see :func:`cache_dir`); a PDF
    in ``face`` at ``size`` points. The file keeps the seed's stem (``000_x.txt`` -> ``000_x.pdf``),
    so gold files still match; renderings in other faces and sizes go in a folder of their own."""
    if kind == "docx":
        out = _seed_dir(seed) / f"{Path(seed).stem}.docx"
        return _cached(out, lambda tmp: seed_to_docx(seed, tmp))
    if kind != "pdf":
        raise ValueError(f"unknown rendering kind {kind!r}")
    folder = _seed_dir(seed)
    if (face, size) != (DEFAULT_FACE, FONT_SIZE_PT):
        folder = folder / f"{face}-{size:g}pt"
        folder.mkdir(exist_ok=True)
    out = folder / f"{Path(seed).stem}.pdf"
    return _cached(out, lambda tmp: seed_to_pdf(seed, tmp, face, size))


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


# --- comparing what a rendering gives with what its text gives ------------------------------

# Keys that say where a value is, or how its source was styled, not what was extracted: the
# file's identity and the provenance, and the heading level (a Markdown text counts its '#'
# marks, a PDF ranks its type sizes, 1 the largest: the same levels apart, numbered from another
# start; the findings that read levels compare them with each other, and are compared here).
PLACE_KEYS = frozenset({"heading_level", "provenance", "document", "sha256", "path"})
# A span (evidence) is a place in the source: its offsets, page and line differ between a text
# and its PDF, and so does its text, the source's own (a Markdown text's ``**`` marks, a PDF's
# page number between two pages); only how many spans a value has is compared.
SPAN_KEYS = frozenset({"start", "end", "page", "line"})


def comparable(value):
    """A record or check report (or any part of one) as plain data without its places
    (:data:`PLACE_KEYS`, spans as ``"span"``), every string's whitespace runs as one space."""
    if hasattr(value, "model_dump"):
        value = value.model_dump()
    if isinstance(value, dict):
        if value.keys() >= SPAN_KEYS:
            return "span"
        return {k: comparable(v) for k, v in value.items() if k not in PLACE_KEYS}
    if isinstance(value, list):
        return [comparable(v) for v in value]
    if isinstance(value, str):
        return " ".join(value.split())
    return value


def differences(expected, got, path: str = "") -> list[str]:
    """Where two :func:`comparable` values differ, one line each (the path, then both values)."""
    if isinstance(expected, dict) and isinstance(got, dict):
        return [line for key in sorted(set(expected) | set(got))
                for line in differences(expected.get(key), got.get(key), f"{path}.{key}")]
    if isinstance(expected, list) and isinstance(got, list) and len(expected) == len(got):
        return [line for i, (a, b) in enumerate(zip(expected, got)) for line in differences(a, b, f"{path}[{i}]")]
    if expected != got:
        return [f"{path}: {str(expected)[:300]!r} != {str(got)[:300]!r}"]
    return []
