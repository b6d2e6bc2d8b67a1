"""TempEval-3 style evaluation of the dates stage on TimeML (.tml) files.

Usage: ``python benchmarks/timeml_eval.py DIR [--errors]``. Every ``.tml`` file under DIR is
read (its TEXT with the TIMEX3 annotations, its DCT as the document date), run through the real
pipeline (parse, dates) and compared with the gold TIMEX3 expressions, the DCT excluded as
TempEval-3 does. The last line printed is ``strict_f1=... relaxed_f1=... value_f1=...``:

- relaxed: a system and a gold expression match where their extents overlap;
- strict: where their extents are the same;
- value F1: relaxed F1 times the accuracy of ``value`` over the relaxed matches.
"""

from __future__ import annotations

import argparse
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from storyline.model import DateValue, Document, content_id
from storyline.pipeline import Context, run_stages


@dataclass
class Gold:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass
class TmlDoc:
    name: str
    text: str
    dct: str
    gold: list[Gold] = field(default_factory=list)


def _walk(elem: ET.Element, parts: list[str], gold: list[Gold], offset: list[int]) -> None:
    """Flatten an element's text, recording the extent of every TIMEX3 inside it."""
    start = offset[0]
    if elem.text:
        parts.append(elem.text)
        offset[0] += len(elem.text)
    for child in elem:
        _walk(child, parts, gold, offset)
        if child.tail:
            parts.append(child.tail)
            offset[0] += len(child.tail)
    if elem.tag == "TIMEX3":
        text = "".join(parts)[start:offset[0]]
        gold.append(Gold(start, offset[0], text, elem.get("type", ""), elem.get("value", "")))


def read_tml(path: Path) -> TmlDoc:
    root = ET.parse(path).getroot()
    dct = ""
    for t in root.iter("TIMEX3"):
        if t.get("functionInDocument") == "CREATION_TIME":
            dct = t.get("value", "")
            break
    body = root.find("TEXT")
    if body is None or not dct:
        raise SystemExit(f"{path}: a TimeML file needs a TEXT element and a CREATION_TIME TIMEX3")
    parts: list[str] = []
    gold: list[Gold] = []
    _walk(body, parts, gold, [0])
    gold = [g for g in gold if g.value != dct or g.text.strip()]  # the DCT never sits in TEXT
    return TmlDoc(path.stem, "".join(parts), dct, sorted(gold, key=lambda g: g.start))


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def evaluate(docs: list[TmlDoc], ctx: Context, show_errors: bool = False) -> dict[str, float]:
    pdocs = []
    for d in docs:
        precision = "time" if "T" in d.dct else "day"
        pdocs.append(Document(id=content_id(d.text), name=d.name, origin=d.name, text=d.text,
                              published=DateValue(d.dct, precision, "metadata:dct")))
    outcomes = run_stages(pdocs, ctx, ["parse", "dates"])
    n_sys = n_gold = sys_hit = gold_hit = strict = matched = right = 0
    for d, o in zip(docs, outcomes, strict=True):
        if o.error:
            print(o.error, file=sys.stderr)
            continue
        system = [(t.start, t.end, t.value or "", t.text) for t in o.document.timexes]
        n_sys += len(system)
        n_gold += len(d.gold)
        sys_hit += sum(any(s < g.end and g.start < e for g in d.gold) for s, e, _, _ in system)
        strict += sum(any(s == g.start and e == g.end for g in d.gold) for s, e, _, _ in system)
        for g in d.gold:
            over = [x for x in system if x[0] < g.end and g.start < x[1]]
            if not over:
                if show_errors:
                    print(f"MISS\t{d.name}\t{d.dct}\t{g.text!r}\t{g.value}\t{_context(d.text, g.start, g.end)}")
                continue
            gold_hit += 1
            best = max(over, key=lambda x: min(x[1], g.end) - max(x[0], g.start))
            matched += 1
            if best[2] == g.value:
                right += 1
            elif show_errors:
                print(f"VALUE\t{d.name}\t{d.dct}\t{g.text!r}->{best[3]!r}\t{g.value}\t{best[2]}\t"
                      f"{_context(d.text, g.start, g.end)}")
        if show_errors:
            for s, e, v, t in system:
                if not any(s < g.end and g.start < e for g in d.gold):
                    print(f"EXTRA\t{d.name}\t{d.dct}\t{t!r}\t{v}\t{_context(d.text, s, e)}")
    rp, rr = sys_hit / max(1, n_sys), gold_hit / max(1, n_gold)
    sp, sr = strict / max(1, n_sys), strict / max(1, n_gold)
    relaxed = _f1(rp, rr)
    accuracy = right / max(1, matched)
    return {"gold": n_gold, "system": n_sys, "relaxed_p": rp, "relaxed_r": rr, "strict_f1": _f1(sp, sr),
            "relaxed_f1": relaxed, "value_accuracy": accuracy, "value_f1": relaxed * accuracy}


def _context(text: str, start: int, end: int) -> str:
    return (text[max(0, start - 50):start] + "[" + text[start:end] + "]" + text[end:end + 30]).replace("\n", " ")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir", type=Path, help="a folder of TimeML .tml files (searched recursively)")
    ap.add_argument("--errors", action="store_true", help="list every miss, extra and wrong value")
    args = ap.parse_args(argv)
    files = sorted(args.dir.rglob("*.tml"))
    if not files:
        raise SystemExit(f"{args.dir}: no .tml files found (give a folder holding TimeML files)")
    docs = [read_tml(f) for f in files]
    t0 = time.perf_counter()
    r = evaluate(docs, Context(), args.errors)
    secs = time.perf_counter() - t0
    print(f"files={len(docs)} gold={r['gold']} system={r['system']} relaxed_p={r['relaxed_p']:.3f} "
          f"relaxed_r={r['relaxed_r']:.3f} value_accuracy={r['value_accuracy']:.3f} seconds={secs:.1f}")
    print(f"strict_f1={r['strict_f1']:.3f} relaxed_f1={r['relaxed_f1']:.3f} value_f1={r['value_f1']:.3f}")


if __name__ == "__main__":
    main()
