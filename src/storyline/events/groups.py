"""Unnamed groups as the actors of force: "Police fired on protesters", "Gunmen killed five villagers".

Conflict news names most of its violence by who does it, not by name: police, gunmen, rebels, a
suicide bomber. CAMEO codes such an actor by its sector (police -> COP, rebels -> REB, protesters
-> OPP, unidentified gunmen -> UAF) with the country the text gives it ("Iraqi police", "police in
Baghdad", the place of the act or the article's dateline) and otherwise none. The actors layer links
names and state-qualified groups ("Iraqi police"); a bare group noun has no mention, so the event
coder asks this module for it.

The sector of a noun comes from, in order: the actors layer's ``sectors`` table
(``data/lexicons/actor_roles.yaml``), the coder's own ``group_sectors`` (``event_collectives``
lexicon: nouns those tables lack or code otherwise for events, "assailants" -> UAF), and
PETRARCH2's agent codes (``data/events/agent_sectors.tsv``).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..actors.resolve import _country_of as country_of
from ..lexicons import data_path
from ..model import ActorRef, Document, Mention

Token = Any

#: Entity types of a proper name that is a state, a people or a date, not a group noun.
NAME_ENTS = frozenset({"GPE", "NORP", "DATE", "TIME", "CARDINAL"})
#: Modifiers of a group noun that belong to its name ("unidentified gunmen", "suicide bomber").
NAME_DEPS = frozenset({"amod", "compound"})
#: How many characters back "government forces" looks for the government last named with its state.
GOVERNMENT_REACH = 1500
#: Prepositions of a group noun that place it ("police in Baghdad", "rebels from Chad").
PLACE_PREPS = frozenset({"in", "from"})
#: Prepositions of a clause that place its act ("killed five villagers in Kaduna", "near Kabul").
CLAUSE_PLACE_PREPS = frozenset({"in", "near", "at", "outside", "inside", "across", "around"})


@lru_cache(maxsize=1)
def load_agent_sectors() -> dict[str, str]:
    """PETRARCH's agent nouns with their sector (data/events/agent_sectors.tsv)."""
    out: dict[str, str] = {}
    for line in data_path("events", "agent_sectors.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#") and "\t" in line:
            noun, sector = line.split("\t", 1)
            out[noun.strip()] = sector.strip()
    return out


class GroupNouns:
    """The sector table for group nouns and the rules for when such a group is an event's actor."""

    def __init__(self, roles: dict[str, Any] | None, collectives: dict[str, Any] | None):
        cfg = collectives or {}
        # later tables fill in what earlier ones lack: the actors layer's first, then the coder's
        self.sectors: dict[str, str] = {}
        for table in ((roles or {}).get("sectors") or {}, cfg.get("group_sectors") or {}, load_agent_sectors()):
            for noun, sector in table.items():
                key = " ".join(str(noun).lower().split())
                if sector and key not in self.sectors:
                    self.sectors[key] = str(sector).upper()
        self.classes = {str(w).upper() for w in cfg.get("group_classes", [])}
        self.source_sectors = {str(w).upper() for w in cfg.get("group_source_sectors", [])}
        self.place_sectors = {str(w).upper() for w in cfg.get("group_place_sectors", [])}
        self.nonactors = {str(w).lower() for w in cfg.get("group_nonactors", [])}
        self.nonsources = {str(w).lower() for w in cfg.get("group_nonsources", [])}
        self.class_sectors = {str(k).upper(): {str(w).upper() for w in v}
                              for k, v in (cfg.get("group_class_sectors") or {}).items()}
        self.armed = frozenset(str(w).upper() for w in cfg.get("armed_sectors", []))
        self.quantifiers = {str(w).lower() for w in cfg.get("group_quantifiers", [])}
        self.person_sectors = {str(w).upper() for w in cfg.get("group_person_sectors", [])}

    def sector(self, head: Token) -> tuple[str, Token] | None:
        """The sector of a noun phrase headed by ``head`` and the first word of the name it is
        coded by: a two-word entry ("security forces", "suicide bomber") before the head alone."""
        if head.pos_ not in ("NOUN", "PROPN") or (head.pos_ == "PROPN" and head.ent_type_ in NAME_ENTS):
            return None  # a common noun the entity model mislabels ("Pirates" as a place) stays one
        words = [head.lower_, head.lemma_.lower()]
        if any(w in self.nonactors for w in words):
            return None
        left = head.doc[head.i - 1] if head.i > 0 else None
        if left is not None and left.head.i == head.i and left.dep_ in NAME_DEPS:
            for w in words:
                sector = self.sectors.get(f"{left.lower_} {w}")
                if sector:
                    return sector, left
        if any(c.dep_ == "compound" and c.pos_ == "NOUN" and not self._coded(c) for c in head.children) and \
                not any(self.sectors.get(w) in self.person_sectors for w in words):
            return None  # "the ceasefire regime", "the visa regime": a thing the modifier names
        for w in words:
            sector = self.sectors.get(w)
            if sector:
                return sector, head
        return None

    def _coded(self, tok: Token) -> bool:
        return tok.lower_ in self.sectors or tok.lemma_.lower() in self.sectors


