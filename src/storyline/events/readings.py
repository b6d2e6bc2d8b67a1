"""Readings that need the participants and the other events of the document.

In the order the coder applies them:

1. a warning (``Reinterpretation._warning``, per candidate) is a threat only where it names harm
   the speaker's side will do or is addressed to someone; otherwise a pessimistic comment;
2. a claim of responsibility (``_responsibility``) gives its source to the act without a doer
   told just before it;
3. in context (``_reinterpret``): a third party's negotiations are mediation; force told as
   someone else's claim is an accusation (PETRARCH's "A says B attacked"); an appeal or a hope
   needs someone it is addressed to; a state's words come from its named speaker; a planned
   act of force that is conditional or the speaker's own is a threat;
4. statements (``_statements``): a report of speech stays a STATEMENT event only where it adds
   to the record: a political speaker's first act, or words published through a channel of their
   own ("said in a statement", "wrote on X", "held a press briefing"); not their own act told,
   not a direct quote.
"""

from __future__ import annotations

from dataclasses import replace

from ..actors.resolve import ActorResolver, same_actor, same_ref
from ..model import ActorRef
from .candidate import Candidate, actor_like, dedupe
from .clause import OBJECT_DEPS
from .coder_base import CoderBase
from .context import clause_date
from .triggers import AGENT_ENTS


