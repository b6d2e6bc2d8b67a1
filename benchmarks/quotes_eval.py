"""Runs the whole pipeline over an eval set and writes its eval-format JSON Lines (what
``storyline extract --format eval`` prints), showing each quotation with its speaker and cue.

usage: python benchmarks/quotes_eval.py dev|wikinews OUT.jsonl [--show] [--until-quotes]
then:  python3 ../shared/eval/score.py OUT.jsonl ../shared/eval/<set>/gold --errors

``--show`` lists every quotation and reported statement as the quotes stage found it, with how
sure it is of the speaker: the quickest way to see why a speaker is wrong. ``--until-quotes``
runs the stages up to quotes only (a later stage's failure then costs no article its quotes).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from storyline.export.eval_format import to_eval
from storyline.options import Options
from storyline.pipeline import extract
from storyline.read import read_paths

EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
INPUTS = {"dev": sorted(str(p) for p in (EVAL / "dev" / "articles").glob("*.txt")),
          "wikinews": [str(EVAL / "wikinews" / "articles.jsonl")]}


def main() -> None:
    which, out = sys.argv[1], Path(sys.argv[2])
    show = "--show" in sys.argv
    lines = []
    options = Options()
    if "--until-quotes" in sys.argv:
        options.stages = options.stages[:options.stages.index("quotes") + 1]
    for o in extract(read_paths(INPUTS[which]), options):
        if o.document is None:
            print(o.error, file=sys.stderr)
            continue
        doc = o.document
        lines.append(json.dumps(to_eval(doc), ensure_ascii=False))
        if show:
            print(f"===== {doc.name}")
            for q in doc.quotes:
                who = q.speaker.name if q.speaker else q.speaker_description
                print(f"  [{q.kind:8} {q.confidence:.2f}] {who!r:40.40} {q.cue!r:22.22} {q.text[:70]!r}")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
