"""The search index on the real corpus, the same tests against SQLite and a real PostgreSQL server:
accent-free and đ-folded queries, phrases, prefixes, every filter, citations, evidence, re-indexing
and removal."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from pathlib import Path

import pgserver
import psycopg
import pytest
from corpus_records import corpus_pairs

from extractor.check import number_key
from extractor.index import Filters, open_index
from extractor.index.documents import describe
from extractor.index.folding import folded_words, tokens
from extractor.index.sql import SqlIndex

PARENT = "782/QĐ-TTg"
ALL = 100_000
_databases = itertools.count()


@pytest.fixture(scope="session")
def pg_server() -> Iterator[pgserver.Server]:
    reason = pgserver.missing()
    if reason:
        pytest.skip(reason)
    server = pgserver.Server()
    yield server
    server.stop()


def _fresh(engine: str, tmp: Path, request: pytest.FixtureRequest) -> SqlIndex:
    """An empty index of ``engine``: a new SQLite file, or a new PostgreSQL database."""
    if engine == "sqlite":
        return open_index(str(tmp / f"index{next(_databases)}.sqlite"))
    server = request.getfixturevalue("pg_server")
    name = f"t{next(_databases)}"
    with psycopg.connect(server.url, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return open_index(server.url.replace(f"/{pgserver.DATABASE}?", f"/{name}?"))


def _filled(engine: str, tmp: Path, request: pytest.FixtureRequest) -> SqlIndex:
    index = _fresh(engine, tmp, request)
    for record, report in corpus_pairs():
        index.add(record, report)
    index.conn.commit()
    return index


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def index(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[SqlIndex]:
    """The whole corpus in each engine, built once per module; the tests here only read it."""
    built = _filled(request.param, tmp_path_factory.mktemp(request.param), request)
    yield built
    built.close()


@pytest.fixture
def scratch(request: pytest.FixtureRequest, tmp_path: Path, index: SqlIndex) -> Iterator[SqlIndex]:
    """A corpus index of the same engine as ``index``, for a test that changes it."""
    engine = "sqlite" if index.placeholder == "?" else "postgresql"
    built = _filled(engine, tmp_path, request)
    yield built
    built.close()


def _expected(predicate) -> set[tuple[str, str, int]]:
    """(sha256, kind, ordinal) of every corpus entry for which ``predicate(info, entry)`` holds."""
    out = set()
    for record, report in corpus_pairs():
        info, entries = describe(record, report)
        out |= {(info.sha256, e.kind, e.ordinal) for e in entries if predicate(info, e)}
    return out


def _keys(hits) -> set[tuple[str, str, int]]:
    return {(h.sha256, h.kind, h.ordinal) for h in hits}


def _highlighted(hit) -> list[str]:
    """The highlighted ranges of a hit's snippet, folded."""
    return [folded_words(hit.snippet[a:b]) for a, b in hit.highlights]


def _highlighted_words(hit) -> set[str]:
    return {word for text in _highlighted(hit) for word in text.split()}


def test_the_corpus_is_real_and_checked():
    pairs = corpus_pairs()
    assert len(pairs) >= 30 and sum(report is not None for _, report in pairs) == len(pairs)


def test_accent_free_query_finds_accented_text(index):
    hits = index.search("tre em duoi nuoc", Filters(), ALL)
    assert hits and hits == index.search("trẻ em đuối nước", Filters(), ALL)
    expected = _expected(lambda info, e: {"tre", "em", "duoi", "nuoc"} <= set(tokens(e.text)))
    assert _keys(hits) == expected
    assert any("đuối nước" in h.snippet for h in hits)
    assert all({"tre", "em", "duoi", "nuoc"} <= _highlighted_words(h) for h in hits if len(h.snippet) < 150)


def test_d_with_stroke_folds_to_d(index):
    hits = index.search("dao tao", Filters(), ALL)
    assert hits and _keys(hits) == _keys(index.search("Đào tạo", Filters(), ALL))
    assert any("đào tạo" in h.snippet.lower() for h in hits)
    assert all("dao tao" in _highlighted(h) for h in hits if "đào tạo" in h.snippet.lower())


def test_phrases_keep_word_order(index):
    words = _keys(index.search("tre em lao dong", Filters(), ALL))
    phrase = index.search('"lao dong tre em"', Filters(), ALL)
    assert phrase and _keys(phrase) < words
    assert _keys(phrase) == _expected(lambda info, e: " lao dong tre em " in f" {folded_words(e.text)} ")
    assert all(any("lao dong tre em" in text for text in _highlighted(h)) for h in phrase)


def test_prefixes(index):
    assert index.search("huon", Filters(), ALL) == []
    hits = index.search("huon*", Filters(), ALL)
    assert hits and _keys(hits) == _expected(lambda info, e: any(t.startswith("huon") for t in tokens(e.text)))
    assert all(w.startswith("huon") for h in hits for w in _highlighted_words(h))
    assert _keys(index.search('"ke hoach trien*"', Filters(), ALL)) <= _keys(index.search("ke hoach", Filters(), ALL))


def test_a_number_is_a_phrase_of_its_parts(index):
    hits = index.search(PARENT, Filters(kinds=("reference",)), ALL)
    assert hits and all(h.data["number"] and number_key(h.data["number"]) == number_key(PARENT) for h in hits)


