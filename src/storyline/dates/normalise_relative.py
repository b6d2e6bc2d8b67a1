"""TIMEX3 values of expressions counted from a reference: from the document date ("yesterday",
"last month", "two weeks ago", "next spring", "the third quarter") or from the last date the text
mentioned ("the next day", "a year earlier").

Cascade for a relative expression (``RelativeValues._relative`` and ``_offset``):
1. a named unit with a direction ("last month") is that unit shifted from the document date;
2. a count of units with "ago"/"later" is the document date shifted by the count;
3. without a document date the value is left to the document (anchor ``document``, no value).
Anaphoric expressions (``_anaphoric``) count from ``Frame.last`` instead.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from .find import Found
from .normalise_base import Frame, Reader, Value, coarse
from .tense import FUTURE, PAST
from .values import (
    UNIT_GRAN,
    Point,
    add_years,
    choose,
    quarter_start,
    season_start,
    season_year,
    shift,
    start_of,
)


class RelativeValues(Reader):
    """The relative and anaphoric kinds of date expression (see the module docstring)."""

    def _relative_day(self, f: Found, frame: Frame, tense: int) -> Value | None:
        ref = frame.ref
        if f.has("tonight"):
            spec = str(self._look(f, "tonight") or "")
            offset, pod = (-1, spec[1:]) if spec.startswith("-") else (0, spec)
        else:
            offset, pod = int(self._look(f, "rday") or 0), self._look(f, "pod")
        if ref is None:
            return Value("DATE", None, "day", "document")
        if coarse(ref):  # "yesterday" in a story dated only to its month: within that month
            return self._point(ref)
        p = shift(ref.at("day"), "D", offset)
        return self._point(self._with_pod(p, pod))

    def _relative(self, f: Found, frame: Frame, tense: int) -> Value | None:
        ref = frame.ref
        params = f.rule.params
        unit = self._look(f, "punit") or self._look(f, "period") or self._look(f, "unit") or params.get("unit")
        rel = self._look(f, "rel")
        rel = int(rel) if rel is not None else int(params.get("shift", 0))
        if params.get("comparison") and frame.last_quarter is not None:
            # "year-earlier results" beside a quarter's: that quarter a year before
            v = self._point(replace(frame.last_quarter, day=add_years(frame.last_quarter.day, rel)))
            v.memorable = False
            return v
        if params.get("month_day"):  # "year-end": a fixed day of this year
            month, day = (int(x) for x in str(params["month_day"]).split("-"))
            if ref is None:
                return Value("DATE", f"XXXX-{month:02d}-{day:02d}", "day")
            return self._point(Point(date(ref.day.year, month, day), "day", ref.year_known))
        if f.has("month"):
            return self._rel_month(f, frame, rel)
        if f.has("season"):
            return self._rel_season(f, frame, rel)
        if unit is None:
            return None
        mod = self._look(f, "earlier")
        if ref is None:
            return Value("DATE", None, UNIT_GRAN.get(unit, "day"), "document", mod)
        if unit == "WE":
            return self._weekend(ref, rel, tense)
        gran = UNIT_GRAN.get(unit, "day")
        p = shift(ref.at(gran), unit, rel)
        return Value("DATE", p.value, p.precision, "document", mod, point=p)

    def _rel_season(self, f: Found, frame: Frame, rel: int) -> Value | None:
        """"last spring" is the year before's spring; "this past spring" the last one over."""
        ref = frame.ref
        season = self._look(f, "season")
        if ref is None:
            return Value("DATE", f"XXXX-{season}", "season")
        if rel < 0 and re.match(r"this\s+past", (f.group("rel") or "").lower()):
            cands = [Point(season_start(y, season), "season", ref.year_known)
                     for y in (season_year(ref.day) - 1, season_year(ref.day))]
            past = [c for c in cands if c.day < start_of(ref, "season")]
            return self._point(max(past or cands, key=lambda c: c.day))
        return self._point(Point(season_start(ref.day.year + rel, season), "season", ref.year_known))

    def _weekend(self, ref: Point, rel: int, tense: int) -> Value:
        d = ref.day
        saturday = d + timedelta(days=5 - d.weekday())  # this week's Saturday
        if rel < 0 or (rel == 0 and tense == PAST and d.weekday() < 5):
            saturday -= timedelta(days=7)
        elif rel > 0:
            saturday += timedelta(days=7) if d.weekday() >= 5 else timedelta(0)
        p = Point(saturday, "weekend", ref.year_known)
        return self._point(p)

    def _rel_month(self, f: Found, frame: Frame, rel: int) -> Value | None:
        ref = frame.ref
        month = int(self._look(f, "month") or 0)
        if ref is None:
            return Value("DATE", f"XXXX-{month:02d}", "month")
        y = ref.day.year
        if rel < 0:
            y = y if month < ref.day.month else y - 1
        elif rel > 0:
            y = y if month > ref.day.month else y + 1
        return self._point(Point(date(y, month, 1), "month", ref.year_known))

    def _offset(self, f: Found, frame: Frame, tense: int) -> Value | None:
        n = self._count(f)
        unit = self._look(f, "anyunit")
        if unit is None or n is None:
            return None
        anchored_last = f.rule.params.get("anchor") == "last"
        sign = int(self._look(f, "later") if anchored_last else self._look(f, "ago") or -1)
        base = (frame.last or frame.ref) if anchored_last else frame.ref
        if isinstance(n, str):
            return Value("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", None, "document")
        if base is None:
            return Value("DATE", None, None, "document")
        gran = {"W": "day", "TH": "day", "TM": "day", "TS": "day"}.get(unit, UNIT_GRAN.get(unit, "day"))
        if unit == "Y" and n == 1 and frame.last_quarter is not None:
            base, gran = frame.last_quarter, "quarter"  # "a year earlier" beside a quarter's results
        elif anchored_last and base.gran in ("day", "month", "quarter") and unit in ("Y", "Q", "M"):
            gran = base.gran  # "a year earlier" than a day is that day a year before
        elif gran == "day" and base.gran not in ("day", "pod", "time"):
            gran = base.gran if base.gran != "week" else "day"
        if not float(n).is_integer():
            n = round(float(n) * {"Y": 12, "M": 30}.get(unit, 1))
            unit = {"Y": "M", "M": "D"}.get(unit, unit)
        p = shift(base.at(gran), unit, sign * int(n))
        return Value("DATE", p.value, p.precision, "last" if anchored_last else "document", point=p,
                     memorable=False)

    # ------------------------------------------------------------ quarters and financial periods

    def _quarter(self, f: Found, frame: Frame, tense: int) -> Value | None:
        ref = frame.ref
        n = self._ordinal(f.group("ordinal"))
        if n == -1:  # "the final quarter"
            n = 4
        if n is not None and not 1 <= n <= 4:
            return None
        year = self._year_of(f, frame) if f.has("year") else None
        year_shift = int(f.rule.params.get("year_shift", -1 if f.has("yearago") else 0))
        if year and n:
            return self._point(Point(quarter_start(year, n), "quarter"), None)
        if year:  # "the 1988 period": the quarter in question, that year
            if frame.last_quarter is not None:
                q = (frame.last_quarter.day.month - 1) // 3 + 1
                return self._point(Point(quarter_start(year, q), "quarter"), None)
            return self._point(Point(date(year, 1, 1), "year"), None)
        if ref is None:
            return Value("DATE", f"XXXX-Q{n}" if n else None, "quarter")
        if n and f.has("rel"):  # "the fourth quarter of last year"
            p = Point(quarter_start(ref.day.year + int(self._look(f, "rel") or 0), n), "quarter", ref.year_known)
        elif n:
            # quarters are reported after they end: the latest one not after the document's
            cands = [Point(quarter_start(y, n), "quarter", ref.year_known)
                     for y in (ref.day.year - 1, ref.day.year, ref.day.year + 1)]
            p = choose(cands, ref, PAST)
        else:  # "the quarter", "the latest quarter": the one being reported on
            p = frame.last_quarter or (ref.at("quarter") if tense == FUTURE else shift(ref.at("quarter"), "Q", -1))
        if year_shift:
            v = self._point(replace(p, day=add_years(p.day, year_shift)))
            v.memorable = False
            return v
        return self._point(p)

    # ------------------------------------------------------------ relative to the last date

    def _anaphoric(self, f: Found, frame: Frame, tense: int) -> Value | None:
        whole = f.extra.get("text", "").lower()
        base = frame.last or frame.ref
        if base is None:
            return Value("DATE", None, None, "last")
        unit = self._look(f, "punit") or self._look(f, "unit")
        if unit is None:
            m = re.search(r"\b(day|week|month|year|morning|afternoon|evening|night)\b", whole)
            word = m[1] if m else "day"
            unit = self.r.lookup("unit", word) or "D"
            pod = self.r.lookup("pod", word)
        else:
            pod = self._look(f, "pod")
        if f.has("pod"):
            unit, pod = "D", self._look(f, "pod")
        rel = self._look(f, "anaph")
        if rel is None:
            d = f.group("dir") or ""
            rel = -1 if d.lower() in ("before", "earlier") else 1 if d else 0
        rel = int(rel)
        if f.has("weekday"):
            wd = int(self._look(f, "weekday") or 1)
            p = self._weekday(base.at("day"), wd, rel, tense, True)
            return Value("DATE", p.value, p.precision, "last", point=p, memorable=False)
        if unit in ("TH", "TM", "TS"):
            unit = "D"
        gran = UNIT_GRAN.get(unit, "day")
        if gran == "day" and base.gran not in ("day", "pod", "time"):
            return Value("DATE", None, "day", "last")
        p = shift(base.at(gran), unit, rel)
        if pod:
            p = replace(p, gran="pod", pod=pod)
        return Value("TIME" if pod else "DATE", p.value, p.precision, "last", point=p, memorable=False)

    # ------------------------------------------------------------ times of day
