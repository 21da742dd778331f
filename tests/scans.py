"""Test inputs the OCR and encoding tests make themselves.

* legacy byte files of a seed: TCVN3 (ABC fonts, or the full VN1 set), VNI-Windows and
  Windows-1258, each built from inverse tables of ``extractor/data/legacy_encodings.json``;
* scans of a seed: its PDF rendering (``tests.renderings.seed_to_pdf``, in any of the faces
  and sizes there) rasterised with pypdfium2 at a chosen dpi, optionally with noise, blur and
  a small rotation (Pillow), saved as an image-only PDF (:func:`scanned_seed`, cached like the
  renderings), a mixed PDF (text pages and scanned pages) or a multi-page TIFF.
"""

from __future__ import annotations

import functools
import hashlib
import json
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Optional

from PIL import Image, ImageFilter
from renderings import DEFAULT_FACE, FONT_SIZE_PT, _cached, _seed_dir, cache_dir, rendering, seed_paths

REPO = Path(__file__).resolve().parents[1]
LEGACY_TABLES = REPO / "extractor" / "data" / "legacy_encodings.json"
# Scans made by an older version of this module are never reused.
_SOURCE_KEY = hashlib.sha1(Path(__file__).read_bytes()).hexdigest()[:8]
TONES = {"grave": "\u0300", "acute": "\u0301", "tilde": "\u0303", "hook": "\u0309", "dot": "\u0323"}


# --- legacy encodings -----------------------------------------------------------------

@functools.lru_cache(maxsize=1)
def _tables() -> dict:
    return json.loads(LEGACY_TABLES.read_text(encoding="utf-8"))


def _cp1252_byte(char: str) -> Optional[int]:
    try:
        encoded = char.encode("cp1252")
    except UnicodeEncodeError:
        return None
    return encoded[0] if len(encoded) == 1 else None


def tcvn3_encoder(capitals: str = "abc") -> dict[str, bytes]:
    """Unicode letter -> TCVN3 bytes. ``capitals='abc'``: capitals without a code of their
    own use the lowercase byte (the .VnTimeH convention); ``'vn1'``: the full TCVN 5712 set."""
    tcvn = _tables()["tcvn3"]
    encoder: dict[str, bytes] = {}
    for group in ("abc_letters",) + (("vn1_capitals_free_positions", "vn1_capitals_c1",
                                       "vn1_capitals_controls") if capitals == "vn1" else ()):
        for byte, char in tcvn[group].items():
            if not byte.startswith("_"):
                encoder[char] = bytes([int(byte, 16)])
    for char, code in list(encoder.items()):
        if char.islower() and char.upper() not in encoder:
            encoder[char.upper()] = code
    return encoder


def encode_tcvn3(text: str, capitals: str = "abc") -> bytes:
    """NFC text -> TCVN3 bytes. With ``'vn1'``, punctuation whose Windows-1252 byte holds a
    capital (quotes, dashes, ellipsis) is written in ASCII, as VN1 has no room for it."""
    encoder = tcvn3_encoder(capitals)
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        if char in encoder:
            out += encoder[char]
        elif ord(char) < 0x80:
            out.append(ord(char))
        elif capitals == "vn1":
            out += ascii_punctuation(char).encode("ascii")
        else:
            byte = _cp1252_byte(char)
            if byte is None:
                raise ValueError(f"no TCVN3 byte for {char!r}")
            out.append(byte)
    return bytes(out)


