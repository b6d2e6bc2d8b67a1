"""Which pairs of events in a date bucket are worth scoring: blocking keys and MinHash LSH.

Why not every pair whose dates meet: a year of news holds events dated only to the year or the
month, and undated reports of a week; each meets most of the year's other events, so the pairs of
a busy year grow with the square of its articles (a rebuild of 2,000 articles of 1987 took four
times what 1,000 took). A pair can only be merged on its own evidence (``merge.score_pair``)
where one of these holds, so candidates come from them alone:

1. the same event class and an actor in common (by actor id, country or name, either side):
   the actor signal is then more than "nothing to compare"; for events with no stated date,
   also the same publication day (two undated events agree in date only as same-day news);
2. the same event class and a shared place (likewise);
3. the same event class and the same stated date, one side naming no actor at all (the date
   signal agrees fully, which carries a pair of the same class without words or actors where
   the actor signal is "nothing to compare"; two events that both name actors and share none
   agree in actors not at all, and merge only in nearly the same words: 5 finds those);
4. two tellings of a conflict's start that share a party (``onset``: classes do not count);
5. clauses alike in their words (MinHash LSH over the clauses' character n-grams, the features
   the word signal weighs): every other merge needs shared words (different classes, an undated
   side, no comparable actors).

Each key holds the events of one date bucket, and inside a key only pairs whose spans meet (within
the slack) are kept, by a sweep over their first days, as before.

6. The bound on a busy key: in an actor or place key, each event is paired with at most
   ``BLOCK_NEAREST`` (24) of the events before it in the sweep whose spans meet its own, those
   starting nearest to it. Why: a key ("STATEMENT", Washington, 1987) of a year of dense news
   holds hundreds of events, and the tellings of the same days meet each other in the square of
   their number (10 outlets telling each of a day's happenings: 10 times the events, 100 times
   the pairs), while the tellings of one happening need only a chain of pairs to be joined (the
   rest are checked when groups join, ``merge.cluster``). An event told on days that dozens of
   events of its key also meet (a stretch of a month or a year) is then paired with those
   nearest its start, and with the rest only through its words (5). Below 25 events meeting at
   once, as in every evaluation set and the 1,000 Reuters articles of 1987, nothing changes. The
   cost of a key is then its size times the bound, not the square of its size.
"""

from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

import numpy as np

from .duplicates import minhash
from .text import GramCounts, ngrams

if TYPE_CHECKING:
    from .merge import EventItem

#: MinHash of a clause's character n-grams: permutations and bands (2 rows per band): clauses
#: whose n-gram sets share a third meet in a band 99 times in 100, a fifth 86 in 100, a twentieth
#: 11 in 100.
CLAUSE_PERM, CLAUSE_BANDS = 96, 48

#: n-gram sizes of the clause signature (the word signal's are 3, 4, 5; 4-grams alone keep the
#: signature cheap and track them closely).
CLAUSE_GRAMS = (4,)

#: n-grams in more clauses of a component than this share of them (and than ``COMMON_FLOOR``) are
#: left out of the signatures: they tell little (the word signal weighs them low too) and would
#: make every pair of a big year look alike.
COMMON_SHARE, COMMON_FLOOR = 0.01, 200

#: In an actor or place block, each event is paired with at most this many of the events before
#: it whose spans meet its own, those that start nearest to it (rule 6 of the module's docstring).
BLOCK_NEAREST = 24

_FIRST, _LAST = date.min.toordinal(), date.max.toordinal()


def _bounds(item: EventItem) -> tuple[int, int]:
    """The first and last day an event can fall on, as day numbers (an event with no span: any)."""
    span = item.span
    return (span.lo, span.hi) if span is not None else (_FIRST, _LAST)


def meeting(members: Sequence[int], items: Sequence[EventItem], slack_days: int,
            nearest: int | None = None) -> Iterator[tuple[int, int]]:
    """The pairs of ``members`` whose spans meet (within the slack), by a sweep over their first
    days: only they can pass the date gate. With ``nearest``, each member is paired with at most
    that many of those before it, the ones whose first days are nearest its own (``BLOCK_NEAREST``)."""
    active: list[int] = []
    for i in sorted(members, key=lambda i: _bounds(items[i])[0]):
        reach = _bounds(items[i])[0] - slack_days
        active = [j for j in active if _bounds(items[j])[1] >= reach]
        yield from ((min(i, j), max(i, j)) for j in (active if nearest is None else active[-nearest:]))
        active.append(i)


