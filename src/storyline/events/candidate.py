"""What the coder knows of one trigger while it reads the document (``Candidate``), and the
comparisons of actor references every step of the coder uses.

A candidate passes through the coder's cascade (see ``coder``) in this order, each step filling
or revising its fields:

1. ``triggers``: ``trig`` and ``cls`` (the trigger and its PLOVER class), ``sentence``;
2. nesting (``triggers``): ``parent``, ``inherited_from``, ``purpose_of``, ``drop``;
3. ``roles``: ``source``, ``target``, ``armed_source``, ``unclaimed``;
4. ``placing``: ``start``/``end`` (the evidence), ``status``, ``date``, ``location``;
5. ``readings``: a new code, speakers and partners where the context reads the act otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..actors.resolve import same_ref
from ..model import ActorRef, DateValue
from .match import Trigger
from .plover import EventClass

Token = Any  # spacy.tokens.Token
#: The acts with two or more participants told so far: (sentence, class, participants).
Previous = list[tuple[int, str | None, list[ActorRef]]]


@dataclass
class Candidate:
    trig: Trigger
    cls: EventClass
    sentence: int
    parent: Candidate | None = None
    source: list[ActorRef] = field(default_factory=list)
    target: list[ActorRef] = field(default_factory=list)
    start: int = 0
    end: int = 0
    status: str = "reported"
    date: DateValue | None = None
    location: str | None = None
    drop: bool = False
    inherited_from: Candidate | None = None  # an intention whose complement this event is
    speaker: list[ActorRef] = field(default_factory=list)  # for statements: who spoke
    armed_source: bool = False  # the source phrase names fighters, rebels, troops ...
    purpose_of: Candidate | None = None  # a trip whose purpose of force this event is ("came to Iraq to fight")
    unclaimed: bool = False  # force by an unnamed hand ("a roadside bomb killed two soldiers")
    venue: bool = False  # only a venue named where the doer would be ("the Lisbon talks ended": events.venues)
    auspices: list[ActorRef] = field(default_factory=list)  # who hosts talks held "under the auspices of" them
    comment: bool = False  # praise read as a comment on an act ("hailed his government's mediation")
    praised_in: Candidate | None = None  # thanks whose reason this act is ("thanked Qatar for hosting the talks")

    @property
    def head(self) -> Token:
        return self.trig.clause_head

    @property
    def code(self) -> str:
        return self.trig.code

    @property
    def is_speech(self) -> bool:
        return self.cls.what == "STATEMENT"

    @property
    def is_request(self) -> bool:
        return self.code.startswith(("02", "10")) or self.trig.status == "hoped"


def dedupe(refs: list[ActorRef]) -> list[ActorRef]:
    out: list[ActorRef] = []
    for r in refs:
        if not any(same_ref(r, o) for o in out):
            out.append(r)
    return out


def actor_like(ref: ActorRef) -> bool:
    """A linked actor, one with a country or sector, or a proper name ("the SDF"); not a thing
    the quotes layer took for a speaker ("the statement said")."""
    return bool(ref.actor_id or ref.country or ref.sector or ref.name[:1].isupper())
