"""The story layer's bounds for dense corpora (issue 15): a busy blocking key pairs each event with
a bounded number of others, and what one update remembers about repeated sentences from batch to
batch changes nothing in its result.

Constructed articles only (story_cases), real DuckDB files.
"""

from __future__ import annotations

import json
import random
import string
from pathlib import Path

import pytest

from story_cases import BACKGROUND, Ev, article, state, store_with
from storyline.options import Options, StorySettings
from storyline.store import Store
from storyline.story import storage
from storyline.story.candidates import BLOCK_NEAREST
from storyline.story.merge import items_from_documents
from storyline.story.online import build_state

DAY = "2019-05-14"


def _statements(n: int) -> list:
    """``n`` articles of one day, each with a statement in one place by a speaker of its own, in
    words of its own (letters drawn at random, so no two clauses are alike): one place key
    (STATEMENT, Geneva) holds them all, and nothing else pairs them."""
    docs = []
    for k in range(n):
        rng = random.Random(k)
        words = " ".join("".join(rng.choice(string.ascii_lowercase) for _ in range(9)) for _ in range(8))
        docs.append(article(f"s{k}.txt", f"Outlet{k}", DAY, [Ev(
            f"{words.capitalize()}.", "STATEMENT", [state(f"Q{k:02d}")], [], DAY, location="Geneva")]))
    return docs


def _pairs(docs: list, bands: bool = False) -> tuple[list, set[tuple[int, int]]]:
    """The items in the order taken, and the pairs scored (as indices, the earlier first) other
    than those of clauses that share a band (random letters now and then share a few n-grams)."""
    items, scored = items_from_documents(docs), []
    state = build_state(items, storage.knowledge(Options()), Options().story, pairs=scored)
    taken = sorted(state.items.values(), key=lambda it: it.seq)
    at = {it.key: n for n, it in enumerate(taken)}
    alike = {(a.key, b.key) for held in state.bands.values() for a in held for b in held}
    return taken, {(at[a], at[b]) for a, b in scored if bands or (a, b) not in alike}


def test_a_busy_place_key_pairs_each_event_with_at_most_the_bound_before_it() -> None:
    items, pairs = _pairs(_statements(BLOCK_NEAREST + 16))
    every = {(i, j) for j in range(len(items)) for i in range(j)}  # one day: every pair meets
    # every event is paired with at most the bound of those taken before it (all start on one
    # day, so the nearest are the latest taken); the clause bands add none here
    earlier: dict[int, int] = {}
    for _, j in pairs:
        earlier[j] = earlier.get(j, 0) + 1
    assert max(earlier.values()) == BLOCK_NEAREST
    assert pairs < every and len(pairs) > BLOCK_NEAREST * (len(items) - BLOCK_NEAREST)
    last = len(items) - 1
    assert {i for i, j in pairs if j == last} == set(range(last - BLOCK_NEAREST, last))  # the nearest only


def test_a_key_within_the_bound_is_paired_in_full() -> None:
    items, pairs = _pairs(_statements(BLOCK_NEAREST + 1), bands=True)
    assert pairs == {(i, j) for j in range(len(items)) for i in range(j)}


def _dump(store: Store) -> dict[str, list[str]]:
    return {t: sorted(json.dumps({k: v for k, v in r.items() if not k.endswith("_at")}, sort_keys=True, default=str)
                      for r in store.query(f"SELECT * FROM {t}"))  # not when a row was written
            for t in ("story_repeats", "story_events", "story_event_members", "story_links")} | {
        "background": sorted(json.dumps(r) for r in store.query("SELECT doc_id, idx FROM sentences WHERE background"))}


def _repeating_articles() -> list:
    boiler = BACKGROUND
    other = ("Customs officers and rail operators discussed tariffs and the timing of inspections at length "
             "before the new crossing opened to freight traffic.")
    docs = []
    for k in range(6):
        filler = [f"Officials met on day {k} to discuss the shipping of grain through corridor number {k}.",
                  boiler if k % 2 == 0 else other, boiler.replace("international", "foreign") if k == 3 else other]
        docs.append(article(f"a{k}.txt", f"Outlet{k}", f"2020-11-{10 + k}", [Ev(
            f"Armenia and Azerbaijan exchanged prisoners on November {9 + k}.", "RELEASE",
            [state("ARM")], [state("AZE")], f"2020-11-{9 + k:02d}")], filler))
    return docs


def test_what_an_update_remembers_from_batch_to_batch_changes_nothing(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    docs = _repeating_articles()
    whole = store_with(tmp_path, docs, "whole.duckdb")
    storage.update(whole)
    one_by_one = store_with(tmp_path, docs, "batches.duckdb")
    storage.update(one_by_one, Options(story=StorySettings(update_batch=1)))
    monkeypatch.setattr(storage, "MEMO_SENTENCES", 0)  # the memo emptied after every batch
    forgetful = store_with(tmp_path, docs, "forgetful.duckdb")
    storage.update(forgetful, Options(story=StorySettings(update_batch=1)))
    assert _dump(one_by_one) == _dump(whole) == _dump(forgetful)
    assert len(_dump(whole)["story_repeats"]) >= 6  # the boilerplate was found repeated
    assert len(_dump(whole)["background"]) >= 3
