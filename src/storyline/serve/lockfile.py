"""The note a running server leaves beside its database, so another command can say who has it.

Why: DuckDB lets one process open a file for writing and then no other process may open it at
all; the error it gives names a lock and a process id, not what to do. While ``storyline serve``
runs, ``<db>.serve`` holds its address and process id, and a command that finds the file locked
says the server has it and how to add articles through it (E030, raised by the store). The note is removed when the server
stops; one left by a killed server is ignored (its process is gone).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any


def note_path(db: Path) -> Path:
    return db.with_name(db.name + ".serve")


def write_note(db: Path, url: str) -> Path:
    path = note_path(db)
    path.write_text(json.dumps({"url": url, "pid": os.getpid()}) + "\n", encoding="utf-8")
    return path


def remove_note(db: Path) -> None:
    path = note_path(db)
    try:
        if json.loads(path.read_text(encoding="utf-8")).get("pid") == os.getpid():
            path.unlink()
    except (OSError, ValueError):
        pass


def holder(db: Path) -> dict[str, Any] | None:
    """The running server that holds ``db`` (url, pid), or None."""
    try:
        note = json.loads(note_path(db).read_text(encoding="utf-8"))
        os.kill(int(note["pid"]), 0)
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return note
