"""CPU seconds of each pipeline stage over the first N articles of a corpus, in one process.

Why next to ``throughput.py``: that one measures the whole ``storyline ingest`` process against
spaCy alone; this one says which stage the difference is spent in (cleaning, the parse with
storyline's own spaCy components, dates, actors, quotes, events), without cProfile's overhead,
which inflates stages made of many small Python calls. The process is set up as a worker of
``--workers N`` is: the fork server's warm-up (model, knowledge base, lexicons, the coder's whole
pattern index) and ``gc.freeze`` before the clock starts, then the worker's collector settings.
Two rows follow the stages: ``transfer``, the pickling of each batch's outcomes and their
unpickling (what a worker sends the main process), and ``output``, the JSON lines ``storyline
extract`` writes from them. No database is written; the articles are read with storyline's
reader and kept in memory only.

    python benchmarks/stage_costs.py [--corpus FILE] [--limit 200] [--rounds 3]
"""

from __future__ import annotations

import argparse
import gc
import itertools
import pickle
import time
from pathlib import Path
from typing import Any

from storyline import pipeline, stages
from storyline.cli_options import json_line
from storyline.export import document_record
from storyline.pipeline import Context, Stage, get_stage, process_batch
from storyline.preload import worker_collector
from storyline.preload_server import warm_up
from storyline.read import read_paths

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "news-corpus" / "news-bbc.jsonl.gz"


def _articles(corpus: Path, limit: int) -> list[Any]:
    """The first ``limit`` items storyline's own reader yields for the corpus."""
    return list(itertools.islice(read_paths([corpus]), limit))


def _timed(name: str, func: Any, spent: dict[str, float]) -> Any:
    def run(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return func(*args, **kwargs)
        finally:
            spent[name] = spent.get(name, 0.0) + time.process_time() - start

    return run


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS, help="a JSON Lines corpus (.jsonl or .jsonl.gz)")
    ap.add_argument("--limit", type=int, default=200, help="articles to use (the first N)")
    ap.add_argument("--rounds", type=int, default=3, help="repeat the run, keep each stage's lowest figure")
    a = ap.parse_args()

    ctx = Context()
    names = list(ctx.options.stages)
    articles = _articles(a.corpus, a.limit)
    warm_up(ctx)  # as the fork server: model, knowledge base, lexicons, compiled patterns
    process_batch(articles[:1], ctx)
    gc.freeze()
    worker_collector()

    spent: dict[str, float] = {}
    for name in names:
        s = get_stage(name)
        stages.install({name: Stage(s.name, _timed(name, s.func, spent), s.needs, s.adds,
                                    _timed(name, s.batch, spent) if s.batch else None, s.reads)})
    pipeline.clean_raw = _timed("clean", pipeline.clean_raw, spent)  # type: ignore[assignment]

    best: dict[str, float] = {}
    totals = []
    for _ in range(a.rounds):
        spent.clear()
        start = time.process_time()
        failed = 0
        for batch in pipeline._batches(articles, ctx.options.batch_size):
            outcomes = _timed("transfer", lambda o: pickle.loads(pickle.dumps(o)), spent)(process_batch(batch, ctx))
            failed += sum(o.error is not None for o in outcomes)
            _timed("output", lambda os: [json_line(document_record(o.document, "json")) for o in os
                                         if o.document is not None], spent)(outcomes)
        totals.append(time.process_time() - start)
        for k, v in spent.items():
            best[k] = min(best.get(k, v), v)
    n = len(articles)
    print(f"{n} articles from {a.corpus.name}, {failed} failed; lowest of {a.rounds} round(s), CPU time")
    print(f"{'stage':10} {'CPU s':>8} {'ms/doc':>8}")
    for k in ["clean", *names, "transfer", "output"]:
        if k in best:
            print(f"{k:10} {best[k]:8.2f} {1000 * best[k] / n:8.2f}")
    print(f"{'all':10} {min(totals):8.2f} {1000 * min(totals) / n:8.2f}  (parse: spaCy and storyline's components)")
    print(f"{'not parse':10} {min(totals) - best['parse']:8.2f} {1000 * (min(totals) - best['parse']) / n:8.2f}  "
          "(all less the parse: what storyline adds to spaCy's work)")


if __name__ == "__main__":
    main()
