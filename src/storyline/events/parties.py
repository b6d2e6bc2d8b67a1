"""The parties of a joint act: named by "between", or told without its doers.

First, "between A and B" names the sides of a deal, a ceasefire, talks or a mediation, wherever the
phrase hangs ("mediated a truce between the army and the rebels", "talks between A and B were
held"): the sides are the act's doers, and of a mediation its targets (``between_sides``).

News tells a ceasefire, an agreement or talks first with their sides ("Egypt brokered a truce
between Israel and Hamas") and then, again and again, without them: "the ceasefire agreement was
reached", "the truce came into effect on Friday", "consultations would begin after ...". Such a
clause names no doer because the article has already named the sides; without one the coder would
drop the act. A mediation told by a participle on an act's noun ("the truce, mediated by Qatar, was agreed by
A and B") has that act's sides as its targets (``mediated_sides``).

Then, for each act of a party class (``party_classes`` in
``event_collectives.yaml``) that names neither a source nor a target:

1. the nearest act before it in the article whose sides are named (two or more of them);
2. else the nearest such act after it (a headline or a lead that names the sides only later);
3. else it keeps no doer (and is dropped as before).

The sides of a mediation (``mediation_classes``) are its targets only: the mediator of a deal is
not one of its parties ("Egypt brokered a truce between Israel and Hamas": the truce is Israel's
and Hamas's, not Egypt's).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from ..model import ActorRef
from .nominal import described_act

#: Relations by which a verb carries the noun of its act ("brokered a deal", "a truce was reached").
CARRIED = frozenset({"dobj", "nsubjpass", "attr"})
#: Entity types of a place, whose phrase may hold the act's "between" phrase as the parser hangs it.
PLACES = frozenset({"GPE", "LOC", "FAC"})

Candidate = Any  # events.coder.Candidate (not imported: the coder imports this module)


def ref_key(r: ActorRef) -> str:
    """One actor's identity among the sides of an act: its id, else its name."""
    return r.actor_id or r.name.lower()


def _among(r: ActorRef, refs: Iterable[ActorRef]) -> bool:
    """The same actor, or one acting for the same state ("Abbas" among "Israel and Palestine")."""
    return any(ref_key(r) == ref_key(o) or (r.country is not None and r.country == o.country) for o in refs)


def distinct_refs(refs: Iterable[ActorRef]) -> list[ActorRef]:
    """The actors in their first order, each once (by ``ref_key``)."""
    out: list[ActorRef] = []
    for r in refs:
        if not any(ref_key(o) == ref_key(r) for o in out):
            out.append(r)
    return out


def sides_of(c: Candidate, mediation: set[str]) -> list[ActorRef]:
    """The sides an act names: its targets for a mediation, else its sources and targets."""
    refs = c.target if c.cls.what in mediation else [*c.source, *c.target]
    return distinct_refs(refs)


def between_objects(tok: Any) -> list[Any]:
    """The objects of a "between" phrase hung on ``tok`` itself ("a truce *between A and B*")."""
    return [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "between"
            for o in p.children if o.dep_ == "pobj"]


def between_tokens(head: Any, trigger: Any, words: Iterable[Any] = ()) -> list[Any]:
    """The objects of a "between" phrase of the act itself: on its head, its trigger noun, the noun
    the head carries ("brokered a deal between A and B", "a truce between A and B was reached"),
    the subject noun its pattern names (``words``) or the act's noun as the subject of its verb
    ("the talks between A and B ended"), the predicate of a copula the act noun is the subject of
    ("the meeting was the first between A and B"), or a place phrase of these ("brokered a truce
    in Oslo, Norway between A and B", as the parser hangs it). Not one on another noun ("a
    solution to the conflict between A and B")."""
    out: list[Any] = []
    pattern_words = {w.i for w in words}
    todo = [head, trigger, *[c for c in head.children if c.dep_ in CARRIED or
                             (c.dep_ == "nsubj" and (c.pos_ == "NOUN" or c.i in pattern_words))]]
    if trigger.dep_ == "nsubj" and trigger.head.lemma_.lower() == "be":
        # "the meeting was the first between A and B": the predicate names the meeting's sides
        todo += [trigger.head, *[c for c in trigger.head.children if c.dep_ in ("attr", "acomp")]]
    seen: set[int] = set()
    while todo:
        h = todo.pop()
        if h.i in seen:
            continue
        seen.add(h.i)
        for p in h.children:
            if p.dep_ == "prep" and p.lower_ == "between":
                out += [o for o in p.children if o.dep_ == "pobj"]
            elif p.dep_ == "prep":
                todo += [o for o in p.children if o.dep_ == "pobj" and o.ent_type_ in PLACES]
            elif p.dep_ == "appos" and p.ent_type_ in PLACES:
                todo.append(p)
    return out


