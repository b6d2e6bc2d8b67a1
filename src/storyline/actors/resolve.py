"""Questions later stages ask about a linked document: which mention covers these words, what
actor does it stand for, what does "he" or "the sides" refer to. The one module where the
events stage (and any later one) reads ``Document.mentions``, so how mentions chain (a pronoun
to its antecedent, a collective to its members) is decided in one place.

Over a whole document: ``actor_at`` (the mention covering a span), ``mention_ref`` (what a
mention records, followed back through pronouns), ``collective_refs``, ``refs_of``,
``pronoun_antecedent``; ``entity_mentions`` stands in for the actors layer where it has not run.

Over the parse (``ActorResolver``, per document), the actors an argument head refers to
(``refs_for``), for each coordinated member (with the members the parser hung elsewhere:
``members``), by a cascade, first match wins:

1. a pronoun: the mention linked there; a first-person pronoun inside a quotation is its
   speaker; a relative pronoun its noun; "he", "she" the last person before it;
2. the mentions covering the head (and the rest of a coordinated "of" phrase it covers in
   part), or a person named beside it ("the President of Russia
   Vladimir Putin" means the person), or two titled names the parser flattened into one phrase;
3. a plural noun's examples ("firms including Daimler and Siemens");
4. the head's modifiers ("Russian peacekeepers", "Iran's");
5. a collective ("the sides"): left to the caller, which knows the events around it
   (``collective_parties``: the latest event's participants, else the conflict's sides, from
   ``conflict``);
6. a person named deep in the phrase, the object of "of"/"from"/"by"/"for" (one the actors layer
   places), the body a role with no person is placed in ("officials of the OSCE"), an apposition;
7. a proper name no model recognised, or a bare definite noun naming the latest body whose
   full name ends in it ("the embassy" after "the US Embassy in London").

Speakers (``speaker_at``, ``speakers_in``, ``in_direct_quote``) come from the quotes layer, or,
where it has added nothing, from quotation marks and the speech verb beside them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from ..model import Actor, ActorRef, Document, Mention
from ..parse import text_of
from .conflict import conflict_parties
from .members import co_members, hyphen_partners, of_conjuncts
from .opposed import opposing_modifier

Token = Any  # spacy.tokens.Token

#: Relations that open another clause inside a noun phrase: actors there are not the argument's.
#: Entity types (none, a person, an organisation) a proper name may carry to stand as an actor the
#: entity layer did not recognise; not dates, places, quantities.
UNRECOGNISED_NAME_ENTS = frozenset({"", "PERSON", "ORG"})


#: How many tokens back a bare definite noun ("the embassy") looks for its full name.
DEFINITE_REACH = 300


NP_STOP = frozenset({"relcl", "acl", "advcl", "ccomp", "conj", "cc", "parataxis", "punct", "mark"})
#: Prepositions that place a noun in time: their phrase never names who the noun is ("a ceasefire
#: after conversations with A and B" is no one's ceasefire by A).
TIME_PREPS = frozenset({"after", "following", "before", "during", "since", "until", "amid"})


PERSON_KINDS = frozenset({"person"})


QUOTE_CHARS = {'"': '"', "“": "”", "«": "»", "„": "“"}


#: Prepositions that introduce a group's examples ("firms including Daimler"; also "such as").
EXAMPLE_PREPS = frozenset({"including", "like"})



@dataclass
class Speech:
    """A stretch of quoted or reported words and who said them (from doc.quotes)."""

    start: int
    end: int
    speaker: ActorRef | None
    direct: bool


class ActorResolver:
    """Maps argument tokens of one document to ActorRefs."""

    def __init__(self, doc: Document, collectives: dict[str, Any], speech_verbs: Iterable[str] = (),
                 mentions: list[Mention] | None = None,
                 singular_pronouns: Iterable[str] = ()):
        self.doc = doc
        self.sdoc = doc.spacy
        self.cfg = collectives or {}
        self.heads = {w.lower() for w in self.cfg.get("heads", [])}
        self.counters = {w.lower() for w in self.cfg.get("counters", [])}
        self.conflict_words = {w.lower() for w in self.cfg.get("conflict", [])}
        self.mediator_words = {w.lower() for w in self.cfg.get("mediator_words", [])}
        self.speech_verbs = {w.lower() for w in speech_verbs}
        # pronouns (event_collectives.yaml; "he", "she" from actor_roles.yaml's pronouns)
        self.first_person = {w.lower() for w in self.cfg.get("first_person", [])}
        self.relative_pronouns = {w.lower() for w in self.cfg.get("relative_pronouns", [])}
        self.relation_nouns = {w.lower() for w in self.cfg.get("relation_nouns", [])}
        self.singular_pronouns = {w.lower() for w in singular_pronouns}
        self.actors = {a.id: a for a in doc.actors}
        self.mentions: list[Mention] = list(doc.mentions if mentions is None else mentions)
        self.by_token: dict[int, list[Mention]] = {}
        for m in self.mentions:
            span = self.sdoc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            for t in span:
                self.by_token.setdefault(t.i, []).append(m)
        self.speeches: list[Speech] = []  # attribution below may look up speakers already found
        self.speeches = self._speeches()
        self.conflict_parties = conflict_parties(self)

    def ref(self, m: Mention, depth: int = 0) -> ActorRef:
        actor = self.actors.get(m.actor_id) if m.actor_id else None
        name = actor.name if actor is not None else _clean_name(m.text)
        ante = m.antecedent
        if actor is None and m.kind == "pronoun" and ante is not None and 0 <= ante < len(self.mentions) and depth < 5:
            # "They updated the authorities" after "the Co-Chairs of the Minsk Group": named as they are
            name = self.ref(self.mentions[ante], depth + 1).name
        country = m.country or (actor.country if actor is not None else None)
        sector = m.sector or (actor.sector if actor is not None else None)
        return ActorRef(name=name, actor_id=m.actor_id, country=country, sector=sector,
                        start=m.start, end=m.end, text=m.text)

    def is_state(self, ref: ActorRef) -> bool:
        """A state (or a state's bare name), as opposed to a person or an office acting for it."""
        actor = self.actors.get(ref.actor_id) if ref.actor_id else None
        if actor is not None:
            return actor.kind == "state"
        return bool(ref.country) and ref.sector is None

    def _is_person(self, m: Mention) -> bool:
        actor = self.actors.get(m.actor_id) if m.actor_id else None
        if actor is not None:
            return actor.kind in PERSON_KINDS
        return m.kind in ("name", "partial_name") and m.sector is None and m.country is None and \
            any(t.ent_type_ == "PERSON" for t in self._tokens(m))

    def _tokens(self, m: Mention) -> list[Token]:
        span = self.sdoc.char_span(m.start, m.end, alignment_mode="expand")
        return list(span) if span is not None else []

    def _usable(self, m: Mention) -> bool:
        """A mention that names an actor (a bare role like "spokeswoman" with no link does not)."""
        if m.actor_id or m.refs:
            return True
        return m.kind not in ("role", "pronoun", "collective") and bool(m.country or m.text.strip())

    def _covering(self, tok: Token) -> list[Mention]:
        return [m for m in self.by_token.get(tok.i, []) if self._usable(m)]

    def refs_for(self, tok: Token, *, skip: Iterable[int] = ()) -> list[ActorRef]:
        """The actors an argument head refers to, one per coordinated member."""
        skip = set(skip)
        out: list[ActorRef] = []
        members = [tok, *[c for c in tok.conjuncts if c.i > tok.i], *co_members(tok)]
        for member in members:
            for r in self._member_refs(member, skip):
                if not any(same_ref(r, o) for o in out):
                    out.append(r)
        return out

    def _np_tokens(self, head: Token, skip: set[int]) -> list[Token]:
        out = []

        def walk(t: Token) -> None:
            for c in t.children:
                if c.i in skip or c.dep_ in NP_STOP or (c.dep_ == "prep" and c.lower_ in TIME_PREPS):
                    continue
                out.append(c)
                walk(c)

        walk(head)
        return out

    def _member_refs(self, head: Token, skip: set[int]) -> list[ActorRef]:
        if head.pos_ == "PRON" or (head.lower_ in self.first_person and head.text != head.text.upper()):
            return self._pronoun_refs(head)  # "us", not "US"
        own = self._covering(head)
        np = self._np_tokens(head, skip)
        persons_near = [m for t in np if (t.dep_ in ("appos", "compound", "nmod", "npadvmod") or t.head == head)
                        and not self._relation_of(head, t) for m in self._covering(t) if self._is_person(m)]
        if own:
            if not any(self._is_person(m) for m in own) and persons_near:
                return self._refs_from(persons_near)
            if persons_near and any(self._is_person(m) for m in own) and \
                    any(c.dep_ == "cc" and c.lower_ == "and" for t in np for c in t.children):
                # "French President Emmanuel Macron and Kenyan President William Ruto spoke": two
                # titled names joined by "and" that the parser flattened into one noun phrase
                others = [m for m in persons_near if not any(o.start <= m.start < o.end for o in own)]
                if others:
                    return self._refs_from([*others, *own])
            # "delegations of Chad and Sudan" linked as "delegations of Chad": the rest of the "of"
            rest = [r for c in of_conjuncts(head) if not any(m.start <= c.idx < m.end for m in own)
                    for r in self._member_refs(c, skip)]
            return self._refs_from(own) + rest
        if persons_near:
            return self._refs_from(persons_near)
        # "allies such as Germany", "German firms including Daimler and Siemens": the examples
        # name the members more precisely than the group's modifier
        if head.pos_ == "NOUN" and head.tag_ in ("NNS", "NNPS"):
            for t in head.children:
                if t.dep_ == "prep" and t.i not in skip and (t.lower_ in EXAMPLE_PREPS or (
                        t.lower_ == "as" and any(c.lower_ == "such" for c in t.children))):
                    refs = [r for o in t.children if o.dep_ == "pobj" for r in self.refs_for(o, skip=skip)]
                    # "German firms including Daimler": each example is of the group's state
                    country = next((m.country for c in head.children if c.dep_ in ("amod", "compound")
                                    for m in self._covering(c) if m.country), None)
                    if refs:
                        return [r if r.country or not country else replace(r, country=country) for r in refs]
        # modifiers of the head: "Russian peacekeepers", "US and French representatives", "Iran's"
        mods = [m for t in np if t.head == head and t.dep_ in ("amod", "compound", "poss", "nmod", "npadvmod")
                and not opposing_modifier(t) and not self._relation_of(head, t) for mm in [self._covering(t)] for m in mm]
        for t in np:  # not "an anti-Houthi coalition": the Houthis are whom it fights
            if t.head == head and t.dep_ in ("amod", "compound", "poss", "nmod") and not opposing_modifier(t):
                # "US and French"; "Russian-Ukrainian", where the second word names someone too
                # (not "Kremlin-backed": who backs them is not who they are)
                partners = hyphen_partners(t) if self._covering(t) else []
                for c in [*t.conjuncts, *partners]:
                    mods += self._covering(c)
        if mods:
            return self._refs_from(mods)
        related = [t for t in head.children if self._relation_of(head, t)]
        if related:
            return [self._related_ref(head, related[0], skip)]
        if self.is_collective(head) and not any(self._covering(t) for t in np):
            return []  # the caller resolves collectives with the event context
        # "a spokeswoman for the interior ministry of the self-declared Abkhaz republic Irina
        # Petrova": a role phrase whose person is named at its end
        deep_persons = [m for t in np for m in self._covering(t) if self._is_person(m)]
        if deep_persons:
            return self._refs_from(deep_persons[:1])
        # "the leaders of Azerbaijan and Armenia", "the armed forces of Azerbaijan"
        unplaced: list[ActorRef] = []
        for t in head.children:
            if t.dep_ == "prep" and t.lower_ in ("of", "from", "by", "for") and t.i not in skip:
                for pobj in t.children:
                    if pobj.dep_ == "pobj" and t.lower_ == "of" and head.lemma_.lower() in self.relation_nouns:
                        return [self._related_ref(head, pobj, skip)]  # "associates of Navalny"
                    if pobj.dep_ == "pobj":
                        refs = self.refs_for(pobj, skip=skip)
                        if any(r.actor_id or r.country for r in refs):
                            return refs
                        unplaced = unplaced or refs
        # "senior officials of the African Union Commission": a
        # role of a body or a state that names no one acts for the body its mention places it in,
        # not for a word of the body's name ("Security") that no mention links
        body = next((m for m in self.by_token.get(head.i, []) if m.kind == "role" and not m.actor_id and m.country),
                    None)
        if body is not None and unplaced:  # the phrase names its body ("of the OSCE"), not "the spokesperson"
            return [self._body_ref(body)]
        if unplaced:
            return unplaced
        # "The guarantors of the accord - Egypt, Qatar, and the U.S.": an apposition
        inner = [m for t in np if t.dep_ == "appos" or t.head.dep_ == "appos" for m in self._covering(t)]
        if inner:
            return self._refs_from(inner)
        return self._unrecognised_name(head) or self._definite_description(head)

    def _relation_of(self, head: Token, mod: Token) -> bool:
        """"His associates", "Navalny's lawyer", "Iran's allies": a possessive on a noun of the
        people around someone (``relation_nouns``) names whose they are, not who acts."""
        return mod.dep_ == "poss" and head.lemma_.lower() in self.relation_nouns

    def _related_ref(self, head: Token, owner: Token, skip: set[int]) -> ActorRef:
        """"His associates", "associates of Navalny" as the people they are: "associates of Alexei
        Navalny", named by the noun and whom the owner resolves to, with no actor, country or sector
        of the owner's."""
        owners = self._member_refs(owner, skip)
        name = f"{head.text} of {owners[0].name}" if owners else head.text
        lo, hi = min(owner, head, key=lambda t: t.i), max(owner, head, key=lambda t: t.i)
        return ActorRef(name=name, start=lo.idx, end=hi.idx + len(hi.text), text=self.doc.text[lo.idx:hi.idx + len(hi.text)])

    def _body_ref(self, m: Mention) -> ActorRef:
        """The body or state a role mention with no person is placed in (its country code)."""
        actor = self.actors.get(m.country or "")
        # the body's own words: "officials of the OSCE" -> "OSCE"
        words = re.split(r"\s(?:of|for)\s+(?:the\s+)?", m.text, maxsplit=1, flags=re.IGNORECASE)
        name = actor.name if actor is not None else _clean_name(words[-1])
        return ActorRef(name=name, actor_id=actor.id if actor is not None else None, country=m.country,
                        sector=m.sector, start=m.start, end=m.end, text=m.text)

    def _definite_description(self, head: Token) -> list[ActorRef]:
        """"The embassy declined the request" after "the US Embassy in London": a bare definite
        noun names the latest body before it whose proper name ends in that noun (news writing
        names a body in full once, then by its head noun)."""
        if head.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children) \
                or any(c.dep_ in ("amod", "compound", "poss", "prep") for c in head.children):
            return []
        key = head.lemma_.lower()
        for k in range(head.i - 1, max(-1, head.i - DEFINITE_REACH), -1):
            tok = self.sdoc[k]
            # the full name is a proper name ("the US Embassy"), not another description ("an
            # Iranian airline", "the November 9 deal") that would itself need resolving
            if tok.lemma_.lower() != key or not tok.text[:1].isupper() or \
                    not any(c.dep_ in ("amod", "compound", "poss") for c in tok.children):
                continue
            refs = self._member_refs(tok, set())
            if refs:
                return refs
        return []

    @staticmethod
    def _unrecognised_name(head: Token) -> list[ActorRef]:
        """A proper name the entity layer missed ("Omar al-Haddad, a spokesman for the militia,
        blamed ..."): whoever a proper name denotes in an argument position is an actor, known
        by the words of the text, even where no model recognised it."""
        if head.pos_ != "PROPN" or head.ent_type_ not in UNRECOGNISED_NAME_ENTS:
            return []
        words = sorted([head, *[c for c in head.children if c.dep_ in ("compound", "flat") and c.pos_ == "PROPN"]],
                       key=lambda t: t.i)
        if words[-1].i - words[0].i + 1 != len(words):
            return []
        start, end = words[0].idx, words[-1].idx + len(words[-1])
        text = text_of(head.doc)[start:end]
        return [ActorRef(name=text, start=start, end=end, text=text)]

    def _refs_from(self, mentions: Iterable[Mention]) -> list[ActorRef]:
        out: list[ActorRef] = []
        seen: set[tuple[int, int]] = set()
        ms = sorted(set(id(m) for m in mentions))
        by_id = {id(m): m for m in mentions}
        chosen = [by_id[i] for i in ms]
        # a mention nested inside another chosen one adds nothing ("Russian" in "Russian Foreign Ministry")
        chosen = [m for m in chosen if not any(o is not m and o.start <= m.start and m.end <= o.end and
                                                (o.end - o.start) > (m.end - m.start) for o in chosen)]
        for m in sorted(chosen, key=lambda m: m.start):
            if (m.start, m.end) in seen:
                continue
            seen.add((m.start, m.end))
            if m.refs and not m.actor_id and not m.country:
                # "the two countries": its members; a named body's group ("the co-chairs of the
                # OSCE Minsk Group", coded OSCEMG) acts as that body
                for aid in m.refs:
                    actor = self.actors.get(aid)
                    if actor is not None:
                        out.append(ActorRef(name=actor.name, actor_id=aid, country=actor.country,
                                            sector=actor.sector, start=m.start, end=m.end, text=m.text))
                continue
            r = self.ref(m)
            if not any(same_ref(r, o) for o in out):
                out.append(r)
        return out

    def _pronoun_refs(self, tok: Token) -> list[ActorRef]:
        linked = [m for m in self.by_token.get(tok.i, []) if m.actor_id or m.refs]
        if linked:
            return self._refs_from(linked)
        low = tok.lower_
        if low in self.first_person and tok.text != "US":
            sp = self.speaker_at(tok.idx)
            return [sp] if sp is not None else []
        if low in self.relative_pronouns and tok.head.dep_ == "relcl":
            return self.refs_for(tok.head.head)
        if low in self.singular_pronouns:
            return self._last_person_before(tok)
        return []

    def _last_person_before(self, tok: Token) -> list[ActorRef]:
        best: Mention | None = None
        for m in self.mentions:
            if m.end <= tok.idx and self._is_person(m) and (best is None or m.start > best.start):
                best = m
        return [self.ref(best)] if best is not None else []

    def speaker_at(self, offset: int) -> ActorRef | None:
        for sp in self.speeches:
            if sp.start <= offset < sp.end and sp.speaker is not None:
                return sp.speaker
        return None

    def speakers_in(self, start: int, end: int) -> list[ActorRef]:
        """The speakers of quoted or reported words overlapping a stretch (a sentence partly
        quoted: "The talks "lasted several days", ..." is the speaker's account)."""
        out: list[ActorRef] = []
        for sp in self.speeches:
            if sp.speaker is not None and sp.start < end and start < sp.end and \
                    not any(same_ref(sp.speaker, o) for o in out):
                out.append(sp.speaker)
        return out

    def in_direct_quote(self, start: int, end: int) -> bool:
        return any(sp.direct and sp.start <= start and end <= sp.end + 1 for sp in self.speeches)

    def _speeches(self) -> list[Speech]:
        out = [Speech(q.start, q.end, q.speaker, q.kind in ("direct", "partial")) for q in self.doc.quotes]
        if out:
            return out
        return self._quote_marks()

    def _quote_marks(self) -> list[Speech]:
        """Quoted stretches by their quotation marks, attributed through the speech verb of the
        sentence that closes them (or, failing that, opens them). Used only where the quotes layer
        has added nothing to the document."""
        text = self.doc.text
        out: list[Speech] = []
        i = 0
        while i < len(text):
            ch = text[i]
            if ch in QUOTE_CHARS:
                close = QUOTE_CHARS[ch]
                j = text.find(close, i + 1)
                nl = text.find("\n", i + 1)
                if j == -1 or (nl != -1 and nl < j and text.find(close, nl) == -1):
                    i += 1
                    continue
                out.append(Speech(i, j + 1, self._attribute(i, j + 1), True))
                i = j + 1
            else:
                i += 1
        return out

    def _attribute(self, start: int, end: int) -> ActorRef | None:
        sents = [s for s in self.sdoc.sents if s.end_char > start and s.start_char < end + 1]
        after = [s for s in self.sdoc.sents if s.start_char >= end][:1]
        before = [s for s in self.sdoc.sents if s.end_char <= start][-1:]
        for group in (sents[-1:], after if not sents or sents[-1].end_char <= end + 2 else [], sents[:1], before):
            for s in group:
                for t in s:
                    if t.lemma_.lower() in self.speech_verbs and not (start <= t.idx < end):
                        subj = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
                        for c in subj:
                            refs = self._member_refs(c, set()) if c.pos_ != "PRON" else []
                            if refs:
                                return refs[0]
        return None

    def is_collective(self, tok: Token) -> bool:
        if tok.lemma_.lower() not in self.heads:
            return False
        if tok.tag_ not in ("NNS", "NNPS") and not any(c.lower_ == "both" for c in tok.children):
            return False
        if any(c.lower_ in self.counters or c.like_num for c in tok.children
               if c.dep_ in ("det", "nummod", "predet", "amod", "quantmod")):
            return True
        return self._mentions_conflict(tok)

    def names_conflict_sides(self, tok: Token) -> bool:
        """A collective phrase that says it means the conflict's sides ("the warring sides")."""
        return bool(self.conflict_parties) and self.is_collective(tok) and self._mentions_conflict(tok)

    def _mentions_conflict(self, tok: Token) -> bool:
        words = {t.lower_ for t in tok.subtree} | {t.lemma_.lower() for t in tok.subtree}
        return bool(words & self.conflict_words)

    def collective_parties(self, tok: Token, previous: list[tuple[int, str | None, list[ActorRef]]],
                           exclude: list[ActorRef], sentence: int, as_target: bool,
                           referenced: str | None = None) -> list[ActorRef]:
        """The parties a collective phrase refers to.

        The conflict's parties where the phrase says so ("the warring sides", "parties to the
        conflict") or where it is the addressee of an act ("urged both sides"); else, as a subject
        ("the sides agreed", "the two parties discussed"), the participants of the latest event
        with two or more of them a few sentences back; else the conflict's parties. Where the
        sentence names the act it follows ("at the end of the phone call both leaders agreed"),
        ``referenced`` is that act's class and its latest participants are taken, however far back."""
        lookback = int(self.cfg.get("lookback", 3))
        if not self._mentions_conflict(tok) and not as_target:
            for si, what, parts in reversed(previous):
                if referenced is not None:
                    if what != referenced:
                        continue
                elif sentence - si > lookback:
                    break
                rest: list[ActorRef] = []
                for p in parts:
                    if not any(same_ref(p, e) for e in exclude) and not any(same_actor(p, r) for r in rest):
                        rest.append(p)
                if len(rest) >= 2:
                    return rest
        return list(self.conflict_parties)


