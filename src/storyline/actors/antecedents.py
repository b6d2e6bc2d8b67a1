"""Titles without a name, territories and pronouns, each resolved against what came before it.

A title without a name (``RoleResolution._role_reference``), by a cascade, first match wins:

1. "his Azerbaijani counterpart" (``_resolve_counterpart``): the holder, in the named country,
   of the office of the person "his" points at;
2. a plural title (``_resolve_plural``): "the leaders of Azerbaijan and Armenia" -> their
   holders; "the co-chairs" -> the body's member states;
3. a title with an office (``_resolve_office``): the earlier person holding it here
   (``_antecedent_with``), else the one holder of the office in the country then;
4. an anonymous title (``_resolve_anonymous``): "a source in the interior ministry" keeps its
   country and sector; "the official", "the source" point back at the one last described so.

"the autonomous region" (``_territory_reference``) is the territory named last just before it.
A pronoun (``_pronoun``) takes its antecedent (``LinkerBase._antecedent``); "they" after a
coordination stands for every conjunct (``_conjoined_refs``).
"""

from __future__ import annotations

from collections import Counter

from ..model import Actor
from ..parse import token_table
from .link_base import _PERSONISH, Cand, LinkerBase
from .phrases import Zone


class RoleResolution(LinkerBase):
    """Resolves titles without a name, territory descriptions and pronouns."""

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
            body = bodies[0] if bodies else self._recent_body(z.start)
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

    def _recent_body(self, before: int) -> str | None:
        """The body with members named last before ``before``: by its name ("the OSCE Minsk
        Group"), or by its members' word with its name ("the Minsk Group co-chairs", a collective
        coded with the body), which "the co-chairs" then refers back to."""
        best: tuple[int, str] | None = None
        for c in self.cands:
            body = c.actor_id if c.kind == "organization" else c.country if c.kind == "collective" else None
            if c.start < before and body and self.kb.members(body) and (best is None or c.start > best[0]):
                best = (c.start, body)
        return best[1] if best else None

    def _resolve_anonymous(self, z: Zone, c: Cand) -> None:
        """"a source in the interior ministry of Moldova" stays unlinked but keeps its country and
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
        """"the source Agency "Ukrinform" in Ukrainian government circles": a group a few words on."""
        for idx in range(len(self.cands)):
            c = self.cands[idx]
            if z.end <= c.start <= z.end + 8 and self.sent_of[c.start] == z.sentence and \
                    c.kind in ("demonym", "group") and c.country and c.start > 0 and \
                    self.sdoc[c.start - 1].lower_ in ("in", "from", "of", "at", "within"):
                return c.country, c.sector
        return None, None

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
        and his Brazilian, Indian and South African counterparts gathered ... They called on ..."): every
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
