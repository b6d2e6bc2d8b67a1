"""What keeps a long ingest's memory flat: a worker's vocabulary does not keep the words of the
batches it has parsed (spaCy's memory zone), and DuckDB's memory is bounded (``store.MEMORY_LIMIT``)."""

from __future__ import annotations

from pathlib import Path

from storyline.model import RawDocument
from storyline.options import Options
from storyline.pipeline import Context, process_batch
from storyline.store import MEMORY_LIMIT, Store


def _batch(words: list[str]) -> list[RawDocument]:
    return [RawDocument(f"<{w}>", w, f"The minister of {w.title()} met the envoy of Qorvath in the capital on "
                                     f"Tuesday. Officials said the talks about {w} would go on.") for w in words]


def test_a_batch_leaves_no_new_words_in_the_vocabulary() -> None:
    ctx = Context(Options())
    process_batch(_batch(["zemblarite"]), ctx)  # loads the model; this batch's words may stay
    strings = ctx.nlp.vocab.strings
    before = len(strings)
    outcomes = process_batch(_batch(["vuxtrelonia", "praxillodine", "quendarvish"]), ctx)
    assert all(o.document is not None and o.document.sentences for o in outcomes)
    assert "praxillodine" not in strings and "Praxillodine" not in strings
    assert len(strings) == before


def test_duckdb_memory_is_bounded(tmp_path: Path) -> None:
    with Store(tmp_path / "x.duckdb") as store:
        limit = store.con.execute("SELECT current_setting('memory_limit')").fetchone()[0]
    number, unit = limit.split()
    assert unit == "MiB" and float(number) * 2**20 <= int(MEMORY_LIMIT.removesuffix("MB")) * 10**6