def _clean_name(text: str) -> str:
    words = text.split()
    while words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    name = " ".join(words)
    return name[:-2] if name.endswith("'s") or name.endswith("’s") else name


def same_ref(a: ActorRef, b: ActorRef) -> bool:
    """The same actor: the same linked id, else the same name."""
    if a.actor_id and b.actor_id:
        return a.actor_id == b.actor_id
    return a.name.lower() == b.name.lower()


def same_actor(a: ActorRef, b: ActorRef) -> bool:
    """Loose identity for merging and collectives: same linked actor, same name, or a person and
    the state they act for."""
    if same_ref(a, b):
        return True
    return bool(a.country and b.country and a.country == b.country)


ENTITY_KINDS = {"PERSON": "name", "ORG": "organization", "GPE": "name", "NORP": "demonym"}


def entity_mentions(doc: Document) -> list[Mention]:
    """Mentions from the parser's named entities, for a document the actors layer has not
    processed (no actor ids; a country only where the name is a country's)."""
    out = []
    for ent in doc.spacy.ents:
        kind = ENTITY_KINDS.get(ent.label_)
        if kind is None:
            continue
        text = ent.text
        if text.lower().startswith("the "):
            text = text[4:]
        start = ent.end_char - len(text)
        country = _country_of(text, ent.label_ if ent.label_ in ("GPE", "NORP") else "GPE")
        if country is not None and ent.label_ in ("ORG", "PERSON") and len(text.split()) == 1:
            kind = "name"  # the small model calls some states PERSON or ORG ("Armenia")
        if country is None and ent.label_ in ("ORG", "PERSON") and len(text.split()) > 1:
            # "German Foreign Ministry": an office named by its state's adjective
            country = _country_of(text.split()[0], "NORP")
        out.append(Mention(start, ent.end_char, text, kind, None, country))
    return out


