"""Who did it (issue 12, the right side of an act): coordinated doers the parser hangs elsewhere,
collectives that count their members, fragments of names and times that are no actor, and the
speaker who promises in his state's name. Sentences of our own; the real model and every stage run."""

from __future__ import annotations

from types import SimpleNamespace

import test_events_coder as coder_tests
from storyline.events.clause import names_time
from storyline.events.nominal import praised_doers
from storyline.model import ActorRef

code = coder_tests.code  # the fixture that runs every stage over a text
names, only = coder_tests.names, coder_tests.only


# ---------------------------------------------------------------- coordinated doers


def test_list_read_as_apposition_keeps_every_member(code):
    e = only(code("Chad, the UN, Sudan and Libya signed an agreement in Oslo on Monday."), "AGREE")
    for member in ("chad", "united nations", "sudan", "libya"):
        assert member in names(e.source)


def test_true_apposition_is_no_list(code):
    e = only(code("Chad, a country of the Sahel, signed an agreement with Sudan on Monday."), "AGREE")
    # Chad alone is the subject (the apposition adds no member); Sudan signs with it (events.parties.cosigners)
    assert [r.actor_id for r in e.source] == ["TCD", "SDN"]


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
    e = only(code("Officials of the Vienna-based Organization for Security and Co-operation in Europe agreed on "
                  "Monday to wind up the mission in Chad."), "AGREE")
    assert "osce" in names(e.source)
    assert not any(r.name in ("Security", "Europe") for r in e.source)


# ---------------------------------------------------------------- the speaker's promise


def test_speakers_offer_in_his_states_name_is_his(code):
    events = code("Chilean Foreign Minister Alberto van Klaveren said Santiago stood ready to act as mediator "
                  "between Peru and Bolivia.")
    e = only(events, "MEDIATE")
    assert "klaveren" in names(e.source) and "chile" not in [r.name.lower() for r in e.source]


def test_states_act_told_as_done_stays_the_states(code):
    events = code("Chilean Foreign Minister Alberto van Klaveren said Chile had sent aid to Peru.")
    e = only(events, "AID")
    assert "chile" in names(e.source) and "klaveren" not in names(e.source)


# ---------------------------------------------------------------- the act noun's own doer


def test_visit_of_a_president_is_his_not_the_main_clauses_subject(code):
    events = code("After the recent visit of the Chilean president Gabriel Boric to Lima, Chilean Foreign Minister "
                  "Alberto van Klaveren held negotiations with Peruvian Foreign Minister Javier Gonzalez.")
    e = only(events, "VISIT")
    assert "boric" in names(e.source) and "klaveren" not in names(e.source)
    assert "boric" not in names(e.target)


def test_recent_visit_of_a_titled_president_is_his_and_before_the_news(code):
    """The visitor the "of" names is the doer, and "recent" tells the visit as before the news; a
    doer no actor is found for ("of Erdogan" alone, which the parser may take for a place) leaves
    the visit unclaimed rather than given to the subject of the clause it sits in."""
    events = code("Following the recent visit of Turkish President Erdogan to Baku, Aliyev thanked Turkey.",
                  published="2021-05-10")
    e = only(events, "VISIT")
    assert "erdo" in names(e.source) and "aliyev" not in names(e.source) and e.status == "historical"
    events = code("Following the recent visit of Erdogan to Baku, Aliyev thanked Turkey.", published="2021-05-10")
    assert not any(e.what == "VISIT" and "aliyev" in names(e.source) for e in events)


# ---------------------------------------------------------------- the sides of a joint act


def test_talks_between_two_states_have_both_as_doers(code):
    e = only(code("The last direct talks between Chad and Niger took place in Lima in March."), "CONSULT")
    assert "chad" in names(e.source) and "niger" in names(e.source) and not e.target


def test_mediator_of_talks_between_two_sides_stays_apart(code):
    events = code("Norway brokered a ceasefire between Chad and Niger on Monday.")
    e = only(events, "MEDIATE")
    assert "norway" in names(e.source) and "chad" not in names(e.source)
    assert "chad" in names(e.target) and "niger" in names(e.target)


def test_place_of_an_act_told_by_its_noun_is_no_doer(code):
    events = code("A joint statement was issued in Lima on Monday.")
    assert not any("peru" in names(e.source) for e in events)


