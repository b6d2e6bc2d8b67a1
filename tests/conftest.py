"""Fixtures shared by every test module: the real spaCy model, loaded once per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from storyline.options import Options
from storyline.pipeline import Context

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((REPO / "examples").glob("*.txt"))
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def ctx() -> Context:
    """A Context with the spaCy model already loaded (loading it takes seconds: do it once)."""
    context = Context(Options())
    context.nlp  # noqa: B018
    return context


@pytest.fixture(scope="session")
def shared() -> Path:
    """The read-only shared material (``<repo>/../shared``); tests that need it skip without it,
    or fail where ``STORYLINE_REQUIRE_SHARED`` is set (as .ci/run sets it)."""
    if not SHARED.is_dir():
        why = f"the shared material is not at {SHARED} (the repo's sibling folder 'shared')"
        if os.environ.get("STORYLINE_REQUIRE_SHARED"):
            pytest.fail(why)
        pytest.skip(why)
    return SHARED


@pytest.fixture(scope="session")
def dev_db(tmp_path_factory: pytest.TempPathFactory, shared: Path) -> Path:
    """The five dev articles ingested with the real CLI into a DuckDB file, once per session.

    Tests that only read it share it; a module that writes to it overrides this fixture with a
    copy of its own (see test_actors_cli.py)."""
    from typer.testing import CliRunner

    from storyline.cli import app

    db = tmp_path_factory.mktemp("dev_db") / "dev.duckdb"
    articles = sorted((shared / "eval" / "dev" / "articles").glob("*.txt"))
    result = CliRunner().invoke(app, ["ingest", *map(str, articles), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db
