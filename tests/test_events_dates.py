"""The date of an event whose clause carries a deadline for a promised act: constructed sentences,
through the real pipeline (parse, dates, actors, events)."""

from __future__ import annotations

import pytest

from storyline.events.placing import core_span
from storyline.model import DateValue, Document, Event, content_id
from storyline.options import Options
from storyline.pipeline import Context, run_stages


def events(ctx: Context, text: str, published: str = "2020-05-10") -> list[Event]:
    doc = Document(id=content_id(text), name="test.txt", origin="test", text=text,
                   published=DateValue(published, "day", "test"))
    [outcome] = run_stages([doc], ctx, list(Options().stages))
    assert outcome.error is None, outcome.error
    return outcome.document.events


# a promise made today with a deadline for what it promises: the promise is of the news day
DEADLINES = [
    "Russia and Ukraine have agreed to implement new border measures by the end of the year.",
    "Russia pledged to complete the reforms by next March.",
]


@pytest.mark.parametrize("text", DEADLINES, ids=["agreed", "pledged"])
def test_a_deadline_of_the_promised_act_does_not_date_the_promise(ctx: Context, text: str) -> None:
    evs = [e for e in events(ctx, text) if e.status == "reported"]
    assert evs, [(e.evidence, e.status) for e in events(ctx, text)]
    assert all(e.date is not None and e.date.value == "2020-05-10" for e in evs)


def test_a_promised_act_keeps_its_deadline(ctx: Context) -> None:
    evs = [e for e in events(ctx, "France and Germany agreed to stabilize the region by next March.")
           if e.status == "planned"]
    assert evs and all(e.date is not None and e.date.value == "2021-03" for e in evs)


def test_a_date_of_the_promise_itself_still_dates_it(ctx: Context) -> None:
    text = "On Friday, Russia and Ukraine agreed to implement new border measures by the end of the year."
    evs = events(ctx, text)
    assert evs and all(e.date is not None and e.date.value == "2020-05-08" for e in evs)



def test_a_passive_of_expectation_keeps_its_complements_date_in_its_clause(ctx: Context) -> None:
    sdoc = ctx.nlp("The rebels are expected to sign the accord on Friday.")
    head = next(t for t in sdoc if t.lower_ == "expected")
    lo, hi = core_span(head, head)
    assert "on Friday" in sdoc.text[lo:hi]


def test_an_active_promise_leaves_its_complements_deadline_out_of_its_clause(ctx: Context) -> None:
    sdoc = ctx.nlp("The rebels promised to sign the accord by Friday.")
    head = next(t for t in sdoc if t.lower_ == "promised")
    lo, hi = core_span(head, head)
    assert "Friday" not in sdoc.text[lo:hi]


# a reply dated by the act it answers: the date on that act is not the reply's (a Friday, 2020-05-15)
REPLIES = [
    ("The army shelled the village in response to an attack on a checkpoint last Sunday.", "2020-05-15"),
    ("Israeli jets struck targets in Gaza in retaliation for Wednesday's rocket attack on Sderot.", "2020-05-15"),
    ("On Thursday, the army shelled the village in response to an attack on a checkpoint.", "2020-05-14"),
]


@pytest.mark.parametrize(("text", "day"), REPLIES, ids=["response to an attack last Sunday",
                                                       "retaliation for Wednesday's attack", "the reply's own day"])
def test_a_date_on_the_act_a_reply_answers_does_not_date_the_reply(ctx: Context, text: str, day: str) -> None:
    [assault] = [e for e in events(ctx, text, "2020-05-15") if e.what == "ASSAULT"]
    assert assault.date is not None and assault.date.value == day


def test_a_day_inside_the_clauses_week_dates_it(ctx: Context) -> None:
    """``anchor._finest_inside``: "earlier this week, on Wednesday" dates the clause to the
    Wednesday, the narrower of two dates that nest."""
    [accuse] = [e for e in events(ctx, "Earlier this week, on Wednesday, Turkey criticised the United States.",
                                  "2020-05-15") if e.what == "ACCUSE"]
    assert accuse.date is not None and accuse.date.value == "2020-05-13"
