"""Dates as intervals of days, so that dates of any precision can be compared.

Why intervals: one outlet writes "in 1988", another "in February 1988", a third "on 20 February
1988". They do not disagree: each names a stretch of time, and two dates are compatible where
their stretches meet. A TIMEX3 value (``1988``, ``1988-02``, ``2014-SU``, ``2016-W14``,
``198X``, ``1992..1994``) becomes the first and last day it covers; ``PAST_REF`` and the like
become open-ended stretches bounded by the article's date. Values are read by
``dates.values.period``, the one reader the dates stage writes for (``1998-WI`` is December 1998
to February 1999).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from ..dates.values import RANGE, period
from ..model import DateValue

_MIN = date(1, 1, 1)
_MAX = date(9999, 12, 31)


@dataclass(frozen=True)
class Span:
    """A stretch of days, with how it was known: ``exact`` spans come from a stated date,
    the others from the article's date and the event's status only."""

    first: date
    last: date
    value: str | None = None
    precision: str | None = None
    exact: bool = True
    # the first and last day as day numbers: a busy year's story compares spans hundreds of
    # thousands of times, and integers compare without making a timedelta each time
    lo: int = field(init=False, repr=False, compare=False)
    hi: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "lo", self.first.toordinal())
        object.__setattr__(self, "hi", self.last.toordinal())

    def meets(self, other: Span, slack_days: int = 0) -> bool:
        return self.lo <= other.hi + slack_days and other.lo <= self.hi + slack_days

    def contains(self, other: Span) -> bool:
        return self.lo <= other.lo and other.hi <= self.hi

    @property
    def days(self) -> int:
        return self.hi - self.lo + 1

    def years(self) -> range:
        return range(self.first.year, self.last.year + 1)


def value_span(value: str | None, precision: str | None = None, anchor: date | None = None) -> Span | None:
    """The days a TIMEX3 value covers. ``PAST_REF``/``FUTURE_REF``/``PRESENT_REF`` need
    ``anchor`` (the article's date) and give inexact spans."""
    if not value:
        return None
    v = value.strip().upper()
    if v in ("PAST_REF", "FUTURE_REF", "PRESENT_REF"):
        if anchor is None:
            return None
        first, last = {"PAST_REF": (_MIN, anchor), "FUTURE_REF": (anchor, _MAX),
                       "PRESENT_REF": (anchor, anchor)}[v]
        return Span(first, last, value, precision, exact=False)
    if anchor is not None and (m := re.fullmatch(r"XXXX(-\d{2}(?:-\d{2})?)", v)):
        # a date without its year ("on November 9"): the latest such date up to the article's
        # date, the way a reader of the article takes it
        for year in (anchor.year, anchor.year - 1):
            got = period(f"{year}{m[1]}")
            if got and got[0] <= anchor:
                return Span(got[0], got[1], value, precision)
        return None
    got = period(v)
    if got is None:
        return None
    return Span(got[0], got[1], value, precision or ("range" if RANGE.match(v) else None))


def date_span(dv: DateValue | None, anchor: date | None = None) -> Span | None:
    """The days a resolved date covers; where the dater kept several candidates, the stretch
    from the first to the last of them (the date was a choice among them)."""
    if dv is None:
        return None
    span = value_span(dv.value, dv.precision, anchor)
    if span is None:
        return None
    others = [s for s in (value_span(c, None, anchor) for c in dv.candidates) if s is not None]
    if others:
        first = min([span.first] + [s.first for s in others])
        last = max([span.last] + [s.last for s in others])
        return Span(first, last, dv.value, dv.precision, exact=span.exact)
    return span


def parse_day(value: str | None) -> date | None:
    """A publication date's first day (``2020-11-12``, ``2020-11`` or ``2020``), or None."""
    span = value_span(value)
    return span.first if span and span.exact else None


def event_span(dv: DateValue | None, status: str, published: date | None, recent_days: int = 7) -> Span | None:
    """When an event can have happened: its own date where it has one; otherwise what its
    status and the article's date allow (reported news: the days just before publication;
    history: any time before it; plans and hopes: any time after it). None where nothing is known."""
    span = date_span(dv, published)
    if span is not None:
        return span
    if published is None:
        return None
    if status == "reported":
        return Span(published - timedelta(days=recent_days), published, None, None, exact=False)
    if status == "historical":
        return Span(_MIN, published, None, None, exact=False)
    return Span(published, _MAX, None, None, exact=False)


def agreement(a: Span | None, b: Span | None, slack_days: int = 0) -> float | None:
    """How strongly two spans say "the same time": None where they cannot both be true (a
    hard no), 1.0 for the same stated date, less for a date inside another's stretch or days
    apart, 0.0 where one side only knows the article's date."""
    if a is None or b is None:
        return 0.0
    fine = a.hi - a.lo < 1 and b.hi - b.lo < 1
    if not a.meets(b, slack_days if fine else 0):
        return None
    if not (a.exact and b.exact):
        return 0.0
    if a.lo == b.lo and a.hi == b.hi:
        return 1.0
    wide = a if a.contains(b) else b if b.contains(a) else None
    if wide is not None and not _is_range(wide.value):
        return 0.6  # "1988" and "February 1988": one outlet is more precise
    return 0.4  # a year inside "1992-1994" (a period, not the moment), or stretches that overlap


def _is_range(value: str | None) -> bool:
    return bool(value and RANGE.match(value.strip()))


def finest(values: list[DateValue]) -> DateValue | None:
    """The date a story event shows: the most precise stated date, the earliest among equals."""
    spans = [(date_span(v), v) for v in values]
    known = [(s, v) for s, v in spans if s is not None and s.exact]
    if not known:
        return values[0] if values else None
    known.sort(key=lambda sv: (sv[0].days, sv[0].first, sv[1].value))
    return known[0][1]
