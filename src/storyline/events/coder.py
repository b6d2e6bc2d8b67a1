"""The event coder: from a parsed, actor-linked document to its events.

One pass per document, each step in its own module (a mixin over ``coder_base.CoderBase``):

1. triggers (``triggers``): every verb the pattern lexicon codes, every nominal predicate a light
   verb carries ("held talks", "the conversation took place"), "according to X", and appeals
   made with "should";
2. nesting (``triggers``): a trigger inside another's complement is read through it: the content
   of an appeal ("urged both sides to ensure ...") is not an event of its own; the complement of
   an intention ("agreed to hold another meeting") is the event, planned; reported speech keeps
   its content;
3. arguments (``roles``, ``participation``): source and target from the parse, collective
   references resolved; force aimed at what cannot take part in it is a figure of speech;
   a warning without harm the speaker's side will do is a comment (``readings``);
4. evidence, status, date and place of each clause (``placing``, with ``status``, ``context``);
5. readings in context (``readings``): responsibility claimed, mediation, accusation, threats;
   reports of speech become STATEMENT events only where they add something: the speaker's first
   act in the article, and not when the content is the speaker's own act or a direct quotation;
6. one event per action (``merge``).
"""

from __future__ import annotations

import hashlib

from ..actors.resolve import ActorResolver, entity_mentions
from ..model import ActorRef, Document, Event
from ..pipeline import Context
from .candidate import Candidate
from .commentary import commentary
from .headlines import in_headline, passive_roles
from .match import compile_lexicon
from .mediators import brokered_content, envoys_apart
from .merge import merge_events
from .more_acts import (
    coordinated_act,
    enabled_acts,
    entry_into_force,
    latest_parties,
    more_act_sides,
    stranded_relative,
    subject_antecedent,
    unrealised_permissions,
)
from .nominal import described_act, praised_doers
from .parties import between_sides, cosigners, mediated_sides, nested_sides, sides_of, supply_parties
from .people_sides import people_as_movements
from .placing import TimePlace
from .readings import Reinterpretation
from .roles import ArgumentRoles
from .speaker_side import speakers_promise, speakers_state
from .state_titles import titled_state
from .triggers import TriggerFinding

__all__ = ["Candidate", "Coder", "code_document"]


