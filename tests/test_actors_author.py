"""The author of a statement printed as written (issue 12): "I" in an office's own text is the
holder of the office its title or address names. Texts of our own; the real model and every stage run."""

from __future__ import annotations

import pytest

from storyline.model import DateValue, Document, Event, content_id
from storyline.options import Options
from storyline.pipeline import run_stages

TEXT = ("I welcome the agreement signed by Chad and Sudan on Monday to end the fighting in Darfur. "
        "The UN stands ready to help.\n\n"
        "I strongly urge the parties to release all prisoners without delay.")


@pytest.fixture(scope="module")
def code(ctx):
    def run(text: str, url: str | None = None, title: str | None = None) -> list[Event]:
        doc = Document(id=content_id(text + (url or "") + (title or "")), name="t.txt", origin="test", text=text,
                       published=DateValue("2022-06-02", "day", "test"), url=url, title=title)
        [outcome] = run_stages([doc], ctx, list(Options().stages))
        assert outcome.error is None, outcome.error
        return outcome.document.events

    return run


def doers(events: list[Event], what: str) -> list[str]:
    return [r.actor_id or r.name for e in events if e.what == what for r in e.source]


def test_address_names_the_author(code):
    events = code(TEXT, url="https://example.org/report/chad/secretary-generals-statement-agreement-darfur")
    assert doers(events, "REQUEST") == ["antonio-guterres"]
    assert "antonio-guterres" in doers(events, "SUPPORT")


def test_title_names_the_author(code):
    events = code(TEXT, title="Statement by the Secretary-General on the agreement in Darfur")
    assert doers(events, "REQUEST") == ["antonio-guterres"]


def test_without_a_named_author_i_stays_i(code):
    events = code(TEXT, url="https://example.org/news/darfur-agreement-welcomed")
    assert doers(events, "REQUEST") == ["I"]


def test_a_role_far_from_any_statement_word_names_no_one(code):
    events = code(TEXT, url="https://example.org/news/statement-on-darfur-after-talks-with-the-secretary-general")
    assert doers(events, "REQUEST") == ["I"]


def test_i_inside_a_quotation_is_the_speaker_not_the_author(code):
    text = ('Chadian President Mahamat Deby said on Monday: "I urge Sudan to release all prisoners without '
            'delay." The UN stands ready to help.')
    events = code(text, url="https://example.org/report/chad/secretary-generals-statement-on-chad")
    assert doers(events, "REQUEST") == ["mahamat-deby"]
