"""The actors stage: every person, state, body, group, title, pronoun and collective in a
document linked to an actor of the knowledge base (or one learned from the text).

Fills ``Document.mentions`` and ``Document.actors``. Later stages ask ``actors.resolve`` which
mention covers a span and what it stands for (``actor_at``, ``mention_ref``).
"""

from ..model import Document
from ..pipeline import Context, stage
from .link import link


@stage("actors", needs=("text", "spacy", "sentences"), reads=("published",), adds=("mentions", "actors"))
def run(doc: Document, ctx: Context) -> Document:
    return link(doc, ctx)
