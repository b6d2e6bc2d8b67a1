"""JSON Lines of articles (``id``, ``title``, ``date``, ``source``, ``url``, ``text``), gzipped or not.

Why line by line: a corpus file may hold millions of articles, so records are decoded and yielded
one at a time and memory stays flat. A broken line costs only itself: it becomes an InputError
naming ``file:line`` and the next line is read, whatever broke it (bad JSON, a record nested so
deep the decoder runs out of stack, a line longer than any article, a byte-order mark left at the
start of a line by joining files). Lines are read with a bound on their length and a gzip stream
with a bound on how far it may inflate, so a decompression bomb is refused after a few megabytes,
not after filling the memory. The record's ``id`` becomes the document's name
(the evaluation scores a JSONL article under its id); every other field goes into metadata.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from ..errors import InputError
from ..model import RawDocument
from .decode import repair

#: The fields storyline reads from a record; other fields are kept in metadata as they are.
TEXT_FIELDS = ("text", "body", "content")
META_FIELDS = ("title", "date", "source", "url", "author", "language")


def record_to_raw(record: Any, origin: str, fallback_name: str, max_chars: int | None = None) -> RawDocument:
    """A RawDocument from one decoded JSON record (InputError where it is not an article)."""
    if not isinstance(record, dict):
        raise InputError(origin, "E107", kind=type(record).__name__)
    field = next((f for f in TEXT_FIELDS if f in record), None)
    if field is None:
        keys = ", ".join(sorted(record)) or "none"
        raise InputError(origin, "E130", keys=keys)
    text = record[field]
    if not isinstance(text, str):
        raise InputError(origin, "E131", field=field, kind=type(text).__name__)
    if not text.strip():
        raise InputError(origin, "E110", field=field)
    if max_chars is not None and len(text) > max_chars:
        raise InputError(origin, "E104", size=len(text), unit="characters", max_chars=max_chars)
    name = record.get("id")
    name = str(name) if name not in (None, "") else fallback_name
    meta = {k: v for k, v in record.items() if k != field and k != "id" and v not in (None, "")}
    for key in META_FIELDS:
        if isinstance(meta.get(key), str):
            meta[key] = repair(meta[key].strip())
    return RawDocument(origin=origin, name=name, text=repair(text), kind="jsonl", metadata=meta)


#: A gzip stream that has inflated past this many bytes at more than BOMB_RATIO times its
#: compressed size is a decompression bomb, not a corpus: news text compresses 3 to 5 times.
BOMB_BYTES = 8 * 1024 * 1024
BOMB_RATIO = 200

#: After this many bad lines in a row (or MAX_BAD_START before any good one) the file is taken for
#: something other than JSON Lines of articles and the rest is not read: a million lines without a
#: "text" field, or a bomb of empty objects, would otherwise print a million lines that say the same.
MAX_BAD_RUN = 100
MAX_BAD_START = 10


class _Inflated:
    """How far a gzip stream has inflated, against how much of its file it has read."""

    def __init__(self, raw: IO[bytes] | None):
        self.raw = raw
        self.out = 0

    def count(self, n: int, origin: str) -> None:
        self.out += n
        if self.raw is None or self.out < BOMB_BYTES:
            return
        read = max(1, self.raw.tell())
        if self.out > BOMB_RATIO * read:
            raise InputError(origin, "E140", ratio=self.out // read, out=self.out, read=read)


def _gzip_raw(fh: IO[bytes]) -> IO[bytes] | None:
    """The compressed file under a gzip stream (to measure how far it inflates), else None."""
    return getattr(fh, "fileobj", None) if isinstance(fh, gzip.GzipFile) else None


def looks_jsonl(head: bytes) -> bool:
    """True where the first bytes of a file are JSON objects one a line (a file whose name does
    not say what it holds)."""
    lines = [ln.strip() for ln in head.splitlines()[:3] if ln.strip()]
    return bool(lines) and all(ln.startswith(b"{") for ln in lines) and (len(lines) > 1 or lines[0].endswith(b"}"))


def _open(path: Path) -> IO[bytes]:
    with open(path, "rb") as fh:
        gz = fh.read(2) == b"\x1f\x8b"
    return gzip.open(path, "rb") if gz else open(path, "rb")  # noqa: SIM115 - closed by the caller


def read_jsonl(path: Path, max_chars: int | None = None) -> Iterator[RawDocument | InputError]:
    """Every record of a JSON Lines file (plain or gzip), or an InputError for each bad line."""
    with _open(path) as fh:
        yield from read_jsonl_stream(fh, str(path), path.name, max_chars)


def _lines(fh: IO[bytes], limit: int, label: str) -> Iterator[tuple[int, bytes | None]]:
    """``(line number, line)`` for each line of at most ``limit`` bytes; a longer line gives
    ``None`` and its rest is skipped in bounded chunks, so no line is ever held whole."""
    inflated = _Inflated(_gzip_raw(fh))
    lineno = 0
    while True:
        line = fh.readline(limit + 1)
        if not line:
            return
        lineno += 1
        inflated.count(len(line), f"{label}:{lineno}")
        if len(line) <= limit or line.endswith(b"\n"):
            yield lineno, line
            continue
        while True:
            chunk = fh.readline(1 << 20)
            inflated.count(len(chunk), f"{label}:{lineno}")
            if not chunk or chunk.endswith(b"\n"):
                break
        yield lineno, None


def _decode_line(line: bytes, origin: str) -> Any:
    """One line's JSON value, or the InputError that says why it has none. A byte-order mark at
    the start of a line (left by joining files) is dropped; one elsewhere is a JSON error."""
    try:
        return json.loads(line.decode("utf-8").removeprefix("\ufeff"))
    except UnicodeDecodeError as e:
        raise InputError(origin, "E134", reason=e.reason, start=e.start) from e
    except json.JSONDecodeError as e:
        raise InputError(origin, "E135", msg=e.msg, colno=e.colno) from e
    except RecursionError as e:
        raise InputError(origin, "E138") from e
    except MemoryError as e:
        raise InputError(origin, "E139") from e


def read_jsonl_stream(fh: IO[bytes], label: str, short: str,
                      max_chars: int | None = None) -> Iterator[RawDocument | InputError]:
    """The records of an open binary stream; ``label`` names it in errors (``label:line``)."""
    seen = bad_run = good = 0
    lineno = 0
    # a record holds one article of at most max_chars characters (4 bytes each at most) and its
    # fields: a longer line is refused unread
    limit = 4 * (max_chars or 2_000_000) + 64 * 1024
    try:
        for lineno, line in _lines(fh, limit, label):  # noqa: B007 - lineno is read after the loop
            origin = f"{label}:{lineno}"
            if line is not None and not line.strip():
                continue
            seen += 1
            try:
                if line is None:
                    raise InputError(origin, "E141", limit=limit)
                yield record_to_raw(_decode_line(line, origin), origin, f"{short}:{lineno}", max_chars)
                bad_run = 0
                good += 1
            except InputError as e:
                yield e
                bad_run += 1
                if bad_run >= (MAX_BAD_RUN if good else MAX_BAD_START):
                    yield InputError(f"{label}:{lineno + 1}", "E142", n=bad_run)
                    return
    except InputError as e:  # a decompression bomb: the rest of the file is not read
        yield e
        return
    except (OSError, EOFError, zlib.error) as e:
        yield InputError(f"{label}:{lineno + 1}", "E132", kind=type(e).__name__, error=e)
        return
    if seen == 0:
        yield InputError(label, "E111")


def read_json(path: Path, data: bytes, max_chars: int | None = None) -> Iterator[RawDocument | InputError]:
    """A .json file holding one article object or a list of them."""
    try:
        value = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        yield InputError(str(path), "E133", error=e)
        return
    except RecursionError:
        yield InputError(str(path), "E138")
        return
    except MemoryError:
        yield InputError(str(path), "E139")
        return
    records = value if isinstance(value, list) else [value]
    if not records:
        yield InputError(str(path), "E112")
    for i, record in enumerate(records, 1):
        origin = f"{path}[{i}]" if isinstance(value, list) else str(path)
        try:
            yield record_to_raw(record, origin, f"{path.name}[{i}]" if isinstance(value, list) else path.name,
                                max_chars)
        except InputError as e:
            yield e
