"""The event coder: from a parsed, actor-linked document to its events.

One pass per document:

1. triggers: every verb the pattern lexicon codes, every nominal predicate a light verb carries
   ("held talks", "the conversation took place"), "according to X", and appeals made with
   "should";
2. nesting: a trigger inside another's complement is read through it: the content of an appeal
   ("urged both sides to ensure ...") is not an event of its own; the complement of an intention
   ("agreed to hold another meeting") is the event, planned; reported speech keeps its content;
3. arguments: source and target from the parse (see ``actors``), collective references resolved;
4. status, date and place of each clause (``status``, ``context``);
5. reports of speech become STATEMENT events only where they add something: the speaker's first
   act in the article, and not when the content is the speaker's own act or a direct quotation;
6. one event per action (``merge``).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from typing import Any

from ..dates.anchor import frame_date, measured_back
from ..model import ActorRef, DateValue, Document, Event
from ..pipeline import Context
from .actors import ActorResolver, entity_mentions, same_actor
from .agency import Agency
from .context import clause_date, clause_place
from .groups import GroupNouns, group_ref
from .lexicon import Lexicon, load_agent_nouns, load_event_lexicon
from .match import Trigger, clausal_subject, light_verb_of, match_noun, match_verb
from .merge import merge_events
from .nominal import names_participants, stated_participle
from .parties import between_sides, supply_parties
from .plover import EventClass, load_plover_map
from .status import StatusRules

Token = Any

SOURCE_DEPS = frozenset({"nsubj", "csubj"})
#: Entity types of a modifier that names an act's agent ("an Al-Qaeda attack", "Turkish airstrikes").
AGENT_ENTS = frozenset({"NORP", "ORG"})  # not GPE: "the Brussels meeting" names a place
OBJECT_DEPS = frozenset({"dobj", "dative", "obj", "iobj"})
#: Dependents that complete a verb beyond its object ("called the decision a mistake", "called it
#: justified", "called them to order"): the verb then has its own reading, not the one of its object.
COMPLEMENT_DEPS = frozenset({"oprd", "xcomp", "ccomp", "acomp", "attr"})
TARGET_PREPS = frozenset({"with", "to", "against", "at", "from", "upon", "toward", "towards", "into"})
NOUN_TARGET_PREPS = frozenset({"with", "to", "against", "on", "of", "at", "into", "upon"})
#: Prepositions on a verb pattern's noun ("held talks with", "launched an offensive against") that
#: name the partner; not "on" or "of", which name the topic ("talks on Syria").
CARRIED_PARTNER_PREPS = frozenset({"with", "against"})
#: Prepositions that name whom force is aimed at ("fired on protesters", "opened fire on the crowd").
FORCE_TARGET_PREPS = frozenset({"on"})
EVIDENCE_CUT = frozenset({"conj", "cc", "parataxis"})
#: Entity types of a head that can take part in a use of force (with actors, agents, places).
PARTICIPANT_ENTS = frozenset({"PERSON", "NORP", "ORG", "GPE", "LOC", "FAC"})
#: Entity types of a time or a measure, which take part in nothing.
MEASURE_ENTS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})
#: Pronouns that point at a thing or a fact, not at someone ("we are fighting this").
DEMONSTRATIVES = frozenset({"this", "that", "these", "those", "which", "what", "something", "anything",
                            "everything", "nothing"})
#: Words by which a warning's content names the speaker's side as who will act.
SPEAKER_SIDE = frozenset({"we", "i", "our", "my", "us"})
EDGE_PUNCT = set(" \t\n,;:.-–—\"“”'‘’«»()[]")


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


class Coder:
    """Codes documents with one lexicon, class table and set of cue words (loaded once)."""

    def __init__(self, ctx: Context):
        files = tuple(ctx.options.lexicon_files)
        self.lex: Lexicon = load_event_lexicon(files)
        self.classes = load_plover_map(files)
        self.rules = StatusRules(ctx.lexicon("event_status") or {})
        self.collectives = ctx.lexicon("event_collectives") or {}
        self.conflict_nouns = {w.lower() for w in self.collectives.get("conflict_nouns", [])}
        self.onset_verbs = {w.lower() for w in self.collectives.get("onset_verbs", [])}
        self.additive_adverbs = {w.lower() for w in self.collectives.get("additive_adverbs", [])}
        self.force_nouns = {w.lower() for w in self.collectives.get("force_nouns", [])}
        self.force_means = {w.lower() for w in self.collectives.get("force_means", [])}
        self.unclaimed_means = {w.lower() for w in self.collectives.get("unclaimed_means", [])}
        # who or what can take part in a use of force besides a found actor (participant_classes)
        self.participant_nouns = load_agent_nouns() | self.force_nouns | self.force_means | \
            {w.lower() for w in self.collectives.get("force_targets", [])} | \
            {w.lower() for w in self.collectives.get("agent_nouns", [])} | \
            {w.lower() for w in self.collectives.get("heads", [])}
        self.undertaking_nouns = {w.lower() for w in self.lex.settings.get("undertaking_nouns", [])}
        # unnamed groups ("Police", "gunmen") as the actors of force, by their sector
        self.groups = GroupNouns(ctx.lexicon("actor_roles"), self.collectives)
        # what an event's source or target must be named by when no actor is linked to it
        roles = ctx.lexicon("actor_roles") or {}
        self.agency = Agency([*self.participant_nouns, *self.groups.sectors, *(roles.get("roles") or {}),
                              *(roles.get("families") or {}), *self.collectives.get("group_nonactors", []),
                              *self.collectives.get("group_nonsources", [])])
        self.participant_classes = {w.upper() for w in self.lex.settings.get("participant_classes", [])}
        self.verbal_attack_verbs = {w.lower() for w in self.lex.settings.get("verbal_attack_verbs", [])}
        self.verbal_attack_code = str(self.lex.settings.get("verbal_attack_code", "111"))
        self.warning_verbs = {w.lower() for w in self.lex.settings.get("warning_verbs", [])}
        self.warning_comment_code = str(self.lex.settings.get("warning_comment_code", "012"))
        self.threat_codes = {str(k): str(v) for k, v in (self.lex.settings.get("threat_codes") or {}).items()}
        self.negotiation_nouns = {w.lower() for w in self.collectives.get("negotiation_nouns", [])}
        self.topic_nouns = {w.lower() for w in self.lex.settings.get("topic_nouns", [])}
        self.political_sources = {w.upper() for w in self.lex.settings.get("political_sources", [])}
        self.speaker_acts = {w.upper() for w in self.lex.settings.get("speaker_acts", [])}
        self.stative_passives = {w.lower() for w in self.lex.settings.get("stative_passives", [])}
        self.intent_adjectives = {w.lower() for w in self.lex.settings.get("intent_adjectives", [])}
        self.auxiliary_verbs = {w.lower() for w in self.lex.settings.get("auxiliary_verbs", [])}
        self.speech_verbs = {e.lemma for es in self.lex.verbs.values() for e in es
                             if e.code and e.code.startswith("01") and not e.rest}
        self.planned_governors = self.rules.words("planned_governors")
        self.joint_classes = {w.upper() for w in self.lex.settings.get("joint_classes", [])}
        self.on_target_classes = {w.upper() for w in self.lex.settings.get("on_target_classes", [])}
        self.actor_object_codes = {str(k).lower(): str(v) for k, v in
                                   (self.lex.settings.get("actor_object_codes") or {}).items()}
        self.means_verbs = {w.lower() for w in self.lex.settings.get("means_verbs", [])}
        self.trip_classes = {w.upper() for w in self.lex.settings.get("trip_classes", [])}
        self.force_classes = {w.upper() for w in self.lex.settings.get("force_classes", [])}
        self.responsibility_code = str(self.lex.settings.get("responsibility_code", "015"))
        self.generic_determiners = {w.lower() for w in self.lex.settings.get("generic_determiners", [])}
        self.party_classes = {w.upper() for w in self.collectives.get("party_classes", [])}
        self.mediation_classes = {w.upper() for w in self.collectives.get("mediation_classes", [])}
        self._quoted: list[tuple[int, int]] = []  # the direct quotations of the document being coded

    # ------------------------------------------------------------ triggers

    def triggers(self, doc: Document) -> list[tuple[int, Trigger]]:
        sdoc = doc.spacy
        found: list[tuple[int, Trigger]] = []
        self._quoted = [(q.start, q.end) for q in doc.quotes if q.kind == "direct"]
        states = _state_name_tokens(doc)
        for si, sent in enumerate(doc.sentences):
            span = sdoc.char_span(sent.start, sent.end, alignment_mode="expand")
            if span is None:
                continue
            hosts: set[int] = set()
            for tok in span:
                trig = None
                if tok.pos_ == "VERB" and tok.dep_ not in ("amod", "compound") and not self._auxiliary(tok) \
                        and not (tok.dep_ == "acl" and tok.tag_ == "VBN" and not self._stated_participle(tok)) \
                        and not self._anchors_nominal(tok):  # "territory controlled by", "the talks leading up to"
                    trig = None if any(self._obliged(c) for c in tok.children) else \
                        self._appeal(tok) or match_verb(tok, self.lex)
                    if trig is not None:
                        hosts.add(tok.i)
                    elif tok.lower_ == "according":
                        trig = self._according(tok)
                elif tok.pos_ == "ADJ" and tok.lemma_.lower() in self.intent_adjectives and \
                        any(c.dep_ == "xcomp" for c in tok.children):
                    trig = Trigger(tok, "030", "verb", None, None, None, False, None, [tok])  # "is willing to"
                if trig is not None:
                    found.append((si, trig))
            for tok in span:
                if tok.pos_ not in ("NOUN", "PROPN"):
                    continue
                host = light_verb_of(tok, self.lex)
                if host is None:
                    host = _anchor_of(tok)
                if host is None:
                    # "the United States' killing of Qasem Soleimani", "Turkey's offensive": an act
                    # named by a noun with its agent, a reference to an act told elsewhere
                    if names_participants(tok, self.generic_determiners, self._joint_noun(tok)) or any(
                            (c.dep_ in ("compound", "amod") and c.ent_type_ in AGENT_ENTS)
                            or (c.dep_ == "compound" and c.i in states and self._material_noun(tok))
                            for c in tok.children):
                        trig = match_noun(tok, self.lex, None)
                        if trig is not None:
                            trig.status = "reference"
                            found.append((si, trig))
                    continue
                if host.i in hosts:
                    continue
                trig = match_noun(tok, self.lex, host)
                if trig is not None:
                    hosts.add(host.i)
                    found.append((si, trig))
        return found

    def _joint_noun(self, tok: Token) -> bool:
        entry = self.lex.nouns.get(tok.lemma_.lower()) or self.lex.nouns.get(tok.lower_)
        return entry is not None and entry.code is not None and self.classes.classify(entry.code).what in self.joint_classes

    def _stated_participle(self, tok: Token) -> bool:
        """"Talks hosted by Turkey", "the accord signed on 9 November": a participle of an act noun
        that names its doer or date is an act (events.nominal)."""
        noun = tok.head
        return (self.lex.nouns.get(noun.lemma_.lower()) or self.lex.nouns.get(noun.lower_)) is not None and \
            stated_participle(tok)

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
            getattr(_anchor_of(noun), "i", None) == tok.i

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
        if self._obliged(tok):
            return Trigger(tok, "100", "appeal", None, None, None, False, None, [tok])
        own = any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in self.rules.words("self_subjects")
                  for c in tok.children)
        if "must" in modals and not own and (quoted or (tok.dep_ == "ccomp" and tok.head.lemma_.lower() in self.speech_verbs)):
            return Trigger(tok, "100", "appeal", None, None, None, False, None, [tok])
        return None

    def _obliged(self, tok: Token) -> bool:
        """"They need to stand by us", "Turkey has to withdraw", said by someone else: what a
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

    # ------------------------------------------------------------ the document

    def code(self, doc: Document) -> list[Event]:
        cands = self.candidates(doc)
        kept = [c for c in cands if not c.drop and (
            (c.source and (c.cls.what not in self.political_sources or c.armed_source
                           or any(self._political(s) for s in c.source)))
            or (c.unclaimed and not c.source and any(self._political(t) or t.sector for t in c.target)))]
        events = [self._event(c, doc) for c in kept]
        references = {e.id for c, e in zip(kept, events, strict=True) if c.trig.status == "reference"}
        parts = {e.id for c, e in zip(kept, events, strict=True) if self._names_its_act(c)}
        onsets = {e.id for c, e in zip(kept, events, strict=True) if c.trig.kind == "verb"
                  and c.trig.token.lemma_.lower() in self.onset_verbs}
        # "had also levied sanctions": another material act; "we also discussed Iraq" is more of the same talks
        material = tuple(self.rules.words("material_prefixes"))
        additions = {e.id for c, e in zip(kept, events, strict=True) if c.code.startswith(material) and any(
            a.dep_ == "advmod" and a.lower_ in self.additive_adverbs for a in c.head.children)}
        return merge_events(events, doc, references, self.joint_classes, parts, self.groups.armed, onsets,
                            additions)

    def _names_its_act(self, c: Candidate) -> bool:
        """"who was also killed in the airstrike": the clause names, by a definite noun of its own
        class, the act it is part of."""
        if c.trig.kind != "verb":
            return False
        for prep in c.head.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "during"):
                continue
            for noun in prep.children:
                entry = self.lex.nouns.get(noun.lemma_.lower()) or self.lex.nouns.get(noun.lower_)
                if noun.dep_ == "pobj" and entry is not None and \
                        any(d.dep_ == "det" and d.lower_ in ("the", "this", "that") for d in noun.children) and \
                        self.classes.classify(entry.code).what == c.cls.what:
                    return True
        return False

    def candidates(self, doc: Document) -> list[Candidate]:
        """Every trigger of the document read in context; those to drop are marked ``drop``."""
        # the parser's entities stand in for mentions only where the actors layer added none
        mentions = None if doc.mentions else entity_mentions(doc)
        resolver = ActorResolver(doc, self.collectives, self.speech_verbs, mentions)
        cands = [Candidate(t, self.classes.classify(t.code), si) for si, t in self.triggers(doc)]
        self._nest(cands)
        previous: list[tuple[int, str | None, list[ActorRef]]] = []
        self._last_sources: dict[int, dict[str | None, list[ActorRef]]] = {}
        for c in cands:
            if c.drop:
                continue
            self._actor_object(c, resolver)
            self._arguments(c, resolver, previous)
            self._take_part(c, resolver)
            self._warning(c, resolver)
            self._evidence(c, doc)
            if c.trig.token.lower_ == "according":
                continue
            parts = c.source + c.target
            if c.source:
                self._last_sources.setdefault(c.sentence, {})[c.cls.what] = list(c.source)
            if len(parts) >= 2:
                previous.append((c.sentence, c.cls.what, parts))
        for c in cands:
            if not c.drop:
                self._when_where(c, doc)
        self._responsibility(cands)
        self._reinterpret(cands, resolver)
        self._statements(cands, resolver)
        between_sides(cands, resolver, self.party_classes, self.mediation_classes)
        supply_parties(cands, self.party_classes, self.mediation_classes, self.joint_classes,
                       self.rules.words("continuation_verbs"))
        return cands

    # ------------------------------------------------------------ nesting

    def _nest(self, cands: list[Candidate]) -> None:
        by_head = {c.head.i: c for c in cands}
        by_token = {c.trig.token.i: c for c in cands}
        for c in cands:
            tok = c.head
            for _ in range(40):  # up the tree to the nearest governing trigger
                if tok.dep_ == "ROOT" or tok.head.i == tok.i:
                    break
                dep = tok.dep_
                tok = _coordination_head(tok) if dep == "conj" else tok.head
                if dep in ("conj", "cc"):
                    continue
                parent = by_head.get(tok.i) or by_token.get(tok.i)
                if parent is not None and parent is not c:
                    c.parent = parent
                    break
                if dep not in ("xcomp", "ccomp", "advcl", "pcomp", "pobj", "prep", "acl", "relcl", "dobj", "nsubjpass"):
                    break
        for c in cands:
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
                 and c.head.head.lemma_.lower() in self.planned_governors)
            governs = complement and (p.trig.token.lemma_.lower() in self.planned_governors or p.cls.intent)
            if p.is_speech:
                continue  # reported speech keeps its content
            if p.is_request:
                c.drop = True  # the content of an appeal is not an event of its own
            elif c.head.dep_ == "pcomp" and not any(ch.dep_ in ("nsubj", "nsubjpass") for ch in c.head.children):
                # "accused X of violating", "allied in fighting ISIS": part of the parent (not "with
                # the US encouraging firms to ...", a clause with a subject of its own)
                c.drop = True
            elif c.cls.what == "AGREE" and p.cls.what == "AGREE":
                c.drop = True  # "agreed to expand cooperation": the agreement is the event
            elif governs:
                c.inherited_from = p  # "agreed to hold another meeting": the meeting, planned
                p.drop = True
            elif c.head.tag_ == "VBG" and c.head.dep_ in ("advcl", "xcomp", "acl") and \
                    c.head.lemma_.lower() in self.means_verbs:
                c.drop = True  # "carried out the attack using ten drones": the act's means
            elif p.trig.pattern is not None and c.head in p.trig.words:
                c.drop = True  # "helped reach an agreement": the parent's pattern has read it already
            elif _purpose_clause(c.head, p.head) and p.cls.what in self.trip_classes and \
                    c.cls.what in self.force_classes:
                c.purpose_of = p  # "the coalition came to Iraq to fight ISIS": the fighting is the event
                p.drop = True
            elif _purpose_clause(c.head, p.head):
                c.drop = True  # "will come to Moscow to discuss ...": the purpose belongs to the visit

    def _actor_object(self, c: Candidate, res: ActorResolver) -> None:
        """"Putin called Erdogan": a verb whose direct object is an actor, with nothing completing
        it, has another reading than its default (actor_object_codes); only the default gives way,
        never a pattern or a multi-word verb ("called on", "called it justified")."""
        trig = c.trig
        code = self.actor_object_codes.get(trig.token.lemma_.lower())
        if code is None or trig.kind != "verb" or trig.pattern is not None or \
                (trig.entry is not None and trig.entry.rest):
            return
        verb = trig.token
        if any(ch.dep_ in COMPLEMENT_DEPS for ch in verb.children):
            return
        objects = [ch for ch in verb.children if ch.dep_ == "dobj"]
        # an actor the layer found ("Erdogan"), or an agent named by its noun ("the leaders of X"),
        # a person pronoun; not a thing ("called the decision ...", "called it ...", "called a vote")
        if objects and all(o.pos_ != "PRON" or o.lower_ in ("him", "her", "them") for o in objects) and \
                any(res.refs_for(o) or self.agency.is_agent_noun(o) for o in objects):
            self._recode(c, code)

    # ------------------------------------------------------------ arguments

    def _subject(self, head: Token) -> tuple[Token | None, bool]:
        """The head's subject (following coordination and control), and whether it is passive."""
        seen = 0
        tok = head
        while tok is not None and seen < 6:
            seen += 1
            # "The US has been encouraging": the parser may hang the subject on an auxiliary
            for c in [*tok.children, *(g for a in tok.children if a.dep_ in ("aux", "auxpass") for g in a.children)]:
                if c.dep_ in SOURCE_DEPS:
                    return c, False
                if c.dep_ == "nsubjpass":
                    return c, True
            if tok.dep_ == "conj":
                stolen = _stolen_subject(tok)
                if stolen is not None:
                    return stolen, False
                tok = _coordination_head(tok)
                continue
            if tok.dep_ == "xcomp" and not _has_object(tok.head):
                tok = tok.head
                continue
            if tok.pos_ == "ADJ" and tok.dep_ in ("acomp", "attr") and tok.head.pos_ in ("AUX", "VERB"):
                tok = tok.head  # "France is ready to contribute troops": the subject of "is"
                continue
            if tok.dep_ == "acl" and tok.head.lemma_.lower() in self.planned_governors:
                tok = tok.head.head  # "stressed the need to continue": the subject of "stressed"
                continue
            if tok.tag_ == "VBG" and tok.dep_ == "pcomp":
                # "was more forceful in blaming Iran": the subject of the clause it belongs to
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
                return before, False  # "spoke of Turkey assuming the duty": the gerund's own subject
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

    def _arguments(self, c: Candidate, res: ActorResolver, previous: list[tuple[int, str | None, list[ActorRef]]]) -> None:
        head, trig = c.head, c.trig
        pre_source: list[ActorRef] = []
        src_toks: list[Token] = []
        tgt_toks: list[Token] = []
        if trig.token.lower_ == "according":
            for p in trig.token.children:
                if p.dep_ == "prep" and p.lower_ == "to":
                    src_toks += [o for o in p.children if o.dep_ == "pobj"]
        else:
            subj, passive = self._subject(head)
            agent = [o for a in head.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
            # "consultations between A and B were held": the passive subject is the act itself
            act_subject = subj is not None and trig.kind == "verb" and any(w.i == subj.i for w in trig.words) \
                and subj.lemma_.lower() in self.lex.nouns
            if passive and act_subject:
                src_toks += agent
            elif passive:
                src_toks += agent
                # "had been allied with Turkey": the with-phrase names a partner; not "threatened with
                # sanctions", whose with-phrase names the means
                with_prep = any(ch.dep_ == "prep" and ch.lower_ == "with" and
                                any(self._can_take_part(o, res) for o in ch.children if o.dep_ == "pobj")
                                for ch in head.children) or head.lemma_.lower() in self.stative_passives
                # "peacekeepers would be deployed", "had been allied with"; but "three soldiers were
                # killed" names the victims of an assault
                force_subject = subj is not None and subj.lemma_.lower() in self.force_nouns and \
                    c.cls.what not in self.participant_classes
                if subj is not None and not agent and (force_subject or with_prep):
                    src_toks.append(subj)
                elif subj is not None and not (trig.kind == "noun" and subj.i == trig.token.i):
                    tgt_toks.append(subj)
                if not agent and subj is not None and subj not in src_toks:
                    # "the PKK is banned in Turkey": the state where it happens acts
                    src_toks += [o for ch in head.children if ch.dep_ == "prep" and ch.lower_ == "in"
                                 for o in ch.children if o.dep_ == "pobj" and o.ent_type_ == "GPE"]
            elif subj is not None and c.cls.what in self.political_sources and \
                    self._thing(subj, res) and not any(w.i == subj.i for w in trig.words):
                pass  # "India's rupee has hit a five-year high": a thing, not its owner, is the subject
            elif subj is not None:
                src_toks.append(subj)
                if subj.pos_ == "PRON" and subj.lower_ in ("it", "they", "he", "she") and not res.refs_for(subj):
                    # "the SDF announced it had entered ...": the speaker's own act
                    speaker = self._speaker_for(c, res)
                    if speaker:
                        src_toks.remove(subj)
                        pre_source = speaker
            if trig.status == "hoped" and not any(ch.dep_ in OBJECT_DEPS for ch in head.children):
                # "I hope that Anne Sacoolas will come back": hoped of the complement's subject
                tgt_toks += [s for ch in head.children if ch.dep_ in ("ccomp", "xcomp")
                             for s in ch.children if s.dep_ in ("nsubj", "nsubjpass")]
            for ch in head.children:
                if ch.dep_ in OBJECT_DEPS and not (trig.kind == "noun" and ch.i == trig.token.i):
                    if c.code.startswith("04") and ch.lemma_.lower() in self.topic_nouns:
                        continue  # "discussed the situation in Iraq": a topic, not a partner
                    tgt_toks.append(ch)
                elif ch.dep_ == "prep" and ch.lower_ in TARGET_PREPS:  # not a time: "at 7pm Cairo time"
                    objs = [o for o in ch.children if o.dep_ == "pobj"]
                    tgt_toks += [] if any(_names_time(o) for o in objs) else objs
            if head.dep_ == "xcomp" and not any(ch.dep_ in OBJECT_DEPS for ch in head.children):
                # "invited the countries to open dialogue": the controller's object is the partner
                gov = head.head
                if c.inherited_from is not None and gov.i == c.inherited_from.head.i:
                    tgt_toks += [o for o in gov.children if o.dep_ in OBJECT_DEPS]
            if trig.kind == "noun":
                n = trig.token
                joint = c.cls.what in self.joint_classes
                for ch in n.children:
                    if ch.dep_ == "poss":
                        src_toks.append(ch)
                    elif joint and ch.dep_ == "prep" and ch.lower_ == "of":
                        # "the meeting of the UN General Assembly": who meets, not whom it is about
                        src_toks += [o for o in ch.children if o.dep_ == "pobj"]
                    elif ch.dep_ == "prep" and ch.lower_ in NOUN_TARGET_PREPS:
                        tgt_toks += [o for o in ch.children if o.dep_ == "pobj"]
                    elif ch.dep_ == "prep" and ch.lower_ == "by":
                        src_toks += [o for o in ch.children if o.dep_ == "pobj"]
                    elif ch.dep_ in ("amod", "compound") and not any(x.dep_ == "poss" for x in n.children):
                        # "the Russian-Azerbaijani forum", "Turkish airstrikes"
                        src_toks += [t for t in ch.subtree if res.refs_for(t) and t not in src_toks]
            for t in (head, trig.token):
                for ch in t.children:
                    if ch.dep_ == "prep" and ch.lower_ == "under":
                        for o in ch.children:
                            if o.dep_ == "pobj" and o.lemma_.lower() in ("auspice", "auspices", "aegis"):
                                src_toks += [x for p in o.children if p.dep_ == "prep" and p.lower_ == "of"
                                             for x in p.children if x.dep_ == "pobj"]
            # "counts on Sweden", "called on Turkey": the particle of a multi-word verb names the partner
            tgt_toks += [o for w in trig.words if w.dep_ in ("prep", "dative") and w.head.i == trig.token.i
                         and w.i != trig.token.i for o in w.children if o.dep_ == "pobj" and o not in tgt_toks]
            # "held telephone talks with the leaders of X and Y": the parser hangs the partner on the
            # pattern's noun, not on the verb; the noun's "with"/"against" phrase names it all the same
            carried = [w for w in trig.words if trig.kind == "verb" and w.head.i == head.i
                       and w.dep_ in (*OBJECT_DEPS, "nsubjpass") and w.pos_ in ("NOUN", "PROPN")]
            tgt_toks += [o for w in carried for ch in w.children if ch.dep_ == "prep"
                         and ch.lower_ in CARRIED_PARTNER_PREPS for o in ch.children
                         if o.dep_ == "pobj" and o not in tgt_toks]
            if c.cls.what in self.groups.classes or c.cls.what in self.on_target_classes:
                # "Police fired on protesters", "opened fire on the crowd", "imposed sanctions on
                # Iran": whom the force or the penalty is aimed at
                tgt_toks += [o for t in [head, *carried] for ch in t.children if ch.dep_ == "prep"
                             and ch.lower_ in FORCE_TARGET_PREPS and not any(w.i == ch.i for w in trig.words)
                             for o in ch.children if o.dep_ == "pobj" and o not in tgt_toks]
            if c.cls.what in self.joint_classes:
                # "a meeting of the foreign ministers of Egypt and Greece is scheduled": who meets
                src_toks += [o for w in carried for ch in w.children if ch.dep_ == "prep" and ch.lower_ == "of"
                             for o in ch.children if o.dep_ == "pobj"]
            between = [o for t in [head, trig.token, *carried] for ch in t.children
                       if ch.dep_ == "prep" and ch.lower_ == "between" for o in ch.children if o.dep_ == "pobj"]
        si = c.sentence
        # fighters, troops ...; or the organisation an act noun names as its agent ("an Al-Qaeda
        # suicide attack"): a political actor even where no list knows it
        c.armed_source = any(t.lemma_.lower() in self.force_nouns or t.lower_ in self.force_nouns
                             or t.lower_ in self.force_means or t.lemma_.lower() in self.force_means
                             for t in src_toks) or \
            (trig.kind == "noun" and any(t.ent_type_ in AGENT_ENTS and t.head.i == trig.token.i for t in src_toks))
        # an unnamed group ("Police fired on protesters") takes part in force as its sector
        clause = head if c.cls.what in self.groups.classes and trig.token.lower_ != "according" else None
        source = list(pre_source) + self._refs(src_toks, res, previous, [], si, False, clause, c.cls.what)
        target = self._refs(tgt_toks, res, previous, source, si, True, clause, c.cls.what)
        if trig.token.lower_ != "according":
            if between:
                group = self._refs(between, res, previous, [], si, False)
                if not source and group:
                    source, target = group[:1], target + group[1:]
                else:
                    target += [g for g in group if not any(same_actor(g, s) for s in source)]
            governor = c.inherited_from or c.purpose_of
            if not source and governor is not None:
                subj, _ = self._subject(governor.head)
                if subj is not None:
                    source = self._refs([subj], res, previous, [], si, False)
                    c.armed_source = c.armed_source or subj.lemma_.lower() in self.force_nouns
            subj_tok, _ = self._subject(head)
            # "Fighting along the contact line resumed": a gerund subject is the noun all the same
            if not source and subj_tok is not None and (subj_tok.lemma_.lower() in self.conflict_nouns
                                                        or subj_tok.lower_ in self.conflict_nouns):
                source = list(res.conflict_parties)
        if not source and trig.kind == "noun" and trig.token.lemma_.lower() in self.negotiation_nouns:
            # "The talks leading up to the deal 'lasted several days'", in the foreign minister's
            # words: talks told by one who does not name their parties are his side's
            sent = trig.token.sent
            speakers = self._speaker_for(c, res) or res.speakers_in(sent.start_char, sent.end_char)
            source = [sp for sp in speakers if self._political(sp)][:1]
        if not source and trig.token.lower_ != "according" and self._subject(head)[1]:
            # "He was further sanctioned in 2011": by whoever did the same just before
            for si in sorted(self._last_sources, reverse=True):
                if si <= c.sentence and c.sentence - si <= 2 and self._last_sources[si].get(c.cls.what):
                    source = list(self._last_sources[si][c.cls.what])
                    break
        if trig.reverse:
            source, target = target, source
        if trig.kind == "appeal":
            # "X should do Y" said by S: S appeals to X
            speaker = self._speaker_for(c, res)
            source, target = speaker, source
        target = [t for t in target if not any(_identical(t, s) for s in source)]
        if not source and c.cls.what in self.participant_classes and trig.token.lower_ != "according":
            # "a roadside bombing killed one soldier", "were killed by an improvised explosive
            # device", "killed in a car bomb explosion" (the means or its modifier): the attack
            # is news though no one is named; not "a gas explosion", which may be an accident
            subj, passive = self._subject(head)
            means = [o for ch in head.children if ch.dep_ in ("agent", "prep") and ch.lower_ in ("by", "in")
                     for o in ch.children if o.dep_ == "pobj"] + ([subj] if subj is not None and not passive else [])
            c.unclaimed = any(w.lemma_.lower() in self.unclaimed_means or w.lower_ in self.unclaimed_means
                              for m in means for w in [m, *(x for x in m.children if x.dep_ in ("compound", "amod"))])
        stolen = [s for v in head.children if v.dep_ == "conj" for s in [_stolen_subject(v)] if s is not None]
        if stolen:  # "defeated ISIS and Turkey would be moving": Turkey is the next verb's subject
            target = [t for t in target if not any(s.idx <= t.start < s.idx + len(s.text) for s in stolen)]
        c.source = _dedupe(self.agency.keep(source, res.sdoc, res.by_token))
        c.target = _dedupe(self.agency.keep(target, res.sdoc, res.by_token))

    def _refs(self, toks: list[Token], res: ActorResolver, previous: list[tuple[int, str | None, list[ActorRef]]],
              exclude: list[ActorRef], sentence: int, as_target: bool, clause: Token | None = None,
              what: str = "") -> list[ActorRef]:
        """The actors these argument heads name; with the ``clause`` of an act of force, also an
        unnamed group ("Police", "gunmen") that names no actor the actors layer found."""
        out: list[ActorRef] = []
        for t in toks:
            # "the warring sides", "the parties to the conflict": the conflict's sides as this layer
            # finds them (mediators left out), whatever pair the actor linker took the phrase for
            refs = list(res.conflict_parties) if res.names_conflict_sides(t) else res.refs_for(t)
            if not refs:
                members = [t, *[x for x in t.conjuncts if x.i > t.i]]
                for m in members:
                    if res.is_collective(m):
                        refs += res.collective_parties(m, previous, exclude, sentence, as_target,
                                                       self._referenced_act(m))
            # "Rebels shelled the town": a capitalised group noun is no unknown name either
            if clause is not None and all(not (r.actor_id or r.country or r.sector) for r in refs):
                groups = [g for m in [t, *[x for x in t.conjuncts if x.i > t.i]]
                          for g in [self._group(m, res, as_target, clause, what)] if g is not None]
                refs = groups or refs
            out += refs
        return self.agency.keep(out, res.sdoc, res.by_token)

    def _group(self, tok: Token, res: ActorResolver, as_target: bool, clause: Token, what: str) -> ActorRef | None:
        """The unnamed group a phrase names, of its owner's state where a possessive names one
        ("Iran's gunboats"); none where the owner is there but unknown ("its forces", whose
        owner may be the speaker: told by the attacker, it is no accusation)."""
        g = group_ref(tok, self.groups, as_source=not as_target, doc=res.doc, mentions=res.mentions, clause=clause,
                      what=what)
        owners = [p for p in tok.children if p.dep_ == "poss"]
        if g is None or not owners:
            return g
        refs = res.refs_for(owners[0])
        if not refs or not refs[0].country:
            return None
        return replace(g, country=refs[0].country)

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
            return tok.lower_ not in DEMONSTRATIVES
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

    def _take_part(self, c: Candidate, res: ActorResolver) -> None:
        """A use of force on something that cannot take part in one is a figure of speech: "to
        fight poverty", "overcome deflation", "we are fighting this [law]", "hit a five-year high";
        "attacked Bush's economic record" is criticism. So is striving: "battling to cut costs".
        Fighters, troops and their means keep the reading ("U.S. forces destroyed a platform")."""
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

    def _warning(self, c: Candidate, res: ActorResolver) -> None:
        """A warning is a threat only where it names harm that the speaker's side will do ("we warn
        the Saudis that our targets will keep expanding") or is addressed to someone ("warned Iran
        against exacerbating the crisis"). One that predicts or cautions ("BA warned that yields
        would fall", "the IMF warned that India's deficit was too large") is a pessimistic comment."""
        tok = c.trig.token
        if c.drop or c.trig.kind != "verb" or c.trig.pattern is not None or not c.code.startswith("13") or \
                tok.lemma_.lower() not in self.warning_verbs:
            return
        content = [x for x in c.head.children if x.dep_ in ("ccomp", "parataxis")]
        addressed = any(o.dep_ in OBJECT_DEPS for o in c.head.children)
        if content:
            subjects = [s for x in content for s in x.children if s.dep_ in ("nsubj", "nsubjpass", "expl")]
            for s in subjects:
                owner = [s, *[p for p in s.children if p.dep_ == "poss"]]
                if any(o.lower_ in SPEAKER_SIDE for o in owner):
                    return  # "our targets will keep expanding": the speaker's side will do it
                refs = [r for o in owner for r in res.refs_for(o)]
                if any(same_actor(r, sp) for r in refs for sp in c.source):
                    return  # "Iran warned that it would retaliate"
                if addressed and s.pos_ == "PRON" and not refs:
                    return  # "warned Iran that it was ready to retaliate", "warned buyers they would face ..."
        elif addressed:
            return  # "warned the Russian government about its attacks": a warning to someone
        self._recode(c, self.warning_comment_code)

    @staticmethod
    def _political(ref: ActorRef) -> bool:
        return bool(ref.actor_id or ref.country or ref.sector)

    def _referenced_act(self, tok: Token) -> str | None:
        """The class of an act the sentence refers back to by a definite noun ("at the end of the
        conversation", "during the talks"), or None."""
        for t in tok.sent:
            entry = self.lex.nouns.get(t.lemma_.lower()) or self.lex.nouns.get(t.lower_)
            if entry is not None and t.i != tok.i and any(d.lower_ in ("the", "this", "that") for d in t.children
                                                         if d.dep_ == "det"):
                return self.classes.classify(entry.code).what
        return None

    def _speaker_for(self, c: Candidate, res: ActorResolver) -> list[ActorRef]:
        """Who says the clause: the speaker of a quotation around it, or the subject of a speech
        verb whose content (not an adjunct: "announced ... after Turkey began") the clause is; not
        a speaker that cannot act ("the statement said", "the event description read")."""
        return self.agency.keep(self._speaker_candidates(c, res), res.sdoc, res.by_token)

    def _speaker_candidates(self, c: Candidate, res: ActorResolver) -> list[ActorRef]:
        sp = res.speaker_at(c.trig.token.idx)
        if sp is not None:
            return [sp]
        for tok in (c.head, c.head.sent.root):
            for acc in tok.children:  # "According to Merkel, Hungary should ..."
                if acc.lower_ == "according":
                    refs = [r for to in acc.children if to.lower_ == "to"
                            for o in to.children if o.dep_ == "pobj" for r in res.refs_for(o)]
                    if refs:
                        return refs
        child, p = c, c.parent
        for _ in range(20):
            if p is None:
                break
            if p.is_speech and p.source and _within_content(child.head, p.head):
                return p.source
            child, p = p, p.parent
        return []

    # ------------------------------------------------------------ evidence, date, place, status

    def _evidence(self, c: Candidate, doc: Document) -> None:
        head = c.head
        if c.trig.kind == "noun" and head.dep_ == "acl" and head.head.i == c.trig.token.i:
            head = c.trig.token  # "the talks leading up to the deal": the noun's phrase
        if c.purpose_of is not None:
            head = c.purpose_of.head  # "US troops came to Syria to fight ISIS": the whole trip
        if c.trig.token.lower_ == "according":
            sent = head.sent
            toks = list(sent)
        else:
            cut: set[int] = set()
            for ch in head.children:
                if ch.dep_ in EVIDENCE_CUT and (ch.pos_ in ("VERB", "AUX", "CCONJ") or ch.dep_ == "parataxis"):
                    cut.update(t.i for t in ch.subtree)
            for other in (c.parent,):
                if other is not None and other is not c.purpose_of and other.head.i in {t.i for t in head.subtree}:
                    cut.update(t.i for t in other.head.subtree)
            for v in head.children:  # "defeated ISIS and Turkey would be moving": not "and Turkey"
                stolen = _stolen_subject(v) if v.dep_ == "conj" else None
                if stolen is not None:
                    cut.update(t.i for t in stolen.subtree)
                    cut.update(c.i for c in stolen.head.children if c.dep_ == "cc")
            toks = [t for t in head.subtree if t.i not in cut]
            stolen = _stolen_subject(head)
            if stolen is not None:
                toks.append(stolen)
            inf = clausal_subject(head) if c.trig.kind == "verb" else None
            if inf is not None:  # "to reach an agreement ... helped Russia": the act is part of it
                toks += [t for t in inf.subtree if t.dep_ != "mark" or t.head.i != inf.i]
            if c.inherited_from is not None:
                gov = c.inherited_from.head
                toks = [t for t in gov.subtree if t.i >= gov.i and t.i not in cut] + \
                    [t for t in toks if t.i < gov.i]
            subj, _ = self._subject(head)
            if subj is not None and subj.i < head.i and c.trig.kind == "verb" and head.dep_ == "conj":
                pass  # a coordinated verb's evidence starts at the verb, not its shared subject
        if not toks:
            toks = [head]
        # the unbroken stretch of kept words around the head: a cut coordinated clause in the
        # middle ("held talks in Brussels and agreed to ...") ends the evidence there
        kept = {t.i for t in toks}
        anchor = head.i if head.i in kept else min(kept)
        lo = hi = anchor
        while lo - 1 in kept:
            lo -= 1
        while hi + 1 in kept:
            hi += 1
        sdoc = head.doc
        start, end = sdoc[lo].idx, sdoc[hi].idx + len(sdoc[hi].text)
        text = doc.text
        while start < end and text[start] in EDGE_PUNCT:
            start += 1
        while end > start and text[end - 1] in EDGE_PUNCT:
            end -= 1
        c.start, c.end = start, end

    def _when_where(self, c: Candidate, doc: Document) -> None:
        # the clause's own words, without the clauses nested in it ("issued warrants on 36 people
        # believed to have been involved in the assassination in January": January is not when
        # the warrants were issued); a subordinate clause without a date takes its governing
        # clause's ("started in 1988 with the region announcing its secession")
        date = None
        tok: Token | None = c.head
        for _ in range(4):
            if tok is None:
                break
            lo, hi = _core_span(tok, c.trig.token)
            date = clause_date(doc, lo, hi)
            if date is None:
                # "said ... while addressing the press yesterday": a clause of simultaneity with
                # no subject of its own happens when its governor does and lends it its date
                for sim in _simultaneous(tok, self.rules.words("simultaneity_marks")):
                    date = clause_date(doc, *_core_span(sim, c.trig.token))
                    if date is not None:
                        break
            if date is not None or tok.dep_ == "ROOT" or tok.head.i == tok.i:
                break
            tok = _governing_verb(tok)
        clause = doc.text[c.start:c.end]
        fixed = c.trig.status if c.trig.status != "reference" else None
        intent = c.cls.intent or c.inherited_from is not None
        # the purpose of a trip happens when the trip does: "came to Iraq to fight" is told in "came"
        status_head = c.purpose_of.head if c.purpose_of is not None else c.head
        earlier = self.rules.words("earlier_preps")
        frame = frame_date(doc, c.start, earlier) if date is None else None
        c.status = self.rules.status(status_head, fixed, date, doc.published, clause, intent=intent, code=c.code,
                                     frame=frame)
        if c.trig.status == "reference" and c.status == "reported" and \
                not (date is not None and doc.published is not None and date.value == doc.published.value):
            c.status = "historical"  # an act referred to by name, not the day's news
        if c.trig.kind == "appeal" and c.status == "planned":
            c.status = "reported"  # "X must do Y": the demand is made now; only what it asks lies ahead
        own_date = date
        if date is None and c.status == "historical":  # "one week after an attack": a week before
            date = measured_back(doc, c.start, c.end, earlier)
        if date is None:
            date = clause_date(doc, c.start, c.end, c.status) or (frame if c.status == "historical" else None)
        c.date = date
        c.location = clause_place(c.head, set()) or doc.dateline
        if own_date is None and self._habitual(c):
            c.drop = True
        # "Turkey should not send troops": the appeal stands, what it asks is a negative
        denied = self.rules.uncertain(c.head) if c.trig.kind == "appeal" else self.rules.negated(c.head, c.trig.token)
        if c.trig.kind != "appeal" and not denied:
            # "had not, as of yesterday, announced": the parser may hang the negation on the auxiliary
            denied = _aux_negated(c.head)
        if c.inherited_from is not None and not denied:
            # "has not announced any plans to remove the troops": the intention's negation is its content's
            gov = c.inherited_from
            denied = self.rules.negated(gov.head, gov.trig.token) or _aux_negated(gov.head)
        if denied:
            if c.code.startswith(tuple(self.rules.words("negated_rejects"))) and not self.rules.uncertain(c.head):
                # "would not consider requests", "will not accept refugees": a refusal
                self._recode(c, "120")
                c.status = "reported" if c.status == "planned" else c.status
            else:
                c.drop = True

    def _habitual(self, c: Candidate) -> bool:
        """"Encouraging steps have been made, the sides meet, communicate": a joint act in the
        simple present with no partner, date or place of its own tells what the sides do, not
        something that happened (a headline's "Putin meets Erdogan" names the partner)."""
        head = c.head
        return c.trig.kind == "verb" and c.cls.what in self.joint_classes and head.tag_ in ("VBP", "VBZ") \
            and not c.target and not any(ch.dep_ in ("aux", "auxpass", *OBJECT_DEPS) for ch in head.children) \
            and clause_place(head, set()) is None

    # ------------------------------------------------------------ readings in context

    def _reinterpret(self, cands: list[Candidate], res: ActorResolver) -> None:
        """Readings that need the participants: a third party's negotiations are mediation; an
        attack told by someone other than the attacker is an accusation (PETRARCH's "A says B
        attacked" transformation); an appeal or a hope needs someone it is addressed to."""
        conflict = res.conflict_parties
        for c in cands:
            if c.drop:
                continue
            third_party = bool(c.source and not c.target and conflict) and \
                not any(same_actor(s, p) for s in c.source for p in conflict)
            if c.code.startswith("046") and third_party and \
                    any(w.lemma_.lower() in self.negotiation_nouns for w in c.trig.words):
                self._recode(c, "045")
                c.target = list(conflict)
            elif c.cls.what == "MEDIATE" and third_party:
                c.target = list(conflict)  # "Qatar helped reach a truce": mediated between the conflict's parties
            if c.cls.what in ("ASSAULT", "COERCE") and c.status in ("reported", "historical") \
                    and self._claimed(c, res):
                speaker = self._speaker_for(c, res)
                # a political speaker: "the statement said" names no one who could accuse
                # an unnamed group's attack ("police said gunmen killed five") is the attack,
                # told: there is no one named to accuse
                if speaker and c.source and not any(same_actor(s, sp) for s in c.source for sp in speaker) \
                        and not any(sp.sector == "MED" for sp in speaker) and all(_actor_like(sp) for sp in speaker) \
                        and not all(s.actor_id is None and s.sector for s in c.source):
                    self._recode(c, "112")
                    c.source, c.target = speaker, c.source
            if c.code.startswith("02") and c.trig.status == "hoped" and not c.target:
                c.drop = True
            if c.cls.what in self.speaker_acts and c.source and all(res.is_state(s) for s in c.source):
                speaker = self._speaker_for(c, res)
                if len(speaker) == 1 and not res.is_state(speaker[0]) and \
                        all(s.country == speaker[0].country for s in c.source):
                    # "Russia welcomes ..., spokeswoman Maria Zakharova said": the state's words
                    # come from its named speaker, the more specific source
                    c.source = speaker
            if c.status == "planned" and c.cls.what in self.threat_codes:
                speaker = self._speaker_for(c, res)
                conditional = any(t.dep_ == "mark" and t.lower_ in ("if", "unless") for t in c.head.subtree)
                if conditional or (speaker and any(same_actor(s, sp) for s in c.source for sp in speaker)):
                    # "if Turkey does anything ..., I will totally destroy ...": a threat
                    self._recode(c, self.threat_codes[c.cls.what])
                    c.status = "reported"  # the threat is made now; only what it threatens lies ahead

    def _responsibility(self, cands: list[Candidate]) -> None:
        """"Oil facilities were hit by drone strikes. ... The Houthi movement claimed responsibility
        for the attacks": whoever claims an act told without its doer did it."""
        claim = self.responsibility_code
        lookback = int(self.collectives.get("lookback", 3))
        for c in cands:
            if c.drop or c.code != claim or not c.source:
                continue
            for k in reversed([k for k in cands if k.start < c.start and 0 <= c.sentence - k.sentence <= lookback]):
                if not k.drop and not k.source and k.cls.what in ("ASSAULT", "COERCE") and k.trig.kind != "appeal":
                    k.source = list(c.source)
                    k.armed_source = k.armed_source or c.armed_source or any(t.ent_type_ in AGENT_ENTS for t in c.head.subtree
                                                                            if t.dep_ in ("nsubj", "compound", "amod"))
                    break

    def _claimed(self, c: Candidate, res: ActorResolver) -> bool:
        """The clause is someone's claim, not the article's account sourced to them: it is quoted,
        or the speech verb comes first ("Baku insists that the clashes began after shelling from
        the Armenian side"). A closing attribution ("..., officials said") only sources the report."""
        if res.in_direct_quote(c.trig.token.idx, c.trig.token.idx + 1):
            return True
        p = c.parent
        for _ in range(20):
            if p is None:
                return False
            if p.is_speech:
                return p.trig.token.i < c.head.i and p.trig.token.lower_ != "according"
            p = p.parent
        return False

    def _recode(self, c: Candidate, code: str) -> None:
        c.trig.code = code
        c.cls = self.classes.classify(code)

    # ------------------------------------------------------------ statements

    def _statements(self, cands: list[Candidate], res: ActorResolver) -> None:
        """Keep a report of speech as a STATEMENT event only where it adds to the record."""
        acted: list[ActorRef] = []
        for c in sorted(cands, key=lambda c: c.start):
            if c.drop:
                continue
            if not c.is_speech:
                acted += c.source
                continue
            speaker = c.source
            content = [k for k in cands if k.parent is c and not k.drop and not k.is_speech
                       and not (k.trig.kind == "noun" and k.trig.host is not None and k.trig.host.pos_ != "VERB")
                       and not (k.trig.kind == "noun" and k.trig.host is not None
                                and k.trig.host.lower_ in ("following", "after", "during", "before"))]
            if c.trig.token.lower_ == "according":
                sent_cands = [k for k in cands if k is not c and not k.drop and k.sentence == c.sentence
                              and not k.is_speech]
                content = sent_cands
            own = any((not k.source and k.target) or any(same_actor(s, sp) for s in k.source for sp in speaker)
                      for k in content)
            in_quote = res.in_direct_quote(c.trig.token.idx, c.trig.token.idx + 1)
            quotes_content = self._attributes_direct_quote(c, res)
            repeat = any((_identical(sp, a) or (res.is_state(sp) and same_actor(sp, a))) for sp in speaker
                         for a in acted)
            # the news media's reports ("according to Syrian state media") source the article's
            # account; they are not acts of the conflict
            political = c.armed_source or any(self._political(sp) and sp.sector != "MED" for sp in speaker)
            if c.code == self.responsibility_code:
                own = repeat = False  # a claim of responsibility is news even after the act it claims
            if not speaker or not political or own or in_quote or quotes_content or repeat:
                c.drop = True
                acted += speaker
                continue
            acted += speaker

    def _attributes_direct_quote(self, c: Candidate, res: ActorResolver) -> bool:
        sent = c.head.sent
        quoted = sum(min(sp.end, sent.end_char) - max(sp.start, sent.start_char) for sp in res.speeches
                     if sp.direct and sp.end > sent.start_char and sp.start < sent.end_char)
        return quoted > 0.4 * (sent.end_char - sent.start_char)

    # ------------------------------------------------------------ records

    def _event(self, c: Candidate, doc: Document) -> Event:
        key = f"{doc.id}:{c.start}:{c.end}:{c.code}"
        return Event(
            id="ev_" + hashlib.sha1(key.encode()).hexdigest()[:12],
            start=c.start, end=c.end, evidence=doc.text[c.start:c.end], trigger=c.trig.text,
            cameo=c.code, plover_type=c.cls.plover_type, plover_mode=c.cls.plover_mode, what=c.cls.what,
            source=c.source, target=c.target, date=c.date, location=c.location, status=c.status,
            negated=False, confidence=_confidence(c), sentence=c.sentence,
            quote=_quote_index(doc, c.start, c.end))


def _state_name_tokens(doc: Document) -> set[int]:
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


def _names_time(tok: Token) -> bool:
    """"at 7:00pm", "at 7pm Cairo time (1600 GMT)": a phrase of the clock or the calendar, which
    names when, never whom."""
    near = [tok, *[c for c in tok.children if c.dep_ in ("nummod", "compound", "appos")]]
    return any(t.ent_type_ in MEASURE_ENTS or any(ch.isdigit() for ch in t.text) for t in near)


def _anchor_of(noun: Token) -> Token | None:
    """A nominal predicate used as a time reference ("following a meeting with", "after the
    talks", "during the visit") or heading its own participle ("the talks leading up to the
    deal"): the word that anchors it."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ in ("following", "after", "during", "before"):
        return head
    if any(c.dep_ == "acl" and c.lemma_.lower() in ("lead", "take") for c in noun.children):
        return next(c for c in noun.children if c.dep_ == "acl")
    return None


def _within_content(tok: Token, speech: Token) -> bool:
    """True where ``tok`` lies in what the speech verb reports (its clausal complement), or the
    speech verb is the "said" of a sentence that is all content ("X did Y, Z said")."""
    for child in speech.children:
        if child.dep_ in ("ccomp", "xcomp", "parataxis", "dobj") and tok in child.subtree:
            return True
    return speech.lower_ == "according" or (tok.dep_ == "ccomp" and tok.head.i == speech.i)


#: Relations below a clause's head that open a clause of their own (with its own date).
NESTED_CLAUSES = frozenset({"relcl", "acl", "advcl", "ccomp", "csubj", "parataxis", "conj"})


def _core_span(head: Token, trigger: Token) -> tuple[int, int]:
    """Character span of the unbroken words of ``head``'s clause around it, nested clauses cut."""
    cut: set[int] = set()
    for t in head.subtree:
        if t.i != head.i and t.dep_ in NESTED_CLAUSES and t.pos_ in ("VERB", "AUX") and t.i != trigger.i \
                and trigger not in t.subtree:
            cut.update(x.i for x in t.subtree)
    kept = {t.i for t in head.subtree} - cut
    lo = hi = head.i
    while lo - 1 in kept:
        lo -= 1
    while hi + 1 in kept:
        hi += 1
    doc = head.doc
    return doc[lo].idx, doc[hi].idx + len(doc[hi].text)


def _simultaneous(head: Token, marks: set[str]) -> list[Token]:
    """The participle clauses on ``head`` opened by a word of simultaneity ("while addressing the
    press", "when speaking to reporters") that have no subject of their own: they share the
    governor's subject and its time."""
    return [c for c in head.children if c.dep_ == "advcl" and c.tag_ == "VBG"
            and not any(g.dep_ in ("nsubj", "nsubjpass", "csubj") for g in c.children)
            and any(g.dep_ in ("mark", "advmod") and g.lower_ in marks and g.i < c.i for g in c.children)]


def _governing_verb(tok: Token) -> Token | None:
    up = tok.head
    while up.i != tok.i and up.pos_ not in ("VERB", "AUX") and up.dep_ != "ROOT":
        tok, up = up, up.head
    return up if up.pos_ in ("VERB", "AUX") and up.i != tok.i else None


def _coordination_head(tok: Token) -> Token:
    """The verb a coordinated verb shares its subject and its place with. The parser often hangs
    "urged the embassy to reconsider and spoke with Pompeo" as if "spoke" were coordinated with
    the infinitive; a finite verb coordinated with a bare infinitive belongs to the infinitive's
    governor instead."""
    head = tok.head
    if tok.tag_ in ("VBD", "VBZ", "VBP") and head.tag_ == "VB" and head.dep_ in ("xcomp", "ccomp", "advcl") \
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return head.head
    return head


def _aux_negated(head: Token) -> bool:
    return any(a.dep_ in ("aux", "auxpass") and any(n.dep_ == "neg" for n in a.children) for a in head.children)


def _actor_like(ref: ActorRef) -> bool:
    """A linked actor, one with a country or sector, or a proper name ("the SDF"); not a thing
    the quotes layer took for a speaker ("the statement said")."""
    return bool(ref.actor_id or ref.country or ref.sector or ref.name[:1].isupper())


def _stolen_subject(verb: Token) -> Token | None:
    """"US troops had defeated ISIS and Turkey would be moving into Syria": the parser joins
    "Turkey" to the first verb's object and leaves the coordinated verb without a subject. A
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


def _purpose_clause(child: Token, parent: Token) -> bool:
    """"to discuss ..." as the purpose of the parent's act: an infinitive without a subject of
    its own, attached directly to the parent."""
    if child.head.i != parent.i or child.dep_ not in ("xcomp", "advcl"):
        return False
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children) and \
        not any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)


def _has_object(tok: Token) -> bool:
    return any(c.dep_ in OBJECT_DEPS for c in tok.children)


def _identical(a: ActorRef, b: ActorRef) -> bool:
    if a.actor_id and b.actor_id:
        return a.actor_id == b.actor_id
    return a.name.lower() == b.name.lower()


def _dedupe(refs: list[ActorRef]) -> list[ActorRef]:
    out: list[ActorRef] = []
    for r in refs:
        if not any(_identical(r, o) for o in out):
            out.append(r)
    return out


def _confidence(c: Candidate) -> float:
    """A rough trust score: a matched pattern beats a verb's default reading; both actors known
    beat one; a resolved collective or an inherited subject costs a little."""
    score = 0.55
    if c.trig.pattern is not None:
        score += 0.15 + 0.03 * min(c.trig.pattern.weight, 3)
    if c.source and c.target:
        score += 0.1
    if c.inherited_from is not None:
        score -= 0.05
    if not c.source:
        score -= 0.1
    return round(max(0.05, min(score, 0.95)), 2)


def _quote_index(doc: Document, start: int, end: int) -> int | None:
    for i, q in enumerate(doc.quotes):
        if q.start <= start and end <= q.end:
            return i
    return None


def code_document(doc: Document, ctx: Context) -> list[Event]:
    coder = ctx._lexicons.get("events:coder")
    if coder is None:
        coder = Coder(ctx)
        ctx._lexicons["events:coder"] = coder
    return coder.code(doc)
