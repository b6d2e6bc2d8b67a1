"""A Document as the evaluation format of ``../shared/eval/FORMAT.md`` (what ``score.py`` reads).

Why a separate shape: the evaluation asks for one flat object per article, with actors as
``{name, country}`` and dates as ``YYYY[-MM[-DD]]`` strings; the data model keeps far more (codes,
sectors, offsets of every mention). Fields the stages have not filled stay empty or null.
"""

from __future__ import annotations

import re
from typing import Any

from ..model import ActorRef, DateValue, Document, Event, Quote

#: The date strings the format accepts: a year, a month, a day, or a range of them ("A..B").
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def date_string(value: str | None) -> str | None:
    """A TIMEX3 value as the format writes it, or None where it is no calendar date
    (``PAST_REF``, ``XXXX-11-12``, ``2014-SU``): a value the scorer cannot read is no answer."""
    if not value:
        return None
    parts = value.split("..")
    if len(parts) > 2 or not all(_DATE.fullmatch(p) for p in parts):
        return None
    return value


def _date(value: DateValue | None) -> str | None:
    return date_string(value.value) if value else None


def actor(ref: ActorRef | None) -> dict[str, Any] | None:
    if ref is None:
        return None
    return {"name": ref.name, "country": ref.country}


def event(e: Event) -> dict[str, Any]:
    return {
        "when": _date(e.date),
        "who": [actor(r) for r in e.source],
        "whom": [actor(r) for r in e.target],
        "what": e.what,
        "cameo": e.cameo,
        "where": e.location,
        "status": e.status,
        "evidence": e.evidence,
        "start": e.start,
        "end": e.end,
    }


def quote(q: Quote) -> dict[str, Any]:
    speaker = actor(q.speaker) or ({"name": q.speaker_description} if q.speaker_description else None)
    return {"speaker": speaker, "text": q.text, "start": q.start, "end": q.end}


def to_eval(doc: Document) -> dict[str, Any]:
    """The evaluation object of one article; ``doc`` is its file name or JSON Lines id."""
    published = None
    if doc.published and date_string(doc.published.value):
        published = {"date": doc.published.value, "precision": doc.published.precision}
    return {
        "doc": doc.name,
        "publisher": doc.publisher,
        "published": published,
        "dateline": doc.dateline,
        "events": [event(e) for e in doc.events],
        "quotes": [quote(q) for q in doc.quotes if q.kind != "reported"],  # a speaker's own words only
    }