def between_sides(cands: Sequence[Candidate], res: Any, party: set[str], mediation: set[str]) -> None:
    """Sides named by "between": a mediation's targets (the mediator left out, and whatever the
    clause's other phrases were taken for: "in Cairo, Egypt" is where, not whom); of an act of a
    party class they are the doers, in place of whoever else the clause named: the sponsor of "an
    Egyptian-sponsored truce between A and B" and the one who announces "a ceasefire between A and
    B" are not its sides."""
    for c in cands:
        if c.drop or c.cls.what not in party | mediation:
            continue
        tokens = between_tokens(c.head, c.trig.token, c.trig.words)
        sides = distinct_refs(r for t in tokens for r in res.refs_for(t))
        # "sessions between the envoys and the sides", the sides unresolved: the sides the
        # phrase names are still the doers (never the one who reports the meetings)
        named = sum(1 + len(t.conjuncts) for t in tokens)
        if len(sides) < 2 and not (sides and named >= 2):
            continue
        if c.cls.what in mediation:
            c.target = [r for r in sides if not any(ref_key(r) == ref_key(s) for s in c.source)]
            continue
        # keep the clause's own names of the sides ("the deputy prime ministers"), drop the rest
        c.source = [r for r in c.source if _among(r, sides)]
        c.target = [r for r in c.target if _among(r, sides)]
        # "talks between A and B took place": a joint act's sides are all its doers, not the first
        # the doer and the second its target (the roles read them so, with no other source)
        missing = [r for r in sides if not _among(r, c.source + c.target)]
        c.source, c.target = distinct_refs([*c.source, *c.target, *missing]), []


def mediated_sides(cands: Sequence[Candidate], party: set[str], mediation: set[str]) -> None:
    """"The ceasefire, mediated by Qatar, was agreed by A and B", "a deal brokered by Egypt
    between ...": a mediation told by a participle on the noun of an act has that act's sides as
    its targets, whatever an earlier paragraph's pair was."""
    for c in cands:
        if c.drop or c.cls.what not in mediation or c.head.dep_ != "acl":
            continue
        noun = c.head.head
        acts = [k for k in cands if k is not c and not k.drop and k.cls.what in party
                and (k.trig.token.i == noun.i or any(ch.i == noun.i for ch in k.head.children))]
        sides = distinct_refs(r for k in acts for r in sides_of(k, mediation))
        sides = [r for r in sides if not _among(r, c.source)]
        if len(sides) >= 2:
            c.target = sides


def told_alone(c: Candidate, ongoing: set[str] = frozenset()) -> bool:
    """The act is a finite clause of its own ("the truce came into effect"), not the content of
    another act ("agreed to establish a ceasefire", "urged them to cease fire"), an infinitive
    ("to meet again"), an appeal, an act referred to by name ("Tuesday's meeting"), or a state of
    things told with a verb of continuation (``ongoing``: "consultations continue")."""
    head = c.head
    if head.lemma_.lower() in ongoing:
        return False
    noun = c.trig.token
    if c.trig.kind == "noun" and c.trig.host is not None and c.trig.host.dep_ == "prep" and \
            noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.i != c.trig.host.i:
        return True  # "after weeks of talks": talks measured, which the clause places itself by
    if c.parent is not None or c.inherited_from is not None or c.trig.kind == "appeal" or c.trig.status == "reference":
        return False
    # "the truce was due to take effect": the finite verb holds the act, whether the noun is the
    # trigger or a word of the verb's pattern ("ceasefire ... come into effect")
    subjects = [w for w in (noun, *c.trig.words) if w.dep_ in ("nsubj", "nsubjpass") and w.pos_ in ("NOUN", "PROPN")]
    if subjects and (c.trig.kind == "noun" or subjects[0].head.i != head.i):
        head = subjects[0].head
    if head.tag_ in ("VB", "VBG") and head.dep_ != "ROOT" or any(a.lower_ == "to" and a.dep_ == "aux" for a in head.children):
        return False
    # "it does not mean that agreement has been reached": the content of a denial
    if head.dep_ == "ccomp" and any(k.dep_ == "neg" for k in head.head.children):
        return False
    # a subject other than the act itself names a doer the actors layer did not find ("the two
    # officials conferred"): not an act told without its doers
    # ("the round of talks lasted three hours": the subject's phrase holds the act's noun)
    if any(k.dep_ in ("nsubj", "csubj", "agent") and c.trig.token not in k.subtree and k not in c.trig.words
           for k in head.children):
        return False
    return head.pos_ in ("VERB", "AUX")


