#!/usr/bin/env python3
"""Convert PETRARCH2's agents dictionary into the list of nouns that name who can act or be acted on.

usage: python scripts/build_agent_nouns.py [Phoenix.agents.txt] [OUT.txt] [SECTORS.tsv]

Defaults: ``<repo>/../shared/data/petrarch2-dictionaries/Phoenix.agents.txt``,
``src/storyline/data/events/agent_nouns.txt`` and ``src/storyline/data/events/agent_sectors.tsv``.

Why: PETRARCH codes an event only between actors; a common noun stands as an actor when its
agents dictionary knows it (police, villagers, insurgents, a frigate, a school). The event coder
uses the list to tell an argument that can take part in a use of force ("attacked the villagers")
from one that cannot ("fight poverty", "the rupee hit a five-year high"). Only one-word entries
are kept (with their irregular plurals): the last word of a multi-word entry ("SECURITY_CHECK")
is often no agent on its own. Words are lower-cased, one a line, sorted.

The same entries with their CAMEO agent code's first three letters (its sector: POLICE [~COP] ->
COP, JIHADIST [~UAFMUS] -> UAF) go to a TSV: the coder names an unnamed group that takes part in
force by its sector ("Police fired on protesters": COP against OPP).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SRC = REPO.parent / "shared" / "data" / "petrarch2-dictionaries" / "Phoenix.agents.txt"
DEFAULT_OUT = REPO / "src" / "storyline" / "data" / "events" / "agent_nouns.txt"
DEFAULT_SECTORS = REPO / "src" / "storyline" / "data" / "events" / "agent_sectors.tsv"

HEADER = """\
# Nouns that name an agent (a person, group, body, armed unit or its means) in CAMEO's sense.
# Converted by scripts/build_agent_nouns.py from Phoenix.agents.txt of PETRARCH2
# (github.com/openeventdata/petrarch2). Licence: MIT, Copyright (c) 2014 Open Event Data Alliance
# (full text in LICENSE.petrarch2 under data/actors/). Changes: one-word entries only, with their
# irregular plurals, lower-cased, one a line, sorted. Do not edit by hand.
"""

ENTRY = re.compile(r"^([A-Z0-9'\-]+)\s*(?:\{([^}]*)\})?\s*\[~?([A-Z]*)")

SECTORS_HEADER = """\
# Agent nouns of PETRARCH2 with their CAMEO sector: noun<TAB>sector (the first three letters of the
# entry's agent code: POLICE [~COP] -> COP). Converted by scripts/build_agent_nouns.py from
# Phoenix.agents.txt of PETRARCH2 (github.com/openeventdata/petrarch2). Licence: MIT, Copyright (c)
# 2014 Open Event Data Alliance (full text in LICENSE.petrarch2 under data/actors/). Changes:
# one-word entries with a code only, with their irregular plurals, lower-cased, sorted. Do not edit
# by hand.
"""


def entries(src: Path) -> dict[str, str]:
    """Every one-word noun with its sector ("" where the entry has no code); the first entry of a
    noun listed twice wins."""
    out: dict[str, str] = {}
    for raw in src.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].strip()
        m = ENTRY.match(line)
        if m is None:
            continue
        sector = m.group(3)[:3] if len(m.group(3)) >= 3 else ""
        for w in [m.group(1), *[w for w in (m.group(2) or "").split() if "_" not in w]]:
            w = w.lower()
            if w.isascii() and len(w) > 2:
                out.setdefault(w, sector)
    return out


def convert(src: Path) -> list[str]:
    return sorted(entries(src))


def sectors(src: Path) -> list[tuple[str, str]]:
    return sorted((w, s) for w, s in entries(src).items() if s)


def main(argv: list[str]) -> int:
    src = Path(argv[1]) if len(argv) > 1 else DEFAULT_SRC
    out = Path(argv[2]) if len(argv) > 2 else DEFAULT_OUT
    sectors_out = Path(argv[3]) if len(argv) > 3 else DEFAULT_SECTORS
    words = convert(src)
    out.write_text(HEADER + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} nouns -> {out}")
    coded = sectors(src)
    sectors_out.write_text(SECTORS_HEADER + "".join(f"{w}\t{s}\n" for w, s in coded), encoding="utf-8")
    print(f"{len(coded)} nouns with a sector -> {sectors_out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
