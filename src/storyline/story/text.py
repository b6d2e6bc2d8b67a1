"""How close two clauses are in their words: TF-IDF over character n-grams of content words.

Why character n-grams: outlets retell one happening with the same stems in other forms
("Serbia" and "Serbian", "secession" and "seceded", "ceasefire" and "cease-fire"); n-grams
inside words meet where whole words miss. Digits are left out because dates are compared as
dates (story.dates), and function words are left out (the ``story`` lexicon's stopwords).
The weights are learned from the clauses being compared, so no corpus ships with the package.
"""

from __future__ import annotations

import math
import re
from array import array
from collections import Counter
from collections.abc import Iterable, Sequence

import numpy as np

#: Pairs whose cosines are computed in one sparse product (memory grows with it, speed hardly).
PAIRS_AT_ONCE = 20_000

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def words(text: str, stopwords: Iterable[str] = ()) -> list[str]:
    stop = stopwords if isinstance(stopwords, set | frozenset) else set(stopwords)
    return [w for w in (m.group(0).casefold().replace("’", "'") for m in _WORD.finditer(text))
            if w not in stop and len(w) > 1]


def ngrams(text: str, stopwords: Iterable[str] = (), sizes: Sequence[int] = (3, 4, 5)) -> list[str]:
    out: list[str] = []
    for w in words(text, stopwords):
        padded = f" {w} "
        for n in sizes:
            out.extend(padded[i:i + n] for i in range(len(padded) - n + 1))
    return out


def gram_counts(texts: Sequence[str], stopwords: Iterable[str] = ()) -> GramCounts:
    """The n-grams of each text with their counts: what ``TextSpace`` weighs, computed once where
    the clause signatures (``story.candidates``) take their n-grams from the same texts."""
    stop = frozenset(stopwords)
    return GramCounts.of(Counter(ngrams(t, stop)) for t in texts)


class GramCounts(Sequence[Counter[str]]):
    """The n-gram counts of many texts in three arrays (as a sparse matrix keeps them): each
    n-gram numbered as it first appears (``names``), the texts' numbers and counts one after
    another (``cols``, ``tfs``), and where each text's run starts (``indptr``). Item i is text
    i's Counter, rebuilt in its own order when asked for.

    Why: a Counter per clause holds a string object and a hash-table slot per n-gram, about 13 kB
    a clause; the story update counts the clauses of a whole component at once (a year of news:
    tens of thousands of clauses), and the counts were most of its main process's growth with the
    corpus. Here an n-gram costs 12 bytes a clause, and its string is kept once."""

    def __init__(self, names: list[str], cols: np.ndarray, tfs: np.ndarray, indptr: np.ndarray):
        self.names, self.cols, self.tfs, self.indptr = names, cols, tfs, indptr

    @classmethod
    def of(cls, counters: Iterable[Counter[str]]) -> GramCounts:
        """The counts of these Counters (each dropped once read: a generator keeps one at a time)."""
        ids: dict[str, int] = {}
        cols, tfs, indptr = array("q"), array("l"), array("q", [0])
        for c in counters:
            cols.extend(ids.setdefault(g, len(ids)) for g in c)
            tfs.extend(c.values())
            indptr.append(len(cols))
        return cls(list(ids), np.array(cols, dtype=np.int64), np.array(tfs, dtype=np.int64),
                   np.array(indptr, dtype=np.int64))

    def __len__(self) -> int:
        return len(self.indptr) - 1

    def __getitem__(self, i: int) -> Counter[str]:  # type: ignore[override]
        if not -len(self) <= i < len(self):
            raise IndexError(i)
        i %= len(self)
        a, b = int(self.indptr[i]), int(self.indptr[i + 1])
        names = self.names
        return Counter({names[g]: int(k) for g, k in zip(self.cols[a:b].tolist(), self.tfs[a:b].tolist(), strict=True)})


class TextSpace:
    """TF-IDF vectors of a set of clauses, L2-normalised, so a dot product is their cosine."""

    def __init__(self, texts: Sequence[str], stopwords: Iterable[str] = (), counts: Sequence[Counter[str]] | None = None):
        counts = gram_counts(texts, stopwords) if counts is None else counts
        grams = counts if isinstance(counts, GramCounts) else GramCounts.of(counts)
        n = len(grams)
        # columns numbered as the n-grams first appear, then renumbered in sorted order of the
        # n-grams (the order sums run in, so cosines come out the same to the last bit); the
        # weights from one logarithm per distinct count and per distinct document frequency
        col, names = grams.cols, grams.names
        df = np.bincount(col, minlength=len(names))
        idf = {int(d): math.log((1 + n) / (1 + d)) + 1.0 for d in np.unique(df)}
        counted, which = np.unique(grams.tfs, return_inverse=True)
        tf = np.asarray([1.0 + math.log(int(k)) for k in counted], dtype=np.float64)
        rank = np.empty(len(names), dtype=np.int64)
        rank[sorted(range(len(names)), key=names.__getitem__)] = np.arange(len(names))
        vals = tf[which.ravel()] * np.asarray([idf[int(d)] for d in df], dtype=np.float64)[col]
        from scipy import sparse  # loaded when a text space is first built

        m = sparse.csr_matrix((vals, rank[col], grams.indptr.copy()), shape=(n, max(1, len(names))))
        m.sort_indices()
        norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        self.matrix = sparse.diags(1.0 / norms) @ m

    def cosine(self, i: int, j: int) -> float:
        return float(self.matrix.getrow(i).multiply(self.matrix.getrow(j)).sum())

    def cosines(self, pairs: Sequence[tuple[int, int]], chunk: int = PAIRS_AT_ONCE) -> list[float]:
        """The cosine of each pair, ``chunk`` pairs at a time: each pair copies both its rows, so
        a busy year's hundreds of thousands of pairs at once took gigabytes."""
        out: list[float] = []
        for at in range(0, len(pairs), chunk):
            part = pairs[at:at + chunk]
            a = self.matrix[[p[0] for p in part]]
            b = self.matrix[[p[1] for p in part]]
            out.extend(float(x) for x in np.asarray(a.multiply(b).sum(axis=1)).ravel())
        return out
