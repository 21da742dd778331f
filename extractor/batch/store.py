"""The batch's outputs on disk, written so that nothing is lost or doubled whenever the batch stops.

For each finished input, in this order: its files (``records/<name>.json``, and with ``--check``
``reports/<name>.check.json`` and ``.check.html``), each written at once; its line appended to
``records.jsonl`` (and ``reports.jsonl``); then its entry appended to ``journal.jsonl``: its name
and content hash, where its lines stand in the two JSONL files (offsets and a CRC), its summary
row and alignment cells. The journal's first line is the run's fingerprint (vnplan version and
the parameters that shape the records).

``open`` resumes: it keeps the journal's entries whose input is still there with the same content
and manifest columns, under the same fingerprint (and, for a ``timeout`` or ``memory_limit``, the same limits), whose
lines are intact; it cuts what was written after the last entry (a line half written by ``kill
-9``, a line whose entry never was), or rewrites the JSONL files with the kept lines only. What is
not kept is done again.
"""

from __future__ import annotations

import json
import zlib
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import BinaryIO

from .files import atomic_open_binary, write_text
from .limits import Limits
from .summary import Cell, Row
from .tasks import ISOLATION_ERRORS, Finished

JOURNAL, RECORDS, REPORTS = "journal.jsonl", "records.jsonl", "reports.jsonl"
JOURNAL_VERSION = 1

Place = tuple[int, int, int]  # start, end, CRC-32 of a line in a JSONL file
Key = tuple[str | None, dict[str, str]]  # what an input's record depends on: its content hash, its manifest columns


@dataclass
class Entry:
    """A finished input, as the journal keeps it."""

    name: str
    sha256: str | None
    row: Row
    cells: list[Cell] = field(default_factory=list)
    records: Place | None = None
    reports: Place | None = None
    limits: dict | None = None  # for the errors a larger limit may cure

    @property
    def key(self) -> Key:
        return self.sha256, self.row.submission

    def line(self) -> str:
        data = {**vars(self), "row": vars(self.row), "cells": [vars(c) for c in self.cells]}
        return json.dumps(data, ensure_ascii=False) + "\n"

    @classmethod
    def parse(cls, line: str) -> Entry:
        data = json.loads(line)
        return cls(name=data["name"], sha256=data["sha256"], row=Row(**data["row"]),
                   cells=[Cell(**c) for c in data["cells"]], limits=data["limits"],
                   records=tuple(data["records"]) if data["records"] else None,
                   reports=tuple(data["reports"]) if data["reports"] else None)