@lru_cache(maxsize=4096)
def _country_of(name: str, label: str) -> str | None:
    """The ISO code of a country named (or, for a demonym, adjectived) exactly; no fuzzy search,
    which costs seconds per document."""
    if label not in ("GPE", "NORP"):
        return None
    try:
        import pycountry
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    tries = [name]
    if label == "NORP":
        tries += [name[:-1], name[:-2], name + "y", name[:-3] + "a" if name.endswith("ian") else name]
    for t in tries:
        if len(t) < 2:
            continue
        try:
            return pycountry.countries.lookup(t).alpha_3
        except LookupError:
            continue
    return None


# ---------------------------------------------------------------- over a whole document


def mentions_in(doc: Document, start: int, end: int) -> list[Mention]:
    """Mentions overlapping the character span [start, end), in text order."""
    return [m for m in doc.mentions if m.start < end and start < m.end]


def actor_at(doc: Document, start: int, end: int | None = None) -> Mention | None:
    """The mention covering a span (or a token): the smallest mention containing it, else the
    one overlapping it most. Mentions that are places come last."""
    end = start + 1 if end is None else max(end, start + 1)
    best: tuple[tuple, Mention] | None = None
    for m in doc.mentions:
        if m.end <= start or end <= m.start:
            continue
        contains = m.start <= start and end <= m.end
        overlap = min(end, m.end) - max(start, m.start)
        key = (m.kind != "place", contains, -((m.end - m.start) if contains else 0), overlap)
        if best is None or key > best[0]:
            best = (key, m)
    return best[1] if best else None


