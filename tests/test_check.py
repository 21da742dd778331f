"""Checks against the parent programme 782/QĐ-TTg and the registry, on the seeds and on variants."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import GOLD, ROOT, SEEDS, extracted, gold_for

from extractor.batch import load_parent_arg
from extractor.check import check_record, plan_findings
from extractor.check.parents import (
    ParentError,
    find_parents,
    load_parent,
    parent_from_record,
    plan_period,
    resolve_parent,
)
from extractor.check.registry import add_from_records, load_registry
from extractor.cli import main
from extractor.evaluate import score_alignment, score_findings
from extractor.pipeline import extract

PARENT_FILE = ROOT / "corpus" / "parents" / "782-QD-TTg.json"
S000, S001, S002, S003, S004 = (str(p) for p in SEEDS)


@pytest.fixture(scope="module")
def parent782():
    return load_parent(PARENT_FILE)


def variant(tmp_path: Path, seed: str, old: str, new: str, name: str = "variant.txt"):
    text = Path(seed).read_text("utf-8")
    assert old in text, old
    path = tmp_path / name
    path.write_text(text.replace(old, new, 1), "utf-8")
    return extract(path)


def codes(findings, code):
    return [f for f in findings if f.code == code]


# ---------------------------------------------------------------- parents and resolution


def test_curated_parent_loads(parent782):
    assert parent782.id == "782/QĐ-TTg" and parent782.date == "2021-05-27"
    assert (parent782.period.start, parent782.period.end, parent782.period.orientation) == (2021, 2025, 2030)
    ids = [t.id for t in parent782.targets]
    assert "M2.C1a" in ids and "O2030" in ids
    m22 = next(t for t in parent782.targets if t.id == "M2.C2")
    assert m22.uncertain and m22.alternative_values == [80]


def test_parent_that_does_not_validate_names_file_and_field(tmp_path):
    data = json.loads(PARENT_FILE.read_text("utf-8"))
    data["targets"][3]["value"] = "chín mươi"
    bad = tmp_path / "782.json"
    bad.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    with pytest.raises(ParentError) as e:
        load_parent(bad)
    assert str(e.value).startswith("782.json: targets.3.value: ")
    assert "number" in str(e.value)


def test_parent_missing_document_number(tmp_path):
    data = json.loads(PARENT_FILE.read_text("utf-8"))
    del data["document"]["number"]
    bad = tmp_path / "p.json"
    bad.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    with pytest.raises(ParentError, match=r"p\.json: document\.number"):
        load_parent(bad)


@pytest.mark.parametrize("seed,how", [
    (S000, "cited in the preamble"),                      # cites 782/QĐ-TTg itself
    (S001, "through intermediate plan 195/KH-UBND"),      # cites only Hà Nội's plan 195/KH-UBND
    (S002, "through intermediate plan 81/KH-UBND"),       # cites only Hoằng Hóa's plan 81/KH-UBND
    (S003, "no parent found"),                            # a 2016-2020 plan: before 782 existed
    (S004, "no parent found"),                            # a general child-work plan
])
def test_resolution_on_seeds(seed, how):
    parent, found = resolve_parent(extracted(seed), find_parents(ROOT / "corpus" / "parents"), load_registry())
    assert found == how
    assert (parent is None) == (how == "no parent found")


def test_intermediate_plan_not_in_registry_resolves_by_its_subject(tmp_path):
    rec = variant(tmp_path, S001, "Thực hiện Kế hoạch số 195/KH-UBND ngày 26/8/2021 của Ủy ban nhân dân (UBND) thành phố Hà Nội",
                  "Thực hiện Kế hoạch số 52/KH-UBND ngày 10/10/2021 của Ủy ban nhân dân tỉnh Nghệ An")
    parent, how = resolve_parent(rec, find_parents(ROOT / "corpus" / "parents"), load_registry())
    assert parent and parent.id == "782/QĐ-TTg" and how == "through intermediate plan 52/KH-UBND"


def test_same_number_from_another_province_is_not_the_registry_plan(tmp_path):
    """187/KH-UBND of Lạng Sơn implements 782; a Cà Mau 187/KH-UBND about roads does not."""
    text = ("KẾ HOẠCH\nNâng cấp đường giao thông nông thôn năm 2022\n\n"
            "Thực hiện Kế hoạch số 187/KH-UBND ngày 02/3/2022 của UBND tỉnh Cà Mau về phát triển giao thông.\n\n"
            "I. MỤC TIÊU\n1. 80% đường xã được cứng hóa.\n")
    path = tmp_path / "roads.txt"
    path.write_text(text, "utf-8")
    rec = extract(path)
    assert resolve_parent(rec, find_parents(ROOT / "corpus" / "parents"), load_registry()) == (None, "no parent found")
    assert not codes(check_record(rec).findings, "reference_mismatch")


def test_plan_citing_no_parent(tmp_path):
    report = check_record(extracted(S004))
    assert report.parent.id is None and report.parent.how == "no parent found"
    assert report.alignment == []
    assert not [f for f in report.findings if f.rule.startswith("check.rules.parent")]


def test_parent_from_record():
    parent = parent_from_record(extracted(S001))
    assert [t.id for t in parent.targets][:3] == ["T1", "T2", "T3"]
    assert len(parent.targets) == len(extracted(S001).targets)
    assert (parent.period.start, parent.period.end, parent.period.orientation) == (2021, 2025, 2030)


def test_plan_period_from_title():
    assert plan_period(extracted(S000)).end == 2022          # "... tỉnh Lạng Sơn năm 2022"
    p3 = plan_period(extracted(S003))                         # "... giai đoạn 2016-2020"
    assert (p3.start, p3.end) == (2016, 2020)


# ---------------------------------------------------------------- matching


def test_alignment_against_gold_tables():
    scores = score_alignment(GOLD, [extracted(str(p)) for p in SEEDS])
    assert scores["precision"] >= 0.9 and scores["recall"] >= 0.9, scores


def test_split_and_joined_groups(parent782):
    """001 splits M3.C2 over two plan targets; 002 joins the parent's two official groups in one target."""
    rows = check_record(extracted(S001), parent782).alignment
    m3c2 = [r.plan_value for r in rows if r.parent_target == "M3.C2" and r.plan_target is not None]
    assert sorted(m3c2) == [70, 90]
    rec2 = extracted(S002)
    joined = next(i for i, t in enumerate(rec2.targets) if t.group.startswith("cán bộ, công chức"))
    rows2 = check_record(rec2, parent782).alignment
    assert {r.parent_target for r in rows2 if r.plan_target == joined} == {"M3.C1a", "M3.C1b"}
    by_year = {(r.parent_target, extracted(S001).targets[r.plan_target].year) for r in rows
               if r.parent_target in ("M1.C1", "O2030") and r.plan_target is not None}
    assert by_year == {("M1.C1", None), ("O2030", 2030)}   # the two "dưới 1%" targets told apart by year


