"""Event detection and type on classes of clauses real pages tell (issue 12), on sentences of our own.

Each test names the class it serves: an act told by a participle on a noun, a ceasefire or an
agreement that is the clause's subject, a third party hosting or bringing sides together,
thanks phrased as a noun, a call made again, talks concluded, and a statement printed in its
author's first person.
"""

from __future__ import annotations

import pytest

from test_events_coder import coder_for, names, only


@pytest.fixture(scope="module")
def code(ctx):
    return coder_for(ctx)


# ---------------------------------------------------------------- participles and settlements that tell an act


#: (class of sentence, text, the class expected once, words its source names, its status or None)
TOLD_ACTS = [
    ("participle with an agent", "Sudan and Chad signed a peace deal brokered by Qatar on Friday.",
     "MEDIATE", ["qatar"], None),
    ("participle after a comma", "Lebanon approved a truce with Israel on Wednesday, brokered by Egypt.",
     "MEDIATE", ["egypt"], None),
    ("participle of signing", "Nothing has changed since the accord signed by Putin and Macron in 2015.",
     "AGREE", ["putin", "macron"], "historical"),
    ("ceasefire taking effect", "Armenia and Azerbaijan fought for six weeks. On Monday the truce came into force.",
     "RETREAT", ["armenia", "azerbaijan"], "reported"),
    ("ceasefire due to take effect", "Armenia and Azerbaijan fought for six weeks. The ceasefire was due to take "
     "effect at midnight.", "RETREAT", ["armenia", "azerbaijan"], "planned"),
    ("agreement reached, no one named", "Armenia and Azerbaijan fought for six weeks. A ceasefire agreement was "
     "reached on Sunday.", "AGREE", ["armenia", "azerbaijan"], "reported"),
    ("a truce extended", "Egypt and Qatar extended the truce by two days.", "AGREE", ["egypt", "qatar"], None),
]


@pytest.mark.parametrize(("case", "text", "what", "source", "status"), TOLD_ACTS, ids=[t[0] for t in TOLD_ACTS])
def test_act_told_by_participle_or_settlement_subject(code, case, text, what, source, status):
    e = only(code(text), what)
    assert all(w in names(e.source) for w in source), case
    assert status is None or e.status == status


def test_mediation_by_participle_is_between_the_signatories(code):
    e = only(code("Sudan and Chad signed a peace deal brokered by Qatar on Friday."), "MEDIATE")
    assert "sudan" in names(e.target) and "chad" in names(e.target)


#: (class of sentence, text, the classes of all its events): clauses that tell no act of their own
NO_ACTS = [
    ("descriptive participle", "Azerbaijan shelled the villages controlled by the separatists on Monday.",
     ["ASSAULT"]),
    ("participle of a statement", "A statement released by the Turkish presidency said Ankara welcomed Iran's "
     "proposal.", ["SUPPORT"]),
    ("as-clause", "Russia said that the plan, as proposed by Turkey, was destructive.", ["STATEMENT"]),
    ("settlement negated or aimed at", "Armenia and Azerbaijan fought for six weeks. It does not mean that "
     "agreement has been reached. Efforts aimed to reach a ceasefire had no effect.", ["ASSAULT"]),
]


@pytest.mark.parametrize(("case", "text", "whats"), NO_ACTS, ids=[t[0] for t in NO_ACTS])
def test_clause_tells_no_act_of_its_own(code, case, text, whats):
    assert sorted(e.what for e in code(text)) == whats, case


# ---------------------------------------------------------------- a third party between the sides


def test_hosting_talks_between_sides_is_mediation(code):
    events = code("Norway hosted talks between Sudan and Chad on Monday.")
    e = only(events, "MEDIATE")
    assert e.status == "reported" and "norway" in names(e.source)


def test_talks_hosted_by_a_third_party_are_its_mediation(code):
    events = code("The talks in Doha, hosted by Qatar, ended on Monday.")
    assert "qatar" in names(only(events, "MEDIATE").source)


def test_hosting_envoys_of_two_states_is_mediation_one_guest_a_visit(code):
    e = only(code("Last week Norway hosted the Ethiopian and Eritrean defence ministers near Oslo."), "MEDIATE")
    assert "norway" in names(e.source)
    assert only(code("On Monday, Oman hosted the Iranian foreign minister."), "VISIT")


def test_bringing_sides_together_and_assisting_a_truce_are_mediation(code):
    assert only(code("Turkey brought together Sudan and Chad in Ankara on Monday."), "MEDIATE")
    assert only(code("Qatar assisted in reaching the truce between Sudan and Chad."), "MEDIATE")


# ---------------------------------------------------------------- support, requests, talks


