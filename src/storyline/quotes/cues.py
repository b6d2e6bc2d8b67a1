"""Cues of attribution in a stretch of tokens: verbs of saying, "according to X", "X was
quoted as saying by Y", and the noun phrase each one names as the speaker.

Why the parse and the surface together: the parser finds a cue verb's subject reliably in
``Lavrov said`` and ``said the official``, but not always in ``– told Reuters a source in the
Ministry``; each rule here falls back to the words' order where the tree has nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..parse import text_of, token_table
from .lexicon import QuoteLexicon

#: Dependencies a verb of saying may hang from without a subject of its own; the subject is
#: then its head's ("opposed the withdrawal and said", "by saying", "calling it").
_CLIMB = {"conj", "xcomp", "advcl", "pcomp", "prep", "acl", "dep"}


@dataclass
class Phrase:
    """A noun phrase that names (or points at) a speaker."""

    head: int  # token index of the phrase's head
    start: int  # character offsets of the phrase
    end: int

    def text(self, doc: Any) -> str:
        return doc.text[self.start:self.end]


@dataclass
class Cue:
    """What attributes a statement: the cue's words and the speaker phrase they name."""

    phrase: Phrase | None
    words: str
    start: int
    end: int
    token: int  # the cue's verb (or the first word of "according to")
    method: str  # "verb", "report", "according", "document", "frame"


def is_verb(t: Any) -> bool:
    return t.pos_ in ("VERB", "AUX") or t.tag_.startswith("VB")


def phrase_of(sdoc: Any, head: Any, stop: tuple[int, int] | None = None, with_conj: bool = False) -> Phrase:
    """The noun phrase headed by ``head``: its subtree less relative clauses (and less its
    conjuncts, unless ``with_conj``); ``stop`` is a span of tokens (the quotation) the phrase
    may not enter, so ``head`` must lie outside it (else there is no phrase: ValueError)."""
    if stop is not None and stop[0] <= head.i <= stop[1]:
        raise ValueError(f"the phrase head {head.text!r} lies inside the quotation (tokens {stop[0]}-{stop[1]})")
    keep = {head.i}
    todo = [head]
    while todo:
        t = todo.pop()
        for c in t.children:
            if c.dep_ in ("relcl", "advcl") and c.i > head.i:
                continue
            if c.dep_ in ("conj", "cc") and t.i == head.i and not with_conj:
                continue
            keep.add(c.i)
            todo.append(c)
    lo, hi = head.i, head.i
    while lo - 1 in keep:
        lo -= 1
    while hi + 1 in keep:
        hi += 1
    if stop is not None and (stop[0] <= lo <= stop[1] or stop[0] <= hi <= stop[1] or (lo < stop[0] and hi > stop[1])):
        if head.i < stop[0]:
            hi = min(hi, stop[0] - 1)
        else:
            lo = max(lo, stop[1] + 1)
    while lo < hi and (sdoc[lo].is_punct or sdoc[lo].dep_ in ("cc",)):
        lo += 1
    while hi > lo and (sdoc[hi].is_punct or sdoc[hi].dep_ == "cc") and sdoc[hi].text not in (")", "]"):
        hi -= 1
    return Phrase(head.i, sdoc[lo].idx, sdoc[hi].idx + len(sdoc[hi].text))


