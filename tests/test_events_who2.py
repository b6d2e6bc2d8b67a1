"""Who did it, second round (issue 12): a people named for the armed movement that speaks for it,
bodies referred to by their members' word, and the document's author as "I". Sentences of our own;
the real model and every stage run."""

from __future__ import annotations

import test_events_coder as coder_tests

code = coder_tests.code  # the fixture that runs every stage over a text
only = coder_tests.only


def ids(refs) -> list[str]:
    return [r.actor_id or r.name for r in refs]


def doers(code, text: str, what: str) -> list[tuple[str, str | None]]:
    """The (name, country) of each doer of the one event of class ``what`` the text gives."""
    return [(r.name, r.country) for r in only(code(text), what).source]


# ---------------------------------------------------------------- a people for its movement


def test_people_side_of_a_truce_is_the_movement_the_article_shows_acting(code):
    events = code("Qatari mediation produced a truce between Israelis and Palestinians on Sunday. "
                  "Hamas agreed on Monday to release ten hostages.")
    truce = [e for e in events if e.evidence.startswith("a truce")]
    assert len(truce) == 1 and "hamas" in ids(truce[0].source) and "PSE" not in ids(truce[0].source)
    assert "ISR" in ids(truce[0].source)  # the other people's state has no movement: it stays
    assert "hamas" in ids(only(events, "MEDIATE").target)  # the mediation's sides are the same


def test_people_side_stays_without_a_movement(code):
    e = only(code("A truce between Israelis and Palestinians took effect on Sunday."), "RETREAT")
    assert ids(e.source) == ["ISR", "PSE"]


def test_people_side_stays_where_two_movements_act(code):
    events = code("Qatari mediation produced a truce between Israelis and Palestinians on Sunday. "
                  "Hamas and Islamic Jihad agreed on Monday to release ten hostages.")
    truce = [e for e in events if e.evidence.startswith("a truce")]
    assert len(truce) == 1 and "PSE" in ids(truce[0].source) and "hamas" not in ids(truce[0].source)


def test_people_acted_on_stay_people(code):
    events = code("Israeli troops killed five Palestinians on Sunday. Hamas fighters attacked a border post on Monday.")
    killing = [e for e in events if "five Palestinians" in e.evidence]
    assert len(killing) == 1 and ids(killing[0].target) == ["PSE"]


# ---------------------------------------------------------------- bodies named by their members' word


def test_body_title_with_its_envoys_beside_it_is_the_body(code):
    e = only(code("The co-chairs of the OSCE Minsk Group, Igor Popov of Russia, Stephane Visconti of France and "
                  "Andrew Schofer of the United States, issued a joint statement on Friday."), "STATEMENT")
    assert [r.country for r in e.source] == ["OSCEMG"]


def test_the_co_chairs_refer_back_to_the_body_named_with_them(code):
    events = code("The Minsk Group co-chairs arrived in Baku on Monday. On Tuesday the co-chairs met President "
                  "Ilham Aliyev.")
    assert [r.country for r in only(events, "CONSULT").source] == ["OSCEMG"]


def test_the_parties_are_not_the_mediating_bodys_members(code):
    events = code("After last week's meetings between the Minsk Group co-chairs and the parties in Geneva, the "
                  "co-chairs voiced hope for a breakthrough, the OSCE reported.")
    talks = only(events, "CONSULT")
    assert [r.country for r in talks.source] == ["OSCEMG"]  # not Russia, France and the United States


def test_between_with_one_side_resolved_keeps_it_as_the_doer_not_the_reporter(code):
    events = code("The Minsk Group co-chairs visited Baku on Monday. After the meetings between the co-chairs and "
                  "the two sides in Geneva and in the capitals, the co-chairs regret that nothing has moved, the "
                  "OSCE office reported.")
    talks = only(events, "CONSULT")
    assert [r.country for r in talks.source] == ["OSCEMG"] and not talks.target


# ---------------------------------------------------------------- a format of states is its members


def test_talks_of_a_format_that_holds_both_sides_are_its_members_talks(code):
    events = code("Fighting between Russia and Ukraine went on in Donbas. The Normandy Four held negotiations on a "
                  "new ceasefire in Berlin on Monday.")
    talks = only(events, "CONSULT")
    assert sorted(ids(talks.source)) == ["DEU", "FRA", "RUS", "UKR"]
    assert not [e for e in events if e.what == "MEDIATE"]


def test_a_body_whose_members_are_not_the_sides_still_mediates(code):
    events = code("Fighting between Armenia and Azerbaijan went on in Karabakh. The ministers spoke to reporters on "
                  "Monday after the Minsk Group negotiations on a new ceasefire.")
    e = only(events, "MEDIATE")
    assert ids(e.source) == ["OSCEMG"] and sorted(ids(e.target)) == ["ARM", "AZE"]


# ---------------------------------------------------------------- a generic body name inside a longer one


def test_a_generic_name_ending_a_longer_name_is_not_the_un_body(code):
    assert doers(code, "Iran's Supreme National Security Council approved the deal with Riyadh on Monday.",
                 "AGREE") == [("Supreme National Security Council", "IRN")]  # a deal approved is agreed to


def test_a_generic_name_alone_or_after_its_parent_is_the_body(code):
    assert doers(code, "The Security Council approved the resolution on Monday.", "STATEMENT") == \
        [("UN Security Council", "UNSC")]
    assert doers(code, "The United Nations General Assembly approved the resolution on Monday.", "STATEMENT") == \
        [("UN General Assembly", "UNGA")]


# ---------------------------------------------------------------- a body's mission


def test_a_bodys_mission_is_an_actor_of_its_own_coded_with_the_body(code):
    e = only(code("Talks between Moldova and Transnistria were hosted on Monday by the OSCE mission in Chisinau."),
             "MEDIATE")
    assert [(r.name, r.country, r.actor_id) for r in e.source] == [("OSCE mission", "OSCE", None)]


def test_a_named_mission_keeps_its_whole_name(code):
    assert doers(code, "The EU Monitoring Mission met Georgian officials in Tbilisi on Monday.", "CONSULT") == \
        [("EU Monitoring Mission", "EU")]


def test_the_body_alone_is_the_body(code):
    assert [c for _, c in doers(code, "The OSCE said on Monday that the talks would resume.", "STATEMENT")] == ["OSCE"]


# ---------------------------------------------------------------- the attacker's own name for its force


def test_a_teller_using_the_attackers_own_name_tells_the_attack(code):
    events = code('Turkey said on Tuesday: "This morning the Azerbaijani army began a counter-terror operation '
                  'against enemy positions."')
    e = only(events, "ASSAULT")
    assert [r.country for r in e.source] == ["AZE"]
    assert not [x for x in events if x.what == "ACCUSE"]


def test_so_called_takes_the_name_back_and_the_telling_stays_an_accusation(code):
    events = code('Armenia said on Tuesday: "Today the Azerbaijani army launched a so-called anti-terrorist '
                  'operation against our towns."')
    e = only(events, "ACCUSE")
    assert ids(e.source) == ["ARM"] and [r.country for r in e.target] == ["AZE"]
