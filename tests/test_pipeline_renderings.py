"""The whole pipeline on renderings the tests make: PDF and DOCX of each seed and of real development
documents (the same plan in any format gives the same record and the same check report), and a batch
with bad files."""

from __future__ import annotations

import functools
import shutil
from pathlib import Path

import pytest
from conftest import GOLD, ROOT, SEEDS, extracted
from renderings import bad_inputs, comparable, differences, rendering

from extractor.batch import Extract, collect, iterate
from extractor.check import check_record
from extractor.check.parents import find_parents
from extractor.check.registry import load_registry
from extractor.cli import main
from extractor.evaluate import evaluate
from extractor.pipeline import extract
from extractor.records import ErrorRecord, PlanRecord
from extractor.resources import PARENTS_DIR

DEV = ROOT / "corpus" / "dev" / "docs"
# Real documents of other issuers and layouts: a decision with its articles, a commune's plan with
# its "Căn cứ" lines, a province's hard-wrapped plan over several pages, a school's plan.
DEV_DOCS = sorted(p for p in DEV.glob("*.txt") if p.name[:3] in {"105", "108", "114", "121", "123"})


@functools.cache
def check_inputs():
    return find_parents(PARENTS_DIR), load_registry()


def record_and_report(path: Path):
    record = extract(path)
    assert isinstance(record, PlanRecord), record
    parents, registry = check_inputs()
    return record, check_record(record, None, registry, parents)


@functools.cache
def text_record_and_report(path: Path):
    return record_and_report(path)


@pytest.mark.parametrize("kind", ["pdf", "docx"])
@pytest.mark.parametrize("document", SEEDS + DEV_DOCS, ids=lambda p: p.stem[:3])
def test_a_rendering_gives_the_texts_record_and_check_report(document, kind):
    """Every field of the record (metadata, outline, targets, references, bodies, deadlines,
    budget, findings) and the check report (parent, alignment, findings, notes) of the PDF and
    the DOCX are the text's; only places differ (spans, pages, the numbering of heading levels:
    ``renderings.comparable``)."""
    text_record, text_report = text_record_and_report(document)
    record, report = record_and_report(rendering(document, kind))
    assert differences(comparable(text_record), comparable(record)) == []
    assert differences(comparable(text_report), comparable(report)) == []
    assert report.parent.how == text_report.parent.how


def test_pdf_spans_carry_pages(seed):
    record = extract(rendering(seed, "pdf"))
    pages = [p.number for p in record.provenance.pages]
    assert pages == list(range(1, len(pages) + 1))
    last = record.outline.sections[-1]
    assert 1 <= last.span.page <= len(pages)
    assert record.provenance.furniture, "page numbers in the footer are furniture"
    if len(pages) > 1:
        assert max(s.span.page for s in record.outline.sections) > 1


@pytest.mark.parametrize("kind", ["pdf", "docx"])
def test_rendered_plans_score_like_the_text(kind):
    text = evaluate(GOLD, [extracted(str(s)) for s in SEEDS])["overall"]
    rendered = evaluate(GOLD, [extract(rendering(s, kind)) for s in SEEDS])["overall"]
    assert {field: score.get("f1") for field, score in rendered.items()} == {
        field: score.get("f1") for field, score in text.items()}


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
