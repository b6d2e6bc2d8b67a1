"""The story commands: ``story``, ``timeline``, ``network``, ``compare``.

Each brings the story tables up to date with the documents stored (``query.story``), then reads
them. Output goes to stdout, the update's summary to stderr. Formats, statuses and levels are
enums built from the modules that own them (``story.timeline.FORMATS``, ``story.network.LEVELS``,
``query.story.TIMELINE_STATUSES`` ...).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from ..cli_options import (
    DateFromOption,
    DateToOption,
    DbOption,
    LexiconOption,
    OutOption,
    choices,
    user_errors,
    write_text,
)
from ..lexicons import load_lexicon
from ..options import DEFAULT_DB, Options
from ..query.events import event_types
from ..query.story import find_story_event, load_story, network_graph, timeline_events
from . import compare as cmp
from . import network as net
from . import timeline as tl
from .merge import Knowledge
from .timeline import TIMELINE_STATUSES

TimelineFormat = choices("TimelineFormat", tl.FORMATS)
TimelineStatus = choices("TimelineStatus", TIMELINE_STATUSES)
EventType = choices("EventType", event_types())
NetworkFormat = choices("NetworkFormat", net.FORMATS)
NetworkLevel = choices("NetworkLevel", net.LEVELS)
CompareFormat = choices("CompareFormat", cmp.FORMATS)


def _options(db: Path, lexicon: list[Path] | None) -> Options:
    return Options(db=db, lexicon_files=list(lexicon or []))


def _said(options: Options) -> Any:
    def said(report: Any, total: int) -> None:
        if total > options.story.update_batch:  # a long update says how far it got
            print(f"story: {report.documents} of {total} documents taken in", file=sys.stderr, flush=True)
    return said


def story(db: DbOption = DEFAULT_DB, lexicon: LexiconOption = None,
          rebuild: Annotated[bool, typer.Option("--rebuild", help="Forget the story tables and recompute them all.")] = False) -> None:
    """Bring the story layer up to date: near-copies, background sentences, story events."""
    options = _options(db, lexicon)
    with user_errors():
        got = load_story(options, rebuild, _said(options))
    if got.report.documents:
        print(f"story: {got.report.line()}", file=sys.stderr)
    merged = sum(1 for s in got.events if s.source_count > 1)
    print(f"story: {len(got.events)} story events, {merged} told by more than one article", file=sys.stderr)


def timeline(db: DbOption = DEFAULT_DB,
             actor: Annotated[str | None, typer.Option("--actor", help="Only events with this actor (name, id or country code).")] = None,
             type: Annotated[EventType | None, typer.Option("--type", case_sensitive=False, show_choices=False,  # type: ignore[valid-type]
                                                            help="Only this event class (AGREE, CONSULT, MEDIATE ...).")] = None,
             status: Annotated[TimelineStatus | None, typer.Option("--status", help="Only story events of this status (or background: history the articles retell).")] = None,  # type: ignore[valid-type]
             start: DateFromOption = None, end: DateToOption = None,
             outlet: Annotated[str | None, typer.Option("--outlet", help="Only events this outlet told.")] = None,
             format: Annotated[TimelineFormat, typer.Option("--format", "-f", help="json: one story event per line; html: one self-contained page.")] = "table",  # type: ignore[valid-type, assignment]
             out: OutOption = None, lexicon: LexiconOption = None) -> None:
    """The story events in time order, every source sentence kept; background shown as such."""
    with user_errors():
        chosen = timeline_events(_options(db, lexicon), actor=actor, type=type and str(type),
                                 status=status and str(status), date_from=start, date_to=end, outlet=outlet)
        write_text(tl.render(chosen, str(format)), out)


def network(db: DbOption = DEFAULT_DB,
            format: Annotated[NetworkFormat, typer.Option("--format", "-f", help="json (directed edges and undirected ties, heaviest first) or graphml.")] = "json",  # type: ignore[valid-type, assignment]
            level: Annotated[NetworkLevel, typer.Option("--level", help="country: states (a minister counts for his state); actor: each actor.")] = "country",  # type: ignore[valid-type, assignment]
            background: Annotated[bool, typer.Option("--background/--no-background", help="Count background (history) story events.")] = True,
            out: OutOption = None, lexicon: LexiconOption = None) -> None:
    """Who met, called, mediated for, supported or accused whom, weighted by story events."""
    with user_errors():
        g = network_graph(_options(db, lexicon), str(level), background)
        write_text(net.render(g, str(format)), out)


def compare(event: Annotated[str, typer.Argument(help="A story event id (or its start) from 'storyline timeline'.")],
            db: DbOption = DEFAULT_DB,
            format: Annotated[CompareFormat, typer.Option("--format", "-f", help="table, markdown, or json: each outlet's words as a record.")] = "table",  # type: ignore[valid-type, assignment]
            lexicon: LexiconOption = None,
            group_by: Annotated[str, typer.Option(
                "--group-by", help="outlet, or outlets grouped by country, ownership or country+ownership "
                                   "(from the outlet table).")] = "outlet") -> None:
    """The words each outlet (or group of outlets) uses for one story event, side by side."""
    options = _options(db, lexicon)
    with user_errors():
        found = find_story_event(options, event)
        know = Knowledge.from_lexicon(load_lexicon("story", options.lexicon_files))
        sys.stdout.write(cmp.render(found, cmp.compare(found, know.stopwords, group_by), str(format)))


def register(app: typer.Typer) -> None:
    for command in (story, timeline, network, compare):
        app.command()(command)
