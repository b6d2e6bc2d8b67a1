"""The dates stage: temporal expressions found and normalised, and the document date resolved.

Order inside the stage: find the expressions (``find``), resolve the document's own date from
what cleaning found and what the text says (``document``), then give every expression its TIMEX3
value counted from that date, in reading order so that "the next day" follows the last date
mentioned (``normalise``). ``anchor.date_for_clause`` then dates any clause for the quotes and
events stages.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from datetime import date, timedelta
from typing import Any

from ..clean.metadata import MONTH_FIRST_COUNTRIES
from ..clean.outlets import bundled_outlets
from ..model import Document, TimeExpression
from ..pipeline import Context, stage
from .find import Found, find
from .happenings import weekdays_on_happenings
from .normalise import Frame, Normaliser, remember, to_timex
from .rules import DateRules, rules_for
from .tense import ENDED, FUTURE, PAST, UNKNOWN, direction, expression_span, governing_verb
from .values import Point, parse_value

log = logging.getLogger(__name__)


def _word_before(text: str, start: int) -> str:
    m = re.search(r"(\w+)\W*$", text[max(0, start - 25):start])
    return m[1].lower() if m else ""


def _attributive(sdoc: Any, start: int, end: int) -> bool:
    """A date that describes a noun ("the November 27 maritime deal", "the 1995 shooting") names
    that thing, not the time the narrative has reached: "the following day" counts from the
    narrative's last date, not from it."""
    span = expression_span(sdoc, start, end)
    if span is None:
        return False
    root = span.root
    return root.dep_ in ("compound", "nmod", "amod", "nummod") and root.head.pos_ in ("NOUN", "PROPN") \
        and root.head not in span


def numeric_order(found: list[Found]) -> dict[str, str]:
    """The day/month order a document's own numeric dates show (a part over 12 decides)."""
    votes: dict[str, dict[str, int]] = {}
    for f in found:
        if f.kind != "numeric" or not f.has("day_num_2"):
            continue
        a, b = int(f.group("day_num") or 0), int(f.group("day_num_2") or 0)
        sep = f.group("sep") or "."
        order = "dmy" if a > 12 >= b else "mdy" if b > 12 >= a else None
        if order:
            votes.setdefault(sep, {}).setdefault(order, 0)
            votes[sep][order] += 1
    return {sep: max(v, key=lambda k: v[k]) for sep, v in votes.items()}


def _country_order(publisher: str | None) -> str | None:
    """The numeric date order of the outlet's country (the outlet table), where the lexicon
    names no habit of the outlet's own: month first in the United States, day first elsewhere."""
    outlet = bundled_outlets().get(publisher)
    if outlet is None or outlet.country is None:
        return None
    return "mdy" if outlet.country in MONTH_FIRST_COUNTRIES else "dmy"


def normalise_all(doc: Document, found: list[Found], rules: DateRules, ref_value: str | None,
                  sdoc: Any = None) -> list[TimeExpression]:
    """TIMEX3 records for the expressions found, counted from the document date ``ref_value``."""
    norm = Normaliser(rules)
    order = numeric_order(found)
    outlet = rules.outlet_order.get((doc.publisher or "").lower()) or _country_order(doc.publisher)
    if outlet:  # the outlet's habit, where the document's own dates do not show it
        order = {sep: order.get(sep, outlet) for sep in (".", "/", "-")}
    frame = Frame(parse_value(ref_value), numeric_order=order)
    out: list[TimeExpression] = []
    values = []
    for f in found:
        told = tense = direction(sdoc, f.start, f.end, rules.future_cues)
        if tense == PAST and _word_before(doc.text, f.start) in rules.nearest_cues:
            tense = ENDED if _ended_state(sdoc, f.start, f.end, rules) else UNKNOWN
        cues = rules.deadline_cues + (() if told == PAST else rules.open_deadline_cues)
        if tense != ENDED and _deadline_weekday(doc.text, f, cues) and not _past_perfect(sdoc, f.start, f.end):
            tense = FUTURE
        v = _value(norm, f, frame, tense, doc.name)
        if v is not None and values and values[-1] is not None and f.start - found[len(values) - 1].end <= 6:
            v = _within(doc.text, found[len(values) - 1], values[-1], f, v, rules)
        values.append(v)
        if v is None:
            continue
        remember(frame, v, narrative=not _attributive(sdoc, f.start, f.end))
        out.append(to_timex(f, v, doc.text, doc.sentence_at(f.start) if doc.sentences else None))
    # "from 1992 to 1994": the first date's range closes on the second
    by_found = {id(f): t for f, t in zip([f for f, v in zip(found, values, strict=True) if v], out, strict=True)}
    for f in found:
        if f.linked_to is not None and id(f) in by_found and id(found[f.linked_to]) in by_found:
            by_found[id(f)].range_end = by_found[id(found[f.linked_to])].value
    return out