def test_state_where_a_passive_act_happens_still_acts(code):
    e = only(code("Hezbollah is banned in Chad."), "SANCTION")
    assert "chad" in names(e.source)


def test_readiness_of_a_party_to_act_is_that_partys_act(code):
    events = code("The envoy said on Monday that he welcomed the readiness of the Chadian authorities to deliver "
                  "food aid to Abeche.")
    e = only(events, "AID")
    assert "chad" in names(e.source) and "envoy" not in names(e.source)


def test_need_to_act_without_a_holder_is_the_speakers(code):
    e = only(code("Foreign Minister Celinda Sosa stressed the need to withdraw troops from the border."), "RETREAT")
    assert "sosa" in names(e.source)


# ---------------------------------------------------------------- the mediator is no side


def test_offer_to_mediate_between_two_sides_is_the_speakers(code):
    events = code("The kingdom is ready to mediate between Peru and Ecuador, Foreign Minister Celinda Sosa said on "
                  "Monday.")
    e = only(events, "MEDIATE")
    assert "sosa" in names(e.source) and all(side in names(e.target) for side in ("peru", "ecuador"))


def test_unnamed_mediator_is_never_one_of_the_sides(code):
    events = code("The kingdom stands ready to mediate between Peru and Ecuador.")
    assert not any(e.what == "MEDIATE" and ("peru" in names(e.source) or "ecuador" in names(e.source))
                   for e in events)


def test_praised_after_the_reason_are_thanked_for_their_own(ctx):
    """"thanked Chile for hosting the talks, as well as Peru": where the parser makes both the
    objects of the thanks, only the one before the reason did what it names."""
    doc = ctx.nlp("Bolivia thanked Chile for hosting the talks, as well as Peru.")
    tok = {t.text: t for t in doc}
    chile, peru = (ActorRef(name=n, country=c, start=tok[n].idx, end=tok[n].idx + len(n)) for n, c in
                   (("Chile", "CHL"), ("Peru", "PER")))
    thanks = SimpleNamespace(cls=SimpleNamespace(what="SUPPORT"), head=tok["thanked"], target=[chile, peru])
    hosting = SimpleNamespace(parent=thanks, drop=False, head=tok["hosting"], source=[])
    praised_doers([hosting], {"SUPPORT"})
    assert hosting.source == [chile]


# ---------------------------------------------------------------- the sides of the conflict


def test_sides_between_which_a_truce_is_beat_those_who_announce_it(code):
    events = code("Chilean Foreign Minister Alberto van Klaveren and Peruvian Foreign Minister Javier Gonzalez "
                  "announced in Lima on Wednesday that Bolivia had brokered a truce between Ecuador and Colombia. "
                  "The truce was due to start at midnight local time.")
    e = only(events, "RETREAT")
    assert "ecuador" in names(e.source) and "colombia" in names(e.source) and "klaveren" not in names(e.source)


def test_an_armed_group_can_be_a_side_of_the_conflict(code):
    events = code("Israel and Hamas fought for eleven days in May. The warring sides agreed to a truce on Friday.")
    e = only(events, "AGREE")
    assert "israel" in names(e.source) and "hamas" in names(e.source)


def test_a_meeting_held_takes_the_sides_not_the_last_doer(code):
    events = code("The United States favors a positive dialogue between Lima and La Paz, the envoy said. Just one "
                  "meeting was held, in December 2019.")
    held = [e for e in events if e.what == "CONSULT" and "held" in e.evidence]
    assert held and "united states" not in names(held[0].source)


def test_they_after_a_body_is_named_as_the_body(code):
    events = code("The Co-Chairs of the OSCE Minsk Group visited Lima on Monday. They updated the authorities on the "
                  "state of the negotiations.")
    e = only(events, "CONSULT")
    assert "minsk group" in names(e.source) and not any(r.name == "They" for r in e.source)


def test_participle_with_an_agent_is_the_agents_act(code):
    events = code("Chile insisted on a different route controlled by Santiago and proposed by its government, "
                  "rejected by Bolivia's leadership as a cynical ploy.")
    e = only(events, "REJECT")
    assert "bolivia" in names(e.source) and "chile" not in names(e.source)


def test_in_coordination_with_names_a_co_agent_of_the_clause(code):
    e = only(code("Chile and Peru reiterated their continued mediation efforts in the region, in coordination with "
                  "the United States."), "MEDIATE")
    assert all(side in names(e.source) for side in ("chile", "peru", "united states"))
