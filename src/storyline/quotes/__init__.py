"""The quotes stage: direct quotations, their speakers, and reported speech.

``extract`` finds them (see its modules: ``marks`` reads quotation marks, ``frame`` the words
around a quotation, ``cues`` the verbs and phrases of attribution, ``speakers`` who a speaker
phrase stands for, ``reported`` the reported statements; ``commands`` the ``storyline quotes``
command). Reported statements are Quotes of kind "reported": the reporter's words, so the
evaluation format and the quotes listing leave them out unless asked.
"""

from __future__ import annotations

from ..model import Document
from ..pipeline import Context, stage
from .extract import extract_quotes
from .lexicon import quote_lexicon

#: The kinds of Quote that are a speaker's own words (reported statements are not).
QUOTATION_KINDS = ("direct", "partial")


@stage("quotes", needs=("text", "spacy", "sentences"), reads=("published", "timexes", "mentions", "actors"),
       adds=("quotes",))
def run(doc: Document, ctx: Context) -> Document:
    doc.quotes = extract_quotes(doc, quote_lexicon(ctx), ctx.options.quote_min_words, ctx.kb)
    return doc
