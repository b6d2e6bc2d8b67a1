"""Outlet comparison: the words each outlet uses for one story event, side by side.

Why: how outlets name the same happening is itself the finding ("Armenian armed forces occupied
20 percent of Azerbaijan" against "the Armenia-backed region proclaimed independence"). For each
outlet the sentences that tell the event are shown whole, with the content words that outlet
uses and no other outlet does for this event.
"""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..clean.outlets import bundled_outlets
from ..errors import StorylineError
from ..model import StoryEvent
from .text import words

FORMATS = ("table", "markdown", "json")
#: How tellings may be grouped: each outlet apart, or outlets by the outlet table's country,
#: ownership (state-owned or not), or both.
GROUPINGS = ("outlet", "country", "ownership", "country+ownership")


@dataclass
class Telling:
    outlet: str  # the outlet, or the group's label ("RUS", "state-owned", "RUS, state-owned")
    sentences: list[dict[str, Any]] = field(default_factory=list)  # document, outlet, published, text, evidence
    own_words: list[str] = field(default_factory=list)  # words only this outlet uses for the event


def find(events: Sequence[StoryEvent], ident: str) -> StoryEvent:
    """The story event with this id (or the one whose id starts with it)."""
    exact = [s for s in events if s.id == ident]
    if exact:
        return exact[0]
    hits = [s for s in events if s.id.startswith(ident)]
    if len(hits) == 1:
        return hits[0]
    if not hits:
        raise StorylineError("E074", ident=ident)
    raise StorylineError("E075", ident=ident, n_hits=len(hits), ids=', '.join(h.id for h in hits[:5]), more=' ...' if len(hits) > 5 else '')


def group_label(outlet: str | None, group_by: str) -> str | None:
    """The group an outlet falls in by the outlet table ("RUS", "state-owned"), or None where
    the table does not know it (or where each outlet stands apart)."""
    if group_by == "outlet" or not outlet:
        return None
    if group_by not in GROUPINGS:
        raise StorylineError("E078", group_by=group_by, valid=", ".join(GROUPINGS))
    known = bundled_outlets().get(outlet)
    if known is None:
        return "unknown outlet"
    country = known.country or "international"
    owner = "state-owned" if known.state_owned else "not state-owned"
    return {"country": country, "ownership": owner}.get(group_by, f"{country}, {owner}")


def compare(story: StoryEvent, stopwords: frozenset[str] = frozenset(), group_by: str = "outlet") -> list[Telling]:
    """One telling per outlet (articles without a known outlet under their document's name), or
    per group of outlets (``group_by``: country, ownership, or both, from the outlet table)."""
    by: dict[str, Telling] = {}
    for src in story.sources:
        name = group_label(src.outlet, group_by) or src.outlet or f"({src.doc or src.doc_id})"
        t = by.setdefault(name, Telling(name))
        t.sentences.append({"document": src.doc or src.doc_id, "outlet": src.outlet, "published": src.published,
                            "text": src.sentence_text or src.text, "evidence": src.text,
                            "status": src.status, "what": src.what})
    vocab = {name: set(words(" ".join(s["text"] for s in t.sentences), stopwords)) for name, t in by.items()}
    for name, t in by.items():
        others = set().union(*(v for n, v in vocab.items() if n != name)) if len(vocab) > 1 else set()
        seen: list[str] = []
        for s in t.sentences:
            for w in words(s["text"], stopwords):
                if w not in others and w not in seen:
                    seen.append(w)
        t.own_words = seen if len(vocab) > 1 else []
    return sorted(by.values(), key=lambda t: (min(s["published"] or "9999" for s in t.sentences), t.outlet))


def as_record(story: StoryEvent, tellings: Sequence[Telling]) -> dict[str, Any]:
    """One story event's tellings as a plain record (what the JSON format writes)."""
    return {"id": story.id, "what": story.what, "date": story.date.value if story.date else None,
            "status": story.status, "background": story.background,
            "outlets": [dict(t.__dict__) for t in tellings]}


def render(story: StoryEvent, tellings: Sequence[Telling], fmt: str) -> str:
    head = (f"{story.id}: {story.what or '?'} {story.date.value if story.date else 'undated'} "
            f"({'background' if story.background else story.status}), told by {len(tellings)} outlet(s)")
    if fmt == "json":
        return json.dumps(as_record(story, tellings), ensure_ascii=False, indent=1) + "\n"
    if fmt == "markdown":
        lines = [f"**{head}**", "", "| outlet | words | only this outlet says |", "|---|---|---|"]
        for t in tellings:
            text = " / ".join(s["text"] for s in t.sentences).replace("|", "\\|")
            lines.append(f"| {t.outlet} | {text} | {', '.join(t.own_words)} |")
        return "\n".join(lines) + "\n"
    if fmt == "table":
        from rich.console import Console
        from rich.markup import escape
        from rich.table import Table

        table = Table(title=head, show_lines=True)
        for t in tellings:
            table.add_column(escape(t.outlet), overflow="fold", ratio=1)
        table.add_row(*["\n\n".join(escape(f"{s['text']}\n[{s['document']}, {s['published'] or '?'}]")
                                    for s in t.sentences) for t in tellings])
        table.add_row(*[("only here: " + ", ".join(t.own_words)) if t.own_words else "" for t in tellings])
        console = Console(file=io.StringIO(), width=160, color_system=None)
        console.print(table)
        return console.file.getvalue()  # type: ignore[attr-defined]
    raise StorylineError("E076", fmt=fmt, valid=', '.join(FORMATS))
