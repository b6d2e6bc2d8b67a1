"""Near-duplicate articles and the background paragraphs outlets repeat from story to story.

Why MinHash LSH: a syndicated copy or an updated version of a story shares most of its word
shingles with the original, and comparing every pair of millions of articles is out of reach.
Each article gets a MinHash signature (datasketch); the signature is cut into bands, and
articles sharing a band's key are the only candidates compared (locality-sensitive hashing). Band
keys are plain integers, so the store keeps them in a table and finds a new article's candidates
with one indexed query. A group of copies is linked to one canonical article: the first
published.

Why repeated sentences mark background: wire outlets close their stories with the same
paragraph of history ("The conflict ... began in 1988 when ..."). A sentence whose near-copy
stands in another story (an article that is not a copy of this one) is boilerplate background;
a paragraph at least half of whose sentences repeat is background as a whole. An event coder that
codes such a paragraph as news produces the duplicates GDELT is known for; the story layer shows
it as history instead.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # datasketch (and scipy under it) loads when a signature is first made
    from datasketch import MinHash

from ..model import Document, Sentence, normalise_for_id
from ..options import StorySettings

_TOKEN = re.compile(r"\w+")

#: Sentences shorter than this many words are not judged as background (datelines, "Tags:").
MIN_BACKGROUND_WORDS = 6

#: Sentence signatures: permutations, and bands of rows per band (16 x 2: pairs of sentences
#: sharing a third of their bigrams meet in a band nine times in ten).
SENTENCE_PERM, SENTENCE_BANDS = 32, 16

#: Article signatures are cut into this many bands (rows = num_perm / bands): 16 x 8 finds
#: pairs from a Jaccard similarity of about 0.7, under the copy threshold.
DOC_BANDS = 16


def shingles(text: str, size: int) -> set[str]:
    """Word ``size``-grams of the normalised text (case, quote style and spacing ignored)."""
    toks = _TOKEN.findall(normalise_for_id(text))
    if len(toks) < size:
        return {" ".join(toks)} if toks else set()
    return {" ".join(toks[i:i + size]) for i in range(len(toks) - size + 1)}


#: The MinHash permutation scheme, named on every signature: stored signatures are read back in
#: later runs, and datasketch (since 2.0) refuses hash values whose scheme it is not told, since
#: signatures of different schemes cannot be compared.
SCHEME = "affine32"


@functools.cache
def _permutations(num_perm: int, seed: int) -> Any:
    """The permutations of a (num_perm, seed) signature, drawn once: drawing them is most of the
    cost of a short sentence's signature."""
    from datasketch import MinHash

    return MinHash(num_perm=num_perm, seed=seed, scheme=SCHEME).permutations


def minhash(grams: Iterable[str], num_perm: int, seed: int = 1, hashfunc: Callable[[bytes], int] | None = None) -> MinHash:
    """A signature of these grams; ``hashfunc`` (32-bit) in place of datasketch's SHA-1, where
    signatures are only compared within one run (crc32 is three times faster)."""
    from datasketch import MinHash

    extra = {"hashfunc": hashfunc} if hashfunc is not None else {}
    m = MinHash(num_perm=num_perm, seed=seed, scheme=SCHEME, permutations=_permutations(num_perm, seed), **extra)
    m.update_batch([g.encode("utf-8") for g in sorted(grams)])  # one numpy pass, the same values as one by one
    return m


def signature(text: str, settings: StorySettings) -> MinHash:
    return minhash(shingles(text, settings.shingle_words), settings.num_perm)


def signature_from(hashvalues: Sequence[int], settings: StorySettings) -> MinHash:
    """A signature read back from the store."""
    from datasketch import MinHash

    return MinHash(num_perm=settings.num_perm, seed=1, hashvalues=list(hashvalues), scheme=SCHEME)


