"""The storyline command end to end: real files, the real model, a real DuckDB file.

The bad-input test and the SIGKILL test are the issue's acceptance checks: a batch of broken
files costs the good ones nothing, and an ingest killed at any moment leaves a database that a
rerun completes with every article stored exactly once.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

import storyline
from conftest import EXAMPLES
from storyline.cli import app
from storyline.store import Store

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def listed(db: Path) -> list[dict]:
    code, out, _ = run("documents", "--db", str(db), "--format", "json")
    assert code == 0
    return [json.loads(line) for line in out.splitlines()]


def test_ingesting_the_examples_twice_stores_them_once(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    code, _, err = run("ingest", *map(str, EXAMPLES), "--db", str(db))
    assert code == 0, err
    assert "5 read, 5 new, 0 unchanged, 0 failed" in err
    first = listed(db)
    assert sorted(d["name"] for d in first) == [p.name for p in EXAMPLES]

    code, _, err = run("ingest", str(EXAMPLES[0].parent), "--db", str(db))
    assert code == 0, err
    assert "5 read, 0 new, 5 unchanged, 0 failed" in err
    assert listed(db) == first  # the same rows, ingest times included: nothing was rewritten


def test_grouped_commits_store_the_same(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    code, _, err = run("ingest", *map(str, EXAMPLES), "--db", str(db), "--commit-every", "3")
    assert code == 0 and "5 read, 5 new, 0 unchanged, 0 failed" in err, err
    code, _, err = run("ingest", *map(str, EXAMPLES), "--db", str(db), "--commit-every", "3")
    assert code == 0 and "5 read, 0 new, 5 unchanged, 0 failed" in err, err
    assert sorted(d["name"] for d in listed(db)) == [p.name for p in EXAMPLES]


def test_a_stage_workers_cannot_receive_is_refused_before_any_starts() -> None:
    # workers are not forked from this process: a stage registered in this process travels to them by
    # pickling, so one that cannot (a lambda) is a clear error, not a worker running another stage
    from storyline.errors import StorylineError
    from storyline.options import Options
    from storyline.pipeline import Context, process, stage

    stage("test_unsendable", needs=("text",))(lambda doc, ctx: doc)
    options = Options(workers=2, stages=("test_unsendable",))
    with pytest.raises(StorylineError, match=r"E004.*test_unsendable.*one worker"):
        list(process([], Context(options)))


WORKER_SCRIPT = """
import os, sys, time
from pathlib import Path
from storyline.options import Options
from storyline.pipeline import extract, stage
from storyline.read import read_paths

PIDS = Path(os.environ["TEST_WORKER_PIDS"])  # module level: each worker imports this script

@stage("test_forever")
def forever(doc, ctx):
    (PIDS / f"{os.getpid()}.pid").write_text("")
    time.sleep(3600)
    return doc

if __name__ == "__main__":
    for outcome in extract(read_paths(sys.argv[1:]), Options(workers=2, batch_size=1, stages=("test_forever",))):
        pass
"""


def _descendants(root: int) -> set[int]:
    """The pids of every process below ``root``, from the parent pids in /proc."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:  # ended while we looked
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    found: set[int] = set()
    todo = [root]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/status").read_text().split("State:", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads process states from /proc")
