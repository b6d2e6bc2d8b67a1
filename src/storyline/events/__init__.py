"""The events stage: who did what to whom, when and where, with the words that say so.

Modules by concern: ``lexicon`` (the CAMEO pattern lexicon and its curated extension),
``match`` (triggers over the dependency parse), ``coder`` and its steps (``triggers``, ``roles``,
``participation``, ``readings``, ``placing``; see docs/events.md),
``status`` (reported / historical / planned / hoped, negation), ``context`` (date and place),
``plover`` (CAMEO to PLOVER and the evaluation class), ``merge`` (one event per action),
``commands`` (the CLI). Actors are asked of ``storyline.actors.resolve``.
"""

from ..model import Document
from ..pipeline import Context, stage


@stage("events", needs=("text", "spacy", "sentences"),
       reads=("published", "dateline", "timexes", "mentions", "actors", "quotes"), adds=("events",))
def run(doc: Document, ctx: Context) -> Document:
    from .coder import code_document
    from .context import mark_place_sources

    doc.events = code_document(doc, ctx)
    mark_place_sources(doc, doc.events)
    return doc
