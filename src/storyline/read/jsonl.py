"""JSON Lines of articles (``id``, ``title``, ``date``, ``source``, ``url``, ``text``), gzipped or not.

Why line by line: a corpus file may hold millions of articles, so records are decoded and yielded
one at a time and memory stays flat. A broken line costs only itself: it becomes an InputError
naming ``file:line`` and the next line is read. The record's ``id`` becomes the document's name
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


def _open(path: Path) -> IO[bytes]:
    with open(path, "rb") as fh:
        gz = fh.read(2) == b"\x1f\x8b"
    return gzip.open(path, "rb") if gz else open(path, "rb")  # noqa: SIM115 - closed by the caller


def read_jsonl(path: Path, max_chars: int | None = None) -> Iterator[RawDocument | InputError]:
    """Every record of a JSON Lines file (plain or gzip), or an InputError for each bad line."""
    with _open(path) as fh:
        yield from read_jsonl_stream(fh, str(path), path.name, max_chars)


def read_jsonl_stream(fh: IO[bytes], label: str, short: str,
                      max_chars: int | None = None) -> Iterator[RawDocument | InputError]:
    """The records of an open binary stream; ``label`` names it in errors (``label:line``)."""
    seen = 0
    lineno = 0
    try:
        for lineno, line in enumerate(fh, 1):  # noqa: B007 - lineno is read after the loop
            if not line.strip():
                continue
            seen += 1
            origin = f"{label}:{lineno}"
            try:
                record = json.loads(line.decode("utf-8"))
            except UnicodeDecodeError as e:
                yield InputError(origin, "E134", reason=e.reason, start=e.start)
                continue
            except json.JSONDecodeError as e:
                yield InputError(origin, "E135", msg=e.msg, colno=e.colno)
                continue
            try:
                yield record_to_raw(record, origin, f"{short}:{lineno}", max_chars)
            except InputError as e:
                yield e
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
