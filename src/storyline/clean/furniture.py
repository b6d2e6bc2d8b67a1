"""Page furniture that a line-by-line match cannot see: a second copy of the article, and a
headline, timestamp and dateline glued into one line at the top of a scraped page.

1. Copies: a paragraph of five words or more that the page already showed (a photo caption
   printed twice, the article repeated under a "Print" view) is dropped, the first kept.
2. Glued tops: the first lines are split where a headline runs into a timestamp ("Talks resume
   16:36 | 02/ 11/ 2008 MOSCOW, ...") or into a wire dateline ("Talks resume MOSCOW, November 2
   (RIA Novosti) - ..."), by the lexicon's ``glued`` patterns (datelines.yaml), so each part is
   then read as what it is (a title, a timestamp, a dateline) and none as the body's first
   sentence.
"""

from __future__ import annotations

from ..model import normalise_for_id
from .patterns import Patterns

#: How many of the first lines may be glued ones.
GLUED_LINES = 3
MIN_COPY_WORDS = 5


def drop_copies(paras: list[str], removed: list[str]) -> list[str]:
    """``paras`` without the paragraphs the page already showed (see 1 above)."""
    seen: set[str] = set()
    kept = []
    for p in paras:
        key = normalise_for_id(p).rstrip(" .")
        if len(key.split()) >= MIN_COPY_WORDS and key in seen:
            removed.append(p)
            continue
        seen.add(key)
        kept.append(p)
    return kept


def unglue(paras: list[str], pats: Patterns) -> list[str]:
    """``paras`` with glued top lines split into their parts (see 2 above)."""
    out = list(paras)
    i = 0
    while i < min(GLUED_LINES, len(out)):
        line = out[i]
        if any(p.match(line) for p in (*pats.timestamps, *pats.standalone, *pats.mastheads)):
            i += 1
            continue  # a whole timestamp or dateline already: nothing glued
        for p in pats.glued:
            m = p.match(line)
            if m:
                parts = [m.group(g).strip() for g in ("title", "stamp", "rest") if m.groupdict().get(g)]
                if len(parts) > 1 and len(parts[-1].split()) >= 3:
                    out[i:i + 1] = parts
                break
        i += 1
    return out
