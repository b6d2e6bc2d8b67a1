"""Folders (walked recursively) and glob patterns, turned into a lazy stream of files.

Why lazy and sorted: a folder of a million articles must start flowing at once and come out in the
same order on every run. In a folder only files that look like articles are taken (by their
ending); a file named on the command line, or matched by a glob, is read whatever its name.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError

#: File endings taken from folders and globs (a name without a dot is taken too).
ARTICLE_SUFFIXES = (".txt", ".text", ".html", ".htm", ".xhtml", ".shtml", ".jsonl", ".ndjson",
                    ".json", ".jsonl.gz", ".ndjson.gz", ".txt.gz")

_GLOB_CHARS = set("*?[")


def is_article_file(path: Path) -> bool:
    name = path.name.lower()
    if name.startswith("."):
        return False
    return "." not in name or name.endswith(ARTICLE_SUFFIXES)


def walk(folder: Path, _seen: set[tuple[int, int]] | None = None) -> Iterator[Path]:
    """Article files under ``folder``, depth first, sorted by name; hidden folders are skipped,
    and a folder reached again through a symbolic link is walked once (a link to a parent
    folder would otherwise recurse without end)."""
    seen = set() if _seen is None else _seen
    try:
        info = os.stat(folder)
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    if (info.st_dev, info.st_ino) in seen:
        return
    seen.add((info.st_dev, info.st_ino))
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        if entry.is_dir(follow_symlinks=True):
            yield from walk(path, seen)
        elif entry.is_file(follow_symlinks=True) and is_article_file(path):
            yield path


def expand(spec: str | Path) -> Iterator[Path | InputError]:
    """The files one command-line argument names: a file, a folder, or a glob pattern."""
    path = Path(spec)
    if path.is_dir():
        found = False
        for f in walk(path):
            found = True
            yield f
        if not found:
            yield InputError(str(path), "E117", suffixes=", ".join(ARTICLE_SUFFIXES))
        return
    if path.exists():
        yield path
        return
    text = str(spec)
    if _GLOB_CHARS & set(text):
        matches = sorted(glob.iglob(os.path.expanduser(text), recursive=True))
        files = [Path(m) for m in matches]
        if not files:
            yield InputError(text, "E118")
            return
        for f in files:
            if f.is_dir():
                yield from walk(f)
            else:  # the pattern chose these files: read them whatever their ending
                yield f
        return
    yield InputError(text, "E105")
