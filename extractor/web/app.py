"""The FastAPI app: its routers (``pages``, ``api``) over the shared ``state``, the templates,
refusals as error pages (HTML) or ``ApiError`` (JSON, under ``/api``), the upload size limit on the
request body, and security headers (no script may run on a page: the pages have none).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Optional

import jinja2
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__
from ..outputs.html import VERDICT_LABELS, fmt_value
from . import api, pages
from .catalogue import label
from .plans import MEANING_VI, Refusal, size_text
from .state import Settings, State
from .views import cites_url, plan_url

HERE = Path(__file__).resolve().parent
MULTIPART_SLACK = 64 * 1024  # a form's boundaries and headers around the file
DRAIN_CAP = 256 * 2**20  # an over-size body is read up to this much before the refusal, so the client sees it
CSP = ("default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; "
       "frame-ancestors 'none'")


def templates() -> Jinja2Templates:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.globals.update(version=__version__, meaning_vi=MEANING_VI, fmt_value=fmt_value, label=label, size_text=size_text,
                       verdict_labels=VERDICT_LABELS,
                       cites_url=cites_url, plan_url=plan_url)
    return Jinja2Templates(env=env)


def wants_json(scope_path: str) -> bool:
    return scope_path.startswith("/api/") or scope_path == "/openapi.json"


class BodyLimit:
    """Refuses a request body over ``limit`` bytes (``too_large``, 413) before the app parses it;
    the body is drained first (up to ``DRAIN_CAP``) so the client reads the refusal."""

    def __init__(self, app: ASGIApp, limit: int, refuse):
        self.app, self.limit, self.refuse = app, limit, refuse

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("POST", "PUT", "PATCH"):
            return await self.app(scope, receive, send)
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length", b"").decode() or None
        if declared is not None and declared.isdigit() and int(declared) <= self.limit:
            return await self.app(scope, receive, send)
        body, size, more = [], 0, True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            more = message.get("more_body", False)
            if size <= self.limit:
                body.append(chunk)
            elif size > DRAIN_CAP:
                break
        if size > self.limit:
            limit = self.limit - MULTIPART_SLACK
            refusal = Refusal("too_large", f"the request is over the upload limit of {limit:,} bytes ({size_text(limit)})")
            return await self.refuse(scope, refusal)(scope, receive, send)
        replay = [{"type": "http.request", "body": b"".join(body), "more_body": False}]

        async def again() -> Message:
            return replay.pop() if replay else await receive()

        await self.app(scope, again, send)


class SecurityHeaders:
    """No script runs on a page, no page is framed, no type is sniffed (the API docs, which load
    their scripts, aside)."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] in ("/docs", "/redoc"):
            return await self.app(scope, receive, send)

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] += [(b"content-security-policy", CSP.encode()),
                                       (b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"same-origin")]
            await send(message)

        await self.app(scope, receive, with_headers)


def create_app(settings: Optional[Settings] = None) -> FastAPI:
    """The app over ``settings`` (the defaults: ``plans.sqlite``, ``vnplan-uploads/``)."""
    settings = settings or Settings()
    app = FastAPI(title="vnplan", version=__version__, description=(
        "Extract, check and search Vietnamese government plans (Kế hoạch). The records are vnplan's "
        "pydantic records (``extractor.records``); every field carries its evidence span."))
    app.state.vnplan = State(settings)
    app.state.templates = templates()
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)

    def refused(request: Request, refusal: Refusal, status: Optional[int] = None,
                headers: Optional[Mapping[str, str]] = None) -> Response:
        status = status or refusal.status
        if wants_json(request.url.path):
            return JSONResponse(api.ApiError.of(refusal).model_dump(mode="json"), status_code=status, headers=headers)
        return app.state.templates.TemplateResponse(request, "error.html", {"refusal": refusal, "status": status},
                                                    status_code=status, headers=headers)

    @app.exception_handler(Refusal)
    async def on_refusal(request: Request, exc: Refusal) -> Response:
        return refused(request, exc)

    @app.exception_handler(RequestValidationError)
    async def on_invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg', '')}" for e in exc.errors())
        return refused(request, Refusal("invalid_request", problems or "the request is not valid"), 422)

    @app.exception_handler(StarletteHTTPException)
    async def on_http(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 404:
            return refused(request, Refusal("not_found", f"no page at {request.url.path}"), 404)
        return refused(request, Refusal("invalid_request", str(exc.detail)), exc.status_code, exc.headers)

    def refuse(scope: Scope, refusal: Refusal) -> Response:
        return refused(Request(scope), refusal)

    app.add_middleware(BodyLimit, limit=settings.max_upload_bytes + MULTIPART_SLACK, refuse=refuse)
    app.add_middleware(SecurityHeaders)
    return app


