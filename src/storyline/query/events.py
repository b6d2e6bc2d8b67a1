"""Stored events, filtered: ``query_events(store, actor="RUS", status="reported")`` returns the
rows ``storyline events`` prints.

Why dates are filtered in Python: an event's date may be a day, a month, a week, a season or a
range, and an event counts as inside ``date_from``/``date_to`` where its period overlaps them;
``dates.bounds`` reads every value form the dates stage writes, which SQL string comparisons did not.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..dates.bounds import date_range
from ..events.plover import load_plover_map
from ..model import STATUSES
from .sql import where_one_of

#: The columns ``storyline events`` prints, in order.
COLUMNS = ("doc", "date", "who", "what", "whom", "status", "cameo", "plover_type", "plover_mode", "location",
           "confidence", "evidence")


@lru_cache(maxsize=1)
def event_types() -> tuple[str, ...]:
    """Every value ``type`` accepts: storyline's event classes and the PLOVER types (from the
    CAMEO-PLOVER table and the ``event_classes`` lexicon), upper case, sorted."""
    plover = load_plover_map()
    found = {t for t, _ in plover.rows.values() if t} | set(plover.what.values()) | set(plover.intent.values())
    found |= {str(e.get("type")) for e in plover.extra.values() if isinstance(e, dict) and e.get("type")}
    return tuple(sorted(t.upper() for t in found))


def query_events(store: Any, *, actor: str | None = None, type: str | None = None, status: str | None = None,
                 date_from: str | None = None, date_to: str | None = None) -> list[dict[str, Any]]:
    """Stored events with their actors, filtered, by date (undated last), document and order.

    ``actor`` matches a source or target by name (case-insensitive substring), country or body
    code (``RUS``, ``OSCE``) or actor id; ``type`` an event class (``CONSULT``, ``VISIT``,
    ``STATEMENT``) or PLOVER type; ``status`` one of reported, historical, planned, hoped (E611
    otherwise); ``date_from``/``date_to`` keep events whose period overlaps the range (undated
    events are left out when either is given; E070 for a bound that is no date)."""
    where, params = [], []
    if status:
        where_one_of(where, params, "e.status", status, STATUSES, "E611", "status")
    if type:
        where.append("(upper(e.what) = ? OR upper(e.plover_type) = ?)")
        params += [type.upper(), type.upper()]
    if actor:
        where.append("""EXISTS (SELECT 1 FROM event_actors a WHERE a.doc_id = e.doc_id AND a.event_id = e.id
                        AND (lower(a.name) LIKE ? OR upper(a.country) = ? OR a.actor_id = ?))""")
        params += [f"%{actor.lower()}%", actor.upper(), actor]
    within = date_range(date_from, date_to)
    sql = f"""
        SELECT d.name AS doc, e.doc_id, e.id, e.date_value AS date, e.date_precision,
               (SELECT string_agg(a.name, '; ' ORDER BY a.idx) FROM event_actors a
                 WHERE a.doc_id = e.doc_id AND a.event_id = e.id AND a.side = 'source') AS who,
               e.what,
               (SELECT string_agg(a.name, '; ' ORDER BY a.idx) FROM event_actors a
                 WHERE a.doc_id = e.doc_id AND a.event_id = e.id AND a.side = 'target') AS whom,
               e.status, e.cameo, e.plover_type, e.plover_mode, e.location, e.confidence, e.evidence,
               e.start, e."end", e.sentence
        FROM events e JOIN documents d ON d.id = e.doc_id
        {"WHERE " + " AND ".join(where) if where else ""}
        ORDER BY e.date_value NULLS LAST, d.name, e.idx"""
    return [r for r in store.query(sql, params) if within.keeps(r["date"])]


def with_actor_records(store: Any, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows with ``source`` and ``target`` as lists of actor records (name, actor id,
    country, sector, code, the words of the text) in place of the joined names ``who``/``whom``:
    the form a program reads (``storyline events --format json``)."""
    if not rows:
        return rows
    keys = [[r["doc_id"], r["id"]] for r in rows]
    found: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    for a in store.query("""
            SELECT a.doc_id, a.event_id, a.side, a.name, a.actor_id, a.country, a.sector, a.text
            FROM event_actors a JOIN (SELECT unnest(?::VARCHAR[][]) AS k) wanted
              ON a.doc_id = wanted.k[1] AND a.event_id = wanted.k[2]
            ORDER BY a.doc_id, a.event_id, a.side, a.idx""", [keys]):
        ref = {k: a[k] for k in ("name", "actor_id", "country", "sector")}
        ref["code"] = f"{a['country'] or ''}{a['sector'] or ''}" or None
        ref["text"] = a["text"]
        found.setdefault((a["doc_id"], a["event_id"], a["side"]), []).append(ref)
    out = []
    for r in rows:
        rec = {k: v for k, v in r.items() if k not in ("who", "whom")}
        rec["source"] = found.get((r["doc_id"], r["id"], "source"), [])
        rec["target"] = found.get((r["doc_id"], r["id"], "target"), [])
        out.append(rec)
    return out