def test_gratitude_and_congratulations_are_support(code):
    e = only(code("Kenya offered gratitude to Uganda for its role."), "SUPPORT")
    assert "kenya" in names(e.source)
    assert only(code("Kenya expressed its congratulations to Uganda."), "SUPPORT")
    assert only(code("France noted with satisfaction the commitment of Armenia."), "SUPPORT")


def test_a_call_reaffirmed_is_a_request(code):
    e = only(code("Spain reaffirmed its call on Morocco to stop the raids."), "REQUEST")
    assert "spain" in names(e.source)


def test_concluding_a_meeting_is_consultation(code):
    assert only(code("Delegations of Sudan and Chad concluded their meeting in Doha on Friday."), "CONSULT")


def test_scaling_down_military_activity_is_retreat(code):
    e = only(code("Russia said it would significantly decrease military activity near Kyiv."), "RETREAT")
    assert e.status == "planned"


def test_released_soldiers_are_a_release(code):
    assert only(code("Israel will release 1,000 soldiers next week."), "RETREAT")


# ---------------------------------------------------------------- a statement in its author's words


def test_first_person_statement_keeps_its_acts(code):
    events = code("I welcome the agreement of Sudan and Chad to prolong the truce. I thank my Special Envoy "
                  "for his patient work. I call on the parties to respect the truce.")
    whats = [e.what for e in events]
    assert whats.count("SUPPORT") == 2 and "REQUEST" in whats
    assert all(names(e.source).startswith("i ") for e in events if e.what in ("SUPPORT", "REQUEST"))


def test_first_person_inside_a_quotation_is_the_speaker(code):
    events = code('"I welcome the agreement," Kenyan President William Ruto said on Monday.')
    e = only(events, "SUPPORT")
    assert "ruto" in names(e.source)


# ---------------------------------------------------------------- words spoken at a shared occasion


def test_told_in_a_phone_call_is_a_phone_consultation(code):
    e = only(code("Azerbaijani President Ilham Aliyev told Turkish President Recep Tayyip Erdogan in a phone "
                  "call on Monday that Baku would reopen the border."), "CONSULT")
    assert e.cameo == "041" and "aliyev" in names(e.source) and "erdogan" in names(e.target)


def test_said_during_an_appearance_with_a_partner_is_consultation(code):
    e = only(code("Lavrov said during an appearance with Turkish Foreign Minister Mevlut Cavusoglu on Monday "
                  "that the talks would go on."), "CONSULT")
    assert "cavusoglu" in names(e.target)


def test_said_at_a_press_conference_alone_is_no_consultation(code):
    events = code("Lavrov said during a press conference on Monday that Russia would send aid to Syria.")
    assert "CONSULT" not in [e.what for e in events]


# ---------------------------------------------------------------- praise and what it is for


def test_thanked_for_hosting_talks_is_support_and_the_hosts_mediation(code):
    events = code("Ethiopia and Eritrea thanked Kenya for hosting the negotiations between the two neighbours.")
    assert "kenya" in names(only(events, "SUPPORT").target)
    e = only(events, "MEDIATE")
    assert "kenya" in names(e.source) and "ethiopia" in names(e.target)


def test_commended_for_an_act_is_praise_not_a_welcome_visit(code):
    e = only(code("Merkel commended Erdogan for accepting the truce."), "SUPPORT")
    assert "erdogan" in names(e.target)
    assert "VISIT" not in [x.what for x in code("Merkel commended Erdogan for accepting the truce.")]


def test_vowing_to_stand_behind_a_state_is_support(code):
    e = only(code("The Russian leader vowed to stand behind Serbia whatever happens."), "SUPPORT")
    assert "serbia" in names(e.target)


# ---------------------------------------------------------------- mediation told by its circumstances


def test_meeting_under_auspices_is_the_talks_and_the_hosts_mediation(code):
    events = code("Sudan and Chad fought for months. Sudan and Chad met directly under UN auspices on Monday.")
    talks, mediation = only(events, "CONSULT"), only(events, "MEDIATE")
    assert "sudan" in names(talks.source) and "united nations" not in names(talks.target)
    assert "united nations" in names(mediation.source) and "chad" in names(mediation.target)


def test_round_of_talks_started_under_auspices_is_mediation(code):
    e = only(code("A fresh round of the Vienna negotiations began on Tuesday under the auspices of the OSCE."), "MEDIATE")
    assert "osce" in names(e.source)


@pytest.mark.parametrize("text", [
    "Kuwait said Emir Nawaf has succeeded in mediation efforts between the two Gulf neighbours.",
    "Egypt and Qatar reiterated their continued mediation efforts in Sudan.",
    "Norway and Cuba have played a key role in reaching the peace deal in Colombia.",
])
def test_mediation_efforts_and_a_key_role_are_mediation(code, text):
    assert only(code(text), "MEDIATE").source


# ---------------------------------------------------------------- speaking to someone


