"""Walks over the dependency parse of one clause that the coder's steps share: whose subject a
verb has, which verb a coordinated one belongs to, what a clause's own words are.

The subject of a clause (``clause_subject``) is found by a cascade, first match wins:

1. a subject of the head itself, or of its auxiliary ("The US has been encouraging");
2. a coordinated verb: a name the parser joined to the previous verb's object
   (``stolen_subject``), else the subject of the verb it is coordinated with;
3. a controlled infinitive without an object of its own (the "on" object of an adjective of a
   bare "it": "it is incumbent on X to ..."), an adjective complement ("is ready to
   contribute"), the complement of a noun of intention ("stressed the need to continue"): the
   noun's holder ("the readiness of X to ...", "X's readiness to ...": ``noun_holder``), else the
   governor's subject;
4. a gerund: inside a prepositional phrase, the subject of the clause it belongs to; after a
   noun that is its own subject ("spoke of Turkey assuming"), that noun; in an adverbial or a
   participle clause, the main verb's subject;
5. a relative or participle clause on a noun: that noun (passive for a past participle);
6. a preposition or a gerund preposition ("following a meeting"): the clause it belongs to.
"""

from __future__ import annotations

from typing import Any

from ..lexicons import load_lexicon

Token = Any  # spacy.tokens.Token

SOURCE_DEPS = frozenset({"nsubj", "csubj"})


OBJECT_DEPS = frozenset({"dobj", "dative", "obj", "iobj"})


#: verbs of setting off for a place (``departure_verbs`` in event_patterns.yaml)
DEPARTURE_VERBS = frozenset(str(w).lower() for w in load_lexicon("event_patterns").get("departure_verbs") or [])
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})


def destination_subject(clause: Token) -> bool:
    """"Left for Washington to discuss the loan", "departed for Baku to attend the summit": the
    parser reads "for Washington to discuss" as a clause whose subject is the place; after a verb
    of departure the place is where the trip goes, and its purpose is the traveller's act ("it is
    time for Washington to act", with no departure, keeps Washington as the one who acts)."""
    return clause.dep_ == "advcl" and clause.head.lemma_.lower() in DEPARTURE_VERBS and \
        any(m.dep_ == "mark" and m.lower_ == "for" for m in clause.children) and \
        any(s.dep_ == "nsubj" and s.ent_type_ in PLACE_ENTS for s in clause.children)


def channel_agent(head: Token, channels: set[str] | frozenset[str]) -> list[Token]:
    """"Was condemned in a joint statement by Egypt and Greece": the parser hangs a passive's agent
    on the channel the words were put out through (``speech_channels``); it is the verb's agent."""
    return [o for p in head.children if p.dep_ == "prep" and p.lower_ == "in" for n in p.children
            if n.dep_ == "pobj" and n.lemma_.lower() in channels for by in n.children
            if by.dep_ == "prep" and by.lower_ == "by" for o in by.children if o.dep_ == "pobj"]


