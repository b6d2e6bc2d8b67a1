"""Sentences, tokens and entities from spaCy, loaded once per process and fed in batches.

Why a paragraph rule: wire copy has paragraphs (and headlines) with no final full stop, and the
statistical parser happily runs a sentence across them. A line break in the cleaned text always
starts a new sentence, so a sentence never spans two paragraphs. After a line without a final stop
(a headline, a subheading, a caption) the parser also cuts the next paragraph's first word off as a
sentence of its own ("Sudan, Chad agree truce" / "Sudan | and Chad agreed a truce"), which loses
the subject: a paragraph's second token never starts a sentence unless its first is punctuation (a
bullet, a dash, a quotation mark) or ends a line.

Why mended lemmas: the model's English lemma rules strip an ending and keep any shorter word that
exists ("hopes" -> "hop", "staged" -> "stag"), so a lexicon keyed on the lemma "hope" never saw
"hoped". The ``storyline_lemmas`` component, after the lemmatizer, sets the lemmas listed in the
``lemmas`` lexicon (a user's ``--lexicon`` file adds more).

Why bounds: the stages after parsing walk clauses within a sentence, some in time quadratic in
its length, so a text without sentence ends (a dump, a list run together, a hostile input) must not
reach them as one sentence. Two bounds, both noted on the document (``Document.notes``):

1. a stretch of more than ``Options.max_sentence_tokens`` tokens with no sentence end is cut into
   sentences of that many tokens before the parser runs (the parser keeps boundaries set before it);
2. a stretch of more than ``Options.max_run_chars`` characters with no sentence end and no line
   break is no prose at all (the longest in the evaluation sets is under 500): it stays in the text,
   with its offsets, but is not parsed (the parser sees spaces there), so it costs nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, LENGTH, LOWER, ORTH, POS, SPACY, TAG
from spacy.language import Language
from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.tokens import Doc

from .errors import StorylineError
from .model import Document, Sentence
from .stages import stage
from .tag_rules import replace_attribute_ruler

if TYPE_CHECKING:
    from .pipeline import Context


def text_of(sdoc: Doc) -> str:
    """The parsed text, joined once: spaCy's ``Doc.text`` joins every token again at each call,
    which cost about 6% of the whole pipeline where stages asked it for each cue and name."""
    text = sdoc.user_data.get("storyline_text")
    if text is None:
        text = sdoc.user_data["storyline_text"] = sdoc.text
    return text


def entities(sdoc: Doc) -> tuple[Any, ...]:
    """The parse's entities, built once: ``Doc.ents`` makes a new Span for every entity at each
    call, and the event coder asked for them at every noun and place it looked at. Read it only
    once the pipeline has run (the actor ruler and the recogniser set the entities)."""
    ents = sdoc.user_data.get("storyline_ents")
    if ents is None:
        ents = sdoc.user_data["storyline_ents"] = sdoc.ents
    return ents  # type: ignore[no-any-return]


def token_bounds(sdoc: Doc) -> tuple[list[int], list[int]]:
    """Where each token starts and ends in the text, read once per document: iterating a Doc
    builds a Token object per word, which several stages paid again and again for offsets."""
    bounds = sdoc.user_data.get("storyline_token_bounds")
    if bounds is None:
        starts: list[int] = []
        ends: list[int] = []
        for idx, length in sdoc.to_array([IDX, LENGTH]).tolist():
            starts.append(idx)
            ends.append(idx + length)
        bounds = sdoc.user_data["storyline_token_bounds"] = (starts, ends)
    return bounds


@dataclass(frozen=True)
class TokenTable:
    """Per-token values of a parsed document, one list per attribute (index = token index)."""

    starts: list[int]  # Token.idx
    ends: list[int]  # Token.idx + len(Token.text)
    lower: list[str]  # Token.lower_
    tag: list[str]  # Token.tag_
    pos: list[str]  # Token.pos_
    space: list[bool]  # Token.whitespace_ == " "


def token_table(sdoc: Doc) -> TokenTable:
    """The document's token table, read once from spaCy's arrays and shared by the stages that
    scan every token (quotation marks, pronouns, cue verbs): no Token object is built. Read it
    only once the pipeline has run: it does not follow later changes to the Doc."""
    table = sdoc.user_data.get("storyline_token_table")
    if table is None:
        starts, ends = token_bounds(sdoc)
        strings = sdoc.vocab.strings
        rows = sdoc.to_array([LOWER, TAG, POS, SPACY]).tolist()
        table = sdoc.user_data["storyline_token_table"] = TokenTable(
            starts, ends, [strings[r[0]] for r in rows], [strings[r[1]] for r in rows],
            [POS_NAMES[r[2]] for r in rows], [bool(r[3]) for r in rows])
    return table


#: Tokens after which the parser is likely to start a sentence: a run of tokens is counted from them.
_SENTENCE_ENDS = frozenset({".", "!", "?"})


def paragraph_boundaries(doc: Doc, max_tokens: int = 0) -> Doc:
    """A sentence starts after every line break, and after ``max_tokens`` tokens with no sentence
    end (0: no limit). The words and their flags are read from spaCy's arrays and a Token is made
    only where a boundary is set: the component sees every word of every article."""
    if not len(doc):
        return doc
    strings = doc.vocab.strings
    rows = doc.to_array([ORTH, IS_PUNCT, IS_SPACE]).tolist()
    texts = [strings[r[0]] for r in rows]
    run = 0
    first = False  # the token before is the first of a paragraph
    for i in range(1, len(rows)):
        prev = i - 1
        run = 0 if texts[prev] in _SENTENCE_ENDS else run + 1  # tokens since the last sentence end
        line_break = "\n" in texts[prev]  # a token's trailing space is " " at most: breaks are tokens
        if line_break or (max_tokens and run >= max_tokens):
            doc[i].is_sent_start = True
            run = 0
        elif (first or prev == 0) and not rows[prev][1] and not rows[prev][2]:
            doc[i].is_sent_start = False  # "Sudan | and Chad agreed": no one-word sentence after a headline
        first = line_break and not rows[i][2]
    return doc


@Language.factory("storyline_paragraphs", default_config={"max_tokens": 0})
def make_paragraph_boundaries(nlp: Language, name: str, max_tokens: int) -> Any:
    def component(doc: Doc) -> Doc:
        return paragraph_boundaries(doc, max_tokens)

    return component


def fix_lemmas(doc: Doc, table: dict[str, dict[str, str]]) -> Doc:
    """Mend the lemmas the model's rules get wrong (``lemmas.yaml``: "hopes" is not "hop"), so
    every lexicon keyed on a lemma sees the verb's inflected forms. Read from spaCy's arrays, a
    Token made only for a word to mend."""
    strings = doc.vocab.strings
    for i, (pos, lower) in enumerate(doc.to_array([POS, LOWER]).tolist()):
        forms = table.get(POS_NAMES[pos])
        right = forms.get(strings[lower]) if forms else None
        if right is not None:
            doc[i].lemma_ = right
    return doc


@Language.factory("storyline_lemmas", default_config={"table": {}})
def make_lemma_fixes(nlp: Language, name: str, table: dict[str, dict[str, str]]) -> Any:
    table = {pos: {str(k).lower(): str(v) for k, v in (forms or {}).items()} for pos, forms in table.items()}

    def component(doc: Doc) -> Doc:
        return fix_lemmas(doc, table)

    return component


def load_model(ctx: Context) -> Language:
    import spacy

    name = ctx.options.model
    try:
        nlp = spacy.load(name)
    except OSError as e:
        raise StorylineError("E020", name=name) from e
    replace_attribute_ruler(nlp)  # the same rules by table lookup: see tag_rules
    nlp.add_pipe("storyline_paragraphs", before="parser",
                 config={"max_tokens": max(0, ctx.options.max_sentence_tokens)})
    if "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe("storyline_lemmas", after="lemmatizer", config={"table": ctx.lexicon("lemmas")})
    return nlp  # Context.nlp adds the actors' entity ruler


def sentences_of(doc: Document, sdoc: Any, parsed: str | None = None) -> list[Sentence]:
    """The sentences of the parse; ``parsed`` is the text the parser saw where it differs from the
    document's (stretches left unparsed are spaces there, and give no sentence)."""
    out = []
    para = 0
    last_end = 0
    seen = doc.text if parsed is None else parsed  # the same but for spaces where it was not parsed
    for sent in sdoc.sents:
        start = sent.start_char
        # skip leading/trailing white space: a sentence's offsets cover its words only
        text = seen[start:sent.end_char]  # what sent.text joins again from its tokens
        lead = len(text) - len(text.lstrip())
        start += lead
        end = sent.start_char + len(text.rstrip())
        if end <= start:
            continue
        if "\n" in doc.text[last_end:start]:
            para += doc.text[last_end:start].count("\n\n") or 1
        out.append(Sentence(start, end, para))
        last_end = end
    return out


