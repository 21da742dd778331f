"""Scanned plans as image files: PNG, JPEG, TIFF (multi-page TIFF page by page), OCRed.

The resolution comes from the file (its dpi tag) or, when it has none or an implausible
one, from the page's pixel width taken as an A4 page; pages scanned finer than
:data:`MAX_DPI` are scaled to :data:`TARGET_DPI` (Tesseract reads 300 dpi best, and faster).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Union

from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

from . import ocr
from .base import ReadError, SourceDocument
from .limits import check_page_count
from .printable import printable_name

A4_SHORT_SIDE_INCHES = 8.27
MIN_DPI, MAX_DPI, TARGET_DPI = 100, 450, 300
# Pages larger than this many pixels are a decompression bomb, not a scan. Pillow checks the
# first page of a file when it opens it (Image.MAX_IMAGE_PIXELS, an error at twice that);
# this bound, a little above Pillow's, holds for every page of a multi-page TIFF.
MAX_PIXELS = 200_000_000


def page_dpi(image: Image.Image) -> int:
    """The page's resolution: its dpi tag when plausible, else its width read as A4."""
    tagged = image.info.get("dpi")
    if tagged:
        try:
            dpi = round(float(tagged[0]))
        except (TypeError, ValueError, IndexError):
            dpi = 0
        # 72 and 96 are screen defaults that writers set without meaning them
        if MIN_DPI <= dpi <= 1200 and dpi not in (72, 96):
            return dpi
    estimated = round(min(image.size) / A4_SHORT_SIDE_INCHES)
    return max(MIN_DPI, min(1200, estimated))


def _prepared(frame: Image.Image) -> tuple[Image.Image, int]:
    """One frame upright (EXIF orientation), greyscale, at most MAX_DPI; with its dpi."""
    dpi = page_dpi(frame)
    # a copy: the frame object is re-used by Pillow for the file's next page
    image = ImageOps.exif_transpose(frame.copy())
    if image.mode not in ("L", "RGB", "RGBA", "LA", "P", "1", "CMYK"):
        image = image.convert("I").point(lambda v: v / 256).convert("L")  # 16-bit greys
    image = ocr.to_grey(image)
    if dpi > MAX_DPI:
        scale = TARGET_DPI / dpi
        image = image.resize((max(1, round(image.size[0] * scale)), max(1, round(image.size[1] * scale))),
                             Image.Resampling.LANCZOS)
        dpi = TARGET_DPI
    return image, dpi


def _frames(image: Image.Image, name: str) -> Iterator[tuple[int, Image.Image, int]]:
    """(page number, prepared image, dpi) for every frame of an opened image file."""
    for number, frame in enumerate(ImageSequence.Iterator(image), start=1):
        pixels = frame.size[0] * frame.size[1]
        if pixels > MAX_PIXELS:
            raise ReadError("decompression_bomb", f"'{name}' page {number} is {frame.size[0]}x{frame.size[1]} "
                            f"pixels, over the limit of {MAX_PIXELS:,}: a decompression bomb, not a scan")
        prepared, dpi = _prepared(frame)
        yield number, prepared, dpi


def read_image(path: Union[str, Path]) -> SourceDocument:
    """OCR every page of an image file; kind ``image``. A scan on which OCR finds no text (a blank
    page) is still a document: it comes back with a warning, so its record says so."""
    path = Path(path)
    name = printable_name(path.name)
    try:
        with Image.open(path) as image:
            check_page_count(getattr(image, "n_frames", 1), name)
            missing = ocr.missing_engine()
            if missing:
                raise ReadError("engine_missing", f"'{name}' is an image, to be read by OCR, and {missing}")
            pages = ocr.ocr_images(_frames(image, name))
    except Image.DecompressionBombError as error:
        raise ReadError("decompression_bomb", f"'{name}' is a decompression bomb: {error}") from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise ReadError("unsupported_type", f"'{name}' is not a readable image: {error}") from error
    if not pages:
        raise ReadError("empty_file", f"'{name}' has no image in it")
    warnings = [f"page {p.number}: {w}" for p in pages for w in p.warnings]
    if not any(page.text.strip() for page in pages):
        warnings.append(f"'{name}': OCR found no text on its {len(pages)} page(s): a blank scan?")
    return SourceDocument(path=printable_name(path), name=name, kind="image", pages=pages, warnings=warnings)
