"""An event's status on sentences of our own, for the classes of status error seen on unseen news
(issue 12): acts told about an earlier time, plans and wishes told in other words than "will",
and the status a governing clause lends its content. One test per rule, each with a case the
rule must leave alone.

The real spaCy model and every stage run (the ``code`` fixture and ``status_of`` helper of
test_event_status.py); the published day is a Friday unless a test says otherwise.
"""

from __future__ import annotations

from test_event_status import code, status_of

__all__ = ["code", "status_of"]  # the fixture and helper this module's tests use

FRIDAY = "2020-05-15"


# ---------------------------------------------------------------- an earlier week


def test_an_act_of_last_week_is_background(code):
    events = code("Armenia accused Azerbaijan of shelling border villages last week.", FRIDAY)
    assert status_of(events, "ACCUSE") == "historical"


def test_an_act_of_this_week_stays_news(code):
    events = code("Armenia accused Azerbaijan of shelling border villages on Wednesday.", FRIDAY)
    assert status_of(events, "ACCUSE") == "reported"


# ---------------------------------------------------------------- plans and wishes in other words


def test_a_passive_expectation_forecasts_a_plan(code):
    events = code("Armenia and Azerbaijan are expected to exchange prisoners next week.")
    assert status_of(events, "RETREAT") == "planned"


def test_an_active_expectation_of_others_stays_a_wish(code):
    events = code("Russia expects Ukraine to release the prisoners.")
    assert status_of(events, "RETREAT") == "hoped"


def test_would_like_to_express_is_done_by_saying_it(code):
    events = code("I would like to express my sincere congratulations to Armenia and Azerbaijan on the "
                  "agreement, the minister said.")
    assert status_of(events, "SUPPORT") == "reported"


def test_would_like_to_visit_stays_ahead(code):
    events = code("I would like to visit Baku soon, the minister said.")
    assert status_of(events, "VISIT") == "planned"


def test_will_continue_named_acts_holds_further_ones(code):
    events = code("Lavrov said Russia will continue consultations with Turkey on the border.")
    assert status_of(events, "CONSULT") == "planned"


def test_the_purpose_of_a_planned_effort_is_planned(code):
    events = code("Saudi Arabia is ready to exert all efforts to mediate between Russia and Ukraine, the prince said.")
    assert status_of(events, "MEDIATE") == "planned"


def test_the_purpose_of_an_effort_made_is_not(code):
    events = code("Qatar made great efforts to mediate between Israel and Hamas on Thursday.")
    assert status_of(events, "MEDIATE") == "reported"
