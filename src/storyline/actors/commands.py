"""The actor commands: ``storyline actors`` (list), ``storyline actor NAME`` (one actor's roles
and mentions) and ``storyline actors add FILE`` (store a knowledge-base file with the database).

The queries are ``query.actors``; the only write is the ``kb_files`` table of the actors layer.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from ..cli_options import (
    RECORD_FORMATS,
    DbOption,
    KbOption,
    choices,
    consoles,
    print_json_lines,
    print_records,
    user_errors,
)
from ..model import ACTOR_KINDS
from ..options import DEFAULT_DB
from ..query.actors import actor_profiles, list_actors
from ..store import Store
from .stored import add_kb_file

ActorsFormat = choices("ActorsFormat", RECORD_FORMATS)
ActorFormat = choices("ActorFormat", ("table", "json"))
ActorKind = choices("ActorKind", ACTOR_KINDS)

_CSV = ("id", "name", "kind", "country", "sector", "source", "mentions", "documents")


def _where(f: dict[str, Any]) -> str:
    """An actor's kind and where it acts: "movement; country PSE, sector REB"; a body acts under
    its own code ("organization; scope AU, sector IGO"); a transnational group under none."""
    country, sector = f.get("country"), f.get("sector")
    if not country:
        place = f"scope {f['id']} (no home state)" if f["id"].isupper() else "no home state"
    else:
        place = f"{'scope' if country == f['id'] and f['kind'] != 'state' else 'country'} {country}"
    return f"{f['kind']}; {place}" + (f", sector {sector}" if sector else "")


def _role_text(r: dict[str, Any]) -> str:
    what = r.get("title") or (r.get("office") or "").replace("_", " ") or r.get("sector") or "?"
    code = f"{r.get('country') or ''}{r.get('sector') or ''}"
    when = f"{r.get('start') or '…'}–{r.get('end') or ''}" if r.get("start") or r.get("end") else ""
    return " ".join(x for x in (what, f"[{code}]" if code else "", when) if x)


def actors(ctx: typer.Context, db: DbOption = DEFAULT_DB,
           format: Annotated[ActorsFormat, typer.Option("--format", "-f", help="table; json: one record per line; csv: a header row, then one row per record.")] = "table",  # type: ignore[valid-type, assignment]
           kind: Annotated[ActorKind | None, typer.Option("--kind", help="Only this kind.")] = None,  # type: ignore[valid-type]
           country: Annotated[str | None, typer.Option("--country", help="Only this country code.")] = None,
           ) -> None:
    """List the stored actors with their codes, roles and mention counts."""
    if ctx.invoked_subcommand is not None:
        return
    with user_errors(), Store(db, read_only=True) as store:
        rows = list_actors(store, kind and str(kind), country)
    if str(format) == "table":  # the table shows the code and the last three dated roles
        rows = [{**r, "code": f"{r['country'] or ''}{r['sector'] or ''}",
                 "roles": "; ".join(_role_text(x) for x in [x for x in r["roles"] if x.get("office") or x.get("start")][-3:])}
                for r in rows]
    print_records(rows, str(format), _CSV, f"{len(rows)} actors in {db}",
                  ("name", "kind", "code", "mentions", "documents", "roles"), widths={"roles": 70},
                  right=("mentions", "documents"))


def add(file: Annotated[Path, typer.Argument(help="A knowledge-base file (YAML, format in docs/actors.md).")],
        db: DbOption = DEFAULT_DB) -> None:
    """Store a knowledge-base file with the database: every later ingest into it uses it."""
    with user_errors(), Store(db) as store:
        kb = add_kb_file(store, file)
    print(f"actors add: {file.name} stored in {db}: {len(kb.people)} people, {len(kb.organizations)} "
          f"organisations, {len(kb.states)} states, {len(kb.bodies)} bodies", file=sys.stderr)


def _print_profile(f: dict[str, Any]) -> None:
    out = consoles.out
    out.print(f"[bold]{f['name']}[/] ({_where(f)}) id={f['id']} source={f.get('source') or '-'}")
    if f.get("aliases"):
        out.print("  also: " + ", ".join(f["aliases"][:12]), markup=False)
    roles = sorted(f.get("roles") or [], key=lambda r: (r.get("start") or "", r.get("end") or ""))
    table = Table(title="roles over time", title_justify="left")
    for col in ("from", "to", "office", "title", "code", "source"):
        table.add_column(col, overflow="fold")
    for r in roles:
        table.add_row(r.get("start") or "", r.get("end") or "", (r.get("office") or "").replace("_", " "),
                      r.get("title") or "", f"{r.get('country') or ''}{r.get('sector') or ''}", r.get("source") or "")
    out.print(table)
    if not f["mentions"]:
        out.print("  not mentioned in the stored documents", markup=False)
        return
    mt = Table(title=f"{len(f['mentions'])} mentions", title_justify="left")
    for col in ("document", "published", "at", "words", "sentence"):
        mt.add_column(col, overflow="fold", max_width=80 if col == "sentence" else None)
    for m in f["mentions"]:
        mt.add_row(m["document"], m["published"] or "", f"{m['start']}-{m['end']}", m["text"],
                   (m["sentence"] or "").replace("\n", " "))
    out.print(mt)


def actor(name: Annotated[str, typer.Argument(help="A name, part of one, or an actor id.")],
          db: DbOption = DEFAULT_DB, kb: KbOption = None,
          format: Annotated[ActorFormat, typer.Option("--format", "-f", help="table: roles and mentions; json: one record per actor.")] = "table",  # type: ignore[valid-type, assignment]
          ) -> None:
    """One actor's roles over time and where it is mentioned (from the store; from the knowledge
    base alone when the store has never seen it)."""
    with user_errors():
        found = actor_profiles(db, name, kb)
    if not found:
        print(f"storyline: no actor named {name!r} in {db} or the knowledge base", file=sys.stderr)
        raise typer.Exit(1)
    if str(format) == "json":
        print_json_lines(found)
        return
    for f in found:
        _print_profile(f)


def register(app: typer.Typer) -> None:
    actors_app = typer.Typer(help="Stored actors: list them, or add a knowledge-base file to the database.",
                             invoke_without_command=True, no_args_is_help=False)
    app.add_typer(actors_app, name="actors")
    actors_app.callback()(actors)
    actors_app.command("add")(add)
    app.command("actor")(actor)
