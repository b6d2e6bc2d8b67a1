"""Temporal expressions: every kind issue 4 lists, found in a sentence and normalised against the
document date given, through the real parse and dates stages."""

from __future__ import annotations

import pytest

from storyline.dates import find, normalise_all
from storyline.dates.rules import DateRules, rules_for
from storyline.errors import StorylineError
from storyline.lexicons import load_lexicon
from storyline.model import DateValue, Document, TimeExpression, content_id
from storyline.pipeline import Context, run_stages


def run(ctx: Context, text: str, doc_date: str | None) -> Document:
    doc = Document(id=content_id(text), name="t", origin="t", text=text,
                   published=DateValue(doc_date, "day", "test") if doc_date else None)
    (outcome,) = run_stages([doc], ctx, ["parse", "dates"])
    assert outcome.error is None, outcome.error
    assert outcome.document is not None
    return outcome.document


def timex(ctx: Context, text: str, doc_date: str | None, words: str) -> TimeExpression:
    """The expression whose text is ``words`` (it must be found with exactly that extent)."""
    doc = run(ctx, text, doc_date)
    hits = [t for t in doc.timexes if t.text == words]
    assert hits, f"{words!r} not found; found {[t.text for t in doc.timexes]}"
    t = hits[0]
    assert doc.text[t.start:t.end] == t.text
    return t


# (sentence, document date, the expression's words, its value)
CASES = [
    # dates of any precision
    ("The clashes began on 2016-04-02 in the north.", "2016-04-06", "2016-04-02", "2016-04-02"),
    ("The talks began in July 2018 in Brussels.", "2018-07-27", "July 2018", "2018-07"),
    ("The conflict began in 1988.", "2018-07-27", "1988", "1988"),
    ("Fighting flared in the summer of 2014.", "2016-04-06", "the summer of 2014", "2014-SU"),
    ("The envoy spoke to the press on June 18 in Tbilisi.", "2014-06-18", "June 18", "2014-06-18"),
    ("Lavrov arrived on 18 June 2014.", "2016-01-01", "18 June 2014", "2014-06-18"),
    # weekdays and days relative to the document date
    ("Medvedev said today that talks continue.", "2010-05-12", "today", "2010-05-12"),
    ("The spokeswoman said on Friday that Oslo welcomes the contacts.", "2018-07-27", "Friday", "2018-07-27"),
    ("The minister stated on Thursday that the mediators will arrive.", "2020-11-12", "Thursday", "2020-11-12"),
    ("The ministers will meet on Monday in Geneva.", "2020-11-12", "Monday", "2020-11-16"),
    ("The shelling resumed during the night last Sunday, May 8.", "2016-05-11",
     "last Sunday, May 8", "2016-05-08"),
    ("Earlier, on 5 April, the army announced a ceasefire.", "2016-04-06", "5 April", "2016-04-05"),
    ("The talks were held yesterday.", "2016-04-06", "yesterday", "2016-04-05"),
    ("A statement is expected tomorrow.", "2016-04-06", "tomorrow", "2016-04-07"),
    ("Earlier in July, the foreign ministers held negotiations in Brussels.", "2018-07-27", "July", "2018-07"),
    ("A forum will be held in October in Baku.", "2014-06-18", "October", "2014-10"),
    ("A forum was held in October in Baku.", "2014-06-18", "October", "2013-10"),
    # a state told as over ended before the story; an act's object may run on past it
    ("McGurk, who was envoy until December, criticised the decision.", "2019-10-08", "December", "2018-12"),
    ("The bank extended the loan through January.", "2019-10-08", "January", "2020-01"),
    ("The talks were postponed until December.", "2019-10-08", "December", "2019-12"),
    ("The deal was signed last year.", "2020-11-12", "last year", "2019"),
    # a day whose year the words after it name
    ("The envoys first met on April 14 last year.", "2020-11-12", "April 14 last year", "2019-04-14"),
    ("The border reopened on the 3rd of March this year.", "2020-11-12", "the 3rd of March this year", "2020-03-03"),
    # a weekday or a day without its year right after a week or a year is that day of it
    ("Last week, on Tuesday, the envoys met in Doha.", "2020-11-12", "Tuesday", "2020-11-03"),
    ("In 2015, on May 4, the envoys met in Doha.", "2020-11-12", "May 4", "2015-05-04"),
    ("The envoys met in Doha last week. On Tuesday, the talks resumed.", "2020-11-12", "Tuesday", "2020-11-10"),
    # a weekday after a deadline word is the day a wait ends, ahead of the story (a Thursday)
    ("The militia was given until Monday to leave the village.", "2020-11-12", "Monday", "2020-11-16"),
    ("The parliament postponed the vote until Saturday.", "2020-11-12", "Saturday", "2020-11-14"),
    ("The envoy could arrive as soon as Tuesday.", "2020-11-12", "Tuesday", "2020-11-17"),
    ("The ministry said the troops would leave by Sunday.", "2020-11-12", "Sunday", "2020-11-15"),
    ("The troops had left the town by Sunday.", "2020-11-12", "Sunday", "2020-11-08"),
    ("Until Tuesday, the police had not named the suspect.", "2020-11-12", "Tuesday", "2020-11-10"),
    ("The rebels attacked the town on Sunday.", "2020-11-12", "Sunday", "2020-11-08"),
    ("The envoys will come next week.", "2020-11-12", "next week", "2020-W47"),
    ("Sales fell 5% in the third quarter.", "1989-10-26", "the third quarter", "1989-Q3"),
    ("The deal dates from two years ago.", "2020-11-12", "two years ago", "2018"),
    ("The accords on the river border dated November 9 hold.", "2020-11-12", "November 9", "2020-11-09"),
    # vague references
    ("They agreed to meet again in the near future.", "2018-07-27", "the near future", "FUTURE_REF"),
    ("Soon the ministers will hold a meeting.", "2010-05-12", "Soon", "FUTURE_REF"),
    ("Recently, some progress has been achieved.", "2010-05-12", "Recently", "PAST_REF"),
    ("The co-chairs are currently holding talks.", "2010-05-12", "currently", "PRESENT_REF"),
    # numeric forms
    ("The mayor opened the bridge 06.04.2016", None, "06.04.2016", "2016-04-06"),
    # sets
    ("There were several rounds of shelling a day.", "2020-11-12", "a day", "P1D"),
    ("The council meets every Thursday.", "2020-11-12", "every Thursday", "XXXX-WXX-4"),
]


