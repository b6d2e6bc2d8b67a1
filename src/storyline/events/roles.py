"""Source and target of each candidate: one rule per role, over the parse of its clause.

The words of each role (``ArgumentRoles._role_tokens``), in this order:

1. "according to X": X is the source, and nothing else is read;
2. the subject (``_subject_role``): an active clause's subject is the source (not a thing, and
   not a pronoun that stands for the speaker, who is the source then); a passive clause's agent
   is the source and its subject the target, unless the subject is a force deployed or a
   partner is named ("had been allied with Turkey");
3. the objects (``_object_role``): direct objects and target prepositions ("with", "against",
   "to" ...) are the target; a hope's complement subject; an intention's object;
4. a nominal trigger's dependents (``_noun_roles``): possessor, "by", agent modifiers (and "of"
   for joint acts and visits) are the source, in place of the subject of a clause the noun only
   sits in; partner prepositions the target; "under the auspices of X" (``_auspices``);
5. a co-agent on the clause ("in coordination with Y": ``members.clause_co_agents``) is a source
   beside the subject;
6. the pattern's own words (``_carried_roles``): a multi-word verb's particle, the partner and
   the aim of force or of a penalty hung on the pattern's noun, who meets at a joint act;
7. "between A and B" (on the clause, the act's noun or the pattern's own subject noun: "the talks
   between A and B ended"): with no other source, the targets of a mediation (whose doer is then
   the speaker, if any), else the first is the source.

A city on an act's noun ("the Lisbon talks", "a Brussels summit") is its venue, no role
(``events.venues``); an act whose only would-be doer was its venue is kept with none named.

Then the words become actors (``_refs``: linked mentions, collectives, the conflict's sides, an
unnamed group for force), and a source still missing is completed (``_between_and_governor``,
``_unnamed_source``): the pair between which, the governing intention's subject, the conflict's
parties for "fighting", the speaker's side for talks, the last source of a repeated passive act
(not of a deal or talks, whose sides come later: ``parties``).
Last, a reversed pattern swaps the roles, an appeal's speaker becomes its source, and force with
no named doer but a means of attack is marked ``unclaimed``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..actors.members import clause_co_agents
from ..actors.opposed import opposed_in, opposing_modifier
from ..actors.resolve import ActorResolver, same_actor, same_ref
from ..model import ActorRef
from .candidate import Candidate, Previous, dedupe
from .clause import (
    OBJECT_DEPS,
    according_objects,
    channel_agent,
    demand_owner,
    names_time,
    obliged_party,
    stolen_subject,
)
from .groups import group_ref
from .participation import Participation
from .sponsors import sponsor_names, sponsored_sides
from .triggers import AGENT_ENTS
from .venues import VenueWords

Token = Any  # spacy.tokens.Token

TARGET_PREPS = frozenset({"with", "to", "against", "at", "from", "upon", "toward", "towards", "into"})


NOUN_TARGET_PREPS = frozenset({"with", "to", "against", "on", "of", "at", "into", "upon"})


#: Prepositions on a verb pattern's noun ("held talks with", "launched an offensive against") that
#: name the partner; not "on" or "of", which name the topic ("talks on Syria").
CARRIED_PARTNER_PREPS = frozenset({"with", "against"})


#: Prepositions that name whom force is aimed at ("fired on protesters", "opened fire on the crowd").
FORCE_TARGET_PREPS = frozenset({"on"})

#: Dependents that complete a verb beyond its object ("called the decision a mistake", "called it
#: justified", "called them to order"): the verb then has its own reading, not the one of its object.
COMPLEMENT_DEPS = frozenset({"oprd", "xcomp", "ccomp", "acomp", "attr"})


#: Modifiers by which an act's noun names its doers ("the US-Taliban deal", "Russia's offer").
NOUN_DOER_DEPS = frozenset({"amod", "compound", "poss", "nmod"})

#: "under UN auspices": the host told by the noun's modifier.
AUSPICES_MODS = frozenset({"compound", "amod", "poss"})


class ArgumentRoles(VenueWords, Participation):
    """Finds the source and target of each candidate."""

    _venue_only: bool = False  # the candidate's only would-be doer was its venue (``_arguments``)

    def _actor_object(self, c: Candidate, res: ActorResolver) -> None:
        """"Putin called Erdogan": a verb whose direct object is an actor, with nothing completing
        it, has another reading than its default (actor_object_codes); only the default gives way,
        never a pattern or a multi-word verb ("called on", "called it justified")."""
        trig = c.trig
        code = self.actor_object_codes.get(trig.token.lemma_.lower())
        to_verb = trig.token.lemma_.lower() in self.actor_to_verbs and trig.code.startswith("01")
        if code is None or trig.kind != "verb" or (trig.pattern is not None and not to_verb) or \
                (trig.entry is not None and trig.entry.rest):
            return
        verb = trig.token
        if any(ch.dep_ in COMPLEMENT_DEPS for ch in verb.children):
            return
        objects = [ch for ch in verb.children if ch.dep_ == "dobj"]
        if not objects and verb.lemma_.lower() in self.actor_to_verbs:
            # "Sisi spoke to Biden": a named actor (not "reporters") addressed with "to" is a partner
            addressed = [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "to"
                         for o in p.children if o.dep_ == "pobj"]
            if any(r.actor_id or r.country for o in addressed for r in res.refs_for(o)):
                self._recode(c, code)
            elif to_verb:
                c.drop = True  # "speaking to the think tank": no partner, and no event by itself
            return
        # an actor the layer found ("Erdogan"), or an agent named by its noun ("the leaders of X"),
        # a person pronoun; not a thing ("called the decision ...", "called it ...", "called a vote")
        if objects and all(o.pos_ != "PRON" or o.lower_ in ("him", "her", "them") for o in objects) and \
                any(res.refs_for(o) or self.agency.is_agent_noun(o) for o in objects):
            self._recode(c, code)

    def _arguments(self, c: Candidate, res: ActorResolver, previous: Previous) -> None:
        """The source and target of a candidate: the words of each role found (``_role_tokens``),
        read as actors, then completed where the clause leaves one unnamed."""
        trig = c.trig
        according = trig.token.lower_ == "according"
        self._venue_only = False  # set by _refs and _noun_roles where a venue was left out
        pre_source, src_toks, tgt_toks, between = self._role_tokens(c, res)
        si = c.sentence
        # fighters, troops ...; or the organisation an act noun names as its agent ("an Al-Qaeda
        # suicide attack"): a political actor even where no list knows it
        c.armed_source = any(t.lemma_.lower() in self.force_nouns or t.lower_ in self.force_nouns
                             or t.lower_ in self.force_means or t.lemma_.lower() in self.force_means
                             for t in src_toks) or \
            (trig.kind == "noun" and any(t.ent_type_ in AGENT_ENTS and t.head.i == trig.token.i for t in src_toks))
        # an unnamed group ("Police fired on protesters") takes part in force as its sector
        clause = c.head if c.cls.what in self.groups.classes and not according else None
        source = list(pre_source) + self._refs(src_toks, res, previous, [], si, False, clause, c.cls.what)
        target = self._refs(tgt_toks, res, previous, source, si, True, clause, c.cls.what)
        if not according:
            source, target = self._between_and_governor(c, res, previous, source, target, between)
        source = self._unnamed_source(c, res, source)
        if trig.reverse:
            source, target = target, source
        if trig.kind == "appeal":
            # "X should do Y" said by S: S appeals to X; "it is incumbent on X to do Y": to X
            party = obliged_party(trig.token, self.obligation_adjectives)
            if party is not None:
                source = self._refs([party], res, previous, [], si, False)
            speaker = self._speaker_for(c, res)
            if not speaker and trig.token.head.lemma_.lower() in self.demand_nouns:
                owner = demand_owner(trig.token)  # "Chad insisted on its demand that Sudan withdraw"
                speaker = self._refs([owner], res, previous, [], si, False) if owner is not None else []
            source, target = speaker, source
        target = [t for t in target if not any(same_ref(t, s) for s in source)]
        if not source and c.cls.what in self.participant_classes and not according:
            c.unclaimed = self._unclaimed(c)
        against = opposed_in(src_toks) if not source and not according else []
        if against or (not source and any(opposing_modifier(t) for t in tgt_toks)):
            # "anti-Chinese riots broke out": whom the doers are against is named, the doers not
            target += [r for r in self._refs(against, res, previous, [], si, True) if not any(same_ref(r, t) for t in target)]
            c.unclaimed = True
        stolen = [s for v in c.head.children if v.dep_ == "conj" for s in [stolen_subject(v)] if s is not None]
        if stolen:  # "defeated ISIS and Turkey would be moving": Turkey is the next verb's subject
            target = [t for t in target if not any(s.idx <= t.start < s.idx + len(s.text) for s in stolen)]
        if c.cls.what in self.party_classes:  # talks, a deal, a truce "with the mediation of X": X hosts
            hosts: list[Token] = []
            self._auspices(c, hosts)
            c.auspices = self._refs(hosts, res, previous, [], si, False)
            target = [t for t in target if not any(same_actor(t, a) for a in c.auspices)]
        if c.praised_in is not None:  # "thanked Qatar for hosting the talks between X and Y"
            source, target = list(c.praised_in.target), [t for t in target if not any(
                same_ref(t, s) for s in c.praised_in.source + c.praised_in.target)]
        c.source = dedupe(self.agency.keep(source, res.sdoc, res.by_token))
        c.target = dedupe(self.agency.keep(target, res.sdoc, res.by_token))
        c.venue = self._venue_only and not c.source

    def _role_tokens(self, c: Candidate, res: ActorResolver) -> tuple[list[ActorRef], list[Token], list[Token],
                                                                       list[Token]]:
        """The words that name each role, in the cascade's order: the subject (or the speaker for
        a pronoun), the objects and target prepositions, a nominal trigger's own dependents, the
        pattern's particle and carried noun, then "between"; and refs already settled (a speaker)."""
        src_toks: list[Token] = []
        tgt_toks: list[Token] = []
        if c.trig.token.lower_ == "according":
            return [], according_objects(c.trig.token), tgt_toks, []
        sponsor = sponsor_names(c.trig.token, *self.sponsors) \
            if c.trig.kind == "verb" else []
        if sponsor:  # "a Qatari-brokered truce between A and B": Qatar mediates between A and B
            return [], sponsor, tgt_toks, sponsored_sides(c.trig.token)
        pre_source = self._subject_role(c, res, src_toks, tgt_toks)
        self._object_role(c, tgt_toks)
        if c.trig.kind == "noun":
            own: list[Token] = []
            before = len(tgt_toks)
            self._noun_roles(c, res, own, tgt_toks)
            # "after days of anti-French protests": the noun names whom it is against, so the
            # clause's subject is not its doer either
            opposed = any(opposing_modifier(t) for t in tgt_toks[before:])
            if (own or opposed) and c.head.i != c.trig.token.i:
                # "Following the visit of Boric to Lima, Klaveren held talks": the act noun names its
                # own doer, whoever the clause it sits in is about
                src_toks[:], pre_source = [], []
            src_toks += own
        if c.cls.what not in self.party_classes:
            self._auspices(c, src_toks)  # talks under someone's auspices are theirs to host (readings)
        carried = self._carried_roles(c, src_toks, tgt_toks)
        if src_toks or pre_source:  # "... in coordination with the United States": a co-agent
            src_toks += [t for t in clause_co_agents([c.head, c.trig.token]) if t not in src_toks]
        # "the talks between A and B ended": the pattern's own subject noun has the pair too
        own_subject = [w for w in c.trig.words if w.dep_ == "nsubj" and w.head.i == c.head.i]
        between = [o for t in [c.head, c.trig.token, *carried, *own_subject] for ch in t.children
                   if ch.dep_ == "prep" and ch.lower_ == "between" for o in ch.children if o.dep_ == "pobj"]
        return pre_source, src_toks, tgt_toks, between

    def _subject_role(self, c: Candidate, res: ActorResolver, src_toks: list[Token],
                      tgt_toks: list[Token]) -> list[ActorRef]:
        """The subject's role: the source of an active clause, the target of a passive one (the
        agent its source); returns the speaker where the subject is the speaker's own pronoun."""
        head, trig = c.head, c.trig
        subj, passive = self._subject(head)
        agent = [o for a in head.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
        if passive and not agent:
            agent = channel_agent(head, self.speech_channels)
        # "consultations between A and B were held": the passive subject is the act itself
        act_subject = subj is not None and trig.kind == "verb" and any(w.i == subj.i for w in trig.words) \
            and subj.lemma_.lower() in self.lex.nouns
        if agent and (subj is None or (not passive and head.tag_ == "VBN")):
            # "..., brokered by the United States": the participle's agent did it, whatever subject
            # the parser's coordination lends it ("Chile proposed a route, rejected by Bolivia")
            src_toks += agent
        elif passive and act_subject:
            # "the US-Taliban deal was signed": with no agent, the act's noun names its own doers
            # by its modifiers (not a bare "the agreement was reached", which names none)
            own_doers = any(ch.dep_ in NOUN_DOER_DEPS for ch in subj.children)
            src_toks += agent or ([subj] if own_doers else [])
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
            told_act = subj is not None and (subj.i == trig.token.i or any(w.i == subj.i for w in trig.words)
                                             or subj.lemma_.lower() in self.lex.nouns)
            if not agent and subj is not None and subj not in src_toks and not told_act and \
                    c.cls.what not in self.participant_classes:
                # "the PKK is banned in Turkey": the state where it happens acts; not where an act
                # told by its noun took place ("a statement was issued in Oslo": no doer named),
                # nor where someone was attacked ("was abducted in Baghdad": ``_unclaimed``)
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
                    return speaker
        return []

    def _object_role(self, c: Candidate, tgt_toks: list[Token]) -> None:
        """The target named by the clause's objects and target prepositions, by the subject of a
        hoped complement, or by the object of the intention that governs the clause."""
        head, trig = c.head, c.trig
        if (trig.status == "hoped" or (c.is_request and trig.kind == "verb")) and \
                not any(ch.dep_ in OBJECT_DEPS for ch in head.children):
            # "I hope that the suspect will return", "Chad expects Sudan to withdraw": hoped
            # of, or asked of, the complement's subject
            tgt_toks += [s for ch in head.children if ch.dep_ in ("ccomp", "xcomp")
                         for s in ch.children if s.dep_ in ("nsubj", "nsubjpass")]
        for ch in head.children:
            if ch.dep_ in OBJECT_DEPS and not (trig.kind == "noun" and ch.i == trig.token.i):
                if c.code.startswith("04") and ch.lemma_.lower() in self.topic_nouns:
                    continue  # "discussed the situation in Iraq": a topic, not a partner
                tgt_toks.append(ch)
            elif ch.dep_ == "prep" and ch.lower_ in TARGET_PREPS:  # not a time: "at 7pm Cairo time"
                objs = [o for o in ch.children if o.dep_ == "pobj"]
                tgt_toks += [] if any(names_time(o) for o in objs) else objs
        if head.dep_ == "xcomp" and not any(ch.dep_ in OBJECT_DEPS for ch in head.children):
            # "invited the countries to open dialogue": the controller's object is the partner
            gov = head.head
            if c.inherited_from is not None and gov.i == c.inherited_from.head.i:
                tgt_toks += [o for o in gov.children if o.dep_ in OBJECT_DEPS]

    def _noun_roles(self, c: Candidate, res: ActorResolver, src_toks: list[Token], tgt_toks: list[Token]) -> None:
        """A nominal trigger's own dependents: its possessor, "by" phrase and agent modifiers
        are the source, its partner prepositions the target ("of" names who meets at a joint act)."""
        n = c.trig.token
        joint = c.cls.what in self.joint_classes or c.cls.what in self.of_doer_classes
        for ch in n.children:
            if ch.dep_ == "poss" and not names_time(ch):  # not "Monday's meeting": when, not who
                src_toks.append(ch)
            elif joint and ch.dep_ == "prep" and ch.lower_ == "of":
                # "the meeting of the UN General Assembly": who meets, not whom it is about
                src_toks += [o for o in ch.children if o.dep_ == "pobj"]
            elif ch.dep_ == "prep" and ch.lower_ in NOUN_TARGET_PREPS:
                tgt_toks += [o for o in ch.children if o.dep_ == "pobj"]
            elif ch.dep_ == "prep" and ch.lower_ == "by":
                src_toks += [o for o in ch.children if o.dep_ == "pobj"]
            elif ch.dep_ in ("amod", "compound") and not any(x.dep_ == "poss" for x in n.children) and \
                    not sponsor_names(ch, *self.sponsors):
                # (not "a Qatari-brokered truce": the mediator is no side of it, events.sponsors)
                # "the Russian-Azerbaijani forum", "Turkish airstrikes"; "anti-French protests" are
                # against France (actors.opposed)
                venues = self._venues(n, res)  # "a Brussels summit": where, not who
                named = [t for t in ch.subtree if res.refs_for(t) and t not in src_toks + tgt_toks]
                self._venue_only = self._venue_only or any(t.i in venues for t in named)
                named = [t for t in named if t.i not in venues]
                src_toks += [t for t in named if not opposing_modifier(t)]
                tgt_toks += [t for t in named if opposing_modifier(t)]

    def _auspices(self, c: Candidate, src_toks: list[Token]) -> None:
        """"under the auspices of X", "with the mediation of X" (``hosting_nouns`` and
        ``hosting_preps`` of ``event_collectives.yaml``): X acts (hosts)."""
        nouns, preps = self.hosting_nouns, self.hosting_preps
        # "held talks under the chairmanship of X": the phrase may hang on the pattern's noun
        for t in {w.i: w for w in (c.head, c.trig.token, *c.trig.words)}.values():
            for ch in t.children:
                if ch.dep_ == "prep" and ch.lower_ in preps:
                    for o in ch.children:
                        if o.dep_ == "pobj" and (o.lemma_.lower() in nouns or o.lower_ in nouns):
                            src_toks += [x for p in o.children if p.dep_ == "prep" and p.lower_ == "of"
                                         for x in p.children if x.dep_ == "pobj"] or \
                                [x for x in o.children if x.dep_ in AUSPICES_MODS and x.pos_ in ("PROPN", "NOUN", "ADJ")]

    def _carried_roles(self, c: Candidate, src_toks: list[Token], tgt_toks: list[Token]) -> list[Token]:
        """The roles the pattern's own words carry: a multi-word verb's particle, the partner or
        the aim hung on the pattern's noun, who meets at a joint act; returns the carrying nouns."""
        head, trig = c.head, c.trig
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
        return carried

    def _between_and_governor(self, c: Candidate, res: ActorResolver, previous: Previous, source: list[ActorRef],
                              target: list[ActorRef], between: list[Token]) -> tuple[list[ActorRef], list[ActorRef]]:
        """"talks between A and B": the pair; a source still unnamed is the governing intention's
        or trip's subject, or, for "fighting", the conflict's parties."""
        si = c.sentence
        if between:
            group = self._refs(between, res, previous, [], si, False)
            if not source and group and c.cls.what in self.mediation_classes:
                # "X said his country is ready to mediate between A and B": the sides are the targets,
                # never the mediator; the one who offers it is the speaker, where there is one
                source, target = self._speaker_for(c, res), target + group
            elif not source and group:
                source, target = group[:1], target + group[1:]
            else:
                target += [g for g in group if not any(same_actor(g, s) for s in source)]
        governor = c.inherited_from or c.purpose_of
        if not source and governor is not None:
            subj, _ = self._subject(governor.head)
            if subj is not None:
                source = self._refs([subj], res, previous, [], si, False)
                c.armed_source = c.armed_source or subj.lemma_.lower() in self.force_nouns
        subj_tok, _ = self._subject(c.head)
        # "Fighting along the contact line resumed": a gerund subject is the noun all the same;
        # "after eleven days of fighting", "the clashes with Armenians": fighting named by its noun
        fought = [t for t in (subj_tok, c.trig.token if c.trig.kind == "noun" else None) if t is not None]
        if not source and any(t.lemma_.lower() in self.conflict_nouns or t.lower_ in self.conflict_nouns
                              for t in fought):
            source = list(res.conflict_parties)
        return source, target

    def _unnamed_source(self, c: Candidate, res: ActorResolver, source: list[ActorRef]) -> list[ActorRef]:
        """A source the clause does not name: talks told by one of their sides are his side's; a
        passive act repeated soon after is by whoever did it just before."""
        trig = c.trig
        if not source and trig.kind == "noun" and trig.token.lemma_.lower() in self.negotiation_nouns:
            # "The talks leading up to the deal 'lasted several days'", in the foreign minister's
            # words: talks told by one who does not name their parties are his side's
            sent = trig.token.sent
            speakers = self._speaker_for(c, res) or res.speakers_in(sent.start_char, sent.end_char)
            source = [sp for sp in speakers if self._political(sp)][:1]
        if not source and c.cls.what in ("AGREE", "RETREAT") and res.conflict_parties and self._bare_settlement(c, res):
            return list(res.conflict_parties)
        if not source and c.cls.what in self.joint_classes and c.trig.kind == "verb" and res.conflict_parties and \
                c.head.lemma_.lower() not in self.rules.words("continuation_verbs") and \
                self._bare_settlement(c, res, {str(w).lower() for w in self.collectives.get("bare_talk_nouns", [])},
                                      told=True):
            return list(res.conflict_parties)  # "talks will resume on Monday": the sides' talks (not "talks continue")
        if not source and trig.token.lower_ != "according" and self._subject(c.head)[1] and \
                c.cls.what not in self.party_classes:
            # "He was further sanctioned in 2011": by whoever did the same just before; not "a meeting
            # was held", whose doers are the sides of the story (``parties.supply_parties``)
            for si in sorted(self._last_sources, reverse=True):
                if si <= c.sentence and c.sentence - si <= 2 and self._last_sources[si].get(c.cls.what):
                    source = list(self._last_sources[si][c.cls.what])
                    break
        return source

    def _bare_settlement(self, c: Candidate, res: ActorResolver, nouns: set[str] | None = None,
                         told: bool = False) -> bool:
        """"The ceasefire came into effect", "a truce was reached", "the deal has been extended":
        a settlement that is itself the clause's subject, with no agent or partner named, told by
        the article (not in someone's words, whose side it may be) and not under a negation ("it
        does not mean that agreement has been reached"), is between the conflict's sides.
        With ``nouns`` the negotiation nouns and ``told``: "talks will resume in Cairo", "a source
        said consultations would begin": talks that name no partner are the sides' talks, in
        anyone's words (talks have two sides, whoever tells of them)."""
        nouns = self.settlement_nouns if nouns is None else nouns
        subj, _ = self._subject(c.head)
        if subj is None or subj.dep_ not in ("nsubj", "nsubjpass") or not any(w.i == subj.i for w in c.trig.words) \
                or not (subj.lemma_.lower() in nouns or subj.lower_ in nouns):
            return False  # the pattern read the settlement as the subject ("the truce came into effect")
        if any(ch.dep_ == "agent" or (ch.dep_ == "prep" and ch.lower_ in ("with", "by")) for ch in c.head.children):
            return False
        if told and any(ch.dep_ == "prep" and ch.lower_ in ("with", "between", "among") for ch in subj.children):
            return False  # "talks with Russia will resume": one partner named, the other unknown
        if not told and any(sp.start <= c.trig.token.idx < sp.end for sp in res.speeches):
            return False
        return not any(ch.dep_ == "neg" for a in [c.head, *c.head.ancestors] for ch in a.children)

    def _unclaimed(self, c: Candidate) -> bool:
        """"a roadside bombing killed one soldier", "were killed by an improvised explosive
        device", "killed in a car bomb explosion" (the means or its modifier): the attack is news
        though no one is named; not "a gas explosion", which may be an accident."""
        subj, passive = self._subject(c.head)
        if passive and subj is not None and not any(ch.dep_ == "agent" for ch in c.head.children) and \
                any(ch.dep_ == "prep" and ch.lower_ == "in" and any(o.ent_type_ == "GPE" for o in ch.children)
                    for ch in c.head.children):
            return True  # "was abducted in Baghdad": an attack on the subject there, by someone unnamed
        means = [o for ch in c.head.children if ch.dep_ in ("agent", "prep") and ch.lower_ in ("by", "in")
                 for o in ch.children if o.dep_ == "pobj"] + ([subj] if subj is not None and not passive else [])
        return any(w.lemma_.lower() in self.unclaimed_means or w.lower_ in self.unclaimed_means
                   for m in means for w in [m, *(x for x in m.children if x.dep_ in ("compound", "amod"))])

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
                if len(groups) == 1 and len(refs) == 1 and refs[0].name[:1].isupper() and \
                        len(refs[0].name) > len(groups[0].name):
                    # "arrested by Thames Valley Police": a body the knowledge base lacks keeps its name
                    groups = [replace(groups[0], name=refs[0].name, text=refs[0].text)]
                refs = groups or refs
            if not refs and not as_target and self._author_pronoun(t, res):
                refs = [ActorRef(name=t.text, start=t.idx, end=t.idx + len(t.text), text=t.text)]
            venues = [t.doc[v] for v in self._venues(t, res)]  # "the Lisbon talks ended": no doer named
            kept = [r for r in refs if not any(v.idx <= r.start < v.idx + len(v.text) for v in venues)]
            self._venue_only = self._venue_only or (not as_target and len(kept) < len(refs))
            out += kept
        return self.agency.keep(out, res.sdoc, res.by_token)

    def _author_pronoun(self, tok: Token, res: ActorResolver) -> bool:
        """"I welcome the agreement ...", "We strongly urge the parties ..." in a statement printed
        as its author wrote it: a first-person subject outside any quotation or speech is the
        document's author, who acts though the text does not name them."""
        return tok.dep_ in ("nsubj", "nsubjpass") and tok.lower_ in self.author_pronouns and \
            not any(sp.start <= tok.idx < sp.end + 1 for sp in res.speeches)

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
        if not refs:
            speakers = speakers_own(owners[0], clause, res, self.own_force_pronouns, self.speech_verbs)
            # "Hamas said its fighters ...": an armed group's own fighters are the group
            armed = [r for r in speakers if r.sector in self.groups.armed and not res.is_state(r)]
            if armed:
                return armed[0]
            refs = speakers
        if not refs or not refs[0].country:
            return None
        return replace(g, country=refs[0].country)

    def _referenced_act(self, tok: Token) -> str | None:
        """The class of an act the sentence refers back to by a definite noun ("at the end of the
        conversation", "during the talks"), or None."""
        for t in tok.sent:
            entry = self.lex.nouns.get(t.lemma_.lower()) or self.lex.nouns.get(t.lower_)
            if entry is not None and t.i != tok.i and any(d.lower_ in ("the", "this", "that") for d in t.children
                                                         if d.dep_ == "det"):
                return self.classes.classify(entry.code).what
        return None


def speakers_own(owner: Token, clause: Token, res: ActorResolver, pronouns: set[str],
                 speech_verbs: set[str]) -> list[ActorRef]:
    """"Iraq said its troops repelled an attack", "the rebels said their fighters took the
    town": a possessive pronoun (``own_force_pronouns``) on a group in the content of a report
    of speech is the speaker's own; the speaker tells its own act, so the act is the speaker's
    (the subject of the speech verb the clause is the content of). Not "its" of a clause told
    by no one, whose owner the text leaves open. Returns the speaker's actors that have a state."""
    if owner.lower_ not in pronouns:
        return []
    verb = clause
    for _ in range(6):  # up through coordination and nested content to the verb of saying
        if verb.dep_ not in ("ccomp", "conj") or verb.head.i == verb.i:
            return []
        verb = verb.head
        if verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in speech_verbs:
            break
    if verb.lemma_.lower() not in speech_verbs:
        return []
    subjects = [s for s in verb.children if s.dep_ == "nsubj"]
    return [r for r in res.refs_for(subjects[0]) if r.country] if subjects else []
