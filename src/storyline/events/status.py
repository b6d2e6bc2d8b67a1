"""An event's status: the article's news (reported), background (historical), announced for the
future (planned), or wished, urged or expected (hoped); and negation, which cancels an event.

Why status matters more than the code: GDELT-style coders turn every background paragraph ("the
conflict began in 1988", "the two states signed an armistice in 1953") into a fresh
event on the article's date. Here the clause's own date, tense and governing words decide. The
cue words are data (``data/lexicons/event_status.yaml``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from ..dates.values import period as value_period
from ..lexicons import load_lexicon
from ..model import DateValue
from .assertion import AssertionRules, governor
from .headlines import headline

Token = Any

def period(value: str | None) -> tuple[dt.date, dt.date] | None:
    """A TIMEX3 date value as its first and last day (None for PAST_REF and the like): a week
    ("2017-W25", what "last week" resolves to) its seven days, a range its two ends (the one
    reader of values, ``dates.values.period``)."""
    return value_period(value)


@dataclass
class StatusRules(AssertionRules):
    cfg: dict[str, Any]
    #: ``words`` read once per key: the rules ask for their lists for every candidate and token
    _words: dict[str, frozenset[str]] = field(default_factory=dict, init=False, repr=False, compare=False)

    def words(self, key: str) -> frozenset[str]:
        """The lexicon's list ``key``, lower-cased (read-only: shared by every caller)."""
        got = self._words.get(key)
        if got is None:
            got = self._words[key] = frozenset(str(w).lower() for w in self.cfg.get(key) or [])
        return got

    def refusal_status(self, head: Token, status: str) -> str:
        """A refusal ("would not bow to demands") is made when it is said: now (reported), unless
        the report of it is itself background ("Turkey had previously insisted it would not
        bow"): a past perfect or a background adverb on the governing verb."""
        if status != "planned":
            return status
        gov = governor(head)
        if gov is not None and (self._background(gov, _own_words(gov, head)) or "had" in _aux_words(gov)):
            return "historical"  # "has maintained in the past that it will not negotiate": said before
        return "reported"

    # ---------------------------------------------------------------- status

    def status(self, head: Token, fixed: str | None, date: DateValue | None, published: DateValue | None,
               clause: str, intent: bool = False, code: str = "", frame: DateValue | None = None) -> str:
        """The status from the clause's wording first, then its date against publication. ``frame``
        is the date the paragraph has set for an undated clause (``dates.anchor.frame_date``): a
        past-tense clause told after "In 2015, ..." belongs to 2015."""
        low = clause.lower()
        if fixed == "planned" and not any(m in low for m in self.words("recent_markers")) and \
                self.before_news(date, published, weeks=False):
            return "historical"  # "direct talks between the two in January", told in May: held (or not) then
        if fixed:
            return fixed
        background = self._background(head, low)
        if self._performed(head):
            return "reported"
        if self._hoped(head):
            return "hoped"
        planned = self._planned(head, low)
        intent = intent or self._announced_plan(head)
        if self._promised_endorsement(head, code):
            planned = intent = False  # "has vowed to stand behind X": the backing is voiced by the vow
        when = period(date.value) if date else None
        pub = period(published.value) if published else None
        if when and pub and when[0] > pub[1]:
            planned = True
        recent = any(m in low for m in self.words("recent_markers"))
        if planned or (intent and not background):
            if self.backshifted(head) and not recent and \
                    (self.before_news(date, published) or date is None and self.before_news(frame, published, weeks=False)):
                return "historical"  # "Serbia said in June that it would stay away from the talks": a plan of then
            if not planned and not recent and self.before_news(date, published, weeks=False):
                return "historical"  # "talks on normalising relations in January": held then, no plan in the grammar
            return "planned"
        if background or _earlier_event(head, self.words("earlier_preps"), self.words("earlier_units")):
            return "historical"
        if not recent and self.before_news(date, published):
            return "historical"
        if self._perfect_background(head, low) and not _dated_news(head, date, published, self.before_news(date, published)):
            return "historical"
        if date is None and _past(_finite(head)) and not recent and self.before_news(frame, published, weeks=False):
            return "historical"  # "In 2015, Saudi Arabia started ... The UN called ...": told in that past
        if date is None and code.startswith(tuple(self.words("material_prefixes"))) and _simple_present(head):
            return "historical"  # "the group is outlawed in Kenya": a standing situation
        return "reported"

    def before_news(self, date: DateValue | None, published: DateValue | None, weeks: bool = True) -> bool:
        """The date lies before the news: ``historical_days`` or more before publication, in an
        earlier year, or (``weeks``) a whole week over before the news day ("said last week")."""
        when = period(date.value) if date else None
        pub = period(published.value) if published else None
        if not when or not pub:
            return False
        days = int(self.cfg.get("historical_days", 8))
        if when[1] <= pub[0] - dt.timedelta(days=days) or when[1].year < pub[0].year:
            return True
        return weeks and _week(date) and when[1] < pub[0]

    def told_before(self, noun: Token) -> bool:
        """An act named by a noun that the sentence marks as before its news: "the recent visit",
        "after the previous round" (``prior_adjectives``), "after 48 days of attacks", "after
        four years of negotiations" (a week or more of it before the news, ``earlier_units``).
        Without the mark a fronted "After the meeting, the ministers said" is as likely the
        day's news as the scene before it, and "after two days of talks" the news itself."""
        # "the recent visit and the talks he held there": the mark on the first noun covers its conjuncts
        marked = [noun, noun.head] if noun.dep_ == "conj" and noun.head.pos_ in ("NOUN", "PROPN") else [noun]
        if any(c.dep_ == "amod" and c.lemma_.lower() in self.words("prior_adjectives") for n in marked for c in n.children):
            return True
        of, span = noun.head, noun.head.head
        if noun.dep_ != "pobj" or of.lower_ != "of" or span.dep_ != "pobj" or span.head.lower_ not in self.words("earlier_preps"):
            return False
        unit = span.lemma_.lower()
        count = next((_count(c) for c in span.children if c.dep_ == "nummod"), None)
        return unit in self.words("earlier_units") or (unit == "day" and count is not None and count >= 7)

    def done_after_news(self, head: Token, date: DateValue | None, published: DateValue | None) -> bool:
        """"The truce was prolonged by 60 days as of 3 June", two days after publication;
        "talks hosted by Turkey" under it: a clause told as done cannot lie after the news, so a
        later date in (or above) it says when what was done takes effect, not when it was done.
        Not "was scheduled for", "is set for": predicates of plans (``planned_governors``)."""
        when = period(date.value) if date else None
        pub = period(published.value) if published else None
        if not when or not pub or when[0] <= pub[1]:
            return False
        done = _past(head) or (head.tag_ == "VBN" and head.dep_ == "acl" and
                               not any(c.dep_ in ("aux", "auxpass") for c in head.children))
        return done and head.lemma_.lower() not in self.words("planned_governors") | self.words("planned_predicates")

    def backshifted(self, head: Token) -> bool:
        """"X said (in June) that it would stay away": a future told from a past report,
        planned only by its "would" (``backshift_modals``), or by a past "was to" ("in 2006 the
        forces were to withdraw"); dated (or framed) with its report before the news, it is a plan
        of that time, told as background."""
        gov = governor(head)
        if head.dep_ == "xcomp" and gov is not None and gov.lemma_.lower() == "be" and gov.tag_ == "VBD":
            return True  # "the forces were to withdraw": the plan as it stood then
        if head.dep_ == "xcomp" and gov is not None and gov.tag_ == "VBD" and \
                gov.lemma_.lower() in self.words("planned_governors"):
            return True  # "decided in March to evacuate the mission": a decision of then
        return head.dep_ == "ccomp" and gov is not None and gov.tag_ == "VBD" and \
            any(c.dep_ == "aux" and c.lower_ in self.words("backshift_modals") for c in head.children)

    def news_reference(self, noun: Token, date: DateValue | None, published: DateValue | None) -> bool:
        """An act named by a noun is the day's news, not background, where it is dated to the
        day of publication, or, undated, where a verb of reaction (``reaction_verbs``) takes it in
        the present ("I welcome the agreement by A and B", "Qatar welcomes the release of"): a
        reaction now to an act just done. Otherwise ("condemned Turkey's offensive", "the move
        follows the killing of") it refers to an act told before."""
        if date is not None:
            return published is not None and period(date.value) == period(published.value)
        if self._outcome(noun) or self._setting(noun):
            return True
        gov = noun.head
        return noun.dep_ == "dobj" and gov.pos_ == "VERB" and gov.tag_ in ("VBP", "VBZ") and \
            gov.lemma_.lower() in self.words("reaction_verbs") and not any(c.dep_ in ("aux", "auxpass") for c in gov.children)

    def planned_noun(self, noun: Token, future: bool = False) -> bool:
        """An act named by a noun as what a plan brings: "there would be a national
        dialogue", "the next step will be talks" (the predicate of a planned "be"), or as the aim
        of an infinitive of outcome or a planned one ("to secure the withdrawal of the troops",
        "will secure the withdrawal", ``outcome_verbs``): it lies ahead, not before the news;
        not "helped secure the withdrawal", told as done. ``future``: only where a future
        ("will", a predicate of plans) says so, which outweighs a date the clause's governors lend."""
        gov = noun.head
        if gov.i == noun.i or gov.pos_ not in ("VERB", "AUX"):
            return False
        if noun.dep_ == "attr" and gov.lemma_.lower() == "be":
            return self._planned(gov, "")
        if noun.dep_ != "dobj" or gov.tag_ != "VB" or gov.lemma_.lower() not in self.words("outcome_verbs"):
            return False
        verbs = [gov, gov.head] if gov.dep_ == "conj" else [gov]  # "to ensure X, suppress Y, secure Z"
        if future:  # "will make it possible to ..., secure the withdrawal"
            return any(c.dep_ == "aux" and c.lower_ in self.words("backshift_modals") | {"will", "shall", "'ll"}
                       for v in verbs for c in v.children)
        return any(c.dep_ == "aux" and c.lower_ == "to" for v in verbs for c in v.children) or self._planned(gov, "")

    def _outcome(self, noun: Token) -> bool:
        """"Talks in Jeddah have led to a truce deal", "talks that led to the release",
        "Egypt brokered a truce": the act named is what the clause's act brought about
        (``outcome_verbs``), as much the news as the clause; not an aim ("efforts to secure a
        truce": the infinitive of an aim may fail)."""
        gov = noun.head
        if noun.dep_ == "pobj" and gov.dep_ == "prep" and gov.lower_ in ("in", "to", "about"):
            gov = gov.head
        elif noun.dep_ != "dobj":
            return False
        return gov.pos_ == "VERB" and gov.tag_ != "VB" and gov.lemma_.lower() in self.words("outcome_verbs")

    def _setting(self, noun: Token) -> bool:
        """"Stand behind Azerbaijan in the clashes", "talks amid the fighting": an act named as
        the setting of the clause's act (``setting_preps``) goes on when it does, so it is the
        news when the clause is."""
        prep = noun.head
        return noun.dep_ == "pobj" and prep.dep_ == "prep" and prep.lower_ in self.words("setting_preps") \
            and prep.head.pos_ in ("VERB", "AUX", "NOUN") and not any(t.ent_type_ == "DATE" for t in noun.subtree)

    def _hoped(self, head: Token) -> bool:
        modals = self.words("hoped_modals")
        if any(c.dep_ == "aux" and c.lower_ in modals for c in head.children):
            return True
        gov = governor(head)
        # "X is expected to sign" forecasts a plan (planned_predicates); "Russia expects X to sign" wishes it
        return gov is not None and head.dep_ in ("ccomp", "xcomp") and gov.lemma_.lower() in self.words("hoped_governors") \
            and gov.lemma_.lower() in ("hope", "wish", "expect", "trust", "believe", "want") and not _passive(gov)

    def _promised_endorsement(self, head: Token, code: str) -> bool:
        """"Ruto has vowed to back Somalia": a promise (``promise_verbs``) of verbal
        support (``spoken_support_codes``: endorsing, defending, rallying support) voices that
        support when it is made; what is promised lies ahead only for acts still to be carried
        out ("vowed to withdraw the troops")."""
        gov = governor(head)
        return gov is not None and head.dep_ == "xcomp" and gov.lemma_.lower() in self.words("promise_verbs") \
            and code.startswith(tuple(self.words("spoken_support_codes")))

    def _performed(self, head: Token) -> bool:
        """"I would like to express my congratulations", "we wish to thank the mediators": a
        speech act the speaker performs by saying it (``performative_verbs``) under a polite
        wish (``polite_wish_verbs``) is done now, not planned."""
        gov = governor(head)
        return gov is not None and head.dep_ == "xcomp" and gov.lemma_.lower() in self.words("polite_wish_verbs") \
            and head.lemma_.lower() in self.words("performative_verbs")

    def _planned(self, head: Token, low: str) -> bool:
        aux = self.words("planned_aux")
        chain = [head]
        gov = governor(head)
        if head.dep_ == "conj":
            chain.append(head.head)
        ongoing = self.words("continuation_verbs")
        for tok in chain:
            for c in tok.children:
                if c.dep_ in ("aux", "auxpass") and c.lower_ in aux and not self._continues_activity(tok):
                    return True
        # "is to", "is set to", "is expected to": the clause is the complement of a predicate of plans
        if gov is not None and head.dep_ in ("xcomp", "acl"):
            if gov.lemma_.lower() in self.words("planned_governors"):
                return True
            if gov.lemma_.lower() == "be" or gov.lower_ in self.words("planned_predicates"):
                return True
            if any(c.dep_ in ("aux", "auxpass") and c.lower_ in aux for c in gov.children) and \
                    gov.lemma_.lower() not in ongoing:
                return True  # "will agree to hold", but not "will continue to make": that goes on now
        if head.dep_ == "acl" and head.head.dep_ == "dobj" and head.head.head.pos_ in ("VERB", "AUX") \
                and head.head.head.i != head.head.i:
            # "ready to make every effort to mediate", "will take steps to ease": the act is the
            # purpose of an object of a planned verb, and planned with it
            return self._planned(head.head.head, low)
        if head.dep_ == "xcomp" and head.head.pos_ in ("ADJ",) and head.head.lemma_.lower() in self.words("planned_governors"):
            return True
        if gov is not None and gov.dep_ == "xcomp" and gov.head.lemma_.lower() in self.words("planned_governors"):
            return True
        adverbs = self.words("planned_adverbs")
        return bool(head.tag_ not in ("VBD", "VBN") and any(t.lower_ in adverbs for t in head.subtree if t.head == head or t.head.head == head))

    def planned_content(self, speech: Token, date: DateValue | None, published: DateValue | None,
                        speech_verbs: Collection[str] = ()) -> Token | None:
        """The content clause of a report of speech where it is a plan: "Medinsky said the swap
        would take place soon", "added that the parties will return to Cairo" (a future,
        ``planned_aux``, or a predicate of plans); not a demand ("said Russia must withdraw",
        ``obligation_modals``) nor the plan of a report dated before the news ("said in March it
        would send observers"). None where the content is no plan."""
        verb = speech.head if speech.lower_ == "according" else speech  # "According to X, Y said ..."
        obligation = self.words("obligation_modals")
        # "said the 12 must stand trial, adding Kenya will seek ...": the added words too
        added = [a for a in verb.children if a.dep_ in ("advcl", "conj") and a.lemma_.lower() in speech_verbs]
        for content in (k for v in (verb, *added) for k in content_clauses(v)):
            if any(c.dep_ == "aux" and c.lower_ in obligation for c in content.children):
                continue
            if any(c.dep_ == "neg" for c in content.children):
                continue  # "said the rules would not make much difference": a forecast of nothing, no plan
            if self._planned(content, "") and not (self.backshifted(content) and self.before_news(date, published)):
                return content
        return None

    def continues_prior(self, head: Token, previous: Any) -> bool:
        """"The previous round yielded nothing. Georgia blocked the dialogue ...": an undated
        clause in the past right after a sentence, in the same paragraph (``previous``, a parsed
        span, or None), whose subject is an act told as before the news ("the previous round",
        ``prior_adjectives``) and whose verb is past goes on telling that earlier act."""
        if previous is None or not _past(head):
            return False
        root = previous.root
        prior = self.words("prior_adjectives")
        told_past = _past(root) or any(c.dep_ == "aux" and c.lower_ == "did" for c in root.children)
        return told_past and any(s.dep_ in ("nsubj", "nsubjpass") and any(
            a.dep_ == "amod" and a.lemma_.lower() in prior for a in s.children) for s in root.children)

    def sequel(self, head: Token) -> bool:
        """"After that, the two envoys moved to ...", "Then both sides issued
        statements": an act marked as following the one just told (``sequel_marks``, or "after"
        with a demonstrative, ``earlier_preps``) is a further act, not that one told again."""
        verb = _finite(head)
        marks, preps = self.words("sequel_marks"), self.words("earlier_preps")
        return any((c.dep_ == "advmod" and c.lower_ in marks) or
                   (c.dep_ == "prep" and c.lower_ in preps and
                    any(o.dep_ == "pobj" and o.lower_ in ("that", "this") for o in c.children))
                   for c in verb.children)

    def _continues_activity(self, verb: Token) -> bool:
        """"Will continue to facilitate talks": a future of ``continuation_verbs`` over an activity
        told by a verb goes on now; "will continue consultations", with the acts named by its
        object, holds further ones (planned)."""
        return verb.lemma_.lower() in self.words("continuation_verbs") and \
            any(c.dep_ in ("xcomp", "ccomp") for c in verb.children)

    def _background(self, head: Token, low: str) -> bool:
        if any(p in low for p in self.words("background_phrases")) and \
                not any(m in low for m in self.words("recent_markers")):
            return True
        adverbs = self.words("background_adverbs")
        return any(c.lower_ in adverbs for c in head.children)

    def _news_backshift(self, head: Token) -> bool:
        """"The militia announced it had signed a truce": under a verb that makes news
        known, the past perfect is the reported speaker's "we have entered", the news itself; under
        "said" ("said the army had retaken the town") it stays what came before."""
        gov = governor(head)
        return gov is not None and head.dep_ == "ccomp" and gov.lemma_.lower() in self.words("news_governors")

    def _announced_plan(self, head: Token) -> bool:
        """"Announced a complete withdrawal", "unveiled a new initiative": the act announced is
        yet to be carried out (a ceasefire announced, by contrast, holds from the announcement)."""
        if head.lemma_.lower() not in self.words("announcing_verbs"):
            return False
        nouns = self.words("announced_plan_nouns")
        return any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in nouns for c in head.children)

    def _ongoing_span(self, head: Token) -> bool:
        """"Have been holding talks for six hours", "since this morning": a perfect progressive
        over a span of hours or days (``ongoing_units``) tells what is going on at the news."""
        units = self.words("ongoing_units")
        return any(p.dep_ == "prep" and p.lower_ in ("for", "since") and any(t.lemma_.lower() in units for t in p.subtree)
                   for p in head.children)

    def _perfect_background(self, head: Token, low: str = "") -> bool:
        """Past perfect ("had been allied", "had defeated") and the perfect progressive ("has been
        encouraging") tell of what came before the news, save a perfect progressive over hours or
        days ("have been holding talks for six hours": the news going on); "since 1992" too, and "has since
        declared"; a present perfect over a span of years ("has increased cooperation in the
        last few years"); and a present perfect in a relative clause, which describes the noun's
        past ("detainees whom their home countries have declined to take back")."""
        lows = _aux_words(head)
        if "had" in lows and not self._news_backshift(head) and not _lead_report(head, self.words("lead_report_verbs")):
            return True
        perfect = bool({"has", "have", "'ve"} & set(lows)) and head.tag_ in ("VBN", "VBG")
        if perfect and "been" in lows and head.tag_ == "VBG":
            return not self._ongoing_span(head)
        if perfect and (head.dep_ == "relcl" or any(p in low for p in self.words("perfect_span_phrases"))):
            return True
        if perfect and any(c.lower_ == "since" and c.dep_ == "advmod" for c in head.children):
            return True
        return any(c.lower_ == "since" and any(g.like_num for g in c.subtree) for c in head.children if c.dep_ == "prep")


