"""The quotes stage: direct quotations, their speakers, and reported speech.

``extract`` finds them (see its modules: ``marks`` reads quotation marks, ``frame`` the words
around a quotation, ``cues`` the verbs and phrases of attribution, ``speakers`` who a speaker
phrase stands for, ``reported`` the reported statements). ``eval_quotes`` gives a document's
quotations in the evaluation format (``../shared/eval/FORMAT.md``).
"""

from __future__ import annotations

from typing import Any

from ..model import Document, Quote
from ..pipeline import Context, stage
from .extract import extract_quotes
from .lexicon import quote_lexicon

#: The kinds of Quote that are a speaker's own words (reported statements are not).
QUOTATION_KINDS = ("direct", "partial")


@stage("quotes", needs=("sentences",), adds=("quotes",))
def run(doc: Document, ctx: Context) -> Document:
    doc.quotes = extract_quotes(doc, quote_lexicon(ctx), ctx.options.quote_min_words)
    return doc


def speaker_name(q: Quote) -> str | None:
    """The name a quotation is credited to: the linked actor's, else the source's description."""
    if q.speaker is not None and q.speaker.name:
        return q.speaker.name
    return q.speaker_description


def eval_quotes(doc: Document) -> list[dict[str, Any]]:
    """The document's quotations (not its reported statements) as the eval format wants them."""
    out = []
    for q in doc.quotes:
        if q.kind not in QUOTATION_KINDS:
            continue
        name = speaker_name(q)
        speaker: dict[str, Any] | None = None
        if name:
            speaker = {"name": name}
            if q.speaker is not None and q.speaker.country:
                speaker["country"] = q.speaker.country
        out.append({"speaker": speaker, "text": q.text, "start": q.start, "end": q.end,
                    "kind": q.kind, "cue": q.cue, "confidence": q.confidence})
    return out
