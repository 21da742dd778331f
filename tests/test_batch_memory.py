"""A batch keeps nothing of a document once it is done: the reference cycles some readers leave
(python-docx's package graph over its lxml trees) are freed after each document, though the batch
raises the collector's thresholds (``extractor.runtime``). Without that a worker grew by ~1.4 MB a
DOCX or PDF, to 1.8 GB over the batch benchmark."""

from __future__ import annotations

import ctypes
import gc

import docx.package
import pytest
from renderings import rendering, seed_paths

from extractor.batch.inputs import Input
from extractor.batch.jobs import Extract
from extractor.batch.runner import iterate
from extractor.records import PlanRecord

# What each reader leaves in cycles: python-docx's package, pypdfium2's ctypes array types.
LEFT_BY = {"docx": docx.package.Package, "pdf": type(ctypes.c_char * 1)}


def _live(cls: type) -> int:
    return sum(isinstance(o, cls) for o in gc.get_objects())


@pytest.mark.parametrize("kind", sorted(LEFT_BY))
def test_no_document_left_in_cycles_between_documents(kind: str) -> None:
    seeds = seed_paths()[:4]
    assert len(seeds) == 4
    files = [rendering(seed, kind) for seed in seeds]
    gc.collect()
    before = _live(LEFT_BY[kind])
    left: list[int] = []
    for outcome in iterate([Input(str(f), f.name) for f in files], Extract()):
        assert isinstance(outcome.record, PlanRecord) and outcome.record.provenance.kind == kind
        left.append(_live(LEFT_BY[kind]) - before)
    assert left[1:] == left[:1] * 3, left  # what the first document may leave in caches, no more


def test_a_docx_leaves_its_package_in_a_cycle() -> None:
    """What the test above guards against is real: reading a DOCX leaves its package for the collector."""
    path = rendering(seed_paths()[0], "docx")
    gc.collect()
    gc.disable()
    try:
        before = _live(docx.package.Package)
        docx.Document(str(path))
        assert _live(docx.package.Package) - before == 1
        gc.collect()
        assert _live(docx.package.Package) - before == 0
    finally:
        gc.enable()