def _dated_news(head: Token, date: DateValue | None, published: DateValue | None, before_news: bool) -> bool:
    """"Iraq said its forces had repelled the attack on Tuesday": a past perfect that the words
    date to a day of the news week (not before the news: ``before_news``, what
    ``StatusRules.before_news`` says of the date) is the report's past backshifted, the news
    itself, not what came before it. Not in a relative or adverbial clause ("the preconditions
    Athens had attached", told today): its past perfect is before the time of the clause it hangs
    on, whose date it borrows."""
    return date is not None and date.precision == "day" and date.method.startswith("text") and \
        published is not None and head.dep_ not in ("relcl", "acl", "advcl") and \
        not before_news and period(date.value) is not None


def _lead_report(head: Token, report_verbs: frozenset[str]) -> bool:
    """"Iraq said today its forces had crushed an Iranian attack", "the rebels said they had
    destroyed a radar station": in the article's first sentence of prose (its lead, which tells
    the news), the past perfect a verb of report (``lead_report_verbs``) takes is the report's own
    past, backshifted: the news. Further down it stays what came before."""
    gov = governor(head)
    if gov is None or head.dep_ != "ccomp" or gov.lemma_.lower() not in report_verbs:
        return False
    lead = next((s for s in head.doc.sents if any(t.pos_ in ("VERB", "AUX") for t in s) and not headline(s)), None)
    return lead is not None and lead.start <= head.i < lead.end


