"""Library queries over a store: what the commands print and what a web app serves, from the
same functions.

Why a package of its own: a query is a plain function of a ``Store`` (or of ``Options`` for the
story layer) and filters, returning records (dicts) in a fixed order; the command line only
parses flags and prints the records, so a researcher in Python, the CLI and a web app get the
same rows. Modules:

1. ``dates.bounds`` (re-exported): the ``--from``/``--to`` bounds, read by ``dates.values``.
2. ``documents``: the stored documents with what was found in each.
3. ``events``: stored events filtered by actor, type, status and dates; the valid types.
4. ``quotes``: who said what, when.
5. ``actors``: stored actors, one actor's roles and mentions.
6. ``story``: the story layer brought up to date, the timeline, the network and the comparison
   of outlets, as records.

The PLOVER export lives with the other exports (``export.plover``).
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

#: Where each name of the package lives. Imported on first use (PEP 562): the story queries pull
#: in the store and near-copy search, which ``storyline extract`` and ``import storyline.query.events``
#: need none of.
_HOMES = {"DateRange": "..dates.bounds", "date_range": "..dates.bounds", "EVENT_COLUMNS": ".events",
          "event_types": ".events", "query_events": ".events", "list_documents": ".documents",
          "find_quotes": ".quotes", **dict.fromkeys(("actor_mentions", "actor_profiles", "find_actor",
                                                    "list_actors"), ".actors"),
          **dict.fromkeys(("compare_outlets", "load_story", "network", "timeline"), ".story")}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(home, __name__), "COLUMNS" if name == "EVENT_COLUMNS" else name)


__all__ = ["DateRange", "EVENT_COLUMNS", "actor_mentions", "actor_profiles", "compare_outlets", "date_range",
           "event_types", "find_actor", "find_quotes", "list_actors", "list_documents", "load_story", "network",
           "query_events", "timeline"]
