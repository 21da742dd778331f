"""The HTML pages: home (upload and the indexed plans), upload → the plan's report page, a plan's
page, search with facets, the plans citing a document, and the view of a batch output folder.
No page has a script; every value goes through Jinja's escaping, and the highlighted HTML through
``outputs.html`` (which escapes the text it marks).
"""

from __future__ import annotations

from typing import Annotated, Optional

from fastapi import APIRouter, File, Query, Request, UploadFile
from fastapi.responses import RedirectResponse, Response

from ..index import Filters
from ..index.documents import KINDS
from ..outputs.html import EVIDENCE_CSS
from .batchview import NUMERIC, batches_under, open_batch, sort_rows, under_root
from .catalogue import catalogue, facets, with_number
from .plans import SHA256, Refusal
from .state import html_response, state
from .views import KIND_LABELS, hit_views, plan_page, query_string

router = APIRouter(include_in_schema=False)
FACET_HITS = 500  # the hits a search's facets are counted over
SEARCH_FIELDS = ("issuer", "level", "doc_type", "year", "code", "severity")


@router.get("/assets/evidence.css")
def evidence_css() -> Response:
    return Response(EVIDENCE_CSS, media_type="text/css")


@router.get("/")
def home(request: Request) -> Response:
    st = state(request)
    with st.index() as idx:
        plans = catalogue(idx)
    return html_response(request, "home.html", {
        "plans": list(plans.values())[:200], "count": len(plans),
        "limit": st.settings.max_upload_bytes, "has_batch": bool(st.settings.batch or st.settings.batch_root)})


@router.post("/upload")
def upload(request: Request, file: Annotated[Optional[UploadFile], File()] = None) -> Response:
    st = state(request)
    if file is None or not file.filename:
        raise Refusal("no_file", "no file was sent (choose a plan file to upload)")
    plan = st.take(file.file, file.filename, st.check_job, keep=True)
    return RedirectResponse(f"/plans/{plan.sha256}?uploaded=1", status_code=303)


@router.get("/plans/{sha256}")
def plan(request: Request, sha256: str, uploaded: bool = False) -> Response:
    st = state(request)
    if not SHA256.match(sha256):
        raise Refusal("no_such_plan", "a plan's address is its sha256: 64 hexadecimal digits")
    with st.index() as idx:
        found = st.library.plan(sha256, idx)
        page = plan_page(found, idx, catalogue(idx))
    return html_response(request, "plan.html", {"page": page, "uploaded": uploaded})


@router.get("/search")
def search(request: Request, q: Annotated[str, Query(max_length=500)] = "", type: str = "",
           issuer: str = "", level: str = "", doc_type: str = "", year: str = "", code: str = "",
           severity: str = "", limit: Annotated[int, Query(ge=1, le=200)] = 50) -> Response:
    st = state(request)
    chosen = {"issuer": issuer, "level": level, "doc_type": doc_type, "year": year, "code": code,
              "severity": severity}
    kinds = (type,) if type in KINDS else ()
    filters = Filters(kinds=kinds, **{k: v or None for k, v in chosen.items() if k != "year"},
                      year=int(year) if year.isdigit() and len(year) == 4 else None)
    browsing = not q.strip() and not filters.given() and not kinds
    if browsing:  # no query: the plans themselves
        filters = Filters(kinds=("document",))
    with st.index() as idx:
        plans = catalogue(idx)
        matching = idx.search(q, filters, max(FACET_HITS, limit))
        found = facets(idx, plans, (h.sha256 for h in matching))
    params = {"q": q, "type": type if kinds else "", **chosen}
    return html_response(request, "search.html", {
        "q": q, "type": type if kinds else "", "chosen": chosen, "params": params, "qs": query_string,
        "hits": hit_views(matching[:limit], plans), "total": len(matching), "capped": len(matching) >= FACET_HITS,
        "plans_matched": len({h.sha256 for h in matching}), "facets": found, "kinds": KIND_LABELS,
        "browsing": browsing})


@router.get("/cites")
def cites(request: Request, number: Annotated[str, Query(max_length=300)] = "") -> Response:
    st = state(request)
    if not number.strip():
        raise Refusal("invalid_request", "give the number of a document: /cites?number=782/QĐ-TTg")
    with st.index() as idx:
        found = idx.cites(number)
        plans = catalogue(idx)
    own = with_number(plans, number)
    return html_response(request, "cites.html", {"number": number, "citations": found, "own": own})


@router.get("/batch")
def batch(request: Request, dir: Annotated[str, Query(max_length=1000)] = "", sort: str = "", order: str = "desc"
          ) -> Response:
    settings = state(request).settings
    if dir:
        folder, name = under_root(settings.batch_root, dir), dir
    elif settings.batch is not None:
        folder, name = settings.batch.resolve(), str(settings.batch)
    else:
        return RedirectResponse("/batches", status_code=303)
    shown = open_batch(folder, name)
    state(request).library.know_batch(folder)
    descending = order != "asc"
    rows = sort_rows(shown.rows, sort, descending)
    base = {"dir": dir} if dir else {}
    return html_response(request, "batch.html", {
        "batch": shown, "rows": rows, "sort": sort if rows and sort in rows[0] else "", "descending": descending,
        "base": base, "qs": query_string, "numeric": NUMERIC})


@router.get("/batches")
def batches(request: Request) -> Response:
    settings = state(request).settings
    root = settings.batch_root
    return html_response(request, "batches.html", {
        "root": root, "found": batches_under(root) if root else [], "configured": settings.batch})
