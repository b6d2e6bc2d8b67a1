"""Acts that news tells beside the clause's own, which the trigger finder would otherwise fold
into one or miss (issue 12: recall on unseen news).

Each test names one class of phrase and answers for one noun (the caller finds its trigger):

1. ``coordinated_host``: a second act noun coordinated with one a light verb carries ("agreed to
   hold a further meeting in Doha and a final meeting in Cairo", "signed a truce and a
   prisoner exchange deal"): the same verb carries both, and each is an act of its own. The
   coordinated noun must open its own noun phrase (a determiner, a number or an ordinal), so
   "talks and negotiations" stay one act told twice.
2. ``released_object``: a noun of letting go (``release_nouns``: a release, a withdrawal) whose
   "of" phrase names who or what is let go (``released_heads``: prisoners, hostages, troops,
   forces, or a named side's forces): "secure the withdrawal of Sudan's forces from the border",
   "led to the freeing of six hostages". The phrase tells the act wherever it stands; not a topic
   of talks ("talks on the release of prisoners": ``topic_preps``) nor a goal ("a step toward
   the withdrawal").
3. ``planned_meeting``: a noun of a joint act (talks, a meeting) with a word of planning
   (``planned_modifiers``: a planned, scheduled, proposed meeting) or an ordinal ("a second round
   of talks") and a partner ("with X", "between A and B"): an act arranged, told as planned.
4. ``effective_act``: an act noun made effective at a time of its own ("a ceasefire effective
   from 6 PM", "a truce effective as of midnight"): the act itself, beside the document that
   set it;
5. ``ranked_occasion``: a joint act noun in apposition, ranked and with its participants ("...
   in Nairobi, the first meeting of the rivals since the coup").

And three that read a clause: ``entry_into_force`` (an act taking effect is not its
announcement), ``enabled_acts`` (what a thing enables others to do is their act; not where the
enabling is only possible: ``unrealised_permissions``) and
``contact_state`` (being in contact with a partner is consultation, with the parties mediation).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Token = Any  # spacy.tokens.Token

#: Entity types of a date or time.
TIME_ENTS = frozenset({"DATE", "TIME"})


def _own_phrase(noun: Token) -> bool:
    """The noun opens a noun phrase of its own: a determiner, a number or an ordinal."""
    return any(c.dep_ in ("det", "nummod", "poss") or c.ent_type_ == "ORDINAL" for c in noun.children)


def _act_noun(tok: Token, lex: Any) -> bool:
    """The token is a noun the lexicon reads as an act ("meeting", "ceasefire")."""
    return (lex.nouns.get(tok.lemma_.lower()) or lex.nouns.get(tok.lower_)) is not None


def coordinated_host(noun: Token, lex: Any, host_of: Any) -> Token | None:
    """The light verb that carries the act noun ``noun`` is coordinated with (the module's first
    test), or None. ``lex``: the event lexicon (its nouns); ``host_of(token)``: the light verb
    that carries it, or None."""
    if noun.dep_ != "conj" or not _own_phrase(noun) or not _act_noun(noun, lex):
        return None
    first = noun.head
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if first.pos_ not in ("NOUN", "PROPN") or not _act_noun(first, lex):
        return None
    return host_of(first)


def released_object(noun: Token, release_nouns: set[str], released_heads: set[str],
                    topic_preps: set[str]) -> bool:
    """The noun is a release or withdrawal whose "of" phrase names who or what is let go (the
    module's second test)."""
    if noun.lemma_.lower() not in release_nouns and noun.lower_ not in release_nouns:
        return False
    if noun.dep_ == "pobj" and noun.head.lower_ in topic_preps:
        return False  # "talks on the release of prisoners": the topic, not the act
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            if obj.lemma_.lower() in released_heads or obj.lower_ in released_heads:
                return True
    return False


def planned_meeting(noun: Token, modifiers: set[str], partner_preps: tuple[str, ...] = ("with", "between")) -> bool:
    """A joint act noun marked as arranged, with a partner named (the module's third test); the
    caller checks the noun is of a joint act."""
    planned = any(c.dep_ in ("amod", "compound") and (c.lower_ in modifiers or c.lemma_.lower() in modifiers)
                  for c in noun.children)
    if not planned:
        return False
    return any(p.dep_ == "prep" and p.lower_ in partner_preps and any(o.dep_ == "pobj" for o in p.children)
               for p in noun.children)


def effective_act(noun: Token) -> bool:
    """"A ceasefire effective from 6 PM": the noun's own adjective "effective" with a time of its
    own (the module's fourth test)."""
    for adj in noun.children:
        if adj.dep_ != "amod" or adj.lower_ != "effective":
            continue
        if any(t.ent_type_ in TIME_ENTS or t.lower_ in ("immediately", "midnight", "noon")
               for t in adj.subtree if t.i != adj.i):
            return True
    return False


def coordinated_act(c: Any) -> bool:
    """The candidate is an act noun carried by the light verb of the noun it is coordinated with
    (the module's first test): its evidence is its own phrase, and it is another act, never a
    restatement of the first."""
    tok, host = c.trig.token, c.trig.host
    return c.trig.kind == "noun" and tok.dep_ == "conj" and host is not None and tok.head.i != host.i \
        and host.dep_ != "prep"


def more_act_sides(cands: Any, tokens: set[int], sides_of: Any, party: set[str]) -> None:
    """Sides for the acts of this module's tests that name no doer of their own:

    - a withdrawal of a side's forces ("the withdrawal of Sudan's forces") is that side's act:
      the forces its "of" phrase names, read as the target, are its doers;
    - any other (a release, a planned meeting, an act effective at a time) takes the sides of the
      act whose clause holds it ("mediation that led to the release of prisoners" between A and B,
      "a protocol signed on a ceasefire effective from 6 PM"), or the subject of a clause that is
      no act of a party ("landed before a scheduled meeting with X": the traveller meets X).
      ``sides_of(candidate)``: the sides an act names; ``party``: the classes of acts whose sides
      are the story's (a deal, a ceasefire, talks, a mediation)."""
    for c in cands:
        if c.drop or c.source or c.trig.token.i not in tokens:
            continue
        if c.trig.token.lemma_.lower() in ("withdrawal", "pullout", "pull-out") and c.target:
            c.source, c.target = list(c.target), []
            continue
        p = c.parent
        if p is None or p.is_speech:
            continue  # "she noted, the release of the detainees is meant to ...": the speaker releases no one
        mine = {r.name for r in c.target}
        c.source = [r for r in (sides_of(p) if p.cls.what in party else p.source) if r.name not in mine]


def entry_into_force(c: Any, phrases: set[str]) -> bool:
    """The candidate's verb, or the verb carrying its noun, tells taking effect (``entry_phrases``: "the
    truce entered into force at noon", "the truce took effect on Monday"): the act as it
    begins, another event than the agreement or the announcement that set it ("Abbas announced a
    ceasefire ... The truce entered into force at noon"), so never folded into it."""
    host = c.trig.host if c.trig.kind == "noun" else c.trig.token
    if host is None or host.pos_ not in ("VERB", "AUX"):
        return False
    key = host.lemma_.lower()
    words = {f"{key} {ch.lower_}" for ch in host.children if ch.dep_ in ("dobj", "prt")}
    words |= {f"{key} {p.lower_} {o.lower_}" for p in host.children if p.dep_ == "prep"
              for o in p.children if o.dep_ == "pobj"}
    return bool(words & phrases)


def enabled_acts(cands: Any, refs_for: Any, verbs: set[str] | frozenset[str]) -> dict[int, Any]:
    """"The truce has allowed the rivals to talk face to face", "the deal allowed both sides to
    exchange prisoners": a thing (not an actor: ``refs_for(subject)`` is empty) that enables
    others (``enabling_verbs``) to act tells their act, done by the ones enabled (the verb's
    object); the enabling itself is no one's act. Marks the complement's candidate as kept and the
    enabling verb's as dropped; returns, by the id of each complement's candidate, the object
    token that names its doers."""
    doers: dict[int, Any] = {}
    for c in cands:
        p = c.parent
        if p is None or p.trig.kind != "verb" or p.trig.token.lemma_.lower() not in verbs:
            continue
        head, gov = c.head, p.trig.token
        if head.dep_ not in ("xcomp", "ccomp") or head.head.i != gov.i or \
                not any(a.dep_ == "aux" and a.lower_ == "to" for a in head.children):
            continue
        obj = next((o for o in gov.children if o.dep_ in ("dobj", "nsubj") and o.i > gov.i), None)
        subj = next((s for s in gov.children if s.dep_ == "nsubj" and s.i < gov.i), None)
        if obj is None or subj is None or subj.pos_ != "NOUN" or refs_for(subj):  # a thing, not "it" or a name
            continue
        c.drop, c.parent, p.drop = False, None, True
        doers[id(c)] = obj
    return doers


def unrealised_permissions(cands: Any, verbs: set[str] | frozenset[str], modals: set[str] | frozenset[str]) -> None:
    """"A bill that would allow China to extradite suspects", "a licence allowing him to buy
    rifles": a permission told as possible (a ``modals`` auxiliary on the enabling verb, one of
    ``enabling_verbs``) or as what a thing affords (a participle on a noun) grants nothing on an
    occasion, so what it would let others do is no act of theirs: the complement's candidate is
    dropped, and a participle's own candidate with it. "The truce allowed the parties to meet"
    (``enabled_acts``) and "Israel allowed the trucks to enter" stay acts."""
    by_token = {c.trig.token.i: c for c in cands}
    for c in cands:
        head = c.head
        gov = head.head
        if c.trig.kind != "verb" or head.dep_ not in ("xcomp", "ccomp") or gov.i == head.i or \
                gov.lemma_.lower() not in verbs or not any(a.dep_ == "aux" and a.lower_ == "to" for a in head.children):
            continue
        participle = gov.dep_ == "acl" and gov.tag_ == "VBG"
        if not participle and not any(a.dep_ == "aux" and a.lower_ in modals for a in gov.children):
            continue
        c.drop = True
        owner = by_token.get(gov.i)
        if participle and owner is not None:
            owner.drop = True


def latest_parties(tok: Any, is_collective: Any, previous: Any, sentence: int, lookback: int = 3) -> list[Any]:
    """"The parties", "both sides" enabled to act: the participants of the latest act with two or
    more of them a few sentences back, as they were named there (a state and an armed group of it,
    "the Government of Sudan and the RSF", are two parties here)."""
    if not is_collective(tok):
        return []
    for si, _what, parts in reversed(previous):
        if sentence - si > lookback:
            break
        if len(parts) >= 2:
            return list(parts)
    return []


def contact_state(tok: Any, words: tuple[set[str], set[str], set[str]]) -> Any:
    """"The mediator, who stayed in close touch with every faction", "Qatar remained in
    contact with both sides": a state of contact (``contact_verbs`` and "in" a ``contact_nouns``
    noun with a "with" phrase) is consultation with a named partner (CAMEO 040), and mediation
    where the partners are the parties themselves ("all parties", "both sides": ``party_nouns``,
    CAMEO 045). Returns the trigger, or None."""
    from .match import Trigger  # the matcher's record of a trigger

    verbs, nouns, parties = words
    if tok.lemma_.lower() not in verbs:
        return None
    for prep in tok.children:
        if prep.dep_ != "prep" or prep.lower_ != "in":
            continue
        for noun in prep.children:
            if noun.dep_ != "pobj" or noun.lemma_.lower() not in nouns:
                continue
            partners = [o for w in noun.children if w.dep_ == "prep" and w.lower_ == "with"
                        for o in w.children if o.dep_ == "pobj"]
            if partners:
                code = "045" if any(o.lemma_.lower() in parties for o in partners) else "040"
                return Trigger(tok, code, "verb", None, None, None, False, None, [tok, prep, noun])
    return None


def ranked_occasion(noun: Any) -> bool:
    """"Kenya hosted the two envoys in Nairobi, the first encounter of the rivals since the
    war": a noun of a joint act set in apposition, ranked among its kind (an ordinal, a
    superlative: "the first", "the highest-level") and with its participants ("of the two sides",
    "between A and B"), tells the meeting the clause's act made; the caller checks the noun is of
    a joint act."""
    if noun.dep_ != "appos":
        return ranked_subject(noun)
    ranked = any(_ranks(t) for c in noun.children if c.i < noun.i for t in c.subtree)
    return ranked and any(p.dep_ == "prep" and p.lower_ in ("of", "between") and any(o.dep_ == "pobj" for o in p.children)
                          for p in noun.children)


def _ranks(tok: Any) -> bool:
    """A word that ranks an occasion among its kind: an ordinal, a superlative, "first", "latest"."""
    return tok.tag_ == "JJS" or tok.ent_type_ == "ORDINAL" or tok.lower_ in ("first", "last", "latest")


def ranked_subject(noun: Any) -> bool:
    """"Monday's meeting was the first face-to-face between A and B", "the talks were the first
    direct contact between the two sides in a year": a noun of a joint act, subject of "be", whose
    predicate ranks it and names who took part ("between" on the copula or its predicate) tells
    that meeting; the caller checks the noun is of a joint act."""
    cop = noun.head
    if noun.dep_ != "nsubj" or cop.lemma_.lower() != "be":
        return False
    preds = [c for c in cop.children if c.dep_ in ("attr", "acomp")]
    holders = [cop, *preds, *(p for pred in preds for p in pred.children if p.dep_ == "prep" and p.lower_ == "between")]
    between = [p for h in holders for p in ([h] if h.dep_ == "prep" else h.children)
               if p.dep_ == "prep" and p.lower_ == "between" and any(o.dep_ == "pobj" for o in p.children)]
    if not between:
        return False
    # the rank stands in the predicate, or before the "between" phrase the parser hung on the copula
    ranked = [t for pred in preds for t in pred.subtree] + [t for b in between for c in b.children
                                                             if c.dep_ != "pobj" for t in c.subtree]
    return any(_ranks(t) for t in ranked)


@dataclass
class ToldActs:
    """The word lists of the noun tests above (event_patterns.yaml), and the nouns of the document
    being coded that they read as acts: ``tokens`` all of them, ``planned`` the arranged meetings
    (status planned), ``ranked`` the ranked occasions (their sides are theirs alone).
    ``words(key)``: a lexicon word list by its key."""

    words: Any
    tokens: set[int] = field(default_factory=set)
    planned: set[int] = field(default_factory=set)
    ranked: set[int] = field(default_factory=set)  # occasions ranked with their own sides (events.merge)

    def __post_init__(self) -> None:
        self.release_nouns, self.released_heads = self.words("release_nouns"), self.words("released_heads")
        self.topic_preps, self.planned_modifiers = self.words("topic_preps"), self.words("planned_modifiers")

    def act(self, tok: Token, joint: bool) -> bool:
        """The noun's phrase tells an act by one of the noun tests; ``joint``: the noun is of an
        act done together (talks), which alone may be planned or ranked."""
        if joint and planned_meeting(tok, self.planned_modifiers):
            self.planned.add(tok.i)  # arranged, not done: planned
        if joint and ranked_occasion(tok):
            self.ranked.add(tok.i)
        told = tok.i in self.planned or effective_act(tok) or tok.i in self.ranked or \
            released_object(tok, self.release_nouns, self.released_heads, self.topic_preps)
        if told:
            self.tokens.add(tok.i)
        return told


def subject_antecedent(c: Any, subj: Any, refs_for: Any, is_state: Any, pair_nouns: set[str] | frozenset[str],
                       back: int = 2, plural_words: set[str] | frozenset[str] = frozenset(),
                       in_quote: Any = None) -> list[Any]:
    """A subject that names no one, read through the subject of one of the ``back`` sentences before
    (the nearest that fits):

    - "Kenya has been praised for its mediation. In June, it hosted the two envoys": "it" is
      the state or body that subject names alone (never a person, whom "it" does not stand for);
    - "Blinken and Sullivan met Kuleba. The pair will then see Yermak": "the pair" (``pair_nouns``
      with "the") are the two actors that subject names;
    - "The two delegations signed a truce. They further agreed to set up a joint patrol", "... Both sides
      will pull back": a plural pronoun or a phrase of the sides (``plural_words``: "they", "both
      sides", "the parties") that nothing else resolved stands for the actors a plural subject
      before names (a plural noun or a coordination); not inside a direct quotation, whose "they"
      is the speaker's, told from elsewhere.
    ``subj``: the clause's subject (through control: "the pair is set to meet"). Returns those
    actors, or nothing."""
    if subj is None:
        return []
    if subj.lower_ == "it":
        fits = lambda refs, tok: len(refs) == 1 and is_state(refs[0])  # noqa: E731
    elif subj.lemma_.lower() in pair_nouns and any(d.dep_ == "det" and d.lower_ == "the" for d in subj.children):
        fits = lambda refs, tok: len(refs) == 2  # noqa: E731
    elif _plural_reference(subj, plural_words) and not (in_quote is not None and in_quote(subj.idx, subj.idx + 1)):
        fits = lambda refs, tok: bool(refs) and (tok.tag_ in ("NNS", "NNPS") or bool(tok.conjuncts))  # noqa: E731
    else:
        return []
    sent = c.head.sent
    doc = sent.doc
    for _ in range(back):
        if sent.start == 0:
            break
        sent = doc[sent.start - 1].sent
        for tok in (t for t in sent if t.dep_ == "nsubj" and t.head.dep_ == "ROOT"):
            refs = refs_for(tok)
            if fits(refs, tok):
                return refs
    return []


def stranded_relative(subj: Token | None, refs_for: Any) -> list[Any]:
    """"praised the Red Cross who, according to the minister, will begin evacuating the wounded": a parenthetical
    after the relative pronoun leaves the parser reading the clause as a complement of the main verb,
    with "who" its subject; the pronoun still stands for the noun just before it. Returns the actors
    that noun names, or nothing (a relative clause the parser read as one is resolved already)."""
    if subj is None or subj.tag_ not in ("WP", "WDT") or subj.head.dep_ == "relcl" or subj.i == 0:
        return []
    before = subj.doc[subj.i - 1]
    if before.pos_ not in ("PROPN", "NOUN") or before.i >= subj.head.i:
        return []
    return list(refs_for(before))


def _plural_reference(subj: Token, plural_words: set[str] | frozenset[str]) -> bool:
    """"they", or a plural phrase of the sides ("both sides", "the two parties"), by ``plural_words``."""
    if subj.lower_ in plural_words:
        return subj.pos_ == "PRON"
    return subj.tag_ in ("NNS", "NNPS") and subj.lemma_.lower() in plural_words and \
        any(d.dep_ in ("det", "predet", "nummod") for d in subj.children)
