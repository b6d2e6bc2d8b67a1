"""The attribute_ruler's rules applied by table lookup (storyline.tag_rules) give spaCy's own
attribute_ruler's output, token for token: on the real model over constructed sentences of each
kind of rule it holds, on the dev articles, and on small rule sets built here for the semantics
(rule order, rules of several tokens, negative indices, IN / NOT_IN / REGEX, white space)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.tokens import Doc

from storyline.pipeline import Context
from storyline.tag_rules import compile_rules, replace_attribute_ruler

COMPARED = [POS, TAG, DEP, HEAD, LEMMA, MORPH]

#: One sentence or more per kind of rule in en_core_web_sm's ruler: the tag map, pronouns and
#: their lemmas, auxiliaries and modals, contractions, "gonna"/"gotta", "let's", expletive
#: "there is", determiners used as pronouns, subordinating "that", and white space tokens.
SENTENCES = [
    "The ministers met in Geneva on Tuesday and agreed to hold talks next month.",
    "I told him that we would not sign it unless they withdrew their troops themselves.",
    "She's been saying it ain't over, and they're gonna keep fighting, y'all.",
    "Let's see whether those who did it can be found; we've gotta try, hasn't he said so?",
    "There is no ceasefire. There were reports that this was planned, but nothing has changed.",
    "He had had enough, and does not know what to do  \n\n with   the   rest of them.",
    "Somebody said everyone should've known; anyone could, couldn't they? I'd think so.",
    "Its own forces shelled ours, and theirs responded: 'We'll answer,' a spokesman said.",
]


def _same(doc_a: Doc, doc_b: Doc) -> None:
    assert (doc_a.to_array(COMPARED) == doc_b.to_array(COMPARED)).all(), [
        (t.text, t.pos_, u.pos_, t.lemma_, u.lemma_, str(t.morph), str(u.morph))
        for t, u in zip(doc_a, doc_b, strict=True) if (t.pos, t.lemma, t.morph, t.dep) != (u.pos, u.lemma, u.morph, u.dep)]
    assert [str(t.morph) for t in doc_a] == [str(t.morph) for t in doc_b]


def _both(nlp: Any, texts: list[str]) -> None:
    """Each text through the model with spaCy's ruler and with the compiled rules in its place."""
    rules = compile_rules(nlp.vocab, nlp.get_pipe("attribute_ruler").patterns)
    assert rules is not None
    for text in texts:
        theirs, ours = nlp.make_doc(text), nlp.make_doc(text)
        for name, component in nlp.pipeline:
            theirs = component(theirs)
            ours = rules(ours) if name == "attribute_ruler" else component(ours)
        _same(theirs, ours)


@pytest.fixture(scope="module")
def plain() -> Any:
    return spacy.load(Context().options.model)


def test_the_models_rules_give_the_rulers_attributes(plain: Any) -> None:
    _both(plain, SENTENCES)


def test_the_same_on_the_dev_articles(plain: Any, shared: Path) -> None:
    articles = sorted((shared / "eval" / "dev" / "articles").glob("*.txt"))
    assert articles
    _both(plain, [a.read_text(encoding="utf-8") for a in articles])


def test_storylines_model_runs_the_compiled_rules(ctx: Context) -> None:
    assert type(ctx.nlp.get_pipe("attribute_ruler")).__name__ == "TagRules"
    doc = ctx.nlp("They're gonna sign it.")
    assert [t.lemma_ for t in doc][:3] == ["they", "be", "go"]


def _ruled(patterns: list[dict[str, Any]], words: list[str], tags: list[str], deps: list[str],
           spaces: list[bool] | None = None) -> None:
    """A blank pipeline's doc with the given tags and labels, through spaCy's ruler built from
    ``patterns`` and through the compiled rules: the same attributes."""
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns(patterns)
    rules = compile_rules(nlp.vocab, patterns)
    assert rules is not None

    def doc() -> Doc:
        return Doc(nlp.vocab, words=words, spaces=spaces, tags=tags, deps=deps, heads=list(range(len(words))))

    _same(ruler(doc()), rules(doc()))


def test_a_later_rule_wins_and_every_test_sees_the_parsers_values() -> None:
    patterns = [
        {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"}},
        {"patterns": [[{"LOWER": {"IN": ["talks", "truce"]}}]], "attrs": {"POS": "PROPN", "LEMMA": "talk"}},
        {"patterns": [[{"TAG": {"NOT_IN": ["NN", ""]}, "DEP": "nsubj"}]], "attrs": {"TAG": "NN"}},
        # tests the tag the parser left (VBD), not the NN an earlier match wrote
        {"patterns": [[{"TAG": "NN", "DEP": "nsubj"}]], "attrs": {"POS": "X"}},
        {"patterns": [[{"LOWER": {"REGEX": "^re"}}]], "attrs": {"MORPH": "Foreign=Yes"}},
    ]
    _ruled(patterns, ["rebels", "talks", "truce", "held"], ["VBD", "NN", "NNS", "VBD"],
           ["nsubj", "dobj", "nsubj", "ROOT"])


def test_rules_of_several_tokens_set_the_token_their_index_names() -> None:
    patterns = [
        {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "go"}, "index": 0},
        {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to"}, "index": -1},
        {"patterns": [[{"DEP": "expl"}, {"LOWER": {"IN": ["is", "was"]}}]], "attrs": {"POS": "VERB"}, "index": 1},
        {"patterns": [[{"TAG": "VBZ"}]], "attrs": {"POS": "AUX"}},  # later than the expl rule: wins
        {"patterns": [[{"IS_SPACE": True}]], "attrs": {"TAG": "_SP", "POS": "SPACE"}},
    ]
    words = ["there", "is", "\n", "gon", "na", "gon", "there", "was"]
    _ruled(patterns, words, ["EX", "VBZ", "", "VBG", "TO", "VBG", "EX", "VBD"],
           ["expl", "ROOT", "dep", "aux", "aux", "aux", "expl", "ROOT"],
           [True, False, False, False, True, True, True, False])


def test_a_ruler_with_a_rule_it_cannot_apply_is_left_in_place() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    patterns = [{"patterns": [[{"LOWER": "very", "OP": "+"}]], "attrs": {"POS": "ADV"}}]
    ruler.add_patterns(patterns)
    assert compile_rules(nlp.vocab, patterns) is None
    assert not replace_attribute_ruler(nlp)
    assert nlp.get_pipe("attribute_ruler") is ruler
