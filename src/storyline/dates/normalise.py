"""TIMEX3 values for the expressions found, counted from the document date.

Why one function per kind: each kind of pattern (see ``data/lexicons/dates.yaml``) means one way
of computing a value: a calendar date fills in what the text leaves out from the document date
and the clause's tense, a relative expression counts units from the document date, an anaphoric
one ("the next day") from the last date the text mentioned. ``Frame`` carries those references
through a document in reading order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from ..model import TimeExpression
from .find import Found
from .rules import DateRules
from .tense import FUTURE, PAST
from .values import (
    UNIT_GRAN,
    Point,
    add_years,
    choose,
    duration,
    easter,
    nth_weekday,
    parse_value,
    quarter_start,
    season_start,
    season_year,
    shift,
    start_of,
)


@dataclass
class Frame:
    """What relative expressions count from while a document is read."""

    ref: Point | None  # the document date
    last: Point | None = None  # the last date mentioned, for "the next day"
    last_quarter: Point | None = None  # the last quarter mentioned, for "the year-earlier quarter"
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


def _int(text: str | None) -> int | None:
    if text is None:
        return None
    m = re.match(r"\d+", text)
    return int(m[0]) if m else None


class Normaliser:
    def __init__(self, rules: DateRules):
        self.r = rules

    # ------------------------------------------------------------ entry point

    def value(self, f: Found, frame: Frame, tense: int) -> Value | None:
        method = getattr(self, "_" + f.kind)
        v: Value | None = method(f, frame, tense)
        if v is None:
            return None
        if f.mod and not v.mod:
            v.mod = f.mod
        if f.rule.params.get("mod") and not v.mod:
            v.mod = str(f.rule.params["mod"])
        if f.range_end and not v.range_end:
            v.range_end = f.range_end
        return v

    def _look(self, f: Found, name: str) -> Any:
        text = f.group(name)
        return None if text is None else self.r.lookup(name, text)

    def _point(self, p: Point, anchor: str | None = "document", type_: str = "DATE") -> Value:
        if p.gran in ("pod", "time"):
            type_ = "TIME"
        return Value(type_, p.value, p.precision, anchor, point=p)

    # ------------------------------------------------------------ calendar dates

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
                    anchor = "document"
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

    def _with_pod(self, p: Point, pod: str | None) -> Point:
        return replace(p, gran="pod", pod=pod) if pod else p

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

    def _weekday(self, ref: Point, weekday: int, rel: int | None, tense: int, has_rel: bool) -> Point:
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

    def _ordinal(self, text: str | None) -> int | None:
        if text is None:
            return None
        n = _int(text)
        if n is not None:
            return n
        v = self.r.lookup("ordinal", text)
        return int(v) if v is not None else None

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

    def _relative_day(self, f: Found, frame: Frame, tense: int) -> Value | None:
        ref = frame.ref
        if f.has("tonight"):
            spec = str(self._look(f, "tonight") or "")
            offset, pod = (-1, spec[1:]) if spec.startswith("-") else (0, spec)
        else:
            offset, pod = int(self._look(f, "rday") or 0), self._look(f, "pod")
        if ref is None:
            return Value("DATE", None, "day", "document")
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

    def _count(self, f: Found) -> float | str | None:
        text = f.group("num")
        return None if text is None else self.r.number(text)

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

    def _clock(self, f: Found, frame: Frame, tense: int) -> Value | None:
        ref = frame.ref
        if f.has("clockword"):
            clock = str(self._look(f, "clockword"))
        else:
            hour = _int(f.group("hour"))
            minute = _int(f.group("minute")) or 0
            if hour is None or hour > 24:
                return None
            ampm = self._look(f, "ampm")
            pod = self._look(f, "pod")
            if ampm == "PM" and hour < 12 or pod in ("AF", "EV") and hour < 12 or pod == "NI" and 6 <= hour < 12:
                hour += 12
            elif ampm == "AM" and hour == 12:
                hour = 0
            clock = f"{hour:02d}:{minute:02d}"
        tz = self._look(f, "tz")
        if ref is None:
            return Value("TIME", f"XXXX-XX-XXT{clock}", "time")
        # a bare clock time belongs to the day the text is talking about
        base = frame.last.at("day") if frame.last is not None and frame.last.gran in ("day", "pod", "time") \
            else ref.at("day")
        if f.has("weekday"):
            base = self._weekday(ref, int(self._look(f, "weekday") or 1), None, tense, False)
        elif f.has("rday"):
            base = shift(ref.at("day"), "D", int(self._look(f, "rday") or 0))
        if f.has("month") and f.has("day"):
            year = self._year_of(f, frame)
            try:
                base = Point(date(year, int(self._look(f, "month")), int(f.group("day") or 0)), "day") if year \
                    else self._infer_month_day(ref, int(self._look(f, "month")), int(f.group("day") or 0), None, tense)
            except ValueError:
                return None
        # the zone is kept apart: TIMEX3 values in news corpora are local clock times
        p = replace(base, gran="time", clock=clock, tz=None)
        v = Value("TIME", p.value, "time", "document", point=p)
        if tz is not None:
            v.anchor = f"document; zone {tz}"
        return v

    # ------------------------------------------------------------ durations, sets, references

    def _duration(self, f: Found, frame: Frame, tense: int) -> Value | None:
        unit = self._look(f, "anyunit") or self._look(f, "unit") or self._look(f, "units") or self._look(f, "period")
        whole = f.extra.get("text", "").lower()
        if unit is None:
            if re.search(r"some time|a while|long term|short time|long time", whole):
                return Value("DURATION", "PXY" if "long" in whole else "PXM" if "some" in whole else "PXD")
            return None
        n = self._count(f) if f.has("num") else float(f.rule.params.get("count", 0)) or "X"
        if f.rule.id == "duration_half":
            n = 1.5 if re.search(r"and a half", whole) else 0.5
        elif n is not None and not isinstance(n, str) and re.search(r"and an? half", whole):
            n = float(n) + 0.5
        if n is None:
            return None
        return Value("DURATION", duration(n, unit))

    def _set(self, f: Found, frame: Frame, tense: int) -> Value | None:
        if f.has("freq"):
            return Value("SET", str(self._look(f, "freq")))
        wd = self._look(f, "weekday") or self._look(f, "weekdays")
        if wd:
            return Value("SET", f"XXXX-WXX-{wd}")
        pod = self._look(f, "pod")
        if pod:
            return Value("SET", f"XXXX-XX-XXT{pod}")
        season = self._look(f, "season")
        if season:
            return Value("SET", f"XXXX-{season}")
        unit = self._look(f, "unit")
        if unit is None:
            return None
        n = 2 if re.search(r"\bother\b", f.extra.get("text", "").lower()) else 1
        return Value("SET", duration(float(n), unit))

    def _ref(self, f: Found, frame: Frame, tense: int) -> Value | None:
        v = self._look(f, "ref")
        return Value("DATE", str(v), None, "document") if v else None


def to_timex(f: Found, v: Value, text: str, sentence: int | None) -> TimeExpression:
    return TimeExpression(start=f.start, end=f.end, text=text[f.start:f.end], type=v.type, value=v.value,
                          precision=v.precision, mod=v.mod, anchor=v.anchor, range_end=v.range_end,
                          sentence=sentence)


def remember(frame: Frame, v: Value, narrative: bool = True) -> None:
    """Keep a resolved date as the reference of the anaphoric expressions that follow it (a value
    itself counted from another mention is not kept, so "a year earlier" twice stays one year).
    A date that only describes a thing (``narrative=False``: "the November 27 deal") still names
    the quarter under discussion ("third-quarter results") but does not move the narrative."""
    p = v.point or parse_value(v.value)
    if p is None or v.type not in ("DATE", "TIME") or not v.memorable:
        return
    if p.gran == "quarter":
        frame.last_quarter = p
    if narrative and p.gran in ("day", "pod", "time", "month", "year", "week"):
        frame.last = p


__all__ = ["Frame", "Normaliser", "Value", "remember", "to_timex", "start_of"]
