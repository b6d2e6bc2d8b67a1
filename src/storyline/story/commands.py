"""The story commands: ``story``, ``timeline``, ``network``, ``compare``.

Each brings the story tables up to date with the documents stored (an incremental update that
costs one query when nothing is new), then reads them. Output goes to stdout, the update's
summary to stderr.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ..cli_options import DbOption
from ..errors import StorylineError
from ..lexicons import load_lexicon
from ..model import StoryEvent
from ..options import DEFAULT_DB, Options


class TimelineFormat(StrEnum):
    table = "table"
    markdown = "markdown"
    json = "json"
    csv = "csv"
    html = "html"


class NetworkFormat(StrEnum):
    json = "json"
    graphml = "graphml"


class NetworkLevel(StrEnum):
    country = "country"
    actor = "actor"


class CompareFormat(StrEnum):
    table = "table"
    markdown = "markdown"
    json = "json"


LexiconOption = Annotated[list[Path] | None, typer.Option(
    "--lexicon", help="Your own lexicon extensions (YAML; the key 'story' extends the story lexicon).")]


def _fail(e: StorylineError) -> typer.Exit:
    print(f"storyline: {e}", file=sys.stderr)
    return typer.Exit(2)


def load_story(options: Options, rebuild: bool = False, quiet: bool = True) -> list[StoryEvent]:
    """Update the story tables from the store (or rebuild them) and return every story event."""
    from ..store import Store
    from . import storage

    if not options.db.exists():
        raise StorylineError("E033", f"no database at {options.db}: run 'storyline ingest FILES --db "
                             f"{options.db}' first (or give --db the file you ingested into)")
    def said(report: storage.UpdateReport, total: int) -> None:
        if total > options.story.update_batch:  # a long update says how far it got
            print(f"story: {report.documents} of {total} documents taken in", file=sys.stderr, flush=True)

    with Store(options.db) as store:
        progress = said if not quiet else None
        report = (storage.rebuild(store, options, progress) if rebuild
                  else storage.update(store, options, progress))
        if report.documents and not quiet:
            print(f"story: {report.line()}", file=sys.stderr)
        return storage.story_events(store)


def _write(text: str, out: Path | None) -> None:
    if out is None:
        sys.stdout.write(text)
    else:
        out.write_text(text, encoding="utf-8")


def register(app: typer.Typer) -> None:
    @app.command()
    def story(db: DbOption = DEFAULT_DB, lexicon: LexiconOption = None,
              rebuild: Annotated[bool, typer.Option("--rebuild", help="Forget the story tables and recompute them all.")] = False) -> None:
        """Bring the story layer up to date: near-copies, background sentences, story events."""
        try:
            events = load_story(Options(db=db, lexicon_files=list(lexicon or [])), rebuild, quiet=False)
        except StorylineError as e:
            raise _fail(e) from e
        merged = sum(1 for s in events if s.source_count > 1)
        print(f"story: {len(events)} story events, {merged} told by more than one article", file=sys.stderr)

    @app.command()
    def timeline(db: DbOption = DEFAULT_DB,
                 actor: Annotated[str | None, typer.Option("--actor", help="Only events with this actor (name, id or country code).")] = None,
                 type: Annotated[str | None, typer.Option("--type", help="Only this event class (AGREE, CONSULT, MEDIATE ...).")] = None,
                 status: Annotated[str | None, typer.Option("--status", help="reported, historical, planned, hoped, or background.")] = None,
                 start: Annotated[str | None, typer.Option("--from", help="Only events on or after this date (YYYY[-MM[-DD]]).")] = None,
                 end: Annotated[str | None, typer.Option("--to", help="Only events on or before this date.")] = None,
                 outlet: Annotated[str | None, typer.Option("--outlet", help="Only events this outlet told.")] = None,
                 format: Annotated[TimelineFormat, typer.Option("--format", "-f", help="json: one story event per line; html: one self-contained page.")] = TimelineFormat.table,
                 out: Annotated[Path | None, typer.Option("--out", "-o", help="Write to this file instead of stdout.")] = None,
                 lexicon: LexiconOption = None) -> None:
        """The story events in time order, every source sentence kept; background shown as such."""
        from .timeline import Filters, render, select

        try:
            events = load_story(Options(db=db, lexicon_files=list(lexicon or [])))
            chosen = select(events, Filters(actor, type, status, start, end, outlet))
            _write(render(chosen, format.value), out)
        except StorylineError as e:
            raise _fail(e) from e

    @app.command()
    def network(db: DbOption = DEFAULT_DB,
                format: Annotated[NetworkFormat, typer.Option("--format", "-f", help="json (directed edges and undirected ties, heaviest first) or graphml.")] = NetworkFormat.json,
                level: Annotated[NetworkLevel, typer.Option("--level", help="country: states (a minister counts for his state); actor: each actor.")] = NetworkLevel.country,
                background: Annotated[bool, typer.Option("--background/--no-background", help="Count background (history) story events.")] = True,
                out: Annotated[Path | None, typer.Option("--out", "-o", help="Write to this file instead of stdout.")] = None,
                lexicon: LexiconOption = None) -> None:
        """Who met, called, mediated for, supported or accused whom, weighted by story events."""
        from .network import build, render

        try:
            options = Options(db=db, lexicon_files=list(lexicon or []))
            events = load_story(options)
            g = build(events, load_lexicon("story", options.lexicon_files), level.value, background)
            _write(render(g, format.value), out)
        except StorylineError as e:
            raise _fail(e) from e

    @app.command()
    def compare(event: Annotated[str, typer.Argument(help="A story event id (or its start) from 'storyline timeline'.")],
                db: DbOption = DEFAULT_DB,
                format: Annotated[CompareFormat, typer.Option("--format", "-f")] = CompareFormat.table,
                lexicon: LexiconOption = None,
                group_by: Annotated[str, typer.Option(
                    "--group-by", help="outlet, or outlets grouped by country, ownership or country+ownership "
                                       "(from the outlet table).")] = "outlet") -> None:
        """The words each outlet (or group of outlets) uses for one story event, side by side."""
        from . import compare as cmp
        from .merge import Knowledge

        try:
            options = Options(db=db, lexicon_files=list(lexicon or []))
            story = cmp.find(load_story(options), event)
            know = Knowledge.from_lexicon(load_lexicon("story", options.lexicon_files))
            sys.stdout.write(cmp.render(story, cmp.compare(story, know.stopwords, group_by), format.value))
        except StorylineError as e:
            raise _fail(e) from e