def test_spoke_to_a_named_leader_is_consultation(code):
    e = only(code("Turkish President Recep Tayyip Erdogan spoke to Russian President Vladimir Putin on Monday."),
             "CONSULT")
    assert "putin" in names(e.target)


def test_speaking_to_a_think_tank_or_reporters_is_no_event(code):
    assert code("Greek Prime Minister Kyriakos Mitsotakis spoke to reporters in Athens on Monday.") == []


# ---------------------------------------------------------------- acts told beside the clause's own (events.more_acts)


def _whats(events):
    return sorted(e.what for e in events)


def test_coordinated_act_nouns_are_two_acts(code):
    events = code("Sudan and Chad decided to hold a second meeting in Juba and a third meeting in Cairo.")
    consults = [e for e in events if e.what == "CONSULT"]
    assert len(consults) == 2, [(e.what, e.evidence) for e in events]
    assert {e.status for e in consults} == {"planned"}
    assert any(e.evidence == "a third meeting in Cairo" for e in consults)


def test_coordinated_synonyms_without_a_phrase_of_their_own_stay_one_act(code):
    assert _whats(code("Sudan and Chad held talks and negotiations in Doha.")) == ["CONSULT"]


def test_withdrawal_of_a_sides_forces_is_that_sides_retreat(code):
    e = only(code("The deal provides for the withdrawal of units of Sudan's army from Chad."),
             "RETREAT")
    assert "sudan" in names(e.source)


def test_release_brought_about_by_a_mediation_is_the_sides_act(code):
    events = code("Qatar's mediation between Sudan and Chad led to the release of twelve detainees.")
    assert "qatar" in names(only(events, "MEDIATE").source)
    e = only(events, "RETREAT")
    assert "sudan" in names(e.source) and "chad" in names(e.source) and e.evidence == "the release of twelve detainees"


def test_release_as_the_topic_of_talks_is_no_act(code):
    assert _whats(code("Sudan and Chad held talks on the release of prisoners.")) == ["CONSULT"]


def test_planned_meeting_with_a_partner_is_a_planned_consultation(code):
    events = code("Witkoff arrived in Cairo ahead of a planned meeting with Lavrov on Saturday.")
    e = only(events, "CONSULT")
    assert e.status == "planned" and "witkoff" in names(e.source) and "lavrov" in names(e.target)
    assert only(events, "VISIT").status == "reported"


def test_ceasefire_effective_at_a_time_is_a_retreat_beside_the_protocol(code):
    events = code("Sudan and Chad fought for weeks. On Sunday a protocol was signed on a truce effective from 10 PM on Monday.")
    assert "sudan" in names(only(events, "AGREE").source)
    e = only(events, "RETREAT")
    assert e.evidence == "a truce effective from 10 PM" and "chad" in names(e.source)


def test_ceasefire_taking_effect_is_not_folded_into_its_announcement(code):
    events = code("Sudan and Chad fought for weeks. Chad's president announced on Tuesday a permanent ceasefire "
                  "between Sudan and Chad. The ceasefire came into force at 18:00 local time.")
    # the announcement of a ceasefire between the two sides is their agreement (AGREE), its taking
    # effect the halt of fire (RETREAT): two acts either way
    retreats = [e for e in events if e.what == "RETREAT"]
    assert len(retreats) == 1 and retreats[0].evidence.startswith("The ceasefire came into force")
    assert any(e.what == "AGREE" and "permanent ceasefire" in e.evidence for e in events)


def test_between_phrase_with_a_possessed_name_names_the_sides(code):
    events = code("Chad welcomes the agreement between Sudan's government and the rebels.")
    assert "sudan" in names(only(events, "AGREE").source)


# ---------------------------------------------------------------- two acts of one class, or one act told twice (events.restating)


#: (class of text, text, class, how many acts of it)
TOLD_TWICE_OR_TWO = [
    ("agreeing on different things", "Sudan and Chad signed a ceasefire agreement in Geneva on Friday. The talks "
     "lasted three days. Sudan and Chad agreed that foreign fighters will leave the border region within three "
     "months.", "AGREE", 2),
    ("an agreement told again with its words", "Sudan and Chad signed a ceasefire agreement in Geneva on Friday. "
     "The talks lasted three days. Sudan and Chad agreed to the ceasefire after long talks.", "AGREE", 1),
    ("refusals of different things", "Sudan rejected the proposal of a buffer zone on Monday. The talks lasted "
     "three days. Sudan refused to withdraw its troops from the border.", "REJECT", 2),
    ("talks told again in other words", "Sudan and Chad held talks in Doha on Monday. The two sides discussed a "
     "wide range of issues.", "CONSULT", 1),
]


@pytest.mark.parametrize(("case", "text", "what", "count"), TOLD_TWICE_OR_TWO, ids=[t[0] for t in TOLD_TWICE_OR_TWO])
def test_acts_of_one_class_in_two_sentences_are_one_by_shared_words(code, case, text, what, count):
    events = code(text)
    assert len([e for e in events if e.what == what]) == count, case


