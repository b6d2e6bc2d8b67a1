"""Runs the quotes stage over an eval set and writes eval-format JSON Lines with its quotations.

usage: python benchmarks/quotes_eval.py dev|wikinews OUT.jsonl [--show]

Until the readers and cleaning stage land on main this builds Documents straight from the
article texts (dev: the .txt files; wikinews: articles.jsonl records), so the figures measure the
quotes stage alone. Score with ../shared/eval/score.py OUT.jsonl ../shared/eval/<set>/gold.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from storyline.model import DateValue, Document, content_id
from storyline.pipeline import Context, run_stages
from storyline.quotes import eval_quotes

EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval"


def documents(which: str) -> list[Document]:
    if which == "dev":
        return [Document(id=content_id(p.read_text(encoding="utf-8")), name=p.name, origin=str(p),
                         text=p.read_text(encoding="utf-8"))
                for p in sorted((EVAL / "dev" / "articles").glob("*.txt"))]
    docs = []
    for line in (EVAL / "wikinews" / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        docs.append(Document(id=content_id(r["text"]), name=r["id"], origin=r["id"], text=r["text"],
                             title=r.get("title"), published=DateValue(r["date"], "day", "metadata:jsonl")))
    return docs


def main() -> None:
    which, out = sys.argv[1], Path(sys.argv[2])
    show = "--show" in sys.argv
    ctx = Context()
    stages = [s for s in ("parse", "dates", "actors", "quotes")]
    lines = []
    for o in run_stages(documents(which), ctx, stages):
        if o.document is None:
            print(o.error, file=sys.stderr)
            continue
        doc = o.document
        lines.append(json.dumps({"doc": doc.name, "quotes": eval_quotes(doc)}, ensure_ascii=False))
        if show:
            print(f"===== {doc.name}")
            for q in doc.quotes:
                who = q.speaker.name if q.speaker else q.speaker_description
                print(f"  [{q.kind:8} {q.confidence:.2f}] {who!r:40.40} {q.cue!r:22.22} {q.text[:70]!r}")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
