"""The coder on classes of spurious event and wrong class read on news nobody tuned to (a fifth
reading of corpus news beside the pages set): an act a party is able or unable to do coded as
done; what a bill would allow, or a licence allows, coded as the act of the one allowed; a case
argued ("argued that ...") coded as an accusation. Sentences of our own; the real model and
every stage run."""

from __future__ import annotations

import test_events_coder as coder_tests

code = coder_tests.code  # the fixture that runs every stage over a text
names = coder_tests.names
only = coder_tests.only


def lacks(events, *classes: str) -> None:
    """No event of any of ``classes`` (the events listed where there is one)."""
    assert not [e for e in events if e.what in classes], [(e.what, e.evidence) for e in events]


# ---------------------------------------------------------------- ability is no act


def test_what_a_party_was_unable_to_do_is_no_event(code):
    events = code("Russian officials said on Monday that the Ukrainian army was unable to stop the convoy "
                  "near the border.")
    assert all(e.what == "STATEMENT" for e in events), [(e.what, e.evidence) for e in events]


def test_what_a_party_will_not_be_able_to_do_is_no_attack(code):
    lacks(code("Iranian Foreign Minister Javad Zarif said Israel would not be able to attack Iran again."), "ASSAULT")


def test_an_inability_to_negotiate_is_no_talks(code):
    events = code("Turkish President Recep Tayyip Erdogan said Greece was unable to negotiate a new deal with Libya.")
    assert [e.what for e in events] == ["STATEMENT"]


def test_what_a_party_managed_to_do_stays_an_act(code):
    e = only(code("The Ukrainian army managed to stop the Russian convoy near the border on Monday."), "SANCTION")
    assert "ukr" in names(e.source)


def test_what_a_party_will_be_able_to_do_is_no_act(code):
    lacks(code("Officials said on Monday the Ukrainian army will be able to stop the Russian convoy."), "SANCTION")


def test_what_a_party_was_able_to_do_in_the_past_stays_an_act(code):
    e = only(code("The Ukrainian army was able to stop the Russian convoy near the border on Monday."), "SANCTION")
    assert "ukr" in names(e.source)


# ---------------------------------------------------------------- a permission only possible


def test_what_a_bill_would_allow_a_state_to_do_is_no_act_of_the_state(code):
    lacks(code("Thousands marched in Hong Kong against a bill that would allow China to extradite "
               "suspects to the mainland."), "COOPERATE")


def test_what_a_licence_allows_its_holder_is_no_act(code):
    lacks(code("Police said Carter held a licence allowing him to buy rifles."), "CONCEDE", "COOPERATE")


def test_what_a_truce_allowed_the_parties_to_do_stays_their_act(code):
    e = only(code("The ceasefire allowed Armenia and Azerbaijan to exchange prisoners on Monday."), "RETREAT")
    assert "arm" in names(e.source) and e.status == "reported"


def test_what_a_truce_will_allow_stays_a_planned_act(code):
    e = only(code("The ceasefire will allow Armenia and Azerbaijan to exchange prisoners next week."), "RETREAT")
    assert e.status == "planned"


def test_a_state_allowing_others_to_act_stays_its_concession(code):
    e = only(code("Israel allowed aid trucks to enter Gaza on Monday."), "CONCEDE")
    assert "isr" in names(e.source)


# ---------------------------------------------------------------- a case argued is speech


def test_a_case_argued_in_a_that_clause_is_a_statement(code):
    events = code("British Foreign Secretary Jack Straw argued that the sanctions against Iran had failed.")
    e = only(events, "STATEMENT")
    assert "straw" in names(e.source)
    assert not [x for x in events if x.what == "ACCUSE"]


def test_arguing_with_a_partner_stays_a_dispute(code):
    e = only(code("Turkish President Recep Tayyip Erdogan argued with Greek Prime Minister Kyriakos Mitsotakis "
                  "over the border on Monday."), "ACCUSE")
    assert "mitsotakis" in names(e.target)



# ---------------------------------------------------------------- a refusal to speak, a figurative meeting


def test_declining_to_say_is_no_rejection(code):
    lacks(code("Pentagon spokesman John Kirby declined to say how many troops would be sent to Poland."),
          "REJECT", "STATEMENT")


def test_refusing_to_comment_is_no_event(code):
    assert code("Iranian Foreign Minister Javad Zarif refused to comment on the talks with Saudi Arabia "
                "on Monday.") == []


def test_refusing_to_meet_or_to_give_up_stays_a_rejection(code):
    e = only(code("Turkish President Recep Tayyip Erdogan refused to meet the Greek delegation on Monday."), "REJECT")
    assert "erdogan" in names(e.source)
    only(code("Russia refused to give up the occupied territories, Ukrainian officials said on Monday."), "REJECT")


def test_meeting_a_response_is_no_meeting(code):
    lacks(code("Iran said any attack by Israel would meet a strong response."), "CONSULT")
    lacks(code("Iran said any incursion would be met by a strong response from its army."), "CONSULT")


def test_meeting_a_counterpart_stays_a_meeting(code):
    e = only(code("Iranian Foreign Minister Javad Zarif met with Iraqi officials in Baghdad on Monday."), "CONSULT")
    assert "zarif" in names(e.source)


def test_meeting_a_demand_is_no_meeting_and_not_meeting_it_a_refusal(code):
    lacks(code("The Iraqi government met the demands of the protesters on Monday, officials said."), "CONSULT")
    e = only(code("The United States said it would not meet the demands of the kidnappers."), "REJECT")
    assert [r.country for r in e.source] == ["USA"]


# ---------------------------------------------------------------- blame and votes


def test_a_deal_called_by_a_word_of_blame_is_criticised(code):
    e = only(code('Labour deputy leader Tom Watson called the government\'s proposed deal "lousy" on Saturday.'),
             "ACCUSE")
    assert "watson" in names(e.source)


def test_a_plan_described_as_reckless_is_criticised(code):
    e = only(code('The Russian foreign ministry described the American plan as "irresponsible and reckless" '
                  'on Monday.'), "ACCUSE")
    assert [r.country for r in e.target] == ["USA"]


def test_a_situation_called_the_worst_stays_a_statement(code):
    lacks(code("Aid agencies on Monday called the famine in the region the worst in a decade."), "ACCUSE")


def test_a_vote_against_a_proposal_is_a_rejection(code):
    e = only(code("The British parliament voted against the proposed trade deal with the European Union on Monday."),
             "REJECT")
    assert [r.country for r in e.source] == ["GBR"]


# ---------------------------------------------------------------- commentators


def test_a_correspondents_comment_is_no_statement(code):
    assert code("The BBC's security correspondent Frank Gardner said questions remain over who fired the "
                "missiles.") == []


def test_an_analysts_or_experts_comment_is_no_statement(code):
    assert code("Middle East analyst Hassan Hassan told CNN the strike would change little on the ground.") == []
    assert code("Haifa University geostrategy expert Avinoam Idan said the new supply cannot be considered "
                "significant.") == []


def test_a_party_spokesmans_words_stay_a_statement(code):
    e = only(code("Hamas's spokesman Fawzi Barhoum said the group would respond to the raid."), "STATEMENT")
    assert "barhoum" in names(e.source)


def test_a_private_persons_words_stay_a_statement(code):
    only(code("The victim's mother, Charlotte Brown, said on television that the family wanted justice."),
         "STATEMENT")
