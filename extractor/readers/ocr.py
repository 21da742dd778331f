"""OCR of scanned pages with the Tesseract command-line tool (``-l vie``).

:func:`ocr_image` recognises one page image: text with its lines (a blank line between
Tesseract's paragraphs), the mean word confidence (0-100) and each word's confidence with
its place in the text. A blank page gives empty text and the warning ``blank page``; a
page whose recognition is poor is checked with Tesseract's orientation detection and, when
it is upside down or on its side, turned and recognised again (warning ``page rotated``).
The words' boxes say where the printed lines sit, so the page says which of its lines were
wrapped and which end a paragraph (:mod:`.layout`, ``Page.line_ends``).
:func:`ocr_pdf_page` rasterises one PDF page with pypdfium2 first; :func:`ocr_images` and
:func:`ocr_pdf_pages` run several pages at once, one Tesseract process per core.
:func:`missing_engine` says what is not installed: Tesseract itself, or its Vietnamese model.
"""

from __future__ import annotations

import functools
import io
import math
import os
import re
import shutil
import statistics
import subprocess
import unicodedata
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Union

import numpy as np
from PIL import Image, ImageFilter, ImageOps

from .base import Page
from .layout import LineBox, line_ends
from .pdf_pages import loaded_page, open_document
from .quality import score_text

TESSERACT = "tesseract"
LANGUAGE = "vie"
ENGINE_PACKAGE, MODEL_PACKAGE = "tesseract-ocr", "tesseract-ocr-vie"  # Debian
# Page segmentation: 3 = fully automatic layout analysis without orientation detection.
PAGE_SEGMENTATION = 3
DEFAULT_DPI = 300
# One Tesseract process uses one core (its own threading slows a busy machine down).
TESSERACT_ENV = {"OMP_THREAD_LIMIT": "1"}
TIMEOUT_SECONDS = 120

# A page is blank when, seen at a quarter of its resolution, less than this share of it is ink.
BLANK_INK_SHARE = 0.0005
BLANK_REDUCTION = 4
INK_LEVEL = 128
# Denoising: a 3x3 median filter, at 200 dpi and above (measured: it takes Gaussian and
# salt-and-pepper scanner noise that otherwise wrecks recognition, and costs nothing on a
# clean page; at 150 dpi it starts eating diacritics).
MEDIAN_FILTER_MIN_DPI = 200
# Deskewing: the angle (degrees) that makes the rows of ink sharpest, searched in this range,
# coarse then fine; pages skewed less than MIN_DESKEW_ANGLE are left as they are.
MAX_SKEW_ANGLE = 8.0
COARSE_SKEW_STEP = 0.5
FINE_SKEW_STEP = 0.1
MIN_DESKEW_ANGLE = 0.5
SKEW_REDUCTION = 4
# Below this mean word confidence, or this text score, the page's orientation is checked.
ORIENTATION_CHECK_CONFIDENCE = 70.0
ORIENTATION_CHECK_SCORE = 0.8
# Orientation detection runs at about this resolution (twice as fast as at 300 dpi, as sure).
OSD_DPI = 150
# Tesseract's orientation detection is believed from this confidence on.
MIN_ORIENTATION_CONFIDENCE = 1.5

ImageSource = Union[Image.Image, str, Path]


@dataclass
class Word:
    """One recognised word: its place in Tesseract's layout, its confidence (0-100) and its box
    on the page (pixels)."""

    block: int
    paragraph: int
    line: int
    text: str
    confidence: float
    left: int = 0
    top: int = 0
    width: int = 0
    height: int = 0


def missing_engine() -> Optional[str]:
    """What is missing for OCR, naming the Debian package to install; None when the Tesseract
    CLI and its Vietnamese model are installed. Checked once per $PATH and $TESSDATA_PREFIX."""
    return _missing_engine(os.environ.get("PATH", os.defpath), os.environ.get("TESSDATA_PREFIX"))


def ocr_available() -> bool:
    """Whether the Tesseract CLI and its Vietnamese model are installed."""
    return missing_engine() is None


