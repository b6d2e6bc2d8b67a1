"""``storyline quotes``: who said what, when, from the store (the query is ``query.quotes``)."""

from __future__ import annotations

from typing import Annotated

import typer

from .. import cli_options as cli
from ..options import DEFAULT_DB
from ..query.quotes import find_quotes
from ..store import Store

QuotesFormat = cli.choices("QuotesFormat", cli.RECORD_FORMATS)

_TABLE = ("date", "speaker", "country", "kind", "text", "doc")
_CSV = ("date", "speaker", "country", "actor_id", "description", "kind", "cue", "text", "doc", "start", "end",
        "confidence")


def register(app: typer.Typer) -> None:
    @app.command("quotes")
    def quotes_command(
        speaker: Annotated[str | None, typer.Option("--speaker", "-s", help=(
            "Only quotations by this speaker: words of a name, an alias or a description."))] = None,
        date_from: cli.DateFromOption = None,
        date_to: cli.DateToOption = None,
        reported: Annotated[bool, typer.Option("--reported", help=(
            "Also list reported statements (\"Medvedev said that ...\"), not only quotations."))] = False,
        format: Annotated[QuotesFormat, typer.Option("--format", "-f", help="table; json: one record per line; csv: a header row, then one row per record.")] = "table",  # type: ignore[valid-type, assignment]
        db: cli.DbOption = DEFAULT_DB,
    ) -> None:
        """List who said what, and when, from the stored articles."""
        with cli.user_errors(), Store(db, read_only=True) as store:
            rows = find_quotes(store, speaker, date_from, date_to, reported)
        title = f"{len(rows)} {'statements' if reported else 'quotations'}"
        cli.print_records(rows, str(format), _CSV, title, _TABLE, widths={"text": 70})
