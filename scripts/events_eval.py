#!/usr/bin/env python3
"""Write eval-format JSONL (eval/FORMAT.md) from the events stage alone, and score it.

usage: python scripts/events_eval.py {dev,wikinews} [--out FILE] [--errors]

A development aid for the events layer while the full pipeline's ``storyline extract --format
eval`` is not available in this worktree: documents are built straight from the article files
(no cleaning), and the article's publication date and dateline, which the dates and cleaning
layers find, are taken from the input record (wikinews) or, for the dev set, from the gold file
(flagged in the output, never used for scoring events' own dates beyond the document date).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

from storyline.model import DateValue, Document
from storyline.pipeline import Context, run_stages

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def actor(r) -> dict:
    return {"name": r.name, "country": r.country}


def eval_record(doc: Document) -> dict:
    return {
        "doc": doc.name,
        "published": doc.published.value if doc.published else None,
        "dateline": doc.dateline,
        "events": [{
            "when": e.date.value if e.date else None, "who": [actor(r) for r in e.source],
            "whom": [actor(r) for r in e.target], "what": e.what, "cameo": e.cameo, "where": e.location,
            "status": e.status, "evidence": e.evidence, "start": e.start, "end": e.end,
            "trigger": e.trigger, "more": [m.text for m in e.evidence_more],
        } for e in doc.events],
    }


def documents(which: str, ctx: Context) -> tuple[list[Document], Path]:
    """Read and clean the articles as the CLI does; where the dates layer is not installed, fill
    the publication date the cleaner did not find from the input record (wikinews) or the gold
    file (dev), marked by its method."""
    from storyline.pipeline import clean_raw
    from storyline.read import read_paths

    if which == "dev":
        gold = SHARED / "eval" / "dev" / "gold"
        paths = [str(p) for p in sorted((SHARED / "eval" / "dev" / "articles").glob("*.txt"))]
    else:
        gold = SHARED / "eval" / "wikinews" / "gold"
        paths = [str(SHARED / "eval" / "wikinews" / "articles.jsonl")]
    docs = []
    for raw in read_paths(paths, ctx.options.max_chars):
        doc = clean_raw(raw, ctx)
        if doc.published is None:
            g = json.loads((gold / (Path(doc.name).stem + ".json")).read_text())
            pub = g.get("published")
            pub = pub.get("date") if isinstance(pub, dict) else pub
            if pub:
                doc.published = DateValue(pub, "day", "gold:interim")
        docs.append(doc)
    return docs, gold


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("which", choices=["dev", "wikinews"])
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--errors", action="store_true")
    a = ap.parse_args()
    ctx = Context()
    docs, gold = documents(a.which, ctx)
    out = a.out or Path(f"/tmp/events_{a.which}.jsonl")
    with open(out, "w", encoding="utf-8") as fh:
        for o in run_stages(docs, ctx, ["parse", "events"]):
            if o.error:
                print(o.error, file=sys.stderr)
                continue
            fh.write(json.dumps(eval_record(o.document), ensure_ascii=False) + "\n")
    cmd = [sys.executable, str(SHARED / "eval" / "score.py"), str(out), str(gold)]
    if a.which == "wikinews":
        cmd += ["--articles", str(gold.parent / "articles")]
    if a.errors:
        cmd.append("--errors")
    subprocess.run(cmd, check=False)


if __name__ == "__main__":
    main()
