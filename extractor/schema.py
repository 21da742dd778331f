"""The published contract: JSON Schema files and the search-index mapping, generated from ``records``.

``vnplan schema`` writes them into ``schemas/``; ``vnplan schema --check`` (and a test)
fails when the files drift from the code.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from .records import SCHEMA_VERSION, CheckReport, ErrorRecord, PlanRecord

MODELS: dict[str, type[BaseModel]] = {
    "plan_record.schema.json": PlanRecord,
    "error_record.schema.json": ErrorRecord,
    "check_report.schema.json": CheckReport,
}

# Search-index documents: one per plan, with the record's searchable parts flattened.
# Text fields carry a folded twin (diacritics and đ→d removed) for accent-insensitive search.
_TEXT = {"type": "text", "fields": {"folded": {"type": "text", "analyzer": "vi_folded"}}}
_KEYWORD = {"type": "keyword"}


def index_mapping() -> dict:
    """An OpenSearch/Elasticsearch mapping for plan records (the shape vnplan's index writer emits)."""
    return {
        "_meta": {"schema_version": SCHEMA_VERSION, "generated_from": "extractor.records.PlanRecord"},
        "settings": {"analysis": {"analyzer": {"vi_folded": {
            "tokenizer": "standard", "filter": ["lowercase", "asciifolding"]}}}},
        "mappings": {"dynamic": "strict", "properties": {
            "document": _KEYWORD,
            "doc_type": _KEYWORD,
            "number": _KEYWORD,
            "symbol": _KEYWORD,
            "issuer": _TEXT,
            "place": _KEYWORD,
            "date": {"type": "keyword"},
            "title": _TEXT,
            "signer": _TEXT,
            "section_titles": _TEXT,
            "section_kinds": _KEYWORD,
            "text": _TEXT,
            "targets": {"type": "nested", "properties": {
                "value": {"type": "float"}, "comparator": _KEYWORD, "unit": _KEYWORD,
                "group": _TEXT, "indicator": _TEXT, "year": {"type": "integer"}, "section": _KEYWORD}},
            "references": {"type": "nested", "properties": {
                "doc_type": _KEYWORD, "number": _KEYWORD, "title": _TEXT, "date": _KEYWORD,
                "issuer": _TEXT, "is_parent": {"type": "boolean"}}},
            "bodies": {"type": "nested", "properties": {"name": _TEXT, "role": _KEYWORD, "level": _KEYWORD}},
            "finding_codes": _KEYWORD,
        }},
    }


def rendered() -> dict[str, str]:
    files = {name: json.dumps(model.model_json_schema(), ensure_ascii=False, indent=2) + "\n"
             for name, model in MODELS.items()}
    files["index_mapping.json"] = json.dumps(index_mapping(), ensure_ascii=False, indent=2) + "\n"
    return files


def write_schemas(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in rendered().items():
        (out / name).write_text(text, "utf-8")
        written.append(out / name)
    return written


def check_schemas(out: Path) -> list[str]:
    """Names of schema files that are missing or differ from what the code generates."""
    return [name for name, text in rendered().items()
            if not (out / name).exists() or (out / name).read_text("utf-8") != text]
