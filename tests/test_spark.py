"""The Spark job (issue 15): 200 real articles through a local Spark session (``local[2]``), the
tables loaded into DuckDB with ``storyline load`` and the story layer built, compared row by row
with a local ``storyline ingest`` of the same file (times of writing aside).

Real parts: the pipeline with the real model inside Spark's Python workers, real Parquet files,
real DuckDB stores. Skipped where pyspark or a Java runtime is missing (``.ci/run`` installs both).
"""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from storyline.cli import app

ARTICLES = 200


def _rows(db: Path) -> dict[str, list[str]]:
    """Every row of every table, columns of writing times left out, in a fixed order."""
    con = duckdb.connect(str(db), read_only=True)
    out = {}
    for (table,) in con.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' "
                                "AND table_type = 'BASE TABLE' AND table_name <> 'schema_version'").fetchall():
        cols = [c for (c,) in con.execute("SELECT column_name FROM information_schema.columns WHERE table_name = ? "
                                          "ORDER BY ordinal_position", [table]).fetchall() if not c.endswith("_at")]
        rows = con.execute(f"SELECT {', '.join(f'{chr(34)}{c}{chr(34)}' for c in cols)} FROM {table}").fetchall()
        out[table] = sorted(json.dumps(r, default=str) for r in rows)
    con.close()
    return out


def test_the_spark_job_and_load_give_the_tables_of_a_local_ingest(tmp_path: Path, shared: Path) -> None:
    pytest.importorskip("pyspark", reason="pyspark is not installed (pip install -e '.[dev]')")
    if shutil.which("java") is None:
        pytest.skip("no Java runtime (apt-get install openjdk-17-jre-headless)")
    from storyline.spark_job import run_job, spark_session

    corpus = shared / "data" / "news-corpus" / "news-wikinews.jsonl.gz"
    if not corpus.exists():
        pytest.skip(f"{corpus} is not there")
    source = tmp_path / "articles.jsonl"
    with gzip.open(corpus, "rt", encoding="utf-8") as fh:
        source.write_text("".join(line for _, line in zip(range(ARTICLES), fh, strict=False)), encoding="utf-8")

    local = tmp_path / "local.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(source), "--db", str(local), "--workers", "2"])
    assert result.exit_code == 0, result.output

    spark = spark_session("local[2]", local_python=True)
    try:
        stored, failed, errors = run_job(spark, str(source), str(tmp_path / "parts"))
        partitions = len(list((tmp_path / "parts" / "documents").glob("part-*.parquet")))
    finally:
        spark.stop()
    assert (stored, failed, errors) == (ARTICLES, 0, [])
    assert partitions == 2  # the work was spread
    loaded = tmp_path / "spark.duckdb"
    result = CliRunner().invoke(app, ["load", str(tmp_path / "parts"), "--db", str(loaded)])
    assert result.exit_code == 0, result.output

    want, got = _rows(local), _rows(loaded)
    assert sorted(got) == sorted(want)
    assert len(want["story_events"]) > 0 and len(want["events"]) > ARTICLES
    for table in want:
        assert got[table] == want[table], table
