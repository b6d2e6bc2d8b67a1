"""``storyline events``: list and filter the stored events (the query is ``query.events``)."""

from __future__ import annotations

from typing import Annotated

import typer

from ..cli_options import (
    RECORD_FORMATS,
    DateFromOption,
    DateToOption,
    DbOption,
    choices,
    print_records,
    user_errors,
)
from ..model import STATUSES
from ..options import DEFAULT_DB
from ..query.events import COLUMNS, event_types, query_events, with_actor_records
from ..store import Store

EventsFormat = choices("EventsFormat", RECORD_FORMATS)
EventStatus = choices("EventStatus", STATUSES)
EventType = choices("EventType", event_types())

_TABLE = ("doc", "date", "who", "what", "whom", "status", "evidence")


def register(app: typer.Typer) -> None:
    @app.command()
    def events(
        db: DbOption = DEFAULT_DB,
        actor: Annotated[str | None, typer.Option(
            "--actor", help="An actor taking part: a name (or part of one), a country or body code, an id.")] = None,
        type: Annotated[EventType | None, typer.Option(  # type: ignore[valid-type]
            "--type", case_sensitive=False, help="An event class (CONSULT, VISIT, MEDIATE, STATEMENT, ...) or "
                                                 "PLOVER type.", show_choices=False)] = None,
        status: Annotated[EventStatus | None, typer.Option("--status", help="Only events of this status.")] = None,  # type: ignore[valid-type]
        date_from: DateFromOption = None,
        date_to: DateToOption = None,
        format: Annotated[EventsFormat, typer.Option("--format", "-f", help="table; json: one record per line; csv: a header row, then one row per record.")] = "table",  # type: ignore[valid-type, assignment]
    ) -> None:
        """List the stored events (who did what to whom, when), filtered."""
        with user_errors(), Store(db, read_only=True) as store:
            rows = query_events(store, actor=actor, type=type and str(type), status=status and str(status),
                                date_from=date_from, date_to=date_to)
            if str(format) == "json":  # actors as records with their ids and codes, not joined names
                rows = with_actor_records(store, rows)
        widths = {c: 60 if c == "evidence" else 28 for c in _TABLE}
        print_records(rows, str(format), COLUMNS, f"{len(rows)} events in {db}", _TABLE, widths=widths,
                      no_wrap=("date",))
