"""The quotation-mark scanner on text alone: every mark style, nesting, paragraphs, bad marks."""

from __future__ import annotations

import pytest

from storyline.lexicons import load_lexicon
from storyline.quotes.marks import MarkTable, find_quoted


@pytest.fixture(scope="module")
def table() -> MarkTable:
    return MarkTable.from_lexicon(load_lexicon("quote_marks"))


def inner(text: str, table: MarkTable) -> list[str]:
    return [text[q.start:q.end] for q in find_quoted(text, table)]


@pytest.mark.parametrize("text", [
    'She said "the bridge will open in May" yesterday.',
    "She said “the bridge will open in May” yesterday.",
    "She said „the bridge will open in May“ yesterday.",
    "She said «the bridge will open in May» yesterday.",
    "She said »the bridge will open in May« yesterday.",
    "She said ‘the bridge will open in May’ yesterday.",
    "She said 'the bridge will open in May' yesterday.",
])
def test_every_mark_style_bounds_the_same_words(text: str, table: MarkTable) -> None:
    assert inner(text, table) == ["the bridge will open in May"]


def test_apostrophes_are_not_quotation_marks(table: MarkTable) -> None:
    text = "The country's envoy said the rebels' demands and the 1990s' accords don't matter."
    assert inner(text, table) == []


def test_a_nested_quotation_stays_inside_the_outer_one(table: MarkTable) -> None:
    text = 'He wrote, "The so-called "security zone" is a fiction. Nobody lives there." Then he left.'
    assert inner(text, table) == ['The so-called "security zone" is a fiction. Nobody lives there.']


def test_single_marks_inside_double_ones(table: MarkTable) -> None:
    text = "“We reject the ‘final offer’ of the other side,” the envoy said."
    assert inner(text, table) == ["We reject the ‘final offer’ of the other side,"]


def test_an_unclosed_quotation_ends_at_its_paragraph(table: MarkTable) -> None:
    text = "He added that “the roads must reopen before winter.\n\nTrade resumed in March. “Good news,” a trader said."
    found = find_quoted(text, table)
    assert [text[q.start:q.end] for q in found] == ["the roads must reopen before winter.", "Good news,"]
    assert not found[0].closed and found[1].closed


def test_a_quotation_reopened_in_the_next_paragraph_runs_on(table: MarkTable) -> None:
    text = '"The first demand is water.\n\n"The second is the release of prisoners," she said.'
    found = find_quoted(text, table)
    assert len(found) == 1
    assert found[0].paragraphs == 2 and found[0].closed
    assert text[found[0].start:found[0].end].endswith("release of prisoners,")


@pytest.mark.parametrize("text", ['"', '""', "” stray « marks » and “", "'", "«»", 'a "b', '\n\n"\n\n"x'])
def test_malformed_marks_never_raise(text: str, table: MarkTable) -> None:
    for q in find_quoted(text, table):
        assert 0 <= q.start <= q.end <= len(text)


def test_a_stray_mark_of_another_style_does_not_swallow_a_quotation(table: MarkTable) -> None:
    text = 'He said « here. "Our forces will stay in their positions," Kovac said.'
    assert inner(text, table) == ["Our forces will stay in their positions,"]


def test_a_quotation_reopened_where_the_paragraph_breaks_were_lost_runs_on(table: MarkTable) -> None:
    text = ('She said: "We regret this step. "We want to keep the clinic open. "We appeal to the board." '
            'The board met later.')
    assert inner(text, table) == ['We regret this step. "We want to keep the clinic open. "We appeal to the board.']


def test_a_quotation_closed_with_the_wrong_mark_ends_there(table: MarkTable) -> None:
    text = 'Cuts in the use of generic (in-kind, or "pik\') certificates will be studied, Glickman said.'
    assert inner(text, table) == ["pik"]