def unparsed_runs(text: str, limit: int) -> list[tuple[int, int]]:
    """The stretches of more than ``limit`` characters with no sentence end and no line break
    (found in one linear pass: a pattern with a minimum count would rescan every shorter run)."""
    if limit <= 0 or len(text) <= limit:
        return []
    return [m.span() for m in re.finditer(r"[^.!?\n]+", text) if m.end() - m.start() > limit]


def text_to_parse(doc: Document, ctx: Context) -> str:
    """The text the parser is given: the document's, with stretches too long to be prose turned
    into spaces (same length, so every offset holds), and a note on the document for each."""
    runs = unparsed_runs(doc.text, ctx.options.max_run_chars)
    if not runs:
        return doc.text
    parts, last = [], 0
    for start, end in runs:
        parts += [doc.text[last:start], " " * (end - start)]
        doc.note(f"characters {start:,}-{end:,} not parsed: {end - start:,} characters with no sentence "
                 f"end or line break (over the limit of {ctx.options.max_run_chars:,}, max_run_chars)")
        last = end
    parts.append(doc.text[last:])
    return "".join(parts)


def _attach(doc: Document, sdoc: Any, parsed: str | None = None, max_tokens: int = 0) -> Document:
    """Put the parse on the document. ``parsed`` is the text the parser saw, when it was not
    ``doc.text`` (see text_to_parse)."""
    doc.spacy = sdoc
    last = sdoc[-1] if len(sdoc) else None
    whole = (last.idx + len(last.text_with_ws) if last is not None else 0) == len(doc.text)
    if whole and (parsed is None or parsed == doc.text):  # doc.text's parse
        sdoc.user_data.setdefault("storyline_text", doc.text)  # text_of without joining the tokens
    doc.sentences = sentences_of(doc, sdoc, None if parsed == doc.text else parsed)
    if max_tokens:
        cut = sum(1 for sent in sdoc.sents if len(sent) >= max_tokens)
        if cut:
            doc.note(f"{cut} sentence(s) cut at {max_tokens} tokens with no sentence end "
                     "(max_sentence_tokens)")
    return doc


