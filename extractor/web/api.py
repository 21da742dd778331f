"""The REST API, typed with the project's records (its OpenAPI document is FastAPI's, at
``/openapi.json``):

    POST /api/extract           a plan file → its PlanRecord
    POST /api/check             a plan file (and a parent's number) → its record and CheckReport
    GET  /api/search            ranked hits with highlighted snippets and evidence
    GET  /api/cites             the indexed plans that cite or implement a document
    GET  /api/plans/{sha256}    a known plan's record and report

A file the readers refuse, or that is no plan, gives an ``ApiError`` naming the code (the readers'
``ErrorRecord.error`` codes, and ``not_a_plan``, ``too_large``, ``invalid_request`` ...) and the
reason, with the status of the code (413 too large, 415 not a supported type, 422 not readable or
no plan, 404 unknown plan). With ``index=true`` an extracted or checked plan is kept and indexed.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, Optional

from fastapi import APIRouter, File, Form, Path, Query, Request, UploadFile
from pydantic import BaseModel, Field

from ..index import Citation, Filters, Hit
from ..records import CheckReport, PlanRecord, Severity
from .catalogue import LEVELS
from .plans import SHA256, Refusal
from .state import state

Kind = Literal["document", "section", "target", "reference", "body", "deadline", "finding"]
Level = Literal[LEVELS]  # type: ignore[valid-type]


class ApiError(BaseModel):
    """Why a request gave no result: a machine code and a reason for people."""

    error: str = Field(description="machine code: a reader's ErrorRecord.error code (too_large, unsupported_type, "
                       "binary_content, ...), not_a_plan, no_file, unknown_parent, no_such_plan, invalid_request, "
                       "index_unavailable")
    reason: str
    document: Optional[str] = Field(None, description="the uploaded file's name, when there was one")

    @classmethod
    def of(cls, refusal: Refusal) -> ApiError:
        return cls(error=refusal.code, reason=refusal.reason, document=refusal.document)


class CheckedPlan(BaseModel):
    """A plan's record and, when it was checked, its check report (joined by sha256)."""

    record: PlanRecord
    report: Optional[CheckReport] = None


class SearchResult(BaseModel):
    query: str
    types: list[str]
    filters: dict[str, Any]
    count: int
    hits: list[Hit]


class CitesResult(BaseModel):
    cites: str
    count: int
    plans: list[Citation]


ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ApiError, "description": text} for status, text in (
        (400, "no file, or an unknown parent"), (404, "no such plan"), (413, "over the upload size limit"),
        (415, "not a supported file type"), (422, "not readable, not a plan, or an invalid request"),
        (500, "an internal error"), (503, "the index or the OCR engine is not available"))}
router = APIRouter(prefix="/api", tags=["api"], responses=ERRORS)
PlanFile = Annotated[UploadFile, File(description="a plan: text, Markdown, DOCX, PDF or an image")]
IndexIt = Annotated[bool, Query(description="keep the plan and add it to the search index")]
Text = Annotated[Optional[str], Query(max_length=300)]


@router.post("/extract", response_model=PlanRecord, summary="Extract a plan's record")
def extract(request: Request, file: PlanFile, index: IndexIt = False) -> PlanRecord:
    st = state(request)
    return st.take(file.file, file.filename, st.check_job if index else st.extract_job, keep=index).record


@router.post("/check", response_model=CheckedPlan, summary="Extract a plan and check it against its parent")
def check(request: Request, file: PlanFile,
          parent: Annotated[Optional[str], Form(description="the number of a known parent programme, e.g. 782/QĐ-TTg; "
                                                "found among the plan's references when not given")] = None,
          index: IndexIt = False) -> CheckedPlan:
    st = state(request)
    plan = st.take(file.file, file.filename, st.job_with_parent(parent), keep=index)
    return CheckedPlan(record=plan.record, report=plan.report)


@router.get("/search", response_model=SearchResult, summary="Search the indexed plans")
def search(request: Request,
           q: Annotated[str, Query(max_length=500, description='words (accents optional), "exact phrases", prefix*')] = "",
           type: Annotated[list[Kind], Query(description="kinds of entry")] = [],  # noqa: B006 (FastAPI copies it)
           issuer: Text = None, level: Optional[Level] = None, province: Text = None, doc_type: Text = None,
           year: Annotated[Optional[int], Query(ge=1900, le=2200)] = None, parent: Text = None, cites: Text = None,
           body: Text = None, code: Annotated[Optional[str], Query(max_length=100)] = None,
           severity: Optional[Severity] = None, limit: Annotated[int, Query(ge=1, le=200)] = 20) -> SearchResult:
    filters = Filters(kinds=tuple(type), issuer=issuer, level=level, province=province, doc_type=doc_type, year=year,
                      parent=parent, cites=cites, body=body, code=code, severity=severity)
    with state(request).index() as idx:
        hits = idx.search(q, filters, limit)
    return SearchResult(query=q, types=list(filters.kinds), filters=filters.given(), count=len(hits), hits=hits)


@router.get("/cites", response_model=CitesResult, summary="The indexed plans that cite or implement a document")
def cites(request: Request, number: Annotated[str, Query(min_length=1, max_length=300,
                                                         description="the document's number, e.g. 782/QĐ-TTg")]
          ) -> CitesResult:
    with state(request).index() as idx:
        found = idx.cites(number)
    return CitesResult(cites=number, count=len(found), plans=found)


@router.get("/plans/{sha256}", response_model=CheckedPlan, summary="A known plan's record and check report")
def plan(request: Request,
         sha256: Annotated[str, Path(pattern=SHA256.pattern, description="the SHA-256 of the plan file")]) -> CheckedPlan:
    st = state(request)
    with st.index() as idx:
        found = st.library.plan(sha256, idx)
    return CheckedPlan(record=found.record, report=found.report)
