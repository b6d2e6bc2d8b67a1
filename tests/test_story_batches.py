"""The story update in bounded batches: a kill half-way keeps what was committed, and a rerun
completes it with the same story tables as one uninterrupted update.

Real parts throughout: articles ingested by the real pipeline (spaCy model included) into a real
DuckDB file, and the update run in a real subprocess that is killed with SIGKILL.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import storyline
from conftest import EXAMPLES
from story_cases import BACKGROUND, WIRE, Ev, article, state, store_with
from storyline.cli import app
from storyline.options import Options, StorySettings
from storyline.store import Store
from storyline.story import storage

#: Every row of every story table, and the background marks, in a fixed order (times of writing aside).
_DUMP = {t: f"SELECT * FROM {t}" for t in storage.STORY_TABLES}
_DUMP["background"] = "SELECT doc_id, idx FROM sentences WHERE background"


def _dump(store: Store) -> dict[str, list[tuple]]:
    out = {}
    for name, sql in _DUMP.items():
        rows = [tuple(json.dumps(v, sort_keys=True, default=str) for k, v in r.items() if not k.endswith("_at"))
                for r in store.query(sql)]  # not when a row was written
        out[name] = sorted(rows)
    return out


def _check_links(store: Store) -> None:
    """Every event of every document taken in is in exactly one story event, and each story
    event's record lists exactly its members as sources (no evidence link lost or doubled)."""
    taken = {r["doc_id"] for r in store.query("SELECT doc_id FROM story_documents")}
    events = {(r["doc_id"], r["id"]) for r in store.query(
        "SELECT doc_id, id FROM events WHERE NOT coalesce(negated, false)") if r["doc_id"] in taken}
    members = [(r["doc_id"], r["event_id"]) for r in store.query("SELECT doc_id, event_id FROM story_event_members")]
    assert sorted(members) == sorted(events)
    by_story: dict[str, set[tuple[str, str]]] = {}
    for r in store.query("SELECT story_id, doc_id, event_id FROM story_event_members"):
        by_story.setdefault(r["story_id"], set()).add((r["doc_id"], r["event_id"]))
    sentence_of = {(r["doc_id"], r["id"]): r["sentence"] if r["sentence"] is not None else (r["start"], r["end"])
                   for r in store.query('SELECT doc_id, id, sentence, start, "end" FROM events')}
    stories = {s.id: s for s in storage.story_events(store)}
    assert set(stories) == set(by_story)
    for sid, s in stories.items():
        told = [(src.doc_id, src.sentence if src.sentence is not None else (src.start, src.end)) for src in s.sources]
        assert len(told) == len(set(told))  # each source sentence once
        assert set(told) == {(d, sentence_of[(d, e)]) for d, e in by_story[sid]}
    links = store.query("SELECT planned_id, happened_id FROM story_links")
    assert all(r["planned_id"] in stories and r["happened_id"] in stories for r in links)


def _check_pending(store: Store) -> None:
    """Every event of every document taken in is filed under its date buckets, and each event not
    yet in a story event has a bucket that is pending (the next update recomputes it)."""
    taken = {r["doc_id"] for r in store.query("SELECT doc_id FROM story_documents")}
    events = {(r["doc_id"], r["id"]) for r in store.query(
        "SELECT doc_id, id FROM events WHERE NOT coalesce(negated, false)") if r["doc_id"] in taken}
    filed: dict[tuple[str, str], set[str]] = {}
    for r in store.query("SELECT bucket, doc_id, event_id FROM story_event_buckets"):
        filed.setdefault((r["doc_id"], r["event_id"]), set()).add(r["bucket"])
    assert events <= set(filed)
    linked = {(r["doc_id"], r["event_id"]) for r in store.query("SELECT doc_id, event_id FROM story_event_members")}
    pending = {r["bucket"] for r in store.query("SELECT bucket FROM story_pending")}
    assert events - linked and all(filed[e] & pending for e in events - linked)


