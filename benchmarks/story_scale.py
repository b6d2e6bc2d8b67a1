"""How the story rebuild grows with the articles of one year: time per document at several sizes.

    python benchmarks/story_scale.py SOURCE.duckdb [--base 1000] [--sizes 1000,2000,5000,10000] [--rounds 2]

SOURCE is a store ingested once (any articles; Reuters-21578's are all from 1987). Ingesting
10,000 real articles takes hours on a small machine, so the larger corpora are made from the
first ``--base`` stored documents: copy r of a document has the id ``<id>r<r>``, its lowercase
letters rotated by r places (so copies are neither near-duplicates of each other nor alike in
their words), every stored row of it (sentences, mentions, events, actors of events, quotes ...)
copied with it, and its publication date moved to a day of 1987 drawn from its id and r (so
every corpus spreads over one year, ten times denser at 10,000 than at 1,000). Stated event
dates are kept: copies of a dated event tell the same happening on the same day, as outlets do.
Then ``story --rebuild`` is timed on each corpus, and the time per document printed, with its
ratio to the smallest corpus's, and the process's peak memory so far (sizes run smallest first, so
each line's peak is its own where memory grows with the corpus). The ratio is of CPU time (every thread of the process): on a
shared machine wall time measures the neighbours as much as the code. ``--rounds N`` rebuilds every
corpus N times, the sizes in turn, and takes each size's least CPU time: the neighbours' load
inflates CPU time too (shared caches), and taking turns exposes every size to it alike. The
libraries the rebuild loads once (datasketch, scipy) are imported before the first timing.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import string
import tempfile
import time
from pathlib import Path

import duckdb

from storyline.options import Options
from storyline.store import Store
from storyline.story import storage

#: Tables of the per-document records (doc_id columns) and their columns of article text.
TABLES = {"sentences": [], "document_actors": [], "mentions": ["text"], "timexes": ["text"],
          "quotes": ["text"], "events": ["evidence"], "event_actors": ["text"], "event_sources": ["text"]}
LOWER = string.ascii_lowercase


def _rotate(col: str, r: int) -> str:
    return f"translate({col}, '{LOWER}', '{LOWER[r:] + LOWER[:r]}')"


def _day(id_col: str, r: int) -> str:
    """A day of 1987 drawn from the document's id and the copy number."""
    return f"strftime(DATE '1987-01-01' + CAST(hash({id_col} || '{r}') % 365 AS INTEGER), '%Y-%m-%d')"


def make_corpus(source: Path, target: Path, base: int, copies: int) -> int:
    """``target``: the first ``base`` documents of ``source`` and ``copies - 1`` rotated copies of
    each, every one dated within 1987 (see the module's docstring)."""
    shutil.copy(source, target)
    con = duckdb.connect(str(target))
    con.execute("CREATE TEMP TABLE keep AS SELECT id FROM documents ORDER BY id LIMIT ?", [base])
    for t in [*TABLES, "documents"]:
        col = "id" if t == "documents" else "doc_id"
        con.execute(f"DELETE FROM {t} WHERE {col} NOT IN (SELECT id FROM keep)")
    con.execute("UPDATE documents SET published_value = " + _day("id", 0) + ", published_precision = 'day'")
    # the full date (what documents are read back with) moved too, so the story layer sees the new day
    con.execute("UPDATE documents SET published = json_object('value', published_value, 'precision', 'day')")
    cols = {t: [r[0] for r in con.execute(f"SELECT column_name FROM information_schema.columns "
                                          f"WHERE table_name = '{t}' ORDER BY ordinal_position").fetchall()]
            for t in [*TABLES, "documents"]}
    for r in range(1, copies):
        for t, texts in TABLES.items():
            sel = [f"doc_id || 'r{r}'" if c in ("doc_id", "evidence_doc_id") else _rotate(c, r) if c in texts
                   else f'"{c}"' for c in cols[t]]
            con.execute(f"INSERT INTO {t} SELECT {', '.join(sel)} FROM {t} WHERE doc_id IN (SELECT id FROM keep)")
        special = {"id": f"id || 'r{r}'", "name": f"name || '#r{r}'", "text": _rotate("text", r),
                   "title": _rotate("title", r), "published_value": _day("id", r),
                   "published": f"json_object('value', {_day('id', r)}, 'precision', 'day')"}
        sel = [special.get(c, f'"{c}"') for c in cols["documents"]]
        con.execute(f"INSERT INTO documents SELECT {', '.join(sel)} FROM documents WHERE id IN (SELECT id FROM keep)")
    n = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    con.close()
    return n


def _rebuild(db: Path) -> tuple[int, int, int, float, float]:
    """One ``story --rebuild`` of the corpus in ``db``: documents, events, story events, wall
    and CPU seconds."""
    with Store(db) as store:
        docs, events = store.count("documents"), store.count("events")
        t0, c0 = time.perf_counter(), time.process_time()
        report = storage.rebuild(store, Options(db=db))
        return docs, events, report.story_events, time.perf_counter() - t0, time.process_time() - c0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("source", type=Path)
    ap.add_argument("--base", type=int, default=1000)
    ap.add_argument("--sizes", default="1000,2000,5000,10000")
    ap.add_argument("--rounds", type=int, default=1, help="rebuilds of every size, the sizes in turn; the least "
                                                          "CPU time of each size is its figure")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    # what the rebuild loads once per process (MinHash, sparse matrices) is loaded before any
    # timing, so the first size does not carry a cost that no document causes
    import datasketch  # noqa: F401
    from scipy import sparse  # noqa: F401

    best: dict[int, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        dbs = {size: Path(tmp) / f"story-{size}.duckdb" for size in sizes}
        for size, db in dbs.items():
            make_corpus(args.source, db, args.base, max(1, size // args.base))
        for r in range(1, args.rounds + 1):
            for size, db in dbs.items():
                docs, events, story, took, cpu = _rebuild(db)
                best[size] = min(best.get(size, cpu), cpu)
                per, first = cpu / docs, best[sizes[0]] / dbs_docs(dbs, sizes[0])
                print(f"round {r}: {docs:>6} articles, {events:>6} events -> {story:>6} story events: rebuild "
                      f"{took:7.1f} s wall, {cpu:7.1f} s CPU, {1000 * per:6.2f} ms CPU per article "
                      f"({per / first:.2f}x the first's best), load {os.getloadavg()[0]:.1f}, peak RSS so far "
                      f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB", flush=True)
        if args.rounds > 1:
            first = best[sizes[0]] / dbs_docs(dbs, sizes[0])
            print("least CPU of " + str(args.rounds) + " rounds, ms per article: " + ", ".join(
                f"{size}: {1000 * best[size] / dbs_docs(dbs, size):.2f} "
                f"({best[size] / dbs_docs(dbs, size) / first:.2f}x)" for size in sizes))


def dbs_docs(dbs: dict[int, Path], size: int) -> int:
    """The documents of one corpus (copies of ``--base`` documents, so about ``size``)."""
    con = duckdb.connect(str(dbs[size]), read_only=True)
    try:
        return con.execute("SELECT count(*) FROM documents").fetchone()[0]
    finally:
        con.close()


if __name__ == "__main__":
    main()
