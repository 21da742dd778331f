"""The typed contract of vnplan: every record that crosses a module boundary.

This module is the one place the output format lives; ``schemas/`` is generated
from it by ``vnplan schema`` and a test fails when the two drift apart.
All text is Unicode NFC. Every extracted record carries the ``Span`` it came from,
pointing into the *source text*: the reader's text of the document, pages joined
by a form feed (``\\f``), before any normalisation.
"""

from __future__ import annotations

from typing import Any, Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"


class Record(BaseModel):
    """Base for all records: strict about unknown fields, frozen-free for building."""

    model_config = ConfigDict(extra="forbid")

    @classmethod
    def built(cls, **values: Any):
        """The record made from ``values`` without validation, for hot paths whose values are
        typed by construction. Every field must be given: pydantic's ``model_construct`` minus
        its per-field default handling, which costs more than the record."""
        record = cls.__new__(cls)
        object.__setattr__(record, "__dict__", values)
        object.__setattr__(record, "__pydantic_fields_set__", set(values))
        object.__setattr__(record, "__pydantic_extra__", None)
        object.__setattr__(record, "__pydantic_private__", None)
        return record


class Span(Record):
    """A half-open character range in the source text, with its page and line (1-based)."""

    start: int = Field(ge=0, description="offset of the first character in the source text")
    end: int = Field(ge=0, description="offset one past the last character")
    page: int = Field(ge=1, description="page number, 1-based")
    line: int = Field(ge=1, description="line number within the whole source text, 1-based")
    text: str = Field("", description="the source text of the span, for display")
    ocr_confidence: Optional[float] = Field(
        None, description="mean OCR word confidence (0-100) when the text was recognised"
    )


# ---------------------------------------------------------------- provenance


class PageInfo(Record):
    number: int
    method: str = Field(description="how the page text was obtained: text, pdfplumber, pypdfium2, ocr, docx")
    chars: int = 0
    quality: Optional[float] = Field(None, description="share of valid Vietnamese syllables, 0-1")
    ocr_confidence: Optional[float] = None
    warnings: list[str] = Field(default_factory=list)


class OcrRepair(Record):
    """A word OCR misread and vnplan put right (``extractor/ocr_repair.py``), or a word whose accented
    letters a font lost, written again (``extractor/glyph_loss.py``): the span is the word as read
    (its text the reading), ``text`` what it is now."""

    span: Span
    text: str
    reason: Literal["vocabulary", "word list", "glyph", "roman numeral", "glyph loss"] = Field(
        description="what showed the misreading: a phrase of the plans' vocabulary read with wrong marks, a "
                    "doubted word that makes no word with its neighbours, a doubled or split glyph, a "
                    "misread Roman numeral of a heading, or a word whose accented letters the font lost")


class Provenance(Record):
    path: str
    kind: str = Field(description="input kind: txt, md, pdf, docx, image")
    encoding: Optional[str] = None
    conversions: list[str] = Field(default_factory=list, description="e.g. 'tcvn3->unicode'")
    pages: list[PageInfo] = Field(default_factory=list)
    furniture: list[Span] = Field(
        default_factory=list, description="page numbers, footnote marks and separators kept out of the body"
    )
    signature: list[str] = Field(
        default_factory=list, description="digital-signature trailer lines (e-mails, timestamps)"
    )
    repairs: list[OcrRepair] = Field(default_factory=list, description="words OCR misread and vnplan repaired")
    warnings: list[str] = Field(default_factory=list)
    incomplete: bool = Field(False, description=(
        "the text ends mid-way: no closing block (closing sentence, Nơi nhận, signature) after its last "
        "paragraph and no end mark; a warning says so, and findings that need the whole document are not given"))
    extractor_version: str = ""
    sha256: Optional[str] = Field(None, description="SHA-256 of the input file's bytes: the document's identity")
    submission: dict[str, str] = Field(
        default_factory=dict, description="columns of the batch manifest that listed the file "
        "(submitting office, period, reference ...)")


# ---------------------------------------------------------------- metadata


class Metadata(Record):
    doc_type: Optional[str] = None
    number: Optional[str] = Field(None, description="full number with symbol, null when left blank")
    symbol: Optional[str] = None
    issuer: Optional[str] = None
    place: Optional[str] = None
    date: Optional[str] = Field(None, description="ISO 8601, as precise as written")
    title: Optional[str] = None
    signer: Optional[str] = None
    signer_title: Optional[str] = None
    signing_authority: Optional[str] = Field(None, description="e.g. 'KT. GIÁM ĐỐC'")
    recipients: list[str] = Field(default_factory=list)
    spans: dict[str, Span] = Field(default_factory=dict, description="evidence per metadata key")


# ---------------------------------------------------------------- outline

SectionKind = Literal[
    "purpose", "objectives", "tasks", "budget", "organisation", "reporting", "review", "other"
]


