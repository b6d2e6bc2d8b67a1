"""Builders for constructed story-layer cases: documents and events made directly as records."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from storyline.actors.kb import KnowledgeBase
from storyline.model import Actor, ActorRef, DateValue, Document, Event, Mention, Sentence, content_id
from storyline.store import Store

STATES = {"ARM": "Armenia", "AZE": "Azerbaijan", "RUS": "Russia", "USA": "United States", "TUR": "Turkey",
          "NKR": "Nagorno-Karabakh", "IRQ": "Iraq", "PER": "Peru", "ECU": "Ecuador", "ZAM": "Zamora",
          "NOR": "Norway", "ISL": "Iceland", "DNK": "Denmark", "BRA": "Brazil"}

# A wire story and a background paragraph, constructed for the cross-document cases (copies, repeats).
WIRE = ("OSLO, March 4. Norwegian Foreign Minister Ingrid Dahl said on Tuesday that Swiss and Austrian "
        "mediators will travel to Oslo shortly to review how the accords on the fishing zone are being carried out. "
        "In her words, Norway wants to keep in step with its fellow mediators on the matter, and they "
        "will arrive within a week for a thorough exchange on what help they can offer.")
BACKGROUND = ("The dispute between the two Andean neighbours began in 1941 when Peru pressed its claim to the "
              "Amazon lands of Ecuador, and international guarantors are sponsoring peace talks.")


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
    location: str | None = None
    named: list[ActorRef] = field(default_factory=list)  # actors the sentence names, coded or not


def _precision(value: str) -> str:
    return {4: "year", 7: "month", 10: "day"}.get(len(value), "range")


def article(name: str, outlet: str | None, published: str, events: list[Ev], filler: list[str] = (),
            persons: dict[str, str] | None = None, mentions: bool = False) -> Document:
    """A document: filler paragraphs first, then one paragraph per event sentence; each event's
    evidence is its whole sentence. With ``mentions``, each actor an event names (its sides and
    ``named``) is a linked mention wherever its name stands in the sentence, as the actor
    linker leaves them."""
    paragraphs = list(filler) + [e.sentence for e in events]
    text = "\n\n".join(paragraphs)
    sentences, evs, pos = [], [], 0
    for i, para in enumerate(paragraphs):
        start = text.index(para, pos)
        sentences.append(Sentence(start, start + len(para), i))
        pos = start + len(para)
    actors: dict[str, Actor] = {}
    found: dict[int, Mention] = {}
    for n, e in enumerate(events):
        s = sentences[len(filler) + n]
        for r in (*e.source, *e.target, *e.named):
            if not r.actor_id:  # a name the linker could not link: no actor, no mention
                continue
            kind = "person" if persons and r.actor_id in persons else "state"
            actors[r.actor_id] = Actor(r.actor_id, r.name, kind, r.country)
            at = e.sentence.find(r.name)
            if mentions and at >= 0:
                found[s.start + at] = (Mention(s.start + at, s.start + at + len(r.name), r.name, actor_id=r.actor_id,
                                     country=r.country, sentence=len(filler) + n))
        evs.append(Event(f"e{n + 1}", s.start, s.end, e.sentence, what=e.what, source=list(e.source),
                         target=list(e.target), date=DateValue(e.date, _precision(e.date)) if e.date else None,
                         status=e.status, sentence=len(filler) + n, location=e.location))
    return Document(content_id(text), name, f"/corpus/{name}", text, publisher=outlet,
                    published=DateValue(published, _precision(published)), sentences=sentences,
                    events=evs, actors=list(actors.values()), mentions=[found[k] for k in sorted(found)])


def store_with(tmp_path: Path, docs: list[Document], name: str = "story.duckdb") -> Store:
    store = Store(tmp_path / name)
    for d in docs:
        store.write_document(d)
    return store


def gold_document(doc: Document, gold: dict, kb: KnowledgeBase) -> tuple[Document, list[str]]:
    """The document with its events replaced by the gold events of the evaluation format
    (``../shared/eval/FORMAT.md``): each found by its evidence in the cleaned text, its who and
    whom resolved through the knowledge base (states by name, others by search on the date).
    Returns the document and the evidence not found in its text."""
    def ref(name: str, when: str | None) -> ActorRef:
        st = kb.state(name)
        if st is not None:
            return ActorRef(name, st.id, st.country or st.id)
        found = kb.search(name, when)
        return ActorRef(name, found[0].id, found[0].country) if found else ActorRef(name)

    events, missing = [], []
    for n, g in enumerate(gold.get("events") or []):
        start = doc.text.find(g["evidence"])
        if start < 0:
            missing.append(g["evidence"])
            continue
        when = g.get("when")
        events.append(Event(f"g{n}", start, start + len(g["evidence"]), g["evidence"], what=g["what"],
                            source=[ref(x, when) for x in g.get("who") or []],
                            target=[ref(x, when) for x in g.get("whom") or []],
                            date=DateValue(when, _precision(when)) if when else None, status=g["status"],
                            sentence=doc.sentence_at(start)))
    doc.events = events
    return doc, missing
