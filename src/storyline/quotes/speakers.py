"""Who a speaker phrase stands for: a named actor, an institution, an anonymous source, or (for
"he", "the minister", "said the official") someone named before.

Why the quote stage resolves pronouns itself before asking the actors layer: a quotation's "he"
almost always points at the last one who spoke or acted, which only this stage knows (the actors
layer runs first). Named phrases go through ``ref_for_span``, the one place a span becomes an
``ActorRef``: it takes the actors layer's mention (and its linked actor) inside the span, or the
parser's entity where no actor layer has run, or just the words.
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_right
from difflib import SequenceMatcher
from typing import Any

from ..actors.resolve import actor_of, mentions_in
from ..model import ActorRef, Document
from .candidates import Candidate, Speaker, _ref, _strip_det, candidates
from .cues import Phrase, phrase_of
from .frame import Frame
from .groups import group_speaker
from .issuers import Issuers
from .lexicon import QuoteLexicon

__all__ = ["Candidate", "Resolver", "Speaker", "best_candidate", "candidates", "ref_for_span"]

_PERSON_KINDS = {"person"}
_INDEFINITE = {"a", "an", "some", "several", "one", "two", "three", "many", "other", "another", "unnamed"}
_DEFINITE = {"the", "this", "that"}


def _here(ref: ActorRef | None, phrase: Phrase, text: str) -> ActorRef | None:
    """The actor found back, as named here: "he" at these offsets stands for Daniel Baer."""
    if ref is None:
        return None
    return dataclasses.replace(ref, start=phrase.start, end=phrase.end, text=text)


def _covers(c: Candidate, t: Any) -> bool:
    return c.start <= t.idx < c.end


def best_candidate(doc: Document, phrase: Phrase) -> tuple[Candidate | None, str]:
    """The mention a phrase is about, and how it stands in the phrase: "head" (it is the head
    or the head's apposition: "Spanish Prime Minister Pedro Sanchez's spokeswoman, Ana Ruiz"
    is Ruiz), "inside" (named within: "the Swiss Ambassador to the UN Anna Keller"), "poss"
    (only as an owner: "Erdogan's office"), or "" with no mention at all."""
    sdoc = doc.spacy
    head = sdoc[phrase.head]
    cands = [c for c in candidates(doc, phrase.start, phrase.end) if c.kind in ("person", "group", "role")]
    for c in cands:
        if _covers(c, head) and c.kind != "role":
            return c, "head"
    appos = [t for t in head.subtree if t.dep_ == "appos" and (t.head.i == head.i or t.head.dep_ == "appos")]
    for a in appos:
        for c in cands:
            if _covers(c, a) and c.kind in ("person", "group"):
                return c, "head"
    named = [c for c in cands if c.kind in ("person", "group") and c.root.dep_ != "poss"]
    persons = [c for c in named if c.kind == "person"]
    if persons:
        return persons[-1], "inside"
    if named:
        return named[0], "inside"
    poss = [c for c in cands if c.kind in ("person", "group")]
    return (poss[0], "poss") if poss else (None, "")


def ref_for_span(doc: Document, phrase: Phrase, *, person_inside: bool = False) -> tuple[ActorRef, str]:
    """The one conversion of a speaker's words to an ``ActorRef``, with the speaker's kind
    (person or group): the mention that heads the phrase (or, with ``person_inside``, a person
    named within it), else the words themselves with the country of what they name."""
    c, how = best_candidate(doc, phrase)
    text = phrase.text(doc)
    if c is not None and (how == "head" or (person_inside and how == "inside" and c.kind == "person")):
        return _ref(c), c.kind
    head = doc.spacy[phrase.head]
    if head.tag_ in ("NNS", "NNPS"):
        kind = "group"
    elif c is not None:
        kind = c.kind if c.kind in ("person", "group") else "thing"
    else:  # no name inside: an unknown proper name may be a person; "the audio recording" is not
        kind = "person" if head.pos_ == "PROPN" else "thing"
    ref = ActorRef(name=_strip_det(text), start=phrase.start, end=phrase.end, text=text)
    if c is not None:  # "Erdogan's office", "a source in the interior ministry of Moldova"
        ref.country, ref.sector = c.country, c.sector
    return ref, kind


class Resolver:
    """Turns speaker phrases into speakers, in text order, remembering who spoke where."""

    def __init__(self, doc: Document, frame: Frame, lex: QuoteLexicon, kb: Any = None):
        self.doc = doc
        self.kb = kb  # the actor knowledge base, for demonyms (None: the actors layer's mentions only)
        self.frame = frame
        self.lex = lex
        self.sdoc = doc.spacy
        self.history: list[tuple[int, Speaker]] = []  # (offset of the statement, its speaker)
        self._sent_starts = [s.start for s in doc.sentences]
        self._subjects: dict[int, list[tuple[int, Speaker]]] = {}
        self._people: list[Candidate] | None = None
        self.issuers = Issuers(self)  # documents and bodies as speakers

    # ------------------------------------------------------------ public

    def remember(self, offset: int, speaker: Speaker) -> None:
        self.history.append((offset, speaker))

    def resolve(self, phrase: Phrase) -> Speaker:
        head = self.sdoc[phrase.head]
        lower = head.lower_
        text = phrase.text(self.doc)
        if lower in self.lex.partitive_pronouns and not any(c.dep_ in ("prep", "compound", "amod", "nmod")
                                                             for c in head.children):
            return self._member(phrase)
        if head.pos_ == "PRON" or lower in self.lex.person_pronouns or lower in self.lex.group_pronouns:
            want = "person" if lower in self.lex.person_pronouns else (
                "group" if lower in self.lex.group_pronouns else "")
            if want:
                found = self.antecedent(phrase.start, want)
                if found is not None:
                    return Speaker(_here(found.ref, phrase, text), found.description, found.kind, found.words,
                                   found.confidence * 0.9, set(found.roles))
            linked = self._linked_role(head)  # the actors layer's own reading of the pronoun
            if linked is not None:
                linked.confidence = 0.7
                return linked
            return Speaker(None, text, "unknown", text, 0.3)
        return self.named(phrase)

    def _member(self, phrase: Phrase) -> Speaker:
        """"One said", "another added": one member of the group that spoke or acted just before
        ("Japanese officials said ... one said"), spoken for by the group; unattributed where no
        group was named (never the word "one" as a name)."""
        found = self.antecedent(phrase.start, "group", sentences=4, paragraphs=2)
        if found is not None and found.ref is not None:
            return Speaker(_here(found.ref, phrase, phrase.text(self.doc)), found.description, found.kind,
                           found.words, found.confidence * 0.8, set(found.roles))
        return Speaker(None, None, "unknown", phrase.text(self.doc), 0.2)

    def named(self, phrase: Phrase, allow_anaphora: bool = True, *, several: bool = True) -> Speaker:
        """A phrase that is not a pronoun: a name, an institution, a source, or a role noun;
        with ``several``, also several actors coordinated or a group named by an appositive."""
        if several:
            group = self.group(self.sdoc[phrase.head])
            if group is not None:
                return group
        return self._complete(self._named(phrase, allow_anaphora))

    def group(self, head: Any, quoted_ok: bool = False) -> Speaker | None:
        """Several actors speaking as one ("Russia and Turkey said"), or a group the phrase
        names ("..., known as the Quartet, said"): see ``groups``. A speaker's phrase never
        enters a quotation, unless ``quoted_ok`` (a document naming its issuers)."""
        if self._second_title(head) is not None:
            return None  # "NATO Secretary General and former Prime Minister X": one person
        quoted = (lambda i: False) if quoted_ok else self.frame.in_quote
        return group_speaker(self.doc, head, self.lex.group_naming, self.lex.counterpart_nouns, self.kb, quoted,
                             lambda ph: self.named(ph, allow_anaphora=False, several=False))

    def _complete(self, sp: Speaker) -> Speaker:
        """A surname alone ("Saree") named in full earlier ("Yahya Sarea") takes the full name,
        where no actor layer has linked it: one spelling of a person across the article."""
        ref = sp.ref
        if ref is None or ref.actor_id or ref.start is None:
            return sp
        words = ref.name.split()
        while len(words) > 1 and words[0].lower().rstrip(".") in self.lex.honorifics:
            words = words[1:]  # "Mr Blair" is Blair
        if (len(words) != 1 or not words[0][:1].isupper() or (sp.kind != "person" and self.doc.mentions)
                or sp.kind == "thing"):
            return sp  # (without an actor layer the parser's labels are too unsure to go by)
        last = words[0].lower()
        if self._people is None:
            self._people = [c for c in candidates(self.doc, 0, len(self.doc.text)) if c.kind == "person"]
        earlier = [(c.start, c.name or _strip_det(c.text), c.country, c.sector)
                   for c in self._people if c.start < ref.start]
        earlier += [(off, h.ref.name, h.ref.country, h.ref.sector) for off, h in self.history
                    if h.ref is not None and h.ref.name[:1].isupper() and h.description is None
                    and off < ref.start]
        best = None
        for _, name, country, sector in sorted(earlier, key=lambda e: e[0]):
            words = name.split()
            sur = words[-1].lower() if len(words) > 1 else ""
            if sur and (sur == last or (len(last) >= 4 and sur[:3] == last[:3]
                                        and SequenceMatcher(None, sur, last).ratio() >= 0.8)):
                best = (name, country, sector)
        if best is not None:
            ref.name = best[0]
            ref.country = ref.country or best[1]
            ref.sector = ref.sector or best[2]
        return sp

    def _named(self, phrase: Phrase, allow_anaphora: bool) -> Speaker:
        head = self.sdoc[phrase.head]
        text = phrase.text(self.doc)
        c, how = best_candidate(self.doc, phrase)
        if c is not None and how == "head" and c.kind == "person":
            return Speaker(_ref(c), None, "person", text, roles=self._roles_in(phrase))
        titled = self._second_title(head)
        if titled is not None:
            return Speaker(_ref(titled), None, "person", text, roles=self._roles_in(phrase))
        body = self.issuers.speaker(phrase, allow_anaphora)
        if body is not None:
            return body
        inst = self._institution(phrase, text, allow_anaphora)
        if inst is not None:
            return inst
        det = {t.lower_ for t in head.children if t.dep_ in ("det", "nummod")}
        role = self._role_word(phrase)
        plural = head.tag_ in ("NNS", "NNPS")
        if role and self._bare(phrase) and not (det & _INDEFINITE) and not plural:
            if not allow_anaphora:
                return Speaker(None, None, "person", text, 0.3, {role})
            linked = self._linked_role(head)
            if linked is not None:
                return linked
            found = self.antecedent(phrase.start, "person", role)
            if found is not None:
                return Speaker(_here(found.ref, phrase, text), found.description, found.kind, found.words,
                               found.confidence * 0.9, found.roles | {role})
            return Speaker(ActorRef(name=_strip_det(text), start=phrase.start, end=phrase.end, text=text),
                           None, "person", text, 0.4, {role})
        source = self._source_noun(phrase)
        if source is not None:
            # "a source in the interior ministry of Moldova": the description is the speaker
            ref = ActorRef(name=_strip_det(text), start=phrase.start, end=phrase.end, text=text)
            if c is not None:  # the source speaks, not the body it belongs to: only its country
                ref.country, ref.sector = c.country, c.sector
            return Speaker(ref, text, "group" if plural else "person", text, 0.8, {source})
        personal = role is not None or head.pos_ == "NOUN"
        ref, kind = ref_for_span(self.doc, phrase, person_inside=personal)
        if role is not None and not plural and kind != "person" and ref.actor_id is None:
            kind = "person"  # "the Swiss Ambassador to the UN", whatever the parser labelled
        return Speaker(ref, None, kind, text, roles=self._roles_in(phrase))

    def _second_title(self, head: Any) -> Candidate | None:
        """One person given two titles joined by "and" ("said AU Chairperson and Senegalese
        President Macky Sall"): a capitalised title with no article and no name of its
        own, whose conjunct ends in a person's name, is that person."""
        if head.pos_ != "PROPN" or any(c.dep_ == "det" for c in head.children):
            return None
        conj = [c for c in head.children if c.dep_ == "conj"]
        if len(conj) != 1 or conj[0].pos_ != "PROPN":
            return None
        ph = phrase_of(self.sdoc, conj[0])
        people = [c for c in candidates(self.doc, ph.start, ph.end) if c.kind == "person"]
        title = [t for t in conj[0].subtree if t.i < conj[0].i and t.dep_ in ("compound", "amod")]
        return people[-1] if people and title and _covers(people[-1], conj[0]) else None

    def _source_noun(self, phrase: Phrase) -> str | None:
        """The anonymous-source noun a phrase is built on ("a German government source",
        "the source Agency Ukrinform in Ukrainian government circles", "officials"), if any."""
        head = self.sdoc[phrase.head]
        det = {t.lower_ for t in head.children if t.dep_ in ("det", "nummod")}
        words = [head] + [t for t in head.children if t.dep_ in ("nmod", "compound") and t.pos_ == "NOUN"]
        for t in words:
            lemma = t.lemma_.lower()
            if lemma not in self.lex.anonymous and t.lower_ not in self.lex.anonymous:
                continue
            if t.i != head.i or det & _INDEFINITE or not det or not self._bare(phrase):
                return lemma
        return None

    # ------------------------------------------------------------ roles and institutions

    def _roles_in(self, phrase: Phrase) -> set[str]:
        words = self.doc.text[phrase.start:phrase.end].lower()
        return {r for r in self.lex.roles if f" {r} " in f" {words} "}

    def _role_word(self, phrase: Phrase) -> str | None:
        head = self.sdoc[phrase.head]
        lemma = head.lemma_.lower()
        comp = " ".join(t.lower_ for t in head.children if t.dep_ == "compound" and t.i < head.i)
        for r in (f"{comp} {lemma}".strip(), lemma, head.lower_):
            if r in self.lex.roles or r in self.lex.anonymous:
                return r
        return None

    def _bare(self, phrase: Phrase) -> bool:
        """True where the phrase is a role noun and nothing more naming ("the Russian foreign
        minister"), so it points back; "the source in Armenian diplomatic circles" does not."""
        head = self.sdoc[phrase.head]
        for t in self.sdoc.char_span(phrase.start, phrase.end, alignment_mode="expand") or []:
            if t.i == head.i or t.is_punct:
                continue
            if t.dep_ in ("det", "amod", "advmod") or (t.dep_ == "compound" and t.pos_ != "PROPN"):
                continue
            if t.dep_ == "compound" and t.text.istitle() and t.lower_ in {w for r in self.lex.roles for w in r.split()}:
                continue
            return False
        return True

    def _linked_role(self, head: Any) -> Speaker | None:
        """The actors layer's resolution of a role or pronoun mention ("the president" ->
        Medvedev)."""
        for m in mentions_in(self.doc, head.idx, head.idx + 1):
            if m.actor_id:
                actor = actor_of(self.doc, m.actor_id)
                ref = ActorRef(name=actor.name if actor else m.text, actor_id=m.actor_id, country=m.country,
                               sector=m.sector, start=m.start, end=m.end, text=m.text)
                kind = "person" if actor is None or actor.kind == "person" else "group"
                return Speaker(ref, None, kind, m.text, 0.85, {head.lemma_.lower()})
        return None

    def _institution(self, phrase: Phrase, text: str, allow_anaphora: bool) -> Speaker | None:
        """ "the press office of the head of state" -> the Elysee press office (the owner
        resolved, then named by its seat where the speakers lexicon knows it)."""
        low = text.lower()
        inst = next((i for i in self.lex.institutions if i in low), None)
        if inst is None:
            return None
        head = self.sdoc[phrase.head]
        if head.lemma_.lower() not in inst.replace("-", " ").split() and head.lower_ not in inst:
            return None
        owner_tok = None
        for t in head.children:
            if t.dep_ == "prep" and t.lower_ == "of":
                owner_tok = next((c for c in t.children if c.dep_ == "pobj"), None)
            elif t.dep_ == "poss" or (t.dep_ == "compound" and t.pos_ == "PROPN"):
                owner_tok = owner_tok or t
        name = _strip_det(text)
        ref = ActorRef(name=name, start=phrase.start, end=phrase.end, text=text)
        if owner_tok is not None:
            owner = self.named(phrase_of(self.sdoc, owner_tok), allow_anaphora=allow_anaphora)
            if owner.ref is not None:
                ref.country, ref.sector = owner.ref.country, owner.ref.sector
                seat = self._seat(owner.ref)
                if seat:
                    ref.name = f"{seat} {inst.replace('-', ' ')}"
        return Speaker(ref, None, "group", text, 0.85)

    def _seat(self, ref: ActorRef) -> str | None:
        if not ref.actor_id or not ref.country:
            return None
        actor = actor_of(self.doc, ref.actor_id)
        if actor is None:
            return None
        role = actor.role_on(self.doc.date)
        office = role.office if role else None
        return self.lex.seats.get(ref.country.upper(), {}).get(office or "")

    # ------------------------------------------------------------ antecedents

    def _sentence_index(self, offset: int) -> int:
        return max(0, bisect_right(self._sent_starts, offset) - 1)

    def _sentence_subjects(self, k: int) -> list[tuple[int, Speaker]]:
        """Speakers named as subjects (or other named actors) of sentence k, outside quotes,
        in order of preference, each with its rank: 0 the main clause's subject, 1 another
        subject, 2 a name elsewhere in the sentence."""
        if k in self._subjects:
            return self._subjects[k]
        sent = self.doc.sentences[k]
        span = self.sdoc.char_span(sent.start, sent.end, alignment_mode="expand")
        out: list[tuple[int, int, Speaker]] = []
        seen: set[int] = set()
        if span is not None:
            for t in span:
                if self.frame.in_quote(t.i) or t.dep_ not in ("nsubj", "nsubjpass") or t.pos_ == "PRON":
                    continue
                ph = phrase_of(self.sdoc, t)
                rank = 0 if t.head.dep_ == "ROOT" else 1
                group = self.group(t)
                if group is None and any(c.dep_ == "conj" for c in t.children):
                    # "Wang and his Brazilian, Indian and South African counterparts": a group for "they"
                    whole = phrase_of(self.sdoc, t, with_conj=True)
                    words = whole.text(self.doc)
                    group = Speaker(ActorRef(name=_strip_det(words), start=whole.start, end=whole.end, text=words),
                                    None, "group", words, 0.7)
                if group is not None:
                    out.append((rank, -t.i - 0.5, group))
                sp = self.named(ph, allow_anaphora=False, several=False)
                out.append((rank, -t.i, sp))
                seen.update(range(ph.start, ph.end))
            for c in candidates(self.doc, sent.start, sent.end):
                if c.kind not in ("person", "group") or c.start in seen or self.frame.in_quote(c.root.i):
                    continue
                out.append((2, -c.root.i, Speaker(_ref(c), None, c.kind, c.text, 0.7)))
        out.sort(key=lambda x: (x[0], x[1]))
        self._subjects[k] = [(rank, s) for rank, _, s in out]
        return self._subjects[k]

    def antecedent(self, at: int, want: str, role: str | None = None, *, sentences: int = 6,
                   paragraphs: int = 2) -> Speaker | None:
        """The speaker or actor a pronoun or role noun at ``at`` points back to: the last speaker
        in the same or an earlier sentence, else a subject, else a named actor; a role noun
        first looks for one named by the same role. It looks back at most ``sentences``
        sentences and ``paragraphs`` paragraphs."""
        k0 = self._sentence_index(at)
        para = self.frame.para_at(at)
        for rl in ([role, None] if role else [None]):
            for k in range(k0, max(-1, k0 - sentences), -1):
                sent = self.doc.sentences[k]
                if para - self.frame.para_at(sent.start) > paragraphs:
                    break
                limit = min(at, sent.end + 1)
                spoken = [sp for off, sp in self.history if sent.start <= off < limit]
                pool = list(reversed(spoken))
                pool += [sp for rank, sp in self._sentence_subjects(k)
                         if (sp.ref is None or sp.ref.start is None or sp.ref.start < limit)
                         and (rank < 2 or want == "person")]
                for sp in pool:
                    if self._fits(sp, want, rl, at):
                        return sp
        return None

    def _fits(self, sp: Speaker, want: str, role: str | None, at: int) -> bool:
        if sp.ref is None and not sp.description:
            return False
        if want and sp.kind != want:
            return False
        if role is None:
            return True
        words = f" {sp.words.lower()} {(sp.ref.name if sp.ref else '').lower()} "
        return (role in sp.roles or f" {role} " in words or f" {role}s " in words
                or (sp.ref is not None and role in self._roles_of(sp.ref.name, at)))

    def _roles_of(self, name: str, at: int) -> set[str]:
        """Every role noun the article gave a person before ``at`` ("World and Commonwealth
        100m champion Kim Collins" ... "Collins" ... "the world champion")."""
        last = name.split()[-1].lower() if name.split() else ""
        roles: set[str] = set()
        for k in range(0, self._sentence_index(at) + 1):
            for _, sp in self._sentence_subjects(k):
                if sp.ref is not None and sp.ref.name.split() and sp.ref.name.split()[-1].lower() == last:
                    roles |= sp.roles
        for off, sp in self.history:
            if off < at and sp.ref is not None and sp.ref.name.split() and sp.ref.name.split()[-1].lower() == last:
                roles |= sp.roles
        return roles
