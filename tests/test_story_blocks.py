"""Merge candidates in a dense day (issue 15): the same-date block pairs an event only with
events that name no actor, and what is merged stays what scoring every pair merges."""

from __future__ import annotations

import json

from story_cases import Ev, article, state
from storyline.model import ActorRef
from storyline.options import Options
from storyline.story import storage
from storyline.story.candidates import candidate_pairs
from storyline.story.merge import _ref_keys, buckets, build_story_events, items_from_documents, with_spans

DAY = "2019-05-14"
STATES = ["ARM", "AZE", "RUS", "USA", "TUR", "IRQ"]
# one kind of act on one day by many pairs of parties, in different words each, as a busy day's news
PHRASES = ["met its counterpart to discuss the border", "held talks with the delegation of",
           "received the foreign minister of", "hosted envoys sent by", "opened consultations with officials from",
           "welcomed a visiting mission from"]


def _day_of_meetings() -> list:
    docs = []
    for n, phrase in enumerate(PHRASES):
        a, b = STATES[n % len(STATES)], STATES[(n + 3) % len(STATES)]
        docs.append(article(f"m{n}.txt", f"Outlet{n}", DAY, [Ev(f"On May 14 {a} {phrase} {b}.", "CONSULT",
                                                                 [state(a)], [state(b)], DAY)]))
    # the same act told with no actor at all: it may be any of the day's meetings
    docs.append(article("open.txt", "Outlet9", DAY, [Ev("On May 14 a round of consultations took place.",
                                                        "CONSULT", [], [], DAY)]))
    return docs


def _pairs(docs: list) -> tuple[list, set[tuple[int, int]]]:
    items = items_from_documents(docs)
    with_spans(items, Options().story)
    know = storage.knowledge(Options())
    pairs = candidate_pairs(items, [buckets(it) for it in items], know.stopwords, 1, _ref_keys, know.same_news_days)
    return items, set(pairs)


def _parties(item) -> set[str]:
    return {r.country for r in (*item.event.source, *item.event.target)}


def test_events_of_one_date_that_share_no_actor_are_not_paired_by_the_date_alone() -> None:
    items, pairs = _pairs(_day_of_meetings())
    for i, j in pairs:
        a, b = items[i], items[j]
        # every pair is an actorless event with another, or two events sharing a party
        assert not _parties(a) or not _parties(b) or _parties(a) & _parties(b), (a.text, b.text)


def test_an_event_naming_no_actor_is_paired_with_every_event_of_its_class_and_date() -> None:
    items, pairs = _pairs(_day_of_meetings())
    (open_,) = [n for n, it in enumerate(items) if not _parties(it)]
    assert {j for p in pairs for j in p if open_ in p} == set(range(len(items)))


def test_a_dense_day_gives_what_scoring_every_pair_gives() -> None:
    docs = _day_of_meetings() + [article("copy.txt", "Outlet8", DAY, [Ev(
        "On May 14 ARM met its counterpart to discuss the border with TUR.", "CONSULT",
        [state("ARM")], [ActorRef("Turkey", "tur", "TUR")], DAY)])]
    know, settings = storage.knowledge(Options()), Options().story

    def rows(exhaustive: bool) -> list[str]:
        events = build_story_events(items_from_documents(docs), know, settings, exhaustive=exhaustive)
        return sorted(json.dumps(s.to_dict(), sort_keys=True) for s in events)

    fast = rows(False)
    assert fast == rows(True)
    assert len(fast) < len(docs)  # the two tellings of ARM and TUR's meeting are one
