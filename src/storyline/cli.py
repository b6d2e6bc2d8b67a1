"""The ``storyline`` command: thin on purpose, every command is a library call plus printing.

Output conventions: data goes to stdout (JSON Lines, tables), everything about the run (progress,
one line per failed input, the closing summary) goes to stderr, so ``storyline extract ... >
out.jsonl`` keeps a clean file. The exit code is 1 when any input failed (the others still went
through) and 2 when the run could not start (a bad option, a database in use).
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from .cli_options import (
    RECORD_FORMATS,
    DbOption,
    KbOption,
    LexiconOption,
    choices,
    consoles,
    json_line,
    print_records,
    user_errors,
)
from .errors import StorylineError
from .export import EXTRACT_FORMATS, document_record, exporters
from .options import DEFAULT_DB, Options

app = typer.Typer(
    name="storyline",
    help="Rebuild a conflict or a diplomatic process from news articles as evidence-linked events, "
         "quotes, actors and timelines.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _print_version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        from . import __version__

        try:
            installed = version("storyline")
        except PackageNotFoundError:  # run from a source tree without installing
            installed = __version__
        print(f"storyline {installed}")
        raise typer.Exit()


@app.callback()
def _main(version: Annotated[bool, typer.Option(
        "--version", callback=_print_version, is_eager=True, help="Print storyline's version and exit.")] = False,
          ) -> None:
    """Options of storyline itself (each command has its own: storyline COMMAND --help)."""


DEMO_DB = Path("storyline-demo.duckdb")

# ---------------------------------------------------------------- shared options

WorkersOption = Annotated[int, typer.Option("--workers", "-w", min=1,
                                            help="Processes that run the stages (forked from one that loaded the model once).")]
BatchOption = Annotated[int, typer.Option("--batch-size", min=1, help="Documents per parser batch.")]
_DEFAULTS = Options()  # the defaults the options below show
CommitOption = Annotated[int, typer.Option(
    "--commit-every", min=1, help="Documents per database transaction (at most; a group also commits once its "
    f"first document has waited {_DEFAULTS.commit_seconds:g} s): each group is all or nothing, a document that cannot be stored fails "
    "alone; 1 commits each document alone, several times slower.")]
_PATHS_HELP = ("Files, folders, globs or web addresses: plain text (any encoding), saved HTML pages, JSON Lines "
               "(.jsonl, .jsonl.gz), http(s):// pages (fetched politely: robots.txt, one request at a time per host).")
PathsArgument = Annotated[list[str], typer.Argument(help=_PATHS_HELP, show_default=False)]
FeedOption = Annotated[list[str] | None, typer.Option(
    "--feed", help="An RSS or Atom feed address: every item not yet stored is fetched and ingested; repeatable.")]
DelayOption = Annotated[float, typer.Option(
    "--delay", min=0.0, help="Seconds between two requests to the same web host (pages, feeds, robots.txt).")]
TimeoutOption = Annotated[float, typer.Option(
    "--timeout", min=0.1, help="Seconds a web host has to connect, and again to send a page, before it is given up.")]


ExtractFormat = choices("ExtractFormat", EXTRACT_FORMATS)
ListFormat = choices("ListFormat", RECORD_FORMATS)
ExportFormat = choices("ExportFormat", exporters())
ReviewedExport = choices("ReviewedExport", ("no", "yes", "both"))


def _options(db: Path = DEFAULT_DB, workers: int = 1, kb: list[Path] | None = None,
             lexicon: list[Path] | None = None, batch_size: int | None = None, commit_every: int | None = None) -> Options:
    if kb:
        from .actors.kb import check_files

        check_files(kb)  # a bad --kb file stops the command before any article is read
    options = Options(db=db, workers=workers, kb_files=list(kb or []), lexicon_files=list(lexicon or []))
    if commit_every:
        options.commit_every = commit_every
    if batch_size:
        options.batch_size = batch_size
    return options


def _read(paths: Iterable[str], options: Options, feeds: Iterable[str] = (),
          known_url: Any = None) -> Iterator[Any]:
    """Files, folders, globs and web addresses, then every item of each feed not yet stored."""
    from itertools import chain

    from .read import Fetcher, read_feeds, read_paths

    fetcher = Fetcher(options.fetch)  # one per run: it keeps each host's pace and robots.txt
    items = read_paths(list(paths), options.max_chars, fetcher)
    if feeds:
        items = chain(items, read_feeds(feeds, fetcher, options.max_chars, known_url or (lambda url: False)))
    return items


# ---------------------------------------------------------------- ingest


def run_ingest(paths: list[str], options: Options, feeds: Iterable[str] = ()) -> Any:
    """Ingest with a progress bar on a terminal (or a progress line every few inputs in a log),
    one stderr line per failed input or incomplete document, and the closing summary; returns the
    Tally. Ctrl-C still prints the summary (what was committed stays) and exits with 130."""
    from .ingest import Tally

    tally = Tally()
    try:
        total = _ingest_into_store(paths, options, tally, feeds)
    except (KeyboardInterrupt, RuntimeError, StorylineError) as e:
        # Ctrl-C inside a DuckDB query surfaces as DuckDB's "Query interrupted" (a RuntimeError),
        # or as the store's error wrapping it; anything else is not ours to swallow
        if not isinstance(e, KeyboardInterrupt) and "interrupted" not in str(e).lower():
            raise
        consoles.err.print(f"ingest: {tally.line()}, interrupted", markup=False)
        raise typer.Exit(130) from None
    consoles.err.print(f"ingest: {tally.line()}; {total} documents in {options.db}", markup=False)
    return tally


def _ingest_into_store(paths: list[str], options: Options, tally: Any, feeds: Iterable[str]) -> int:
    from .ingest import ingest
    from .pipeline import Context
    from .progress import count_in_background, ingest_progress
    from .store import Store
    from .story.storage import update as update_story

    err = consoles.err
    with Store(options.db) as store:
        ctx = Context(options)
        progress = ingest_progress(err)
        with progress:
            task = progress.add_task(tally.line(), total=None)
            if err.is_terminal and not feeds:
                count_in_background(progress, task, paths, options.max_chars)
            for status, outcome in ingest(_read(paths, options, feeds, store.has_url), store, ctx):
                tally.add(status, outcome.error, bool(outcome.document and outcome.document.incomplete))
                for line in (outcome.error, outcome.warning):
                    if line:
                        progress.console.print(line, markup=False)
                progress.update(task, completed=tally.read, description=tally.line())
                if not err.is_terminal and tally.read % max(1, options.progress_every) == 0:
                    err.print(f"ingest: {tally.line()}", markup=False)
        update_story(store, options, _story_progress(options))  # story tables follow the documents
        return store.count("documents")


def _story_progress(options: Options) -> Any:
    """A line per committed batch of a story update that takes more than one."""
    def said(report: Any, total: int) -> None:
        if total > options.story.update_batch:
            consoles.err.print(f"story: {report.documents} of {total} documents taken in", markup=False)
    return said


@app.command()
def ingest(paths: Annotated[list[str] | None, typer.Argument(
               help=_PATHS_HELP, show_default=False)] = None,
           db: DbOption = DEFAULT_DB, workers: WorkersOption = 1,
           kb: KbOption = None, lexicon: LexiconOption = None, batch_size: BatchOption = 32,
           commit_every: CommitOption = _DEFAULTS.commit_every, feed: FeedOption = None,
           delay: DelayOption = _DEFAULTS.fetch.delay, timeout: TimeoutOption = _DEFAULTS.fetch.timeout) -> None:
    """Read articles (files, folders, web pages, feeds), extract everything, and store it (documents
    already stored are skipped; a feed's items already stored are not even fetched)."""
    if not paths and not feed:
        consoles.err.print("storyline: give files, folders, web addresses or --feed FEED_URL to ingest",
                            markup=False)
        raise typer.Exit(2)
    with user_errors():
        options = _options(db, workers, kb, lexicon, batch_size, commit_every)
        options.fetch.delay, options.fetch.timeout = delay, timeout
        tally = run_ingest(list(paths or []), options, feed or [])
    if tally.failed or tally.incomplete:
        raise typer.Exit(1)


# ---------------------------------------------------------------- extract


@app.command()
def extract(paths: PathsArgument,
            format: Annotated[ExtractFormat, typer.Option("--format", "-f", help=(
                "eval: the evaluation format (../shared/eval/FORMAT.md); json: every record of the "
                "document with its offsets."))] = "json",  # type: ignore[valid-type, assignment]
            workers: WorkersOption = 1, kb: KbOption = None, lexicon: LexiconOption = None,
            batch_size: BatchOption = 32) -> None:
    """Extract from articles and print one JSON object per article to stdout (no database)."""
    from .pipeline import extract as run_extract

    failed = 0
    with user_errors():
        options = _options(workers=workers, kb=kb, lexicon=lexicon, batch_size=batch_size)
        for outcome in run_extract(_read(paths, options), options):
            if outcome.document is None:
                failed += 1
                consoles.err.print(outcome.error, markup=False)
                continue
            if outcome.warning:
                failed += bool(outcome.document.incomplete)
                consoles.err.print(outcome.warning, markup=False)
            sys.stdout.write(json_line(document_record(outcome.document, str(format))) + "\n")
            sys.stdout.flush()
    if failed:
        raise typer.Exit(1)


# ---------------------------------------------------------------- documents


_DOCUMENT_COLUMNS = ("name", "publisher", "published", "dateline", "title", "chars", "sentences", "quotes", "events")


def _print_documents(rows: list[dict[str, Any]], fmt: str, title: str) -> None:
    if fmt == "table":  # a partial date, as the dateline gives it
        rows = [{**r, "published": f"{r['dateline_date']} (year?)"} if not r.get("published") and r.get("dateline_date")
                else r for r in rows]
    print_records(rows, fmt, _DOCUMENT_COLUMNS, title, widths={"title": 48}, no_wrap=("name",),
                  right=("chars", "sentences", "quotes", "events"))


@app.command()
def documents(db: DbOption = DEFAULT_DB,
              format: Annotated[ListFormat, typer.Option("--format", "-f", help="table; json: one record per line; csv: a header row, then one row per record.")] = "table",  # type: ignore[valid-type, assignment]
              ) -> None:
    """List the stored documents with what was found in each."""
    from .query.documents import list_documents
    from .store import Store

    with user_errors(), Store(db, read_only=True) as store:
        rows = list_documents(store)
    _print_documents(rows, str(format), f"{len(rows)} documents in {db}")


# ---------------------------------------------------------------- export


@app.command()
def export(out_dir: Annotated[Path, typer.Option("--out", help="Folder to write one file per table into.")],
           db: DbOption = DEFAULT_DB,
           format: Annotated[ExportFormat, typer.Option("--format", "-f", help="File format.")] = "parquet",  # type: ignore[valid-type, assignment]
           reviewed: Annotated[ReviewedExport, typer.Option("--reviewed", help=(  # type: ignore[valid-type]
               "no: the machine's data (and the corrections table); yes: the tables analysts corrected "
               "(storyline serve) with the corrections applied; both: the machine's tables and the reviewed "
               "ones beside them as TABLE.reviewed.*"))] = "no",  # type: ignore[assignment]
           ) -> None:
    """Write every table of the store to files (Parquet, CSV or JSON Lines), or the events as
    PLOVER JSON records (events.plover.jsonl)."""
    from .export import export as run_export
    from .store import Store

    with user_errors(), Store(db, read_only=True) as store:
        if str(reviewed) == "no":
            written = run_export(store, out_dir, str(format))
        else:
            from .serve.reviewed import export_reviewed

            written = export_reviewed(store, out_dir, str(format), str(reviewed))
    for w in written:
        consoles.err.print(f"{w.path}  ({w.count} {w.unit})", markup=False)


# ---------------------------------------------------------------- demo


def find_examples() -> list[Path]:
    """The bundled example articles: ``examples/`` of the source tree storyline runs from (an
    editable install or a checkout), else ``./examples``."""
    here = Path(__file__).resolve()
    for root in (*here.parents[1:4], Path.cwd()):
        found = sorted((root / "examples").glob("*.txt"))
        if found:
            return found
    raise StorylineError("E060")


def _show_found(db: Path) -> None:
    from .store import Store

    with Store(db, read_only=True) as store:
        _print_documents(store.documents(), "table", f"Documents in {db}")
        sections = [
            ("Events", """SELECT d.name AS doc, e.date_value AS "when",
                   (SELECT string_agg(a.name, '; ' ORDER BY a.idx) FROM event_actors a WHERE a.doc_id = e.doc_id
                    AND a.event_id = e.id AND a.side = 'source') AS who,
                   e.what, (SELECT string_agg(a.name, '; ' ORDER BY a.idx) FROM event_actors a
                    WHERE a.doc_id = e.doc_id AND a.event_id = e.id AND a.side = 'target') AS whom,
                   e.status, e.evidence
                   FROM events e JOIN documents d ON d.id = e.doc_id ORDER BY d.name, e.idx"""),
            ("Quotes", """SELECT d.name AS doc, coalesce(q.speaker_name, q.speaker_description) AS speaker, q.text
                   FROM quotes q JOIN documents d ON d.id = q.doc_id WHERE q.kind <> 'reported'
                   ORDER BY d.name, q.idx"""),
            ("Actors", """SELECT a.name, a.kind, a.country, a.sector, count(DISTINCT m.doc_id) AS documents,
                   count(m.doc_id) AS mentions FROM actors a LEFT JOIN mentions m ON m.actor_id = a.id
                   GROUP BY ALL ORDER BY mentions DESC, a.name"""),
        ]
        for title, sql in sections:
            rows = store.query(sql)
            if not rows:
                consoles.out.print(f"[bold]{title}[/]: none found")
                continue
            table = Table(title=f"{title} ({len(rows)})", title_justify="left")
            for col in rows[0]:
                table.add_column(col, overflow="fold", max_width=60 if col in ("evidence", "text") else None)
            for r in rows:
                table.add_row(*("" if v is None else str(v) for v in r.values()))
            consoles.out.print(table)


@app.command()
def demo(paths: Annotated[list[str] | None, typer.Argument(help="Articles to use instead of the bundled examples.",
                                                          show_default=False)] = None,
         db: DbOption = DEMO_DB) -> None:
    """Ingest the bundled example articles and show what was found."""
    with user_errors():
        files = paths or [str(p) for p in find_examples()]
        consoles.err.print(f"demo: ingesting {len(files)} articles into {db}", markup=False)
        tally = run_ingest(files, _options(db))
        _show_found(db)
    if tally.failed:
        raise typer.Exit(1)


# ---------------------------------------------------------------- other packages' commands

#: Modules that add commands: each has ``register(app: typer.Typer) -> None``. One line per package.
COMMAND_MODULES: tuple[str, ...] = (
    "storyline.story.commands",
    "storyline.actors.commands",
    "storyline.quotes.commands",
    "storyline.events.commands",
    "storyline.spark_job",
    "storyline.serve.commands",
)

for _name in COMMAND_MODULES:
    importlib.import_module(_name).register(app)


def main() -> None:
    app()
