"""What the quotes stage costs next to the parse, per document, on the dev and wikinews articles.

usage: python benchmarks/quotes_speed.py [REPEAT]

The parse runs once per document; the quotes stage REPEAT times (default 5) over the same parsed
documents, so the figure is the stage's own time, not the model's.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from storyline.options import Options
from storyline.pipeline import Context, clean_raw, run_stages
from storyline.quotes import run as quotes_stage
from storyline.read import read_paths

EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval"


def main() -> None:
    repeat = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    ctx = Context(Options())
    ctx.nlp  # noqa: B018 - load the model before timing
    paths = [*map(str, sorted((EVAL / "dev" / "articles").glob("*.txt"))), str(EVAL / "wikinews" / "articles.jsonl")]
    docs = [clean_raw(r, ctx) for r in read_paths(paths)]
    t0 = time.perf_counter()
    run_stages(docs, ctx, ["parse"])
    parse = time.perf_counter() - t0
    t0 = time.perf_counter()
    for _ in range(repeat):
        for d in docs:
            quotes_stage(d, ctx)
    quotes = (time.perf_counter() - t0) / repeat
    chars = sum(len(d.text) for d in docs)
    n = sum(len(d.quotes) for d in docs)
    print(f"{len(docs)} documents, {chars:,} characters, {n} quotes and statements")
    print(f"parse  {1000 * parse / len(docs):7.1f} ms/document")
    print(f"quotes {1000 * quotes / len(docs):7.1f} ms/document ({100 * quotes / parse:.0f}% of the parse)")


if __name__ == "__main__":
    main()
