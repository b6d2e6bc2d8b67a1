"""The story layer's clause n-grams as the clustering state keeps them (``text.Clause``): hashed,
with their term weights, the same counts as the n-grams themselves; cosines under the weights of
the events taken so far; clause bands that leave common n-grams out."""

from __future__ import annotations

import math
from collections import Counter

import numpy as np

from storyline.story.candidates import CLAUSE_BANDS, clause_bands
from storyline.story.text import Clause, cosine, gram_hash, idf, ngrams

CLAUSES = ["The rebels seized the border town", "", "Rebels seized a border town on Monday",
           "The ministers signed a ceasefire", "ceasefire ceasefire signed"]
STOP = frozenset({"the", "a", "on"})


def test_a_clause_keeps_each_n_gram_once_with_its_count_as_a_weight() -> None:
    for text in CLAUSES:
        c = Clause.of(text, STOP)
        want = Counter(ngrams(text, STOP))
        assert len(c) == len(want) and list(c.hashes) == sorted(c.hashes)
        got = dict(zip(c.hashes.tolist(), c.weights.tolist(), strict=True))
        assert got == {gram_hash(g): 1.0 + math.log(k) for g, k in want.items()}
        assert sorted(c.sizes.tolist()) == sorted(len(g) for g in want)
    assert gram_hash("bord") == gram_hash("bord") != gram_hash("ord ")


def _plain_cosine(a: str, b: str, texts: list[str]) -> float:
    """TF-IDF cosine written out with strings over ``texts`` as the clauses taken."""
    df = Counter(g for t in texts for g in set(ngrams(t, STOP)))
    n = len(texts)

    def vec(t: str) -> dict[str, float]:
        return {g: (1 + math.log(k)) * (math.log((1 + n) / (1 + df[g])) + 1) for g, k in Counter(ngrams(t, STOP)).items()}

    va, vb = vec(a), vec(b)
    dot = sum(w * vb.get(g, 0.0) for g, w in va.items())
    na, nb = math.sqrt(sum(w * w for w in va.values())), math.sqrt(sum(w * w for w in vb.values()))
    return dot / (na * nb) if na and nb else 0.0


def test_the_cosine_is_that_of_tf_idf_over_the_clauses_taken() -> None:
    clauses = [Clause.of(t, STOP) for t in CLAUSES]
    df: Counter[int] = Counter(h for c in clauses for h in c.hashes.tolist())

    def weights(c: Clause) -> np.ndarray:
        return c.weights * idf(len(CLAUSES), np.array([df[h] for h in c.hashes.tolist()], dtype=np.int64))

    for i, a in enumerate(clauses):
        for j, b in enumerate(clauses):
            got = cosine(weights(a), a.hashes, weights(b), b.hashes)
            assert math.isclose(got, _plain_cosine(CLAUSES[i], CLAUSES[j], CLAUSES), abs_tol=1e-12)
    assert cosine(weights(clauses[1]), clauses[1].hashes, weights(clauses[0]), clauses[0].hashes) == 0.0


def test_alike_clauses_share_bands_and_common_n_grams_are_left_out() -> None:
    a, b = Clause.of("rebels seized the border town", STOP), Clause.of("rebels seized the border town", STOP)
    other = Clause.of("ministers signed a ceasefire", STOP)
    none = np.zeros(len(a), dtype=np.int64)
    assert clause_bands(a, 10, none) == clause_bands(b, 10, none) and len(clause_bands(a, 10, none)) == CLAUSE_BANDS
    assert not set(clause_bands(a, 10, none)) & set(clause_bands(other, 10, np.zeros(len(other), dtype=np.int64)))
    # every n-gram held by more events than the common share (here all 300 of 300): no band at all
    assert clause_bands(a, 300, np.full(len(a), 300)) == []
    assert clause_bands(Clause.of("", STOP), 10, np.zeros(0, dtype=np.int64)) == []
