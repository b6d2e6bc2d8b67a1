"""The evidence, date, place and status of each candidate.

1. evidence (``TimePlace._evidence``): the unbroken words of the trigger's clause around its
   head, coordinated and nested triggers' clauses cut, the governing intention's words kept;
2. date (``_when_where``): a date in the clause's own words (nested clauses cut), else in a
   clause of simultaneity on it ("while addressing the press yesterday"), else the governing
   clause's, up to four clauses up;
3. status from the status rules (reported, historical, planned, hoped), an act referred to by
   name being historical; a historical act without a date is dated back from a measure ("one
   week after"), or by the clause's frame;
4. place: the clause's place, else the dateline;
5. a joint act in the simple present with no partner, date or place is habitual and goes, as
   does a relative clause that describes its noun's standing state ("rebels who reject X's rule");
   a negated act goes, unless a negated acceptance is a refusal.
"""

from __future__ import annotations

from typing import Any

from ..dates.anchor import frame_date, measured_back
from ..model import DateValue, Document
from .candidate import Candidate
from .clause import OBJECT_DEPS, aux_negated, governing_verb, stolen_subject
from .coder_base import CoderBase
from .context import clause_date, clause_place
from .headlines import headline_status
from .match import clausal_subject
from .more_acts import coordinated_act
from .nominal import participle_phrase
from .sponsors import sponsor_names, sponsored_phrase
from .status import content_clauses

Token = Any  # spacy.tokens.Token

EVIDENCE_CUT = frozenset({"conj", "cc", "parataxis"})
#: How many sentences back a reply ("for his part") looks for the day of the occasion.
REPLY_SENTENCES = 3


EDGE_PUNCT = set(" \t\n,;:.-–—\"“”'‘’«»()[]")


#: Relations below a clause's head that open a clause of their own (with its own date): an
#: infinitive complement too ("agreed | to implement the measures by the end of the year").
NESTED_CLAUSES = frozenset({"relcl", "acl", "advcl", "ccomp", "csubj", "parataxis", "conj", "xcomp"})


