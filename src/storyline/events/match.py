"""Finding event triggers over the dependency parse: a verb (or a noun) and the CAMEO code its
words give, through the pattern lexicon.

Why over the parse rather than over the word sequence (as TABARI did): a pattern's object words
must belong to the verb's own phrase. "Putin held telephone talks" and "the talks Putin held" both
put *talks* in the phrase of *held*; "held ... which led to talks" does not. So each pattern side
is matched against the tokens of the verb's phrase only: its objects, particles, prepositional
phrases and complements (``after``), and its subject (``before``), never a neighbouring clause.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..lexicons import load_lexicon
from .lexicon import Item, Lexicon, NounEntry, Pattern, VerbEntry

Token = Any  # spacy.tokens.Token

#: Dependents whose words belong to a verb's phrase (the object side of its patterns).
PHRASE_DEPS = frozenset({"dobj", "dative", "attr", "oprd", "prt", "prep", "agent", "acomp", "advmod",
                         "npadvmod", "xcomp", "nsubjpass", "pobj", "obj", "iobj"})
#: Relations that start a clause of its own below the verb's phrase: a pattern never reaches
#: into them ("said that ... the ceasefire" is not "SAY * &CEASEFIRE").
SUBCLAUSE_DEPS = frozenset({"ccomp", "advcl", "csubj", "relcl", "acl", "parataxis"})
#: Dependents that open another clause: their words are not the verb's.
CLAUSE_DEPS = frozenset({"conj", "cc", "relcl", "advcl", "parataxis", "appos", "acl", "punct", "mark"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
#: Relations a preposition of a pattern may have (not the "to" of an infinitive).
PREP_DEPS = frozenset({"prep", "agent", "dative", "prt"})


@dataclass
class Trigger:
    """A predicate that states an event: the head token, the code and how it was found."""

    token: Token
    code: str
    kind: str = "verb"  # verb, noun (a nominal predicate, carried by ``host``)
    host: Token | None = None  # the verb whose clause carries a nominal predicate ("held" talks)
    pattern: Pattern | None = None
    entry: VerbEntry | NounEntry | None = None
    reverse: bool = False
    status: str | None = None
    words: list[Token] = field(default_factory=list)  # the trigger's own words (verb, particles, noun)

    @property
    def clause_head(self) -> Token:
        return self.host if self.host is not None else self.token

    @property
    def text(self) -> str:
        return " ".join(t.text for t in sorted(self.words, key=lambda t: t.i))


# ---------------------------------------------------------------- token sequences


def _phrase_tokens(head: Token, deps: Iterable[str], stop: frozenset[str] = CLAUSE_DEPS) -> list[Token]:
    """Tokens of ``head``'s dependents with the given relations, and their subtrees, without
    crossing into another clause."""
    out: list[Token] = []
    wanted = set(deps)

    def walk(tok: Token, top: bool) -> None:
        for child in tok.children:
            if top and child.dep_ not in wanted:
                continue
            if not top and (child.dep_ in SUBCLAUSE_DEPS or
                            (child.dep_ in stop and child.pos_ in ("VERB", "AUX", "PUNCT", "CCONJ", "SCONJ"))):
                continue
            out.append(child)
            walk(child, False)

    walk(head, True)
    return sorted(set(out), key=lambda t: t.i)


def after_tokens(verb: Token) -> list[Token]:
    """The verb's phrase to match a pattern's object side against, passive subject first (it is
    the logical object: "consultations were held"), as is the noun a participle follows ("talks
    hosted by Turkey")."""
    toks = _phrase_tokens(verb, PHRASE_DEPS - {"nsubjpass"})
    # "offered the Council to welcome ...": an infinitive the parser hangs as an adverbial clause
    toks += [c for c in verb.children if c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to"
                                                                    for a in c.children)]
    passive = _phrase_tokens(verb, {"nsubjpass"})
    if verb.dep_ == "advcl" and verb.tag_ == "VBN" and any(c.dep_ == "agent" for c in verb.children) and not passive:
        # "a communique was released in Doha signed by A and B": the participle's object is the
        # passive subject of the clause it trails
        passive = _phrase_tokens(verb.head, {"nsubjpass"})
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        # "the accord signed by the presidents", "talks hosted by Turkey": the noun a participle
        # hangs on (with its modifiers) is its logical object
        noun = verb.head
        passive = sorted({*(c for c in noun.children if c.dep_ in ("compound", "amod")), noun, *passive},
                         key=lambda t: t.i)
    return passive + sorted((t for t in toks if t.i > verb.i), key=lambda t: t.i)


