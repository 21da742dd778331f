"""JSON and JSON Lines writers."""

from __future__ import annotations

import json

from ..records import Result


def to_json(record: Result, indent: int | None = 2) -> str:
    return record.model_dump_json(indent=indent, exclude_none=False)


def to_jsonl(records: list[Result]) -> str:
    return "".join(json.dumps(r.model_dump(mode="json"), ensure_ascii=False) + "\n" for r in records)
