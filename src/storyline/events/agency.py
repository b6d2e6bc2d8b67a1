"""Whether an event's source or target is something that can act.

An argument slot of a trigger is not always filled by an actor: the speaker the quotes layer found
may be "the statement" or "her reasoning", the subject of a verb "the fact that the rats would
prefer ...", and an unknown capitalised word in subject position may be a fragment ("1st" of "1st
Fleet Command"). A ref the actors layer linked or placed (actor id, country, sector) is an actor.
Any other must show it can act in the words of the text: a person, organisation or place entity,
a personal pronoun, a role the actors layer found, a proper name, or a noun that names an agent
(PETRARCH's agent nouns, the coder's group, force and role nouns). A document, an idea, a disease
named by a common noun, a clause or an object is not one, and the coder leaves it out: an event
with no actor left in its source is then treated as any sourceless event.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..lexicons import load_lexicon
from ..model import ActorRef, Mention

Token = Any

#: Entity types of a phrase that can act: people, organisations, peoples, places (a place is acted
#: on: "shelled the village", and a capital acts for its state).
ACTOR_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC"})
#: Entity types of a proper-looking word that is no actor: when, how much, which, a law or a work.
NON_ACTOR_ENTS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL",
                            "LAW", "WORK_OF_ART", "LANGUAGE"})
#: Mention kinds the actors layer gives only to those who can act, linked or not.
ACTING_KINDS = frozenset({"role", "pronoun", "collective"})
#: Pronouns that point at a thing or a statement, not at someone (the ``grammar`` lexicon).
_GRAMMAR = load_lexicon("grammar")
THING_PRONOUNS = frozenset(_GRAMMAR["thing_pronoun_it"]) | frozenset(_GRAMMAR["demonstratives"])


class Agency:
    """The nouns that name an agent, and the test of a ref against the parse."""

    def __init__(self, agent_nouns: Iterable[str]):
        self.nouns = frozenset(" ".join(str(w).lower().split()) for w in agent_nouns if str(w).strip())

    def is_agent_noun(self, tok: Token) -> bool:
        """The noun, or the two-word name it ends ("police officer", "armed forces"), is an agent's."""
        words = [tok.lower_, tok.lemma_.lower()]
        prev = tok.doc[tok.i - 1] if tok.i > 0 else None
        if prev is not None and prev.head.i == tok.i and prev.dep_ in ("compound", "amod"):
            words += [f"{prev.lower_} {w}" for w in words[:2]]
        return any(w in self.nouns for w in words)

    def can_act(self, ref: ActorRef, sdoc: Any, by_token: dict[int, list[Mention]]) -> bool:
        if ref.actor_id or ref.country or ref.sector:
            return True
        if ref.start is None or ref.end is None or ref.end <= ref.start:
            return True  # nothing in the text to judge it by
        span = sdoc.char_span(ref.start, ref.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return True
        if any(m.actor_id or m.refs or m.kind in ACTING_KINDS for t in span for m in by_token.get(t.i, [])
               if m.start <= ref.start and ref.end <= m.end):
            return True
        words = [t for t in span if t.is_alpha or any(ch.isalpha() for ch in t.text)]
        if not words or all(t.like_num or t.ent_type_ in ("ORDINAL", "CARDINAL") for t in words):
            return False  # "1st" of "1st Fleet Command"
        root = span.root
        if root.pos_ == "PRON":
            return root.lower_ not in THING_PRONOUNS
        if root.ent_type_ in ACTOR_ENTS:
            return True
        if root.pos_ == "PROPN" and root.text[:1].isupper() and root.ent_type_ not in NON_ACTOR_ENTS:
            return True  # a proper name no model recognised ("Ahmed al-Assadi")
        if self.is_agent_noun(root):
            return True
        # "Amazon Web services": a common head in an organisation's name
        return any(t.pos_ == "PROPN" and t.ent_type_ in ("ORG", "PERSON") and t.dep_ == "compound"
                   and root in t.ancestors for t in span)

    def keep(self, refs: Iterable[ActorRef], sdoc: Any, by_token: dict[int, list[Mention]]) -> list[ActorRef]:
        return [r for r in refs if self.can_act(r, sdoc, by_token)]