# ---------------------------------------------------------------- acts others are enabled to do, and purposes


def test_a_truce_enabling_the_parties_to_meet_tells_their_meeting_and_the_hosts_mediation(code):
    events = code("Yemen and the Houthis agreed to renew the truce in June. The renewed truce has also "
                  "enabled the two sides to meet face to face under UN auspices for talks on roads.")
    e = only(events, "CONSULT")
    assert "yemen" in names(e.source) and "houthi" in names(e.source)
    assert "united nations" in names(only(events, "MEDIATE").source)


def test_a_deal_enabling_both_sides_to_exchange_prisoners_is_their_exchange(code):
    events = code("Sudan and Chad signed a truce in May. The truce has enabled the two sides to exchange prisoners.")
    e = only(events, "RETREAT")
    assert "sudan" in names(e.source) and "chad" in names(e.source)


def test_an_actor_allowing_another_to_act_keeps_its_own_act(code):
    e = only(code("Russia allowed the monitors to enter the region."), "CONCEDE")
    assert "russia" in names(e.source)


def test_infinitive_of_purpose_is_done_by_the_clauses_subject(code):
    e = only(code("Norway took it upon itself to bring together the Sudanese government and the rebels in Oslo."),
             "MEDIATE")
    assert "norway" in names(e.source)


#: (class of text, text, the class expected, a word of its source)
CONTACTS = [
    ("in contact with all parties: mediation", "Chad praised Norway and also British Foreign Secretary David "
     "Cameron, who stayed in close contact with all parties.", "MEDIATE", "cameron"),
    ("in contact with a partner: consultation", "Qatar remained in contact with Moscow throughout the crisis.",
     "CONSULT", "qatar"),
]


@pytest.mark.parametrize(("case", "text", "what", "source"), CONTACTS, ids=[t[0] for t in CONTACTS])
def test_a_state_of_contact_is_consultation_or_mediation(code, case, text, what, source):
    assert source in names(only(code(text), what).source), case


def test_contact_between_unnamed_people_is_no_event(code):
    assert code("The engineers were in contact with the dam operators.") == []


def test_working_with_a_partner_is_cooperation(code):
    e = only(code("Sudan and Chad have worked constructively with the African Union to ensure that the repair "
                  "plan is implemented."), "COOPERATE")
    assert "sudan" in names(e.source) and "african union" in names(e.target)


def test_working_with_a_body_for_years_is_no_event_without_a_political_doer(code):
    assert code("He worked with the United Nations for ten years before he retired.") == []


def test_ranked_meeting_in_apposition_is_the_sides_meeting(code):
    events = code("Norway hosted the Sudanese and Chadian foreign ministers in Oslo, the first meeting of the two "
                  "rivals in three years of fighting.")
    assert "norway" in names(only(events, "MEDIATE").source)
    e = only(events, "CONSULT")
    assert e.evidence.startswith("the first meeting") and "sudan" in names(e.source) and "chad" in names(e.source)


def test_unranked_meeting_in_apposition_is_no_act_of_its_own(code):
    events = code("Norway hosted the Sudanese and Chadian foreign ministers in Oslo, a meeting of the two sides.")
    assert not any(e.what == "CONSULT" for e in events)


def test_it_as_subject_is_the_state_the_sentence_before_was_about(code):
    e = only(code("Norway has won praise for its role in the peace process. On 4 May, it hosted the Sudanese and "
                  "Chadian foreign ministers in Oslo."), "MEDIATE")
    assert "norway" in names(e.source)


def test_it_never_stands_for_a_person(code):
    assert code("Lavrov has won praise for his role. On 4 May, it hosted the Sudanese and Chadian "
                "foreign ministers in Oslo.") == []


def test_the_pair_is_the_two_the_sentence_before_named(code):
    events = code("Witkoff and Kushner met the Egyptian foreign minister on Friday. On Saturday, the pair is set to "
                  "meet with Lavrov.")
    planned = [e for e in events if e.what == "CONSULT" and e.status == "planned"]
    assert len(planned) == 1 and "witkoff" in names(planned[0].source) and "kushner" in names(planned[0].source)


def test_it_as_the_passive_subject_of_the_act_is_no_doer(code):
    events = code("Turkey has won praise for its efforts. It was given assurances by the United States.")
    assert not any("turkey" in names(e.source) for e in events)


def test_a_pronoun_allowing_an_act_is_no_thing_that_enables_it(code):
    events = code("Chad said it would allow the return of AU monitors ``without conditions'' to ``remove any "
                  "doubts about its intentions.''")
    assert any(e.what == "CONCEDE" for e in events), [(e.what, e.evidence) for e in events]
