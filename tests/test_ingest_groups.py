"""Ingest's commit groups on the real model and a real DuckDB file: when a group commits, and
that how documents are grouped changes no stored row."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import EXAMPLES
from storyline.ingest import ingest
from storyline.pipeline import Context
from storyline.read import read_paths
from storyline.store import Store

#: Columns that say when a row was written, not what it holds.
WHEN = {"ingested_at", "updated_at", "applied_at", "processed_at"}


def _ingest(db: Path, ctx: Context, monkeypatch: pytest.MonkeyPatch, every: int, seconds: float) -> list[int]:
    """Ingest the examples; the number of stored documents each time ingest reports one."""
    monkeypatch.setattr(ctx.options, "commit_every", every)
    monkeypatch.setattr(ctx.options, "commit_seconds", seconds)
    counts = []
    with Store(db) as store:
        for status, outcome in ingest(read_paths([str(p) for p in EXAMPLES], ctx.options.max_chars), store, ctx):
            assert status == "new", outcome.error
            counts.append(store.count("documents"))
    return counts


def _rows(db: Path) -> dict[str, list[str]]:
    with Store(db, read_only=True) as store:
        out = {}
        for table in store.tables():
            cols = [r["column_name"] for r in store.query(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
                [table]) if r["column_name"] not in WHEN]
            select = ", ".join(f'"{c}"' for c in cols)
            out[table] = sorted(map(str, store.con.execute(f"SELECT {select} FROM {table}").fetchall()))
        return out


def test_a_group_commits_when_full_or_once_its_first_document_has_waited(
        tmp_path: Path, ctx: Context, monkeypatch: pytest.MonkeyPatch) -> None:
    # ingest reports a document once its group is committed: the counts show where groups ended
    n = len(EXAMPLES)
    assert _ingest(tmp_path / "one.duckdb", ctx, monkeypatch, 100, 3600) == [n] * n  # one group
    assert _ingest(tmp_path / "pairs.duckdb", ctx, monkeypatch, 2, 3600) == [min(n, i + 2 - i % 2) for i in range(n)]
    # a group whose first document has waited long enough (here: at once) commits without filling
    assert _ingest(tmp_path / "waited.duckdb", ctx, monkeypatch, 100, 0) == list(range(1, n + 1))
    alone = _rows(tmp_path / "waited.duckdb")
    assert alone["documents"] and alone["actors"] and alone["events"]
    assert _rows(tmp_path / "one.duckdb") == alone
    assert _rows(tmp_path / "pairs.duckdb") == alone
