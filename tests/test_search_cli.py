"""``vnplan index`` and ``vnplan search`` on the real corpus: a folder walked, batch folders and
record files, re-indexing and removal through the command, terminal and JSON output, exit codes."""

from __future__ import annotations

import hashlib
import json
import socket

import pytest
from corpus_records import ROOT, corpus_pairs, write_batch

from extractor.batch import Tally
from extractor.check import number_key
from extractor.cli import main
from extractor.index import open_index
from extractor.index.sources import read_sources
from extractor.outputs import to_json

PARENT = "782/QĐ-TTg"
SEED = ROOT / "corpus" / "plans" / "000_faad1c385be67d2b.txt"


def _json(capsys, *argv: str) -> dict:
    capsys.readouterr()
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory) -> str:
    """``vnplan index corpus/``: the whole corpus folder, walked."""
    db = str(tmp_path_factory.mktemp("cli") / "plans.sqlite")
    assert main(["index", str(ROOT / "corpus"), "--db", db]) == 0
    return db


def test_index_corpus_then_search_json(corpus_db, capsys):
    out = _json(capsys, "search", "tre em lao dong", "--json", "--db", corpus_db)
    hits = out["hits"]
    assert out["count"] == len(hits) == 20 and out["query"] == "tre em lao dong"
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)
    for h in hits:
        assert set(h) == {"kind", "sha256", "document", "ordinal", "title", "score", "snippet", "highlights",
                          "evidence", "data"}
        assert set(h["evidence"]) == {"file", "page", "line", "start", "end", "text"}
        assert h["highlights"] and all(h["snippet"][a:b] for a, b in h["highlights"])
    limited = _json(capsys, "search", "tre em lao dong", "--json", "--limit", "3", "--db", corpus_db)
    assert limited["hits"] == hits[:3]


def test_cites_lists_every_corpus_plan_citing_the_programme(corpus_db, capsys):
    pairs = list(read_sources([str(ROOT / "corpus")], Tally()))
    key = number_key(PARENT)
    citing = {r.document for r, _ in pairs if any(ref.number and number_key(ref.number) == key for ref in r.references)}
    implementing = {r.document for r, rep in pairs if rep and rep.parent.id and number_key(rep.parent.id) == key}
    assert citing and {"000_faad1c385be67d2b.txt", "h01_ubnd_dai_loc_2022.txt"} <= citing
    out = _json(capsys, "search", "--cites", PARENT, "--json", "--db", corpus_db)
    assert {p["document"] for p in out["plans"]} == citing | implementing
    assert {p["document"] for p in out["plans"] if p["cites"]} == citing
    seed = next(p for p in out["plans"] if p["document"] == "000_faad1c385be67d2b.txt")
    assert seed["verdicts"]["below"] >= 1 and seed["parent"]["id"] == PARENT and seed["mentions"][0]["line"] == 11


def test_terminal_output_highlights_and_shows_evidence(corpus_db, capsys):
    capsys.readouterr()
    assert main(["search", "dao tao", "--type", "bodies", "--db", corpus_db]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].endswith("hit(s)") and "**Đào tạo**" in out and " p.1 l." in out
    assert main(["search", "--cites", "782/QD-TTg", "--db", corpus_db]) == 0
    out = capsys.readouterr().out
    assert "cite or implement 782/QD-TTg" in out and "checked against 782/QĐ-TTg" in out


def test_batch_folder_and_record_files(tmp_path, capsys):
    pairs = corpus_pairs()
    batch = write_batch(tmp_path / "batch", pairs[:4])
    single = tmp_path / "one.json"
    single.write_text(to_json(pairs[5][0]), "utf-8")
    db = str(tmp_path / "p.sqlite")
    assert main(["index", str(batch), str(single), "--db", db]) == 0
    index = open_index(db)
    counts = index.counts()
    assert counts["documents"] == 5
    assert index.cites(PARENT) and all(c.parent for c in index.cites(PARENT) if c.sha256 != pairs[5][0].provenance.sha256)
    index.close()
    assert main(["index", str(batch), str(single), "--db", db]) == 0  # again: rows replaced, not added
    index = open_index(db)
    assert index.counts() == counts
    index.close()
    assert "indexed 5 plan(s)" in capsys.readouterr().err


def test_remove_by_path_and_by_sha(tmp_path, capsys):
    db = str(tmp_path / "p.sqlite")
    assert main(["index", str(ROOT / "corpus" / "plans"), "--db", db]) == 0
    assert main(["index", "--remove", str(SEED), "--db", db]) == 0
    assert "removed 1 plan(s)" in capsys.readouterr().err
    other = ROOT / "corpus" / "plans" / "001_9ae20dc128f8cd2f.txt"
    assert main(["index", "--remove", hashlib.sha256(other.read_bytes()).hexdigest(), "--db", db]) == 0
    index = open_index(db)
    assert index.counts()["documents"] == 3
    index.close()
    out = _json(capsys, "search", "--cites", PARENT, "--json", "--db", db)
    assert {p["document"] for p in out["plans"]} == {"002_f8a893e16228fe53.txt"}


def test_an_unreadable_plan_is_an_error_line_and_the_rest_is_indexed(tmp_path, capsys):
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "empty.txt").write_text("", "utf-8")
    (folder / "000.txt").write_bytes(SEED.read_bytes())
    db = str(tmp_path / "p.sqlite")
    assert main(["index", str(folder), "--db", db]) == 1
    assert "empty.txt: empty_file" in capsys.readouterr().err
    index = open_index(db)
    assert index.counts()["documents"] == 1
    index.close()


def test_unreachable_servers_fail_with_one_line(capsys):
    port = closed_port()
    for url in (f"http://127.0.0.1:{port}", f"postgresql://u:secret@127.0.0.1:{port}/plans"):
        capsys.readouterr()
        assert main(["index", str(SEED), "--to", url]) == 3
        err = capsys.readouterr().err.strip()
        assert len(err.splitlines()) == 1 and f"127.0.0.1:{port}" in err and "refused" in err.lower()
        assert "secret" not in err


def test_usage_errors(tmp_path, capsys):
    assert main(["search", "--db", str(tmp_path / "p.sqlite")]) == 2
    assert main(["search", "tre em", "--db", str(tmp_path / "missing.sqlite")]) == 2
    assert main(["index", "--db", str(tmp_path / "p.sqlite")]) == 2
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"record_type": "plan"}\n', "utf-8")
    assert main(["index", str(bad), "--db", str(tmp_path / "p.sqlite")]) == 2
    assert "bad.jsonl" in capsys.readouterr().err
