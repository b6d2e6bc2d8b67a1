"""The actor commands end to end: ingest into a real DuckDB file, then list, show and add.

The first test is issue 3's acceptance check as the issue words it: after `storyline ingest` of
the five dev articles, `storyline actors --format json` holds each of twelve people once, with
their country.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.cli import app

runner = CliRunner()

EXPECTED = {"Dmitry Medvedev": "RUS", "Vladimir Putin": "RUS", "Sergey Lavrov": "RUS", "Maria Zakharova": "RUS",
            "Alexander Lukashevich": "RUS", "Ilham Aliyev": "AZE", "Elmar Mammadyarov": "AZE",
            "Hikmet Hajiyev": "AZE", "Serzh Sargsyan": "ARM", "Nikol Pashinyan": "ARM",
            "Zohrab Mnatsakanyan": "ARM", "Daniel Baer": "USA"}


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def dev_db(dev_db: Path, tmp_path_factory) -> Path:
    """A copy of the session's store of the ingested dev articles (conftest.py): a test here
    ingests one more article into it."""
    db = tmp_path_factory.mktemp("actors") / "dev.duckdb"
    shutil.copyfile(dev_db, db)
    return db


def test_after_ingest_each_dev_person_is_one_actor_with_its_country(dev_db) -> None:
    code, out, err = run("actors", "--db", str(dev_db), "--format", "json")
    assert code == 0, err
    rows = [json.loads(line) for line in out.splitlines()]
    assert all({"name", "country", "sector", "mentions"} <= set(r) for r in rows)
    for name, country in EXPECTED.items():
        found = [r for r in rows if r["name"] == name]
        assert len(found) == 1, (name, found)
        assert found[0]["country"] == country and found[0]["mentions"] >= 1, found[0]
    armenia_mil = [r for r in rows if r["id"] == "ARMMIL"]
    assert armenia_mil and armenia_mil[0]["sector"] == "MIL"


def test_the_table_lists_codes_roles_and_counts(dev_db) -> None:
    code, out, _ = run("actors", "--db", str(dev_db), "--kind", "person")
    assert code == 0
    assert "Sergey Lavrov" in out and "RUSGOV" in out and "foreign minister" in out


def test_one_actor_shows_roles_over_time_and_mentions(dev_db) -> None:
    code, out, _ = run("actor", "Lavrov", "--db", str(dev_db), "--format", "json")
    assert code == 0
    (lavrov,) = [json.loads(line) for line in out.splitlines()]
    assert lavrov["name"] == "Sergey Lavrov"
    assert any(r["office"] == "foreign_minister" and r["start"] == "2004-03-09" for r in lavrov["roles"])
    docs = {m["document"] for m in lavrov["mentions"]}
    assert docs == {"003_d2b73841d2e24e67.txt", "004_3db6768c7b0f1e3c.txt"}
    assert all(m["sentence"] and m["text"] for m in lavrov["mentions"])
    code, out, _ = run("actor", "Sergei Lavrov", "--db", str(dev_db))
    assert code == 0 and "roles over time" in out and "mentions" in out


def test_an_actor_the_store_never_saw_comes_from_the_knowledge_base(dev_db) -> None:
    code, out, _ = run("actor", "Jens Stoltenberg", "--db", str(dev_db), "--format", "json")
    assert code == 0
    (row,) = [json.loads(line) for line in out.splitlines()]
    assert row["country"] == "NATO" and row["mentions"] == []
    code, _, err = run("actor", "Nobody Whatsoever", "--db", str(dev_db))
    assert code == 1 and "no actor named" in err


def test_learned_people_are_reused_by_later_ingests(dev_db, tmp_path) -> None:
    article = tmp_path / "later.txt"
    article.write_text("YEREVAN, April 9\n\nSenor Hasratyan said the night had passed quietly on the line of "
                       "contact.\n", encoding="utf-8")
    code, _, err = run("ingest", str(article), "--db", str(dev_db))
    assert code == 0, err
    code, out, _ = run("actor", "Senor Hasratyan", "--db", str(dev_db), "--format", "json")
    (row,) = [json.loads(line) for line in out.splitlines()]
    assert row["country"] == "NKR" and row["source"].startswith("learned:")
    assert {m["document"] for m in row["mentions"]} >= {"later.txt", "002_3fa6fc0465e986e6.txt"}


def test_a_knowledge_base_file_added_to_the_database_links_in_later_ingests(tmp_path) -> None:
    db = tmp_path / "kb.duckdb"
    kb = tmp_path / "mine.yaml"
    kb.write_text("people:\n"
                  "  - name: Aram Vardanyan\n"
                  "    country: ARM\n"
                  "    roles:\n"
                  "      - defense_ministry_spokesperson 2019..2023 | Defence Ministry spokesman\n",
                  encoding="utf-8")
    code, _, err = run("actors", "add", str(kb), "--db", str(db))
    assert code == 0 and "1 people" in err, err
    article = tmp_path / "a.txt"
    article.write_text("Armenian Defence Ministry spokesman Aram Vardanyan said the shelling had stopped. "
                       "Vardanyan added that talks were possible.\n", encoding="utf-8")
    code, _, err = run("ingest", str(article), "--db", str(db))
    assert code == 0, err
    code, out, _ = run("actors", "--db", str(db), "--format", "json", "--kind", "person")
    rows = {r["name"]: r for r in map(json.loads, out.splitlines())}
    assert rows["Aram Vardanyan"]["country"] == "ARM" and rows["Aram Vardanyan"]["mentions"] >= 2
    assert rows["Aram Vardanyan"]["source"] == "user:mine.yaml"


def test_a_bad_knowledge_base_file_is_refused(tmp_path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("people:\n  - name: X\n    roles: [chancelor 2020..]\n", encoding="utf-8")
    code, _, err = run("actors", "add", str(bad), "--db", str(tmp_path / "x.duckdb"))
    assert code == 2 and "bad.yaml" in err and "office 'chancelor' is not known" in err
    code, _, err = run("extract", str(bad), "--kb", str(bad))
    assert code == 2 and "office 'chancelor' is not known" in err
