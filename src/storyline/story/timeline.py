"""The timeline: story events in time order, filtered, in the form a reader asks for.

Why background is a column of its own: a reader of the timeline must see at a glance which
entries are the news of the articles and which are history the articles retell (the conflict's
start in 1988 told again in every story). Background entries are kept, labelled and, in HTML,
set apart, never dropped or passed off as news. The HTML page is built in timeline_page.py.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..dates.bounds import date_range
from ..errors import StorylineError
from ..model import STATUSES, ActorRef, StoryEvent
from .dates import event_span, parse_day
from .timeline_page import render_html

FORMATS = ("table", "markdown", "json", "csv", "html")
#: The statuses a timeline can be filtered by: the events' own, and history the articles retell.
TIMELINE_STATUSES = (*STATUSES, "background")


@dataclass
class Filters:
    actor: str | None = None
    type: str | None = None
    status: str | None = None
    start: str | None = None  # --from
    end: str | None = None  # --to
    outlet: str | None = None

    def bounds(self) -> tuple[date | None, date | None]:
        """The first and last day ``--from``/``--to`` name (E070 for a bound that is no date)."""
        within = date_range(self.start, self.end)
        return within.first, within.last


def _names(refs: Iterable[ActorRef]) -> list[str]:
    return [r.name for r in refs]


def _matches_actor(s: StoryEvent, needle: str) -> bool:
    n = needle.casefold()
    for r in (*s.source, *s.target):
        for v in (r.name, r.actor_id, r.country):
            if v and (n == v.casefold() or n in v.casefold()):
                return True
    return False


def select(events: Iterable[StoryEvent], f: Filters) -> list[StoryEvent]:
    """The story events that pass every filter given; dates overlap the --from/--to stretch."""
    lo, hi = f.bounds()
    out = []
    for s in events:
        if f.actor and not _matches_actor(s, f.actor):
            continue
        if f.type and (s.what or "").casefold() != f.type.casefold():
            continue
        if f.status and f.status.casefold() not in (s.status, "background" if s.background else ""):
            continue
        if f.outlet and not any(f.outlet.casefold() in o.casefold() for o in s.outlets):
            continue
        if lo or hi:
            span = event_span(s.date, s.status, parse_day(s.first_reported))
            if span is None or not span.exact:
                continue
            if (lo and span.last < lo) or (hi and span.first > hi):
                continue
        out.append(s)
    return out


# ---------------------------------------------------------------- one line per story event


def as_json(s: StoryEvent) -> dict[str, Any]:
    """The JSON form of a timeline entry: the story event with its actors and every source."""
    d = s.to_dict()
    return {
        "id": s.id,
        "date": s.date.value if s.date else None,
        "date_precision": s.date.precision if s.date else None,
        "what": s.what,
        "status": s.status,
        "background": s.background,
        "actors": [{"name": r.name, "actor_id": r.actor_id, "country": r.country, "side": side}
                   for side, refs in (("source", s.source), ("target", s.target)) for r in refs],
        "source": d["source"],
        "target": d["target"],
        "location": s.location,
        "source_count": s.source_count,
        "outlets": s.outlets,
        "first_reported": s.first_reported,
        "sources": [{"document": src.doc, "doc_id": src.doc_id, "outlet": src.outlet,
                     "published": src.published, "text": src.text, "sentence": src.sentence_text,
                     "start": src.start, "end": src.end, "status": src.status, "what": src.what,
                     "background": src.background, "duplicate_of": src.duplicate_of} for src in s.sources],
        "happened_as": s.happened_as,
        "planned_as": s.planned_as,
    }


def _kind(s: StoryEvent) -> str:
    return "background" if s.background else s.status


def _row(s: StoryEvent) -> list[str]:
    who = ", ".join(_names(s.source)) or "-"
    whom = ", ".join(_names(s.target)) or "-"
    return [s.date.value if s.date else "?", _kind(s), s.what or "?", f"{who} -> {whom}",
            str(s.source_count), ", ".join(s.outlets) or "-", s.sources[0].text if s.sources else "", s.id]


HEADER = ["date", "kind", "what", "who -> whom", "sources", "outlets", "first told as", "id"]


def render(events: Sequence[StoryEvent], fmt: str) -> str:
    if fmt == "json":
        return "".join(json.dumps(as_json(s), ensure_ascii=False) + "\n" for s in events)
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(HEADER)
        w.writerows(_row(s) for s in events)
        return buf.getvalue()
    if fmt == "markdown":
        lines = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
        for s in events:
            cells = [c.replace("|", "\\|").replace("\n", " ") for c in _row(s)]
            if s.background:
                cells[1] = f"*{cells[1]}*"
            lines.append("| " + " | ".join(cells) + " |")
        return "\n".join(lines) + "\n"
    if fmt == "html":
        return render_html(events)
    if fmt == "table":
        return render_table(events)
    raise StorylineError("E071", fmt=fmt, valid=', '.join(FORMATS))


#: Narrower than this, a table of eight columns leaves the text a few letters a line: the
#: timeline is written as one block per story event instead.
TABLE_MIN_WIDTH = 110


def render_table(events: Sequence[StoryEvent], width: int | None = None) -> str:
    """The timeline fitted to ``width`` columns (default: the terminal's, or 160 where stdout is
    no terminal): a table where it is wide enough, else one block per story event. Every story
    event shows its whole id (``storyline compare ID`` takes it) and no line is longer than
    ``width``; text wraps at word ends."""
    import shutil
    import sys

    if width is None:
        width = shutil.get_terminal_size((160, 24)).columns if sys.stdout.isatty() else 160
    if width < TABLE_MIN_WIDTH:
        return "".join(_block(s, width) for s in events)
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    t = Table(show_lines=False)
    for h in HEADER:
        t.add_column(h, overflow="fold", no_wrap=h in ("date", "id"))
    for s in events:
        t.add_row(*[escape(c) for c in _row(s)], style="dim" if s.background else None)
    console = Console(file=io.StringIO(), width=width, color_system=None)
    console.print(t)
    return console.file.getvalue()  # type: ignore[attr-defined]


def _block(s: StoryEvent, width: int) -> str:
    """One story event in a few wrapped lines: id, date, class and kind; who to whom and the
    outlets; the words it was first told in."""
    import textwrap

    date, kind, what, actors, count, outlets, text, ident = _row(s)
    head = f"{date}  {what}  {kind}  {ident}"
    body = [f"{actors}; {count} source(s): {outlets}", f"first told as: {text}"]
    lines = textwrap.wrap(head, width, break_on_hyphens=False)
    for part in body:
        lines += textwrap.wrap(part, width, initial_indent="    ", subsequent_indent="    ", break_on_hyphens=False)
    return "\n".join(lines) + "\n\n"