def test_hits_are_ranked_and_carry_evidence(index):
    hits = index.search("tre em lao dong", Filters(), 10)
    assert len(hits) == 10 and [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert hits[0].score > 0
    for h in hits:
        ev = h.evidence
        source = Path(ev.file).read_text("utf-8")
        assert source[ev.start:ev.end] == ev.text and ev.page >= 1
        assert source[:ev.start].count("\n") + 1 == ev.line


FILTERS = [  # a filter, and the same condition over the records
    (Filters(issuer="lang son"), lambda i, e: "lang son" in folded_words(i.issuer or "")),
    (Filters(level="commune"), lambda i, e: i.level == "commune"),
    (Filters(province="Quảng Nam"), lambda i, e: i.province == "Quảng Nam"),
    (Filters(doc_type="quyet dinh"), lambda i, e: i.doc_type == "Quyết định"),
    (Filters(year=2022), lambda i, e: i.year == 2022),
    (Filters(parent=PARENT), lambda i, e: i.parent == PARENT),
    (Filters(kinds=("reference",), cites="782/QD-TTg"),
     lambda i, e: e.kind == "reference" and e.cited == number_key(PARENT)),
    (Filters(kinds=("body",), body="giao duc"), lambda i, e: e.kind == "body" and "giao duc" in e.body),
    (Filters(kinds=("finding",), severity="error"), lambda i, e: e.kind == "finding" and e.severity == "error"),
    (Filters(code="target_below_parent"), None),  # entries of plans with such a finding, and the findings
]


@pytest.mark.parametrize("filters, condition", FILTERS, ids=lambda v: ",".join(v.given()) if isinstance(v, Filters)
                         else "")
def test_each_filter(index, filters, condition):
    if condition is None:
        having = {k[0] for k in _expected(lambda i, e: e.kind == "finding" and e.code == filters.code)}

        def condition(i, e):  # the findings of the code, and every entry of a plan that has one
            return e.code == filters.code if e.kind == "finding" else i.sha256 in having
    expected = _expected(condition)
    everything = _expected(lambda i, e: True)
    assert expected and expected < everything, "the corpus must have entries on both sides of the filter"
    assert _keys(index.search("", filters, ALL)) == expected
    with_query = index.search("ke hoach", filters, ALL)
    assert _keys(with_query) == expected & _keys(index.search("ke hoach", Filters(kinds=filters.kinds), ALL))


def test_cites_lists_every_plan_citing_or_implementing(index):
    pairs = corpus_pairs()
    citing = {r.provenance.sha256 for r, _ in pairs
              if any(ref.number and number_key(ref.number) == number_key(PARENT) for ref in r.references)}
    implementing = {r.provenance.sha256 for r, rep in pairs if rep and rep.parent.id == PARENT}
    assert citing, "some corpus plan cites the parent"
    found = index.cites("782/QD-TTg")
    assert {c.sha256 for c in found} == citing | implementing
    for c in found:
        assert c.cites == (c.sha256 in citing) and (not c.cites or c.mentions)
        assert c.parent is not None and sum(c.verdicts.values()) == len(c.alignment)
    assert all("782" in ev.text for c in found for ev in c.mentions)


def test_reindexing_replaces_rows(scratch):
    before = scratch.counts()
    record, report = next((r, p) for r, p in corpus_pairs() if len(r.targets) >= 2)
    scratch.add(record, report)
    assert scratch.counts() == before
    fewer = record.model_copy(update={"targets": record.targets[:1]})
    scratch.add(fewer, report)
    assert scratch.counts() == {**before, "target": before["target"] - len(record.targets) + 1}


def test_removal_by_sha_and_by_path(scratch):
    (first, _), (second, _) = corpus_pairs()[:2]
    before = scratch.counts()
    assert scratch.remove(first.provenance.sha256) == 1
    assert scratch.remove(second.provenance.path) == 1
    assert scratch.remove("no such plan") == 0
    assert scratch.counts()["documents"] == before["documents"] - 2
    left = {h.sha256 for h in scratch.search("", Filters(), ALL)}
    assert first.provenance.sha256 not in left and second.provenance.sha256 not in left
    assert first.provenance.sha256 not in {c.sha256 for c in scratch.cites(PARENT)}


def test_the_commands_against_postgresql(pg_server, tmp_path, capsys):
    """``vnplan index --to postgresql://…`` and ``vnplan search --to …`` answer as the SQLite file does."""
    from extractor.cli import main

    plans = str(Path(__file__).resolve().parent.parent / "corpus" / "plans")
    with psycopg.connect(pg_server.url, autocommit=True) as conn:
        conn.execute("CREATE DATABASE cli")
    url = pg_server.url.replace(f"/{pgserver.DATABASE}?", "/cli?")
    db = str(tmp_path / "p.sqlite")
    answers = []
    for where in (["--to", url], ["--db", db]):
        assert main(["index", plans, *where]) == 0
        capsys.readouterr()
        assert main(["search", "dao tao", "--type", "bodies", "--json", "--limit", "50", *where]) == 0
        hits = json.loads(capsys.readouterr().out)["hits"]
        assert main(["search", "--cites", PARENT, "--json", *where]) == 0
        cites = json.loads(capsys.readouterr().out)["plans"]
        answers.append(({(h["sha256"], h["ordinal"], h["snippet"]) for h in hits}, cites))
    assert answers[0][0] and answers[0] == answers[1]