def _meet(a: EventItem, b: EventItem, slack_days: int) -> bool:
    (fa, la), (fb, lb) = _bounds(a), _bounds(b)
    return fa <= lb + slack_days and fb <= la + slack_days


def _actor_keys(refs: Sequence, ref_keys) -> set[str]:
    return {k for r in refs for k in ref_keys(r)}


def block_keys(item: EventItem, ref_keys, same_news_days: int | None = 0) -> set[tuple[str, ...]]:
    """The blocking keys of one event (1-4 of the module's docstring), without its bucket."""
    e = item.event
    what = (e.what or e.plover_type or "").upper()
    keys: set[tuple[str, ...]] = set()
    dated = item.span is not None and item.span.exact
    # an undated event agrees in date with nothing (a pair with it merges only in nearly the same
    # words: the clause bands find those) but undated reports of the same day (``SAME_NEWS``):
    # its actor and place keys hold the day its article appeared, so a busy year's undated news
    # meets only that day's, not every report of the week before it
    # (with ``same_news_days`` over 0 the reports of the week meet, as the sweep over their spans gives)
    day = ("dated" if dated else None if same_news_days is None or e.status != "reported" or not item.published
           else f"news:{item.published}" if same_news_days == 0 else "news")
    if what and day:
        keys |= {("actor", what, day, k) for k in _actor_keys([*e.source, *e.target], ref_keys)}
        if e.location:
            keys.add(("place", what, day, e.location.casefold()))
    if what and dated:
        keys.add(("date", what, item.span.first.isoformat(), item.span.last.isoformat()))
    if item.onset:
        keys |= {("onset", k) for k in _actor_keys([*e.source, *e.target, *item.clause_actors], ref_keys)}
    return keys


def clause_keys(texts: Sequence[str], stopwords: frozenset[str],
                counts: Sequence[Iterable[str]] | None = None) -> list[list[int]]:
    """LSH band keys of each clause's character n-grams, the component's common ones left out
    (none for a clause with no other n-gram). ``counts``: each clause's n-grams of every size
    (``text.gram_counts``), where the caller has them already."""
    cap = max(COMMON_FLOOR, COMMON_SHARE * len(texts))
    if isinstance(counts, GramCounts):
        return [_bands(minhash(kept, CLAUSE_PERM, hashfunc=zlib.crc32).hashvalues) if kept else []
                for kept in _uncommon(counts, cap)]
    if counts is None:
        grams = [set(ngrams(t, stopwords, CLAUSE_GRAMS)) for t in texts]
    else:
        grams = [{g for g in c if len(g) in CLAUSE_GRAMS} for c in counts]
    df = Counter(g for gs in grams for g in gs)
    out = []
    for gs in grams:
        kept = [g for g in gs if df[g] <= cap]
        out.append(_bands(minhash(kept, CLAUSE_PERM, hashfunc=zlib.crc32).hashvalues) if kept else [])
    return out


def _uncommon(counts: GramCounts, cap: float) -> Iterator[list[str]]:
    """Each clause's n-grams of the signature's sizes held by at most ``cap`` clauses, read off
    the compact counts one clause at a time (a set per clause of a busy year at once was most of
    the candidates' memory)."""
    names = counts.names
    sized = np.fromiter((len(g) in CLAUSE_GRAMS for g in names), dtype=bool, count=len(names))
    df = np.bincount(counts.cols[sized[counts.cols]], minlength=len(names))  # a clause's n-grams are distinct
    keep = sized & (df <= cap)
    for i in range(len(counts)):
        row = counts.cols[counts.indptr[i]:counts.indptr[i + 1]]
        yield [names[g] for g in row[keep[row]].tolist()]


def _bands(values: np.ndarray) -> list[int]:
    """The band keys of a clause signature: each band's two values side by side in one int, the
    band's number above them (exact, where ``duplicates.band_keys`` hashes, for keys kept in the
    store; these live for one run, and hashing 48 bands of every clause was a tenth of the run)."""
    v = np.asarray(values, dtype=np.uint64).reshape(CLAUSE_BANDS, -1)
    if v.shape[1] != 2 or int(v.max()) >> 32:
        raise ValueError("clause bands pack two 32-bit MinHash values each")
    return [x | (b << 64) for b, x in enumerate(((v[:, 0] << np.uint64(32)) | v[:, 1]).tolist())]


