"""What online clustering knows of the events taken so far: the state ``story.online`` reads and grows.

The tables, each what one step of taking an event in needs (``story.online``, numbered there):

1. ``items``: the events taken, by key, each with its place in the order of taking (``seq``);
2. the word weights' counts: per date bucket, how many events were taken (``n``) and how many
   of them hold each n-gram (``df``, over a numbering of the n-grams met, ``vocab``);
3. the candidate indexes: events by blocking key (``blocks``), by clause band (``bands``), and
   for plans and happenings by link key (``plan_keys``, ``done_keys``), each key within a date
   bucket, events in the order taken;
4. the groups (story events): each event's group, named by its first member, and the members;
5. the links between a plan's tellings and a happening's (``links``), from which the story
   links follow.

In memory it is the whole state of a build (``online.build_story_events``); the store keeps the
same tables (``story.stored``), and an update loads into it only the rows its new events can
meet, so the two give the same result by construction. ``changed`` and ``retired`` say which
groups an update has to write again and which story events it has to delete.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from .candidates import Row
from .text import idf

if TYPE_CHECKING:
    from .merge import EventItem

Key = tuple  # (kind, bucket, *key) of a block or band, (bucket, *key) of a link index


@dataclass
class ClusterState:
    """The tables of the module's docstring, in memory."""

    items: dict[str, EventItem] = field(default_factory=dict)
    n: dict[str, int] = field(default_factory=dict)
    df: dict[str, np.ndarray] = field(default_factory=dict)
    vocab: dict[int, int] = field(default_factory=dict)
    blocks: dict[Key, list[Row]] = field(default_factory=dict)
    bands: dict[Key, list[Row]] = field(default_factory=dict)
    plan_keys: dict[Key, list[Row]] = field(default_factory=dict)
    done_keys: dict[Key, list[Row]] = field(default_factory=dict)
    group: dict[str, str] = field(default_factory=dict)
    members: dict[str, list[str]] = field(default_factory=dict)
    links: set[tuple[str, str]] = field(default_factory=set)
    joins: list[tuple[str, str]] = field(default_factory=list)  # (new event, earlier event) of each join
    changed: set[str] = field(default_factory=set)
    retired: set[str] = field(default_factory=set)
    taken: list[str] = field(default_factory=list)  # events taken into this state (not loaded)
    new_links: list[tuple[str, str]] = field(default_factory=list)
    filed: list[tuple[str, Key, Row]] = field(default_factory=list)  # index rows of the events taken

    # ------------------------------------------------------------ 2. counts for the word weights

    def dense(self, hashes: np.ndarray) -> np.ndarray:
        """The numbers of these n-gram hashes in ``vocab``, new ones numbered as met."""
        vocab = self.vocab
        for h in hashes.tolist():
            if h not in vocab:
                vocab[h] = len(vocab)
        return np.fromiter((vocab[h] for h in hashes.tolist()), dtype=np.int64, count=len(hashes))

    def df_table(self, bucket: str, tables: dict[str, np.ndarray] | None = None) -> np.ndarray:
        tables = self.df if tables is None else tables
        got = tables.get(bucket)
        if got is None or len(got) < len(self.vocab):
            grown = np.zeros(max(1024, 2 * len(self.vocab)), dtype=np.int64)
            if got is not None:
                grown[:len(got)] = got
            got = tables[bucket] = grown
        return got

    def count(self, item: EventItem, counts: tuple[dict[str, int], dict[str, np.ndarray]] | None = None) -> None:
        """Count an event's n-grams in its buckets (before any event of its document is scored),
        into the state's counts or into ``counts`` (``n`` and ``df`` tables of a pass ahead)."""
        n, df = counts if counts is not None else (self.n, self.df)
        for b in item.bucket_keys:
            n[b] = n.get(b, 0) + 1
            self.df_table(b, df)[item.dense] += 1

    def frequencies(self, buckets: Sequence[str], dense: np.ndarray,
                    ahead: tuple[dict[str, int], dict[str, np.ndarray]] | None = None) -> tuple[int, np.ndarray]:
        """How many events were taken in these buckets, and how many hold each of these n-grams
        (with the counts of a pass ahead added, where given)."""
        n = sum(self.n.get(b, 0) for b in buckets)
        df = np.zeros(len(dense), dtype=np.int64)
        for b in buckets:
            df += self.df_table(b)[dense]
        if ahead is not None:
            n += sum(ahead[0].get(b, 0) for b in buckets)
            for b in buckets:
                df += self.df_table(b, ahead[1])[dense]
        return n, df

    def weights(self, item: EventItem, buckets: Sequence[str]) -> np.ndarray:
        """The item's TF-IDF weights under the counts of these buckets."""
        n, df = self.frequencies(buckets, item.dense)
        return item.clause.weights * idf(n, df)

    # ------------------------------------------------------------ 1, 3. taking an item in

    def file(self, index: str, keys: Iterable[Key], row: Row) -> None:
        """File an event's row under its keys in one of the candidate indexes (by name)."""
        table = getattr(self, index)
        for k in keys:
            table.setdefault(k, []).append(row)
            self.filed.append((index, k, row))

    def add(self, item: EventItem) -> None:
        """Take an event in as a group of its own (it was filed under its keys before)."""
        key = item.key
        self.items[key] = item
        self.group[key] = key
        self.members[key] = [key]
        self.changed.add(key)
        self.taken.append(key)

    # ------------------------------------------------------------ 4. groups

    def group_items(self, root: str) -> list[EventItem]:
        return [self.items[k] for k in self.members[root]]

    def join(self, a: str, b: str, edge: tuple[str, str]) -> str:
        """Join the groups named ``a`` and ``b``: the joined group is named by the earlier first
        member. ``edge``: the pair that joined them (kept, so groups can be worked out again as
        of any point in the order). Returns its name."""
        self.joins.append(edge)
        keep, gone = (a, b) if self.items[a].seq < self.items[b].seq else (b, a)  # seq: the order
        for k in self.members[gone]:
            self.group[k] = keep
        self.members[keep].extend(self.members.pop(gone))
        self.members[keep].sort(key=lambda k: self.items[k].seq)
        self.changed.discard(gone)
        self.retired.add(gone)
        self.changed.add(keep)
        return keep

    def link(self, plan: str, done: str) -> None:
        self.links.add((plan, done))
        self.new_links.append((plan, done))
        self.changed.update((self.group[plan], self.group[done]))

    def linked_groups(self) -> set[tuple[str, str]]:
        """(plan group, happening group) of every link."""
        return {(self.group[p], self.group[d]) for p, d in self.links}
