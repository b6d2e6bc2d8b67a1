"""Online clustering of events into story events: each event taken once, in publication order.

Why online: a batch over a date bucket (a year) holds the whole year in memory and recomputes it
for every day of news added. Here events are taken in ``EventItem.order`` (published, document,
start, event id), one document after another, and a new event is scored only against events
taken before it (earlier documents, and earlier events of its own document). So a day of news
added to a year touches only the story events its events can join, and a rebuild is the same
updates replayed in order: update and rebuild agree by construction.

Taking one document:

1. its events' n-grams are counted into the word weights of their date buckets (``state``,
   2): the IDF a pair is weighed with is that of the events taken so far in the new event's
   buckets, its own document included;
2. each of its events in turn finds its candidates among the earlier events of its kind (what
   happened, or what was intended) that share a bucket with it, by the keys of
   ``story.candidates`` (blocking keys with the busy-key bound, clause bands whose common
   n-grams are cut by the frequencies so far), or, ``exhaustive``, every earlier event of its
   buckets whose span meets its own (the reference for tests);
3. it is scored against each candidate (``merge.score_pair``); the pairs that may merge on their
   own evidence are taken from the best score down: the event joins the first one's story
   event unless a pair across is gated (``merge.gated`` against each member), and each further
   pair may join a further story event to its own, again only if no pair across the two groups
   is gated (so a chain of look-alikes cannot weld distinct happenings together);
4. a happening is linked to the earlier plans it can carry out, a plan to the happenings already
   taken that can carry it out (``candidates.link_keys``, ``merge.linkable``);
5. it is filed under its keys (``state``, 3), for the events after it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

import numpy as np

from ..model import StoryEvent
from ..options import StorySettings
from .candidates import BLOCK_NEAREST, Row, block_keys, clause_bands, link_keys, meet, nearest
from .merge import (
    INTENDED,
    EventItem,
    Knowledge,
    _kinds,
    _ref_keys,
    buckets,
    chronological,
    gated,
    linkable,
    score_pair,
    story_events_of,
    with_spans,
)
from .state import ClusterState, Key
from .text import Clause, cosine


def prepare(items: Sequence[EventItem], know: Knowledge, state: ClusterState) -> None:
    """What taking an event needs of it, worked out once: its buckets, clause n-grams (and their
    numbers in the state) and place in the order of taking. Spans and ``onset`` are set before."""
    for it in items:
        it.bucket_keys = buckets(it)
        if it.clause is None:
            it.clause = Clause.of(it.words, know.stopwords)
        it.dense = state.dense(it.clause.hashes)


def build_state(items: Iterable[EventItem], know: Knowledge, settings: StorySettings, exhaustive: bool = False,
                pairs: list[tuple[str, str]] | None = None) -> ClusterState:
    """Every event of these items (negated ones left out) taken into a new state held in
    memory, document after document in publication order (a document given twice taken once:
    events are known by their keys). ``pairs``: where to record the pairs scored (for tests)."""
    once = {it.key: it for it in items if not it.event.negated}
    ordered = sorted(once.values(), key=lambda it: it.order)
    with_spans(ordered, settings)
    for it in ordered:
        it.onset = know.tells_onset(it)
    state = ClusterState()
    clusterer = OnlineClusterer(state, know, settings, exhaustive)
    clusterer.pairs = pairs
    docs = list(by_document(ordered))
    prepare(ordered, know, state)
    clusterer.plan(docs)
    clusterer.select(docs)
    for doc in docs:
        clusterer.take(doc)
    return state


def by_document(items: Sequence[EventItem]) -> Iterator[Sequence[EventItem]]:
    """Runs of items of one document, in the given order."""
    at = 0
    while at < len(items):
        end = at + 1
        while end < len(items) and items[end].doc_id == items[at].doc_id:
            end += 1
        yield items[at:end]
        at = end


def kind_of(item: EventItem) -> str:
    return "intended" if item.event.status in INTENDED else "actual"


@dataclass
class Ahead:
    """What the passes ahead worked out for one event: its clause bands, keys and candidates."""

    kind: str
    buckets: list[str]
    bands: list[int]
    blocks: list[Key]
    links: list[Key]  # filed under in the plan index (a plan) or the happening index (a happening)
    candidates: list[str] = field(default_factory=list)
    link_candidates: list[str] = field(default_factory=list)


class OnlineClusterer:
    """Takes documents' events into a ``ClusterState`` (steps 1-5 of the module's docstring).

    In three passes over a batch of documents, so that a store-backed state can load what the
    batch needs with a few queries between them (``story.stored``): ``plan`` (clause bands and
    keys, under the counts as each event is taken), ``select`` (candidates, from the rows of the
    candidate indexes), ``take`` (scoring, merging and linking, from the events in full). Choosing
    candidates reads only keys, dates and the order, never what clustering decided, so the
    passes give what taking each event in turn gives."""

    def __init__(self, state: ClusterState, know: Knowledge, settings: StorySettings, exhaustive: bool = False):
        self.state, self.know, self.settings, self.exhaustive = state, know, settings, exhaustive
        self.scored = 0  # pairs scored, for the update's report
        self.pairs: list[tuple[str, str]] | None = None  # (earlier, new) of every pair scored, where asked
        self.ahead: dict[str, Ahead] = {}
        self._weights: dict[tuple[str, tuple[str, ...]], np.ndarray] = {}

    # ------------------------------------------------------------ passes ahead: 1, 2, 5

    def plan(self, docs: Sequence[Sequence[EventItem]]) -> None:
        """Number the events of these documents (prepared, in order) and work out their bands
        and keys, counting the documents as they come into counts of their own."""
        counts: tuple[dict[str, int], dict[str, np.ndarray]] = ({}, {})
        for doc in docs:
            for it in doc:
                it.seq = it.order_key
                self.state.count(it, counts)
            for it in doc:
                kind = kind_of(it)
                n, df = self.state.frequencies(it.bucket_keys, it.dense, counts)
                bands = [] if self.exhaustive else clause_bands(it.clause, n, df)
                self.ahead[it.key] = Ahead(kind, it.bucket_keys, bands, self._block_keys(it, kind), self._link_keys(it, kind))

    def wanted(self) -> tuple[set[Key], set[Key], set[Key], set[Key]]:
        """The keys whose index rows the planned events read: blocks, bands, plan and happening keys."""
        blocks, bands, plans, done = set(), set(), set(), set()
        for a in self.ahead.values():
            blocks.update(a.blocks)
            for kind in ("actual", "intended"):
                bands.update((kind, b, band) for b in a.buckets for band in a.bands)
            (plans if a.kind == "actual" else done).update(a.links)
        return blocks, bands, plans, done

    def select(self, docs: Sequence[Sequence[EventItem]]) -> None:
        """Each planned event's candidates among the events before it, from the index rows;
        then the event is filed under its keys for those after it."""
        state = self.state
        for doc in docs:
            for it in doc:
                a, kind, row = self.ahead[it.key], kind_of(it), Row.of(it)
                band_keys = [(kind, b, band) for b in it.bucket_keys for band in a.bands]
                a.candidates = self._candidates(row, a.blocks, band_keys)
                a.link_candidates = self._link_candidates(it, kind, a)
                state.file("blocks", a.blocks, row)
                state.file("bands", band_keys, row)
                state.file("done_keys" if kind == "actual" else "plan_keys", a.links, row)

    def _block_keys(self, item: EventItem, kind: str) -> list[Key]:
        if self.exhaustive:
            return [(kind, b, "*") for b in item.bucket_keys]
        keys = block_keys(item, _ref_keys, self.know.same_news_days)
        return [(kind, b, *k) for b in item.bucket_keys for k in sorted(keys)]

    def _link_keys(self, item: EventItem, kind: str) -> list[Key]:
        keys = link_keys(item, _kinds(item.event, self.know), _ref_keys, kind == "actual", self.exhaustive)
        return [(b, *k) for b in item.bucket_keys for k in sorted(keys)]

    def _candidates(self, row: Row, blocks: list[Key], band_keys: list[Key]) -> list[str]:
        slack = self.settings.date_slack_days
        found: dict[str, str] = {}
        for key in blocks:
            earlier = self.state.blocks.get(key)
            if not earlier:
                continue
            if key[2] == "date":
                # one stated date (every member's span the same): pairs with an actorless side only
                found.update((e.key, e.seq) for e in earlier if not (row.actors and e.actors))
            else:
                limit = None if self.exhaustive else BLOCK_NEAREST
                found.update((e.key, e.seq) for e in nearest(row, earlier, slack, limit))
        for key in band_keys:
            found.update((e.key, e.seq) for e in self.state.bands.get(key, ()) if meet(row, e, slack))
        return sorted(found, key=found.__getitem__)

    def _link_candidates(self, item: EventItem, kind: str, a: Ahead) -> list[str]:
        """The earlier plans (for a happening) or happenings (for a plan) it may be linked to."""
        index = self.state.plan_keys if kind == "actual" else self.state.done_keys
        other = "intended" if kind == "actual" else "actual"
        found: dict[str, str] = {}
        for key in a.links:
            found.update((e.key, e.seq) for e in index.get(key, ()))
        for b in item.bucket_keys:
            for band in a.bands:
                found.update((e.key, e.seq) for e in self.state.bands.get((other, b, band), ()))
        return sorted(found, key=found.__getitem__)

    # ------------------------------------------------------------ taking in: 1, 3, 4

    def take(self, doc: Sequence[EventItem]) -> None:
        """Take one planned and selected document's events (in order) into the state."""
        self._weights.clear()
        for it in doc:
            self.state.count(it)
        for it in doc:
            a = self.ahead.pop(it.key)
            self.state.add(it)
            self._merge(it, [self.state.items[k] for k in a.candidates])
            self._link(it, kind_of(it), a.link_candidates)

    def cosine(self, a: EventItem, b: EventItem, buckets_: Sequence[str]) -> float:
        return cosine(self._weighted(a, buckets_), a.clause.hashes, self._weighted(b, buckets_), b.clause.hashes)

    def _weighted(self, item: EventItem, buckets_: Sequence[str]) -> np.ndarray:
        key = (item.key, tuple(buckets_))
        got = self._weights.get(key)
        if got is None:
            got = self._weights[key] = self.state.weights(item, buckets_)
        return got

    def _merge(self, item: EventItem, candidates: Iterable[EventItem]) -> None:
        state, know, settings = self.state, self.know, self.settings
        where = item.bucket_keys
        ranked = []
        apart: set[str] = set()
        for c in candidates:
            self.scored += 1
            if self.pairs is not None:
                self.pairs.append((c.key, item.key))
            ps = score_pair(item, c, self.cosine(item, c, where), know, settings)
            if ps is None:  # a gated pair keeps the two groups apart for good
                apart.add(state.group[c.key])
            elif ps.direct and ps.score >= settings.merge_threshold:
                ranked.append((-ps.score, c.seq, c.key))
        for _, _, other in sorted(ranked):
            mine, theirs = state.group[item.key], state.group[other]
            if mine == theirs or theirs in apart:
                continue
            if any(gated(x, y, lambda x=x, y=y: self.cosine(x, y, where), know, settings)
                   for x in state.group_items(mine) for y in state.group_items(theirs)):
                apart.add(theirs)
                continue
            state.join(mine, theirs, (item.key, other))

    def _link(self, item: EventItem, kind: str, candidates: list[str]) -> None:
        state = self.state
        linked = state.linked_groups()
        for k in candidates:
            plan, done = (state.items[k], item) if kind == "actual" else (item, state.items[k])
            pair = (state.group[plan.key], state.group[done.key])
            if pair in linked:
                continue
            if linkable(plan, done, state.group_items(pair[0]),
                        lambda p=plan, d=done: self.cosine(p, d, item.bucket_keys), self.know, self.settings):
                state.link(plan.key, done.key)
                linked.add(pair)


def build_story_events(items: Sequence[EventItem], know: Knowledge, settings: StorySettings,
                       exhaustive: bool = False) -> list[StoryEvent]:
    """Story events from event items, by online clustering over a state held in memory
    (``story.online``): merged within what happened and within what was intended, plans linked
    to their outcomes. Negated events ("did not sign") are left out: they report that something
    did not happen. ``exhaustive``: every earlier event of a bucket whose dates meet is a
    candidate (the reference the candidates are tested against)."""
    state = build_state(items, know, settings, exhaustive)
    return sorted(story_events_of(state, state.members), key=chronological)
