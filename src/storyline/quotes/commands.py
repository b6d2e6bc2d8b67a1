"""``storyline quotes``: who said what, when, from the store.

Why filter dates in Python: a quotation's date may be a day, a month or a year ("2014-06",
"2014"); a quotation counts as inside ``--from``/``--to`` where its period overlaps them, which is
plainer to say on periods than in SQL string comparisons.
"""

from __future__ import annotations

import calendar
import datetime
import json
import re
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from ..errors import StorylineError
from ..options import DEFAULT_DB

_DATE = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


class QuotesFormat(StrEnum):
    table = "table"
    json = "json"


def _valid(m: re.Match[str]) -> bool:
    y, mo, d = m.group(1), m.group(2), m.group(3)
    try:
        datetime.date(int(y), int(mo or 1), int(d or 1))
    except ValueError:
        return False
    return True


def period(value: str | None) -> tuple[str, str] | None:
    """The first and last day a date value covers ("2014-06" -> 2014-06-01..2014-06-30), or
    None for a value that is no calendar date ("PAST_REF", "XXXX-11-12")."""
    if not value:
        return None
    first, _, last = value.partition("..")
    a, b = _DATE.fullmatch(first), _DATE.fullmatch(last or first)
    if not a or not b or not _valid(a) or not _valid(b):
        return None

    def days(m: re.Match[str], end: bool) -> str:
        y, mo, d = m.group(1), m.group(2), m.group(3)
        if d:
            return f"{y}-{mo}-{d}"
        if mo:
            return f"{y}-{mo}-{calendar.monthrange(int(y), int(mo))[1]:02d}" if end else f"{y}-{mo}-01"
        return f"{y}-12-31" if end else f"{y}-01-01"

    return days(a, False), days(b, True)


def _bound(value: str | None, flag: str, end: bool) -> str | None:
    if value is None:
        return None
    p = period(value)
    if p is None:
        raise StorylineError("E501", f"{flag} {value!r} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD")
    return p[1] if end else p[0]


def find_quotes(store: Any, speaker: str | None = None, date_from: str | None = None, date_to: str | None = None,
                reported: bool = False) -> list[dict[str, Any]]:
    """Stored quotations (and, with ``reported``, reported statements), oldest first. ``speaker``
    matches, case aside, words of the speaker's name, description or mention, or a name or alias
    of the linked actor ("Lavrov" finds "Sergei Lavrov" and the "Russian FM" linked to him)."""
    lo, hi = _bound(date_from, "--from", False), _bound(date_to, "--to", True)
    kinds = ("direct", "partial", "reported") if reported else ("direct", "partial")
    params: list[Any] = list(kinds)
    where = [f"q.kind IN ({', '.join('?' for _ in kinds)})"]
    if speaker:
        like = f"%{speaker.lower()}%"
        where.append("""(lower(q.speaker_name) LIKE ? OR lower(q.speaker_description) LIKE ?
                         OR lower(q.speaker_text) LIKE ? OR q.speaker_actor_id IN (
                             SELECT a.id FROM actors a WHERE lower(a.name) LIKE ?
                             OR lower(array_to_string(coalesce(a.aliases, []), '|')) LIKE ?))""")
        params += [like] * 5
    rows = store.query(f"""
        SELECT coalesce(q.date_value, d.published_value) AS date,
               coalesce(q.speaker_name, q.speaker_description) AS speaker,
               q.speaker_country AS country, q.speaker_actor_id AS actor_id,
               q.speaker_description AS description, q.kind, q.cue, q.text, d.name AS doc,
               q.doc_id, q.start, q."end", q.confidence
        FROM quotes q JOIN documents d ON d.id = q.doc_id
        WHERE {' AND '.join(where)}
        ORDER BY date NULLS LAST, d.name, q.idx""", params)
    if lo is None and hi is None:
        return rows
    kept = []
    for r in rows:
        p = period(r["date"])
        if p is None or (lo is not None and p[1] < lo) or (hi is not None and p[0] > hi):
            continue
        kept.append(r)
    return kept


def register(app: typer.Typer) -> None:
    @app.command("quotes")
    def quotes_command(
        speaker: Annotated[str | None, typer.Option("--speaker", "-s", help=(
            "Only quotations by this speaker: words of a name, an alias or a description."))] = None,
        date_from: Annotated[str | None, typer.Option("--from", help="From this date (YYYY[-MM[-DD]]).")] = None,
        date_to: Annotated[str | None, typer.Option("--to", help="To this date (YYYY[-MM[-DD]]).")] = None,
        reported: Annotated[bool, typer.Option("--reported", help=(
            "Also list reported statements (\"Medvedev said that ...\"), not only quotations."))] = False,
        format: Annotated[QuotesFormat, typer.Option("--format", "-f", help="table, or json: one object per line.")]
        = QuotesFormat.table,
        db: Annotated[Path, typer.Option("--db", help="The DuckDB file of the store.")] = DEFAULT_DB,
    ) -> None:
        """List who said what, and when, from the stored articles."""
        from rich.console import Console
        from rich.markup import escape
        from rich.table import Table

        from ..store import Store

        try:
            with Store(db, read_only=True) as store:
                rows = find_quotes(store, speaker, date_from, date_to, reported)
        except StorylineError as e:
            Console(stderr=True, highlight=False).print(f"storyline quotes: {e}", markup=False)
            raise typer.Exit(2) from e
        if format is QuotesFormat.json:
            for r in rows:
                sys.stdout.write(json.dumps(r, ensure_ascii=False, default=str) + "\n")
            return
        table = Table(title=f"{len(rows)} {'statements' if reported else 'quotations'}", title_justify="left")
        for col in ("date", "speaker", "country", "kind", "text", "doc"):
            table.add_column(col, overflow="fold", max_width=70 if col == "text" else None)
        for r in rows:
            table.add_row(*("" if r[c] is None else escape(str(r[c])) for c in ("date", "speaker", "country",
                                                                                "kind", "text", "doc")))
        Console(soft_wrap=True, width=None if sys.stdout.isatty() else 200).print(table)
