"""Quotations set off without marks: a paragraph in a speaker's own first person standing alone
among the reporter's paragraphs ("I would like to thank both delegations ..." between two
paragraphs about the minister), where the page lost the marks of a quoted statement.

Why so narrow: news copy is the reporter's third person, so a lone paragraph opening with "I"
and a verb is someone else's words; but a whole article in the first person (a statement or an
op-ed posted as it was written) is its author's text, not a quotation, and neither are two such
paragraphs side by side (an interview's answers). The rules, for each paragraph:

1. It holds no quotation mark, opens with a first-person singular subject (the speakers
   lexicon's ``pronouns.first_person``) and has at least ``_MIN_WORDS`` words.
2. The article's first paragraph is the reporter's (not itself in the first person), and
   neither paragraph beside it is in the first person.

The speaker is found by the resolver as for "he": the person who spoke or acted last before it.

A statement set off by dashes is direct speech too, the way news translated from Russian writes
it ("– We are ready to talk, – the minister said."): where a dash stands between a statement and
the verb after it that attributes it, the statement is a quotation that runs from the start of
its paragraph (after an opening dash) to that dash. So is a statement after a colon in the
speaker's first person ("He said: we will not give up"); in the third person ("He said: the
talks will go on") it may be the reporter's words and stays reported.
"""

from __future__ import annotations

import re

from .frame import Frame
from .lexicon import QuoteLexicon

_MIN_WORDS = 8
_DASH_BEFORE_CUE = re.compile(r"^\s*,?\s*[–—-]{1,2}\s")
_OPENING_DASH = re.compile(r"^[–—-]{1,2}\s*")
_FIRST_PERSON = re.compile(r"\b(?:I|we|We|my|My|our|Our|us)\b")


def _first_person(frame: Frame, lex: QuoteLexicon, start: int, end: int) -> bool:
    span = frame.sdoc.char_span(start, end, alignment_mode="contract")
    if span is None or len(span) < 2:
        return False
    first = span[0]
    return first.lower_ in lex.first_person and first.dep_ == "nsubj" and first.head.pos_ in ("VERB", "AUX")


def unmarked_quotations(frame: Frame, lex: QuoteLexicon) -> list[tuple[int, int]]:
    """The (start, end) of every paragraph that is a quotation without marks."""
    paras = frame.para_spans
    if not lex.first_person or len(paras) < 3:
        return []
    marked = {frame.para_at(q.open_at) for q in frame.quoted}
    voiced = [_first_person(frame, lex, s, e) for s, e in paras]
    if voiced[0]:
        return []  # the article is its author's own statement
    out = []
    for k in range(1, len(paras)):
        s, e = paras[k]
        if not voiced[k] or k in marked or voiced[k - 1] or (k + 1 < len(paras) and voiced[k + 1]):
            continue
        if len(frame.doc.text[s:e].split()) >= _MIN_WORDS:
            out.append((s, e))
    return out


def set_off(text: str, para: tuple[int, int], start: int, end: int, cue_start: int) -> tuple[int, int] | None:
    """The quotation a reported statement [start, end) is, where dashes or a colon set it off
    as the speaker's own words (see the module's docstring), else None."""
    ps, _ = para
    dash = _OPENING_DASH.match(text[ps:])
    between = text[end:cue_start] if cue_start >= end else ""
    if between and _DASH_BEFORE_CUE.match(between) and (dash or between.lstrip().startswith(",")):
        if not dash and text[ps:start].strip():
            return None  # words of the reporter's before it: not a paragraph of speech
        return ps + (dash.end() if dash else 0), end
    if cue_start < start and text[cue_start:start].rstrip().endswith(":") and _FIRST_PERSON.search(text[start:end]):
        return start, end
    return None
