"""Writers of PlanRecords: JSON, JSONL, Markdown, HTML."""