ASCII_PUNCTUATION = {"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "…": "...", "•": "-"}


def ascii_punctuation(text: str) -> str:
    """Curly quotes, dashes and the ellipsis in ASCII."""
    return "".join(ASCII_PUNCTUATION.get(c, c) for c in text)


@functools.lru_cache(maxsize=1)
def vni_encoder() -> dict[str, bytes]:
    """Unicode letter -> VNI-Windows bytes, built from the base + mark scheme."""
    vni = _tables()["vni"]
    offset = vni["capital_offset"]
    encoder: dict[str, bytes] = {}

    def add(letter: str, code: list[int]) -> None:
        encoder[letter] = bytes(code)
        encoder[letter.upper()] = bytes(b - offset if b >= 0xE0 or 0x61 <= b <= 0x7A else b for b in code)

    def base_code(spelling: str) -> list[int]:
        return [int(spelling, 16)] if len(spelling) == 2 else [ord(spelling)]

    for base, spelling in vni["tone_bases"].items():
        for tone, mark in vni["tone_marks"].items():
            add(unicodedata.normalize("NFC", base + TONES[tone]), base_code(spelling) + [int(mark, 16)])
    for family, combining in (("circumflex", "\u0302"), ("breve", "\u0306")):
        for base in vni[f"{family}_bases"]:
            for tone, mark in vni[f"{family}_marks"].items():
                add(unicodedata.normalize("NFC", base + combining + TONES.get(tone, "")), [ord(base), int(mark, 16)])
    for byte, letter in vni["single_bytes"].items():
        add(letter, [int(byte, 16)])
    return encoder


def encode_vni(text: str) -> bytes:
    """NFC text -> VNI-Windows bytes (other characters in Windows-1252)."""
    encoder = vni_encoder()
    return b"".join(encoder.get(c) or c.encode("cp1252") for c in unicodedata.normalize("NFC", text))


def encode_cp1258(text: str) -> bytes:
    """NFC text -> Windows-1258: a precomposed letter where the code page has one, else the
    letter without its tone followed by the combining tone mark."""
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        try:
            out += char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", char)
        tone = "".join(c for c in decomposed if c in TONES.values())
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONES.values()))
        out += base.encode("cp1258") + tone.encode("cp1258")
    return bytes(out)


def write_legacy_files(directory: Path, seed: Path) -> dict[str, Path]:
    """The seed in TCVN3 (ABC and VN1), VNI and Windows-1258, one file each."""
    directory.mkdir(parents=True, exist_ok=True)
    text = seed.read_text(encoding="utf-8")
    files = {
        "tcvn3": encode_tcvn3(text),
        "tcvn3_vn1": encode_tcvn3(text, "vn1"),
        "vni": encode_vni(text),
        "cp1258": encode_cp1258(text),
    }
    paths = {}
    for name, data in files.items():
        paths[name] = directory / f"{seed.stem}.{name}.txt"
        paths[name].write_bytes(data)
    return paths


# --- scans --------------------------------------------------------------------------

def seed_pdf(seed: Optional[Path] = None) -> Path:
    """The PDF rendering of a seed (the first by default), made once per process."""
    return rendering(seed or seed_paths()[0], "pdf")


def rasterise(pdf: Path, index: int, dpi: int = 300) -> Image.Image:
    """One page of a PDF as a greyscale image."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(pdf))
    try:
        return document[index].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
    finally:
        document.close()


def degrade(image: Image.Image, *, noise: float = 0.0, blur: float = 0.0, angle: float = 0.0,
            seed: int = 7) -> Image.Image:
    """A scanner's defects: Gaussian pixel noise (standard deviation, grey levels), blur
    (radius, pixels) and rotation (degrees, counter-clockwise), white filling the corners."""
    if blur:
        image = image.filter(ImageFilter.GaussianBlur(blur))
    if angle:
        image = image.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=255)
    if noise:
        import numpy as np

        pixels = np.asarray(image, dtype=np.float32)
        pixels = pixels + np.random.default_rng(seed).normal(0.0, noise, pixels.shape)
        image = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))
    return image


def blank_page(dpi: int = 300, noise: float = 0.0) -> Image.Image:
    """An empty A4 page, as a scanner gives it."""
    size = (round(8.27 * dpi), round(11.69 * dpi))
    return degrade(Image.new("L", size, 255), noise=noise)


def save_image_pdf(images: Iterable[Image.Image], out: Path, dpi: int = 300) -> Path:
    """An image-only PDF, one page per image (what a scanner writes)."""
    images = list(images)
    images[0].save(out, "PDF", resolution=dpi, save_all=True, append_images=images[1:])
    return out


def save_tiff(images: Iterable[Image.Image], out: Path, dpi: int = 300) -> Path:
    """A multi-page TIFF (Group 4 for bilevel pages, LZW otherwise)."""
    images = list(images)
    images[0].save(out, "TIFF", dpi=(dpi, dpi), save_all=True, append_images=images[1:], compression="tiff_lzw")
    return out


def mixed_pdf(out: Path, seed: Optional[Path] = None, scanned: Iterable[int] = (1,), dpi: int = 200) -> Path:
    """The seed's rendering with the pages in ``scanned`` (0-based) replaced by their scans."""
    import pypdfium2 as pdfium

    source = seed_pdf(seed)
    scanned = set(scanned)
    scans_pdf = save_image_pdf([rasterise(source, i, dpi) for i in sorted(scanned)],
                               out.with_suffix(".scans.pdf"), dpi)
    result, text_pdf, image_pdf = pdfium.PdfDocument.new(), pdfium.PdfDocument(str(source)), pdfium.PdfDocument(str(scans_pdf))
    try:
        order = sorted(scanned)
        for index in range(len(text_pdf)):
            if index in scanned:
                result.import_pages(image_pdf, [order.index(index)])
            else:
                result.import_pages(text_pdf, [index])
        result.save(str(out))
    finally:
        for document in (result, text_pdf, image_pdf):
            document.close()
    return out


