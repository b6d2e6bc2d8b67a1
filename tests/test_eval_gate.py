"""The evaluation gate: each development set through the real command line, scored by the shared scorer.

As trafilatura keeps a benchmark in its CI, this test runs ``storyline extract ... --format eval``
on the five dev wire stories (``<shared>/eval/dev/articles``), on the ten Wikinews articles
(``<shared>/eval/wikinews/articles.jsonl``) and on the 40 real pages (``<shared>/eval/pages/articles.jsonl``,
furniture and all) exactly as a user would, scores each output with
``<shared>/eval/score.py --json`` against the set's gold and fails when a figure falls below the
floor pinned for that set in ``eval_floors.yaml`` (each floor with the reason it has its value).
Two sets because tuning on one alone overfits it. It never changes a floor.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
FLOORS_FILE = Path(__file__).with_name("eval_floors.yaml")
FLOORS: dict[str, dict] = yaml.safe_load(FLOORS_FILE.read_text(encoding="utf-8")) or {}


def _inputs(shared: Path, name: str) -> list[Path]:
    """The articles of a development set: a folder of .txt files, or one JSON Lines file."""
    folder = shared / "eval" / name
    if (folder / "articles.jsonl").exists():
        return [folder / "articles.jsonl"]
    return sorted((folder / "articles").glob("*.txt"))


def _figure(result: dict, path: str) -> float:
    value: object = result
    for key in path.split("."):
        value = value[key]  # type: ignore[index]
    return float(value)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def scores(shared: Path, tmp_path_factory) -> dict[str, dict]:
    out: dict[str, dict] = {}
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO / "src"), os.environ.get("PYTHONPATH", "")])}
    for name in FLOORS:
        articles = _inputs(shared, name)
        assert articles, f"no articles for the development set {name!r} under {shared / 'eval' / name}"
        pred = tmp_path_factory.mktemp("gate") / f"{name}.jsonl"
        with open(pred, "w", encoding="utf-8") as fh:
            done = subprocess.run([sys.executable, "-m", "storyline", "extract", *map(str, articles),
                                   "--format", "eval"],
                                  stdout=fh, stderr=subprocess.PIPE, text=True, env=env, cwd=REPO, check=False)
        assert done.returncode == 0, done.stderr
        scored = subprocess.run([sys.executable, str(shared / "eval" / "score.py"), str(pred),
                                 str(shared / "eval" / name / "gold"), "--json"],
                                capture_output=True, text=True, check=True)
        out[name] = json.loads(scored.stdout.strip().splitlines()[-1])
    return out


def test_floors_name_figures_the_scorer_prints(scores):
    assert set(FLOORS) == {"dev", "wikinews", "pages"}, f"{FLOORS_FILE} pins floors for {sorted(FLOORS)}"
    for name, floors in FLOORS.items():
        assert floors, f"{FLOORS_FILE}: no floor for {name}"
        for path, spec in floors.items():
            _figure(scores[name], path)  # raises KeyError for a figure the scorer does not print
            assert spec.get("reason"), f"{name} {path}: every floor needs its reason"


@pytest.mark.parametrize(("name", "path"), [(n, p) for n, floors in FLOORS.items() for p in floors])
def test_figure_holds_its_floor(scores, name, path):
    spec = FLOORS[name][path]
    got = _figure(scores[name], path)
    assert got >= spec["floor"], f"{name}: {path} fell to {got:.3f}, below its floor {spec['floor']} ({spec['reason']})"
