"""Speakers that are several actors at once, or a group the article names by an appositive.

Why apart from the one-actor resolver: "Russia and Turkey said", "Georgia, Armenia and
Azerbaijan said in a joint statement", "France, Germany and Italy, known as the contact group,
said" each give one statement of several actors. The parser hangs the later actors on the first
as conjuncts, so a resolver reading only the head would name Russia alone. The cascade, for the
head of a speaker phrase:

1. An appositive name in the phrase ("known as the Quartet", "dubbed the Group of Friends",
   "called the Contact Group"): the group goes by that name.
2. An official and "his" counterparts named by their states ("Egypt's foreign minister X and
   his Greek and French counterparts"): the office, plural, "of" the states ("foreign ministers
   of Egypt, Greece and France"), whatever names follow in apposition.
3. Conjuncts ("A and B", "A, B and C") that each name an actor (a proper name, or a mention the
   actors layer linked): the speaker is all of them, "A and B" in the names the resolver gives
   each, with their country where all share one.
4. Anything else: None, and the resolver reads the head alone.

The words are the speakers lexicon's ``group_naming`` and ``counterpart_nouns`` lists.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from ..actors.resolve import actor_of, mentions_within
from ..model import ActorRef
from .candidates import Speaker, _strip_det
from .cues import Phrase, phrase_of


def conjuncts(head: Any) -> list[Any]:
    """The head and the tokens coordinated with it, in text order ("A, B and C")."""
    out, todo = [head], [head]
    while todo:
        t = todo.pop()
        for c in t.children:
            if c.dep_ == "conj":
                out.append(c)
                todo.append(c)
    return sorted(out, key=lambda t: t.i)


def appositive_name(text: str, naming: tuple[str, ...]) -> str | None:
    """The name a phrase gives its group after "known as", "dubbed", "called": the capitalised
    words that follow, less a leading article ("known as the Quartet" -> "Quartet")."""
    for words in naming:
        pattern = r"\b(?i:" + r"\s+".join(map(re.escape, words.split())) + \
            r"\s+(?:the\s+)?)([A-Z][\w'’.-]*(?:\s+(?:of\s+|and\s+)?[A-Z][\w'’.-]*)*)"
        m = re.search(pattern, text)
        if m:
            return m.group(1).rstrip(".")
    return None


def _state_of(doc: Any, t: Any, kb: Any) -> str | None:
    """The state a demonym or a state's name stands for ("Greek" -> "Greece"): the knowledge
    base's demonym or state, else the actors layer's mention of the word alone."""
    if kb is not None and t.pos_ in ("ADJ", "PROPN"):
        code = kb.demonym(t.text)
        actor = kb.state(code or t.text)
        if actor is not None:
            return actor.name
    for m in mentions_within(doc, t.idx, t.idx + len(t.text)):
        actor = actor_of(doc, m.country) if m.country else None
        if actor is not None and actor.kind in ("state", "unrecognized", "territory"):
            return actor.name
    return None


def counterparts_name(doc: Any, parts: list[Any], counterparts: frozenset[str], kb: Any) -> str | None:
    """ "foreign ministers of Egypt, Greece and France" for "Egyptian foreign minister X and his
    Greek and French counterparts": the first official's office (the common nouns of his title)
    and the states of all, or None where the phrase is not of that form."""
    others = [t for t in parts[1:] if t.lemma_.lower() in counterparts and t.tag_ == "NNS"]
    if len(others) != 1:
        return None
    first, other = parts[0], others[0]
    before = [(t, _state_of(doc, t, kb)) for t in first.subtree if t.i < first.i]
    named = {i for m in mentions_within(doc, before[0][0].idx, first.idx + len(first.text)) if m.kind == "name"
             for i in range(m.start, m.end)} if before else set()
    title = [t for t, state in before if t.pos_ in ("NOUN", "ADJ", "PROPN") and state is None
             and t.ent_type_ != "PERSON" and t.idx not in named]
    demonyms = [t for t in other.subtree if t.i < other.i and t.dep_ in ("amod", "conj", "compound")]
    states = [state for _, state in before if state] + [_state_of(doc, t, kb) for t in demonyms]
    if not title or title[-1].pos_ not in ("NOUN", "PROPN") or len(states) < 3 or None in states:
        return None
    office = " ".join(t.lower_ for t in title)
    return f"{office}s of {join_names(list(dict.fromkeys(states)))}"


def join_names(names: list[str]) -> str:
    """ "A", "A and B", "A, B and C"."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def group_speaker(doc: Any, head: Any, naming: tuple[str, ...], counterparts: frozenset[str], kb: Any,
                  quoted: Callable[[int], bool], one: Callable[[Phrase], Speaker]) -> Speaker | None:
    """The speaker a coordinated or appositively named phrase headed by ``head`` stands for, or
    None where it is neither; ``quoted`` tells a token inside a quotation (never part of a
    speaker's name), ``one`` resolves a single conjunct (without pointing back)."""
    sdoc = doc.spacy
    whole = phrase_of(sdoc, head, with_conj=True)
    span = sdoc.char_span(whole.start, whole.end, alignment_mode="expand") or []
    if any(quoted(t.i) for t in span):
        return None
    text = whole.text(doc)
    name = appositive_name(text, naming)
    if name is not None:
        ref = ActorRef(name=name, start=whole.start, end=whole.end, text=text)
        return Speaker(ref, None, "group", text, 0.8)
    parts = conjuncts(head)
    officials = counterparts_name(doc, parts, counterparts, kb)
    if officials is not None:
        return Speaker(ActorRef(name=officials, start=whole.start, end=whole.end, text=text), None, "group", text, 0.8)
    if len(parts) < 2 or not any(c.dep_ == "cc" and c.lower_ in ("and", "&") for t in parts for c in t.children):
        return None
    names, countries = [], set()
    for t in parts:
        if t.pos_ not in ("PROPN", "NOUN"):
            return None
        sp = one(phrase_of(sdoc, t))
        if sp.ref is None or sp.kind not in ("person", "group") or not (sp.ref.actor_id or t.pos_ == "PROPN"):
            return None  # "Lavrov and his counterpart": only the named one is sure
        names.append(sp.ref.name if sp.kind == "person" else _strip_det(sp.ref.text or sp.ref.name))
        countries.add(sp.ref.country)
    country = countries.pop() if len(countries) == 1 else None
    ref = ActorRef(name=join_names(names), country=country, start=whole.start, end=whole.end, text=text)
    return Speaker(ref, None, "group", text, 0.85)
