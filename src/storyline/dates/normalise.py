"""TIMEX3 values for the expressions found, counted from the document date.

Why one function per kind: each kind of pattern (see ``data/lexicons/dates.yaml``) means one way
of computing a value: a calendar date fills in what the text leaves out from the document date
and the clause's tense, a relative expression counts units from the document date, an anaphoric
one ("the next day") from the last date the text mentioned. ``Frame`` carries those references
through a document in reading order.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from ..model import TimeExpression
from .find import Found
from .normalise_base import Frame, Value, _int, coarse
from .normalise_calendar import CalendarValues
from .normalise_relative import RelativeValues
from .values import (
    Point,
    duration,
    parse_value,
    shift,
    start_of,
)


class Normaliser(CalendarValues, RelativeValues):
    """One method per kind of pattern (``_`` + the kind): the calendar kinds come from
    ``CalendarValues``, the relative ones from ``RelativeValues``; times, durations and sets are here."""

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
            else (ref if coarse(ref) else ref.at("day"))
        if coarse(base) and not (f.has("month") and f.has("day")):
            return self._point(base)  # "at 7 pm" in a story dated only to its month: that month
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
        if not v:
            return None
        # "now" is the moment of speaking (the news day), "currently" a stretch around the story
        said = " ".join((f.group("ref") or "").lower().split())
        return Value("DATE", str(v), None, MOMENT if said in self.r.moment_refs else "document")


#: The anchor of a present reference that names the moment of speaking ("now").
MOMENT = "moment"


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
    if narrative and p.gran == "day" and v.anchor is None and p.year_known:
        frame.told_day = p  # "on November 15, 2017": a day with its year in the words


__all__ = ["Frame", "Normaliser", "Value", "remember", "to_timex", "start_of"]
