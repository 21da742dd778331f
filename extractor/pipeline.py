"""The whole flow, top to bottom: read → normalise → segment → fields → check → PlanRecord.

    file ──read──▶ SourceDocument ──normalise──▶ paragraphs (+ offset map)
         ──segment──▶ Outline ──fields──▶ metadata, targets, references, bodies,
         deadlines, budget ──check (plan rules)──▶ findings ──▶ PlanRecord

Each step is a function from one typed value to the next, and says what it reads: the field
extractors read the ``Doc``; deadlines also read what the bodies step found; the plan rules
read the record. ``extract`` never raises: a document that cannot be read becomes an
``ErrorRecord`` naming the file and the reason.
"""

from __future__ import annotations

import bisect
import hashlib
import os
import traceback
from pathlib import Path
from typing import Optional, Union

from . import __version__
from .check import plan_findings
from .document import LOW_OCR_CONFIDENCE, Doc, Paragraph
from .fields.bodies import find_bodies, find_defined_abbreviations
from .fields.budget import extract_budget
from .fields.deadlines import extract_deadlines
from .fields.metadata import extract_metadata
from .fields.references import extract_references
from .fields.targets import extract_targets
from .normalise import normalise
from .readers import read
from .readers.base import ReadError, SourceDocument
from .readers.files import decoded_path
from .readers.limits import byte_limit
from .readers.printable import printable_name, printable_text
from .records import ErrorRecord, OcrRepair, PageInfo, PlanRecord, Provenance, Result, Span
from .segment import ends_midway, segment


def build_doc(source: Union[SourceDocument, str, os.PathLike]) -> Doc:
    """Normalise and segment a document (read it first when given a path); every paragraph's role,
    place and section kind are set here, once."""
    if not isinstance(source, SourceDocument):
        source = read(source)
    confidences, ocr_ranges = _ocr_words(source)
    norm = normalise(source.text, confidences, *_layout(source), page_turns=_page_turns(source), recognised=ocr_ranges)
    text = norm.mapped.text
    paragraphs = [
        Paragraph(start=a, end=b, text=text[a:b], heading_level=raw.heading_level, bold=raw.bold)
        for a, b, raw in norm.paragraphs
    ]

    range_starts = [a for a, _ in ocr_ranges]  # the pages in order: one bisect a paragraph

    def recognised(start: int) -> bool:
        src = norm.mapped.to_source(start)
        i = bisect.bisect_right(range_starts, src) - 1
        return i >= 0 and src < ocr_ranges[i][1]

    outline = segment(paragraphs, norm.mapped.span, recognised)
    website = [norm.mapped.span(p.start, p.end) for p in paragraphs if p.role == "furniture"]
    repairs = [OcrRepair(span=norm.mapped.source_span(r.start, r.end), text=r.text, reason=r.reason)
               for r in norm.repairs]
    return Doc(source=source, mapped=norm.mapped, paragraphs=paragraphs, outline=outline,
               signature=norm.signature, furniture=norm.furniture + website, warnings=norm.warnings, repairs=repairs,
               abbreviations=find_defined_abbreviations(norm.mapped.text))


def _ocr_words(source: SourceDocument) -> tuple[list[tuple[int, int, float]], list[tuple[int, int]]]:
    """The OCR word confidences and the recognised pages of a document, as source ranges."""
    confidences: list[tuple[int, int, float]] = []
    pages: list[tuple[int, int]] = []
    offset = 0
    for page in source.pages:
        confidences += [(offset + a, offset + b, c) for a, b, c in page.word_confidences]
        if page.method == "ocr":
            pages.append((offset, offset + len(page.text)))
        offset += len(page.text) + 1
    return confidences, pages


def _layout(source: SourceDocument) -> tuple[dict[int, bool], dict[int, tuple[Optional[int], bool]]]:
    """What the pages' layouts say of their line breaks and of their lines' type, as source offsets
    (``Page.line_ends``, ``Page.line_styles``)."""
    ends: dict[int, bool] = {}
    styles: dict[int, tuple[Optional[int], bool]] = {}
    offset = 0
    for page in source.pages:
        ends.update((offset + at, said) for at, said in page.line_ends.items() if page.text[at:at + 1] == "\n")
        styles.update((offset + at, style) for at, style in page.line_styles.items())
        offset += len(page.text) + 1
    return ends, styles


def _page_turns(source: SourceDocument) -> dict[int, tuple[int, bool]]:
    """What the pages' layouts say of the turns from page to page (``Page.turn``), as source offsets:
    the end of a page's last line of text -> (the start of the next page's first, whether the
    paragraph ends at the turn)."""
    turns: dict[int, tuple[int, bool]] = {}
    offset = 0
    for page in source.pages:
        if page.turn is not None:
            end, start, ends = page.turn
            turns[offset + end] = (offset + len(page.text) + 1 + start, ends)
        offset += len(page.text) + 1
    return turns


def _provenance(doc: Doc) -> Provenance:
    src = doc.source
    return Provenance(
        path=src.path, kind=src.kind, encoding=src.encoding, conversions=src.conversions,
        pages=[PageInfo(number=p.number, method=p.method, chars=len(p.text), quality=p.quality,
                        ocr_confidence=p.ocr_confidence, warnings=p.warnings) for p in src.pages],
        furniture=doc.furniture, signature=doc.signature, repairs=doc.repairs,
        warnings=list(src.warnings) + doc.warnings,
        extractor_version=__version__,
    )


