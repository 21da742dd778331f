"""Time grows linearly with the input, for the normaliser, the segmenter and every field extractor.

Each test doubles an input three times (1x, 2x, 4x, 8x) and fails when the time grows faster than
GROWTH per doubling (over the three doublings together): a linear pass doubles its time, a
quadratic one quadruples it. Times are CPU time (``time.process_time``), the best of REPEATS runs:
this machine is shared, and others' bursts only ever add time.

Three shapes of input: a document (a seed plan's sections, over and over: more paragraphs), one
long paragraph (a seed's objectives run together, up to the paragraph limit), and hostile lines
(brackets, commas, values, words with no value) doubled past the paragraph limit, where the
normaliser's windows must keep the whole record linear.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

import pytest
from conftest import SEEDS

from extractor.document import Doc, Paragraph
from extractor.fields.bodies import find_bodies
from extractor.fields.budget import extract_budget
from extractor.fields.dates import find_dates
from extractor.fields.deadlines import extract_deadlines
from extractor.fields.docnumbers import find_numbers
from extractor.fields.metadata import extract_metadata
from extractor.fields.numbers import find_quantities
from extractor.fields.references import extract_references
from extractor.fields.targets import extract_targets
from extractor.normalise import MAX_PARAGRAPH_CHARS, normalise
from extractor.pipeline import build_doc, record_from_doc
from extractor.readers.base import Page, SourceDocument
from extractor.segment import segment

GROWTH = 2.5  # per doubling, at most
REPEATS = 3
MIN_SECONDS = 0.03  # the smallest input's work is repeated until it takes this long, so that timer noise is small
SEED = SEEDS[0].read_text("utf-8")


def source(text: str) -> SourceDocument:
    return SourceDocument(path="scaling.txt", name="scaling.txt", kind="txt", pages=[Page(1, text, "text")])


def document_of(copies: int) -> str:
    """A plan whose sections (I. to V., with their items) are written ``copies`` times."""
    body = SEED.index("\n", SEED.rindex("\n", 0, SEED.index("MỤC ĐÍCH")))
    return SEED[:body] + SEED[body:] * copies


def objectives_paragraph(chars: int) -> str:
    """A plan with one objectives item of ``chars`` characters: the seed's objectives run together."""
    objectives = SEED[SEED.index("MỤC TIÊU CỤ THỂ**") + 17:SEED.index("### **III.")]
    sentences = " ".join(line.strip() for line in objectives.splitlines() if line.strip())
    return "KẾ HOẠCH\n\nII. MỤC TIÊU\n\n1. " + (sentences * (chars // len(sentences) + 1))[:chars] + "\n"


def seconds(work: Callable[[], object], times: int) -> float:
    """The best of REPEATS timings, the garbage collector held off: its full collections cost what
    the whole test process holds (every earlier test's objects), not what the work makes."""
    best = float("inf")
    gc.collect()
    gc.disable()
    try:
        for _ in range(REPEATS):
            start = time.process_time()
            for _ in range(times):
                work()
            best = min(best, time.process_time() - start)
    finally:
        gc.enable()
    return best


def growth_per_doubling(works: list[Callable[[], object]]) -> tuple[float, list[float]]:
    """The time of each work (inputs of 1x, 2x, 4x ... the first), and the growth per doubling."""
    works[0]()  # anything loaded on first use, loaded
    start = time.process_time()
    works[0]()
    once = time.process_time() - start
    times = max(1, int(MIN_SECONDS / max(once, 1e-6)) + 1)
    measured = [seconds(work, times) for work in works]
    return (measured[-1] / max(measured[0], 1e-9)) ** (1 / (len(works) - 1)), measured


# ---------------------------------------------------------------- the stages, each on a built Doc

def _segmenter(doc: Doc) -> Callable[[], object]:
    norm = normalise(doc.source.text)

    def run() -> object:
        paragraphs = [Paragraph(start=a, end=b, text=norm.mapped.text[a:b], heading_level=raw.heading_level,
                                bold=raw.bold) for a, b, raw in norm.paragraphs]
        return segment(paragraphs, norm.mapped.span)
    return run


def _deadlines(doc: Doc) -> Callable[[], object]:
    bodies = find_bodies(doc)
    return lambda: extract_deadlines(doc, bodies)


STAGES: dict[str, Callable[[Doc], Callable[[], object]]] = {
    "normaliser": lambda doc: lambda: normalise(doc.source.text),
    "segmenter": _segmenter,
    "metadata": lambda doc: lambda: extract_metadata(doc),
    "dates": lambda doc: lambda: find_dates(doc.text),
    "docnumbers": lambda doc: lambda: find_numbers(doc.text),
    "numbers": lambda doc: lambda: find_quantities(doc.text),
    "references": lambda doc: lambda: extract_references(doc),
    "targets": lambda doc: lambda: extract_targets(doc),
    "bodies": lambda doc: lambda: find_bodies(doc),
    "deadlines": _deadlines,
    "budget": lambda doc: lambda: extract_budget(doc),
}

@pytest.fixture(scope="module")
def documents() -> list[Doc]:
    return [build_doc(source(document_of(copies))) for copies in (8, 16, 32, 64)]


@pytest.fixture(scope="module")
def paragraphs() -> list[Doc]:
    chars = MAX_PARAGRAPH_CHARS // 8
    return [build_doc(source(objectives_paragraph(chars * k))) for k in (1, 2, 4, 8)]


@pytest.mark.parametrize("stage", [name for name in STAGES if name != "bodies"])
def test_each_stage_is_linear_in_the_paragraphs_of_a_document(documents, stage):
    assert max(len(p.text) for p in documents[-1].paragraphs) < 2000  # more paragraphs, none longer
    growth, times = growth_per_doubling([STAGES[stage](doc) for doc in documents])
    assert growth <= GROWTH, times


def test_bodies_are_linear_in_the_paragraphs_of_a_document():
    """Twice as large documents as the other stages': below 16 copies a quadratic term would not
    show through the noise (the task de-duplication was one, measured 0.06, 0.19, 0.72, 4.8 s for 32
    to 256 copies before it kept a set of task starts per body)."""
    docs = [build_doc(source(document_of(copies))) for copies in (16, 32, 64, 128)]
    growth, times = growth_per_doubling([STAGES["bodies"](doc) for doc in docs])
    assert growth <= GROWTH, times


@pytest.mark.parametrize("stage", list(STAGES))
def test_each_stage_is_linear_in_the_length_of_a_paragraph(paragraphs, stage):
    longest = [max(len(p.text) for p in doc.paragraphs) for doc in paragraphs]
    assert longest[-1] > 7 * longest[0] and longest[-1] <= MAX_PARAGRAPH_CHARS  # one paragraph, longer
    growth, times = growth_per_doubling([STAGES[stage](doc) for doc in paragraphs])
    assert growth <= GROWTH, times


# ---------------------------------------------------------------- hostile lines, past the paragraph limit

HOSTILE_LINES: dict[str, Callable[[int], str]] = {
    "nested brackets": lambda n: "(" * (n // 2) + "90% trẻ em" + ")" * (n // 2),
    "square brackets": lambda n: "[" * (n // 2) + "90%" + "]" * (n // 2),
    "a run of commas": lambda n: "90% trẻ em" + ", " * (n // 2) + "được hỗ trợ",
    "values one after another": lambda n: "90% " * (n // 16),  # a quarter as long: each value is a record
    "words after a value": lambda n: "90% " + "x " * (n // 2),
    "years after a group": lambda n: "90% trẻ em" + " năm 2025" * (n // 9),
    "citations without end": lambda n: "Quyết định số " * (n // 14),
    "unit nouns": lambda n: "Sở " * (n // 3),
    "dates": lambda n: "ngày 1/1/2020 " * (n // 14),
    "slashes": lambda n: "1/" * (n // 2),
}


@pytest.mark.parametrize("line", list(HOSTILE_LINES))
def test_a_whole_record_is_linear_in_a_hostile_line(line):
    sizes = [2 * MAX_PARAGRAPH_CHARS * k for k in (1, 2, 4, 8)]
    docs = [build_doc(source("KẾ HOẠCH\n\nII. MỤC TIÊU\n\n1. " + HOSTILE_LINES[line](n) + "\n\nV. TỔ CHỨC THỰC HIỆN"
                             "\n\n1. " + HOSTILE_LINES[line](n) + "\n")) for n in sizes]
    growth, times = growth_per_doubling([lambda doc=doc: record_from_doc(doc) for doc in docs])
    assert growth <= GROWTH, times
