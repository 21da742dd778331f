"""What a run is given: the files to process, each with the name its outputs are filed under.

An argument is a file, a folder (every file below it, recursively, hidden ones left out, in
sorted order), a glob (``'plans/**/*.pdf'``), ``-`` (paths read from standard input, one a line),
or a manifest: a CSV or JSONL file with a ``path`` column, whose other columns (submitting
office, period, reference ...) travel with the file into its record and the summary.

Each input keeps a ``name``: its path relative to the folder all the inputs share (the folder
given, or the nearest common folder of several), so that two inputs never share an output name,
written printably (a byte that is not UTF-8 as ``\\xNN``, a newline as ``\\u000a``: lossless);
a file listed twice is skipped the second time. A file that is not a plan by its content (a
README, a logo, a spreadsheet) is kept as an input with the reason in ``skip``: it is counted and
listed, not processed (``triage``).
"""

from __future__ import annotations

import glob
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TextIO

from ..readers.printable import printable_name
from .manifest import is_manifest, read_manifest
from .triage import why_not_a_plan

PathArg = str | os.PathLike


@dataclass(frozen=True)
class Input:
    """One file to process."""

    path: str  # as given or found
    name: str  # relative to the folder the inputs share; outputs are filed under it
    submission: dict[str, str] = field(default_factory=dict)  # a manifest's other columns
    skip: str | None = None  # why this file is not processed (not a plan, listed twice), None if it is

    @property
    def shown(self) -> str:
        """``path`` as records and tables carry it: printable, lossless (``readers.printable_name``)."""
        return printable_name(self.path)


@dataclass(frozen=True)
class _Found:
    path: str
    anchor: str  # the folder the file's name is taken relative to, at least
    submission: dict[str, str]
    skip: str | None = None  # a folder that could not be listed


def collect(args: Iterable[PathArg], stdin: TextIO | None = None, exclude: PathArg | None = None) -> list[Input]:
    """The inputs named by ``args``, in order; a folder ``exclude`` (a batch's output folder) is never
    walked into. Raises ManifestError for a manifest without paths."""
    skip = os.path.realpath(exclude) if exclude is not None else None
    found = [f for arg in args for f in _expand(str(arg), {}, stdin or sys.stdin, skip)]
    root = os.path.commonpath([os.path.abspath(f.anchor) for f in found]) if found else ""
    seen: dict[str, str] = {}
    out: list[Input] = []
    for f in found:
        name = printable_name(os.path.relpath(os.path.abspath(f.path), root))  # output files are named by it
        item = Input(f.path, name, f.submission, f.skip)
        key = os.path.realpath(f.path)
        if f.skip:
            pass
        elif key in seen:
            item = replace(item, skip=f"listed twice: the same file as {seen[key]}")
        elif os.path.isfile(f.path):
            item = replace(item, skip=why_not_a_plan(Path(f.path)))
        seen.setdefault(key, name)
        out.append(item)
    return out


def _expand(arg: str, submission: dict[str, str], stdin: TextIO, exclude: str | None) -> Iterator[_Found]:
    if arg == "-":
        for line in stdin:
            if line.strip():
                yield from _expand(line.strip(), submission, stdin, exclude)
    elif os.path.isdir(arg):
        for path, skip in _walk(arg, exclude):
            yield _Found(path, arg, submission, skip)
    elif os.path.isfile(arg) and is_manifest(arg):
        for path, columns in read_manifest(arg):
            yield from _expand(path, columns, stdin, exclude)
    elif glob.has_magic(arg) and not os.path.exists(arg):
        for match in sorted(glob.glob(arg, recursive=True)):
            yield from _expand(match, submission, stdin, exclude)
    else:  # a file, or a path that does not exist: the reader reports it
        yield _Found(arg, os.path.dirname(os.path.abspath(arg)), submission)


def _walk(folder: str, exclude: str | None) -> list[tuple[str, str | None]]:
    """The files below ``folder``, sorted by path, hidden files and folders (and ``exclude``) left out;
    with each, None, or why it is skipped: a folder below that cannot be listed is one skipped entry."""
    found: list[tuple[str, str | None]] = []

    def unlisted(error: OSError) -> None:
        if error.filename is not None and os.fspath(error.filename) != folder:
            found.append((os.fspath(error.filename), f"a folder that cannot be listed: {error.strerror or error}"))
        else:
            raise error

    for here, dirs, files in os.walk(folder, onerror=unlisted):
        dirs[:] = [d for d in dirs if not d.startswith(".") and os.path.realpath(os.path.join(here, d)) != exclude]
        found += [(os.path.join(here, name), None) for name in files if not name.startswith(".")]
    return sorted(found, key=lambda entry: os.path.relpath(entry[0], folder).split(os.sep))

