"""The web app through its ASGI interface (no browser): upload → report page with every kind of
evidence highlighted and the markdown rendered, search with facets and without accents, a plan's
citations, the batch view sorted on the server, refusals with their status and code, the REST API."""

from __future__ import annotations

import html
import io
import json
import re
import subprocess
import sys
import time
import urllib.request
import zipfile

import pytest
from fastapi.testclient import TestClient
from webtools import OTHERS, SEED, free_port, index_others, write_batch_folder

from extractor.index import open_index
from extractor.outputs.html import Mark, highlight
from extractor.records import CheckReport, PlanRecord
from extractor.web import Settings, create_app

PARENT = "782/QĐ-TTg"
LIMIT = 200_000
_TAG = re.compile(r"<[^>]+>")
_HIDDEN = re.compile(r'<span class="md">.*?</span>', re.S)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The app over an index of the other seeds and the held-out plans, with a batch folder of them
    all (seed 000 included) under its batch root."""
    tmp = tmp_path_factory.mktemp("web")
    index_others(tmp / "plans.sqlite")
    rows = write_batch_folder(tmp / "batches" / "run1", [SEED, *OTHERS])
    settings = Settings(index=str(tmp / "plans.sqlite"), uploads=tmp / "uploads", batch=tmp / "batches" / "run1",
                        batch_root=tmp / "batches", max_upload_bytes=LIMIT)
    with TestClient(create_app(settings)) as client:
        client.rows = rows  # type: ignore[attr-defined]
        client.db = settings.index  # type: ignore[attr-defined]
        yield client


@pytest.fixture(scope="module")
def uploaded(site) -> tuple[str, str]:
    """Seed 000 uploaded through the form: its sha256 and its report page."""
    response = site.post("/upload", files={"file": (SEED.name, SEED.read_bytes(), "text/plain")}, follow_redirects=False)
    assert response.status_code == 303, response.text
    location = response.headers["location"]
    sha = re.fullmatch(r"/plans/([0-9a-f]{64})\?uploaded=1", location).group(1)
    page = site.get(location)
    assert page.status_code == 200
    return sha, page.text


def _shown(fragment: str) -> str:
    """What a reader sees of highlighted HTML: hidden markdown marks and tags dropped."""
    return html.unescape(_TAG.sub("", _HIDDEN.sub("", fragment)))


def _source(page: str) -> str:
    return re.search(r'<pre class="source">(.*?)</pre>', page, re.S).group(1)


def test_report_page_highlights_every_kind_of_evidence(site, uploaded):
    sha, page = uploaded
    plan = site.get(f"/api/plans/{sha}").json()
    record, report = PlanRecord.model_validate(plan["record"]), CheckReport.model_validate(plan["report"])
    source = _source(page)
    for prefix, items in (("t", record.targets), ("r", record.references), ("b", record.bodies),
                          ("d", record.deadlines), ("f", report.findings + report.notes)):
        assert items, prefix
        for i in range(len(items)):  # on its mark, or just before it when another mark starts there too
            assert re.search(rf'(<mark class="[^"]*" title="[^"]*"|<span) id="{prefix}{i}">', source), f"{prefix}{i}"
    classes = set(" ".join(re.findall(r'<mark class="([^"]*)"', source)).split())
    assert {"t", "r", "b", "d", "f-info"} <= classes
    assert 'class="legend"' in page and "Chỉ tiêu" in page and "target" in page
    for t in record.targets:  # the fields beside the text
        assert html.escape(t.group, quote=False) in page
    assert "M2.C1a" in page and "v-below" in page and "target_below_parent" in page


def test_markdown_marks_are_rendered_not_shown(uploaded):
    source = _source(uploaded[1])
    shown = _shown(source)
    assert "**" not in shown and not re.search(r"^#+ ", shown, re.M)
    assert '<span class="md-h2">' in source and "<strong>" in source
    assert "KẾ HOẠCH" in shown and "Triển khai thực hiện Chương trình" in shown
    # the text is kept whole: hidden marks stay in the page
    assert html.unescape(_TAG.sub("", source)) == SEED.read_text("utf-8")


def test_highlight_renders_markdown_and_keeps_the_text():
    text = "## Tiêu đề\n\n**đậm** và *nghiêng*, 5 * 3, **không đóng\n\n| a | b |\n|---|---|\n| 1 | 2 |\f2"
    out = highlight(text, [Mark(14, 17, "t", "x", "t0")])
    assert '<span class="md">## </span><span class="md-h2">Tiêu đề</span>' in out
    assert '<strong><mark class="t" title="x" id="t0">đậm</mark></strong>' in out
    assert "<em>nghiêng</em>" in out and "5 * 3" in out and "**không đóng" in _shown(out)
    assert '<span class="md-pipe">|</span>' in out and '<span class="md">|---|---|\n</span>' in out
    assert '<span class="pb">\f</span>' in out
    assert html.unescape(_TAG.sub("", out)) == text


def test_search_without_accents_finds_the_upload_with_facets(site, uploaded):
    sha, _ = uploaded
    page = site.get("/search", params={"q": "tre em", "limit": 200}).text
    assert f'href="/plans/{sha}' in page and '<mark class="q" title="">' in page
    for label in ("Cơ quan ban hành", "Cấp", "Loại văn bản", "Năm", "Mã phát hiện", "Mức độ"):
        assert label in page
    assert "Sở Lao động - Thương binh và Xã hội tỉnh Lạng Sơn" in page and "target_below_parent" in page
    only = site.get("/search", params={"q": "tre em", "issuer": "Sở Lao động - Thương binh và Xã hội tỉnh Lạng Sơn",
                                       "year": "2022", "limit": 200}).text
    shas = set(re.findall(r'href="/plans/([0-9a-f]{64})', only))
    assert shas == {sha}
    found = site.get("/api/search", params={"q": "tre em lao dong", "severity": "info", "limit": 50}).json()
    assert found["count"] and found["filters"] == {"severity": "info"}
    browse = site.get("/search").text  # no query: every plan
    assert len(set(re.findall(r'href="/plans/([0-9a-f]{64})', browse))) == len(OTHERS) + 1


def test_plan_page_links_cited_documents_to_the_plans_citing_them(site, uploaded):
    sha, page = uploaded
    index = open_index(site.db)
    found = [c for c in index.cites(PARENT) if c.sha256 != sha]
    index.close()
    citing = {c.sha256 for c in found}  # they cite it, or implement it (their checked parent)
    assert len(citing) >= 3
    item = page.split('<a href="#r0" class="cite-name">Quyết định 782/QĐ-TTg</a>')[1].split('class="cite-name"')[0]
    assert set(re.findall(r'href="/plans/([0-9a-f]{64})"', item)) == citing
    assert 'href="/cites?number=782%2FQ%C4%90-TTg" class="parent-link"' in page  # the parent, and every plan citing it
    cites = site.get("/cites", params={"number": PARENT}).text
    assert citing | {sha} == set(re.findall(r'href="/plans/([0-9a-f]{64})"', cites))
    for other in found:  # each links back, its page made from the index and its file
        page = site.get(f"/plans/{other.sha256}").text
        assert f'href="/plans/{sha}"' in page if other.cites else 'class="parent-link"' in page


def test_batch_view_sorts_by_findings_on_the_server(site):
    rows = site.rows
    total = {r["file"]: r["findings_error"] + r["findings_warning"] + r["findings_info"] for r in rows}

    def files(**params) -> list[str]:
        page = site.get("/batch", params=params).text
        return re.findall(r'<td><a href="/plans/[0-9a-f]{64}" title="[^"]*">([^<]+)</a></td>', page)

    assert files() == [r["file"] for r in rows]  # as the summary lists them
    down = files(sort="findings", order="desc")
    assert sorted(down) == sorted(total) and [total[f] for f in down] == sorted(total.values(), reverse=True)
    up = files(sort="findings", order="asc")
    assert [total[f] for f in up] == sorted(total.values())
    assert files(dir="run1", sort="findings", order="desc") == down  # the same folder, opened under the root
    assert "▼" in site.get("/batch", params={"sort": "findings"}).text
    assert site.get("/batch", params={"sort": "no_such_column"}).status_code == 200
    outside = site.get("/batch", params={"dir": "../.."})
    assert outside.status_code == 400 and "outside_root" in outside.text
    missing = site.get("/batch", params={"dir": "nothing-here"})
    assert missing.status_code == 404 and "not_a_batch" in missing.text
    assert "run1" in site.get("/batches").text
    plan_row = next(r for r in rows if r["status"] == "plan")
    assert site.get(f"/plans/{plan_row['sha256']}").status_code == 200


def _zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("a.txt", "không phải kế hoạch")
    return out.getvalue()


@pytest.mark.parametrize(("name", "content", "status", "code", "words"), [
    ("big.txt", b"x" * (LIMIT + 1), 413, "too_large", "limit of 200,000 bytes"),
    ("huge.txt", b"x" * (LIMIT * 3), 413, "too_large", "upload limit"),  # refused before the form is parsed
    ("archive.zip", _zip(), 415, "unsupported_type", "archive.zip"),
    ("noise.txt", bytes(range(256)) * 8, 415, "binary_content", "binary"),
    ("noise.bin", b"\x7fELF" + bytes(range(256)) * 8, 415, "unsupported_type", "not a PDF, DOCX or image"),
    ("note.txt", "Xin chào, đây là một ghi chú ngắn.\n".encode(), 422, "not_a_plan", "not a plan"),
    ("empty.txt", b"", 422, "empty_file", "empty"),
])
def test_refusals_name_the_status_the_code_and_the_reason(site, name, content, status, code, words):
    page = site.post("/upload", files={"file": (name, content)})
    assert page.status_code == status
    assert f'<code class="code">{code}</code>' in page.text and f"HTTP {status}" in page.text
    assert words in html.unescape(page.text)
    api = site.post("/api/extract", files={"file": (name, content)})
    assert api.status_code == status and api.json()["error"] == code and words in api.json()["reason"]


def test_no_file_is_refused(site):
    assert site.post("/upload").status_code == 400
    assert site.post("/api/extract").status_code == 422 and site.post("/api/extract").json()["error"] == "invalid_request"


def test_rest_api(site, uploaded):
    sha, _ = uploaded
    record = PlanRecord.model_validate(site.post("/api/extract", files={"file": (SEED.name, SEED.read_bytes())}).json())
    assert record.provenance.sha256 == sha and record.targets
    checked = site.post("/api/check", files={"file": (SEED.name, SEED.read_bytes())}, data={"parent": PARENT}).json()
    assert CheckReport.model_validate(checked["report"]).parent.id == PARENT
    for parent in ("999/QĐ-XYZ", "/etc/passwd"):
        refused = site.post("/api/check", files={"file": (SEED.name, SEED.read_bytes())}, data={"parent": parent})
        assert refused.status_code == 400 and refused.json()["error"] == "unknown_parent"
    assert site.get(f"/api/plans/{sha}").json()["record"]["provenance"]["sha256"] == sha
    unknown = site.get("/api/plans/" + "0" * 64)
    assert unknown.status_code == 404 and unknown.json()["error"] == "no_such_plan"
    assert site.get("/api/plans/nothex").status_code == 422
    cites = site.get("/api/cites", params={"number": PARENT}).json()
    assert sha in {p["sha256"] for p in cites["plans"]}
    spec = site.get("/openapi.json").json()
    assert {"/api/extract", "/api/check", "/api/search", "/api/cites", "/api/plans/{sha256}"} <= set(spec["paths"])
    assert {"PlanRecord", "CheckReport", "ApiError"} <= set(spec["components"]["schemas"])
    assert not any(p.startswith(("/search", "/upload", "/plans")) for p in spec["paths"])


def test_pages_forbid_scripts(site):
    response = site.get("/")
    assert "script-src" not in response.headers["content-security-policy"]  # default-src 'none' covers it
    assert response.headers["content-security-policy"].startswith("default-src 'none'")
    assert response.headers["x-content-type-options"] == "nosniff"
    assert site.get("/no/such/page").status_code == 404


def test_vnplan_serve_starts_the_app(tmp_path):
    port = free_port()
    command = [sys.executable, "-c", "import sys; from extractor.cli import main; sys.exit(main())", "serve",
               "--db", str(tmp_path / "plans.sqlite"), "--port", str(port), "--batch", str(tmp_path)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/openapi.json", timeout=2) as response:
                    assert json.load(response)["info"]["title"] == "vnplan"
                    break
            except OSError:
                assert server.poll() is None and time.monotonic() < deadline, server.stderr.read() if server.stderr else ""
                time.sleep(0.1)
    finally:
        server.terminate()
        server.wait(10)
    missing = subprocess.run(command[:-1] + [str(tmp_path / "nowhere")], capture_output=True, text=True)
    assert missing.returncode == 2 and "--batch" in missing.stderr and "no such folder" in missing.stderr


@pytest.mark.parametrize("kind", ["pdf", "docx"])
def test_pdf_and_docx_uploads_give_their_report(site, kind):
    from renderings import rendering

    path = rendering(OTHERS[3], kind)  # seed 004, rendered
    response = site.post("/upload", files={"file": (path.name, path.read_bytes())})
    assert response.status_code == 200 and "?uploaded=1" in str(response.url)
    source = _source(response.text)
    assert source.count('<mark class="t') >= 10
    assert ('<span class="pb">' in source) == (kind == "pdf")  # a PDF's pages apart
    assert re.search(r'id="t0"', source) and "KẾ HOẠCH" in _shown(source)
