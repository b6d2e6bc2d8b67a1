"""What every command shares, declared once: the consoles, the one way a command fails, the
options several commands take (``--db``, ``--kb``, ``--lexicon``, ``--from``/``--to``), choice
enums built from the valid values their modules name, and the printing of records.

Why one module: the commands modules of the packages cannot import cli.py (which imports them),
and a flag, an error line or an exit code that reads differently from one command to the next is
a bug a user meets. Every option with a fixed set of values is an enum built here from the
module that owns the values (an output module's ``FORMATS``, ``model.STATUSES``, ...), so an
unknown value is refused the same way everywhere: exit code 2 and the list of valid values.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from .errors import StorylineError

DbOption = Annotated[Path, typer.Option("--db", help="The DuckDB file of the store.")]
KbOption = Annotated[list[Path] | None, typer.Option("--kb", help="Your own actor knowledge base (YAML); repeatable.")]
LexiconOption = Annotated[list[Path] | None, typer.Option(
    "--lexicon", help="Your own lexicon extensions (YAML, keys name the lexicons, e.g. 'story'); repeatable.")]
DateFromOption = Annotated[str | None, typer.Option(
    "--from", help="On or after this date: YYYY, YYYY-MM, YYYY-MM-DD (or any date value, e.g. 2014-Q2).")]
DateToOption = Annotated[str | None, typer.Option("--to", help="On or before this date (as --from).")]
OutOption = Annotated[Path | None, typer.Option("--out", "-o", help="Write to this file instead of stdout.")]


class _Consoles:
    """Rich consoles made when first used, so they write to the streams of the moment (a test
    runner swaps them), wide when writing to a file or pipe so tables are not folded to 80 columns."""

    @property
    def out(self) -> Console:
        return Console(soft_wrap=True, width=None if sys.stdout.isatty() else 200)

    @property
    def err(self) -> Console:
        # no emoji codes: "file.jsonl:100:" is a file and a line, not ":100:" (the emoji)
        return Console(stderr=True, soft_wrap=True, highlight=False, emoji=False,
                       width=None if sys.stderr.isatty() else 200)


consoles = _Consoles()


def choices(name: str, values: Iterable[str]) -> type[StrEnum]:
    """An enum of the valid values of an option (its members are the values themselves), so
    typer refuses any other value with exit code 2 and lists the valid ones."""
    return StrEnum(name, {v: v for v in values})  # type: ignore[return-value]


def fail(e: StorylineError) -> typer.Exit:
    """A problem the user can fix: its one line on stderr, exit code 2."""
    consoles.err.print(f"storyline: {e}", markup=False)
    return typer.Exit(2)


@contextmanager
def user_errors() -> Iterator[None]:
    """A problem the user can fix ends the command with its one-line message, not a traceback."""
    try:
        yield
    except StorylineError as e:
        raise fail(e) from e


def json_line(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, default=str)


def print_json_lines(rows: Iterable[Any]) -> None:
    for r in rows:
        sys.stdout.write(json_line(r) + "\n")


def print_csv(rows: Iterable[dict[str, Any]], columns: Sequence[str]) -> None:
    writer = csv.writer(sys.stdout)
    writer.writerow(columns)
    for r in rows:
        writer.writerow(["" if r.get(c) is None else r[c] for c in columns])


def print_table(rows: Iterable[dict[str, Any]], columns: Sequence[str], title: str,
                widths: dict[str, int] | None = None, right: Sequence[str] = (), no_wrap: Sequence[str] = ()) -> None:
    """Records as a table on stdout: ``columns`` in order, ``widths`` the widest a column may grow."""
    widths = widths or {}
    table = Table(title=title, title_justify="left")
    for col in columns:
        table.add_column(col, overflow="fold", max_width=widths.get(col), no_wrap=col in no_wrap,
                         justify="right" if col in right else "left")
    for r in rows:
        table.add_row(*("" if r.get(c) is None else escape(str(r[c])) for c in columns))
    consoles.out.print(table)


def write_text(text: str, out: Path | None) -> None:
    """A rendered output to ``out``, or to stdout."""
    if out is None:
        sys.stdout.write(text)
    else:
        out.write_text(text, encoding="utf-8")


#: The formats every listing command (documents, events, quotes, actors) prints its records in.
RECORD_FORMATS = ("table", "json", "csv")


def print_records(rows: list[dict[str, Any]], fmt: str, columns: Sequence[str], title: str,
                  table_columns: Sequence[str] | None = None, **table: Any) -> None:
    """Records in a listing format: a table of ``table_columns`` (default ``columns``), JSON
    Lines of whole records, or CSV of ``columns``."""
    if fmt == "json":
        print_json_lines(rows)
    elif fmt == "csv":
        print_csv(rows, columns)
    else:
        print_table(rows, table_columns or columns, title, **table)
