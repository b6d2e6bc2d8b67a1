"""Calendar arithmetic on TIMEX3 values.

Why a module of its own: every normaliser counts in the same units (days, weeks, months,
quarters, seasons, years, decades) and writes the same value shapes, and a document whose year
is unknown still needs "yesterday" counted. A ``Point`` is a day plus the granularity the value is
written at; an unknown year is carried as ``year_known=False`` and written ``XXXX``.

This is the one reader of value strings: ``parse_value`` gives the point a value starts at and
``period`` the first and last day it covers; the story layer, the query filters, the command-line
``--from``/``--to`` and the evaluation format all read values through it, so a season, a week or
a decade means the same stretch of days everywhere. A winter is written with the year it starts
in (``fmt``/``season_year``: December 1998 and February 1999 are both ``1998-WI``), so
``1998-WI`` is December 1998 to February 1999. A value the calendar cannot hold (year 0, a year
past 9999) reads as None, never an exception.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

#: A year used to count in when the document's year is unknown (a leap year, so 29 February fits).
PLACEHOLDER_YEAR = 2000

SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
SEASONS = ("WI", "SP", "SP", "SP", "SU", "SU", "SU", "FA", "FA", "FA", "WI", "WI")  # by month - 1

#: Granularities from the coarsest to the finest, and the precision names of model.PRECISIONS.
PRECISION = {"century": "century", "decade": "decade", "year": "year", "half": "quarter",
             "season": "season", "quarter": "quarter", "month": "month", "week": "week",
             "weekend": "week", "day": "day", "pod": "time", "time": "time"}


@dataclass(frozen=True)
class Point:
    """A day and the granularity it stands for (a month is its first day at ``month``)."""

    day: date
    gran: str = "day"
    year_known: bool = True
    pod: str | None = None  # part of day: MO, AF, EV, NI
    clock: str | None = None  # "19:15"
    tz: str | None = None

    def at(self, gran: str) -> Point:
        return replace(self, gran=gran, pod=None, clock=None, tz=None)

    @property
    def value(self) -> str:
        return fmt(self)

    @property
    def precision(self) -> str:
        return PRECISION.get(self.gran, "day")


def _year(p: Point) -> str:
    return f"{p.day.year:04d}" if p.year_known else "XXXX"


def fmt(p: Point) -> str:
    """The TIMEX3 value of a point at its granularity."""
    d, g, y = p.day, p.gran, _year(p)
    if g == "century":
        return y[:2] if p.year_known else "XX"
    if g == "decade":
        return y[:3] if p.year_known else "XXX"
    if g == "year":
        return y
    if g == "half":
        return f"{y}-H{1 if d.month <= 6 else 2}"
    if g == "quarter":
        return f"{y}-Q{(d.month - 1) // 3 + 1}"
    if g == "season":
        return f"{season_year(d) if p.year_known else 'XXXX'}-{SEASONS[d.month - 1]}"
    if g == "month":
        return f"{y}-{d.month:02d}"
    if g in ("week", "weekend"):
        iso_y, iso_w, _ = d.isocalendar()
        yy = f"{iso_y:04d}" if p.year_known else "XXXX"
        return f"{yy}-W{iso_w:02d}" + ("-WE" if g == "weekend" else "")
    day = f"{y}-{d.month:02d}-{d.day:02d}"
    if g == "pod" and p.pod:
        return f"{day}T{p.pod}"
    if g == "time" and p.clock:
        tz = "" if not p.tz else ("Z" if p.tz == "Z" else f"{p.tz}")
        return f"{day}T{p.clock}{tz}"
    return day


def season_year(d: date) -> int:
    """Winter belongs to the year it starts in (December 1998 and January 1999 are 1998-WI)."""
    return d.year - 1 if d.month <= 2 else d.year


def season_start(year: int, season: str) -> date:
    return date(year, SEASON_MONTH[season], 1)


def quarter_start(year: int, q: int) -> date:
    return date(year, 3 * (q - 1) + 1, 1)


def add_months(d: date, n: int) -> date:
    m = d.month - 1 + n
    y = d.year + m // 12
    m = m % 12 + 1
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def add_years(d: date, n: int) -> date:
    y = d.year + n
    return date(y, d.month, min(d.day, calendar.monthrange(y, d.month)[1]))


def shift(p: Point, unit: str, n: int) -> Point:
    """The point ``n`` units (D, W, M, Q, Y, DE, CE, TH, TM, TS, SE(ason), H(alf)) away."""
    d = p.day
    if unit == "D":
        d = d + timedelta(days=n)
    elif unit in ("W", "WE"):
        d = d + timedelta(weeks=n)
    elif unit == "M":
        d = add_months(d, n)
    elif unit == "Q" or unit == "SE":
        d = add_months(d, 3 * n)
    elif unit == "H":
        d = add_months(d, 6 * n)
    elif unit == "Y":
        d = add_years(d, n)
    elif unit == "DE":
        d = add_years(d, 10 * n)
    elif unit == "CE":
        d = add_years(d, 100 * n)
    elif unit == "ML":
        d = add_years(d, 1000 * n)
    elif unit == "TH":
        d = d + timedelta(days=round(n / 24)) if abs(n) >= 24 else d
    return replace(p, day=d)


#: The granularity a unit of a relative expression is written at ("last week" is a week).
UNIT_GRAN = {"D": "day", "W": "week", "WE": "weekend", "M": "month", "Q": "quarter", "Y": "year",
             "DE": "decade", "CE": "century", "ML": "century", "SE": "season", "H": "half",
             "TH": "day", "TM": "day", "TS": "day"}


def start_of(p: Point, gran: str) -> date:
    """The first day of the period of ``gran`` that holds the point."""
    d = p.day
    if gran in ("week", "weekend"):
        return d - timedelta(days=d.weekday())
    if gran == "month":
        return d.replace(day=1)
    if gran == "quarter":
        return quarter_start(d.year, (d.month - 1) // 3 + 1)
    if gran == "half":
        return date(d.year, 1 if d.month <= 6 else 7, 1)
    if gran == "season":
        sy = season_year(d)
        return season_start(sy, SEASONS[d.month - 1])
    if gran == "year":
        return date(d.year, 1, 1)
    if gran == "decade":
        return date(d.year - d.year % 10, 1, 1)
    if gran == "century":
        return date(d.year - d.year % 100, 1, 1)
    return d


_VALUE = re.compile(r"^(?P<y>\d{4}|XXXX)(?:-(?P<m>\d\d)(?:-(?P<d>\d\d))?)?(?:T(?P<t>[\w:]+))?$")
_WEEK = re.compile(r"^(?P<y>\d{4})-W(?P<w>\d\d)")
_QUARTER = re.compile(r"^(?P<y>\d{4})-(?P<k>Q|H)(?P<n>\d)$")
_SEASON = re.compile(r"^(?P<y>\d{4})-(?P<s>SP|SU|FA|WI)$")


def parse_value(value: str | None) -> Point | None:
    """A point for a TIMEX3 value (``1998-11-20T19:30``, ``XXXX-07-27``, ``1989-Q3`` ...);
    None for values that name no point (durations, PRESENT_REF, decades) or that the calendar
    cannot hold (``0000``)."""
    if not value:
        return None
    try:
        return _parse_value(value)
    except (ValueError, OverflowError):
        return None


def _parse_value(value: str) -> Point | None:
    m = _VALUE.match(value)
    if m:
        known = m["y"] != "XXXX"
        y = int(m["y"]) if known else PLACEHOLDER_YEAR
        if m["d"]:
            return Point(date(y, int(m["m"]), int(m["d"])), "day", known)
        if m["m"]:
            mo = int(m["m"])
            return Point(date(y, mo, 1), "month", known) if 1 <= mo <= 12 else None
        return Point(date(y, 1, 1), "year", known)
    m = _WEEK.match(value)
    if m:
        return Point(date.fromisocalendar(int(m["y"]), int(m["w"]), 1), "week")
    m = _QUARTER.match(value)
    if m:
        n = int(m["n"])
        if m["k"] == "Q" and 1 <= n <= 4:
            return Point(quarter_start(int(m["y"]), n), "quarter")
        if m["k"] == "H" and n in (1, 2):
            return Point(date(int(m["y"]), 1 if n == 1 else 7, 1), "half")
        return None
    m = _SEASON.match(value)
    if m:
        return Point(season_start(int(m["y"]), m["s"]), "season")
    return None


_DECADE = re.compile(r"^(?P<d>\d{3})X?$")  # 199 or 199X
_CENTURY = re.compile(r"^(?P<c>\d{2})(?:XX)?$")  # 19 or 19XX
RANGE = re.compile(r"^(.+?)(?:\.\.|/)(.+)$")  # 1992..1994, 1992/1994
_CLOCK = re.compile(r"^\d{4}-\d\d-\d\dT")
#: Months a period of each granularity spans after its first month.
_MONTHS_AFTER = {"month": 0, "quarter": 2, "season": 2, "half": 5, "year": 11}


def period(value: str | None) -> tuple[date, date] | None:
    """The first and last day a value covers: a day (with or without a time) itself, a week its
    seven days (``-WE``: its Saturday and Sunday), a month, quarter, half, season or year its
    months, a decade (``199``, ``199X``) or century (``19``, ``19XX``) its years, a range
    (``1992..1994``) from the first day of one end to the last of the other. None for values
    that name no stretch of the calendar: durations, ``PRESENT_REF``, a date without its year
    (``XXXX-11-09``), a year the calendar cannot hold."""
    if not value:
        return None
    v = value.strip().upper()
    try:
        if m := RANGE.match(v):
            a, b = _single_period(m[1]), _single_period(m[2])
            return (min(a[0], b[0]), max(a[1], b[1])) if a and b else None
        return _single_period(v)
    except (ValueError, OverflowError):
        return None


def _single_period(v: str) -> tuple[date, date] | None:
    if _CLOCK.match(v):  # a time of day, with any zone: its day
        v = v[:10]
    if m := _DECADE.match(v):
        y = int(m["d"]) * 10
        return date(max(y, 1), 1, 1), date(y + 9, 12, 31)
    if m := _CENTURY.match(v):
        y = int(m["c"]) * 100
        return date(max(y, 1), 1, 1), date(y + 99, 12, 31)
    p = parse_value(v)
    if p is None or not p.year_known:
        return None
    if p.gran == "week":
        if v.endswith("-WE"):
            return p.day + timedelta(days=5), p.day + timedelta(days=6)
        return p.day, p.day + timedelta(days=6)
    if p.gran in _MONTHS_AFTER:
        last = add_months(p.day, _MONTHS_AFTER[p.gran])
        return p.day, last.replace(day=calendar.monthrange(last.year, last.month)[1])
    return p.day, p.day


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th ``weekday`` (1 = Monday) of a month; n = -1 is the last one."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - 1 - first.weekday()) % 7 + 7 * (n - 1))
    last = date(year, month, calendar.monthrange(year, month)[1])
    return last - timedelta(days=(last.weekday() - (weekday - 1)) % 7)


def easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    lv = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * lv) // 451
    month = (h + lv - 7 * m + 114) // 31
    day = (h + lv - 7 * m + 114) % 31 + 1
    return date(year, month, day)


#: How many days' distance a reading against the clause's tense costs (see ``choose``).
TENSE_PENALTY_DAYS = 200


def choose(candidates: list[Point], ref: Point, direction: int, penalty: int = TENSE_PENALTY_DAYS) -> Point:
    """Of the readings of an expression with no year, the one nearest the reference, where a
    reading against the clause's tense (a later date in a past clause) counts as ``penalty``
    days further: "Nov. 17" in a late-October story is next month even in a past clause, but
    "March" in a past clause in October is last March. Compared at the candidates' granularity.
    A ``direction`` beyond 1 (-2, ``tense.ENDED``) admits only readings that way."""
    gran = candidates[0].gran
    here = start_of(ref, gran)
    if abs(direction) > 1:  # strictly one way (tense.ENDED): a reading the other way is out
        penalty = 100_000

    def cost(c: Point) -> tuple[int, bool]:
        start = start_of(c, gran)
        days = abs((start - here).days)
        if (direction < 0 and start > here) or (direction > 0 and start < here):
            days += penalty
        return days, start > here

    return min(candidates, key=cost)


#: Units ISO 8601 durations lack, written in the ones it has (a quarter is three months).
IN_ISO_UNITS = {"Q": (3, "M"), "DE": (10, "Y"), "CE": (100, "Y"), "ML": (1000, "Y")}


def duration(n: float | str, unit: str) -> str:
    """ISO 8601 duration: ``P6M``, ``PT6H``, ``PXY``; quarters, decades and centuries in months and
    years (``P9M``, ``P20Y``); fractions go one unit down (``P2Y6M``)."""
    if unit in IN_ISO_UNITS:
        k, u = IN_ISO_UNITS[unit]
        return duration(n if isinstance(n, str) else float(n) * k, u)
    if isinstance(n, float) and not n.is_integer():
        down = {"Y": (12, "M"), "M": (30, "D"), "W": (7, "D"), "D": (24, "TH"), "TH": (60, "TM"),
                "TM": (60, "TS"), "DE": (10, "Y"), "CE": (100, "Y"), "Q": (3, "M")}
        if unit in down:
            k, u = down[unit]
            whole, part = int(n), round((n - int(n)) * k)
            if whole == 0:
                return duration(float(part), u)
            # "2 1/2 years" is P2Y6M, "5 1/2 hours" PT5H30M
            head = duration(float(whole), unit)
            tail = duration(float(part), u)[1:]
            if tail.startswith("T") and "T" in head:
                tail = tail[1:]
            return head + tail
    count = n if isinstance(n, str) else str(int(n))
    if unit.startswith("T"):
        return f"PT{count}{unit[1:]}"
    return f"P{count}{unit}"
