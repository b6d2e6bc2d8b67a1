"""Missed events by class of construction (recall on unseen news), on sentences of our own.

Each block names the class of sentences it serves:

- a side's own forces in its report of speech ("X said its troops ..."): the possessive pronoun
  is the speaker's, so the act has a doer and is kept;
- a visit or trip made ("made a visit to X"): the visit done (or planned), not an intention to meet;
- a meeting told as a ranked noun in a copular clause ("the meeting was the first between A and
  B"): a meeting of its sides, apart from wider talks it was part of;
- a reaction received ("the plan drew condemnation from A", "praise came from A"): A's act, the
  receiver its target;
- an act of force attributed to someone ("attributed the bombing to the rebels"): blame, whom the
  "to" phrase names its target;
- talks told as the subject of their course ("the talks between A and B ended"): the sides the
  "between" phrase names hold them, so the act has doers and is kept;
- a communique's approval ("noted with satisfaction the commitment of A and B"): praise of those
  noted, not a mere statement.
"""

from __future__ import annotations

import pytest

from test_events_coder import coder_for, names, only


@pytest.fixture(scope="module")
def code(ctx):
    return coder_for(ctx)


# ---------------------------------------------------------------- a speaker's own forces


#: (class of sentence, text, the class expected, the speaker's country)
OWN_FORCES = [
    ("its troops, content of said", "Sudan said its troops repelled a rebel assault near Kassala on Sunday.",
     "ASSAULT", "SDN"),
    ("its warplanes, said that", "Ethiopia said on Tuesday that its warplanes bombed two rebel depots.",
     "ASSAULT", "ETH"),
    ("their soldiers, announced", "Armenia and Azerbaijan each announced their soldiers shelled positions "
     "across the border.", "ASSAULT", None),
]


@pytest.mark.parametrize(("case", "text", "what", "country"), OWN_FORCES, ids=[t[0] for t in OWN_FORCES])
def test_forces_of_the_speaker_do_the_act(code, case, text, what, country):
    e = only(code(text), what)
    assert e.source, case
    assert country is None or any(r.country == country for r in e.source), [(r.name, r.country) for r in e.source]


def test_speakers_forces_are_not_the_target(code):
    """The force is the speaker's doer; the other side stays the target."""
    e = only(code("Chad said its soldiers attacked Sudanese positions on the border on Friday."), "ASSAULT")
    assert any(r.country == "TCD" for r in e.source)
    assert any(r.country == "SDN" for r in e.target)


def test_an_armed_groups_own_fighters_are_the_group(code):
    """"Hamas said its fighters ...": the fighters of an armed group that speaks are the group."""
    e = only(code("Hamas said its fighters fired rockets at two Israeli towns on Monday."), "ASSAULT")
    assert "hamas" in names(e.source), [(r.name, r.country) for r in e.source]


#: clauses whose "its" names no speaker's own forces
NOT_OWN = [
    ("no report of speech", "Its troops shelled the village on Monday."),
    ("a speaker that is no side", "The report said its troops shelled the village on Monday."),
]


@pytest.mark.parametrize(("case", "text"), NOT_OWN, ids=[t[0] for t in NOT_OWN])
def test_its_without_a_speaking_side_names_no_doer(code, case, text):
    assert not [e for e in code(text) if e.what == "ASSAULT" and any(r.country for r in e.source)], case


# ---------------------------------------------------------------- a visit or trip made


#: (class of sentence, text, status): "made a visit" is the visit, not an intention to meet
VISITS_MADE = [
    ("visit made, past", "Kenyan President William Ruto made a two-day visit to Ethiopia on Monday.", "reported"),
    ("trip made, with a modifier", "Macron made a surprise trip to Beirut on Thursday.", "reported"),
    ("visit to be made", "Erdogan will make an official visit to Moscow next month.", "planned"),
]


@pytest.mark.parametrize(("case", "text", "status"), VISITS_MADE, ids=[t[0] for t in VISITS_MADE])
def test_a_visit_made_is_a_visit(code, case, text, status):
    events = code(text, published="2021-03-10")
    e = only(events, "VISIT")
    assert e.status == status, case
    assert not [x for x in events if x.what == "CONSULT"], [(x.what, x.evidence) for x in events]


# ---------------------------------------------------------------- a ranked meeting told by a copula


#: (class of sentence, text, words of the sides expected)
RANKED = [
    ("between on the copula", "Tuesday's meeting was the first face-to-face between Sudanese leader Abdel "
     "Fattah al-Burhan and Ethiopian Prime Minister Abiy Ahmed.", ["burhan", "abiy"]),
    ("between on the predicate", "The talks in Jeddah were the first direct contact between Sudan and Chad in "
     "a year.", ["sudan", "chad"]),
]


