"""A plan checked against its parent programme and the registry of known documents.

``check_record`` finds the parent (given, or resolved through the plan's references and the
registry), matches the plan's targets to the parent's, runs the ``parent`` and ``registry`` rules
and returns a ``CheckReport``: the alignment table, the plan's own findings plus the new ones, and
the ``info`` results as notes.
"""

from __future__ import annotations

from typing import Optional

from ..records import CheckReport, ParentInfo, PlanRecord
from ..resources import PARENTS_DIR
from .alignment import align
from .match import match_targets, similarity
from .parents import Parent, find_parents, resolve_parent
from .registry import Registry, load_registry
from .rules import Context, findings


def check_record(record: PlanRecord, parent: Optional[Parent] = None, registry: Optional[Registry] = None,
                 parents: Optional[list[Parent]] = None, how: Optional[str] = None) -> CheckReport:
    """Check one plan. ``parent`` given wins; else it is resolved among ``parents`` (the curated ones
    by default) through the plan's references and the registry."""
    registry = registry if registry is not None else load_registry()
    if parent is None:
        parent, how = resolve_parent(record, parents if parents is not None else find_parents(PARENTS_DIR), registry)
    else:
        how = how or "given with --parent"
    scores = similarity(record, parent) if parent else None
    matches = match_targets(record, parent, scores=scores) if parent else []
    found = findings(Context(record=record, parent=parent, matches=matches, registry=registry, scores=scores),
                     ("parent", "registry"))
    return CheckReport(
        document=record.document, sha256=record.provenance.sha256,
        parent=ParentInfo(id=parent.id if parent else None, title=parent.title if parent else None, how=how),
        alignment=align(record, parent, matches) if parent else [],
        findings=list(record.findings) + [f for f in found if f.severity != "info"],
        notes=[f for f in found if f.severity == "info"],
    )
