"""JSON writers, one way for every record: ``json.dumps`` of the record's JSON-mode dump, UTF-8 kept.

``to_json`` writes one record (a plan, an error record, a check report) indented; ``to_jsonl``
one compact line; ``JsonArray`` streams many records as one indented JSON array, byte for byte
what ``json.dumps(list, indent=2)`` would give, without holding the records in memory.
"""

from __future__ import annotations

import json
from typing import TextIO

from pydantic import BaseModel

INDENT = 2


def to_json(record: BaseModel) -> str:
    return json.dumps(record.model_dump(mode="json"), ensure_ascii=False, indent=INDENT)


def to_jsonl(record: BaseModel) -> str:
    """One JSON line, newline included."""
    return json.dumps(record.model_dump(mode="json"), ensure_ascii=False) + "\n"


class JsonArray:
    """Records written to ``out`` as the elements of one JSON array, as they come."""

    def __init__(self, out: TextIO):
        self.out = out
        self.count = 0

    def add(self, record: BaseModel) -> None:
        item = "\n".join(" " * INDENT + line for line in to_json(record).split("\n"))
        self.out.write(("[\n" if not self.count else ",\n") + item)
        self.count += 1

    def close(self) -> None:
        self.out.write("\n]\n" if self.count else "[]\n")