def before_tokens(verb: Token) -> list[Token]:
    toks = _phrase_tokens(verb, {"nsubj", "csubj", "aux", "auxpass", "neg", "advmod", "npadvmod", "expl"})
    inf = clausal_subject(verb)
    if inf is not None:
        toks += list(inf.subtree)
    if verb.dep_ == "xcomp" and not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        # "the truce was due to take effect", "troops are expected to withdraw": the controller's subject
        gov = verb.head.head if verb.head.pos_ == "ADJ" and verb.head.dep_ == "acomp" else verb.head
        toks += _phrase_tokens(gov, {"nsubj", "nsubjpass"})
    return sorted((t for t in toks if t.i < verb.i), key=lambda t: t.i)


def clausal_subject(verb: Token) -> Token | None:
    """An infinitive standing as the subject of a finite verb that has none, which the parser
    hangs elsewhere: "told the press that to broker a truce in the north helped Qatar"
    (translated prose puts the act first: Russia helped to reach it). The infinitive must end
    right where the verb's phrase begins, have no subject of its own, and open its clause ("that
    to ...", or the sentence's first words), so it is no one's complement ("wanted to reach")."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or any(c.dep_ in SUBJECT_DEPS or c.dep_ == "auxpass"
                                                     for c in verb.children):
        return None
    edge = verb.left_edge.i
    if edge == 0 or verb.doc[edge - 1].is_punct:
        return None
    last = verb.doc[edge - 1]
    ends_here = [t for t in (last, *last.ancestors) if t.right_edge.i == edge - 1]
    inf = next((t for t in reversed(ends_here) if t.tag_ == "VB" and
                any(a.dep_ == "aux" and a.lower_ == "to" for a in t.children)), None)
    if inf is None or any(c.dep_ in SUBJECT_DEPS for c in inf.children):
        return None
    opens = any(c.dep_ == "mark" for c in inf.children) or inf.left_edge.i == inf.sent.start
    return inf if opens else None


# ---------------------------------------------------------------- word and item matching


def word_matches(word: str, tok: Token, exact: bool = False) -> bool:
    """A pattern word matches a token by its form or lemma; not ``exact``, also by a regular
    plural of its lemma (TALKS ~ talk, RALLIES ~ rally) or as a TABARI-style stem (ATTACK ~
    attacks, attacked, attacking). A preposition is itself only ("according to" holds no ACCORD),
    and a proper name is no inflection of a common word ("Bombay" is not BOMB), save a plural
    ("Attacks" in a headline)."""
    return word in token_forms(tok)[not exact]


Forms = tuple[frozenset[str], frozenset[str]]

#: (first word, next word) of the two-word prepositions (``complex_prepositions`` in grammar.yaml)
COMPLEX_PREPOSITIONS = frozenset(tuple(str(p).lower().split()[:2]) for p in
                                 load_lexicon("grammar").get("complex_prepositions") or () if len(str(p).split()) == 2)


def _opens_preposition(tok: Token) -> bool:
    """The first word of a two-word preposition ("according to"), which the parser tags as a
    verb (a participle hanging on the clause)."""
    return tok.i + 1 < len(tok.doc) and (tok.lower_, tok.nbor(1).lower_) in COMPLEX_PREPOSITIONS


def token_forms(tok: Token) -> Forms:
    """The pattern words that match ``tok`` exactly, and those that match it at all (see
    ``word_matches``), worked out once per token of a document: patterns ask about the same
    tokens again and again (a verb's phrase against dozens of patterns, each word of a synset),
    and each time read the token's strings from spaCy."""
    cache = tok.doc.user_data.setdefault("storyline_pattern_forms", {})
    forms = cache.get(tok.i)
    if forms is None:
        forms = cache[tok.i] = _forms_of(tok.lower_, tok.lemma_.lower(), tok.dep_ == "prep" or _opens_preposition(tok),
                                         tok.pos_ == "PROPN")
    return forms  # type: ignore[no-any-return]


def _forms_of(low: str, lem: str, prep: bool, proper: bool) -> Forms:
    if prep:
        return frozenset({low}), frozenset({low})
    exact = frozenset({low, lem})
    more = {lem + "s", *([lem[:-1] + "ies"] if lem.endswith("y") else [])}  # a plural of the lemma
    if proper:  # a proper name only as a plural: "Attacks", "Talks"
        more.update(low[:-len(end)] for end in ("s", "es") if low.endswith(end) and len(low) - len(end) >= 4)
    else:  # a stem: the form less up to three letters, four at least
        more.update(low[:n] for n in range(max(4, len(low) - 3), len(low) + 1))
    return exact, exact | more


def _alt_at(alt: tuple[str, ...], seq: Sequence[Token], pos: int, exact: bool,
            forms: Sequence[Forms]) -> int | None:
    """Match a word sequence starting exactly at seq[pos] on consecutive tokens; end position."""
    if pos + len(alt) > len(seq):
        return None
    for k, w in enumerate(alt):
        if k and seq[pos + k].i != seq[pos + k - 1].i + 1:
            return None
        if w not in forms[pos + k][not exact]:
            return None
    return pos + len(alt)


def _alts_from(item: Item, words: frozenset[str]) -> list[tuple[str, ...]]:
    """The alternatives of a word item that can start at a token matching ``words``, in the
    item's order: an index by first word (built once per item) instead of trying every
    alternative of a synset at every token."""
    index = _compiled(item, lambda: _first_words(item))
    found = sorted({k for w in words for k in index.get(w, ())})
    return [item.alts[k] for k in found]


def _first_words(item: Item) -> dict[str, list[int]]:
    index: dict[str, list[int]] = {}
    for k, alt in enumerate(item.alts):
        if alt:
            index.setdefault(alt[0], []).append(k)
    return index


def _match_item(item: Item, seq: Sequence[Token], pos: int, anchored: bool,
                forms: Sequence[Forms]) -> list[tuple[int, list[Token]]]:
    """Every way ``item`` matches ``seq`` from ``pos`` (anywhere after it unless ``anchored``):
    a list of (next position, matched tokens). ``forms`` are the tokens' ``token_forms``."""
    starts = [pos] if anchored else range(pos, len(seq))
    found: list[tuple[int, list[Token]]] = []
    for s in starts:
        if s >= len(seq):
            break
        if item.kind == "word":
            for alt in _alts_from(item, forms[s][not item.exact]):
                end = _alt_at(alt, seq, s, item.exact, forms)
                if end is not None:
                    found.append((end, list(seq[s:end])))
        elif item.kind == "phrase":
            for end, toks in _match_seq(item.inner, seq, s, True, True, forms):
                found.append((end, toks))
        elif item.kind == "prep":
            tok = seq[s]
            if tok.dep_ in PREP_DEPS and tok.lower_ in (item.prep or "").split("|"):
                inner = [t for t in tok.subtree if t.i != tok.i]
                if not item.inner:
                    # a bare preposition names a partner, not a time ("called on X", not "on
                    # Tuesday"); a clause on its object is no part of it ("in Serbia, where ...
                    # last March")
                    if not any(t.ent_type_ in ("DATE", "TIME") for t in _phrase_tokens(tok, {"pobj"})):
                        found.append((s + 1, [tok]))
                else:
                    for _, toks in _match_seq(item.inner, inner, 0, False, False, [token_forms(t) for t in inner]):
                        # continue after the prepositional phrase's last token
                        last = max(t.i for t in inner)
                        nxt = next((k for k in range(s, len(seq)) if seq[k].i > last), len(seq))
                        found.append((nxt, [tok, *toks]))
                        break
        if found and anchored:
            break
    return found


def _match_seq(items: Sequence[Item], seq: Sequence[Token], pos: int, anchored_first: bool,
               adjacent: bool, forms: Sequence[Forms]) -> list[tuple[int, list[Token]]]:
    items = [i for i in items if i.kind != "slot"]
    if not items:
        return [(pos, [])]
    out: list[tuple[int, list[Token]]] = []
    for end, toks in _match_item(items[0], seq, pos, anchored_first, forms):
        for end2, toks2 in _match_seq(items[1:], seq, end, adjacent, adjacent, forms):
            out.append((end2, toks + toks2))
            return out  # the first complete match is enough
    return out


def vocabulary(tokens: Iterable[Token]) -> frozenset[str]:
    """Every string a pattern word could equal to match one of these tokens (form, lemma, and
    the form shortened by up to three letters for the stem rule): a cheap necessary condition."""
    out: set[str] = set()
    for t in tokens:
        low = t.lower_
        out.add(low)
        out.add(t.lemma_.lower())
        for k in (1, 2, 3):
            if len(low) - k >= 4:
                out.add(low[:-k])
    return frozenset(out)


#: What is worked out once per pattern or item of the lexicon, by ``id`` (kept with the object,
#: so the id stays its own): the words a pattern needs (``_needs``), an item's alternatives by
#: first word (``_alts_from``). Bounded by the lexicons a process loads.
_COMPILED: dict[int, tuple[Any, Any]] = {}


def _compiled(obj: Any, make: Any) -> Any:
    got = _COMPILED.get(id(obj))
    if got is None or got[0] is not obj:
        got = _COMPILED[id(obj)] = (obj, make())
    return got[1]


def _word_keys(word: str) -> list[str]:
    """What a pattern word needs in a ``vocabulary``: itself, itself less its last letter (a
    plural), or its "-ies" as "-y" (RALLIES ~ rally); any one will do."""
    return [word, word[:-1], *([word[:-3] + "y"] if word.endswith("ies") else [])]


def _item_needs(item: Item) -> list[frozenset[str]]:
    """The groups of strings of which a vocabulary must hold one each for ``item`` to be possible."""
    if item.kind == "word":
        return [frozenset(k for alt in item.alts if alt for k in _word_keys(alt[0]))]
    if item.kind == "phrase":
        return [g for i in item.inner for g in _item_needs(i)]
    if item.kind == "prep":
        return [frozenset((item.prep or "").split("|")), *(g for i in item.inner for g in _item_needs(i))]
    return []


def _needs(pattern: Pattern) -> tuple[frozenset[str], ...]:
    return _compiled(pattern, lambda: tuple(g for i in (*pattern.after, *pattern.before)  # type: ignore[no-any-return]
                                            for g in _item_needs(i)))


def _possible_index(entry: VerbEntry) -> tuple[tuple[int, ...], dict[str, tuple[int, ...]]]:
    """Where to look for an entry's patterns that a vocabulary allows: those that need no word,
    and the others by each string of the first group of words they need. Tuples of numbers, which
    the garbage collector stops tracking, so its full passes do not walk the whole lexicon's index."""
    always: list[int] = []
    by_word: dict[str, list[int]] = {}
    for k, pat in enumerate(entry.patterns):
        needs = _needs(pat)
        if not needs:
            always.append(k)
        for w in needs[0] if needs else ():
            by_word.setdefault(w, []).append(k)
    return tuple(always), {w: tuple(ks) for w, ks in by_word.items()}


def possible_patterns(entry: VerbEntry, vocab: frozenset[str]) -> list[Pattern]:
    """The entry's patterns none of whose needed words is missing from ``vocab``, in the entry's
    order: what ``match_pattern`` would not rule out at once, found through an index built once
    per entry instead of asking each of a verb block's dozens of patterns in turn."""
    always, by_word = _compiled(entry, lambda: _possible_index(entry))
    found = set(always)
    for w in vocab:
        found.update(by_word.get(w, ()))
    pats = entry.patterns
    return [pats[k] for k in sorted(found) if not any(vocab.isdisjoint(g) for g in _needs(pats[k]))]


def compile_lexicon(lex: Lexicon) -> None:
    """Build now what matching builds on first use: every verb entry's pattern index and every
    word item's index by first word. For a process whose children share its memory (the fork
    server's workers, ``storyline.preload``): else each worker builds the same indexes again over
    its first documents."""
    def items(item: Item) -> Iterable[Item]:
        yield item
        for inner in item.inner:
            yield from items(inner)

    for entries in lex.verbs.values():
        for entry in entries:
            _compiled(entry, lambda entry=entry: _possible_index(entry))
            for item in (i for pat in entry.patterns for top in (*pat.after, *pat.before) for i in items(top)):
                if item.kind == "word":
                    _compiled(item, lambda item=item: _first_words(item))


def match_pattern(pattern: Pattern, after: Sequence[Token], before: Sequence[Token],
                  vocab: frozenset[str] | None = None,
                  forms: tuple[Sequence[Forms], Sequence[Forms]] | None = None) -> list[Token] | None:
    """The tokens a pattern's words matched, or None where it does not apply. ``vocab`` (the
    ``vocabulary`` of both sides) rules out at once a pattern with a word neither side can hold;
    ``forms`` are the ``token_forms`` of both sides where the caller has them already."""
    if vocab is not None and any(vocab.isdisjoint(group) for group in _needs(pattern)):
        return None
    matched: list[Token] = []
    if pattern.after:
        res = _match_seq(pattern.after, after, 0, False, False,
                         forms[0] if forms else [token_forms(t) for t in after])
        if not res:
            return None
        matched += res[0][1]
    if pattern.before:
        res = _match_seq(pattern.before, before, 0, False, False,
                         forms[1] if forms else [token_forms(t) for t in before])
        if not res:
            return None
        matched += res[0][1]
    return matched


# ---------------------------------------------------------------- verbs


def particles(verb: Token) -> list[Token]:
    """Particles and prepositions that may complete a multi-word verb ("call on", "meet with"); a
    preposition heading a date is a time, not a particle ("called the leaders on Friday")."""
    return [c for c in verb.children if c.dep_ in ("prt", "prep", "agent", "advmod", "dative") and c.i > verb.i
            and not (c.dep_ == "prep" and any(t.ent_type_ in ("DATE", "TIME") for t in c.subtree if t.i != c.i))]


def _rest_matches(entry: VerbEntry, verb: Token) -> list[Token] | None:
    if not entry.rest:
        return []
    parts = particles(verb)
    got: list[Token] = []
    for w in entry.rest:
        tok = next((p for p in parts if p.lower_ == w and p not in got), None)
        if tok is None:
            nxt = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
            if nxt is not None and nxt.lower_ == w and nxt not in got:
                tok = nxt
        if tok is None:
            return None
        got.append(tok)
    return got


def _base_forms(verb: Token) -> list[str]:
    """The word itself and its base forms by the regular inflections, for a verb whose lemma the
    model got wrong ("staged" as STAG, so "staged a hunger strike" found no STAGE patterns)."""
    low = verb.lower_
    forms = [low]
    if verb.tag_ in ("VBD", "VBN") and low.endswith("ed"):
        forms += [low[:-1], low[:-2]] + ([low[:-3]] if len(low) > 4 and low[-3] == low[-4] else [])
    elif verb.tag_ == "VBG" and low.endswith("ing"):
        forms += [low[:-3] + "e", low[:-3]] + ([low[:-4]] if len(low) > 5 and low[-4] == low[-5] else [])
    elif verb.tag_ == "VBZ" and low.endswith("s"):
        forms += [low[:-1], low[:-2]]
    return [f for f in forms if len(f) > 2 and f != verb.lemma_.lower()]


def match_verb(verb: Token, lex: Lexicon) -> Trigger | None:
    """The most specific reading of ``verb`` the lexicon allows, or None (no event).

    The pattern that matches the most words wins; on a tie a curated pattern beats the
    dictionary's; where no pattern matches, the verb's own default code (curated first, then a
    multi-word verb before a single one) decides, and a code of None means "not an event".
    The first word of a two-word preposition ("according to") is no verb, whatever its parse."""
    if _opens_preposition(verb):
        return None
    entries = lex.entries(verb.lemma_)
    if not entries:
        entries = next((es for form in _base_forms(verb) if (es := lex.entries(form))), [])
    if not entries:
        return None
    after, before = after_tokens(verb), before_tokens(verb)
    vocab = vocabulary([*after, *before])
    forms: tuple[list[Forms], list[Forms]] | None = None  # worked out at the first possible pattern: most verbs have none
    # "carried out functions including ... mission members": with its particle present the verb
    # is the multi-word one ("carry out"), and the dictionary's readings of the single word
    # ("carry * mission") do not apply (curated ones may name the particle: "pull * out (of)")
    if any(e.rest and _rest_matches(e, verb) for e in entries):
        entries = [e for e in entries if e.rest or e.origin == "curated"]
    best: tuple[tuple[int, int, int], Trigger | None] | None = None
    default: Trigger | None = None
    default_rank: tuple[int, int] | None = None
    for order, entry in enumerate(entries):
        rest = _rest_matches(entry, verb)
        if rest is None:
            continue
        for pat in possible_patterns(entry, vocab):
            if forms is None:
                forms = ([token_forms(t) for t in after], [token_forms(t) for t in before])
            toks = match_pattern(pat, after, before, None, forms)
            if toks is None:
                continue
            rank = (pat.weight + len(rest), 1 if pat.origin == "curated" else 0, -order)
            if best is None or rank > best[0]:
                trig = None
                if pat.code is not None:
                    trig = Trigger(verb, pat.code, "verb", None, pat, entry, pat.reverse or entry.reverse,
                                   pat.status or entry.status, [verb, *rest, *toks])
                best = (rank, trig)
        if entry.has_code:
            drank = (len(rest), 1 if entry.origin == "curated" else 0)
            if default_rank is None or drank > default_rank:
                default_rank = drank
                default = (Trigger(verb, entry.code, "verb", None, None, entry, entry.reverse, entry.status,
                                   [verb, *rest]) if entry.code is not None else None)
    if best is not None and (default_rank is None or best[0][:2] > default_rank):
        return best[1]
    return default


# ---------------------------------------------------------------- nouns

#: Relations by which a light verb carries a nominal predicate.
NOUN_ARG_DEPS = frozenset({"dobj", "nsubjpass", "attr", "oprd"})


def match_noun(noun: Token, lex: Lexicon, host: Token | None) -> Trigger | None:
    entry = lex.nouns.get(noun.lemma_.lower()) or lex.nouns.get(noun.lower_)
    if entry is None:
        return None
    # a noun's own light verbs; a time anchor ("after the war") places any act, and a clause on the
    # noun itself ("the war that began", events.nominal.course_clause) tells any
    free = host is not None and (host.dep_ == "prep" or host.head.i == noun.i)
    if host is not None and entry.light_verbs and not free and not light_for(host, entry.light_verbs):
        return None
    return Trigger(noun, entry.code, "noun", host, None, entry, False, entry.status,
                   [noun] + ([host] if host is not None else []))


def light_for(host: Token, verbs: Iterable[str]) -> bool:
    """``host`` is one of ``verbs``, alone or with its particle or object ("break out", "take place")."""
    key = host.lemma_.lower()
    prt = " ".join(c.lower_ for c in host.children if c.dep_ in ("dobj", "prt") and c.i > host.i)
    return key in verbs or f"{key} {prt}" in verbs


def light_verb_of(noun: Token, lex: Lexicon) -> Token | None:
    """The light verb carrying ``noun`` ("held talks", "talks were held", "the conversation took
    place", "a meeting is set", "the truce came into effect"), or None."""
    head = noun.head
    if noun.dep_ in NOUN_ARG_DEPS and head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in lex.light_verbs:
        return head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX", "ADJ") and \
            f"{head.head.lemma_.lower()} {head.lower_}" in lex.light_verbs:
        return head.head  # "engaged in talks", "participated in the negotiations": the verb with its preposition
    for v in noun.children:
        # "the talks he held with his counterpart", "the talks that Ruto held": the relative
        # clause's light verb carries its noun, and its subject (not the relative pronoun) holds them
        if v.dep_ == "relcl" and v.pos_ == "VERB" and v.lemma_.lower() in lex.light_verbs and \
                not any(k.dep_ in NOUN_ARG_DEPS and k.tag_ not in ("WDT", "WP") for k in v.children) and \
                any(k.dep_ == "nsubj" and k.tag_ not in ("WDT", "WP") for k in v.children):
            return v
    if noun.dep_ in ("nsubj", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
        inf = _raised_infinitive(head)
        if inf is not None and carries(inf, lex, alone=True):
            return inf  # "the truce was due to take effect", "talks are expected to begin"
        if carries(head, lex):
            return head
    return None


def _raised_infinitive(head: Token) -> Token | None:
    """The infinitive whose subject a raising predicate holds: "was due to begin" (be, due, begin),
    "is expected to begin", "was set to start"; None where there is none."""
    holders = [head, *[c for c in head.children if c.dep_ == "acomp"]]
    for h in holders:
        for c in h.children:
            if c.dep_ == "xcomp" and c.pos_ == "VERB" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                return c
    return None


def carries(head: Token, lex: Lexicon, alone: bool = False) -> bool:
    """``head`` is a light verb, by itself or with its particle, object or phrase ("take place",
    "come into effect"). ``alone``: the noun is the subject of a raised infinitive, which carries it
    only without an object of its own ("the truce was due to begin", not "the deal is expected to
    open the way")."""
    key = head.lemma_.lower()
    prt = " ".join(c.lower_ for c in head.children if c.dep_ in ("dobj", "prt") and c.i > head.i)
    # "the truce came into effect", "the deal entered into force": a verb with its phrase
    phrases = [f"{key} {p.lower_} {o.lower_}" for p in head.children if p.dep_ == "prep" and p.i > head.i
               for o in p.children if o.dep_ == "pobj"]
    if f"{key} {prt}".strip() in lex.light_verbs or any(ph in lex.light_verbs for ph in phrases):
        return True
    return key in lex.light_verbs and not (alone and any(c.dep_ == "dobj" for c in head.children))
