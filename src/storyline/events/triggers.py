"""Finding the triggers of a document and reading each through the one that governs it.

Triggers, per sentence (``TriggerFinding.triggers``):

1. a verb the pattern lexicon codes (not an auxiliary, not a participle that only places a noun
   in time, not a verb carried by another one); before its own reading, an appeal ("X should
   do Y", "X must do Y" said by another: ``_appeal``, ``_obliged``) and "according to X";
2. an adjective of intention with its infinitive ("is willing to");
3. a nominal predicate a light verb carries ("held talks", "the conversation took place"),
   unless its host verb is a trigger already;
4. an act named by a noun with its agent ("Turkey's offensive", "United States sanctions"): a
   reference to an act told elsewhere.

Nesting (``TriggerFinding._nest``): each trigger is read through the nearest trigger above it.
The content of an appeal is no event of its own; reported speech keeps its content; the
complement of an intention is the event, planned ("agreed to hold another meeting"); the means
of an act, what the parent's pattern has read, and the purpose of a visit belong to the parent;
the fighting a trip is made for is the event ("went to Mali to fight the rebels").
"""

from __future__ import annotations

from typing import Any

from ..model import Document
from ..parse import entities, token_table
from .candidate import Candidate
from .clause import anchor_of, coordination_head, obliged_party, purpose_clause
from .coder_base import CoderBase
from .match import Trigger, light_for, light_verb_of, match_noun, match_verb
from .more_acts import ToldActs, contact_state, coordinated_host
from .nominal import (
    course_clause,
    dated_act,
    described_act,
    generic,
    measured_act,
    names_participants,
    praised_for,
    stated_participle,
)
from .sponsors import sponsor_names

Token = Any  # spacy.tokens.Token

#: Entity types of a modifier that names an act's agent ("an Al-Qaeda attack", "Turkish airstrikes").
AGENT_ENTS = frozenset({"NORP", "ORG"})  # not GPE: "the Brussels meeting" names a place
#: Parts of speech of the words a sentence's first pass reads (verbs, copulas, adjectives of
#: intention or predicate) and of those its second pass reads (nouns naming acts).
_CLAUSE_POS = frozenset({"VERB", "AUX", "ADJ"})
_NOUN_POS = frozenset({"NOUN", "PROPN"})


