"""When and where an event happened: its date from the dates layer, its place from the clause.

Why ask the dates layer per clause: the date of an event is the date its own clause gives ("in
1994", "on 5 April", "earlier in the day"), resolved against the article's date, and only the
dates layer knows how relative expressions resolve (``dates.anchor.date_for_clause``, an earlier
stage's module, imported once).
"""

from __future__ import annotations

import re
from typing import Any

from ..dates.anchor import date_for_clause
from ..model import DateValue, Document, Event
from ..parse import entities

Token = Any

PLACE_PREPS = frozenset({"in", "at", "near", "outside", "inside"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def clause_date(doc: Document, start: int, end: int, status: str | None = None) -> DateValue | None:
    """The date the clause gives; with a ``status``, what the dates layer infers for a clause of
    that kind where the text gives none (the document date for the news, the background's year
    for history). None where nothing is known."""
    return date_for_clause(doc, start, end, status)


def clause_place(head: Token, skip: set[int]) -> str | None:
    """A place named in the clause by a prepositional phrase ("in Brussels", "at a press
    conference in Ankara"), not one that belongs to an actor's description."""
    for tok in head.subtree:
        if tok.dep_ == "prep" and tok.lower_ in PLACE_PREPS and tok.i not in skip:
            for obj in tok.children:
                if obj.dep_ != "pobj":
                    continue
                ent = next((e for e in entities(obj.doc) if e.start <= obj.i < e.end and e.label_ in PLACE_LABELS), None)
                if ent is not None:
                    return ent.text
                # "at a press conference in Ankara": a place one phrase down
                for sub in obj.children:
                    if sub.dep_ == "prep" and sub.lower_ in PLACE_PREPS:
                        for o2 in sub.children:
                            e2 = next((e for e in entities(o2.doc) if e.start <= o2.i < e.end and e.label_ in PLACE_LABELS), None)
                            if e2 is not None:
                                return e2.text
    return None


def _place_phrase(place: str) -> re.Pattern[str]:
    preps = "|".join(sorted(PLACE_PREPS))
    return re.compile(rf"\b(?:{preps})\s+(?:the\s+)?{re.escape(place)}\b", re.IGNORECASE)


def mark_place_sources(doc: Document, events: list[Event]) -> None:
    """Say where each event's place comes from (``Event.where_source``), and take the dateline
    away from background.

    The coder falls back on the article's dateline where the clause names no place. A dateline
    says where the article was written: for the day's news that is often where it happened, so
    the place is kept and marked ``dateline``; for background (``historical`` events: "the war
    that broke out in 2020") it says nothing, so such an event keeps no place. A place counts as
    the text's where its sentence names it after a place preposition ("in Moscow", "at talks in
    Moscow")."""
    for e in events:
        if e.location is None:
            e.where_source = None
            continue
        if not doc.dateline or e.location.casefold() != doc.dateline.casefold():
            e.where_source = "text"
            continue
        sent = doc.sentences[e.sentence] if e.sentence is not None and e.sentence < len(doc.sentences) else None
        start, end = (sent.start, sent.end) if sent is not None else (e.start, e.end)
        if _place_phrase(e.location).search(doc.text, start, end):
            e.where_source = "text"
        elif e.status == "historical":
            e.location = e.where_source = None
        else:
            e.where_source = "dateline"
