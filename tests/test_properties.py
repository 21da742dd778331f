"""Property tests (hypothesis) over the normaliser, the segmenter and every field extractor.

Inputs: arbitrary Unicode (every category but lone surrogates, which no decoded file holds), and
the seed plans and real development documents mutated: a window of one, with pieces deleted,
doubled, or noise inserted (page breaks, NUL, no-break and zero-width spaces, combining marks,
markdown marks, numbering, values, citations, body names). Properties: nothing raises, and every
span lies inside its source and holds exactly the source's slice (every offset a function gives
into a text lies inside that text). EXAMPLES examples per extractor and input kind, each under
DEADLINE.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from extractor.document import Doc
from extractor.fields.bodies import find_bodies
from extractor.fields.budget import extract_budget
from extractor.fields.dates import find_dates
from extractor.fields.deadlines import extract_deadlines
from extractor.fields.docnumbers import find_numbers
from extractor.fields.metadata import extract_metadata
from extractor.fields.numbers import find_quantities
from extractor.fields.references import extract_references, find_references
from extractor.fields.targets import extract_targets, find_targets
from extractor.normalise import MappedText, normalise
from extractor.outputs import to_json, to_markdown
from extractor.pipeline import build_doc, record_from_doc
from extractor.readers.base import Page, SourceDocument
from extractor.records import Span

EXAMPLES = 300
DEADLINE = timedelta(seconds=5)  # an example is a few KB: milliseconds, seconds on a machine others share
PROPERTY = settings(max_examples=EXAMPLES, deadline=DEADLINE, database=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

CORPUS = [path.read_text("utf-8") for path in [*SEEDS, *sorted((ROOT / "corpus" / "dev" / "docs").glob("*.txt"))]]
NOISE = st.one_of(
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=12),
    st.sampled_from(["\n", "\n\n", "\f", "\r\n", "\r", "\x00", "\t", "\u00a0", "\u200b", "\ufeff", "\u0301", "\u0323",
                     "**", "__", "#", "## ", "|", " | ", "---", "- ", "+ ", "1. ", "a) ", "II. ", "IV.", "(", ")", "[1]",
                     "90%", "9O %", "4,9%", "150/200", "5-10%", "ngày 31/12/2025", "năm 2030", "Số: 12/KH-UBND",
                     "Quyết định số 782/QĐ-TTg ngày 27/5/2021 của Thủ tướng Chính phủ", "Luật Trẻ em",
                     "Sở Y tế", "Ủy ban nhân dân", "UBND", "phối hợp với", "Giao ", "trước ngày 15/12",
                     "Kinh phí", "ngân sách", "KẾ HOẠCH", "TỔ CHỨC THỰC HIỆN", "Nơi nhận:", "\\n"]))
UNICODE = st.text(st.characters(blacklist_categories=("Cs",)), max_size=600)


@st.composite
def mutated(draw) -> str:
    """A window of a seed or development document, mutated a few times."""
    text = draw(st.sampled_from(CORPUS))
    start = draw(st.one_of(st.just(0), st.integers(0, max(0, len(text) - 1))))
    text = text[start:start + draw(st.integers(50, 4000))]
    for _ in range(draw(st.integers(0, 6))):
        pos = draw(st.integers(0, len(text)))
        op = draw(st.sampled_from(["insert", "insert", "delete", "double"]))
        if op == "insert":
            text = text[:pos] + draw(NOISE) + text[pos:]
        elif op == "delete":
            text = text[:pos] + text[pos + draw(st.integers(1, 80)):]
        else:
            n = draw(st.integers(1, 400))
            text = text[:pos] + text[pos:pos + n] * 2 + text[pos + n:]
    return text


INPUTS = {"unicode": UNICODE, "mutated": mutated()}


def source(text: str) -> SourceDocument:
    pages = text.split("\f")
    return SourceDocument(path="p.txt", name="p.txt", kind="txt", pages=[Page(i + 1, t, "text") for i, t in enumerate(pages)])


def spans_in(value: object) -> Iterator[Span]:
    """Every Span inside a record (a pydantic model, a list, a tuple, a dict, a dataclass)."""
    if isinstance(value, Span):
        yield value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from spans_in(getattr(value, name))
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from spans_in(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from spans_in(item)
    elif hasattr(value, "__dataclass_fields__"):
        for name in value.__dataclass_fields__:
            yield from spans_in(getattr(value, name))


def assert_spans_hold_their_source(value: object, source_text: str) -> int:
    count = 0
    for span in spans_in(value):
        assert 0 <= span.start <= span.end <= len(source_text), span
        assert span.text == source_text[span.start:span.end], span
        assert span.page >= 1 and span.line >= 1
        count += 1
    return count


def assert_offsets_inside(found: list, text: str) -> None:
    for item in found:
        start, end = (item[0], item[1]) if isinstance(item, tuple) else (item.start, item.end)
        assert 0 <= start <= end <= len(text), item


# ---------------------------------------------------------------- the extractors, each on a Doc

def _offsets(find):
    """A text-level finder run on the whole text and on each paragraph: offsets inside each, and
    each found range, mapped back, a span holding its source."""
    def run(doc: Doc) -> None:
        found = find(doc.text)
        assert_offsets_inside(found, doc.text)
        for item in found:
            start, end = (item[0], item[1]) if isinstance(item, tuple) else (item.start, item.end)
            assert_spans_hold_their_source(doc.span(start, end), doc.source.text)
        for p in doc.paragraphs:
            assert_offsets_inside(find(p.text), p.text)
    return run


def _records(extract):
    return lambda doc: assert_spans_hold_their_source(extract(doc), doc.source.text)


def _paragraph_matches(find):
    def run(doc: Doc) -> None:
        for p in doc.paragraphs:
            for m in find(p.text):
                for name in ("start", "end", "value_start", "group_start", "group_end"):
                    if hasattr(m, name):
                        assert 0 <= getattr(m, name) <= len(p.text), (name, m)
    return run


def _deadlines(doc: Doc) -> None:
    assert_spans_hold_their_source(extract_deadlines(doc, find_bodies(doc)), doc.source.text)


EXTRACTORS = {
    "metadata": _records(extract_metadata),
    "dates": _offsets(find_dates),
    "docnumbers": _offsets(find_numbers),
    "numbers": _offsets(find_quantities),
    "references": lambda doc: (_records(extract_references)(doc), _paragraph_matches(find_references)(doc)),
    "targets": lambda doc: (_records(extract_targets)(doc), _paragraph_matches(find_targets)(doc)),
    "bodies": _records(lambda doc: find_bodies(doc).bodies),
    "deadlines": _deadlines,
    "budget": _records(extract_budget),
}


@pytest.fixture(scope="module", autouse=True)
def _loaded():
    """What loads on first use (the POS tagger, the gazetteers), loaded before any deadline runs."""
    record_from_doc(build_doc(SEEDS[0]))


@pytest.mark.parametrize("inputs", list(INPUTS))
@pytest.mark.parametrize("extractor", list(EXTRACTORS))
def test_every_extractor_never_raises_and_its_spans_hold_their_source(extractor, inputs):
    @PROPERTY
    @given(INPUTS[inputs])
    def check(text: str) -> None:
        EXTRACTORS[extractor](build_doc(source(text)))
    check()


# ---------------------------------------------------------------- the normaliser and the segmenter

@pytest.mark.parametrize("inputs", list(INPUTS))
def test_the_normaliser_maps_every_paragraph_back_to_its_source(inputs):
    @PROPERTY
    @given(INPUTS[inputs])
    def check(text: str) -> None:
        norm = normalise(text)
        mapped = norm.mapped
        previous = 0
        for start, end, _ in norm.paragraphs:
            assert 0 <= start <= end <= len(mapped.text)
            span = mapped.span(start, end)
            assert 0 <= span.start <= span.end <= len(text) and span.text == text[span.start:span.end]
            assert span.start >= previous  # in reading order
            previous = span.start
        for offset in range(0, len(mapped.text) + 1, 7):
            assert 0 <= mapped.to_source(offset) <= len(text)
            assert 0 <= mapped.to_source(offset, end=True) <= len(text)
        assert_spans_hold_their_source(norm.furniture, text)
    check()


@pytest.mark.parametrize("inputs", list(INPUTS))
def test_the_segmenter_gives_an_outline_whose_spans_hold_their_source(inputs):
    @PROPERTY
    @given(INPUTS[inputs])
    def check(text: str) -> None:
        doc = build_doc(source(text))
        assert_spans_hold_their_source(doc.outline, text)
        for p in doc.paragraphs:
            assert doc.text[p.start:p.end] == p.text
            assert p.parent is None or 0 <= p.parent < len(doc.paragraphs)
    check()


@pytest.mark.parametrize("inputs", list(INPUTS))
def test_a_whole_record_and_its_renderings(inputs):
    @settings(PROPERTY, max_examples=EXAMPLES // 3)
    @given(INPUTS[inputs])
    def check(text: str) -> None:
        record = record_from_doc(build_doc(source(text)))
        assert_spans_hold_their_source(record, text)
        to_json(record)
        to_markdown(record)
    check()


# ---------------------------------------------------------------- OCR confidences by bisect

@PROPERTY
@given(st.lists(st.tuples(st.integers(0, 500), st.integers(0, 60), st.floats(0, 100)), max_size=60),
       st.integers(0, 560), st.integers(0, 80))
def test_ocr_confidence_of_a_range_is_the_mean_of_the_words_it_overlaps(words, start, length):
    words = [(a, a + n, c) for a, n, c in words]
    mapped = MappedText("x" * 600, [0], [0], words)
    end = start + length
    expected = [c for a, b, c in sorted(words) if a < end and b > start]
    got = mapped._confidence(start, end)
    assert got == (round(sum(expected) / len(expected), 1) if expected else None)


def test_the_corpus_is_there():
    assert len(CORPUS) >= len(SEEDS) + 20 and all(isinstance(Path(p), Path) for p in SEEDS)
