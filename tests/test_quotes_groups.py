"""Speakers of news nobody tuned to (issue 12, classes 1 and 2), on sentences written for these
tests: several actors speaking as one, a group named by an appositive, a joint statement that
names its issuers in its own words, a quotation mixing typewriter and typographic marks, "who"
after a name, a participle of saying the parser hung far away, a verb of saying after a
quotation whose subject the parser lost, and a knowledge-base name with a typo in its surname."""

from __future__ import annotations

import pytest

from storyline.actors.spelling import NearNames, one_edit, repaired_name
from storyline.pipeline import Context
from test_quotes_issuers import quotes_of


def speakers(ctx: Context, text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker.name if q.speaker else None) for q in quotes_of(ctx, text)]


# ---------------------------------------------------------------- several actors as one


@pytest.mark.parametrize(("text", "who"), [
    ('Georgia, Armenia and Turkey said in a joint statement: "The sides will continue their talks '
     'in Vienna next month."', "Georgia, Armenia and Turkey"),
    ('"The ceasefire must hold across the whole front line," Chile and Peru said.', "Chile and Peru"),
])
def test_coordinated_states_speak_together(ctx: Context, text: str, who: str) -> None:
    assert [w for _, w in speakers(ctx, text)] == [who]


def test_a_named_and_an_unnamed_conjunct_leave_the_named_one(ctx: Context) -> None:
    # "Vantongeren and a colleague": only the named one is sure
    got = speakers(ctx, '"We have agreed to meet again in Geneva next month," Mirela Vantongeren '
                        'and a colleague said.')
    assert got and got[0][1] == "Mirela Vantongeren"


@pytest.mark.parametrize(("text", "who"), [
    ("Finland, Sweden and Denmark, known as the Nordic Trio which follows the talks, welcomed the "
     'agreement. "We hope all parties will carry out the agreement in full," they said in a statement.',
     "Nordic Trio"),
    ('The mediators, dubbed the Group of Friends, said: "All sides must return to the table without '
     'conditions."', "Group of Friends"),
])
def test_a_group_goes_by_the_name_its_apposition_gives(ctx: Context, text: str, who: str) -> None:
    assert [w for _, w in speakers(ctx, text)] == [who]


# ---------------------------------------------------------------- a document's own words


def test_a_joint_statement_names_its_issuers_in_its_own_words(ctx: Context) -> None:
    text = ('In a joint statement, "Norway and Chile urged both parties to return to the talks in Oslo '
            'and to spare the civilians further suffering."\n\n'
            'The statement added, "The Kingdom of Norway and Chile commend the efforts of all the '
            'countries that supported these talks," according to the Norwegian News Agency.')
    assert [w for _, w in speakers(ctx, text)] == ["Norway and Chile", "Norway and Chile"]


def test_a_statement_in_the_first_person_names_no_issuer(ctx: Context) -> None:
    text = ('In a statement, "We urge both parties to return to the talks in Oslo and to spare the '
            'civilians further suffering."')
    assert [w for _, w in speakers(ctx, text)] == [None]


# ---------------------------------------------------------------- the shape of the attribution


def test_mixed_marks_close_a_quotation(ctx: Context) -> None:
    text = ('Mirela Vantongeren admitted, however, that "the way forward will be hard,” but expressed '
            'hope that "a new chapter has been opened,” thanks to the help of neighbours.')
    got = speakers(ctx, text)
    assert [t for t, _ in got] == ["the way forward will be hard", "a new chapter has been opened"]
    assert {w for _, w in got} == {"Mirela Vantongeren"}  # never "hope that ..."


def test_who_after_a_name_and_a_participle_of_saying(ctx: Context) -> None:
    text = ("The treaty was signed by the two foreign ministers, in the presence of the mediator Mirela "
            'Vantongeren, who hailed it as "a historic step after twenty years of talks," while stressing '
            'that "much work remains to be done."')
    assert {w for _, w in speakers(ctx, text)} == {"Mirela Vantongeren"}


