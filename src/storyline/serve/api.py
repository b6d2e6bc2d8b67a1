"""The JSON API (``/api/...``; described at ``/openapi.json``): every page's data, paged lists that
also download as CSV (``format=csv``), adding articles, and review.

Each route calls the function of queries.py that its page calls; review routes check the request
(review.check_*) before anything is written, so a bad field or value is a 400 that names it.
"""

from __future__ import annotations

import time
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Path, Query, Request
from fastapi.responses import JSONResponse, Response

from ..errors import InputError
from ..model import STATUSES
from ..read.jsonl import record_to_raw
from . import queries as Q
from . import review
from .data import Database
from .jobs import Job, Jobs
from .render import fast, listing

router = APIRouter(prefix="/api")

Limit = Annotated[int, Query(ge=1, le=1000, description="Items per page.")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Items to skip.")]
Format = Annotated[Literal["json", "csv"], Query(description="json, or csv: the page's items as a CSV file.")]
View = Annotated[Literal["reviewed", "machine"], Query(
    description="reviewed: analysts' corrections applied (the machine's values beside them); machine: as extracted.")]
DateFrom = Annotated[str | None, Query(alias="from", description="YYYY, YYYY-MM or YYYY-MM-DD.")]
DateTo = Annotated[str | None, Query(alias="to", description="YYYY, YYYY-MM or YYYY-MM-DD.")]
Text = Annotated[str | None, Query(max_length=500)]


def db_of(request: Request) -> Database:
    return request.app.state.db


def jobs_of(request: Request) -> Jobs:
    return request.app.state.jobs


def timeline_query(actor: str | None, what: str | None, status: str | None, outlet: str | None,
                   date_from: str | None, date_to: str | None, q: str | None) -> Q.TimelineQuery:
    if status and status not in (*STATUSES, "background"):
        raise review.ReviewError("status", f"status={status!r}: valid are {', '.join((*STATUSES, 'background'))}")
    return Q.TimelineQuery(actor or None, what or None, status or None, outlet or None,
                           Q.check_date(date_from, "from"), Q.check_date(date_to, "to"), q or None)


# ---------------------------------------------------------------- reading


@router.get("/overview")
def overview(request: Request) -> Response:
    db = db_of(request)
    return fast(Q.overview(db.store(), db.snapshot().reviewed))


@router.get("/documents")
def documents(request: Request, q: Text = None, limit: Limit = 50, offset: Offset = 0, format: Format = "json") -> Any:
    return listing(Q.documents(db_of(request).store(), q, limit, offset), format, "documents")


@router.get("/documents/{doc_id}")
def document(request: Request, doc_id: Annotated[str, Path(max_length=64)]) -> Response:
    db = db_of(request)
    return fast(Q.document(db.store(), doc_id, db.snapshot().fixes))


@router.get("/timeline")
def timeline(request: Request, actor: Text = None, what: Annotated[str | None, Query(alias="class", max_length=40)] = None,
             status: Text = None, outlet: Text = None, date_from: DateFrom = None, date_to: DateTo = None,
             q: Text = None, view: View = "reviewed", limit: Limit = 50, offset: Offset = 0,
             format: Format = "json") -> Any:
    tq = timeline_query(actor, what, status, outlet, date_from, date_to, q)
    snap = db_of(request).snapshot()
    return listing(Q.timeline(snap.index(view), tq, limit, offset),
                   format, "timeline")


@router.get("/story-events/{story_id}")
def story_event(request: Request, story_id: Annotated[str, Path(max_length=80)], view: View = "reviewed") -> Response:
    db = db_of(request)
    snap = db.snapshot()
    return fast(Q.story_event(db.store(), snap.stories(view), snap.notes, story_id, snap.fixes, db.lexicon))


@router.get("/events")
def events(request: Request, actor: Text = None, type: Annotated[str | None, Query(alias="class", max_length=40)] = None,
           status: Annotated[Literal["reported", "historical", "planned", "hoped"] | None, Query()] = None,
           date_from: DateFrom = None, date_to: DateTo = None, view: View = "reviewed",
           limit: Limit = 100, offset: Offset = 0, format: Format = "json") -> Any:
    db = db_of(request)
    data = Q.events(db.store(), db.snapshot().fixes, view, limit, offset, actor=actor, type=type, status=status,
                    date_from=Q.check_date(date_from, "from"), date_to=Q.check_date(date_to, "to"))
    return listing(data, format, "events")


@router.get("/quotes")
def quotes(request: Request, speaker: Text = None, q: Text = None, date_from: DateFrom = None, date_to: DateTo = None,
           limit: Limit = 50, offset: Offset = 0, format: Format = "json") -> Any:
    db = db_of(request)
    data = Q.quotes(db.store(), db.snapshot().fixes, speaker, q, Q.check_date(date_from, "from"),
                    Q.check_date(date_to, "to"), limit, offset)
    return listing(data, format, "quotes")


@router.get("/actors/{name_or_id}")
def actor(request: Request, name_or_id: Annotated[str, Path(max_length=200)]) -> Response:
    db = db_of(request)
    snap = db.snapshot()
    return fast(Q.actor(db.store(), snap.reviewed, name_or_id, db.lexicon, snap.fixes))


@router.get("/network")
def network(request: Request, level: Literal["country", "actor"] = "country", date_from: DateFrom = None,
            date_to: DateTo = None, limit: Annotated[int, Query(ge=2, le=300)] = 40, view: View = "reviewed") -> Response:
    db = db_of(request)
    return fast(Q.network(db.snapshot().stories(view), db.lexicon, level, Q.check_date(date_from, "from"),
                          Q.check_date(date_to, "to"), limit))


@router.get("/corrections")
def corrections(request: Request, kind: Literal["event", "quote", "story_event"] | None = None,
                limit: Limit = 100, offset: Offset = 0, format: Format = "json") -> Any:
    rows = [r for r in db_of(request).snapshot().corrections if kind is None or r["target_kind"] == kind]
    return listing(Q.page(rows[::-1], limit, offset), format, "corrections")


# ---------------------------------------------------------------- adding articles


@router.post("/documents", status_code=201)
def add_document(request: Request, article: Annotated[dict[str, Any], Body(
        description="One article: text (required), and id, title, date, source, url as ingest reads them.")],
        wait: bool = True) -> Any:
    try:
        raw = record_to_raw(article, "api", f"api-{time.strftime('%Y%m%d-%H%M%S')}", db_of(request).options.max_chars)
    except InputError as e:
        raise review.ReviewError("text", e.message) from e
    job = jobs_of(request).submit([raw], f"POST /api/documents {raw.name}")
    if not wait:
        return JSONResponse(job.to_dict(), status_code=202)
    job.done.wait(timeout=900)
    return _job_answer(job)


def _job_answer(job: Job) -> Any:
    body = job.to_dict()
    ids = [d["id"] for d in job.documents if d["id"]]
    body["id"] = ids[0] if ids else None
    status = 201 if job.state == "done" and job.failed == 0 else 400 if job.state == "done" else 500
    return JSONResponse(body, status_code=status)


@router.get("/jobs/{job_id}")
def job(request: Request, job_id: Annotated[str, Path(max_length=40)]) -> Response:
    found = jobs_of(request).get(job_id)
    if found is None:
        raise review.NotFound("job", job_id, " (jobs are kept while the server runs)")
    return fast(found.to_dict())


# ---------------------------------------------------------------- review


def correct(request: Request, kind: str, target_id: str, body: dict[str, Any]) -> dict[str, Any]:
    """Check and record one correction request; the answer lists the rows written."""
    db = db_of(request)
    author, reason = review.check_person(body.get("author"), body.get("reason"))
    changes = review.check_changes(kind, body.get("changes"), Q.classes(db.lexicon, db.snapshot().machine))
    store = db.store()
    machine = review.machine_event(store, target_id) if kind == "event" else review.machine_quote(store, target_id)
    rows = db.write(lambda s: review.record(s, kind, target_id, changes, machine, author, reason))
    return {"target": target_id, "corrections": rows}


ReviewBody = Annotated[dict[str, Any], Body(description='{"author": "...", "reason": "...", "changes": {"what": "MEDIATE"}}')]


@router.patch("/events/{event_id}")
def patch_event(request: Request, event_id: Annotated[str, Path(max_length=120)], body: ReviewBody) -> dict[str, Any]:
    """Correct an event: its class (what), who (source), whom (target), date, location, status, or
    mark it wrong. Each field changed is one correction; the machine's value is kept beside it."""
    return correct(request, "event", event_id, body)


@router.patch("/quotes/{quote_id}")
def patch_quote(request: Request, quote_id: Annotated[str, Path(max_length=120)], body: ReviewBody) -> dict[str, Any]:
    """Correct a quote's speaker, or mark it wrong."""
    return correct(request, "quote", quote_id, body)


@router.post("/story-events/{story_id}/split")
def split(request: Request, story_id: Annotated[str, Path(max_length=80)], body: Annotated[dict[str, Any], Body(
        description='{"author": "...", "reason": "...", "members": ["<doc id>-<event id>", ...]}')]) -> dict[str, Any]:
    """Take some member events out of a story event: they become a story event of their own."""
    db = db_of(request)
    author, reason = review.check_person(body.get("author"), body.get("reason"))
    s = Q.find_story(db.snapshot().reviewed, story_id)
    have = [review.event_key(src.doc_id, src.event_id) for src in s.sources]
    members = body.get("members")
    if not isinstance(members, list) or not members or any(m not in have for m in members):
        raise review.ReviewError("members", f"members must list some of this story event's events: {', '.join(have)}")
    if len(set(members)) == len(set(have)):
        raise review.ReviewError("members", "members lists every event of the story event: leave at least one")
    rows = db.write(lambda st: review.record(st, "story_event", s.id, {"split": {"members": members}},
                                             {"split": {"members": have}}, author, reason))
    return {"target": s.id, "corrections": rows}


@router.post("/story-events/{story_id}/merge")
def merge(request: Request, story_id: Annotated[str, Path(max_length=80)], body: Annotated[dict[str, Any], Body(
        description='{"author": "...", "reason": "...", "with": ["<story event id>", ...]}')]) -> dict[str, Any]:
    """Merge other story events into this one (recorded by their member events, which a story
    rebuild keeps, so the merge survives one)."""
    db = db_of(request)
    author, reason = review.check_person(body.get("author"), body.get("reason"))
    stories = db.snapshot().reviewed
    s = Q.find_story(stories, story_id)
    others = body.get("with")
    if not isinstance(others, list) or not others or not all(isinstance(o, str) for o in others):
        raise review.ReviewError("with", "with must list the ids of the story events to merge into this one")
    found = [Q.find_story(stories, o) for o in others]
    if any(o.id == s.id for o in found):
        raise review.ReviewError("with", "a story event cannot be merged with itself")
    members = [review.event_key(src.doc_id, src.event_id) for x in (s, *found) for src in x.sources]
    rows = db.write(lambda st: review.record(st, "story_event", s.id, {"merge": {"members": members,
                                             "stories": [s.id, *(o.id for o in found)]}}, {}, author, reason))
    return {"target": s.id, "corrections": rows}
