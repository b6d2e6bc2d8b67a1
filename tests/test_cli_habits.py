"""A user's habits with the command line (issue 16, points 7-12): the version, the added actor
found without --kb, and what each listing command prints."""

from __future__ import annotations

from typer.testing import CliRunner

import storyline
from storyline.cli import app

runner = CliRunner()


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.strip() == f"storyline {storyline.__version__}"