class TimePlace(CoderBase):
    """Evidence, date, place and status of a candidate."""

    def _evidence(self, c: Candidate, doc: Document) -> None:
        head = c.head
        if c.trig.kind == "noun" and head.dep_ in ("acl", "relcl") and head.head.i == c.trig.token.i:
            head = c.trig.token  # "the talks leading up to the deal", "the war that began": the noun's phrase
        if c.purpose_of is not None:
            head = c.purpose_of.head  # "US troops came to Syria to fight ISIS": the whole trip
        if head.pos_ == "ADJ" and head.dep_ in ("acomp", "attr") and c.trig.kind == "verb" and head.head.pos_ == "AUX":
            head = head.head  # "Smith was present at the signing": the clause of the copula
        if c.trig.token.lower_ == "according":
            sent = head.sent
            toks = list(sent)
        elif c.trig.kind == "verb" and sponsor_names(head, *self.sponsors):
            toks = sponsored_phrase(head)  # "An Egyptian-sponsored truce": the noun's phrase
        elif c.trig.kind == "verb" and head.dep_ == "acl" and head.tag_ == "VBN" and c.purpose_of is None \
                and c.inherited_from is None and head.head.pos_ in ("NOUN", "PROPN"):
            toks = participle_phrase(head)  # "the accord signed on 9 May 2015": the noun and its participle
        else:
            cut: set[int] = set()
            for ch in head.children:
                if ch.dep_ in EVIDENCE_CUT and (ch.pos_ in ("VERB", "AUX", "CCONJ") or ch.dep_ == "parataxis"):
                    cut.update(t.i for t in ch.subtree)
            cut.update(self._fronted_occasion(head, c.trig.token))
            for other in (c.parent,):
                if other is not None and other is not c.purpose_of and other.head.i in {t.i for t in head.subtree}:
                    cut.update(t.i for t in other.head.subtree)
            for v in head.children:  # "retook the town and the rebels would be leaving": not "and the rebels"
                stolen = stolen_subject(v) if v.dep_ == "conj" else None
                if stolen is not None:
                    cut.update(t.i for t in stolen.subtree)
                    cut.update(c.i for c in stolen.head.children if c.dep_ == "cc")
            toks = [t for t in head.subtree if t.i not in cut]
            stolen = stolen_subject(head)
            if stolen is not None:
                toks.append(stolen)
            if c.trig.kind == "verb" and head.dep_ == "advcl" and head.tag_ == "VBN":
                # "a communique was released in Doha signed by A and B": the thing signed is the
                # trailed clause's subject, and the evidence runs from it
                sdoc = head.doc
                held = [w for w in c.trig.words if w.dep_ == "nsubjpass" and w.head.i == head.head.i]
                toks += [sdoc[i] for h in held for i in range(h.left_edge.i, head.i)]
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
        if coordinated_act(c):
            toks = list(c.trig.token.subtree)  # "and a final meeting in Cairo": the act's own phrase
        toks = without_examples(toks)
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

    def _fronted_occasion(self, head: Token, trigger: Token) -> set[int]:
        """"Following the visit of X and the talks he held there, Y held negotiations with Z": a
        fronted phrase (``earlier_preps``, before the clause's subject) that names another act by
        an event noun is the occasion the act follows, an act of its own, not words of this one."""
        subject = next((s for s in head.children if s.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None:
            return set()
        out: set[int] = set()
        for prep in head.children:
            if prep.dep_ != "prep" or prep.i > subject.i or prep.lower_ not in self.rules.words("earlier_preps") \
                    or trigger in prep.subtree:
                continue
            nouns = [o for o in prep.children if o.dep_ == "pobj"]
            nouns += [n for o in nouns for n in o.conjuncts]
            if any(self.lex.nouns.get(n.lemma_.lower()) or self.lex.nouns.get(n.lower_) for n in nouns):
                out.update(t.i for t in prep.subtree)
        return out

    def _when_where(self, c: Candidate, doc: Document) -> None:
        # the clause's own words, without the clauses nested in it ("issued arrest orders for 12
        # suspects thought to have taken part in the bombing in May": May is not when
        # the orders were issued); a subordinate clause without a date takes its governing
        # clause's ("started in 1988 with the region announcing its secession")
        date = None
        tok: Token | None = c.head
        for _ in range(4):
            if tok is None:
                break
            lo, hi = core_span(tok, c.trig.token)
            date = clause_date(doc, lo, hi)
            if date is None:
                # "said ... while addressing the press yesterday": a clause of simultaneity with
                # no subject of its own happens when its governor does and lends it its date
                for sim in simultaneous(tok, self.rules.words("simultaneity_marks")):
                    date = clause_date(doc, *core_span(sim, c.trig.token))
                    if date is not None:
                        break
            if date is not None or tok.dep_ == "ROOT" or tok.head.i == tok.i:
                break
            tok = governing_verb(tok)
        clause = doc.text[c.start:c.end]
        fixed = c.trig.status if c.trig.status != "reference" else None
        intent = c.cls.intent or c.inherited_from is not None
        # the purpose of a trip happens when the trip does: "came to Iraq to fight" is told in "came"
        status_head = c.purpose_of.head if c.purpose_of is not None else c.head
        effect = self.rules.done_after_news(status_head, date, doc.published)
        if effect:
            date = None  # "was extended as of 19 November": when the act takes effect, not when it was done
        earlier = self.rules.words("earlier_preps")
        frame = frame_date(doc, c.start, earlier) if date is None else None
        c.status = self.rules.status(status_head, fixed, date, doc.published, clause, intent=intent, code=c.code,
                                     frame=frame)
        if c.trig.kind == "noun" and (c.status == "reported" and self.rules.planned_noun(c.trig.token) or
                                      c.status == "historical" and self.rules.planned_noun(c.trig.token, future=True)):
            c.status = "planned"  # "there would be a dialogue", "to secure the withdrawal": ahead
        if c.trig.status == "reference" and c.status == "reported" and \
                not self.rules.news_reference(c.trig.token, date, doc.published):
            c.status = "historical"  # an act referred to by name, not the day's news
        if c.trig.kind == "noun" and c.status == "reported" and self.rules.told_before(c.trig.token):
            c.status = "historical"  # "the recent visit", "the previous round": before the news
        if c.status == "reported" and date is None and c.trig.kind == "verb" and (
                self.rules.continues_prior(status_head, previous_in_paragraph(doc, c.head))
                or self._before_later(status_head, doc)):
            c.status = "historical"  # "The previous round yielded nothing. Georgia blocked the talks."
        if c.trig.kind == "verb":  # headlinese: "Sudan frees 20 soldiers" is the day's news
            c.status = headline_status(c.head, c.status, date is not None)
        if c.trig.kind == "appeal" and c.status == "planned":
            c.status = "reported"  # "X must do Y": the demand is made now; only what it asks lies ahead
        own_date = date
        c.date = date if date is not None else self._evidence_date(c, doc, frame, effect)
        c.location = clause_place(c.head, set()) or doc.dateline
        if own_date is None and self._habitual(c):
            c.drop = True
        # a relative clause's own words date it, not the clause of the noun it describes ("the
        # rebels, who are backed by Iran, seized the port last year")
        units = self.rules.words("earlier_units") | self.rules.words("ongoing_units")
        if c.cls.what not in self.joint_classes | self.mediation_classes and describes(c, units) and \
                clause_date(doc, *core_span(c.head, c.trig.token)) is None:
            c.drop = True
        # "Turkey should not send troops": the appeal stands, what it asks is a negative
        denied = self.rules.uncertain(c.head) if c.trig.kind == "appeal" else self.rules.negated(c.head, c.trig.token)
        if c.trig.kind != "appeal" and not denied:
            # "had not, by Monday, declared": the parser may hang the negation on the auxiliary
            denied = aux_negated(c.head)
        if c.trig.kind == "verb" and not denied:
            # "would take no part in the talks", "reached no agreement": the pattern's noun negated
            negators = self.rules.words("negators")
            denied = any(d.dep_ == "det" and d.lower_ in negators for w in c.trig.words if w.i != c.trig.token.i
                         for d in w.children)
        if c.inherited_from is not None and not denied:
            # "has not disclosed any intention to pull out the troops": the intention's negation is its content's
            gov = c.inherited_from
            denied = self.rules.negated(gov.head, gov.trig.token) or aux_negated(gov.head)
        if denied:
            if c.code.startswith(tuple(self.rules.words("negated_rejects"))) and not self.rules.uncertain(c.head) \
                    and not self.rules.pending(c.head) and not self.rules.unasserted(c.head):
                # "would not consider requests", "will not accept refugees": a refusal, made when
                # it was said ("had previously insisted it would not bow": then, not now)
                self._recode(c, "120")
                c.status = self.rules.refusal_status(c.head, c.status)
            else:
                c.drop = True

    def _evidence_date(self, c: Candidate, doc: Document, frame: DateValue | None, effect: bool) -> DateValue | None:
        """The date of a candidate whose clause has none: measured back ("one week after an
        attack"), else the date in its evidence's words or what the dates layer infers there
        (``clause_date``), else its paragraph's frame. A date the words give that puts the
        reported act well before the news ("attended a meeting hosted ... at the end of
        January") makes it background: the status then agrees with the date given."""
        earlier = self.rules.words("earlier_preps")
        date = measured_back(doc, c.start, c.end, earlier) if c.status == "historical" else None
        if date is None:
            start, end = c.start, prospect_start(c.head, c.trig.token, c.start, c.end)
            if c.is_speech and c.trig.token.lower_ != "according":
                start, end = speech_words(c.head, start, end)
            # a date of effect in the words is not the act's: what the dates layer infers at the clause
            date = clause_date(doc, start, start if effect else end, c.status) or \
                (frame if c.status == "historical" else None) or self._up_to_now(c, doc)
        if c.status == "reported" and (date is None or not date.method.startswith("text")):
            date = self._reply_occasion(c, doc) or date
        if (c.status == "reported" or c.status == "planned" and self.rules.backshifted(c.head)) and \
                date is not None and date.method.startswith("text") and \
                self.rules.before_news(date, doc.published, weeks=False):
            c.status = "historical"  # not for "last week" in the words: it may be a nested clause's
        return date

    def _before_later(self, head: Token, doc: Document) -> bool:
        """"Kenya and Ethiopia have helped to broker the accord and later agreed on a
        prisoner release in March 2019": a clause coordinated with one told as later (``later_marks``)
        that is dated before the news lies before the news too."""
        marks = self.rules.words("later_marks")
        for conj in head.children:
            if conj.dep_ == "conj" and conj.pos_ in ("VERB", "AUX") and \
                    any(a.dep_ == "advmod" and a.lower_ in marks for a in conj.children):
                return self.rules.before_news(clause_date(doc, *core_span(conj, conj)), doc.published)
        return False

    def _reply_occasion(self, c: Candidate, doc: Document) -> DateValue | None:
        """"The Armenian minister, for his part, thanked Iran": a reply (``reply_marks``) with no
        date of its own is made at the occasion the text has just told, on its day: the nearest
        day named in the ``REPLY_SENTENCES`` before it, if that day is no later than the news and
        not before it (``before_news``)."""
        here = doc.sentence_at(c.start)
        if here is None or not any(m in doc.text[doc.sentences[here].start:c.end].lower()
                                   for m in self.rules.words("reply_marks")):
            return None
        lo, hi = doc.sentences[max(0, here - REPLY_SENTENCES)].start, doc.sentences[here].start
        days = [t for t in doc.timexes if lo <= t.start < hi and t.type == "DATE" and t.range_end is None
                and t.value and len(t.value) == 10 and t.value[:4].isdigit()]
        if not days:
            return None
        day = DateValue(days[-1].value or "", "day", "context:the occasion replied at", 0.5, days[-1].text)
        pub = doc.published
        if pub is None or day.value > pub.value[:10] or self.rules.before_news(day, pub):
            return None
        return day

    def _up_to_now(self, c: Candidate, doc: Document) -> DateValue | None:
        """"Zelensky has repeatedly called on the US to ...": acts told as repeated
        (``repeated_adverbs``) in the present perfect, with no date of their own, go on up to the
        news: dated to the year of publication (the year is all the tense tells). Not "has since
        declared", nor a state ("has been occupied"): those began at some earlier time."""
        head, pub = c.head, doc.published
        if c.status != "historical" or pub is None or not pub.value[:4].isdigit() or head.tag_ != "VBN" or \
                not any(a.dep_ == "aux" and a.lower_ in ("has", "have") for a in head.children) or \
                not any(a.dep_ == "advmod" and a.lower_ in self.rules.words("repeated_adverbs") for a in head.children):
            return None
        return DateValue(pub.value[:4], "year", "context:present perfect up to the news", 0.4, pub.value)

    def _habitual(self, c: Candidate) -> bool:
        """"Encouraging steps have been made, the sides meet, communicate": a joint act in the
        simple present with no partner, date or place of its own tells what the sides do, not
        something that happened (a headline's "Putin meets Erdogan" names the partner)."""
        head = c.head
        return c.trig.kind == "verb" and c.cls.what in self.joint_classes and head.tag_ in ("VBP", "VBZ") \
            and not c.target and not any(ch.dep_ in ("aux", "auxpass", *OBJECT_DEPS) for ch in head.children) \
            and clause_place(head, set()) is None


def without_examples(toks: list[Token]) -> list[Token]:
    """The words of an act without a list of examples that ends them, set off by a comma ("calls
    for the full resumption of aid, including medical evacuations and supplies"): the examples
    elaborate the thing the act is about and are not the act's own words. A list in the middle
    ("called for eight countries, including Turkey, to be guarantors") stays."""
    if not toks:
        return toks
    sdoc, last = toks[0].doc, max((t.i for t in toks if not t.is_punct), default=toks[0].i)
    cut: set[int] = set()
    for t in toks:
        if t.lower_ == "including" and t.dep_ == "prep" and t.i > 0 and sdoc[t.i - 1].text == "," and \
                t.right_edge.i >= last:
            cut.update(x.i for x in t.subtree)
    return [t for t in toks if t.i not in cut] if cut else toks


def describes(c: Candidate, units: set[str] = frozenset()) -> bool:
    """"Rebels who reject Sudan's rule", "Darfur, which has been occupied for years": a relative
    clause on a noun told in the simple present (active or passive: "which is recognized only by
    Turkey"), or in the present perfect over a span ("for", "since"), without a date of its own,
    describes the noun's standing state; no event (the
    caller keeps talks and mediation: "Fidan, who chairs the talks", tells the talks going on)."""
    head = c.head
    if c.trig.kind != "verb" or head.dep_ != "relcl" or head.head.pos_ not in ("NOUN", "PROPN"):
        return False
    auxes = [a.lower_ for a in head.children if a.dep_ in ("aux", "auxpass")]
    if head.tag_ in ("VBZ", "VBP") and not auxes:
        return True
    if head.tag_ == "VBN" and auxes in (["is"], ["are"]) and not c.code.startswith("04"):
        # "Northern Cyprus, which is recognized only by Turkey", "which is opposed to": a state;
        # not "talks which are hosted by Qatar", a meeting going on
        return True
    # "for years", "since 1994", "since their movement took over the region"
    # "for" only with a span of time (a date or one of ``units``): "has pushed for reconciliation"
    # tells an act, not a state
    spans = [p for p in head.children if (p.dep_ == "prep" and p.lower_ == "since")
             or (p.dep_ == "prep" and p.lower_ == "for" and any(t.ent_type_ in ("DATE", "TIME") or
                                                                 t.lemma_.lower() in units for t in p.subtree))
             or (p.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "since" for m in p.children))]
    return bool({"has", "have"} & set(auxes)) and bool(spans)


def previous_in_paragraph(doc: Document, head: Token) -> Any:
    """The parsed sentence just before ``head``'s, where both lie in one paragraph; else None."""
    here = doc.sentence_at(head.idx)
    if not here or doc.sentences[here - 1].paragraph != doc.sentences[here].paragraph:
        return None
    s = doc.sentences[here - 1]
    return head.doc.char_span(s.start, s.end, alignment_mode="expand")


def core_span(head: Token, trigger: Token) -> tuple[int, int]:
    """Character span of the unbroken words of ``head``'s clause around it, nested clauses cut."""
    cut: set[int] = set()
    below = list(head.subtree)
    for t in below:  # is_ancestor: whether the trigger lies in t's subtree, with no Token made for it
        if t.i != head.i and t.dep_ in NESTED_CLAUSES and t.pos_ in ("VERB", "AUX") and t.i != trigger.i \
                and not t.is_ancestor(trigger) and not (t.dep_ == "xcomp" and _passive(t.head)):
            cut.update(x.i for x in t.subtree)
    kept = {t.i for t in below} - cut
    lo = hi = head.i
    while lo - 1 in kept:
        lo -= 1
    while hi + 1 in kept:
        hi += 1
    doc = head.doc
    return doc[lo].idx, doc[hi].idx + len(doc[hi].text)


def _passive(verb: Token) -> bool:
    """"is expected to sign on Saturday", "was scheduled to meet Monday": a passive of expectation
    points at its complement's act, whose date it shares (an active "agreed to X by March" does
    not: the agreement is made now, March is when X is due)."""
    return any(ch.dep_ in ("auxpass", "nsubjpass") for ch in verb.children)


def simultaneous(head: Token, marks: set[str]) -> list[Token]:
    """The participle clauses on ``head`` opened by a word of simultaneity ("while addressing the
    press", "when speaking to reporters") that have no subject of their own: they share the
    governor's subject and its time."""
    return [c for c in head.children if c.dep_ == "advcl" and c.tag_ == "VBG"
            and not any(g.dep_ in ("nsubj", "nsubjpass", "csubj") for g in c.children)
            and any(g.dep_ in ("mark", "advmod") and g.lower_ in marks and g.i < c.i for g in c.children)]


def speech_words(verb: Token, start: int, end: int) -> tuple[int, int]:
    """The part of a report of speech's evidence ``start``..``end`` that dates the speaking:
    without what was said ("announced | that the army will withdraw in May": May is when the
    withdrawal comes, not when it was announced; "The army will leave in May, | the minister
    said"). The whole evidence where no content clause lies in it."""
    for content in content_clauses(verb):
        words = list(content.subtree)
        lo, hi = words[0].idx, words[-1].idx + len(words[-1].text)
        if content.i > verb.i and start < lo < end:
            end = lo
        elif content.i < verb.i and start < hi < end:
            start = hi
    return start, end


def prospect_start(head: Token, trigger: Token, start: int, end: int) -> int:
    """Where the evidence ``start``..``end`` stops dating its act: at an infinitive complement of
    the head that the trigger is not part of ("agreed | to implement the measures by the end of
    the year", "pledged | to withdraw by March"): its date is when the promised act is due, not
    when the promise was made. ``end`` where the head has none."""
    for ch in head.children:
        if ch.dep_ == "xcomp" and ch.tag_ == "VB" and trigger not in ch.subtree and not _passive(head):
            at = min(t.idx for t in ch.subtree)
            if start < at < end:
                return at
    return end

