"""The app factory: routes, templates, the static folder, and the rules every request passes.

Safe by default, because the articles are not ours and the browser is the analyst's:
1. Every string reaches a page through Jinja with autoescaping on for every template, and the
   Content-Security-Policy allows scripts and styles from this server only (no inline script, no
   other origin), so an article holding ``<script>``, ``onerror=`` or a ``javascript:`` link is
   text, never code.
2. Static files are served from a list made at start-up of the files in the app's static folder:
   a path is looked up in that list, never joined to a folder, so no path reaches outside it.
3. A request that changes anything (POST, PATCH, DELETE) must come from this app's own pages: a
   browser's ``Origin`` (or ``Sec-Fetch-Site``) naming another site gets 403. Clients that are
   not browsers send neither and may write (the API is for them).
4. Request bodies have a size limit (413 beyond it), counted as they arrive whatever their framing.
5. A bad parameter gets 400 and a message naming it; a missing thing 404; never a 500 for either.
"""

from __future__ import annotations

import mimetypes
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.exceptions import StarletteHTTPException as HTTPException
from fastapi.responses import JSONResponse, Response

from .. import __version__
from ..errors import StorylineError
from ..options import Options
from . import api, lockfile, pages
from .data import Database
from .jobs import Jobs
from .render import templates, wants_json
from .review import NotFound, ReviewError

HERE = Path(__file__).parent
MAX_BODY = 10 * 2**20
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
       "base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
HEADERS = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
           (b"referrer-policy", b"same-origin"), (b"x-frame-options", b"DENY")]


class Guard:
    """ASGI middleware: the same-origin rule for writes, the body limit, the security headers."""

    def __init__(self, app: Any, max_body: int = MAX_BODY):
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        refused = self._refuse(scope, headers)
        if refused:
            await refused(scope, receive, send)
            return
        body, too_big = await self._read_body(receive) if scope["method"] not in SAFE_METHODS else (None, False)
        if too_big:
            await _error(413, f"request body over the limit of {self.max_body:,} bytes (storyline serve "
                         "--max-body-mb)", "body")(scope, receive, send)
            return

        async def replay() -> dict[str, Any]:
            nonlocal body
            if body is None:
                return await receive()
            message, body = {"type": "http.request", "body": body, "more_body": False}, None
            return message

        async def secured(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + HEADERS
            await send(message)

        await self.app(scope, replay, secured)

    async def _read_body(self, receive: Any) -> tuple[bytes, bool]:
        """The whole body of a writing request, read here so its size is known whatever the
        framing (Content-Length or chunked); (what was read, whether it went over the limit)."""
        parts, seen = [], 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return b"".join(parts), False
            chunk = message.get("body", b"")
            seen += len(chunk)
            if seen > self.max_body:
                return b"", True
            parts.append(chunk)
            if not message.get("more_body"):
                return b"".join(parts), False

    def _refuse(self, scope: dict[str, Any], headers: dict[str, str]) -> Response | None:
        if scope["method"] not in SAFE_METHODS:
            origin = headers.get("origin")
            own = f"{scope.get('scheme', 'http')}://{headers.get('host', '')}"
            if origin is not None and origin != own:
                return _error(403, f"cross-origin {scope['method']} refused: Origin {origin} is not {own}", "Origin")
            if origin is None and headers.get("sec-fetch-site", "same-origin") not in ("same-origin", "none"):
                return _error(403, f"cross-site {scope['method']} refused (Sec-Fetch-Site: "
                              f"{headers['sec-fetch-site']})", "Sec-Fetch-Site")
        length = headers.get("content-length")
        if length is not None:
            if not length.isdigit():
                return _error(400, f"Content-Length {length!r} is not a number", "Content-Length")
            if int(length) > self.max_body:
                return _error(413, f"request body of {int(length):,} bytes is over the limit of "
                              f"{self.max_body:,} (storyline serve --max-body-mb)", "body")
        return None


def _error(status: int, message: str, param: str | None = None) -> JSONResponse:
    return JSONResponse({"error": message, "param": param, "status": status}, status_code=status)


# ---------------------------------------------------------------- errors


def _page_error(request: Request, status: int, message: str) -> Response:
    if wants_json(request):
        return _error(status, message)
    return request.app.state.templates.TemplateResponse(request, "error.html", {"status": status, "message": message},
                                                        status_code=status)


def _handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def bad_parameter(request: Request, exc: RequestValidationError) -> Response:
        first = exc.errors()[0] if exc.errors() else {}
        loc = [str(x) for x in first.get("loc", ()) if x not in ("query", "path", "body")]
        param = ".".join(loc) or str((first.get("loc") or ["request"])[0])
        message = f"bad parameter {param}: {first.get('msg', 'invalid')}"
        if wants_json(request):
            return _error(400, message, param)
        return _page_error(request, 400, message)

    @app.exception_handler(ReviewError)
    async def bad_review(request: Request, exc: ReviewError) -> Response:
        return _error(400, exc.message, exc.param) if wants_json(request) else _page_error(request, 400, exc.message)

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound) -> Response:
        return _page_error(request, 404, exc.message)

    @app.exception_handler(StorylineError)
    async def user_error(request: Request, exc: StorylineError) -> Response:
        return _page_error(request, 400, exc.message)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        return _page_error(request, exc.status_code, str(exc.detail))


# ---------------------------------------------------------------- static files


def _static(app: FastAPI) -> None:
    files = {p.name: p.read_bytes() for p in (HERE / "static").iterdir() if p.is_file()}

    @app.get("/static/{name}", include_in_schema=False)
    def static(name: str) -> Response:
        body = files.get(name)  # looked up, never joined to a path
        if body is None:
            raise NotFound("static file", name)
        kind = mimetypes.guess_type(name)[0] or "application/octet-stream"
        return Response(body, media_type=kind, headers={"Cache-Control": "max-age=300"})


# ---------------------------------------------------------------- the factory


def create_app(db: Path, options: Options | None = None, *, url: str | None = None, max_body: int = MAX_BODY) -> Any:
    """The app over the store at ``db``. It opens (and owns) the file when it starts, leaves a
    note naming ``url`` beside it for other commands, and releases both when it stops."""
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> Any:
        database = Database(db, options)
        app.state.db = database
        app.state.jobs = Jobs(database)
        if url:
            lockfile.write_note(Path(db), url)
        try:
            yield
        finally:
            app.state.jobs.stop()
            database.close()
            lockfile.remove_note(Path(db))

    app = FastAPI(title="storyline", description="Evidence-linked events, quotes, actors and story timelines "
                  "rebuilt from news articles; analysts' corrections kept apart and applied on read.",
                  version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None)
    app.state.templates = templates()
    _handlers(app)
    _static(app)
    app.include_router(api.router)
    app.include_router(pages.router)
    return Guard(app, max_body)
