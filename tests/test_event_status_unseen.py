"""An event's status on sentences of our own, for the classes of status error seen on unseen news
(issue 12): acts told about an earlier time, plans and wishes told in other words than "will",
and the status a governing clause lends its content.

The cases are a table (``status_cases.yaml``): one per rule, each beside a case the rule must
leave alone, the case's id naming its class. The real spaCy model and every stage run (the
``code`` fixture and ``status_of`` helper of test_event_status.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from storyline.events.status import StatusRules
from storyline.model import DateValue
from test_event_status import code, status_of

__all__ = ["code", "status_of"]  # the fixture and helper this module's tests use

FRIDAY = "2020-05-15"
CASES: list[dict[str, str]] = yaml.safe_load((Path(__file__).parent / "status_cases.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_status(code, case: dict[str, str]) -> None:
    events = code(case["text"], case.get("published", FRIDAY))
    if "starts" in case:  # an event inside another's evidence: the one whose evidence starts so
        events = [e for e in events if e.evidence.startswith(case["starts"])]
    assert status_of(events, case["what"], case.get("words", "")) == case["status"]
    if "date" in case:
        [event] = [e for e in events if e.what == case["what"] and case.get("words", "") in e.evidence]
        assert event.date is not None and event.date.value == case["date"]


@pytest.mark.parametrize(("sentence", "noun", "news"), [
    ("Turkey sent military advisers to Baku amid the clashes between Armenia and Azerbaijan.", "clashes", True),
    ("Ankara has promised to support Baku fully in the heavy clashes with Armenian units.", "clashes", True),
    ("Turkey condemned the clashes between Armenia and Azerbaijan.", "clashes", False),
    ("Turkey sent advisers to Baku during the clashes of 2016.", "clashes", False),
], ids=["amid the clashes", "in the clashes, however the parser hangs it", "condemned clashes",
        "clashes dated in the phrase"])
def test_an_act_named_as_the_setting_of_the_news_is_news(ctx, sentence: str, noun: str, news: bool) -> None:
    """``news_reference``: an act named as the setting ("amid", "during", "in") of the clause's
    act goes on when that act does; one reacted to, or dated in its own phrase, is a reference."""
    rules = StatusRules(ctx.lexicon("event_status") or {})
    [tok] = [t for t in ctx.nlp(sentence) if t.text == noun]
    assert rules.news_reference(tok, None, DateValue(FRIDAY, "day", "test")) is news


def test_a_sentence_about_the_previous_round_frames_only_its_own_paragraph(code) -> None:
    """``StatusRules.continues_prior``: the earlier act told in one paragraph does not reach into
    the next one."""
    events = code("The previous session of negotiations in Vienna produced nothing.\n\n"
                  "Moldova blocked the talks by pointing to a missing agenda item.", FRIDAY)
    assert status_of(events, "REJECT") == "reported"


def test_an_act_told_as_since_done_takes_no_year_of_publication(code) -> None:
    """``TimePlace._up_to_now`` dates only acts told as repeated: "has since declared" began
    at some earlier time the tense does not tell."""
    [event] = [e for e in code("Iraq has since declared victory over the militants.", FRIDAY) if e.status == "historical"]
    assert event.date is None or not event.date.value.startswith("2020")