def _value(norm: Normaliser, f: Found, frame: Frame, tense: int, name: str) -> Any:
    """The expression's value; an expression whose date the calendar cannot hold ("10,000 years
    after 9999") is dropped with a note in the log, never an exception that costs the document."""
    try:
        return norm.value(f, frame, tense)
    except (ValueError, OverflowError) as e:
        log.warning("%s: the date at %d is dropped: %s", name, f.start, e)
        return None


def _deadline_weekday(text: str, f: Found, cues: tuple[str, ...]) -> bool:
    """"Gave the rebels until Tuesday to withdraw", "postponed the vote until Friday", "could leave
    as soon as Monday": a bare weekday (no month, no "last" or "next") after a deadline word
    (``deadline_cues``) is the day a wait ends, ahead of the story or on its day, whatever the
    clause's tense; a weekday told without one is, in news, the one just past."""
    if not f.has("weekday") or f.has("month") or f.has("rel"):
        return False
    before = " ".join(text[max(0, f.start - 30):f.start].lower().split())
    # "until 9 a.m. Tuesday": the clock time before the weekday belongs to the deadline
    before = re.sub(r"(?:\s*\d{1,2}(?:[:.]\d\d)?\s*(?:a\.?m\.?|p\.?m\.?)(?:\s+[a-z]{2,4})?)?\s*(?:on\s+)?$", "", before)
    return any(before == c or before.endswith(" " + c) for c in cues)


def _within(text: str, outer_f: Found, outer: Any, f: Found, v: Any, rules: DateRules) -> Any:
    """"Last week, on Tuesday", "in 2015, on May 4": a weekday or a day without its year right
    after a week or a year (only a comma or "on" between) is that day of it, whatever the
    document date would make of it alone."""
    if not re.fullmatch(r"\s*,?\s*(?:on\s+)?", text[outer_f.end:f.start], re.IGNORECASE):
        return v
    box = outer.point or parse_value(outer.value)
    if box is None or not box.year_known or f.has("year"):
        return v
    day = None
    if box.gran == "week" and f.has("weekday") and not f.has("month") and not f.has("rel"):
        weekday = rules.lookup("weekday", f.group("weekday") or "")
        monday = box.day - timedelta(days=box.day.weekday())
        day = monday + timedelta(days=int(weekday) - 1) if weekday else None
    elif box.gran == "year" and f.has("month") and f.has("day"):
        try:
            day = date(box.day.year, int(rules.lookup("month", f.group("month") or "") or 0), int(f.group("day") or 0))
        except (TypeError, ValueError):
            day = None
    if day is None:
        return v
    p = Point(day, "day")
    return dataclasses.replace(v, value=p.value, precision=p.precision, anchor=outer.value, point=p)


def _past_perfect(sdoc: Any, start: int, end: int) -> bool:
    """"Until Thursday, police had not named him": a past perfect tells a time before a past one,
    so the day that closes it is behind the story too."""
    verb = governing_verb(sdoc, start, end)
    return verb is not None and any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in verb.children)


def _ended_state(sdoc: Any, start: int, end: int, rules: DateRules) -> bool:
    """"He was envoy until December", told in October: a state told in the past tense is over,
    so its end lies before the story (unlike "extended the loan through January")."""
    verb = governing_verb(sdoc, start, end)
    return verb is not None and verb.tag_ == "VBD" and verb.dep_ not in ("aux", "auxpass") \
        and verb.lemma_.lower() in rules.ended_state_verbs


@stage("dates", needs=("text", "spacy", "sentences"), reads=("published", "publisher", "dateline_date", "metadata"),
       adds=("timexes", "published"))
def run(doc: Document, ctx: Context) -> Document:
    from .document import resolve_document_date

    rules = rules_for(ctx)
    sdoc = doc.spacy if doc.parsed else None
    found = find(doc.text, rules, sdoc)
    doc.published = resolve_document_date(doc, found, rules, ctx)
    doc.timexes = normalise_all(doc, found, rules, doc.published.value if doc.published else None, sdoc)
    weekdays_on_happenings(doc, found, rules, sdoc)
    return doc


__all__ = ["run", "find", "normalise_all", "numeric_order"]
