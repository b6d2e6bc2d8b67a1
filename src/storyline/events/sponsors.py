"""A third party's mediation told by a hyphenated participle: "a Qatari-brokered truce", "the
US-mediated talks", "an Egyptian-sponsored deal between Israel and Hamas".

News names the mediator of a settlement in front of the settlement's noun, joined by a hyphen to
a participle of mediation (``sponsor_participles`` in event_patterns.yaml), on a noun of
settlement or talks (``sponsored_nouns``). The name is no doer of the noun's act: the truce is
the sides', the brokering the name's (CAMEO 045, MEDIATE). The parser hangs the name on the
participle ("Qatari" npadvmod of "brokered") or on the noun ("UN" nmod of "deal"), so the name is
found by the surface, the words joined to the participle by its hyphen.

1. ``sponsor_names``: the name tokens before the participle's hyphen, or [] where the token is
   no such participle;
2. ``sponsored_sides``: the tokens of the "between" phrase that names the noun's sides, on the
   noun or on the clause it is the subject or object of ("a truce was reached *between A and B*");
3. ``sponsored_phrase``: the words of the evidence: the noun's phrase up to the noun, with its
   own "between" phrase.
"""

from __future__ import annotations

from typing import Any

from .parties import between_objects

Token = Any  # spacy.tokens.Token

#: Entity types of a name that can mediate.
NAMES = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def sponsor_names(tok: Token, participles: frozenset[str] | set[str],
                  nouns: frozenset[str] | set[str]) -> list[Token]:
    """The mediator's name tokens of "<name>-<participle> <noun>" (the module's first step)."""
    if tok.tag_ != "VBN" or tok.dep_ not in ("amod", "compound") or tok.lemma_.lower() not in participles:
        return []
    noun = tok.head
    if noun.pos_ not in ("NOUN", "PROPN") or noun.i <= tok.i or \
            (noun.lemma_.lower() not in nouns and noun.lower_ not in nouns):
        return []
    doc = tok.doc
    if tok.i < 2 or doc[tok.i - 1].text not in ("-", "\u2010", "\u2011") or doc[tok.i - 1].whitespace_:
        return []
    last = doc[tok.i - 2]
    if last.ent_type_ not in NAMES and last.pos_ != "PROPN":
        return []
    first = last.i
    while first > 0 and last.ent_type_ and doc[first].ent_iob_ == "I":
        first -= 1  # "United Nations-brokered": the whole name
    return list(doc[first:last.i + 1])


def sponsored_sides(tok: Token) -> list[Token]:
    """The noun's sides named by "between" (the module's second step)."""
    noun = tok.head
    sides = between_objects(noun)
    if not sides and noun.dep_ in ("nsubj", "nsubjpass", "dobj"):
        sides = between_objects(noun.head)
    return sides


def sponsored_phrase(tok: Token) -> list[Token]:
    """The evidence of the mediation (the module's third step): "An Egyptian-sponsored truce",
    with the noun's own "between" phrase."""
    noun = tok.head
    left = [t for ch in noun.children if ch.i < noun.i for t in ch.subtree]
    own = [t for ch in noun.children if ch.dep_ == "prep" and ch.lower_ == "between" for t in ch.subtree]
    return sorted({t.i: t for t in [*left, noun, *own]}.values(), key=lambda t: t.i)
