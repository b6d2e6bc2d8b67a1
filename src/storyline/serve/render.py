"""Rendering shared by the pages and the API: the template environment (autoescaping on for every
template), CSV downloads of lists, and whether a request wants JSON or a page."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates

HERE = Path(__file__).parent


def templates() -> Jinja2Templates:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True)
    env.filters["qs"] = lambda params, **more: urlencode(
        {k: v for k, v in {**params, **more}.items() if v not in (None, "")})
    env.filters["json"] = lambda v: json.dumps(v, ensure_ascii=False, default=str)
    return Jinja2Templates(env=env)


def wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def as_csv(items: Sequence[dict[str, Any]], name: str) -> Response:
    """A list as CSV: one column per key (in first-seen order), nested values as JSON."""
    columns: list[str] = []
    for item in items:
        columns += [k for k in item if k not in columns]
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(columns)
    for item in items:
        w.writerow(["" if item.get(c) is None else json.dumps(item[c], ensure_ascii=False, default=str)
                    if isinstance(item.get(c), dict | list) else item[c] for c in columns])
    return Response(buf.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{name}.csv"'})


def fast(data: Any, status_code: int = 200) -> Response:
    """JSON straight from ``json.dumps``. Why: the data is already plain (dicts, lists, strings,
    numbers), and FastAPI's generic encoder walks every value in Python: about nine tenths of a
    timeline page's serving time."""
    body = json.dumps(data, ensure_ascii=False, default=str, separators=(",", ":"))
    return Response(body, status_code=status_code, media_type="application/json")


def listing(data: dict[str, Any], fmt: str, name: str) -> Response:
    """A paged list as JSON, or its items as CSV."""
    return as_csv(data["items"], name) if fmt == "csv" else fast(data)


def page(request: Request, name: str, context: dict[str, Any]) -> HTMLResponse:
    return request.app.state.templates.TemplateResponse(request, name, {"params": dict(request.query_params), **context})