def resolve_chain(doc: Document, mention: Mention) -> Mention:
    """Follow a pronoun or role reference back to the mention that named its actor."""
    seen = set()
    m = mention
    while m.antecedent is not None and m.antecedent not in seen and 0 <= m.antecedent < len(doc.mentions):
        seen.add(m.antecedent)
        nxt = doc.mentions[m.antecedent]
        if m.actor_id and nxt.actor_id != m.actor_id:
            break
        m = nxt
    return m


def actor_of(doc: Document, actor_id: str | None) -> Actor | None:
    """The document's actor record for an id (the actors layer's), or None."""
    if not actor_id:
        return None
    return next((a for a in doc.actors if a.id == actor_id), None)


def mentions_within(doc: Document, start: int, end: int) -> list[Mention]:
    """Mentions lying wholly inside the character span [start, end), in text order."""
    return [m for m in doc.mentions if start <= m.start and m.end <= end]


def _actor_name(doc: Document, actor_id: str | None) -> str | None:
    actor = actor_of(doc, actor_id)
    return actor.name if actor else None


def mention_ref(doc: Document, mention: Mention) -> ActorRef:
    """The ActorRef a quote or an event records for a mention: the linked actor's name and codes,
    or, for an unlinked mention, the words that describe it ("a source in the interior ministry of
    the NKR"), followed back through pronouns."""
    origin = resolve_chain(doc, mention)
    name = _actor_name(doc, mention.actor_id) or origin.role or origin.text
    if not mention.actor_id and origin is not mention and origin.text:
        name = _actor_name(doc, origin.actor_id) or origin.text
    return ActorRef(name=name, actor_id=mention.actor_id or origin.actor_id,
                    country=mention.country or origin.country, sector=mention.sector or origin.sector,
                    start=mention.start, end=mention.end, text=mention.text)


def collective_refs(doc: Document, mention: Mention) -> list[ActorRef]:
    """The members a collective mention ("the sides", "the co-chairs") stands for."""
    out = []
    for aid in mention.refs:
        name = _actor_name(doc, aid) or aid
        a = next((x for x in doc.actors if x.id == aid), None)
        out.append(ActorRef(name=name, actor_id=aid, country=a.country if a else aid,
                            sector=a.sector if a else None, start=mention.start, end=mention.end,
                            text=mention.text))
    return out


def refs_of(doc: Document, mentions: Iterable[Mention]) -> list[ActorRef]:
    """ActorRefs for a list of mentions, collectives expanded to their members."""
    out: list[ActorRef] = []
    for m in mentions:
        if m.kind == "collective" and m.refs:
            out.extend(collective_refs(doc, m))
        else:
            out.append(mention_ref(doc, m))
    return out


def pronoun_antecedent(doc: Document, start: int) -> Mention | None:
    """What the pronoun at character ``start`` was resolved to (None if it was not)."""
    for m in doc.mentions:
        if m.kind == "pronoun" and m.start == start:
            return resolve_chain(doc, m)
    return None
