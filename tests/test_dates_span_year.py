"""The year of a year-less dateline from a span of years told up to the story ("held over five
years, since the agreement of 2008"): ``dates.evidence.span_evidence`` in the year inference."""

from __future__ import annotations

import pytest

from storyline.model import Document, content_id
from storyline.pipeline import Context, run_stages


def published(ctx: Context, text: str, dateline: str = "March 4") -> str:
    doc = Document(id=content_id(text), name="t", origin="t", text=text, dateline_date=dateline)
    (outcome,) = run_stages([doc], ctx, ["parse", "dates"])
    assert outcome.error is None and outcome.document is not None, outcome.error
    assert outcome.document.published is not None
    return outcome.document.published.value


@pytest.mark.parametrize(("text", "value"), [
    ("The border talks have been held for seven years under the accord signed in June 2011.", "2018-03-04"),
    ("Observers are being deployed over three years under the plan adopted in 2015.", "2018-03-04"),
], ids=["present perfect", "present progressive passive"])
def test_a_span_told_up_to_the_story_from_a_named_year_dates_it(ctx: Context, text: str, value: str) -> None:
    assert published(ctx, text) == value


@pytest.mark.parametrize("text", [
    "The border talks were held for seven years under the accord signed in June 2011.",
    "The border talks have been held for seven years under accords signed in 2011 and 2013.",
    "The border talks have been held for seven years.",
], ids=["a span told as over", "two years named: no one start", "no start named"])
def test_a_span_without_one_start_or_over_tells_no_year(ctx: Context, text: str) -> None:
    assert published(ctx, text).startswith("XXXX")
