"""The ingest progress bar: inputs read of how many, time spent and time left.

Why a total counted beside the ingest: the time left is only known against a total, and counting
the inputs (the lines of a JSON Lines corpus, gzipped or not) costs a fraction of extracting them;
run in a thread, the count holds nothing up, and the bar shows its total once it is known. Without
a total (standard input, web addresses, feeds) the bar shows what was read and the time spent.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from pathlib import Path

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from .read.count import count_inputs


def ingest_progress(console: Console) -> Progress:
    """A progress bar on ``console``, shown only where it is a terminal."""
    return Progress(SpinnerColumn(), TextColumn("[bold]ingest[/]"), BarColumn(), MofNCompleteColumn(),
                    TextColumn("{task.description}"), TimeElapsedColumn(), TextColumn("left"),
                    TimeRemainingColumn(), console=console, transient=True, disable=not console.is_terminal)


def count_in_background(progress: Progress, task: TaskID, paths: Iterable[str | Path],
                        max_chars: int) -> threading.Thread:
    """Count the inputs of ``paths`` in a thread and give the bar its total when done."""
    specs = list(paths)

    def count() -> None:
        total = count_inputs(specs, max_chars)
        if total is not None:
            progress.update(task, total=total)

    thread = threading.Thread(target=count, daemon=True, name="count-inputs")
    thread.start()
    return thread
