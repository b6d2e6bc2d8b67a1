"""Long texts are parsed in pieces (``Options.parse_piece_chars``) so that a worker's memory does
not grow with the longest article; the pieces must join back into the same text, offsets and
all, and give what one parse of the whole text gives."""

from __future__ import annotations

import pytest

from conftest import EXAMPLES
from storyline.actors.ruler import add_actor_ruler
from storyline.model import RawDocument
from storyline.options import Options
from storyline.parse import by_chars, pieces
from storyline.pipeline import Context, process_batch


@pytest.mark.parametrize("size", [1, 7, 40, 1000])
def test_pieces_join_back_and_cut_after_line_breaks(size: int) -> None:
    text = "First paragraph, a few words.\nSecond one\n\nThird paragraph with longerwordsthanthelimit here.\n"
    parts = pieces(text, size)
    assert "".join(parts) == text
    assert all(parts)
    for part in parts[:-1]:
        assert len(part) <= size
        # a cut falls after a line break where the piece has one, else after white space
        if "\n" in part[1:] or part.endswith("\n"):
            assert part.endswith("\n")


def _by_offsets(doc: dict) -> dict:
    """A mention's antecedent named by its offsets, not by its place in the list (a mention more
    or less near a cut shifts the places of all that follow)."""
    spans = [(m["start"], m["end"]) for m in doc["mentions"]]
    for m in doc["mentions"]:
        if isinstance(m.get("antecedent"), int):
            m["antecedent"] = spans[m["antecedent"]]
    return doc


def test_a_text_parsed_in_pieces_gives_what_one_parse_gives() -> None:
    # the same sentences and offsets everywhere; the same records in every sentence away from a
    # cut (the model's token vectors see a few tokens across a sentence boundary, so the two
    # sentences at a cut may be parsed a little differently: at the default piece size, cuts are
    # one per 20,000 characters, and the 12 longest Wikinews articles came out identical)
    raw = [RawDocument(str(p), p.name, p.read_text(encoding="utf-8")) for p in EXAMPLES]
    # each run with a knowledge base of its own, fresh from the files (it learns as it reads),
    # and the same loaded model, its actor ruler bound to the run's knowledge base
    fresh = Context(Options())
    whole = process_batch(raw, fresh)
    small = Context(Options(parse_piece_chars=1500))
    small.__dict__["nlp"] = fresh.nlp
    add_actor_ruler(small.nlp, small)
    cut = process_batch(raw, small)
    compared = 0
    for a, b in zip(whole, cut, strict=True):
        assert a.document is not None and b.document is not None, (a.error, b.error)
        da, db = _by_offsets(a.document.to_dict()), _by_offsets(b.document.to_dict())
        assert da["text"] == db["text"] and da["sentences"] == db["sentences"]
        cuts, at = set(), 0
        for part in pieces(a.document.text, 1500)[:-1]:
            at += len(part)
            cuts.add(at)
        near = {i for i, s in enumerate(a.document.sentences)
                for c in cuts if abs(s.start - c) <= 2 or abs(s.end - c) <= 2}
        for key in ("mentions", "timexes", "quotes", "events"):
            ra = [r for r in da[key] if r.get("sentence") not in near]
            rb = [r for r in db[key] if r.get("sentence") not in near]
            assert ra == rb, (a.origin, key)
            compared += len(ra)
        assert len(cuts) >= 1
    assert compared > 100


@pytest.mark.parametrize(("sizes", "budget", "runs"), [
    ([3, 3, 3], 6, [[0, 1], [2]]),
    ([10, 1, 1], 6, [[0], [1, 2]]),  # a text over the budget runs alone
    ([2, 2, 2], 100, [[0, 1, 2]]),
    ([], 5, []),
])
def test_texts_go_to_the_parser_in_runs_within_the_character_budget(sizes: list[int], budget: int,
                                                                    runs: list[list[int]]) -> None:
    assert by_chars(["x" * n for n in sizes], budget) == runs


def test_a_batch_parsed_in_runs_gives_what_one_run_gives() -> None:
    # the parser's memory follows the characters it is given at once, so a batch goes to it in
    # runs (``parse_batch_chars``); each document's records must not depend on its neighbours
    raw = [RawDocument(str(p), p.name, p.read_text(encoding="utf-8")) for p in EXAMPLES]
    one = Context(Options(parse_batch_chars=10**9))
    whole = process_batch(raw, one)
    small = Context(Options(parse_batch_chars=2000))
    small.__dict__["nlp"] = one.nlp
    add_actor_ruler(small.nlp, small)
    runs = process_batch(raw, small)
    assert len(by_chars([r.text for r in raw], 2000)) == len(raw)  # every document in a run of its own
    for a, b in zip(whole, runs, strict=True):
        assert a.document is not None and b.document is not None, (a.error, b.error)
        assert a.document.to_dict() == b.document.to_dict(), a.origin