@functools.lru_cache(maxsize=8)
def _missing_engine(search_path: str, tessdata: Optional[str]) -> Optional[str]:
    """The check itself; its arguments, the environment Tesseract runs in, key the cache."""
    if shutil.which(TESSERACT, path=search_path) is None:
        return f"the Tesseract OCR engine is not installed (Debian packages {ENGINE_PACKAGE} and {MODEL_PACKAGE})"
    try:
        listed = subprocess.run([TESSERACT, "--list-langs"], capture_output=True, text=True, timeout=30,
                                check=False)
    except (OSError, subprocess.SubprocessError) as error:
        return f"the Tesseract OCR engine does not run ({error}; Debian packages {ENGINE_PACKAGE} and {MODEL_PACKAGE})"
    if LANGUAGE not in (listed.stdout + listed.stderr).split():
        return f"Tesseract's Vietnamese model is not installed (Debian package {MODEL_PACKAGE})"
    return None


def _image_bytes(image: Image.Image) -> bytes:
    """The image as uncompressed PNM, the quickest format for Tesseract to read from stdin."""
    buffer = io.BytesIO()
    image.save(buffer, "PPM")
    return buffer.getvalue()


def _tesseract(image: Image.Image, dpi: int, *arguments: str) -> str:
    """Run Tesseract on an image passed through stdin; its stdout as text."""
    command = [TESSERACT, "stdin", "stdout", "--dpi", str(dpi), *arguments]
    result = subprocess.run(command, input=_image_bytes(image), capture_output=True, check=False,
                            timeout=TIMEOUT_SECONDS, env={**os.environ, **TESSERACT_ENV})
    if result.returncode != 0:
        raise RuntimeError(result.stderr.decode("utf-8", "replace").strip() or f"tesseract exit {result.returncode}")
    return result.stdout.decode("utf-8", "replace")


def recognise_words(image: Image.Image, dpi: int = DEFAULT_DPI) -> list[Word]:
    """Tesseract's words with their layout keys and confidences (TSV output)."""
    tsv = _tesseract(image, dpi, "-l", LANGUAGE, "--psm", str(PAGE_SEGMENTATION), "tsv")
    words: list[Word] = []
    for row in tsv.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) < 12 or cells[0] != "5":
            continue
        text = unicodedata.normalize("NFC", cells[11].strip())
        confidence = float(cells[10])
        if text and confidence >= 0:
            words.append(Word(int(cells[2]), int(cells[3]), int(cells[4]), text, confidence,
                              int(cells[6]), int(cells[7]), int(cells[8]), int(cells[9])))
    return words


def layout_text(words: list[Word]) -> tuple[str, list[tuple[int, int, float]]]:
    """The page text (words of a line joined by a space, lines by a newline, paragraphs by
    a blank line) and each word's (start, end, confidence) in it."""
    pieces: list[str] = []
    spans: list[tuple[int, int, float]] = []
    length = 0
    previous: Optional[Word] = None
    for word in words:
        if previous is not None:
            if (word.block, word.paragraph) != (previous.block, previous.paragraph):
                separator = "\n\n"
            elif word.line != previous.line:
                separator = "\n"
            else:
                separator = " "
            pieces.append(separator)
            length += len(separator)
        pieces.append(word.text)
        spans.append((length, length + len(word.text), word.confidence))
        length += len(word.text)
        previous = word
    return "".join(pieces), spans


def line_boxes(words: list[Word], spans: list[tuple[int, int, float]]) -> list[LineBox]:
    """The printed lines of a page's recognised words (with their ``spans`` in the text
    :func:`layout_text` makes of them) and where they sit: their ink, in pixels; every line measured in the page's
    median word height (a recognised page says nothing of type sizes)."""
    if not words:
        return []
    size = float(statistics.median(w.height for w in words)) or 1.0
    lines: list[LineBox] = []
    group: list[int] = []
    for i, word in enumerate(words):
        if group and (word.block, word.paragraph, word.line) != (
                words[group[0]].block, words[group[0]].paragraph, words[group[0]].line):
            lines.append(_line_box(words, spans, group, size))
            group = []
        group.append(i)
    lines.append(_line_box(words, spans, group, size))
    return lines


def _line_box(words: list[Word], spans: list[tuple[int, int, float]], group: list[int], size: float) -> LineBox:
    first = words[group[0]]
    space = float(words[group[1]].left - (first.left + first.width)) if len(group) > 1 else None
    return LineBox(start=spans[group[0]][0], end=spans[group[-1]][1], left=float(first.left),
                   right=float(max(words[i].left + words[i].width for i in group)),
                   baseline=float(statistics.median(words[i].top + words[i].height for i in group)),
                   size=size, first_word=float(first.width), space=space if space and space > 0 else None)