def clause_subject(head: Token, planned_governors: set[str]) -> tuple[Token | None, bool]:
    """The head's subject (following coordination and control), and whether it is passive."""
    seen = 0
    tok = head
    # "Turkey is under sanctions and was condemned by Egypt": a passive conjunct shares the first
    # conjunct's subject but keeps its own voice
    passive_conjunct = False
    while tok is not None and seen < 6:
        seen += 1
        if destination_subject(tok):
            tok = tok.head  # "left for Washington to discuss the loan": the traveller discusses
            continue
        # "The US has been encouraging": the parser may hang the subject on an auxiliary
        for c in [*tok.children, *(g for a in tok.children if a.dep_ in ("aux", "auxpass") for g in a.children)]:
            if c.dep_ in SOURCE_DEPS:
                return c, passive_conjunct
            if c.dep_ == "nsubjpass":
                return c, True
        if tok.dep_ == "conj":
            stolen = stolen_subject(tok)
            if stolen is not None:
                return stolen, False
            passive_conjunct = passive_conjunct or (tok.tag_ == "VBN" and any(
                c.dep_ == "auxpass" for c in tok.children))
            tok = coordination_head(tok)
            continue
        if tok.dep_ == "xcomp" and not has_object(tok.head):
            doer = adjective_doer(tok.head)
            if doer is not None:
                return doer, False  # "it is incumbent on Sudan to guarantee": Sudan guarantees
            tok = tok.head
            continue
        if tok.pos_ == "ADJ" and tok.dep_ in ("acomp", "attr") and tok.head.pos_ in ("AUX", "VERB"):
            tok = tok.head  # "France is ready to contribute troops": the subject of "is"
            continue
        if tok.dep_ == "advcl" and tok.tag_ == "VB" and tok.head.pos_ == "VERB" and tok.head.tag_ != "VB" and \
                any(a.dep_ == "aux" and a.lower_ == "to" for a in tok.children) and \
                not any(m.dep_ == "mark" for m in tok.children):
            tok = tok.head  # "took the initiative to bring the sides together": the purpose is the subject's
            continue
        if tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.pos_ in ("NOUN", "PROPN"):
            return tok.head, True  # "a truce brokered by Egypt": the noun is the participle's passive subject
        if tok.dep_ == "acl" and tok.head.lemma_.lower() in planned_governors:
            holder = noun_holder(tok.head)
            if holder is not None:
                return holder, False  # "welcomed the readiness of Chad to open ...": Chad opens
            tok = tok.head.head  # "stressed the need to continue": the subject of "stressed"
            continue
        if tok.tag_ == "VBG" and tok.dep_ == "pcomp":
            # "was more outspoken in faulting Serbia": the subject of the clause it belongs to
            up = tok.head
            for _ in range(8):
                if up.pos_ in ("VERB", "AUX") or up.head.i == up.i:
                    break
                up = up.head
            if up.pos_ in ("VERB", "AUX"):
                tok = up
                continue
        before = tok.doc[tok.i - 1] if tok.i > 0 else None
        if tok.tag_ == "VBG" and tok.dep_ == "advcl" and before is not None and before.dep_ == "pobj" \
                and before.pos_ in ("PROPN", "NOUN") and before.head.head.i == tok.head.i:
            return before, False  # "spoke of Egypt taking on the role": the gerund's own subject
        if tok.tag_ == "VBG" and tok.dep_ in ("advcl", "acl", "xcomp"):
            # "posted a message blaming Iran", "Speaking on TV, he said": the main verb's subject
            up = tok.head
            for _ in range(8):  # a bounded walk: a malformed parse may loop
                if not (up.pos_ in ("NOUN", "PROPN") and up.dep_ in ("dobj", "pobj", "nsubjpass")) \
                        or up.head.i == up.i:
                    break
                up = up.head.head if up.dep_ == "pobj" else up.head
            if up.pos_ in ("VERB", "AUX") and up.i != tok.i:
                tok = up
                continue
        if tok.dep_ in ("relcl", "acl") and tok.head.pos_ in ("NOUN", "PROPN"):
            return tok.head, tok.tag_ == "VBN"
        if tok.pos_ in ("ADP", "SCONJ") or (tok.tag_ == "VBG" and tok.dep_ in ("prep", "advcl")):
            tok = tok.head  # "following a meeting with": the clause the phrase belongs to
            continue
        break
    return None, False


def noun_holder(noun: Token) -> Token | None:
    """Whose intention a noun names, by its possessor or its "of" phrase ("Chad's readiness",
    "the readiness of the Chadian authorities"): a name or a common noun, not a time ("Monday's
    decision") nor a pronoun, which the governing clause resolves better."""
    for ch in noun.children:
        if ch.dep_ == "poss" and ch.pos_ in ("PROPN", "NOUN") and not names_time(ch):
            return ch
    for ch in noun.children:
        if ch.dep_ == "prep" and ch.lower_ == "of":
            for o in ch.children:
                if o.dep_ == "pobj" and o.pos_ in ("PROPN", "NOUN") and not names_time(o):
                    return o
    return None


def coordination_head(tok: Token) -> Token:
    """The verb a coordinated verb shares its subject and its place with. The parser often hangs
    "asked the consulate to relent and phoned Lavrov" as if "spoke" were coordinated with
    the infinitive; a finite verb coordinated with a bare infinitive belongs to the infinitive's
    governor instead."""
    head = tok.head
    if tok.tag_ in ("VBD", "VBZ", "VBP") and head.tag_ == "VB" and head.dep_ in ("xcomp", "ccomp", "advcl") \
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return head.head
    return head


def stolen_subject(verb: Token) -> Token | None:
    """"the army had retaken the town and the rebels would be leaving the valley": the parser joins
    "the rebels" to the first verb's object and leaves the coordinated verb without a subject. A
    coordinated verb that opens with its own auxiliary, right after a name coordinated into the
    first verb's object, has that name as its subject."""
    if verb.dep_ != "conj" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    first = verb.left_edge
    if first.dep_ not in ("aux", "auxpass") or first.head.i != verb.i or first.i == 0:
        return None
    name = verb.doc[first.i - 1]
    if name.dep_ == "conj" and name.pos_ in ("PROPN", "NOUN") and name.head.dep_ in OBJECT_DEPS \
            and name.head.head.i == verb.head.i and any(c.dep_ == "cc" for c in name.head.children):
        return name
    return None


def purpose_clause(child: Token, parent: Token) -> bool:
    """"to discuss ..." as the purpose of the parent's act: an infinitive without a subject of
    its own, attached directly to the parent."""
    if child.head.i != parent.i or child.dep_ not in ("xcomp", "advcl"):
        return False
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children) and \
        not any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)


