"""From a parsed document to its quotations and reported statements, each with a speaker.

Why in text order: a quotation attributed to "he", "the minister" or to nobody at all (a quoted
paragraph standing alone after another) takes its speaker from what came before, so every
statement is resolved after the ones before it, and remembered for the ones after.
"""

from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass
from typing import Any

from ..dates.anchor import date_for_clause
from ..model import DateValue, Document, Quote
from .cues import Cue, attachment, find_cue, governing_cue, governs
from .frame import Frame
from .lexicon import QuoteLexicon
from .reported import find_statements
from .speakers import Resolver, Speaker
from .unmarked import set_off, unmarked_quotations

log = logging.getLogger(__name__)

#: How far each way of finding a speaker is trusted.
CONFIDENCE = {"verb": 0.95, "according": 0.95, "document": 0.9, "report": 0.7, "frame": 0.65, "governing": 0.6,
              "continuation": 0.85, "paragraph": 0.6, "previous-sentence": 0.5, "unmarked": 0.5}
_TRAILING = " \t\n,;:–—-"
#: Dependents of a verb of saying that are what was said (or said next), not when or by whom.
_NOT_ATTRIBUTION = ("ccomp", "xcomp", "conj", "cc", "parataxis", "relcl")


@dataclass
class _Item:
    start: int
    end: int
    kind: str  # direct, partial, reported
    cue: Cue | None
    qi: int | None = None
    tail: int = 0  # for quotations: where the quotation's sentence, attribution included, ends
    para: int = 0
    clause: tuple[int, int] | None = None  # the words that attribute it ("Lavrov said on Thursday")
    hidden: bool = False  # too short to list, kept for the speaker of the quotation after it


def _words(sdoc: Any, toks: list[int]) -> list[Any]:
    return [sdoc[i] for i in toks if not sdoc[i].is_punct and not sdoc[i].is_space
            and any(ch.isalnum() for ch in sdoc[i].text)]


def _title(words: list[Any]) -> bool:
    """A quoted name ("Operation Peace Spring", "Law on the Status of the Capital", "Storm Area
    51, They Can't Stop All of Us"): every word but the small ones capitalised, and either no
    verb or no full stop (a sentence in capitals, "THE USA IS GREAT!", is still a sentence)."""
    content = [t for t in words if t.is_alpha and not t.is_stop]
    if not content or not all(t.text[:1].isupper() for t in content) or words[0].text[:1].islower():
        return False  # a title opens with a capital ("as well as the National Guard" is words)
    if all(t.text.isupper() for t in content) and len(content) > 1:
        return False
    ends = words[-1].doc[words[-1].i + 1:words[-1].i + 2].text[:1] in (".", "!", "?") if words else False
    return not any(t.pos_ in ("VERB", "AUX") for t in words) or not ends


def _quote_item(frame: Frame, lex: QuoteLexicon, qi: int, min_words: int) -> _Item | None:
    q = frame.quoted[qi]
    sdoc = frame.sdoc
    toks = frame.content_tokens(qi)
    words = _words(sdoc, toks)
    short = len(words) < min_words
    if (short and not frame.ends_sentence(qi)) or not words or _title(words):
        return None  # a scare quote or a quoted title, not a speaker's words
    first = frame.first_token(q.open_at)
    last = first
    while last + 1 < len(sdoc) and sdoc[last + 1].idx < max(q.close_end, q.end):
        last += 1
    whole = list(range(first, last + 1))
    cue = find_cue(sdoc, lex, frame.after(qi), after=True, quote_tokens=whole)
    if cue is not None and (_hangs_before(sdoc, whole, cue) or cue.method == "according"):
        # `X added, "...," according to [the agency] Y`: Y only passed on what X's verb attributes
        earlier = find_cue(sdoc, lex, frame.before(qi), after=False, quote_tokens=whole)
        if earlier is None and cue.method != "according":
            earlier = governing_cue(sdoc, lex, whole)
        if earlier is not None and earlier.phrase is not None and (cue.method != "according" or earlier.method == "verb"):
            cue = earlier
    if cue is None or cue.phrase is None:
        earlier = find_cue(sdoc, lex, frame.before(qi), after=False, quote_tokens=whole)
        if earlier is not None and (cue is None or earlier.phrase is not None):
            cue = earlier
    if cue is None:  # a quoted paragraph under "X's statement reads as follows:"
        cue = find_cue(sdoc, lex, frame.introduction(qi), after=False, quote_tokens=whole)
    if short and (cue is None or cue.phrase is None):
        return None  # a short quoted sentence counts only for the speaker it names ("What next?" he asked.)
    kind = _kind(frame, lex, qi, words)
    if cue is None and kind == "partial":
        cue = governing_cue(sdoc, lex, whole)
    start, end = q.start, q.end
    while end > start and frame.doc.text[end - 1] in _TRAILING:
        end -= 1
    clause = attribution_clause(frame.doc, cue, q.open_at, max(q.close_end, q.end)) if cue else None
    return _Item(start, end, kind, cue, qi, frame.sentence_end_after(qi),
                 frame.para_at(q.open_at), clause, hidden=short)