def subject_of(lex: QuoteLexicon, v: Any, after: bool, quote_end: int | None = None) -> Any | None:
    """The token heading the speaker of the verb ``v``; ``quote_end`` is the last token of the
    quotation the verb follows, where it follows one."""
    cur = v
    for _ in range(5):
        passive_quoting = cur.lemma_.lower() in lex.passive_quoting
        if passive_quoting and cur.i != v.i and v.head.lower_ == "as" and v.head.head.i == cur.i:
            # "Aliyev's press service quoted him as saying": the one quoted speaks
            quoted = [c for c in cur.children if c.dep_ == "dobj"]
            if quoted:
                return quoted[0]
        subjects = [c for c in cur.children if c.dep_ == "nsubj" or (c.dep_ == "nsubjpass" and passive_quoting)]
        if subjects:
            c = subjects[0]
            if c.tag_ in ("WP", "WDT") and cur.dep_ == "relcl":
                return _relative_antecedent(c, cur.head)  # "Haley, who said ..."
            # "The judge presiding over the case, Bernard Schwartz, said": the parser gives the
            # apposition as a second subject; the name is the speaker
            named = [s for s in subjects if s.pos_ == "PROPN"]
            return named[0] if named and c.pos_ == "NOUN" else c
        for c in cur.children:
            if c.dep_ == "agent" and not passive_quoting:
                objs = [g for g in c.children if g.dep_ == "pobj"]
                if objs:
                    return objs[0]
        if after and cur.i == v.i and _next_to_quote(v, quote_end):
            # inverted order after a quotation: "– told Reuters a source in the Ministry"
            objs = [c for c in v.children if c.dep_ in ("dobj", "attr", "nsubj") and c.i > v.i]
            if objs:
                return objs[-1]
        if cur.dep_ in _CLIMB and cur.head.i != cur.i:
            cur = _speech_before(lex, cur) or _past_reported_clause(lex, cur.head)
            continue
        break
    # no subject at all: "explained in the Kremlin", "in Baku insist that ..."
    for c in v.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "at"):
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is None or obj.lemma_.lower() in lex.document_nouns:
                continue
            words = obj.doc[obj.left_edge.i:obj.right_edge.i + 1].text.lower()
            if obj.pos_ == "PROPN" or any(i in words for i in lex.institutions):
                return obj
    return None


def _speech_before(lex: QuoteLexicon, v: Any) -> Any | None:
    """Where "while stressing", "adding" (a participle of saying with no subject) belongs when
    the parser hung it on a far verb that says nothing ("The deal was signed by the ministers, in
    the presence of Lund, who hailed it as "...," while stressing that ..."): the nearest verb
    before it that speaks (a verb of saying, or one that carries a quotation) and has a subject."""
    head = v.head
    if v.tag_ != "VBG" or v.dep_ != "advcl" or lex.is_cue(head.lemma_.lower()):
        return None
    for t in reversed(v.doc[head.i + 1:v.i]):
        if not is_verb(t) or not any(c.dep_ == "nsubj" for c in t.children):
            continue
        if lex.is_cue(t.lemma_.lower()) or any(g.tag_ == "``" for g in t.subtree):
            return t
    return None


def _relative_antecedent(pronoun: Any, head: Any) -> Any:
    """Who "who" stands for: the name right before it ("in the presence of Minister Karin Lund,
    who hailed ..." is Lund, wherever the parser hung the clause), else the parser's head."""
    j = pronoun.i - 1
    while j >= 0 and pronoun.doc[j].is_punct:
        j -= 1
    if j < 0 or j == head.i:
        return head
    t = pronoun.doc[j]
    while t.dep_ in ("compound", "flat") and t.head.i > t.i:
        t = t.head
    return t if t.pos_ == "PROPN" and t.ent_type_ in ("PERSON", "") else head


def _next_to_quote(v: Any, quote_end: int | None) -> bool:
    """True where nothing but punctuation stands between the quotation and the verb (the
    inverted '"...," said the minister'); "..., but expressed hope that" is not inverted."""
    if quote_end is None:
        return True
    return all(t.is_punct or t.is_space for t in v.doc[quote_end + 1:v.i])


def surface_subject(v: Any, stop: tuple[int, int]) -> Any | None:
    """The speaker of '"...," the Swedish embassy in Oslo wrote' where the parser lost the
    subject (hung the noun phrase on a word of the quotation): the noun phrase standing between
    the quotation and the verb, by the words' order."""
    sdoc = v.doc
    region = [t for t in sdoc[stop[1] + 1:v.i] if not (t.is_punct or t.is_space)]
    if not region or any(t.pos_ in ("VERB", "AUX") for t in region) or region[0].pos_ == "ADP":
        return None
    inside = {t.i for t in region}
    roots = [t for t in region if t.head.i not in inside or t.head.i == t.i]
    nouns = [t for t in roots if t.pos_ in ("NOUN", "PROPN")]
    return nouns[0] if len(nouns) == 1 and len(roots) == 1 else None


def _past_reported_clause(lex: QuoteLexicon, t: Any) -> Any:
    """Where a subjectless verb of saying climbs to: past a clause that is itself what another
    verb of saying reports ("X emphasized [the deal was "...", stressing that ...]": the parser
    hangs "stressing" on "was", but the one stressing is X, the one emphasizing)."""
    while t.dep_ == "ccomp" and t.head.i != t.i and lex.is_cue(t.head.lemma_.lower()):
        t = t.head
    return t


