"""An event's status on sentences of our own, for the classes of status error seen on unseen news
(issue 12): acts told about an earlier time, plans and wishes told in other words than "will",
and the status a governing clause lends its content. One case per rule, each beside a case the
rule must leave alone (the case's id names the class).

The real spaCy model and every stage run (the ``code`` fixture and ``status_of`` helper of
test_event_status.py); the published day is a Friday.
"""

from __future__ import annotations

import pytest
from test_event_status import code, status_of

__all__ = ["code", "status_of"]  # the fixture and helper this module's tests use

FRIDAY = "2020-05-15"

#: (class, sentence, event type, words of its evidence, status)
CASES = [
    # an earlier week
    ("an act of last week is background",
     "Armenia accused Azerbaijan of shelling border villages last week.", "ACCUSE", "", "historical"),
    ("an act of this week stays news",
     "Armenia accused Azerbaijan of shelling border villages on Wednesday.", "ACCUSE", "", "reported"),
    # plans and wishes in other words
    ("a passive expectation forecasts a plan",
     "Armenia and Azerbaijan are expected to exchange prisoners next week.", "RETREAT", "", "planned"),
    ("an active expectation of others stays a wish",
     "Russia expects Ukraine to release the prisoners.", "RETREAT", "", "hoped"),
    ("would like to express is done by saying it",
     "I would like to express my sincere congratulations to Armenia and Azerbaijan on the agreement, "
     "the minister said.", "SUPPORT", "", "reported"),
    ("would like to visit stays ahead",
     "I would like to visit Baku soon, the minister said.", "VISIT", "", "planned"),
    ("will continue named acts holds further ones",
     "Lavrov said Russia will continue consultations with Turkey on the border.", "CONSULT", "", "planned"),
    ("the purpose of a planned effort is planned",
     "Saudi Arabia is ready to exert all efforts to mediate between Russia and Ukraine, the prince said.",
     "MEDIATE", "", "planned"),
    ("the purpose of an effort made is not",
     "Qatar made great efforts to mediate between Israel and Hamas on Thursday.", "MEDIATE", "", "reported"),
]


@pytest.mark.parametrize(("sentence", "what", "words", "status"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_status(code, sentence: str, what: str, words: str, status: str) -> None:
    assert status_of(code(sentence, FRIDAY), what, words) == status
