"""Every table of the store as files a data engineer can load anywhere: Parquet, CSV or JSON Lines.

Why DuckDB's COPY: it streams a table to disk without passing rows through Python, so exporting
millions of mentions costs no memory, and column types (lists, JSON, timestamps) come out as each
format best keeps them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import StorylineError
from . import Written

if TYPE_CHECKING:  # a type only: the store (DuckDB, Arrow) loads when a table is written
    from ..store import Store

#: Export formats: file suffix and DuckDB COPY options.
FORMATS: dict[str, tuple[str, str]] = {
    "parquet": ("parquet", "FORMAT parquet"),
    "csv": ("csv", "FORMAT csv, HEADER true"),
    "jsonl": ("jsonl", "FORMAT json"),
}


def export(store: Store, out: Path, fmt: str) -> list[Written]:
    """The export registry's entry point (``export.EXPORT_MODULES``): every table, with its row count."""
    return [Written(path, store.count(table)) for table, path in export_tables(store, out, fmt).items()]


def export_tables(store: Store, out: Path, fmt: str, tables: list[str] | None = None) -> dict[str, Path]:
    """Write each table to ``out/<table>.<suffix>``; returns the files written by table."""
    if fmt not in FORMATS:
        raise StorylineError("E052", fmt=fmt, valid=', '.join(FORMATS))
    have = store.tables()
    tables = have if tables is None else tables
    unknown = [t for t in tables if t not in have]
    if unknown:
        raise StorylineError("E051", unknown=', '.join(unknown), path=store.path, have=', '.join(have))
    out.mkdir(parents=True, exist_ok=True)
    suffix, options = FORMATS[fmt]
    written: dict[str, Path] = {}
    for table in tables:
        path = out / f"{table}.{suffix}"
        target = str(path).replace("'", "''")
        store.query(f"COPY (SELECT * FROM {table}) TO '{target}' ({options})")
        written[table] = path
    return written
