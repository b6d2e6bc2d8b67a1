"""How many inputs a set of paths holds, counted before (or while) they are read: the total of the
ingest progress bar.

Why count records rather than track bytes: the progress bar counts inputs read (a file, or a line
of JSON Lines), so its total must be in the same unit for the time left to mean anything. Counting
the lines of a ``.jsonl.gz`` inflates it once more, which costs a fraction of what parsing its
articles costs; the count runs beside the ingest (a thread), and the bar gets its total when the
count is done. Where no total can be known (standard input, web pages, feeds) there is none.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .jsonl import _lines, _open, looks_jsonl
from .paths import expand

#: Bytes of a file looked at to tell JSON Lines from one article (as the reader does).
HEAD_BYTES = 4096
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")


def _is_jsonl(path: Path) -> bool:
    name = path.name.lower()
    if name.endswith(JSONL_SUFFIXES):
        return True
    inner = name[:-3] if name.endswith(".gz") else name
    if inner.endswith((".txt", ".text", ".html", ".htm", ".xhtml", ".shtml")):
        return False
    try:
        with _open(path) as fh:
            return looks_jsonl(fh.read(HEAD_BYTES))
    except (OSError, EOFError, ValueError):
        return False


def _records(path: Path, max_chars: int) -> int:
    """The non-blank lines of a JSON Lines file (1 where it cannot be read: one error line)."""
    n = 0
    try:
        with _open(path) as fh:
            for _, line in _lines(fh, 4 * max_chars + 64 * 1024, str(path)):
                n += line is None or bool(line.strip())
    except Exception:  # noqa: BLE001 - the reader reports what is wrong; the count only estimates
        return max(1, n)
    return max(1, n)


def count_inputs(paths: Iterable[str | Path], max_chars: int = 2_000_000) -> int | None:
    """The number of inputs ``read_paths(paths)`` will give (an estimate where files are damaged),
    or None where it cannot be known (standard input, a web address)."""
    total = 0
    for spec in paths:
        text = str(spec)
        if text == "-" or "://" in text:
            return None
        for item in expand(spec):
            if isinstance(item, Path) and _is_jsonl(item):
                total += _records(item, max_chars)
            else:
                total += 1
    return total
