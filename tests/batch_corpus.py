"""Folders of submissions for batch runs: small ones for the tests, >= 1,000 inputs for the benchmark.

Plans are copies of plan texts as TXT, DOCX and text-layer PDF (``renderings``), spread over
nested office folders so that stems repeat (``000.txt``, ``000.docx`` and ``000.pdf`` side by
side, and the same names in every office). Broken files come from ``renderings.bad_inputs``
(empty, binary, truncated PDF, password-protected PDF) plus a zip-bomb DOCX; ``hang.txt`` is a
plan that makes its worker hang when ``$VNPLAN_FAULTS`` says so (``HANG_FAULT``: only the tests
and the benchmark set it). Files that are no plans (a README, a logo) are skipped by the batch.
"""

from __future__ import annotations

import shutil
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from renderings import bad_inputs, rendering

REPO = Path(__file__).resolve().parents[1]
SEEDS = sorted((REPO / "corpus" / "plans").glob("*.txt"))
HELDOUT = sorted((REPO / "corpus" / "heldout" / "plans").glob("*.txt"))
# the shared dev plans, where a folder above the checkout holds shared/ (the developers' machines, CI)
DEV_DOCS = next((sorted(p.glob("*.txt")) for p in (a / "shared" / "dev" / "docs" for a in REPO.parents) if p.is_dir()),
                [])
HANG_FAULT = "hang.txt=hang"
BROKEN = ("empty", "binary", "truncated_pdf", "encrypted_pdf")


@dataclass
class Corpus:
    root: Path
    plans: list[Path] = field(default_factory=list)  # readable plans
    broken: list[Path] = field(default_factory=list)  # each gives an error record
    not_plans: list[Path] = field(default_factory=list)  # each is skipped

    @property
    def inputs(self) -> int:
        return len(self.plans) + len(self.broken) + len(self.not_plans)


ALL_KINDS = ("txt", "docx", "pdf")


def make_corpus(root: Path, texts: list[Path], offices: list[tuple[str, ...]], broken: int = 1, bomb: bool = False,
                hang: bool = False) -> Corpus:
    """One folder per office (every other one nested a level deeper), each with every text in the office's
    kinds (``("txt", "docx", "pdf")``); ``broken`` sets of broken files, one per office in turn; a README and
    a logo at the top; a zip bomb and a hanging plan on request."""
    corpus = Corpus(root)
    bad = bad_inputs()
    folders = []
    for k, kinds in enumerate(offices):
        folder = root / f"office_{k:02d}" / ("district" if k % 2 else "")
        folder.mkdir(parents=True, exist_ok=True)
        for text in texts:
            for kind in kinds:
                source = text if kind == "txt" else rendering(text, kind)
                corpus.plans.append(_copy(source, folder / f"{text.stem}.{kind}"))
        folders.append(folder)
    for n in range(broken):
        for key in BROKEN:
            corpus.broken.append(_copy(bad[key], folders[n % len(folders)] / "broken" / f"{n}_{bad[key].name}"))
    if bomb:
        corpus.broken.append(zip_bomb_docx(rendering(texts[0], "docx"), root / "broken" / "bomb.docx"))
    if hang:
        corpus.broken.append(_copy(texts[0], root / "broken" / "hang.txt"))
    (root / "README.md").write_text("# Submissions\n\nPlans sent by the offices, one folder each.\n", "utf-8")
    corpus.not_plans += [root / "README.md", logo(root / "logo.png")]
    return corpus


def logo(path: Path) -> Path:
    """A 120×60 px image: no scanned page."""
    from PIL import Image

    Image.new("RGB", (120, 60), (200, 30, 30)).save(path)
    return path


def zip_bomb_docx(docx: Path, out: Path, megabytes: int = 400) -> Path:
    """``docx`` with its body replaced by a paragraph of ``megabytes`` MB that compresses a thousandfold."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(docx) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            if item.filename != "word/document.xml":
                dst.writestr(item, src.read(item))
        head = src.read("word/document.xml").split(b"<w:body>", 1)[0]
        with dst.open("word/document.xml", "w", force_zip64=True) as handle:
            handle.write(head + b"<w:body><w:p><w:r><w:t>")
            chunk = b"a " * (1 << 19)  # 1 MB
            for _ in range(megabytes):
                handle.write(chunk)
            handle.write(b"</w:t></w:r></w:p></w:body></w:document>")
    return out


def _copy(source: Path, target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    return target
