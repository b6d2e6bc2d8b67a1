"""Mediators kept apart from the parties of the joint act they mediate.

News names a third party beside the sides of talks, a deal or an exchange: the envoy who chairs the
talks is listed among those who attend them, the states that broker a swap are the subject of the
clause that tells the swap's terms. The mediator is never one of the act's parties; the parties are
the others named. Two classes of sentences, each a step run after the sides are settled:

1. ``envoys_apart``: an envoy of a third party in the list of those who meet or agree ("the talks
   are attended by A, B and the special envoy of the UN C", "A, B and UN special representative C
   met"). A doer listed with two others or more whose role phrase holds a mediator's role
   (``mediator_roles`` in ``event_collectives.yaml``: envoy, special representative, co-chair,
   facilitator ...) and who acts for none of the other doers' states leaves the act's doers. An
   envoy who meets the sides ("the co-chairs met A and B") is one side of that meeting.
2. ``brokered_content``: the terms of a brokered deal ("A brokered the agreement, involving X's
   release of prisoners in exchange for receiving from Y a map") are the parties' acts, not the
   broker's: an act of a ``brokered_content_classes`` class told inside the mediation's clause that
   took the mediator as its doer (the clause's subject) takes instead the sides the mediation names
   (its targets), else those the deal's other terms name; where the act names its target, the doer
   is the side that is not it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from ..model import ActorRef, Mention
from .parties import distinct_refs, ref_key

Candidate = Any  # events.candidate.Candidate, read through its fields only

#: Dependents of a mediation's verb that are not the content of the deal it brokers: its own
#: subject, the next verb of a conjunction ("brokered the deal and announced it": the broker's act).
NOT_CONTENT = frozenset({"nsubj", "nsubjpass", "csubj", "conj", "cc", "punct", "parataxis", "aux", "auxpass",
                         "neg", "mark"})


def _same(r: ActorRef, refs: Iterable[ActorRef]) -> bool:
    return any(ref_key(r) == ref_key(o) for o in refs)


#: The most characters between a role phrase and the name it introduces ("the envoy of the
#: Intergovernmental Authority on Development (IGAD) Jane Okello").
ROLE_GAP = 12


def _role_of(r: ActorRef, mentions: Sequence[Mention], text: str) -> str:
    """The role phrase that introduced the doer's mention ("the special envoy of the OSCE"): the
    mention's own, else a role mention right before the name, with no list separator between."""
    if r.start is None:
        return ""
    for m in mentions:
        if m.role and m.start == r.start and m.end == r.end:
            return m.role.lower()
    for m in mentions:
        gap = text[m.end:r.start] if m.end <= r.start else None
        if m.kind == "role" and gap is not None and len(gap) <= ROLE_GAP and \
                not any(x in f" {gap} " for x in (",", ";", " and ", " as well as ")):
            return (m.role or m.text).lower()
    return ""


def is_mediator_role(role: str, roles: Iterable[str]) -> bool:
    """The role phrase holds one of the mediator's roles, as whole words ("envoy", "co-chair")."""
    words = f" {' '.join(role.replace(',', ' ').split())} "
    return any(f" {w} " in words for w in roles)


def envoys_apart(cands: Sequence[Candidate], mentions: Sequence[Mention], text: str, party: set[str],
                 roles: set[str]) -> None:
    """Step 1 of the module: drop from a joint act's doers an envoy of a third party."""
    if not roles:
        return
    for c in cands:
        if c.drop or c.cls.what not in party:
            continue
        # only among those listed together as the doers: an envoy who meets the sides ("the
        # co-chairs met the president") is one side of that meeting
        titled = [r for r in c.source if is_mediator_role(_role_of(r, mentions, text), roles)]
        others = [r for r in [*c.source, *c.target] if not any(r is e for e in titled)]
        envoys = [r for r in titled if not any(o.country and o.country == r.country for o in others)]
        rest = [r for r in c.source if not any(r is e for e in envoys)]
        if envoys and len({ref_key(r) for r in rest}) >= 2:
            c.source = rest


def _content(head: Any) -> set[int]:
    """The token indices of what a mediation's verb brokers: its dependents' phrases, not its own
    subject nor the next verb of a conjunction."""
    return {t.i for ch in head.children if ch.dep_ not in NOT_CONTENT for t in ch.subtree}


def brokered_content(cands: Sequence[Candidate], mediation: set[str], content: set[str]) -> None:
    """Step 2 of the module: the terms of a brokered deal are its parties' acts."""
    for m in cands:
        if m.drop or m.cls.what not in mediation or not m.source or m.trig.kind != "verb":
            continue
        inside = _content(m.head)
        terms = [k for k in cands if k is not m and not k.drop and k.cls.what in content and k.head.i in inside]
        for k in terms:
            if not any(_same(r, m.source) for r in k.source):
                continue
            pool = m.target or [r for o in terms if o is not k for r in [*o.source, *o.target]]
            sides = [r for r in pool if not _same(r, m.source)]
            kept = [r for r in k.source if not _same(r, m.source)]
            doers = [r for r in sides if not _same(r, k.target)] if k.target else sides
            k.source = distinct_refs([*kept, *doers])

