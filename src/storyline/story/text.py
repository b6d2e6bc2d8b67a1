"""How close two clauses are in their words: TF-IDF over character n-grams of content words.

Why character n-grams: outlets retell one happening with the same stems in other forms
("Serbia" and "Serbian", "secession" and "seceded", "ceasefire" and "cease-fire"); n-grams
inside words meet where whole words miss. Digits are left out because dates are compared as
dates (story.dates), and function words are left out (the ``story`` lexicon's stopwords).
The weights are learned from the clauses taken so far (``story.state``: the document frequency
of each n-gram among the events of a date bucket), so no corpus ships with the package.

Each n-gram is kept as a 64-bit hash (``gram_hash``): the store keeps document frequencies and
each event's n-grams by hash, so an update reads the rows of its own n-grams only.
"""

from __future__ import annotations

import math
import re
import zlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

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


@lru_cache(maxsize=1 << 18)
def gram_hash(gram: str) -> int:
    """A stable signed 64-bit number for an n-gram (two checksums side by side: the same in every
    process, unlike ``hash``)."""
    raw = gram.encode("utf-8")
    value = (zlib.crc32(raw) << 32) | zlib.adler32(raw)
    return value - (1 << 64) if value >> 63 else value


@dataclass
class Clause:
    """A clause's n-grams as the story layer keeps them: hashes (ascending), each one's term
    weight (1 + log of its count) and size (3, 4 or 5 characters)."""

    hashes: np.ndarray
    weights: np.ndarray
    sizes: np.ndarray

    @classmethod
    def of(cls, text: str, stopwords: Iterable[str] = ()) -> Clause:
        counts = Counter(ngrams(text, stopwords))
        if not counts:
            return cls.empty()
        rows = sorted((gram_hash(g), 1.0 + math.log(k), len(g)) for g, k in counts.items())
        return cls(np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows)),
                   np.fromiter((r[1] for r in rows), dtype=np.float64, count=len(rows)),
                   np.fromiter((r[2] for r in rows), dtype=np.int8, count=len(rows)))

    @classmethod
    def empty(cls) -> Clause:
        return cls(np.zeros(0, np.int64), np.zeros(0, np.float64), np.zeros(0, np.int8))

    def __len__(self) -> int:
        return len(self.hashes)


def idf(n: int, df: np.ndarray) -> np.ndarray:
    """Inverse document frequencies of n-grams held by ``df`` of ``n`` clauses (smoothed, as
    scikit-learn's TfidfVectorizer weighs them)."""
    return np.log((1.0 + n) / (1.0 + df)) + 1.0


def cosine(wa: np.ndarray, ha: np.ndarray, wb: np.ndarray, hb: np.ndarray) -> float:
    """The cosine of two weighted n-gram vectors given as (weights, ascending hashes)."""
    na, nb = float(np.dot(wa, wa)), float(np.dot(wb, wb))
    if na == 0.0 or nb == 0.0:
        return 0.0
    _, ia, ib = np.intersect1d(ha, hb, assume_unique=True, return_indices=True)
    return float(np.dot(wa[ia], wb[ib])) / math.sqrt(na * nb)
