"""``storyline events`` and ``storyline export --format plover`` on a real DuckDB store filled
by the real pipeline."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.errors import StorylineError
from storyline.export.plover import plover_records
from storyline.model import DateValue, Document, content_id
from storyline.options import Options
from storyline.pipeline import run_stages
from storyline.query.events import query_events
from storyline.store import Store

TEXTS = {
    "a.txt": ("2020-05-10", "Pakistan accused India of violating the ceasefire in Kashmir. "
                            "Egypt and Israel signed a peace treaty in 1979."),
    "b.txt": ("2019-03-02", "Russian Foreign Minister Sergey Lavrov held talks with Turkish Foreign Minister "
                            "Mevlut Cavusoglu in Sochi on Friday. Chinese President Xi Jinping will visit Moscow "
                            "in June."),
}
runner = CliRunner()


@pytest.fixture(scope="module")
def db(ctx, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("events") / "s.duckdb"
    docs = [Document(id=content_id(t), name=name, origin=name, text=t, published=DateValue(pub, "day", "test"))
            for name, (pub, t) in TEXTS.items()]
    with Store(path) as store:
        for outcome in run_stages(docs, ctx, list(Options().stages)):
            assert outcome.error is None, outcome.error
            store.write_document(outcome.document)
    return path


def rows(db: Path, **filters) -> list[dict]:
    with Store(db, read_only=True) as store:
        return query_events(store, **filters)


def test_query_filters_by_actor_type_status_and_dates(db):
    everything = rows(db)
    assert {r["what"] for r in everything} >= {"ACCUSE", "AGREE", "CONSULT", "VISIT"}
    assert [r["what"] for r in rows(db, actor="india")] == ["ACCUSE"]
    assert {r["what"] for r in rows(db, type="visit")} == {"VISIT"}
    assert [r["status"] for r in rows(db, status="historical")] == ["historical"]
    assert {r["what"] for r in rows(db, status="planned")} == {"VISIT"}
    assert [r["what"] for r in rows(db, date_from="1970", date_to="1980-06")] == ["AGREE"]
    assert all(r["date"] >= "2019" for r in rows(db, date_from="2019-01"))


def test_query_refuses_bad_filters(db):
    with pytest.raises(StorylineError) as err:
        rows(db, status="rumoured")
    assert err.value.code == "E611"
    with pytest.raises(StorylineError) as err:
        rows(db, date_from="last week")
    assert err.value.code == "E070"


def test_events_command_prints_table_json_and_csv(db):
    result = runner.invoke(app, ["events", "--db", str(db), "--actor", "Lavrov", "--format", "json"])
    assert result.exit_code == 0, result.output
    found = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["what"] for r in found] == ["CONSULT"] and "Sochi" in found[0]["evidence"]
    # the actors as records a program reads: ids and codes, not joined names
    assert "who" not in found[0] and found[0]["source"] and found[0]["target"]
    lavrov = found[0]["source"][0]
    assert lavrov["country"] == "RUS" and lavrov["code"].startswith("RUS") and lavrov["actor_id"]
    assert set(lavrov) == {"name", "actor_id", "country", "sector", "code", "text"}

    result = runner.invoke(app, ["events", "--db", str(db), "--format", "csv"])
    table = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(table) == len(rows(db)) and set(table[0]) >= {"doc", "date", "who", "what", "whom", "status"}

    result = runner.invoke(app, ["events", "--db", str(db), "--status", "historical"])
    assert result.exit_code == 0 and "1979" in result.stdout and "AGREE" in result.stdout

    result = runner.invoke(app, ["events", "--db", str(db), "--status", "rumoured"])
    assert result.exit_code == 2 and "'rumoured' is not one of" in result.stderr and "historical" in result.stderr


def test_plover_export_writes_one_record_per_event_with_offsets(db, tmp_path):
    result = runner.invoke(app, ["export", "--db", str(db), "--format", "plover", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in (tmp_path / "events.plover.jsonl").read_text().splitlines()]
    with Store(db, read_only=True) as store:
        assert records == list(json.loads(json.dumps(r, default=str)) for r in plover_records(store))
        texts = {d["id"]: store.document(d["id"]).text for d in store.documents()}
    assert records and all({"id", "date", "actor", "recipient", "event", "mode", "context", "event_text",
                            "text_info", "cite_info"} <= set(r) for r in records)
    for r in records:
        info = r["text_info"]
        assert texts[info["doc_id"]][info["start"]:info["end"]] == r["text"]
        assert r["event"] in ("ACCUSE", "AGREE", "SUPPORT", "CONSULT", "REQUEST", "RETREAT")
    visit = next(r for r in records if r["storyline"]["class"] == "VISIT")
    assert visit["event"] == "CONSULT" and visit["mode"] == "visit" and visit["storyline"]["status"] == "planned"
    treaty = next(r for r in records if r["storyline"]["date_value"] == "1979")
    assert (treaty["date"], treaty["enddate"]) == ("1979-01-01", "1979-12-31")