def ink_share(image: Image.Image) -> float:
    """Share of dark pixels at reduced resolution (noise averages out, strokes survive)."""
    small = image.reduce(BLANK_REDUCTION) if min(image.size) >= 4 * BLANK_REDUCTION else image
    histogram = small.histogram()
    return sum(histogram[:INK_LEVEL]) / max(1, small.size[0] * small.size[1])


def is_blank(image: Image.Image) -> bool:
    """Whether a greyscale page image has (almost) no ink."""
    return ink_share(image) < BLANK_INK_SHARE


def _profile_sharpness(xs: np.ndarray, ys: np.ndarray, angle: float, height: int) -> float:
    """How sharply the ink falls into rows once turned by ``angle`` degrees: the sum of
    squared differences between adjacent row counts of the projection profile."""
    rows = np.round(ys - xs * math.tan(math.radians(angle))).astype(np.int64)
    rows -= rows.min()
    counts = np.bincount(rows, minlength=height).astype(np.float64)
    return float(np.square(np.diff(counts)).sum())


def estimate_skew(image: Image.Image) -> float:
    """The page's skew in degrees (counter-clockwise positive), by a projection-profile
    search on the ink of a reduced copy; 0 for a page without ink."""
    small = image.reduce(SKEW_REDUCTION) if min(image.size) >= 8 * SKEW_REDUCTION else image
    ys, xs = np.nonzero(np.asarray(small) < INK_LEVEL)
    if len(xs) < 100:
        return 0.0
    xs, ys = xs.astype(np.float64), ys.astype(np.float64)
    height = small.size[1] * 2

    def best(angles: np.ndarray) -> float:
        return float(max(angles, key=lambda a: _profile_sharpness(xs, ys, a, height)))

    coarse = best(np.arange(-MAX_SKEW_ANGLE, MAX_SKEW_ANGLE + 1e-9, COARSE_SKEW_STEP))
    fine = best(np.arange(coarse - COARSE_SKEW_STEP, coarse + COARSE_SKEW_STEP + 1e-9, FINE_SKEW_STEP))
    return round(-fine, 2)


def prepare(image: Image.Image, dpi: int) -> tuple[Image.Image, float]:
    """Denoise (median filter, at 200 dpi and above) and deskew a greyscale page; the
    prepared image and the skew it had (degrees)."""
    if dpi >= MEDIAN_FILTER_MIN_DPI:
        image = image.filter(ImageFilter.MedianFilter(3))
    skew = estimate_skew(image)
    if abs(skew) >= MIN_DESKEW_ANGLE:
        image = image.rotate(-skew, resample=Image.Resampling.BICUBIC, fillcolor=255)
    return image, skew


# ``Rotate: 180`` and ``Orientation confidence: 12.3`` in Tesseract's OSD report.
_OSD_ROTATE = re.compile(r"^Rotate:\s*(?P<degrees>\d+)", re.MULTILINE)
_OSD_CONFIDENCE = re.compile(r"^Orientation confidence:\s*(?P<confidence>[\d.]+)", re.MULTILINE)


