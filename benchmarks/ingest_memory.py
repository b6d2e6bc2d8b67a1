"""Peak memory of ``storyline ingest`` at several corpus sizes: does it stay flat as the corpus grows?

Why: a corpus of a million articles must ingest in the memory a thousand need. Documents stream
through the workers with a bounded number of batches in flight, and the store commits a group
at a time, so the per-document stages should hold nothing that grows with the corpus; what can
grow is what the main process keeps (the store's cache, the story update at the end, which
works a date bucket at a time). The issue's target: a 20,000-article ingest within 1.3x the
peak of a 2,000-article one.

Each size is ingested by ``storyline ingest --workers W`` into a new temporary database, in a
fresh subprocess under a wrapper (``throughput.measure``), which reports ``ru_maxrss`` of the
largest process (the main process or a worker) and samples the whole process tree. The
main process's and the largest worker's own peaks are sampled apart: the main process holds the
store and runs the story update, the workers the model and the stages. The articles are the
first N of the corpus files, one of each file in turn (the corpus holds 19,678 articles, so
20,000 is out of reach: take 2,000 against 10,000 or 19,000). Nothing is written to the
repository; the temporary files are deleted.

    python benchmarks/ingest_memory.py [--sizes 2000 10000] [--corpus FILE ...] [--workers 2]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import throughput
from throughput import _sample

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "news-corpus" / "news-reuters21578.jsonl.gz"


def _rss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as fh:
            return next((int(line.split()[1]) for line in fh if line.startswith("VmRSS:")), 0)
    except OSError:
        return 0


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as fh:
            return [int(p) for p in fh.read().split()]
    except OSError:
        return []


def _descendants(pid: int) -> list[int]:
    """Every process under ``pid``: the workers are children of multiprocessing's fork server,
    itself a child of the main process, so its children alone would miss them."""
    out, todo = [], _children(pid)
    while todo:
        child = todo.pop()
        out.append(child)
        todo.extend(_children(child))
    return out


def measure(cmd: list[str]) -> dict[str, Any]:
    """Run ``cmd`` (in the wrapper process): ``throughput.measure``'s figures (wall time, CPU,
    ``ru_maxrss`` of the largest process, the sampled peak of the tree) and the sampled peaks of
    the main process and of its largest descendant (a worker, or the fork server they come from)."""
    peaks = {"main_kib": 0, "worker_kib": 0}

    def watch(pid: int) -> None:
        peaks["main_kib"] = max(peaks["main_kib"], _rss_kib(pid))
        peaks["worker_kib"] = max([peaks["worker_kib"], *(_rss_kib(c) for c in _descendants(pid))])

    result = throughput.measure(cmd, watch)
    return {**result, **peaks, "stderr": result["stderr"][-3000:]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[2000, 10000], help="articles per ingest")
    ap.add_argument("--corpus", type=Path, nargs="+", default=[CORPUS], help="JSON Lines corpora (.jsonl[.gz])")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--measure", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.measure:
        print(json.dumps(measure(json.loads(a.measure))))
        return
    names = ", ".join(c.name for c in a.corpus)
    print(f"storyline ingest --workers {a.workers}, articles from {names}, {os.cpu_count()} CPUs")
    head = (f"{'articles':>8} {'wall s':>7} {'CPU s':>7} {'load':>5} {'peak RSS MB':>11} {'main MB':>7} "
            f"{'worker MB':>9} {'tree MB':>7} {'x first':>7}")
    print(head)
    print("-" * len(head), flush=True)
    first = 0
    with tempfile.TemporaryDirectory(prefix="storyline-memory-") as tmp:
        for size in a.sizes:
            sample, db = Path(tmp) / f"{size}.jsonl", Path(tmp) / f"{size}.duckdb"
            n = _sample(a.corpus, size, sample)
            cmd = [sys.executable, "-m", "storyline", "ingest", str(sample), "--db", str(db),
                   "--workers", str(a.workers)]
            out = subprocess.run([sys.executable, __file__, "--measure", json.dumps(cmd)],
                                 capture_output=True, text=True, check=True)
            r = json.loads(out.stdout)
            if r["code"] not in (0, 1):
                sys.exit(f"ingest of {n} articles exited with {r['code']}:\n{r['stderr']}")
            sample.unlink()
            db.unlink()
            first = first or r["maxrss_kib"]  # each line as its ingest ends: a long run shows what it has
            print(f"{n:8,} {r['wall']:7.0f} {r['cpu']:7.0f} {os.getloadavg()[0]:5.1f} {r['maxrss_kib'] / 1024:11.0f} "
                  f"{r['main_kib'] / 1024:7.0f} {r['worker_kib'] / 1024:9.0f} {r['tree_kib'] / 1024:7.0f} "
                  f"{r['maxrss_kib'] / first:7.2f}", flush=True)
    print("peak RSS: ru_maxrss of the largest process of the run; main, worker (the largest) and tree (every "
          f"process summed): sampled every {throughput.SAMPLE_SECONDS} s; load: the 1-minute load average when the ingest ended.")


if __name__ == "__main__":
    main()
