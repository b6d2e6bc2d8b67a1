"""The event coder's reading of the type of an act, and of what is no act at all, on the kinds of
sentence unseen news brings (issue 12): the sense of a verb chosen by its object, a duty or an
expectation laid on another, a question asked, the occasion of an act and the goal of an effort,
praise of one's own deed, a relative clause that describes, and negation carried by the object.
Sentences of our own; the real model and every stage run."""

from __future__ import annotations

import pytest

import test_events_coder as coder_tests

code = coder_tests.code  # the fixture that runs every stage over a text
names, only = coder_tests.names, coder_tests.only


def whats(events) -> list[str]:
    return [e.what for e in events]


# ---------------------------------------------------------------- the verb's sense by its object


def test_blocking_talks_or_a_renewal_is_a_refusal(code):
    assert whats(code("Sudan blocked the negotiations by pointing to the lack of a quorum.")) == ["REJECT"]
    assert whats(code("Chad has blocked the renewal of the mandate of the UN observer mission.")) == ["REJECT"]


def test_blocking_a_road_is_no_refusal(code):
    assert "REJECT" not in whats(code("Sudanese troops blocked the road to El Fasher on Monday."))


def test_meeting_a_reaction_is_no_meeting(code):
    assert "CONSULT" not in whats(code("The Sudanese offensive has met international outrage and sanctions."))
    assert "CONSULT" not in whats(code("The Chadian proposal was met with scepticism by Sudan on Monday."))


def test_meeting_a_party_is_still_a_meeting(code):
    assert "CONSULT" in whats(code("Chadian President Idriss Deby met Sudanese Foreign Minister Ali Karti in Khartoum on Monday."))
    assert "CONSULT" in whats(code("Chadian President Idriss Deby met with Sudanese President Omar al-Bashir in Doha "
                                   "on Monday."))


def test_rejecting_a_statement_is_a_refusal_not_a_denial(code):
    assert whats(code("Sudan rejected the statement on Friday.")) == ["REJECT"]


def test_demonstrating_a_quality_is_no_protest(code):
    events = code("Sudanese Foreign Minister Ibrahim Ghandour said the talks demonstrate Chad's commitment to "
                  "peace and its belief in dialogue.")
    assert "PROTEST" not in whats(events)
    assert "PROTEST" in whats(code("Thousands of students demonstrated against the government in Khartoum."))


def test_attending_talks_is_taking_part_not_a_visit(code):
    events = code("The talks in Oslo are attended by Sudanese envoy Ali Osman and Chadian envoy Moussa Faki.")
    assert whats(events) == ["CONSULT"]


def test_attending_an_exchange_is_no_visit(code):
    events = code("Chad handed over 20 prisoners to Sudan at the border, with Libyan officials attending the exchange.")
    assert "VISIT" not in whats(events)


def test_troops_sent_into_a_country_are_force(code):
    e = only(code("Sudan sent troops into Chad on Monday."), "ASSAULT")
    assert "sudan" in names(e.source) and "chad" in names(e.target)


def test_territory_a_state_managed_to_regain_in_a_war_is_force(code):
    events = code("In the 2002 war, Chad managed to regain a strip of territory.")
    assert whats(events) == ["ASSAULT"]


def test_a_visit_called_off_is_refused(code):
    events = code("Chadian President Idriss Deby on Friday abruptly called off Ghandour's visit to N'Djamena.")
    assert "VISIT" not in whats(events) and "REJECT" in whats(events)


def test_a_mission_evacuated_is_withdrawn(code):
    events = code("After the shelling, the OSCE chose to evacuate its monitors on Wednesday.")
    assert "RETREAT" in whats(events) and "AID" not in whats(events)


def test_goods_supplied_are_aid(code):
    e = only(code("Sudanese Foreign Minister Ibrahim Ghandour said Sudan would supply goods to Darfur via Nyala."),
             "AID")
    assert "sdn" in names(e.source)  # Sudan, or its speaker for it