def _hangs_before(sdoc: Any, whole: list[int], cue: Cue) -> bool:
    """True where the quoted words hang from words before them that the verb after them does
    not govern (`X hailed it as "...," while stressing that ...`, `X admitted that "...," but
    added`): the words before attribute them, not the verb after."""
    if cue.method not in ("verb", "report"):
        return False  # "according to X" after the quotation covers the whole sentence
    anchor = attachment(sdoc, whole)
    return anchor is not None and anchor.i < whole[0] and not governs(sdoc[cue.token], anchor)


def _kind(frame: Frame, lex: QuoteLexicon, qi: int, words: list[Any]) -> str:
    """ "partial" where the quoted words are a piece of the reporter's sentence ("the US
    condemned "massive violations ..."", "said it is possible "that ...""), else "direct"."""
    q = frame.quoted[qi]
    text = frame.doc.text[q.start:q.end].lstrip("[.…( ")
    before = frame.doc.text[:q.open_at].rstrip()
    if text[:1].islower() and not before.endswith((",", ":")):  # not the second half of a split quote
        return "partial"
    sdoc = frame.sdoc
    i = frame.first_token(q.open_at) - 1
    if i >= 0 and frame.tok_para[i] == frame.para_at(q.open_at) and not frame.in_quote(i):
        prev = sdoc[i]
        if prev.is_alpha and not lex.is_cue(prev.lemma_.lower()):
            return "partial"
    return "direct"


def _clause_date(doc: Document, clause: tuple[int, int] | None) -> DateValue | None:
    """The date the statement was made: the dates layer's reading of the words that attribute
    it ("said on Friday"; never the quoted words, which may speak of 1988), else the document's
    date, as the news of the day."""
    if clause is not None:
        value = date_for_clause(doc, clause[0], clause[1], "reported")
        if value is not None:
            return value
    return dataclasses.replace(doc.published) if doc.published else None


def attribution_clause(doc: Document, cue: Cue, start: int, end: int) -> tuple[int, int]:
    """The words that attribute a statement, its own content left out: "Zakharova said on
    Friday" of "Russia ... welcomes ..., Zakharova said on Friday". For a verb, the verb with its
    subject and modifiers; for "according to X", the phrase."""
    sdoc = doc.spacy
    v = sdoc[cue.token]
    if cue.method not in ("verb", "report", "frame"):
        return cue.start, cue.end if cue.phrase is None else max(cue.end, cue.phrase.end)
    keep = [v]
    todo = [c for c in v.children if c.dep_ not in _NOT_ATTRIBUTION + ("dobj", "punct")]
    while todo:  # "said on Friday", "said, ... while addressing the press yesterday"
        t = todo.pop()
        if t.dep_ == "advcl" and any(c.dep_ == "ccomp" for c in t.children):
            continue  # "..., adding that ...": the next statement
        if not start <= t.idx < end:
            keep.append(t)
        todo.extend(c for c in t.children if c.dep_ not in _NOT_ATTRIBUTION)
    lo = min(t.idx for t in keep)
    hi = max(t.idx + len(t.text) for t in keep)
    if lo < start < hi:  # the content lies inside: keep the verb's side of it
        lo, hi = (end, hi) if v.idx >= end else (lo, start)
    return lo, hi


def _actor_like(sp: Speaker) -> bool:
    """True where a speaker is someone: a person, or a body the actors layer knows (the subject
    of "X thanked Y "for ..."" speaks; the subject of "the deal was "..."" does not)."""
    return sp.ref is not None and (sp.kind == "person" or (sp.kind == "group" and bool(sp.ref.actor_id)))