def _earlier_event(head: Token, preps: frozenset[str], units: frozenset[str]) -> bool:
    """"The speech came one week after an attack": an event a week or more before the news it is
    measured from is background (``earlier_preps``, ``earlier_units``)."""
    prep = head if head.dep_ == "prep" else head.head  # the coder may head the phrase by "after"
    if (head.dep_ == "pobj" or prep is head) and prep.lower_ in preps and any(
            c.dep_ == "npadvmod" and c.lemma_.lower() in units for c in prep.children):
        return True
    # "this comes a week after he attended a summit": a clause measured back the same way
    marks = [m for m in head.children if m.dep_ == "mark" and m.lower_ in preps]
    return head.dep_ == "advcl" and bool(marks) and any(
        c.dep_ == "npadvmod" and c.lemma_.lower() in units and c.i < marks[0].i
        for c in [*head.head.children, *head.children, *marks[0].children])


def content_clauses(verb: Token) -> list[Token]:
    """The clauses that tell what a verb of speech says: its complement ("said the swap would take
    place"), or a "that" clause the parser hangs on the channel named ("said in a statement that
    the ceasefire would take effect")."""
    out = [k for k in verb.children if k.dep_ == "ccomp" and k.pos_ in ("VERB", "AUX")]
    for prep in verb.children:
        if prep.dep_ == "prep":
            out += [k for o in prep.children if o.dep_ == "pobj" for k in o.children
                    if k.dep_ == "acl" and k.pos_ in ("VERB", "AUX")
                    and any(m.dep_ == "mark" and m.lower_ == "that" for m in k.children)]
    return out


