"""Late arrivals: the part of the stored clustering state that has to be taken again, and dropping it.

Online clustering takes events in publication order (``story.online``), so a new event can be
appended exactly only after every event already taken in its date buckets. Otherwise:

1. ``late_starts``: per bucket, the place in the order from which the state no longer holds: the
   first new event of a bucket that holds later events already, and the first event of an older
   document whose near-copy link changed (scoring reads which article an event stands for);
2. ``drop_from``: those places closed over events in several buckets (an event dropped from one
   bucket drops from all of its buckets, and the events after it there); the events from there
   on dropped from the state (their index rows, joins, links, counts), the story events they were
   in split back into the groups the joins before that place made, written again, and the
   dropped events returned to be taken again in order with the new ones.

What is taken again is exactly what a rebuild in order would take after that place, so the
result is the rebuild's.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from .merge import EventItem
from .stored import StoredClustering, _in, item_from


def late_starts(clustering: StoredClustering, new: Sequence[EventItem], changed_docs: Iterable[str]) -> dict[str, str]:
    """Step 1: bucket -> the first place (``EventItem.seq``) from which it must be taken again."""
    store = clustering.store
    first: dict[str, str] = {}
    for it in new:
        for b in it.bucket_keys:
            first[b] = min(first.get(b, it.order_key), it.order_key)
    starts: dict[str, str] = {}
    if first:
        for r in store.query("SELECT bucket, last_order FROM story_bucket_counts WHERE bucket IN (SELECT unnest(?))",
                             _in(first)):
            if r["last_order"] is not None and r["last_order"] > first[r["bucket"]]:
                starts[r["bucket"]] = first[r["bucket"]]
    changed = list(changed_docs)
    if changed:
        for r in store.query("SELECT seq, buckets FROM story_items WHERE doc_id IN (SELECT unnest(?))", _in(changed)):
            for b in r["buckets"]:
                starts[b] = min(starts.get(b, r["seq"]), r["seq"])
    return starts


def _closure(clustering: StoredClustering, starts: dict[str, str]) -> dict[str, str]:
    """The events from each start on in its bucket, closed over events in several buckets:
    item -> seq."""
    starts = dict(starts)
    found: dict[str, str] = {}
    todo = dict(starts)
    while todo:
        rows = clustering.store.query("""SELECT DISTINCT i.item, i.seq, i.buckets FROM story_items i,
                                         (SELECT unnest(?::VARCHAR[]) AS bucket, unnest(?::VARCHAR[]) AS start) s
                                         WHERE list_contains(i.buckets, s.bucket) AND i.seq >= s.start""",
                                      [list(todo), list(todo.values())])
        todo = {}
        for r in rows:
            found[r["item"]] = r["seq"]
            for b in r["buckets"]:
                if b not in starts or r["seq"] < starts[b]:
                    starts[b] = todo[b] = r["seq"]
    return found


def drop_from(clustering: StoredClustering, starts: dict[str, str]) -> list[EventItem]:
    """Step 2: drop the events from these places on; returns them, to be taken again."""
    store, settings = clustering.store, clustering.settings
    dropped = _closure(clustering, starts)
    if not dropped:
        return []
    rows = store.query("""SELECT item, seq, group_id, buckets, record, grams, weights, sizes FROM story_items
                          WHERE item IN (SELECT unnest(?)) ORDER BY seq""", _in(dropped))
    items = [item_from(r, settings) for r in rows]
    groups = {r["group_id"] for r in rows}
    partners = {g for r in clustering._group_links(groups) for g in (r["pg"], r["dg"])} - groups
    kept = store.query("""SELECT item, seq, group_id, record, grams, weights, sizes FROM story_items
                          WHERE group_id IN (SELECT unnest(?)) AND item NOT IN (SELECT unnest(?)) ORDER BY seq""",
                       _in(groups) + _in(dropped))
    _forget(clustering, rows, dropped)
    regrouped = _regroup(clustering, kept)
    clustering.write_groups(regrouped, groups)
    live = {r["group_id"] for r in store.query("SELECT group_id FROM story_items WHERE group_id IN (SELECT unnest(?))",
                                               _in(partners))}
    if live:
        clustering._relink(live)
    clustering.replayed += len(items)
    return items


def _forget(clustering: StoredClustering, rows: list[dict], dropped: dict[str, str]) -> None:
    """Take the dropped events out of every state table and out of the counts."""
    store = clustering.store
    ids = _in(dropped)
    for sql in ("DELETE FROM story_items WHERE item IN (SELECT unnest(?))",
                "DELETE FROM story_index WHERE item IN (SELECT unnest(?))",
                "DELETE FROM story_joins WHERE item IN (SELECT unnest(?))"):
        store.execute(sql, ids)
    store.execute("DELETE FROM story_item_links WHERE plan IN (SELECT unnest(?)) OR done IN (SELECT unnest(?))",
                  ids + ids)
    n: Counter[str] = Counter()
    df: Counter[tuple[str, int]] = Counter()
    for r in rows:
        for b in r["buckets"]:
            n[b] -= 1
            df.update({(b, h): -1 for h in r["grams"] or []})
    clustering.add_gram_counts(df)
    store.execute("DELETE FROM story_gram_counts WHERE df = 0")
    store.execute("""UPDATE story_bucket_counts SET n = story_bucket_counts.n + m.n, last_order = (
                         SELECT max(i.seq) FROM story_items i WHERE list_contains(i.buckets, m.bucket))
                     FROM (SELECT unnest(?::VARCHAR[]) AS bucket, unnest(?::BIGINT[]) AS n) m
                     WHERE story_bucket_counts.bucket = m.bucket""", [list(n), list(n.values())])


def _regroup(clustering: StoredClustering, kept: list[dict]) -> dict[str, list[EventItem]]:
    """The groups the kept members of the dropped events' story events form by the joins that
    remain (each made when the later of its two events was taken, so both are kept), named by
    their first members; their ``group_id`` written."""
    if not kept:
        return {}
    items = {r["item"]: item_from(r, clustering.settings) for r in kept}
    parent = {k: k for k in items}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for r in clustering.store.query("SELECT item, other FROM story_joins WHERE item IN (SELECT unnest(?))", _in(items)):
        if r["other"] in parent:
            a, b = find(r["item"]), find(r["other"])
            if a != b:
                first, second = (a, b) if items[a].seq < items[b].seq else (b, a)
                parent[second] = first
    groups: dict[str, list[EventItem]] = {}
    for k in sorted(items, key=lambda k: items[k].seq):
        groups.setdefault(find(k), []).append(items[k])
    clustering.store.execute("""UPDATE story_items SET group_id = m.g FROM
                                (SELECT unnest(?::VARCHAR[]) AS item, unnest(?::VARCHAR[]) AS g) m
                                WHERE story_items.item = m.item""",
                             [list(items), [find(k) for k in items]])
    return groups
