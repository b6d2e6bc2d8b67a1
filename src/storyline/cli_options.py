"""Command-line options that several packages' commands share, declared once so their flags and
help read the same everywhere (the commands modules cannot import cli.py, which imports them)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

DbOption = Annotated[Path, typer.Option("--db", help="The DuckDB file of the store.")]
KbOption = Annotated[list[Path] | None, typer.Option("--kb", help="Your own actor knowledge base (YAML); repeatable.")]
