"""Issue 16's acceptance checks, end to end through the real command in a subprocess.

- an ingest of a folder holding every hostile input next to good articles stores the good ones,
  names each bad input on lines of its own, and completes (the subprocess timeout is generous on
  purpose: speed is measured, not asserted; see the issue notes for the time on this machine);
- Ctrl-C during an ingest prints the closing summary, marked interrupted, and exits 130, with
  every document the summary counts as new in the database;
- ``storyline --help`` and every command's ``--help`` describe every option.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

import hostile_inputs as hostile
import storyline
from conftest import EXAMPLES
from storyline.cli import app
from storyline.store import Store


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "storyline", *args]


def _env() -> dict[str, str]:
    src = str(Path(storyline.__file__).resolve().parents[1])
    return {**os.environ, "PYTHONPATH": os.pathsep.join([src, os.environ.get("PYTHONPATH", "")])}


def test_a_folder_of_hostile_inputs_costs_the_good_articles_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    bad = hostile.write_all(folder)
    brace = hostile.brace_text(folder)
    good = [shutil.copy(p, folder / p.name) for p in EXAMPLES[:2]]
    db = tmp_path / "s.duckdb"
    done = subprocess.run(_cli("ingest", str(folder), "--db", str(db)), env=_env(), capture_output=True,
                          text=True, timeout=900)
    assert done.returncode == 1, done.stderr  # inputs failed; the run itself went through
    lines = done.stderr.splitlines()
    inputs = {str(p): re.compile(re.escape(str(p)) + r"(?![\w.])") for p in (*bad.values(), brace, *good)}
    for line in lines[:-1]:  # every line but the summary names exactly one input
        assert len([p for p, named in inputs.items() if named.search(line)]) == 1, line
    for name, path in bad.items():
        assert any(inputs[str(path)].search(line) for line in lines), (name, lines)
    assert not any(inputs[str(p)].search(line) for p in (*good, brace) for line in lines)  # the good say nothing
    assert re.search(r"ingest: \d+ read, 6 new, 0 unchanged, \d+ failed; 6 documents", lines[-1]), lines[-1]
    with Store(db, read_only=True) as store:
        stored = {r["name"]: r for r in store.query("SELECT name, notes, incomplete FROM documents")}
    assert set(stored) == {p.name for p in EXAMPLES[:2]} | {"brace.txt", "deep-1", "deep-3", "no-sentence-end.txt"}
    assert stored["no-sentence-end.txt"]["notes"][0].startswith("characters 0-1,200,000 not parsed")
    assert all(not r["incomplete"] for r in stored.values())


@pytest.mark.skipif(sys.platform == "win32", reason="sends SIGINT")
def test_ctrl_c_prints_the_summary_and_exits_130(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    records = [{"id": f"r{i}", "text": f"Delegates met in city number {i} on Monday to talk about the border."}
               for i in range(400)]
    corpus.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    proc = subprocess.Popen(_cli("ingest", str(corpus), "--db", str(db), "--batch-size", "1", "--commit-every", "5"),
                            env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    seen: list[str] = []
    try:
        assert proc.stderr is not None
        for line in proc.stderr:  # interrupt at the first progress line: some documents are stored
            seen.append(line)
            if line.startswith("ingest: ") and " read" in line:
                proc.send_signal(signal.SIGINT)
                break
        seen += proc.stderr.readlines()
        proc.wait(timeout=300)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 130, "".join(seen)
    summary = re.fullmatch(r"ingest: (\d+) read, (\d+) new, 0 unchanged, 0 failed, interrupted\n", seen[-1])
    assert summary, seen[-1]
    assert not any("Traceback" in line for line in seen), "".join(seen)
    with Store(db, read_only=True) as store:
        assert store.count("documents") == int(summary.group(2)) < len(records)


def _commands() -> list[tuple[list[str], Any]]:
    root = typer.main.get_command(app)
    found = [([], root)]
    todo = [([], root)]
    while todo:
        path, cmd = todo.pop()
        for name, sub in getattr(cmd, "commands", {}).items():
            found.append(([*path, name], sub))
            todo.append(([*path, name], sub))
    return found


def test_every_option_of_every_command_has_help_and_shows_it() -> None:
    runner = CliRunner()
    commands = _commands()
    assert len(commands) > 10
    for path, cmd in commands:
        result = runner.invoke(app, [*path, "--help"], terminal_width=200)
        assert result.exit_code == 0, (path, result.output)
        assert (cmd.help or "").strip() or not path, f"storyline {' '.join(path)} has no description"
        for param in cmd.params:
            if getattr(param, "param_type_name", None) != "option" or getattr(param, "hidden", False):
                continue  # (typer carries its own copy of click: no isinstance against click's classes)
            assert (param.help or "").strip(), f"storyline {' '.join(path)} {param.opts[0]} has no help text"
            assert param.opts[0] in result.output, (path, param.opts[0])
