"""A people named for the armed movement that speaks for it.

News names the sides of a war by their peoples as often as by their names: "a ceasefire agreement
between Israelis and Palestinians" in an article whose Palestinian side of the truce is Hamas, "the
fighting between Ethiopians and Tigrayans" where the Tigrayan side is the TPLF. The actors layer
reads a people as its state ("Palestinians" as Palestine), which is right for a people in general
("Israeli strikes killed ten Palestinians") and wrong for a side of a truce or of a fight that the
article shows is waged by a movement.

1. The article's movements: the doers of its acts (any class) whose sector is a non-state armed
   one (``people_group_sectors`` in ``event_collectives.yaml``: rebels, insurgents, separatists),
   grouped by the state they act in or for.
2. In an act of a party class (a deal, a ceasefire, talks), and in an act of force with two or
   more doers (a fight between sides), a doer named by its people (a plural demonym mention:
   "Palestinians", "the Tigrayans") whose state has exactly one such movement in the article is
   that movement. A people whose state has none, or two ("Hamas" and "Islamic Jihad"), stays as
   it was: the article does not say which.
3. The targets of a mediation are its sides ("Qatari mediation of a truce between Israelis and
   Palestinians"): the same holds for them.

Other targets are never touched: a people acted on ("struck Palestinians") are people, not a
movement.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from ..model import ActorRef, Document, Mention

Candidate = Any  # events.coder.Candidate (not imported: the coder imports this module)

#: Tags of a plural noun: "Palestinians" is a people, "Palestinian" a modifier.
PLURAL_TAGS = frozenset({"NNS", "NNPS"})


def _movements(cands: Sequence[Candidate], sectors: frozenset[str]) -> dict[str, list[ActorRef]]:
    """The non-state armed doers of the article's acts, by the state they act in or for."""
    out: dict[str, list[ActorRef]] = {}
    for c in cands:
        if c.drop:
            continue
        for r in c.source:
            if r.country and (r.sector or "").upper() in sectors and r.actor_id != r.country:
                known = out.setdefault(r.country, [])
                if not any((k.actor_id or k.name) == (r.actor_id or r.name) for k in known):
                    known.append(r)
    return out


def _people_mentions(doc: Document) -> dict[int, Mention]:
    """Plural demonym mentions ("Palestinians") by their start offset."""
    sdoc = doc.spacy
    out: dict[int, Mention] = {}
    for m in doc.mentions:
        if m.kind != "demonym" or sdoc is None:
            continue
        span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None and len(span) and span[-1].tag_ in PLURAL_TAGS:
            out[m.start] = m
    return out


def _joint(c: Candidate, party: set[str], force: set[str]) -> bool:
    return c.cls.what in party or (c.cls.what in force and len(c.source) >= 2)


def _swap(refs: Iterable[ActorRef], people: dict[int, Mention], movements: dict[str, list[ActorRef]]) -> list[ActorRef]:
    out: list[ActorRef] = []
    for r in refs:
        groups = movements.get(r.country or "", [])
        if r.start in people and len(groups) == 1:
            g = groups[0]
            r = replace(g, start=r.start, end=r.end, text=r.text)
        if not any((o.actor_id or o.name) == (r.actor_id or r.name) for o in out):
            out.append(r)
    return out


def people_as_movements(cands: Sequence[Candidate], doc: Document, sectors: frozenset[str],
                        party: set[str], force: set[str], mediation: set[str]) -> None:
    """Replace, in the doers of joint acts, a people by the one movement of its state the article
    shows acting (see the module's cascade)."""
    if not sectors:
        return
    movements = _movements(cands, sectors)
    if not movements:
        return
    people = _people_mentions(doc)
    if not people:
        return
    for c in cands:
        if c.drop:
            continue
        if c.source and _joint(c, party, force):
            c.source = _swap(c.source, people, movements)
        if c.target and c.cls.what in mediation:
            c.target = _swap(c.target, people, movements)
