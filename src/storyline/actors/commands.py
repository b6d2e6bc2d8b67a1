"""The actor commands: ``storyline actors`` (list), ``storyline actor NAME`` (one actor's roles
and mentions) and ``storyline actors add FILE`` (store a knowledge-base file with the database).

Reads go through ``Store.query``; the only write is the ``kb_files`` table of the actors layer.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from ..cli_options import DbOption, KbOption
from ..errors import StorylineError
from ..options import DEFAULT_DB
from . import names as N


class Format(StrEnum):
    table = "table"
    json = "json"


def _out() -> Console:
    return Console(soft_wrap=True, width=None if sys.stdout.isatty() else 200)


def _fail(e: StorylineError) -> typer.Exit:
    print(f"storyline: {e}", file=sys.stderr)
    return typer.Exit(2)


def _line(obj: Any) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, default=str) + "\n")


def _role_text(r: dict[str, Any]) -> str:
    what = r.get("title") or (r.get("office") or "").replace("_", " ") or r.get("sector") or "?"
    code = f"{r.get('country') or ''}{r.get('sector') or ''}"
    when = f"{r.get('start') or '…'}–{r.get('end') or ''}" if r.get("start") or r.get("end") else ""
    return " ".join(x for x in (what, f"[{code}]" if code else "", when) if x)


# ---------------------------------------------------------------- queries (library calls)


def _where(f: dict[str, Any]) -> str:
    """An actor's kind and where it acts: "movement; country PSE, sector REB"; a body acts under
    its own code ("organization; scope AU, sector IGO"); a transnational group under none."""
    country, sector = f.get("country"), f.get("sector")
    if not country:
        place = f"scope {f['id']} (no home state)" if f["id"].isupper() else "no home state"
    else:
        place = f"{'scope' if country == f['id'] and f['kind'] != 'state' else 'country'} {country}"
    return f"{f['kind']}; {place}" + (f", sector {sector}" if sector else "")


def list_actors(store: Any, kind: str | None = None, country: str | None = None) -> list[dict[str, Any]]:
    """Stored actors with their mention counts and roles, most mentioned first."""
    where, params = [], []
    if kind:
        where.append("a.kind = ?")
        params.append(kind)
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


# ---------------------------------------------------------------- commands


def register(app: typer.Typer) -> None:
    actors_app = typer.Typer(help="Stored actors: list them, or add a knowledge-base file to the database.",
                             invoke_without_command=True, no_args_is_help=False)
    app.add_typer(actors_app, name="actors")

    @actors_app.callback()
    def actors(ctx: typer.Context, db: DbOption = DEFAULT_DB,
               format: Annotated[Format, typer.Option("--format", "-f", help="table, or json: one object per line.")]
               = Format.table,
               kind: Annotated[str | None, typer.Option("--kind", help="Only this kind: person, state, "
                                                        "organization, group.")] = None,
               country: Annotated[str | None, typer.Option("--country", help="Only this country code.")] = None,
               ) -> None:
        """List the stored actors with their codes, roles and mention counts."""
        if ctx.invoked_subcommand is not None:
            return
        from ..store import Store

        try:
            with Store(db, read_only=True) as store:
                rows = list_actors(store, kind, country)
        except StorylineError as e:
            raise _fail(e) from e
        if format is Format.json:
            for r in rows:
                _line(r)
            return
        table = Table(title=f"{len(rows)} actors in {db}", title_justify="left")
        for col in ("name", "kind", "code", "mentions", "documents", "roles"):
            table.add_column(col, overflow="fold", justify="right" if col in ("mentions", "documents") else "left",
                             max_width=70 if col == "roles" else None)
        for r in rows:
            dated = [x for x in r["roles"] if x.get("office") or x.get("start")]
            shown = "; ".join(_role_text(x) for x in dated[-3:])
            table.add_row(r["name"], r["kind"] or "", f"{r['country'] or ''}{r['sector'] or ''}",
                          str(r["mentions"]), str(r["documents"]), shown)
        _out().print(table)

    @actors_app.command("add")
    def add(file: Annotated[Path, typer.Argument(help="A knowledge-base file (YAML, format in docs/actors.md).")],
            db: DbOption = DEFAULT_DB) -> None:
        """Store a knowledge-base file with the database: every later ingest into it uses it."""
        from ..store import Store
        from .stored import add_kb_file

        try:
            with Store(db) as store:
                kb = add_kb_file(store, file)
        except StorylineError as e:
            raise _fail(e) from e
        print(f"actors add: {file.name} stored in {db}: {len(kb.people)} people, {len(kb.organizations)} "
              f"organisations, {len(kb.states)} states, {len(kb.bodies)} bodies", file=sys.stderr)

    @app.command("actor")
    def actor(name: Annotated[str, typer.Argument(help="A name, part of one, or an actor id.")],
              db: DbOption = DEFAULT_DB, kb: KbOption = None,
              format: Annotated[Format, typer.Option("--format", "-f", help="table, or json (one object).")]
              = Format.table) -> None:
        """One actor's roles over time and where it is mentioned (from the store; from the knowledge
        base alone when the store has never seen it)."""
        from ..store import Store
        from .kb import load_kb

        try:
            found: list[dict[str, Any]] = []
            if db.exists():
                with Store(db, read_only=True) as store:
                    for row in find_actor(store, name):
                        full = store.actor(row["id"]).to_dict()
                        full["mentions"] = actor_mentions(store, row["id"])
                        found.append(full)
            if not found:
                base = load_kb(kb or [])
                found = [{**a.to_dict(), "mentions": []} for a in base.search(name)[:5]]
        except StorylineError as e:
            raise _fail(e) from e
        if not found:
            print(f"storyline: no actor named {name!r} in {db} or the knowledge base", file=sys.stderr)
            raise typer.Exit(1)
        if format is Format.json:
            for f in found:
                _line(f)
            return
        out = _out()
        for f in found:
            out.print(f"[bold]{f['name']}[/] ({_where(f)}) id={f['id']} source={f.get('source') or '-'}")
            if f.get("aliases"):
                out.print("  also: " + ", ".join(f["aliases"][:12]), markup=False)
            roles = sorted(f.get("roles") or [], key=lambda r: (r.get("start") or "", r.get("end") or ""))
            table = Table(title="roles over time", title_justify="left")
            for col in ("from", "to", "office", "title", "code", "source"):
                table.add_column(col, overflow="fold")
            for r in roles:
                table.add_row(r.get("start") or "", r.get("end") or "", (r.get("office") or "").replace("_", " "),
                              r.get("title") or "", f"{r.get('country') or ''}{r.get('sector') or ''}",
                              r.get("source") or "")
            out.print(table)
            if f["mentions"]:
                mt = Table(title=f"{len(f['mentions'])} mentions", title_justify="left")
                for col in ("document", "published", "at", "words", "sentence"):
                    mt.add_column(col, overflow="fold", max_width=80 if col == "sentence" else None)
                for m in f["mentions"]:
                    mt.add_row(m["document"], m["published"] or "", f"{m['start']}-{m['end']}", m["text"],
                               (m["sentence"] or "").replace("\n", " "))
                out.print(mt)
            else:
                out.print("  not mentioned in the stored documents", markup=False)
