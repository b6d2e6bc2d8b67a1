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
    ("plural pronoun", TRUCE + "They further agreed to set up a combined army unit under a single command.", "MOBILIZE"),
    ("both sides", TRUCE + "Both sides will evacuate fighters from the frontlines.", "AID"),
    ("the parties, two sentences on", TRUCE + "Talks lasted two weeks. The parties will evacuate fighters from "
     "the frontlines.", "AID"),
]


@pytest.mark.parametrize(("case", "text", "what"), PLURAL_SUBJECTS, ids=[t[0] for t in PLURAL_SUBJECTS])
def test_plural_subject_is_read_through_a_plural_subject_before(code, case, text, what):
    assert "sudan" in names(only(code(text), what).source), case


def test_they_does_not_stand_for_a_single_actor(code):
    """"Sudan signed ...  They agreed ...": one state is no antecedent of "they"."""
    events = code("Sudan signed a ceasefire in Geneva on Friday. They further agreed to set up a combined army unit.")
    assert not [e for e in events if e.what == "MOBILIZE"], [(e.what, e.evidence) for e in events]



# ---------------------------------------------------------------- a state named by its title


#: (class of sentence, text, the class of the act, words its source names)
TITLED_STATES = [
    ("the Kingdom after the state's name", "Saudi Arabia hosted talks between Russia and Ukraine on Monday. "
     "The Kingdom praised the goodwill of both sides.", "SUPPORT", "saudi"),
    ("the Kingdom after one of its people", "Crown Prince Mohammed bin Salman spoke to Zelensky on Monday. "
     "The Kingdom will mediate between all parties.", "MEDIATE", "saudi"),
    ("the Sultanate", "Oman hosted talks between Iran and the United States on Monday. "
     "The Sultanate is grateful for the goodwill shown by both sides.", "SUPPORT", "oman"),
]


@pytest.mark.parametrize(("case", "text", "what", "source"), TITLED_STATES, ids=[t[0] for t in TITLED_STATES])
def test_title_of_government_names_the_nearest_state_with_that_title(code, case, text, what, source):
    assert source in names(only(code(text), what).source), case


def test_title_names_no_state_without_that_title(code):
    """"Egypt hosted ... The Kingdom will ...": Egypt is no kingdom, so the title names no one here."""
    events = code("Egypt hosted talks between Israel and Hamas on Monday. The Kingdom will mediate between all parties.")
    assert not any("will mediate" in e.evidence for e in events), [(e.what, e.evidence, names(e.source)) for e in events]


# ---------------------------------------------------------------- an intention through an exerted effort


def test_effort_exerted_for_an_act_is_the_intention_to_do_it(code):
    """"ready to exert every effort to mediate": one event, the mediation, planned (as "ready to
    mediate"); the readiness is not a second agreement."""
    events = code("Qatar stands ready to exert every effort to mediate between Sudan and Chad.")
    assert [e.what for e in events] == ["MEDIATE"], [(e.what, e.evidence) for e in events]
    assert events[0].status == "planned" and "qatar" in names(events[0].source)


# ---------------------------------------------------------------- talks that name no partner

FOUGHT = "Israel and Hamas fought for eleven days. "

#: (class of sentence, text): talks, the subject of a verb of their own pattern, with no partner named
BARE_TALKS = [
    ("talks told by the article", FOUGHT + "Talks will resume in Cairo on Monday."),
    ("consultations in someone's words", FOUGHT + "An Egyptian official said consultations would begin after "
     "the truce."),
]


@pytest.mark.parametrize(("case", "text"), BARE_TALKS, ids=[t[0] for t in BARE_TALKS])
def test_talks_naming_no_partner_are_the_conflict_sides_talks(code, case, text):
    e = only(code(text), "CONSULT")
    assert "israel" in names(e.source) and "hamas" in names(e.source), case
    assert e.status == "planned"


def test_talks_that_continue_are_no_news_of_the_sides(code):
    """"Consultations are continuing": a state of things, not talks the sides held or will hold."""
    events = code(FOUGHT + "Consultations are continuing, an Egyptian official said.")
    assert not [e for e in events if e.what == "CONSULT"], [(e.what, e.evidence) for e in events]


def test_talks_with_one_partner_named_are_not_given_the_conflict_sides(code):
    events = code(FOUGHT + "Talks with Egypt will resume in Cairo on Monday.")
    assert not any("israel" in names(e.source) and "hamas" in names(e.source) for e in events if e.what == "CONSULT"), \
        [(e.what, e.evidence, names(e.source)) for e in events]


# ---------------------------------------------------------------- evidence without a closing list of examples


def test_closing_list_of_examples_is_not_the_acts_evidence(code):
    """"calls for the full resumption of aid, including ...": the examples elaborate what is
    asked for; the act's words end before them."""
    e = only(code("The European Union calls for the full resumption of aid deliveries, including medical "
                  "evacuations and food supplies."), "REQUEST")
    assert e.evidence.endswith("aid deliveries"), e.evidence


def test_list_of_examples_in_the_middle_stays_in_the_evidence(code):
    e = only(code("Sudan has called for five states, including Egypt, to act as guarantors of any truce."),
             "REQUEST")
    assert "guarantors" in e.evidence, e.evidence


# ---------------------------------------------------------------- a relative pronoun cut off by a parenthetical


def test_relative_pronoun_before_a_parenthetical_stands_for_the_noun_before_it(code):
    """"the United Nations who, according to aid workers, will begin shipping food": the parser reads
    the clause as the main verb's complement; "who" is still the United Nations."""
    e = only(code("Ruto praised the United Nations who, according to aid workers, will begin shipping food "
                  "to the camps."), "AID")
    assert "united nations" in names(e.source)


def test_interrogative_who_is_no_relative_pronoun(code):
    """"asked who would deliver aid": no noun before "who", so no doer is read into it."""
    events = code("Abbas asked who would deliver aid to Gaza.")
    assert not any(e.what == "AID" and e.source for e in events), [(e.what, e.evidence, names(e.source)) for e in events]
