"""What a batch is given: folders (recursive), globs, stdin, manifests; names that never collide;
files that are no plans skipped by their content, broken plans kept to become error records."""

from __future__ import annotations

import io
import json
import shutil

import pytest
from batch_corpus import ALL_KINDS, DEV_DOCS, HELDOUT, SEEDS, logo, make_corpus, zip_bomb_docx
from conftest import ROOT
from renderings import bad_inputs, rendering

from extractor.batch import ManifestError, collect
from extractor.batch.triage import why_not_a_plan
from extractor.cli import main
from extractor.records import ErrorRecord, PlanRecord


def test_every_plan_of_the_corpus_is_a_plan_and_the_rest_is_not():
    blind = sorted((ROOT / "corpus" / "blind" / "docs").glob("*"))
    assert len(blind) >= 30
    plans = SEEDS + HELDOUT + DEV_DOCS + blind + sorted((ROOT / "corpus" / "parents").glob("*.txt"))
    assert [p.name for p in plans if why_not_a_plan(p)] == []
    not_plans = [ROOT / "README.md", ROOT / "corpus" / "heldout" / "README.md", ROOT / "corpus" / "headings.tsv", ROOT / "corpus" / "BLIND.md",
                 *sorted((ROOT / "corpus" / "gold").glob("*.json"))[:2], ROOT / "pyproject.toml"]
    for path in not_plans:
        assert why_not_a_plan(path).startswith("not a plan"), path


def test_broken_plans_are_plans_for_the_reader_to_report(tmp_path):
    bad = bad_inputs()
    for key in ("empty", "whitespace", "binary", "truncated_pdf", "encrypted_pdf", "unknown_suffix", "utf16"):
        assert why_not_a_plan(bad[key]) is None, key
    assert why_not_a_plan(zip_bomb_docx(rendering(SEEDS[0], "docx"), tmp_path / "bomb.docx", megabytes=1)) is None
    assert "too small for a scanned page" in why_not_a_plan(logo(tmp_path / "logo.png"))
    sheet = tmp_path / "budget.xlsx"
    with __import__("zipfile").ZipFile(sheet, "w") as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
    assert "spreadsheet" in why_not_a_plan(sheet)
    (tmp_path / "tool.bin").write_bytes(bytes(range(256)) * 4)
    assert "binary" in why_not_a_plan(tmp_path / "tool.bin")


def test_folders_are_walked_and_names_never_collide(tmp_path):
    corpus = make_corpus(tmp_path, SEEDS[:2], offices=[ALL_KINDS, ALL_KINDS], broken=2)
    (tmp_path / ".hidden").mkdir()
    shutil.copy(SEEDS[0], tmp_path / ".hidden" / "x.txt")
    items = collect([tmp_path])
    assert len(items) == corpus.inputs
    names = [i.name for i in items]
    assert len(set(names)) == len(names)
    stem = SEEDS[0].stem
    assert {f"office_00/{stem}.txt", f"office_00/{stem}.docx", f"office_00/{stem}.pdf",
            f"office_01/district/{stem}.txt"} <= set(names)
    assert {i.name for i in items if i.skip} == {"README.md", "logo.png"}
    assert names == sorted(names, key=lambda n: n.split("/"))


def test_several_arguments_share_the_nearest_folder(tmp_path):
    items = collect([ROOT / "corpus" / "plans", HELDOUT[0], SEEDS[0]])
    assert [i.name for i in items][:2] == [f"plans/{SEEDS[0].name}", f"plans/{SEEDS[1].name}"]
    assert items[5].name == f"heldout/plans/{HELDOUT[0].name}"
    assert items[-1].skip.startswith("listed twice") and items[-1].name == f"plans/{SEEDS[0].name}"
    assert [i.name for i in collect([SEEDS[0]])] == [SEEDS[0].name]


def test_globs_and_standard_input(tmp_path):
    items = collect([str(ROOT / "corpus" / "**" / "h0*.txt")])
    assert [i.name for i in items] == [p.name for p in HELDOUT]
    stdin = io.StringIO(f"{SEEDS[0]}\n\n{SEEDS[1]}\n")
    assert [i.name for i in collect(["-"], stdin=stdin)] == [SEEDS[0].name, SEEDS[1].name]


def test_manifest_columns_travel_with_their_files(tmp_path):
    (tmp_path / "a").mkdir()
    shutil.copy(SEEDS[0], tmp_path / "a" / "plan.txt")
    (tmp_path / "list.csv").write_text("path,office,period\na/plan.txt,Sở LĐTBXH,2022\nmissing.pdf,UBND xã,2023\n",
                                       "utf-8")
    (tmp_path / "list.jsonl").write_text(json.dumps({"path": str(SEEDS[1]), "office": "Sở GDĐT", "ref": 12}) + "\n",
                                         "utf-8")
    items = collect([tmp_path / "list.csv", tmp_path / "list.jsonl"])
    assert [(i.submission, i.skip) for i in items] == [
        ({"office": "Sở LĐTBXH", "period": "2022"}, None), ({"office": "UBND xã", "period": "2023"}, None),
        ({"office": "Sở GDĐT", "ref": "12"}, None)]
    from extractor.batch import Extract

    record, error = Extract()(items[0]).record, Extract()(items[1]).record
    assert isinstance(record, PlanRecord) and record.provenance.submission["office"] == "Sở LĐTBXH"
    assert isinstance(error, ErrorRecord) and error.error == "not_found" and error.submission["period"] == "2023"


def test_a_manifest_without_paths_is_a_usage_error(tmp_path, capsys):
    (tmp_path / "list.csv").write_text("file,office\nx.pdf,UBND\n", "utf-8")
    with pytest.raises(ManifestError):
        collect([tmp_path / "list.csv"])
    assert main(["extract", str(tmp_path / "list.csv")]) == 2
    assert "no 'path' column" in capsys.readouterr().err


def test_extract_recurses_skips_and_files_by_relative_path(tmp_path, capsys):
    corpus = make_corpus(tmp_path / "in", SEEDS[:1], offices=[("txt", "docx"), ("txt",)], broken=0)
    assert main(["extract", str(tmp_path / "in"), "--out", str(tmp_path / "out")]) == 0
    err = capsys.readouterr().err.splitlines()
    assert sorted(err) == ["vnplan: README.md: skipped: " + why_not_a_plan(tmp_path / "in" / "README.md"),
                           "vnplan: logo.png: skipped: " + why_not_a_plan(tmp_path / "in" / "logo.png")]
    written = sorted(p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*.json"))
    assert written == sorted(f"{p.relative_to(corpus.root).as_posix()}.json" for p in corpus.plans)
