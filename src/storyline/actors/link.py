"""Linking one document's mentions to actors.

Order of work, each step using what the earlier ones settled (each in its own module, a mixin
over ``link_base.LinkerBase``):

1. role phrases (``phrases.Zone``): titles with their countries, organs and complements;
2. names of people (``people``): knowledge-base matches, the model's PERSON entities, and unknown
   capitalised names right after a title ("... Nagorno-Karabakh Republic Senor Hasratyan"); each
   takes the title beside it, is linked to the knowledge-base person that fits the name, the
   title's office and country, and the date, or, if none, becomes a person learned from the text
   (stored, and known to later ingests, never to other documents of the same run: results do not
   depend on the order documents meet in a worker);
3. ethnic communities ("ethnic Armenians in Nagorno-Karabakh": ``communities``), groups ("Armenian armed forces", "the armed forces of Azerbaijan"), states, bodies, capitals
   and seats of government (as actors, or as places after "in", "to", "from" ...:
   ``collectives``);
4. in text order: titles without a name ("the president", "his Azerbaijani counterpart":
   ``antecedents``), collectives ("the sides", "the three countries": ``collectives``) and pronouns (``antecedents``),
   each resolved against what came before it.

The date used for "who held the office" is the document's date; without one, the terms of the
offices the text itself names ("President Dmitry Medvedev") narrow the possible years.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from ..model import Document, Mention
from ..parse import token_table
from .antecedents import RoleResolution
from .author import document_author
from .collectives import GroupLinking
from .communities import CommunityLinking
from .link_base import Cand
from .people import PersonLinking
from .phrases import Zone

__all__ = ["Cand", "Linker", "link"]


class Linker(PersonLinking, CommunityLinking, GroupLinking, RoleResolution):
    """Links one document: the cascade of the module docstring, each step from its own mixin."""

    def run(self) -> None:
        zones = self.finder.zones(self.sent_of)
        person_spans = self._person_spans(zones)
        self._attach_titles(person_spans, zones)
        self._link_people(person_spans)
        attached = {id(z) for _, _, z, _ in person_spans if z is not None}
        standalone = [z for z in zones if id(z) not in attached and self._free(z.head_start, z.head_end)]
        self.reserved = {t for z in standalone for t in range(z.start, z.end)}
        self._communities()
        self._groups()
        self._places_and_bodies(zones)
        self._organisations()
        self.reserved = set()
        named = Counter(c.country for c in self.cands if c.country)
        self.author = document_author(self.doc, self.kb, self.lex, self.author_cues, named)
        self._in_order(standalone)
        self._emit()

    def _in_order(self, zones: list[Zone]) -> None:
        items: list[tuple[int, str, Any]] = [(z.start, "zone", z) for z in zones]
        coll = self.finder._scan(self.lex.collectives)
        for s, (e, kind) in coll.items():
            items.append((s, "collective", (s, e, kind)))
        # "the three countries" where no collective phrase ("the two countries") already reads it
        numbered = [x for x in self._numbered_spans() if not any(s < x[1] and x[0] < c[0] for s, c in coll.items())]
        items += [(x[0], "numbered", x) for x in numbered]
        table = token_table(self.sdoc)
        for i, (lower, tag) in enumerate(zip(table.lower, table.tag, strict=True)):
            if lower in self.lex.pronouns and tag in ("PRP", "PRP$"):
                items.append((i, "pronoun", i))
            elif lower in self.author_cues.pronouns and tag in ("PRP", "PRP$") and self.author:
                items.append((i, "author", i))
        for s, e in self._territory_descriptions():
            items.append((s, "territory", (s, e)))
        for _, what, x in sorted(items, key=lambda t: t[0]):
            if what == "zone":
                self._role_reference(x)
            elif what == "collective":
                self._collective(*x)
            elif what == "numbered":
                self._numbered_collective(*x)
            elif what == "territory":
                self._territory_reference(*x)
            elif what == "author":
                self._author_pronoun(x)
            else:
                self._pronoun(x)

    def _author_pronoun(self, i: int) -> None:
        """"I urge the parties ..." outside quotations in a statement whose title or address names
        its author (``author.document_author``): the author, in the role held that day."""
        if i in self.quoted or not self._free(i, i + 1) or self.author is None:
            return
        a = self._get(self.author)
        role = self._role_on(a)
        self._add(Cand(i, i + 1, "pronoun", a.id, role.country if role else a.country,
                       role.sector if role else a.sector, confidence=0.8))

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


def link(doc: Document, ctx: Any) -> Document:
    Linker(doc, ctx).run()
    return doc
