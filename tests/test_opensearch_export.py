"""The OpenSearch bulk NDJSON of the real corpus against the generated mapping (every field mapped
with a compatible type, ``dynamic: strict``, well-formed action lines), and the mapping itself."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from corpus_records import ROOT, corpus_pairs, write_batch

from extractor.cli import main
from extractor.index import open_index
from extractor.index.documents import describe
from extractor.index.opensearch import ANALYZER, INDEX_NAME, index_mapping

_PYTHON_TYPES = {"keyword": (str,), "text": (str,), "integer": (int,), "float": (int, float), "boolean": (bool,)}


def violations(value: Any, mapping: dict[str, Any], path: str = "") -> list[str]:
    """Why ``value`` does not fit ``mapping`` (a field's mapping, or one with ``properties``)."""
    if value is None:
        return []
    if isinstance(value, list):
        return [v for item in value for v in violations(item, mapping, path)]
    if mapping.get("enabled") is False:
        return [] if isinstance(value, dict) else [f"{path}: not an object"]
    if "properties" in mapping:
        if not isinstance(value, dict):
            return [f"{path}: {type(value).__name__} where an object is mapped"]
        out = [f"{path}.{key}: not in the mapping (dynamic: strict)" for key in value if key not in mapping["properties"]]
        return out + [v for key, item in value.items() if key in mapping["properties"]
                      for v in violations(item, mapping["properties"][key], f"{path}.{key}")]
    allowed = _PYTHON_TYPES[mapping["type"]]
    if (isinstance(value, bool) and bool not in allowed) or not isinstance(value, allowed):
        return [f"{path}: {type(value).__name__} in a {mapping['type']} field"]
    return []


@pytest.fixture(scope="module")
def bulk(tmp_path_factory) -> list[str]:
    folder = tmp_path_factory.mktemp("export")
    out = folder / "bulk.ndjson"
    assert main(["export", "--format", "opensearch-bulk", str(write_batch(folder / "batch", corpus_pairs())),
                 "--out", str(out)]) == 0
    return out.read_text("utf-8").splitlines()


def test_bulk_ndjson_validates_against_the_generated_mapping(bulk):
    mapping = index_mapping()["mappings"]
    assert mapping["dynamic"] == "strict" and len(bulk) % 2 == 0
    ids = set()
    for action_line, doc_line in zip(bulk[::2], bulk[1::2]):
        action = json.loads(action_line)
        assert list(action) == ["index"] and set(action["index"]) == {"_index", "_id"}
        assert action["index"]["_index"] == INDEX_NAME and action["index"]["_id"] not in ids
        ids.add(action["index"]["_id"])
        doc = json.loads(doc_line)
        assert violations(doc, mapping) == []
        assert action["index"]["_id"] == f"{doc['sha256']}:{doc['kind']}:{doc['ordinal']}"
    assert len(ids) == sum(len(describe(record, report)[1]) for record, report in corpus_pairs())
    kinds = {json.loads(line)["kind"] for line in bulk[1::2]}
    assert kinds == {"document", "section", "target", "reference", "body", "deadline", "finding"}


def test_the_validator_catches_what_strict_mapping_refuses(bulk):
    mapping = index_mapping()["mappings"]
    doc = json.loads(bulk[1])
    assert violations({**doc, "extra": 1}, mapping) == [".extra: not in the mapping (dynamic: strict)"]
    assert violations({**doc, "year": "2022"}, mapping) == [".year: str in a integer field"]
    assert violations({**doc, "checked": 1}, mapping) == [".checked: int in a boolean field"]
    assert violations({**doc, "parts": [{"evidence": {"page": "1"}}]}, mapping) == [
        ".parts.evidence.page: str in a integer field"]


def test_mapping_folds_vietnamese_and_has_facets():
    generated = index_mapping()
    analysis = generated["settings"]["analysis"]
    assert analysis["char_filter"]["d_stroke"]["mappings"] == ["đ => d", "Đ => D"]
    assert analysis["analyzer"][ANALYZER]["filter"] == ["lowercase", "asciifolding"]
    props = generated["mappings"]["properties"]
    assert props["text"]["analyzer"] == ANALYZER
    for facet in ("issuer", "title", "entry_title"):
        assert props[facet]["fields"]["keyword"] == {"type": "keyword"}
    for keyword in ("kind", "sha256", "cited", "code", "severity", "level", "province", "doc_type", "parent"):
        assert props[keyword] == {"type": "keyword"}
    assert json.loads((ROOT / "schemas" / "index_mapping.json").read_text("utf-8")) == generated


def test_schema_check_passes():
    assert main(["schema", "--check", "--out", str(ROOT / "schemas")]) == 0


def test_export_to_stdout_of_a_plan_file(capsys):
    assert main(["export", str(ROOT / "corpus" / "plans" / "000_faad1c385be67d2b.txt")]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines and all(json.loads(line) for line in lines) and len(lines) % 2 == 0
    assert Path(json.loads(lines[1])["path"]).name == "000_faad1c385be67d2b.txt"


class _FakeOpenSearch(BaseHTTPRequestHandler):
    """Just enough of OpenSearch's REST API for the writer: the index, delete-by-query and _bulk,
    whose first answer asks every item to be retried (429)."""

    def _answer(self, status: int, body: dict | None = None) -> None:
        data = json.dumps(body or {}).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def _record(self) -> bytes:
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.server.requests.append((self.command, self.path.split("?")[0], body))
        return body

    def do_HEAD(self) -> None:
        self._record()
        self._answer(200 if self.server.created else 404)

    def do_PUT(self) -> None:
        self._record()
        self.server.created = True
        self._answer(200, {"acknowledged": True})

    def do_POST(self) -> None:
        body = self._record()
        if self.path.startswith("/_bulk"):
            actions = [json.loads(line) for line in body.decode().splitlines()[::2]]
            status = 429 if self.server.throttle else 201
            self.server.throttle = False
            items = [{"index": {"_id": a["index"]["_id"], "status": status}} for a in actions]
            self._answer(200, {"took": 1, "errors": status != 201, "items": items})
        else:
            self._answer(200, {"deleted": 0})

    def log_message(self, *args: Any) -> None:
        pass


def test_the_writer_sends_mapping_deletes_and_bulk_with_retries():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _FakeOpenSearch)
    server.requests, server.created, server.throttle = [], False, True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        pairs = corpus_pairs()[:3]
        index = open_index(f"http://127.0.0.1:{server.server_address[1]}")
        for record, report in pairs:
            index.add(record, report)
        index.close()
    finally:
        server.shutdown()
    calls = [(method, path) for method, path, _ in server.requests]
    assert calls[:2] == [("HEAD", f"/{INDEX_NAME}"), ("PUT", f"/{INDEX_NAME}")]
    created = json.loads(server.requests[1][2])
    assert created["mappings"] == index_mapping()["mappings"]
    deleted = json.loads(next(body for _, path, body in server.requests if path.endswith("_delete_by_query")))
    assert sorted(deleted["query"]["terms"]["sha256"]) == sorted(r.provenance.sha256 for r, _ in pairs)
    bulks = [body for _, path, body in server.requests if path == "/_bulk"]
    assert len(bulks) == 2 and bulks[0] == bulks[1], "the throttled batch is sent again"
    docs = [json.loads(line) for line in bulks[1].decode().splitlines()[1::2]]
    assert len(docs) == sum(len(describe(r, p)[1]) for r, p in pairs)
    assert all(violations(doc, index_mapping()["mappings"]) == [] for doc in docs)
