"""The whole flow, top to bottom: read → normalise → segment → fields → checks → PlanRecord.

    file ──read──▶ SourceDocument ──normalise──▶ paragraphs (+ offset map)
         ──segment──▶ Outline ──fields──▶ metadata, targets, references, bodies,
         deadlines, budget ──checks──▶ findings ──▶ PlanRecord

Each step is a function from one typed value to the next. ``extract`` never raises:
a document that cannot be read becomes an ``ErrorRecord`` naming the file and the reason.
"""

from __future__ import annotations

import os
import traceback
from pathlib import Path
from typing import Iterable, Iterator, Union

from . import __version__
from .document import Doc, Paragraph
from .check.rules import internal_findings
from .fields.bodies import extract_bodies, find_defined_abbreviations
from .fields.budget import extract_budget
from .fields.deadlines import extract_deadlines
from .fields.metadata import extract_metadata
from .fields.references import extract_references
from .fields.targets import extract_targets
from .kinds import classify
from .normalise import normalise
from .readers import read
from .readers.base import ReadError, SourceDocument
from .readers.printable import printable_name, printable_text
from .records import ErrorRecord, PageInfo, PlanRecord, Provenance, Result
from .runtime import batch_gc
from .segment import segment

LOW_OCR_CONFIDENCE = 70.0  # mean Tesseract word confidence under which a record says it rests on weak OCR

SUPPORTED_SUFFIXES = {".txt", ".md", ".markdown", ".pdf", ".docx", ".png", ".jpg", ".jpeg", ".tif", ".tiff"}


def build_doc(source: Union[SourceDocument, str, os.PathLike]) -> Doc:
    """Normalise and segment a document (read it first when given a path)."""
    if not isinstance(source, SourceDocument):
        source = read(source)
    norm = normalise(source.text)
    text = norm.mapped.text
    paragraphs = [
        Paragraph(start=a, end=b, text=text[a:b], heading_level=raw.heading_level, bold=raw.bold)
        for a, b, raw in norm.paragraphs
    ]
    conf: list[tuple[int, int, float]] = []  # OCR word confidences, as source ranges
    ocr_ranges: list[tuple[int, int]] = []  # source ranges of recognised pages
    for offset, page in _page_offsets(source):
        conf += [(offset + a, offset + b, c) for a, b, c in page.word_confidences]
        if page.method == "ocr":
            ocr_ranges.append((offset, offset + len(page.text)))
    norm.mapped.ocr_confidence = conf or None

    def recognised(start: int) -> bool:
        src = norm.mapped.to_source(start)
        return any(a <= src < b for a, b in ocr_ranges)

    outline, findings = segment(paragraphs, norm.mapped.span, recognised)
    for section in outline.sections:
        section.kind, section.kind_score = classify(section.title)
    index = -1  # by position: two sections may carry the same number (seed 004 has two V's)
    for p in paragraphs:
        index += p.role == "section_heading"
        if p.section and index >= 0:
            p.section_kind = outline.sections[index].kind
    doc = Doc(source=source, mapped=norm.mapped, paragraphs=paragraphs, outline=outline,
              signature=norm.signature, furniture=norm.furniture,
              abbreviations=find_defined_abbreviations(norm.mapped.text), segment_findings=findings)
    return doc


def _page_offsets(source: SourceDocument):
    offset = 0
    for page in source.pages:
        yield offset, page
        offset += len(page.text) + 1


def _provenance(doc: Doc) -> Provenance:
    src = doc.source
    return Provenance(
        path=src.path, kind=src.kind, encoding=src.encoding, conversions=src.conversions,
        pages=[PageInfo(number=p.number, method=p.method, chars=len(p.text), quality=p.quality,
                        ocr_confidence=p.ocr_confidence, warnings=p.warnings) for p in src.pages],
        furniture=doc.furniture, signature=doc.signature, warnings=list(src.warnings),
        extractor_version=__version__,
    )


def record_from_doc(doc: Doc) -> PlanRecord:
    """Run every field extractor and the internal checks on a built Doc."""
    provenance = _provenance(doc)
    if not doc.outline.sections and not any(p.role == "doc_type" for p in doc.paragraphs):
        provenance.warnings.append(
            "no plan structure found: no document-type line (KẾ HOẠCH ...) and no Roman-numeral sections"
            + (" (the document has no text)" if not doc.text.strip() else ""))
    record = PlanRecord(
        document=doc.source.name, provenance=provenance,
        metadata=extract_metadata(doc), outline=doc.outline,
        targets=extract_targets(doc), references=extract_references(doc), bodies=extract_bodies(doc),
        deadlines=extract_deadlines(doc), budget=extract_budget(doc),
    )
    record.findings.extend(doc.segment_findings)
    record.findings.extend(internal_findings(record))
    _flag_low_confidence(record)
    return record


def _flag_low_confidence(record: PlanRecord) -> None:
    """Records whose evidence was recognised with low OCR confidence say so."""
    for rec, spans in [(t, [t.span]) for t in record.targets] + [(r, r.mentions) for r in record.references]:
        confs = [s.ocr_confidence for s in spans if s.ocr_confidence is not None]
        if confs and min(confs) < LOW_OCR_CONFIDENCE and "low_ocr_confidence" not in rec.flags:
            rec.flags.append("low_ocr_confidence")


def extract(path: Union[str, bytes, os.PathLike]) -> Result:
    """One document → PlanRecord, or ErrorRecord naming the file and the reason. Never raises.
    ``path`` may be bytes (decoded as the file system does); names are recorded printably
    (``readers.printable_name``: undecodable bytes as ``\\xNN``), so JSON can carry them."""
    name, shown = _printable_names(path)
    try:
        source = read(path)
        return record_from_doc(build_doc(source))
    except ReadError as e:
        return ErrorRecord(document=name, path=shown, error=e.code, reason=e.reason)
    except Exception as e:  # a bug must not sink the batch: report it as this file's error
        where = traceback.extract_tb(e.__traceback__)[-1]
        return ErrorRecord(document=name, path=shown, error="internal_error",
                           reason=printable_text(f"{name}: {type(e).__name__}: {e} "
                                                 f"(at {Path(where.filename).name}:{where.lineno})"))


def _printable_names(path: object) -> tuple[str, str]:
    """The file name and the path for an ErrorRecord (the repr of something that is no path)."""
    try:
        path = os.fsdecode(path)
    except TypeError:
        return (printable_text(repr(path)),) * 2
    return printable_name(os.path.basename(path)), printable_name(path)


def expand_paths(paths: Iterable[Union[str, os.PathLike]]) -> list[str]:
    """Files given, plus every file in folders given (sorted); hidden files skipped."""
    out: list[str] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            out.extend(str(f) for f in sorted(p.iterdir()) if f.is_file() and not f.name.startswith("."))
        else:
            out.append(str(p))
    return out


def extract_many(paths: Iterable[Union[str, os.PathLike]]) -> Iterator[Result]:
    """``extract`` for every file of ``paths`` (folders expanded), with the collector tuned for a batch."""
    with batch_gc():
        for path in expand_paths(paths):
            yield extract(path)
