"""The evaluation format (../shared/eval/FORMAT.md) built from a Document."""

from __future__ import annotations

import pytest

from storyline.export.eval_format import date_string, to_eval
from storyline.model import DateValue, Document
from test_store import full_document


@pytest.mark.parametrize(("value", "expected"), [
    ("2014-06-18", "2014-06-18"), ("2018-07", "2018-07"), ("1988", "1988"),
    ("2008..2011", "2008..2011"), ("XXXX-11-12", None), ("PAST_REF", None),
    ("2019-09-14T04:00", "2019-09-14"), ("2020-W01", "2019-12-30..2020-01-05"),
    ("2020-W01-WE", "2020-01-04..2020-01-05"), ("2014-SU", "2014-06..2014-08"),
    ("2019-Q3", "2019-07..2019-09"), ("2019-H1", "2019-01..2019-06"), ("XXXX-W05", None),
    ("", None), (None, None),
])
def test_only_calendar_dates_are_written(value: str | None, expected: str | None) -> None:
    assert date_string(value) == expected


def test_a_document_in_the_eval_format() -> None:
    obj = to_eval(full_document())
    assert obj["doc"] == "lavrov.txt"
    assert obj["publisher"] == "Trend" and obj["dateline"] == "Baku"
    assert obj["published"] == {"date": "2014-06-18", "precision": "day"}
    assert obj["events"] == [{
        "when": "2014-06-18", "who": [{"name": "Sergey Lavrov", "country": "RUS"}],
        "whom": [{"name": "Ilham Aliyev", "country": "AZE"}, {"name": "Azerbaijan", "country": None}],
        "what": "CONSULT", "cameo": "040", "where": "Baku", "status": "reported",
        "evidence": "Lavrov met Aliyev in Baku on June 18.", "start": 0, "end": 37}]
    assert obj["quotes"] == [{"speaker": {"name": "Sergey Lavrov", "country": "RUS"},
                              "text": '"The talks were useful,"', "start": 38, "end": 63}]


def test_what_is_not_known_stays_empty() -> None:
    doc = Document("x", "wikinews:Some_article", "corpus.jsonl:3", "Text.",
                   published=DateValue("XXXX-11-12", "day", "text:dateline"))
    assert to_eval(doc) == {"doc": "wikinews:Some_article", "publisher": None, "published": None,
                            "dateline": None, "events": [], "quotes": []}
