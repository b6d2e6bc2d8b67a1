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
