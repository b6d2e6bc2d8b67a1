"""The speaker's own state as the doer of what the speaker reports of "the government", and the
speaker as the doer of what he promises in his state's name.

"Prime Minister Mikati's office said the government had voted to approve the ceasefire": the
government that voted is Mikati's, Lebanon's, not one named paragraphs before nor nobody. A
definite "the government" (or "the cabinet", "the authorities": ``own_state_nouns`` in
``event_collectives.yaml``) with no state of its own, subject of an act in the content of a
report of speech, is the government of the speaker's state. Where the speaker has no known state,
the act keeps no doer.

"The Omani foreign minister said Muscat is willing to mediate", "Sall said the Senegalese
presidency will keep up its consultations": an act still to come (planned or hoped) whose doer is
the speaker's own state, or a body of it, in the content of his report of speech, is his offer
made in his state's name: the speaker, who carries the state as his country, is its doer
(``speakers_promise``). Acts of the state told as done ("the minister said Iran had sent aid")
stay the state's.
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


def _reported_in(c: Candidate, cands: Sequence[Candidate]) -> Candidate | None:
    """The report of speech whose content (its "that" clause, however deep: "said Tehran is ready to
    act") holds the act."""
    heads = {k.head.i: k for k in cands if k.is_speech and not k.drop}
    child = c.head
    for anc in c.head.ancestors:
        if anc.i in heads and child.dep_ == "ccomp":
            return heads[anc.i]
        child = anc
    return None


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


#: Statuses of an act still to come, which a speaker offers or promises.
PROMISED = frozenset({"planned", "hoped"})


def _person(ref: ActorRef) -> bool:
    """A person (an actor of a state who is not the state itself, nor a body of it)."""
    return bool(ref.actor_id and ref.country and not _coded(ref.actor_id))


def _own_state(ref: ActorRef, country: str) -> bool:
    """The state itself, or a body of it that names no one ("the Polish chairmanship")."""
    if ref.country != country:
        return False
    return ref.actor_id is None or (_coded(ref.actor_id) and ref.actor_id.startswith(country))


def _coded(actor_id: str) -> bool:
    """A state's or a body's id is its code ("IRN", "POLGOV"); a person's is a name ("ali-khamenei")."""
    return actor_id == actor_id.upper()


def speakers_promise(cands: Sequence[Candidate]) -> None:
    """Give an act to come whose doer is the speaker's own state to the speaker (see the module
    docstring)."""
    for c in cands:
        if c.drop or c.status not in PROMISED or len(c.source) != 1:
            continue
        speech = _speech_over(c, cands) or _reported_in(c, cands)
        speakers = [r for r in speech.source if _person(r)] if speech is not None else []
        if len(speakers) == 1 and _own_state(c.source[0], speakers[0].country or ""):
            c.source = list(speakers)
