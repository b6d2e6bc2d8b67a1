"""Every stage has a cost bound and a failure costs one stage of one document (issue 16, points 2,
3 and 13): stages registered here fail or run long on purpose; the real model parses."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from storyline.model import DateValue, Document, content_id
from storyline.options import Options
from storyline.pipeline import Context, run_stages, stage
from storyline.store import Store

TEXT = ("Officials of the two governments met in Geneva on Tuesday to discuss a prisoner exchange.\n\n"
        "The talks will resume next week, a spokesman said.")


def doc_of(text: str, name: str = "a.txt", **kw: object) -> Document:
    return Document(id=content_id(text), name=name, origin=name, text=text, **kw)  # type: ignore[arg-type]


@stage("test_explodes_on_b", needs=("sentences",), adds=("quotes",))
def explodes_on_b(doc: Document, ctx: Context) -> Document:
    doc.quotes = []  # changed before failing: the failure must put it back
    if doc.name == "b.txt":
        raise ValueError("a stage bug")
    return doc


@stage("test_needs_quotes", needs=("quotes",), adds=("timexes",))
def needs_quotes(doc: Document, ctx: Context) -> Document:
    doc.metadata["ran"] = True
    return doc


@stage("test_spins", needs=("sentences",), adds=("events",))
def spins(doc: Document, ctx: Context) -> Document:
    until = time.monotonic() + 60  # busy: the budget counts CPU time
    while time.monotonic() < until:
        pass
    return doc


def test_a_stage_failing_for_one_document_costs_that_stage_of_that_document(ctx: Context) -> None:
    a, b = doc_of(TEXT), doc_of(TEXT + " Again.", "b.txt")
    out = run_stages([a, b], ctx, ["parse", "dates", "test_explodes_on_b", "test_needs_quotes"])
    assert [o.error for o in out] == [None, None]
    ok, bad = (o.document for o in out)
    assert ok.incomplete == [] and ok.metadata.get("ran") and "ran" not in bad.metadata
    assert bad.sentences and bad.timexes  # what the stages before it found is kept
    assert bad.incomplete[0].startswith("test_explodes_on_b: failed (ValueError: a stage bug at ")
    assert bad.incomplete[1].startswith("test_needs_quotes: skipped: needs quotes")
    assert out[1].warning is not None and out[1].warning.startswith("b.txt: stage test_explodes_on_b: failed")
    assert out[0].warning is None


def test_a_document_over_its_time_budget_is_stopped_and_kept(ctx: Context) -> None:
    options = Options(time_budget=1.0, time_budget_min=2.0)
    fast = Context(options)
    fast.__dict__["nlp"] = ctx.nlp  # the loaded model, shared
    started = time.monotonic()
    (o,) = run_stages([doc_of(TEXT)], fast, ["parse", "test_spins", "test_spins"])
    assert time.monotonic() - started < 55  # stopped, not run out (a generous bound: no timing claim)
    assert o.error is None and o.document.sentences
    assert o.document.incomplete[0] == "test_spins: stopped: the time budget of 2 CPU seconds was spent"
    # a stage after it is skipped, or stopped at once (the timer and the clock may differ by a tick)
    assert o.document.incomplete[1].startswith(("test_spins: skipped: the time budget",
                                                "test_spins: stopped: the time budget"))


def test_no_budget_when_turned_off() -> None:
    from storyline.budget import budget_seconds

    assert budget_seconds(1_000_000, Options(time_budget=0)) is None
    assert budget_seconds(100, Options()) == Options().time_budget_min
    assert budget_seconds(1_000_000, Options(time_budget=3.0, time_budget_min=1.0)) == 300.0


def test_a_stretch_without_sentence_end_is_cut_into_bounded_sentences(ctx: Context) -> None:
    words = " ".join(["the envoys talked, and"] * 100)  # 400 tokens, no full stop
    (o,) = run_stages([doc_of(f"{words}.\n\nThey left.")], ctx, ["parse"])
    doc = o.document
    longest = max(len(doc.spacy.char_span(s.start, s.end, alignment_mode="expand")) for s in doc.sentences)
    assert longest <= Options().max_sentence_tokens + 1
    assert any("cut at 150 tokens" in n for n in doc.notes)


def test_a_run_too_long_to_be_prose_is_not_parsed_and_the_rest_is(ctx: Context) -> None:
    small = Context(Options(max_run_chars=500))
    small.__dict__["nlp"] = ctx.nlp
    run = " ".join(["forces talks border"] * 60)  # over 500 characters, no sentence end
    text = f"Officials met in Geneva on Tuesday.\n{run}\nThe talks will resume next week."
    (o,) = run_stages([doc_of(text)], small, ["parse"])
    doc = o.document
    said = [doc.text[s.start:s.end] for s in doc.sentences]
    assert said == ["Officials met in Geneva on Tuesday.", "The talks will resume next week."]
    start = text.index(run)
    assert doc.notes == [f"characters {start:,}-{start + len(run):,} not parsed: {len(run):,} characters "
                         "with no sentence end or line break (over the limit of 500, max_run_chars)"]
    assert o.warning is not None and "not parsed" in o.warning


def test_an_incomplete_document_is_stored_flagged(tmp_path: Path, ctx: Context) -> None:
    (o,) = run_stages([doc_of(TEXT, "b.txt")], ctx, ["parse", "test_explodes_on_b"])
    with Store(tmp_path / "s.duckdb") as store:
        assert store.write_document(o.document) == "new"
        (back,) = store.read_documents([o.document.id])
        row = store.query("SELECT incomplete, notes FROM documents")[0]
    assert back.incomplete == o.document.incomplete and row["incomplete"] == o.document.incomplete
    assert row["notes"] == []


# ---------------------------------------------------------------- where an event's place comes from


@pytest.fixture(scope="module")
def coded(ctx):
    def run(text: str, dateline: str | None = "Moscow"):
        doc = Document(id=content_id(text), name="t.txt", origin="t", text=text,
                       published=DateValue("2020-05-10", "day", "test"), dateline=dateline)
        (o,) = run_stages([doc], ctx, list(Options().stages))
        assert not o.document.incomplete
        return o.document.events

    return run


def test_a_place_only_the_dateline_gives_is_marked_so(coded) -> None:
    events = coded("Lavrov and Cavusoglu met on Friday.")
    assert events and all(e.location == "Moscow" and e.where_source == "dateline" for e in events)


def test_a_place_the_clause_names_is_from_the_text(coded) -> None:
    events = coded("Lavrov and Cavusoglu met in Sochi on Friday.")
    assert events and all(e.location == "Sochi" and e.where_source == "text" for e in events)
    events = coded("Lavrov and Cavusoglu met in Moscow on Friday.")
    assert events and all(e.location == "Moscow" and e.where_source == "text" for e in events)


def test_background_does_not_inherit_the_dateline(coded) -> None:
    events = coded("Russian troops attacked the town in 2008, officials said.")
    old = [e for e in events if e.status == "historical"]
    assert old and all(e.location is None and e.where_source is None for e in old)


def test_no_dateline_no_place(coded) -> None:
    events = coded("Lavrov and Cavusoglu met on Friday.", dateline=None)
    assert events and all(e.location is None and e.where_source is None for e in events)
