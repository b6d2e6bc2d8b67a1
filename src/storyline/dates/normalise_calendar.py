"""TIMEX3 values of expressions that name a calendar period: dates with or without their year
("November 9", "9 November 2020", "11/9"), ranges of days, decades, centuries and holidays.

Cascade for a date missing parts (``CalendarValues._calendar``):
1. a year, month and day the text gives are taken as they are;
2. a missing year comes from the document date, the reading nearest it that agrees with the
   clause's tense (``values.choose``);
3. without a document date the year stays unknown (``XXXX``).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from .find import Found
from .normalise_base import Frame, Reader, Value, _int
from .tense import FUTURE, PAST
from .values import (
    Point,
    choose,
    easter,
    nth_weekday,
    season_start,
    season_year,
)


class CalendarValues(Reader):
    """The calendar kinds of date expression (see the module docstring)."""

    def _calendar(self, f: Found, frame: Frame, tense: int) -> Value | None:
        year = self._year_of(f, frame)
        month = self._look(f, "month")
        day = _int(f.group("day"))
        weekday = self._look(f, "weekday")
        season = self._look(f, "season")
        pod = self._look(f, "pod")
        half = self._look(f, "half")
        ref = frame.ref
        anchor = None
        if half and (year or ref):
            y = year or ref.day.year  # type: ignore[union-attr]
            p = Point(date(y, 1 if half == "H1" else 7, 1), "half")
            return self._point(p, None if year else "document")
        if season:
            if year:
                return self._point(Point(season_start(year, season), "season"), None)
            if ref is None:
                return Value("DATE", f"XXXX-{season}", "season")
            cands = [Point(season_start(y, season), "season", ref.year_known)
                     for y in (season_year(ref.day) - 1, season_year(ref.day), season_year(ref.day) + 1)]
            return self._point(choose(cands, ref, tense))
        if month and day:
            try:
                if year:
                    p = Point(date(year, month, day), "day")
                elif ref is None:
                    return Value("DATE", f"XXXX-{month:02d}-{day:02d}", "day")
                else:
                    p = self._infer_month_day(ref, month, day, weekday, tense)
                    story = self._story_day(frame, month, day, p, tense)
                    p, anchor = (p, "document") if story is p else (story, "story")
            except ValueError:
                return None
            return self._point(self._with_pod(p, pod), anchor)
        if month:
            if year:
                return self._point(Point(date(year, month, 1), "month"), None)
            if ref is None:
                return Value("DATE", f"XXXX-{month:02d}", "month")
            cands = [Point(date(y, month, 1), "month", ref.year_known)
                     for y in (ref.day.year - 1, ref.day.year, ref.day.year + 1)]
            return self._point(choose(cands, ref, tense))
        if weekday:
            if ref is None:
                return Value("DATE", f"XXXX-WXX-{weekday}", "day")
            rel = self._look(f, "rel")
            p = self._weekday(ref, weekday, rel, tense, bool(f.group("rel")))
            return self._point(self._with_pod(p, pod))
        if year:
            return self._point(Point(date(year, 1, 1), "year"), None)
        return None

    def _numeric(self, f: Found, frame: Frame, tense: int) -> Value | None:
        year = int(f.group("year") or 0)
        if f.has("month_num"):  # year-month-day
            a, b = int(f.group("month_num") or 0), _int(f.group("day_num")) or 0
            month, day = a, b
        else:
            a, b = _int(f.group("day_num")) or 0, _int(f.group("day_num_2")) or 0
            sep = f.group("sep") or "."
            order = (frame.numeric_order or {}).get(sep) or self.r.numeric_order.get(sep, "dmy")
            if a > 12 >= b:
                order = "dmy"
            elif b > 12 >= a:
                order = "mdy"
            day, month = (a, b) if order == "dmy" else (b, a)
        try:
            return self._point(Point(date(year, month, day), "day"), None)
        except ValueError:
            return None

    def _range(self, f: Found, frame: Frame, tense: int) -> Value | None:
        y1 = int(f.group("year") or 0)
        if f.has("year_2"):
            y2 = int(f.group("year_2") or 0)
        else:
            short = int(f.group("num_year") or 0)
            y2 = y1 - y1 % 100 + short
            if y2 < y1:
                y2 += 100
        if y2 <= y1 or y2 - y1 > 100:
            return self._point(Point(date(y1, 1, 1), "year"), None)
        v = self._point(Point(date(y1, 1, 1), "year"), None)
        v.range_end = f"{y2:04d}"
        return v

    def _decade(self, f: Found, frame: Frame, tense: int) -> Value | None:
        if f.has("year"):
            y = int(f.group("year") or 0)
            return Value("DATE", f"{y // 10:03d}", "decade") if y % 10 == 0 else None
        if f.has("num_year"):
            yy = int(f.group("num_year") or 0)
        else:
            yy = int(self._look(f, "decadeword") or 0) * 10
        base = frame.ref.day.year if frame.ref and frame.ref.year_known else 1999
        century = base // 100 * 100
        y = century + yy if century + yy <= base else century - 100 + yy
        return Value("DATE", f"{y // 10:03d}", "decade")

    def _century(self, f: Found, frame: Frame, tense: int) -> Value | None:
        n = self._ordinal(f.group("ordinal"))
        if not n or n < 1:
            return None
        return Value("DATE", f"{n - 1:02d}", "century")

    def _holiday(self, f: Found, frame: Frame, tense: int) -> Value | None:
        spec = str(self._look(f, "holiday") or "")
        year = self._year_of(f, frame) if f.has("year") else None

        def on(y: int) -> date | None:
            parts = spec.split()
            if parts and parts[0] == "easter":
                return easter(y) + timedelta(days=int(parts[1]) if len(parts) > 1 else 0)
            if len(parts) == 3:
                return nth_weekday(y, int(parts[2]), int(parts[1]), int(parts[0]))
            m = re.fullmatch(r"(\d\d)-(\d\d)", spec)
            return date(y, int(m[1]), int(m[2])) if m else None

        if year:
            d = on(year)
            return self._point(Point(d, "day"), None) if d else None
        ref = frame.ref
        if ref is None or not ref.year_known:
            m = re.fullmatch(r"(\d\d)-(\d\d)", spec)
            return Value("DATE", f"XXXX-{spec}", "day") if m else None
        cands = [Point(d, "day") for y in (ref.day.year - 1, ref.day.year, ref.day.year + 1) if (d := on(y))]
        rel = self._look(f, "rel")
        if rel is not None and rel != 0:
            tense = PAST if rel < 0 else FUTURE
            cands = [c for c in cands if (c.day < ref.day if rel < 0 else c.day > ref.day)] or cands
        return self._point(choose(cands, ref, tense))

    # ------------------------------------------------------------ relative to the document date
