"""The published contract: JSON Schema files generated from ``records``, and the OpenSearch /
Elasticsearch index mapping generated from the index's documents (``extractor.index.opensearch``).

``vnplan schema`` writes them into ``schemas/``; ``vnplan schema --check`` (and a test)
fails when the files drift from the code.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from .index.opensearch import index_mapping
from .records import CheckReport, ErrorRecord, PlanRecord

MODELS: dict[str, type[BaseModel]] = {
    "plan_record.schema.json": PlanRecord,
    "error_record.schema.json": ErrorRecord,
    "check_report.schema.json": CheckReport,
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
