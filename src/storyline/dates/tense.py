"""Which way an expression with no year points: the tense of the clause it sits in.

Why: "Friday" in "said Friday" is the Friday before the article, in "will meet Friday" the one
after; "in October" in a June article is last October or next October by the same token. The
governing verb of the expression (found by climbing the dependency tree) and its auxiliaries
tell; the verbs that point forward ("expected to", "scheduled to", "is to") are data in the dates
lexicon (``future_cues``), the auxiliaries in the ``grammar`` lexicon.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..lexicons import load_lexicon

PAST, UNKNOWN, FUTURE = -1, 0, 1
#: Strictly past: a state told as over ("was envoy until December") ended before the story.
ENDED = -2

_GRAMMAR = load_lexicon("grammar")
_FUTURE_AUX = frozenset(_GRAMMAR["modal_verbs"]) | frozenset(_GRAMMAR["contracted_would"])
_PERFECT = frozenset(_GRAMMAR["perfect_auxiliaries"])
_BE_PAST = frozenset(_GRAMMAR["past_be"])
_BE_PRESENT = frozenset(_GRAMMAR["present_be"])


def expression_span(sdoc: Any, start: int, end: int) -> Any:
    """The tokens of the expression at [start, end) (widened to whole tokens), or None where the
    document has no parse or the offsets cover no token."""
    if sdoc is None:
        return None
    span = sdoc.char_span(start, end, alignment_mode="expand")
    return span if span is not None and len(span) else None


def path_up(span: Any, hops: int = 8) -> Iterator[Any]:
    """The expression's root and the heads above it, nearest first, up to the sentence's root."""
    tok = span.root
    for _ in range(hops):
        yield tok
        if tok.head.i == tok.i:
            return
        tok = tok.head


def _is_verb(tok: Any) -> bool:
    return tok.pos_ in ("VERB", "AUX")


def governing_verb(sdoc: Any, start: int, end: int) -> Any:
    """The verb (or auxiliary) nearest above the expression in the parse, or None."""
    span = expression_span(sdoc, start, end)
    if span is None:
        return None
    last = None
    for tok in path_up(span):
        if _is_verb(tok) and tok not in span:
            return tok
        last = tok
    # the sentence's root itself, where the expression holds it ("Yesterday came the news")
    return last if last is not None and last.head.i == last.i and _is_verb(last) else None


def direction(sdoc: Any, start: int, end: int, future_cues: frozenset[str] = frozenset()) -> int:
    """PAST, FUTURE or UNKNOWN for the clause holding the characters start..end."""
    verb = governing_verb(sdoc, start, end)
    if verb is None:
        return UNKNOWN
    return verb_direction(verb, future_cues)


def verb_direction(verb: Any, future_cues: frozenset[str] = frozenset()) -> int:
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if aux & _FUTURE_AUX:
        return FUTURE
    head = verb.head
    infinitive = "to" in aux or verb.tag_ == "VB"
    if infinitive and head.i != verb.i and head.lemma_.lower() in future_cues and verb.dep_ in ("xcomp", "ccomp"):
        return FUTURE  # "is expected to meet", "set to resume", "is to resume", "going to"
    if verb.lemma_.lower() in future_cues and (verb.tag_ == "VBN" and aux & _BE_PRESENT
                                               or verb.lemma_.lower() not in ("be", "go", "expect", "hope")):
        return FUTURE  # "is expected Friday", "has scheduled a news conference Thursday"
    if aux & (_PERFECT | _BE_PAST | {"did"}):
        return PAST
    if verb.tag_ == "VBD" or (verb.tag_ == "VBN" and not aux & _BE_PRESENT):
        return PAST
    return UNKNOWN
