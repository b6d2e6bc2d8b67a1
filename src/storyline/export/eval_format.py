"""A Document as the evaluation format of ``../shared/eval/FORMAT.md`` (what ``score.py`` reads).

Why a separate shape: the evaluation asks for one flat object per article, with actors as
``{name, country}`` and dates as ``YYYY[-MM[-DD]]`` strings; the data model keeps far more (codes,
sectors, offsets of every mention). Fields the stages have not filled stay empty or null.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ..dates.values import add_months, parse_value, start_of
from ..model import ActorRef, DateValue, Document, Event, Quote

#: The date strings the format accepts: a year, a month, a day, or a range of them ("A..B").
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def date_string(value: str | None) -> str | None:
    """A TIMEX3 value as the format writes it, or None where it is no calendar date
    (``PAST_REF``, ``XXXX-11-12``): a value the scorer cannot read is no answer. A time is
    written as its day (``2019-09-14T04:00`` as ``2019-09-14``), a week as its days
    (``2020-W01`` as ``2019-12-30..2020-01-05``), a quarter, half or season as its months
    (``2014-SU`` as ``2014-06..2014-08``): the format knows days, months and years only."""
    if not value:
        return None
    parts = value.split("..")
    if len(parts) == 1:
        value = _calendar(value) or value
        parts = value.split("..")
    if len(parts) > 2 or not all(_DATE.fullmatch(p) for p in parts):
        return None
    return value


def _calendar(value: str) -> str | None:
    """The days or months of a time, week, quarter, half or season value; None for others."""
    p = parse_value(value)
    if p is None or not p.year_known:
        return None
    if "T" in value and p.gran == "day":
        return p.day.isoformat()
    if p.gran in ("week", "weekend"):
        weekend = p.gran == "weekend" or value.endswith("-WE")
        first = start_of(p, "week") + dt.timedelta(days=5 if weekend else 0)
        last = start_of(p, "week") + dt.timedelta(days=6)
        return f"{first.isoformat()}..{last.isoformat()}"
    months = {"quarter": 3, "season": 3, "half": 6}.get(p.gran)
    if months:
        last = add_months(p.day, months - 1)
        return f"{p.day:%Y-%m}..{last:%Y-%m}"
    return None


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
        published = {"date": date_string(doc.published.value), "precision": doc.published.precision}
    return {
        "doc": doc.name,
        "publisher": doc.publisher,
        "published": published,
        "dateline": doc.dateline,
        "events": [event(e) for e in doc.events],
        "quotes": [quote(q) for q in doc.quotes if q.kind != "reported"],  # a speaker's own words only
    }
