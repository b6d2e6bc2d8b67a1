"""Acts told only by noun phrases (issue 12, class 4): an act noun whose phrase measures it
("after nine days of fighting", "the second round of talks lasted"), tells its course ("the war
that began last month", "the talks being held in Doha"), dates it ("their war in 2019") or names
its sides ("the Chad-Sudan conflict", "clashes with Eritreans", "a request by the Chadian
government"); and the phrases that only name a thing or a topic stay no event. Sentences of our
own; the real model and every stage run."""

from __future__ import annotations

import pytest

import test_events_coder as coder_tests
from storyline.events.merge import merge_events
from storyline.model import ActorRef, DateValue, Document, Event

code = coder_tests.code  # the fixture that runs every stage over a text
names = coder_tests.names


def _with(events, what: str, words: str):
    return [e for e in events if e.what == what and words in e.evidence]


def _told(code, text: str, what: str, words: str):
    """The one event of class ``what`` whose evidence holds ``words``, in a text of 10 May 2021."""
    events = code(text, published="2021-05-10")
    found = _with(events, what, words)
    assert found, [(e.what, e.evidence) for e in events]
    return found[0]


def _untold(code, text: str, what: str, words: str = "") -> None:
    """No event of class ``what`` whose evidence holds ``words``."""
    events = code(text, published="2021-05-10")
    assert not _with(events, what, words), [(e.what, e.evidence) for e in events]


# ---------------------------------------------------------------- measures of an act


def test_days_of_fighting_are_the_conflicts_fighting(code):
    events = code("Chad and Sudan signed a truce in Doha on Friday after nine days of fighting in the border "
                  "region, officials said.", published="2021-05-10")
    fought = _with(events, "ASSAULT", "nine days of fighting")
    assert fought, [(e.what, e.evidence) for e in events]
    assert "chad" in names(fought[0].source) and "sudan" in names(fought[0].source)


def test_years_of_war_before_a_clause_date_it_and_are_no_event(code):
    _untold(code, "After twenty years of war between Chad and Sudan, the border region is still poor, "
                  "officials said.", "ASSAULT")
    _untold(code, "Following decades of clashes, Chad and Sudan opened a new border post on Friday.", "ASSAULT")


def test_a_dated_past_war_before_a_clause_dates_it(code):
    _untold(code, "After the war of 1998-2000, Chad and Sudan agreed to demarcate the border.", "ASSAULT")


def test_days_of_fighting_or_a_war_told_by_its_verb_stay_events(code):
    _told(code, "Chad and Sudan agreed a truce after four days of clashes on the border.", "ASSAULT",
          "four days of clashes")
    _told(code, "After twenty years of war, Chad attacked Sudanese border posts on Friday.", "ASSAULT",
          "attacked")


def test_an_act_named_as_what_a_step_leads_to_is_a_goal(code):
    _untold(code, "Freeing the hostages is regarded as a prerequisite for the inter-Chadian peace talks.",
            "CONSULT")
    _untold(code, "The truce is a first step toward a Chadian withdrawal from the border towns.", "RETREAT")


def test_an_act_named_with_its_doer_outside_a_goal_phrase_stays(code):
    _told(code, "Chad's offensive paved the way for the truce, officials said.", "ASSAULT", "Chad's offensive")
    _told(code, "The release of the detainees is considered a prerequisite for peace. The intra-Sudanese peace "
                "talks ended in Doha on Monday.", "CONSULT", "talks")


def test_months_of_talks_take_the_sides_of_the_deal(code):
    events = code("Chad and Sudan signed a border agreement in Doha on Friday following months of talks.",
                  published="2021-05-10")
    talks = _with(events, "CONSULT", "months of talks")
    assert talks, [(e.what, e.evidence) for e in events]
    assert "chad" in names(talks[0].source + talks[0].target)


def test_a_round_of_talks_carried_by_its_verb(code):
    events = code("Chad and Sudan held talks in Doha on Monday under Qatari auspices. The agenda was long. "
                  "The prisoners were discussed at length. The second round of talks lasted for five hours.",
                  published="2021-05-11")
    assert any(e.what == "CONSULT" and ("round of talks" in e.evidence or any(
        "round of talks" in m.text for m in e.evidence_more)) for e in events), \
        [(e.what, e.evidence) for e in events]


