"""The web app over the runner and the index (``vnplan serve``): upload a plan and read its report
(record, findings, alignment, the source text with its evidence highlighted), search the indexed
plans with facets, follow citations between plans, view a ``vnplan batch`` output folder, and the
REST API with its OpenAPI document.

``app`` (the app: refusals, limits, headers), ``state`` (settings, what requests share), ``plans`` (uploads, the folder that
keeps them, finding a plan by sha256), ``catalogue`` (what the index lists: plans and facets),
``views`` (what the pages show), ``batchview`` (a batch folder's summary, sorted), ``pages`` (the
HTML pages), ``api`` (the REST API); templates and the stylesheet are package data.
"""

from .app import create_app
from .state import Settings

__all__ = ["Settings", "create_app"]
