"""Acts told in headline style (issue 12, class 4): a headline line left in the text is read with
headline rules (present tense = the news, a bare participle = passive, an infinitive = planned)
and its act is one event with the body's clause that tells it. Headlines of our own; the real
model and every stage run."""

from __future__ import annotations

import test_events_coder as coder_tests
from storyline.events.headlines import headline

code = coder_tests.code  # the fixture that runs every stage over a text
names = coder_tests.names


def test_a_line_without_stop_leaves_the_next_paragraphs_subject_whole(ctx):
    """The parser cut "Sudan" off "Sudan and Chad agreed ..." after a headline without a stop."""
    sdoc = ctx.nlp("Sudan, Chad agree truce\n\nSudan and Chad agreed a truce in Doha on Friday.")
    sents = [s.text.strip() for s in sdoc.sents]
    assert sents[-1].startswith("Sudan and Chad agreed")


def test_headline_is_a_short_line_without_final_stop(ctx):
    sdoc = ctx.nlp("Chad frees 20 Sudanese soldiers\n\nChad freed 20 Sudanese soldiers on Friday. "
                   "It said so on Monday\n\nThe line above has no stop but shares its line.")
    sents = list(sdoc.sents)
    assert headline(sents[0])
    assert not headline(sents[1])  # ends with a stop
    assert not headline(sents[2])  # shares its line with another sentence


def test_present_tense_headline_and_body_are_one_event(code):
    events = code("Chad frees 20 Sudanese soldiers\n\nThe government of Chad freed 20 Sudanese soldiers "
                  "on Friday, officials said.")
    freed = [e for e in events if e.what == "RETREAT"]
    assert len(freed) == 1, [(e.what, e.evidence) for e in events]
    e = freed[0]
    assert e.evidence.startswith("The government of Chad freed")  # the body's clause is the evidence
    assert e.status == "reported"
    assert any("frees" in m.text for m in e.evidence_more)


def test_present_tense_headline_alone_is_the_news_not_history(code):
    events = code("Chad frees 20 Sudanese soldiers\n\nThe release came after talks in Doha, officials said.")
    freed = [e for e in events if e.what == "RETREAT" and "frees" in e.evidence]
    assert freed and all(e.status == "reported" for e in freed)


def test_bare_participle_subject_is_no_doer(code):
    events = code("Ceasefire agreed in Darfur\n\nThe fighting in Darfur stopped on Friday, witnesses said.")
    assert not any("ceasefire" in names(e.source) for e in events)


def test_headline_infinitive_is_planned(code):
    events = code("Chad, Sudan to meet in Doha\n\nThe two governments gave no date, officials said.")
    meet = [e for e in events if e.what == "CONSULT"]
    assert meet and all(e.status == "planned" for e in meet)


def test_prose_present_tense_keeps_its_reading(code):
    """A sentence with a final stop is prose: a material act in the simple present is no headline."""
    events = code("Chad frees prisoners every year at the end of Ramadan.")
    assert not any(e.what == "RETREAT" and e.status == "reported" for e in events)