def test_an_act_in_every_instance_is_no_act_told(code):
    events = code("Chad and Sudan held talks in Doha on Monday. The minister said it was impossible to brief "
                  "the allies after every conversation.", published="2021-05-11")
    assert not _with(events, "CONSULT", "every conversation")


# ---------------------------------------------------------------- the course of an act


def test_a_war_that_began_is_an_act(code):
    events = code("Chad and Sudan signed a border accord in 2015. The envoy arrived in Niamey on Friday to end "
                  "the war that began last month.", published="2021-05-10")
    war = _with(events, "ASSAULT", "the war that began last month")
    assert war, [(e.what, e.evidence) for e in events]


def test_talks_being_held_are_an_act(code):
    events = code("Chad and Sudan agreed on a truce last week. About the peace talks being held in Doha, the "
                  "Qatari minister said he was hopeful.", published="2021-05-10")
    held = [e for e in events if e.what in ("CONSULT", "MEDIATE") and "the peace talks being held" in e.evidence]
    assert held, [(e.what, e.evidence) for e in events]  # talks held in Doha: Qatar's mediation


def test_a_bare_participle_without_doer_or_date_only_describes(code):
    events = code("Within the framework of the agreements reached, the ministers of Chad and Sudan met in "
                  "Doha on Monday.", published="2021-05-11")
    assert not _with(events, "AGREE", "agreements reached")


def test_a_present_participle_only_places_the_act(code):
    events = code("Chad and Sudan signed a statement on Monday on a complete ceasefire starting from 10 May.",
                  published="2021-05-11")
    assert not _with(events, "RETREAT", "starting from 10 May")


def test_the_conflict_as_a_subject_is_background_not_an_act(code):
    """"The conflict began in 1988": the story's background, which the article tells of in every
    piece; an act noun with its course is told by a clause on it, not as a sentence's subject."""
    events = code("The conflict between Chad and Sudan began in 1988.", published="2021-05-10")
    assert not any(e.what == "ASSAULT" for e in events)


# ---------------------------------------------------------------- dated or with named sides


def test_a_dated_war_is_an_act_of_its_year(code):
    events = code("Chad and Sudan signed a border accord in 2015. Their most recent war in 2019 left thousands "
                  "dead.", published="2021-05-10")
    war = _with(events, "ASSAULT", "war in 2019")
    assert war and war[0].status == "historical", [(e.what, e.evidence, e.status) for e in events]


def test_a_conflict_named_by_two_sides_is_an_act(code):
    _told(code, "The monitors were deployed in 2009 to end the last Chad-Sudan conflict.", "ASSAULT",
          "Chad-Sudan conflict")


def test_a_conflict_named_by_its_place_is_a_topic(code):
    _untold(code, "The ministers discussed a settlement of the Darfur conflict and of the conflict between Chad "
                  "and Sudan.", "ASSAULT")


def test_clashes_with_a_named_side_are_an_act(code):
    clashes = _told(code, "Chad and Sudan signed a border accord in 2015. Chad vowed to stand by Sudan in the "
                          "violent clashes with Eritreans near the border.", "ASSAULT", "clashes with Eritreans")
    assert "eri" in names(clashes.target)


def test_a_request_by_a_government_named_by_its_state(code):
    asked = _told(code, "The observer force was created in 2012 at a request by the Chadian government to the "
                        "African Union.", "REQUEST", "a request by the Chadian government")
    assert "chad" in names(asked.source)


def test_a_document_provided_by_a_government_is_no_act(code):
    _untold(code, "As stated in the truce document provided by the Chadian government, troops are to pull back "
                  "from the frontier.", "COOPERATE")


def test_a_tally_of_wars_is_no_act_told(code):
    _untold(code, "Chad and Sudan signed a border accord in 2015. The town, which has endured three wars with "
                  "Eritreans, is being rebuilt.", "ASSAULT", "three wars")


