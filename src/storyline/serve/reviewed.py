"""The reviewed tables for ``storyline export --reviewed``: the machine's rows with the analysts'
corrections applied (review.py), written like every other table.

Which tables: those a correction changes. ``events`` (class, date, place, status; events marked
wrong left out; ``reviewed_fields`` lists what a person changed), ``event_actors`` (who and
whom as corrected), ``quotes`` (speaker; quotes marked wrong left out), ``story_events`` and
``story_event_members`` (splits, merges and the members' corrections applied). ``--reviewed
yes`` writes these under their own names in place of the machine's; ``--reviewed both`` writes
the machine's tables and, beside them, ``<table>.reviewed.<suffix>``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyarrow as pa

from ..export import Written
from ..export.tables import FORMATS, export_tables
from ..store import Store
from ..story import storage
from . import review

REVIEWED = ("events", "event_actors", "quotes", "story_events", "story_event_members")


def _events(store: Store, fixes: dict[tuple[str, str], dict[str, Any]]) -> tuple[list[dict], list[dict]]:
    events, actors = [], []
    by_event: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for r in store.query("SELECT * FROM event_actors ORDER BY doc_id, event_id, side, idx"):
        by_event.setdefault((r["doc_id"], r["event_id"]), []).append(r)
    for e in store.query("SELECT * FROM events ORDER BY doc_id, idx"):
        fix = fixes.get(("event", review.event_key(e["doc_id"], e["id"])), {})
        if fix.get("wrong", {}).get("new_value"):
            continue
        for name, column in (("what", "what"), ("location", "location"), ("status", "status"), ("date", "date_value")):
            if name in fix:
                e[column] = fix[name]["new_value"]
        if "date" in fix:
            e["date_precision"] = {4: "year", 7: "month"}.get(len(e["date_value"]), "day")
        e["reviewed_fields"] = sorted(fix)
        events.append(e)
        rows = by_event.get((e["doc_id"], e["id"]), [])
        for side in ("source", "target"):
            if side in fix:
                rows = [r for r in rows if r["side"] != side] + [
                    {"doc_id": e["doc_id"], "event_id": e["id"], "side": side, "idx": i, "name": n}
                    for i, n in enumerate(fix[side]["new_value"])]
        actors += rows
    return events, actors


def _quotes(store: Store, fixes: dict[tuple[str, str], dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for q in store.query("SELECT * FROM quotes ORDER BY doc_id, idx"):
        fix = fixes.get(("quote", f"{q['doc_id']}-q{q['idx']}"), {})
        if fix.get("wrong", {}).get("new_value"):
            continue
        if "speaker" in fix:
            q["speaker_name"] = fix["speaker"]["new_value"]
            q["speaker_actor_id"] = None
        q["reviewed_fields"] = sorted(fix)
        out.append(q)
    return out


def reviewed_rows(store: Store) -> dict[str, list[dict[str, Any]]]:
    """Every reviewed table's rows."""
    corrections = review.all_corrections(store)
    fixes = review.latest(corrections)
    events, actors = _events(store, fixes)
    stories, notes = review.review_stories(storage.story_events(store), corrections)
    story_rows = [{"id": s.id, "what": s.what, "date_value": s.date.value if s.date else None,
                   "date_precision": s.date.precision if s.date else None, "status": s.status,
                   "background": s.background, "source_count": s.source_count, "outlets": s.outlets,
                   "first_reported": s.first_reported, "record": json.dumps(s.to_dict(), ensure_ascii=False),
                   "review": json.dumps(notes[s.id].to_dict()) if s.id in notes else None} for s in stories]
    members = [{"story_id": s.id, "doc_id": src.doc_id, "event_id": src.event_id} for s in stories for src in s.sources]
    return {"events": events, "event_actors": actors, "quotes": _quotes(store, fixes),
            "story_events": story_rows, "story_event_members": members}


def _json_safe(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: (json.dumps(v, ensure_ascii=False) if isinstance(v, dict) else v) for k, v in r.items()} for r in rows]


def export_reviewed(store: Store, out: Path, fmt: str, mode: str) -> list[Written]:
    """Write the export (``mode`` yes or both, see the module docstring); returns the files written."""
    machine = [t for t in store.tables() if mode == "both" or t not in REVIEWED]
    written = [Written(p, store.count(t)) for t, p in export_tables(store, out, fmt, machine).items()]
    suffix, options = FORMATS[fmt]
    for table, rows in reviewed_rows(store).items():
        name = f"{table}.reviewed" if mode == "both" else table
        path = out / f"{name}.{suffix}"
        target = str(path).replace("'", "''")
        if rows:
            _storyline_reviewed = pa.Table.from_pylist(_json_safe(rows))  # noqa: F841 - read by the query, by name
            store.con.execute(f"COPY (SELECT * FROM _storyline_reviewed) TO '{target}' ({options})")
        else:  # nothing left: the machine table's columns, no rows
            store.con.execute(f"COPY (SELECT * FROM {table} LIMIT 0) TO '{target}' ({options})")
        written.append(Written(path, len(rows)))
    return written
