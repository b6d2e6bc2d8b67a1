"""A user's habits with the command line (issue 16, points 7-12): the version, the added actor
found without --kb, and what each listing command prints."""

from __future__ import annotations

import json

from typer.testing import CliRunner

import storyline
from storyline.cli import app

runner = CliRunner()


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.strip() == f"storyline {storyline.__version__}"


def test_an_added_actor_is_found_without_kb(tmp_path) -> None:
    db = tmp_path / "s.duckdb"
    kb = tmp_path / "ours.yaml"
    kb.write_text("people:\n"
                  "  - name: Ilona Varkesh\n"
                  "    country: ARM\n"
                  "    roles:\n"
                  "      - defense_ministry_spokesperson 2019..2023 | Defence Ministry spokeswoman\n",
                  encoding="utf-8")
    assert runner.invoke(app, ["actors", "add", str(kb), "--db", str(db)]).exit_code == 0
    result = runner.invoke(app, ["actor", "Varkesh", "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    (found,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert found["name"] == "Ilona Varkesh" and found["country"] == "ARM" and found["mentions"] == []