class TriggerFinding(CoderBase):
    """Finds the triggers of a document and nests each under the one that governs it."""

    def triggers(self, doc: Document) -> list[tuple[int, Trigger]]:
        sdoc = doc.spacy
        found: list[tuple[int, Trigger]] = []
        self._quoted = [(q.start, q.end) for q in doc.quotes if q.kind == "direct"]
        self._told = ToldActs(self._word_set)  # nouns read as acts by events.more_acts, per document
        self._contact = (self._word_set("contact_verbs"), self._word_set("contact_nouns"), self._word_set("party_nouns"))
        states = state_name_tokens(doc)
        pos = token_table(sdoc).pos
        for si, sent in enumerate(doc.sentences):
            span = sdoc.char_span(sent.start, sent.end, alignment_mode="expand")
            if span is None:
                continue
            hosts: set[int] = set()
            # only verbs, auxiliaries and adjectives can be triggers here: no Token is made for the rest
            for tok in (sdoc[i] for i in range(span.start, span.end) if pos[i] in _CLAUSE_POS):
                trig = None
                if tok.pos_ == "VERB" and tok.dep_ not in ("amod", "compound") and not self._auxiliary(tok) \
                        and not (tok.dep_ == "acl" and tok.tag_ == "VBN" and not self._stated_participle(tok)
                                 and not self._told_participle(tok)) \
                        and not self._anchors_nominal(tok):  # "territory controlled by", "the talks leading up to"
                    trig = None if any(self._obliged(c) for c in tok.children) else \
                        self._appeal(tok) or match_verb(tok, self.lex)
                    if trig is not None and not trig.code.startswith("01") and \
                            tok.lemma_.lower() in self.rules.words("telling_verbs") | self.rules.words("claim_verbs") and \
                            any(c.dep_ == "ccomp" for c in tok.children):
                        # "admitted that the situation is not ripe", "argued that the sanctions had
                        # failed": a report of speech, not the dictionary's disclosure (050) or dispute (110)
                        trig = Trigger(tok, "010", "verb", None, None, None, False, None, [tok])
                    if trig is not None and self._asks_question(tok, trig):
                        trig = Trigger(tok, "010", "verb", None, None, None, False, None, [tok])  # "'Why?' he asked"
                    if trig is not None and tok.dep_ == "acl" and trig.code is not None and trig.code.startswith("01"):
                        trig = None  # "a statement released by the ministry said": an attribution, not an act
                    if trig is not None and tok.tag_ == "VBN" and any(m.dep_ == "mark" and m.lower_ == "as"
                                                                      for m in tok.children):
                        trig = None  # "as proposed by Turkey", "as agreed in Minsk": a reference to another act
                    if trig is not None and self._withholds_speech(tok):
                        trig = None  # "declined to say how many", "refused to comment": no act
                    if trig is not None and self._aim_only(tok):
                        trig = None  # "efforts to find a solution": the goal of an effort
                    if trig is not None:
                        hosts.add(tok.i)
                    elif tok.lower_ == "according":
                        trig = self._according(tok)
                elif sponsor_names(tok, *self.sponsors):
                    trig = Trigger(tok, "045", "verb", None, None, None, False, None, [tok])  # "a Qatari-brokered truce"
                elif tok.pos_ == "ADJ" and tok.lemma_.lower() in self.intent_adjectives and \
                        any(c.dep_ == "xcomp" and not self._open_ended(c) for c in tok.children):
                    trig = Trigger(tok, "030", "verb", None, None, None, False, None, [tok])  # "is willing to"
                elif tok.pos_ == "ADJ" and tok.dep_ in ("acomp", "attr"):
                    trig = self._predicate_adjective(tok)  # "the Kingdom is grateful for"
                if trig is None and tok.pos_ in ("AUX", "VERB"):
                    trig = contact_state(tok, self._contact)  # "was in constant contact with all parties"
                if trig is not None:
                    found.append((si, trig))
            for tok in (sdoc[i] for i in range(span.start, span.end) if pos[i] in _NOUN_POS):
                if self._names_no_act(tok):
                    continue
                # "after eleven days of fighting", "the round of talks lasted": the measure carries the act
                measure = measured_act(tok, self.act_measures)
                carrier = measure if measure is not None else tok
                light = light_verb_of(carrier, self.lex)
                anchor = anchor_of(carrier)
                if light is None and anchor is not None and anchor.lower_ in self.occasion_preps:
                    continue  # "during his visit to Paris, he said": the occasion of the clause's act
                if light is None and anchor is not None and anchor.lower_ in self.era_preps and \
                        self._era(tok, measure):
                    continue  # "after thirty years of war, the region ...": an era that dates the clause
                if light is None and self._named_era(tok):
                    continue  # "since the Gulf War": a named war is the setting of the news, no act of it
                # "a further meeting in Doha and a final meeting in Cairo": one verb carries both acts
                shared = coordinated_host(tok, self.lex, lambda n: light_verb_of(n, self.lex))
                if light is None and anchor is None and shared is not None:
                    trig = match_noun(tok, self.lex, shared)
                    if trig is not None:
                        found.append((si, trig))
                    continue
                # "the talks leading up to the deal lasted days": the noun's own participle anchors it first
                host = anchor or light or course_clause(tok, lambda v: light_for(v, self.course_verbs))
                if host is None:
                    # "the army's shelling of the town", "Turkey's offensive": an act
                    # named by a noun with its agent, a reference to an act told elsewhere
                    if self._named_act(tok, states, measure is not None):
                        trig = match_noun(tok, self.lex, None)
                        if trig is not None:
                            trig.status = "planned" if tok.i in self._told.planned else "reference"
                            found.append((si, trig))
                    continue
                if host.i in hosts or (host.dep_ == "prep" and generic(tok, self.generic_determiners)):
                    continue  # "after every conversation": a kind of act places the clause, not one act
                trig = match_noun(tok, self.lex, host)
                if trig is not None:
                    hosts.add(host.i)
                    found.append((si, trig))
        return found

    def _predicate_adjective(self, tok: Token) -> Trigger | None:
        """An adjective predicated of its subject that states an act (``predicate_adjectives``):
        thanks ("the Kingdom is grateful to Qatar for ..."), presence at an occasion ("was present
        at the signing ceremony", the key naming its preposition)."""
        lemma = tok.lemma_.lower()
        # the preposition hangs on the adjective or on its copula ("was present at")
        preps = {c.lower_ for h in (tok, tok.head) for c in h.children if c.dep_ == "prep"}
        for key, code in self.predicate_adjectives.items():
            if key[0] == lemma and (len(key) == 1 or key[1] in preps):
                return Trigger(tok, code, "verb", None, None, None, False, None, [tok])
        return None

    def _aim_only(self, tok: Token) -> bool:
        """"Efforts by the UN to find a peaceful solution", "a bid to secure a truce": the
        infinitive on a noun of striving (``aim_nouns``) names what is sought, not an act done;
        unless a verb of exertion makes the effort the subject's undertaking (``exertion_verbs``)."""
        noun = tok.head
        if noun.dep_ == "dobj" and noun.head.lemma_.lower() in self.exertion_verbs:
            return False  # "will exert all efforts to mediate": an intention to mediate
        return tok.dep_ == "acl" and (noun.lemma_.lower() in self.aim_nouns or noun.lower_ in self.aim_nouns) \
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in tok.children)

    def _withholds_speech(self, tok: Token) -> bool:
        """"Declined to say how many troops would go", "refused to comment on the talks": a refusal
        (``refusal_verbs``) whose infinitive is a verb of speech (``withheld_speech_verbs``) only
        withholds a comment; no rejection of anyone's proposal, and no statement."""
        return tok.lemma_.lower() in self._word_set("refusal_verbs") and any(
            c.dep_ == "xcomp" and c.lemma_.lower() in self._word_set("withheld_speech_verbs")
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in tok.children)

    def _exerted_for(self, verb: Token, governor: Token) -> bool:
        """"ready to make every effort to mediate", "determined to spare no effort to end the war": the
        act an effort is exerted for (``exertion_verbs`` with an ``aim_nouns`` object) is the
        intention's complement, as "ready to mediate" is."""
        noun = verb.head
        exert = noun.head
        return verb.dep_ == "acl" and noun.dep_ == "dobj" and \
            (noun.lemma_.lower() in self.aim_nouns or noun.lower_ in self.aim_nouns) and \
            exert.lemma_.lower() in self.exertion_verbs and exert.dep_ == "xcomp" and exert.head.i == governor.i

    def _open_ended(self, verb: Token) -> bool:
        """"Ready to take whatever steps", "ready to do everything": an intention whose object
        is left open (``open_ended_words``) pledges no act."""
        return any(t.lower_ in self.open_ended_words for o in verb.children if o.dep_ in ("dobj", "ccomp")
                   for t in o.subtree)

    def _names_no_act(self, tok: Token) -> bool:
        """"The summit communique", "the Government of National Accord", "the ruling Democratic
        Rally": a noun that only modifies another ("summit" of "communique"), is a word inside an
        organisation's name, or heads a proper name of a body (``body_name_nouns``) names no act."""
        if tok.dep_ == "compound" and tok.head.pos_ in ("NOUN", "PROPN"):
            return True
        if self._body_name(tok):
            return True
        return tok.pos_ == "PROPN" and tok.ent_type_ == "ORG" and any(
            e.start <= tok.i < e.end and e.root.i != tok.i for e in entities(tok.doc) if e.label_ == "ORG")

    def _body_name(self, tok: Token) -> bool:
        """"The ruling Democratic Rally in Cyprus", "the Greek Energy Forum": a capitalised noun of
        ``body_name_nouns`` after capitalised words of its own phrase is a body's name."""
        if not tok.text[:1].isupper() or tok.lemma_.lower() not in self.body_name_nouns or tok.is_sent_start:
            return False
        return any(c.dep_ in ("compound", "amod") and c.i < tok.i and c.text[:1].isupper() for c in tok.children)

    def _named_act(self, tok: Token, states: set[int], measured: bool) -> bool:
        """The noun with no verb to carry it tells an act (events.nominal): its phrase names who
        took part, an agent modifier names its doer, or the phrase measures or dates it."""
        if generic(tok, self.generic_determiners) or self._aimed_at(tok):
            return False
        joint = self._joint_noun(tok)
        material = self._material_noun(tok)
        # "clashes with Armenians", "the offensive against the rebels": the other side of force
        partners = ("with", "against") if material else ()
        if self._told.act(tok, joint) or names_participants(tok, self.generic_determiners, joint, partners) or \
                measured or (dated_act(tok) and (joint or material)):
            return True
        if tok.lemma_.lower() in self.conflict_nouns or tok.lower_ in self.conflict_nouns:
            return False  # "the Transdniestrian conflict", "the Syrian war": the place fought over, not a doer
        return any((c.dep_ in ("compound", "amod") and c.ent_type_ in AGENT_ENTS)
                   or (c.dep_ == "compound" and c.i in states and material) for c in tok.children)

    def _era(self, tok: Token, measure: Token | None) -> bool:
        """Fighting named as a past era that dates the clause ("after thirty years of war", "after
        the war of 1992-1994"): a noun of fighting (``conflict_nouns``) measured in long spans
        (``era_measures``) or dated in its own phrase; fighting of a few days stays an act ("after
        eleven days of fighting, a truce took hold")."""
        if not (tok.lemma_.lower() in self.conflict_nouns or tok.lower_ in self.conflict_nouns):
            return False
        if measure is not None:
            return measure.lemma_.lower() in self.era_measures or measure.lower_ in self.era_measures
        return dated_act(tok)

    def _named_era(self, tok: Token) -> bool:
        """A war or era named as a proper name ("the Libyan Civil War", "the Gulf War", "the Arab
        Spring"): a capitalised head of ``named_era_nouns`` after a capitalised word of its own
        phrase, in a sentence not written in title case (a headline capitalises every word)."""
        if not tok.text[:1].isupper() or tok.lower_ not in self.named_era_nouns or tok.is_sent_start:
            return False
        prev = tok.doc[tok.i - 1]
        if not (prev.text[:1].isupper() and prev.is_alpha or prev.text == "-") or prev.is_sent_start and prev.pos_ != "PROPN":
            return False
        words = [t for t in tok.sent if t.is_alpha and len(t) > 3]
        return sum(t.text[:1].isupper() for t in words) * 2 < len(words)

    def _aimed_at(self, tok: Token) -> bool:
        """"A prerequisite for the intra-Sudanese talks", "a first step toward Sudan's withdrawal":
        an act named after a noun of what leads to it (``goal_heads``) is the goal, not an act told."""
        prep = tok.head
        return tok.dep_ == "pobj" and prep.lower_ in ("for", "to", "toward", "towards") and \
            prep.head.lemma_.lower() in self.goal_heads

    def _joint_noun(self, tok: Token) -> bool:
        """A noun of an act done together (talks, ``joint_classes``) or of fighting
        (``conflict_nouns``): either is named as a topic with its sides ("a solution to the
        conflict between A and B")."""
        if tok.lemma_.lower() in self.conflict_nouns or tok.lower_ in self.conflict_nouns:
            return True
        entry = self.lex.nouns.get(tok.lemma_.lower()) or self.lex.nouns.get(tok.lower_)
        return entry is not None and entry.code is not None and self.classes.classify(entry.code).what in self.joint_classes

    def _stated_participle(self, tok: Token) -> bool:
        """"Talks hosted by Turkey", "the accord signed on 9 November": a participle of an act noun
        that names its doer or date is an act (events.nominal)."""
        noun = tok.head
        if tok.lemma_.lower() in self.descriptive_participles:
            return False  # "the truce deal offered by the government": a description
        return (self.lex.nouns.get(noun.lemma_.lower()) or self.lex.nouns.get(noun.lower_)) is not None and \
            stated_participle(tok)

    def _told_participle(self, tok: Token) -> bool:
        """"a truce brokered by Egypt", "the accord signed on 9 May 2015": a participle on a noun
        that names who did it or when tells an act of its own; one with neither ("the occupied
        territory") or of a state ("the territory controlled by the rebels":
        ``descriptive_participles``) only describes the noun."""
        if tok.lemma_.lower() in self.descriptive_participles:
            return False
        for ch in tok.children:
            if ch.dep_ == "agent":
                return True
            if ch.dep_ in ("prep", "npadvmod") and any(t.ent_type_ == "DATE" for t in ch.subtree):
                return True
        return False

    def _material_noun(self, tok: Token) -> bool:
        """"United States sanctions", "Turkish airstrikes": a noun of a material act, which a state
        does; "the Brussels meeting", "the Moscow talks" are held at a place (material_prefixes)."""
        entry = self.lex.nouns.get(tok.lemma_.lower()) or self.lex.nouns.get(tok.lower_)
        return entry is not None and entry.code is not None and \
            entry.code.startswith(tuple(self.rules.words("material_prefixes")))

    def _anchors_nominal(self, tok: Token) -> bool:
        """"The talks leading up to the deal": the participle only places the talks in time; the
        event is the nominal predicate it hangs on, not the participle's own reading."""
        noun = tok.head
        return tok.dep_ == "acl" and noun.pos_ in ("NOUN", "PROPN") and \
            (self.lex.nouns.get(noun.lemma_.lower()) or self.lex.nouns.get(noun.lower_)) is not None and \
            getattr(anchor_of(noun), "i", None) == tok.i

    def _appeal(self, tok: Token) -> Trigger | None:
        """"X should do Y" is an appeal to X (hoped); "X must do Y" said by someone else is a
        demand (the GSR's "Russia said Sudan must return the helicopter"). The appeal's source is
        the speaker, found later; the clause's own verb is its content, not an event."""
        modals = {c.lower_ for c in tok.children if c.dep_ == "aux"}
        if modals & self.rules.words("hoped_modals"):
            return Trigger(tok, "020", "appeal", None, None, None, False, "hoped", [tok])
        # "X must not do Y" is a demand as much as "X must do Y": the negation is in its content;
        # said in reported speech, or in the speaker's own quoted words
        quoted = any(a <= tok.idx < b for a, b in self._quoted)
        if self._obliged(tok) or obliged_party(tok, self.obligation_adjectives) is not None:
            return Trigger(tok, "100", "appeal", None, None, None, False, None, [tok])
        own = any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in self.rules.words("self_subjects")
                  for c in tok.children)
        if "must" in modals and not own and (quoted or (tok.dep_ == "ccomp" and tok.head.lemma_.lower() in self.speech_verbs)):
            return Trigger(tok, "100", "appeal", None, None, None, False, None, [tok])
        if self._duty_of_other(tok) or self._demand_content(tok):
            return Trigger(tok, "100", "appeal", None, None, None, False, None, [tok])
        if self._expected_of_other(tok):
            # "Chad expects Sudan to respect the truce": a demand made of Sudan, not Chad's intent
            return Trigger(tok, "100", "verb", None, None, None, False, None, [tok])
        return None

    def _asks_question(self, tok: Token, trig: Trigger) -> bool:
        """"'What comes next?' he asked", "asked whether the talks would resume": a verb of asking
        (``question_verbs``) with no one asked and nothing asked for puts a question, a report of
        speech, not an appeal ("asked Sudan to withdraw", "asked for help" stay appeals)."""
        if not trig.code.startswith("02") or tok.lemma_.lower() not in self.rules.words("question_verbs"):
            return False
        for c in tok.children:
            if c.tag_ in ("WP", "WDT"):
                continue  # "'What next?' he asked": the question's own word, not whom or what is asked for
            if c.dep_ in ("dobj", "dative", "xcomp") or (c.dep_ == "prep" and c.lower_ == "for"):
                return False
            if c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                return False
        return True

    def _demand_content(self, tok: Token) -> bool:
        """"Insisted on its demand that Sudan withdraw", "the call for Chad to release the
        prisoners": the clause on a noun of demand (``demand_nouns``) is what is demanded of its
        subject, a demand like "X must do Y", not an act done."""
        noun = tok.head
        if tok.dep_ not in ("acl", "ccomp", "relcl") or noun.pos_ != "NOUN" or \
                noun.lemma_.lower() not in self.demand_nouns:
            return False
        return any(c.dep_ == "mark" and c.lower_ in ("that", "for") for c in tok.children) or \
            (any(c.dep_ == "nsubj" for c in tok.children) and any(a.dep_ == "aux" and a.lower_ == "to" for a in tok.children))

    def _duty_of_other(self, tok: Token) -> bool:
        """"It is incumbent on Sudan to guarantee ...", "Sudan is obliged to withdraw", said by
        someone else: a duty laid on a third party by an adjective of obligation
        (``obligation_adjectives``) is a demand, like "must"; the adjective's "to" complement is
        what is demanded. Not the speaker's own ("we are bound to")."""
        gov = tok.head
        if tok.dep_ != "xcomp" or gov.i == tok.i or not any(a.dep_ == "aux" and a.lower_ == "to" for a in tok.children):
            return False
        adjectives = [gov] if gov.pos_ == "ADJ" else [a for a in gov.children if a.dep_ == "acomp"]
        if not any(a.lemma_.lower() in self.rules.words("obligation_adjectives") for a in adjectives):
            return False
        verb = gov.head if gov.pos_ == "ADJ" and gov.dep_ == "acomp" else gov
        if any(c.dep_ == "neg" for c in [*verb.children, *gov.children]):
            return False
        subj, _ = self._subject(tok)
        if subj is None or subj.lower_ in self.rules.words("self_subjects"):
            return False
        quoted = any(a <= verb.idx < b for a, b in self._quoted)
        return quoted or (verb.dep_ == "ccomp" and verb.head.lemma_.lower() in self.speech_verbs)

    def _expected_of_other(self, tok: Token) -> bool:
        """"Chad expects Sudan to respect the truce" (``expectation_verbs``, active, with an
        infinitive whose doer is someone other than the subject): what is expected of another is
        demanded of them; so is what another is ordered to do ("ordered the army to withdraw":
        ``command_verbs``). "Chad expects to sign" is its own intention; "is expected to" a forecast."""
        if tok.lemma_.lower() not in self.rules.words("expectation_verbs") | self.command_verbs or \
                any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children):
            return False
        subj = [c for c in tok.children if c.dep_ == "nsubj"]
        if not subj or subj[0].lower_ in self.rules.words("self_subjects"):
            return False
        for comp in tok.children:
            if comp.dep_ not in ("xcomp", "ccomp") or not any(a.dep_ == "aux" and a.lower_ == "to" for a in comp.children):
                continue
            if any(c.dep_ == "nsubj" for c in comp.children) or any(c.dep_ in ("dobj", "dative") for c in tok.children):
                return True
        return False

    def _obliged(self, tok: Token) -> bool:
        """"They need to back us", "Turkey has to withdraw", said by someone else: what a
        third party is told it must do (a demand, like "must"); the verb of obligation only
        carries it. Not "we need to", the speaker's own resolve."""
        gov = tok.head
        if tok.dep_ != "xcomp" or gov.i == tok.i or gov.lemma_.lower() not in self.rules.words("obligation_verbs") \
                or not any(a.dep_ == "aux" and a.lower_ == "to" for a in tok.children):
            return False
        subj = [c for c in gov.children if c.dep_ == "nsubj"]
        if not subj or subj[0].lower_ in self.rules.words("self_subjects") or any(c.dep_ == "neg" for c in gov.children):
            return False
        quoted = any(a <= gov.idx < b for a, b in self._quoted)
        return quoted or (gov.dep_ == "ccomp" and gov.head.lemma_.lower() in self.speech_verbs)

    def _auxiliary(self, tok: Token) -> bool:
        """"going to be", "have to go", "used to say": the verb only carries the next one."""
        return tok.lemma_.lower() in self.auxiliary_verbs and any(
            c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in tok.children)

    def _according(self, tok: Token) -> Trigger | None:
        """"According to X, ...": X's statement of the sentence's main clause."""
        if not any(c.dep_ == "prep" and c.lower_ == "to" for c in tok.children):
            return None
        return Trigger(tok, "010", "verb", None, None, None, False, None, [tok])

    def _nest(self, cands: list[Candidate]) -> None:
        by_head = {c.head.i: c for c in cands}
        by_token = {c.trig.token.i: c for c in cands}
        for c in cands:
            tok = c.head
            for _ in range(40):  # up the tree to the nearest governing trigger
                if tok.dep_ == "ROOT" or tok.head.i == tok.i:
                    break
                dep = tok.dep_
                tok = coordination_head(tok) if dep == "conj" else tok.head
                if dep in ("conj", "cc"):
                    continue
                parent = by_head.get(tok.i) or by_token.get(tok.i)
                if parent is not None and parent is not c:
                    c.parent = parent
                    break
                if dep not in ("xcomp", "ccomp", "advcl", "pcomp", "pobj", "prep", "acl", "relcl", "dobj", "nsubjpass"):
                    break
        for c in cands:
            first = by_head.get(c.head.head.i) if c.head.dep_ == "conj" and c.trig.kind == "verb" else None
            if first is not None and first is not c and first.trig.kind == "appeal":
                c.drop = True  # "X must guarantee A and not permit B": B is asked of X in the same appeal
                continue
            p = c.parent
            if p is None:
                continue
            if c.trig.kind == "noun" and c.trig.host is not None and c.trig.host.i == p.trig.token.i:
                continue
            if c.cls.what == "STATEMENT" and c.trig.token.lower_ == "according":
                continue
            # "agreed to hold", and "announced plans to pull out": the complement of the parent's
            # own noun of intention is its complement too
            complement = (c.head.dep_ in ("xcomp", "ccomp") and c.head.head.i == p.head.i) or \
                (c.head.dep_ == "acl" and any(w.i == c.head.head.i for w in p.trig.words)
                 and c.head.head.lemma_.lower() in self.planned_governors) or self._exerted_for(c.head, p.head)
            governs = complement and (p.trig.token.lemma_.lower() in self.planned_governors or p.cls.intent)
            if p.is_speech:
                continue  # reported speech keeps its content
            if p.is_request or (c.head.dep_ == "conj" and p.drop and p.parent is not None and p.parent.is_request
                                and c.head.head.i == p.head.i):
                # the content of an appeal, with what is coordinated in it ("expects Sudan to
                # respect the truce and withdraw"), is not an event of its own
                c.drop = True
            elif c.head.dep_ == "pcomp" and c.cls.what == "MEDIATE" and p.cls.what == "SUPPORT" and \
                    c.head.head.lower_ == "for":
                c.praised_in = p  # "thanked Qatar for hosting the talks": Qatar mediated, and is thanked for it
            elif c.head.dep_ == "pcomp" and not any(ch.dep_ in ("nsubj", "nsubjpass") for ch in c.head.children) \
                    and not praised_for(c, p, self.praise_classes):
                # "accused X of violating", "allied in fighting ISIS": part of the parent (not "with
                # the US encouraging firms to ...", a clause with a subject of its own)
                c.drop = True
            elif (c.cls.what == "AGREE" or (complement and c.cls.what in self.agreed_classes)) and \
                    p.cls.what == "AGREE" and not (
                    described_act(c.head) and self._told_participle(c.head)):
                # "agreed to expand cooperation", "agreed to resume diplomatic relations": the
                # agreement is the event; not "agreed to implement the accord signed in 2001", an
                # earlier agreement of its own
                c.drop = True
            elif governs:
                c.inherited_from = p  # "agreed to hold another meeting": the meeting, planned
                p.drop = True
            elif c.head.tag_ == "VBG" and c.head.dep_ in ("advcl", "xcomp", "acl") and \
                    c.head.lemma_.lower() in self.means_verbs:
                c.drop = True  # "launched the raid using six helicopters": the act's means
            elif p.trig.pattern is not None and c.head in p.trig.words:
                c.drop = True  # "helped reach an agreement": the parent's pattern has read it already
            elif purpose_clause(c.head, p.head) and p.cls.what in self.trip_classes and \
                    c.cls.what in self.force_classes:
                c.purpose_of = p  # "the brigade went to Mali to fight the rebels": the fighting is the event
                p.drop = True
            elif purpose_clause(c.head, p.head):
                c.drop = True  # "will come to Moscow to discuss ...": the purpose belongs to the visit


def state_name_tokens(doc: Document) -> set[int]:
    """Tokens of a state named as such ("United States", "Iran"), not of a place name that the
    actors layer links to its state ("Brussels", "Moscow": a city, where an act happens)."""
    states = {a.id for a in doc.actors if a.kind == "state"}
    out: set[int] = set()
    for m in doc.mentions:
        if m.kind == "place" or m.actor_id not in states:
            continue
        span = doc.spacy.char_span(m.start, m.end, alignment_mode="expand")
        out.update(t.i for t in span or ())
    return out
