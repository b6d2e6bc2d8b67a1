"""The one reader of TIMEX3 value strings (dates.values): every value form the normaliser writes
reads back as the stretch of days it was written for, the same in the dates stage, the story
layer and the command-line filters."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from storyline.dates.values import PRECISION, Point, fmt, parse_value, period
from storyline.story.dates import value_span

#: One point per granularity the normaliser writes (values.fmt), with the days its value covers.
WRITTEN = [
    (Point(date(1998, 11, 20), "day"), "1998-11-20", (date(1998, 11, 20), date(1998, 11, 20))),
    (Point(date(1998, 11, 20), "pod", pod="EV"), "1998-11-20TEV", (date(1998, 11, 20), date(1998, 11, 20))),
    (Point(date(1998, 11, 20), "time", clock="19:15", tz="Z"), "1998-11-20T19:15Z",
     (date(1998, 11, 20), date(1998, 11, 20))),
    (Point(date(2016, 4, 6), "week"), "2016-W14", (date(2016, 4, 4), date(2016, 4, 10))),
    (Point(date(2016, 4, 9), "weekend"), "2016-W14-WE", (date(2016, 4, 9), date(2016, 4, 10))),
    (Point(date(1998, 2, 11), "month"), "1998-02", (date(1998, 2, 1), date(1998, 2, 28))),
    (Point(date(1989, 8, 3), "quarter"), "1989-Q3", (date(1989, 7, 1), date(1989, 9, 30))),
    (Point(date(1989, 8, 3), "half"), "1989-H2", (date(1989, 7, 1), date(1989, 12, 31))),
    (Point(date(2014, 7, 3), "season"), "2014-SU", (date(2014, 6, 1), date(2014, 8, 31))),
    (Point(date(1998, 12, 5), "season"), "1998-WI", (date(1998, 12, 1), date(1999, 2, 28))),
    # January 1999 is in the winter that began in December 1998: written 1998-WI as well
    (Point(date(1999, 1, 15), "season"), "1998-WI", (date(1998, 12, 1), date(1999, 2, 28))),
    (Point(date(1998, 5, 1), "year"), "1998", (date(1998, 1, 1), date(1998, 12, 31))),
    (Point(date(1994, 5, 1), "decade"), "199", (date(1990, 1, 1), date(1999, 12, 31))),
    (Point(date(1994, 5, 1), "century"), "19", (date(1900, 1, 1), date(1999, 12, 31))),
]


def test_the_cases_cover_every_granularity_the_normaliser_writes() -> None:
    assert {p.gran for p, _, _ in WRITTEN} == set(PRECISION)


@pytest.mark.parametrize(("point", "value", "days"), WRITTEN, ids=[v for _, v, _ in WRITTEN])
def test_a_written_value_reads_back_as_the_days_it_was_written_for(point: Point, value: str,
                                                                   days: tuple[date, date]) -> None:
    assert fmt(point) == value
    assert period(value) == days
    assert days[0] <= point.day <= days[1]
    span = value_span(value)  # the story layer reads the same stretch
    assert span is not None and (span.first, span.last) == days


def test_the_start_point_of_a_value_is_the_first_day_of_its_period() -> None:
    for _, value, days in WRITTEN:
        p = parse_value(value)
        if p is None:  # decades and centuries name no point
            continue
        if value.endswith("-WE"):  # a weekend's point is its week, which the normaliser counts in
            assert p.day == days[0] - timedelta(days=5)
        else:
            assert p.day == days[0], value


def test_ranges_and_other_forms() -> None:
    assert period("1992..1994") == (date(1992, 1, 1), date(1994, 12, 31))
    assert period("199X") == period("199")
    assert period("19XX") == period("19")
    assert value_span("1992..1994").precision == "range"


@pytest.mark.parametrize("value", ["XXXX-11-09", "XXXX-WI", "XXXX", "PAST_REF", "PRESENT_REF", "P6M", "PXY",
                                   "XXXX-WXX-1", "", None, "not a date"])
def test_values_that_name_no_stretch_of_the_calendar(value: str | None) -> None:
    assert period(value) is None


@pytest.mark.parametrize("value", ["0000", "0000-05", "0000-05-01", "0000-W01", "0000-Q1", "0000-SU", "1998-13",
                                   "1998-02-30", "9999-WI"])
def test_a_value_the_calendar_cannot_hold_reads_as_nothing_not_an_exception(value: str) -> None:
    assert period(value) is None
    assert value_span(value) is None
    assert parse_value(value) is None or value == "9999-WI"  # the winter's first day still fits


@pytest.mark.parametrize(("published", "kept"), [("9999-12-31", "yesterday"), ("0001-01-01", "tomorrow")])
def test_a_date_counted_past_the_calendar_is_dropped_with_a_note(published: str, kept: str,
                                                                 caplog: pytest.LogCaptureFixture) -> None:
    """A document dated at the calendar's edge: "tomorrow" of 31 December 9999 cannot be written;
    that expression loses its value (a log note says so), the document and its other dates stay."""
    from storyline.model import RawDocument
    from storyline.options import Options
    from storyline.pipeline import extract

    text = "The talks ended yesterday. They resume tomorrow. Next year they meet again. Last year they met twice."
    [outcome] = list(extract([RawDocument("edge", "edge", text, kind="jsonl", metadata={"date": published})],
                             Options()))
    assert outcome.error is None and outcome.document is not None
    values = {t.text: t.value for t in outcome.document.timexes}
    assert values[kept] is not None  # the date the calendar holds is still there
    assert "is dropped" in caplog.text
