"""The type of an act where a verb's sense is chosen by its object, and where a report of an attack
is the attack told rather than an accusation (issue 12, the event type round). Each test names the
class of sentences a rule serves; the sentences are our own. The real model and every stage run."""

from __future__ import annotations

import test_events_coder as coder_tests

code = coder_tests.code  # the fixture that runs every stage over a text
names, only = coder_tests.names, coder_tests.only


def whats(events) -> list[str]:
    return [e.what for e in events]


# ---------------------------------------------------------------- an order given to another


def test_ordering_another_to_act_is_a_demand(code):
    assert whats(code("Chad ordered Sudan to withdraw from the town.")) == ["REQUEST"]
    assert whats(code("Chadian President Idriss Deby instructed the army to leave the border zone.")) == ["REQUEST"]


def test_troops_ordered_to_a_place_are_mobilized(code):
    assert whats(code("Chad ordered its troops to the border.")) == ["MOBILIZE"]


# ---------------------------------------------------------------- relations, aid, talks and mediation reduced


def test_aid_cut_or_reduced_is_a_sanction(code):
    assert whats(code("Chad reduced fuel supplies to Sudan on Monday.")) == ["SANCTION"]
    assert whats(code("Chad halted aid deliveries to Sudan on Monday.")) == ["SANCTION"]


def test_relations_broken_off_are_a_sanction_not_a_threat(code):
    assert whats(code("Chad broke off diplomatic relations with Sudan.")) == ["SANCTION"]
    assert whats(code("Chad severed its ties with Sudan on Monday.")) == ["SANCTION"]


def test_talks_broken_off_or_left_are_halted(code):
    assert whats(code("Sudan broke off the talks with Chad on Monday.")) == ["SANCTION"]
    assert whats(code("Sudan withdrew from the talks with Chad on Monday.")) == ["SANCTION"]


def test_talks_ended_are_still_a_meeting_held(code):
    assert whats(code("Chad ended its talks with Sudan on Monday.")) == ["CONSULT"]


def test_a_mediation_suspended_is_halted(code):
    assert whats(code("Qatar suspended its mediation between Chad and Sudan.")) == ["SANCTION"]


# ---------------------------------------------------------------- forces mobilized, whatever war they are for


def test_forces_mobilized_against_a_state_are_no_protest(code):
    assert whats(code("Chad mobilized its reservists for a war against Sudan.")) == ["MOBILIZE"]
    assert whats(code("Chad reinforced its troops along the Sudanese border.")) == ["MOBILIZE"]


def test_a_rally_against_a_government_stays_a_protest(code):
    assert whats(code("Thousands of Chadians rallied against the government in N'Djamena.")) == ["PROTEST"]


def test_cooperation_strengthened_is_no_mobilization(code):
    assert "MOBILIZE" not in whats(code("Chad strengthened its cooperation with Sudan."))


# ---------------------------------------------------------------- restrictions eased, strikes, beatings, shared expertise


def test_restrictions_eased_are_a_concession(code):
    assert whats(code("Sudan relaxed the security measures in Darfur on Monday.")) == ["CONCEDE"]
    assert whats(code("Sudan eased the emergency measures in Darfur on Monday.")) == ["CONCEDE"]


def test_going_on_strike_is_a_protest(code):
    assert whats(code("Chadian teachers went on strike on Monday.")) == ["PROTEST"]


def test_beating_people_up_is_an_assault_not_a_threat(code):
    assert whats(code("Sudanese police beat up Chadian traders in Khartoum.")) == ["ASSAULT"]
    assert whats(code("Sudanese soldiers beat Chadian detainees with sticks on Monday.")) == ["ASSAULT"]


def test_expertise_shared_is_cooperation(code):
    assert whats(code("Chad has been sharing military expertise with Niger.")) == ["COOPERATE"]


# ---------------------------------------------------------------- an attack told by an onlooker


def test_an_onlooker_tells_the_attack_of_a_side(code):
    events = code("The conflict between Chad and Sudan began in 2003. France said Chadian troops had "
                  "shelled a Sudanese border town on Monday.")
    shelling = [e for e in events if e.trigger == "shelled"]
    assert whats(shelling) == ["ASSAULT"]
    assert "chad" in names(shelling[0].source)


def test_a_side_reporting_the_others_attack_accuses_it(code):
    events = code("The conflict between Chad and Sudan flared again this week. Sudan said Chadian troops had "
                  "shelled a Sudanese border town on Monday.")
    shelling = [e for e in events if e.trigger == "shelled"]
    assert whats(shelling) == ["ACCUSE"]
    assert "sudan" in names(shelling[0].source)


def test_with_no_sides_known_a_reported_attack_stays_an_accusation(code):
    events = code("France said Chadian troops had shelled a Sudanese border town on Monday.")
    assert whats([e for e in events if e.trigger == "shelled"]) == ["ACCUSE"]


# ---------------------------------------------------------------- what a demand asks, vows, force on things and crowds


def test_the_clause_of_a_demand_is_demanded_not_done(code):
    events = code("Chad insisted on its demand that Sudan withdraw its troops from the border.")
    assert whats(events) == ["REQUEST"]
    assert "chad" in names(events[0].source) and "sudan" in names(events[0].target)


def test_a_demand_with_its_own_verb_keeps_that_verb(code):
    assert whats(code("Chad repeated its demand that Sudan release the detainees.")) == ["REQUEST"]


