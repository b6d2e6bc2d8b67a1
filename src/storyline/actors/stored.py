"""Actors kept with the database: knowledge-base files added with ``storyline actors add`` and
people learned from earlier articles, brought into the knowledge base of every ingest.

Why through ``Options.kb_documents`` rather than reading the database in the stage: an ingest's
worker processes cannot open the DuckDB file the main process is writing, but they receive the
options. The main process reads the stored actors once (``prepare_context``) and every worker's
knowledge base starts from them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from ..errors import StorylineError
from .kb import offices
from .kbfile import KBFile, read_data

LEARNED = "learned actors"


def stored_kb_documents(store: Any) -> list[tuple[str, Any]]:
    """The knowledge-base documents a database holds: its added files, then its learned people."""
    out: list[tuple[str, Any]] = []
    tables = store.tables()
    if "kb_files" in tables:
        for r in store.query("SELECT name, text FROM kb_files ORDER BY added_at, name"):
            out.append((r["name"], yaml.safe_load(r["text"])))
    if "actors" in tables:
        people = learned_people(store)
        if people:
            out.append((LEARNED, {"people": people}))
    return out


def learned_people(store: Any) -> list[dict]:
    """People learned from text in earlier ingests, in the knowledge-base file format."""
    actors = store.query("SELECT id, name, kind, country, sector, aliases, source FROM actors "
                         "WHERE source LIKE 'learned:%' ORDER BY id")
    if not actors:
        return []
    roles: dict[str, list[dict]] = {}
    for r in store.query('SELECT actor_id, country, sector, title, office, start, "end", source FROM roles '
                         "WHERE actor_id IN (SELECT id FROM actors WHERE source LIKE 'learned:%') "
                         "ORDER BY actor_id, start NULLS FIRST"):
        roles.setdefault(r["actor_id"], []).append(
            {k: r[k] for k in ("office", "title", "country", "sector", "start", "end", "source") if r[k] is not None})
    return [{"id": a["id"], "name": a["name"], "kind": a["kind"] or "person", "country": a["country"],
             "sector": a["sector"], "aliases": list(a["aliases"] or []), "source": a["source"],
             "roles": roles.get(a["id"], [])} for a in actors]


def prepare_context(store: Any, ctx: Any) -> int:
    """Give an ingest's context (and its workers) the actors stored with the database; returns
    how many documents of actors were found."""
    docs = stored_kb_documents(store)
    ctx.options.kb_documents = list(docs)
    if "kb" in vars(ctx):  # the knowledge base is already loaded in this process
        known = offices()
        for name, data in docs:
            ctx.kb.add_file(read_data(data, f"{store.path}: {name}", known, f"user:{name}"))
    return len(docs)


def add_kb_file(store: Any, path: str | Path) -> KBFile:
    """Check a knowledge-base file and store it with the database (replacing one of the same name)."""
    from .kbfile import read_file

    p = Path(path)
    kb = read_file(p, offices(), f"user:{p.name}")
    text = p.read_text(encoding="utf-8")
    if "kb_files" not in store.tables():
        raise StorylineError("E330", path=store.path)
    with store.transaction():
        store.execute("DELETE FROM kb_files WHERE name = ?", [p.name])
        store.insert("kb_files", [{"name": p.name, "text": text, "people": len(kb.people),
                                   "organizations": len(kb.organizations), "states": len(kb.states),
                                   "bodies": len(kb.bodies)}])
    return kb