class Reinterpretation(CoderBase):
    """Readings of a candidate that depend on who takes part and on the other candidates."""

    def _warning(self, c: Candidate, res: ActorResolver) -> None:
        """A warning is a threat only where it names harm that the speaker's side will do ("we tell
        the invaders that our strikes will go on") or is addressed to someone ("warned Iran
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
                if any(o.lower_ in self.first_person for o in owner):
                    return  # "our targets will keep expanding": the speaker's side will do it
                refs = [r for o in owner for r in res.refs_for(o)]
                if any(same_actor(r, sp) for r in refs for sp in c.source):
                    return  # "Iran warned that it would retaliate"
                if addressed and s.pos_ == "PRON" and not refs:
                    return  # "warned Iran that it was ready to retaliate", "warned buyers they would face ..."
        elif addressed:
            return  # "warned the Russian government about its attacks": a warning to someone
        self._recode(c, self.warning_comment_code)

    def _reinterpret(self, cands: list[Candidate], res: ActorResolver) -> None:
        """Readings that need the participants: a third party's negotiations are mediation; an
        attack told by someone other than the attacker is an accusation (PETRARCH's "A says B
        attacked" transformation); an appeal or a hope needs someone it is addressed to."""
        conflict = res.conflict_parties
        for c in cands:
            if c.drop:
                continue
            if c.code.startswith("04"):
                c.source = self._format_members(c, res, conflict) or c.source
            third_party = bool(c.source and not c.target and conflict) and \
                not any(same_actor(s, p) for s in c.source for p in conflict)
            if c.code.startswith("046") and third_party and \
                    any(w.lemma_.lower() in self.negotiation_nouns for w in c.trig.words):
                self._recode(c, "045")
                c.target = list(conflict)
            elif c.code.startswith("043") and self._hosts_two_sides(c):
                self._recode(c, "045")  # "Turkey hosted the Russian and Ukrainian ministers": a third party mediates
            elif c.cls.what == "MEDIATE" and third_party:
                c.target = list(conflict)  # "Qatar helped reach a truce": mediated between the conflict's parties
            if c.cls.what in ("ASSAULT", "COERCE") and c.status in ("reported", "historical") \
                    and self._claimed(c, res) and not self._own_framing(c):
                speaker = self._speaker_for(c, res)
                # a political speaker: "the statement said" names no one who could accuse
                # an unnamed group's attack ("police said gunmen killed five") is the attack,
                # told: there is no one named to accuse
                if speaker and c.source and not any(same_actor(s, sp) for s in c.source for sp in speaker) \
                        and not any(sp.sector == "MED" for sp in speaker) and all(actor_like(sp) for sp in speaker) \
                        and not all(s.actor_id is None and s.sector for s in c.source) \
                        and not self._onlooker(speaker, c, conflict):
                    self._recode(c, "112")
                    c.source, c.target = speaker, c.source
            self._needed_of_others(c, conflict, cands)
            if c.code.startswith("02") and c.trig.status == "hoped" and not c.target:
                c.drop = True
            if c.trig.kind == "appeal" and not c.target and any(ch.dep_ == "nsubjpass" for ch in c.head.children):
                c.drop = True  # "then the document must be signed": asked of no one named
            if c.cls.what in self.praise_classes and self._praise_of_own(c):
                self._recode(c, "010")  # a comment on it, not support given
                c.comment = True
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

    def _needed_of_others(self, c: Candidate, conflict: list[ActorRef], cands: list[Candidate]) -> None:
        """"Qatar and Egypt stressed the urgent need to end the war": an act that third parties say
        is needed (the clause on a ``need_nouns`` noun) is their call on the sides (CAMEO 020,
        hoped), not their own plan. Third parties: those the article shows mediating, or no side of
        the article's conflict. The sides' own "need to continue
        consultations" stays their plan, as does a joint act."""
        noun = c.head.head
        if c.status != "planned" or c.head.dep_ not in ("acl", "xcomp") or noun.pos_ != "NOUN" or \
                noun.lemma_.lower() not in self.need_nouns or c.cls.what in self.joint_classes or not c.source:
            return
        mediators = [r for k in cands if not k.drop and k.cls.what == "MEDIATE" for r in k.source]
        mediating = all(any(same_actor(s, m) for m in mediators) for s in c.source)
        no_side = bool(conflict) and not any(same_actor(s, p) or (s.country and s.country == p.country)
                                             for s in c.source for p in conflict)
        if not (mediating or no_side):
            return
        self._recode(c, "020")
        c.status = "hoped"
        c.target = list(conflict)

    @staticmethod
    def _onlooker(speaker: list[ActorRef], c: Candidate, conflict: list[ActorRef]) -> bool:
        """"Turkey said the Azerbaijani army had launched an operation": where the doer is a side of
        the article's conflict, a speaker who is neither a side nor the act's target tells the act;
        it accuses no one (PETRARCH's "A says B attacked" is an accusation where A is the one
        attacked or its adversary). With the doer no known side, the claim stays an accusation."""
        if not any(same_actor(s, r) or (s.country and s.country == r.country) for s in c.source for r in conflict):
            return False
        sides = [*conflict, *c.target]
        countries = {r.country for r in sides if r.country}
        return not any(same_actor(sp, r) for sp in speaker for r in sides) and \
            not any(sp.country in countries for sp in speaker if sp.country)

    def _praise_of_own(self, c: Candidate) -> bool:
        """"Hailed his government's successful mediation", "expressed satisfaction with the
        meeting": praise that names no one praised, of the speaker's own deed (the object is
        possessed by a pronoun) or a contentment with how things went (``comment_nouns``), is a
        comment on it, not support given to anyone."""
        if c.trig.kind != "verb":
            return False
        objects = [o for o in c.head.children if o.dep_ in OBJECT_DEPS]
        if not c.target and any(w.lemma_.lower() in self.comment_nouns for w in [*objects, *c.trig.words]):
            return True
        # the owner of the thing praised ("its mediation"), or the owner of the speaker's own state
        # organ that owns it ("his government's mediation"); not the owner of the praise's own
        # noun ("my congratulations to Chad") nor another's ("his counterpart's efforts")
        deeds = [o for o in objects if o not in c.trig.words and o.pos_ == "NOUN" and not self.agency.is_agent_noun(o)
                 and o.ent_type_ not in ("PERSON", "ORG", "NORP", "GPE")]  # "thanked my envoy": a person
        owners = [p for o in deeds for p in o.children if p.dep_ == "poss"]
        owners += [q for p in owners if p.lemma_.lower() in self.own_state_nouns
                   for q in p.children if q.dep_ == "poss"]
        return any(p.pos_ == "PRON" and p.lower_ in self.own_possessives for p in owners)

    @staticmethod
    def _format_members(c: Candidate, res: ActorResolver, conflict: list[ActorRef]) -> list[ActorRef]:
        """"The Normandy Format negotiations", "talks in the 5+2 format": a format of states whose
        members (``members`` of bodies.yaml, carried as the mention's refs) include both sides of
        the conflict is no third party; its talks are its members' talks. A body whose members
        are not the sides (the Minsk Group's co-chairs) keeps its mediation."""
        if len(c.source) != 1 or len(conflict) < 2:
            return []
        src = c.source[0]
        members = next((m.refs for m in res.mentions if m.start == src.start and m.actor_id == src.actor_id
                        and m.refs), [])
        if not all(p.country in members for p in conflict):
            return []
        out = []
        for code in members:
            actor = res.actors.get(code)
            out.append(ActorRef(name=actor.name if actor else code, actor_id=code, country=code,
                                start=src.start, end=src.end, text=src.text))
        return out

    def _auspices_mediations(self, cands: list[Candidate], res: ActorResolver) -> list[Candidate]:
        """"The round of talks started under the auspices of the UN", "the parties met under UN
        auspices": the host mediates between those who meet (or, unnamed, the conflict's sides);
        a mediation event beside the talks, which stand where their parties are named."""
        out: list[Candidate] = []
        for c in cands:
            if c.drop or not c.auspices:
                continue
            hosted = [r for r in c.source + c.target if not any(same_actor(r, h) for h in c.auspices)]
            m = replace(c, trig=replace(c.trig, code="045"), cls=self.classes.classify("045"),
                        source=dedupe(c.auspices), target=hosted or list(res.conflict_parties), parent=None)
            out.append(m)
        return out

    @staticmethod
    def _hosts_two_sides(c: Candidate) -> bool:
        """A host receiving the envoys of two or more other states at once brings them together."""
        own = {s.country for s in c.source}
        guests = {t.country for t in c.target if t.country}
        return bool(c.source) and len(guests) >= 2 and not guests & own

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

    def _own_framing(self, c: Candidate) -> bool:
        """The act's noun carries the attacker's own name for it ("launched an *anti-terrorist*
        operation", ``own_framing_words``), not taken back by "so-called" (``distance_words``): a
        teller who uses it tells the attack, approving, and accuses no one."""
        for noun in (c.trig.token, *c.trig.words):
            if noun.pos_ not in ("NOUN", "PROPN"):
                continue
            left = " ".join(t.lower_ for t in noun.doc[noun.left_edge.i:noun.i]).replace(" - ", "-")
            if any(w in left for w in self.own_framing_words) and not any(w in left for w in self.distance_words):
                return True
        return False

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

    def _statements(self, cands: list[Candidate], res: ActorResolver) -> None:
        """Keep a report of speech as a STATEMENT event only where it adds to the record: the
        speaker's first act, or words put on the record through a channel of their own (a
        statement, a communique, a post on a social network, a press briefing held: ``_on_record``),
        once per speaker; never a speaker's own act told, which is the event itself."""
        acted: list[ActorRef] = []
        recorded: list[ActorRef] = []  # speakers whose words on the record are an event already
        for c in sorted(cands, key=lambda c: c.start):
            if c.drop:
                continue
            if not c.is_speech:
                acted += c.source
                continue
            speaker = c.source
            # "Fidan, who chairs the talks, said ...": a relative clause on the speaker is no content
            speaker_words = {t.i for s in c.head.children if s.dep_ in ("nsubj", "nsubjpass") for t in s.subtree}
            content = [k for k in cands if k.parent is c and not k.drop and not k.is_speech
                       and k.head.i not in speaker_words
                       and not (k.trig.kind == "noun" and k.trig.host is not None and k.trig.host.pos_ != "VERB")
                       and not (k.trig.kind == "noun" and k.trig.host is not None
                                and k.trig.host.lower_ in ("following", "after", "during", "before"))
                       and not (k.trig.kind == "noun" and k.trig.status == "reference" and c.trig.kind == "verb"
                                and c.trig.token.lemma_.lower() not in self.speech_verbs)]
            if c.trig.token.lower_ == "according":
                sent_cands = [k for k in cands if k is not c and not k.drop and k.sentence == c.sentence
                              and not k.is_speech]
                content = sent_cands
            own = any((not k.source and k.target) or any(same_actor(s, sp) for s in k.source for sp in speaker)
                      for k in content)
            in_quote = res.in_direct_quote(c.trig.token.idx, c.trig.token.idx + 1)
            quotes_content = self._attributes_direct_quote(c, res)
            repeat = any((same_ref(sp, a) or (res.is_state(sp) and same_actor(sp, a))) for sp in speaker
                         for a in acted)
            # the news media's reports ("according to Syrian state media") source the article's
            # account; they are not acts of the conflict
            political = c.armed_source or any(self._political(sp) and sp.sector != "MED" for sp in speaker)
            if c.code == self.responsibility_code or c.comment:
                own = repeat = False  # a claim of responsibility, a comment on an act: news of their own  # a claim of responsibility is news even after the act it claims
            if speaker and self._said_at_meeting(c, res):
                acted += speaker
                continue
            if speaker and political and not own and not in_quote and self._on_record(c) and \
                    not any(same_ref(sp, a) for sp in speaker for a in recorded):
                recorded += speaker  # "said in a statement", "wrote on X": an act of its own
                acted += speaker
                continue
            if not speaker or not political or own or in_quote or quotes_content or repeat:
                c.drop = True
                acted += speaker
                continue
            acted += speaker
        self._plans_told(cands, res)

    def _plans_told(self, cands: list[Candidate], res: ActorResolver) -> None:
        """"The minister said the handover would happen shortly": a report of speech kept as an event,
        whose content is a plan that no event of its own codes, stands for that plan on the
        record, so it takes the plan's status. Where the plan is coded ("Lavrov said US and
        French envoys will come to Moscow": a VISIT, planned) the report stays the report."""
        kept = [k for k in cands if not k.is_speech and self._kept(k)]
        for c in cands:
            if c.drop or not c.is_speech or c.status != "reported":
                continue
            content = self.rules.planned_content(c.head, c.date, res.doc.published, self.speech_verbs)
            if content is not None and not any(k.head in content.subtree for k in kept):
                c.status = "planned"
                # standing for the plan, the report takes the plan's date where its words give one
                # that can be a plan's (not one before the news: "in the light of the February accord")
                words = list(content.subtree)
                due = clause_date(res.doc, words[0].idx, words[-1].idx + len(words[-1].text))
                if due is not None and not self.rules.before_news(due, res.doc.published, weeks=False):
                    c.date = due

    def _kept(self, c: Candidate) -> bool:
        """The candidate becomes an event: not dropped, with a doer (one of politics where its
        class asks for one), force by an unnamed hand on a political target, or an act whose
        only named place for a doer was its venue."""
        return not c.drop and bool(
            (c.source and (c.cls.what not in self.political_sources or c.armed_source
                           or any(self._political(s) for s in c.source)))
            or (c.unclaimed and not c.source and any(self._political(t) or t.sector for t in c.target))
            or (c.venue and not c.source))  # "the Lisbon talks ended": the act, its doers unnamed

    def _on_record(self, c: Candidate) -> bool:
        """The words are told as put on the record through a channel (``speech_channels``): "said
        in a statement", "in a joint communique, the leaders said", "wrote on Twitter", "said on
        the social media platform X", or the speech act is itself such an occasion ("held a press
        briefing", "issued a statement"). Publishing words is an act, whatever they say; words
        said to someone or in passing ("said at a news conference with X") are not this."""
        if c.trig.kind != "verb":
            return False
        if any(w.lemma_.lower() in self.speech_channels for w in c.trig.words if w.i != c.trig.token.i):
            return True
        return any(prep.dep_ == "prep" and prep.lower_ in ("in", "on", "via", "through") and o.dep_ == "pobj"
                   and (o.lemma_.lower() in self.speech_channels or o.lower_ in self.speech_channels)
                   for prep in c.trig.token.children for o in prep.children)

    def _said_at_meeting(self, c: Candidate, res: ActorResolver) -> bool:
        """"Rice said during a news conference with Saakashvili", "told Zelensky in a phone call":
        words spoken at an occasion shared with a named partner (``speech_occasions``) tell that the
        two met or spoke; the report becomes the consultation (CAMEO 040, by phone 041), its
        partner the target. The words themselves stay the content they are."""
        verb = c.trig.token
        if c.trig.kind != "verb":
            return False
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("during", "at", "in", "on"):
                continue
            for noun in prep.children:
                code = self.speech_occasions.get(noun.lemma_.lower()) if noun.dep_ == "pobj" else None
                if code is None:
                    continue
                partners = [r for w in noun.children if w.dep_ == "prep" and w.lower_ == "with"
                            for o in w.children if o.dep_ == "pobj" for r in res.refs_for(o)]
                if not partners and code.startswith("041"):  # "told Zelensky in a phone call"
                    partners = [r for o in verb.children if o.dep_ in ("dobj", "dative") for r in res.refs_for(o)]
                partners = [r for r in self.agency.keep(partners, res.sdoc, res.by_token)
                            if not any(same_actor(r, s) for s in c.source)]
                if partners:
                    self._recode(c, code)
                    c.target = partners
                    return True
        return False

    def _attributes_direct_quote(self, c: Candidate, res: ActorResolver) -> bool:
        sent = c.head.sent
        quoted = sum(min(sp.end, sent.end_char) - max(sp.start, sent.start_char) for sp in res.speeches
                     if sp.direct and sp.end > sent.start_char and sp.start < sent.end_char)
        return quoted > 0.4 * (sent.end_char - sent.start_char)
