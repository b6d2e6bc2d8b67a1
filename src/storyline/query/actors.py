"""Stored actors: the list with roles and mention counts, and one actor's roles and mentions
(``storyline actors``, ``storyline actor NAME``).

Why ``actor_profiles`` falls back on the knowledge base: a user asking about an actor the store has
never seen (or before any ingest) still learns its roles; the records have no mentions then.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..actors import names as N
from ..actors.kb import load_kb
from ..actors.stored import stored_kb_documents
from ..model import ACTOR_KINDS
from ..store import Store
from .sql import where_one_of


def list_actors(store: Any, kind: str | None = None, country: str | None = None) -> list[dict[str, Any]]:
    """Stored actors with their mention counts and roles, most mentioned first. ``kind`` is one
    of ``model.ACTOR_KINDS`` (E081 otherwise), ``country`` a country code."""
    where, params = [], []
    if kind:
        where_one_of(where, params, "a.kind", kind, ACTOR_KINDS, "E081", "kind")
    if country:
        where.append("a.country = ?")
        params.append(country.upper())
    cond = f"WHERE {' AND '.join(where)}" if where else ""
    rows = store.query(f"""
        SELECT a.id, a.name, a.kind, a.country, a.sector, a.source,
               count(m.doc_id) AS mentions, count(DISTINCT m.doc_id) AS documents
        FROM actors a LEFT JOIN mentions m ON m.actor_id = a.id
        {cond}
        GROUP BY ALL ORDER BY mentions DESC, a.name""", params)
    roles: dict[str, list[dict[str, Any]]] = {}
    for r in store.query('SELECT actor_id, country, sector, title, office, start, "end", source FROM roles '
                         "ORDER BY actor_id, start NULLS FIRST"):
        roles.setdefault(r.pop("actor_id"), []).append(r)
    for row in rows:
        row["roles"] = roles.get(row["id"], [])
    return rows


def find_actor(store: Any, name: str) -> list[dict[str, Any]]:
    """Stored actors a name (or an id) may be: by id, name, alias, or spelling variant."""
    key = N.name_key(name)
    loose = N.loose_key(name)
    rows = store.query("SELECT id, name, aliases, kind, country, sector, source FROM actors")
    exact = [r for r in rows if r["id"] == name or N.name_key(r["name"]) == key
             or any(N.name_key(a) == key for a in r["aliases"] or [])]
    if exact:
        return exact
    return [r for r in rows if N.loose_key(r["name"]) == loose
            or any(N.loose_key(a) == loose for a in r["aliases"] or [])
            or key in N.surname_words(N.name_words(r["name"]))]


def actor_mentions(store: Any, actor_id: str) -> list[dict[str, Any]]:
    """Where an actor is mentioned: document, offsets, the words, and the sentence around them."""
    return store.query("""
        SELECT d.name AS document, d.published_value AS published, m.start, m."end", m.text, m.kind,
               CASE WHEN s.start IS NULL THEN NULL ELSE substr(d.text, s.start + 1, s."end" - s.start) END AS sentence
        FROM mentions m JOIN documents d ON d.id = m.doc_id
        LEFT JOIN sentences s ON s.doc_id = m.doc_id AND s.idx = m.sentence
        WHERE m.actor_id = ? ORDER BY d.published_value NULLS LAST, d.name, m.start""", [actor_id])


def actor_profiles(db: Path, name: str, kb_files: list[Path] | None = None, limit: int = 5) -> list[dict[str, Any]]:
    """Every actor ``name`` may be, each with its roles over time and its ``mentions``: from the
    store at ``db`` where it has seen the actor, else from the knowledge base with the files added
    to the database (``storyline actors add``) and ``kb_files`` (at most ``limit``, no mentions).
    An empty list where neither knows the name."""
    found: list[dict[str, Any]] = []
    stored: list[tuple[str, Any]] = []  # knowledge-base files added to the database (actors add)
    if db.exists():
        with Store(db, read_only=True) as store:
            for row in find_actor(store, name):
                full = store.actor(row["id"]).to_dict()
                full["mentions"] = actor_mentions(store, row["id"])
                found.append(full)
            if not found:
                stored = stored_kb_documents(store)
    if not found:
        base = load_kb(kb_files or [], stored)
        found = [{**a.to_dict(), "mentions": []} for a in base.search(name)[:limit]]
    return found
