"""Story merging of events whose dates are unknown (issue 12, class 7), on constructed articles.

An event the article does not date is placed only by its article's date and its status. Two such
events whose articles are weeks apart are never one happening, however alike their words (a line
of background retold later, or look-alike news); the same news from two outlets on the same day
is one story event with two sources.
"""

from __future__ import annotations

from pathlib import Path

from story_cases import Ev, article, state, store_with
from storyline.story import storage

SHELLING = ("Troops shelled the border village of Tavush overnight, wounding two farmers, officials said.",
            "Troops shelled the border village of Tavush overnight, wounding two farmers, the ministry said.")


def _stories(tmp_path: Path, docs: list, name: str = "story") -> list:
    store = store_with(tmp_path, docs, f"{name}.duckdb")
    storage.update(store)
    return storage.story_events(store)


def _shelling(published: tuple[str, str], status: str) -> list:
    fillers = (["Markets in the capital opened late after a holiday weekend and a power cut."],
               ["Farmers in the south say the harvest of apricots this year is the best in a decade."])
    return [article(f"{n}.txt", outlet, day, [Ev(text, "ASSAULT", [state("AZE")], [state("ARM")], None, status)], filler)
            for n, (outlet, day, text, filler) in enumerate(zip(("Trend", "Armenpress"), published, SHELLING, fillers,
                                                                strict=True))]


def test_undated_events_of_articles_weeks_apart_are_never_one_happening(tmp_path: Path) -> None:
    for status in ("reported", "historical"):
        stories = _stories(tmp_path, _shelling(("2021-03-02", "2021-05-11"), status), status)
        assert len(stories) == 2, status


def test_undated_events_of_articles_days_apart_in_nearly_the_same_words_are_one(tmp_path: Path) -> None:
    (s,) = _stories(tmp_path, _shelling(("2021-03-02", "2021-03-06"), "historical"))
    assert s.source_count == 2


SWAP = (Ev("Armenia and Azerbaijan agreed to exchange all prisoners held since the war.", "AGREE",
           [state("ARM"), state("AZE")]),
        Ev("Yerevan and Baku struck a deal on a swap of detainees, mediators announced.", "AGREE",
           [state("ARM"), state("AZE")]))


def _swap(days: tuple[str, str], sides: tuple[list, list] | None = None) -> list:
    evs = [Ev(e.sentence, e.what, sides[n] if sides else e.source) for n, e in enumerate(SWAP)]
    return [article(f"{outlet}.txt", outlet, day, [e], [f"{outlet} reports from the region every day of the week."])
            for outlet, day, e in zip(("Trend", "Armenpress"), days, evs, strict=True)]


def test_the_same_news_from_two_outlets_on_the_same_day_is_one_story_event(tmp_path: Path) -> None:
    (s,) = _stories(tmp_path, _swap(("2021-03-02", "2021-03-02")))
    assert s.source_count == 2 and s.outlets == ["Armenpress", "Trend"]


def test_undated_news_of_other_days_or_other_parties_stays_apart(tmp_path: Path) -> None:
    # told on different days in other words, nothing dates them to the same happening
    assert len(_stories(tmp_path, _swap(("2021-03-02", "2021-03-05")), "days")) == 2
    # the same day, but the deals of other parties
    other = ([state("ARM"), state("AZE")], [state("RUS"), state("TUR")])
    assert len(_stories(tmp_path, _swap(("2021-03-02", "2021-03-02"), other), "parties")) == 2
