"""The events commands: ``storyline events`` (list and filter stored events) and the PLOVER JSON
export behind ``storyline export --format plover``.

Why the queries live here and not in the CLI: a researcher filtering events from Python
(``query_events(store, actor="RUS", status="reported")``) gets exactly what the command prints; the
command only parses flags and formats rows.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
import sys
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from ..errors import StorylineError
from ..model import STATUSES
from ..options import DEFAULT_DB

#: The columns ``storyline events`` prints, in order.
COLUMNS = ("doc", "date", "who", "what", "whom", "status", "cameo", "plover_type", "plover_mode", "location",
           "confidence", "evidence")

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _period_bound(value: str, end: bool, flag: str) -> str:
    """A YYYY[-MM[-DD]] bound as a full day: the first day of its period, or the last."""
    if not _DATE.match(value):
        raise StorylineError("E610", f"{flag} {value!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
    if len(value) == 10:
        return value
    if len(value) == 7:
        if not end:
            return value + "-01"
        y, m = int(value[:4]), int(value[5:7])
        nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
        return (nxt - dt.timedelta(days=1)).isoformat()
    return value + ("-12-31" if end else "-01-01")


#: An event date's first and last day in SQL (a value may be a year, a month or a day).
_EVENT_START = ("CASE length(e.date_value) WHEN 4 THEN e.date_value || '-01-01' "
                "WHEN 7 THEN e.date_value || '-01' ELSE substr(e.date_value, 1, 10) END")
_EVENT_END = ("CASE length(e.date_value) WHEN 4 THEN e.date_value || '-12-31' "
              "WHEN 7 THEN e.date_value || '-31' ELSE substr(e.date_value, 1, 10) END")


def query_events(store: Any, *, actor: str | None = None, type: str | None = None, status: str | None = None,
                 date_from: str | None = None, date_to: str | None = None) -> list[dict[str, Any]]:
    """Stored events with their actors, filtered.

    ``actor`` matches a source or target by name (case-insensitive substring), country or body
    code (``RUS``, ``OSCE``) or actor id; ``type`` an event class (``CONSULT``, ``VISIT``,
    ``STATEMENT``) or PLOVER type; ``status`` one of reported, historical, planned, hoped;
    ``date_from``/``date_to`` keep events whose period overlaps the range (undated events are
    left out when either is given)."""
    where, params = [], []
    if status:
        if status not in STATUSES:
            raise StorylineError("E611", f"no status {status!r}; valid statuses: {', '.join(STATUSES)}")
        where.append("e.status = ?")
        params.append(status)
    if type:
        where.append("(upper(e.what) = ? OR upper(e.plover_type) = ?)")
        params += [type.upper(), type.upper()]
    if date_from:
        where.append(f"e.date_value IS NOT NULL AND {_EVENT_END} >= ?")
        params.append(_period_bound(date_from, False, "--from"))
    if date_to:
        where.append(f"e.date_value IS NOT NULL AND {_EVENT_START} <= ?")
        params.append(_period_bound(date_to, True, "--to"))
    if actor:
        where.append("""EXISTS (SELECT 1 FROM event_actors a WHERE a.doc_id = e.doc_id AND a.event_id = e.id
                        AND (lower(a.name) LIKE ? OR upper(a.country) = ? OR a.actor_id = ?))""")
        params += [f"%{actor.lower()}%", actor.upper(), actor]
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
    return store.query(sql, params)


# ---------------------------------------------------------------- PLOVER JSON


def _plover_date(value: str | None) -> tuple[str | None, str | None]:
    """PLOVER wants YYYY-MM-DD: a month or a year becomes its first day, with ``enddate`` its last."""
    if not value or not _DATE.match(value):
        return None, None
    if len(value) == 10:
        return value, None
    return _period_bound(value, False, "date"), _period_bound(value, True, "date")


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
    from .. import __version__

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


# ---------------------------------------------------------------- the command


class EventsFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


def _print_table(rows: list[dict[str, Any]], db: Path) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{len(rows)} events in {db}", title_justify="left")
    for col in ("doc", "date", "who", "what", "whom", "status", "evidence"):
        table.add_column(col, overflow="fold", max_width=60 if col == "evidence" else 28, no_wrap=col == "date")
    for r in rows:
        table.add_row(*("" if r.get(c) is None else str(r[c]) for c in ("doc", "date", "who", "what", "whom",
                                                                          "status", "evidence")))
    Console(soft_wrap=True, width=None if sys.stdout.isatty() else 200).print(table)


def register(app: typer.Typer) -> None:
    @app.command()
    def events(
        db: Annotated[Path, typer.Option("--db", help="The DuckDB file of the store.")] = DEFAULT_DB,
        actor: Annotated[str | None, typer.Option(
            "--actor", help="An actor taking part: a name (or part of one), a country or body code, an id.")] = None,
        type: Annotated[str | None, typer.Option(
            "--type", help="An event class (CONSULT, VISIT, MEDIATE, STATEMENT, ...) or PLOVER type.")] = None,
        status: Annotated[str | None, typer.Option(
            "--status", help="reported, historical, planned or hoped.")] = None,
        date_from: Annotated[str | None, typer.Option("--from", help="Events on or after YYYY[-MM[-DD]].")] = None,
        date_to: Annotated[str | None, typer.Option("--to", help="Events on or before YYYY[-MM[-DD]].")] = None,
        format: Annotated[EventsFormat, typer.Option("--format", "-f", help="table, json (one per line) or csv.")]
        = EventsFormat.table,
    ) -> None:
        """List the stored events (who did what to whom, when), filtered."""
        from ..store import Store

        try:
            with Store(db, read_only=True) as store:
                rows = query_events(store, actor=actor, type=type, status=status, date_from=date_from,
                                    date_to=date_to)
        except StorylineError as e:
            typer.echo(f"storyline: {e}", err=True)
            raise typer.Exit(2) from e
        if format is EventsFormat.json:
            for r in rows:
                sys.stdout.write(json.dumps(r, ensure_ascii=False, default=str) + "\n")
        elif format is EventsFormat.csv:
            writer = csv.writer(sys.stdout)
            writer.writerow(COLUMNS)
            for r in rows:
                writer.writerow(["" if r.get(c) is None else r[c] for c in COLUMNS])
        else:
            _print_table(rows, db)
