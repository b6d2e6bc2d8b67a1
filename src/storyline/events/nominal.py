"""Acts told by nouns and participles, as headlines and leads tell them.

Unseen news names many of its acts without a finite verb: "Prisoner swap: Russia's release of 248
servicemen", "the accord by the Government of Sudan and the RSF", "a ceasefire agreement
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

Three more say that the phrase around the noun tells the act as it happened, whoever did it:

3. ``measured_act``: a measure of its length or its place in a series ("after eleven days of
   fighting", "months of talks", "the fresh round of talks"; ``act_measures`` in
   event_patterns.yaml): the measure noun stands in the clause for the act, so a light verb or a
   time anchor carrying the measure carries the act ("the round of talks lasted three hours");
4. ``course_clause``: a relative clause or participle on the noun whose verb carries it ("the
   conflict that began last week", "the peace negotiations under way in the capital");
5. ``dated_act``: a date of the noun's own ("their most recent war in 2020", "the 2008 war").

Such an act is a reference to news the article tells (``status`` "reference" in the coder): it is
merged with the same act told by a verb, so a headline's act and the body's are one event.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Token = Any

#: Entity types of a name that can take part in an act.
NAMES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
#: Entity types of a date, which places a participle's act in time.
DATES = frozenset({"DATE", "TIME"})


def _names(tok: Token) -> bool:
    """The phrase's head, or one of its coordinated members, is a name, or a noun a name makes
    someone's ("the Ukrainian government", "the Turkish side", "Ukraine's government")."""
    return any(t.ent_type_ in NAMES or t.pos_ == "PROPN" or any(
        m.dep_ in ("amod", "compound", "poss") and m.ent_type_ in NAMES for m in t.children) for t in (tok, *tok.conjuncts))


def _phrase(tok: Token, prep: str) -> list[Token]:
    return [o for p in tok.children if p.dep_ in ("prep", "agent") and p.lower_ == prep
            for o in p.children if o.dep_ == "pobj"]


def generic(noun: Token, determiners: frozenset[str] | set[str]) -> bool:
    """A ``generic`` determiner makes the noun name a kind of act, not one ("any meetings"); a
    count a tally of acts ("has endured three wars with Israel"), not one told."""
    return any((c.dep_ == "det" and c.lower_ in determiners) or (c.dep_ == "nummod" and c.ent_type_ not in DATES)
               for c in noun.children)


