"""What every kind of date expression's normaliser shares: the ``Frame`` a document is read
in, the ``Value`` a normaliser gives, and ``Reader``, the helpers the kinds share (the year an
expression names, a weekday or month-day counted from a reference, parts of the day, ordinals and
counts). The kinds themselves: ``normalise_calendar`` (dates that name a calendar period),
``normalise_relative`` (dates counted from the document date or the last date mentioned) and
``normalise`` (times, durations, sets, and the entry point ``Normaliser.value``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from .find import Found
from .rules import DateRules
from .tense import FUTURE
from .values import (
    Point,
    choose,
)


@dataclass
class Frame:
    """What relative expressions count from while a document is read."""

    ref: Point | None  # the document date
    last: Point | None = None  # the last date mentioned, for "the next day"
    last_quarter: Point | None = None  # the last quarter mentioned, for "the year-earlier quarter"
    #: the last day mentioned with its year in the words ("November 15, 2017"), for a later day told
    #: without one in a story of an earlier year (``Reader._story_day``)
    told_day: Point | None = None
    numeric_order: dict[str, str] | None = None  # the document's own d/m order per separator


@dataclass
class Value:
    type: str
    value: str | None
    precision: str | None = None
    anchor: str | None = None
    mod: str | None = None
    range_end: str | None = None
    point: Point | None = None
    memorable: bool = True  # False for values counted from another mention ("the next day")


#: How many days after a day given with its year a day without one may lie and still continue
#: its story (``Reader._story_day``).
STORY_DAYS = 92

#: Granularities that name one day (or a part of it): a weekday or "yesterday" counts from these.
DAY_GRANS = frozenset({"day", "pod", "time"})


def coarse(ref: Point) -> bool:
    """A reference known only to its month or year: the day a weekday or "yesterday" counts from
    is unknown (its first day is no better guess than its last), so such an expression can only be
    placed in the reference's own period."""
    return ref.gran not in DAY_GRANS


def _int(text: str | None) -> int | None:
    if text is None:
        return None
    m = re.match(r"\d+", text)
    return int(m[0]) if m else None


class Reader:
    """The lexicon-backed helpers every kind's normaliser uses."""

    def __init__(self, rules: DateRules):
        self.r = rules

    def _look(self, f: Found, name: str) -> Any:
        text = f.group(name)
        return None if text is None else self.r.lookup(name, text)

    def _point(self, p: Point, anchor: str | None = "document", type_: str = "DATE") -> Value:
        if p.gran in ("pod", "time"):
            type_ = "TIME"
        return Value(type_, p.value, p.precision, anchor, point=p)

    # ------------------------------------------------------------ shared by several kinds

    def _year_of(self, f: Found, frame: Frame) -> int | None:
        if f.has("year"):
            return int(f.group("year") or 0)
        if f.has("century_word"):
            n = self.r.number(f.group("num") or "")
            return int(self._look(f, "century_word") or 0) * 100 + int(n) if isinstance(n, float) else None
        if f.has("yy"):
            yy = int((f.group("yy") or "")[-2:])
            base = frame.ref.day.year if frame.ref and frame.ref.year_known else 2000
            cands = [c * 100 + yy for c in (base // 100 - 1, base // 100)]
            return min(c for c in cands if c <= base + 10) if any(c <= base + 10 for c in cands) else cands[0]
        if f.rule.params.get("rel_year") and f.has("rel") and frame.ref and frame.ref.year_known:
            return frame.ref.day.year + int(self._look(f, "rel") or 0)
        return None

    def _with_pod(self, p: Point, pod: str | None) -> Point:
        return replace(p, gran="pod", pod=pod) if pod and not coarse(p) else p

    def _infer_month_day(self, ref: Point, month: int, day: int, weekday: int | None, tense: int) -> Point:
        cands = []
        for y in (ref.day.year - 1, ref.day.year, ref.day.year + 1):
            try:
                cands.append(Point(date(y, month, day), "day", ref.year_known))
            except ValueError:
                continue
        if weekday and ref.year_known:
            agree = [c for c in cands if c.day.isoweekday() == weekday]
            if agree:
                return min(agree, key=lambda c: abs((c.day - ref.day).days))
        if not cands:
            raise ValueError("no such day")
        return choose(cands, ref, tense)

    def _story_day(self, frame: Frame, month: int, day: int, got: Point, tense: int) -> Point:
        """"The army moved on November 15, 2017. Mugabe resigned on November 21", told in
        September 2019: a day without its year that would lie after the story, in a clause not told
        as ahead, continues the story of the day last given with its year, when it falls within
        ``STORY_DAYS`` after it; otherwise the reading ``got`` stands."""
        told, ref = frame.told_day, frame.ref
        if told is None or ref is None or tense == FUTURE or got.day <= ref.day or told.day.year >= ref.day.year:
            return got
        try:
            then = date(told.day.year, month, day)
        except ValueError:
            return got
        return Point(then, "day") if 0 <= (then - told.day).days <= STORY_DAYS else got

    def _weekday(self, ref: Point, weekday: int, rel: int | None, tense: int, has_rel: bool) -> Point:
        if coarse(ref):  # "on Wednesday" in a story dated only "July 2023": some day of that month
            return ref
        d = ref.day
        back = (d.isoweekday() - weekday) % 7  # days since the last such weekday (0: today)
        ahead = (weekday - d.isoweekday()) % 7
        if has_rel and rel is not None:
            if rel < 0:
                return replace(ref.at("day"), day=d - timedelta(days=back or 7))
            if rel > 0:
                return replace(ref.at("day"), day=d + timedelta(days=ahead or 7))
            monday = d - timedelta(days=d.weekday())
            return replace(ref.at("day"), day=monday + timedelta(days=weekday - 1))
        if tense == FUTURE:
            return replace(ref.at("day"), day=d + timedelta(days=ahead))
        # news reports the past: a bare weekday is this week's or last week's, unless the
        # clause is in the future tense
        return replace(ref.at("day"), day=d - timedelta(days=back))

    def _ordinal(self, text: str | None) -> int | None:
        if text is None:
            return None
        n = _int(text)
        if n is not None:
            return n
        v = self.r.lookup("ordinal", text)
        return int(v) if v is not None else None

    def _count(self, f: Found) -> float | str | None:
        text = f.group("num")
        return None if text is None else self.r.number(text)
