"""The speaker's own state as the doer of what the speaker reports of "the government".

"Prime Minister Mikati's office said the government had voted to approve the ceasefire": the
government that voted is Mikati's, Lebanon's, not one named paragraphs before nor nobody. A
definite "the government" (or "the cabinet", "the authorities": ``own_state_nouns`` in
``event_collectives.yaml``) with no state of its own, subject of an act in the content of a
report of speech, is the government of the speaker's state. Where the speaker has no known state,
the act keeps no doer.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..model import ActorRef

Candidate = Any  # events.candidate.Candidate
Token = Any

#: Subject relations of a clause.
SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def _bare_state_noun(head: Token, nouns: set[str]) -> Token | None:
    """The clause's subject where it is "the government" with nothing naming whose."""
    subj = next((c for c in head.children if c.dep_ in SUBJECTS), None)
    if subj is None or subj.lemma_.lower() not in nouns:
        return None
    if any(c.dep_ in ("poss", "compound", "amod", "nmod", "prep") for c in subj.children):
        return None
    return subj if any(c.dep_ == "det" and c.lower_ == "the" for c in subj.children) else None


def _speech_over(c: Candidate, cands: Sequence[Candidate]) -> Candidate | None:
    """The report of speech whose content the act is ("X said the government had voted")."""
    if c.parent is not None and c.parent.is_speech:
        return c.parent
    gov = c.head.head if c.head.dep_ == "ccomp" else None
    return next((k for k in cands if gov is not None and k.is_speech and k.head.i == gov.i), None)


def speakers_state(cands: Sequence[Candidate], nouns: set[str]) -> None:
    """Give a doer-less act whose subject is a bare "the government" the government of the
    state of the speaker who reports it (see the module docstring)."""
    for c in cands:
        if c.source or c.drop:
            continue
        subj = _bare_state_noun(c.head, nouns)
        speech = _speech_over(c, cands) if subj is not None else None
        country = next((r.country for r in speech.source if r.country), None) if speech is not None else None
        if country:
            c.source = [ActorRef(name=subj.text, country=country, sector="GOV", start=subj.idx,
                                 end=subj.idx + len(subj.text), text=subj.text)]
