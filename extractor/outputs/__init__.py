"""Writers: every format vnplan writes, each given what it renders.

A plan's record as JSON, one JSON line, or Markdown; a check report as JSON, Markdown or a
self-contained HTML page (which also shows the plan's source text, given by the caller).
"""

from .html import to_html
from .jsonout import to_json, to_jsonl
from .markdown import report_to_markdown, to_markdown

__all__ = ["report_to_markdown", "to_html", "to_json", "to_jsonl", "to_markdown"]
