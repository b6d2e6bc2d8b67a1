"""Whether a clause asserts its act at all: negation ("did not sign", "no agreement"), an act a
negated verb of saying takes as content, opinion, possibility, open questions, conditions, and
a negation made a matter of time ("have not yet agreed").

Why apart from ``events.status``: these tests decide whether there is an act to give a status
to; the status rules then place an asserted act in time. ``StatusRules`` inherits them, so the
event coder asks one object; the cue words are the same lexicon (``event_status.yaml``).
"""

from __future__ import annotations

from typing import Any

Token = Any

COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "advcl", "pcomp", "acl", "relcl"})


class AssertionRules:
    """Negation and assertion tests over a clause's head; ``words`` comes from ``StatusRules``."""

    def words(self, key: str) -> frozenset[str]:  # pragma: no cover - provided by StatusRules
        raise NotImplementedError

    def negated(self, head: Token, trigger: Token) -> bool:
        """True where the clause says the event did not (or will not) happen: "has not yet
        implemented", "did not agree", "no agreement", "refrained from retaliating"."""
        negators = self.words("negators")
        # "are simply not prepared to accept": the negation of a predicate adjective sits on its copula
        copula = head.head if head.pos_ == "ADJ" and head.dep_ in ("acomp", "attr") and head.head.i != head.i else head
        for tok in {head, trigger, copula}:
            for c in tok.children:
                if c.dep_ == "neg" or (c.lower_ in negators and c.dep_ in ("det", "advmod", "neg", "preconj")):
                    return True
        gov = governor(head)
        if gov is not None and gov.lemma_.lower() in self.words("negating_governors"):
            return True
        if gov is not None and head.dep_ == "xcomp" and any(c.dep_ == "neg" for c in gov.children) and \
                gov.lemma_.lower() not in self.words("affirming_negated_governors"):
            return True  # "does not seek to exclude anyone": what is not sought is not done
        return self.unasserted(head) or self.uncertain(head)

    def unasserted(self, head: Token) -> bool:
        """"Did not say he had ordered it", "did not confirm that troops had withdrawn": what a
        negated verb of saying or knowing takes as its content is not told as done; nor is the
        content of a report someone denies ("denied a report that he planned to ...")."""
        # the content follows its verb: a clause the parser hangs on a negated verb after it (across
        # a semicolon) is no content of it
        if head.dep_ == "ccomp" and head.head.i < head.i and head.head.pos_ in ("VERB", "AUX") and \
                any(c.dep_ == "neg" for c in head.head.children):
            return True
        noun = head.head
        return head.dep_ == "acl" and noun.dep_ == "dobj" and noun.pos_ == "NOUN" and noun.head.i != noun.i and \
            noun.head.lemma_.lower() in self.words("negating_governors")

    def uncertain(self, head: Token) -> bool:
        """The clause is an opinion, a possibility or an open question, not a reported act ("those
        who believe the rebels have been beaten", "how they can facilitate", "whether the parties signed")."""
        if any(c.dep_ == "aux" and c.lower_ in self.words("possibility_modals") for c in head.children):
            return True
        gov = governor(head)
        if gov is not None and head.dep_ == "ccomp" and gov.lemma_.lower() in self.words("belief_governors"):
            return True
        if gov is not None and head.dep_ == "xcomp" and \
                mere_ability(gov, self.words("ability_words"), self.words("inability_words")):
            return True
        uncertain = self.words("uncertain_marks")
        if any(t.dep_ == "mark" and t.lower_ in uncertain and t.i < head.i and head in t.ancestors
               and all(a.i == head.i or a.dep_ in ("prep", "pobj", "advmod") for a in t.ancestors
                       if a.i != head.i and head in a.ancestors)
               for t in head.subtree):
            return True
        return self._judged_unlikely(head) or self._possible_outcome(head) or self._inside_condition(head)

    def _judged_unlikely(self, head: Token) -> bool:
        """"He called it unlikely that the EU would finance the project", "it is doubtful that
        Turkey will withdraw": a "that" clause an adjective of likelihood (``likelihood_words``)
        judges improbable or open is no act told."""
        if head.dep_ != "ccomp" or head.head.i == head.i:
            return False
        gov = head.head
        words = self.words("likelihood_words")
        judges = [gov] if gov.pos_ == "ADJ" else [a for a in gov.children if a.dep_ in ("acomp", "oprd")]
        return any(a.lemma_.lower() in words or a.lower_ in words for a in judges)

    def _possible_outcome(self, head: Token) -> bool:
        """"The decision could lead to Turkey reneging on its reforms", "could try to attack": an
        act told as what a merely possible act would bring about or attempt (its governor carries a
        ``possibility_modals`` auxiliary) is no more done than the governor. Reported speech
        ("could confirm that ...") is not climbed through."""
        tok = head
        for _ in range(6):
            dep = tok.dep_
            if dep not in ("xcomp", "pcomp", "pobj", "prep") and not (dep == "advcl" and tok.tag_ == "VBG"):
                return False
            if tok.head.i == tok.i:
                return False
            tok = tok.head
            if tok.pos_ in ("VERB", "AUX"):
                return any(c.dep_ == "aux" and c.lower_ in self.words("possibility_modals") for c in tok.children)
        return False

    def _inside_condition(self, head: Token) -> bool:
        """"If the governments were as ready to devote to peace the resources they are willing to
        commit to war": whatever is told inside a condition (an adverbial clause opened by
        ``conditional_marks``) is supposed, not done; the consequence the condition is on stands."""
        marks = self.words("conditional_marks")
        for a in [head, *head.ancestors]:
            if a.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in a.children):
                return True
        return False

    def pending(self, head: Token) -> bool:
        """"We have not yet agreed on the rules": a negation made a matter of time by
        ``pending_adverbs`` leaves the act open; it is no refusal."""
        words = self.words("pending_adverbs")
        # the adverb may hang on the head, its auxiliary, a predicate adjective's copula or the
        # infinitive it governs ("said it was not ready to do so yet")
        tops = [head, head.head] if head.pos_ == "ADJ" and head.dep_ in ("acomp", "attr") else [head]
        near = [t for top in tops for t in (top, *(a for a in top.children if a.dep_ in ("aux", "neg", "xcomp")))]
        return any(c.lower_ in words and c.dep_ == "advmod" for t in near for c in t.children)


def mere_ability(gov: Token, able: frozenset[str], unable: frozenset[str]) -> bool:
    """"Was unable to stop the convoy", "will be able to strike", "is capable of": an adjective
    of ability (``able``) or its lack (``unable``) on an infinitive tells a capacity, no act done;
    except the simple past of ability, which tells the act achieved ("was able to negotiate
    immunity", like "managed to")."""
    word = gov.lemma_.lower()
    if word in unable:
        return True
    if word not in able:
        return False
    copula = gov.head if gov.dep_ in ("acomp", "attr") and gov.head.i != gov.i else gov
    return copula.tag_ != "VBD" or any(a.dep_ == "aux" for a in copula.children)


def governor(head: Token) -> Token | None:
    """The verb whose complement this clause is ("agreed" for "agreed to hold")."""
    if head.dep_ in COMPLEMENT_DEPS and head.head.i != head.i:
        return head.head
    if head.dep_ == "conj" and head.head.dep_ in COMPLEMENT_DEPS:
        return head.head.head
    return None
