"""Ethnic communities named by their people and their place: "ethnic Armenians in
Nagorno-Karabakh", "the Serbs of Kosovo" are a community of that place, not the state the
people's name belongs to (Armenia, Serbia).

The step, run before demonyms are read as states (``collectives``): a plural demonym followed by
"in", "of" or "from" and a state or territory other than the demonym's own is

1. the knowledge base's ethnic community of that people and place where it lists one (kind
   "ethnic community" in ``groups.yaml``: Karabakh Armenians);
2. else, with "ethnic" before it, a group of the place's civilians (its code, sector CVL) that
   no actor stands for;
3. else left to the later steps (a demonym alone: "Russians in Ukraine" may be troops).
"""

from __future__ import annotations

from typing import Any

from . import names as N
from .link_base import Cand, LinkerBase

#: Words between the people and the place.
_LINKS = ("in", "of", "from")
#: The actor kind this step links to.
COMMUNITY = "ethnic community"

_INDEX: dict[tuple[int, int], dict[tuple[str, str], str]] = {}


def community_index(kb: Any) -> dict[tuple[str, str], str]:
    """(country, a word of the name) -> the id of the knowledge base's ethnic community, built
    once per knowledge base and version (a user file may add communities)."""
    key = (id(kb), kb.version)
    if key not in _INDEX:
        out: dict[tuple[str, str], str] = {}
        for aid in kb.ids_of_kind(COMMUNITY):
            a = kb.get(aid)
            for name in [a.name, *a.aliases]:
                for w in N.name_words(name):
                    out.setdefault((a.country or "", w), aid)
        _INDEX.clear()
        _INDEX[key] = out
    return _INDEX[key]


class CommunityLinking(LinkerBase):
    """The ethnic communities step of the linker (a mixin of ``link.Linker``)."""

    def _communities(self) -> None:
        doc = self.sdoc
        ms = self.finder.match_start
        index = community_index(self.kb)
        for m in self.matches:
            if m.kind != "demonym" or m.end - m.start != 1 or doc[m.start].tag_ not in ("NNS", "NNPS"):
                continue
            j = m.end
            if j >= len(doc) or doc[j].lower_ not in _LINKS:
                continue
            j += 1
            while j < len(doc) and doc[j].lower_ == "the":
                j += 1
            place = ms.get(j)
            if place is None or place.kind != "state" or place.ids[0] == m.ids[0]:
                continue
            start = m.start - 1 if m.start > 0 and doc[m.start - 1].lower_ == "ethnic" else m.start
            if start > 0 and doc[start - 1].lower_ == "the":
                start -= 1
            if not self._free(start, place.end):
                continue
            code = place.ids[0]
            aid = index.get((code, N.name_words(doc[m.start].text)[0] if N.name_words(doc[m.start].text) else ""))
            if aid is not None:
                a = self.kb.get(aid)
                self._remember(aid)
                self._add(Cand(start, place.end, "organization", aid, a.country, a.sector, plural=True))
            elif doc[m.start - 1].lower_ == "ethnic" if m.start > 0 else False:
                self._add(Cand(start, place.end, "group", None, code, "CVL", plural=True, confidence=0.7))