def _cue_span(sdoc: Any, lex: QuoteLexicon, v: Any) -> tuple[int, int, str]:
    """The cue's words: the verb with its particle, or the whole "was quoted as saying"."""
    start, end = v.idx, v.idx + len(v.text)
    for c in v.children:
        if c.dep_ == "prt" and c.i == v.i + 1:
            end = c.idx + len(c.text)
    # "was quoted as saying": the saying verb under a passive quoting verb
    h = v.head
    if h.i != v.i and h.dep_ == "prep" and h.lower_ == "as" and h.head.lemma_.lower() in lex.passive_quoting:
        q = h.head
        aux = [c for c in q.children if c.dep_ == "auxpass"]
        start = (aux[0] if aux else q).idx
    return start, end, text_of(sdoc)[start:end]


def verb_cues(sdoc: Any, lex: QuoteLexicon, region: list[int]) -> list[tuple[int, Any]]:
    """(rank, token) of every cue verb in the region: verbs of saying rank 0, report verbs 1."""
    out = []
    table = token_table(sdoc)
    pos, tag = table.pos, table.tag
    for i in region:
        if not (pos[i] in ("VERB", "AUX") or tag[i].startswith("VB")) and not _verb_read_as_noun(sdoc[i]):
            continue  # (is_verb without the Token first: most tokens stop here)
        t = sdoc[i]
        lemma = t.lemma_.lower()
        particles = {c.lower_ for c in t.children if c.dep_ == "prt"}
        if lex.is_cue(lemma, particles):
            out.append((0, t))
        elif lemma in lex.report_verbs:
            out.append((1, t))
    return out


def _verb_read_as_noun(t: Any) -> bool:
    """A verb of saying the tagger took for a plural noun, in a clause it heads with a subject
    of its own ("– the Ministry informs."): a noun has no subject."""
    return t.tag_ == "NNS" and t.dep_ == "ROOT" and any(c.dep_ == "nsubj" for c in t.children)


def according(sdoc: Any, lex: QuoteLexicon, region: list[int]) -> Cue | None:
    """ "according to X", "in the words of X", "citing X" in the region, with X's phrase."""
    lower = token_table(sdoc).lower
    words = [lower[i] for i in region]
    for phrase in lex.according_to:
        n = len(phrase)
        for k in range(len(region) - n + 1):
            if tuple(words[k:k + n]) != phrase or region[k + n - 1] - region[k] != n - 1:
                continue
            first, last = sdoc[region[k]], sdoc[region[k + n - 1]]
            obj = next((c for c in last.children if c.dep_ in ("pobj", "dobj")), None)
            if obj is None and last.i + 1 < len(sdoc):
                nxt = sdoc[last.i + 1]
                obj = nxt
                while obj.head.i != obj.i and obj.head.i > last.i and obj.head.i <= last.i + 12 and obj.dep_ != "pobj":
                    obj = obj.head
            if obj is None:
                continue
            method = "according"
            speaker = _document_speaker(lex, obj)
            if speaker is not None:
                obj, method = speaker, "document"
            return Cue(phrase_of(sdoc, obj), " ".join(w.text for w in sdoc[first.i:last.i + 1]),
                       first.idx, last.idx + len(last.text), first.i, method)
    return None


def _document_speaker(lex: QuoteLexicon, noun: Any) -> Any | None:
    """The speaker named inside "a tweet by X", "a statement released by X's office",
    "X's statement"; None where ``noun`` is not a document noun or names no one."""
    name = noun.lemma_.lower()
    compounds = " ".join(c.lower_ for c in noun.children if c.dep_ == "compound" and c.i < noun.i)
    if name not in lex.document_nouns and f"{compounds} {name}".strip() not in lex.document_nouns:
        return None
    for t in noun.subtree:
        if t.lower_ == "by" and t.dep_ in ("agent", "prep"):
            objs = [c for c in t.children if c.dep_ == "pobj"]
            if objs:
                return objs[0]
    poss = [c for c in noun.children if c.dep_ == "poss" and c.pos_ != "PRON"]
    return poss[0] if poss else None


def governs(v: Any, t: Any) -> bool:
    """True where ``v`` is ``t`` or one of its ancestors."""
    return v.i == t.i or any(a.i == v.i for a in t.ancestors)


