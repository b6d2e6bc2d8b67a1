"""Builders for constructed story-layer cases: documents and events made directly as records."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from storyline.model import Actor, ActorRef, DateValue, Document, Event, Sentence, content_id
from storyline.store import Store

STATES = {"ARM": "Armenia", "AZE": "Azerbaijan", "RUS": "Russia", "USA": "United States", "TUR": "Turkey"}


def state(code: str) -> ActorRef:
    return ActorRef(STATES.get(code, code), code.lower(), code)


def person(actor_id: str, name: str, country: str) -> ActorRef:
    return ActorRef(name, actor_id, country)


@dataclass
class Ev:
    """One event stated by one sentence of the article."""

    sentence: str
    what: str
    source: list[ActorRef] = field(default_factory=list)
    target: list[ActorRef] = field(default_factory=list)
    date: str | None = None
    status: str = "reported"


def _precision(value: str) -> str:
    return {4: "year", 7: "month", 10: "day"}.get(len(value), "range")


def article(name: str, outlet: str | None, published: str, events: list[Ev], filler: list[str] = (),
            persons: dict[str, str] | None = None) -> Document:
    """A document: filler paragraphs first, then one paragraph per event sentence; each event's
    evidence is its whole sentence."""
    paragraphs = list(filler) + [e.sentence for e in events]
    text = "\n\n".join(paragraphs)
    sentences, evs, pos = [], [], 0
    for i, para in enumerate(paragraphs):
        start = text.index(para, pos)
        sentences.append(Sentence(start, start + len(para), i))
        pos = start + len(para)
    actors: dict[str, Actor] = {}
    for n, e in enumerate(events):
        s = sentences[len(filler) + n]
        for r in (*e.source, *e.target):
            kind = "person" if persons and r.actor_id in persons else "state"
            actors[r.actor_id] = Actor(r.actor_id, r.name, kind, r.country)
        evs.append(Event(f"e{n + 1}", s.start, s.end, e.sentence, what=e.what, source=list(e.source),
                         target=list(e.target), date=DateValue(e.date, _precision(e.date)) if e.date else None,
                         status=e.status, sentence=len(filler) + n))
    return Document(content_id(text), name, f"/corpus/{name}", text, publisher=outlet,
                    published=DateValue(published, _precision(published)), sentences=sentences,
                    events=evs, actors=list(actors.values()))


def store_with(tmp_path: Path, docs: list[Document], name: str = "story.duckdb") -> Store:
    store = Store(tmp_path / name)
    for d in docs:
        store.write_document(d)
    return store
