"""When and where an event happened: its date from the dates layer, its place from the clause.

Why ask the dates layer per clause: the date of an event is the date its own clause gives ("in
1994", "on 5 April", "earlier in the day"), resolved against the article's date, and only the
dates layer knows how relative expressions resolve (``dates.anchor.date_for_clause``, an earlier
stage's module, imported once).
"""

from __future__ import annotations

from typing import Any

from ..dates.anchor import date_for_clause
from ..model import DateValue, Document

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
                ent = next((e for e in obj.doc.ents if e.start <= obj.i < e.end and e.label_ in PLACE_LABELS), None)
                if ent is not None:
                    return ent.text
                # "at a press conference in Ankara": a place one phrase down
                for sub in obj.children:
                    if sub.dep_ == "prep" and sub.lower_ in PLACE_PREPS:
                        for o2 in sub.children:
                            e2 = next((e for e in o2.doc.ents if e.start <= o2.i < e.end and e.label_ in PLACE_LABELS), None)
                            if e2 is not None:
                                return e2.text
    return None