def page_text(pdf: Path, index: int) -> str:
    """The text layer of one page of a rendering: the reference OCR is measured against."""
    import pdfplumber

    with pdfplumber.open(str(pdf)) as document:
        return document.pages[index].extract_text() or ""


def scans_dir() -> Path:
    """A per-process directory for the files made here."""
    path = cache_dir() / "scans"
    path.mkdir(parents=True, exist_ok=True)
    return path


def page_count(pdf: Path) -> int:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(pdf))
    try:
        return len(document)
    finally:
        document.close()


@functools.cache
def scanned_seed(seed: Path, face: str = DEFAULT_FACE, size: float = FONT_SIZE_PT, dpi: int = 300) -> Path:
    """An image-only PDF of ``seed`` (every page of its rendering in ``face`` at ``size`` points,
    rasterised at ``dpi``), as a scanner writes it; made once (cached beside the seed's renderings,
    keyed by this module's source too, in a folder of its own, so the file keeps the seed's stem and
    so its gold)."""
    pdf = rendering(seed, "pdf", face, size)
    folder = _seed_dir(seed) / f"scan-{face}-{size:g}pt-{dpi}dpi-{_SOURCE_KEY}"
    folder.mkdir(exist_ok=True)
    return _cached(folder / f"{Path(seed).stem}.pdf", lambda tmp: save_image_pdf(
        [rasterise(pdf, i, dpi) for i in range(page_count(pdf))], tmp, dpi))



# --- measuring OCR ------------------------------------------------------------------

def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance, bit-parallel (Myers 1999, Hyyrö's formulation): one pass over
    ``b`` with ``len(a)``-bit integers, fast enough for whole pages."""
    if not a or not b:
        return len(a) + len(b)
    masks: dict[str, int] = {}
    for i, char in enumerate(a):
        masks[char] = masks.get(char, 0) | (1 << i)
    full, top = (1 << len(a)) - 1, 1 << (len(a) - 1)
    plus, minus, distance = full, 0, len(a)
    for char in b:
        eq = masks.get(char, 0)
        xv = eq | minus
        xh = (((eq & plus) + plus) ^ plus) | eq
        h_plus = minus | ~(xh | plus)
        h_minus = plus & xh
        if h_plus & top:
            distance += 1
        elif h_minus & top:
            distance -= 1
        h_plus = (h_plus << 1) | 1
        h_minus <<= 1
        plus = (h_minus | ~(xv | h_plus)) & full
        minus = h_plus & xv & full
    return distance


def comparable(text: str) -> str:
    """Text for CER: NFC, whitespace runs (line breaks included) as one space."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def character_error_rate(reference: str, hypothesis: str) -> float:
    """Edit distance over the reference length, whitespace normalised."""
    reference, hypothesis = comparable(reference), comparable(hypothesis)
    return edit_distance(reference, hypothesis) / max(1, len(reference))
