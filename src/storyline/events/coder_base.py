"""What every step of the event coder shares: the word lists and tables it reads, loaded once
per run (``CoderBase.__init__``), and the few questions all steps ask (a clause's subject, who
says a clause, recoding a candidate).

The steps themselves live in their own modules, each a mixin over this base, combined by
``coder.Coder``: ``triggers`` (finding and nesting), ``roles`` (source and target),
``participation`` (figures of speech), ``readings`` (readings in context) and ``placing``
(evidence, date, place, status).
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

from ..actors.resolve import ActorResolver
from ..model import ActorRef
from ..pipeline import Context
from .agency import Agency
from .candidate import Candidate
from .clause import clause_subject, within_content
from .groups import GroupNouns
from .lexicon import Lexicon, load_agent_nouns, load_event_lexicon
from .plover import load_plover_map
from .status import StatusRules

Token = Any  # spacy.tokens.Token


class CoderBase:
    """Codes documents with one lexicon, class table and set of cue words (loaded once)."""

    def _word_set(self, key: str) -> set[str]:
        """A word list of the lexicon's settings, lower-cased for lookups (an absent key is empty)."""
        return {str(w).lower() for w in self.lex.settings.get(key, [])}

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
        self.undertaking_nouns = self._word_set("undertaking_nouns")
        # unnamed groups ("Police", "gunmen") as the actors of force, by their sector
        self.groups = GroupNouns(ctx.lexicon("actor_roles"), self.collectives)
        # what an event's source or target must be named by when no actor is linked to it
        roles = ctx.lexicon("actor_roles") or {}
        # "he", "she" (number: singular in actor_roles.yaml's pronouns) stand for the last person
        self.singular_pronouns = {str(p).lower() for p, spec in (roles.get("pronouns") or {}).items()
                                  if (spec or {}).get("number") == "singular"}
        # the speaker's own side ("we", "our") and pronouns that point at a thing ("this")
        self.first_person = {w.lower() for w in self.collectives.get("first_person", [])}
        self.author_pronouns = {w.lower() for w in self.collectives.get("author_pronouns", [])}
        self.people_group_sectors = frozenset(w.upper() for w in self.collectives.get("people_group_sectors", []))
        self.thing_pronouns = {w.lower() for w in self.collectives.get("thing_pronouns", [])}
        self.own_force_pronouns = {w.lower() for w in self.collectives.get("own_force_pronouns", [])}
        self.agency = Agency([*self.participant_nouns, *self.groups.sectors, *(roles.get("roles") or {}),
                              *(roles.get("families") or {}), *self.collectives.get("group_nonactors", []),
                              *self.collectives.get("relation_nouns", []),
                              *self.collectives.get("group_nonsources", [])])
        self.participant_classes = {w.upper() for w in self.lex.settings.get("participant_classes", [])}
        self.verbal_attack_verbs = self._word_set("verbal_attack_verbs")
        self.own_framing_words = self._word_set("own_framing_words")
        self.distance_words = self._word_set("distance_words")
        self.verbal_attack_code = str(self.lex.settings.get("verbal_attack_code", "111"))
        self.warning_verbs = self._word_set("warning_verbs")
        self.warning_comment_code = str(self.lex.settings.get("warning_comment_code", "012"))
        self.threat_codes = {str(k): str(v) for k, v in (self.lex.settings.get("threat_codes") or {}).items()}
        self.negotiation_nouns = {w.lower() for w in self.collectives.get("negotiation_nouns", [])}
        self.settlement_nouns = {w.lower() for w in self.collectives.get("settlement_nouns", [])}
        self.speech_occasions = {str(k).lower(): str(v) for k, v in
                                 (self.lex.settings.get("speech_occasions") or {}).items()}
        self.speech_channels = self._word_set("speech_channels")
        self.topic_nouns = self._word_set("topic_nouns")
        self.political_sources = {w.upper() for w in self.lex.settings.get("political_sources", [])}
        self.speaker_acts = {w.upper() for w in self.lex.settings.get("speaker_acts", [])}
        self.stative_passives = self._word_set("stative_passives")
        self.descriptive_participles = self._word_set("descriptive_participles")
        self.body_name_nouns = self._word_set("body_name_nouns")
        self.intent_adjectives = self._word_set("intent_adjectives")
        self.obligation_adjectives = self._word_set("obligation_adjectives")
        self.command_verbs = self._word_set("command_verbs")
        self.demand_nouns = self._word_set("demand_nouns")
        self.need_nouns = self._word_set("need_nouns")
        # "is grateful to", "was present at": LEMMA or "LEMMA PREP" -> CAMEO code
        self.predicate_adjectives = {tuple(str(k).lower().split()): str(v) for k, v in
                                     (self.lex.settings.get("predicate_adjectives") or {}).items()}
        self.comment_nouns = self._word_set("comment_nouns")
        self.own_possessives = self._word_set("own_possessives")
        self.occasion_preps = self._word_set("occasion_preps")
        self.era_preps = self._word_set("era_preps")
        self.era_measures = self._word_set("era_measures")
        self.named_era_nouns = self._word_set("named_era_nouns")
        self.goal_heads = self._word_set("goal_heads")
        self.aim_nouns = self._word_set("aim_nouns")
        self.exertion_verbs = self._word_set("exertion_verbs")
        self.open_ended_words = self._word_set("open_ended_words")
        self.auxiliary_verbs = self._word_set("auxiliary_verbs")
        self.speech_verbs = {e.lemma for es in self.lex.verbs.values() for e in es
                             if e.code and e.code.startswith("01") and not e.rest}
        self.planned_governors = self.rules.words("planned_governors")
        self._load_role_words()
        self._quoted: list[tuple[int, int]] = []  # the direct quotations of the document being coded
        # per sentence and class, the source of the last act coded (for "he was further sanctioned")
        self._last_sources: dict[int, dict[str | None, list[ActorRef]]] = {}

    def _load_role_words(self) -> None:
        """The class lists and role words that decide who an act's parties are (joint acts,
        targets, trips, force, praise, mediation, hosting), read from the lexicons once."""
        self.joint_classes = {w.upper() for w in self.lex.settings.get("joint_classes", [])}
        self.on_target_classes = {w.upper() for w in self.lex.settings.get("on_target_classes", [])}
        self.actor_object_codes = {str(k).lower(): str(v) for k, v in
                                   (self.lex.settings.get("actor_object_codes") or {}).items()}
        self.actor_to_verbs = {str(w).lower() for w in self.lex.settings.get("actor_to_verbs", [])}
        self.means_verbs = self._word_set("means_verbs")
        self.trip_classes = {w.upper() for w in self.lex.settings.get("trip_classes", [])}
        self.force_classes = {w.upper() for w in self.lex.settings.get("force_classes", [])}
        self.responsibility_code = str(self.lex.settings.get("responsibility_code", "015"))
        self.generic_determiners = self._word_set("generic_determiners")
        self.act_measures = self._word_set("act_measures")
        self.course_verbs = self._word_set("course_verbs")
        self.own_state_nouns = {w.lower() for w in self.collectives.get("own_state_nouns", [])}
        self.praise_classes = {w.upper() for w in self.lex.settings.get("praise_classes", [])}
        self.party_classes = {w.upper() for w in self.collectives.get("party_classes", [])}
        self.mediation_classes = {w.upper() for w in self.collectives.get("mediation_classes", [])}
        # the roles of a third party beside the sides, and the classes of a brokered deal's terms (events.mediators)
        self.mediator_roles = {str(w).lower() for w in self.collectives.get("mediator_roles", [])}
        self.brokered_classes = {w.upper() for w in self.collectives.get("brokered_content_classes", [])}
        self.hosting_nouns = {str(w).lower() for w in self.collectives.get("hosting_nouns", [])}
        self.hosting_preps = {str(w).lower() for w in self.collectives.get("hosting_preps", [])}
        self.of_doer_classes = {w.upper() for w in self.collectives.get("of_doer_classes", [])}

    @cached_property
    def sponsors(self) -> tuple[set[str], set[str]]:
        """The participles and nouns of a mediation told by a hyphenated name (events.sponsors)."""
        return self._word_set("sponsor_participles"), self._word_set("sponsored_nouns")

    @cached_property
    def agreed_classes(self) -> frozenset[str]:
        """Classes of an act agreed to that is the agreement itself (``agreed_classes``)."""
        return frozenset(w.upper() for w in self.lex.settings.get("agreed_classes", []))

    def _subject(self, head: Token) -> tuple[Token | None, bool]:
        """The head's subject (following coordination and control), and whether it is passive."""
        # "Qatar made efforts to mediate": the infinitive on a noun of striving is its owner's act
        return clause_subject(head, self.planned_governors | self.aim_nouns)

    def _recode(self, c: Candidate, code: str) -> None:
        c.trig.code = code
        c.cls = self.classes.classify(code)

    @staticmethod
    def _political(ref: ActorRef) -> bool:
        return bool(ref.actor_id or ref.country or ref.sector)

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
            if p.is_speech and p.source and within_content(child.head, p.head):
                return p.source
            child, p = p, p.parent
        return []