class Store:
    """The output folder of a batch: ``out``; ``checked`` when the batch writes check reports."""

    def __init__(self, out: Path, fingerprint: dict, limits: Limits, checked: bool):
        self.out, self.fingerprint, self.limits = out, fingerprint, asdict(limits)
        self.lines = (RECORDS, REPORTS) if checked else (RECORDS,)
        self.entries: dict[str, Entry] = {}
        self._files: dict[str, BinaryIO] = {}
        self._folders: set[Path] = set()

    def record_file(self, name: str) -> Path:
        return self.out / "records" / f"{name}.json"

    def report_file(self, name: str, suffix: str) -> Path:
        return self.out / "reports" / f"{name}.check.{suffix}"

    def open(self, inputs: dict[str, Key], force: bool = False) -> dict[str, Entry]:
        """Resume (or start) the batch of ``inputs`` (name → key); the entries done already."""
        self.out.mkdir(parents=True, exist_ok=True)
        header, old, journal_end = self._read_journal()
        fresh = force or header != self._header()
        kept = [] if fresh else [e for e in old if inputs.get(e.name) == e.key and self._still_valid(e)
                                 and self._intact(e)]
        if kept == old and not fresh:
            self._truncate(kept, journal_end)
        else:
            self._rewrite(kept)
        names = {e.name for e in kept}
        for e in old:
            if e.name not in names:
                self._remove_files(e.name)
        self.entries = {e.name: e for e in kept}
        self._files = {name: open(self.out / name, "ab") for name in (*self.lines, JOURNAL)}  # noqa: SIM115 - closed by close()
        return dict(self.entries)

    def save(self, f: Finished) -> None:
        """Write a finished input's files, lines and journal entry, in that order."""
        write_text(self._made(self.record_file(f.name)), f.record)
        if f.report is not None:
            write_text(self._made(self.report_file(f.name, "json")), f.report)
        if f.html is not None:
            write_text(self._made(self.report_file(f.name, "html")), f.html)
        entry = Entry(name=f.name, sha256=f.sha256, row=f.row, cells=f.cells,
                      records=self._append(RECORDS, f.record),
                      reports=self._append(REPORTS, f.report) if f.report is not None else None,
                      limits=self.limits if f.row.error in ISOLATION_ERRORS else None)
        self._append(JOURNAL, entry.line())
        self.entries[f.name] = entry

    def _made(self, path: Path) -> Path:
        """``path``, its folder made (once per folder and run)."""
        if path.parent not in self._folders:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._folders.add(path.parent)
        return path

    def close(self) -> None:
        for handle in self._files.values():
            handle.close()
        self._files = {}

    def _append(self, name: str, text: str) -> Place:
        handle, data = self._files[name], text.encode("utf-8")
        start = handle.tell()
        handle.write(data)
        handle.flush()
        return start, start + len(data), zlib.crc32(data)

    def _header(self) -> str:
        return json.dumps({"vnplan_journal": JOURNAL_VERSION, "fingerprint": self.fingerprint},
                          ensure_ascii=False, sort_keys=True) + "\n"

    def _read_journal(self) -> tuple[str | None, list[Entry], int]:
        """The journal's header, its entries up to the first one that is not whole, and where that ends."""
        path = self.out / JOURNAL
        if not path.exists():
            return None, [], 0
        entries: list[Entry] = []
        with open(path, "rb") as handle:
            header = handle.readline().decode("utf-8", "replace")
            end = handle.tell()
            for line in handle:
                try:
                    if not line.endswith(b"\n"):
                        raise ValueError("a torn line")
                    entries.append(Entry.parse(line.decode("utf-8")))
                except (ValueError, KeyError, TypeError):
                    break
                end += len(line)
        return header, entries, end

    def _still_valid(self, entry: Entry) -> bool:
        return entry.row.error not in ISOLATION_ERRORS or entry.limits == self.limits

    def _intact(self, entry: Entry) -> bool:
        """The entry's lines are in the JSONL files as it says."""
        places = ((name, getattr(entry, field)) for name, field in _FIELD.items())
        return all(_line_at(self.out / name, place) is not None for name, place in places if place)

    def _truncate(self, entries: list[Entry], journal_end: int) -> None:
        """Cut whatever was written after the last entry (the journal's own torn line included)."""
        for name in self.lines:
            places = [getattr(e, _FIELD[name]) for e in entries]
            _truncate(self.out / name, max((place[1] for place in places if place), default=0))
        _truncate(self.out / JOURNAL, journal_end)

    def _rewrite(self, entries: list[Entry]) -> None:
        """The JSONL files with only ``entries``' lines, and the journal that says where they are."""
        for name in (RECORDS, REPORTS):
            if name not in self.lines:
                (self.out / name).unlink(missing_ok=True)
                continue
            with atomic_open_binary(self.out / name) as handle:
                for e in entries:
                    place = getattr(e, _FIELD[name])
                    if place:
                        data = _line_at(self.out / name, place)
                        if data is None:  # entries are kept only when intact (``_intact``)
                            raise OSError(f"{self.out / name}: a kept line changed while it was rewritten")
                        start = handle.tell()
                        handle.write(data)
                        setattr(e, _FIELD[name], (start, start + len(data), place[2]))
        write_text(self.out / JOURNAL, self._header() + "".join(e.line() for e in entries))

    def _remove_files(self, name: str) -> None:
        for path in (self.record_file(name), self.report_file(name, "json"), self.report_file(name, "html")):
            path.unlink(missing_ok=True)


_FIELD = {RECORDS: "records", REPORTS: "reports"}  # the entry's field that says where its line is in each file


def _line_at(path: Path, place: Place) -> bytes | None:
    """The bytes at ``place`` in ``path`` when they are there intact (their CRC matches)."""
    start, end, crc = place
    try:
        with open(path, "rb") as handle:
            handle.seek(start)
            data = handle.read(end - start)
    except OSError:
        return None
    return data if len(data) == end - start and zlib.crc32(data) == crc else None


def _truncate(path: Path, size: int) -> None:
    with open(path, "ab") as handle:
        handle.truncate(size)
