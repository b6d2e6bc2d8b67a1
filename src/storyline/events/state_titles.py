"""A state named by the title of its form of government (issue 12: recall on unseen news).

Gulf and Arab news, and official statements generally, name a state once and then by its title:
"King Abdullah told the visiting envoy that the Kingdom would host the next round", "the
Sultanate welcomed the truce". The title alone names no actor, so the act it does would have no
doer and be lost. Read it as the nearest state mentioned before it (by its name, a demonym, or a
person or body of it) whose formal name carries that title ("Kingdom of Saudi Arabia", "Sultanate
of Oman" in the knowledge base). The titles are data (``state_titles`` in event_patterns.yaml);
"Republic" is not among them, being the title of most states.
"""

from __future__ import annotations

from typing import Any

from ..model import ActorRef, Mention

Token = Any  # spacy.tokens.Token

#: How far back (in characters) a state is looked for: the paragraph or two before.
REACH = 1500


def titled_state(subj: Token | None, mentions: list[Mention], state_of: Any, titles: set[str] | frozenset[str]
                 ) -> list[ActorRef]:
    """The state "the Kingdom" (a title of ``titles`` with "the" and no words of its own) stands for:
    the nearest mention before it of a state whose formal name holds the title, or nothing.
    ``state_of``: a country code -> the state's actor (or None)."""
    if subj is None or subj.lower_ not in titles or \
            not any(d.dep_ == "det" and d.lower_ == "the" for d in subj.children) or \
            any(d.dep_ in ("compound", "amod", "poss", "prep", "nmod") for d in subj.children):
        return []
    for m in sorted((m for m in mentions if m.country and subj.idx - REACH <= m.start < subj.idx),
                    key=lambda m: m.start, reverse=True):
        state = state_of(m.country)
        if state is None:
            continue
        formal = [n.lower().split() for n in [state.name, *state.aliases]]
        if any(words and words[0] == subj.lower_ and "of" in words[1:2] for words in formal):
            return [ActorRef(name=state.name, actor_id=state.id, country=state.id, start=subj.idx,
                             end=subj.idx + len(subj.text), text=subj.text)]
    return []