def _own_words(verb: Token, content: Token) -> str:
    """The words of a verb's clause without those of its content clause, lower-cased: what the
    reporting clause itself says ("has maintained in the past" of "has maintained in the past that
    it will not negotiate")."""
    inner = {t.i for t in content.subtree}
    return " ".join(t.lower_ for t in verb.subtree if t.i not in inner)


def _aux_words(head: Token) -> list[str]:
    """The clause's auxiliaries, lower-cased, including those the parser hangs on another
    auxiliary ("has" under "been" in "has been encouraging")."""
    words: list[str] = []
    for c in head.children:
        if c.dep_ in ("aux", "auxpass"):
            words.append(c.lower_)
            words += [g.lower_ for g in c.children if g.dep_ in ("aux", "auxpass")]
    return words


_GRAMMAR = load_lexicon("grammar")
_MODALS = frozenset(_GRAMMAR["modal_verbs"])
#: Auxiliaries of a past or perfect clause ("had met", "was signed"); not "'s", mostly "is".
_PAST_AUX = frozenset(_GRAMMAR["perfect_auxiliaries"]) - {"'s"} | frozenset(_GRAMMAR["past_be"])


def _past(head: Token) -> bool:
    """The clause is told in a past tense (simple past, past or present perfect, past passive);
    a predicate adjective or noun is told in its copula's tense ("Trump was present at the
    signing ceremony": "was")."""
    if head.dep_ in ("acomp", "attr") and head.head.lemma_ == "be" and head.head.i != head.i:
        head = head.head
    auxes = set(_aux_words(head))
    if auxes & _MODALS:
        return False
    if head.tag_ == "VBD":
        return True
    return head.tag_ == "VBN" and bool(auxes & _PAST_AUX)


