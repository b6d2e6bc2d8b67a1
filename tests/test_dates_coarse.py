"""Dates in stories whose own date is known only to its month, and present references that name the
moment of speaking: constructed sentences, through the real parse and dates stages."""

from __future__ import annotations

import pytest

from storyline.dates.anchor import date_for_clause, news_day
from storyline.model import DateValue, Document, content_id
from storyline.pipeline import Context, run_stages


def run(ctx: Context, text: str, published: str, precision: str) -> Document:
    doc = Document(id=content_id(text), name="t", origin="t", text=text,
                   published=DateValue(published, precision, "test"))
    (outcome,) = run_stages([doc], ctx, ["parse", "dates"])
    assert outcome.error is None, outcome.error
    assert outcome.document is not None
    return outcome.document


def span(doc: Document, words: str) -> tuple[int, int]:
    start = doc.text.index(words)
    return start, start + len(words)


# a weekday, "yesterday" or a clock time counted from a month: any day of it, never the month before
COARSE = [
    ("The ministers met in Vienna on Wednesday.", "Wednesday"),
    ("The envoy arrived in the capital yesterday.", "yesterday"),
    ("The truce took effect at 6 pm.", "6 pm"),
    ("Talks resumed on Monday morning.", "Monday morning"),
]


@pytest.mark.parametrize(("text", "words"), COARSE, ids=[c[1] for c in COARSE])
def test_day_counted_from_a_month_stays_in_that_month(ctx: Context, text: str, words: str) -> None:
    doc = run(ctx, text, "2021-03", "month")
    (t,) = [t for t in doc.timexes if t.text == words]
    assert t.value == "2021-03"


def test_weekday_counted_from_a_day_is_still_a_day(ctx: Context) -> None:
    doc = run(ctx, "The ministers met in Vienna on Wednesday.", "2021-03-05", "day")
    (t,) = [t for t in doc.timexes if t.text == "Wednesday"]
    assert t.value == "2021-03-03"


LEAD = ("Two delegations held talks in Geneva for a week. At the end of the talks on 12 March 2021, "
        "the envoys signed a truce. The truce took effect at once.\n\n"
        "The ministers praised the deal.")


def test_month_dated_story_takes_its_leads_day_as_news_day(ctx: Context) -> None:
    doc = run(ctx, LEAD, "2021-03", "month")
    lead = news_day(doc)
    assert lead is not None and lead.value == "2021-03-12"
    dv = date_for_clause(doc, *span(doc, "The ministers praised the deal"), "reported")
    assert dv is not None and dv.value == "2021-03-12"


def test_a_lead_day_outside_the_stories_month_is_no_news_day(ctx: Context) -> None:
    doc = run(ctx, LEAD, "2021-04", "month")
    assert news_day(doc) is None
    dv = date_for_clause(doc, *span(doc, "The ministers praised the deal"), "reported")
    assert dv is not None and (dv.value, dv.precision) == ("2021-04", "month")


@pytest.mark.parametrize("hint", [None, "reported"])
def test_now_dates_its_clause_to_the_news_day(ctx: Context, hint: str | None) -> None:
    doc = run(ctx, "The troops must leave the region now, the minister said.", "2020-11-12", "day")
    dv = date_for_clause(doc, *span(doc, "The troops must leave the region now"), hint)
    assert dv is not None and (dv.value, dv.precision) == ("2020-11-12", "day")


def test_currently_still_dates_its_clause_to_the_month(ctx: Context) -> None:
    doc = run(ctx, "The envoys are currently holding talks.", "2020-11-12", "day")
    dv = date_for_clause(doc, *span(doc, "The envoys are currently holding talks"), "reported")
    assert dv is not None and (dv.value, dv.precision) == ("2020-11", "month")


def test_now_in_a_historical_clause_gives_no_news_day(ctx: Context) -> None:
    doc = run(ctx, "The region, now held by the army, was seized in 1994.", "2020-11-12", "day")
    dv = date_for_clause(doc, *span(doc, "The region, now held by the army"), "historical")
    assert dv is None or dv.value != "2020-11-12"
