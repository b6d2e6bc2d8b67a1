"""How fast articles are read and cleaned (no parsing): articles per second, and what came out.

Reads the given files, folders or globs (default: the shared news corpus) with ``read_paths`` and
cleans each article with ``clean_raw``, in one process. Prints the rate and, per source, how many
articles got a title, a dateline, a publication date and a standfirst, how many lines cleaning
removed, and how many inputs failed (with the first few errors).

    python benchmarks/read_clean_throughput.py [--limit N] [PATH ...]
"""

from __future__ import annotations

import argparse
import itertools
import time
from collections import Counter, defaultdict
from pathlib import Path

from storyline.errors import InputError
from storyline.pipeline import Context, clean_raw
from storyline.read import read_paths

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "news-corpus"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", default=[str(CORPUS)])
    ap.add_argument("--limit", type=int, default=0, help="stop after this many inputs (0: all)")
    a = ap.parse_args()
    ctx = Context()
    per_source: dict[str, Counter[str]] = defaultdict(Counter)
    errors: list[str] = []
    chars = 0
    items = read_paths(a.paths)
    if a.limit:
        items = itertools.islice(items, a.limit)
    start = time.perf_counter()
    for item in items:
        if isinstance(item, InputError):
            errors.append(str(item))
            continue
        try:
            doc = clean_raw(item, ctx)
        except InputError as e:
            errors.append(str(e))
            continue
        c = per_source[str(doc.metadata.get("source") or doc.metadata.get("kind") or "file")]
        c["articles"] += 1
        c["title"] += bool(doc.title)
        c["dateline"] += bool(doc.dateline)
        c["published"] += bool(doc.published)
        c["standfirst"] += bool(doc.metadata.get("standfirst"))
        c["removed lines"] += len(doc.removed)
        chars += len(doc.text)
    took = time.perf_counter() - start
    total = sum(c["articles"] for c in per_source.values())
    print(f"{total:,} articles read and cleaned in {took:.1f} s: {total / took:,.0f} articles/s, "
          f"{chars / took / 1e6:.1f} M characters/s; {len(errors)} inputs failed")
    for source, c in sorted(per_source.items()):
        print(f"  {source}: " + ", ".join(f"{k} {v:,}" for k, v in c.items()))
    for e in errors[:10]:
        print("  error:", e)


if __name__ == "__main__":
    main()
