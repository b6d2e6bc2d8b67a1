"""The records of the speaker resolver: a stretch of text that may name an actor (a
``Candidate``), a resolved ``Speaker``, and how the candidates of a stretch are found.

Why a module of their own: the speaker resolver (``speakers``) and the documents-and-bodies
cascade (``issuers``) both make and read them; neither has to import the other for them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..actors.resolve import mentions_within
from ..model import ActorRef, Document

_NAME_LABELS = {"PERSON": "person", "ORG": "group", "GPE": "group", "FAC": "group"}
#: Mention kinds of the actors layer that never speak (a place named as where, not who).
_NOT_SPEAKERS = {"place"}


@dataclass
class Candidate:
    """A stretch that may name an actor: an actors-layer mention, or a parser entity."""

    start: int
    end: int
    text: str
    kind: str  # person, group, role, pronoun
    root: Any  # the spaCy token heading it
    actor_id: str | None = None
    country: str | None = None
    sector: str | None = None
    name: str | None = None  # the linked actor's name


@dataclass
class Speaker:
    ref: ActorRef | None
    description: str | None = None
    kind: str = "unknown"  # person, group, thing (no actor: "the audio recording"), unknown
    words: str = ""  # the phrase's words, for matching "the spokesperson" to "an Interpol spokesperson"
    confidence: float = 1.0
    roles: set[str] = field(default_factory=set)  # role nouns the speaker was named by


def _strip_det(text: str) -> str:
    """A name as outputs show it: no leading article, no trailing possessive ("Gordon Brown's")."""
    words = text.split()
    while words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    out = " ".join(words)
    for poss in ("'s", "’s"):
        if out.endswith(poss) and len(out) > len(poss):
            out = out[: -len(poss)]
    return out


def candidates(doc: Document, start: int, end: int) -> list[Candidate]:
    """The actor mentions inside [start, end): the actors layer's where it has run, else the
    parser's named entities (treated as hints: their labels are often wrong)."""
    sdoc = doc.spacy
    out: list[Candidate] = []
    if doc.mentions:
        kinds = {a.id: a.kind for a in doc.actors}
        names = {a.id: a.name for a in doc.actors}
        for m in mentions_within(doc, start, end):
            if m.kind in _NOT_SPEAKERS:
                continue
            span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            if m.kind == "pronoun":
                kind = "pronoun"
            elif m.kind == "role" and not m.actor_id:
                kind = "role"
            elif m.actor_id and kinds.get(m.actor_id) == "person":
                kind = "person"
            elif m.kind in ("name", "partial_name") and not m.actor_id:
                kind = "person" if any(t.ent_type_ == "PERSON" for t in span) else "group"
            else:
                kind = "group"
            # a person goes by the actor's name; a body by the words that name it ("the Foreign
            # Ministry of Iraq" speaks for "Iraq (government)": the link keeps the codes)
            name = names.get(m.actor_id or "") if kind == "person" else None
            out.append(Candidate(m.start, m.end, m.text, kind, span.root, m.actor_id, m.country, m.sector, name))
        return out
    for ent in sdoc.ents:
        if ent.start_char < start or ent.end_char > end or ent.label_ not in _NAME_LABELS:
            continue
        out.append(Candidate(ent.start_char, ent.end_char, ent.text, _NAME_LABELS[ent.label_], ent.root))
    return out


def _ref(c: Candidate) -> ActorRef:
    return ActorRef(name=c.name or _strip_det(c.text), actor_id=c.actor_id, country=c.country, sector=c.sector,
                    start=c.start, end=c.end, text=c.text)