def pieces(text: str, size: int) -> list[str]:
    """``text`` cut into pieces of at most about ``size`` characters that join back into it: at
    the last line break before the limit (a line break starts a sentence anyway), else at the
    last white space, else anywhere."""
    out: list[str] = []
    start = 0
    while len(text) - start > size:
        cut = text.rfind("\n", start + 1, start + size) + 1
        if cut <= start:
            space = max(text.rfind(" ", start + 1, start + size), text.rfind("\t", start + 1, start + size))
            cut = space + 1 if space > start else start + size
        out.append(text[start:cut])
        start = cut
    out.append(text[start:])
    return out


def _parse_long(text: str, ctx: Context) -> Any:
    """A long text parsed piece by piece and joined into one spaCy Doc with the same offsets:
    the parser needs temporary memory in proportion to the text it is given (about 1 GB per
    100,000 characters), so one long document would set a worker's peak memory."""
    parts = list(ctx.nlp.pipe(pieces(text, ctx.options.parse_piece_chars), batch_size=1))
    # user data holds only caches of the pieces (the actor ruler's matches), rebuilt on first use
    joined = Doc.from_docs(parts, ensure_whitespace=False, exclude=["user_data"])
    if joined.text != text:  # cannot happen when the pieces join back; never store shifted offsets
        raise StorylineError("E021", n=len(text))
    return joined


def _parse_one(text: str, ctx: Context) -> Any:
    return _parse_long(text, ctx) if len(text) > ctx.options.parse_piece_chars else ctx.nlp(text)


def by_chars(texts: Sequence[str], budget: int) -> list[list[int]]:
    """The indices of ``texts`` in runs, in order, each run of at most ``budget`` characters (a
    longer text makes a run of its own)."""
    runs: list[list[int]] = []
    size = 0
    for i, text in enumerate(texts):
        if not runs or size + len(text) > budget:
            runs.append([])
            size = 0
        runs[-1].append(i)
        size += len(text)
    return runs


def parse_batch(docs: list[Document], ctx: Context) -> list[Document]:
    """Parse a batch, its short texts given to ``nlp.pipe`` in runs of at most
    ``options.parse_batch_chars`` characters: the parser's temporary memory grows with the text
    it is given at once (32 articles of 6,500 characters took 1 GB, 4 of them 430 MB), so a run of
    long articles in one batch, which a larger corpus is likelier to hold, would set a worker's
    peak memory. The parse of each text is its own, whatever runs it is parsed in."""
    limit = ctx.options.parse_piece_chars
    max_tokens = ctx.options.max_sentence_tokens
    texts = [text_to_parse(d, ctx) for d in docs]
    short = [(d, t) for d, t in zip(docs, texts, strict=True) if len(t) <= limit]
    for run in by_chars([t for _, t in short], ctx.options.parse_batch_chars):
        part = [short[i] for i in run]
        for (doc, text), sdoc in zip(part, ctx.nlp.pipe((t for _, t in part), batch_size=ctx.options.batch_size),
                                     strict=True):
            _attach(doc, sdoc, text, max_tokens)
    for doc, text in zip(docs, texts, strict=True):
        if len(text) > limit:
            _attach(doc, _parse_long(text, ctx), text, max_tokens)
    return docs


@stage("parse", needs=("text",), adds=("spacy", "sentences"), batch=parse_batch)
def parse(doc: Document, ctx: Context) -> Document:
    text = text_to_parse(doc, ctx)
    return _attach(doc, _parse_one(text, ctx), text, ctx.options.max_sentence_tokens)
