"""The lemmas the model's English rules get wrong ("hopes" -> "hop", "staged" -> "stag") are mended
in the parse stage from lemmas.yaml, so that lexicons keyed on a lemma see every inflected form.
Sentences of our own; the real model and every stage run."""

from __future__ import annotations

import pytest

import test_events_coder as coder_tests
from storyline.pipeline import Context

code = coder_tests.code  # the fixture that runs every stage over a text


@pytest.fixture(scope="module")
def nlp():
    return Context().nlp


@pytest.mark.parametrize("form, lemma", [("hopes", "hope"), ("hoped", "hope"), ("hoping", "hope"),
                                         ("staged", "stage"), ("rates", "rate")])
def test_inflected_verbs_keep_their_lemma(nlp, form, lemma):
    doc = nlp(f"The minister {form} it.")
    assert doc[2].lemma_ == lemma


def test_words_outside_the_table_keep_the_models_lemma(nlp):
    doc = nlp("The rebels hopped across the border and shelled the town.")
    assert [t.lemma_ for t in doc if t.pos_ == "VERB"] == ["hop", "shell"]


def test_a_users_lexicon_file_adds_forms(tmp_path):
    from storyline.options import Options

    extra = tmp_path / "mine.yaml"
    extra.write_text("lemmas:\n  VERB:\n    sloped: slope\n", encoding="utf-8")
    assert Context().nlp("The road sloped down to the river.")[2].lemma_ == "slop"  # the model's rule
    nlp = Context(Options(lexicon_files=[extra])).nlp
    assert nlp("The road sloped down to the river.")[2].lemma_ == "slope"
    assert nlp("He hoped so.")[1].lemma_ == "hope"  # the bundled table stays


def test_a_hope_in_the_third_person_is_hoped(code):
    events = code("Sudan hopes that Chad will release the detained traders.")
    assert events and {e.status for e in events} == {"hoped"}
