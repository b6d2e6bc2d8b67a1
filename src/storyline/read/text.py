"""Plain-text articles: one file, one article, in whatever encoding it was saved."""

from __future__ import annotations

from pathlib import Path

from ..model import RawDocument
from .decode import bytes_to_text


def raw_from_text(text: str, origin: str, name: str, encoding: str = "utf-8") -> RawDocument:
    return RawDocument(origin=origin, name=name, text=text, kind="text", metadata={"encoding": encoding})


def read_text(data: bytes, origin: str, name: str) -> RawDocument:
    """A RawDocument from a text file's bytes (InputError for empty, binary or undecodable bytes)."""
    text, encoding = bytes_to_text(data, origin)
    return raw_from_text(text, origin, name, encoding)


def read_text_file(path: Path, data: bytes | None = None) -> RawDocument:
    return read_text(path.read_bytes() if data is None else data, str(path), path.name)
