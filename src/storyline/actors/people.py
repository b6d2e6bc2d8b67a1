"""People: the spans that name them, the titles beside them, and the actor each name is.

1. spans (``PersonLinking._person_spans``): knowledge-base matches of people, the model's PERSON
   entities, and unknown capitalised names right after a title ("... Republic Senor Hasratyan");
2. titles (``_attach_titles``): the title written before a name ("Foreign Minister Sergey
   Lavrov"), or after it between commas ("Lavrov, Russia's foreign minister,"); a plural title
   covers coordinated names;
3. without a document date, the terms of the offices the text names bound the years
   (``_narrow_window``);
4. each name (``_link_person``) is linked to the knowledge-base person that fits the name, the
   title's office and country, and the date (``_candidates``, ``_score``); "his counterpart"
   takes the office of the person "his" points at; if none fits, a titled name becomes a person
   learned from the text (``_learn``: stored, known to later ingests, never to other documents
   of the same run), an untitled full name a person of this document only.
"""

from __future__ import annotations

from ..model import Actor, Role
from ..parse import text_of, token_bounds
from . import names as N
from .link_base import Cand, LinkerBase
from .phrases import Zone


class PersonLinking(LinkerBase):
    """Finds and links the people of a document."""

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
            if ent.label_ not in ("PERSON", "ORG", "GPE", "NORP", "WORK_OF_ART", "PRODUCT"):
                continue  # (the model calls an unknown foreign name a work of art or a product)
            s, e = ent.start, ent.end
            while s < e and (self.sdoc[s].lower_ in ("the", "a", "an") or not self.sdoc[s].text[:1].isupper()):
                s += 1
            while e > s and self.sdoc[e - 1].text in ("'s", "’s", "'", "’", "-", ","):
                e -= 1
            if e - s >= 2 and self.lex.honorifics.table.get(tuple(N.name_words(self.sdoc[s].text))):
                s += 1  # "Mrs Quinn": the name without its honorific
            if e <= s or any(t in covered or t in match_tokens for t in range(s, e)):
                continue
            if ent.label_ != "PERSON" and not (e - s >= 2 and self._namelike(s, e) and self.kb.near(self._text(s, e))):
                # a surname the model calls ORG or GPE is found below, by the document's full names;
                # a full name one letter off a known person's is a name whatever the model says
                continue
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
        return ids or (self.kb.near(text) if e - s >= 2 else [])

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
            for key in [N.name_key(actor.name), *(N.name_key(x) for x in actor.aliases), N.name_key(text)]:
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
        body = self._member_body(z)
        if z is not None and z.plural and id(z) in self.zone_cand:
            coll = self.cands[self.zone_cand[id(z)]]  # "presidents Aliyev and Sargsyan"
            if c.actor_id and c.actor_id not in coll.refs and body is None:
                coll.refs.append(c.actor_id)
        elif z is not None and z.plural and body is not None and self._free(z.start, z.end):
            # "the mediators of the African Union panel, ambassadors A, B and C": the body acts, its
            # envoys named beside it are who it is made of
            self.zone_cand[id(z)] = self._add(Cand(z.start, z.end, "collective", None, body, sector, role=role_text,
                                                   refs=list(self.kb.members(body)), confidence=conf,
                                                   offices=offices, plural=True, family="titles"))
        elif z is not None and z.plural and self._free(z.start, z.end):
            self.zone_cand[id(z)] = self._add(Cand(z.start, z.end, "collective", None, None, sector, role=role_text,
                                                   refs=[c.actor_id] if c.actor_id else [], confidence=conf,
                                                   offices=offices, plural=True, family="titles"))
        elif z is not None and self._free(z.start, z.end):
            self._add(Cand(z.start, z.end, "role", c.actor_id, country, sector, role=role_text,
                           confidence=conf, antecedent=idx, offices=offices, female=c.female, plural=z.plural))
            if z.role.counterpart and z.possessor is not None:
                self._counterpart_offices(z, idx)

    def _member_body(self, z: Zone | None) -> str | None:
        """The body a plural title names as made of its members ("the co-chairs of the OSCE Minsk
        Group": ``members`` in bodies.yaml), or None."""
        if z is None or not z.plural:
            return None
        return next((x for x in z.countries if self.kb.members(x)), None)

    def _counterpart_offices(self, z: Zone, idx: int) -> None:
        """"his Armenian counterpart Zohrab Mnatsakanyan": the name holds the possessor's office."""
        ante = self._antecedent(z.possessor, singular=True, before=z.start)
        if ante is not None:
            offs = self._offices_of(self.cands[ante])
            if offs:
                self.cands[idx].offices = tuple(sorted(offs))

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
