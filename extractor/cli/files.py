"""Where a command files its outputs: one file per input, named after the input so that two inputs
never collide (``000.pdf`` and ``000.docx`` give ``000.pdf.json`` and ``000.docx.json``)."""

from __future__ import annotations

import os
from pathlib import Path

from ..batch import Input


def output_file(out_dir: Path, item: Input, suffix: str) -> Path:
    """``out_dir/<the input's name><suffix>``, its folders made."""
    path = out_dir / (item.name + suffix)
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` at once: a temporary file beside it, then a rename, so a reader
    never sees half a file."""
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, "utf-8")
    os.replace(tmp, path)
