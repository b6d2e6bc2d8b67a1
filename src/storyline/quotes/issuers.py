"""Bodies and documents as speakers: who speaks when a statement, a ministry or "the
organization" is the subject of a verb of saying.

Why a cascade of its own: a document never speaks, its issuer does, and the news names the
issuer in many places or only once for the whole article; a body noun with "the" ("the
ministry said") points back like "he" does, but only to a body. The cascade, for a phrase the
speaker resolver hands over:

1. A document noun heads the phrase ("Borrell's statement concluded", "a statement issued by
   the Foreign Ministry said", "a presidency statement said", "a statement posted on the OSCE
   website"): its issuer is the owner the phrase names (possessive, "by", "from", "of", the
   nouns before it, the body whose website or channel carried it), resolved as a speaker.
2. A document with no issuer in its phrase ("the statement said"): the issuer of the document
   the article named last with one; where there is none, nobody (a document is never a name).
3. A body noun with "the" and no state named in the phrase ("the organization said", "the
   Ministry of Foreign Affairs informs"): the body named before whose name has that noun, else,
   for the most general nouns (organization, body), the last body that is not a state.

The word lists are the speakers lexicon's ``body_nouns``, ``general_body_nouns`` and
``document_carriers`` and the cue lexicon's ``document_nouns``.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from ..actors.resolve import actor_of, mentions_within
from .candidates import Speaker, _ref, candidates
from .cues import Phrase, phrase_of

if TYPE_CHECKING:
    from .speakers import Resolver

_DEFINITE = {"the", "this", "that", "its", "their"}
_OWNER_PREPS = {"by", "from", "of"}


def _span(sdoc: Any, toks: list[Any]) -> Phrase:
    return Phrase(toks[-1].i, toks[0].idx, toks[-1].idx + len(toks[-1].text))


def is_document(lex: Any, head: Any) -> bool:
    """True where the token heads a document noun ("statement", "joint statement")."""
    lemma = head.lemma_.lower()
    comp = " ".join(c.lower_ for c in head.children if c.dep_ == "compound" and c.i < head.i)
    return lemma in lex.document_nouns or head.lower_ in lex.document_nouns or \
        f"{comp} {lemma}".strip() in lex.document_nouns


def document_owner(lex: Any, head: Any) -> Phrase | None:
    """The issuer a document phrase names, as a phrase: "X's statement", "a statement by X",
    "a statement from the X", "a presidency statement", "a statement posted on X's website"."""
    sdoc = head.doc
    for c in head.children:
        if c.dep_ == "poss":
            return phrase_of(sdoc, c)
    for t in head.subtree:
        if t.dep_ in ("agent", "prep") and t.lower_ in _OWNER_PREPS and t.head.i == head.i or \
                (t.dep_ == "agent" and t.head.head.i == head.i):
            obj = next((c for c in t.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.lemma_.lower() not in lex.document_nouns:
                if obj.lemma_.lower() in lex.document_carriers:
                    return _carrier_owner(sdoc, obj)
                return phrase_of(sdoc, obj)
    names = [c for c in head.children if c.dep_ in ("compound", "nmod") and c.i < head.i
             and c.lower_ not in lex.document_nouns and (c.pos_ == "PROPN" or c.lemma_.lower() in lex.body_nouns)]
    if names:
        lo = min(t.left_edge.i for t in names)
        return _span(sdoc, list(sdoc[lo:max(t.i for t in names) + 1]))
    for t in head.subtree:  # "posted on the OSCE website", "published in the ministry's channel"
        if t.dep_ == "pobj" and t.lemma_.lower() in lex.document_carriers and t.head.lower_ in ("on", "in", "via"):
            return _carrier_owner(sdoc, t)
    return None


def _carrier_owner(sdoc: Any, carrier: Any) -> Phrase | None:
    owner = [c for c in carrier.children if c.dep_ in ("poss", "compound", "nmod") and c.i < carrier.i]
    if owner:
        lo = min(t.left_edge.i for t in owner)
        return _span(sdoc, list(sdoc[lo:max(t.i for t in owner) + 1]))
    of = next((c for c in carrier.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return phrase_of(sdoc, obj) if obj is not None else None


def _doer(v: Any) -> Any | None:
    """Who did what a verb tells: its subject, or the "by" of its passive."""
    subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
    if subj is not None:
        return subj
    agent = next((c for c in v.children if c.dep_ == "agent"), None)
    return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None


class Issuers:
    """The documents and bodies of one article, in text order, for one speaker resolver."""

    def __init__(self, resolver: Resolver):
        self.r = resolver
        self.documents: list[tuple[int, Speaker]] = []  # (offset, the issuer of a document named there)

    def speaker(self, phrase: Phrase, allow_anaphora: bool) -> Speaker | None:
        """The speaker a document or body phrase stands for; None where the phrase is neither
        (the resolver goes on with its own cascade)."""
        head = self.r.sdoc[phrase.head]
        if head.pos_ not in ("NOUN", "PROPN"):
            return None
        if is_document(self.r.lex, head):
            return self._document(phrase, head, allow_anaphora)
        if allow_anaphora and head.lemma_.lower() in self.r.lex.body_nouns:
            return self._body(phrase, head)
        return None

    def _document(self, phrase: Phrase, head: Any, allow_anaphora: bool) -> Speaker:
        owner = document_owner(self.r.lex, head)
        if owner is not None and not (owner.start >= phrase.start and owner.end <= phrase.end):
            owner = None  # the owner lies outside the words given (a quotation in between)
        if owner is not None:
            oh = self.r.sdoc[owner.head]
            sp = self.r.resolve(owner) if oh.pos_ == "PRON" else self.r.named(owner, allow_anaphora)
            if sp.ref is None or sp.kind == "thing":  # "a presidency statement": the presidency named before
                sp = (self._body(owner, oh, definite=True) if allow_anaphora else None) or sp
            if sp.ref is not None and sp.kind != "thing":
                self.documents.append((phrase.start, sp))
                return self._here(sp, phrase, self.r.doc.text)
        det = {c.lower_ for c in head.children if c.dep_ == "det"}
        if allow_anaphora and det & _DEFINITE:
            earlier = self._issued_before(phrase.start)
            if earlier is not None:
                return self._here(earlier, phrase, self.r.doc.text)
        own = self.in_own_words(phrase.start) if allow_anaphora else None
        if own is not None:
            return self._here(own, phrase, self.r.doc.text)
        return Speaker(None, None, "unknown", phrase.text(self.r.doc), 0.3)

    def introduced(self, quote_start: int) -> Speaker | None:
        """The speaker of a quotation its sentence opens with a document and no verb ("In a
        joint statement, "..."" ): the document's issuer, named in the phrase, else in the
        quoted words themselves."""
        r = self.r
        sent = r.doc.sentences[r._sentence_index(quote_start)]
        before = list(r.sdoc.char_span(sent.start, quote_start, alignment_mode="contract") or [])
        if not before or any(t.pos_ in ("VERB", "AUX") for t in before):
            return None
        docs = [t for t in before if is_document(r.lex, t)]
        if not docs:
            return None
        return self._document(Phrase(docs[-1].i, before[0].idx, docs[-1].idx + len(docs[-1].text)), docs[-1], True)

    def in_own_words(self, at: int) -> Speaker | None:
        """A document's issuers named in its own words, in the third person, as its first
        sentence's subject (""Norway and Chile urge both parties ..."", "the statement added:
        "The Kingdom of Norway and Chile commend ...""): documents speak of their issuers so.
        Only a named actor or several (never "we", never a common noun) counts."""
        r = self.r
        quoted = next((q for q in r.frame.quoted if q.open_at >= at), None)
        if quoted is None or r._sentence_index(quoted.open_at) != r._sentence_index(at):
            return None
        span = r.sdoc.char_span(quoted.start, quoted.end, alignment_mode="contract") or []
        first = next((t for t in span if t.dep_ == "ROOT"), None)
        subj = next((c for c in first.children if c.dep_ == "nsubj"), None) if first is not None else None
        if subj is None or subj.pos_ != "PROPN":
            return None
        sp = r.group(subj, quoted_ok=True) or r.named(phrase_of(r.sdoc, subj), allow_anaphora=False, several=False)
        if sp.ref is None or sp.kind != "group" or not (sp.ref.actor_id or " and " in sp.ref.name):
            return None
        self.documents.append((at, sp))
        return sp

    def _issued_before(self, at: int) -> Speaker | None:
        """The issuer of the last document told before ``at``: one named as a speaker with its
        issuer, or one a subject issued ("the ministry issued a statement", "X said in a
        statement"), whichever is nearer."""
        r = self.r
        best = max(((off, sp) for off, sp in self.documents if off < at), default=None, key=lambda x: x[0])
        k0 = r._sentence_index(at)
        for k in range(k0, max(-1, k0 - 12), -1):
            sent = r.doc.sentences[k]
            if best is not None and sent.end <= best[0]:
                break
            span = r.sdoc.char_span(sent.start, min(sent.end, at), alignment_mode="contract") or []
            for t in reversed(list(span)):
                if r.frame.in_quote(t.i) or not is_document(r.lex, t):
                    continue
                said_in = t.dep_ == "pobj" and t.head.lower_ == "in" and r.lex.is_cue(t.head.head.lemma_.lower())
                v = t.head.head if said_in else t.head
                issued = said_in or (t.dep_ in ("dobj", "nsubjpass") and v.lemma_.lower() in r.lex.issuing_verbs)
                subj = _doer(v) if issued and not r.frame.in_quote(v.i) else None
                if subj is None or is_document(r.lex, subj):
                    continue
                sp = r.named(phrase_of(r.sdoc, subj), allow_anaphora=False) if subj.pos_ != "PRON" else \
                    r.resolve(phrase_of(r.sdoc, subj))
                if sp.ref is not None and sp.kind in ("person", "group"):
                    return sp
            if best is not None and sent.start <= best[0]:
                break
        return best[1] if best is not None else None

    def _body(self, phrase: Phrase, head: Any, definite: bool = False) -> Speaker | None:
        det = {c.lower_ for c in head.children if c.dep_ in ("det", "poss")}
        if not (definite or det & _DEFINITE) or self._names_a_state(phrase):
            return None
        noun = head.lemma_.lower()
        general = noun in self.r.lex.general_body_nouns
        for sp in self._bodies_before(phrase.start):
            words = f" {sp.words.lower()} {(sp.ref.name if sp.ref else '').lower()} "
            if f" {noun} " in words or f" {noun}s " in words or \
                    (general and sp.ref is not None and sp.ref.actor_id and not self._is_state(sp)):
                return self._here(sp, phrase, self.r.doc.text)
        return None

    def _names_a_state(self, phrase: Phrase) -> bool:
        """True where the phrase names whose body it is ("the Turkish Foreign Ministry", "the
        Ministry of Foreign Affairs of Iraq"): then it is a name, not a pointer back."""
        span = self.r.sdoc.char_span(phrase.start, phrase.end, alignment_mode="expand") or []
        return any(t.ent_type_ in ("GPE", "NORP") for t in span) or any(
            m.country and m.actor_id == m.country for m in mentions_within(self.r.doc, phrase.start, phrase.end))

    def _is_state(self, sp: Speaker) -> bool:
        ref = sp.ref
        if ref is None or not ref.actor_id:
            return False
        actor = actor_of(self.r.doc, ref.actor_id)
        return actor is not None and actor.kind in ("state", "unrecognized", "territory")

    def _bodies_before(self, at: int) -> list[Speaker]:
        """Groups that spoke or were subjects before ``at``, the nearest first, within the last
        few paragraphs."""
        r = self.r
        k0 = r._sentence_index(at)
        para = r.frame.para_at(at)
        out: list[Speaker] = []
        for k in range(k0, max(-1, k0 - 12), -1):
            sent = r.doc.sentences[k]
            if para - r.frame.para_at(sent.start) > 4:
                break
            limit = min(at, sent.end + 1)
            out += [sp for off, sp in reversed(r.history) if sent.start <= off < limit]
            out += [sp for rank, sp in r._sentence_subjects(k)
                    if sp.ref is not None and sp.ref.start is not None and sp.ref.start < limit]
            out += [Speaker(_ref(c), None, "group", c.text, 0.7) for c in reversed(candidates(r.doc, sent.start, limit))
                    if c.kind == "group" and c.actor_id and not r.frame.in_quote(c.root.i)]
        return [sp for sp in out if sp.kind == "group" and sp.ref is not None]

    @staticmethod
    def _here(sp: Speaker, phrase: Phrase, text: str) -> Speaker:
        ref = dataclasses.replace(sp.ref, start=phrase.start, end=phrase.end,
                                  text=text[phrase.start:phrase.end]) if sp.ref else None
        return dataclasses.replace(sp, ref=ref, confidence=sp.confidence * 0.9, roles=set(sp.roles))
