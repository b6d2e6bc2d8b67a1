"""Near-duplicate articles and the background paragraphs outlets repeat from story to story.

Why MinHash LSH: a syndicated copy or an updated version of a story shares most of its word
shingles with the original, and comparing every pair of millions of articles is out of reach;
LSH finds the candidates in near-constant time per article, and MinHash estimates their Jaccard
similarity. A group of copies is linked to one canonical article: the first published.

Why repeated sentences mark background: wire outlets close their stories with the same
paragraph of history ("The conflict ... began in 1988 when ..."). A sentence whose near-copy
stands in another story (an article that is not a copy of this one) is boilerplate background;
a paragraph most of whose sentences repeat is background as a whole. An event coder that codes
such a paragraph as news produces the duplicates GDELT is known for; the story layer shows it as
history instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from datasketch import MinHash, MinHashLSH

from ..model import Document, normalise_for_id
from ..options import StorySettings

_TOKEN = re.compile(r"\w+")

#: Sentences shorter than this many words are not judged as background (datelines, "Tags:").
MIN_BACKGROUND_WORDS = 6


def shingles(text: str, size: int) -> set[str]:
    """Word ``size``-grams of the normalised text (case, quote style and spacing ignored)."""
    toks = _TOKEN.findall(normalise_for_id(text))
    if len(toks) < size:
        return {" ".join(toks)} if toks else set()
    return {" ".join(toks[i:i + size]) for i in range(len(toks) - size + 1)}


def signature(text: str, settings: StorySettings) -> MinHash:
    m = MinHash(num_perm=settings.num_perm, seed=1)
    for s in sorted(shingles(text, settings.shingle_words)):
        m.update(s.encode("utf-8"))
    return m


def signature_from(hashvalues: Sequence[int], settings: StorySettings) -> MinHash:
    """A signature read back from the store."""
    return MinHash(num_perm=settings.num_perm, seed=1, hashvalues=list(hashvalues))


@dataclass(frozen=True)
class Copy:
    """A document found to be a near-copy of a canonical one."""

    doc_id: str
    canonical_id: str
    similarity: float


class _Union:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def group_copies(signatures: dict[str, MinHash], order: dict[str, tuple], settings: StorySettings) -> list[Copy]:
    """Groups of near-copies among all signatures, each linked to its canonical article (the
    first in ``order``: publication date, then id). Deterministic for a given set of articles,
    so recomputing after new ones arrive gives the same links for the old ones."""
    lsh = MinHashLSH(threshold=settings.duplicate_threshold, num_perm=settings.num_perm)
    ids = sorted(signatures)
    for i in ids:
        lsh.insert(i, signatures[i])
    union = _Union()
    best: dict[tuple[str, str], float] = {}
    for i in ids:
        for j in lsh.query(signatures[i]):
            if j <= i:
                continue
            sim = signatures[i].jaccard(signatures[j])
            if sim >= settings.duplicate_threshold:
                union.union(i, j)
                best[(i, j)] = sim
    groups: dict[str, list[str]] = {}
    for i in ids:
        groups.setdefault(union.find(i), []).append(i)
    copies = []
    for members in groups.values():
        if len(members) < 2:
            continue
        canon = min(members, key=lambda d: (order.get(d, ()), d))
        for d in members:
            if d != canon:
                sim = signatures[d].jaccard(signatures[canon])
                copies.append(Copy(d, canon, round(sim, 3)))
    return sorted(copies, key=lambda c: c.doc_id)


def find_copies(docs: Iterable[Document], settings: StorySettings) -> list[Copy]:
    """Near-copies among the given documents (the whole-corpus form of :func:`group_copies`)."""
    docs = list(docs)
    sigs = {d.id: signature(d.text, settings) for d in docs}
    order = {d.id: (d.date or "9999", d.name) for d in docs}
    return group_copies(sigs, order, settings)


# ---------------------------------------------------------------- background sentences


@dataclass
class SentenceKey:
    doc_id: str
    index: int
    paragraph: int
    grams: frozenset[str] = field(default_factory=frozenset)


def _sentence_keys(doc: Document) -> list[SentenceKey]:
    out = []
    for i, s in enumerate(doc.sentences):
        text = doc.text[s.start:s.end]
        if len(_TOKEN.findall(text)) < MIN_BACKGROUND_WORDS:
            continue
        out.append(SentenceKey(doc.id, i, s.paragraph, frozenset(shingles(text, 2))))
    return out


def containment(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def background_sentences(docs: Sequence[Document], copies: Iterable[Copy],
                         settings: StorySettings) -> dict[str, set[int]]:
    """Per document, the indices of its sentences that are repeated background: a sentence whose
    word bigrams are contained, to ``settings.background_threshold``, in a sentence of another
    story, and every sentence of a paragraph at least half of whose judged sentences repeat."""
    canonical = {c.doc_id: c.canonical_id for c in copies}

    def story_of(doc_id: str) -> str:
        return canonical.get(doc_id, doc_id)

    keys = [k for d in docs for k in _sentence_keys(d)]
    # candidates from LSH at a looser Jaccard than the containment asked for, then checked exactly
    lsh = MinHashLSH(threshold=max(0.2, settings.background_threshold / 2), num_perm=64)
    hashes = []
    for n, k in enumerate(keys):
        m = MinHash(num_perm=64, seed=2)
        for g in sorted(k.grams):
            m.update(g.encode("utf-8"))
        hashes.append(m)
        lsh.insert(str(n), m)
    repeated: dict[str, set[int]] = {}
    for n, k in enumerate(keys):
        for other in lsh.query(hashes[n]):
            o = keys[int(other)]
            if story_of(o.doc_id) == story_of(k.doc_id):
                continue
            if containment(k.grams, o.grams) >= settings.background_threshold:
                repeated.setdefault(k.doc_id, set()).add(k.index)
                break
    out: dict[str, set[int]] = {}
    by_doc: dict[str, list[SentenceKey]] = {}
    for k in keys:
        by_doc.setdefault(k.doc_id, []).append(k)
    for doc in docs:
        marks = set(repeated.get(doc.id, set()))
        judged: dict[int, list[int]] = {}
        for k in by_doc.get(doc.id, []):
            judged.setdefault(k.paragraph, []).append(k.index)
        for para, idx in judged.items():
            if sum(i in marks for i in idx) * 2 >= len(idx) and any(i in marks for i in idx):
                marks.update(i for i, s in enumerate(doc.sentences) if s.paragraph == para)
        if marks:
            out[doc.id] = marks
    return out


def mark_background(docs: Sequence[Document], marks: dict[str, set[int]]) -> None:
    """Set ``Sentence.background`` on the documents from :func:`background_sentences`."""
    for d in docs:
        idx = marks.get(d.id, set())
        for i, s in enumerate(d.sentences):
            s.background = i in idx
