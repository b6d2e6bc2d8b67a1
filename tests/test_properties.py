"""Properties that hold for any input (hypothesis): the readers, the cleaner, the quote finder,
the date finder and normaliser, and the evaluation writer never raise on arbitrary text or bytes
(a bad input is an InputError, a coded StorylineError at most), every offset lies inside the text,
and quotation spans never cross each other.

Bounded on purpose (few examples, no deadline) so the suite stays fast; the stages that need the
parser get fewer examples than the pure-text functions.
"""

from __future__ import annotations

import gzip
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline.errors import InputError, StorylineError
from storyline.export.eval_format import date_string, to_eval
from storyline.model import ActorRef, DateValue, Document, Event, Quote, RawDocument, content_id
from storyline.pipeline import Context, clean_raw, run_stages
from storyline.read import read_paths
from storyline.read.decode import bytes_to_text

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
PARSED = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

#: Text with what trips readers and parsers up: quotation marks of every style, line breaks,
#: dates, digits, byte-order marks, control characters, and any other character.
NEWSY = st.lists(st.one_of(
    st.sampled_from(list("\"'“”‘’«»„‹›「」 \n\t.,;:!?-—()0123456789\ufeff\x00\u200b")),
    st.sampled_from(["said", "Monday", "March", "2020", "on", "in", "the", "Minister", "Moscow", "MOSCOW, ",
                     "(Reuters) - ", "last year", "next week", "Lavrov", "told reporters", " ", " ", "\n\n"]),
    st.characters(),
), max_size=150).map("".join)

JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
                        st.sampled_from(["id", "text", "title", "date", "body", "x"]), inner, max_size=4),
                    max_leaves=12)

SUFFIXES = ["", ".txt", ".text", ".html", ".json", ".jsonl", ".txt.gz", ".jsonl.gz", ".csv"]


def _read_bytes(data: bytes, suffix: str) -> list[RawDocument | InputError]:
    with tempfile.TemporaryDirectory() as d:
        f = Path(d) / f"input{suffix}"
        f.write_bytes(gzip.compress(data) if suffix.endswith(".gz") and data[:1] != b"\x1f" else data)
        return list(read_paths([str(f)]))


def _check_read(items: list[RawDocument | InputError]) -> None:
    assert items
    for x in items:
        assert isinstance(x, RawDocument | InputError)
        if isinstance(x, RawDocument):
            assert isinstance(x.text, str) and x.text.strip()


@FAST
@given(st.binary(max_size=3000), st.sampled_from(SUFFIXES))
def test_any_bytes_in_any_file_are_read_or_refused(data: bytes, suffix: str) -> None:
    _check_read(_read_bytes(data, suffix))


@FAST
@given(st.lists(JSON, max_size=5), st.sampled_from([".jsonl", ".json", ""]))
def test_any_json_records_are_read_or_refused(records: list, suffix: str) -> None:
    data = "\n".join(json.dumps(r) for r in records).encode()
    _check_read(_read_bytes(data, suffix))


@FAST
@given(NEWSY)
def test_any_text_decodes_or_is_refused(text: str) -> None:
    try:
        out, _ = bytes_to_text(text.encode("utf-8", "surrogatepass"), "x")
    except InputError:
        return
    assert isinstance(out, str)


@FAST
@given(NEWSY)
def test_the_cleaner_takes_any_text(text: str) -> None:
    ctx = Context()
    try:
        doc = clean_raw(RawDocument("x", "x", text), ctx)
    except StorylineError:
        return
    assert isinstance(doc.text, str) and doc.id == content_id(doc.text)
    if doc.dateline:
        assert isinstance(doc.dateline, str)


@FAST
@given(NEWSY)
def test_quoted_passages_lie_inside_the_text_and_never_cross(text: str) -> None:
    from storyline.quotes.lexicon import quote_lexicon
    from storyline.quotes.marks import find_quoted

    table = quote_lexicon(Context()).marks
    spans = find_quoted(text, table)
    last = -1
    for q in spans:
        assert 0 <= q.open_at <= q.start <= q.end <= q.close_end <= len(text)
        assert q.open_at >= last  # top-level passages in order, none inside or across another
        last = q.close_end


@FAST
@given(NEWSY)
def test_the_date_finder_gives_offsets_inside_the_text(text: str) -> None:
    from storyline.dates import find
    from storyline.dates.rules import rules_for

    for f in find(text, rules_for(Context()), None):
        assert 0 <= f.start < f.end <= len(text)


@FAST
@given(st.text(max_size=30) | st.sampled_from(["2020-W53", "2014-SU", "2019-09-14T04:00", "XXXX-11", "PAST_REF",
                                                "2020-13-45", "0000", "2020-Q5", "1999..2000..2001"]))
def test_the_date_writer_takes_any_value(value: str) -> None:
    out = date_string(value)
    assert out is None or isinstance(out, str)


def _spans_never_cross(spans: list[tuple[int, int]]) -> None:
    for i, (a, b) in enumerate(spans):
        for c, d in spans[i + 1:]:
            assert b <= c or d <= a or (a <= c and d <= b) or (c <= a and b <= d), ((a, b), (c, d))


@PARSED
@given(NEWSY)
def test_the_stages_give_offsets_inside_any_text(ctx: Context, text: str) -> None:
    try:
        doc = clean_raw(RawDocument("x", "x", text), ctx)
    except StorylineError:
        return
    (o,) = run_stages([doc], ctx, ["parse", "dates", "quotes"])
    doc = o.document
    assert o.error is None and not doc.incomplete, doc.incomplete
    n = len(doc.text)
    for s in doc.sentences:
        assert 0 <= s.start < s.end <= n
    for tx in doc.timexes:
        assert 0 <= tx.start < tx.end <= n and doc.text[tx.start:tx.end] == tx.text
    for q in doc.quotes:
        assert 0 <= q.start <= q.end <= n
    _spans_never_cross([(q.start, q.end) for q in doc.quotes if q.kind != "reported"])
    json.dumps(to_eval(doc), ensure_ascii=False)


@FAST
@given(NEWSY, st.lists(st.tuples(st.integers(0, 500), st.integers(0, 500), st.text(max_size=20)), max_size=5))
def test_the_eval_writer_takes_any_records(text: str, spans: list[tuple[int, int, str]]) -> None:
    doc = Document(id="d", name="d", origin="d", text=text, published=DateValue(spans[0][2] if spans else "2020"))
    for i, (a, b, value) in enumerate(spans):
        a, b = sorted((min(a, len(text)), min(b, len(text))))
        doc.events.append(Event(id=f"e{i}", start=a, end=b, evidence=text[a:b], date=DateValue(value),
                                source=[ActorRef(name=value)]))
        doc.quotes.append(Quote(start=a, end=b, text=text[a:b], speaker=ActorRef(name=value)))
    out = to_eval(doc)
    json.dumps(out, ensure_ascii=False)
    for e in out["events"]:
        assert 0 <= e["start"] <= e["end"] <= len(text) and text[e["start"]:e["end"]] == e["evidence"]
