"""The right type and the right sides of settlements on unseen news (issue 12, classes 5 and 6):
a ceasefire agreed between two sides against one a side declares alone, and a mediator named by
a hyphenated participle ("a Qatari-brokered truce"). Sentences of our own; the real model and
every stage run."""

from __future__ import annotations

import test_events_coder as coder_tests

code = coder_tests.code  # the fixture that runs every stage over a text
only = coder_tests.only


def ids(refs) -> list[str]:
    return sorted(r.actor_id or r.name for r in refs)


# ---------------------------------------------------------------- a ceasefire agreed, or declared


def test_a_ceasefire_reached_by_two_sides_is_their_agreement(code):
    e = only(code("Chad and Sudan reached a ceasefire on Sunday."), "AGREE")
    assert ids(e.source) == ["SDN", "TCD"]


def test_a_ceasefire_reached_between_two_sides_in_the_passive_is_their_agreement(code):
    e = only(code("A truce was reached between Serbia and Kosovo on Sunday."), "AGREE")
    assert ids(e.source) == ["SRB", "XKX"]


def test_a_ceasefire_announced_between_two_sides_is_their_agreement(code):
    events = code("The Ethiopian government announced a ceasefire between Ethiopia and Eritrea on Monday.")
    e = only(events, "AGREE")
    assert "RETREAT" not in [x.what for x in events]
    assert "ERI" in ids(e.source)  # the other side is a party to it


def test_a_ceasefire_one_side_declares_alone_is_its_halt_of_fire(code):
    e = only(code("The Sudanese army declared a unilateral ceasefire on Sunday."), "RETREAT")
    assert e.cameo == "0871"


def test_a_ceasefire_taking_effect_stays_the_halt_of_fire(code):
    events = code("A ceasefire between Chad and Sudan took effect on Sunday.")
    assert [e.what for e in events] == ["RETREAT"]


# ---------------------------------------------------------------- "a Qatari-brokered truce"


def test_a_brokered_truce_is_the_mediators_mediation_between_the_sides(code):
    events = code("A Norwegian-brokered truce has been reached between Chad and Sudan.")
    m = only(events, "MEDIATE")
    assert ids(m.source) == ["NOR"] and ids(m.target) == ["SDN", "TCD"]
    assert m.evidence == "A Norwegian-brokered truce"
    deal = only(events, "AGREE")  # the truce itself stays the sides', not the mediator's
    assert ids(deal.source) == ["SDN", "TCD"]


def test_a_mediated_ceasefire_between_named_sides_on_the_noun(code):
    events = code("A Turkish-mediated ceasefire between Azerbaijan and Armenia took effect on Sunday.")
    m = only(events, "MEDIATE")
    assert ids(m.source) == ["TUR"] and ids(m.target) == ["ARM", "AZE"]
    assert "TUR" not in ids(only(events, "RETREAT").source)


def test_a_body_before_the_hyphen_is_the_mediator(code):
    m = only(code("The UN-sponsored talks opened in Geneva on Monday."), "MEDIATE")
    assert ids(m.source) == ["UN"]


def test_a_sponsored_thing_that_is_no_settlement_is_no_mediation(code):
    events = code("The US-sponsored resolution was adopted on Friday.")
    assert "MEDIATE" not in [e.what for e in events]


# ---------------------------------------------------------------- the conflict's sides


def test_two_breakaway_regions_named_together_are_not_the_conflicts_sides(code):
    # the secessions of one state, named together even in sentences about war, are one side
    events = code("Abkhazia and South Ossetia fought separatist wars in the 1990s. Abkhazia and South Ossetia "
                  "rejected the ceasefire. Georgia and Russia traded accusations on Friday. "
                  "Heavy fighting resumed on Monday.")
    fighting = [e for e in events if e.evidence.startswith("Heavy fighting")]
    assert len(fighting) == 1 and ids(fighting[0].source) == ["GEO", "RUS"]


# ---------------------------------------------------------------- an agreement signed with someone


def test_a_deal_signed_with_a_partner_is_signed_by_both(code):
    e = only(code("On Sunday the Taliban signed a peace accord with the United States in Doha."), "AGREE")
    assert ids(e.source) == ["USA", "taliban"] and e.target == []


def test_an_agreement_reached_with_a_partner_is_reached_by_both(code):
    e = only(code("Turkey reached an agreement with Russia on the evacuation on Monday."), "AGREE")
    assert ids(e.source) == ["RUS", "TUR"]


def test_talks_with_a_partner_keep_the_partner_as_target(code):
    e = only(code("Turkish Foreign Minister Mevlut Cavusoglu held talks with Russia on Monday."), "CONSULT")
    assert "RUS" in [r.country for r in e.target]


# ---------------------------------------------------------------- relations agreed


def test_relations_agreed_to_be_resumed_are_the_agreement_itself(code):
    events = code("Kenya and Somalia agreed on Friday to restore diplomatic ties and reopen embassies.")
    e = only(events, "AGREE")
    assert ids(e.source) == ["KEN", "SOM"] and e.status == "reported"
    assert "SUPPORT" not in [x.what for x in events]


def test_a_meeting_agreed_to_stays_the_meeting_to_come(code):
    e = only(code("Kenya and Somalia agreed to hold another meeting in Nairobi."), "CONSULT")
    assert e.status == "planned"


def test_ties_normalised_by_a_signing_are_no_complement_of_agreeing(code):
    # a participle on the signing tells an act of its own, not what was agreed to
    events = code("Kenya and Somalia signed a joint statement in Nairobi on 3 March, normalising ties after their "
                  "war of 1990.")
    assert "AGREE" in [e.what for e in events] and "SUPPORT" in [e.what for e in events]


# ---------------------------------------------------------------- talks told in a relative clause


def test_talks_someone_held_are_that_persons_not_the_main_clauses(code):
    events = code("Following the visit of the Kenyan president William Ruto to Addis Ababa and the talks he held "
                  "with Abiy Ahmed there, the foreign minister of Somalia travelled to Nairobi.")
    talks = [e for e in events if e.what == "CONSULT"]
    assert len(talks) == 1 and talks[0].evidence.startswith("the talks he held")
    assert [r.actor_id for r in talks[0].source] == ["william-ruto"]
    assert "abiy-ahmed" in [r.actor_id for r in talks[0].target]


def test_talks_with_a_relative_pronoun_as_subject_are_no_light_verb(code):
    # "talks which took place in Oslo": the noun is the relative clause's subject, as before
    for text in ("The talks which took place in Oslo between Sudan and Chad ended on Monday.",
                 "The talks that were held in Oslo between Sudan and Chad ended on Monday."):
        assert ids(only(code(text), "CONSULT").source) == ["SDN", "TCD"]


# ---------------------------------------------------------------- a deal approved, and whose cabinet


def test_a_deal_a_government_approves_is_agreed_not_praised(code):
    e = only(code("The Israeli cabinet approved the deal on Friday."), "AGREE")
    assert [r.country for r in e.source] == ["ISR"]


def test_a_ceasefire_agreement_approved_keeps_its_partner(code):
    e = only(code("Lebanon's government approved the ceasefire agreement with Israel on Wednesday."), "AGREE")
    assert [r.country for r in e.source] == ["LBN"] and [r.country for r in e.target] == ["ISR"]


def test_the_cabinet_a_leaders_office_reports_is_the_leaders_states(code):
    events = code("Prime Minister Benjamin Netanyahu's office said the cabinet had approved the ceasefire.")
    e = only(events, "AGREE")
    assert [r.country for r in e.source] == ["ISR"]