def test_batches_of_one_give_what_one_batch_gives(tmp_path: Path) -> None:
    # constructed articles that exercise every cross-document part: a near-copy published after
    # its original, a repeated background paragraph, one happening told three ways, a plan and
    # its outcome, all taken in one document per transaction
    filler = ["Officials met on Monday to discuss the shipping of grain through the northern corridor.", BACKGROUND]
    truce = Ev("On March 1, the heads of government of Norway, Iceland and Denmark signed a joint declaration on a truce.",
               "AGREE", [state("NOR"), state("ISL"), state("DNK")], [], "2021-03-01")
    nordic = [state("NOR"), state("ISL"), state("DNK")]
    docs = [
        article("ntb.txt", "NTB", "2021-03-04", [truce], [WIRE]),
        article("copy.txt", "Digest", "2021-03-05", [truce], [WIRE.replace("OSLO, March 4. ", "")]),
        article("trend.txt", "Trend", "2021-03-07", [Ev(
            "The prime ministers of Norway and Iceland and the premier of Denmark signed a text on March 1.",
            "AGREE", nordic, [], "2021-03-01")], filler),
        article("plan.txt", "Trend", "2010-05-12", [Ev(
            "Before long Norway, Iceland and Denmark will convene a session of their fisheries ministers.", "CONSULT",
            nordic, [], None, "planned")], filler),
        article("held.txt", "NTB", "2010-07-17", [Ev(
            "Norway, Iceland and Denmark convened a session of their fisheries ministers in Bergen.", "CONSULT",
            nordic, [], "2010-07-17")], filler),
        article("summit.txt", "NTB", "2013-01-23", [Ev(  # years after the plan: in no date bucket of it
            "Norway, Iceland and Denmark convened a session of their fisheries ministers in Reykjavik.", "CONSULT",
            nordic, [], "2013-01-23")],
            ["The ministry said the next round of consultations would follow in the spring after the elections.",
             "Customs officers and rail operators discussed tariffs and the timing of inspections at length."]),
        article("began.txt", "Sputnik", "2018-07-27", [Ev(
            "The dispute started in July 1941 with the border province proclaiming its split from Ecuador.",
            "REJECT", [state("ZAM")], [state("ECU")], "1941-07", "historical")], filler),
    ]
    whole = store_with(tmp_path, docs, "whole.duckdb")
    storage.update(whole)
    one_by_one = store_with(tmp_path, docs, "batches.duckdb")
    seen: list[int] = []
    report = storage.update(one_by_one, Options(story=StorySettings(update_batch=1)),
                            progress=lambda r, total: seen.append(r.documents))
    assert seen == [1, 2, 3, 4, 5, 6, 7] and report.documents == 7
    assert _dump(one_by_one) == _dump(whole)
    assert whole.query("SELECT count(*) AS n FROM story_copies")[0]["n"] == 1
    assert whole.query("SELECT count(*) AS n FROM sentences WHERE background")[0]["n"] >= 3
    assert whole.query("SELECT count(*) AS n FROM story_links")[0]["n"] == 1
    _check_links(one_by_one)


UPDATE_SCRIPT = """
import sys
from pathlib import Path
from storyline.options import Options, StorySettings
from storyline.store import Store
from storyline.story import storage

def said(report, total):
    print(f"{report.documents} of {total}", flush=True)

with Store(Path(sys.argv[1])) as store:
    storage.update(store, Options(story=StorySettings(update_batch=int(sys.argv[2]))), progress=said)
print("done", flush=True)
"""


def _env() -> dict[str, str]:
    src = str(Path(storyline.__file__).resolve().parents[1])
    return {**os.environ, "PYTHONPATH": os.pathsep.join([src, os.environ.get("PYTHONPATH", "")])}


def test_a_story_update_killed_halfway_is_completed_by_a_rerun(tmp_path: Path, shared: Path) -> None:
    wikinews = shared / "data" / "news-corpus" / "news-wikinews.jsonl.gz"
    if not wikinews.exists():
        pytest.skip(f"{wikinews} is not there")
    # real articles: the five dev stories, a syndicated copy of one, ten Wikinews articles of 2020
    folder = tmp_path / "articles"
    folder.mkdir()
    for p in EXAMPLES:
        shutil.copy(p, folder / p.name)
    lines = EXAMPLES[3].read_text(encoding="utf-8").splitlines()  # the longest: a copy less its last line
    (folder / "zz_copy.txt").write_text("\n".join(lines[:-1]) + "\nThe story first ran on a wire service.\n",
                                        encoding="utf-8")
    with gzip.open(wikinews, "rt", encoding="utf-8") as fh:
        records = [r for r in map(json.loads, fh) if (r.get("date") or "").startswith("2020")][:10]
    with gzip.open(folder / "wikinews.jsonl.gz", "wt", encoding="utf-8") as out:
        out.writelines(json.dumps(r) + "\n" for r in records)

    whole = tmp_path / "whole.duckdb"  # the ingest's own update: one batch, never interrupted
    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(whole)])
    assert result.exit_code == 0, result.output
    killed = tmp_path / "killed.duckdb"
    shutil.copy(whole, killed)
    with Store(killed) as store:
        storage.forget(store)
        total = store.count("documents")
    assert total == 16

    script = tmp_path / "update.py"
    script.write_text(UPDATE_SCRIPT)
    proc = subprocess.Popen([sys.executable, str(script), str(killed), "2"], env=_env(),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()
        assert first == f"2 of {total}\n", first + proc.stderr.read()
        os.kill(proc.pid, signal.SIGKILL)  # while the next batches are under way
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait()
    assert proc.returncode == -signal.SIGKILL

    with Store(killed) as store:  # what was committed is whole: every event of the documents taken in is
        taken = store.count("story_documents")  # filed under its buckets, and those are pending
        assert 2 <= taken < total
        _check_pending(store)

    done = subprocess.run([sys.executable, str(script), str(killed), "2"], env=_env(),
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-2:] == [f"{total - taken} of {total - taken}", "done"]
    with Store(killed) as k, Store(whole) as w:
        assert _dump(k) == _dump(w)
        _check_links(k)
        assert k.count("story_copies") == 1  # the copy found across batches
        assert k.count("story_events") > 0
