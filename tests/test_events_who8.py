"""Who did it, round 8: constructions met in unseen news whose doers the coder took from the wrong
words, or from too few. Sentences of our own; the real model and every stage run."""

from __future__ import annotations

import test_events_coder as coder_tests

code = coder_tests.code  # the fixture that runs every stage over a text
only = coder_tests.only


def countries(refs) -> list[str | None]:
    return [r.country for r in refs]


# ---------------------------------------------------------------- a pair modifier joined by a hyphen


def test_pair_of_demonyms_names_both_sides_of_the_talks(code):
    e = only(code("The Russian-Ukrainian talks ended on Friday."), "CONSULT")
    assert sorted(countries(e.source)) == ["RUS", "UKR"]


def test_pair_of_state_names_names_both_sides(code):
    e = only(code("The Chile-Bolivia talks ended without a deal on Friday."), "CONSULT")
    assert sorted(countries(e.source)) == ["BOL", "CHL"]


def test_three_demonyms_joined_by_hyphens_name_three_sides(code):
    e = only(code("The Russian-Turkish-Iranian summit ended on Friday."), "CONSULT")
    assert sorted(countries(e.source)) == ["IRN", "RUS", "TUR"]


def test_backer_joined_by_a_hyphen_is_not_the_doer(code):
    e = only(code("Kremlin-backed rebels attacked the town on Monday."), "ASSAULT")
    assert "RUS" not in countries(e.source)


# ---------------------------------------------------------------- a city on an act's noun is its venue


def test_city_on_the_noun_of_talks_is_no_party_to_them(code):
    e = only(code("The Lisbon talks ended without a deal on Friday."), "CONSULT")
    assert "PRT" not in countries(e.source)


def test_city_on_a_summit_left_is_not_its_target(code):
    e = only(code("Leaving a Brussels summit, Maria Lopez said the deal was fair."), "CONSULT")
    assert "BEL" not in countries(e.target) and "BEL" not in countries(e.source)


def test_city_on_a_declaration_does_not_make_its_state_the_caller(code):
    e = only(code("The Vienna declaration called for a halt to the fighting."), "REQUEST")
    assert "AUT" not in countries(e.source)


def test_state_named_on_the_noun_stays_a_party(code):
    e = only(code("The Chile-Bolivia talks ended without a deal on Friday."), "CONSULT")
    assert sorted(countries(e.source)) == ["BOL", "CHL"]


def test_capital_as_a_subject_still_speaks_for_its_state(code):
    e = only(code("Lisbon said on Friday that the talks had ended."), "STATEMENT")
    assert countries(e.source) == ["PRT"]


# ---------------------------------------------------------------- "between" on the act's subject noun


def test_talks_between_two_sides_as_the_subject_are_theirs(code):
    e = only(code("The talks between Chile and Peru ended on Friday."), "CONSULT")
    assert sorted(countries(e.source + e.target)) == ["CHL", "PER"]


def test_talks_in_a_city_between_two_sides_are_the_sides_not_the_host_city(code):
    e = only(code("The Oslo talks between Chile and Peru ended on Friday."), "CONSULT")
    assert sorted(countries(e.source + e.target)) == ["CHL", "PER"]


# ---------------------------------------------------------------- a signed act's noun names its doers


def test_deal_named_by_its_two_sides_was_signed_by_them(code):
    e = only(code("The Chile-Peru deal was signed on Saturday."), "AGREE")
    assert sorted(countries(e.source)) == ["CHL", "PER"]


def test_memorandum_named_by_two_demonyms_was_signed_by_both(code):
    e = only(code("The Sudanese-Chadian memorandum was signed in Doha on Monday."), "AGREE")
    assert sorted(countries(e.source)) == ["SDN", "TCD"]


def test_agent_of_the_signing_still_comes_first(code):
    e = only(code("The Chile-Peru deal was signed by Bolivia on Saturday."), "AGREE")
    assert countries(e.source) == ["BOL"]


def test_bare_agreement_reached_takes_no_doer_from_an_earlier_named_agreement(code):
    events = code("The Vienna Agreement called for calm. Fighting resumed weeks after the agreement was reached.")
    reached = [e for e in events if "was reached" in e.evidence]
    assert all("AUT" not in countries(e.source) for e in reached)
