"""Who did it (issue 12, the right side of an act): coordinated doers the parser hangs elsewhere,
collectives that count their members, fragments of names and times that are no actor, and the
speaker who promises in his state's name. Sentences of our own; the real model and every stage run."""

from __future__ import annotations

import test_events_coder as coder_tests
from storyline.events.clause import names_time

code = coder_tests.code  # the fixture that runs every stage over a text
names, only = coder_tests.names, coder_tests.only


# ---------------------------------------------------------------- coordinated doers


def test_list_read_as_apposition_keeps_every_member(code):
    e = only(code("Chad, the UN, Sudan and Libya signed an agreement in Oslo on Monday."), "AGREE")
    for member in ("chad", "united nations", "sudan", "libya"):
        assert member in names(e.source)


def test_true_apposition_is_no_list(code):
    e = only(code("Chad, a country of the Sahel, signed an agreement with Sudan on Monday."), "AGREE")
    assert "chad" in names(e.source) and "sudan" not in names(e.source)


def test_together_with_names_a_co_agent(code):
    e = only(code("Chilean Foreign Minister Alberto van Klaveren, together with Peruvian Foreign Minister Javier "
                  "Gonzalez, issued a statement on Monday."), "STATEMENT")
    assert "klaveren" in names(e.source) and "gonzalez" in names(e.source)


def test_alongside_names_a_co_agent(code):
    e = only(code("Chad alongside Niger signed a border agreement on Monday."), "AGREE")
    assert "chad" in names(e.source) and "niger" in names(e.source)


def test_delegations_of_two_states_are_both_doers(code):
    e = only(code("Delegations of Chad and Sudan concluded their talks in Oslo on Friday."), "CONSULT")
    assert "chad" in names(e.source) and "sudan" in names(e.source)


# ---------------------------------------------------------------- collectives that count


def test_three_countries_are_the_list_of_three(code):
    events = code("Chile, Peru and Bolivia will meet in Lima next week. Brazil and Argentina held talks on trade on "
                  "Friday. On Monday the three countries signed a deal on water rights.")
    e = only(events, "AGREE")
    for member in ("chile", "peru", "bolivia"):
        assert member in names(e.source)


def test_numbered_leaders_with_a_modifier(code):
    events = code("The leaders of Chile, Peru, Bolivia and Ecuador met in Lima on Monday. Brazil and Argentina held "
                  "talks on trade on Friday. The four Andean leaders last met in 2016.")
    last = [e for e in events if e.what == "CONSULT"][-1]
    for member in ("chile", "peru", "bolivia", "ecuador"):
        assert member in names(last.source)


# ---------------------------------------------------------------- no fragments as actors


def test_day_named_as_possessor_is_no_doer(code):
    events = code("Monday's talks in Lima ended without a deal. Tuesday's meeting in Quito was cancelled.")
    assert not any("monday" in names(e.source) or "tuesday" in names(e.source) for e in events)


def test_a_day_is_a_time_even_where_the_model_marks_no_date(ctx):
    """The entity layer does not always mark "Monday" of "Monday's meeting" as a date."""
    doc = ctx.nlp("Monday's meeting in Lima ended without a deal.")
    doc.ents = []
    day = next(t for t in doc if t.lower_ == "monday")
    assert names_time(day) and not names_time(next(t for t in doc if t.lower_ == "lima"))


def test_officials_of_a_body_act_for_the_body(code):
    e = only(code("Senior officials of the Organization for Security and Co-operation in Europe decided to end "
                  "the mission in Chad."), "AGREE")
    assert "osce" in names(e.source)
    assert not any(r.name in ("Security", "Europe") for r in e.source)


# ---------------------------------------------------------------- the speaker's promise


def test_speakers_offer_in_his_states_name_is_his(code):
    events = code("Chilean Foreign Minister Alberto van Klaveren said Santiago is ready to act as a mediator "
                  "between Peru and Bolivia.")
    e = only(events, "MEDIATE")
    assert "klaveren" in names(e.source) and "chile" not in [r.name.lower() for r in e.source]


def test_states_act_told_as_done_stays_the_states(code):
    events = code("Chilean Foreign Minister Alberto van Klaveren said Chile had sent aid to Peru.")
    e = only(events, "AID")
    assert "chile" in names(e.source) and "klaveren" not in names(e.source)
