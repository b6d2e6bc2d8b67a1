"""Role phrases in text: "Russian Foreign Ministry spokeswoman", "the President of Russia", "a
spokeswoman for the interior ministry of the self-proclaimed Transnistrian republic", "his
Moldovan counterpart", "the leaders of Azerbaijan and Armenia".

Why by hand rather than from the parse: the small model's dependency arcs inside long titles are
unreliable (it attaches "Senor Hasratyan" to "Republic"), while the shape of a title is regular:
modifiers (demonyms, states with 's, organs, qualifiers, a determiner or possessive) to the left
of a role word, and "of / to / for" complements to its right. A ``Zone`` records what those say:
the office, the countries, the organ, the host body of an ambassador, and whether it is plural.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc

from .lexicon import RoleLexicon, RoleWord
from .ruler import Match

_POSSESSIVES = {"his": "male", "her": "female", "its": None, "their": None}
_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "both", "two", "three", "all", "other"}
_LINKS = {"of", "to", "for", "at", "in", "with"}
_APOSTROPHE_S = {"'s", "’s", "'", "’"}


def qualifies_next_noun(doc: Any, end: int) -> bool:
    """The name that ends before token ``end`` only qualifies a common noun after it ("the UK
    counter-terror police", "the US delegation", "Britain's police"): a title "of" it is the
    title of that noun's body, not of the state."""
    last = doc[end - 1]
    if last.text in ("'s", "’s") and end >= 2:
        last = doc[end - 2]
    return last.dep_ in ("compound", "poss", "amod", "nmod") and last.head.i >= end and last.head.pos_ == "NOUN"


@dataclass
class Zone:
    """A role phrase with its modifiers and complements (token offsets into the spaCy Doc)."""

    start: int
    end: int
    head_start: int
    head_end: int
    role: RoleWord
    countries: list[str] = field(default_factory=list)
    host: str | None = None  # "Ambassador to the OSCE": the body or state the envoy is sent to
    organ: dict[str, Any] | None = None
    organ_text: str | None = None
    former: bool = False
    deputy: bool = False
    possessor: int | None = None  # token index of his/her/its/their
    determiner: str | None = None
    sentence: int = 0
    consumed: list[Match] = field(default_factory=list)

    @property
    def plural(self) -> bool:
        return self.role.plural

    @property
    def indefinite(self) -> bool:
        return self.determiner in ("a", "an")


class Words:
    """A document's word keys (see ActorRuler.words_of) with the token each word belongs to."""

    def __init__(self, words: list[str | None], owner: list[int], n_tokens: int):
        self.words = words
        self.owner = owner
        self.first_word: dict[int, int] = {}
        for i, t in enumerate(owner):
            self.first_word.setdefault(t, i)
        self.n_tokens = n_tokens

    def token_span(self, w_start: int, n: int) -> tuple[int, int]:
        return self.owner[w_start], self.owner[w_start + n - 1] + 1


class PhraseFinder:
    """Finds role zones, organ phrases and sector phrases in one document."""

    def __init__(self, doc: Doc, words: Words, matches: list[Match], lex: RoleLexicon, kb: Any):
        self.doc = doc
        self.w = words
        self.lex = lex
        self.kb = kb
        self.match_start: dict[int, Match] = {m.start: m for m in matches}
        self.match_end: dict[int, Match] = {m.end: m for m in matches}
        self.match_at: dict[int, Match] = {}
        for m in matches:
            for t in range(m.start, m.end):
                self.match_at[t] = m
        self.roles = self._scan(lex.roles)
        self.organs = self._scan(lex.organs)
        self.qualifiers = self._scan(lex.qualifiers)
        self.role_end = {e: (s, v) for s, (e, v) in self.roles.items()}
        self.organ_end = {e: (s, v) for s, (e, v) in self.organs.items()}
        self.qual_end = {e: (s, v) for s, (e, v) in self.qualifiers.items()}

    def _scan(self, table: Any) -> dict[int, tuple[int, Any]]:
        """Longest non-overlapping phrase matches: token start -> (token end, value)."""
        out: dict[int, tuple[int, Any]] = {}
        words = self.w.words
        first = table.first  # a word that begins no phrase is passed over without a lookup
        i = 0
        while i < len(words):
            if words[i] not in first or (i > 0 and self.w.owner[i - 1] == self.w.owner[i]):
                i += 1
                continue
            hit = table.match(words, i)
            if hit is None:
                i += 1
                continue
            n, value = hit
            last = i + n - 1
            if last + 1 < len(words) and self.w.owner[last + 1] == self.w.owner[last]:
                i += 1
                continue
            s, e = self.w.token_span(i, n)
            out[s] = (e, value)
            i += n
        return out

    # ------------------------------------------------------------- zones

    def zones(self, sent_of: list[int]) -> list[Zone]:
        out = []
        for s, (e, role) in sorted(self.roles.items()):
            if self.match_at.get(s) is not None and self.match_at[s].kind in ("person", "surname"):
                continue
            if self._is_verb_use(s, e):
                continue
            z = Zone(start=s, end=e, head_start=s, head_end=e, role=role, sentence=sent_of[s])
            self._left(z, sent_of)
            self._right(z, sent_of)
            out.append(z)
        return out

    def _is_verb_use(self, s: int, e: int) -> bool:
        """Role words that name no one here: verbs ("head"), "a source of concern", "PM" in
        "7:10 PM"."""
        tok = self.doc[s]
        if tok.pos_ == "VERB" or tok.ent_type_ in ("TIME", "DATE", "CARDINAL", "MONEY", "QUANTITY"):
            return True
        if s > 0 and (self.doc[s - 1].like_num or ":" in self.doc[s - 1].text):
            return True
        return tok.lower_ in ("source", "sources") and e < len(self.doc) and self.doc[e].lower_ == "of"

    def _left(self, z: Zone, sent_of: list[int]) -> None:
        j = z.start - 1
        doc = self.doc
        while j >= 0 and sent_of[j] == z.sentence:
            tok = doc[j]
            low = tok.lower_
            if tok.text in _APOSTROPHE_S and j > 0 and j in self.match_end and \
                    self.match_end[j].kind in ("state", "organization", "metonym"):
                m = self.match_end[j]
                self._take_match(z, m)
                j = m.start - 1
                # "Kenya, Uganda and Rwanda's foreign ministers"
                while z.plural and j >= 1 and doc[j].lower_ in ("and", ",") and j in self.match_end and \
                        self.match_end[j].kind == "state":
                    m = self.match_end[j]
                    self._take_match(z, m)
                    j = m.start - 1
                continue
            m = self.match_end.get(j + 1)
            if m is not None and m.kind in ("state", "demonym", "organization", "metonym", "generic"):
                self._take_match(z, m)
                j = m.start - 1
                # "his Brazilian, Indian and South African counterparts": every demonym of a plural title
                while z.plural and m.kind == "demonym" and j >= 1 and doc[j].lower_ in ("and", ",") and \
                        j in self.match_end and self.match_end[j].kind == "demonym":
                    m = self.match_end[j]
                    self._take_match(z, m)
                    j = m.start - 1
                continue
            if j + 1 in self.organ_end:
                s, spec = self.organ_end[j + 1]
                z.organ = z.organ or spec
                z.organ_text = z.organ_text or doc[s:j + 1].text
                z.start = s
                j = s - 1
                continue
            if j + 1 in self.qual_end:
                s, spec = self.qual_end[j + 1]
                z.former = z.former or bool(spec.get("former"))
                z.deputy = z.deputy or bool(spec.get("deputy"))
                z.start = s
                j = s - 1
                continue
            if j + 1 in self.role_end and self.role_end[j + 1][1].organ is False and \
                    self.role_end[j + 1][1].offices and low in ("presidential", "president", "government"):
                j -= 1
                continue
            if low in _POSSESSIVES:
                z.possessor = j
                z.start = j
                break
            if low in _DETERMINERS:
                z.determiner = low
                z.start = j
                break
            if tok.tag_ in ("JJ",) and low in ("unrecognized", "unrecognised", "self-proclaimed", "breakaway", "new",
                                                "current", "top", "senior", "chief"):
                z.start = j
                j -= 1
                continue
            break

    def _take_match(self, z: Zone, m: Match) -> None:
        z.consumed.append(m)
        z.start = m.start
        if m.kind == "metonym":
            for x in self.kb.metonyms.get(m.key, []):
                if x.kind == "seat" and z.organ is None:
                    organ = self.lex.organs.table.get(tuple(m.key.split(" ")[-1:]))
                    if organ:
                        z.organ, z.organ_text = organ, m.key
                z.countries.insert(0, x.actor_id)
                break
            return
        for code in self._codes(m):
            if code not in z.countries:
                z.countries.insert(0, code)

    def _codes(self, m: Match) -> list[str]:
        if m.kind == "demonym":
            return list(m.ids)
        if m.kind in ("state", "generic"):
            return list(m.ids[:1])
        if m.kind == "organization":
            a = self.kb.get(m.ids[0])
            return [a.country or a.id]
        return []

    def _right(self, z: Zone, sent_of: list[int]) -> None:
        """Extend a title to the right over its complements: "of", "for", "to" ... followed by a
        state, an organisation, an organ or a role ("Minister of Foreign Affairs of Armenia",
        "ambassador to Russia", "the press service of the President")."""
        doc = self.doc
        k = z.end
        n = len(doc)
        ambassador = any(o in ("ambassador", "envoy") for o in z.role.offices)
        while k < n and sent_of[k] == z.sentence and doc[k].lower_ in _LINKS:
            link = doc[k].lower_
            j = k + 1
            while j < n and (doc[j].lower_ in ("the", "a", "an") or doc[j].lower_ in (
                    "unrecognized", "unrecognised", "self-proclaimed", "breakaway", "so-called")):
                j += 1
            if j >= n:
                return
            m = self.match_start.get(j)
            if m is None:  # a name that begins with its article ("the Kremlin")
                back = j - 1
                while back > k and doc[back].lower_ in ("the", "a", "an"):
                    if back in self.match_start:
                        m = self.match_start[back]
                    back -= 1
            if m is not None and m.kind == "demonym" and link in ("of", "for", "in"):
                end = self._demonym_organ(z, m)
            else:
                end = self._complement(z, m, j, link, ambassador)
            if end is None:
                return
            z.end = k = end

    def _demonym_organ(self, z: Zone, m: Match) -> int | None:
        """"of the Kenyan and Ugandan Foreign Ministries": the organ of the states whose
        demonyms precede it; the title's new end, or None where no organ follows."""
        doc = self.doc
        n = len(doc)
        codes = list(m.ids)
        taken = [m]
        e = m.end
        while e + 1 < n and doc[e].lower_ in ("and", ",") and (e + 1) in self.match_start and \
                self.match_start[e + 1].kind == "demonym":
            taken.append(self.match_start[e + 1])
            codes.extend(self.match_start[e + 1].ids)
            e = self.match_start[e + 1].end
        if e not in self.organs:
            return None
        oe, spec = self.organs[e]
        z.organ, z.organ_text = spec, doc[e:oe].text
        z.consumed.extend(taken)
        for c in codes:
            if c not in z.countries:
                z.countries.append(c)
        return oe

    def _complement(self, z: Zone, m: Match | None, j: int, link: str, ambassador: bool) -> int | None:
        """One complement after ``link``: a state or body (its country, or an ambassador's host;
        coordinated states with it), an organ, or a role naming an organ; the title's new end, or
        None where the words after ``link`` are none of these."""
        doc = self.doc
        n = len(doc)
        if m is not None and m.kind in ("state", "organization", "metonym", "generic"):
            if qualifies_next_noun(doc, m.end):
                return None  # "the head of the UK counter-terror police": the police's head, not the UK's
            codes = self._codes(m) if m.kind != "metonym" else [x.actor_id for x in self.kb.metonyms.get(m.key, [])][:1]
            if link == "to" and ambassador or (link in ("at", "in", "with") and ambassador):
                z.host = z.host or (codes[0] if codes else None)
            elif link in ("of", "for"):
                for c in codes:
                    if c not in z.countries:
                        z.countries.append(c)
            else:
                return None
            z.consumed.append(m)
            k = m.end
            # coordinated: "of Azerbaijan and Armenia"
            while m.kind == "state" and k + 1 < n and doc[k].lower_ in ("and", ",") and \
                    (k + 1) in self.match_start and self.match_start[k + 1].kind == "state" and link == "of" \
                    and (doc[k].lower_ == "and" or (k + 2 < n and z.plural)):
                m2 = self.match_start[k + 1]
                z.consumed.append(m2)
                for c in self._codes(m2):
                    if c not in z.countries:
                        z.countries.append(c)
                k = m2.end
            return k
        if j in self.organs:
            e, spec = self.organs[j]
            if link in ("of", "for", "to", "at", "in"):
                z.organ = spec
                z.organ_text = doc[j:e].text
                return e
        elif j in self.roles and link == "of":  # "the press service of the President"
            e, role = self.roles[j]
            organ = self.lex.organs.table.get(tuple(role.phrase.split()))
            if organ:
                z.organ, z.organ_text = organ, doc[j:e].text
                return e
        return None