def test_swearing_to_act_is_a_vow_not_an_allegation(code):
    events = code("Chad swore to withdraw its troops from the border.")
    assert [(e.what, e.status) for e in events] == [("RETREAT", "planned")]


def test_an_oath_of_office_is_no_act(code):
    assert code("The new Chadian president was sworn in on Monday.") == []


def test_capturing_part_of_a_town_is_force_not_taking_part(code):
    assert "AGREE" not in whats(code("Chadian rebels have captured part of the town after three days of fighting."))
    assert "ASSAULT" in whats(code("Chadian rebels have captured part of the town on Monday."))


def test_a_protest_stopped_or_dispersed_is_coerced(code):
    assert whats(code("Chadian police prevented a demonstration by students in N'Djamena.")) == ["COERCE"]
    assert whats(code("Chadian police broke up a rally of opposition supporters in N'Djamena.")) == ["COERCE"]


def test_things_blown_up_are_bombed_not_criticised(code):
    assert whats(code("Chadian rebels blew up three power lines near the capital.")) == ["ASSAULT"]


# ---------------------------------------------------------------- acts named by nouns; a meeting hosted


def test_a_dialogue_to_come_is_talks(code):
    events = code("There will be a dialogue between Chad and Sudan next week.")
    assert [(e.what, e.status) for e in events] == [("CONSULT", "planned")]


def test_a_call_for_dialogue_is_no_talks(code):
    assert whats(code("Chad called for dialogue with Sudan.")) == ["REQUEST"]


def test_the_signing_of_an_accord_is_an_agreement(code):
    assert whats(code("The signing of the peace accord by Chad and Sudan took place in Doha on Monday.")) == ["AGREE"]


def test_a_meeting_hosted_by_a_third_party_is_its_mediation(code):
    events = code("A meeting of Chadian and Sudanese negotiators hosted by the African Union took place in "
                  "Addis Ababa on Monday.")
    assert sorted(whats(events)) == ["CONSULT", "MEDIATE"]
    assert whats(code("The talks hosted by Qatar ended on Monday.")) == ["MEDIATE"]


# ---------------------------------------------------------------- the need third parties stress


def test_the_need_third_parties_stress_is_their_call_on_the_sides(code):
    events = code("The war between Chad and Sudan has killed thousands. Qatar and Egypt stressed the urgent "
                  "need to end the war on Monday.")
    assert [(e.what, e.status) for e in events] == [("REQUEST", "hoped")]


def test_the_need_the_sides_stress_is_their_own_plan(code):
    events = code("The war between Chad and Sudan has killed thousands. Chad and Sudan stressed the need to "
                  "end the war on Monday.")
    assert [(e.what, e.status) for e in events] == [("RETREAT", "planned")]
    events = code("The war between Chad and Sudan has killed thousands. Qatar and Egypt stressed the need to "
                  "continue consultations on Monday.")
    assert [(e.what, e.status) for e in events] == [("CONSULT", "planned")]


# ---------------------------------------------------------------- relations, appeals issued, curfews and blockades, laws defied


def test_relations_upgraded_are_diplomatic_cooperation(code):
    assert whats(code("Chad and Sudan upgraded their diplomatic ties to ambassadorial level.")) == ["SUPPORT"]


def test_a_reminder_issued_to_a_party_is_an_appeal(code):
    assert whats(code("Chad issued a stern reminder to Sudan that it must respect the truce.")) == ["REQUEST"]


def test_a_curfew_or_blockade_to_be_tightened_by_the_speaker_is_a_threat(code):
    assert whats(code("Chad announced on Sunday that it will extend the curfew in the capital.")) == ["THREATEN"]
    assert whats(code("France said it would tighten the naval blockade of Sudan.")) == ["THREATEN"]


def test_a_ban_defied_is_rejected(code):
    assert whats(code("Sudan violated the ban on flights.")) == ["REJECT"]


def test_a_lawsuit_is_an_accusation_not_an_arrest(code):
    assert whats(code("Chad sued Sudan at the International Court of Justice.")) == ["ACCUSE"]


# ---------------------------------------------------------------- proposals opposed; acts carried by "engage in", "commit", "take part in"


def test_opposing_a_proposal_rejects_it(code):
    assert whats(code("Chad opposed the deployment of UN peacekeepers in Darfur.")) == ["REJECT"]


def test_opposing_a_person_stays_disapproval(code):
    assert whats(code("Chad opposed Sudan's president.")) == ["ACCUSE"]


def test_mass_violence_engaged_in_or_committed_is_an_assault(code):
    assert "ASSAULT" in whats(code("Chadian forces were engaged in ethnic cleansing against the Masalit population, "
                                   "a UN report said."))
    assert whats(code("Chadian militias committed a massacre in the village of Abeche.")) == ["ASSAULT"]


def test_talks_taken_part_or_engaged_in_are_talks(code):
    assert whats(code("Chad took part in the talks with Sudan in Doha.")) == ["CONSULT"]
    assert whats(code("Chad participated in the negotiations with Sudan in Doha.")) == ["CONSULT"]
    assert whats(code("Chad engaged in talks with Sudan in Doha.")) == ["CONSULT"]


def test_a_commitment_to_talks_is_no_talks_held(code):
    assert "CONSULT" not in whats(code("Chad is committed to the talks with Sudan."))