def test_workers_end_when_the_process_that_started_them_is_killed(tmp_path: Path) -> None:
    # a worker busy with a document must not run on, orphaned, after its ingest is killed
    pids_dir = tmp_path / "pids"
    pids_dir.mkdir()
    script = tmp_path / "run_forever.py"
    script.write_text(WORKER_SCRIPT)
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("Russia and Turkey held talks in Baku on Monday about the conflict.\n")
    proc = subprocess.Popen([sys.executable, str(script), str(tmp_path / "a.txt"), str(tmp_path / "b.txt")],
                            env={**_env(), "TEST_WORKER_PIDS": str(pids_dir)},
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    workers: list[int] = []
    try:
        for _ in range(600):  # both workers inside the stage (model loaded): at most a minute
            workers = [int(p.stem) for p in pids_dir.glob("*.pid")]
            if len(workers) == 2 or proc.poll() is not None:
                break
            time.sleep(0.1)
        assert len(workers) == 2, proc.stderr.read().decode() if proc.poll() is not None else workers
        proc.kill()
        proc.wait()
        for _ in range(300):
            if not any(_alive(w) for w in workers):
                break
            time.sleep(0.1)
        assert not any(_alive(w) for w in workers), "workers outlived the process that started them"
    finally:
        if proc.poll() is None:
            proc.kill()
        for w in workers:  # never leave a sleeping worker behind, whatever happened
            if _alive(w):
                os.kill(w, signal.SIGKILL)


def test_documents_table_names_every_document(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    run("ingest", *map(str, EXAMPLES[:2]), "--db", str(db))
    code, out, _ = run("documents", "--db", str(db))
    assert code == 0
    assert "2 documents" in out


def test_documents_of_a_missing_database_is_one_clear_line(tmp_path: Path) -> None:
    code, out, err = run("documents", "--db", str(tmp_path / "none.duckdb"))
    assert code == 2
    assert err.count("\n") == 1 and "none.duckdb" in err and "storyline ingest" in err


def make_bad_files(folder: Path) -> dict[str, Path]:
    """One file of each kind of bad input the issue lists (the missing path is not created)."""
    folder.mkdir(parents=True, exist_ok=True)
    bad = {
        "empty": folder / "empty.txt",
        "binary": folder / "binary.txt",
        "invalid_utf8": folder / "invalid-utf8.txt",
        "huge": folder / "huge.txt",
        "no_article": folder / "menu.html",
        "broken_jsonl": folder / "broken.jsonl",
    }
    bad["empty"].write_bytes(b"")
    bad["binary"].write_bytes(bytes(range(256)) * 64)
    # English words, then bytes that are no UTF-8 and no text in any legacy encoding either
    noise = bytes((37 * i * i + 11 * i) % 128 + 128 for i in range(3000))
    bad["invalid_utf8"].write_bytes(b"Hello world. " * 50 + noise)
    with open(bad["huge"], "wb") as fh:  # 50 MB of real text, not a sparse file
        line = b"The ministers met again in Vienna and said nothing new about the talks.\n"
        fh.write(line * (50 * 1024 * 1024 // len(line) + 1))
    bad["no_article"].write_text("<!DOCTYPE html><html><head><title>Menu</title></head><body><nav>"
                                 "<a href='/'>Home</a> <a href='/news'>News</a></nav></body></html>", encoding="utf-8")
    good = {"id": "jsonl:1", "title": "Talks resume", "date": "2020-11-12", "source": "test",
            "text": "Armenian and Azerbaijani diplomats met in Moscow on Thursday.\n\nThe talks will go on."}
    other = dict(good, id="jsonl:4", text="The OSCE Minsk Group co-chairs visited Baku on Monday.\n\nThey left.")
    bad["broken_jsonl"].write_text("\n".join([
        json.dumps(good),
        '{"id": "jsonl:2", "title": "cut off", "text": "The minis',
        "not json at all",
        json.dumps(other),
    ]) + "\n", encoding="utf-8")
    return bad


def test_bad_files_are_each_reported_and_cost_the_rest_nothing(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    assert run("ingest", *map(str, EXAMPLES), "--db", str(db))[0] == 0
    with Store(db, read_only=True) as store:
        before = store.query("SELECT * FROM documents ORDER BY id")
        counts = {t: store.count(t) for t in store.tables()}

    folder = tmp_path / "batch"
    folder.mkdir()
    for p in EXAMPLES:
        shutil.copy(p, folder / p.name)
    bad = make_bad_files(folder)
    missing = tmp_path / "no-such-file.txt"

    code, _, err = run("ingest", str(folder), str(missing), "--db", str(db))
    assert code == 1
    lines = err.splitlines()
    # each bad input on a line of its own that names it; broken JSON Lines name the line too
    for key in ("empty", "binary", "invalid_utf8", "huge", "no_article"):
        named = [ln for ln in lines if bad[key].name in ln]
        assert len(named) == 1, (key, lines)
    assert len([ln for ln in lines if str(missing) in ln]) == 1, lines
    jsonl_lines = [ln for ln in lines if bad["broken_jsonl"].name in ln]
    assert len(jsonl_lines) == 2 and any(":2" in ln for ln in jsonl_lines) and any(":3" in ln for ln in jsonl_lines)
    assert "0 unchanged" not in err and "5 unchanged" in err and "2 new" in err and "8 failed" in err

    with Store(db, read_only=True) as store:
        names = {r["name"] for r in store.query("SELECT name FROM documents")}
        assert names == {p.name for p in EXAMPLES} | {"jsonl:1", "jsonl:4"}
        # the five stored before were not touched: same rows, same ingest times
        assert store.query(f"SELECT * FROM documents WHERE id IN ({','.join('?' * len(before))}) ORDER BY id",
                           [r["id"] for r in before]) == before
        grown = {t: store.count(t) for t in store.tables()}
    assert all(grown[t] >= counts[t] for t in counts)


def test_extract_writes_json_lines_without_a_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run("extract", *map(str, EXAMPLES[:2]), "--format", "json")
    assert code == 0, err
    docs = [json.loads(line) for line in out.splitlines()]
    assert [d["name"] for d in docs] == [p.name for p in EXAMPLES[:2]]
    for d in docs:
        assert d["sentences"] and all(d["text"][s["start"]:s["end"]].strip() for s in d["sentences"])
        for m in d["mentions"]:
            assert d["text"][m["start"]:m["end"]] == m["text"]
    assert not list(tmp_path.iterdir())  # no database written


def test_extract_eval_format_has_every_field(tmp_path: Path) -> None:
    code, out, err = run("extract", *map(str, EXAMPLES), "--format", "eval")
    assert code == 0, err
    objs = [json.loads(line) for line in out.splitlines()]
    assert [o["doc"] for o in objs] == [p.name for p in EXAMPLES]
    for o in objs:
        assert set(o) == {"doc", "publisher", "published", "dateline", "events", "quotes"}
        assert o["published"] is None or set(o["published"]) == {"date", "precision"}


def test_export_writes_a_file_per_table(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    run("ingest", *map(str, EXAMPLES[:1]), "--db", str(db))
    code, _, err = run("export", "--db", str(db), "--format", "csv", "--out", str(tmp_path / "csv"))
    assert code == 0, err
    files = {p.stem for p in (tmp_path / "csv").iterdir()}
    assert {"documents", "sentences", "mentions", "actors", "roles", "timexes", "quotes", "events",
            "event_sources"} <= files
    header = (tmp_path / "csv" / "documents.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("id,name,origin,text")


def test_demo_ingests_the_examples_and_shows_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run("demo")
    assert code == 0, err
    assert "5 new" in err
    assert "Documents in storyline-demo.duckdb" in out
    for p in EXAMPLES:
        assert p.name[:12] in out


# ---------------------------------------------------------------- killed mid-ingest


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "storyline", *args]


def _env() -> dict[str, str]:
    """Run the subprocess on the same storyline as this test session."""
    src = str(Path(storyline.__file__).resolve().parents[1])
    return {**os.environ, "PYTHONPATH": os.pathsep.join([src, os.environ.get("PYTHONPATH", "")])}


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads process trees from /proc")
def test_an_ingest_killed_halfway_is_completed_by_a_rerun(tmp_path: Path, shared: Path) -> None:
    corpus = shared / "data" / "news-corpus" / "news-wikinews.jsonl.gz"
    if not corpus.exists():
        pytest.skip(f"{corpus} is not there")
    with gzip.open(corpus, "rt", encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    expected = {r["id"] for r in records if r.get("text", "").strip()}
    half = len(expected) // 2
    db = tmp_path / "wikinews.duckdb"

    # two workers extract, the main process writes; the main process alone is killed as soon as
    # it reports half the articles stored: its workers (and multiprocessing's resource tracker)
    # must then end on their own, none left running orphaned
    proc = subprocess.Popen(_cli("ingest", str(corpus), "--db", str(db), "--workers", "2"), env=_env(),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True)
    seen: list[str] = []
    run_pids: set[int] = set()
    try:
        assert proc.stderr is not None
        for line in proc.stderr:
            seen.append(line)
            if line.startswith("ingest: ") and int(line.split(" new")[0].rsplit(" ", 1)[1]) >= half:
                run_pids = _descendants(proc.pid)
                os.kill(proc.pid, signal.SIGKILL)
                break
        proc.wait()
        assert proc.returncode == -signal.SIGKILL, "".join(seen)
        assert len(run_pids) >= 2, run_pids  # the two workers at least were there to be orphaned
        for _ in range(600):  # a worker notices within a second; allow a loaded machine a minute
            if not any(_alive(p) for p in run_pids):
                break
            time.sleep(0.1)
        assert not [p for p in run_pids if _alive(p)], "processes of the killed ingest outlived it"
    finally:
        with contextlib.suppress(ProcessLookupError):  # whatever went wrong, leave nothing running
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()

    with Store(db) as store:  # DuckDB replays what was committed; nothing half-written
        stored = store.count("documents")
        assert half <= stored < len(expected)
        for table in ("sentences", "mentions", "timexes", "quotes", "events", "event_sources"):
            orphans = store.query(f"SELECT count(*) AS n FROM {table} WHERE doc_id NOT IN (SELECT id FROM documents)")
            assert orphans[0]["n"] == 0, table
        per_doc = store.query("SELECT d.id, count(s.doc_id) AS n FROM documents d "
                              "LEFT JOIN sentences s ON s.doc_id = d.id GROUP BY d.id")
        assert all(r["n"] > 0 for r in per_doc)  # no document stored without its sentences

    done = subprocess.run(_cli("ingest", str(corpus), "--db", str(db), "--workers", "2"), env=_env(),
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert (f"{len(records)} read, {len(expected) - stored} new, {stored} unchanged, 0 failed"
            in done.stderr), done.stderr
    with Store(db, read_only=True) as store:
        rows = store.query("SELECT count(*) AS n, count(DISTINCT id) AS ids, count(DISTINCT name) AS names "
                           "FROM documents")[0]
        assert rows == {"n": len(expected), "ids": len(expected), "names": len(expected)}
        assert {r["name"] for r in store.query("SELECT name FROM documents")} == expected


def test_two_workers_store_exactly_what_one_worker_stores(tmp_path: Path) -> None:
    # a person learned in one article and named bare in another: the second must not depend on
    # which worker happened to read the first (one document per batch spreads them over both)
    later = tmp_path / "zz_later.txt"
    later.write_text("STEPANAKERT, April 9\n\nSenor Hasratyan said the night had passed quietly on the line of "
                     "contact. Baku insists the Armenian side shelled its positions.\n", encoding="utf-8")
    paths = [*map(str, EXAMPLES), str(later)]

    def extract(files: list[str], workers: str) -> list[str]:
        done = subprocess.run([sys.executable, "-m", "storyline", "extract", *files, "--format", "json",
                               "--workers", workers, "--batch-size", "1"],
                              capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stderr
        return done.stdout.splitlines()

    one, two = extract(paths, "1"), extract(paths, "2")
    assert len(one) == len(paths) and one == two
    # what decides it: an article reads the same after the others as alone
    assert one[-1] == extract([str(later)], "1")[0]
