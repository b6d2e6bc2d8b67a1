"""What every step of the actor linker shares for one document: the candidates found so far
(``Cand``, in token offsets), the tokens they take, the actors met, the date window offices are
read in, and the questions all steps ask (an actor's role then, a country's code, whether a
word is a place after "in", the antecedent of a pronoun).

The steps live in their own modules, each a mixin over ``LinkerBase``, combined by
``link.Linker``: ``people`` (person spans and names), ``collectives`` (groups, states, bodies,
collectives), ``antecedents`` (titles without a name, territories, pronouns).

An antecedent (``LinkerBase._antecedent``) is found by a cascade, first match wins:

1. a person's mention earlier in the same sentence, a subject first;
2. the subject of the nearest earlier sentence that has a fitting one;
3. the nearest fitting mention before.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..model import Actor, Document, Role
from ..parse import text_of, token_bounds
from . import names as N
from .author import author_cues
from .lexicon import RoleLexicon, role_lexicon
from .phrases import PhraseFinder, Words
from .ruler import MATCHES, ActorRuler, Match

_SEPARATORS = {",", "and", "&", "the", "-", "–", "—", ":", "as", "well"}


_SUBJECT_DEPS = ("nsubj", "nsubjpass", "agent")


_PERSONISH = ("name", "partial_name", "role", "pronoun")


@dataclass
class Cand:
    """A mention in the making (token offsets)."""

    start: int
    end: int
    kind: str
    actor_id: str | None = None
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    refs: list[str] = field(default_factory=list)
    confidence: float = 1.0
    antecedent: int | None = None  # index into Linker.cands
    offices: tuple[str, ...] = ()  # the offices the text gives this person here
    female: bool | None = None
    plural: bool = False
    family: str | None = None  # for collectives: parties, states, members, titles


class LinkerBase:
    """The state of linking one document, shared by the steps."""

    def __init__(self, doc: Document, ctx: Any):
        self.doc = doc
        self.kb = ctx.kb
        self.lex: RoleLexicon = role_lexicon(ctx)
        self.sdoc = doc.spacy
        sdoc = self.sdoc
        ruler = _ruler(ctx)
        matches = sdoc.user_data.get(MATCHES)
        if matches is None:
            matches = ruler.find(sdoc)
        self.matches: list[Match] = matches
        words, owner = ruler.words_of(sdoc)
        self.words = Words(words, owner, len(sdoc))
        self.sent_of: list[int] = [0] * len(sdoc)
        self.sent_start: list[int] = []
        for i, sent in enumerate(sdoc.sents):
            self.sent_start.append(sent.start)
            for t in range(sent.start, sent.end):
                self.sent_of[t] = i
        self.quoted = self._quoted()
        self.finder = PhraseFinder(sdoc, self.words, matches, self.lex, self.kb)
        self.cands: list[Cand] = []
        self.taken: dict[int, int] = {}  # token -> cand index
        self.date: str | None = doc.date
        self.window: tuple[str, str] | None = (doc.date, doc.date) if doc.date else None
        self.learned: dict[str, Actor] = {}
        self.doc_actors: dict[str, Actor] = {}
        self.surnames: dict[str, str] = {}  # surname key -> actor id, for this document
        self.reserved: set[int] = set()  # tokens of titles resolved later, kept from other mentions
        self.zone_cand: dict[int, int] = {}  # id(zone) -> cand of its plural title
        self.author: str | None = None  # who "I" is in a statement printed as written (author.py)
        self.author_cues = author_cues(ctx)

    def _quoted(self) -> set[int]:
        """Tokens inside quotation marks (a pronoun outside a quote does not point into it)."""
        inside: set[int] = set()
        open_at: int | None = None
        text = text_of(self.sdoc)
        for i, (start, end) in enumerate(zip(*token_bounds(self.sdoc), strict=True)):
            t = text[start:end]  # the token's text (whitespace after a token is a space at most)
            if t in ("“", "«", "„") or (t == '"' and open_at is None):
                open_at = i
            elif t in ("”", "»") or (t == '"' and open_at is not None):
                if open_at is not None:
                    inside.update(range(open_at, i + 1))
                open_at = None
            if "\n" in t:
                if open_at is not None:  # a quote runs to the paragraph's end
                    inside.update(range(open_at, i + 1))
                open_at = None
        return inside

    def _free(self, start: int, end: int) -> bool:
        return all(t not in self.taken and t not in self.reserved for t in range(start, end))

    def _add(self, c: Cand) -> int:
        idx = len(self.cands)
        self.cands.append(c)
        for t in range(c.start, c.end):
            self.taken.setdefault(t, idx)
        if c.actor_id:
            self._remember(c.actor_id)
        return idx

    def _remember(self, actor_id: str) -> None:
        if actor_id in self.doc_actors:
            return
        a = self.learned.get(actor_id)
        if a is None:
            try:
                a = self.kb.get(actor_id)
            except Exception:  # noqa: BLE001 - an id made in this document only
                return
        self.doc_actors[actor_id] = a

    def _text(self, start: int, end: int) -> str:
        return self.sdoc[start:end].text

    def _role_on(self, a: Actor, offices: tuple[str, ...] = ()) -> Role | None:
        """The actor's role on the document date (or in the window the text allows), preferring
        one of ``offices``."""
        held = [r for r in a.roles if (r.start or r.end) and self._in_window(r)]
        if offices:
            pick = [r for r in held if r.office in offices]
            if pick:
                return pick[-1]
        with_office = [r for r in held if r.office]
        return (with_office or held or [None])[-1]

    def _in_window(self, r: Role) -> bool:
        if self.window is None:
            return True
        lo, hi = self.window
        return r.holds_on(lo) or r.holds_on(hi) or (
            (r.start or "0000") <= hi and lo <= (r.end or "9999"))

    def _offices_of(self, c: Cand) -> set[str]:
        """Offices a person mention holds here: from its title, else the knowledge base."""
        if c.offices:
            return set(c.offices)
        if not c.actor_id:
            return set()
        a = self.doc_actors.get(c.actor_id)
        if a is None or a.kind != "person":
            return set()
        return {r.office for r in a.roles if r.office and self._in_window(r) and (r.start or r.end)}

    def _is_female(self, a: Actor | None, text: str) -> bool | None:
        """True for a woman's name, False for a man's, None when the name does not say."""
        name = a.name if a is not None else text
        if N.is_female_name(name, self.lex.female_given, self.lex.female_endings):
            return True
        words = N.name_words(name)
        return False if words and words[0] in self.lex.male_given else None

    def _get(self, aid: str) -> Actor:
        return self.learned.get(aid) or self.kb.get(aid)

    def _country(self, aid: str) -> str:
        try:
            return self.kb.get(aid).country or aid
        except Exception:  # noqa: BLE001
            return aid

    def _kind(self, aid: str) -> str | None:
        a = self.learned.get(aid) or self.doc_actors.get(aid)
        return a.kind if a is not None else self.kb.kind_of(aid)

    def _is_person(self, c: Cand) -> bool:
        if c.kind in ("role", "pronoun"):
            return c.actor_id is None or self._kind(c.actor_id) == "person"
        return c.actor_id is not None and self._kind(c.actor_id) == "person"

    def _locative(self, start: int) -> bool:
        doc = self.sdoc
        j = start - 1
        while j >= 0 and doc[j].lower_ in ("the", "capital", "of", "city") and j > start - 4:
            if doc[j].lower_ == "capital" or (doc[j].lower_ == "of" and j > 0 and doc[j - 1].lower_ == "capital"):
                return True
            j -= 1
        if j >= 0 and doc[j].lower_ in self.lex.locative:
            # "in Baku insist ...", "... explained in the Kremlin": the capital speaks
            after = self.finder.match_at.get(start)
            nxt = doc[after.end] if after is not None and after.end < len(doc) else None
            if nxt is not None and nxt.tag_ in ("VBP", "VBZ", "VBD") and nxt.lemma_ in self.lex.speech_verbs:
                return False
            said_in = j > 0 and doc[j].lower_ == "in" and doc[j - 1].tag_ in ("VBD", "VBZ", "VBP") \
                and doc[j - 1].lemma_ in self.lex.speech_verbs
            return not said_in
        # a dateline: "BAKU, July 27", "Azerbaijan, Baku, May 12"
        sent_start = self.sent_start[self.sent_of[start]]
        if start - sent_start <= 2 and start + 1 < len(doc) and doc[start + 1].text in (",", "(", "/"):
            return any(t.ent_type_ == "DATE" or t.like_num for t in doc[start + 1:start + 6])
        return False

    def _subjectish(self, c: Cand) -> bool:
        for tok in self.sdoc[c.start:c.end]:
            head = tok
            hops = 0
            while head.dep_ in ("compound", "flat", "appos", "amod", "det", "poss") and head.head.i != head.i \
                    and hops < 4:
                head = head.head
                hops += 1
            if head.dep_ in _SUBJECT_DEPS:
                return True
        return False

    def _antecedent(self, i: int, singular: bool, before: int, gender: str | None = None) -> int | None:
        """The speaker or actor of the previous clause: in this sentence before the pronoun, else
        the subject of the nearest earlier sentence that has one, else the nearest mention."""
        sent = self.sent_of[i]
        in_quote = i in self.quoted
        best: tuple[tuple, int] | None = None
        for idx, c in enumerate(self.cands):
            if c.start >= before:
                continue
            dist = sent - self.sent_of[c.start]
            if dist < 0 or dist > 3:
                continue
            if singular:
                if c.kind not in _PERSONISH or c.plural or not self._is_person(c):
                    continue
            elif not (c.plural or c.kind == "collective"):
                continue
            if c.start in self.quoted and not (in_quote and dist == 0):
                continue
            if gender == "male" and c.female:
                continue
            if gender == "female" and c.female is False:
                continue
            if c.kind == "role" and c.antecedent is not None and self.cands[c.antecedent].start < c.start and \
                    self.cands[c.antecedent].actor_id == c.actor_id and c.actor_id:
                # a title linked to a name beside it: take the name
                continue
            key = (gender == "female" and bool(c.female), -dist, self._subjectish(c), c.start)
            if best is None or key > best[0]:
                best = (key, idx)
        return best[1] if best else None


def _ruler(ctx: Any) -> ActorRuler:
    nlp = ctx.nlp
    if "storyline_actor_ruler" in nlp.pipe_names:
        return nlp.get_pipe("storyline_actor_ruler")
    r = getattr(ctx, "_actor_ruler", None)
    if r is None:
        r = ActorRuler(nlp)
        r.set_kb(ctx.kb)
        ctx._actor_ruler = r
    return r
