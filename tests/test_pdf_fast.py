"""Text-layer PDFs: pypdfium2 reads every page, pdfplumber only the ruled ones, at pypdfium2's
per-page rate and in flat memory, up to a page limit."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
import pytest
from conftest import SEEDS
from renderings import rendering
from test_tables import table_pdf

import extractor.readers.pdf_tables as pdf_tables
from extractor.pipeline import extract
from extractor.readers import ReadError, read
from extractor.readers.limits import DEFAULT_MAX_PAGES
from extractor.readers.pdf_pages import loaded_page, open_document, survey

ROOT = Path(__file__).resolve().parents[1]


def joined(path: Path, parts: list[Path]) -> Path:
    """The pages of ``parts`` one after another in one PDF."""
    result = pdfium.PdfDocument.new()
    sources = [pdfium.PdfDocument(str(part)) for part in parts]
    try:
        for source in sources:
            result.import_pages(source)
        result.save(str(path))
    finally:
        for document in [result, *sources]:
            document.close()
    return path


def repeated(path: Path, pages: int) -> Path:
    """A text PDF of ``pages`` pages: the pages of a seed rendering, over and over."""
    result, source = pdfium.PdfDocument.new(), pdfium.PdfDocument(str(rendering(SEEDS[3], "pdf")))
    try:
        result.import_pages(source, [i % len(source) for i in range(pages)])
        result.save(str(path))
    finally:
        result.close()
        source.close()
    return path


def surveys(path: Path) -> list:
    document = open_document(path)
    try:
        found = []
        for index in range(len(document)):
            with loaded_page(document, index) as page:
                found.append(survey(page))
        return found
    finally:
        document.close()


# --- what pypdfium2 reads ------------------------------------------------------------------

@pytest.mark.parametrize("seed", SEEDS, ids=[s.stem[:3] for s in SEEDS])
def test_seed_renderings_read_as_pdfplumber_reads_them(seed):
    """Same words, same reading order, same printed lines, page by page: the normaliser sees
    what it saw when pdfplumber read every page (but for the empty line pdfium writes where the
    space below a line is large, which the normaliser passes over)."""
    path = rendering(seed, "pdf")
    document = read(path)
    with pdfplumber.open(path) as pdf:
        expected = [page.extract_text() for page in pdf.pages]
    assert [page.text.replace("\n\n", "\n") for page in document.pages] == expected
    assert {page.method for page in document.pages} == {"pypdfium2"}


def test_a_line_end_hyphen_keeps_its_hyphen_and_its_line_break():
    """pdfium writes a hyphen it takes for a word break as U+0002 and drops the line break."""
    text = read(rendering(SEEDS[0], "pdf")).pages[2].text
    assert "Quyết định số 8668/QĐ-\nSLĐTBXH" in text and "\x02" not in text


# --- which pages pdfplumber reads ------------------------------------------------------------

def test_only_ruled_pages_go_to_pdfplumber(tmp_path, monkeypatch):
    path = joined(tmp_path / "mixed.pdf", [rendering(SEEDS[3], "pdf"), table_pdf(tmp_path / "table.pdf")])
    read_by_pdfplumber = []
    original = pdf_tables.table_text

    def recording(page):
        read_by_pdfplumber.append(page.page_number)
        return original(page)

    monkeypatch.setattr(pdf_tables, "table_text", recording)
    document = read(path)
    assert read_by_pdfplumber == [len(document.pages)]  # the table page, the last
    assert [p.method for p in document.pages] == ["pypdfium2"] * (len(document.pages) - 1) + ["pdfplumber"]
    assert "| Chỉ tiêu | Năm 2024 | Năm 2025 |" in document.pages[-1].text


def test_the_survey_finds_ruled_tables_and_not_underlines(tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()  # a header underlined twice, as plans have it: rules one way only
    pdf.line(20, 30, 80, 30)
    pdf.line(120, 30, 180, 30)
    pdf.add_page()  # two dots and a short tick: no edges
    pdf.rect(20, 20, 0.5, 0.5, style="F")
    pdf.rect(40, 20, 0.5, 0.5, style="F")
    pdf.line(60, 20, 60, 20.5)
    pdf.add_page()  # a grid of lines
    for x in (20, 100, 180):
        pdf.line(x, 20, x, 60)
    for y in (20, 40, 60):
        pdf.line(20, y, 180, y)
    pdf.add_page()  # boxed cells
    pdf.rect(20, 20, 80, 20)
    pdf.rect(100, 20, 80, 20)
    pdf.output(str(tmp_path / "rules.pdf"))
    assert [s.ruled for s in surveys(tmp_path / "rules.pdf")] == [False, False, True, True]
    assert [s.ruled for s in surveys(table_pdf(tmp_path / "table.pdf"))] == [True]
    assert not any(s.ruled for s in surveys(rendering(SEEDS[0], "pdf")))


def test_a_ruled_page_pdfplumber_cannot_parse_keeps_pypdfium2s_text(tmp_path, monkeypatch):
    def failing(page):
        raise ValueError("bad content stream")

    monkeypatch.setattr(pdf_tables, "table_text", failing)
    (page,) = read(table_pdf(tmp_path / "table.pdf")).pages
    assert page.method == "pypdfium2" and "Chỉ tiêu" in page.text
    assert any("bad content stream" in w for w in page.warnings)


def test_the_survey_sees_images_and_blank_pages(tmp_path):
    from PIL import Image

    Image.new("L", (850, 1100), 255).save(tmp_path / "scan.pdf", "PDF", resolution=100)
    (scan,) = surveys(tmp_path / "scan.pdf")
    assert scan.image_cover > 0.99 and scan.objects == 1
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.output(str(tmp_path / "blank.pdf"))
    (blank,) = surveys(tmp_path / "blank.pdf")
    assert (blank.image_cover, blank.objects) == (0.0, 0)


def test_a_pdf_of_blank_pages_is_empty(tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.add_page()
    pdf.output(str(tmp_path / "blank.pdf"))
    with pytest.raises(ReadError) as caught:
        read(tmp_path / "blank.pdf")
    assert caught.value.code == "empty_file" and "2 pages" in caught.value.reason


# --- page limit, rate and memory -------------------------------------------------------------

def test_more_pages_than_the_limit_are_refused_before_reading(tmp_path):
    path = repeated(tmp_path / "long.pdf", 5000)
    start = time.monotonic()
    record = extract(path)
    assert record.error == "too_many_pages" and "5000 pages" in record.reason and "VNPLAN_MAX_PAGES" in record.reason
    assert time.monotonic() - start < 2.0
    assert DEFAULT_MAX_PAGES == 2000


def test_the_page_limit_is_set_by_the_environment(monkeypatch):
    path = rendering(SEEDS[3], "pdf")  # three pages
    monkeypatch.setenv("VNPLAN_MAX_PAGES", "2")
    with pytest.raises(ReadError) as caught:
        read(path)
    assert caught.value.code == "too_many_pages"
    monkeypatch.setenv("VNPLAN_MAX_PAGES", "3")
    assert len(read(path).pages) == 3


# The peak RSS of the probe's own process image: VmHWM, which exec resets. (getrusage's
# ru_maxrss keeps the high-water mark of the forked pytest process the probe was exec'd from.)
PEAK_RSS_PROBE = """
def peak_rss_mb():
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:")) / 1024
"""

RATE_PROBE = PEAK_RSS_PROBE + """
import json, sys, time
import pypdfium2 as pdfium
from extractor.readers import read
path, count = sys.argv[1], int(sys.argv[2])
start = time.process_time()
document = pdfium.PdfDocument(path)
for index in range(count):
    page = document[index]
    textpage = page.get_textpage()
    textpage.get_text_bounded()
    textpage.close()
    page.close()
document.close()
bare = count / (time.process_time() - start)
before = peak_rss_mb()
start = time.process_time()
pages = len(read(path).pages)
rate = pages / (time.process_time() - start)
growth = peak_rss_mb() - before
print(json.dumps({"pages": pages, "rate": rate, "bare": bare, "growth_mb": growth}))
"""


def test_pages_under_the_limit_are_read_at_the_per_page_rate_in_flat_memory(tmp_path):
    """2,000 pages (the limit) in a fresh process: read() keeps up with bare pypdfium2 (whose
    rate is measured there too, on 500 of them), and memory grows by about the text (9 MB of
    strings), not by the pages (measured: 0.75 of bare pypdfium2's rate, 26 MB)."""
    path = repeated(tmp_path / "limit.pdf", DEFAULT_MAX_PAGES)
    probe = subprocess.run([sys.executable, "-c", RATE_PROBE, str(path), "500"], capture_output=True, text=True,
                           timeout=120, cwd=ROOT, check=True)
    result = json.loads(probe.stdout)
    assert result["pages"] == DEFAULT_MAX_PAGES
    assert result["rate"] >= 0.25 * result["bare"], result
    assert result["growth_mb"] < 100, result
