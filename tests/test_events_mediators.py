"""Mediators apart from the parties of the act they mediate (issue 12): an envoy listed among those
who meet, the broker of a deal given as the doer of its terms, a host named by "with the mediation
of" or "under the auspices of". Sentences of our own; the real model and every stage run."""

from __future__ import annotations

import test_events_coder as coder_tests
from storyline.events.mediators import is_mediator_role

code = coder_tests.code  # the fixture that runs every stage over a text
only = coder_tests.only


def ids(refs) -> list[str]:
    return [r.actor_id or r.name for r in refs]


# ---------------------------------------------------------------- envoys among those who meet


def test_envoy_of_a_body_attending_talks_is_not_a_side(code):
    e = only(code("The talks in Vienna that began on Monday are attended by the foreign minister of Serbia "
                  "Ivica Dacic, the Kosovo prime minister Albin Kurti and the special envoy of the European "
                  "Union Miroslav Lajcak."), "CONSULT")
    assert ids(e.source) == ["ivica-dacic", "albin-kurti"]


def test_special_representative_listed_with_leaders_who_meet_is_not_a_side(code):
    e = only(code("Serbian President Aleksandar Vucic, Kosovo Prime Minister Albin Kurti and UN special "
                  "representative Caroline Ziadeh met in Brussels on Tuesday."), "CONSULT")
    assert "caroline-ziadeh" not in ids(e.source) and {"aleksandar-vucic", "albin-kurti"} <= set(ids(e.source))


def test_envoy_named_after_a_role_and_an_abbreviation_is_not_a_side(code):
    # the role phrase and the name are two mentions: "the special envoy of the African Union (AU) X"
    e = only(code("The talks in Nairobi were attended by Kenyan President William Ruto, Somali President "
                  "Hassan Sheikh Mohamud and the special envoy of the African Union (AU) Olusegun Obasanjo."),
             "CONSULT")
    assert not any("obasanjo" in (r.name + (r.actor_id or "")).lower() for r in e.source)
    assert len(e.source) == 2


def test_envoy_of_a_side_stays_among_the_doers(code):
    # the envoy acts for the state of another doer: one of that side's delegation
    e = only(code("Russian Foreign Minister Sergey Lavrov, Russian special envoy Kirill Dmitriev and Turkish "
                  "Foreign Minister Hakan Fidan met in Ankara on Tuesday."), "CONSULT")
    assert len(e.source) == 3


def test_mediator_roles_are_whole_words():
    roles = {"envoy", "special representative", "co-chair"}
    assert is_mediator_role("the special envoy of the un", roles)
    assert is_mediator_role("osce co-chair", roles)
    assert not is_mediator_role("the envoys' driver", roles)
    assert not is_mediator_role("a representative of hamas", roles)


# ---------------------------------------------------------------- the terms of a brokered deal


def test_terms_of_a_brokered_deal_are_the_parties_acts(code):
    events = code("The Qatari emir and the American envoy brokered the agreement in March, involving Iran's "
                  "release of five American detainees in exchange for receiving from Washington six billion "
                  "dollars of frozen funds.")
    assert "QAT" in [r.country for r in only(events, "MEDIATE").source]
    terms = [e for e in events if e.what != "MEDIATE"]
    assert terms and all(e.source and "QAT" not in [r.country for r in e.source] for e in terms)
    assert ids(only(events, "COOPERATE").source) == ["USA"]  # the side that is not the receiver


def test_brokers_own_next_act_stays_theirs(code):
    # "brokered ... and announced": the conjoined verb is the broker's own act
    events = code("Egypt brokered a truce between Israel and Hamas on Monday and announced it on Tuesday.")
    assert ids(only(events, "MEDIATE").source) == ["EGY"]
    assert set(ids(only(events, "MEDIATE").target)) == {"ISR", "hamas"}


# ---------------------------------------------------------------- hosts named by a phrase


def test_with_the_mediation_of_names_a_host_not_a_target(code):
    events = code("Armenia and Azerbaijan signed a peace deal in Washington on Friday with the mediation of "
                  "the United States.")
    deal = only(events, "AGREE")
    assert set(ids(deal.source)) == {"ARM", "AZE"} and "USA" not in ids(deal.source + deal.target)
    m = only(events, "MEDIATE")
    assert ids(m.source) == ["USA"] and set(ids(m.target)) == {"ARM", "AZE"}


def test_truce_under_a_demonyms_auspices_is_mediated_by_its_state(code):
    events = code("Israel and Hamas reached a truce under Egyptian auspices on Sunday.")
    assert ids(only(events, "MEDIATE").source) == ["EGY"]
    assert "EGY" not in ids(only(events, "AGREE").source)  # a truce reached is the sides' agreement


def test_talks_under_a_bodys_chairmanship(code):
    events = code("Kenya and Somalia held talks under the chairmanship of the African Union in Addis Ababa.")
    assert set(ids(only(events, "CONSULT").source)) == {"KEN", "SOM"}
    assert set(ids(only(events, "MEDIATE").target)) == {"KEN", "SOM"}
