"""Where outputs are filed and how they are written: one file per input, named after the input's
relative path so that two inputs never collide (``a/000.pdf`` and ``b/000.docx`` give
``a/000.pdf.json`` and ``b/000.docx.json``), each written at once (a temporary file beside it,
then a rename), so that a reader, or a rerun after a crash, never sees half a file."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, TextIO

from .inputs import Input


def output_file(out_dir: Path, item: Input, suffix: str) -> Path:
    """``out_dir/<the input's name><suffix>``, its folders made."""
    path = out_dir / (item.name + suffix)
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


@contextmanager
def atomic_open(path: Path) -> Iterator[TextIO]:
    """A text file to write ``path`` through (UTF-8): it takes its place only once the block ends
    without error."""
    with _atomic(path) as tmp, open(tmp, "w", encoding="utf-8", newline="") as handle:
        yield handle


@contextmanager
def atomic_open_binary(path: Path) -> Iterator[BinaryIO]:
    """``atomic_open`` for bytes."""
    with _atomic(path) as tmp, open(tmp, "wb") as handle:
        yield handle


@contextmanager
def _atomic(path: Path) -> Iterator[Path]:
    """A temporary name beside ``path``, renamed onto it when the block ends without error."""
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        yield tmp
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


def write_text(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` at once (by plain system calls: a batch writes thousands)."""
    tmp = f"{path}.{os.getpid()}.tmp"
    data = memoryview(text.encode("utf-8"))
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        while data:
            data = data[os.write(fd, data):]
    except BaseException:
        os.close(fd)
        os.unlink(tmp)
        raise
    os.close(fd)
    os.replace(tmp, path)