@pytest.mark.parametrize(("text", "doc_date", "words", "value"), CASES, ids=[c[2] for c in CASES])
def test_expression_value(ctx: Context, text: str, doc_date: str | None, words: str, value: str) -> None:
    assert timex(ctx, text, doc_date, words).value == value


def test_ranges_keep_their_end(ctx: Context) -> None:
    text = "Following the border war of 1977-1979 the town lost its market. Since 1977 talks went on."
    closed = timex(ctx, text, "2016-04-06", "1977-1979")
    assert (closed.value, closed.range_end) == ("1977", "1979")
    since = [t for t in run(ctx, text, "2016-04-06").timexes if t.text == "1977"]
    assert since and since[0].range_end == "PRESENT_REF"


def test_from_to_range_closes_on_the_second_date(ctx: Context) -> None:
    doc = run(ctx, "He served from 1991 to 1997 in Moscow.", "2000-01-01")
    first = next(t for t in doc.timexes if t.text == "1991")
    assert first.range_end == "1997"


def test_duration_with_its_modifier(ctx: Context) -> None:
    t = timex(ctx, "The talks lasted for more than six hours.", "2020-11-12", "more than six hours")
    assert (t.type, t.value, t.mod) == ("DURATION", "PT6H", "MORE_THAN")


def test_early_and_late_modify_a_date(ctx: Context) -> None:
    t = timex(ctx, "The offensive is expected in early December.", "1999-11-20", "early December")
    assert (t.value, t.mod) == ("1999-12", "START")


def test_numeric_order_follows_the_outlets_own_dates(ctx: Context) -> None:
    # dots read day first by default; a date of the document that can only be month first
    # ("12.25.2016") shows the outlet writes month first, and the doubtful one follows it
    assert timex(ctx, "Published 06.04.2016.", None, "06.04.2016").value == "2016-04-06"
    doc = run(ctx, "Filed 12.25.2016. Updated 06.04.2016.", None)
    assert {t.text: t.value for t in doc.timexes} == {"12.25.2016": "2016-12-25", "06.04.2016": "2016-06-04"}


def test_words_that_are_not_dates_stay_out(ctx: Context) -> None:
    doc = run(ctx, "Prices may fall. The 2000 troops march to the border. The 6-year-old boy was found.",
              "2000-01-10")
    assert [t.text for t in doc.timexes] == []


def test_expressions_without_a_document_date_keep_what_they_say(ctx: Context) -> None:
    doc = run(ctx, "The deal of November 9 was signed on Thursday.", None)
    values = {t.text: t.value for t in doc.timexes}
    assert values == {"November 9": "XXXX-11-09", "Thursday": "XXXX-WXX-4"}


def test_anaphoric_expressions_count_from_the_last_date(ctx: Context) -> None:
    doc = run(ctx, "The ceasefire was agreed on March 3, 2015. The next day, shelling resumed.", "2016-01-10")
    assert {t.text: t.value for t in doc.timexes}["The next day"] == "2015-03-04"


