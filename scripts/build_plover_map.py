#!/usr/bin/env python3
"""Convert PLOVER's CAMEO2PLOVER-2021.txt into a tab-separated table storyline loads at run time.

usage: python scripts/build_plover_map.py [CAMEO2PLOVER-2021.txt] [OUT.tsv]

Defaults: ``<repo>/../shared/data/cameo/CAMEO2PLOVER-2021.txt`` and
``src/storyline/data/events/cameo_plover.tsv``.

Why a conversion: the source mixes root headers, free-form comments and ragged comma fields (a
mode of ``access `` with a trailing blank, contexts joined by ``;``). The TSV has one clean row per
CAMEO code: ``cameo  plover_type  mode  context  label``. CAMEO 01 (statements) and 02 (appeals)
are absent from PLOVER; storyline's own table ``cameo_plover_extra.tsv`` covers them.

The source is CC BY-SA 4.0 (Open Event Data Alliance / Parus Analytics, PLOVER project, edited by
Philip Schrodt); the output keeps that licence and attribution in its header.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SRC = REPO.parent / "shared" / "data" / "cameo" / "CAMEO2PLOVER-2021.txt"
DEFAULT_OUT = REPO / "src" / "storyline" / "data" / "events" / "cameo_plover.tsv"

HEADER = """\
# CAMEO -> PLOVER event type, mode and context, one row per CAMEO code.
# Converted by scripts/build_plover_map.py from CAMEO2PLOVER-2021.txt in the PLOVER repository
# (github.com/openeventdata/PLOVER, commit 5e0c24fba623f2d8df5ae3c7de7a94dba90d5b6f), PLOVER manual
# Draft 0.8, 17 September 2021, edited by Philip Schrodt.
# Licence: Creative Commons Attribution-ShareAlike 4.0 International (CC BY-SA 4.0),
# https://creativecommons.org/licenses/by-sa/4.0/ . This converted table is distributed under the
# same licence. Changes from the source: reformatted as tab-separated columns, blanks trimmed,
# contexts joined by ';', the stray second row for 175 dropped.
# Columns: cameo, plover_type, mode, context, label (the CAMEO label from the source comment).
"""

LINE = re.compile(r"^(\d{3,4}):\s*(.*?)\s*(?:#\s*(.*))?$")


def convert(src: Path) -> list[tuple[str, str, str, str, str]]:
    rows: dict[str, tuple[str, str, str, str, str]] = {}
    for raw in src.read_text(encoding="utf-8").splitlines():
        m = LINE.match(raw.strip())
        if not m:
            continue
        code, body, label = m.group(1), m.group(2), (m.group(3) or "").strip()
        parts = [p.strip() for p in body.split(",")]
        parts += [""] * (3 - len(parts))
        ptype, mode, context = parts[0], parts[1], ",".join(parts[2:]).strip(" ,")
        context = ";".join(c.strip() for c in context.split(";") if c.strip())
        if code in rows:  # the source repeats 175 with a variant label; the first row stands
            continue
        rows[code] = (code, ptype, mode, context, label)
    return sorted(rows.values(), key=lambda r: r[0])


def main() -> None:
    src = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SRC
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else DEFAULT_OUT
    rows = convert(src)
    with open(out, "w", encoding="utf-8") as fh:
        fh.write(HEADER)
        fh.write("cameo\tplover_type\tmode\tcontext\tlabel\n")
        for r in rows:
            fh.write("\t".join(r) + "\n")
    print(f"{out}: {len(rows)} CAMEO codes")


if __name__ == "__main__":
    main()
