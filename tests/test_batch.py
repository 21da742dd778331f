"""``run`` / ``vnplan batch`` on a small corpus of submissions: every input accounted for, the
output folder's layout (the search index reads it), resuming, and the Dask engine."""

from __future__ import annotations

import csv
import hashlib
import json
import shutil
from pathlib import Path

import pytest
from batch_corpus import ALL_KINDS, HELDOUT, SEEDS, make_corpus

from extractor.batch import Input, collect, run
from extractor.batch.dask_engine import DaskEngine
from extractor.batch.tasks import Task
from extractor.cli import main
from extractor.outputs import to_jsonl
from extractor.records import CheckReport, ErrorRecord, PlanRecord

TEXTS = [SEEDS[0], SEEDS[1], HELDOUT[0]]


def csv_rows(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def records(out: Path) -> list[PlanRecord | ErrorRecord]:
    lines = (out / "records.jsonl").read_text("utf-8").splitlines(keepends=True)
    parsed = [(ErrorRecord if json.loads(line)["record_type"] == "error" else PlanRecord).model_validate_json(line)
              for line in lines]
    assert [to_jsonl(r) for r in parsed] == lines  # each line is exactly to_jsonl(record)
    return parsed


def key(record) -> tuple[str, str]:
    """A record's input: its content hash and its path (identical copies share the hash)."""
    if isinstance(record, ErrorRecord):
        return record.sha256, record.path
    return record.provenance.sha256, record.provenance.path


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """22 inputs: 3 texts as TXT, DOCX and PDF in one office and as TXT in another, 8 broken files, a README
    and a logo."""
    return make_corpus(tmp_path_factory.mktemp("submissions"), TEXTS, offices=[ALL_KINDS, ("txt",)], broken=2)


@pytest.fixture(scope="module")
def batch(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    return run(collect([corpus.root]), out, check=True, html=True, jobs=2)


def test_every_input_is_accounted_for(corpus, batch):
    assert batch.inputs == corpus.inputs == batch.records + batch.errors + batch.skipped
    assert (batch.records, batch.errors, batch.skipped) == (len(corpus.plans), len(corpus.broken), 2)
    assert not batch.interrupted and batch.exit_code == 1
    found = records(batch.out)
    assert len(found) == batch.records + batch.errors and len(set(map(key, found))) == len(found)
    errors = {r.path: r.error for r in found if isinstance(r, ErrorRecord)}
    assert set(errors) == {str(p) for p in corpus.broken}
    assert set(errors.values()) == {"empty_file", "binary_content", "broken_pdf", "encrypted_pdf"}


def test_names_never_collide(corpus, batch):
    stem = TEXTS[0].stem
    files = {p.relative_to(batch.out / "records").as_posix() for p in (batch.out / "records").rglob("*.json")}
    assert len(files) == batch.records + batch.errors
    assert {f"office_00/{stem}.txt.json", f"office_00/{stem}.docx.json", f"office_00/{stem}.pdf.json",
            f"office_01/district/{stem}.txt.json"} <= files
    for name in files:  # each per-input file is its records.jsonl line
        record = json.loads((batch.out / "records" / name).read_text("utf-8"))
        assert record.get("path", record.get("provenance", {}).get("path")).endswith(name[:-5])


def test_reports_join_their_records_by_hash(batch):
    plans = {r.provenance.sha256 for r in records(batch.out) if isinstance(r, PlanRecord)}
    reports = [CheckReport.model_validate_json(line)
               for line in (batch.out / "reports.jsonl").read_text("utf-8").splitlines()]
    assert len(reports) == batch.records and {r.sha256 for r in reports} == plans
    assert len(list((batch.out / "reports").rglob("*.check.json"))) == batch.records
    assert len(list((batch.out / "reports").rglob("*.check.html"))) == batch.records


def test_summary_has_one_row_per_input(corpus, batch):
    rows = csv_rows(batch.out / "summary.csv")
    assert len(rows) == corpus.inputs
    assert {r["status"] for r in rows} == {"plan", "error", "skipped"}
    plan = next(r for r in rows if r["file"] == f"office_00/{SEEDS[0].stem}.txt")
    assert plan["doc_type"] == "Kế hoạch" and plan["parent"] == "782/QĐ-TTg" and plan["level"] == "province"
    assert int(plan["targets"]) > 0 and int(plan["below"]) >= 1 and plan["pages"] == "1"
    from openpyxl import load_workbook

    book = load_workbook(batch.out / "summary.xlsx", read_only=True)
    assert book.sheetnames == ["summary", "alignment", "rollup"]
    sheet = list(book["summary"].iter_rows(values_only=True))
    assert len(sheet) == corpus.inputs + 1 and sheet[0][:3] == ("file", "status", "error")
    assert [row[0] for row in sheet[1:]] == [r["file"] for r in rows]
    alignment = list(book["alignment"].iter_rows(values_only=True))
    assert len(alignment) == batch.records + 1 and "M2.C1a" in alignment[0]


def test_run_json_counts_match_the_files(batch):
    run_json = json.loads((batch.out / "run.json").read_text("utf-8"))
    assert run_json["status"] == "complete" and run_json["parameters"]["check"] is True
    counts = run_json["counts"]
    kinds = [json.loads(p.read_text("utf-8"))["record_type"] for p in (batch.out / "records").rglob("*.json")]
    assert counts["records"] == kinds.count("plan") and counts["errors"] == kinds.count("error")
    assert counts["errors"] == len(csv_rows(batch.out / "errors.csv"))
    assert counts["skipped"] == len(csv_rows(batch.out / "skipped.csv"))
    assert counts["inputs"] == len(run_json["inputs"]) == counts["records"] + counts["errors"] + counts["skipped"]
    assert all(len(i["sha256"]) == 64 for i in run_json["inputs"] if i["status"] != "error")


def test_alignment_across_plans(batch):
    table = csv_rows(batch.out / "alignment.csv")
    assert len(table) == batch.records  # every plan here cites 782/QĐ-TTg
    row = next(r for r in table if r["file"] == f"office_00/{SEEDS[0].stem}.txt")
    assert row["M2.C1a"] == ">= 70 below" and row["M1.C2"] == "100 meets" and row["M1.C1"] == "missing"
    rollup = {r["target"]: r for r in csv_rows(batch.out / "alignment_rollup.csv")}
    target = rollup["M2.C1a"]
    assert int(target["plans"]) == batch.records and int(target["below"]) >= 1
    assert "Sở Lao động - Thương binh và Xã hội tỉnh Lạng Sơn" in target["issuers_below"]
    assert float(target["min"]) <= float(target["median"]) <= float(target["max"])


def test_rerun_keeps_what_is_done_and_redoes_what_changed(corpus, batch, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(batch.out, out)
    before = (out / "records.jsonl").read_bytes()
    again = run(collect([corpus.root]), out, check=True, html=True, jobs=2)
    assert again.reused == batch.records + batch.errors and (out / "records.jsonl").read_bytes() == before
    assert run(collect([corpus.root]), out, check=True, html=True, jobs=1, force=True).reused == 0
    assert len(records(out)) == batch.records + batch.errors
    changed = run(collect([corpus.root]), out, check=False, jobs=2)  # other parameters: all redone
    assert changed.reused == 0 and not (out / "reports.jsonl").exists()
    assert not [p for p in (out / "reports").rglob("*") if p.is_file()]
    assert len(records(out)) == batch.records + batch.errors


def test_a_changed_file_is_done_again_and_the_output_folder_is_no_input(corpus, tmp_path):
    root, out = tmp_path / "in", tmp_path / "in" / "out"
    shutil.copytree(corpus.root / "office_01", root)
    first = run([root], out, jobs=1)
    plan = root / "district" / TEXTS[0].name
    plan.write_text(plan.read_text("utf-8").replace("2022", "2023"), "utf-8")
    second = run([root], out, jobs=1)
    assert second.inputs == first.inputs and second.reused == first.records + first.errors - 1
    found = records(out)
    assert len(found) == first.records + first.errors
    assert [sha for sha, path in map(key, found) if path == str(plan)] == [hashlib.sha256(plan.read_bytes()).hexdigest()]


def test_dask_engine_gives_the_same_records(corpus, batch, tmp_path):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) as cluster:
        dask = run(collect([corpus.root]), tmp_path, check=True, html=True, engine="dask",
                         scheduler=cluster.scheduler_address)
    assert (dask.records, dask.errors, dask.skipped) == (batch.records, batch.errors, batch.skipped)
    local = {key(r): r.model_dump() for r in records(batch.out)}
    assert {key(r): r.model_dump() for r in records(tmp_path)} == local
    assert (tmp_path / "reports.jsonl").read_text("utf-8").count("\n") == batch.records


def test_a_task_lost_on_the_dask_cluster_is_an_error_record():
    task = Task(Input("in/plan.pdf", "plan.pdf", {"office": "UBND"}), "ab" * 32, 10.0)
    lost = RuntimeError("KilledWorker: attempted 3 times, all workers died")
    record = ErrorRecord.model_validate_json(DaskEngine._finished(lost, task).record)
    assert (record.error, record.sha256, record.submission) == ("worker_crashed", "ab" * 32, {"office": "UBND"})
    assert "lost on the Dask cluster" in record.reason


def test_cli_batch_with_manifest(tmp_path, capsys):
    shutil.copy(SEEDS[0], tmp_path / "plan.txt")
    (tmp_path / "list.csv").write_text("path,office,period,reference\nplan.txt,Sở LĐTBXH,2022,CV-12\n"
                                       "gone.pdf,UBND xã,2023,CV-13\n", "utf-8")
    assert main(["batch", str(tmp_path / "list.csv"), "--out", str(tmp_path / "out"), "--jobs", "1", "--quiet"]) == 1
    err = capsys.readouterr().err
    assert "2 inputs = 1 records + 1 errors + 0 skipped" in err and "gone.pdf: not_found" in err
    rows = csv_rows(tmp_path / "out" / "summary.csv")
    assert [(r["office"], r["period"], r["reference"], r["status"]) for r in rows] == [
        ("Sở LĐTBXH", "2022", "CV-12", "plan"), ("UBND xã", "2023", "CV-13", "error")]
    plan, error = records(tmp_path / "out")
    assert plan.provenance.submission == {"office": "Sở LĐTBXH", "period": "2022", "reference": "CV-12"}
    assert error.submission["reference"] == "CV-13"
    (tmp_path / "list.csv").write_text("path,office,period,reference\nplan.txt,Sở LĐTBXH,2022,CV-12b\n", "utf-8")
    assert main(["batch", str(tmp_path / "list.csv"), "--out", str(tmp_path / "out"), "--jobs", "1", "--quiet"]) == 0
    assert "(0 kept from an earlier run)" in capsys.readouterr().err  # another reference: the record is made again
    (plan,) = records(tmp_path / "out")
    assert plan.provenance.submission["reference"] == "CV-12b"
    assert main(["batch", str(tmp_path / "list.csv"), "--out", str(tmp_path / "out"), "--html"]) == 2
