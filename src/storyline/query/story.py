"""The story layer as queries: brought up to date from the store, then read as a timeline, a
network or one event's tellings side by side.

Why each query updates first: the story tables follow the documents stored (an incremental update
that costs one query when nothing is new), so a caller never reads a stale timeline. The records
returned are plain dicts (``story.timeline.as_json``, the network's nodes, edges and ties, the
outlets' tellings); the renderers in ``story.timeline``, ``story.network`` and ``story.compare``
turn the same objects into the command's formats.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..errors import StorylineError
from ..lexicons import load_lexicon
from ..model import StoryEvent
from ..options import Options
from ..store import Store
from ..story import storage
from ..story.compare import as_record, compare, find
from ..story.merge import Knowledge
from ..story.network import as_records, build
from ..story.timeline import TIMELINE_STATUSES, Filters, as_json, select

#: What ``timeline(status=...)`` accepts: an event status, or background (history retold).


@dataclass
class Story:
    """Every story event, and what the update that preceded the read did."""

    events: list[StoryEvent]
    report: Any = field(default=None)  # story.storage.UpdateReport


def load_story(options: Options, rebuild: bool = False,
               progress: Callable[[Any, int], None] | None = None) -> Story:
    """Update the story tables of ``options.db`` from its documents (or rebuild them), then read
    every story event. E033 where there is no database yet; ``progress(report, total)`` is told
    of each committed batch of a long update."""
    with Store(options.db, existing=True) as store:
        report = (storage.rebuild(store, options, progress) if rebuild
                  else storage.update(store, options, progress))
        return Story(storage.story_events(store), report)


def timeline_events(options: Options, *, actor: str | None = None, type: str | None = None,
                    status: str | None = None, date_from: str | None = None, date_to: str | None = None,
                    outlet: str | None = None) -> list[StoryEvent]:
    """The story events in time order that pass every filter given (``status`` one of
    ``TIMELINE_STATUSES``, E077 otherwise; dates overlap ``date_from``/``date_to``, E070 for a
    bound that is no date)."""
    if status and status.casefold() not in TIMELINE_STATUSES:
        raise StorylineError("E077", status=status, valid=', '.join(TIMELINE_STATUSES))
    filters = Filters(actor, type, status, date_from, date_to, outlet)
    filters.bounds()  # a bad bound is refused before the story is read
    return select(load_story(options).events, filters)


def timeline(options: Options, **filters: str | None) -> list[dict[str, Any]]:
    """The timeline as records (``story.timeline.as_json``): each story event with its actors and
    every source sentence; the filters of ``timeline_events``."""
    return [as_json(s) for s in timeline_events(options, **filters)]


def network_graph(options: Options, level: str = "country", background: bool = True) -> Any:
    """The actor network (a networkx DiGraph) of the story events: ``level`` country or actor
    (E072 otherwise); ``background`` counts history retold."""
    events = load_story(options).events
    return build(events, load_lexicon("story", options.lexicon_files), level, background)


def network(options: Options, level: str = "country", background: bool = True) -> dict[str, Any]:
    """The actor network as records: ``nodes``, ``edges`` (heaviest first) and ``ties`` (pairs,
    both directions summed), the JSON the ``network`` command writes."""
    return as_records(network_graph(options, level, background))


def find_story_event(options: Options, ident: str) -> StoryEvent:
    """The story event with this id or id prefix (E074 none, E075 several)."""
    return find(load_story(options).events, ident)


def compare_outlets(options: Options, ident: str) -> dict[str, Any]:
    """How each outlet told one story event: its sentences and the words only it uses."""
    story = find_story_event(options, ident)
    know = Knowledge.from_lexicon(load_lexicon("story", options.lexicon_files))
    return as_record(story, compare(story, know.stopwords))
