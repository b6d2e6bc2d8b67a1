#!/usr/bin/env python3
"""Type accuracy of the event coder on PLOVER's gold-standard records (the CAMEO manual examples).

usage: python benchmarks/plover_gsr_eval.py [--shared DIR] [--show N]

The 322 sentences of ``<shared>/data/plover-gsr/plover_gsr_cameo.normalized.jsonl`` (CC BY-SA 4.0,
Open Event Data Alliance / Parus Analytics) are each hand-coded with one PLOVER event. Each is run
through the parse and events stages as a one-sentence document; the event compared is the one
whose trigger words appear in the record's ``event_text`` (else the first one coded). Printed:
coverage (sentences with any event), type accuracy over all sentences and over covered ones, and
a per-type table. VISIT and MEDIATE count as CONSULT, their PLOVER type; STATEMENT, which PLOVER
leaves out, counts as wrong.

A development measure, not a test: the manual's examples are short and clean, and several are
about domestic politics the project does not target.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from storyline.model import DateValue, Document, content_id
from storyline.pipeline import Context, run_stages

DEFAULT_SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def plover_type(event) -> str | None:
    """The event's class in PLOVER's own reading: an intended or announced act (status planned)
    is PLOVER's AGREE (eval/FORMAT.md codes it as the act itself, planned); VISIT and MEDIATE
    are CONSULT; a statement has no PLOVER type."""
    if event.status == "planned":
        return "AGREE"
    if event.what in ("VISIT", "MEDIATE"):
        return "CONSULT"
    if event.what == "STATEMENT":
        return None
    return event.what


def pick(events, event_text: str):
    words = {w.lower() for w in event_text.replace("-", " ").split()}
    events = [e for e in events if e.what != "STATEMENT"] or events
    for e in events:
        trig = {w.lower() for w in (e.trigger or "").split()}
        if trig & words:
            return e
    return events[0] if events else None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    ap.add_argument("--show", type=int, default=0, help="print this many misses")
    a = ap.parse_args()
    path = a.shared / "data" / "plover-gsr" / "plover_gsr_cameo.normalized.jsonl"
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    docs = [Document(id=content_id(r["text"]), name=r["id"], origin=r["id"], text=r["text"],
                     published=DateValue("2000-01-01", "day", "benchmark")) for r in records]
    ctx = Context()
    outcomes = run_stages(docs, ctx, ["parse", "events"])
    per_type: dict[str, Counter] = {}
    covered = right = 0
    misses = []
    for r, o in zip(records, outcomes, strict=True):
        gold = r["event_plover_current"]
        tally = per_type.setdefault(gold, Counter())
        tally["n"] += 1
        events = o.document.events if o.document is not None else []
        e = pick(events, r.get("event_text") or "")
        if e is None:
            misses.append((gold, None, r["text"]))
            continue
        covered += 1
        tally["covered"] += 1
        got = plover_type(e)
        if got == gold:
            right += 1
            tally["right"] += 1
        else:
            misses.append((gold, f"{got} ({e.cameo} {e.trigger!r})", r["text"]))
    n = len(records)
    print(f"PLOVER-GSR: {n} sentences; coverage {covered / n:.3f} ({covered}/{n}); "
          f"type accuracy {right / n:.3f} ({right}/{n}); on covered {right / max(covered, 1):.3f}")
    print(f"{'type':<11}{'n':>5}{'covered':>9}{'right':>7}{'acc':>7}")
    for t in sorted(per_type):
        c = per_type[t]
        print(f"{t:<11}{c['n']:>5}{c['covered']:>9}{c['right']:>7}{c['right'] / c['n']:>7.2f}")
    for gold, got, text in misses[: a.show]:
        print(f"  gold {gold:<10} got {got or 'nothing':<40} {text[:110]}")


if __name__ == "__main__":
    main()
