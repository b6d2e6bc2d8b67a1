"""The story layer's clause n-grams kept compactly (``text.GramCounts``): the same counts, in the
same order, and the same text space as a Counter per clause."""

from __future__ import annotations

from collections import Counter

import pytest

from storyline.story.text import GramCounts, TextSpace, gram_counts, ngrams

CLAUSES = ["The rebels seized the border town", "", "Rebels seized a border town on Monday",
           "The ministers signed a ceasefire", "ceasefire ceasefire signed"]


def test_each_clause_gives_back_its_counter_in_its_own_order() -> None:
    stop = frozenset({"the", "a", "on"})
    grams = gram_counts(CLAUSES, stop)
    assert len(grams) == len(CLAUSES)
    for got, text in zip(grams, CLAUSES, strict=True):
        want = Counter(ngrams(text, stop))
        assert list(got.items()) == list(want.items())
    assert grams[-1] == grams[len(CLAUSES) - 1]
    assert grams[1] == Counter()
    with pytest.raises(IndexError):
        grams[len(CLAUSES)]  # noqa: B018 - the lookup is what is tested


def test_an_n_gram_is_kept_once_whatever_the_clauses_that_hold_it() -> None:
    grams = gram_counts(["border town", "border town", "town border"])
    assert len(grams.names) == len(set(grams.names))
    assert set(grams.names) == set(ngrams("border town"))


def test_the_text_space_is_the_same_from_compact_counts_and_from_counters() -> None:
    counters = [Counter(ngrams(t)) for t in CLAUSES]
    compact, plain = TextSpace([], counts=GramCounts.of(iter(counters))), TextSpace([], counts=counters)
    pairs = [(i, j) for i in range(len(CLAUSES)) for j in range(len(CLAUSES))]
    assert compact.cosines(pairs) == plain.cosines(pairs)
    assert compact.cosines([(0, 0)])[0] == pytest.approx(1.0)
    assert compact.cosines([(0, 3)])[0] < compact.cosines([(0, 2)])[0]
    assert compact.cosines([(0, 1)]) == [0.0]  # an empty clause is like nothing


def test_clause_signatures_are_the_same_from_compact_counts(monkeypatch: pytest.MonkeyPatch) -> None:
    # the band keys of the clauses from the compact counts, read one clause at a time, must be
    # those of a set of n-grams per clause, common n-grams (here: in more than 2 clauses) left out
    from storyline.story import candidates

    monkeypatch.setattr(candidates, "COMMON_FLOOR", 2)
    clauses = [*CLAUSES, "rebels rebels rebels took the town", "a town fell to the rebels"]
    grams = gram_counts(clauses)
    compact = candidates.clause_keys(clauses, frozenset(), grams)
    assert compact == candidates.clause_keys(clauses, frozenset(), [Counter(c) for c in grams])
    assert compact == candidates.clause_keys(clauses, frozenset())
    assert compact[1] == [] and all(compact[i] for i in (0, 2, 3))
