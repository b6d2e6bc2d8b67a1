"""The stored events as PLOVER JSON records (``storyline export --format plover``).

Why an export of its own: PLOVER is the event data standard other tools read (one JSON record per
event, actors and recipients, a date or a date range, the text and where it sits); the record keeps
storyline's own fields (status, class, CAMEO code, further evidence) under ``storyline``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .. import __version__
from ..dates.values import period
from . import Written

#: The export formats this module writes.
FORMATS = ("plover",)

_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def _plover_date(value: str | None) -> tuple[str | None, str | None]:
    """PLOVER wants YYYY-MM-DD: a month or a year becomes its first day, with ``enddate`` its last."""
    if not value or not _DATE.fullmatch(value):
        return None, None
    if len(value) == 10:
        return value, None
    days = period(value)
    return (days[0].isoformat(), days[1].isoformat()) if days else (None, None)


def _plover_actor(row: dict[str, Any]) -> dict[str, Any]:
    out = {"actor_text": row.get("text") or row.get("name"), "code": row.get("country"),
           "sector": row.get("sector"), "identifier_id": row.get("actor_id"), "identifier_text": row.get("name")}
    return {k: v for k, v in out.items() if v is not None}


def plover_records(store: Any) -> Iterator[dict[str, Any]]:
    """Every stored event with a PLOVER type as a PLOVER JSON record (PLOVER manual, "JSON Data
    Fields"): id, date/enddate, actor and recipient lists, event, mode, context, event_text,
    event_loc, text_info offsets into the stored text, cite_info naming the article. Statements
    (CAMEO 01), which PLOVER leaves out, are not exported; storyline's own fields (status, class,
    CAMEO code, confidence, other evidence) ride along under their own names."""
    actors: dict[tuple[str, str], dict[str, list[dict[str, Any]]]] = {}
    for r in store.query("SELECT * FROM event_actors ORDER BY doc_id, event_id, side, idx"):
        actors.setdefault((r["doc_id"], r["event_id"]), {"source": [], "target": []})[r["side"]].append(r)
    more: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for r in store.query("SELECT * FROM event_sources WHERE idx > 0 ORDER BY doc_id, event_id, idx"):
        more.setdefault((r["doc_id"], r["event_id"]), []).append(r)
    rows = store.query("""SELECT e.*, d.name AS doc_name, d.title, d.url, d.publisher
                          FROM events e JOIN documents d ON d.id = e.doc_id
                          WHERE e.plover_type IS NOT NULL ORDER BY d.name, e.idx""")
    for e in rows:
        key = (e["doc_id"], e["id"])
        sides = actors.get(key, {"source": [], "target": []})
        date, enddate = _plover_date(e["date_value"])
        record: dict[str, Any] = {
            "id": f"{e['doc_id']}-{e['id']}",
            "date": date,
            "actor": [_plover_actor(a) for a in sides["source"]],
            "recipient": [_plover_actor(a) for a in sides["target"]],
            "event": e["plover_type"],
            "mode": e["plover_mode"],
            "context": None,
            "event_text": [e["trigger"]] if e["trigger"] else [],
            "text": e["evidence"],
            "text_info": {"doc_id": e["doc_id"], "sequence": e["sentence"], "start": e["start"], "end": e["end"]},
            "cite_info": {"corpus": "storyline", "citation": e["doc_name"], "url": e["url"], "title": e["title"],
                          "publication": e["publisher"], "language": "en",
                          "coder": f"storyline {__version__} events",
                          "codebook": "PLOVER (CAMEO2PLOVER-2021) with storyline's classes"},
            "storyline": {"class": e["what"], "status": e["status"], "cameo": e["cameo"],
                          "date_value": e["date_value"], "date_precision": e["date_precision"],
                          "confidence": e["confidence"],
                          "evidence_more": [{"doc_id": m["evidence_doc_id"], "start": m["start"], "end": m["end"],
                                             "text": m["text"], "role": m["role"]} for m in more.get(key, [])]},
        }
        if enddate:
            record["enddate"] = enddate
        if e["location"]:
            record["event_loc"] = {"name": e["location"]}
        yield record


def export_plover(store: Any, out_dir: Path) -> tuple[Path, int]:
    """Write ``out_dir/events.plover.jsonl`` (one PLOVER record per line); returns it and the count."""
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / "events.plover.jsonl"
    n = 0
    with open(path, "w", encoding="utf-8") as fh:
        for rec in plover_records(store):
            fh.write(json.dumps(rec, ensure_ascii=False, default=str) + "\n")
            n += 1
    return path, n


def export(store: Any, out_dir: Path, fmt: str) -> list[Written]:
    """The export registry's entry point (``export.EXPORT_MODULES``): the one PLOVER file."""
    path, n = export_plover(store, out_dir)
    return [Written(path, n, "PLOVER records")]
