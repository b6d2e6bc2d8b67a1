"""Reported speech: "Medvedev said that ...", "According to him, Russia will consult ...".

Why apart from direct quotations: a reported statement is the reporter's words for what someone
said. It has a speaker and a content span like a quotation, but its words are not the speaker's,
so it is stored with ``kind="reported"`` and never scored or shown as a quotation.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .cues import Cue, according, is_verb, phrase_of, subject_of, verb_cues
from .frame import Frame
from .lexicon import QuoteLexicon


@dataclass
class Statement:
    start: int
    end: int
    cue: Cue


def _span_of(sdoc: Any, tokens: list[Any]) -> tuple[int, int] | None:
    words = [t for t in tokens if not t.is_punct and not t.is_space]
    if not words:
        return None
    lo = min(words, key=lambda t: t.i)
    hi = max(words, key=lambda t: t.i)
    while lo.i < hi.i and lo.dep_ == "mark" and lo.lower_ in ("that", "whether", "if"):
        lo = sdoc[lo.i + 1]
    return lo.idx, hi.idx + len(hi.text)


def _covered(frame: Frame, start: int, end: int, speaker_quotes: list[tuple[int, int]]) -> bool:
    """True where direct quotations make up half the content or more."""
    if end <= start:
        return True
    inside = sum(max(0, min(end, qe) - max(start, qs)) for qs, qe in speaker_quotes)
    return inside >= 0.5 * (end - start)


def find_statements(frame: Frame, lex: QuoteLexicon, speaker_quotes: list[tuple[int, int]]) -> list[Statement]:
    """Every reported statement outside the quotations, with its cue and speaker phrase."""
    sdoc = frame.sdoc
    out: list[Statement] = []
    outside = [i for i, q in enumerate(frame.tok_quote) if q == -1]
    cues = verb_cues(sdoc, lex, outside)
    saying = {t.i for r, t in cues if r == 0}
    for rank, v in cues:
        if v.lemma_.lower() in lex.quotation_only:
            continue
        clauses = [c for c in v.children if c.dep_ == "ccomp"]
        if not clauses:
            continue
        clause = clauses[0]
        if frame.in_quote(clause.i):
            continue  # the quotation itself is the statement
        tokens = list(clause.subtree)
        if rank == 1 and any(t.i in saying for t in tokens):
            continue  # "Reuters reported a source said ...": the source's statement is the one
        span = _span_of(sdoc, tokens)
        if span is None or _covered(frame, span[0], span[1], speaker_quotes):
            continue
        subj = subject_of(lex, v, after=v.i > clause.i)
        phrase = phrase_of(sdoc, subj) if subj is not None else None
        end = v.idx + len(v.text)
        for c in v.children:
            if c.dep_ == "prt" and c.i == v.i + 1:
                end = c.idx + len(c.text)
        out.append(Statement(span[0], span[1], Cue(phrase, frame.doc.text[v.idx:end], v.idx, end, v.i,
                                                   "verb" if rank == 0 else "report")))
    out.extend(_according_statements(frame, lex, speaker_quotes, {s.cue.token for s in out}))
    out.sort(key=lambda s: s.start)
    return out


def _according_statements(frame: Frame, lex: QuoteLexicon, speaker_quotes: list[tuple[int, int]],
                          taken: set[int]) -> list[Statement]:
    """ "According to X, CLAUSE" and "CLAUSE, according to X": the clause is X's statement."""
    sdoc = frame.sdoc
    out: list[Statement] = []
    for sent in sdoc.sents:
        region = [i for i in range(sent.start, sent.end) if frame.tok_quote[i] == -1]
        cue = according(sdoc, lex, region)
        if cue is None:
            continue
        first = sdoc[cue.token]
        clause_head = first.head
        while clause_head.head.i != clause_head.i and not is_verb(clause_head):
            clause_head = clause_head.head
        skip = {t.i for t in first.subtree}
        tokens = [t for t in clause_head.subtree if t.i not in skip]
        span = _span_of(sdoc, tokens)
        if span is None or _covered(frame, span[0], span[1], speaker_quotes):
            continue
        out.append(Statement(span[0], span[1], cue))
    return out
