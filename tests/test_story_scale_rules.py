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
from storyline.story.candidates import BLOCK_NEAREST, candidate_pairs, meeting
from storyline.story.merge import _ref_keys, buckets, items_from_documents, with_spans

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


def _pairs(docs: list) -> tuple[list, set[tuple[int, int]]]:
    items = items_from_documents(docs)
    with_spans(items, Options().story)
    know = storage.knowledge(Options())
    return items, set(candidate_pairs(items, [buckets(it) for it in items], know.stopwords, 1, _ref_keys,
                                      know.same_news_days))


def test_a_busy_place_key_pairs_each_event_with_at_most_the_bound_before_it() -> None:
    items, pairs = _pairs(_statements(BLOCK_NEAREST + 16))
    every = set(meeting(range(len(items)), items, 1))
    assert len(every) == len(items) * (len(items) - 1) // 2  # one day: every pair meets
    # every event is paired with at most the bound of those before it in the sweep (all start
    # on one day, so the sweep keeps the items' order); the clause bands add none here
    earlier: dict[int, int] = {}
    for i, j in pairs:
        earlier[max(i, j)] = earlier.get(max(i, j), 0) + 1
    assert max(earlier.values()) == BLOCK_NEAREST
    assert len(pairs) < len(every)
    assert all(len(items) - 1 - BLOCK_NEAREST <= i or (i, len(items) - 1) not in pairs
               for i in range(len(items) - 1))  # the last event meets only the nearest


def test_a_key_within_the_bound_is_paired_in_full() -> None:
    items, pairs = _pairs(_statements(BLOCK_NEAREST + 1))
    assert pairs == set(meeting(range(len(items)), items, 1))


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
