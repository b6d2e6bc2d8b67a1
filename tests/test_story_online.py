"""Online clustering (issue 15): each event is scored only against the events taken before it,
joins story events from its best pair down, and never welds together groups a gated pair keeps
apart. Constructed articles, the real lexicon."""

from __future__ import annotations

from story_cases import Ev, article, state
from storyline.model import ActorRef
from storyline.options import Options
from storyline.story import storage
from storyline.story.merge import items_from_documents
from storyline.story.online import build_state, build_story_events

DAY = "2019-05-14"
WORDS = ["troops shelled villages near the border", "artillery struck positions along the frontier",
         "forces fired rockets at settlements", "gunners hit the outskirts of the town"]


def _busy_day() -> list:
    """Many outlets telling the same few attacks of one day, in different words, with a few
    tellings naming other sides or no side at all (which gates keep apart or let join)."""
    docs = []
    sides = [("ARM", "AZE"), ("AZE", "ARM"), ("RUS", "TUR")]
    for n in range(18):
        src, tgt = sides[n % len(sides)]
        target = [] if n % 7 == 3 else [state(tgt)]
        docs.append(article(f"a{n}.txt", f"Outlet{n}", DAY, [Ev(
            f"On May 14 {src} {WORDS[n % len(WORDS)]}.", "ASSAULT", [state(src)], target, DAY,
            location="Tavush" if n % 2 else None)]))
    return docs


def test_each_event_is_scored_only_against_events_taken_before_it() -> None:
    scored: list[tuple[str, str]] = []
    st = build_state(items_from_documents(_busy_day()), storage.knowledge(Options()), Options().story, pairs=scored)
    assert scored and all(st.items[a].seq < st.items[b].seq for a, b in scored)
    groups = [g for g in st.members.values()]
    assert 1 < len(groups) < len(st.items)  # some tellings joined, some kept apart
    assert all(st.group[k] == root for root, g in st.members.items() for k in g)


def test_a_busy_day_gives_with_candidates_what_every_earlier_event_gives() -> None:
    know, settings = storage.knowledge(Options()), Options().story
    fast = build_story_events(items_from_documents(_busy_day()), know, settings)
    every = build_story_events(items_from_documents(_busy_day()), know, settings, exhaustive=True)
    assert [s.to_dict() for s in fast] == [s.to_dict() for s in every]


def test_a_telling_is_not_joined_to_a_group_holding_a_telling_it_is_gated_against() -> None:
    # two named persons doing the same thing are two happenings: a third telling naming neither
    # may join one of them, and then the other stays apart however alike its words
    lavrov, blinken = ActorRef("Sergey Lavrov", "lavrov", "RUS"), ActorRef("Antony Blinken", "blinken", "USA")
    said = "met the foreign minister of Turkey in Ankara to discuss the grain corridor"
    docs = [article("a.txt", "Outlet1", DAY, [Ev(f"On May 14 Russia {said}.", "CONSULT", [state("RUS")],
                                                   [state("TUR")], DAY)]),
            article("b.txt", "Outlet2", "2019-05-15", [Ev(f"On May 14 Sergey Lavrov {said}.", "CONSULT", [lavrov],
                                                            [state("TUR")], DAY)], persons={"lavrov": "person"}),
            article("c.txt", "Outlet3", "2019-05-16", [Ev(f"On May 14 Antony Blinken {said}.", "CONSULT", [blinken],
                                                            [state("TUR")], DAY)], persons={"blinken": "person"})]
    stories = build_story_events(items_from_documents(docs), storage.knowledge(Options()), Options().story)
    assert sorted(len(s.sources) for s in stories) == [1, 2]
    (joined,) = [s for s in stories if len(s.sources) == 2]
    assert {src.outlet for src in joined.sources} == {"Outlet1", "Outlet2"}  # the first taken pair
