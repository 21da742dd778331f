"""The whole pipeline on renderings the tests make: PDF and DOCX of each seed, and a batch with bad files."""

from __future__ import annotations

import shutil

import pytest
from conftest import GOLD, SEEDS, extracted
from renderings import bad_inputs, rendering

from extractor.batch import Extract, collect, iterate
from extractor.cli import main
from extractor.evaluate import evaluate
from extractor.pipeline import extract
from extractor.records import ErrorRecord, PlanRecord


@pytest.mark.parametrize("kind", ["pdf", "docx"])
def test_rendering_segments_like_the_text(seed, kind):
    record = extract(rendering(seed, kind))
    assert isinstance(record, PlanRecord), record
    text_sections = [(s.number, s.title) for s in extracted(str(seed)).outline.sections]
    assert [(s.number, s.title) for s in record.outline.sections] == text_sections


def test_pdf_spans_carry_pages(seed):
    record = extract(rendering(seed, "pdf"))
    pages = [p.number for p in record.provenance.pages]
    assert pages == list(range(1, len(pages) + 1))
    last = record.outline.sections[-1]
    assert 1 <= last.span.page <= len(pages)
    assert record.provenance.furniture, "page numbers in the footer are furniture"
    if len(pages) > 1:
        assert max(s.span.page for s in record.outline.sections) > 1


def test_rendered_plans_score_like_the_text():
    pdfs = [extract(rendering(s, "pdf")) for s in SEEDS]
    result = evaluate(GOLD, pdfs)["overall"]
    assert result["sections"]["f1"] == 1.0
    assert result["metadata"]["accuracy"] >= 0.9


def test_batch_with_bad_files_keeps_going(tmp_path, capsys):
    for seed in SEEDS:
        shutil.copy(seed, tmp_path / seed.name)
    bad = bad_inputs()
    for key in ("empty", "binary", "truncated_pdf", "unknown_suffix"):
        shutil.copy(bad[key], tmp_path / bad[key].name)
    records = [o.record for o in iterate(collect([tmp_path]), Extract())]
    assert capsys.readouterr().err.count("vnplan:") == 4  # the runner prints one line per error record
    good = [r for r in records if isinstance(r, PlanRecord)]
    errors = {r.document: r for r in records if isinstance(r, ErrorRecord)}
    assert len(good) == 5 and len(errors) == 4
    for name, err in errors.items():
        assert name in err.reason and err.error in {"empty_file", "binary_content", "broken_pdf", "unsupported_type"}
    assert main(["extract", str(tmp_path), "--format", "jsonl"]) == 1  # non-zero: some files failed
    captured = capsys.readouterr()
    assert len(captured.out.strip().splitlines()) == 9
    assert captured.err.count("vnplan:") == 4
    for key in ("empty", "binary", "truncated_pdf", "unknown_suffix"):
        assert main(["extract", str(bad[key])]) == 1


def test_batch_tunes_the_collector_only_while_it_runs():
    import gc

    from extractor.runtime import BATCH_GC_THRESHOLD

    before = gc.get_threshold()
    batch = iterate(collect([SEEDS[0]]), Extract())
    outcome = next(batch)  # inside the batch: the collector is tuned
    assert isinstance(outcome.record, PlanRecord) and gc.get_threshold() == BATCH_GC_THRESHOLD
    assert list(batch) == [] and gc.get_threshold() == before  # the batch is done: restored
