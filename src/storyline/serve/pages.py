"""The pages: server-rendered HTML over the same queries as the API (each page names its twin).

Forms that only read use GET (a filtered timeline is a link to keep); review and upload go
through the API's POST/PATCH (app.js) or a POST form, both under the same-origin rule.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path as FilePath
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Form, Path, Query, Request, UploadFile
from fastapi.responses import RedirectResponse, Response

from ..errors import InputError
from ..read import read_file, read_string
from . import queries as Q
from .api import DateFrom, DateTo, Offset, Text, View, db_of, jobs_of, timeline_query
from .render import page

router = APIRouter(include_in_schema=False)


@router.get("/")
def overview(request: Request) -> Response:
    db = db_of(request)
    return page(request, "overview.html", {"data": Q.overview(db.store(), db.snapshot().reviewed), "twin": "/api/overview"})


@router.get("/documents")
def documents(request: Request, q: Text = None, limit: Annotated[int, Query(ge=1, le=500)] = 50,
              offset: Offset = 0) -> Response:
    data = Q.documents(db_of(request).store(), q, limit, offset)
    return page(request, "documents.html", {"data": data, "twin": "/api/documents"})


@router.get("/documents/{doc_id}")
def document(request: Request, doc_id: Annotated[str, Path(max_length=64)]) -> Response:
    db = db_of(request)
    data = Q.document(db.store(), doc_id, db.snapshot().fixes)
    return page(request, "document.html", {"data": data, "twin": f"/api/documents/{doc_id}",
                                           "classes": Q.classes(db.lexicon, db.snapshot().machine)})


@router.get("/timeline")
def timeline(request: Request, actor: Text = None, what: Annotated[str | None, Query(alias="class", max_length=40)] = None,
             status: Text = None, outlet: Text = None, date_from: DateFrom = None, date_to: DateTo = None,
             q: Text = None, view: View = "reviewed", limit: Annotated[int, Query(ge=1, le=500)] = 50,
             offset: Offset = 0) -> Response:
    tq = timeline_query(actor, what, status, outlet, date_from, date_to, q)
    snap = db_of(request).snapshot()
    data = Q.timeline(snap.index(view), tq, limit, offset)
    return page(request, "timeline.html", {"data": data, "twin": "/api/timeline"})


@router.get("/story-events/{story_id}")
def story_event(request: Request, story_id: Annotated[str, Path(max_length=80)], view: View = "reviewed") -> Response:
    db = db_of(request)
    snap = db.snapshot()
    data = Q.story_event(db.store(), snap.stories(view), snap.notes, story_id, snap.fixes, db.lexicon)
    return page(request, "story_event.html", {"data": data, "twin": f"/api/story-events/{data['id']}",
                                              "classes": Q.classes(db.lexicon, snap.machine)})


@router.get("/actors/{name_or_id}")
def actor(request: Request, name_or_id: Annotated[str, Path(max_length=200)]) -> Response:
    db = db_of(request)
    snap = db.snapshot()
    data = Q.actor(db.store(), snap.reviewed, name_or_id, db.lexicon, snap.fixes)
    return page(request, "actor.html", {"data": data, "twin": f"/api/actors/{name_or_id}"})


@router.get("/actors")
def actor_search(name: Annotated[str, Query(min_length=1, max_length=200)]) -> Response:
    from urllib.parse import quote

    return RedirectResponse(f"/actors/{quote(name, safe='')}", status_code=303)


@router.get("/quotes")
def quotes(request: Request, speaker: Text = None, q: Text = None, date_from: DateFrom = None, date_to: DateTo = None,
           limit: Annotated[int, Query(ge=1, le=500)] = 50, offset: Offset = 0) -> Response:
    db = db_of(request)
    data = Q.quotes(db.store(), db.snapshot().fixes, speaker, q, Q.check_date(date_from, "from"),
                    Q.check_date(date_to, "to"), limit, offset)
    return page(request, "quotes.html", {"data": data, "twin": "/api/quotes"})


@router.get("/network")
def network(request: Request, level: Literal["country", "actor"] = "country", date_from: DateFrom = None,
            date_to: DateTo = None, limit: Annotated[int, Query(ge=2, le=300)] = 40, view: View = "reviewed") -> Response:
    db = db_of(request)
    data = Q.network(db.snapshot().stories(view), db.lexicon, level, Q.check_date(date_from, "from"),
                     Q.check_date(date_to, "to"), limit)
    return page(request, "network.html", {"data": data, "twin": "/api/network", "svg": _drawing(data)})


def _drawing(data: dict[str, Any], width: int = 960, height: int = 620, pad: int = 70) -> dict[str, Any]:
    """Screen coordinates for the network's nodes and edges (the layout is computed in queries)."""
    nodes = data["nodes"]
    if not nodes:
        return {"width": width, "height": height, "nodes": [], "edges": []}
    at = {n["id"]: (round(pad + n["x"] * (width - 2 * pad), 1), round(pad + n["y"] * (height - 2 * pad), 1))
          for n in nodes}
    top = max(n["weight"] for n in nodes) or 1
    drawn = [{**n, "cx": at[n["id"]][0], "cy": at[n["id"]][1], "r": round(5 + 14 * (n["weight"] / top) ** 0.5, 1)}
             for n in nodes]
    heaviest = max((t["weight"] for t in data["ties"]), default=1)
    edges = [{"x1": at[a][0], "y1": at[a][1], "x2": at[b][0], "y2": at[b][1], "weight": t["weight"],
              "sign": t["sign"], "names": " – ".join(t["labels"]), "w": round(1 + 7 * t["weight"] / heaviest, 1)}
             for t in data["ties"] for a, b in [t["actors"]]]
    return {"width": width, "height": height, "nodes": drawn, "edges": edges}


@router.get("/corrections")
def corrections(request: Request, offset: Offset = 0) -> Response:
    rows = db_of(request).snapshot().corrections[::-1]
    return page(request, "corrections.html", {"data": Q.page(rows, 100, offset), "twin": "/api/corrections"})


# ---------------------------------------------------------------- adding articles


@router.get("/add")
def add_form(request: Request, job: Annotated[str | None, Query(max_length=40)] = None) -> Response:
    found = jobs_of(request).get(job) if job else None
    return page(request, "add.html", {"job": found.to_dict() if found else None, "twin": "/api/documents"})


@router.post("/add")
async def add(request: Request, files: list[UploadFile] | None = None,
              text: Annotated[str, Form(max_length=2_000_000)] = "",
              title: Annotated[str, Form(max_length=500)] = "") -> Response:
    """Upload files (text, HTML, JSON Lines) or paste one article; the ingest runs in the server
    and the page that follows shows its progress."""
    items: list[Any] = []
    with tempfile.TemporaryDirectory(prefix="storyline-upload-") as tmp:
        for f in files or []:
            if not f.filename:
                continue
            name = FilePath(f.filename).name or "upload.txt"  # the name only: never a path of the client's
            path = FilePath(tmp) / name
            path.write_bytes(await f.read())
            items += list(read_file(path))
    if text.strip():
        name = title.strip() or f"pasted-{time.strftime('%Y%m%d-%H%M%S')}"
        article = f"{title.strip()}\n\n{text}" if title.strip() else text
        items += list(read_string(article, name))
    if not items:
        return page(request, "add.html", {"job": None, "message": "Choose a file or paste an article first."})
    for item in items:
        if not isinstance(item, InputError):
            item.origin = f"upload:{item.name}"
    job = jobs_of(request).submit(items, f"upload of {len(items)} article(s)")
    return RedirectResponse(f"/add?job={job.id}", status_code=303)
