"""The evaluation gate: the dev set through the real command line, scored by the shared scorer.

As trafilatura keeps a benchmark in its CI, this test runs ``storyline extract ... --format eval``
on ``<shared>/eval/dev/articles`` exactly as a user would, scores the output with
``<shared>/eval/score.py --json`` and fails when a figure falls below the floor pinned in
``eval_floors.yaml`` (each floor with the reason it has its value). It never changes a floor.
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
FLOORS = Path(__file__).with_name("eval_floors.yaml")


def _figure(result: dict, path: str) -> float:
    value: object = result
    for key in path.split("."):
        value = value[key]  # type: ignore[index]
    return float(value)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def scores(shared: Path, tmp_path_factory) -> dict:
    articles = sorted((shared / "eval" / "dev" / "articles").glob("*.txt"))
    if not articles:
        pytest.skip(f"no dev articles in {shared / 'eval' / 'dev' / 'articles'}")
    out = tmp_path_factory.mktemp("gate") / "dev.jsonl"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO / "src"), os.environ.get("PYTHONPATH", "")])}
    with open(out, "w", encoding="utf-8") as fh:
        done = subprocess.run([sys.executable, "-m", "storyline", "extract", *map(str, articles), "--format", "eval"],
                              stdout=fh, stderr=subprocess.PIPE, text=True, env=env, cwd=REPO, check=False)
    assert done.returncode == 0, done.stderr
    scored = subprocess.run([sys.executable, str(shared / "eval" / "score.py"), str(out),
                             str(shared / "eval" / "dev" / "gold"), "--json"],
                            capture_output=True, text=True, check=True)
    return json.loads(scored.stdout.strip().splitlines()[-1])


def test_floors_name_figures_the_scorer_prints(scores):
    floors = yaml.safe_load(FLOORS.read_text(encoding="utf-8"))
    assert floors, f"{FLOORS} pins no floor"
    for path, spec in floors.items():
        _figure(scores, path)  # raises KeyError for a figure the scorer does not print
        assert spec.get("reason"), f"{path}: every floor needs its reason"


@pytest.mark.parametrize("path", list(yaml.safe_load(FLOORS.read_text(encoding="utf-8")) or {}))
def test_dev_figure_holds_its_floor(scores, path):
    spec = yaml.safe_load(FLOORS.read_text(encoding="utf-8"))[path]
    got = _figure(scores, path)
    assert got >= spec["floor"], f"{path} fell to {got:.3f}, below its floor {spec['floor']} ({spec['reason']})"
