"""Speakers beyond a named person (issue 12, classes 1 and 2), on sentences written for these
tests: documents and bodies as speakers, a person given two titles, a pronoun or role across
sentences, and the shapes of attribution that carry them (a dash line under a quoted paragraph,
an introduction ending with a colon, "according to" an outlet after the speaker's own verb)."""

from __future__ import annotations

import pytest

from storyline.model import DateValue, Document, Quote, content_id
from storyline.pipeline import Context, run_stages

STAGES = ["parse", "dates", "actors", "quotes"]


def quotes_of(ctx: Context, text: str) -> list[Quote]:
    doc = Document(id=content_id(text), name="t.txt", origin="t.txt", text=text,
                   published=DateValue("2024-05-14", "day", "test"))
    outcome = run_stages([doc], ctx, STAGES)[0]
    assert outcome.error is None, outcome.error
    return [q for q in outcome.document.quotes if q.kind != "reported"]


def speaker_of(ctx: Context, text: str, words: str) -> str | None:
    found = [q for q in quotes_of(ctx, text) if words in q.text]
    assert len(found) == 1, [q.text for q in quotes_of(ctx, text)]
    q = found[0]
    return q.speaker.name if q.speaker else None


# ---------------------------------------------------------------- class 1: documents


@pytest.mark.parametrize(("text", "who"), [
    # the owner named as a possessive
    ('Foreign Minister Anna Kovac spoke in Geneva on Monday. "Both delegations have agreed to meet '
     'again before the end of the month," Kovac\'s statement concluded.', "Anna Kovac"),
    # the issuer after "by"
    ('A statement issued by the Norwegian Foreign Ministry said: "The delegations will continue '
     'their work in Oslo next week with both chief negotiators present."', "Norwegian Foreign Ministry"),
    # the issuer as the nouns before the document noun, named in full earlier
    ("Norway's Foreign Ministry said the talks had gone on through the night. The ministers "
     'agreed on "a schedule for the exchange of all remaining detainees," a ministry statement said.',
     "Norway's Foreign Ministry"),
    # the body whose website carried it
    ('The observers went home on Friday. "Its staff will remain at their posts until the member '
     'states decide otherwise," according to a statement posted overnight on the OSCE website.',
     "OSCE"),
])
def test_a_document_speaks_for_its_issuer(ctx: Context, text: str, who: str) -> None:
    found = [q for q in quotes_of(ctx, text)]
    assert found and found[-1].speaker is not None
    assert found[-1].speaker.name == who


@pytest.mark.parametrize("first", [
    "The Norwegian Foreign Ministry issued a statement on Tuesday evening.",
    "A statement was released by the Norwegian Foreign Ministry on Tuesday evening.",
    "The Norwegian Foreign Ministry said in a statement on Tuesday that the talks had ended.",
])
def test_the_statement_points_back_to_the_one_who_issued_it(ctx: Context, first: str) -> None:
    text = first + ('\n\n"The two delegations will meet again in Oslo before the end of the month," '
                    "the statement said.")
    assert speaker_of(ctx, text, "two delegations") == "Norwegian Foreign Ministry"


@pytest.mark.parametrize("text", [
    '"The crossing will stay closed to all traffic until further notice," the statement said.',
    'Residents queued at the bridge all day. "The crossing will stay closed to all traffic until '
    'further notice," media reports said.',
])
def test_a_document_with_no_issuer_is_nobody(ctx: Context, text: str) -> None:
    q = quotes_of(ctx, text)[-1]
    assert q.speaker is None
    assert q.speaker_description is None


def test_a_joint_statement_reads_with_its_issuer(ctx: Context) -> None:
    text = ('The joint statement by the OSCE Minsk Group reads: "The Co-Chairs call on the sides '
            'to refrain from any steps that could raise tensions."')
    assert speaker_of(ctx, text, "Co-Chairs call") == "OSCE Minsk Group"


def test_a_quoted_paragraph_under_an_introduction_ending_with_a_colon(ctx: Context) -> None:
    text = ("The statement of the Georgian Foreign Ministry on the release of the detainees is as "
            'follows:\n\n"Georgia welcomes the return of the detainees to their families and thanks '
            'everyone who made the release possible."')
    assert speaker_of(ctx, text, "welcomes the return") == "Georgian Foreign Ministry"


# ---------------------------------------------------------------- class 1: bodies


def test_the_agency_points_back_to_the_agency_named_before(ctx: Context) -> None:
    text = ("The International Atomic Energy Agency sent a team of inspectors to the plant on Monday. "
            '"The repairs cannot start before both sides guarantee a local ceasefire," the agency said.')
    assert speaker_of(ctx, text, "repairs cannot start") == "International Atomic Energy Agency"


def test_the_organization_points_back_to_the_last_body_that_is_not_a_state(ctx: Context) -> None:
    text = ("Inspectors of the International Atomic Energy Agency visited the plant in Ukraine on Monday. "
            '"Restoring the power lines is the first condition of a safe shutdown," the organization '
            "said in a statement.")
    assert speaker_of(ctx, text, "Restoring the power lines") == "International Atomic Energy Agency"