def test_every_match_has_a_score(parent782):
    rows = check_record(extracted(S002), parent782).alignment
    assert all(0 < r.score <= 1 for r in rows if r.plan_target is not None and r.parent_target)


# ---------------------------------------------------------------- parent rules on the seeds


def test_seed_findings_stay_on_gold_with_resolved_parent():
    tp = fp = fn = 0
    for path in SEEDS:
        report = check_record(extracted(str(path)))
        pred = [{"code": f.code, **{k: getattr(f, k) for k in ("section", "value", "number", "parent_target")
                                    if getattr(f, k) is not None}} for f in report.findings]
        c = score_findings(pred, gold_for(path)["findings"])
        tp, fp, fn = tp + c.tp, fp + c.fp, fn + c.fn
    assert 2 * tp / (2 * tp + fp + fn) >= 0.9, (tp, fp, fn)


def test_annual_plan_below_parent_is_a_note_not_a_finding(parent782):
    """Seed 000 is a 2022 plan: its 70% for teachers is an interim step towards 782's 90% in 2025."""
    report = check_record(extracted(S000))
    assert not codes(report.findings, "target_below_parent")
    notes = codes(report.notes, "target_below_parent")
    assert {n.parent_target for n in notes} >= {"M2.C1a", "M2.C1b", "M2.C3"}
    assert all(n.severity == "info" and "2022" in n.message_en for n in notes)