def test_an_invasion_is_force(code):
    events = code("Following Sudan's invasion of Chad, the UN decided to withdraw its staff.")
    assert "ASSAULT" in whats(events) and "COERCE" not in whats(events)


# ---------------------------------------------------------------- duties and expectations of another


def test_a_duty_laid_on_another_is_a_demand(code):
    events = code("Chadian President Idriss Deby said it is incumbent on the Sudanese authorities to guarantee "
                  "safe passage along the road.")
    e = only(events, "REQUEST")
    assert "deby" in names(e.source) and "sudan" in names(e.target)
    assert "AGREE" not in whats(events)


def test_what_is_expected_of_another_is_a_demand_and_its_content_no_act(code):
    events = code("Chadian President Idriss Deby said Chad expects Sudan to respect the truce and withdraw from "
                  "the border.")
    e = only(events, "REQUEST")
    assert "tcd" in names(e.source) and "sudan" in names(e.target)  # Chad, or its speaker for it
    assert "RETREAT" not in whats(events)


def test_expecting_to_act_oneself_is_no_demand(code):
    assert "REQUEST" not in whats(code("Sudan expects to sign the agreement with Chad next week."))


def test_a_question_asked_is_no_appeal(code):
    assert "REQUEST" not in whats(code('"What comes next?" Chadian President Idriss Deby asked.'))
    e = only(code("Chadian President Idriss Deby asked Sudan to withdraw its troops."), "REQUEST")
    assert "sudan" in names(e.target)


# ---------------------------------------------------------------- what is no act of its own


def test_the_occasion_of_an_act_is_no_event(code):
    events = code("Sudanese President Omar al-Bashir spoke with Chadian President Idriss Deby during his visit "
                  "to Paris.")
    assert whats(events) == ["CONSULT"]


def test_an_act_noun_inside_an_organisations_name_is_no_act(code):
    assert "AGREE" not in whats(code("An officer serving the Government of National Accord told reporters the truce would hold."))


def test_the_goal_of_an_effort_is_no_act(code):
    assert code("The African Union spearheads efforts by the UN to reach a political settlement of the dispute.") == []


def test_efforts_a_state_will_exert_to_mediate_are_its_intention(code):
    events = code("Sudanese Foreign Minister Ibrahim Ghandour said Sudan will exert all efforts to mediate "
                  "between Chad and Libya.")
    assert "MEDIATE" in whats(events)


def test_an_open_ended_pledge_is_no_act(code):
    events = code("The Sudanese foreign minister said Khartoum stood ready to take whatever steps would bring "
                  "peace to the border.")
    assert "AGREE" not in whats(events)
    assert "MEDIATE" in whats(code("The Sudanese foreign minister said Khartoum was ready to host a new round "
                                   "of talks."))


def test_a_relative_clause_of_a_standing_state_is_no_event(code):
    assert "REJECT" not in whats(code("Darfur is populated mainly by Darfuri rebels who reject Sudan's rule."))
    events = code("Sudanese President Omar al-Bashir said the quarrel over Darfur, which has been occupied by "
                  "Chad for decades, stems from the weakness of the African Union.")
    assert "COERCE" not in whats(events)


# ---------------------------------------------------------------- comments and negation


def test_praise_of_ones_own_deed_is_a_comment(code):
    events = code("Sudanese Prime Minister Abdalla Hamdok on Monday hailed his government's successful mediation "
                  "between Chad and Libya.")
    assert "SUPPORT" not in whats(events) and "STATEMENT" in whats(events)


def test_satisfaction_with_a_meeting_is_a_comment(code):
    events = code("Sudanese Foreign Minister Ibrahim Ghandour also expressed satisfaction with the meeting with Chad.")
    assert whats(events) == ["STATEMENT"]


