"""Linking one document's mentions to actors.

Order of work, each step using what the earlier ones settled:

1. role phrases (``phrases.Zone``): titles with their countries, organs and complements;
2. names of people: knowledge-base matches, the model's PERSON entities, and unknown capitalised
   names right after a title ("... Nagorno-Karabakh Republic Senor Hasratyan"); each takes the
   title beside it, is linked to the knowledge-base person that fits the name, the title's office
   and country, and the date, or, if none, becomes a person learned from the text (stored, and
   known to later ingests, never to other documents of the same run: results do not depend on
   the order documents meet in a worker);
3. groups ("Armenian armed forces", "the armed forces of Azerbaijan"), states, bodies, capitals
   and seats of government (as actors, or as places after "in", "to", "from" ...);
4. in text order: titles without a name ("the president", "his Azerbaijani counterpart"),
   collectives ("the sides") and pronouns, each resolved against what came before it.

The date used for "who held the office" is the document's date; without one, the terms of the
offices the text itself names ("President Dmitry Medvedev") narrow the possible years.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..model import Actor, Document, Mention, Role
from ..parse import text_of, token_bounds, token_table
from . import names as N
from .lexicon import RoleLexicon, role_lexicon
from .phrases import PhraseFinder, Words, Zone
from .ruler import MATCHES, ActorRuler, Match

_QUOTES_OPEN = "“«„\""
_QUOTES_CLOSE = "”»\""
_SEPARATORS = {",", "and", "&", "the", "-", "–", "—", ":", "as", "well"}
_SUBJECT_DEPS = ("nsubj", "nsubjpass", "agent")
_PERSONISH = ("name", "partial_name", "role", "pronoun")
_PLACE_NOUNS = {"conflict", "region", "settlement", "zone", "border", "borders", "area", "issue", "problem",
                "war", "crisis", "territory", "territories", "peace", "talks", "dispute", "process", "capital",
                "city", "province", "district", "districts", "airport", "soil", "skies", "meeting", "meetings",
                "summit", "visit", "negotiations", "conference", "format", "agreement", "agreements", "accords",
                "declaration", "statement", "platform", "round"}


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


class Linker:
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

    # ------------------------------------------------------------------ helpers

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

    # ------------------------------------------------------------------ main

    def run(self) -> None:
        zones = self.finder.zones(self.sent_of)
        person_spans = self._person_spans(zones)
        self._attach_titles(person_spans, zones)
        self._link_people(person_spans)
        attached = {id(z) for _, _, z, _ in person_spans if z is not None}
        standalone = [z for z in zones if id(z) not in attached and self._free(z.head_start, z.head_end)]
        self.reserved = {t for z in standalone for t in range(z.start, z.end)}
        self._groups()
        self._places_and_bodies(zones)
        self._organisations()
        self.reserved = set()
        self._in_order(standalone)
        self._emit()

    # ------------------------------------------------------------------ people

    def _person_spans(self, zones: list[Zone]) -> list[list]:
        """Spans that name people: [start, end, zone-or-None, Match-or-None]."""
        spans: dict[int, list] = {}
        consumed = {id(m) for z in zones for m in z.consumed}
        for m in self.matches:
            if m.kind in ("person", "surname") and id(m) not in consumed:
                spans[m.start] = [m.start, m.end, None, m]
        covered = {t for s in spans.values() for t in range(s[0], s[1])}
        zone_tokens = {t for z in zones for t in range(z.head_start, z.head_end)}
        match_tokens = {t for m in self.matches for t in range(m.start, m.end)}
        for ent in self.sdoc.ents:
            if ent.label_ not in ("PERSON", "ORG", "GPE", "NORP"):
                continue
            s, e = ent.start, ent.end
            while s < e and (self.sdoc[s].lower_ in ("the", "a", "an") or not self.sdoc[s].text[:1].isupper()):
                s += 1
            while e > s and self.sdoc[e - 1].text in ("'s", "’s", "'", "’", "-", ","):
                e -= 1
            if e - s >= 2 and self.lex.honorifics.table.get(tuple(N.name_words(self.sdoc[s].text))):
                s += 1  # "Mrs Quinn": the name without its honorific
            if e <= s or any(t in covered or t in match_tokens for t in range(s, e)):
                continue
            if ent.label_ != "PERSON":
                continue  # a surname the model calls ORG or GPE is found below, by the document's full names
            if any(t in zone_tokens for t in range(s, e)):
                continue
            if not self._namelike(s, e):
                continue
            if e - s == 1 and N.name_key(self.sdoc[s].text) not in self.kb.surnames:
                continue  # a lone unknown word: kept only if the document names its person in full
            spans[s] = [s, e, None, None]
            covered.update(range(s, e))
        # unknown names right after a title: "... Republic Senor Hasratyan has accused"
        for z in zones:
            k = z.end
            if k < len(self.sdoc) and self.sdoc[k].text == "," and z.role.offices:
                k += 1
            if k in spans or k in covered:
                continue
            e = k
            while e < len(self.sdoc) and e - k < 4 and self._name_token(e) and e not in match_tokens:
                e += 1
            if e > k and self._namelike(k, e):
                spans[k] = [k, e, None, None]
                covered.update(range(k, e))
        # a surname alone, where the document names its person in full ("Hasratyan said")
        full_last = {N.name_key(self.sdoc[sp[1] - 1].text) for sp in spans.values() if sp[1] - sp[0] >= 2}
        text = text_of(self.sdoc)
        for i, (start, end) in enumerate(zip(*token_bounds(self.sdoc), strict=True)):
            if i in covered or i in match_tokens or i in zone_tokens:
                continue
            word = text[start:end]
            if word[:1].isupper() and N.name_key(word) in full_last and \
                    not any(i == sp[1] - 1 for sp in spans.values()):
                spans[i] = [i, i + 1, None, None]
                covered.add(i)
        return [spans[k] for k in sorted(spans)]

    def _name_token(self, i: int) -> bool:
        tok = self.sdoc[i]
        return (tok.text[:1].isupper() and tok.tag_ in ("NNP", "NNPS") and tok.is_alpha
                and tok.lower_ not in self.lex.organization_words)

    def _namelike(self, s: int, e: int) -> bool:
        toks = self.sdoc[s:e]
        if any(not t.text[:1].isupper() and t.lower_ not in N.PARTICLES for t in toks):
            return False
        if any(t.lower_ in self.lex.organization_words for t in toks):
            return False
        return not any(t.like_num or t.ent_type_ in ("DATE", "TIME") for t in toks)

    def _attach_titles(self, spans: list[list], zones: list[Zone]) -> None:
        """Give each name the title written beside it: before ("Foreign Minister Sergey Lavrov",
        "Russian Foreign Minister, Sergei Lavrov"), or after a comma ("Lavrov, Russia's foreign
        minister,"); a plural title covers coordinated names ("presidents Aliyev and Sargsyan")."""
        by_end: dict[int, Zone] = {}
        by_start: dict[int, Zone] = {}
        for z in zones:
            by_end[z.end] = z
            by_start[z.start] = z
        for sp in spans:
            s, e = sp[0], sp[1]
            z = by_end.get(s)
            if z is None and s > 0 and self.sdoc[s - 1].text == "," and s - 1 in by_end:
                z = by_end[s - 1]
            if z is None and e < len(self.sdoc) and self.sdoc[e].text == "," and e + 1 in by_start:
                cand = by_start[e + 1]
                if not cand.plural and cand.determiner in (None, "the") and not cand.role.anonymous:
                    z = cand
            if z is not None and z.role.organ:
                z = None
            sp[2] = z
        for i in range(len(spans) - 1):
            a, b = spans[i], spans[i + 1]
            z = a[2]
            if z is not None and z.plural and b[2] is None and b[0] - a[1] <= 2 and \
                    all(t.lower_ in ("and", ",") for t in self.sdoc[a[1]:b[0]]):
                b[2] = z

    def _zone_offices(self, z: Zone | None) -> tuple[str, ...]:
        if z is None or z.role.anonymous or z.former:
            return ()
        offices = z.role.offices
        if not z.countries and z.role.phrase in self.lex.generic_heads:
            return ()  # "Tory leader", "party chief": the head of something that is not a state
        if z.organ and z.organ.get("spokesperson") and any(o.endswith("spokesperson") for o in offices):
            return (z.organ["spokesperson"],)
        if z.deputy:
            deputies = tuple(o for o in (f"deputy_{x}" for x in offices) if o in self.lex.offices)
            return deputies
        return offices

    def _zone_sector(self, z: Zone | None, offices: tuple[str, ...]) -> str | None:
        if z is None:
            return None
        if z.organ and z.organ.get("sector") and not any(o.startswith("head_of") for o in offices):
            return z.organ["sector"]
        if z.role.sector:
            return z.role.sector
        sectors = {self.lex.office_sector(o) for o in offices} - {None}
        return sectors.pop() if len(sectors) == 1 else ("GOV" if offices else None)

    def _candidates(self, sp: list) -> list[str]:
        s, e, _z, m = sp
        if m is not None:
            return [i for i in m.ids if self.kb.kind_of(i) == "person" or i in self.learned]
        text = self._text(s, e)
        key = N.name_key(text)
        if e - s == 1 and key in self.surnames:
            return [self.surnames[key]]
        ids = [i for i in self.kb.lookup(text) if self.kb.kind_of(i) == "person"]
        return ids

    def _score(self, a: Actor, offices: tuple[str, ...], countries: list[str]) -> tuple:
        dated = [r for r in a.roles if r.start or r.end]
        s = 0.0
        if self.window and any(self._in_window(r) for r in dated):
            s += 3
        if offices:
            if any(r.office in offices and self._in_window(r) for r in a.roles):
                s += 4
            elif any(r.office in offices for r in a.roles):
                s += 1
        if countries and (a.country in countries or any(r.country in countries for r in a.roles)):
            s += 2
        if a.source == "curated":
            s += 1
        latest = max((r.start or "" for r in dated), default="")
        return (s, latest)

    def _link_people(self, spans: list[list]) -> None:
        full = [sp for sp in spans if sp[1] - sp[0] >= 2 or (sp[3] is not None and sp[3].kind == "person")]
        partial = [sp for sp in spans if sp not in full]
        # full names first: they settle the window of years and the document's surnames
        for sp in full:
            self._link_person(sp)
        self._narrow_window()
        for sp in partial:
            self._link_person(sp)

    def _link_person(self, sp: list) -> None:
        s, e, z, m = sp
        if not self._free(s, e):
            return
        offices = self._zone_offices(z)
        countries = list(z.countries) if z is not None else []
        ids = self._candidates(sp)
        text = self._text(s, e)
        if e - s == 1 and m is None and z is None and N.name_key(text) not in self.surnames:
            # a lone word the knowledge base has as a surname: only a prominent (curated) person,
            # and never a common given name ("Michael")
            if N.name_key(text) in self.lex.male_given or N.name_key(text) in self.lex.female_given:
                return
            ids = [i for i in ids if self._get(i).source == "curated"]
            if not ids:
                return
        actor: Actor | None = None
        conf = 1.0
        if ids:
            scored = sorted(((self._score(self._get(i), offices, countries), i) for i in ids), reverse=True)
            actor = self._get(scored[0][1])
            if len(ids) > 1:
                conf = 0.9 if scored[0][0] > scored[1][0] else 0.6
        elif z is not None and (offices or z.organ) and countries and e - s >= 2:
            actor = self._learn(text, z, offices)
            conf = 0.8
        elif e - s >= 2:
            actor = self._unknown_person(text)
            conf = 0.7
        kind = "name" if e - s >= 2 or (m is not None and m.kind == "person") else "partial_name"
        country = sector = None
        role_text = self._text(z.start, z.end) if z is not None else None
        if actor is not None:
            r = self._role_on(actor, offices)
            country = (r.country if r else None) or actor.country or (countries[0] if countries else None)
            sector = (r.sector if r else None) or actor.sector
            for key in [N.name_key(actor.name), *(N.name_key(x) for x in actor.aliases)]:
                for sur in N.surname_words(key.split(" ")):
                    self.surnames.setdefault(sur, actor.id)
            self.surnames.setdefault(N.name_key(text), actor.id)
        else:
            country = countries[0] if countries else None
            sector = self._zone_sector(z, offices)
        c = Cand(s, e, kind, actor.id if actor else None, country, sector, role=role_text, confidence=conf,
                 offices=offices, female=self._is_female(actor, text))
        if z is not None and z.role.counterpart:
            c.offices = ()
        idx = self._add(c)
        if z is not None and z.plural and id(z) in self.zone_cand:
            coll = self.cands[self.zone_cand[id(z)]]  # "presidents Aliyev and Sargsyan"
            if c.actor_id and c.actor_id not in coll.refs:
                coll.refs.append(c.actor_id)
        elif z is not None and z.plural and self._free(z.start, z.end):
            self.zone_cand[id(z)] = self._add(Cand(z.start, z.end, "collective", None, None, sector, role=role_text,
                                                   refs=[c.actor_id] if c.actor_id else [], confidence=conf,
                                                   offices=offices, plural=True, family="titles"))
        elif z is not None and self._free(z.start, z.end):
            self._add(Cand(z.start, z.end, "role", c.actor_id, country, sector, role=role_text,
                           confidence=conf, antecedent=idx, offices=offices, female=c.female, plural=z.plural))
            if z.role.counterpart and z.possessor is not None:
                self._counterpart_offices(z, idx)

    def _counterpart_offices(self, z: Zone, idx: int) -> None:
        """"his Armenian counterpart Zohrab Mnatsakanyan": the name holds the possessor's office."""
        ante = self._antecedent(z.possessor, singular=True, before=z.start)
        if ante is not None:
            offs = self._offices_of(self.cands[ante])
            if offs:
                self.cands[idx].offices = tuple(sorted(offs))

    def _get(self, aid: str) -> Actor:
        return self.learned.get(aid) or self.kb.get(aid)

    def _narrow_window(self) -> None:
        """Without a document date, the terms of the offices the text names ("President Dmitry
        Medvedev") bound the years its other names and titles are resolved for."""
        if self.doc.date:
            return
        lo, hi = "0000", "9999"
        found = False
        for c in self.cands:
            if c.kind != "name" or not c.offices or not c.actor_id:
                continue
            a = self.doc_actors.get(c.actor_id)
            terms = [r for r in (a.roles if a else []) if r.office in c.offices and (r.start or r.end)]
            if len(terms) != 1:
                continue
            r = terms[0]
            lo = max(lo, r.start or "0000")
            hi = min(hi, r.end or "9999")
            found = True
        if found and lo <= hi:
            self.window = (lo, hi)

    def _learn(self, text: str, z: Zone, offices: tuple[str, ...]) -> Actor:
        """A person the knowledge base lacks, introduced with a title: an actor with that role,
        its country and sector, dated by the article."""
        country = z.countries[0]
        sector = self._zone_sector(z, offices) or "GOV"
        title = self._text(z.start, z.end)
        for det in ("the ", "a ", "an ", "The ", "A ", "An "):
            if title.startswith(det):
                title = title[len(det):]
        office = offices[0] if len(offices) == 1 else None
        date = self.doc.date
        role = Role(country=country, sector=sector, title=title, office=office, start=date, end=date,
                    source=f"learned:{self.doc.id}")
        a = Actor(id=N.slug(text), name=text, kind="person", country=country, sector=sector, roles=[role],
                  source=f"learned:{self.doc.id}")
        # kept to this document: the store keeps the person and every later ingest knows it, but a
        # document never depends on which others its process happened to see first in this run
        # (that would make --workers 2 store something else than --workers 1)
        self.learned[a.id] = a
        return a

    def _unknown_person(self, text: str) -> Actor:
        """A person named in full whom nothing identifies further: kept for this document only."""
        aid = f"text:{N.slug(text)}"
        a = self.learned.get(aid) or Actor(id=aid, name=text, kind="person", source=f"text:{self.doc.id}")
        self.learned[aid] = a
        self.doc_actors[aid] = a
        return a

    # ------------------------------------------------------------------ groups and places

    def _groups(self) -> None:
        """Demonym phrases ("Armenian armed forces" -> ARM MIL, "the Russian side" -> RUS) and
        state phrases ("the armed forces of Azerbaijan", "Azerbaijan's army")."""
        doc = self.sdoc
        sectors = self.finder._scan(self.lex.sectors)
        ms = self.finder.match_start
        for m in self.matches:
            if m.kind != "demonym" or not self._free(m.start, m.end):
                continue
            group = [m]
            j = m.end
            while j + 1 < len(doc) and doc[j].lower_ in ("and", ",") and (j + 1) in ms and ms[j + 1].kind == "demonym":
                group.append(ms[j + 1])
                j = ms[j + 1].end
            sector: str | None = None
            end = group[-1].end
            k = j
            if k < len(doc) and k in sectors:
                e, value = sectors[k]
                sector, end = (None if value == "-" else value), e
            elif k in ms and ms[k].kind == "generic":  # "the Russian Security Council"
                sector, end = "GOV", ms[k].end
            elif k + 1 < len(doc) and doc[k].pos_ == "ADJ" and (k + 1) in sectors and doc[k].lower_ != "other":
                e, value = sectors[k + 1]
                sector, end = (None if value == "-" else value), e
            if len(group) >= 2 and sector is not None or (len(group) >= 2 and end > group[-1].end):
                if self._free(group[0].start, end):
                    refs = [self.kb.sector_actor(g.ids[0], sector).id if sector else g.ids[0] for g in group]
                    for g, r in zip(group, refs, strict=True):
                        if sector:
                            self.doc_actors[r] = self.kb.sector_actor(g.ids[0], sector)
                        else:
                            self._remember(r)
                    self._add(Cand(group[0].start, end, "collective", None, None, sector, refs=refs,
                                   confidence=0.9, plural=True, family="titles"))
                continue
            for i, g in enumerate(group):
                code = g.ids[0]
                last = i == len(group) - 1
                span_end = end if last else g.end
                if not self._free(g.start, span_end):
                    continue
                matched = sector is not None or (last and end > g.end)
                aid = self.kb.sector_actor(code, sector).id if sector else code
                if sector:
                    self.doc_actors[aid] = self.kb.sector_actor(code, sector)
                self._add(Cand(g.start, span_end, "demonym", aid, code, sector,
                               plural=matched and doc[span_end - 1].tag_ in ("NNS", "NNPS"),
                               confidence=0.9 if matched else 0.7))
        # "the armed forces of Azerbaijan", "Azerbaijan's army"
        for s, (e, value) in sorted(sectors.items()):
            if value == "-" or not self._free(s, e):
                continue
            j = e
            if j < len(doc) and doc[j].lower_ == "of":
                j += 1
                while j < len(doc) and doc[j].lower_ in ("the", "unrecognized", "unrecognised", "self-proclaimed",
                                                          "breakaway"):
                    j += 1
                m = ms.get(j)
                if m is not None and m.kind == "state" and self._free(m.start, m.end):
                    start = s - 1 if s > 0 and doc[s - 1].lower_ == "the" else s
                    self._group_cand(start, m.end, m.ids[0], value)
                    continue
            if s >= 2 and doc[s - 1].text in ("'s", "’s") and (s - 1) in self.finder.match_end:
                m = self.finder.match_end[s - 1]
                if m.kind == "state" and self._free(m.start, e):
                    self._group_cand(m.start, e, m.ids[0], value)
        self._definite_groups(sectors)

    def _definite_groups(self, sectors: dict[int, tuple[int, Any]]) -> None:
        """"the Parliament", "the army" with no state: the group of that sector named last, within
        a few sentences ("the Parliament of Iraq voted ... disappointed by the Parliament's
        decision"). Without one it is left to the later steps."""
        doc = self.sdoc
        for s, (e, value) in sorted(sectors.items()):
            if value == "-" or s == 0 or doc[s - 1].lower_ != "the" or not self._free(s - 1, e):
                continue
            if e < len(doc) and doc[e].lower_ in ("of", "for", "in"):
                continue
            sent = self.sent_of[s]
            before = [c for c in self.cands if c.kind in ("group", "demonym") and c.sector == value and c.actor_id
                      and c.start < s and 0 <= sent - self.sent_of[c.start] <= self.lex.definite_group_lookback]
            if before:
                last = max(before, key=lambda c: c.start)
                self._add(Cand(s - 1, e, "group", last.actor_id, last.country, value, confidence=0.7,
                               antecedent=self.cands.index(last), plural=doc[e - 1].tag_ in ("NNS", "NNPS")))

    def _group_cand(self, start: int, end: int, code: str, sector: str) -> None:
        a = self.kb.sector_actor(code, sector)
        self.doc_actors[a.id] = a
        self._add(Cand(start, end, "group", a.id, code, sector, confidence=0.9,
                       plural=self.sdoc[end - 1].tag_ in ("NNS", "NNPS")))

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

    def _places_and_bodies(self, zones: list[Zone]) -> None:
        consumed = {id(m) for z in zones for m in z.consumed}
        doc = self.sdoc
        for m in self.matches:
            if id(m) in consumed or not self._free(m.start, m.end):
                continue
            nxt = doc[m.end].lower_ if m.end < len(doc) else ""
            if m.kind == "state":
                code = m.ids[0]
                place = self._locative(m.start) or nxt in _PLACE_NOUNS
                self._add(Cand(m.start, m.end, "place" if place else "name", code, code, None,
                               confidence=1.0 if len(m.ids) == 1 else 0.8))
            elif m.kind in ("organization", "generic"):
                a = self.kb.get(m.ids[0])
                self._add(Cand(m.start, m.end, "organization", a.id, a.country or a.id, a.sector))
            elif m.kind == "metonym":
                ms = self.kb.metonyms.get(m.key, [])
                if not ms:
                    continue
                if self._locative(m.start) or nxt in _PLACE_NOUNS:
                    cap = next((x for x in ms if x.kind == "capital"), ms[0])
                    self._add(Cand(m.start, m.end, "place", cap.actor_id, self._country(cap.actor_id), None))
                else:
                    x = ms[0]
                    start = m.start - 1 if x.kind == "seat" and m.start > 0 and doc[m.start - 1].lower_ == "the" \
                        and self._free(m.start - 1, m.start) else m.start
                    self._add(Cand(start, m.end, "metonym", x.actor_id, self._country(x.actor_id), x.sector,
                                   confidence=0.9))

    def _country(self, aid: str) -> str:
        try:
            return self.kb.get(aid).country or aid
        except Exception:  # noqa: BLE001
            return aid

    def _organisations(self) -> None:
        """The model's ORG entities the knowledge base does not know ("Reuters", "Interfax"):
        mentions without an actor, so quotes and events can still name them."""
        for ent in self.sdoc.ents:
            if ent.label_ != "ORG":
                continue
            s, e = ent.start, ent.end
            while s < e and self.sdoc[s].lower_ in ("the", "a", "an"):
                s += 1
            if e <= s or not self._free(s, e) or not self.sdoc[s].text[:1].isupper():
                continue
            ids = [i for i in self.kb.lookup(self._text(s, e)) if self.kb.kind_of(i) == "organization"]
            if ids:
                a = self.kb.get(ids[0])
                self._add(Cand(s, e, "organization", a.id, a.country, a.sector, confidence=0.8))
            else:
                self._add(Cand(s, e, "organization", None, None, None, confidence=0.5))

    # ------------------------------------------------------------------ in text order

    def _in_order(self, zones: list[Zone]) -> None:
        items: list[tuple[int, str, Any]] = [(z.start, "zone", z) for z in zones]
        coll = self.finder._scan(self.lex.collectives)
        for s, (e, kind) in coll.items():
            items.append((s, "collective", (s, e, kind)))
        table = token_table(self.sdoc)
        for i, (lower, tag) in enumerate(zip(table.lower, table.tag, strict=True)):
            if lower in self.lex.pronouns and tag in ("PRP", "PRP$"):
                items.append((i, "pronoun", i))
        for s, e in self._territory_descriptions():
            items.append((s, "territory", (s, e)))
        for _, what, x in sorted(items, key=lambda t: t[0]):
            if what == "zone":
                self._role_reference(x)
            elif what == "collective":
                self._collective(*x)
            elif what == "territory":
                self._territory_reference(*x)
            else:
                self._pronoun(x)

    # ------------------------------------------------------------------ territories

    def _territory_descriptions(self) -> list[tuple[int, int]]:
        """Spans of "the [modifiers] region" with no name of their own (token offsets)."""
        doc = self.sdoc
        lex = self.lex
        out = []
        table = token_table(doc)
        for i, (lower, tag) in enumerate(zip(table.lower, table.tag, strict=True)):
            if lower not in lex.territory_heads or tag != "NN":
                continue
            tok = doc[i]
            if tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "of":  # "the region of X" names it
                continue
            j = tok.i - 1
            while j >= 0 and tok.i - j <= 6:
                t = doc[j]
                if t.lower_ == "the":
                    out.append((j, tok.i + 1))
                    break
                hyphen_before = j + 1 < tok.i and doc[j + 1].text in ("-", "–")
                if t.text in ("-", "–") or (t.pos_ in lex.territory_modifiers and t.is_lower) or (
                        t.pos_ == "PROPN" and hyphen_before) or t.text == ",":
                    j -= 1
                    continue
                break
        return out

    def _territory_reference(self, s: int, e: int) -> None:
        """"the autonomous region": the territory named last, if one was named just before."""
        if s in self.taken or (e - 1) in self.taken:
            return
        sent = self.sent_of[s]
        best: Cand | None = None
        for c in self.cands:
            if c.start >= s or not c.actor_id or sent - self.sent_of[c.start] > self.lex.territory_lookback:
                continue
            if self._kind(c.actor_id) not in self.lex.territory_kinds:
                continue
            if best is None or c.start > best.start:
                best = c
        if best is None:
            return
        kind = "place" if self._locative(s) else "name"
        self._add(Cand(s, e, kind, best.actor_id, best.country, best.sector, confidence=0.7,
                       antecedent=self.cands.index(best)))

    def _role_reference(self, z: Zone) -> None:
        if not self._free(z.head_start, z.head_end):
            return
        start = z.start
        while not self._free(start, z.end) and start < z.head_start:
            start += 1
        offices = self._zone_offices(z)
        role_text = self._text(z.start, z.end)
        sector = self._zone_sector(z, offices)
        chained = None
        if z.role.organ and not z.countries:
            chained = Cand(z.start, z.end, "role")
            self._same_title_before(z, chained)
            if chained.country:
                z.countries.append(chained.country)
        if not z.countries and z.organ and z.organ.get("office"):
            # "the press service of the President": the country of the president last named
            ante = self._antecedent_with((z.organ["office"],), z.start)
            if ante is not None and self.cands[ante].country:
                z.countries.append(self.cands[ante].country)
        countries = list(z.countries)
        c = Cand(start, z.end, "role", None, countries[0] if countries else None, sector, role=role_text,
                 confidence=0.7, offices=offices, plural=z.plural, female=z.role.gender == "female" or None,
                 antecedent=chained.antecedent if chained is not None else None)
        if z.role.counterpart:
            self._resolve_counterpart(z, c)
        elif z.plural:
            self._resolve_plural(z, c, offices)
        elif z.role.anonymous:
            self._resolve_anonymous(z, c)
        elif offices and not z.former and not z.role.organ:  # a press service is not its head
            self._resolve_office(z, c, offices)
        self._add(c)

    def _link_to(self, c: Cand, a: Actor, conf: float, antecedent: int | None = None,
                 offices: tuple[str, ...] = ()) -> None:
        c.actor_id = a.id
        r = self._role_on(a, offices)
        c.country = (r.country if r else None) or a.country or c.country
        c.sector = (r.sector if r else None) or a.sector or c.sector
        c.confidence = conf
        c.antecedent = antecedent
        c.female = self._is_female(a, a.name)

    def _resolve_office(self, z: Zone, c: Cand, offices: tuple[str, ...]) -> None:
        if z.indefinite:
            return
        if z.countries:
            country = z.countries[0]
            if "head_of_state" in offices and "head_of_government" in offices and z.role.title is None:
                offices = (self.kb.executive_office(country, self.date or (self.window or (None,))[0]),)
            holders = self._holders(offices, country, z.role.title)
            ante = self._antecedent_with(offices, z.start, country=country)
            if ante is not None and (not holders or self.cands[ante].actor_id in {h.id for h in holders}):
                self._link_to(c, self.doc_actors[self.cands[ante].actor_id], 0.9, ante, offices)
            elif len(holders) == 1 and self.window is not None:
                self._link_to(c, holders[0], 0.8, None, offices)
            return
        ante = self._antecedent_with(offices, z.start)
        if ante is not None:
            aid = self.cands[ante].actor_id
            if aid:
                self._link_to(c, self._get(aid), 0.85, ante, offices)
            else:
                c.antecedent = ante
                c.country = c.country or self.cands[ante].country

    def _holders(self, offices: tuple[str, ...], country: str, title: str | None) -> list[Actor]:
        if self.window is None:
            return []
        out: list[Actor] = []
        for off in offices:
            for date in dict.fromkeys(self.window):
                for a in self.kb.holders(off, country, date, title=title):
                    if a.id not in {x.id for x in out}:
                        out.append(a)
        return out

    def _antecedent_with(self, offices: tuple[str, ...], before: int, country: str | None = None) -> int | None:
        """The earlier person mention (within the last 8 sentences) holding one of ``offices``
        here (its title in this text or its role then): the nearest if it is in this sentence or
        the one before, else the one the article names most."""
        want = set(offices)
        sent = self.sent_of[before]
        found: list[int] = []
        for idx in sorted(range(len(self.cands)), key=lambda k: self.cands[k].start, reverse=True):
            c = self.cands[idx]
            if c.start >= before or c.kind not in _PERSONISH or c.plural or sent - self.sent_of[c.start] > 8:
                continue
            if (before in self.quoted) != (c.start in self.quoted) and c.start in self.quoted:
                continue
            if country and c.country != country:
                continue
            if want & self._offices_of(c):
                found.append(idx)
        if not found:
            return None
        if sent - self.sent_of[self.cands[found[0]].start] <= 1:
            return found[0]
        counts = Counter(c.actor_id for c in self.cands if c.actor_id and c.start < before)
        return max(found, key=lambda k: (counts[self.cands[k].actor_id], -abs(before - self.cands[k].start)))

    def _resolve_counterpart(self, z: Zone, c: Cand) -> None:
        """"his Azerbaijani counterpart": the holder, in the named country, of the office of the
        person "his" points at."""
        ante = self._antecedent(z.possessor if z.possessor is not None else z.start, singular=True, before=z.start)
        if ante is None:
            return
        offices = tuple(sorted(self._offices_of(self.cands[ante])))
        c.offices = offices
        if not offices or not z.countries:
            return
        if z.plural:  # "his Russian and Iranian counterparts": each country's holder of that office
            c.kind, c.family = "collective", "titles"
            c.refs = [self._single_holder(offices, country) or country for country in z.countries]
            for r in c.refs:
                self._remember(r)
            c.country = None if len(set(z.countries)) != 1 else z.countries[0]
            return
        holders = self._holders(offices, z.countries[0], None)
        mentioned = [h for h in holders if h.id in self.doc_actors]
        pick = mentioned or holders
        if len(pick) == 1:
            self._link_to(c, pick[0], 0.85 if mentioned else 0.8, None, offices)

    def _single_holder(self, offices: tuple[str, ...], country: str) -> str | None:
        """The one holder of these offices in the country (one named in the article first)."""
        holders = self._holders(offices, country, None)
        mentioned = [h for h in holders if h.id in self.doc_actors]
        pick = mentioned or holders
        return pick[0].id if len(pick) == 1 else None

    def _resolve_plural(self, z: Zone, c: Cand, offices: tuple[str, ...]) -> None:
        """"the leaders of Azerbaijan and Armenia" -> their holders; "the co-chairs" -> the
        body's member states."""
        if z.role.anonymous:  # "United Kingdom officials": unnamed people of one side
            c.sector = c.sector or "GOV"
            return
        c.kind = "collective"
        c.family = "titles"
        refs: list[str] = []
        bodies = [x for x in z.countries if self.kb.members(x)]
        if "mediator" in offices or bodies:
            body = bodies[0] if bodies else self._recent_body()
            if body:
                c.refs = self.kb.members(body)
                c.country = body
                for r in c.refs:
                    self._remember(r)
                return
        for country in z.countries:
            offs = offices
            if "head_of_state" in offs and "head_of_government" in offs and z.role.title is None:
                offs = (self.kb.executive_office(country, self.date or (self.window or (None,))[0]),)
            holders = self._holders(offs, country, z.role.title) if offs else []
            mentioned = [h for h in holders if h.id in self.doc_actors]
            pick = mentioned or holders
            refs.append(pick[0].id if len(pick) == 1 else country)
        for r in refs:
            self._remember(r)
        c.refs = refs
        c.country = None if len(set(z.countries)) != 1 else z.countries[0]

    def _recent_body(self) -> str | None:
        for c in reversed(self.cands):
            if c.kind == "organization" and c.actor_id and self.kb.members(c.actor_id):
                return c.actor_id
        return None

    def _resolve_anonymous(self, z: Zone, c: Cand) -> None:
        """"a source in the defense Ministry of the NKR" stays unlinked but keeps its country and
        sector; "the official", "the diplomat" point back at the person last described so."""
        if not z.countries:
            code, sector = self._nearby_affiliation(z)
            if code:
                c.country, c.sector = code, sector or c.sector
        if z.determiner == "the" and not z.countries and z.role.offices:
            ante = self._antecedent_with(z.role.offices, z.start)
            if ante is not None and self.cands[ante].actor_id:
                self._link_to(c, self._get(self.cands[ante].actor_id), 0.8, ante)
        if c.actor_id is None and c.antecedent is None and c.country is None:
            self._same_title_before(z, c)
        if c.sector is None and z.role.offices:
            c.sector = "GOV"

    def _same_title_before(self, z: Zone, c: Cand) -> None:
        """"the source" after "a source in ...", "the press service" after "a press-service of the
        Kremlin": the same unnamed speaker as the title before it."""
        if z.determiner != "the" or z.countries:
            return
        head = self.sdoc[z.head_end - 1].lower_
        for idx in sorted(range(len(self.cands)), key=lambda k: self.cands[k].start, reverse=True):
            prev = self.cands[idx]
            if prev.kind == "role" and prev.start < z.start and prev.actor_id is None and \
                    0 <= z.sentence - self.sent_of[prev.start] <= 4 and \
                    any(t.lower_ == head for t in self.sdoc[prev.start:prev.end]):
                c.antecedent, c.country, c.sector = idx, prev.country, prev.sector or c.sector
                return

    def _nearby_affiliation(self, z: Zone) -> tuple[str | None, str | None]:
        """"the source Agency "Interfax" in Armenian diplomatic circles": a group a few words on."""
        for idx in range(len(self.cands)):
            c = self.cands[idx]
            if z.end <= c.start <= z.end + 8 and self.sent_of[c.start] == z.sentence and \
                    c.kind in ("demonym", "group") and c.country and c.start > 0 and \
                    self.sdoc[c.start - 1].lower_ in ("in", "from", "of", "at", "within"):
                return c.country, c.sector
        return None, None

    # ------------------------------------------------------------------ collectives

    def _coordinations(self) -> list[tuple[int, int, list[str]]]:
        """Runs of actor mentions joined by "and" or commas: (sentence, token, countries)."""
        out = []
        cands = sorted((c for c in self.cands if c.kind in ("name", "partial_name", "metonym", "demonym", "group",
                                                             "role") and (c.country or c.refs)),
                       key=lambda c: c.start)
        run: list[Cand] = []
        for c in cands:
            if run and c.start < run[-1].end:  # a name inside a description ("the Armenia-backed region")
                continue
            if run and self.sent_of[c.start] == self.sent_of[run[-1].end - 1] and \
                    all(t.lower_ in _SEPARATORS for t in self.sdoc[run[-1].end:c.start]) and c.start - run[-1].end <= 4:
                run.append(c)
                continue
            if len(run) >= 2:
                out.append(self._run_entry(run))
            run = [c]
        if len(run) >= 2:
            out.append(self._run_entry(run))
        # plural titles that name their countries ("the presidents of Azerbaijan and Armenia")
        for c in self.cands:
            if c.kind == "collective" and len(c.refs) >= 2:
                out.append((self.sent_of[c.start], c.start, [self._country(r) for r in c.refs]))
        return sorted(out, key=lambda t: t[1])

    def _run_entry(self, run: list[Cand]) -> tuple[int, int, list[str]]:
        countries: list[str] = []
        for c in run:
            code = c.country or (self._country(c.refs[0]) if c.refs else None)
            if code and code not in countries:
                countries.append(code)
        return self.sent_of[run[0].start], run[0].start, countries

    def _collective(self, s: int, e: int, kind: str) -> None:
        """"the sides", "the two parties", "the two countries": the actors they stand for here."""
        if not self._free(s, e):
            return
        sent = self.sent_of[s]
        coords = [x for x in self._coordinations() if len(x[2]) >= 2]
        phrase = self._text(s, e).lower()
        refs: list[str] | None = None
        if "conflict" in phrase:  # "parties to the conflict": the article's two sides
            refs = self._conflict_pair(coords)
        if refs is None and self._is_subject(s, e):  # "X ... with Y, the two parties were satisfied"
            same = self._countries_in(sent, before=s)
            if len(same) == 2:
                refs = same
        if refs is None:  # "between the sides of the conflict - Armenia and Azerbaijan"
            here = [x for x in coords if x[0] == sent and (x[1] < s or 0 <= x[1] - e <= 3)]
            if here:
                refs = min(here, key=lambda x: abs(x[1] - s))[2]
        if refs is None:  # the same parties as the collective just before
            prev = [c for c in self.cands if c.kind == "collective" and c.family in ("parties", "states")
                    and len(c.refs) >= 2 and c.start < s and 0 <= sent - self.sent_of[c.start] <= 3]
            if prev:
                refs = max(prev, key=lambda c: c.start).refs
        if refs is None:
            local = [x for x in coords if 0 < sent - x[0] <= 2]
            if local:
                refs = local[-1][2]
        if refs is None and kind == "states":
            for back in (0, 1, 2):
                cs = self._countries_in(sent - back, exclude=(s, e))
                if len(cs) == 2:
                    refs = cs
                    break
        if refs is None:
            refs = self._conflict_pair(coords)
        c = Cand(s, e, "collective", None, None, None, refs=list(refs or []), confidence=0.7 if refs else 0.4,
                 plural=True, family=kind)
        for r in c.refs:
            self._remember(r)
        self._add(c)

    def _is_subject(self, s: int, e: int) -> bool:
        return any(t.dep_ in _SUBJECT_DEPS for t in self.sdoc[s:e])

    def _countries_in(self, sent: int, exclude: tuple[int, int] = (0, 0), before: int | None = None) -> list[str]:
        """The states a sentence's actor mentions belong to (places left out), in order."""
        out: list[str] = []
        for c in sorted(self.cands, key=lambda c: c.start):
            if self.sent_of[c.start] != sent or exclude[0] <= c.start < exclude[1] or c.kind == "collective":
                continue
            if before is not None and c.start >= before:
                continue
            if c.kind == "place" and not (c.country and self.sdoc[c.start - 1].lower_ in ("of", "against")
                                          if c.start > 0 else False):
                continue
            if c.country and len(c.country) == 3 and c.country not in out and self.kb.state(c.country):
                out.append(c.country)
        return out

    def _conflict_pair(self, coords: list[tuple[int, int, list[str]]]) -> list[str] | None:
        """The two states the article names together most often: the sides of its conflict.

        A pair named in a sentence about the conflict ("talks between Baku and Yerevan on the
        conflict") counts double; a state the text calls a mediator is not a side."""
        mediators = self._mediators()
        pairs: Counter[tuple[str, str]] = Counter()
        for sent, _, cs in coords:
            states = [x for x in cs if len(x) == 3 and x not in mediators]
            w = 1.0 if len(states) == 2 else 0.5
            if self._about_conflict(sent):
                w *= 2
            for i in range(len(states)):
                for j in range(i + 1, len(states)):
                    pairs[tuple(sorted((states[i], states[j])))] += w  # type: ignore[index]
        if not pairs:
            return None
        (pair, _), = pairs.most_common(1)
        return list(pair)

    def _about_conflict(self, sent: int) -> bool:
        s = self.sdoc[self.sent_start[sent]:self.sent_start[sent + 1] if sent + 1 < len(self.sent_start)
                      else len(self.sdoc)]
        return any(t.lower_ in self.lex.conflict_words for t in s)

    def _mediators(self) -> set[str]:
        """States the text calls mediators: "Russia, as a mediator to the conflict", "Russian
        mediation" (a mediator word within a few tokens after the state, in its sentence)."""
        out: set[str] = set()
        doc = self.sdoc
        for c in self.cands:
            if c.kind not in ("name", "demonym", "metonym") or not c.country or len(c.country) != 3:
                continue
            sent = self.sent_of[c.start]
            for t in doc[c.end:min(c.end + 4, len(doc))]:
                other = self.cands[self.taken[t.i]] if t.i in self.taken else None
                if self.sent_of[t.i] != sent or (other is not None and other.kind != "role"):
                    break
                if t.lower_ in self.lex.mediator_words:
                    out.add(c.country)
                    break
        return out

    # ------------------------------------------------------------------ pronouns

    def _pronoun(self, i: int) -> None:
        if not self._free(i, i + 1):
            return
        spec = self.lex.pronouns.get(self.sdoc[i].lower_, {})
        plural = spec.get("number") == "plural"
        ante = self._antecedent(i, singular=not plural, before=i, gender=spec.get("gender"))
        if ante is None:
            return
        a = self.cands[ante]
        refs = self._conjoined_refs(a) if plural else list(a.refs)
        self._add(Cand(i, i + 1, "pronoun", a.actor_id, a.country, a.sector, role=None, refs=refs,
                       confidence=min(a.confidence, 0.8), antecedent=ante, female=a.female, plural=plural))

    def _conjoined_refs(self, c: Cand) -> list[str]:
        """What "they" stands for when its antecedent is one conjunct of a coordination ("Shoukry
        and his Greek, Cypriot and French counterparts gathered ... They called on ..."): every
        conjunct's actors, in text order."""
        doc = self.sdoc
        head = doc[c.start:c.end].root
        first = head
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        conjuncts = [first, *first.conjuncts] if first.i != head.i or head.conjuncts else [head]
        refs: list[str] = []
        for tok in sorted(conjuncts, key=lambda t: t.i):
            k = self.taken.get(tok.i)
            found = (self.cands[k].refs or ([self.cands[k].actor_id] if self.cands[k].actor_id else [])) \
                if k is not None else []
            if not found:  # a conjunct nobody could be named for: the list would be partial
                return list(c.refs)
            refs += [r for r in found if r not in refs]
        return refs if len(refs) > len(c.refs) else list(c.refs)

    def _is_person(self, c: Cand) -> bool:
        if c.kind in ("role", "pronoun"):
            return c.actor_id is None or self._kind(c.actor_id) == "person"
        return c.actor_id is not None and self._kind(c.actor_id) == "person"

    def _kind(self, aid: str) -> str | None:
        a = self.learned.get(aid) or self.doc_actors.get(aid)
        return a.kind if a is not None else self.kb.kind_of(aid)

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

    # ------------------------------------------------------------------ output

    def _emit(self) -> None:
        doc = self.doc
        order = sorted(range(len(self.cands)), key=lambda k: (self.cands[k].start, self.cands[k].end))
        new_index = {old: new for new, old in enumerate(order)}
        mentions = []
        for old in order:
            c = self.cands[old]
            start = self.sdoc[c.start].idx
            last = self.sdoc[c.end - 1]
            end = last.idx + len(last.text)
            ante = new_index.get(c.antecedent) if c.antecedent is not None else None
            if c.kind == "role" and not c.actor_id and not c.country and c.antecedent is None:
                c.sector = None  # "a mediator": a title that names no one we can place
            mentions.append(Mention(start=start, end=end, text=doc.text[start:end], kind=c.kind, actor_id=c.actor_id,
                                    country=c.country, sector=c.sector, role=c.role,
                                    sentence=doc.sentence_at(start), confidence=round(c.confidence, 2),
                                    refs=list(c.refs), antecedent=ante))
        doc.mentions = mentions
        used = {m.actor_id for m in mentions if m.actor_id} | {r for m in mentions for r in m.refs}
        actors = []
        for aid in sorted(used):
            a = self.doc_actors.get(aid) or self.learned.get(aid)
            if a is None:
                try:
                    a = self.kb.get(aid)
                except Exception:  # noqa: BLE001
                    continue
            actors.append(a)
        doc.actors = actors


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


def link(doc: Document, ctx: Any) -> Document:
    Linker(doc, ctx).run()
    return doc
