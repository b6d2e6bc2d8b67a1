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