def test_a_body_named_with_its_state_is_a_name_not_a_pointer(ctx: Context) -> None:
    text = ("The Turkish Foreign Ministry welcomed the talks on Monday. "
            '"We will not accept any change of the borders by force," the Polish Foreign Ministry said.')
    assert speaker_of(ctx, text, "any change of the borders") == "Polish Foreign Ministry"


def test_an_attribution_on_a_dash_line_under_a_quoted_paragraph(ctx: Context) -> None:
    text = ("The Turkish Foreign Ministry announced that the talks would resume.\n\n"
            '"The sides agreed to open the crossing for humanitarian convoys and to exchange the '
            'lists of detainees before the next round,"\n\n– the Ministry of Foreign Affairs informs.')
    assert speaker_of(ctx, text, "open the crossing") == "Turkish Foreign Ministry"


# ---------------------------------------------------------------- class 2: persons


def test_two_titles_joined_by_and_are_one_person(ctx: Context) -> None:
    text = ('"I regret that the council could not agree on the mission\'s mandate today," said NATO '
            "Secretary General and former Norwegian Prime Minister Jens Stoltenberg.")
    assert speaker_of(ctx, text, "could not agree") == "Jens Stoltenberg"


def test_a_participle_under_a_reported_clause_belongs_to_the_one_reporting(ctx: Context) -> None:
    text = ('Foreign Minister Anna Kovac insisted the text she signed was "an interim arrangement and '
            'not a peace treaty," adding that the talks would go on.')
    assert speaker_of(ctx, text, "interim arrangement") == "Anna Kovac"


def test_a_short_quoted_sentence_passes_its_speaker_to_the_next(ctx: Context) -> None:
    text = ('Mayor Elena Brandt spoke to reporters at the bridge. "Is this the end?" she asked. '
            '"Will the shelling stop tomorrow or only next week?"')
    found = quotes_of(ctx, text)
    assert [q.text for q in found] == ["Will the shelling stop tomorrow or only next week?"]
    assert found[0].speaker is not None and found[0].speaker.name == "Elena Brandt"


def test_the_speaker_s_own_verb_outranks_the_outlet_that_reported_it(ctx: Context) -> None:
    text = ('"The border will reopen for the aid convoys next week," Foreign Minister Anna Kovac said '
            "at the press conference, according to the Daily Courier.")
    assert speaker_of(ctx, text, "border will reopen") == "Anna Kovac"


def test_according_to_before_the_clause_keeps_its_source(ctx: Context) -> None:
    text = ('Foreign Minister Anna Kovac met reporters in Vienna. According to her, the government '
            'condemned "the shelling of the eastern districts over the weekend".')
    assert speaker_of(ctx, text, "shelling of the eastern") == "Anna Kovac"


def test_a_partial_quotation_belongs_to_the_subject_of_its_clause(ctx: Context) -> None:
    text = ('Foreign Minister Anna Kovac thanked the mediators "for their patience during the long '
            'nights in Geneva" on Friday.')
    assert speaker_of(ctx, text, "their patience") == "Anna Kovac"


def test_a_partial_quotation_in_a_clause_about_a_thing_has_no_speaker(ctx: Context) -> None:
    text = 'The agreement was "a victory for common sense and for the people of both countries".'
    assert speaker_of(ctx, text, "victory for common sense") is None


# ---------------------------------------------------------------- class 2: nobody


@pytest.mark.parametrize(("text", "words"), [
    ('Fighting resumed near the border on Monday. "We have nowhere left to go and nobody listens to us."',
     "nowhere left to go"),
    ('The agreement was signed in Doha after two years of talks. "This is the beginning of the end of the '
     'war for all of us."', "beginning of the end"),
    ('"Each side shall withdraw its heavy weapons fifteen kilometres from the line," the agreement says.',
     "withdraw its heavy weapons"),
])
def test_a_quotation_attributed_to_no_one_stays_unattributed(ctx: Context, text: str, words: str) -> None:
    assert speaker_of(ctx, text, words) is None


def test_a_quotation_after_a_sentence_about_a_person_is_theirs(ctx: Context) -> None:
    text = ('Foreign Minister Anna Kovac arrived in Geneva on Monday. "The talks will be hard but we are '
            'ready for them."')
    assert speaker_of(ctx, text, "talks will be hard") == "Anna Kovac"


def test_the_minister_points_back_across_paragraphs(ctx: Context) -> None:
    text = ("Foreign Minister Anna Kovac arrived in Geneva on Monday for a new round of talks.\n\n"
            "The talks, the third this year, are expected to last two days.\n\n"
            "The previous round ended without agreement in March.\n\n"
            '"We came here to close the gaps, not to open new ones," the minister said.\n\n'
            '"Both delegations know what is at stake for the families," she added.')
    found = quotes_of(ctx, text)
    assert [q.speaker.name if q.speaker else None for q in found] == ["Anna Kovac", "Anna Kovac"]