class Item(Record):
    """A numbered or bulleted item (``1.``, ``a)``, ``-``, ``+``) or a plain paragraph."""

    marker: str = Field(description="the marker as written: '1.', 'a)', '-', '+', or '' for a paragraph")
    label: Optional[str] = Field(None, description="'1', 'a' for numbered items")
    text: str
    span: Span
    heading_level: Optional[int] = Field(None, description="markdown/DOCX heading level when styled as one")
    children: list[Item] = Field(default_factory=list)


class Section(Record):
    """A top-level section: Roman ("II"), a part ("PHẦN I", "Phần thứ hai"), or lettered ("A")."""

    number: str = Field(description="the top-level number as written: 'II', 'PHẦN I', 'A'")
    number_as_read: Optional[str] = Field(
        None, description="the numeral OCR read when it was repaired (OCR merges and drops I's: 'II' for 'III')")
    title: str
    title_as_read: Optional[str] = Field(None, description="the title OCR read when a word of it was repaired")
    kind: SectionKind = "other"
    kind_score: Optional[float] = None
    heading_level: Optional[int] = None
    span: Span = Field(description="the heading")
    body_span: Optional[Span] = Field(None, description="the whole section, heading included")
    items: list[Item] = Field(default_factory=list)


class Block(Record):
    text: str
    span: Span


class Outline(Record):
    header: list[Block] = Field(default_factory=list)
    title: Optional[Block] = None
    preamble: list[Block] = Field(default_factory=list, description=(
        "the preamble, with a decision's authority line, enacting formula and articles, and a letter's addressee"))
    sections: list[Section] = Field(default_factory=list)
    closing: list[Block] = Field(default_factory=list)
    appendices: list[Section] = Field(default_factory=list, description="PHỤ LỤC after the closing")


# ---------------------------------------------------------------- fields

Comparator = Literal["=", ">=", ">", "<=", "<"]


class Target(Record):
    value: float
    comparator: Comparator = "="
    unit: Literal["%", "ratio"] = "%"
    denominator: Optional[float] = None
    baseline: Optional[float] = None
    baseline_year: Optional[int] = None
    min: Optional[float] = Field(None, description="lower bound of a range '5-10%'")
    group: str = Field(description="population or object the value applies to, as written")
    indicator: Optional[str] = Field(None, description="shared predicate, as written")
    year: Optional[int] = None
    section: Optional[str] = Field(None, description="Roman numeral of the enclosing section")
    section_path: list[str] = Field(default_factory=list)
    label: Optional[str] = Field(None, description="the plan's own label, e.g. 'Mục tiêu 2 / Chỉ tiêu 1'")
    direction: Optional[Literal["increase", "decrease", "keep"]] = None
    span: Span
    flags: list[str] = Field(default_factory=list, description="e.g. 'ocr_repaired', 'low_ocr_confidence'")


class Reference(Record):
    doc_type: Optional[str] = None
    number: Optional[str] = Field(None, description="canonical number, e.g. '56/2017/NĐ-CP'")
    title: Optional[str] = Field(None, description="name when cited by name only, e.g. 'Luật Trẻ em'")
    date: Optional[str] = None
    issuer: Optional[str] = None
    subject: Optional[str] = Field(None, description="'về việc ...' as written")
    is_parent: bool = False
    mentions: list[Span] = Field(default_factory=list)
    flags: list[str] = Field(default_factory=list, description="e.g. 'invalid_date', 'ocr_repaired'")


class Task(Record):
    text: str
    span: Span


class Body(Record):
    name: str = Field(description="canonical name, abbreviations expanded")
    as_written: str = ""
    role: Literal["lead", "coordinate"] = "lead"
    level: Optional[Literal["national", "province", "district", "commune", "department", "school"]] = None
    section: Optional[str] = None
    tasks: list[Task] = Field(default_factory=list)
    mentions: list[Span] = Field(default_factory=list)


class Deadline(Record):
    what: str = Field(description="what is due, e.g. 'báo cáo 6 tháng'")
    kind: Literal["report", "event", "task"] = "task"
    due: Optional[str] = Field(None, description="as written, e.g. 'trước ngày 5/7'")
    due_day: Optional[int] = None
    due_month: Optional[int] = None
    due_year: Optional[int] = None
    until_day: Optional[int] = None
    until_month: Optional[int] = None
    frequency: Optional[Literal["once", "monthly", "quarterly", "half-yearly", "yearly", "periodic"]] = None
    by: list[str] = Field(default_factory=list, description="bodies responsible")
    to: list[str] = Field(default_factory=list, description="bodies it goes to")
    section: Optional[str] = None
    span: Span


class BudgetSource(Record):
    source: str = Field(description="the funding source as written")
    kind: Literal["state_budget", "programme", "socialised", "other"] = "other"
    level: Optional[str] = None
    references: list[str] = Field(default_factory=list, description="numbers of decisions it cites")
    span: Span


