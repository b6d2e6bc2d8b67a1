"""storyline on Spark: the per-document stages over a corpus too big for one machine.

    storyline spark INPUT OUTPUT            (or: spark-submit -m storyline.spark_job INPUT OUTPUT,
                                             spark-submit src/storyline/spark_job.py INPUT OUTPUT)
    storyline load OUTPUT --db FILE         (the tables into DuckDB, and the story layer built)

Why the story layer is not in the job: the stages before it (read, clean, parse, dates, actors,
quotes, events) look at one document at a time and are almost all of the cost (parsing above
all), so they are what a cluster must spread; the story layer compares events across documents
but costs a few milliseconds per document once its candidates come from blocking keys
(``story.candidates``), so it runs on the tables the job writes, in DuckDB.

The job, in order:

1. Read INPUT with Spark (JSON Lines, gzipped or not, as text lines; or Parquet with a ``text``
   column and the JSON Lines record's other fields), numbering records in Spark's order: a record
   is named ``INPUT:N`` as the local reader names line N of a file.
2. In ``mapPartitions``, each partition runs the pipeline in its executor process, the spaCy
   model and the knowledge base loaded once per process (``_context``), and stores its documents
   with the real store code in a DuckDB file of its own.
3. Each partition writes every table of that file to ``OUTPUT/<table>/part-NNNNN.parquet`` with
   DuckDB's COPY, as ``storyline export --format parquet`` does: the same columns and types.
   OUTPUT must be a folder every executor can write (local or a shared file system).
4. ``storyline load`` reads the parts in partition order into a DuckDB store, the first copy of a
   document winning and actors merged across partitions as an ingest merges them across commits
   (first document first, aliases added), then updates the story tables.

With one input file, the records keep their order, so the tables equal those of ``storyline
ingest INPUT`` row for row (times of writing aside): ``tests/test_spark.py`` checks it.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Annotated, Any

import typer

from storyline.cli_options import DbOption
from storyline.errors import InputError, StorylineError
from storyline.options import Options

#: Tables a partition writes: everything the per-document stages give, actors and roles included.
TABLES = ("documents", "sentences", "document_actors", "mentions", "timexes", "quotes", "events",
          "event_actors", "event_sources", "actors", "roles")

#: Records per partition at most (more partitions than the cluster's cores on big inputs, so a
#: slow partition holds up little and each partition's DuckDB file stays small).
RECORDS_PER_PARTITION = 2000

_CONTEXTS: dict[str, Any] = {}  # the pipeline context of this executor process, by options


def _context(options: Options) -> Any:
    """The context (model, knowledge base, lexicons) of this process: loaded once, reused by every
    partition the process runs (Spark reuses its Python workers)."""
    from storyline.pipeline import Context

    key = repr(options)
    if key not in _CONTEXTS:
        _CONTEXTS[key] = Context(options)
    return _CONTEXTS[key]


def _records(rows: Iterable[tuple[Any, int]], label: str, jsonl: bool, max_chars: int) -> Iterator[Any]:
    """RawDocuments (or InputErrors) of numbered input rows (JSON Lines text, or Parquet rows),
    named and bounded as the local reader does."""
    from storyline.read.jsonl import record_to_raw

    short = Path(label).name
    for row, n in rows:
        origin = f"{label}:{n + 1}"
        try:
            if jsonl:
                if not row.strip():
                    continue
                record = json.loads(row)
            else:
                record = {k: v for k, v in row.items() if v is not None}
            yield record_to_raw(record, origin, f"{short}:{n + 1}", max_chars)
        except InputError as e:
            yield e
        except ValueError as e:
            yield InputError(origin, f"not valid JSON: {e}", "E107")


def process_partition(index: int, rows: Iterable[tuple[Any, int]], label: str, jsonl: bool, output: str,
                      options: Options) -> Iterator[tuple[int, int, int, list[str]]]:
    """Run the pipeline over one partition and write its tables; yields (partition, documents
    stored, inputs failed, the first failures' lines)."""
    from storyline.ingest import ingest
    from storyline.store import Store

    ctx = _context(options)
    stored = failed = 0
    errors: list[str] = []
    with tempfile.TemporaryDirectory(prefix="storyline-spark-") as tmp, Store(Path(tmp) / "part.duckdb") as store:
        for status, outcome in ingest(_records(rows, label, jsonl, options.max_chars), store, ctx):
            if status == "failed":
                failed += 1
                if len(errors) < 20:
                    errors.append(outcome.error or outcome.origin)
            elif status == "new":
                stored += 1
        for table in TABLES:
            folder = Path(output) / table
            folder.mkdir(parents=True, exist_ok=True)
            target = str(folder / f"part-{index:05d}.parquet").replace("'", "''")
            store.query(f"COPY (SELECT * FROM {table}) TO '{target}' (FORMAT parquet)")
    yield index, stored, failed, errors


def run_job(spark: Any, source: str, output: str, options: Options | None = None) -> tuple[int, int, list[str]]:
    """The job on a Spark session: returns documents stored, inputs failed, failure lines."""
    options = options or Options()
    jsonl = not source.rstrip("/").endswith(".parquet")
    if jsonl:
        rdd = spark.read.text(source).rdd.map(lambda r: r.value)
    else:
        rdd = spark.read.parquet(source).rdd.map(lambda r: r.asDict())
    Path(output).mkdir(parents=True, exist_ok=True)
    numbered = rdd.zipWithIndex().map(lambda rn: (rn[1], rn[0]))
    total = numbered.count()
    # contiguous ranges of records, in order inside each: a gzipped file is read as one partition
    parts = max(1, min(total, max(spark.sparkContext.defaultParallelism, -(-total // RECORDS_PER_PARTITION))))
    ranged = numbered.repartitionAndSortWithinPartitions(parts, lambda n: n * parts // max(total, 1))

    def work(index: int, rows: Iterator[tuple[int, Any]]) -> Iterator[tuple[int, int, int, list[str]]]:
        return process_partition(index, ((row, n) for n, row in rows), source, jsonl, output, options)

    done = ranged.mapPartitionsWithIndex(work).collect()
    errors = [e for _, _, _, errs in sorted(done) for e in errs]
    return sum(d[1] for d in done), sum(d[2] for d in done), errors


def load(parts: Path, db: Path, options: Options | None = None) -> tuple[int, Any]:
    """Load the tables of a Spark job (or of ``export --format parquet``) into the store ``db``
    and bring its story tables up to date; returns documents added and the story update's report."""
    from storyline.store import Store
    from storyline.story import storage

    options = options or Options(db=db)
    if not parts.is_dir():
        raise StorylineError("E060", f"{parts}: no such folder (give the OUTPUT folder of 'storyline spark' or "
                             "of 'storyline export --format parquet')")
    files = {t: _parts(parts, t) for t in TABLES}
    if not files["documents"]:
        raise StorylineError("E061", f"{parts}: no documents table (documents/*.parquet or documents.parquet)")
    added = 0
    with Store(db) as store:
        for n in range(len(files["documents"])):
            with store.transaction():
                added += _load_part(store, {t: fs[n] for t, fs in files.items() if n < len(fs)})
        report = storage.update(store, options)
    return added, report


def _parts(folder: Path, table: str) -> list[Path]:
    """The Parquet files of a table, in partition order: ``<table>/part-*.parquet`` or ``<table>.parquet``."""
    if (folder / table).is_dir():
        return sorted((folder / table).glob("part-*.parquet"))
    single = folder / f"{table}.parquet"
    return [single] if single.exists() else []


def _sql_path(p: Path) -> str:
    return str(p).replace("'", "''")


def _load_part(store: Any, files: dict[str, Path]) -> int:
    """One partition's tables into the store (inside a transaction): its documents not yet stored,
    the rows of those documents, its actors merged into the stored ones."""
    con = store.con
    con.execute(f"CREATE OR REPLACE TEMP TABLE _new AS SELECT id FROM read_parquet('{_sql_path(files['documents'])}') "
                "WHERE id NOT IN (SELECT id FROM documents)")
    added = con.execute("SELECT count(*) FROM _new").fetchone()[0]
    for table, path in files.items():
        if table in ("actors", "roles"):
            continue
        key = "id" if table == "documents" else "doc_id"
        con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM read_parquet('{_sql_path(path)}') "
                    f"WHERE {key} IN (SELECT id FROM _new)")
    if "actors" in files:  # a known actor gains the new aliases and keeps the rest, as in Store._merge_actors
        src = f"read_parquet('{_sql_path(files['actors'])}')"
        con.execute(f"""UPDATE actors SET aliases = list_concat(actors.aliases,
                            list_filter(p.aliases, lambda x: NOT list_contains(actors.aliases, x))),
                            updated_at = current_timestamp
                        FROM {src} p WHERE p.id = actors.id
                          AND len(list_filter(p.aliases, lambda x: NOT list_contains(actors.aliases, x))) > 0""")
        con.execute(f"INSERT INTO actors BY NAME SELECT * FROM {src} WHERE id NOT IN (SELECT id FROM actors)")
    if "roles" in files:
        con.execute(f"INSERT OR IGNORE INTO roles BY NAME SELECT * FROM read_parquet('{_sql_path(files['roles'])}')")
    con.execute("DROP TABLE _new")
    return int(added)


def spark_session(master: str | None = None, local_python: bool = False) -> Any:
    """A Spark session: the one spark-submit made, or a local one (``master``, default local[*]).
    ``local_python``: the workers run this Python (whose environment has storyline), unless
    PYSPARK_PYTHON says otherwise; right for a local master, not for a cluster's executors."""
    try:
        from pyspark.sql import SparkSession
    except ImportError as e:
        raise StorylineError("E062", "pyspark is not installed: pip install pyspark (and a Java runtime, "
                             "e.g. openjdk-17-jre-headless)") from e
    builder = SparkSession.builder.appName("storyline")
    if local_python and not os.environ.get("PYSPARK_PYTHON"):
        os.environ["PYSPARK_PYTHON"] = sys.executable
    if master:
        builder = builder.master(master)
    return builder.getOrCreate()


def register(app: Any) -> None:
    """The ``spark`` and ``load`` commands."""

    @app.command()
    def spark(source: Annotated[str, typer.Argument(help="JSON Lines (.jsonl, .jsonl.gz) or Parquet of articles, "
                                                         "any path Spark reads.")],
              output: Annotated[Path, typer.Argument(help="Folder for the tables (one Parquet folder each).")],
              master: Annotated[str | None, typer.Option(help="Spark master (default: spark-submit's, "
                                                              "else local[*]).")] = None) -> None:
        """Run the per-document stages on Spark and write the tables as Parquet (then: storyline load)."""
        try:
            stored, failed, errors = run_job(spark_session(master, local_python=master is None or master.startswith("local")),
                                             source, str(output))
        except StorylineError as e:
            typer.echo(f"spark: {e}", err=True)
            raise typer.Exit(2) from e
        for line in errors:
            typer.echo(line, err=True)
        typer.echo(f"spark: {stored} documents written to {output}, {failed} inputs failed", err=True)
        if failed:
            raise typer.Exit(1)

    @app.command("load")
    def load_command(parts: Annotated[Path, typer.Argument(help="The OUTPUT folder of 'storyline spark' (or of "
                                                                 "'storyline export --format parquet').")],
                     db: DbOption = Path("storyline.duckdb")) -> None:
        """Load Parquet tables into a DuckDB store and build the story layer on them."""
        try:
            added, report = load(parts, db)
        except StorylineError as e:
            typer.echo(f"load: {e}", err=True)
            raise typer.Exit(2) from e
        typer.echo(f"load: {added} documents added to {db}; story: {report.line()}", err=True)


def main(argv: list[str] | None = None) -> None:
    """Entry point for spark-submit: ``spark_job.py INPUT OUTPUT``."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: spark_job.py INPUT OUTPUT", file=sys.stderr)
        raise SystemExit(2)
    stored, failed, errors = run_job(spark_session(), args[0], args[1])
    for line in errors:
        print(line, file=sys.stderr)
    print(f"spark: {stored} documents written to {args[1]}, {failed} inputs failed", file=sys.stderr)
    raise SystemExit(1 if failed else 0)


if __name__ == "__main__":
    main()
