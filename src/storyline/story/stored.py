"""Online clustering with its state in the store: an update reads only what its new events can meet.

The tables (schema ``story/0003``) hold the state of ``story.state``: every event taken
(``story_items``: what scoring and story events read of it, its n-grams, its group), the word
weights' counts per bucket (``story_bucket_counts``, ``story_gram_counts``), the candidate
indexes (``story_index``), the joins and the links between tellings. A batch of events, in order:

1. loads the counts of its buckets for its n-grams, and plans its events (``OnlineClusterer.plan``);
2. loads the index rows of the keys they look under, and selects their candidates;
3. loads the candidates in full, every member of their story events, and their links;
4. takes its events in (``OnlineClusterer.take``) and writes back what changed: the new events
   and their index rows, the counts, the joins and links, the group of every member of a story
   event that grew, and the records of the story events changed and of those linked to them.

Memory holds one batch, the candidates and the story events it touches, never the year.

Late arrivals (``replay``): an event ordered before events already taken in a bucket it falls
in (published earlier, or a document with no date before dated ones), or an older event that
changed in a way scoring reads (its document became a near-copy of another), cannot be appended
exactly. The events of the buckets concerned from its place on (closed over events in several
buckets) are dropped from the state, their story events split back as the joins before that
place made them, and taken again in order after it: exactly what a rebuild gives. The report
counts the events taken again. Background marks do not change scoring, so an older event whose
sentence became background only has its story event written again (``refresh``).
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

from ..model import ActorRef, Event, StoryEvent
from ..options import StorySettings
from ..store import Store
from .candidates import Row
from .merge import EventItem, Knowledge, story_event, with_spans
from .online import OnlineClusterer, by_document, prepare
from .state import ClusterState, Key
from .text import Clause

_EVENT_FIELDS = ("id", "start", "end", "evidence", "plover_type", "what", "source", "target", "date", "location",
                 "status", "negated", "sentence")


def _in(values: Iterable[Any]) -> list[Any]:
    return [list(values)]


def _key_text(index: str, key: Key) -> str:
    return json.dumps([index, *key])


def story_id(root: str) -> str:
    """The id of the story event whose first member is ``root`` (``merge.story_event``)."""
    return "se-" + hashlib.sha256(root.encode("utf-8")).hexdigest()[:12]


# ---------------------------------------------------------------- records


def item_record(it: EventItem) -> str:
    """What scoring and story events read of an event, as JSON (its document is not read again)."""
    ev = it.event.to_dict()
    return json.dumps({
        "doc_id": it.doc_id, "event": {k: ev[k] for k in _EVENT_FIELDS}, "doc_name": it.doc_name,
        "outlet": it.outlet, "published": it.published, "sentence_text": it.sentence_text,
        "background": it.background, "duplicate_of": it.duplicate_of, "persons": sorted(it.persons),
        "sentence_start": it.sentence_start, "clause_actors": [r.to_dict() for r in it.clause_actors],
        "onset": it.onset}, ensure_ascii=False, sort_keys=True)


def item_from(row: dict[str, Any], settings: StorySettings) -> EventItem:
    r = json.loads(row["record"]) if isinstance(row["record"], str) else row["record"]
    it = EventItem(r["doc_id"], Event.from_dict(r["event"]), r["doc_name"], r["outlet"], r["published"],
                   r["sentence_text"], r["background"], r["duplicate_of"], {p: "person" for p in r["persons"]},
                   sentence_start=r["sentence_start"], clause_actors=[ActorRef.from_dict(a) for a in r["clause_actors"]],
                   onset=r["onset"])
    it.clause = Clause(np.asarray(row["grams"] or [], dtype=np.int64), np.asarray(row["weights"] or [], dtype=np.float64),
                       np.asarray(row["sizes"] or [], dtype=np.int8))
    with_spans([it], settings)
    it.seq = row["seq"]
    return it


# ---------------------------------------------------------------- one batch


class StoredClustering:
    """Takes events into the state the store keeps (steps 1-4 of the module's docstring)."""

    def __init__(self, store: Store, know: Knowledge, settings: StorySettings):
        self.store, self.know, self.settings = store, know, settings
        self.taken = self.scored = self.written = self.replaced = self.replayed = 0

    def take(self, items: Sequence[EventItem], docs_at_once: int) -> None:
        """Take these events (spans and ``onset`` set; ordered after every event taken in their
        buckets) in order, ``docs_at_once`` documents a batch."""
        docs = list(by_document(sorted(items, key=lambda it: it.order)))
        for at in range(0, len(docs), max(1, docs_at_once)):
            self._batch(docs[at:at + max(1, docs_at_once)])

    def _batch(self, docs: list[Sequence[EventItem]]) -> None:
        state = ClusterState()
        items = [it for d in docs for it in d]
        prepare(items, self.know, state)
        buckets = sorted({b for it in items for b in it.bucket_keys})
        counted = self._load_counts(state, buckets, 0)
        clusterer = OnlineClusterer(state, self.know, self.settings)
        clusterer.plan(docs)
        self._load_index(state, clusterer.wanted())
        clusterer.select(docs)
        mine = {it.key for it in items}
        need = {k for a in clusterer.ahead.values() for k in (*a.candidates, *a.link_candidates)} - mine
        loaded = self._load_groups(state, need)
        self._load_counts(state, buckets, counted)
        for d in docs:
            clusterer.take(d)
        self.taken += len(items)
        self.scored += clusterer.scored
        self._save(state, loaded, buckets)

    # ------------------------------------------------------------ loading

    def _load_counts(self, state: ClusterState, buckets: list[str], start: int) -> int:
        """The counts of these buckets for the n-grams numbered from ``start`` on; returns where
        the numbering ends."""
        hashes = list(state.vocab)[start:]
        if start == 0:
            for r in self.store.query("SELECT bucket, n FROM story_bucket_counts WHERE bucket IN (SELECT unnest(?))",
                                      _in(buckets)):
                state.n[r["bucket"]] = r["n"]
        if hashes:
            rows = self.store.query("""SELECT bucket, gram, df FROM story_gram_counts
                                       WHERE bucket IN (SELECT unnest(?)) AND gram IN (SELECT unnest(?::BIGINT[]))""",
                                    _in(buckets) + _in(hashes))
            for r in rows:
                state.df_table(r["bucket"])[state.vocab[r["gram"]]] = r["df"]
        return len(state.vocab)

    def _load_index(self, state: ClusterState, wanted: tuple[set[Key], ...]) -> None:
        keys: dict[str, tuple[str, Key]] = {}
        for index, ks in zip(("blocks", "bands", "plan_keys", "done_keys"), wanted, strict=True):
            keys.update((_key_text(index, k), (index, k)) for k in ks)
        if not keys:
            return
        rows = self.store.query("""SELECT key, item, lo, hi, seq, actors FROM story_index
                                   WHERE key IN (SELECT unnest(?)) ORDER BY seq""", _in(keys))
        for r in rows:
            index, k = keys[r["key"]]
            getattr(state, index).setdefault(k, []).append(Row(r["item"], r["lo"], r["hi"], r["seq"], r["actors"]))

    def _load_groups(self, state: ClusterState, need: set[str]) -> dict[str, str]:
        """These events in full with every member of their story events, and the links of them
        all; returns each loaded event's group as loaded."""
        if not need:
            return {}
        rows = self.store.query("""SELECT item, seq, group_id, record, grams, weights, sizes FROM story_items
                                   WHERE group_id IN (SELECT group_id FROM story_items WHERE item IN (SELECT unnest(?)))
                                   ORDER BY seq""", _in(need))
        loaded = {}
        for r in rows:
            it = item_from(r, self.settings)
            it.dense = state.dense(it.clause.hashes)
            state.items[it.key] = it
            state.group[it.key] = loaded[it.key] = r["group_id"]
            state.members.setdefault(r["group_id"], []).append(it.key)
        for r in self.store.query("""SELECT l.plan, l.done, p.group_id AS pg, d.group_id AS dg FROM story_item_links l
                                     JOIN story_items p ON p.item = l.plan JOIN story_items d ON d.item = l.done
                                     WHERE l.plan IN (SELECT unnest(?)) OR l.done IN (SELECT unnest(?))""",
                                  _in(loaded) + _in(loaded)):
            state.links.add((r["plan"], r["done"]))
            state.group.setdefault(r["plan"], r["pg"])
            state.group.setdefault(r["done"], r["dg"])
        return loaded

    # ------------------------------------------------------------ writing back

    def _save(self, state: ClusterState, loaded: dict[str, str], buckets: list[str]) -> None:
        store, items = self.store, state.items
        store.insert("story_items", [{
            "item": k, "doc_id": items[k].doc_id, "seq": items[k].seq, "buckets": items[k].bucket_keys,
            "group_id": state.group[k], "record": item_record(items[k]), "grams": items[k].clause.hashes.tolist(),
            "weights": items[k].clause.weights.tolist(), "sizes": items[k].clause.sizes.tolist()}
            for k in state.taken])
        moved = {k: state.group[k] for k, g in loaded.items() if state.group[k] != g}
        if moved:
            store.execute("""UPDATE story_items SET group_id = m.g FROM
                             (SELECT unnest(?::VARCHAR[]) AS item, unnest(?::VARCHAR[]) AS g) m
                             WHERE story_items.item = m.item""", [list(moved), list(moved.values())])
        self._save_counts(state, buckets)
        store.insert("story_index", [{"key": _key_text(index, k), "item": r.key, "lo": r.lo, "hi": r.hi, "seq": r.seq,
                                      "actors": r.actors} for index, k, r in state.filed])
        store.insert("story_joins", [{"item": a, "other": b} for a, b in state.joins])
        store.insert("story_item_links", [{"plan": p, "done": d} for p, d in state.new_links])
        self.write_groups({r: state.group_items(r) for r in state.changed if r in state.members},
                          state.retired | set(state.changed))

    def _save_counts(self, state: ClusterState, buckets: list[str]) -> None:
        n: Counter[str] = Counter()
        last: dict[str, str] = {}
        df: Counter[tuple[str, int]] = Counter()
        for k in state.taken:
            it = state.items[k]
            for b in it.bucket_keys:
                n[b] += 1
                last[b] = max(last.get(b, ""), it.seq)
                df.update((b, h) for h in it.clause.hashes.tolist())
        if n:
            self.store.execute("""INSERT INTO story_bucket_counts SELECT unnest(?::VARCHAR[]), unnest(?::BIGINT[]),
                                  unnest(?::VARCHAR[]) ON CONFLICT (bucket) DO UPDATE
                                  SET n = story_bucket_counts.n + excluded.n,
                                      last_order = greatest(story_bucket_counts.last_order, excluded.last_order)""",
                               [list(n), list(n.values()), [last[b] for b in n]])
        self.add_gram_counts(df)

    def add_gram_counts(self, df: Counter[tuple[str, int]]) -> None:
        if df:
            self.store.execute("""INSERT INTO story_gram_counts SELECT unnest(?::VARCHAR[]), unnest(?::BIGINT[]),
                                  unnest(?::BIGINT[]) ON CONFLICT (bucket, gram) DO UPDATE
                                  SET df = story_gram_counts.df + excluded.df""",
                               [[b for b, _ in df], [h for _, h in df], list(df.values())])

    def write_groups(self, groups: dict[str, list[EventItem]], gone: set[str]) -> None:
        """Write the story events of these groups (by root) in place of those of ``gone`` roots,
        each with its links, and write again the links of the story events linked to them."""
        store = self.store
        old = [story_id(r) for r in gone | set(groups)]
        if old:
            self.replaced += store.query("SELECT count(*) AS n FROM story_events WHERE id IN (SELECT unnest(?))",
                                         _in(old))[0]["n"]
            store.execute("DELETE FROM story_events WHERE id IN (SELECT unnest(?))", _in(old))
            store.execute("DELETE FROM story_event_members WHERE story_id IN (SELECT unnest(?))", _in(old))
        stories = {r: story_event(g) for r, g in groups.items()}
        partners = self._links_of(set(groups), stories, old)
        write_story_events(store, list(stories.values()))
        self.written += len(stories)
        if partners:
            self._relink(partners)

    def _links_of(self, roots: set[str], stories: dict[str, StoryEvent], old: list[str]) -> set[str]:
        """Set the links of these new story events; returns the other story events linked to them."""
        if not roots:
            return set()
        rows = self._group_links(roots)
        if old:  # a story event's links are rows of its own as the planned side (written with it)
            self.store.execute("DELETE FROM story_links WHERE planned_id IN (SELECT unnest(?))", _in(old))
        for r in rows:
            if r["pg"] in stories:
                stories[r["pg"]].happened_as.append(story_id(r["dg"]))
            if r["dg"] in stories:
                stories[r["dg"]].planned_as.append(story_id(r["pg"]))
        return {g for r in rows for g in (r["pg"], r["dg"])} - roots

    def _group_links(self, roots: set[str]) -> list[dict[str, Any]]:
        """(plan group, happening group) of every link touching these groups, in the order of
        their first members."""
        return self.store.query("""SELECT DISTINCT p.group_id AS pg, d.group_id AS dg, pr.seq AS ps, dr.seq AS ds
                                   FROM story_item_links l
                                   JOIN story_items p ON p.item = l.plan JOIN story_items d ON d.item = l.done
                                   JOIN story_items pr ON pr.item = p.group_id JOIN story_items dr ON dr.item = d.group_id
                                   WHERE p.group_id IN (SELECT unnest(?)) OR d.group_id IN (SELECT unnest(?))
                                   ORDER BY ps, ds""", _in(roots) + _in(roots))

    def _relink(self, roots: set[str]) -> None:
        """Write again the links of the story events of these groups (their members unchanged)."""
        ids = {story_id(r): r for r in roots}
        rows = self.store.query("SELECT id, record FROM story_events WHERE id IN (SELECT unnest(?))", _in(ids))
        records = {r["id"]: json.loads(r["record"]) if isinstance(r["record"], str) else r["record"] for r in rows}
        stories = {ids[i]: StoryEvent.from_dict(rec) for i, rec in records.items()}
        for s in stories.values():
            s.happened_as, s.planned_as = [], []
        self._links_of(set(stories), stories, list(records))
        self.store.execute("DELETE FROM story_events WHERE id IN (SELECT unnest(?))", _in(records))
        self.store.execute("DELETE FROM story_event_members WHERE story_id IN (SELECT unnest(?))", _in(records))
        write_story_events(self.store, list(stories.values()))


def write_story_events(store: Store, stories: Sequence[StoryEvent]) -> None:
    store.insert("story_events", [{
        "id": s.id, "what": s.what, "date_value": s.date.value if s.date else None,
        "date_precision": s.date.precision if s.date else None, "status": s.status, "background": s.background,
        "source_count": s.source_count, "outlets": s.outlets, "first_reported": s.first_reported,
        "record": json.dumps(s.to_dict(), ensure_ascii=False, sort_keys=True)} for s in stories])
    store.insert("story_event_members", [{"story_id": s.id, "doc_id": src.doc_id, "event_id": src.event_id}
                                         for s in stories for src in s.sources])
    store.insert("story_links", [{"planned_id": s.id, "happened_id": h} for s in stories for h in s.happened_as])
