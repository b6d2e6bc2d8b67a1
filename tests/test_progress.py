"""The ingest progress bar's total (issue 16, point 12): inputs counted as the reader gives them,
JSON Lines by their records (gzipped too), none where it cannot be known."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

from rich.console import Console

from storyline.progress import count_in_background, ingest_progress
from storyline.read import read_paths
from storyline.read.count import count_inputs

TEXT = "Delegates met in Geneva on Monday to talk about the border.\n"


def corpus(folder: Path) -> list[str]:
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    (folder / "b.txt").write_text(TEXT + "Again.", encoding="utf-8")
    lines = "\n".join(json.dumps({"id": f"r{i}", "text": f"{TEXT} {i}"}) for i in range(7)) + "\n\n"
    (folder / "c.jsonl.gz").write_bytes(gzip.compress(lines.encode()))
    (folder / "d.json").write_text(lines, encoding="utf-8")  # JSON Lines in a .json file
    return [str(folder)]


def test_the_count_is_what_the_reader_gives(tmp_path: Path) -> None:
    paths = corpus(tmp_path / "in")
    assert count_inputs(paths) == len(list(read_paths(paths))) == 16


def test_no_total_for_standard_input_or_the_web(tmp_path: Path) -> None:
    assert count_inputs(["-"]) is None
    assert count_inputs(["https://example.org/article"]) is None


def test_the_bar_gets_its_total_from_the_count(tmp_path: Path) -> None:
    paths = corpus(tmp_path / "in")
    progress = ingest_progress(Console(file=io.StringIO(), force_terminal=True))
    task = progress.add_task("ingest", total=None)
    count_in_background(progress, task, paths, 2_000_000).join(timeout=60)
    assert progress.tasks[0].total == 16
