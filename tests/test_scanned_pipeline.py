"""The whole pipeline on scanned, garbled and legacy-encoded renderings of the seeds, made by the tests."""

from __future__ import annotations

from collections import Counter

import pytest
from conftest import SEEDS, extracted
from renderings import rendering
from scans import blank_page, rasterise, save_image_pdf, write_legacy_files

from extractor.pipeline import extract
from extractor.readers.ocr import ocr_available
from extractor.records import PlanRecord
from extractor.tones import fold

needs_ocr = pytest.mark.skipif(not ocr_available(), reason="tesseract with the Vietnamese model is not installed")


def summary(record: PlanRecord, folded: bool = False) -> dict:
    key = fold if folded else (lambda s: s)
    return {
        "sections": [(s.number, key(s.title)) for s in record.outline.sections],
        "targets": Counter((t.value, t.comparator, key(t.group)) for t in record.targets),
        "references": sorted(r.number or key(r.title or "") for r in record.references),
        "bodies": sorted(key(b.name) for b in record.bodies),
        "metadata": {k: key(v or "") for k, v in record.metadata.model_dump(
            include={"doc_type", "symbol", "issuer", "date", "signer"}).items()},
    }


@pytest.mark.parametrize("encoding", ["tcvn3_vn1", "vni", "cp1258"])
def test_legacy_encodings_give_the_same_records(tmp_path, encoding):
    seed = SEEDS[4]
    path = write_legacy_files(tmp_path, seed)[encoding]
    record = extract(path)
    assert isinstance(record, PlanRecord), record
    assert record.provenance.conversions or record.provenance.encoding != "utf-8"
    assert summary(record) == summary(extracted(str(seed)))


def test_tcvn3_abc_gives_the_same_records_up_to_case(tmp_path):
    """ABC fonts store some capitals as lower case: the records agree once case is folded."""
    seed = SEEDS[0]
    record = extract(write_legacy_files(tmp_path, seed)["tcvn3"])
    assert "tcvn3->unicode" in " ".join(record.provenance.conversions) or record.provenance.encoding == "tcvn3"
    assert summary(record, folded=True) == summary(extracted(str(seed)), folded=True)


@needs_ocr
def test_pdf_with_a_lying_text_layer_gives_the_clean_records(tmp_path):
    """Fonts without a ToUnicode map: pdfplumber reads (cid:N) garbage; the pages fall back, the records hold."""
    clean = rendering(SEEDS[0], "pdf")
    garbled = tmp_path / clean.name
    garbled.write_bytes(clean.read_bytes().replace(b"/ToUnicode", b"/ToUnicodX"))  # same length: xref intact
    record = extract(garbled)
    assert all(p.method != "pdfplumber" for p in record.provenance.pages)
    assert all(p.warnings for p in record.provenance.pages)
    got, want = summary(record), summary(extract(clean))
    assert got["sections"] == want["sections"] and got["references"] == want["references"]
    assert sum((got["targets"] & want["targets"]).values()) >= 0.95 * sum(want["targets"].values())
    assert all(t.span.ocr_confidence is None or t.span.ocr_confidence > 50 for t in record.targets)


@needs_ocr
def test_scanned_plan_at_200_dpi_segments_identically(tmp_path):
    seed = SEEDS[3]  # the shortest plan: three pages to recognise
    pdf = rendering(seed, "pdf")
    import pypdfium2 as pdfium

    pages = len(pdfium.PdfDocument(str(pdf)))
    scan = save_image_pdf([rasterise(pdf, i, 200) for i in range(pages)], tmp_path / f"{seed.stem}.pdf", dpi=200)
    record = extract(scan)
    assert [p.method for p in record.provenance.pages] == ["ocr"] * pages
    assert all(p.ocr_confidence and p.ocr_confidence > 80 for p in record.provenance.pages)
    assert summary(record)["sections"] == summary(extracted(str(seed)))["sections"]
    # one of the eight numbers, "233 KH/TĐTN-TTHĐTT’N", loses its curly apostrophe to OCR
    got, want = set(summary(record)["references"]), set(summary(extracted(str(seed)))["references"])
    assert len(got & want) >= len(want) - 1 and len(got) == len(want)


@needs_ocr
def test_blank_scan_gives_a_record_with_warnings(tmp_path):
    path = tmp_path / "blank.png"
    blank_page(200, noise=3).save(path, dpi=(200, 200))
    record = extract(path)
    assert isinstance(record, PlanRecord)
    assert any("blank" in w for p in record.provenance.pages for w in p.warnings)
    assert any("no plan structure" in w for w in record.provenance.warnings)


def test_text_that_is_not_a_plan_gives_a_warning(tmp_path):
    path = tmp_path / "letter.txt"
    path.write_text("Kính gửi anh Nam,\n\nHẹn gặp anh vào thứ Sáu tuần sau để bàn về chuyến đi.\n", "utf-8")
    record = extract(path)
    assert isinstance(record, PlanRecord) and record.outline.sections == []
    assert any("no plan structure" in w for w in record.provenance.warnings)
