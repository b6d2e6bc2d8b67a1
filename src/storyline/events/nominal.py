"""Acts told by nouns and participles, as headlines and leads tell them.

Unseen news names many of its acts without a finite verb: "Prisoner swap: Russia's release of 248
servicemen", "the agreement by the Government of Yemen and the Houthis", "a ceasefire agreement
between Israelis and Palestinians", "four-way talks hosted by Turkey", "the accord signed on 9
November 2020". The coder reads a noun as an event where a light verb carries it ("held talks");
these carry none. Two tests say when such a phrase states an act rather than naming a thing:

1. ``names_participants``: the noun's own phrase names who took part: a possessive ("Azerbaijan's
   release"), a "by" or "between" phrase with a name ("the announcement by Hamas", "talks between
   A and B"), or a compound of two names ("the Israel-Hezbollah conflict"). "The agreement" alone
   is a thing talked about, not an act told; "any meetings between A and B" a kind of act
   (``generic_determiners`` in event_patterns.yaml).
2. ``stated_participle``: a participle after its noun ("talks hosted by Turkey", "the deal brokered
   by the United States", "the statement signed on 9 November") is an act of its own where it names
   its doer ("by" and a name) or its date; "the territory controlled by" stays a description, as
   its noun is no act (the caller checks the noun).

Such an act is a reference to news the article tells (``status`` "reference" in the coder): it is
merged with the same act told by a verb, so a headline's act and the body's are one event.
"""

from __future__ import annotations

from typing import Any

Token = Any

#: Entity types of a name that can take part in an act.
NAMES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
#: Entity types of a date, which places a participle's act in time.
DATES = frozenset({"DATE", "TIME"})


def _names(tok: Token) -> bool:
    """The phrase's head, or one of its coordinated members, is a name."""
    return any(t.ent_type_ in NAMES or t.pos_ == "PROPN" for t in (tok, *tok.conjuncts))


def _phrase(tok: Token, prep: str) -> list[Token]:
    return [o for p in tok.children if p.dep_ in ("prep", "agent") and p.lower_ == prep
            for o in p.children if o.dep_ == "pobj"]


def names_participants(noun: Token, generic: frozenset[str] | set[str] = frozenset(), joint: bool = False) -> bool:
    """The noun's phrase names who took part in its act (see the module's first test). A noun
    with a ``generic`` determiner names a kind of act, not one ("welcomes any meetings between A
    and B"); a ``joint`` act (talks) is not told by its "between" phrase alone ("welcomes the new
    talks between A and B" is the welcome, the talks its topic), as a done deal is ("a ceasefire
    agreement between A and B")."""
    if any(c.dep_ == "det" and c.lower_ in generic for c in noun.children):
        return False
    if any(c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN") and c.ent_type_ not in DATES for c in noun.children):
        return True
    preps = ("by",) if joint else ("by", "between")
    if any(_names(o) for prep in preps for o in _phrase(noun, prep)):
        return True
    named = [c for c in noun.children if c.dep_ == "compound" and c.ent_type_ in NAMES]
    return len(named) >= 2


def stated_participle(verb: Token) -> bool:
    """A participle after its noun that names its doer or its date (the module's second test)."""
    if verb.dep_ != "acl" or verb.tag_ != "VBN":
        return False
    if any(_names(o) for o in _phrase(verb, "by")):
        return True
    return any(t.ent_type_ in DATES for p in verb.children if p.dep_ in ("prep", "npadvmod")
               for t in p.subtree)


def praised_for(c: Any, parent: Any, praise: set[str] | frozenset[str]) -> bool:
    """"Thanked Qatar for assisting in reaching the ceasefire", "praised Norway for hosting the
    talks": the reason given for praise (``praise_classes``) is an act of its own, done by the one
    praised (``praised_doers``), unlike the charge of an accusation ("accused X of violating"),
    which is part of the accusation."""
    prep = c.head.head
    return parent.cls.what in praise and prep.dep_ == "prep" and prep.lower_ == "for" and prep.head.i == parent.head.i


def praised_doers(cands: Any, praise: set[str] | frozenset[str]) -> None:
    """Give each act praised for (``praised_for``) the praised as its doers: the clause has no
    subject of its own, so whoever else it was given (the one who praises) is not its doer. Those
    praised after the reason ("thanked Qatar for assisting in the talks, as well as Norway") are
    thanked for something of their own, not for this act."""
    for c in cands:
        p = c.parent
        if p is not None and not c.drop and p.target and c.head.dep_ == "pcomp" and \
                praised_for(c, p, praise):
            reason = c.head.head.idx  # the "for" of the reason
            c.source = [r for r in p.target if r.start is None or r.start < reason] or list(p.target)
