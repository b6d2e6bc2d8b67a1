"""Which earlier events a new event is scored against: blocking keys and MinHash LSH.

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
   the word signal weighs, those held by more than a share of the bucket's events so far left
   out): every other merge needs shared words (different classes, an undated side, no
   comparable actors).

Each key holds the events of one date bucket (and of one kind: what happened, or what was
intended), and of the earlier events of a key only those whose spans meet the new event's (within
the slack) are candidates.

6. The bound on a busy key: in an actor, place or onset key, each new event is paired with at
   most ``BLOCK_NEAREST`` (24) of the earlier events of the key whose spans meet its own, those
   starting nearest to it (the latest taken first among equals). Why: a key ("STATEMENT",
   Washington, 1987) of a year of dense news holds hundreds of events, and the tellings of the
   same days meet each other in the square of their number (10 outlets telling each of a day's
   happenings: 10 times the events, 100 times the pairs), while the tellings of one happening need only a chain of pairs to be joined (the
   rest are checked when groups join, ``story.online``). An event told on days that dozens of
   events of its key also meet (a stretch of a month or a year) is then paired with those
   nearest its start, and with the rest only through its words (5). Below 25 events meeting at
   once, as in every evaluation set, nothing changes. The
   cost of a key is then its size times the bound, not the square of its size.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np

from .duplicates import _permutations
from .text import Clause

if TYPE_CHECKING:
    from .merge import EventItem

#: MinHash of a clause's character n-grams: permutations and bands (2 rows per band): clauses
#: whose n-gram sets share a third meet in a band 99 times in 100, a fifth 86 in 100, a twentieth
#: 11 in 100.
CLAUSE_PERM, CLAUSE_BANDS = 96, 48

#: n-gram sizes of the clause signature (the word signal's are 3, 4, 5; 4-grams alone keep the
#: signature cheap and track them closely).
CLAUSE_GRAMS = (4,)

#: n-grams held by more of the bucket's events so far than this share of them (and than
#: ``COMMON_FLOOR``) are left out of the signatures: they tell little (the word signal weighs
#: them low too) and would make every pair of a big year look alike.
COMMON_SHARE, COMMON_FLOOR = 0.01, 200

#: In an actor, place or onset block, each new event is paired with at most this many of the
#: earlier events whose spans meet its own, those that start nearest to it (rule 6).
BLOCK_NEAREST = 24

_FIRST, _LAST = date.min.toordinal(), date.max.toordinal()
_MERSENNE = np.uint64((1 << 61) - 1)
_MAX_HASH = np.uint64((1 << 32) - 1)
_BAND_STEP = 0x9E3779B97F4A7C15  # an odd 64-bit number: spreads the band's number over the key


def bounds(item: EventItem) -> tuple[int, int]:
    """The first and last day an event can fall on, as day numbers (an event with no span: any)."""
    span = item.span
    return (span.lo, span.hi) if span is not None else (_FIRST, _LAST)


class Row(NamedTuple):
    """An event as a candidate index holds it: what choosing candidates reads, and no more (a
    busy key holds thousands of them; the events chosen are read in full afterwards)."""

    key: str
    lo: int
    hi: int
    seq: str  # the event's place in the order of taking (``EventItem.seq``)
    actors: bool  # the event names an actor on either side

    @classmethod
    def of(cls, item: EventItem) -> Row:
        lo, hi = bounds(item)
        return cls(item.key, lo, hi, item.seq, bool(item.event.source or item.event.target))


def meet(a: Row, b: Row, slack_days: int) -> bool:
    return a.lo <= b.hi + slack_days and b.lo <= a.hi + slack_days


def nearest(row: Row, earlier: Iterable[Row], slack_days: int, limit: int | None = BLOCK_NEAREST) -> list[Row]:
    """The earlier events whose spans meet the new one's, at most ``limit`` of them: those whose
    first days are nearest its own, the latest taken first among equals (rule 6)."""
    met = [e for e in earlier if meet(row, e, slack_days)]
    if limit is None or len(met) <= limit:
        return met
    met.sort(key=lambda e: e.seq, reverse=True)
    met.sort(key=lambda e: abs(e.lo - row.lo))  # stable: the latest first among equals
    return met[:limit]


def _actor_keys(refs: Sequence, ref_keys: Callable[[Any], set[str]]) -> set[str]:
    return {k for r in refs for k in ref_keys(r)}


def block_keys(item: EventItem, ref_keys: Callable[[Any], set[str]],
               same_news_days: int | None = 0) -> set[tuple[str, ...]]:
    """The blocking keys of one event (1-4 of the module's docstring), without its bucket."""
    e = item.event
    what = (e.what or e.plover_type or "").upper()
    keys: set[tuple[str, ...]] = set()
    dated = item.span is not None and item.span.exact
    # an undated event agrees in date with nothing (a pair with it merges only in nearly the same
    # words: the clause bands find those) but undated reports of the same day (``SAME_NEWS``):
    # its actor and place keys hold the day its article appeared, so a busy year's undated news
    # meets only that day's, not every report of the week before it
    # (with ``same_news_days`` over 0 the reports of the week meet, as the spans give)
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


def clause_bands(clause: Clause, n: int, df: np.ndarray) -> list[int]:
    """LSH band keys of a clause's n-grams of the signature's sizes, those held by more than
    the common share of ``n`` events (``df``: how many hold each of the clause's n-grams) left
    out; none for a clause with no other n-gram. The signature is datasketch's MinHash scheme
    (its permutations) over the n-grams' hashes."""
    cap = max(COMMON_FLOOR, COMMON_SHARE * n)
    keep = np.isin(clause.sizes, CLAUSE_GRAMS) & (df <= cap)
    if not keep.any():
        return []
    a, b = _permutations(CLAUSE_PERM, 1)
    hv = (clause.hashes[keep].view(np.uint64) & _MAX_HASH)
    with np.errstate(over="ignore"):
        values = ((np.outer(hv, a) + b) % _MERSENNE & _MAX_HASH).min(axis=0).reshape(CLAUSE_BANDS, -1)
    packed = ((values[:, 0] << np.uint64(32)) | values[:, 1]).tolist()
    out = []
    for band, v in enumerate(packed):
        key = (v + band * _BAND_STEP) & ((1 << 64) - 1)
        out.append(key - (1 << 64) if key >> 63 else key)
    return out


def link_keys(item: EventItem, kinds: list[tuple[str, str]], ref_keys: Callable[[Any], set[str]],
              indexing: bool, exhaustive: bool = False) -> set[tuple]:
    """The keys under which a plan meets the happenings that may have carried it out
    (``merge.link``): a link needs the same class or quad class (``kinds``), and then actors in
    common, a shared place, one side with no actors at all to compare (the actor signal is then
    neither yes nor no), or clauses alike (the clause bands). A happening is filed under its
    keys (``indexing``), a plan looks under its own; ``exhaustive``: every happening of its class
    or quad class (the reference for tests)."""
    if exhaustive:
        return {("all", *kind) for kind in kinds}
    e = item.event
    actors = _actor_keys([*e.source, *e.target], ref_keys)
    out: set[tuple] = set()
    for kind in kinds:
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
