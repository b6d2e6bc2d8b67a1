"""Who did it, round 8: constructions met in unseen news whose doers the coder took from the wrong
words, or from too few. Sentences of our own; the real model and every stage run."""

from __future__ import annotations

import pytest

import test_events_coder as coder_tests

code = coder_tests.code  # the fixture that runs every stage over a text
only = coder_tests.only


def countries(refs) -> list[str | None]:
    return [r.country for r in refs]


# ---------------------------------------------------------------- the sides an act's words name

SIDES = [
    # a pair modifier joined by a hyphen names both sides
    ("The Russian-Ukrainian talks ended on Friday.", "CONSULT", ["RUS", "UKR"]),
    ("The Chile-Bolivia talks ended without a deal on Friday.", "CONSULT", ["BOL", "CHL"]),
    ("The Russian-Turkish-Iranian summit ended on Friday.", "CONSULT", ["IRN", "RUS", "TUR"]),
    # "between A and B" on the pattern's own subject noun, a city on it only the venue
    ("The talks between Chile and Peru ended on Friday.", "CONSULT", ["CHL", "PER"]),
    ("The Oslo talks between Chile and Peru ended on Friday.", "CONSULT", ["CHL", "PER"]),
    # a signed act whose noun names its sides, and no agent
    ("The Chile-Peru deal was signed on Saturday.", "AGREE", ["CHL", "PER"]),
    ("The Sudanese-Chadian memorandum was signed in Doha on Monday.", "AGREE", ["SDN", "TCD"]),
    # the agent of the signing still comes first
    ("The Chile-Peru deal was signed by Bolivia on Saturday.", "AGREE", ["BOL"]),
]


@pytest.mark.parametrize(("text", "what", "sides"), SIDES)
def test_the_act_is_by_the_sides_its_words_name(code, text: str, what: str, sides: list[str]):
    e = only(code(text), what)
    assert sorted(countries(e.source + e.target)) == sides


def test_backer_joined_by_a_hyphen_is_not_the_doer(code):
    e = only(code("Kremlin-backed rebels attacked the town on Monday."), "ASSAULT")
    assert "RUS" not in countries(e.source)


# ---------------------------------------------------------------- a city on an act's noun is its venue

VENUES = [
    ("The Lisbon talks ended without a deal on Friday.", "CONSULT", "PRT"),
    ("Leaving a Brussels summit, Maria Lopez said the deal was fair.", "CONSULT", "BEL"),
    ("The Vienna declaration called for a halt to the fighting.", "REQUEST", "AUT"),
]


@pytest.mark.parametrize(("text", "what", "host"), VENUES)
def test_city_on_an_act_noun_is_its_venue_not_a_party(code, text: str, what: str, host: str):
    e = only(code(text), what)  # the act is kept, its host state in no role
    assert host not in countries(e.source + e.target)


def test_capital_as_a_subject_still_speaks_for_its_state(code):
    e = only(code("Lisbon said on Friday that the talks had ended."), "STATEMENT")
    assert countries(e.source) == ["PRT"]


def test_bare_agreement_reached_takes_no_doer_from_an_earlier_named_agreement(code):
    events = code("The Vienna Agreement called for calm. Fighting resumed weeks after the agreement was reached.")
    reached = [e for e in events if "was reached" in e.evidence]
    assert all("AUT" not in countries(e.source) for e in reached)