def nested_sides(cands: Sequence[Candidate], party: set[str], mediation: set[str]) -> None:
    """"The rivals signed a ceasefire following weeks of talks", "the two countries agreed on the
    implementation of the accord signed in 2001": an act of a party class that names no doer and
    is placed by a time phrase in another party act's clause, or told by a participle on a noun of
    it, has that act's sides: the talks that led to a deal were its sides' talks, the accord they
    agree to implement was theirs."""
    for c in cands:
        p = c.parent
        if c.drop or c.source or c.target or p is None or c.cls.what not in party or p.cls.what not in party:
            continue
        placed = c.trig.kind == "noun" and c.trig.host is not None and c.trig.host.dep_ == "prep"
        if placed or described_act(c.head):
            c.source = [replace(r) for r in sides_of(p, mediation)]


def supply_parties(cands: Sequence[Candidate], party: set[str], mediation: set[str], joint: set[str],
                   ongoing: set[str] = frozenset()) -> None:
    """Give each doer-less act of a party class the sides of the nearest act that names them
    (before it first, then after it); see the module's cascade. An act of a ``joint`` class
    (talks) takes the sides of talks or a mediation, any other (a ceasefire, a deal) those of a
    ceasefire, a deal or a mediation."""
    named = [k for k in cands if not k.drop and k.cls.what in party | mediation and len(sides_of(k, mediation)) >= 2]
    for c in cands:
        if c.drop or c.source or c.target or c.cls.what not in party or not told_alone(c, ongoing):
            continue
        # talks take the sides of talks; a ceasefire or a deal the sides of a ceasefire or a deal
        kin = [k for k in named if k.cls.what in mediation or (k.cls.what in joint) == (c.cls.what in joint)]
        before = [k for k in kin if k.start < c.start and k is not c]
        after = [k for k in kin if k.start > c.start and k is not c]
        donor = max(before, key=lambda k: k.start) if before else (min(after, key=lambda k: k.start) if after else None)
        if donor is not None:
            c.source = [replace(r) for r in sides_of(donor, mediation)]


def cosigners(cands: Sequence[Candidate], verbs: set[str] | frozenset[str]) -> None:
    """"The Taliban signed the deal *with the United States*", "Turkey reached an agreement *with
    Russia*": an agreement (AGREE) told by a verb of signing or reaching (``cosigning_verbs``) is
    made by both; the partner its "with" phrase names (on the verb or on the deal's noun) is a doer
    beside the subject, not a target."""
    for c in cands:
        verb = c.trig.host if c.trig.kind == "noun" and c.trig.host is not None else c.trig.token
        if c.drop or c.cls.what != "AGREE" or not c.source or verb.lemma_.lower() not in verbs:
            continue
        holders = [c.head, verb, *(w for w in c.trig.words if w.pos_ in ("NOUN", "PROPN"))]
        spans = [(p.idx, p.right_edge.idx + len(p.right_edge)) for h in holders for p in h.children
                 if p.dep_ == "prep" and p.lower_ == "with"]
        partners = [r for r in c.target if r.start is not None and any(a <= r.start < b for a, b in spans)]
        if partners:
            c.source = distinct_refs([*c.source, *partners])
            c.target = [r for r in c.target if not any(r is p for p in partners)]
