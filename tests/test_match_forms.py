"""The pattern matcher's precomputed forms give the same answers as the matching rules they stand for.

Why: ``events.match`` answers "does this pattern word match this token?" by a set of forms worked
out once per token, and rules patterns out by word groups worked out once per pattern, instead of
running the rules for every (word, token) pair. These tests state the rules directly (a plain
reading of the docstring of ``word_matches``) and check both against them, on constructed
sentences with every kind of token the rules treat apart: prepositions, proper names, plurals in
-s and -ies, inflected verbs (stems), short words.
"""

from __future__ import annotations

from typing import Any

import pytest

from storyline.events.lexicon import Item, Lexicon, Pattern, VerbEntry
from storyline.events.match import (
    _item_needs,
    compile_lexicon,
    match_pattern,
    possible_patterns,
    vocabulary,
    word_matches,
)

SENTENCES = [
    "The rebels attacked Bombay and the Attacks of the militias rallied the cities.",
    "According to officials, talks on the ceasefire were held in Geneva by the parties.",
    "Ministers agreed to sign the treaties after bombing raids stopped in the Philippines.",
    "She is staging protests, and they were called on to meet with the envoys at Athens.",
]


def reference(word: str, tok: Any, exact: bool) -> bool:
    """The matching rules as stated, one by one."""
    low, lem = tok.lower_, tok.lemma_.lower()
    if tok.dep_ == "prep":
        return word == low
    if word in (low, lem):
        return True
    if exact:
        return False
    if word.endswith("ies") and word[:-3] + "y" == lem:
        return True
    if word.endswith("s") and word[:-1] == lem:
        return True
    if tok.pos_ == "PROPN" and low[len(word):] not in ("s", "es"):
        return False
    return len(word) >= 4 and low.startswith(word) and len(low) - len(word) <= 3


def reference_possible(item: Item, vocab: frozenset[str]) -> bool:
    """A pattern item is possible when one of its first words (or a plural's base) is in vocab."""
    def word_ok(w: str) -> bool:
        return w in vocab or w[:-1] in vocab or (w.endswith("ies") and w[:-3] + "y" in vocab)

    if item.kind == "word":
        return any(word_ok(alt[0]) for alt in item.alts if alt)
    if item.kind == "phrase":
        return all(reference_possible(i, vocab) for i in item.inner)
    if item.kind == "prep":
        return any(p in vocab for p in (item.prep or "").split("|")) and all(
            reference_possible(i, vocab) for i in item.inner)
    return True


def _words(tok: Any) -> set[str]:
    """Candidate pattern words around a token: its form, lemma, their plurals and cuts."""
    low, lem = tok.lower_, tok.lemma_.lower()
    out = {low, lem, lem + "s", lem + "es", lem[:-1] + "ies", low + "s", "", "x"}
    out.update(low[:n] for n in range(0, len(low) + 1))
    out.update(lem[:n] for n in range(0, len(lem) + 1))
    return out


@pytest.mark.parametrize("text", SENTENCES)
def test_forms_agree_with_the_rules(ctx: Any, text: str) -> None:
    sdoc = ctx.nlp(text)
    checked = 0
    for tok in sdoc:
        for word in _words(tok):
            for exact in (False, True):
                assert word_matches(word, tok, exact) == reference(word, tok, exact), (word, tok.text, exact)
                checked += 1
    assert checked > 200


def test_pattern_needs_agree_with_the_rules(ctx: Any) -> None:
    sdoc = ctx.nlp(SENTENCES[1] + " " + SENTENCES[2])
    vocab = vocabulary(list(sdoc))
    items = [
        Item("word", (("talks",),)), Item("word", (("rallies",),)), Item("word", (("treaty", "talks"), ())),
        Item("word", ((),)), Item("word", (("zebra",), ("ceasefire",))), Item("slot"),
        Item("phrase", inner=(Item("word", (("bombing",),)), Item("word", (("raid",),)))),
        Item("phrase", inner=(Item("word", (("bombing",),)), Item("word", (("zebra",),)))),
        Item("prep", prep="on|in", inner=(Item("word", (("ceasefire",),)),)),
        Item("prep", prep="with|at"), Item("prep", prep=None),
    ]
    seen = set()
    for item in items:
        needs = _item_needs(item)
        got = not any(vocab.isdisjoint(g) for g in needs)
        assert got == reference_possible(item, vocab), item
        seen.add(got)
    assert seen == {True, False}


def test_match_pattern_finds_the_words(ctx: Any) -> None:
    """A pattern over the verb's phrase matches its words, stems and plurals included."""
    sdoc = ctx.nlp("The envoys held talks on a ceasefire with the rebels.")
    verb = next(t for t in sdoc if t.lemma_ == "hold")
    after = [t for t in sdoc if t.i > verb.i and not t.is_punct]
    pat = Pattern("043", after=(Item("word", (("talk",),)), Item("prep", prep="with", inner=(Item("word", (("rebel",),)),))))
    got = match_pattern(pat, after, [], vocabulary(after))
    assert got is not None and [t.text for t in got] == ["talks", "with", "rebels"]
    miss = Pattern("043", after=(Item("word", (("zebra",),)),))
    assert match_pattern(miss, after, [], vocabulary(after)) is None


def _entry() -> VerbEntry:
    """A verb block whose patterns need nothing, one word, two words, a phrase or a preposition."""
    word = lambda *ws: Item("word", tuple((w,) for w in ws))  # noqa: E731 - a local shorthand
    return VerbEntry("hold", patterns=[
        Pattern("040", after=(word("zebra", "talk"),)), Pattern("041"), Pattern("042", after=(word("zebra"),)),
        Pattern("043", after=(word("talks"), Item("prep", prep="with|on", inner=(word("ceasefire"),)))),
        Pattern("044", before=(word("envoy", "minister"),), after=(word("meeting"),)),
        Pattern("045", after=(Item("phrase", inner=(word("peace"), word("talks"))),)), Pattern("046"),
        Pattern("047", after=(Item("slot"), word("ceasefire"))),
    ])


@pytest.mark.parametrize("text", ["The envoys held talks on a ceasefire with the rebels.",
                                  "The ministers held a meeting.", "They held peace talks.", "They held it."])
def test_possible_patterns_are_those_match_pattern_allows(ctx: Any, text: str) -> None:
    """The index by needed word finds exactly the patterns the vocabulary test lets through, in
    the entry's order, whether built on first use or beforehand by compile_lexicon."""
    vocab = vocabulary([t for t in ctx.nlp(text) if not t.is_punct])
    for compiled in (False, True):
        entry = _entry()
        if compiled:
            compile_lexicon(Lexicon(verbs={"hold": [entry]}))
        expected = [p for p in entry.patterns if not any(vocab.isdisjoint(g) for g in _item_needs_of(p))]
        assert possible_patterns(entry, vocab) == expected
        assert {p.code for p in expected} >= {"041", "046"}


def _item_needs_of(pattern: Pattern) -> list[frozenset[str]]:
    return [g for i in (*pattern.after, *pattern.before) for g in _item_needs(i)]