def test_a_verb_after_the_quotation_whose_subject_the_parser_lost(ctx: Context) -> None:
    text = ('"The government of the Republic of Ruritania and the Ruritanian opposition have decided '
            "to resume their dialogue, mediated by Sweden, to settle their differences under the terms "
            "of the accord they initialled in Nairobi on May 3, 2021. The meetings will start on June 17, "
            '2024 in Mombasa, Kenya," the Swedish embassy in Kenya and Uganda wrote on X.')
    got = speakers(ctx, text)
    assert got and got[0][1] is not None and got[0][1].startswith("Swedish embassy")


def test_according_to_after_a_speakers_own_verb_passes_it_on(ctx: Context) -> None:
    text = ('Mirela Vantongeren said, "The talks will resume in March with all the parties present," '
            "according to the Ruritanian News Agency.")
    assert [w for _, w in speakers(ctx, text)] == ["Mirela Vantongeren"]


# ---------------------------------------------------------------- knowledge-base names


@pytest.mark.parametrize(("name", "aliases", "want"), [
    # one consonant for another, every alias agreeing: the dictionary's typo
    ("Karim Abdul Nasrat", ["Karim Abdul Nasrah", "Karim bin Abdul Nasrah"], "Karim Abdul Nasrah"),
    # a vowel for a vowel is transliteration
    ("Ivan Petrenkya", ["Ivan Petrenkia", "Iwan Petrenkia"], "Ivan Petrenkya"),
    # an alias with the name's own spelling: a variant, kept
    ("Karim Abdul Nasrat", ["Karim Nasrat", "Karim Abdul Nasrah"], "Karim Abdul Nasrat"),
    # one alias is no majority
    ("Karim Abdul Nasrat", ["Karim Abdul Nasrah"], "Karim Abdul Nasrat"),
    # more than one letter apart: another name
    ("Karim Abdul Nasrat", ["Karim Abdul Nasser", "Karim bin Abdul Nasser"], "Karim Abdul Nasrat"),
])
def test_a_typo_in_a_knowledge_base_surname_is_mended(name: str, aliases: list[str], want: str) -> None:
    assert repaired_name(name, aliases) == want


# ---------------------------------------------------------------- quotations that lost their marks


def test_a_quoted_paragraph_that_lost_its_opening_mark(ctx: Context) -> None:
    text = ("Foreign Minister Mirela Vantongeren on Thursday hailed her country's role in the talks.\n"
            "We have good relations with both of our neighbours. We support a peaceful dialogue between "
            "the two states, and we will go on doing so”, Vantongeren noted.")
    got = speakers(ctx, text)
    assert len(got) == 1 and got[0][0].startswith("We have good relations") and got[0][0].endswith("doing so")
    assert got[0][1] == "Mirela Vantongeren"


def test_a_stray_closing_mark_without_an_attribution_makes_no_quotation(ctx: Context) -> None:
    text = ("The minister spoke after the talks.\n"
            "The talks were long and hard, but useful for both of the delegations” in the end, and the "
            "next round will be held in the capital in the spring of next year.")
    assert speakers(ctx, text) == []


def test_a_lone_paragraph_in_the_first_person_is_a_quotation(ctx: Context) -> None:
    text = ("Foreign Minister Mirela Vantongeren of Ruritania on Monday issued a statement on the end of "
            "the mediation mission.\nBackground\nThe mission's offices in the capital will close at the "
            "end of the month.\nI would like to thank both delegations once again for their patience "
            "and their resolve during these long years of talks\nThe ministers of the region will meet "
            "again in the spring.")
    got = speakers(ctx, text)
    assert [w for _, w in got] == ["Mirela Vantongeren"] and got[0][0].startswith("I would like to thank")


@pytest.mark.parametrize("text", [
    # the whole article in its author's first person: a statement, not a quotation
    ("I welcome the agreement of both parties to extend the truce for two more months.\n"
     "Since the truce began, the fighting has stopped in most of the country.\n"
     "I urge the parties to carry out all of the terms of the truce without any further delay."),
    # two first-person paragraphs side by side: answers, not a lost quotation
    ("The minister answered questions from readers on Monday.\n"
     "I think the talks will go on for another year at least, whatever the parties say.\n"
     "I expect the next round to be held in the capital, as it was in the spring.\n"
     "The ministry published the answers on its website."),
])
def test_first_person_paragraphs_that_are_no_lost_quotation(ctx: Context, text: str) -> None:
    assert speakers(ctx, text) == []