Severity = Literal["error", "warning", "info"]


class Finding(Record):
    code: str
    severity: Severity = "warning"
    message_vi: str = ""
    message_en: str = ""
    section: Optional[str] = None
    value: Optional[float] = None
    number: Optional[str] = None
    parent_target: Optional[str] = None
    evidence: list[Span] = Field(default_factory=list)
    parent_ids: list[str] = Field(default_factory=list)
    rule: str = Field("", description="the rule that fired")


class AlignmentRow(Record):
    parent_target: Optional[str] = None
    parent_value: Optional[float] = None
    parent_comparator: Optional[str] = None
    plan_target: Optional[int] = Field(None, description="index into PlanRecord.targets")
    plan_value: Optional[float] = None
    plan_comparator: Optional[str] = None
    score: Optional[float] = None
    verdict: Literal["meets", "below", "above", "missing", "extra", "unknown"] = "unknown"


# ---------------------------------------------------------------- documents


class PlanRecord(Record):
    """Everything vnplan knows about one plan."""

    record_type: Literal["plan"] = "plan"
    schema_version: str = SCHEMA_VERSION
    document: str = Field(description="file name of the plan")
    provenance: Provenance
    metadata: Metadata = Field(default_factory=Metadata)
    outline: Outline = Field(default_factory=Outline)
    targets: list[Target] = Field(default_factory=list)
    references: list[Reference] = Field(default_factory=list)
    bodies: list[Body] = Field(default_factory=list)
    deadlines: list[Deadline] = Field(default_factory=list)
    budget: list[BudgetSource] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)

    @property
    def sections(self) -> list[Section]:
        return self.outline.sections


class ErrorRecord(Record):
    """A document vnplan could not read: it names the file and the reason, and the batch goes on."""

    record_type: Literal["error"] = "error"
    schema_version: str = SCHEMA_VERSION
    document: str
    path: str
    error: str = Field(description=(
        "machine code, one of:\n"
        "not_found: the path does not exist;\n"
        "broken_link: a symbolic link to a file that does not exist;\n"
        "symlink_loop: symbolic links that lead back to themselves;\n"
        "permission_denied: the file exists but may not be read;\n"
        "not_a_regular_file: a directory, FIFO, socket or device (never opened);\n"
        "too_large: over the file size limit ($VNPLAN_MAX_BYTES, 100 MB);\n"
        "too_many_pages: a PDF or image with more pages than the limit ($VNPLAN_MAX_PAGES, 2000);\n"
        "decompression_bomb: a DOCX that would inflate past the size or ratio limits, a DOCX part "
        "declaring a DTD (XML entity expansion), or an image over the pixel limit;\n"
        "empty_file: no text in it (0 bytes, whitespace only, blank pages);\n"
        "binary_content: bytes that are not text;\n"
        "decode_error: text in no recognised encoding;\n"
        "unsupported_type: not a plain-text, Markdown, PDF, DOCX or image file;\n"
        "encrypted_pdf: a PDF that needs a password;\n"
        "broken_pdf: a truncated or corrupt PDF;\n"
        "broken_docx: a damaged or encrypted DOCX package;\n"
        "engine_missing: OCR is needed (a scan, an image) but Tesseract or its Vietnamese model "
        "(Debian package tesseract-ocr-vie) is not installed;\n"
        "internal_error: an unexpected failure (a bug, or an I/O error), the reason says where;\n"
        "timeout: (a batch) its worker took longer than the time limit and was stopped;\n"
        "memory_limit: (a batch) its worker ran out of the memory limit;\n"
        "worker_crashed: (a batch) its worker died (a signal, a crash in a library) or was lost"))
    reason: str = Field(description="human-readable explanation")
    sha256: Optional[str] = Field(None, description="SHA-256 of the input file's bytes, when it could be read")
    submission: dict[str, str] = Field(default_factory=dict, description="columns of the batch manifest")


Result = Union[PlanRecord, ErrorRecord]


# ---------------------------------------------------------------- checks


class ParentInfo(Record):
    """Which parent programme a plan was checked against, and how it was found."""

    id: Optional[str] = None
    title: Optional[str] = None
    how: str = Field(description="how the parent was found, or 'no parent found'")


class CheckReport(Record):
    """A plan checked against itself, its parent programme and the registry of known documents."""

    document: str
    sha256: Optional[str] = Field(None, description="SHA-256 of the plan file: joins the report to its record")
    parent: ParentInfo
    alignment: list[AlignmentRow] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    notes: list[Finding] = Field(default_factory=list, description=(
        "parent comparisons that are not inconsistencies (severity info), e.g. an annual plan's interim "
        "step below the programme's end-of-period figure"))

Item.model_rebuild()
