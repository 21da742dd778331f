"""Isolation and resumption: a document that crashes its worker, hangs or exhausts its memory becomes
an error record and the batch goes on; a batch killed with SIGKILL, or stopped with Ctrl-C, is
completed by a rerun with every record and no torn or doubled line."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest
from batch_corpus import HANG_FAULT, SEEDS

from extractor.batch import Limits, collect, run
from extractor.batch.store import Store
from extractor.batch.summary import Row
from extractor.batch.tasks import Finished
from extractor.batch.worker import FAULTS_ENV

VNPLAN = Path(sys.executable).with_name("vnplan")


def plans(folder: Path, copies: int, *faulty: str) -> Path:
    """``copies`` copies of each seed in ``folder``, and a copy of the first named after each of ``faulty``."""
    folder.mkdir(parents=True)
    for k in range(copies):
        for seed in SEEDS:
            shutil.copy(seed, folder / f"{k}_{seed.name}")
    for name in faulty:
        shutil.copy(SEEDS[0], folder / name)
    return folder


def lines(out: Path, name: str = "records.jsonl") -> list[dict]:
    path = out / name
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()] if path.exists() else []


def paths(records: list[dict]) -> list[str]:
    return [r["path"] if r["record_type"] == "error" else r["provenance"]["path"] for r in records]


def test_crash_hang_and_memory_exhaustion_become_error_records(tmp_path, monkeypatch):
    monkeypatch.setenv(FAULTS_ENV, f"crash.txt=crash,{HANG_FAULT},hog.txt=memory")
    folder = plans(tmp_path / "in", 1, "crash.txt", "hang.txt", "hog.txt")
    summary = run(collect([folder]), tmp_path / "out", jobs=2, limits=Limits(timeout=3, memory_mb=1024))
    assert (summary.records, summary.errors, summary.inputs) == (len(SEEDS), 3, len(SEEDS) + 3)
    errors = {Path(r["path"]).name: r for r in lines(tmp_path / "out") if r["record_type"] == "error"}
    assert {name: r["error"] for name, r in errors.items()} == {
        "crash.txt": "worker_crashed", "hang.txt": "timeout", "hog.txt": "memory_limit"}
    assert "exit code 70" in errors["crash.txt"]["reason"] and "3 s" in errors["hang.txt"]["reason"]
    again = run(collect([folder]), tmp_path / "out", jobs=2, limits=Limits(timeout=3, memory_mb=1024))
    assert again.reused == summary.inputs  # the same limits: nothing to redo


def start_batch(folder: Path, out: Path) -> subprocess.Popen:
    env = {**os.environ, FAULTS_ENV: HANG_FAULT}
    return subprocess.Popen([str(VNPLAN), "batch", str(folder), "--out", str(out), "--jobs", "2", "--timeout", "4",
                             "--quiet"], env=env, stderr=subprocess.PIPE, text=True)


def halfway(batch: subprocess.Popen, out: Path) -> list[psutil.Process]:
    """Wait until a few records are out (whole lines: the batch may be writing the next); the batch's
    worker processes."""
    deadline = time.monotonic() + 60
    records = out / "records.jsonl"
    while not records.exists() or records.read_bytes().count(b"\n") < 3:
        assert batch.poll() is None and time.monotonic() < deadline, "the batch ended before it could be stopped"
        time.sleep(0.02)
    return psutil.Process(batch.pid).children()


def gone(workers: list[psutil.Process]) -> bool:
    _, alive = psutil.wait_procs(workers, timeout=10)
    return not alive


def test_sigkill_halfway_then_a_rerun_completes_with_no_loss_and_no_duplicate(tmp_path):
    folder = plans(tmp_path / "in", 3, "hang.txt")
    batch = start_batch(folder, tmp_path / "out")
    workers = halfway(batch, tmp_path / "out")
    batch.send_signal(signal.SIGKILL)
    batch.wait()
    assert workers and gone(workers)  # the workers die with their batch
    assert json.loads((tmp_path / "out" / "run.json").read_text("utf-8"))["status"] == "running"
    with open(tmp_path / "out" / "records.jsonl", "a", encoding="utf-8") as handle:
        handle.write('{"record_type": "plan", "document": "torn')  # as if killed in the middle of a line
    summary = run(collect([folder]), tmp_path / "out", jobs=2, limits=Limits(timeout=4))
    assert summary.reused >= 3 and summary.records == 3 * len(SEEDS) + 1  # the rerun does not make hang.txt hang
    found = paths(lines(tmp_path / "out"))
    assert sorted(found) == sorted(str(p) for p in folder.iterdir())  # every input once, each line whole
    run_json = json.loads((tmp_path / "out" / "run.json").read_text("utf-8"))
    assert run_json["status"] == "complete" and run_json["counts"]["inputs"] == len(found)


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_ctrl_c_or_sigterm_stops_cleanly_and_says_how_to_resume(tmp_path, stop):
    folder = plans(tmp_path / "in", 3, "hang.txt")
    batch = start_batch(folder, tmp_path / "out")
    workers = halfway(batch, tmp_path / "out")
    batch.send_signal(stop)
    _, err = batch.communicate(timeout=30)
    assert batch.returncode == 130 and gone(workers)
    assert "run the same command again to resume" in err
    run_json = json.loads((tmp_path / "out" / "run.json").read_text("utf-8"))
    done = lines(tmp_path / "out")
    assert run_json["status"] == "interrupted" and run_json["counts"]["pending"] == run_json["counts"]["inputs"] - len(done) > 0
    assert len(set(paths(done))) == len(done) == run_json["counts"]["records"] + run_json["counts"]["errors"]


def finished(name: str) -> Finished:
    return Finished(name=name, sha256=name * 8, row=Row(file=name, status="plan"),
                    record=json.dumps({"record_type": "plan", "document": name}) + "\n")


def test_the_store_cuts_torn_lines_and_drops_lines_without_an_entry(tmp_path):
    store = Store(tmp_path, {"vnplan": "test"}, Limits(), checked=False)
    inputs = {name: (name * 8, {}) for name in "abc"}
    assert store.open(inputs) == {}
    store.save(finished("a"))
    store.save(finished("b"))
    store.close()
    with open(tmp_path / "records.jsonl", "a") as handle:
        handle.write(finished("c").record)  # written, but killed before its journal entry
    with open(tmp_path / "journal.jsonl", "a") as handle:
        handle.write('{"name": "c", "sha')  # a torn entry
    store = Store(tmp_path, {"vnplan": "test"}, Limits(), checked=False)
    assert set(store.open(inputs)) == {"a", "b"}
    store.save(finished("c"))
    store.close()
    assert [r["document"] for r in lines(tmp_path)] == ["a", "b", "c"]
    store = Store(tmp_path, {"vnplan": "test"}, Limits(), checked=False)
    assert set(store.open({"a": ("a" * 8, {}), "c": ("changed", {})})) == {"a"}  # b is gone, c has changed
    store.close()
    assert [r["document"] for r in lines(tmp_path)] == ["a"] and not (tmp_path / "records" / "b.json").exists()
    store = Store(tmp_path, {"vnplan": "other"}, Limits(), checked=False)
    assert store.open(inputs) == {} and lines(tmp_path) == []  # another version: everything again
