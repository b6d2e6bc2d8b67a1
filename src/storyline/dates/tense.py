"""Which way an expression with no year points: the tense of the clause it sits in.

Why: "Friday" in "said Friday" is the Friday before the article, in "will meet Friday" the one
after; "in October" in a June article is last October or next October by the same token. The
governing verb of the expression (found by climbing the dependency tree) and its auxiliaries
tell; cue words for the future ("will", "expected", "scheduled") are data in the dates lexicon.
"""

from __future__ import annotations

from typing import Any

PAST, UNKNOWN, FUTURE = -1, 0, 1


def governing_verb(sdoc: Any, start: int, end: int) -> Any:
    """The verb (or auxiliary) nearest above the expression in the parse, or None."""
    if sdoc is None:
        return None
    span = sdoc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    tok = span.root
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX") and tok not in span:
            return tok
        if tok.head is tok:
            return tok if tok.pos_ in ("VERB", "AUX") else None
        tok = tok.head
    return None


def direction(sdoc: Any, start: int, end: int, future_cues: set[str] | frozenset[str] = frozenset()) -> int:
    """PAST, FUTURE or UNKNOWN for the clause holding the characters start..end."""
    verb = governing_verb(sdoc, start, end)
    if verb is None:
        return UNKNOWN
    return verb_direction(verb, future_cues)


def verb_direction(verb: Any, future_cues: set[str] | frozenset[str] = frozenset()) -> int:
    words = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if words & {"will", "'ll", "shall", "wo", "would", "'d"} or verb.lemma_.lower() in future_cues:
        return FUTURE
    if verb.lemma_.lower() in ("go",) and any(c.dep_ == "xcomp" for c in verb.children) and verb.tag_ == "VBG":
        return FUTURE
    # "is expected to meet on Friday": the cue governs the verb of the expression
    head = verb.head
    if verb.dep_ in ("xcomp", "ccomp") and head is not verb and head.lemma_.lower() in future_cues:
        return FUTURE
    if words & {"has", "have", "had", "did", "was", "were"}:
        return PAST
    if verb.tag_ in ("VBD",) or (verb.tag_ == "VBN" and not words & {"is", "are", "be", "been", "being", "am"}):
        return PAST
    if verb.tag_ in ("VBP", "VBZ") or words & {"is", "are", "am", "does", "do"}:
        return UNKNOWN
    return UNKNOWN
