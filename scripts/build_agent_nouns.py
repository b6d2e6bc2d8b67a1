#!/usr/bin/env python3
"""Convert PETRARCH2's agents dictionary into the list of nouns that name who can act or be acted on.

usage: python scripts/build_agent_nouns.py [Phoenix.agents.txt] [OUT.txt]

Defaults: ``<repo>/../shared/data/petrarch2-dictionaries/Phoenix.agents.txt`` and
``src/storyline/data/events/agent_nouns.txt``.

Why: PETRARCH codes an event only between actors; a common noun stands as an actor when its
agents dictionary knows it (police, villagers, insurgents, a frigate, a school). The event coder
uses the list to tell an argument that can take part in a use of force ("attacked the villagers")
from one that cannot ("fight poverty", "the rupee hit a five-year high"). Only one-word entries
are kept (with their irregular plurals): the last word of a multi-word entry ("SECURITY_CHECK")
is often no agent on its own. Words are lower-cased, one a line, sorted.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SRC = REPO.parent / "shared" / "data" / "petrarch2-dictionaries" / "Phoenix.agents.txt"
DEFAULT_OUT = REPO / "src" / "storyline" / "data" / "events" / "agent_nouns.txt"

HEADER = """\
# Nouns that name an agent (a person, group, body, armed unit or its means) in CAMEO's sense.
# Converted by scripts/build_agent_nouns.py from Phoenix.agents.txt of PETRARCH2
# (github.com/openeventdata/petrarch2). Licence: MIT, Copyright (c) 2014 Open Event Data Alliance
# (full text in LICENSE.petrarch2 under data/actors/). Changes: one-word entries only, with their
# irregular plurals, lower-cased, one a line, sorted. Do not edit by hand.
"""

ENTRY = re.compile(r"^([A-Z0-9'\-]+)\s*(?:\{([^}]*)\})?\s*\[")


def convert(src: Path) -> list[str]:
    words: set[str] = set()
    for raw in src.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].strip()
        m = ENTRY.match(line)
        if m is None:
            continue
        words.add(m.group(1).lower())
        words.update(w.lower() for w in (m.group(2) or "").split() if "_" not in w)
    return sorted(w for w in words if w.isascii() and len(w) > 2)


def main(argv: list[str]) -> int:
    src = Path(argv[1]) if len(argv) > 1 else DEFAULT_SRC
    out = Path(argv[2]) if len(argv) > 2 else DEFAULT_OUT
    words = convert(src)
    out.write_text(HEADER + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} nouns -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
