"""Puts what the knowledge base knows in front of the statistical NER.

Why: the small English model labels Armenia and Yerevan PERSON, Baer GPE, and swallows "the OSCE
Daniel Baer" into one ORG. A component placed before ``ner`` marks every knowledge-base name it
finds (people, states, bodies, capitals and seats, demonyms) as an entity of the right label, so
the model only predicts around them; it also keeps the matches (``doc.user_data[MATCHES]``) so
the actors stage does not look them up again.

How it stays fast: names are matched on word keys (``names.name_words``) with one dict lookup per
candidate length, and only at words that begin some name; a document costs a few dict lookups per
token, not a pass per pattern.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.attrs import ORTH, SPACY
from spacy.language import Language
from spacy.tokens import Doc, Span

from . import names as N
from .kbfile import GROUP_KINDS

#: Where the ruler leaves its matches (and the word keys it matched on) on the spaCy Doc.
MATCHES = "storyline_actor_matches"
WORDS = "storyline_actor_words"

_STATE_KINDS = ("state", "unrecognized", "territory")
_JOINERS = {"-", "‐", "–", "/", "."}


@dataclass(frozen=True)
class Match:
    """A knowledge-base name found in the text (token offsets into the spaCy Doc)."""

    start: int
    end: int
    kind: str  # person, state, organization, metonym, demonym, generic, surname
    ids: tuple[str, ...]
    key: str


class ActorRuler:
    """The pipeline component; ``set_kb`` must be called before the first document."""

    def __init__(self, nlp: Language, name: str = "storyline_actor_ruler"):
        self.name = name
        self.kb: Any = None
        self.first: dict[str, int] = {}
        self.generic_words: frozenset[str] = frozenset()
        self.given_names: frozenset[str] = frozenset()
        self._seen_version = -1

    def set_kb(self, kb: Any, generic_words: Any = (), given_names: Any = ()) -> None:
        """Use ``kb``; ``generic_words`` may be written in lower case inside a name ("OSCE Minsk
        group", "UN security council"); after one of ``given_names`` a place's name is a
        surname ("Tom Paris")."""
        self.kb = kb
        self.generic_words = frozenset(generic_words)
        self.given_names = frozenset(given_names)
        self._seen_version = -1
        self._index()

    def _index(self) -> None:
        """First words of every name and the longest name each begins; after the first time only
        what the knowledge base added since (learned actors, users' files) is read."""
        kb = self.kb
        tables = [kb.names.extra, kb.metonyms, kb.demonyms, kb.generic]
        if self._seen_version < 0:
            self.first = {}
            tables.insert(0, kb.names.base)
        first = self.first
        for table in tables:
            for key in table:
                words = key.split(" ")
                n = len(words)
                if first.get(words[0], 0) < n:
                    first[words[0]] = n
        self._seen_version = kb.version

    # ---------------------------------------------------------------- matching

    def words_of(self, doc: Doc) -> tuple[list[str | None], list[int]]:
        """The word keys of a document and the token each comes from; ``None`` breaks a name."""
        cached = doc.user_data.get(WORDS)
        if cached is not None:
            return cached
        words: list[str | None] = []
        owner: list[int] = []
        strings = doc.vocab.strings
        rows = doc.to_array([ORTH, SPACY]).tolist() if len(doc) else []  # no Token made per word
        for i, (orth, space) in enumerate(rows):
            text = strings[orth]
            ws = N.token_words(text) if text not in _JOINERS else ()
            if not ws:
                # a hyphen or slash inside a word joins ("Nagorno-Karabakh"); anything else breaks
                if text in _JOINERS and not space and i > 0 and not rows[i - 1][1]:
                    continue
                words.append(None)
                owner.append(i)
                continue
            for w in ws:
                words.append(w)
                owner.append(i)
        doc.user_data[WORDS] = (words, owner)
        return words, owner

    def _capitalised(self, doc: Doc, start: int, end: int) -> bool:
        for tok in doc[start:end]:
            t = tok.text
            if not t[:1].isalpha():
                continue
            if t[0].isupper():
                continue
            low = t.lower()
            if low in N.PARTICLES or (tok.i == start and low == "the") or low in ("of", "and", "for", "the", "in", "on"):
                continue
            if tok.i > start and low in self.generic_words and doc[start].text[:1].isupper():
                continue
            if tok.i - 2 >= start and doc[tok.i - 1].text == "-" and not doc[tok.i - 2].whitespace_ \
                    and doc[tok.i - 2].text[:1].isupper():
                continue  # the second half of a hyphenated word ("Co-operation")
            return False
        last = doc[end - 1].text
        return last[:1].isupper() or not last[:1].isalpha() or (end - start > 1 and last.lower() in self.generic_words)

    def find(self, doc: Doc) -> list[Match]:
        kb = self.kb
        if kb.version != self._seen_version:
            self._index()
        words, owner = self.words_of(doc)
        out: list[Match] = []
        p = 0
        n_words = len(words)
        while p < n_words:
            w = words[p]
            maxn = self.first.get(w, 0) if w is not None else 0
            if not maxn or (p > 0 and owner[p - 1] == owner[p]):
                p += 1
                continue
            hit = None
            for n in range(min(maxn, n_words - p), 0, -1):
                span_words = words[p:p + n]
                if None in span_words:
                    continue
                last = p + n - 1
                if last + 1 < n_words and owner[last + 1] == owner[last]:
                    continue  # the name would end inside a token
                key = " ".join(span_words)  # type: ignore[arg-type]
                m = self._classify(key)
                if m is None:
                    continue
                start, end = owner[p], owner[last] + 1
                if not self._capitalised(doc, start, end):
                    continue
                hit = Match(start, end, m[0], m[1], key)
                p += n
                break
            if hit is None:
                p += 1
            else:
                out.append(hit)
        # after the full name, the surname alone is the person too ("Jordan said")
        surnames = {m.key for m in out if self._surname_of_place(doc, m)}
        out = [m for m in out if not (m.key in surnames and m.end - m.start == 1 and
                                      m.kind in ("state", "metonym", "place"))]
        return self._surnames(doc, out, words, owner)

    def _surname_of_place(self, doc: Doc, m: Match) -> bool:
        """A one-word place or state right after a capitalised given name ("Tom Paris", "Karim
        Amman") is that person's surname: the match is dropped, so the model may read the person."""
        if m.kind not in ("state", "metonym", "place") or m.end - m.start != 1 or m.start == 0:
            return False
        prev = doc[m.start - 1]
        return prev.text[:1].isupper() and prev.whitespace_ != "" and prev.lower_ in self.given_names

    def _classify(self, key: str) -> tuple[str, tuple[str, ...]] | None:
        kb = self.kb
        ids = kb.names.get(key)
        if ids:
            kinds = {kb.kind_of(i) for i in ids}
            for kind in ("state", "unrecognized", "territory", "organization", *GROUP_KINDS, "person", "group", "place"):
                if kind in kinds:  # an armed group, a movement ... is found as an organisation is
                    match = "state" if kind in _STATE_KINDS else "organization" if kind in GROUP_KINDS else kind
                    return match, tuple(i for i in ids if kb.kind_of(i) == kind)
        if key in kb.metonyms:
            return "metonym", tuple(m.actor_id for m in kb.metonyms[key])
        if key in kb.demonyms:
            return "demonym", (kb.demonyms[key],)
        if key in kb.generic:
            return "generic", (kb.generic[key],)
        return None

    def _surnames(self, doc: Doc, found: list[Match], words: list[str | None], owner: list[int]) -> list[Match]:
        """A surname alone is a name only where the document also names its person in full (one
        sense per discourse: "Medvedev" after "President Dmitry Medvedev")."""
        people: dict[str, str] = {}
        for m in found:
            if m.kind == "person" and len(m.ids) == 1:
                a = self.kb.get(m.ids[0])
                for s in N.surname_words(N.name_words(a.name)):
                    people.setdefault(s, a.id)
                for al in a.aliases:
                    for s in N.surname_words(N.name_words(al)):
                        people.setdefault(s, a.id)
        if not people:
            return found
        taken = set()
        for m in found:
            taken.update(range(m.start, m.end))
        extra = []
        for p, w in enumerate(words):
            if w is None or w not in people or owner[p] in taken:
                continue
            i = owner[p]
            if (p > 0 and owner[p - 1] == i) or (p + 1 < len(words) and owner[p + 1] == i):
                continue
            tok = doc[i]
            if not tok.text[:1].isupper():
                continue
            extra.append(Match(i, i + 1, "surname", (people[w],), w))
            taken.add(i)
        return sorted([*found, *extra], key=lambda m: m.start)

    # ---------------------------------------------------------------- entities

    LABELS = {"person": "PERSON", "surname": "PERSON", "state": "GPE", "organization": "ORG",
              "generic": "ORG", "demonym": "NORP", "group": "ORG", "place": "LOC"}

    def __call__(self, doc: Doc) -> Doc:
        matches = self.find(doc)
        doc.user_data[MATCHES] = matches
        spans = []
        for m in matches:
            label = self.LABELS.get(m.kind)
            if m.kind == "metonym":
                label = "GPE" if any(x.kind == "capital" for x in self.kb.metonyms.get(m.key, [])) else "ORG"
            if m.kind == "demonym" and m.end - m.start == 1 and doc[m.start].tag_ in ("NNPS", "NNS"):
                label = "NORP"
            spans.append(Span(doc, m.start, m.end, label=label))
        if spans:
            doc.set_ents(spans, default="unmodified")
        return doc


@Language.factory("storyline_actor_ruler")
def make_actor_ruler(nlp: Language, name: str) -> ActorRuler:
    return ActorRuler(nlp, name)


def add_actor_ruler(nlp: Any, ctx: Any) -> None:
    """Add the ruler before the statistical NER, loaded with the context's knowledge base."""
    from .lexicon import role_lexicon

    lex = role_lexicon(ctx)
    generic = lex.organization_words | lex.place_name_words
    given = lex.female_given | lex.male_given
    if "storyline_actor_ruler" in nlp.pipe_names:
        nlp.get_pipe("storyline_actor_ruler").set_kb(ctx.kb, generic, given)
        return
    where = {"before": "ner"} if "ner" in nlp.pipe_names else {}
    ruler = nlp.add_pipe("storyline_actor_ruler", **where)
    ruler.set_kb(ctx.kb, generic, given)
