"""Groups, states, bodies and places, then the collectives that stand for several of them.

1. groups (``GroupLinking._groups``): demonym phrases ("Armenian armed forces" -> ARM MIL, "the
   Russian side" -> RUS) and state phrases ("the armed forces of Azerbaijan", "Azerbaijan's
   army"); a definite group with no state ("the Parliament") is the group of its sector named
   last (``_definite_groups``);
2. states, bodies, capitals and seats of government (``_places_and_bodies``): as actors, or as
   places after "in", "to", "from" or before a place noun (place_nouns in actor_roles.yaml);
3. the model's ORG entities the knowledge base does not know (``_organisations``): mentions with
   no actor, so quotes and events can still name them;
4. collectives ("the sides", "the two countries": ``_collective``, in text order): the
   coordination just before them, else the two states the article names together most often
   (``_conflict_pair``), mediators left out (``_mediators``).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from ..lexicons import load_lexicon
from .kbfile import GROUP_KINDS, PLACE
from .link_base import _SEPARATORS, _SUBJECT_DEPS, Cand, LinkerBase
from .phrases import _APOSTROPHE_S, Zone

#: Numbers spelled out ("three": 3), as the dates stage reads them.
NUMBER_WORDS: dict[str, int] = {str(k).lower(): v for k, v in (load_lexicon("dates").get("numbers") or {}).items()
                               if isinstance(v, int)}
#: Plural nouns of a numbered collective ("the three countries").
#: Nouns of a body's own unit that acts apart from it ("the OSCE mission", "the EU monitoring mission").
BODY_UNITS = frozenset(str(w).lower() for w in load_lexicon("event_collectives").get("body_unit_nouns") or ())
NUMBERED_NOUNS = frozenset(str(w).lower() for w in load_lexicon("grammar").get("numbered_collective_nouns") or ())
#: How many sentences back a numbered collective looks for its list.
NUMBERED_LOOKBACK = 8
#: Parts of speech of the modifiers allowed between the number and the noun ("the four Normandy leaders").
NUMBERED_MODIFIERS = frozenset({"PROPN", "ADJ", "NOUN"})


class GroupLinking(LinkerBase):
    """Links groups, states, bodies and collectives."""

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

    def _places_and_bodies(self, zones: list[Zone]) -> None:
        consumed = {id(m) for z in zones for m in z.consumed}
        doc = self.sdoc
        for m in self.matches:
            if id(m) in consumed or not self._free(m.start, m.end):
                continue
            nxt = doc[m.end].lower_ if m.end < len(doc) else ""
            if m.kind == "state":
                code = m.ids[0]
                place = self._locative(m.start) or nxt in self.lex.place_nouns
                self._add(Cand(m.start, m.end, "place" if place else "name", code, code, None,
                               confidence=1.0 if len(m.ids) == 1 else 0.8))
            elif m.kind in ("organization", "generic"):
                if m.kind == "generic" and self._inside_longer_name(m.start):
                    self._longer_name(m.start, m.end)  # "Iran's Supreme National Security Council" is not the UN's
                    continue
                a = self.kb.get(m.ids[0])
                # a group named in the plural ("the Houthis") is "they" later on
                last = doc[m.end - 1]
                the = doc[m.start].lower_ == "the" or (m.start > 0 and doc[m.start - 1].lower_ == "the")
                plural = a.kind in GROUP_KINDS and (last.tag_ in ("NNS", "NNPS") or (last.text.endswith("s") and the))
                unit = self._unit_end(m.end) if a.sector == "IGO" else None
                if unit is not None:  # "the OSCE mission in Tiraspol": the body's mission, of the body
                    self._add(Cand(m.start, unit, "organization", None, a.country or a.id, a.sector, confidence=0.8))
                    continue
                # a body made of a few states (a format of talks) carries them, for the events' readings
                self._add(Cand(m.start, m.end, "organization", a.id, a.country or a.id, a.sector, plural=plural,
                               refs=list(self.kb.members(a.id))))
            elif m.kind == PLACE:  # a corridor, a crossing: where things happen, never who
                start = m.start - 1 if m.start > 0 and doc[m.start - 1].lower_ == "the" and \
                    self._free(m.start - 1, m.start) else m.start
                self._add(Cand(start, m.end, "place", None, self.kb.get(m.ids[0]).country, None))
            elif m.kind == "metonym":
                ms = self.kb.metonyms.get(m.key, [])
                if not ms:
                    continue
                if self._locative(m.start) or nxt in self.lex.place_nouns:
                    cap = next((x for x in ms if x.kind == "capital"), ms[0])
                    self._add(Cand(m.start, m.end, "place", cap.actor_id, self._country(cap.actor_id), None))
                else:
                    x = ms[0]
                    start = m.start - 1 if x.kind == "seat" and m.start > 0 and doc[m.start - 1].lower_ == "the" \
                        and self._free(m.start - 1, m.start) else m.start
                    self._add(Cand(start, m.end, "metonym", x.actor_id, self._country(x.actor_id), x.sector,
                                   confidence=0.9))

    def _unit_end(self, end: int) -> int | None:
        """The end of a body's unit named right after it ("mission", "Special Monitoring Mission":
        ``body_unit_nouns``), up to three capitalised words before the unit noun; else None."""
        doc = self.sdoc
        for j in range(end, min(end + 4, len(doc))):
            if doc[j].lower_ in BODY_UNITS:
                return j + 1 if self._free(end, j + 1) else None
            if not (doc[j].is_alpha and doc[j].text[:1].isupper()):
                return None
        return None

    def _inside_longer_name(self, start: int) -> bool:
        """A generic body name ("Security Council") right after a capitalised word of the same
        name ("Supreme National Security Council"), not a sentence's first word nor part of a known
        actor's name ("United Nations General Assembly"): another body's name ends in it."""
        if start == 0 or start - 1 in self.taken:
            return False
        prev = self.sdoc[start - 1]
        return prev.is_alpha and prev.text[:1].isupper() and not prev.is_sent_start and \
            prev.ent_type_ not in ("GPE", "NORP")

    def _longer_name(self, start: int, end: int) -> None:
        """The body whose name ends in a generic one, as the text names it, of the state whose
        possessive precedes it ("Iran's")."""
        while start > 0 and self._inside_longer_name(start) and self._free(start - 1, start):
            start -= 1
        owner = self.taken.get(start - 2) if start >= 2 and self.sdoc[start - 1].lower_ in _APOSTROPHE_S else None
        country = self.cands[owner].country if owner is not None else None
        self._add(Cand(start, end, "organization", None, country, "GOV" if country else None, confidence=0.6))

    def _organisations(self) -> None:
        """The model's ORG entities the knowledge base does not know ("Reuters", "Interfax"):
        mentions without an actor, so quotes and events can still name them."""
        for ent in self.sdoc.ents:
            if ent.label_ != "ORG":
                continue
            s, e = ent.start, ent.end
            while s < e and self.sdoc[s].lower_ in ("the", "a", "an"):
                s += 1
            # "Democratic Rally in | Cyprus": a place the ruler took out of the name leaves no
            # preposition or article dangling at its end
            while e > s and self.sdoc[e - 1].pos_ in ("ADP", "DET", "CCONJ") and not self.sdoc[e - 1].text[:1].isupper():
                e -= 1
            if e <= s or not self._free(s, e) or not self.sdoc[s].text[:1].isupper():
                continue
            ids = [i for i in self.kb.lookup(self._text(s, e)) if self.kb.kind_of(i) in ("organization", *GROUP_KINDS)]
            if ids:
                a = self.kb.get(ids[0])
                self._add(Cand(s, e, "organization", a.id, a.country, a.sector, confidence=0.8))
            else:
                self._add(Cand(s, e, "organization", None, None, None, confidence=0.5))

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
        # plural titles that name their countries ("the presidents of Azerbaijan and Armenia"); not
        # a mediating body's members ("the Minsk Group co-chairs"), who are never the sides
        for c in self.cands:
            if c.kind == "collective" and len(c.refs) >= 2 and not (c.country and self.kb.members(c.country)):
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
        if refs is None:  # "between the parties to the dispute - Serbia and Kosovo"
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

    def _numbered_spans(self) -> list[tuple[int, int, int]]:
        """"the three countries", "the four Normandy leaders": (start, end, size) of each phrase of
        "the", a number of three or more, up to two modifiers and a numbered collective noun."""
        doc = self.sdoc
        out: list[tuple[int, int, int]] = []
        for i in range(len(doc) - 2):
            if doc[i].lower_ != "the":
                continue
            num = doc[i + 1]
            size = int(num.text) if num.text.isdigit() else NUMBER_WORDS.get(num.lower_, 0)
            if size < 3:
                continue  # "the two countries" and its kin have their own cascade (``_collective``)
            for j in range(i + 2, min(i + 5, len(doc))):
                if doc[j].lower_ in NUMBERED_NOUNS:
                    out.append((i, j + 1, size))
                    break
                if doc[j].pos_ not in NUMBERED_MODIFIERS:
                    break
        return out

    def _numbered_collective(self, s: int, e: int, size: int) -> None:
        """"The three states approved the plan" after "Kenya, Uganda and Rwanda will meet": the list of
        exactly that many actors named last within a few sentences (a modifier the entity layer
        took for a name, "Normandy" of "the four Normandy leaders", does not stop it); else read
        as any other collective."""
        if not self._free(e - 1, e):
            return
        sent = self.sent_of[s]
        lists = [x for x in self._coordinations() if len(x[2]) == size and x[1] < s
                 and 0 <= sent - x[0] <= NUMBERED_LOOKBACK]
        if not lists:
            if self._free(s, e):
                self._collective(s, e, "states")
            return
        refs = max(lists, key=lambda x: x[1])[2]
        for r in refs:
            self._remember(r)
        self._add(Cand(s, e, "collective", None, None, None, refs=list(refs), confidence=0.8, plural=True,
                       family="states"))

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
        """States the text calls mediators: "Norway, as a mediator in the dispute", "Russian
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