def test_soon_afterwards_is_the_last_date_not_a_future(ctx: Context) -> None:
    """"Soon afterwards" tells the time just told (kind anaphoric), not "soon" (FUTURE_REF)."""
    doc = run(ctx, "The ceasefire was agreed on March 3, 2015. Shortly afterwards, shelling resumed. "
              "Talks will resume soon.", "2016-01-10")
    values = {t.text: t.value for t in doc.timexes}
    assert values["Shortly afterwards"] == "2015-03-03"
    assert values["soon"] == "FUTURE_REF"


def test_sentence_index_is_recorded(ctx: Context) -> None:
    doc = run(ctx, "Talks began. They ended on Friday.", "2018-07-27")
    friday = next(t for t in doc.timexes if t.text == "Friday")
    assert friday.sentence == 1


def test_user_lexicon_adds_a_pattern(tmp_path) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text("dates:\n  words:\n    holiday:\n      nowruz: 03-21\n", encoding="utf-8")
    rules = DateRules(load_lexicon("dates", [extra]))
    found = find("They met on Nowruz.", rules)
    doc = Document(id="x", name="x", origin="x", text="They met on Nowruz.")
    (t,) = normalise_all(doc, found, rules, "2019-04-01")
    assert (t.text, t.value) == ("Nowruz", "2019-03-21")


def test_bad_pattern_is_reported_with_its_name() -> None:
    data = load_lexicon("dates")
    bad = dict(data, patterns=[{"id": "broken", "kind": "calendar", "match": "{nosuchclass}"}])
    with pytest.raises(StorylineError) as e:
        DateRules(bad)
    assert e.value.code == "E403" and "broken" in str(e.value)


def test_rules_are_compiled_once_per_context(ctx: Context) -> None:
    assert rules_for(ctx) is rules_for(ctx)


def test_numeric_order_follows_the_outlets_habit(ctx: Context) -> None:
    text = "Updated 06/04/2016."
    assert timex(ctx, text, None, "06/04/2016").value == "2016-06-04"  # slashes: month first
    doc = Document(id=content_id(text), name="t", origin="t", text=text, publisher="TASS")
    (outcome,) = run_stages([doc], ctx, ["parse", "dates"])
    assert [t.value for t in outcome.document.timexes] == ["2016-04-06"]  # TASS writes day first


def test_a_date_describing_a_thing_does_not_move_the_narrative(ctx: Context) -> None:
    text = ("Ministers met in Cairo on Wednesday. They said the November 27 deal was void. "
            "In a press release issued the following day, Turkey protested.")
    doc = run(ctx, text, "2020-01-11")
    values = {t.text: t.value for t in doc.timexes}
    assert values["Wednesday"] == "2020-01-08"
    assert values["the following day"] == "2020-01-09"


def test_clock_time_with_zones_and_its_date(ctx: Context) -> None:
    text = "The ferry ran aground at about 9:15 p.m. BST (2015 UTC) on July 14."
    t = timex(ctx, text, "2019-10-10", "9:15 p.m. BST (2015 UTC) on July 14")
    assert (t.type, t.value) == ("TIME", "2019-07-14T21:15")
    assert [x.text for x in run(ctx, text, "2019-10-10").timexes] == ["9:15 p.m. BST (2015 UTC) on July 14"]


@pytest.mark.parametrize("text", ["The rock formed 3000000 days ago, and the river came on 2 March 2019.",
                                  "The vault opens 9000 years from now, and the river came on 2 March 2019."])
def test_a_date_the_calendar_cannot_hold_is_dropped_alone(ctx: Context, text: str) -> None:
    # the class: a relative expression counted beyond the calendar (days or years so many that the
    # date falls past year 9999); it is dropped with a warning, the document and its other dates kept
    doc = run(ctx, text, "2021-03-04")
    assert [t.value for t in doc.timexes if t.text == "2 March 2019"] == ["2019-03-02"]


@pytest.mark.parametrize(("text", "value"), [
    ("The army seized the capital on November 15, 2017. The president resigned on November 21.", "2017-11-21"),
    ("The army seized the capital on November 15, 2017. The envoys will meet on November 21.", "2019-11-21"),
    ("The army seized the capital on November 15, 2017. The envoys met again on September 2.", "2019-09-02"),
    ("The army seized the capital in 2017. The president resigned on November 21.", "2019-11-21"),
], ids=["continues the story of 2017", "a day ahead stays ahead", "a day before the news stays this year's",
        "a year alone names no day to continue"])
def test_a_day_without_its_year_continues_the_story_of_the_last_day_given_with_one(
        ctx: Context, text: str, value: str) -> None:
    """``Reader._story_day``: a day whose reading against the document date (9 September 2019)
    would lie after the story, in a clause not told as ahead, belongs to the year of the day last
    given with its year, when it falls within weeks after it."""
    day = text.rsplit(" on ", 1)[1].rstrip(".")
    assert timex(ctx, text, "2019-09-09", day).value == value
