"""The queries behind every page and its JSON twin: one function per view, returning plain data.

Why one function serves both: a page and ``/api/...`` must never disagree, so each route calls
the same function here and only the rendering differs (a template, or JSON/CSV). The functions
take a Store and the story events (the machine's or the reviewed ones, see review.py) and reuse
the library's own queries (``query_events``, ``find_quotes``, ``find_actor``, the story
timeline, comparison and network), so the CLI and the web app read the store the same way.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

import networkx as nx

from ..errors import StorylineError
from ..model import Document, StoryEvent
from ..query import actor_mentions, find_actor, find_quotes, query_events
from ..story import compare as cmp
from ..story import network as net
from ..story.merge import Knowledge
from ..story.timeline import Filters, as_json, select
from .review import NotFound, ReviewError, StoryReview, event_key, review_event_row

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def check_date(value: str | None, param: str) -> str | None:
    """A date parameter as YYYY[-MM[-DD]] (a ReviewError naming the parameter otherwise)."""
    if value in (None, ""):
        return None
    if not _DATE.match(value):  # type: ignore[arg-type]
        raise ReviewError(param, f"{param}={value!r} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD")
    try:
        dt.date(int(value[:4]), int(value[5:7] or 1), int(value[8:10] or 1))  # type: ignore[index]
    except ValueError as e:
        raise ReviewError(param, f"{param}={value!r} is not a date: {e}") from e
    return value


def page(items: Sequence[Any], limit: int, offset: int) -> dict[str, Any]:
    """A page of a list, with the total a client pages through."""
    return {"total": len(items), "limit": limit, "offset": offset, "items": list(items[offset:offset + limit])}


# ---------------------------------------------------------------- overview and documents


def overview(store: Any, stories: Sequence[StoryEvent]) -> dict[str, Any]:
    counts = {t: store.count(t) for t in ("documents", "events", "quotes", "actors", "corrections")}
    counts["story_events"] = len(stories)
    outlets = store.query("SELECT coalesce(publisher, '(unknown)') AS outlet, count(*) AS documents "
                          "FROM documents GROUP BY ALL ORDER BY documents DESC, outlet LIMIT 30")
    span = store.query("SELECT min(published_value) AS first, max(published_value) AS last FROM documents "
                       "WHERE published_value IS NOT NULL")[0]
    dated = sorted(s.date.value for s in stories if s.date and s.date.value[:4].isdigit())
    latest = store.query("""SELECT id, name, title, publisher, published_value AS published, ingested_at
                            FROM documents ORDER BY ingested_at DESC, name LIMIT 10""")
    for r in latest:
        r["ingested_at"] = str(r["ingested_at"])
    return {"counts": counts, "outlets": outlets, "published": span,
            "events_span": {"first": dated[0] if dated else None, "last": dated[-1] if dated else None},
            "latest": latest}


def documents(store: Any, q: str | None, limit: int, offset: int) -> dict[str, Any]:
    rows = store.documents()
    for r in rows:
        r["ingested_at"] = str(r["ingested_at"])
    if q:
        n = q.casefold()
        rows = [r for r in rows if any(n in (r.get(k) or "").casefold() for k in ("name", "title", "publisher"))]
    rows.reverse()  # the newest first
    return page(rows, limit, offset)


@dataclass
class Span:
    start: int
    end: int
    kind: str  # event, quote, actor, date
    href: str | None
    title: str


def _spans(doc: Document) -> list[Span]:
    out = [Span(m.start, m.end, "actor", f"/actors/{m.actor_id}" if m.actor_id else None,
                f"actor: {m.text}" + (f" ({m.actor_id})" if m.actor_id else "")) for m in doc.mentions]
    out += [Span(t.start, t.end, "date", None, f"date: {t.text} = {t.value or '?'}") for t in doc.timexes]
    out += [Span(q.start, q.end, "quote", f"#quote-{i}", f"quote ({q.kind})") for i, q in enumerate(doc.quotes)]
    out += [Span(e.start, e.end, "event", f"#event-{e.id}", f"event: {e.what or '?'} ({e.status})")
            for e in doc.events]
    return [s for s in out if 0 <= s.start < s.end <= len(doc.text)]


def marked_text(text: str, spans: Sequence[Span]) -> list[dict[str, Any]]:
    """The text cut where any extraction starts or ends; each piece lists the kinds that cover
    it and links to the innermost record (a name inside an event's words goes to the actor)."""
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    pieces = []
    for a, b in pairwise(cuts):
        cover = [s for s in spans if s.start <= a and s.end >= b]
        inner = min(cover, key=lambda s: (s.end - s.start, s.kind)) if cover else None
        pieces.append({"text": text[a:b], "kinds": sorted({s.kind for s in cover}),
                       "href": inner.href if inner else None, "title": "; ".join(s.title for s in cover)})
    return pieces


def document(store: Any, doc_id: str, fixes: dict[tuple[str, str], dict[str, Any]]) -> dict[str, Any]:
    """A document's text with every extraction marked, its metadata and where each field came from."""
    docs = store.read_documents([doc_id])
    if not docs:
        raise NotFound("document", doc_id)
    doc = docs[0]
    published = doc.published
    fields = [
        {"field": "title", "value": doc.title, "from": "the article's first line or its record" if doc.title else None},
        {"field": "publisher", "value": doc.publisher, "from": doc.publisher_evidence},
        {"field": "published", "value": published.value if published else None,
         "from": (published.method + (f": {published.evidence}" if published.evidence else "")) if published else None},
        {"field": "byline", "value": doc.byline, "from": "byline line" if doc.byline else None},
        {"field": "dateline", "value": " ".join(x for x in (doc.dateline, doc.dateline_date) if x) or None,
         "from": "dateline" if doc.dateline else None},
        {"field": "url", "value": doc.url, "from": "metadata" if doc.url else None},
        {"field": "origin", "value": doc.origin, "from": "where it was read"},
    ]
    events = [review_event_row(r, fixes.get(("event", event_key(r["doc_id"], r["id"]))))
              for r in store.query(_EVENTS_OF_DOC, [doc_id])]
    quotes = [{"id": f"{doc.id}-q{i}", "idx": i, **q.to_dict(),
               "review": fixes.get(("quote", f"{doc.id}-q{i}"), {})} for i, q in enumerate(doc.quotes)]
    return {"id": doc.id, "name": doc.name, "title": doc.title, "fields": fields, "metadata": doc.metadata,
            "text": doc.text, "marks": marked_text(doc.text, _spans(doc)),
            "events": events, "quotes": quotes,
            "actors": [{"id": a.id, "name": a.name, "kind": a.kind, "country": a.country} for a in doc.actors],
            "dates": [{"text": t.text, "value": t.value, "start": t.start, "end": t.end} for t in doc.timexes]}


_EVENTS_OF_DOC = """
    SELECT e.doc_id, e.id, e.date_value AS date, e.what, e.status, e.location, e.cameo, e.evidence, e.confidence,
           (SELECT string_agg(a.name, '; ' ORDER BY a.idx) FROM event_actors a
             WHERE a.doc_id = e.doc_id AND a.event_id = e.id AND a.side = 'source') AS who,
           (SELECT string_agg(a.name, '; ' ORDER BY a.idx) FROM event_actors a
             WHERE a.doc_id = e.doc_id AND a.event_id = e.id AND a.side = 'target') AS whom,
           (SELECT first(m.story_id) FROM story_event_members m WHERE m.doc_id = e.doc_id AND m.event_id = e.id)
             AS story_id
    FROM events e WHERE e.doc_id = ? ORDER BY e.idx"""


# ---------------------------------------------------------------- timeline and story events


@dataclass
class TimelineQuery:
    actor: str | None = None
    what: str | None = None
    status: str | None = None
    outlet: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    q: str | None = None

    def filters(self, with_dates: bool = True) -> Filters:
        return Filters(self.actor, self.what, self.status, self.date_from if with_dates else None,
                       self.date_to if with_dates else None, self.outlet)


def _year(s: StoryEvent) -> str:
    return s.date.value[:4] if s.date and s.date.value[:4].isdigit() else "undated"


def story_json(s: StoryEvent, notes: dict[str, StoryReview]) -> dict[str, Any]:
    out = as_json(s)
    for src, row in zip(s.sources, out["sources"], strict=True):
        row["event"] = event_key(src.doc_id, src.event_id)
    note = notes.get(s.id)
    out["review"] = note.to_dict() if note else None
    out["year"] = _year(s)
    return out


class StoryIndex:
    """What the timeline reads of each story event, computed once per state of the store (see
    data.Snapshot): its words case-folded for the text filter, its year, its JSON form (made when
    first asked for), and the classes and outlets the filters offer. Why: the timeline is the page
    analysts hit most, and rebuilding these per request cost most of its time."""

    def __init__(self, stories: Sequence[StoryEvent], notes: dict[str, StoryReview]):
        self.stories = list(stories)
        self.notes = notes
        self.text = {s.id: "\n".join([s.what or "", s.location or "", *(r.name for r in (*s.source, *s.target)),
                                      *(src.sentence_text or src.text for src in s.sources)]).casefold()
                     for s in self.stories}
        self.year = {s.id: _year(s) for s in self.stories}
        self.classes = sorted({s.what for s in self.stories if s.what})
        self.outlets = sorted({o for s in self.stories for o in s.outlets})
        self._json: dict[str, dict[str, Any]] = {}

    def json(self, s: StoryEvent) -> dict[str, Any]:
        found = self._json.get(s.id)
        if found is None:
            found = self._json[s.id] = story_json(s, self.notes)
        return found


def timeline(index: StoryIndex, tq: TimelineQuery, limit: int, offset: int) -> dict[str, Any]:
    """Story events passing the filters, paged; with the years (and counts) the filters leave."""
    undated_range = select(index.stories, tq.filters(with_dates=False))
    if tq.q:
        needle = tq.q.casefold()
        undated_range = [s for s in undated_range if needle in index.text[s.id]]
    chosen = select(undated_range, tq.filters()) if (tq.date_from or tq.date_to) else undated_range
    years = Counter(index.year[s.id] for s in undated_range)
    out = page([index.json(s) for s in chosen[offset:offset + limit]], limit, 0)
    out.update(total=len(chosen), offset=offset,
               years=[{"year": y, "count": n} for y, n in sorted(years.items())],
               classes=index.classes, outlets=index.outlets)
    return out


def find_story(stories: Sequence[StoryEvent], ident: str) -> StoryEvent:
    try:
        return cmp.find(stories, ident)
    except StorylineError as e:  # the library's "no such story event" (or an ambiguous prefix)
        raise NotFound("story event", ident, f": {e.message}") from e


def story_event(store: Any, stories: Sequence[StoryEvent], notes: dict[str, StoryReview], ident: str,
                fixes: dict[tuple[str, str], dict[str, Any]], lexicon: dict[str, Any]) -> dict[str, Any]:
    """One story event: every source sentence side by side by outlet, evidence marked, with the
    member events (machine and reviewed values) an analyst corrects."""
    s = find_story(stories, ident)
    know = Knowledge.from_lexicon(lexicon)
    tellings = cmp.compare(s, know.stopwords)
    out = story_json(s, notes)
    members = {src["event"]: src for src in out["sources"]}
    rows = {event_key(r["doc_id"], r["id"]): r for r in store.query(_EVENTS_OF_STORY, [
        [m.split("-", 1)[0] for m in members], [m.split("-", 1)[1] for m in members]])}
    for key, src in members.items():
        row = rows.get(key)
        src["machine"] = review_event_row(row, fixes.get(("event", key))) if row else None
        before, mark, after = _highlight(src["sentence"] or src["text"], src["text"])
        src["highlight"] = {"before": before, "mark": mark, "after": after}
    out["tellings"] = [{"outlet": t.outlet, "own_words": t.own_words,
                        "sources": [src for src in out["sources"] if (src["outlet"] or f"({src['document']})") == t.outlet]}
                       for t in tellings]
    return out


_EVENTS_OF_STORY = """
    SELECT e.doc_id, e.id, e.date_value AS date, e.what, e.status, e.location, e.cameo, e.evidence,
           (SELECT string_agg(a.name, '; ' ORDER BY a.idx) FROM event_actors a
             WHERE a.doc_id = e.doc_id AND a.event_id = e.id AND a.side = 'source') AS who,
           (SELECT string_agg(a.name, '; ' ORDER BY a.idx) FROM event_actors a
             WHERE a.doc_id = e.doc_id AND a.event_id = e.id AND a.side = 'target') AS whom
    FROM events e JOIN (SELECT unnest(?::VARCHAR[]) AS doc_id, unnest(?::VARCHAR[]) AS id) k
      ON k.doc_id = e.doc_id AND k.id = e.id"""


def _highlight(sentence: str, words: str) -> tuple[str, str, str]:
    at = sentence.find(words) if words else -1
    if at < 0:
        return sentence, "", ""
    return sentence[:at], words, sentence[at + len(words):]


# ---------------------------------------------------------------- events, quotes, actors


def events(store: Any, fixes: dict[tuple[str, str], dict[str, Any]], view: str, limit: int, offset: int,
           type: str | None = None, status: str | None = None, **filters: Any) -> dict[str, Any]:
    """``query_events`` in the view asked for; class and status are matched on that view's values."""
    rows = [review_event_row(r, fixes.get(("event", event_key(r["doc_id"], r["id"]))))
            for r in query_events(store, **filters)]
    for r in rows:
        r["event"] = event_key(r["doc_id"], r["id"])
        if view == "machine" and r["review"]:
            r.update({k: v["machine"] if not isinstance(v["machine"], list) else "; ".join(v["machine"])
                      for k, v in r["review"].items() if k != "wrong"} | {"wrong": False})
    if view == "reviewed":
        rows = [r for r in rows if not r["wrong"]]
    if type:
        rows = [r for r in rows if type.upper() in ((r["what"] or "").upper(), (r["plover_type"] or "").upper())]
    if status:
        rows = [r for r in rows if r["status"] == status]
    return page(rows, limit, offset)


def quotes(store: Any, fixes: dict[tuple[str, str], dict[str, Any]], speaker: str | None, q: str | None,
           date_from: str | None, date_to: str | None, limit: int, offset: int) -> dict[str, Any]:
    rows = store_quotes(store, fixes, speaker, date_from, date_to)
    if q:
        n = q.casefold()
        rows = [r for r in rows if n in r["text"].casefold()]
    return page(rows, limit, offset)


def store_quotes(store: Any, fixes: dict[tuple[str, str], dict[str, Any]], speaker: str | None = None,
                 date_from: str | None = None, date_to: str | None = None) -> list[dict[str, Any]]:
    """``find_quotes`` with each quote's id and its review."""
    idx = {(r["doc_id"], r["start"]): r["idx"] for r in store.query("SELECT doc_id, start, idx FROM quotes")}
    rows = find_quotes(store, speaker=speaker, date_from=date_from, date_to=date_to)
    for r in rows:
        r["id"] = f"{r['doc_id']}-q{idx.get((r['doc_id'], r['start']), 0)}"
        r["review"] = {k: {"machine": c["machine_value"], "value": c["new_value"], "author": c["author"],
                           "reason": c["reason"]} for k, c in fixes.get(("quote", r["id"]), {}).items()}
        if "speaker" in r["review"]:
            r["speaker"] = r["review"]["speaker"]["value"]
        r["wrong"] = bool(r["review"].get("wrong", {}).get("value"))
    return rows


def actor(store: Any, stories: Sequence[StoryEvent], ident: str, lexicon: dict[str, Any],
          fixes: dict[tuple[str, str], dict[str, Any]]) -> dict[str, Any]:
    """An actor by id or name: roles over time, mentions, events as source and target, quotes,
    strongest ties. A name several actors answer to gives the candidates instead."""
    found = find_actor(store, ident)
    if not found:
        raise NotFound("actor", ident, ": try part of the name, or a document's actors")
    if len(found) > 1:
        return {"candidates": [{"id": r["id"], "name": r["name"], "kind": r["kind"], "country": r["country"]}
                               for r in found]}
    a = store.actor(found[0]["id"])
    sides = store.query("SELECT doc_id, event_id, side FROM event_actors WHERE actor_id = ?", [a.id])
    side_of = {event_key(r["doc_id"], r["event_id"]): r["side"] for r in sides}
    rows = [review_event_row(r, fixes.get(("event", event_key(r["doc_id"], r["id"]))))
            for r in query_events(store) if event_key(r["doc_id"], r["id"]) in side_of]
    for r in rows:
        r["event"] = event_key(r["doc_id"], r["id"])
    mentions = actor_mentions(store, a.id)
    seen: set[tuple[str, str]] = set()
    sentences = [m for m in mentions if (m["document"], m["sentence"] or m["text"]) not in seen
                 and not seen.add((m["document"], m["sentence"] or m["text"]))]  # a sentence once
    return {"id": a.id, "name": a.name, "kind": a.kind, "country": a.country, "sector": a.sector,
            "aliases": a.aliases, "roles": [r.to_dict() for r in a.roles],
            "mentions": {"total": len(mentions), "items": sentences[:50]},
            "as_source": [r for r in rows if side_of[r["event"]] == "source"],
            "as_target": [r for r in rows if side_of[r["event"]] == "target"],
            "quotes": [r for r in store_quotes(store, fixes) if r["actor_id"] == a.id],
            "ties": _ties(stories, lexicon, a.id)}


def _ties(stories: Sequence[StoryEvent], lexicon: dict[str, Any], actor_id: str) -> list[dict[str, Any]]:
    g = net.build(stories, lexicon, "actor")
    out = []
    for x, y, t in net.ties(g):
        if actor_id in (x, y):
            other = y if x == actor_id else x
            out.append({"actor": other, "name": g.nodes[other].get("label", other), "weight": t["weight"],
                        "sign": t["sign"], "story_events": t["story_events"]})
    return out[:15]


# ---------------------------------------------------------------- the network


def network(stories: Sequence[StoryEvent], lexicon: dict[str, Any], level: str, date_from: str | None,
            date_to: str | None, limit: int) -> dict[str, Any]:
    """The actor network over the story events in the date range, with a layout computed here
    (``layout``) for the page to draw."""
    chosen = select(stories, Filters(start=date_from, end=date_to)) if date_from or date_to else list(stories)
    g = net.build(chosen, lexicon, level)
    strength = Counter[str]()
    for a, b, d in g.edges(data=True):
        strength[a] += d["weight"]
        strength[b] += d["weight"]
    keep = {k for k, _ in strength.most_common(limit)}
    h = g.subgraph(keep)
    pos = layout(h.to_undirected())
    nodes = [{"id": k, "label": d.get("label", k), "names": d.get("names", ""), "weight": strength[k],
              "x": round(pos[k][0], 4), "y": round(pos[k][1], 4)} for k, d in sorted(h.nodes(data=True))]
    label = {n["id"]: n["label"] for n in nodes}
    ties = [{"actors": [a, b], "labels": [label[a], label[b]], "weight": t["weight"], "sign": t["sign"],
             "story_events": t["story_events"]} for a, b, t in net.ties(h)]
    edges = [{"source": a, "target": b, "weight": d["weight"], "sign": d["sign"], "relations": d["relations"]}
             for a, b, d in net.strongest(h, h.number_of_edges())]
    return {"level": level, "nodes": nodes, "edges": edges, "ties": ties, "story_events": len(chosen),
            "actors_total": g.number_of_nodes()}


def layout(g: nx.Graph) -> dict[str, tuple[float, float]]:
    """Positions in the unit square: the largest group of connected actors fills the top three
    quarters, the smaller groups share a strip below, each laid out on its own, the same way
    every time (one layout over all would push the small groups to the edges and crush the large one)."""
    groups = sorted((sorted(c) for c in nx.connected_components(g)), key=lambda c: (-len(c), c))
    out: dict[str, tuple[float, float]] = {}
    if not groups:
        return out
    cells = [(0.0, 0.0, 1.0, 0.75 if len(groups) > 1 else 1.0)]
    rest = groups[1:]
    width = 1.0 / max(1, len(rest))
    cells += [(i * width, 0.8, width, 0.2) for i in range(len(rest))]
    for group, (x0, y0, w, h) in zip(groups, cells, strict=True):
        sub = g.subgraph(group)
        if len(sub) > 2:  # path lengths kept as distances: evener spacing than a spring layout
            pos = nx.kamada_kawai_layout(sub, pos=nx.circular_layout(sub), weight=None)
        else:
            pos = {k: (float(i), 0.0) for i, k in enumerate(group)}
        xs, ys = [float(p[0]) for p in pos.values()], [float(p[1]) for p in pos.values()]
        for k, (x, y) in pos.items():
            fx = (float(x) - min(xs)) / ((max(xs) - min(xs)) or 1) if len(xs) > 1 else 0.5
            fy = (float(y) - min(ys)) / ((max(ys) - min(ys)) or 1) if len(ys) > 1 else 0.5
            out[k] = (x0 + w * (0.2 + 0.6 * fx), y0 + h * (0.1 + 0.8 * fy))
    return out


def classes(lexicon: dict[str, Any], stories: Iterable[StoryEvent]) -> list[str]:
    """Every event class a correction may name: the story lexicon's and those the store holds."""
    return sorted(set(lexicon.get("quad_classes") or {}) | {s.what for s in stories if s.what})