@pytest.mark.parametrize("text", [
    ("The minister met reporters in Yerevan on Monday.\n— We are ready to continue the negotiations in "
     "any format and at any level. We will not give up, — Foreign Minister Mirela Vantongeren said."),
    ("The minister met reporters in Yerevan on Monday.\nWe are ready to continue the negotiations in "
     "any format and at any level, - Foreign Minister Mirela Vantongeren said."),
])
def test_speech_set_off_by_dashes_is_a_quotation(ctx: Context, text: str) -> None:
    got = speakers(ctx, text)
    assert len(got) == 1 and got[0][0].startswith("We are ready") and got[0][1] == "Mirela Vantongeren"


@pytest.mark.parametrize(("text", "quoted"), [
    ("Mirela Vantongeren spoke to reporters on Monday. She said: we will go on with the talks in any "
     "format and at any level, as agreed in Vienna.", True),
    # in the third person the words after the colon may be the reporter's
    ("Mirela Vantongeren spoke to reporters on Monday. She said: the talks will go on in any format and "
     "at any level, as agreed in Vienna.", False),
    # a dash pair inside the reporter's sentence sets off nothing
    ("The talks will resume in Vienna - the third round this year - the ministry said on Monday.", False),
])
def test_a_colon_or_a_dash_sets_off_speech_only_in_its_forms(ctx: Context, text: str, quoted: bool) -> None:
    assert bool(speakers(ctx, text)) is quoted


@pytest.mark.parametrize(("a", "b", "want"), [
    ("cavusoglu", "cavusuglu", True), ("nasrallah", "nasralah", True), ("nasralah", "nasrallah", True),
    ("cavusoglu", "cavusoglu", False), ("cavusoglu", "cavusogul", False), ("smith", "smiths", True),
])
def test_one_edit(a: str, b: str, want: bool) -> None:
    assert one_edit(a, b) is want


def test_near_names_need_the_same_given_name_and_a_long_surname() -> None:
    near = NearNames(["karim nasrallah", "karim nasrallah", "omar nasrallah", "karim smith", "karim abdul nasrallah"])
    assert near.near(["karim", "nasralah"]) == ["karim nasrallah", "karim nasrallah"]
    assert near.near(["kerim", "nasralah"]) == []  # another given name (not a spelling of it)
    assert near.near(["karim", "smithe"]) == []  # a short surname: too close to other names
    assert near.near(["karim", "nasrallah"]) == []  # the same name is no slip


def test_a_speaker_written_one_letter_off_is_the_known_person(ctx: Context) -> None:
    got = quotes_of(ctx, '"We will not accept any change of the borders by force," Mevlut Cavusuglu said. '
                         '"The talks must go on," Cavusuglu added.')  # the surname as the text spells it
    assert [q.speaker.actor_id if q.speaker else None for q in got] == ["mevlut-cavusoglu"] * 2


@pytest.mark.parametrize(("text", "who"), [
    ("Chilean foreign minister Ana Torres and her Peruvian, Bolivian and Argentine counterparts, Luis Vega, "
     "Marta Rojas and Pablo Diaz, respectively, met in Lima on Wednesday. They concluded that the border "
     'deal was "null and void and cannot produce any legal consequences at all".',
     "foreign ministers of Chile, Peru, Bolivia and Argentina"),
    ('"We have agreed to meet again in Geneva next month," Russian Foreign Minister Sergey Lavrov and his '
     "Turkish and Iranian counterparts said.", "foreign ministers of Russia, Turkey and Iran"),
])
def test_an_official_and_his_counterparts_are_the_office_holders_of_their_states(
        ctx: Context, text: str, who: str) -> None:
    assert [w for _, w in speakers(ctx, text)] == [who]
