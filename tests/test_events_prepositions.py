"""Two-word prepositions whose first word is also a verb form ("according to", "owing to"):
the parser tags "according" as a verb, and a dictionary pattern of ACCORD ("accord * military",
a grant of military aid) then read "according to the army" as aid. The first word of such a
preposition (``complex_prepositions`` in grammar.yaml) is no trigger; the source cue "according
to X" is still read as reported speech. Sentences of our own.
"""

from __future__ import annotations

import pytest

from test_events_coder import coder_for


@pytest.fixture(scope="module")
def code(ctx):
    return coder_for(ctx)


@pytest.mark.parametrize("text", [
    "Six policemen died in an ambush near the border on Sunday, according to the Malian military.",
    "The convoy was stopped at a checkpoint on Friday, according to army officials.",
    "Three villages were shelled overnight, according to the military of Chad.",
])
def test_according_to_a_military_source_is_no_aid(code, text: str) -> None:
    assert not [e for e in code(text) if e.what == "AID"], text


def test_according_to_a_state_is_still_its_report(code) -> None:
    events = code("Rebel fighters seized two towns on Sunday, according to Nigeria, which backs the army.")
    assert any(e.what == "STATEMENT" and any(r.country == "NGA" for r in e.source) for e in events), \
        [(e.what, e.evidence) for e in events]

