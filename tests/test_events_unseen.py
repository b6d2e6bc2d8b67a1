"""The event coder on the kinds of sentence that unseen news brings (issue 12): the sides of a joint
act told without its doers, news told in the perfect, acts named by nouns and headlines, and the
right side of an act. Sentences of our own; the real model and every stage run."""

from __future__ import annotations

from test_events_coder import code, names, only  # noqa: F401  (code is a fixture)


# ---------------------------------------------------------------- the sides of a joint act


def test_agentless_ceasefire_takes_the_sides_named_by_between(code):
    events = code("Norway brokered a truce between Sudan and Chad on Monday. The truce was due to take effect "
                  "at midnight.")
    truce = only(events, "RETREAT")
    assert "sudan" in names(truce.source) and "chad" in names(truce.source)
    assert "norway" not in names(truce.source + truce.target)


def test_mediators_targets_are_the_sides_between_not_the_place(code):
    events = code("Norway brokered a truce in Oslo, Norway between Sudan and Chad on Monday.")
    e = only(events, "MEDIATE")
    assert "norway" in names(e.source)
    assert "sudan" in names(e.target) and "chad" in names(e.target) and "norway" not in names(e.target)


def test_agreement_reached_takes_the_sides_of_the_nearest_deal(code):
    events = code("Sudan and Chad signed a peace deal in Oslo on Monday. The agreement was reached after "
                  "weeks of pressure.")
    agree = [e for e in events if e.what == "AGREE"]
    assert agree and all("sudan" in names(e.source + e.target) for e in agree)


def test_talks_take_no_sides_from_a_ceasefire_of_others(code):
    """A phone call between two leaders gives no sides to a ceasefire told after it."""
    events = code("The president of Chile spoke with the president of Peru on Monday. The ceasefire was "
                  "reached on Tuesday.")
    assert not any(e.what in ("AGREE", "RETREAT") and "chile" in names(e.source) for e in events)


def test_denied_agreement_gets_no_sides(code):
    events = code("Sudan and Chad held talks in Oslo on Monday. It does not mean that agreement has been "
                  "reached.")
    assert not any(e.what == "AGREE" for e in events)


def test_continuing_talks_are_no_new_act(code):
    events = code("Sudan will consult with Chad on these issues. It is not yet a deal, consultations "
                  "continue.")
    assert len([e for e in events if e.what == "CONSULT"]) == 1