def test_praise_of_another_stays_support(code):
    e = only(code("Sudanese Foreign Minister Ibrahim Ghandour hailed the efforts of Chad."), "SUPPORT")
    assert "chad" in names(e.target)
    events = code("Sudanese Foreign Minister Ibrahim Ghandour acknowledged their contributions to the talks.")
    assert "STATEMENT" not in whats(events)


def test_taking_no_part_is_a_refusal(code):
    events = code("Chadian President Idriss Deby said his government would take no part in the Khartoum conference.")
    assert "REJECT" in whats(events) and "AGREE" not in whats(events)


def test_no_agreement_reached_is_no_agreement(code):
    assert "AGREE" not in whats(code("Chad and Sudan reached no agreement on the border."))


def test_a_question_told_after_its_words_is_no_appeal(code):
    assert "REQUEST" not in whats(code('Deby said the border stays closed. "Who will reopen it?" he asked.'))


def test_praise_of_a_deed_of_ones_own_government_is_a_comment_whatever_its_target(code):
    events = code("Chadian President Idriss Deby on Monday hailed his Government's first mediation between "
                  "Sudan and Libya.")
    assert "SUPPORT" not in whats(events)
    assert whats(code("Chadian President Idriss Deby hailed his counterpart's efforts.")) == ["SUPPORT"]


@pytest.mark.parametrize("text, absent", [
    # words told during a visit are speech, not talks
    ('"We pray our brothers in Darfur will prevail," Sudanese President Omar al-Bashir told a Chadian reporter '
     'during his visit to France.', ("CONSULT", "AGREE")),
    # a multi-word verb ("carry out") is not read as its first word ("carry * mission")
    ("The African Union will carry out its duties, including the protection of mission staff, a spokesman "
     "said.", ("CONSULT", "AGREE")),
    # a relative clause of support received since long ago describes the fighters
    ("Darfur is held by Masalit fighters who have been getting substantial military support from Chad since "
     "they seized the province.", ("SUPPORT", "AID")),
    # what is admitted is said, not the dictionary's disclosure (050)
    ("Last spring, Chadian President Idriss Deby urged a return to talks, but admitted that the timing was "
     "wrong.", ("SUPPORT",)),
])
def test_readings_that_code_no_such_act(code, text, absent):
    assert not set(whats(code(text))) & set(absent)


def test_a_multi_word_verb_keeps_its_own_reading(code):
    assert whats(code("Rebels in Darfur carried out an attack on the town of Nyala on Monday.")) == ["ASSAULT"]


def test_what_is_coordinated_in_a_demand_is_asked_too(code):
    events = code("Chadian President Idriss Deby said Sudan must withdraw its troops and pay compensation.")
    assert whats([e for e in events if e.what != "STATEMENT"]) == ["REQUEST"]


def test_a_statement_signed_by_the_parties_is_their_accord(code):
    events = code("At the end of the talks on March 10, a joint statement was issued in Khartoum signed by "
                  "Ghandour and the Chadian foreign minister Moussa Faki.")
    e = only(events, "AGREE")
    assert e.evidence.startswith("a joint statement")


def test_a_demand_of_no_one_named_is_no_appeal(code):
    events = code('"If everyone shows the same good faith, then the treaty must be signed," Chadian '
                  'President Idriss Deby said.')
    assert "REQUEST" not in whats(events)
    e = only(code('"The border crossings must be reopened by Sudan," Chadian President Idriss Deby said.'),
             "REQUEST")
    assert "sudan" in names(e.target)

# ---------------------------------------------------------------- what the rules above leave alone


@pytest.mark.parametrize("text, what", [
    # a relative clause with a dated act of its own tells it
    ("Chadian rebels, who attacked the town of Abeche on Monday, withdrew on Tuesday.", "ASSAULT"),
    # thanks to one's own envoy (a person, not a deed) are support
    ("I thank my Special Envoy, Ali Osman, and his staff for their steady work, Deby said.", "SUPPORT"),
])
def test_acts_the_typing_rules_leave_alone(code, text, what):
    assert what in whats(code(text))
