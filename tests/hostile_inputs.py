"""Hostile inputs written into a folder: every kind of file that once took a batch down or held it.

Shared by the reader tests and the end-to-end ingest test, so both see the same files. Each maker
writes one file and returns its path; ``write_all`` writes every one of them into a folder.
"""

from __future__ import annotations

import gzip
import json
import random
from collections.abc import Callable
from pathlib import Path

#: A record with a good article, for files that hold good lines beside bad ones.
GOOD_TEXT = ("Delegations of the two governments met in Geneva on Tuesday to discuss a prisoner "
             "exchange.\n\nThe talks will resume next week, officials said.")


def deep_json(folder: Path, depth: int = 100_000) -> Path:
    """A .json file nested ``depth`` levels deep: Python's decoder runs out of stack."""
    f = folder / "deep.json"
    f.write_text('{"text": ' + "[" * depth + "]" * depth + "}", encoding="utf-8")
    return f


def deep_jsonl(folder: Path, depth: int = 100_000) -> Path:
    """JSON Lines whose second line is nested ``depth`` levels deep, between two good records."""
    f = folder / "deep.jsonl"
    good = [json.dumps({"id": f"deep-{i}", "text": GOOD_TEXT.replace("Tuesday", day)})
            for i, day in ((1, "Monday"), (3, "Friday"))]
    f.write_text("\n".join([good[0], '{"id": "x", "text": ' + "{\"a\": " * depth + "1" + "}" * depth + "}",
                            good[1]]) + "\n", encoding="utf-8")
    return f


def gz_bomb_line(folder: Path, megabytes: int = 200) -> Path:
    """A .jsonl.gz that inflates to ``megabytes`` of one line with no line end (about 1000:1)."""
    f = folder / "bomb.jsonl.gz"
    chunk = b" " * (1 << 20)
    with gzip.open(f, "wb", compresslevel=9) as fh:
        fh.write(b'{"id": "bomb", "text": "')
        for _ in range(megabytes):
            fh.write(chunk)
    return f


def gz_bomb_lines(folder: Path, megabytes: int = 200) -> Path:
    """A .jsonl.gz that inflates to ``megabytes`` of short bad lines: stopped early, not one error
    line per bad line of the whole bomb."""
    f = folder / "bomb-lines.jsonl.gz"
    chunk = b"{}\n" * (1 << 18)
    with gzip.open(f, "wb", compresslevel=9) as fh:
        for _ in range(megabytes * 4 // 3):
            fh.write(chunk)
    return f


def gz_bomb_text(folder: Path, megabytes: int = 200) -> Path:
    """A .txt.gz that inflates to ``megabytes`` of text."""
    f = folder / "bomb.txt.gz"
    chunk = b"war " * (1 << 18)
    with gzip.open(f, "wb", compresslevel=9) as fh:
        for _ in range(megabytes):
            fh.write(chunk)
    return f


def non_string_text(folder: Path) -> Path:
    """JSON Lines whose ``text`` is a number, a list, an object and null."""
    f = folder / "not-strings.jsonl"
    f.write_text("\n".join(json.dumps({"id": f"ns-{i}", "text": v})
                           for i, v in enumerate([42, ["a", "b"], {"body": "x"}, None], 1)) + "\n",
                 encoding="utf-8")
    return f


def bom_mid_line(folder: Path) -> Path:
    """JSON Lines with a byte-order mark inside a line's JSON structure (not in a string)."""
    f = folder / "bom-mid.jsonl"
    f.write_bytes(b'{"id": "bom-1",\xef\xbb\xbf "text": "Officials met on Monday to talk about the truce."}\n')
    return f


def sentence_less_text(folder: Path, chars: int = 1_200_000, seed: int = 7) -> Path:
    """A text of ``chars`` characters of words and commas with no sentence end and no line break."""
    rng = random.Random(seed)
    words = ["forces", "troops", "officials", "talks", "ceasefire", "border", "minister", "rebels", "said", "would", "meet", "in", "the", "capital", "and", "region", "after", "attack", "against", "government,", "envoy,", "agreed"]
    out: list[str] = []
    n = 0
    while n < chars:
        w = rng.choice(words)
        out.append(w)
        n += len(w) + 1
    f = folder / "no-sentence-end.txt"
    f.write_text(" ".join(out)[:chars], encoding="utf-8")
    return f


def brace_text(folder: Path) -> Path:
    """A one-line plain text that begins with ``{``: a .txt is text whatever its first character."""
    f = folder / "brace.txt"
    f.write_text("{The foreign minister said on Monday that his country is ready to contribute to a "
                 "peacekeeping force.}\n", encoding="utf-8")
    return f


MAKERS: tuple[Callable[[Path], Path], ...] = (
    deep_json, deep_jsonl, gz_bomb_line, gz_bomb_lines, gz_bomb_text, non_string_text, bom_mid_line,
    sentence_less_text,
)


def write_all(folder: Path) -> dict[str, Path]:
    """Every hostile input of ``MAKERS`` written into ``folder``, by maker name."""
    folder.mkdir(parents=True, exist_ok=True)
    return {make.__name__: make(folder) for make in MAKERS}
