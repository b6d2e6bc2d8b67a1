"""What the story layer makes of a set of articles: figures measured, not asserted.

    python benchmarks/story_dev.py [ARTICLES...]   (default: the bundled dev examples)

Ingests the articles into a fresh DuckDB file, runs the story update, and prints: events coded,
story events, how many were told by several articles, the story events of the dev set's
landmarks (1988, 1994, 9 November 2020), the strongest network ties and edges, and the update's time.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from storyline.ingest import ingest
from storyline.lexicons import load_lexicon
from storyline.options import Options
from storyline.pipeline import Context
from storyline.read import read_paths
from storyline.store import Store
from storyline.story import storage
from storyline.story.network import build, strongest, ties

REPO = Path(__file__).resolve().parents[1]


def main(paths: list[str]) -> None:
    paths = paths or [str(p) for p in sorted((REPO / "examples").glob("*.txt"))]
    with tempfile.TemporaryDirectory() as tmp:
        options = Options(db=Path(tmp) / "bench.duckdb")
        ctx = Context(options)
        with Store(options.db) as store:
            for _ in ingest(read_paths(paths, options.max_chars), store, ctx):
                pass
            t0 = time.perf_counter()
            report = storage.update(store, options)
            took = time.perf_counter() - t0
            events = storage.story_events(store)
            coded = store.count("events")
    print(f"articles: {len(paths)}; events coded: {coded}; story events: {len(events)}; "
          f"told by 2+ articles: {sum(s.source_count > 1 for s in events)}; update: {took:.2f}s")
    print(f"update: {report.line()}")
    for label, prefix in (("1988", "1988"), ("1994", "1994"), ("2020-11-09", "2020-11-09")):
        hits = [s for s in events if s.date and s.date.value.startswith(prefix)]
        print(f"{label}: {len(hits)} story events: " + "; ".join(
            f"{s.what} x{s.source_count} ({', '.join(sorted({src.doc or '?' for src in s.sources}))})" for s in hits))
    g = build(events, load_lexicon("story"))
    for a, b, d in ties(g, 5):
        print(f"tie {a} - {b}: weight {d['weight']}, sign {d['sign']}")
    for a, b, d in strongest(g, 5):
        print(f"edge {a} -> {b}: weight {d['weight']}, sign {d['sign']}, {d['relations']}")


if __name__ == "__main__":
    main(sys.argv[1:])
