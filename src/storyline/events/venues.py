"""A city named on an act's noun is where the act happened, not who did it.

"The Lisbon talks", "a Brussels summit", "the Vienna agreement", "a Kandahar car bombing": a
place the actors layer links to its state (a capital, a city, a seat such as Downing Street) that
modifies the noun of an act names the venue. The state it lies in is no party for that alone;
the demonym or the state's own name on the same noun still is ("the Russian-Ukrainian talks",
"the Chile-Bolivia deal"), and a capital as a clause's subject still stands for its government
("Lisbon said ..."), which this module never sees.

``venue_words`` gives the token indices of such modifiers of one noun, for the roles step to
leave out of the act's source and target.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cached_property
from typing import Any

from ..model import Actor, Mention

Token = Any  # spacy.tokens.Token

#: Relations by which a place word modifies a noun ("the Lisbon talks", "the Oslo-brokered deal").
VENUE_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod"})
#: Mention kinds that name a place rather than a state, person or body.
PLACE_KINDS = frozenset({"place", "metonym"})


def _names_its_state(m: Mention, state_of: Callable[[str], Actor | None]) -> bool:
    """The mention's words are its state's own name or one of its names ("Bolivia", "the US")."""
    if not m.country:
        return False
    state = state_of(m.country)
    if state is None:
        return False
    words = m.text.lower().removeprefix("the ").strip()
    return words in {n.lower().removeprefix("the ") for n in [state.name, *state.aliases]}


def venue_words(noun: Token, by_token: dict[int, list[Mention]], state_of: Callable[[str], Actor | None],
                act_nouns: Iterable[str]) -> set[int]:
    """Token indices of the place words modifying ``noun`` where it names an act (its lemma or
    form among ``act_nouns``): each one a venue, not a doer."""
    nouns = act_nouns if isinstance(act_nouns, (set, frozenset, dict)) else set(act_nouns)
    if noun.lemma_.lower() not in nouns and noun.lower_ not in nouns:
        return set()
    out: set[int] = set()
    for ch in noun.children:
        if ch.dep_ not in VENUE_DEPS or ch.i > noun.i:
            continue
        for t in ch.subtree:  # "the Sharm el-Sheikh summit": any word of the modifier
            ms = by_token.get(t.i, [])
            if ms and all(m.kind in PLACE_KINDS and not _names_its_state(m, state_of) for m in ms):
                out.add(t.i)
    return out


class VenueWords:
    """The roles step's questions about venues (a mixin over ``coder_base.CoderBase``, whose
    lexicon, word lists and ``_state_of`` it reads)."""

    lex: Any
    collectives: dict[str, Any]
    conflict_nouns: set[str]
    _state_of: Callable[[str], Actor | None]

    @cached_property
    def _act_nouns(self) -> frozenset[str]:
        """Nouns that name an act: the lexicon's nominal triggers, the words for fighting, talks,
        a settlement or an attack, and the gatherings and documents of ``venue_nouns``."""
        words = {str(w).lower() for key in ("unclaimed_means", "negotiation_nouns", "settlement_nouns", "venue_nouns")
                 for w in self.collectives.get(key, [])}
        return frozenset(self.lex.nouns) | frozenset(self.conflict_nouns) | frozenset(words)

    def _venues(self, noun: Token, res: Any) -> set[int]:
        """"The Lisbon talks": the place words on an act's noun, where it happened."""
        return venue_words(noun, res.by_token, self._state_of, self._act_nouns)