def candidate_pairs(items: Sequence[EventItem], bucket_of: Sequence[list[str]], stopwords: frozenset[str],
                    slack_days: int, ref_keys, same_news_days: int | None = 0,
                    counts: Sequence[Iterable[str]] | None = None) -> list[tuple[int, int]]:
    """Index pairs (i < j) to score: events sharing a date bucket and a blocking key or a clause
    band, whose spans meet. ``bucket_of[i]`` are item i's date buckets; ``counts`` as for
    ``clause_keys``."""
    blocks: dict[tuple, list[int]] = {}
    for i, it in enumerate(items):
        keys = block_keys(it, ref_keys, same_news_days)
        for b in bucket_of[i]:
            for k in keys:
                blocks.setdefault((b, *k), []).append(i)
    pairs: set[tuple[int, int]] = set()
    for key, members in blocks.items():
        if len(members) < 2:
            continue
        if key[1] == "date":
            # one stated date (every member's span the same, so all meet): pairs with an
            # actorless side only, so a busy day's block costs its size, not its square
            actorless = [i for i in members if not (items[i].event.source or items[i].event.target)]
            pairs.update((min(i, j), max(i, j)) for i in actorless for j in members if i != j)
        else:
            pairs.update(meeting(members, items, slack_days, BLOCK_NEAREST))
    bands: dict[int, list[int]] = {}
    for i, keys in enumerate(clause_keys([it.words for it in items], stopwords, counts)):
        for k in keys:
            bands.setdefault(k, []).append(i)
    buckets = [set(bs) for bs in bucket_of]
    for members in bands.values():
        for x, i in enumerate(members):
            for j in members[x + 1:]:
                if (i, j) not in pairs and buckets[i] & buckets[j] and _meet(items[i], items[j], slack_days):
                    pairs.add((i, j))
    return sorted(pairs)


class LinkIndex:
    """The happenings a plan may have been carried out as (``merge.link_plans``): a link needs the
    same class or quad class (``kinds``), and then actors in common, a shared place, one side with
    no actors at all to compare (the actor signal is then neither yes nor no), or clauses alike
    (LSH as for merging). Called with a plan's item, gives those happenings in their given order;
    ``exhaustive``: every happening of its class or quad class (the reference for tests)."""

    def __init__(self, done: Sequence[EventItem], everything: Sequence[EventItem], stopwords: frozenset[str],
                 kinds: Callable[[EventItem], list[tuple[str, str]]], ref_keys: Callable[[Any], set[str]],
                 exhaustive: bool = False, counts: Sequence[Iterable[str]] | None = None):
        self.kinds, self.ref_keys, self.exhaustive = kinds, ref_keys, exhaustive
        self.order = {id(d): n for n, d in enumerate(done)}
        self.by_key: dict[tuple, list[EventItem]] = {}
        for d in done:
            for k in self._keys(d, indexing=True):
                self.by_key.setdefault(k, []).append(d)
        self.bands: dict[int, list[EventItem]] = {}
        self.item_bands: dict[int, list[int]] = {}
        for it, keys in zip(everything, clause_keys([it.words for it in everything], stopwords, counts),
                                strict=True):
            self.item_bands[id(it)] = keys
            if id(it) in self.order:
                for k in keys:
                    self.bands.setdefault(k, []).append(it)

    def _keys(self, item: EventItem, indexing: bool) -> set[tuple]:
        e = item.event
        actors = _actor_keys([*e.source, *e.target], self.ref_keys)
        out: set[tuple] = set()
        for kind in self.kinds(item):
            out |= {("actor", *kind, k) for k in actors}
            if e.location:
                out.add(("place", *kind, e.location.casefold()))
            # every happening is filed under "all", one with no actors under "open" too; a plan
            # with no actors looks at "all", another at "open"
            open_ = not (e.source or e.target)
            if indexing:
                out |= {("all", *kind)} | ({("open", *kind)} if open_ else set())
            else:
                out.add(("all", *kind) if open_ else ("open", *kind))
        return out

    def __call__(self, plan: EventItem) -> list[EventItem]:
        found: dict[int, EventItem] = {}
        if self.exhaustive:
            for kind in self.kinds(plan):
                found.update((id(d), d) for d in self.by_key.get(("all", *kind), []))
            return sorted(found.values(), key=lambda d: self.order[id(d)])
        for k in self._keys(plan, indexing=False):
            found.update((id(d), d) for d in self.by_key.get(k, []))
        for b in self.item_bands.get(id(plan), []):
            found.update((id(d), d) for d in self.bands.get(b, []))
        return sorted(found.values(), key=lambda d: self.order[id(d)])