def adjective_doer(gov: Token) -> Token | None:
    """"It is incumbent on Sudan to ...", "it is important for both sides to ...": where the
    governor's subject is a bare "it", the adjective's "on"/"upon"/"for" object does the act of
    its infinitive."""
    if not any(c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in gov.children):
        return None
    for adj in [gov] if gov.pos_ == "ADJ" else [a for a in gov.children if a.dep_ == "acomp"]:
        for prep in adj.children:
            if prep.dep_ == "prep" and prep.lower_ in ("on", "upon", "for"):
                obj = next((o for o in prep.children if o.dep_ == "pobj"), None)
                if obj is not None:
                    return obj
    return None


def has_object(tok: Token) -> bool:
    return any(c.dep_ in OBJECT_DEPS for c in tok.children)


def within_content(tok: Token, speech: Token) -> bool:
    """True where ``tok`` lies in what the speech verb reports (its clausal complement), or the
    speech verb is the "said" of a sentence that is all content ("X did Y, Z said")."""
    for child in speech.children:
        if child.dep_ in ("ccomp", "xcomp", "parataxis", "dobj") and tok in child.subtree:
            return True
    return speech.lower_ == "according" or (tok.dep_ == "ccomp" and tok.head.i == speech.i)


#: Entity types of a clock time or a calendar date.
TIME_ENTS = frozenset({"DATE", "TIME"})
#: Names of the days ("Monday's meeting", which the entity layer does not always mark as a date).
WEEKDAYS = frozenset(str(w).lower() for w in (load_lexicon("dates").get("words") or {}).get("weekday") or {})


def names_time(tok: Token) -> bool:
    """"at 7:00pm", "at 7pm Cairo time (1600 GMT)": a phrase of the clock or the calendar, which
    names when, never whom."""
    near = [tok, *[c for c in tok.children if c.dep_ in ("nummod", "compound", "appos")]]
    return any(t.ent_type_ in TIME_ENTS or t.lower_ in WEEKDAYS or any(ch.isdigit() for ch in t.text) for t in near)


def anchor_of(noun: Token) -> Token | None:
    """A nominal predicate used as a time reference ("following a meeting with", "after the
    talks", "during the visit") or heading its own participle ("the talks leading up to the
    deal"): the word that anchors it."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ in ("following", "after", "during", "before"):
        return head
    if any(c.dep_ == "acl" and c.lemma_.lower() in ("lead", "take") for c in noun.children):
        return next(c for c in noun.children if c.dep_ == "acl")
    return None


def governing_verb(tok: Token) -> Token | None:
    up = tok.head
    while up.i != tok.i and up.pos_ not in ("VERB", "AUX") and up.dep_ != "ROOT":
        tok, up = up, up.head
    return up if up.pos_ in ("VERB", "AUX") and up.i != tok.i else None


def demand_owner(verb: Token) -> Token | None:
    """Who makes the demand whose content ``verb`` is: the noun's possessor named ("Chad's demand
    that Sudan withdraw"), else the subject of the clause holding the noun ("Chad insisted on its
    demand that ..."); a pronoun possessor is resolved better through that clause."""
    noun = verb.head
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None and owner.pos_ in ("PROPN", "NOUN") and not names_time(owner):
        return owner
    gov = governing_verb(noun)
    return next((c for c in gov.children if c.dep_ == "nsubj"), None) if gov is not None else None


def aux_negated(head: Token) -> bool:
    return any(a.dep_ in ("aux", "auxpass") and any(n.dep_ == "neg" for n in a.children) for a in head.children)


def obliged_party(verb: Token, adjectives: set[str]) -> Token | None:
    """"It is incumbent on the authorities to guarantee ...", "it is imperative for both sides to
    stop ...": the party an adjective of obligation (``adjectives``) puts the infinitive on, or None
    where no such adjective governs the verb."""
    if verb.dep_ not in ("xcomp", "advcl", "ccomp") or not any(a.dep_ == "aux" and a.lower_ == "to"
                                                               for a in verb.children):
        return None
    gov = verb.head
    holders = [gov, *[c for c in gov.children if c.dep_ in ("acomp", "attr")]]
    if not any(a.lemma_.lower() in adjectives or a.lower_ in adjectives for a in holders):
        return None
    if any(m.dep_ == "mark" and m.lower_ == "for" for m in verb.children):  # "for both sides to stop"
        return next((s for s in verb.children if s.dep_ == "nsubj"), None)
    for adj in holders:
        for prep in adj.children:
            if prep.dep_ == "prep" and prep.lower_ in ("on", "upon", "for"):
                party = next((o for o in prep.children if o.dep_ == "pobj"), None)
                if party is not None:
                    return party
    return None


def according_objects(tok: Token) -> list[Token]:
    """Who "according to X" names: the objects of the "to" phrase on ``tok`` (the "according")."""
    return [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "to"
            for o in p.children if o.dep_ == "pobj"]
