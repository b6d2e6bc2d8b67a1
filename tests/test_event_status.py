"""An event's status on sentences of our own: one test per rule of ``events/status.py`` (and the
paragraph frame of ``dates.anchor.frame_date``), each with a case the rule must leave alone.

The real spaCy model and every stage run; the assertions are on the status of the event the
sentence codes, found by its class.
"""

from __future__ import annotations

import pytest

from storyline.model import DateValue, Document, Event, content_id
from storyline.options import Options
from storyline.pipeline import run_stages


@pytest.fixture(scope="module")
def code(ctx):
    def run(text: str, published: str = "2020-05-10") -> list[Event]:
        doc = Document(id=content_id(text), name="test.txt", origin="test", text=text,
                       published=DateValue(published, "day", "test"))
        [outcome] = run_stages([doc], ctx, list(Options().stages))
        assert outcome.error is None, outcome.error
        return outcome.document.events

    return run


def status_of(events: list[Event], what: str, words: str = "") -> str:
    found = [e for e in events if e.what == what and words in e.evidence]
    assert len(found) == 1, [(e.what, e.status, e.evidence) for e in events]
    return found[0].status


# ---------------------------------------------------------------- a paragraph's frame


def test_a_paragraph_dated_in_the_past_frames_its_undated_past_clauses(code):
    events = code("In 2012, Moscow hosted a summit of the two presidents. "
                  "The European Union praised the talks as a breakthrough.")
    assert status_of(events, "SUPPORT") == "historical"


def test_a_date_inside_an_argument_frames_nothing(code):
    # "the 2011 Kazan document" names a document; it does not date the praise
    events = code("Lavrov praised the 2011 Kazan document. Armenia accused Azerbaijan of violating the ceasefire.")
    assert status_of(events, "ACCUSE") == "reported"


def test_the_frame_ends_with_the_paragraph(code):
    events = code("In 2012, Moscow hosted a summit of the two presidents.\n\n"
                  "The European Union praised the talks as a breakthrough.")
    assert status_of(events, "SUPPORT") == "reported"


def test_a_news_day_frame_keeps_the_news(code):
    events = code("On Friday, Moscow hosted a summit of the two presidents. "
                  "The European Union praised the talks as a breakthrough.")
    assert status_of(events, "SUPPORT") == "reported"


# ---------------------------------------------------------------- the present perfect


def test_has_since_is_background(code):
    assert status_of(code("Norway has since recognised the new government."), "SUPPORT") == "historical"


def test_a_present_perfect_over_years_is_background(code):
    events = code("Russia has expanded military cooperation with Serbia in recent years.")
    assert status_of(events, "COOPERATE") == "historical"


def test_a_present_perfect_in_a_relative_clause_is_background(code):
    events = code("Turkey will take back the refugees whom Greece has refused to admit.")
    assert status_of(events, "REJECT") == "historical"


def test_a_plain_present_perfect_speech_act_is_news(code):
    events = code("Armenia has accused Azerbaijan of violating the ceasefire.")
    assert status_of(events, "ACCUSE") == "reported"


# ---------------------------------------------------------------- planned or going on


def test_an_announced_withdrawal_is_planned(code):
    events = code("On Monday, the Kremlin announced a full withdrawal from the border area.")
    assert status_of(events, "RETREAT") == "planned"


def test_an_announced_ceasefire_holds_now(code):
    events = code("On Monday, the Armenian army announced a ceasefire in Karabakh.")
    assert status_of(events, "RETREAT") == "reported"


def test_will_continue_tells_of_what_goes_on_now(code):
    events = code("Lavrov said Moscow will continue to facilitate talks between the two sides.")
    assert status_of(events, "CONSULT") == "reported"


def test_agreed_to_continue_is_still_planned(code):
    events = code("Armenia and Azerbaijan agreed to continue negotiations in Geneva.")
    assert status_of(events, "CONSULT") == "planned"


def test_recently_is_background(code):
    events = code("Recently, Japan formed a naval coalition to escort tankers through the channel.")
    assert status_of(events, "COOPERATE") == "historical"


def test_a_threat_is_made_now(code):
    events = code("If Iran attacks again, we will destroy its navy, Trump said on Monday.")
    assert status_of(events, "THREATEN") == "reported"


# ---------------------------------------------------------------- tense, backshift, events measured back


def test_a_perfect_progressive_is_background_whatever_the_parse_hangs_has_on(code):
    # "has" may hang on "been", not on the verb
    events = code("Italy banned the carrier on Monday. The US has been encouraging partners such as Italy to "
                  "ground the carrier's jets.")
    assert status_of(events, "REQUEST", "encouraging") == "historical"


def test_a_past_perfect_announced_is_the_news(code):
    events = code("The Tuareg rebels announced that they had concluded an accord with the government of Mali.")
    assert status_of(events, "AGREE") == "reported"


def test_a_past_perfect_said_stays_background(code):
    # below the lead (whose report's past perfect is the news: test_event_status_unseen)
    events = code("Mali's president thanked France.\n\nThe communique said French troops had beaten the insurgents in Mali.")
    assert status_of(events, "ASSAULT") == "historical"


def test_an_attack_a_week_before_the_news_and_what_the_paragraph_says_of_it(code):
    events = code("The minister spoke on Sunday in Nairobi. The speech came one week after an attack on fuel "
                  "depots in Kenya. The attack was claimed by the al-Shabaab group in Somalia.",
                  published="2019-09-23")
    attack = [e for e in events if e.what == "ASSAULT" and "attack on fuel" in e.evidence]
    assert [e.status for e in attack] == ["historical"]
    assert attack[0].date is not None and attack[0].date.value.startswith("2019-09-1")
    claim = [e for e in events if "claimed" in e.evidence]
    assert claim and all(e.status == "historical" for e in claim), [(e.what, e.status) for e in events]


def test_an_attack_hours_before_stays_news(code):
    events = code("The army moved in two hours after an attack on a checkpoint near Idlib.",
                  published="2019-09-23")
    assert status_of(events, "ASSAULT", "attack on a checkpoint") == "reported"
