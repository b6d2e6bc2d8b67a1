"""The story layer on gold events: what it makes of the dev set when the coding is right.

    python benchmarks/story_gold.py [GOLD_DIR [ARTICLES_DIR]]
    (default: ../shared/eval/dev/gold and ../shared/eval/dev/articles)

Why: benchmarks/story_dev.py measures the whole pipeline, where a miss of the event coder or the
actor linker shows up as a story-layer miss. Here each article is read and cleaned by the real
pipeline (its text, sentences, actors' mentions), but its events are replaced by the gold ones
(evidence located in the cleaned text, who/whom resolved to actors through the knowledge base),
so the figures printed are the story layer's alone: the landmark story events (1988, 1994,
9 November 2020) and the strongest network ties.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from storyline.lexicons import load_lexicon
from storyline.options import Options
from storyline.pipeline import Context, process
from storyline.read import read_paths
from storyline.story import storage
from storyline.story.merge import build_story_events, items_from_documents
from storyline.story.network import build, ties

REPO = Path(__file__).resolve().parents[1]
DEV = REPO.parent / "shared" / "eval" / "dev"
sys.path.insert(0, str(REPO / "tests"))
from story_cases import gold_document  # noqa: E402  (the tests' builder: one way to read gold)


def main(gold_dir: Path, articles_dir: Path) -> None:
    options = Options()
    ctx = Context(options)
    paths = sorted(str(p) for p in articles_dir.glob("*.txt"))
    docs = [o.document for o in process(read_paths(paths, options.max_chars), ctx) if o.document is not None]
    golds = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in gold_dir.glob("*.json")}
    docs = [gold_document(d, golds[Path(d.name).stem], ctx.kb)[0] for d in docs if Path(d.name).stem in golds]
    know = storage.knowledge(options)
    stories = build_story_events(items_from_documents(docs), know, options.story)
    coded = sum(len(d.events) for d in docs)
    print(f"articles: {len(docs)}; gold events: {coded}; story events: {len(stories)}; "
          f"told by 2+ articles: {sum(s.source_count > 1 for s in stories)}")
    for label in ("1988", "1994", "2020-11-09"):
        hits = [s for s in stories if s.date and s.date.value.startswith(label)]
        print(f"{label}: {len(hits)} story events: " + "; ".join(
            f"{s.what} x{s.source_count} ({', '.join(sorted({src.doc or '?' for src in s.sources}))})" for s in hits))
    for a, b, d in ties(build(stories, load_lexicon("story")), 5):
        print(f"tie {a} - {b}: weight {d['weight']}, sign {d['sign']}")


if __name__ == "__main__":
    args = [Path(a) for a in sys.argv[1:]]
    main(args[0] if args else DEV / "gold", args[1] if len(args) > 1 else DEV / "articles")
