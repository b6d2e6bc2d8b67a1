"""The story layer's clustering state in the store (issue 15): updates in batches, in order or
with late arrivals, give every row of every story table that one rebuild gives, and an update of
a few documents into a busy year reads and rewrites only the story events they can join.

Constructed articles (story_cases), real DuckDB files.
"""

from __future__ import annotations

import json
from pathlib import Path

from story_cases import BACKGROUND, WIRE, Ev, article, nordic_news, state, store_with
from storyline.model import Document
from storyline.options import Options, StorySettings
from storyline.store import Store
from storyline.story import storage

NORDIC = [state("NOR"), state("ISL"), state("DNK")]
FILLER = ["Officials met on Monday to discuss the shipping of grain through the northern corridor.", BACKGROUND]
TRUCE = Ev("On March 1, the heads of government of Norway, Iceland and Denmark signed a joint declaration on a truce.",
           "AGREE", NORDIC, [], "2021-03-01")


def _dump(store: Store) -> dict[str, list[str]]:
    """Every row of every story table, and the background marks (times of writing aside)."""
    out = {t: sorted(json.dumps({k: v for k, v in r.items() if not k.endswith("_at")}, sort_keys=True, default=str)
                     for r in store.query(f"SELECT * FROM {t}")) for t in storage.STORY_TABLES}
    out["background"] = sorted(json.dumps(r) for r in store.query("SELECT doc_id, idx FROM sentences WHERE background"))
    return out


def _corpus() -> list[Document]:
    """A year of constructed news in publication order: a happening told three ways and copied,
    a repeated background paragraph, a plan and its outcome, and unrelated events around them."""
    docs = nordic_news("2021-05-12", "2021-07-17", FILLER)
    for n, (a, b) in enumerate([("PER", "ECU"), ("ARM", "AZE"), ("RUS", "TUR"), ("IRQ", "USA"), ("BRA", "PER")]):
        docs.append(article(f"other{n}.txt", f"Outlet{n}", f"2021-0{n + 2}-2{n}", [Ev(
            f"Envoys of {a} and {b} discussed river trade and fishing quotas number {n} on the same day.", "CONSULT",
            [state(a)], [state(b)], f"2021-0{n + 2}-2{n}")], FILLER[:1]))
    return sorted(docs, key=lambda d: (d.date or "9999", d.id))


def _update_each(store: Store, docs: list[Document]) -> list[storage.UpdateReport]:
    reports = []
    for d in docs:
        store.write_document(d)
        reports.append(storage.update(store))
    return reports


def test_updates_in_order_give_every_row_one_rebuild_gives(tmp_path: Path) -> None:
    docs = _corpus()
    whole = store_with(tmp_path, docs, "whole.duckdb")
    storage.rebuild(whole)
    each = Store(tmp_path / "each.duckdb")
    reports = _update_each(each, docs)
    assert sum(r.replayed for r in reports) == 0  # in order: nothing taken again
    assert _dump(each) == _dump(whole)
    batches = store_with(tmp_path, docs, "batches.duckdb")
    storage.update(batches, Options(story=StorySettings(update_batch=3)))
    assert _dump(batches) == _dump(whole)
    assert whole.count("story_copies") == 1 and whole.count("story_links") == 1
    assert any(json.loads(r)["source_count"] == 2 for r in _dump(whole)["story_events"])


def test_a_late_arrival_is_taken_in_its_place(tmp_path: Path) -> None:
    docs = _corpus()
    whole = store_with(tmp_path, docs, "whole.duckdb")
    storage.rebuild(whole)
    trend = next(d for d in docs if d.name == "trend.txt")  # told before the plan and the outcome
    late = Store(tmp_path / "late.duckdb")
    _update_each(late, [d for d in docs if d is not trend])
    (report,) = _update_each(late, [trend])
    assert report.documents == 1 and report.replayed > 0
    assert _dump(late) == _dump(whole)


def test_a_near_copy_published_first_but_arriving_last_is_taken_in_its_place(tmp_path: Path) -> None:
    # the copy is the earlier telling: it becomes the canonical article, so the older document's
    # events now stand for it, which scoring reads
    docs = _corpus()
    early = article("early.txt", "Wire", "2021-03-03", [TRUCE], [WIRE.replace("OSLO, March 4. ", "OSLO. ")])
    everything = sorted([*docs, early], key=lambda d: (d.date or "9999", d.id))
    whole = store_with(tmp_path, everything, "whole.duckdb")
    storage.rebuild(whole)
    late = Store(tmp_path / "late.duckdb")
    _update_each(late, docs)
    (report,) = _update_each(late, [early])
    assert report.replayed > 0 and len(report.touched) == 2  # the two older copies now stand for it
    assert _dump(late) == _dump(whole)
    assert {r["canonical_id"] for r in whole.query("SELECT canonical_id FROM story_copies")} == {early.id}


def test_an_update_of_a_few_documents_touches_only_what_they_can_join(tmp_path: Path) -> None:
    # a year of 40 unrelated meetings (each its own parties and words), then two new reports, at
    # the year's end, of one of them: the update takes 2 events, scores a handful of pairs and
    # writes one story event
    codes = ["PER", "ECU", "ARM", "AZE", "RUS", "TUR", "IRQ", "USA", "BRA", "NOR", "ISL", "DNK"]
    pairs = [(a, b) for a in codes for b in codes if a < b][:40]
    old = [article(f"m{n}.txt", f"Outlet{n}", f"2021-{1 + n % 12:02d}-{1 + n % 28:02d}", [Ev(
        f"Delegations of {a} and {b} met to settle claim number {n} over the disputed shoals.", "CONSULT",
        [state(a)], [state(b)], f"2021-{1 + n % 12:02d}-{1 + n % 28:02d}")], [f"Report {n} from the region."])
        for n, (a, b) in enumerate(pairs)]
    store = store_with(tmp_path, old, "busy.duckdb")
    first = storage.update(store)
    assert first.events == 40 and first.story_events == 40
    a, b = pairs[5]
    when = f"2021-{1 + 5 % 12:02d}-{1 + 5 % 28:02d}"
    new = [article(f"n{k}.txt", f"Later{k}", "2021-12-30", [Ev(  # published after every other
        f"Delegations of {a} and {b} met to settle claim number 5 over the disputed shoals, officials said.",
        "CONSULT", [state(a)], [state(b)], when)], [f"Later report {k}."]) for k in range(2)]
    for d in new:
        store.write_document(d)
    report = storage.update(store)
    assert report.events == 2 and report.replayed == 0
    assert report.scored <= 4  # the new tellings against the one they tell (and each other)
    assert report.story_events == 1 and report.replaced == 1  # one story event rewritten, no other
    assert store.count("story_events") == 40
    rows = store.query("SELECT source_count FROM story_events WHERE source_count > 1")
    assert [r["source_count"] for r in rows] == [3]
