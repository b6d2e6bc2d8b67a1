"""Subjects that name no one, read through the subject of a sentence before (issue 12: recall on
unseen news), on sentences of our own.

Class: a plural pronoun ("they") or a phrase of the sides ("both sides", "the parties") that no
other step resolved (no conflict pair is known, no two-party act just before) stands for the
actors that a plural subject of one of the two sentences before names.
"""

from __future__ import annotations

import pytest

from test_events_coder import coder_for, names, only

TRUCE = "The two Sudanese delegations signed a ceasefire in Geneva on Friday. "


@pytest.fixture(scope="module")
def code(ctx):
    return coder_for(ctx)


#: (class of sentence, text, the class of the act whose doer is read through the sentence before)
PLURAL_SUBJECTS = [
    ("plural pronoun", TRUCE + "They also agreed to form a joint military force under one command.", "MOBILIZE"),
    ("both sides", TRUCE + "Both sides will evacuate fighters from the frontlines.", "AID"),
    ("the parties, two sentences on", TRUCE + "Talks lasted two weeks. The parties will evacuate fighters from "
     "the frontlines.", "AID"),
]


@pytest.mark.parametrize(("case", "text", "what"), PLURAL_SUBJECTS, ids=[t[0] for t in PLURAL_SUBJECTS])
def test_plural_subject_is_read_through_a_plural_subject_before(code, case, text, what):
    assert "sudan" in names(only(code(text), what).source), case


def test_they_does_not_stand_for_a_single_actor(code):
    """"Sudan signed ...  They agreed ...": one state is no antecedent of "they"."""
    events = code("Sudan signed a ceasefire in Geneva on Friday. They also agreed to form a joint military force.")
    assert not [e for e in events if e.what == "MOBILIZE"], [(e.what, e.evidence) for e in events]