def record_from_doc(doc: Doc) -> PlanRecord:
    """Run every field extractor and the plan's own checks on a built Doc."""
    provenance = _provenance(doc)
    if not doc.outline.sections and not any(p.role == "doc_type" for p in doc.paragraphs):
        provenance.warnings.append(
            "no plan structure found: no document-type line (KẾ HOẠCH ...) and no Roman-numeral sections"
            + (" (the document has no text)" if not doc.text.strip() else ""))
    bodies = find_bodies(doc)
    metadata = extract_metadata(doc)
    record = PlanRecord(
        document=doc.source.name, provenance=provenance, metadata=metadata, outline=doc.outline,
        targets=extract_targets(doc), references=extract_references(doc, metadata), bodies=bodies.bodies,
        deadlines=extract_deadlines(doc, bodies), budget=extract_budget(doc),
    )
    if cut := ends_midway(doc.paragraphs):
        record.provenance.incomplete = True
        record.provenance.warnings.append(cut)
    record.findings = plan_findings(record)
    _flag_low_confidence(record)
    _flag_repairs(record, doc.repairs)
    return record


def _flag_low_confidence(record: PlanRecord) -> None:
    """Records whose evidence was recognised with low OCR confidence say so."""
    for rec, spans in [(t, [t.span]) for t in record.targets] + [(r, r.mentions) for r in record.references]:
        confs = [s.ocr_confidence for s in spans if s.ocr_confidence is not None]
        if confs and min(confs) < LOW_OCR_CONFIDENCE and "low_ocr_confidence" not in rec.flags:
            rec.flags.append("low_ocr_confidence")


def _flag_repairs(record: PlanRecord, repairs: list[OcrRepair]) -> None:
    """Records whose evidence holds a word OCR misread and vnplan repaired say so: targets and
    references by the flag ``ocr_repaired``, sections by the title (``title_as_read``) or the
    numeral (``number_as_read``) OCR read."""
    if not repairs:
        return

    def within(span: Span) -> list[OcrRepair]:
        return [r for r in repairs if span.start <= r.span.start and r.span.end <= span.end]

    for rec, spans in [(t, [t.span]) for t in record.targets] + [(r, r.mentions) for r in record.references]:
        if any(within(span) for span in spans) and "ocr_repaired" not in rec.flags:
            rec.flags.append("ocr_repaired")
    for section in record.outline.sections + record.outline.appendices:
        found = within(section.span)
        numeral = [r for r in found if r.reason == "roman numeral"]
        if numeral and section.number_as_read is None:
            section.number_as_read = numeral[0].span.text
        words = [r for r in found if r.reason != "roman numeral"]
        if words:
            title = section.title
            for repair in words:
                title = title.replace(repair.text, repair.span.text, 1)
            section.title_as_read = title


def file_sha256(path: Union[str, os.PathLike], max_bytes: Optional[int] = None) -> Optional[str]:
    """The SHA-256 of a file's bytes, read a megabyte at a time; None when it cannot be read as a
    regular file or is over the size limit (``max_bytes``, else the reader's): a file too large to
    read is refused before it is hashed."""
    try:
        if not os.path.isfile(path) or os.path.getsize(path) > byte_limit(max_bytes):
            return None
        digest = hashlib.sha256()
        with open(path, "rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
        return digest.hexdigest()
    except OSError:
        return None


# Errors about what the path names, before any byte is read: there is nothing to hash.
_UNREAD = frozenset({"not_found", "broken_link", "symlink_loop", "permission_denied", "not_a_regular_file",
                     "too_large"})


def extract_with_source(path: Union[str, bytes, os.PathLike]) -> tuple[Result, Optional[SourceDocument]]:
    """``extract``, and the document as read (None when it could not be read). Never raises.
    ``path`` may be bytes (decoded as the file system does); names are recorded printably
    (``readers.printable_name``: undecodable bytes as ``\\xNN``), so JSON can carry them."""
    try:
        path = decoded_path(path)
    except ReadError as e:
        shown = printable_text(repr(path))
        return ErrorRecord(document=shown, path=shown, error=e.code, reason=e.reason), None
    name, shown = printable_name(os.path.basename(path)), printable_name(path)
    sha256: Optional[str] = None
    try:
        source = read(path)  # the path and the size checked before anything is read
        sha256 = file_sha256(path)
        record = record_from_doc(build_doc(source))
        record.provenance.sha256 = sha256
        return record, source
    except ReadError as e:
        sha256 = None if e.code in _UNREAD else file_sha256(path)
        return ErrorRecord(document=name, path=shown, error=e.code, reason=e.reason, sha256=sha256), None
    except Exception as e:  # a bug must not sink the batch: report it as this file's error
        where = traceback.extract_tb(e.__traceback__)[-1]
        return ErrorRecord(document=name, path=shown, error="internal_error", sha256=sha256,
                           reason=printable_text(f"{name}: {type(e).__name__}: {e} "
                                                 f"(at {Path(where.filename).name}:{where.lineno})")), None


def extract(path: Union[str, bytes, os.PathLike]) -> Result:
    """One document → PlanRecord, or ErrorRecord naming the file and the reason. Never raises."""
    return extract_with_source(path)[0]
