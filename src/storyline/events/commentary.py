"""Reports of speech by commentators: no event of the story.

A journalist, an analyst or an academic who comments on the news ("the BBC's security
correspondent said questions remain", "Middle East analyst X told CNN the strike would change
little", "X, a geostrategy expert at Haifa University, said") takes no part in the conflict or
the diplomacy: the report of what they say is commentary, not a statement of a party. A report
of speech (CAMEO 01) is commentary where

1. none of its sources is a political actor (no country, no sector: a party's spokesman keeps
   his statement), and
2. the speaker's phrase (the subject of the verb of speech with its appositions, or the object
   of "according to") names a commentator's role (``commentator_nouns`` in event_patterns.yaml)
   or is owned by an organisation ("the BBC's Jonathan Marcus").

What a commentator says is not read further here: an act reported in their words stays what the
coder made of it.
"""

from __future__ import annotations

from typing import Any

from ..model import ActorRef
from .clause import according_objects

Token = Any  # spacy.tokens.Token


def speaker_phrase(head: Token) -> Token | None:
    """The phrase that names who speaks: "according to X" (X), else the verb's subject."""
    if head.lower_ == "according":
        return next(iter(according_objects(head)), None)
    return next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def commentary(code: str, head: Token, sources: list[ActorRef], nouns: set[str] | frozenset[str]) -> bool:
    """The report of speech whose ``head`` is the verb (or "according") is a commentator's."""
    if not code.startswith("01") or any(r.country or r.sector for r in sources):
        return False
    phrase = speaker_phrase(head)
    if phrase is None:
        return False
    for tok in phrase.subtree:
        if tok.lemma_.lower() in nouns or tok.lower_ in nouns:
            return True
        if tok.dep_ == "poss" and tok.head.i == phrase.i and tok.ent_type_ == "ORG":
            return True  # "the BBC's Jonathan Marcus"
    return False