def band_keys(m: MinHash, bands: int) -> list[int]:
    """The LSH keys of a signature: one 64-bit hash per band of ``len/bands`` values."""
    values = [int(v) for v in m.hashvalues]
    rows = max(1, len(values) // bands)
    keys = []
    for b in range(bands):
        chunk = values[b * rows:(b + 1) * rows]
        raw = b.to_bytes(2, "little") + b"".join(v.to_bytes(8, "little") for v in chunk)
        keys.append(int.from_bytes(hashlib.blake2b(raw, digest_size=8).digest(), "little", signed=True))
    return keys


def candidate_pairs(keys: dict[str, list[int]]) -> set[tuple[str, str]]:
    """Pairs of ids that share at least one band key."""
    by_key: dict[int, list[str]] = {}
    for ident, ks in keys.items():
        for k in set(ks):
            by_key.setdefault(k, []).append(ident)
    pairs = set()
    for members in by_key.values():
        members = sorted(set(members))
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                pairs.add((a, b))
    return pairs


@dataclass(frozen=True)
class Copy:
    """A document found to be a near-copy of a canonical one."""

    doc_id: str
    canonical_id: str
    similarity: float


def canonical_groups(edges: Iterable[tuple[str, str]], order: dict[str, tuple]) -> dict[str, str]:
    """Connected groups of copies, each member mapped to its canonical article: the first by
    ``order`` (publication date, name), then by id."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[str]] = {}
    for x in list(parent):
        groups.setdefault(find(x), []).append(x)
    out = {}
    for members in groups.values():
        canon = min(members, key=lambda d: (order.get(d, ()), d))
        out.update({d: canon for d in members if d != canon})
    return out


def find_copies(docs: Iterable[Document], settings: StorySettings) -> list[Copy]:
    """Near-copies among the given documents, each linked to its canonical article."""
    docs = list(docs)
    sigs = {d.id: signature(d.text, settings) for d in docs}
    pairs = candidate_pairs({i: band_keys(m, DOC_BANDS) for i, m in sigs.items()})
    edges = [(a, b) for a, b in sorted(pairs) if sigs[a].jaccard(sigs[b]) >= settings.duplicate_threshold]
    order = {d.id: (d.date or "9999", d.name) for d in docs}
    canon = canonical_groups(edges, order)
    return [Copy(d, c, round(sigs[d].jaccard(sigs[c]), 3)) for d, c in sorted(canon.items())]


# ---------------------------------------------------------------- background sentences


def sentence_grams(text: str, stopwords: frozenset[str] = frozenset()) -> frozenset[str]:
    """Word bigrams of a sentence, leaving out those made of function words only; empty for a
    sentence too short to judge."""
    toks = _TOKEN.findall(normalise_for_id(text))
    if len(toks) < MIN_BACKGROUND_WORDS:
        return frozenset()
    return frozenset(f"{a} {b}" for a, b in zip(toks, toks[1:], strict=False)
                     if not (a in stopwords and b in stopwords))


def sentence_keys(grams: frozenset[str]) -> list[int]:
    return band_keys(minhash(grams, SENTENCE_PERM, seed=2), SENTENCE_BANDS) if grams else []


def containment(a: frozenset[str], b: frozenset[str]) -> float:
    """How much of the shorter sentence the longer one repeats; 0 where they share too little of
    their union (under half the containment asked for, as a short phrase quoted in a long
    sentence does), so a fragment does not make a sentence background."""
    if not a or not b:
        return 0.0
    inter = len(a & b)
    c = inter / min(len(a), len(b))
    return c if inter / len(a | b) >= c / 2 else 0.0


def paragraph_marks(sentences: Sequence[Sentence], repeated: set[int], judged: set[int]) -> set[int]:
    """The sentences to mark: the repeated ones, and every sentence of a paragraph at least half
    of whose judged sentences (long enough to judge) repeat."""
    marks = set(repeated)
    paras: dict[int, list[int]] = {}
    for i, s in enumerate(sentences):
        if i in judged:
            paras.setdefault(s.paragraph, []).append(i)
    for para, idx in paras.items():
        hits = sum(i in repeated for i in idx)
        if hits and hits * 2 >= len(idx):
            marks.update(i for i, s in enumerate(sentences) if s.paragraph == para)
    return marks
