"""Whether what a use of force is aimed at can take part in one, and what a subject that cannot
act is: the test that tells fighting from a figure of speech.

A use of force keeps its reading (``Participation._take_part``), in this order:

1. where its source names fighters, troops or their means ("U.S. forces destroyed a platform");
2. where nothing is aimed at: a verb with an infinitive and no partner is striving ("battling
   to cut costs") and goes; any other stays;
3. where one of its objects can take part (``_can_take_part``: an actor found there, a name or
   named entity, a personal pronoun, a noun of an agent, a force or its means) or is an act
   noun ("launched a strike"), or names a state's things ("struck Iranian targets");
4. else, a verb of verbal attack with a source is criticism ("attacked Bush's economic record");
   anything else is a figure of speech and goes ("fight poverty", "hit a five-year high").

Before all of these, a meeting with a reaction ("would meet a strong response") is a figure of
speech too, and goes; meeting a demand is yielding to it (``_figurative_meeting``).
"""

from __future__ import annotations

from typing import Any

from ..actors.resolve import ActorResolver
from .candidate import Candidate
from .clause import OBJECT_DEPS
from .coder_base import CoderBase

Token = Any  # spacy.tokens.Token

#: Entity types of a head that can take part in a use of force (with actors, agents, places).
PARTICIPANT_ENTS = frozenset({"PERSON", "NORP", "ORG", "GPE", "LOC", "FAC"})


#: Entity types of a time or a measure, which take part in nothing.
MEASURE_ENTS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})




class Participation(CoderBase):
    """Who or what can take part in a use of force."""

    def _can_take_part(self, tok: Token, res: ActorResolver) -> bool:
        """Whether a noun phrase's head can take part in a use of force: an actor the actors layer
        found there (a name, a role, a pronoun), a proper name or named entity, a personal pronoun,
        or a noun of PETRARCH's agents, a force, its means or what force hits (a village, a
        tanker). Not a thing of the economy or an idea ("the rupee", "poverty", "this")."""
        if tok.ent_type_ in MEASURE_ENTS:
            return False  # "on Tuesday", "hit 156 billion dlrs"
        if res.by_token.get(tok.i) or tok.pos_ == "PROPN" or tok.ent_type_ in PARTICIPANT_ENTS:
            return True
        if tok.pos_ == "PRON":
            return tok.lower_ not in self.thing_pronouns
        if tok.dep_ == "appos" and tok.head.i != tok.i and (tok.head.pos_ == "PROPN" or res.by_token.get(tok.head.i)):
            return True  # "Deutsche Boerse, the German stock exchange that ..."
        return tok.lemma_.lower() in self.participant_nouns or tok.lower_ in self.participant_nouns

    def _thing(self, tok: Token, res: ActorResolver) -> bool:
        """A subject that cannot act: a thing whose owner the actor layer names ("India's rupee",
        "the Indian ocean tsunami"), not a body named beside it ("the administrator, Enrico Bondi"),
        an act ("Turkish airstrikes") or an intention ("Castro's decision to ban")."""
        return tok.pos_ == "NOUN" and not self._can_take_part(tok, res) and not self._act_noun(tok) and \
            tok.lemma_.lower() not in self.planned_governors and tok.lemma_.lower() not in self.undertaking_nouns \
            and not any(c.dep_ == "appos" for c in tok.children)

    def _act_noun(self, tok: Token) -> bool:
        """"Turkish airstrikes killed ...": an act noun as subject stands for its agent's act."""
        return (self.lex.nouns.get(tok.lemma_.lower()) or self.lex.nouns.get(tok.lower_)) is not None

    def _figurative_meeting(self, c: Candidate) -> bool:
        """"Any attack would meet a strong response", "was met with criticism": a verb of meeting
        (``meeting_verbs``) whose object, or partner after "with" or "by", is a reaction or a limit
        (``figurative_meeting_objects``) is no meeting. One whose object is what another asks for
        (``yielding_meeting_objects``: "met the protesters' demands") yields to it: CAMEO 080, and
        its negation ("would not meet the demands") is then read as a refusal."""
        head = c.head
        if c.trig.kind != "verb" or head.lemma_.lower() not in self._word_set("meeting_verbs"):
            return False
        objects = {o.lemma_.lower() for o in head.children if o.dep_ == "dobj"} | \
            {o.lemma_.lower() for p in head.children if (p.dep_ == "prep" and p.lower_ == "with") or p.dep_ == "agent"
             for o in p.children if o.dep_ == "pobj"}
        if objects & self._word_set("yielding_meeting_objects"):
            self._recode(c, "080")
            return False
        return bool(objects & self._word_set("figurative_meeting_objects"))

    def _take_part(self, c: Candidate, res: ActorResolver) -> None:
        """A use of force on something that cannot take part in one is a figure of speech: "to
        fight poverty", "overcome deflation", "we are fighting this [law]", "hit a five-year high";
        "attacked Bush's economic record" is criticism. So is striving: "battling to cut costs".
        Fighters, troops and their means keep the reading ("U.S. forces destroyed a platform")."""
        if self._figurative_meeting(c):
            c.drop = True
            return
        if c.trig.kind not in ("verb", "noun") or c.cls.what not in self.participant_classes or c.armed_source \
                or c.drop:
            return
        head = c.head if c.trig.kind == "verb" else c.trig.token
        words = {w.i for w in c.trig.words if w.i != c.trig.token.i}
        # an object that holds the pattern's words is the pattern's ("suffered thousands of casualties")
        objects = [o for o in head.children if o.dep_ in OBJECT_DEPS and not any(t.i in words for t in o.subtree)] \
            if c.trig.kind == "verb" else []
        # "launched a direct assault on poverty": the pattern's noun carries the object
        carriers = [head, *[w for w in c.trig.words if w.pos_ == "NOUN" and w.head.i == head.i]]
        objects += [o for h in carriers for p in h.children if p.dep_ == "prep"
                    and p.lower_ in ("with", "against", "on", "at") and p.i not in words
                    for o in p.children if o.dep_ == "pobj" and o.ent_type_ not in MEASURE_ENTS]
        if not objects and c.trig.kind == "verb":
            strives = any(x.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in x.children)
                          for x in head.children)
            if strives and not c.target:
                c.drop = True  # "battling to cut costs", "struggling to keep up"
            return
        if not objects:
            return
        members = [m for o in objects for m in (o, *o.conjuncts)]
        if any(self._can_take_part(m, res) or self._act_noun(m) for m in members):
            return  # "launched a strike": the act's own noun
        if any(d.dep_ in ("amod", "compound") and d.ent_type_ in ("NORP", "GPE") for m in members for d in m.children):
            return  # "struck Iranian targets": a state's things
        verb = " ".join(w.lemma_.lower() for w in sorted(c.trig.words, key=lambda w: w.i) if w.i == head.i
                        or (w.dep_ == "prt" and w.head.i == head.i))
        if c.trig.kind == "verb" and c.source and \
                (verb in self.verbal_attack_verbs or head.lemma_.lower() in self.verbal_attack_verbs):
            self._recode(c, self.verbal_attack_code)  # "attacked Bush's economic record": criticism of Bush
            return
        c.drop = True