@pytest.mark.parametrize(("case", "text", "sides"), RANKED, ids=[t[0] for t in RANKED])
def test_a_ranked_meeting_is_a_meeting_of_its_sides(code, case, text, sides):
    e = only(code(text), "CONSULT")
    assert all(w in names(e.source + e.target) for w in sides), case


def test_a_ranked_meeting_within_wider_talks_stays_apart(code):
    """The leaders of four states held talks; "the meeting was the first between" two of them is
    another occasion, with other sides, not the talks told again."""
    events = code("The leaders of Egypt, Qatar, Sudan and Chad held talks in Cairo on Monday. The meeting was "
                  "the first face-to-face between the Sudanese and Chadian presidents.")
    assert len([e for e in events if e.what == "CONSULT"]) == 2, [(e.what, e.evidence) for e in events]


def test_a_ranked_meeting_of_the_same_sides_restates_it(code):
    events = code("Sudan and Chad held talks in Cairo on Monday. The meeting was the first between Sudan and Chad.")
    assert len([e for e in events if e.what == "CONSULT"]) == 1, [(e.what, e.evidence) for e in events]


def test_an_unranked_or_sideless_copula_tells_no_meeting(code):
    assert not [e for e in code("The meeting was long and difficult, officials said.") if e.what == "CONSULT"]
    assert not [e for e in code("The meeting was the first of its kind.") if e.what == "CONSULT"]


# ---------------------------------------------------------------- a reaction received, its author in "from"


#: (class of sentence, text, class, words of the source, words of the target or None)
REACTIONS = [
    ("drew condemnation from", "The annexation drew swift condemnation from the African Union on Sunday.",
     "ACCUSE", ["african union"], None),
    ("faced criticism from, person target", "Erdogan faced sharp criticism from Greece over the drilling plan.",
     "ACCUSE", ["greece"], ["erdogan"]),
    ("condemnation came from", "Condemnation came from Egypt and Jordan within hours.", "ACCUSE", ["egypt", "jordan"],
     None),
    ("statements of condemnation", "Statements of condemnation have come from Kenya and Uganda.", "ACCUSE",
     ["kenya", "uganda"], None),
    ("won praise from", "The prisoner swap won praise from the United Nations.", "SUPPORT", ["united nations"], None),
]


@pytest.mark.parametrize(("case", "text", "what", "source", "target"), REACTIONS, ids=[t[0] for t in REACTIONS])
def test_a_reaction_received_is_the_reactors_act(code, case, text, what, source, target):
    e = only(code(text), what)
    assert all(w in names(e.source) for w in source), (case, [r.name for r in e.source])
    assert target is None or all(w in names(e.target) for w in target), (case, [r.name for r in e.target])


def test_statements_that_come_from_someone_are_no_condemnation(code):
    assert not [e for e in code("Statements came from both sides on Monday.") if e.what == "ACCUSE"]


# ---------------------------------------------------------------- force attributed to someone


def test_an_attack_attributed_to_a_group_blames_it(code):
    e = only(code("Somalia attributed the bombing of the hotel to al-Shabaab on Sunday."), "ACCUSE")
    assert "somalia" in names(e.source) and "shabaab" in names(e.target)


def test_a_trend_attributed_to_a_cause_is_no_accusation(code):
    assert not [e for e in code("Kenya's finance ministry attributed the decline to lower tea prices.")
                if e.what == "ACCUSE"]


# ---------------------------------------------------------------- talks as the subject of their course


@pytest.mark.parametrize("text", ["The talks between Ethiopia and Eritrea ended in Jeddah on Monday.",
                                  "Peace talks between Ethiopia and Eritrea resumed in Jeddah on Monday."])
def test_talks_between_sides_as_subject_are_theirs(code, text):
    e = only(code(text), "CONSULT")
    assert "ethiopia" in names(e.source + e.target) and "eritrea" in names(e.source + e.target)


# ---------------------------------------------------------------- noted with satisfaction


def test_noting_with_satisfaction_approves_of_those_noted(code):
    e = only(code("Kenya noted with satisfaction the commitment of Ethiopia and Eritrea to the truce."), "SUPPORT")
    assert "kenya" in names(e.source) and "ethiopia" in names(e.target)


def test_noting_with_appreciation_approves(code):
    e = only(code("Norway noted with appreciation the efforts of Qatar to end the war."), "SUPPORT")
    assert "qatar" in names(e.target)
