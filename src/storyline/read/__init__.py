"""Readers: files, folders, globs, HTML pages, JSON Lines, web pages and feeds in; RawDocuments (or errors) out.

``read_paths`` is the one entry point. It streams: a folder or a JSON Lines corpus is read one
article at a time, and a bad input becomes an :class:`InputError` in the stream, in its place,
so one broken file or line never stops the others, whatever went wrong in a reader (a
RecursionError or MemoryError included): each becomes one line naming the file (and line).

Which reader a file gets is decided by its name: ``.txt``/``.text`` is plain text whatever its
first character (a one-line text may well open with ``{``), ``.jsonl``/``.ndjson`` JSON Lines,
``.json`` one object or a list of them (or JSON Lines), ``.html`` a page. The content is sniffed
only where the name says nothing (no ending, or one storyline does not know, as a glob may
match): JSON Lines by its first lines, HTML by its opening tag. One exception: a ``.txt`` that
opens like an HTML page (``<!DOCTYPE html>``, ``<html>``) is a saved page, no article opens so.

A file too big to be an article (over ``max_chars`` characters; 4 bytes a character at most) is
refused before it is read, so pointing storyline at a 50 MB log costs nothing.
"""

from __future__ import annotations

import gzip
import io
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import InputError
from ..model import RawDocument
from ..options import Options
from .decode import bytes_to_text
from .html import extract_article, looks_like_html, read_html
from .jsonl import looks_jsonl, read_json, read_jsonl, read_jsonl_stream
from .paths import expand
from .text import raw_from_text, read_text
from .web import Fetcher, is_url, read_feeds, read_urls

__all__ = ["read_paths", "read_file", "read_string", "read_jsonl", "read_html", "read_text", "read_feeds",
           "Fetcher"]

HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
TEXT_SUFFIXES = (".txt", ".text")


def _too_big(origin: str, size: int, max_chars: int, unit: str) -> InputError:
    return InputError(origin, "E104", size=size, unit=unit, max_chars=max_chars)


def read_file(path: Path, max_chars: int | None = None) -> Iterator[RawDocument | InputError]:
    """The articles in one file (several for JSON Lines), each a RawDocument or an InputError.

    Nothing a reader raises leaves this function: an error no reader foresaw still becomes one
    InputError naming the file, and the files after it are read."""
    limit = Options().max_chars if max_chars is None else max_chars
    origin = str(path)
    try:
        yield from _read_file(path, limit)
    except InputError as e:
        yield e
    except OSError as e:
        yield InputError(origin, "E100", reason=e.strerror or e)
    except RecursionError:
        yield InputError(origin, "E138")
    except MemoryError:
        yield InputError(origin, "E139")
    except Exception as e:  # noqa: BLE001 - a reader's unforeseen failure costs this file only
        yield InputError(origin, "E100", reason=f"{type(e).__name__}: {e}")


def _read_file(path: Path, limit: int) -> Iterator[RawDocument | InputError]:
    origin = str(path)
    name = path.name.lower()
    inner = name[:-3] if name.endswith(".gz") else name
    if inner.endswith(JSONL_SUFFIXES):
        yield from read_jsonl(path, limit)
        return
    size = path.stat().st_size
    if size > 4 * limit and not name.endswith(".gz"):
        yield _too_big(origin, size, limit, "bytes")
        return
    if name.endswith(".gz"):
        try:  # at most one byte over the limit is inflated: a decompression bomb costs nothing
            with gzip.open(path, "rb") as fh:
                data = fh.read(4 * limit + 1)
        except (OSError, EOFError, zlib.error) as e:
            yield InputError(origin, "E113", error=e)
            return
    else:
        with open(path, "rb") as fh:
            data = fh.read(4 * limit + 1)
    if len(data) > 4 * limit:
        yield _too_big(origin, len(data), limit, "bytes")
        return
    says_nothing = not inner.endswith((*TEXT_SUFFIXES, *HTML_SUFFIXES, ".json"))
    if (says_nothing or inner.endswith(".json")) and looks_jsonl(data[:4096]):
        yield from read_jsonl(path, limit)  # a .json file, or one of no known kind, holding JSON Lines
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
    try:  # standard input has no name to go by: its first bytes decide
        if looks_jsonl(data[:4096]):
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