def _finite(head: Token) -> Token:
    """The clause that tells the tense of a non-finite one without a subject of its own:
    "Refusing to give up power, Mugabe agreed" and "Mugabe was able to negotiate" are told in
    "agreed" and "was"; "the three took the initiative to bring the sides together", an
    infinitive on the object of a verb, in "took"."""
    tok = head
    for _ in range(4):
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in tok.children)
        nonfinite = (tok.dep_ == "xcomp" or (tok.dep_ == "advcl" and tok.tag_ == "VBG")
                     or (tok.dep_ == "acomp" and tok.pos_ == "ADJ"))
        if not own_subject and _object_infinitive(tok):
            tok = tok.head.head
            continue
        nonfinite = nonfinite or _purpose_infinitive(tok)
        if own_subject or not nonfinite or tok.head.i == tok.i:
            break
        tok = tok.head
    return tok


def _purpose_infinitive(tok: Token) -> bool:
    """"Took the initiative to bring the sides together": an infinitive of purpose on a verb,
    which happens when that verb's act does."""
    return tok.dep_ == "advcl" and tok.tag_ == "VB" and tok.head.pos_ in ("VERB", "AUX") and \
        any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _object_infinitive(tok: Token) -> bool:
    """"Took the initiative to bring", "made an attempt to end": an infinitive that completes the
    object of a verb, told in that verb's tense."""
    noun = tok.head
    return tok.dep_ == "acl" and tok.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) \
        and noun.dep_ == "dobj" and noun.head.i != noun.i and noun.head.pos_ in ("VERB", "AUX")


def _simple_present(head: Token) -> bool:
    auxes = [c for c in head.children if c.dep_ in ("aux", "auxpass")]
    if head.tag_ in ("VBZ", "VBP") and not auxes:
        return True
    return head.tag_ == "VBN" and len(auxes) == 1 and auxes[0].lower_ in ("is", "are")




_NUMBERS = {str(k).lower(): v for k, v in (load_lexicon("dates").get("numbers") or {}).items() if isinstance(v, int)}


def _count(tok: Token) -> int | None:
    """A number told in digits or words ("48", "eleven"), None for anything else."""
    return int(tok.text) if tok.text.isdigit() else _NUMBERS.get(tok.lower_)


def _week(date: DateValue | None) -> bool:
    """The date is a whole week ("last week", "the week of 3 May"), not a day inside one."""
    return date is not None and (date.precision == "week" or "-W" in date.value)


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