def names_participants(noun: Token, generic_dets: frozenset[str] | set[str] = frozenset(), joint: bool = False,
                       partners: tuple[str, ...] = ()) -> bool:
    """The noun's phrase names who took part in its act (see the module's first test). A noun
    with a ``generic`` determiner names a kind of act, not one ("welcomes any meetings between A
    and B"); a ``joint`` act (talks, a war) is not told by its "between" phrase alone ("welcomes
    the new talks between A and B" is the welcome, the talks its topic; "a solution to the
    conflict between A and B"), as a done deal is ("a ceasefire agreement between A and B").
    ``partners``: prepositions that name the other side of the act ("clashes with Armenians")."""
    if generic(noun, generic_dets):
        return False
    if any(c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN") and c.ent_type_ not in DATES for c in noun.children):
        return True
    preps = ("by", *partners) if joint else ("by", "between", *partners)
    if any(_names(o) for prep in preps for o in _phrase(noun, prep)):
        return True
    # "the Israel-Hezbollah conflict": two names in the compound, each a name of its own (not
    # "the Nagorno-Karabakh conflict", one name of two words)
    named = {t.i for c in noun.children if c.dep_ == "compound" for t in c.subtree
             if t.dep_ == "compound" and t.ent_type_ in NAMES and t.ent_iob_ == "B"}
    return len(named) >= 2


def measured_act(noun: Token, measures: frozenset[str] | set[str]) -> Token | None:
    """The measure noun ("days", "round") whose "of" phrase the act noun is (the module's third
    test), or None."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ != "of":
        return None
    measure = prep.head
    if measure.pos_ == "NOUN" and (measure.lemma_.lower() in measures or measure.lower_ in measures):
        return measure
    return None


def course_clause(noun: Token, carries: Callable[[Token], bool]) -> Token | None:
    """The verb of a relative clause or participle on the noun that carries it, as a light verb
    does (the module's fourth test: "the conflict that began last week", "the talks being held in
    the capital"), or None. A relative clause tells of the noun only where the noun is its
    subject ("that began"), not its object ("the talks that Turkey hosted" is Turkey's act)."""
    for v in noun.children:
        if v.dep_ not in ("relcl", "acl") or v.pos_ != "VERB" or not carries(v):
            continue
        subjects = [k for k in v.children if k.dep_ in ("nsubj", "nsubjpass")]
        if v.dep_ == "relcl" and not (subjects and subjects[0].tag_ == "WDT"):
            continue
        # a passive progressive tells the act going on ("being held"); a bare past participle only
        # describes the noun ("the agreements reached") unless it names a doer or a date, and a
        # present one places it ("a ceasefire starting from 10 November")
        ongoing = any(a.dep_ == "auxpass" and a.lower_ == "being" for a in v.children)
        if v.dep_ == "acl" and (subjects or not ongoing):
            continue
        return v
    return None


def dated_act(noun: Token) -> bool:
    """A date of the noun's own phrase (the module's fifth test): "the war in 2020", "the 2008
    war", "the talks of 12 May"; not a date inside another noun's phrase."""
    for c in noun.children:
        if c.dep_ in ("compound", "nummod", "npadvmod") and c.ent_type_ in DATES:
            return True
        if c.dep_ == "prep" and c.lower_ in ("in", "of", "on") and \
                any(o.dep_ == "pobj" and o.ent_type_ in DATES for o in c.children):
            return True
    return False


def described_act(verb: Token) -> bool:
    """A past participle on a noun ("the accord signed in 2001") that is not an appositive
    restating the act of its clause ("signed a peace agreement, the second deal reached since July",
    which the parser may read as a second object of the verb)."""
    noun = verb.head
    restated = noun.dep_ == "appos" or (noun.dep_ == "dobj" and any(
        s.dep_ == "dobj" and s.i < noun.i for s in noun.head.children))
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and noun.pos_ in ("NOUN", "PROPN") and not restated


def participle_phrase(verb: Token) -> list[Token]:
    """The words of an act told by a participle on its noun ("the accord signed on 9 May 2015 by A
    and B"): the noun with what precedes it in its phrase, the participle, and its phrases of doer,
    time and place; not an object the parser hung on the participle, nor a coordination left
    dangling ("signed on 1 April 2001, as well as the accord signed in 1998": that accord is an act
    of its own)."""
    noun = verb.head
    left = [t for ch in noun.children if ch.i < noun.i for t in ch.subtree]
    dangling = {t.i for ch in verb.subtree if ch.dep_ == "cc" and not any(k.dep_ == "conj" for k in ch.head.children)
                for t in ch.subtree}
    own = [t for ch in verb.children if ch.dep_ in ("prep", "agent", "npadvmod", "advmod")
           for t in ch.subtree if t.i not in dangling]
    return sorted([*left, noun, verb, *own], key=lambda t: t.i)


def stated_participle(verb: Token) -> bool:
    """A participle after its noun that names its doer or its date (the module's second test)."""
    if verb.dep_ != "acl" or verb.tag_ != "VBN":
        return False
    if any(_names(o) for o in _phrase(verb, "by")):
        return True
    return any(t.ent_type_ in DATES for p in verb.children if p.dep_ in ("prep", "npadvmod")
               for t in p.subtree)


def praised_for(c: Any, parent: Any, praise: set[str] | frozenset[str]) -> bool:
    """"Thanked Kuwait for helping in securing the truce", "praised Norway for hosting the
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
