"""The offline HTML page: evidence highlighted in place, everything escaped, no external assets."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import SEEDS, extracted

from extractor.check import check_record
from extractor.outputs.html import to_html
from extractor.pipeline import extract
from extractor.readers import read

S004 = str(SEEDS[4])
_TAG = re.compile(r"<[^>]+>")


def _page(path: str) -> str:
    rec = extracted(path)
    return to_html(rec, check_record(rec), read(path).text)


def test_every_target_is_highlighted_in_place():
    rec = extracted(S004)
    page = _page(S004)
    for i, t in enumerate(rec.targets):
        m = re.search(rf'<mark class="[^"]*" title="[^"]*" id="t{i}">(.*?)</mark>', page, re.S)
        assert m, f"target {i} not highlighted"
        assert t.span.text.startswith(html.unescape(m.group(1)))


def test_source_text_is_kept_whole():
    page = _page(S004)
    body = re.search(r'<pre class="source">(.*)</pre>', page, re.S).group(1)
    assert html.unescape(_TAG.sub("", body)) == read(S004).text


def test_self_contained():
    page = _page(S004)
    assert "<script" not in page and "http://" not in page and "https://" not in page
    assert "<link" not in page and "src=" not in page


def test_findings_summary_and_alignment_table():
    page = _page(str(SEEDS[0]))
    assert "section_number_duplicate" in _page(S004)
    assert "M2.C1a" in page and 'class="v-below"' in page


def test_script_in_plan_is_escaped(tmp_path):
    text = Path(S004).read_text("utf-8").replace(
        "100% trẻ em có hoàn cảnh đặc biệt", "100% trẻ em <script>alert(1)</script> có hoàn cảnh đặc biệt", 1)
    path = tmp_path / "evil.txt"
    path.write_text(text, "utf-8")
    rec = extract(path)
    page = to_html(rec, check_record(rec), read(path).text)
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_chromium_loads_without_console_errors(tmp_path):
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if not browser:
        pytest.skip("chromium is not installed (apt-get install chromium)")
    page = tmp_path / "004.html"
    page.write_text(_page(S004), "utf-8")
    out = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0",
                          "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr[-2000:]
    assert "CONSOLE" not in out.stderr and "Uncaught" not in out.stderr
    assert 'id="t0"' in out.stdout
