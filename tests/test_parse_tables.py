"""The per-document tables stages read instead of iterating spaCy Tokens hold what the Tokens say."""

from __future__ import annotations

from storyline.model import Document, content_id
from storyline.parse import text_of, token_bounds, token_table
from storyline.pipeline import Context, run_stages

TEXT = ("MOSCOW, Nov 10 (Reuters) - Russia’s President Vladimir Putin said on Tuesday: “The ceasefire "
        "holds.”\n\nArmenian and Azerbaijani forces  exchanged fire near Nagorno-Karabakh's capital,\n"
        "officials said. 3-2 ſ\u212a “quoted”   \n")


def test_tables_match_the_tokens(ctx: Context) -> None:
    doc = Document(id=content_id(TEXT), name="t", origin="t", text=TEXT)
    (outcome,) = run_stages([doc], ctx, ["parse"])
    assert outcome.document is not None
    sdoc = outcome.document.spacy
    assert text_of(sdoc) == sdoc.text == TEXT
    starts, ends = token_bounds(sdoc)
    table = token_table(sdoc)
    assert starts == [t.idx for t in sdoc] and ends == [t.idx + len(t.text) for t in sdoc]
    assert table.lower == [t.lower_ for t in sdoc]
    assert table.tag == [t.tag_ for t in sdoc]
    assert table.pos == [t.pos_ for t in sdoc]
    assert table.space == [t.whitespace_ == " " for t in sdoc]
