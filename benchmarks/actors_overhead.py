"""What actor linking adds to the pipeline's time per document (issue 3's target: under 20%).

Cleans the articles once, then runs the configured stages over them in two ways in the same
process, alternating, several rounds: with linking (the knowledge-base ruler in the spaCy
pipeline and the ``actors`` stage) and without (the same model without the ruler, the same stages
without ``actors``). Times are this process's CPU time (``time.process_time``), so the load
other processes put on a shared machine counts less than in wall-clock time. Prints milliseconds
per document for each (the median round, and the spread of the rounds) and the difference as a
share of the pipeline without linking.

On a shared machine that difference is within the noise of the parser's time, so the linking
work is also timed directly on the parsed documents: the ruler's matching and the actors stage,
each alone, as a share of the pipeline's time with linking. Last, the one-time costs (loading the
knowledge base, indexing its names for the ruler).

    python benchmarks/actors_overhead.py [--limit 150] [--rounds 3] [PATH ...]

Default input: the Wikinews file of the shared news corpus (293 articles on world affairs).
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import time
from pathlib import Path

from storyline.actors.ruler import MATCHES, WORDS
from storyline.errors import InputError
from storyline.model import Document
from storyline.options import Options
from storyline.pipeline import Context, clean_raw, get_stage, run_stages
from storyline.read import read_paths

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "news-corpus" / "news-wikinews.jsonl.gz"


def _cleaned(paths: list[str], limit: int, ctx: Context) -> list[Document]:
    items = read_paths(paths)
    if limit:
        items = itertools.islice(items, limit)
    docs = []
    for item in items:
        if isinstance(item, InputError):
            continue
        try:
            docs.append(clean_raw(item, ctx))
        except InputError:
            continue
    return docs


def _run(docs: list[Document], ctx: Context, stages: list[str]) -> float:
    fresh = [Document.from_dict(d.to_dict()) for d in docs]
    start = time.process_time()
    for o in run_stages(fresh, ctx, stages):
        if o.error:
            raise SystemExit(o.error)
        o.document.spacy = None
    return time.process_time() - start


def _interleaved(docs: list[Document], runs: list[tuple[str, Context, list[str]]], batch: int,
                 rounds: int) -> dict[str, list[float]]:
    """Each round's seconds per setting, the settings alternating batch by batch (and in turn
    going first), so a change in the machine's load falls on both alike."""
    out: dict[str, list[float]] = {name: [] for name, _, _ in runs}
    for r in range(rounds):
        spent = dict.fromkeys(out, 0.0)
        for b, i in enumerate(range(0, len(docs), batch)):
            order = runs if (r + b) % 2 == 0 else runs[::-1]
            for name, ctx, stages in order:
                spent[name] += _run(docs[i:i + batch], ctx, stages)
        for name in out:
            out[name].append(spent[name])
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", default=[str(CORPUS)])
    ap.add_argument("--limit", type=int, default=150, help="articles to use (0: all)")
    ap.add_argument("--rounds", type=int, default=3, help="timed rounds per setting (the median is shown)")
    a = ap.parse_args()

    with_ctx = Context(Options())
    t = time.process_time()
    with_ctx.kb  # noqa: B018
    kb_load = time.process_time() - t
    t = time.process_time()
    with_ctx.nlp  # noqa: B018 - loads the model and indexes the knowledge base's names for the ruler
    model_and_ruler = time.process_time() - t
    without_ctx = Context(Options())
    import spacy

    from storyline.parse import paragraph_boundaries  # noqa: F401 - registers the paragraph component

    nlp = spacy.load(with_ctx.options.model)
    nlp.add_pipe("storyline_paragraphs", before="parser")
    without_ctx.__dict__["nlp"] = nlp  # the same model, without the knowledge-base ruler

    docs = _cleaned(a.paths, a.limit, with_ctx)
    stages = list(with_ctx.options.stages)
    stages_without = [s for s in stages if s != "actors"]
    batch = with_ctx.options.batch_size
    _run(docs[:20], with_ctx, stages)  # warm both up
    _run(docs[:20], without_ctx, stages_without)
    times = _interleaved(docs, [("with", with_ctx, stages), ("without", without_ctx, stages_without)],
                         batch, a.rounds)
    n = len(docs)
    w = statistics.median(times["with"]) / n * 1000
    wo = statistics.median(times["without"]) / n * 1000
    # the linking work alone, on parsed documents
    parsed = [o.document for o in run_stages([Document.from_dict(d.to_dict()) for d in docs], with_ctx, ["parse"])]
    ruler = with_ctx.nlp.get_pipe("storyline_actor_ruler")
    for d in parsed:
        d.spacy.user_data.pop(WORDS, None)
    t = time.process_time()
    for d in parsed:
        d.spacy.user_data[MATCHES] = ruler.find(d.spacy)
    ruler_ms = (time.process_time() - t) / n * 1000
    stage = get_stage("actors")
    t = time.process_time()
    for d in parsed:
        stage.func(d, with_ctx)
    stage_ms = (time.process_time() - t) / n * 1000
    mentions = sum(len(d.mentions) for d in parsed) / max(1, n)
    chars = sum(len(d.text) for d in docs) / max(1, n)
    print(f"{n} articles ({chars:,.0f} characters on average), stages {', '.join(stages)}, {a.rounds} rounds")
    spread = {k: f"{min(v) / n * 1000:.1f}-{max(v) / n * 1000:.1f}" for k, v in times.items()}
    print(f"without linking: {wo:.1f} ms/document (rounds {spread['without']})   with linking: {w:.1f} "
          f"ms/document (rounds {spread['with']}), CPU time")
    print(f"difference: {w - wo:+.1f} ms/document = {100 * (w - wo) / wo:+.1f}% of the pipeline without linking")
    print(f"timed alone: ruler {ruler_ms:.1f} ms + actors stage {stage_ms:.1f} ms = {ruler_ms + stage_ms:.1f} "
          f"ms/document = {100 * (ruler_ms + stage_ms) / w:.1f}% of the pipeline with linking (target: under 20%)")
    print(f"one-time: knowledge base {kb_load:.2f} s ({len(with_ctx.kb):,} actors), model + ruler index "
          f"{model_and_ruler:.2f} s; {mentions:.0f} mentions per document")


if __name__ == "__main__":
    main()