def test_2016_plan_is_outside_782_period(parent782):
    report = check_record(extracted(S003), parent782)
    (f,) = codes(report.findings, "period_outside_parent")
    assert "2016" in f.message_en and f.evidence


# ---------------------------------------------------------------- parent rules on variants


def test_target_below_parent_with_evidence(tmp_path):
    rec = variant(tmp_path, S001, "Chỉ tiêu 1: 90% cán bộ, giáo viên", "Chỉ tiêu 1: 60% cán bộ, giáo viên")
    report = check_record(rec)
    (f,) = codes(report.findings, "target_below_parent")
    assert f.severity == "error" and f.parent_target == "M2.C1a" and f.value == 60
    assert "60%" in f.evidence[0].text
    source = (tmp_path / "variant.txt").read_text("utf-8")
    assert source[f.evidence[0].start:f.evidence[0].end] == f.evidence[0].text
    row = next(r for r in report.alignment if r.parent_target == "M2.C1a")
    assert row.verdict == "below" and row.plan_value == 60


def test_rate_to_cut_is_weaker_when_higher(tmp_path):
    rec = variant(tmp_path, S001, "(tính từ 5 đến 17 tuổi) dưới 1%", "(tính từ 5 đến 17 tuổi) dưới 6%")
    (f,) = codes(check_record(rec).findings, "target_below_parent")
    assert f.parent_target == "M1.C1" and f.value == 6 and "higher" in f.message_en


def test_earlier_milestone_below_parent_is_a_warning(parent782):
    rec = extracted(S001).model_copy(deep=True)
    t = rec.targets[3]                        # 90% cán bộ, giáo viên (M2.C1a)
    rec.targets[3] = t.model_copy(update={"value": 60.0, "year": 2023})
    (f,) = codes(check_record(rec, parent782).findings, "target_below_parent")
    assert f.severity == "warning" and "2023" in f.message_en and "2025" in f.message_en


def test_parent_target_missing(tmp_path, parent782):
    rec = extracted(S001).model_copy(deep=True)
    rec.targets = [t for t in rec.targets if "cha mẹ" not in t.group]     # drop 80% cha mẹ (M2.C1b)
    missing = codes(check_record(rec, parent782).findings, "parent_target_missing")
    assert [f.parent_target for f in missing] == ["M2.C1b"]


def test_reference_mismatch_on_wrong_date(tmp_path):
    rec = variant(tmp_path, S000, "782/QĐ-TTg ngày 27/5/2021", "782/QĐ-TTg ngày 27/6/2021")
    (f,) = codes(check_record(rec).findings, "reference_mismatch")
    assert f.number == "782/QĐ-TTg" and "2021-05-27" in f.message_en and "2021-06-27" in f.message_en
    assert f.evidence and "782" in f.evidence[0].text


def test_reference_mismatch_on_wrong_issuer(tmp_path):
    rec = variant(tmp_path, S002, "56/2017/NĐ-CP ngày 09/5/2017 của Chính phủ",
                  "56/2017/NĐ-CP ngày 09/5/2017 của Bộ Tư pháp")
    (f,) = codes(check_record(rec).findings, "reference_mismatch")
    assert f.number == "56/2017/NĐ-CP" and "issuer" in f.message_en


def test_seeds_cite_the_registry_correctly():
    for path in SEEDS:
        assert not codes(check_record(extracted(str(path))).findings, "reference_mismatch"), path.name


