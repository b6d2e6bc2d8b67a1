"""The members of a coordinated argument that the parser does not join by ``conj``.

``ActorResolver.refs_for`` reads one actor per coordinated member; the small model often hangs
a list's members or a co-agent elsewhere, and the act then loses doers. The extra members of an
argument head (``co_members``), in this order:

1. a list read as an apposition: "Chad, the UN, Sudan and Libya signed" parses "the UN" as the
   apposition of "Chad" and "Sudan", "Libya" as its conjuncts; an apposition that itself heads a
   coordination joined by "and" is a list's tail, not a description of the first item ("Chad, a
   country of the Sahel, signed" keeps one doer);
2. a co-agent joined without "and": "X, together with Y, issued", "X along with Y", "X alongside
   Y" (``co_agent_adverbs``, ``co_agent_preps`` in grammar.yaml);
3. a subject's first member read as the root: "Rau and OSCE chief Helga Schmid reaffirmed their
   call" parses "Rau" as the sentence's root, the verb as its conjunct and "Schmid" alone as the
   verb's subject; a proper name whose conjunct is the subject's own verb is a co-subject;
4. the coordinated object of an "of" phrase the actors layer linked only in part: "delegations of
   Chad and Sudan" (the group mention covers "delegations of Chad"): the rest of the coordination
   (``of_conjuncts``, for the resolver, which knows the mentions);
5. a modifier's hyphen partner: "the Russian-Ukrainian talks", "the Chile-Bolivia deal" parse
   "Russian" as a modifier of "Ukrainian", not of "talks"; the words joined to a modifier by a
   hyphen modify the head as much as it does (``hyphen_partners``, for the resolver).

A co-agent may hang on the clause rather than on its subject: "Chile and Peru pursued their
mediation in coordination with the United States" (``clause_co_agents``, ``co_agent_nouns``), for
the events' roles.
"""

from __future__ import annotations

from typing import Any

from ..lexicons import load_lexicon

Token = Any  # spacy.tokens.Token

_GRAMMAR = load_lexicon("grammar")
CO_AGENT_ADVERBS = frozenset(w.lower() for w in _GRAMMAR.get("co_agent_adverbs", []))
CO_AGENT_PREPS = frozenset(w.lower() for w in _GRAMMAR.get("co_agent_preps", []))
CO_AGENT_NOUNS = frozenset(w.lower() for w in _GRAMMAR.get("co_agent_nouns", []))
#: Relations of a subject.
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
#: Parts of speech of a word that names someone.
NAMES = frozenset({"PROPN", "NOUN"})


def _conjuncts(tok: Token) -> list[Token]:
    return [c for c in tok.conjuncts if c.i > tok.i]


def _joined_by_and(tok: Token) -> bool:
    """The coordination the word heads is closed by "and" (a list, not a clause's "but")."""
    return any(c.dep_ == "cc" and c.lower_ in ("and", "&") for m in [tok, *_conjuncts(tok)] for c in m.children)


def _list_tail(tok: Token) -> list[Token]:
    """1. "Chad, the UN, Sudan and Libya": the apposition that heads a coordination of names."""
    out: list[Token] = []
    for a in tok.children:
        if a.dep_ == "appos" and a.pos_ == "PROPN" and tok.pos_ == "PROPN" and _conjuncts(a) and _joined_by_and(a) \
                and all(c.pos_ == "PROPN" for c in _conjuncts(a)):
            out += [a, *_conjuncts(a)]
    return out


def _co_agents(tok: Token) -> list[Token]:
    """2. "X, together with Y", "X alongside Y": the co-agent phrase's object."""
    out: list[Token] = []
    for p in tok.children:
        if p.dep_ != "prep":
            continue
        joined = p.lower_ in CO_AGENT_PREPS or (p.lower_ == "with" and any(
            a.dep_ == "advmod" and a.lower_ in CO_AGENT_ADVERBS for a in p.children))
        if joined:
            out += [o for o in p.children if o.dep_ == "pobj"]
    return out


def _root_first_member(tok: Token) -> list[Token]:
    """3. "Rau and Schmid reaffirmed": the name the parser made the root, the verb its conjunct."""
    verb = tok.head
    if tok.dep_ not in SUBJECTS or verb.dep_ != "conj" or verb.pos_ not in ("VERB", "AUX"):
        return []
    first = verb.head
    if first.pos_ != "PROPN" or first.i >= tok.i or first.ent_type_ not in ("PERSON", "ORG", "GPE", "NORP"):
        return []
    cc = [c for c in first.children if c.dep_ == "cc"]
    # "and" right after the name and before the subject: one noun phrase the parser broke
    return [first] if cc and cc[0].lower_ == "and" and first.i < cc[0].i < tok.i else []


def co_members(tok: Token) -> list[Token]:
    """The members of the argument headed by ``tok`` that are not its conjuncts (see the module's
    cascade), in text order, each once."""
    seen = {tok.i, *(c.i for c in _conjuncts(tok))}
    out: list[Token] = []
    for m in [*_list_tail(tok), *_co_agents(tok), *_root_first_member(tok)]:
        if m.i not in seen:
            seen.add(m.i)
            out.append(m)
    return sorted(out, key=lambda t: t.i)


def of_conjuncts(head: Token) -> list[Token]:
    """4. "delegations of Chad and Sudan": the coordinated objects of the head's "of" phrase
    after the first (the resolver keeps those no mention of the head already covers)."""
    return [c for p in head.children if p.dep_ == "prep" and p.lower_ == "of"
            for o in p.children if o.dep_ == "pobj" for c in _conjuncts(o)]


def clause_co_agents(words: list[Token]) -> list[Token]:
    """"in coordination with Y", "in cooperation with Y" on any of ``words`` (a clause's head, an
    act's noun): Y, who acts with the clause's doer."""
    return [o for w in words for p in w.children if p.dep_ == "prep" and p.lower_ == "in"
            for n in p.children if n.dep_ == "pobj" and n.lemma_.lower() in CO_AGENT_NOUNS
            for w2 in n.children if w2.dep_ == "prep" and w2.lower_ == "with"
            for o in w2.children if o.dep_ == "pobj"]


#: Marks that join the members of a pair modifier ("Russian-Ukrainian", "Chile–Bolivia").
HYPHENS = frozenset({"-", "\u2013", "\u2010", "\u2011"})
#: Relations by which a pair's first member hangs on its second.
PAIR_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod"})


def hyphen_partners(mod: Token) -> list[Token]:
    """5. The words joined to a modifier by a hyphen ("Russian" in "Russian-Ukrainian talks",
    both first members of "Russian-Turkish-Iranian"), however the parser stacked them."""
    doc = mod.doc
    out: list[Token] = []
    for c in mod.children:
        if c.dep_ in PAIR_DEPS and c.i < mod.i and c.i + 1 < len(doc) and doc[c.i + 1].text in HYPHENS:
            out += [c, *hyphen_partners(c)]
    return sorted(out, key=lambda t: t.i)
