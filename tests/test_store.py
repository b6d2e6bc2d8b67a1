"""The store on a real DuckDB file: round trip, idempotence, migrations, transactions, exports."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from conftest import EXAMPLES
from storyline.errors import StorylineError
from storyline.export.tables import export_tables
from storyline.lexicons import data_path
from storyline.model import (
    Actor,
    ActorRef,
    DateValue,
    Document,
    Event,
    Evidence,
    Mention,
    Quote,
    Role,
    Sentence,
    TimeExpression,
    content_id,
)
from storyline.pipeline import run_stages
from storyline.store import Store, find_migrations

TEXT = ('Lavrov met Aliyev in Baku on June 18.\n"The talks were useful," Lavrov said.')


def full_document(text: str = TEXT, name: str = "lavrov.txt") -> Document:
    """A document with one record of every kind, nested values included."""
    doc_id = content_id(text)
    return Document(
        id=doc_id, name=name, origin=f"/corpus/{name}", text=text, title="Lavrov in Baku",
        publisher="Trend", publisher_evidence="/ Trend /", byline="Seba Agayeva", dateline="Baku",
        dateline_date="June 18", url="https://example.org/a",
        published=DateValue("2014-06-18", "day", "text:masthead", 0.9, "18 June 2014", ["2014-06-18"]),
        metadata={"encoding": "utf-8", "tags": ["a", "b"]}, removed=["All news"],
        sentences=[Sentence(0, 37, 0), Sentence(38, len(text), 1, background=True)],
        mentions=[Mention(0, 6, "Lavrov", actor_id="lavrov", country="RUS", sector="GOV", role="foreign minister",
                          sentence=0, confidence=0.8),
                  Mention(21, 25, "Baku", kind="metonym", actor_id="aze", country="AZE", refs=["aze", "aliyev"])],
        actors=[Actor("lavrov", "Sergey Lavrov", aliases=["Lavrov"], country="RUS", sector="GOV",
                      roles=[Role("RUS", "GOV", "Minister of Foreign Affairs", "foreign_minister", "2004-03-09",
                                  None, "curated")]),
                Actor("aze", "Azerbaijan", kind="state", country="AZE")],
        timexes=[TimeExpression(29, 36, "June 18", value="2014-06-18", precision="day", anchor="document",
                                sentence=0)],
        quotes=[Quote(38, 63, '"The talks were useful,"', speaker=ActorRef("Sergey Lavrov", "lavrov", "RUS", "GOV", 64,
                                                                         70, "Lavrov"),
                      cue="said", cue_start=71, cue_end=75, date=DateValue("2014-06-18"), sentence=1)],
        events=[Event("e1", 0, 37, "Lavrov met Aliyev in Baku on June 18.", trigger="met", cameo="040",
                      plover_type="CONSULT", what="CONSULT", source=[ActorRef("Sergey Lavrov", "lavrov", "RUS")],
                      target=[ActorRef("Ilham Aliyev", None, "AZE", "GOV", 11, 17, "Aliyev"), ActorRef("Azerbaijan")],
                      date=DateValue("2014-06-18", "day", "timex"), location="Baku", sentence=0,
                      evidence_more=[Evidence(5, 40, "Lavrov and Aliyev met", "other-doc", 2, "restatement")])],
    )


def test_a_document_comes_back_exactly_as_written(tmp_path: Path) -> None:
    doc = full_document()
    with Store(tmp_path / "s.duckdb") as store:
        assert store.write_document(doc) == "new"
    with Store(tmp_path / "s.duckdb", read_only=True) as store:
        back = store.document(doc.id)
        assert back.to_dict() == doc.to_dict()
        assert store.count("event_sources") == 2  # the event's own span and one restatement
        assert store.query("SELECT side, name FROM event_actors ORDER BY side, idx") == [
            {"side": "source", "name": "Sergey Lavrov"},
            {"side": "target", "name": "Ilham Aliyev"}, {"side": "target", "name": "Azerbaijan"}]


def test_every_row_points_at_its_words(tmp_path: Path) -> None:
    doc = full_document()
    with Store(tmp_path / "s.duckdb") as store:
        store.write_document(doc)
        rows = store.query('SELECT m.text, substr(d.text, m.start + 1, m."end" - m.start) AS span '
                           "FROM mentions m JOIN documents d ON d.id = m.doc_id")
    assert rows and all(r["text"] == r["span"] for r in rows)


def test_writing_the_same_document_again_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    doc = full_document()
    with Store(db) as store:
        assert store.write_document(doc) == "new"
        before = {t: store.count(t) for t in store.tables()}
        assert store.write_document(doc) == "unchanged"
        # the same article under another name and origin is still the same document
        again = full_document(name="copy.txt")
        assert store.write_document(again) == "unchanged"
        assert {t: store.count(t) for t in store.tables()} == before
    with Store(db) as store:  # reopened: no migration runs twice, nothing is rewritten
        assert store.write_document(doc) == "unchanged"
        assert {t: store.count(t) for t in store.tables()} == before
        assert store.query("SELECT name FROM documents") == [{"name": "lavrov.txt"}]


def test_actors_are_shared_across_documents(tmp_path: Path) -> None:
    first = full_document()
    second = full_document(text=TEXT + "\nHe flew home.", name="b.txt")
    second.actors[0].aliases = ["Lavrov", "Sergei Lavrov"]
    second.actors[0].roles.append(Role("RUS", "GOV", "ambassador to the UN", None, "1994", "2004", "curated"))
    with Store(tmp_path / "s.duckdb") as store:
        store.write_document(first)
        store.write_document(second)
        assert store.count("actors") == 2
        lavrov = store.actor("lavrov")
        assert lavrov.aliases == ["Lavrov", "Sergei Lavrov"]
        assert [r.title for r in lavrov.roles] == ["ambassador to the UN", "Minister of Foreign Affairs"]
        assert store.query("SELECT count(*) AS n FROM document_actors WHERE actor_id = 'lavrov'")[0]["n"] == 2
        assert store.query("SELECT first_doc_id FROM actors WHERE id = 'lavrov'")[0]["first_doc_id"] == first.id


def test_a_failure_mid_document_leaves_nothing_of_it(tmp_path: Path) -> None:
    good = full_document()
    bad = full_document(text=TEXT + " More.", name="bad.txt")
    # the documents row and its sentences go in first; the mentions cannot (an offset that is no
    # number), so the transaction must take the document and its sentences back out
    bad.mentions[1].start = "not an offset"  # type: ignore[assignment]
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        store.write_document(good)
        before = {t: store.count(t) for t in store.tables()}
        with pytest.raises(StorylineError, match=r"E046.*bad\.txt.*nothing of it was written"):
            store.write_document(bad)
        assert {t: store.count(t) for t in store.tables()} == before
        assert not store.has(bad.id)
        bad.mentions[1].start = 21
        assert store.write_document(bad) == "new"  # nothing left over blocks the retry
        assert store.count("documents") == 2


def test_a_group_of_documents_goes_in_whole_and_a_bad_one_alone_fails(tmp_path: Path) -> None:
    docs = [full_document(text=TEXT + f" Paragraph {i}.", name=f"d{i}.txt") for i in range(4)]
    duplicate = full_document(text=docs[0].text, name="same-as-d0.txt")
    with Store(tmp_path / "s.duckdb") as store:
        assert store.write_documents([docs[0], docs[1], duplicate]) == ["new", "new", "unchanged"]
        assert store.count("actors") == 2 and store.count("roles") == 1
        docs[3].mentions[0].end = "no offset"  # type: ignore[assignment]
        results = store.write_documents([docs[0], docs[2], docs[3]])
        assert results[:2] == ["unchanged", "new"]
        assert isinstance(results[2], StorylineError) and "d3.txt" in str(results[2])
        assert sorted(r["name"] for r in store.query("SELECT name FROM documents")) == ["d0.txt", "d1.txt", "d2.txt"]
        assert store.query("SELECT count(*) AS n FROM mentions WHERE doc_id = ?", [docs[3].id])[0]["n"] == 0
        for doc in docs[:3]:
            assert store.document(doc.id).to_dict() == doc.to_dict()


def test_grouping_documents_into_transactions_changes_no_row(tmp_path: Path) -> None:
    # ingest groups documents per commit (--commit-every, and by time): the rows must be those of
    # one transaction per document, down to which document a role was learned from
    docs = [full_document(text=TEXT + f" Paragraph {i}.", name=f"d{i}.txt") for i in range(3)]
    docs[1].actors[0].aliases = ["Lavrov", "Sergei Lavrov"]
    docs[1].actors[0].roles.append(Role("RUS", "GOV", "ambassador to the UN", None, "1994", "2004", "curated"))
    docs[2].actors[0].aliases = ["S. Lavrov"]

    def rows(store: Store) -> dict[str, list[tuple]]:
        return {t: sorted(map(str, store.con.execute(f"SELECT * EXCLUDE (ingested_at) FROM {t}").fetchall()))
                if t == "documents" else
                sorted(map(str, store.con.execute(f"SELECT * EXCLUDE (updated_at) FROM {t}").fetchall()))
                if t == "actors" else sorted(map(str, store.con.execute(f"SELECT * FROM {t}").fetchall()))
                for t in ("documents", "actors", "roles", "document_actors", "mentions", "events")}

    with Store(tmp_path / "alone.duckdb") as alone, Store(tmp_path / "grouped.duckdb") as grouped:
        for doc in docs:
            assert alone.write_document(doc) == "new"
        assert grouped.write_documents(docs) == ["new"] * 3
        assert rows(grouped) == rows(alone)
        assert grouped.query("SELECT title, doc_id FROM roles ORDER BY title") == [
            {"title": "Minister of Foreign Affairs", "doc_id": docs[0].id},
            {"title": "ambassador to the UN", "doc_id": docs[1].id}]
        assert grouped.actor("lavrov").aliases == ["Lavrov", "Sergei Lavrov", "S. Lavrov"]


def test_migrations_run_once_in_order(tmp_path: Path) -> None:
    root = tmp_path / "schema"
    shutil.copytree(data_path("schema"), root)  # every component the package has, then one more
    (root / "sample").mkdir()
    (root / "sample" / "0002_sample_sources.sql").write_text(
        "CREATE TABLE sample_sources (story_id VARCHAR, doc_id VARCHAR, event_id VARCHAR);")
    (root / "sample" / "0001_sample_events.sql").write_text(
        "CREATE TABLE sample_events (id VARCHAR PRIMARY KEY, what VARCHAR);")
    migrations = find_migrations(root)
    assert migrations[0].component == "core"
    assert [(m.component, m.version) for m in migrations if m.component == "sample"] == [("sample", 1), ("sample", 2)]
    with Store(tmp_path / "s.duckdb") as store:
        newest_core = max(m.version for m in migrations if m.component == "core")
        assert store.versions()["core"] == newest_core and "sample" not in store.versions()
        applied = store.migrate(migrations)
        assert [(m.component, m.version) for m in applied] == [("sample", 1), ("sample", 2)]
        assert store.migrate(migrations) == []
        assert {"sample_events", "sample_sources"} <= set(store.tables())
        assert store.versions()["sample"] == 2


def test_a_failing_migration_leaves_the_schema_as_it_was(tmp_path: Path) -> None:
    root = tmp_path / "schema"
    shutil.copytree(data_path("schema"), root)
    (root / "sample").mkdir()
    (root / "sample" / "0001_half.sql").write_text("CREATE TABLE half (a INTEGER); CREATE TABLE broken (;")
    with Store(tmp_path / "s.duckdb") as store:
        tables, versions = store.tables(), store.versions()
        with pytest.raises(StorylineError, match="E038"):
            store.migrate(find_migrations(root))
        assert "half" not in store.tables()
        assert store.tables() == tables and store.versions() == versions  # as it was
        assert "sample" not in store.versions()


def test_a_database_from_a_newer_storyline_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    with Store(db) as store, store.transaction():
        store.insert("schema_version", [{"component": "core", "version": 99, "name": "future"}])
    with pytest.raises(StorylineError, match="E036"):
        Store(db)


def test_badly_named_migration_files_are_refused(tmp_path: Path) -> None:
    (tmp_path / "core").mkdir()
    (tmp_path / "core" / "initial.sql").write_text("SELECT 1;")
    with pytest.raises(StorylineError, match="E031"):
        find_migrations(tmp_path)


def test_reading_a_missing_database_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(StorylineError, match="storyline ingest"):
        Store(tmp_path / "none.duckdb", read_only=True)
    assert not (tmp_path / "none.duckdb").exists()


def test_a_second_process_cannot_write_while_one_does(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    code = ("import sys\nfrom storyline.store import Store\nfrom storyline.errors import StorylineError\n"
            "try:\n    Store(sys.argv[1])\nexcept StorylineError as e:\n    print(e.code)\n")
    with Store(db):
        done = subprocess.run([sys.executable, "-c", code, str(db)], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "E034"


def test_parsed_examples_are_stored_with_their_sentences(tmp_path: Path, ctx) -> None:
    docs = [Document(content_id(t), p.name, str(p), t) for p in EXAMPLES[:2] for t in [p.read_text(encoding="utf-8")]]
    outcomes = run_stages(docs, ctx)
    with Store(tmp_path / "s.duckdb") as store:
        for o in outcomes:
            assert o.error is None
            assert store.write_document(o.document) == "new"
        rows = {r["name"]: r for r in store.documents()}
        for o in outcomes:
            assert rows[o.document.name]["sentences"] == len(o.document.sentences) > 3
            assert store.document(o.document.id).to_dict() == o.document.to_dict()


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
def test_export_writes_every_table(tmp_path: Path, fmt: str) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        store.write_document(full_document())
        written = export_tables(store, tmp_path / "out", fmt)
        assert set(written) == set(store.tables())
        counts = {t: store.count(t) for t in written}
    reader = {"parquet": "read_parquet", "csv": "read_csv", "jsonl": "read_json"}[fmt]
    con = duckdb.connect()
    for table, path in written.items():
        if counts[table]:
            assert con.execute(f"SELECT count(*) FROM {reader}('{path}')").fetchone()[0] == counts[table], table
    if fmt == "jsonl":
        line = json.loads((tmp_path / "out" / "documents.jsonl").read_text(encoding="utf-8").splitlines()[0])
        assert line["text"] == TEXT and line["publisher"] == "Trend"