class Coder(TriggerFinding, ArgumentRoles, Reinterpretation, TimePlace):
    """Codes documents with one lexicon, class table and set of cue words (loaded once); the
    cascade of the module docstring, each step from its own mixin."""

    def __init__(self, ctx: Context):
        super().__init__(ctx)
        self._state_of = ctx.kb.state  # a country code -> its state ("the Kingdom": events.state_titles)

    def code(self, doc: Document) -> list[Event]:
        cands = self.candidates(doc)
        commentators = self._word_set("commentator_nouns")
        # "the BBC's correspondent said ...": commentary on the news, no statement of a party (events.commentary)
        kept = [c for c in cands if self._kept(c) and not commentary(c.code, c.head, c.source, commentators)]
        events = [self._event(c, doc) for c in kept]
        # a war or clashes named by a noun are the whole of the fighting, not one attack a clause tells
        references = {e.id for c, e in zip(kept, events, strict=True)
                      if (c.trig.status == "reference" and not self._fighting_noun(c)) or in_headline(c)}
        parts = {e.id for c, e in zip(kept, events, strict=True) if self._names_its_act(c)}
        onsets = {e.id for c, e in zip(kept, events, strict=True) if c.trig.kind == "verb"
                  and c.trig.token.lemma_.lower() in self.onset_verbs}
        # "had also levied sanctions": another material act; "we also discussed Iraq" is more of the same talks
        material = tuple(self.rules.words("material_prefixes"))
        additions = {e.id for c, e in zip(kept, events, strict=True) if c.code.startswith(material) and any(
            a.dep_ == "advmod" and a.lower_ in self.additive_adverbs for a in c.head.children)}
        # a comment on an act ("expressed satisfaction with the meeting") is no restatement of what was said
        additions |= {e.id for c, e in zip(kept, events, strict=True) if c.comment}
        # "and a third meeting in Brussels", "the ceasefire came into effect": acts of their own
        entry = self._word_set("entry_phrases")
        additions |= {e.id for c, e in zip(kept, events, strict=True)
                      if coordinated_act(c) or entry_into_force(c, entry)}
        # "After that, the three countries took the initiative": a further act, not the one before
        additions |= {e.id for c, e in zip(kept, events, strict=True) if self.rules.sequel(c.head)}
        wholes = {e.id for c, e in zip(kept, events, strict=True) if self._fighting_noun(c)}
        # "the agreement reached by the parties": an act named by its noun, told again whatever the words
        named = references | {e.id for c, e in zip(kept, events, strict=True)
                              if c.trig.kind == "verb" and described_act(c.head)}
        return merge_events(events, doc, references, self.joint_classes, parts, self.groups.armed, onsets,
                            additions, wholes, self._word_set("restating_function_words"),
                            {w.upper() for w in self._word_set("content_classes")}, named,
                            {e.id for c, e in zip(kept, events, strict=True) if c.trig.token.i in self._told.ranked})

    def _fighting_noun(self, c: Candidate) -> bool:
        """The act is named by a noun of fighting itself (``conflict_nouns``: "the war", "clashes")."""
        tok = c.trig.token
        return c.trig.kind == "noun" and (tok.lemma_.lower() in self.conflict_nouns or tok.lower_ in self.conflict_nouns)

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
        resolver = ActorResolver(doc, self.collectives, self.speech_verbs, mentions, self.singular_pronouns)
        cands = [Candidate(t, self.classes.classify(t.code), si) for si, t in self.triggers(doc)]
        self._nest(cands)
        enabled = enabled_acts(cands, resolver.refs_for, self._word_set("enabling_verbs"))
        unrealised_permissions(cands, self._word_set("enabling_verbs"),
                               self.rules.words("possibility_modals") | self.rules.words("backshift_modals"))
        previous: list[tuple[int, str | None, list[ActorRef]]] = []
        self._last_sources: dict[int, dict[str | None, list[ActorRef]]] = {}
        for c in cands:
            if c.drop:
                continue
            self._actor_object(c, resolver)
            self._arguments(c, resolver, previous)
            if not c.source:  # "... Turkey has won praise. It hosted the talks": Turkey
                subj, passive = self._subject(c.head)
                own_passive = passive and subj is not None and subj.head.i == c.head.i  # "it was given": the target
                c.source = [] if own_passive else subject_antecedent(
                    c, subj, resolver.refs_for, resolver.is_state, self._word_set("pair_nouns"),
                    plural_words=self._word_set("plural_antecedents"), in_quote=resolver.in_direct_quote) or \
                    (stranded_relative(subj, resolver.refs_for) if c.trig.token.lower_ != "according" else [])
            if all(r.actor_id is None and not r.country for r in c.source):  # "the Kingdom": Saudi Arabia
                c.source = titled_state(self._subject(c.head)[0], resolver.mentions, self._state_of,
                                        self._word_set("state_titles")) or c.source
            if id(c) in enabled and not c.source:  # "the truce enabled the parties to meet": the parties
                c.source = self._refs([enabled[id(c)]], resolver, previous, [], c.sentence, False) or \
                    latest_parties(enabled[id(c)], resolver.is_collective, previous, c.sentence)
            self._take_part(c, resolver)
            passive_roles(c)  # "Ceasefire agreed in Darfur": a headline's bare participle is passive
            self._warning(c, resolver)
            self._evidence(c, doc)
            if c.trig.token.lower_ == "according":
                continue
            parts = c.source + c.target
            if c.source:
                self._last_sources.setdefault(c.sentence, {})[c.cls.what] = list(c.source)
            if len(parts) >= 2:
                previous.append((c.sentence, c.cls.what, parts))
        praised_doers(cands, self.praise_classes)
        for c in cands:
            if not c.drop:
                self._when_where(c, doc)
        self._responsibility(cands)
        self._reinterpret(cands, resolver)
        speakers_state(cands, self.own_state_nouns)
        speakers_promise(cands)
        self._statements(cands, resolver)
        between_sides(cands, resolver, self.party_classes, self.mediation_classes)
        cosigners(cands, {w.lower() for w in self.collectives.get("cosigning_verbs", [])})
        mediated_sides(cands, self.party_classes, self.mediation_classes)
        nested_sides(cands, self.party_classes, self.mediation_classes)
        more_act_sides(cands, self._told.tokens, lambda k: sides_of(k, self.mediation_classes),
                       self.party_classes | self.mediation_classes)
        supply_parties(cands, self.party_classes, self.mediation_classes, self.joint_classes,
                       self.rules.words("continuation_verbs"))
        people_as_movements(cands, doc, self.people_group_sectors, self.party_classes, self.force_classes,
                            self.mediation_classes)
        envoys_apart(cands, doc.mentions, doc.text, self.party_classes, self.mediator_roles)
        brokered_content(cands, self.mediation_classes, self.brokered_classes)
        return cands + self._auspices_mediations(cands, resolver)

    def _event(self, c: Candidate, doc: Document) -> Event:
        key = f"{doc.id}:{c.start}:{c.end}:{c.code}"
        return Event(
            id="ev_" + hashlib.sha1(key.encode()).hexdigest()[:12],
            start=c.start, end=c.end, evidence=doc.text[c.start:c.end], trigger=c.trig.text,
            cameo=c.code, plover_type=c.cls.plover_type, plover_mode=c.cls.plover_mode, what=c.cls.what,
            source=c.source, target=c.target, date=c.date, location=c.location, status=c.status,
            negated=False, confidence=_confidence(c), sentence=c.sentence,
            quote=_quote_index(doc, c.start, c.end))


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
    return ctx.cached("events:coder", lambda: Coder(ctx)).code(doc)


def compile_patterns(ctx: Context) -> None:
    """Compile the whole pattern lexicon of the process's coder now (see ``match.compile_lexicon``)."""
    compile_lexicon(ctx.cached("events:coder", lambda: Coder(ctx)).lex)