# ---------------------------------------------------------------- sides of acts told without them


def test_earlier_accords_signed_on_their_dates_are_acts_of_the_sides(code):
    text = ("Chad and Sudan also agreed on Monday on the implementation of the border accord signed on 1 April 2001, "
            "as well as the trade accord signed on 5 May 1998.")
    events = code(text, published="2021-05-10")
    for words in ("the border accord signed on 1 April 2001", "the trade accord signed on 5 May 1998"):
        accord = [e for e in events if e.what == "AGREE" and e.evidence == words]
        assert accord, [(e.what, e.evidence) for e in events]
        assert "chad" in names(accord[0].source) and accord[0].status == "historical"


def test_a_deal_restated_in_apposition_is_no_second_act(code):
    events = code("Chad and Sudan signed a peace accord in Doha on Sunday, the third peace deal concluded by the "
                  "neighbours this year.", published="2021-05-10")
    assert len([e for e in events if e.what == "AGREE"]) == 1, [(e.what, e.evidence) for e in events]


def test_a_truce_coming_into_effect_takes_the_sides_of_the_deal(code):
    truce = _told(code, "Chad and Sudan reached a truce agreement in Doha on Friday. Since the truce came into "
                        "effect on 2 May, trade across the border has resumed.", "RETREAT", "the truce came into effect")
    assert "chad" in names(truce.source) and "sudan" in names(truce.source)


def test_a_truce_due_to_come_into_effect_takes_the_sides_of_the_deal(code):
    truce = _told(code, "Chad and Sudan signed a ceasefire agreement in Doha on Thursday. Officials said a truce "
                        "along the frontier was due to come into effect at dawn on Friday.", "RETREAT",
                  "to come into effect")
    assert "chad" in names(truce.source) and truce.status == "planned"


def test_killings_in_the_days_clashes_are_no_part_of_clashes_told_as_history(code):
    events = code("Chad and Sudan signed a border accord in 2015. Chad vowed to stand by Sudan in the violent "
                  "clashes with Eritreans near the border. In the clashes on Monday and Tuesday, nine "
                  "Chadian soldiers were killed by Sudanese troops.", published="2021-05-10")
    killed = _with(events, "ASSAULT", "soldiers were killed")
    assert killed and killed[0].status == "reported", [(e.what, e.evidence, e.status) for e in events]


@pytest.mark.parametrize("part", [True, False], ids=["names the clashes it is part of", "a restatement by class"])
def test_an_act_dated_in_its_own_words_is_an_episode_of_undated_fighting_named_by_a_noun(part):
    """``merge_events``: fighting named by a noun without a date of its own ("stand by them in the
    clashes") is the whole of it; a clause dated in its own words ("killed during the clashes on
    Friday") tells one episode, kept as an act of its own, whether it names the clashes or not.
    Undated, the clause is still folded into the fighting."""
    text = "A stood by B in the clashes with C. During the clashes on Friday, B's soldiers killed C's soldiers."
    doc = Document(id="d", name="d.txt", origin="test", text=text)
    sides = [ActorRef(name="A", country="AAA"), ActorRef(name="B", country="BBB")]

    def events(dated: bool) -> list[Event]:
        whole = Event(id="w", start=12, end=35, evidence=text[12:35], what="ASSAULT", sentence=0, source=sides,
                      target=[ActorRef(name="C", country="CCC")],
                      date=DateValue("2021-05-07", "day", "context:lead day"))
        when = DateValue("2021-05-07", "day", "text:relative to document" if dated else "document")
        told = Event(id="e", start=37, end=len(text) - 1, evidence=text[37:-1], what="ASSAULT", sentence=1,
                     source=[sides[1]], target=[ActorRef(name="C", country="CCC")], date=when)
        return [whole, told]

    parts = {"e"} if part else set()
    assert len(merge_events(events(True), doc, parts=parts, wholes={"w"})) == 2
    assert len(merge_events(events(False), doc, parts=parts, wholes={"w"})) == 1
    assert len(merge_events(events(True), doc, parts=parts)) == 1  # not named by a fighting noun: one act
