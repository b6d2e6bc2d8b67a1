"""The event coder on acts told in clauses that the verb lexicon used to miss (issue 12): words put
on the record through a channel of their own ("said in a statement", "wrote on X", "held a press
briefing"), consultations told by verbs of informing and attending ("received clarification from
X", "updated X on", "attended a meeting"). Sentences of our own; the real model and every stage run."""

from __future__ import annotations

import test_events_coder as coder_tests

code = coder_tests.code  # the fixture that runs every stage over a text
names, only = coder_tests.names, coder_tests.only


# ---------------------------------------------------------------- words on the record


def test_said_in_a_statement_is_a_statement_after_the_speakers_own_act(code):
    """A speaker who acted before: a plain "said" adds nothing, "said in a statement" is an act."""
    events = code("Chilean Foreign Minister Ana Ruiz met Peruvian Foreign Minister Jorge Salas in Lima on "
                  "Monday. \"The talks were useful and frank,\" Ruiz said in a statement.")
    e = only(events, "STATEMENT")
    assert "ruiz" in names(e.source) and "statement" in e.evidence


def test_plain_report_of_speech_after_an_act_stays_no_statement(code):
    events = code("Chilean Foreign Minister Ana Ruiz met Peruvian Foreign Minister Jorge Salas in Lima on "
                  "Monday. \"The talks were useful and frank,\" Ruiz said.")
    assert not [e for e in events if e.what == "STATEMENT"]


def test_words_posted_on_a_social_network_are_a_statement(code):
    events = code("Chilean Foreign Minister Ana Ruiz met Peruvian Foreign Minister Jorge Salas in Lima on "
                  "Monday. Ruiz later posted on X that the meeting had been useful.")
    e = only(events, "STATEMENT")
    assert "ruiz" in names(e.source)


def test_press_briefings_held_are_a_statement(code):
    events = code("Afterwards the Chilean and Peruvian delegations each held a press briefing in Lima.")
    e = only(events, "STATEMENT")
    assert "chile" in names(e.source) and "peru" in names(e.source)


def test_a_conference_without_the_press_stays_a_meeting(code):
    events = code("The foreign ministers of Chile and Peru held a conference on border security in Lima.")
    assert any(e.what == "CONSULT" for e in events) and not any(e.what == "STATEMENT" for e in events)


def test_a_channel_makes_one_statement_per_speaker(code):
    events = code("Chilean Foreign Minister Ana Ruiz met Peruvian Foreign Minister Jorge Salas in Lima on "
                  "Monday. \"The talks were useful,\" Ruiz said in a statement. \"We will meet again soon,\" "
                  "she added in the statement.")
    assert len([e for e in events if e.what == "STATEMENT"]) == 1


def test_own_act_told_in_a_statement_is_the_act_not_a_statement(code):
    events = code("In a statement, the Chilean government said it had released 20 Peruvian soldiers on Monday.")
    assert any(e.what == "RETREAT" for e in events)
    assert not any(e.what == "STATEMENT" for e in events)


# ---------------------------------------------------------------- consultations told by other verbs


def test_clarification_received_from_someone_is_a_consultation_with_them(code):
    events = code("Chilean Foreign Minister Ana Ruiz received clarification from Peruvian President Jorge "
                  "Salas on the border question on Monday.")
    e = only(events, "CONSULT")
    assert "ruiz" in names(e.source) and "salas" in names(e.target)


def test_updating_someone_on_the_talks_consults_them(code):
    events = code("Chilean Foreign Minister Ana Ruiz updated Peruvian President Jorge Salas on Monday on "
                  "the state of the negotiations.")
    e = only(events, "CONSULT")
    assert "ruiz" in names(e.source) and "salas" in names(e.target)


def test_attending_a_meeting_is_taking_part_not_a_visit(code):
    events = code("Diplomats from Chile and Peru attended a meeting of the border commission in Lima on Monday.")
    e = only(events, "CONSULT")
    assert "chile" in names(e.source + e.target)
    assert not any(x.what == "VISIT" for x in events)


