"""The story layer's acceptance check on the five dev articles, through the whole pipeline.

Why strict xfail: the check needs the event coder, the dater and the actor linker to code the
background the articles retell (1988, 1994) with its dates and actors; until they do, the check
fails for reasons outside the story layer. When it passes, strict xfail turns the pass into a
failure so that the marker is removed and the check guards from then on.
"""

from __future__ import annotations

import pytest

from conftest import EXAMPLES
from storyline.ingest import ingest
from storyline.lexicons import load_lexicon
from storyline.read import read_paths
from storyline.store import Store
from storyline.story import storage
from storyline.story.network import build, strongest

DEV_COUNTS: dict[str, list[dict]] = {}


@pytest.fixture(scope="module")
def dev_story(tmp_path_factory: pytest.TempPathFactory, ctx):  # noqa: ANN201
    db = tmp_path_factory.mktemp("dev") / "dev.duckdb"
    with Store(db) as store:
        for _status, _outcome in ingest(read_paths([str(p) for p in EXAMPLES], ctx.options.max_chars), store, ctx):
            pass
        storage.update(store, ctx.options)
        members = store.query("SELECT doc_id, event_id, count(*) AS n FROM story_event_members GROUP BY ALL")
        coded = store.query("SELECT doc_id, id AS event_id FROM events WHERE NOT coalesce(negated, false)")
        DEV_COUNTS.update(members=members, coded=coded)
        yield storage.story_events(store)


def _dated(events, prefix: str, whats: set[str] | None = None) -> list:
    return [s for s in events if s.date and s.date.value.startswith(prefix) and (whats is None or s.what in whats)]


@pytest.mark.xfail(strict=True, reason="needs the coder, dater and linker to code the dev articles' background")
def test_dev_articles_give_one_story_event_per_landmark(dev_story) -> None:
    began = _dated(dev_story, "1988")
    assert len(began) == 1 and len({src.doc_id for src in began[0].sources}) == 4
    assert len({src.text for src in began[0].sources}) >= 3  # in their different words
    ceasefire = _dated(dev_story, "1994", {"AGREE", "RETREAT"})
    assert len(ceasefire) == 1 and ceasefire[0].source_count >= 3
    assert len(_dated(dev_story, "2020-11-09", {"AGREE", "RETREAT"})) == 1


@pytest.mark.xfail(strict=True, reason="needs the actor linker to give the dev articles' actors their states")
def test_dev_network_strongest_edges_join_russia_to_azerbaijan_and_armenia(dev_story) -> None:
    g = build(dev_story, load_lexicon("story"))
    top = strongest(g, 2)
    assert {frozenset((a, b)) for a, b, _ in top} == {frozenset(("RUS", "AZE")), frozenset(("RUS", "ARM"))}


def test_every_coded_dev_event_is_in_exactly_one_story_event(dev_story) -> None:
    members = {(r["doc_id"], r["event_id"]): r["n"] for r in DEV_COUNTS["members"]}
    coded = {(r["doc_id"], r["event_id"]) for r in DEV_COUNTS["coded"]}
    assert set(members) == coded and set(members.values()) <= {1}
    assert all(s.sources and 1 <= s.source_count <= len(s.sources) for s in dev_story)