# ---------------------------------------------------------------- registry and command line


def test_registry_add_from_records(tmp_path):
    reg = tmp_path / "documents.json"
    shutil.copy(ROOT / "corpus" / "registry" / "documents.json", reg)
    added = add_from_records(reg, [extracted(S000), extracted(S000)])
    assert sorted(e.number for e in added) == ["2399/QĐ-UBND", "8668/QĐ-SLĐTBXH"]
    entry = load_registry(reg).lookup("2399/QD-UBND")
    assert entry.date == "2021-12-10" and entry.sources == ["cited in 000_faad1c385be67d2b.txt"]
    assert load_registry(reg).lookup("782/QĐ-TTg").date == "2021-05-27"   # curated entry untouched


def test_check_command_writes_json(tmp_path):
    assert main(["check", S002, "--parent", str(PARENT_FILE), "--out", str(tmp_path)]) == 0
    data = json.loads((tmp_path / f"{Path(S002).name}.check.json").read_text("utf-8"))
    assert {"document", "parent", "alignment", "findings"} <= set(data)
    assert data["parent"]["id"] == "782/QĐ-TTg" and data["parent"]["how"] == "given with --parent"


def test_parent_argument_by_number_or_plan():
    assert load_parent_arg("782/QD-TTg").id == "782/QĐ-TTg"
    assert load_parent_arg(S001).targets[0].id == "T1"
    with pytest.raises(ParentError):
        load_parent_arg("999/QĐ-TTg")


def test_registry_command(tmp_path):
    reg = tmp_path / "documents.json"
    shutil.copy(ROOT / "corpus" / "registry" / "documents.json", reg)
    assert main(["registry", "add", S003, "--registry", str(reg)]) == 0
    assert load_registry(reg).lookup("3120/KH-UBND").date == "2016-08-05"


@pytest.mark.parametrize("fmt,marker", [("md", "| M2.C1a |"), ("html", "<!DOCTYPE html>")])
def test_check_command_other_formats(tmp_path, fmt, marker):
    assert main(["check", S000, "--format", fmt, "--out", str(tmp_path)]) == 0
    assert marker in (tmp_path / f"{Path(S000).name}.check.{fmt}").read_text("utf-8")


def test_heldout_plans_get_no_spurious_parent_findings():
    """A district plan that rewords two parent targets, and a school plan that carries few of them."""
    from conftest import ROOT

    heldout = ROOT / "corpus" / "heldout" / "plans"
    h01 = check_record(extract(next(heldout.glob("h01_*.txt"))))
    assert [f.parent_target for f in h01.findings if f.code == "target_below_parent"] == ["M2.C1b"]
    assert not codes(h01.findings, "parent_target_missing")
    h02 = check_record(extract(next(heldout.glob("h02_*.txt"))))
    assert not codes(h02.findings, "parent_target_missing")
    assert {n.parent_target for n in h02.notes if n.code == "parent_target_missing"} >= {"M3.C1b"}


def test_deadline_chain_conflict(tmp_path):
    """Seed 004: units report to the Sở by 20/5, the Sở to the Bộ by 25/5 — consistent; moving the
    units' date after the Sở's makes them contradict each other. No parent is needed: ``vnplan extract``
    reports it."""
    rec = extracted(str(SEEDS[4])).model_copy(deep=True)
    assert not codes(plan_findings(rec), "deadline_conflict")
    units = next(d for d in rec.deadlines if d.due == "trước ngày 20/5")
    units.due_day, units.due = 28, "trước ngày 28/5"
    (f,) = codes(plan_findings(rec), "deadline_conflict")
    assert len(f.evidence) == 2 and "28/5" in f.message_en and "25/5" in f.message_en
    moved = variant(tmp_path, str(SEEDS[4]), "trước ngày 20/5", "trước ngày 28/5")
    assert codes(moved.findings, "deadline_conflict") and codes(check_record(moved).findings, "deadline_conflict")
