"""The event coder on the kinds of sentence that unseen news brings (issue 12): the sides of a joint
act told without its doers, news told in the perfect, acts named by nouns and headlines, and the
right side of an act. Sentences of our own; the real model and every stage run."""

from __future__ import annotations

import test_events_coder as coder_tests

code = coder_tests.code  # the fixture that runs every stage over a text
names, only = coder_tests.names, coder_tests.only


# ---------------------------------------------------------------- the sides of a joint act


def test_agentless_ceasefire_takes_the_sides_named_by_between(code):
    events = code("Norway brokered a truce between Sudan and Chad on Monday. The truce was due to take effect "
                  "at midnight.")
    truce = only(events, "RETREAT")
    assert "sudan" in names(truce.source) and "chad" in names(truce.source)
    assert "norway" not in names(truce.source + truce.target)


def test_mediators_targets_are_the_sides_between_not_the_place(code):
    events = code("Norway brokered a truce in Oslo, Norway between Sudan and Chad on Monday.")
    e = only(events, "MEDIATE")
    assert "norway" in names(e.source)
    assert "sudan" in names(e.target) and "chad" in names(e.target) and "norway" not in names(e.target)


def test_agreement_reached_takes_the_sides_of_the_nearest_deal(code):
    events = code("Sudan and Chad signed a peace deal in Oslo on Monday. The agreement was reached after "
                  "weeks of pressure.")
    agree = [e for e in events if e.what == "AGREE"]
    assert agree and all("sudan" in names(e.source + e.target) for e in agree)


def test_talks_take_no_sides_from_a_ceasefire_of_others(code):
    """A phone call between two leaders gives no sides to a ceasefire told after it."""
    events = code("The president of Chile spoke with the president of Peru on Monday. The ceasefire was "
                  "reached on Tuesday.")
    assert not any(e.what in ("AGREE", "RETREAT") and "chile" in names(e.source) for e in events)


def test_denied_agreement_gets_no_sides(code):
    events = code("Sudan and Chad held talks in Oslo on Monday. It does not mean that agreement has been "
                  "reached.")
    assert not any(e.what == "AGREE" for e in events)


def test_continuing_talks_are_no_new_act(code):
    events = code("Sudan will consult with Chad on these issues. It is not yet a deal, consultations "
                  "continue.")
    assert len([e for e in events if e.what == "CONSULT"]) == 1


# ---------------------------------------------------------------- news told in the perfect


def test_perfect_progressive_over_hours_is_the_news(code):
    events = code("The foreign ministers of Chad and Sudan have been holding talks in Oslo for six hours.")
    assert only(events, "CONSULT").status == "reported"


def test_perfect_progressive_over_years_stays_background(code):
    events = code("Chad and Sudan have been holding talks on the border for years.")
    assert only(events, "CONSULT").status == "historical"


def test_present_perfect_release_in_the_lead_is_the_news(code):
    events = code("Chad has released 32 Sudanese soldiers, the ministry said on Monday.")
    e = only(events, "RETREAT")
    assert e.status == "reported" and "chad" in names(e.source)


def test_welcomed_agreement_named_by_its_sides_is_the_news(code):
    events = code("I welcome the deal reached by the Government of Chad and the northern rebels to prolong the truce.")
    assert any(e.what == "AGREE" and e.status == "reported" for e in events)


def test_act_named_after_a_past_reaction_stays_background(code):
    events = code("The move follows the rebels' killing of the mayor of the town last week.", published="2021-05-10")
    assert all(e.status != "reported" for e in events if e.what == "ASSAULT")


# ---------------------------------------------------------------- acts told by nouns and participles


def test_agreement_by_named_sides_is_an_act(code):
    events = code("The envoy hailed the agreement by Chad's government and the northern rebels to prolong the "
                  "ceasefire.")
    assert any(e.what == "AGREE" and "chad" in names(e.source + e.target) for e in events)


def test_agreement_alone_is_no_act(code):
    events = code("The envoy said the agreement was a good basis for further work.")
    assert not any(e.what == "AGREE" for e in events)


def test_any_meetings_between_named_sides_are_a_kind_of_act(code):
    events = code("Brazil welcomes any meetings between Lima and La Paz aimed at a border deal.")
    assert not any(e.what == "CONSULT" for e in events)


def test_talks_hosted_by_a_state_are_its_mediation(code):
    events = code("Thanks to three-way negotiations hosted by Norway, the fishing accord was renewed on Tuesday.")
    e = only(events, "MEDIATE")
    assert "norway" in names(e.source)


def test_participle_without_doer_or_date_is_a_description(code):
    events = code("Villagers crossed into the territory controlled by the rebels.")
    assert not any(e.what == "MEDIATE" for e in events)


def test_dated_signing_participle_is_an_act(code):
    events = code("The accord signed by Chad and Sudan on 9 November 2020 ended the war.", published="2021-05-10")
    assert any(e.what == "AGREE" and "chad" in names(e.source) and "2020-11-09" in (e.date.value if e.date else "")
               for e in events)


def test_noun_named_act_takes_the_clause_that_tells_it(code):
    """A deal named by a noun with its sides, then told by a clause: one event, whose evidence is
    the clause."""
    events = code("The ministers rejected the March 3 border agreement between Chad and Sudan. In the March 3 "
                  "deal, Chad and Sudan agreed on a shared border.", published="2021-05-10")
    agree = [e for e in events if e.what == "AGREE"]
    assert len(agree) == 1 and agree[0].evidence.startswith("In the March 3 deal")


# ---------------------------------------------------------------- the right side of an act


def test_a_call_after_conversations_is_the_callers_alone(code):
    events = code("French President Emmanuel Macron called for an immediate ceasefire after conversations with "
                  "Vladimir Putin and Volodymyr Zelensky.")
    e = next(e for e in events if "called" in e.evidence)
    assert "macron" in names(e.source)
    assert "putin" not in names(e.source + e.target) and "zelensky" not in names(e.source + e.target)


def test_the_government_a_speaker_reports_is_the_speakers(code):
    events = code("Prime Minister Najib Mikati's office said the government had voted to approve the ceasefire "
                  "agreement on Tuesday.")
    e = only(events, "AGREE")
    assert [r.country for r in e.source] == ["LBN"]


def test_a_named_government_is_not_the_speakers(code):
    events = code("Lebanese Prime Minister Najib Mikati said the government of Israel had voted to approve the "
                  "agreement on Tuesday.")
    assert all("LBN" not in [r.country for r in e.source] for e in events if e.what == "AGREE")


def test_the_mediator_of_a_deal_is_not_its_party(code):
    events = code("Vladimir Putin spoke with Volodymyr Zelensky on Sunday. The ceasefire, mediated by Qatar, "
                  "was agreed by Israel and Hamas on Monday.")
    mediate = only(events, "MEDIATE")
    assert "qatar" in names(mediate.source)
    assert "israel" in names(mediate.target) and "hamas" in names(mediate.target)
    assert "putin" not in names(mediate.target)
    agree = only(events, "AGREE")
    assert "qatar" not in names(agree.source + agree.target)


def test_the_act_a_party_is_thanked_for_is_its_own(code):
    events = code("Abbas thanked Norway for hosting the talks between Chad and Sudan.")
    e = only(events, "MEDIATE")
    assert "norway" in names(e.source) and "abbas" not in names(e.source)
    assert "SUPPORT" in [e.what for e in events]


def test_the_charge_of_an_accusation_stays_part_of_it(code):
    events = code("The president condemned Chad for shelling the border villages on Monday.")
    assert "ASSAULT" not in [e.what for e in events]