def group_ref(head: Token, groups: GroupNouns, *, as_source: bool, doc: Document, mentions: list[Mention],
              clause: Token | None, what: str = "") -> ActorRef | None:
    """The unnamed group a noun phrase names, as the text words it ("Police", "unidentified
    assailants", "a suicide bomber" -> "suicide bomber"), with its sector and the country the text
    gives it: the group's own place ("police in Baghdad"), else, for a sector that acts at home
    (``group_place_sectors``: police, rebels, gunmen, not soldiers, who fight abroad too), the place
    of the act ("in Kaduna") or the article's dateline. None where the noun names no group, or,
    as a source of an event of class ``what``, a group of a sector that does not act in such
    events (burglars arrest no one) or one that only tells of them ("officials")."""
    head = _counted(head, groups)
    found = groups.sector(head)
    if found is None:
        return None
    sector, first = found
    if as_source and (sector not in groups.source_sectors | groups.class_sectors.get(what, set())
                      or head.lemma_.lower() in groups.nonsources or head.lower_ in groups.nonsources):
        return None
    # the name: the head with its adjacent name modifiers ("unidentified gunmen", "suicide bomber")
    while first.i > 0:
        prev = head.doc[first.i - 1]
        # (a modifier of a modifier too: "Thames Valley Police")
        if not first.i <= prev.head.i <= head.i or prev.dep_ not in NAME_DEPS or \
                (prev.ent_type_ in ("GPE", "NORP") and prev.head.i == head.i) \
                or prev.lower_ in groups.quantifiers:
            break  # "several protesters": how many is no part of the name
        first = prev
    start, end = first.idx, head.idx + len(head)
    text = doc.text[start:end]
    # "American diplomats (in Iraq)": the group's state adjective, which the actors layer may not
    # have linked, before any place
    mods = [t for c in head.children if c.dep_ in NAME_DEPS for t in c.subtree]  # "U.S. Navy warships"
    country = next((m.country for c in mods for m in mentions if m.country and m.start <= c.idx < m.end), None) or \
        next((cc for c in mods if c.ent_type_ == "NORP" for cc in [country_of(c.text, "NORP")] if cc), None)
    if country is None and any(c.dep_ in NAME_DEPS and groups.sectors.get(c.lemma_.lower()) == "GOV"
                               for c in head.children):
        # "government forces began deploying", after "the government of Syria": the government
        # last named with its state
        country = next((m.country for m in sorted(mentions, key=lambda m: -m.start)
                        if m.end <= head.idx and m.sector == "GOV" and m.country
                        and head.idx - m.end <= GOVERNMENT_REACH), None)
    if country is None and sector in groups.place_sectors:
        # "police in Baghdad"; not "the embassy in Tehran", which is another state's
        country = _place_country([o for p in head.children if p.dep_ == "prep" and p.lower_ in PLACE_PREPS
                                  for o in p.children if o.dep_ == "pobj"], mentions)
    if country is None and sector in groups.place_sectors:
        if clause is not None:
            places = [o for t in (clause, *[c for c in clause.children if c.dep_ in ("dobj", "pobj")])
                      for p in t.children if p.dep_ == "prep" and p.lower_ in CLAUSE_PLACE_PREPS
                      for o in p.children if o.dep_ == "pobj"]
            country = _place_country(places, mentions)
        if country is None and doc.dateline:
            country = next((m.country for m in mentions if m.kind == "place" and m.country
                            and m.text.lower() == doc.dateline.lower()), None)
    return ActorRef(name=text, country=country, sector=sector, start=start, end=end, text=text)


def _counted(head: Token, groups: GroupNouns) -> Token:
    """"Tens of thousands of students", "a group of gunmen": the phrase names the people counted,
    not the count."""
    for _ in range(3):
        if head.lower_ not in groups.quantifiers and head.lemma_.lower() not in groups.quantifiers:
            break
        nxt = next((o for p in head.children if p.dep_ == "prep" and p.lower_ == "of"
                    for o in p.children if o.dep_ == "pobj" and o.pos_ in ("NOUN", "PROPN")), None)
        if nxt is None:
            break
        head = nxt
    return head


def _place_country(toks: list[Token], mentions: list[Mention]) -> str | None:
    """The country of the first place among these phrase heads (a city's or the country's own)."""
    for t in toks:
        for m in mentions:
            # a city ("in Baghdad") or a state named as a place ("in northern Nigeria")
            if m.country and (m.kind == "place" or m.actor_id == m.country) and m.start <= t.idx < m.end:
                return m.country
    return None
