"""The dates stage (not built yet: it registers itself and adds nothing)."""

from ..model import Document
from ..pipeline import Context, stage


@stage("dates", needs=("sentences",))
def run(doc: Document, ctx: Context) -> Document:
    return doc
