"""Review applied on read (storyline.serve.review), on constructed story events: a correction
changes the reviewed copy and never the machine's, splits and merges follow the member events
they name, the latest correction of a field wins, and bad requests name the field at fault."""

from __future__ import annotations

import pytest

from storyline.model import ActorRef, DateValue, StoryEvent, StorySource
from storyline.serve import review

CLASSES = ["CONSULT", "MEDIATE", "THREATEN", "AGREE"]


def source(doc: str, event: str, outlet: str, what: str = "CONSULT") -> StorySource:
    return StorySource(doc_id=doc, event_id=event, start=0, end=5, text="met in", outlet=outlet,
                       published="2020-01-0" + doc[-1], what=what)


def story(sid: str, *sources: StorySource) -> StoryEvent:
    return StoryEvent(id=sid, what="CONSULT", date=DateValue("2020-01-01"), source=[ActorRef("Russia")],
                      target=[ActorRef("Armenia")], sources=list(sources), source_count=len(sources),
                      outlets=sorted({s.outlet for s in sources if s.outlet}))


def correction(kind: str, target: str, field: str, new: object, machine: object = None, n: int = 0) -> dict:
    return {"id": f"c{n}", "target_kind": kind, "target_id": target, "field": field, "machine_value": machine,
            "new_value": new, "author": "A", "reason": "", "created_at": f"2026-01-01 00:00:0{n}"}


@pytest.fixture
def stories() -> list[StoryEvent]:
    return [story("se-1", source("d1", "e1", "TASS"), source("d2", "e2", "Trend"), source("d3", "e3", "AP")),
            story("se-2", source("d4", "e4", "TASS"))]


def test_a_class_correction_changes_the_reviewed_story_event_only(stories: list[StoryEvent]) -> None:
    out, notes = review.review_stories(stories, [correction("event", "d1-e1", "what", "MEDIATE", "CONSULT")])
    assert out[0].what == "MEDIATE" and notes["se-1"].fields["what"] == {"machine": "CONSULT", "value": "MEDIATE"}
    assert out[0].sources[0].what == "MEDIATE"
    assert stories[0].what == "CONSULT" and stories[0].sources[0].what == "CONSULT"  # the machine's untouched
    assert "se-2" not in notes


def test_the_latest_correction_of_a_field_wins() -> None:
    rows = [correction("event", "d1-e1", "what", "MEDIATE", n=1), correction("event", "d1-e1", "what", "AGREE", n=2)]
    assert review.latest(rows)[("event", "d1-e1")]["what"]["new_value"] == "AGREE"


def test_members_marked_wrong_leave_and_an_empty_story_event_leaves_the_timeline(stories: list[StoryEvent]) -> None:
    out, notes = review.review_stories(stories, [correction("event", "d3-e3", "wrong", True),
                                                 correction("event", "d4-e4", "wrong", True)])
    assert [s.id for s in out] == ["se-1"]
    assert out[0].source_count == 2 and out[0].outlets == ["TASS", "Trend"] and notes["se-1"].removed == ["d3-e3"]


def test_a_split_takes_the_named_members_out_and_a_merge_joins_by_members(stories: list[StoryEvent]) -> None:
    split = correction("story_event", "se-1", "split", {"members": ["d3-e3"]}, n=1)
    out, notes = review.review_stories(stories, [split])
    assert len(out) == 3
    new = next(s for s in out if s.id not in ("se-1", "se-2"))
    assert [x.event_id for x in new.sources] == ["e3"] and new.outlets == ["AP"] and notes[new.id].split_from == "se-1"
    assert next(s for s in out if s.id == "se-1").source_count == 2
    merge = correction("story_event", "se-1", "merge", {"members": ["d1-e1", "d4-e4"]}, n=2)
    out, notes = review.review_stories(stories, [split, merge])
    assert len(out) == 2 and {x.event_id for x in next(s for s in out if s.id == "se-1").sources} == {"e1", "e2", "e4"}
    assert notes["se-1"].merged == ["se-2"]


def test_actor_and_date_corrections_reach_the_story_event(stories: list[StoryEvent]) -> None:
    out, _ = review.review_stories(stories, [correction("event", "d4-e4", "source", ["France"]),
                                             correction("event", "d4-e4", "date", "2019-12")])
    se2 = next(s for s in out if s.id == "se-2")
    assert [r.name for r in se2.source] == ["France"] and se2.date.value == "2019-12" and se2.date.precision == "month"


@pytest.mark.parametrize(("changes", "param"), [({"what": "PARTY"}, "changes.what"), ({"when": "x"}, "changes.when"),
                                                ({"date": "2020-1-1"}, "changes.date"), ({"wrong": 1}, "changes.wrong"),
                                                ({"location": "  "}, "changes.location"), ([], "changes")])
def test_a_bad_change_names_its_field(changes: object, param: str) -> None:
    with pytest.raises(review.ReviewError) as e:
        review.check_changes("event", changes, CLASSES)
    assert e.value.param == param


def test_changes_are_normalised() -> None:
    got = review.check_changes("event", {"what": "mediate", "source": "Russia; France ;", "wrong": False}, CLASSES)
    assert got == {"what": "MEDIATE", "source": ["Russia", "France"], "wrong": False}
    assert review.split_event_key("0a1b-ev_12") == ("0a1b", "ev_12")
    with pytest.raises(review.ReviewError):
        review.split_event_key("no id")