# ---------------------------------------------------------------- acts told by adjectives


def test_incumbent_on_a_party_to_act_is_a_demand_to_that_party(code):
    events = code("\"It is incumbent on the Peruvian authorities to reopen the border crossing immediately,\" "
                  "Chilean Foreign Minister Ana Ruiz said.")
    e = only(events, "REQUEST")
    assert e.cameo == "100" and "ruiz" in names(e.source) and "peru" in names(e.target)


def test_imperative_for_a_party_to_act_is_a_demand_not_the_act(code):
    events = code("Chilean Foreign Minister Ana Ruiz said it was imperative for Peru to withdraw its troops.")
    e = only(events, "REQUEST")
    assert "ruiz" in names(e.source) and "peru" in names(e.target)
    assert not any(x.what == "RETREAT" for x in events)


def test_important_for_a_party_is_no_demand(code):
    events = code("Chilean Foreign Minister Ana Ruiz said it was important for Peru to withdraw its troops.")
    assert not any(e.what == "REQUEST" for e in events)


def test_grateful_to_a_party_is_praise(code):
    events = code("\"Chile is grateful to Norway for its mediation,\" Chilean Foreign Minister Ana Ruiz said.")
    e = only(events, "SUPPORT")
    assert "norway" in names(e.target) and "grateful" in e.evidence


def test_present_at_a_signing_is_a_third_partys_part_in_it(code):
    events = code("US President John Smith was present at the signing of the border treaty between Chile and "
                  "Peru.")
    e = only(events, "MEDIATE")
    assert "smith" in names(e.source) and "present at the signing" in e.evidence


def test_present_without_an_occasion_is_no_act(code):
    assert not code("The Chilean foreign minister was present in Lima on Monday.")


def test_talks_that_involve_delegations_are_held_by_them(code):
    events = code("The discussions in Geneva involve the delegations of Chile and Peru.")
    e = only(events, "CONSULT")
    assert "chile" in names(e.source + e.target)


def test_a_plan_that_involves_a_withdrawal_is_no_meeting(code):
    assert not any(e.what == "CONSULT" for e in code("The plan involves the withdrawal of Chilean troops."))


def test_a_relative_clause_on_the_speaker_is_not_what_the_speaker_says(code):
    """The speaker's own act told in a relative clause on the subject ("who chairs the talks") is
    no content of the report: the words on the record stay a statement."""
    events = code("Norwegian Foreign Minister Eva Dahl, who chairs the talks, wrote on her social media account "
                  "that both delegations had agreed to meet again.")
    e = only(events, "STATEMENT")
    assert "dahl" in names(e.source)


# ---------------------------------------------------------------- the occasion an act follows


def test_a_fronted_occasion_named_by_nouns_is_no_part_of_the_act_it_precedes(code):
    """``TimePlace._fronted_occasion``: "Following the visit ... and the talks he held there, Y
    held negotiations": the occasion is an act of its own; the negotiations' evidence starts at Y."""
    events = code("Following the recent visit of the Indian prime minister to Tokyo and the talks he held with "
                  "Japanese ministers during the trip, Indian Foreign Minister Subrahmanyam Jaishankar held "
                  "consultations with Australian officials in Canberra on Monday.")
    talks = [e for e in events if e.what == "CONSULT"]
    # the talks he held are an act of their own too (a relative clause's light verb carries its noun)
    assert sorted(e.evidence for e in talks) == [
        "Indian Foreign Minister Subrahmanyam Jaishankar held consultations with Australian officials in Canberra "
        "on Monday",
        "the talks he held with Japanese ministers during the trip"]
    assert only(events, "VISIT").evidence.startswith("Following the recent visit")


def test_a_fronted_phrase_that_names_no_act_stays_in_the_evidence(code):
    events = code("After midnight, Turkish Foreign Minister Mevlut Cavusoglu held intensive negotiations "
                  "with his Iranian counterpart in Tehran.")
    assert only(events, "CONSULT").evidence.startswith("After midnight")
