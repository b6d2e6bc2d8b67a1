"""Readers: files, folders, globs, HTML pages, JSON Lines, web pages and feeds in; RawDocuments (or errors) out.

``read_paths`` is the one entry point. It streams: a folder or a JSON Lines corpus is read one
article at a time, and a bad input becomes an :class:`InputError` in the stream, in its place,
so one broken file or line never stops the others. Which reader a file gets is decided by its
name and, for names that do not say, by its first bytes (a ``.txt`` that is a saved page is read
as HTML; a file of JSON objects one a line as JSON Lines).

A file too big to be an article (over ``max_chars`` characters; 4 bytes a character at most) is
refused before it is read, so pointing storyline at a 50 MB log costs nothing.
"""

from __future__ import annotations

import gzip
import io
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import InputError
from ..model import RawDocument
from ..options import Options
from .decode import bytes_to_text
from .html import extract_article, looks_like_html, read_html
from .jsonl import read_json, read_jsonl, read_jsonl_stream
from .paths import expand
from .text import raw_from_text, read_text
from .web import Fetcher, is_url, read_feeds, read_urls

__all__ = ["read_paths", "read_file", "read_string", "read_jsonl", "read_html", "read_text", "read_feeds",
           "Fetcher"]

HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson")


def _too_big(origin: str, size: int, max_chars: int, unit: str) -> InputError:
    return InputError(origin, "E104", size=size, unit=unit, max_chars=max_chars)


def _looks_jsonl(head: bytes) -> bool:
    lines = [ln.strip() for ln in head.splitlines()[:3] if ln.strip()]
    return bool(lines) and all(ln.startswith(b"{") for ln in lines) and (len(lines) > 1 or lines[0].endswith(b"}"))


def read_file(path: Path, max_chars: int | None = None) -> Iterator[RawDocument | InputError]:
    """The articles in one file (several for JSON Lines), each a RawDocument or an InputError."""
    limit = Options().max_chars if max_chars is None else max_chars
    origin = str(path)
    name = path.name.lower()
    inner = name[:-3] if name.endswith(".gz") else name
    try:
        if inner.endswith(JSONL_SUFFIXES):
            yield from read_jsonl(path, limit)
            return
        size = path.stat().st_size
        if size > 4 * limit and not name.endswith(".gz"):
            yield _too_big(origin, size, limit, "bytes")
            return
        with open(path, "rb") as fh:
            data = fh.read(4 * limit + 1)
        if name.endswith(".gz"):
            try:
                with gzip.open(path, "rb") as fh:
                    data = fh.read(4 * limit + 1)
            except (OSError, EOFError) as e:
                yield InputError(origin, "E113", error=e)
                return
        if len(data) > 4 * limit:
            yield _too_big(origin, len(data), limit, "bytes")
            return
        if _looks_jsonl(data[:4096]):  # also a .json or .txt file that holds JSON Lines
            yield from read_jsonl(path, limit)
            return
        if inner.endswith(".json"):
            yield from read_json(path, data, limit)
            return
        text, encoding = bytes_to_text(data, origin)
        if len(text) > limit:
            yield _too_big(origin, len(text), limit, "characters")
        elif inner.endswith(HTML_SUFFIXES) or looks_like_html(text):
            yield extract_article(text, origin, path.name, encoding)
        else:
            yield raw_from_text(text, origin, path.name, encoding)
    except InputError as e:
        yield e
    except OSError as e:
        yield InputError(origin, "E100", reason=e.strerror or e)


def read_paths(paths: Iterable[str | Path], max_chars: int | None = None,
               fetcher: Fetcher | None = None) -> Iterator[RawDocument | InputError]:
    """Every article in the given files, folders, glob patterns and web addresses, in order, as a stream.

    ``"-"`` reads standard input (text, HTML or JSON Lines, told apart by the first bytes); an
    ``http(s)://`` address is fetched politely (``read.web``) by ``fetcher`` (one made with the
    default settings where none is given). ``max_chars`` (default: ``Options().max_chars``)
    refuses longer articles up front."""
    limit = Options().max_chars if max_chars is None else max_chars
    for spec in paths:
        if str(spec) == "-":
            yield from read_stdin(max_chars)
            continue
        if is_url(str(spec)):
            fetcher = fetcher or Fetcher()
            yield from read_urls([str(spec)], fetcher, limit)
            continue
        for item in expand(spec):
            if isinstance(item, InputError):
                yield item
            else:
                yield from read_file(item, max_chars)


def read_stdin(max_chars: int | None = None) -> Iterator[RawDocument | InputError]:
    data = sys.stdin.buffer.read()
    try:
        if _looks_jsonl(data[:4096]):
            yield from read_jsonl_stream(io.BytesIO(data), "<stdin>", "stdin", max_chars)
            return
        text, _ = bytes_to_text(data, "<stdin>")
        yield from read_string(text, "<stdin>")
    except InputError as e:
        yield e


def read_string(text: str, name: str = "<text>") -> Iterator[RawDocument]:
    """One article given as a string (the Python API's way in): HTML is recognised and extracted."""
    if looks_like_html(text):
        yield extract_article(text, name, name)
    else:
        yield raw_from_text(text, name, name)