def detect_rotation(image: Image.Image, dpi: int = DEFAULT_DPI) -> tuple[int, float]:
    """Clockwise rotation (0, 90, 180, 270) that makes the page upright, and Tesseract's
    confidence in it; (0, 0) when orientation detection fails (too little text)."""
    reduction = max(1, dpi // OSD_DPI)
    if reduction > 1:
        image, dpi = image.reduce(reduction), dpi // reduction
    try:
        report = _tesseract(image, dpi, "--psm", "0", "-l", "osd")
    except (RuntimeError, subprocess.SubprocessError):
        return 0, 0.0
    degrees, confidence = _OSD_ROTATE.search(report), _OSD_CONFIDENCE.search(report)
    if not degrees or not confidence:
        return 0, 0.0
    return int(degrees.group("degrees")) % 360, float(confidence.group("confidence"))


def to_grey(image: ImageSource) -> Image.Image:
    """An image (or image file) as greyscale, transparency on white."""
    if not isinstance(image, Image.Image):
        with Image.open(image) as opened:
            opened.load()
            image = opened.copy()
    if image.mode in ("RGBA", "LA", "P"):
        image = image.convert("RGBA")
        background = Image.new("RGBA", image.size, (255, 255, 255, 255))
        image = Image.alpha_composite(background, image)
    return ImageOps.grayscale(image) if image.mode != "L" else image


def _mean(values: Iterable[float]) -> Optional[float]:
    values = list(values)
    return round(sum(values) / len(values), 2) if values else None


def _page(number: int, words: list[Word], warnings: list[str]) -> Page:
    text, spans = layout_text(words)
    confidence = _mean(w.confidence for w in words)
    if not words:
        warnings.append("no text recognised")
    return Page(number=number, text=text, method="ocr", quality=round(score_text(text), 4),
                ocr_confidence=confidence, word_confidences=spans, warnings=warnings,
                line_ends=line_ends(line_boxes(words, spans)))


def _needs_orientation_check(words: list[Word]) -> bool:
    confidence = _mean(w.confidence for w in words)
    if confidence is None or confidence < ORIENTATION_CHECK_CONFIDENCE:
        return True
    return score_text(layout_text(words)[0]) < ORIENTATION_CHECK_SCORE


def ocr_image(image: ImageSource, page_number: int, dpi: int = DEFAULT_DPI) -> Page:
    """Recognise one page image (a PIL image or an image file) as page ``page_number``."""
    grey = to_grey(image)
    if is_blank(grey):
        return Page(number=page_number, text="", method="ocr", quality=0.0, warnings=["blank page"])
    grey, _skew = prepare(grey, dpi)
    warnings: list[str] = []
    try:
        words = recognise_words(grey, dpi)
        if _needs_orientation_check(words):
            rotation, confidence = detect_rotation(grey, dpi)
            if rotation and confidence >= MIN_ORIENTATION_CONFIDENCE:
                # Tesseract reports the clockwise turn; PIL rotates counter-clockwise.
                turned = grey.rotate(-rotation, expand=True, fillcolor=255)
                retry = recognise_words(turned, dpi)
                if (_mean(w.confidence for w in retry) or 0) > (_mean(w.confidence for w in words) or 0):
                    words = retry
                    warnings.append(f"page rotated {rotation}°")
    except (RuntimeError, OSError, subprocess.SubprocessError) as error:
        return Page(number=page_number, text="", method="ocr", quality=0.0, warnings=[f"ocr failed: {error}"])
    return _page(page_number, words, warnings)


def rasterise_pdf_page(path: Union[str, Path], index: int, dpi: int = DEFAULT_DPI) -> Image.Image:
    """One PDF page (0-based ``index``) as a greyscale image."""
    document = open_document(path)
    try:
        return _render(document, index, dpi)
    finally:
        document.close()


def _render(document, index: int, dpi: int) -> Image.Image:
    with loaded_page(document, index) as page:
        return page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")


def ocr_pdf_page(path: Union[str, Path], index: int, dpi: int = DEFAULT_DPI) -> Page:
    """Rasterise page ``index`` (0-based) of a PDF with pypdfium2 and recognise it."""
    return ocr_image(rasterise_pdf_page(path, index, dpi), index + 1, dpi)


def default_workers() -> int:
    """One Tesseract process per core."""
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def ocr_images(images: Iterable[tuple], dpi: int = DEFAULT_DPI, workers: Optional[int] = None) -> list[Page]:
    """Recognise ``(page number, image)`` or ``(page number, image, dpi)`` items, ``workers``
    pages at a time (one per core by default); pages come back in the order given. The
    items are drawn lazily in this thread, at most two per worker ahead of recognition, so
    a long document is never all in memory."""
    workers = workers or default_workers()
    if workers == 1:
        return [ocr_image(item[1], item[0], item[2] if len(item) > 2 else dpi) for item in images]
    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures = []
        for item in images:
            futures.append(pool.submit(ocr_image, item[1], item[0], item[2] if len(item) > 2 else dpi))
            while sum(not f.done() for f in futures) > 2 * workers:
                next(f for f in futures if not f.done()).result()
        return [f.result() for f in futures]


def _pdf_images(path: Union[str, Path], indices: list[int], dpi: int) -> Iterator[tuple[int, Image.Image]]:
    document = open_document(path)
    try:
        for index in indices:
            yield index + 1, _render(document, index, dpi)
    finally:
        document.close()


def ocr_pdf_pages(path: Union[str, Path], indices: Iterable[int], dpi: int = DEFAULT_DPI,
                  workers: Optional[int] = None) -> list[Page]:
    """Recognise pages ``indices`` (0-based) of a PDF, rasterised one after another in this
    thread (pdfium is not thread-safe) and recognised in parallel."""
    return ocr_images(_pdf_images(path, list(indices), dpi), dpi, workers)