class _Attributor:
    def __init__(self, doc: Document, frame: Frame, lex: QuoteLexicon, kb: Any = None):
        self.doc = doc
        self.frame = frame
        self.resolver = Resolver(doc, frame, lex, kb)
        self.done: list[tuple[_Item, Speaker | None]] = []

    def speaker(self, it: _Item) -> tuple[Speaker | None, str]:
        if it.cue is not None and it.cue.phrase is not None:
            sp = self.resolver.resolve(it.cue.phrase)
            if it.cue.method != "governing" or _actor_like(sp):
                return sp, it.cue.method
        if it.qi is None:
            if it.kind == "direct":  # a paragraph in the first person, its marks lost
                return self.resolver.antecedent(it.start, "person", sentences=10, paragraphs=4), "unmarked"
            return None, ""
        q = self.frame.quoted[it.qi]
        if it.cue is None:  # "In a joint statement, "...""
            issuer = self.resolver.issuers.introduced(q.open_at)
            if issuer is not None:
                return issuer, "document"
        quotes = [(d, sp) for d, sp in self.done if d.qi is not None]
        if quotes:
            prev, sp = quotes[-1]
            if sp is not None and self.frame.between_is_blank(prev.tail, q.open_at):
                return sp, "continuation"
        for d, sp in reversed(self.done):
            if sp is not None and d.para == it.para and d.start < it.start:
                return sp, "paragraph"
        k = self.resolver._sentence_index(q.open_at)
        if k > 0 and self.doc.sentences[k - 1].paragraph == self.doc.sentences[k].paragraph:
            subjects = [sp for rank, sp in self.resolver._sentence_subjects(k - 1) if rank < 2]
            if subjects and _actor_like(subjects[0]):  # not "Fighting resumed ... "We ...""
                return subjects[0], "previous-sentence"
        return None, ""

    def quote(self, it: _Item) -> Quote:
        sp, method = self.speaker(it)
        if it.clause is None and self.done and method in ("continuation", "paragraph"):
            it.clause = self.done[-1][0].clause  # the same speech, the same day
        self.done.append((it, sp))
        if sp is not None:
            self.resolver.remember(it.start, sp)
        cue = it.cue
        conf = CONFIDENCE.get(method, 0.5) * sp.confidence if sp else 0.3
        return Quote(
            start=it.start, end=it.end, text=self.doc.text[it.start:it.end], kind=it.kind,
            speaker=dataclasses.replace(sp.ref) if sp and sp.ref else None,
            speaker_description=sp.description if sp else None,
            cue=cue.words if cue else None, cue_start=cue.start if cue else None, cue_end=cue.end if cue else None,
            date=_clause_date(self.doc, it.clause), sentence=self.doc.sentence_at(it.start),
            confidence=round(conf, 3))


def extract_quotes(doc: Document, lex: QuoteLexicon, min_words: int = 5, kb: Any = None) -> list[Quote]:
    """Every quotation (direct or partial) and reported statement of a parsed document; ``kb``
    (the actor knowledge base) reads the demonyms of a group of officials ("his Greek
    counterparts")."""
    frame = Frame.build(doc, lex.marks)
    items: list[_Item] = []
    for qi in range(len(frame.quoted)):
        try:
            it = _quote_item(frame, lex, qi, min_words)
        except Exception as e:  # noqa: BLE001 - a malformed quotation costs only itself
            q = frame.quoted[qi]
            log.warning("%s: quotation at %d skipped: %s: %s", doc.name, q.open_at, type(e).__name__, e)
            continue
        if it is not None:
            items.append(it)
    items += [_Item(s, e, "direct", None, para=frame.para_at(s)) for s, e in unmarked_quotations(frame, lex)]
    try:
        statements = find_statements(frame, lex, [(it.start, it.end) for it in items])
    except Exception as e:  # noqa: BLE001 - the quotations stand without the reported speech
        log.warning("%s: reported speech skipped: %s: %s", doc.name, type(e).__name__, e)
        statements = []
    for s in statements:
        para = frame.para_at(s.start)
        speech = set_off(doc.text, frame.para_spans[para], s.start, s.end, s.cue.start)
        start, end = speech or (s.start, s.end)
        items.append(_Item(start, end, "direct" if speech else "reported", s.cue, para=para,
                           clause=attribution_clause(doc, s.cue, start, end)))
    items.sort(key=lambda it: (it.start, it.qi is None))
    att = _Attributor(doc, frame, lex, kb)
    quotes = []
    for it in items:
        try:
            quote = att.quote(it)
            if not it.hidden:
                quotes.append(quote)
        except Exception as e:  # noqa: BLE001 - keep the words, unattributed, and go on
            log.warning("%s: speaker of the statement at %d not found: %s: %s", doc.name, it.start,
                        type(e).__name__, e)
            if it.kind != "reported" and not it.hidden:
                quotes.append(Quote(it.start, it.end, doc.text[it.start:it.end], it.kind,
                                    sentence=doc.sentence_at(it.start), confidence=0.3))
    return quotes