def find_cue(sdoc: Any, lex: QuoteLexicon, region: list[int], *, after: bool,
             quote_tokens: list[int], allow_frame: bool = True) -> Cue | None:
    """The attribution in one region beside a quotation, or None."""
    if not region:
        return None
    stop = (quote_tokens[0], quote_tokens[-1]) if quote_tokens else None
    acc = according(sdoc, lex, region)
    cues = verb_cues(sdoc, lex, region)
    if acc is not None and not _says_itself(sdoc, lex, cues, acc):
        return acc
    for rank in (0, 1):
        ranked = [t for r, t in cues if r == rank]
        if not ranked:
            continue
        if after:
            v = ranked[0]
        else:
            anchor = attachment(sdoc, quote_tokens)
            governing = [t for t in ranked if anchor is not None and governs(t, anchor)]
            v = governing[-1] if governing else ranked[-1]
        subj = subject_of(lex, v, after, stop[1] if after and stop is not None else None)
        if subj is not None and stop is not None and stop[0] <= subj.i <= stop[1]:
            # the parser made a quoted word the verb's subject ('"We will win," said the
            # minister' read as "We ... said"): the quoted words never name their speaker
            subj = None
        if subj is None and after and stop is not None:
            subj = surface_subject(v, stop)
        start, end, words = _cue_span(sdoc, lex, v)
        phrase = phrase_of(sdoc, subj, stop) if subj is not None else None
        return Cue(phrase, words, start, end, v.i, "verb" if rank == 0 else "report")
    if allow_frame and not after:
        return _frame_cue(sdoc, lex, region, stop)
    return None


def governing_cue(sdoc: Any, lex: QuoteLexicon, quote_tokens: list[int]) -> Cue | None:
    """A partial quotation with no verb of saying: the clause it is part of tells an act of
    its subject, whose words they are ("X thanked Y "for their willingness ..."", "X congratulated
    "everyone who contributed""). The subject is only a candidate: the caller keeps it where it
    names someone."""
    v = attachment(sdoc, quote_tokens)
    inside = set(quote_tokens)
    for _ in range(4):
        if v is None or v.i in inside:
            return None
        if is_verb(v):
            break
        v = v.head if v.head.i != v.i else None
    if v is None or not is_verb(v):
        return None
    subj = subject_of(lex, v, after=False)
    if subj is None or subj.i in inside:
        return None
    stop = (quote_tokens[0], quote_tokens[-1]) if quote_tokens else None
    return Cue(phrase_of(sdoc, subj, stop), v.text, v.idx, v.idx + len(v.text), v.i, "governing")


def _says_itself(sdoc: Any, lex: QuoteLexicon, cues: list[tuple[int, Any]], acc: Cue) -> bool:
    """True where "according to Y" only passes on what a named speaker said ("X said ...,
    according to [the newspaper] Y"): a verb of saying with its own subject governs the
    "according to" phrase that follows it, so X is the speaker and Y the one who reported it
    ("According to him, the US condemned ..." is his account: the phrase comes first)."""
    first = sdoc[acc.token]
    if acc.phrase is not None and sdoc[acc.phrase.head].pos_ == "PRON":
        return False
    for rank, v in cues:
        if rank != 0 or not governs(v, first) or v.i >= first.i:
            continue
        if any(c.dep_ == "nsubj" for c in v.children):  # a document too: it speaks for its issuer
            return True
    return False


def attachment(sdoc: Any, quote_tokens: list[int]) -> Any | None:
    """The token outside the quotation that the quoted words hang from."""
    inside = set(quote_tokens)
    for i in quote_tokens:
        t = sdoc[i]
        h = t.head
        if h.i not in inside:
            return h
    return None


def _frame_cue(sdoc: Any, lex: QuoteLexicon, region: list[int], stop: tuple[int, int] | None) -> Cue | None:
    """No verb of saying, but a clause that introduces the quotation after a colon or a comma
    ("Trump defended his decision, "...", "he appreciated Soleimani's lifepath: "...")."""
    last = sdoc[region[-1]]
    if last.text not in (":", ",", "—", "–") or stop is None or \
            any(not sdoc[i].is_space for i in range(region[-1] + 1, stop[0])):
        return None
    inside = set(region)
    verbs = [sdoc[i] for i in region if is_verb(sdoc[i]) and (sdoc[i].head.i not in inside or sdoc[i].head.i == i)]
    if not verbs:
        return None
    v = verbs[0]
    subj = subject_of(lex, v, after=False)
    if subj is None or subj.i not in inside:
        return None
    return Cue(phrase_of(sdoc, subj, stop), v.text, v.idx, v.idx + len(v.text), v.i, "frame")
