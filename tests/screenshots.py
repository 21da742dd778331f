"""Screenshots of the web app for the README, run by hand:

    .venv/bin/python tests/screenshots.py            # writes docs/report.png, docs/search.png, docs/batch.png

A server over a fresh index holding the corpus's seed and held-out plans, seed 000 uploaded through
the form, then its report page, a search without accents and a batch output folder, in Debian's
chromium at 1440 px wide.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from webtools import OTHERS, ROOT, SEED, chromium, index_others, serving, write_batch_folder

from extractor.web import Settings

DOCS = ROOT / "docs"


def main() -> None:
    DOCS.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        index_others(work / "plans.sqlite")
        write_batch_folder(work / "batch", [SEED, *OTHERS])
        settings = Settings(index=str(work / "plans.sqlite"), uploads=work / "uploads", batch=work / "batch")
        with serving(settings) as url, chromium() as browser:
            page = browser.new_page(viewport={"width": 1440, "height": 1100})
            page.goto(url + "/")
            page.set_input_files("input[type=file]", str(SEED))
            page.click("button[type=submit]")
            page.wait_for_url("**/plans/**")
            # the source beside the fields, scrolled to the targets
            page.evaluate("(c => c.scrollTop = document.getElementById('t0').offsetTop - 120)"
                          "(document.querySelector('.source-card'))")
            page.screenshot(path=str(DOCS / "report.png"))
            page.goto(url + "/search?q=tre+em+lao+dong")
            page.screenshot(path=str(DOCS / "search.png"))
            page.goto(url + "/batch?sort=findings&order=desc")
            page.screenshot(path=str(DOCS / "batch.png"))
    print("wrote", ", ".join(str((DOCS / n).relative_to(ROOT)) for n in ("report.png", "search.png", "batch.png")))


if __name__ == "__main__":
    main()
