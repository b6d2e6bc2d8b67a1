"""How well the publisher is read for outlets the outlet table does not know: each page of an
eval set is cleaned with a table from which its own outlet (the gold publisher, and every outlet
on the page's domain) is left out, and the publisher found is scored as ``score.py`` does.

Why: on the eval sets most publishers come from the table (the page's domain, a known spelling),
so their figure says little about a page from an outlet nobody added; this one does.

usage: python benchmarks/publisher_blind.py [pages|dev|wikinews] [--show] [--no-url]
``--no-url`` also drops the page's address (the publisher must then come from the text alone).
"""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from pathlib import Path

from storyline.clean import clean
from storyline.clean.outlets import OutletTable, bundled_outlets
from storyline.clean.patterns import build
from storyline.errors import InputError
from storyline.pipeline import Context
from storyline.read import read_paths

EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
sys.path.insert(0, str(EVAL))
from score import same_actor  # noqa: E402  (the scorer's own name match)

INPUTS = {"pages": [EVAL / "pages" / "articles.jsonl"], "wikinews": [EVAL / "wikinews" / "articles.jsonl"],
          "dev": sorted((EVAL / "dev" / "articles").glob("*.txt"))}


def blind_table(gold: str | None, url: str | None) -> OutletTable:
    """The bundled table without the gold outlet and without any outlet on the page's domain."""
    full = bundled_outlets()
    on_page = full.for_host(url) if url else None
    kept = OutletTable()
    for o in full.outlets:
        if o is on_page or (gold and any(same_actor(gold, s) for s in (o.name, *o.spellings))):
            continue
        kept.add(o)
    return kept


def main() -> None:
    which = next((a for a in sys.argv[1:] if not a.startswith("--")), "pages")
    show, no_url = "--show" in sys.argv, "--no-url" in sys.argv
    gold_dir = EVAL / which / "gold"
    golds = {}
    for f in gold_dir.glob("*.json"):
        g = json.loads(f.read_text(encoding="utf-8"))
        golds[g["doc"]] = golds[Path(g["doc"]).stem] = g.get("publisher")
    right = total = 0
    for raw in read_paths([str(p) for p in INPUTS[which]]):
        if isinstance(raw, InputError):
            continue
        gold = golds.get(raw.name, golds.get(Path(raw.name).stem))
        url = raw.metadata.get("url")
        if no_url:
            raw = replace(raw, metadata={k: v for k, v in raw.metadata.items() if k != "url"})
        ctx = Context()
        ctx.cache["clean:patterns"] = build(ctx.lexicon("boilerplate") or {}, ctx.lexicon("publishers") or {},
                                            ctx.lexicon("datelines") or {}, table=blind_table(gold, url))
        doc = clean(raw, ctx)
        ok = (gold is None and not doc.publisher) or bool(gold and doc.publisher and same_actor(gold, doc.publisher))
        right += ok
        total += 1
        if show or not ok:
            print(f"{'ok ' if ok else 'BAD'} {raw.name[:50]:50} gold={gold!r} got={doc.publisher!r} "
                  f"from={doc.metadata.get('publisher_source')!r} ({(doc.publisher_evidence or '')[:60]!r})")
    print(f"publisher_blind {which}{' no-url' if no_url else ''}: {right}/{total} = {right / max(total, 1):.3f}")


if __name__ == "__main__":
    main()
