"""The coder and the actor linker on classes of error read on news nobody tuned to (issue 12, a
fourth reading of a sample of corpus news): a person whose surname is also a place or a state's
name ("Tom Paris", "John Jordan") read as the place; a named war or era that sets the time of the
news ("after the Libyan Civil War", "since the Gulf War") coded as an attack by a bogus actor.
Sentences of our own; the real model and every stage run."""

from __future__ import annotations

import test_events_coder as coder_tests

code = coder_tests.code  # the fixture that runs every stage over a text
names = coder_tests.names
only = coder_tests.only


# ---------------------------------------------------------------- a place as a person's surname


def test_a_capital_after_a_given_name_is_the_persons_surname(code):
    e = only(code("Officer Jack Paris arrested the suspect in Chicago on Monday."), "COERCE")
    assert "jack paris" in names(e.source)
    assert all(r.country != "FRA" for r in e.source + e.target)


def test_a_state_after_a_given_name_and_its_surname_alone_later_are_the_person(code):
    events = code("John Jordan was arrested on Monday. Jordan later criticised France in a statement.")
    e = only(events, "ACCUSE")
    assert "john jordan" in names(e.source) and all(r.country != "JOR" for r in e.source)
    assert "fra" in names(e.target)


def test_a_state_without_a_given_name_before_it_stays_the_state(code):
    e = only(code("Jordan criticised Israel on Monday, the foreign ministry said."), "ACCUSE")
    assert [r.country for r in e.source] == ["JOR"]


# ---------------------------------------------------------------- a named war as the setting


def test_a_named_war_after_a_preposition_is_no_attack(code):
    events = code("Rebels attacked the town on Monday, years after the Libyan Civil War, officials said.")
    e = only(events, "ASSAULT")  # the rebels' attack only, none by "Civil"
    assert "rebels" in names(e.source)


def test_a_named_war_since_which_something_holds_is_no_event(code):
    events = code("Oil prices have not been this high since the Gulf War, traders said on Monday.")
    assert not [e for e in events if e.what == "ASSAULT"]


def test_a_war_named_in_lower_case_as_waged_now_stays_an_act(code):
    e = only(code("The Libyan army fought rebels near Sirte on Monday, officials said."), "ASSAULT")
    assert [r.country for r in e.source] == ["LBY"]
