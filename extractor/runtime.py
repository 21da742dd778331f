"""Process settings for batch runs: the cyclic garbage collector.

Extraction makes many short-lived objects (tokens, matches, spans, records) and almost no reference
cycles, so reference counting frees them; the default collector still runs a young-generation pass
every 700 allocations and spends its time on objects that are about to be freed anyway. For a batch
the threshold is raised; cycles are still collected, less often. ``benchmarks/throughput.py``
times the full record both ways, pass by pass in turn: +2-4 % documents/s now (it was +12 % before
the spans and items stopped going through pydantic's constructors, which made most of the garbage).

Two readers do leave cycles, and they hold memory the collector does not count: python-docx's
package graph over its lxml trees, and the ctypes array types pypdfium2 makes per document. Under the
raised threshold a worker kept them for thousands of documents (+1.4 MB a PDF or DOCX: 1.8 GB over the
batch benchmark's 1,106 inputs). So a batch collects the young generations after every document that
was not read as plain text (:func:`collect_after`, ~2 ms against the 50 ms or more such a document
takes); a text document leaves no cycle worth a pass.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

BATCH_GC_THRESHOLD = (50_000, 20, 20)


@contextmanager
def batch_gc() -> Iterator[None]:
    """The garbage collector tuned for a batch of documents while the block runs, then restored."""
    old = gc.get_threshold()
    gc.set_threshold(*BATCH_GC_THRESHOLD)
    try:
        yield
    finally:
        gc.set_threshold(*old)


# The kinds of input read as plain text: their readers leave no reference cycles.
TEXT_KINDS = frozenset({"txt", "md"})


def collect_after(kind: str | None) -> None:
    """After a document of input ``kind`` (None: unknown, e.g. an input that could not be read): free the
    reference cycles its reader left (see the module doc), unless it was read as plain text."""
    if kind not in TEXT_KINDS:
        gc.collect(1)
