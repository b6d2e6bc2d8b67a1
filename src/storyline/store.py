"""The one DuckDB file that keeps every document and what was extracted from it.

Why one class and one write path: ingest must be incremental and idempotent on millions of
articles, and a process killed at any moment must leave a database a rerun can complete. So every
write goes through ``Store.write_document`` (or, for other layers, ``Store.transaction`` +
``Store.insert``): a document and all its rows go in one transaction, keyed by the document's
content id, and a document already stored is left untouched.

Concurrency: DuckDB lets one process open a file for writing (and then no other process may open
it at all). storyline keeps to that: worker processes only extract, the main process alone writes.
Commands that only read open the file read-only, so several of them can run side by side when no
ingest is running.

The schema is built and upgraded by the SQL files in ``storyline/data/schema/<component>/``
(see the README there); a layer adds tables by adding its own folder of migrations.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import duckdb
import pyarrow as pa

from .errors import StorylineError
from .lexicons import data_path
from .model import (
    Actor,
    ActorRef,
    DateValue,
    Document,
    Event,
    Evidence,
    Mention,
    Quote,
    Role,
    Sentence,
    TimeExpression,
    role_key,
)
from .options import DEFAULT_DB

WriteResult = Literal["new", "unchanged"]

#: What can go wrong turning a document into rows: a value of the wrong type, a constraint.
_STORE_ERRORS = (duckdb.Error, pa.ArrowException, TypeError, ValueError)

#: The component whose migrations run first: the tables of model.py.
CORE = "core"

#: DuckDB's memory for this process (its buffer pool and the operators of a query), where it
#: would otherwise take 80% of the machine's RAM. DuckDB keeps every block it has written or read
#: in memory until it reaches its limit, so without one an ingest's main process grows with the
#: database (the story update at the end reads every table again); with it, older blocks are
#: dropped and read back from the file when needed (the OS keeps them cached), and a large join
#: spills to ``<database>.tmp``. Queries give the same rows either way.
MEMORY_LIMIT = "128MB"


@dataclass(frozen=True)
class Migration:
    component: str
    version: int
    name: str
    path: Path

    @property
    def sql(self) -> str:
        return self.path.read_text(encoding="utf-8")


_MIGRATION_FILE = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")


def find_migrations(root: Path | None = None) -> list[Migration]:
    """Every migration file, in the order they must run: core first, then other components."""
    root = root or data_path("schema")
    found: list[Migration] = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        seen: dict[int, Path] = {}
        for f in sorted(folder.glob("*.sql")):
            m = _MIGRATION_FILE.match(f.name)
            if not m:
                raise StorylineError("E031", path=f)
            version = int(m.group(1))
            if version in seen:
                raise StorylineError("E032", path=f, version=version, name=folder.name, name2=seen[version].name)
            seen[version] = f
            found.append(Migration(folder.name, version, m.group(2), f))
    return sorted(found, key=lambda m: (m.component != CORE, m.component, m.version))


# ------------------------------------------------------------------ records <-> rows

#: Record fields stored one column each, with the same name; what a record has beyond these (and
#: the fields handled by hand below) goes in the row's ``extra`` JSON, so nothing is lost.
_FLAT: dict[str, tuple[type, tuple[str, ...]]] = {
    "sentences": (Sentence, ("start", "end", "paragraph", "background")),
    "mentions": (Mention, ("start", "end", "text", "kind", "actor_id", "country", "sector", "role",
                           "sentence", "confidence", "refs")),
    "timexes": (TimeExpression, ("start", "end", "text", "type", "value", "precision", "mod", "anchor",
                                 "range_end", "sentence")),
}

_DOC_COLUMNS = ("id", "name", "origin", "text", "title", "publisher", "publisher_evidence", "byline",
                "dateline", "dateline_date", "url", "metadata", "removed", "notes", "incomplete")
_DOC_NESTED = ("published", "sentences", "mentions", "actors", "timexes", "quotes", "events")
_ACTOR_COLUMNS = ("id", "name", "kind", "country", "sector", "aliases", "source")
_ROLE_COLUMNS = ("country", "sector", "title", "office", "start", "end", "source")
_REF_COLUMNS = ("name", "actor_id", "country", "sector", "start", "end", "text")
_QUOTE_COLUMNS = ("start", "end", "text", "kind", "speaker_description", "cue", "cue_start", "cue_end",
                  "sentence", "confidence")
_EVENT_COLUMNS = ("id", "start", "end", "evidence", "trigger", "cameo", "plover_type", "plover_mode", "what",
                  "location", "where_source", "status", "negated", "confidence", "sentence", "quote")
_EVIDENCE_COLUMNS = ("start", "end", "text", "sentence", "role")

#: Columns whose values are JSON text in the database.
_JSON_COLUMNS = {"metadata", "published", "speaker", "date", "extra"}


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


def _extra(data: dict[str, Any], handled: Sequence[str]) -> str | None:
    rest = {k: v for k, v in data.items() if k not in handled}
    return _json(rest) if rest else None


def _flat_row(record: Any, columns: Sequence[str]) -> dict[str, Any]:
    data = record.to_dict()
    row = {c: data.get(c) for c in columns}
    row["extra"] = _extra(data, columns)
    return row


def _date_columns(value: DateValue | None, prefix: str) -> dict[str, Any]:
    return {f"{prefix}_value": value.value if value else None,
            f"{prefix}_precision": value.precision if value else None}


def source_columns(doc: Document) -> dict[str, Any]:
    """Where the document's outlet and date came from (text, dateline, address, metadata,
    inferred), the finer method, and how sure each is: read off what cleaning and the dates
    stage recorded."""
    from .clean.sources import source_kind

    meta = doc.metadata or {}
    method = meta.get("publisher_source") if doc.publisher else None
    pub = doc.published
    return {"publisher_source": source_kind(method), "publisher_method": method,
            "publisher_confidence": meta.get("publisher_confidence") if doc.publisher else None,
            "carrier": meta.get("carrier"),
            "published_source": source_kind(pub.method) if pub else None,
            "published_confidence": pub.confidence if pub else None}


def document_rows(doc: Document) -> dict[str, list[dict[str, Any]]]:
    """Every row a document becomes, by table (actors and roles are merged separately)."""
    data = doc.to_dict()
    row = {c: data.get(c) for c in _DOC_COLUMNS}
    row["metadata"] = _json(doc.metadata)
    row["published"] = _json(data["published"])
    row["published_method"] = doc.published.method if doc.published else None
    row.update(_date_columns(doc.published, "published"))
    row.update(source_columns(doc))
    row["extra"] = _extra(data, _DOC_COLUMNS + _DOC_NESTED)
    rows: dict[str, list[dict[str, Any]]] = {"documents": [row]}

    for table, (_, columns) in _FLAT.items():
        rows[table] = [{"doc_id": doc.id, "idx": i, **_flat_row(r, columns)}
                       for i, r in enumerate(getattr(doc, table))]

    rows["quotes"] = []
    for i, q in enumerate(doc.quotes):
        qd = q.to_dict()
        r = {"doc_id": doc.id, "idx": i, **{c: qd.get(c) for c in _QUOTE_COLUMNS}}
        sp = q.speaker
        r.update({f"speaker_{c}": getattr(sp, c) if sp else None for c in _REF_COLUMNS})
        r["speaker_name"] = sp.name if sp else None
        r["speaker"] = _json(qd["speaker"])
        r.update(_date_columns(q.date, "date"))
        r["date"] = _json(qd["date"])
        r["extra"] = _extra(qd, _QUOTE_COLUMNS + ("speaker", "date"))
        rows["quotes"].append(r)

    rows["events"], rows["event_actors"], rows["event_sources"] = [], [], []
    for i, e in enumerate(doc.events):
        ed = e.to_dict()
        r = {"doc_id": doc.id, "idx": i, **{c: ed.get(c) for c in _EVENT_COLUMNS}}
        r.update(_date_columns(e.date, "date"))
        r["date"] = _json(ed["date"])
        r["extra"] = _extra(ed, _EVENT_COLUMNS + ("date", "source", "target", "evidence_more"))
        rows["events"].append(r)
        for side in ("source", "target"):
            for j, ref in enumerate(getattr(e, side)):
                rows["event_actors"].append({"doc_id": doc.id, "event_id": e.id, "side": side, "idx": j,
                                             **_flat_row(ref, _REF_COLUMNS)})
        spans = [Evidence(e.start, e.end, e.evidence, doc.id, e.sentence, "primary"), *e.evidence_more]
        for j, ev in enumerate(spans):
            rows["event_sources"].append({"doc_id": doc.id, "event_id": e.id, "idx": j,
                                          "evidence_doc_id": ev.doc_id or doc.id,
                                          **_flat_row(ev, _EVIDENCE_COLUMNS)})
    rows["document_actors"] = [{"doc_id": doc.id, "actor_id": a.id, "idx": i} for i, a in enumerate(doc.actors)]
    return rows


def _loads(row: dict[str, Any]) -> dict[str, Any]:
    return {k: (json.loads(v) if k in _JSON_COLUMNS and isinstance(v, str) else v) for k, v in row.items()}


def _record(cls: type, row: dict[str, Any], columns: Sequence[str]) -> Any:
    data = {c: row[c] for c in columns if c in row}
    data.update(row.get("extra") or {})
    return cls.from_dict(data)


# ------------------------------------------------------------------ the store


class Store:
    """One DuckDB file: opened (and migrated) once, written only through this class."""

    def __init__(self, path: str | Path = DEFAULT_DB, *, read_only: bool = False, existing: bool = False):
        """``existing``: open for writing a database that must already be there (E033 otherwise,
        as for ``read_only``), for commands that update what an ingest stored."""
        self.path = Path(path)
        self.read_only = read_only
        if (read_only or existing) and not self.path.exists():
            raise StorylineError("E033", path=self.path)
        try:
            self.con = duckdb.connect(str(self.path), read_only=read_only, config={"memory_limit": MEMORY_LIMIT})
        except duckdb.IOException as e:
            first = str(e).splitlines()[0]
            if "lock" in first.lower():
                from .serve.lockfile import holder

                note = holder(self.path)  # a running 'storyline serve' says where it is
                if note:
                    raise StorylineError("E030", path=self.path, url=note["url"], pid=note["pid"]) from e
                raise StorylineError("E034", path=self.path, first=first) from e
            raise StorylineError("E035", path=self.path, first=first) from e
        except duckdb.Error as e:
            raise StorylineError("E048", path=self.path, detail=str(e).splitlines()[0]) from e
        self._in_transaction = False
        self.migrate()

    # -------------------------------------------------------------- life cycle

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -------------------------------------------------------------- schema

    def versions(self) -> dict[str, int]:
        """The schema version of each component in this file (empty for a new file)."""
        exists = self.con.execute("SELECT count(*) FROM information_schema.tables "
                                  "WHERE table_name = 'schema_version'").fetchone()
        if not exists or not exists[0]:
            return {}
        return dict(self.con.execute("SELECT component, max(version) FROM schema_version GROUP BY component")
                    .fetchall())

    def migrate(self, migrations: list[Migration] | None = None) -> list[Migration]:
        """Apply the migrations this file lacks, each in its own transaction; returns them."""
        migrations = find_migrations() if migrations is None else migrations
        have = self.versions()
        newest: dict[str, int] = {}
        for m in migrations:
            newest[m.component] = max(newest.get(m.component, 0), m.version)
        for component, version in have.items():
            if version > newest.get(component, 0):
                raise StorylineError("E036", path=self.path, component=component, version=version, newest=newest.get(component, 0))
        todo = [m for m in migrations if m.version > have.get(m.component, 0)]
        if not todo:
            return []
        if self.read_only:
            raise StorylineError("E037", path=self.path, items=', '.join(f'{m.component} v{m.version}' for m in todo))
        self.con.execute("CREATE TABLE IF NOT EXISTS schema_version (component VARCHAR NOT NULL, "
                         "version INTEGER NOT NULL, name VARCHAR NOT NULL, "
                         "applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp, "
                         "PRIMARY KEY (component, version))")
        for m in todo:
            with self.transaction():
                try:
                    self.con.execute(m.sql)
                except duckdb.Error as e:
                    raise StorylineError("E038", path=m.path, detail=str(e).splitlines()[0]) from e
                self.con.execute("INSERT INTO schema_version (component, version, name) VALUES (?, ?, ?)",
                                 [m.component, m.version, m.name])
        return todo

    def tables(self) -> list[str]:
        return [r[0] for r in self.con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' "
            "AND table_type = 'BASE TABLE' ORDER BY table_name").fetchall()]

    # -------------------------------------------------------------- writing

    @contextmanager
    def transaction(self) -> Iterator[Store]:
        """All writes inside commit together or not at all (a crash leaves no half-written rows)."""
        if self.read_only:
            raise StorylineError("E039", path=self.path)
        if self._in_transaction:
            yield self
            return
        self.con.execute("BEGIN TRANSACTION")
        self._in_transaction = True
        try:
            yield self
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        else:
            self.con.execute("COMMIT")
        finally:
            self._in_transaction = False

    def insert(self, table: str, rows: list[dict[str, Any]], *, ignore_existing: bool = False) -> int:
        """Append rows (dicts of column -> value, columns matched by name) inside a transaction;
        ``ignore_existing`` skips rows whose primary key is already there.

        Rows go in as one Arrow table: several times faster than row-by-row inserts. The query
        names the table by a local variable, which DuckDB finds by itself (a replacement scan):
        registering and unregistering a view for each insert cost more than the insert itself
        (about 6 of 18 ms per document stored alone, 100 BBC articles)."""
        if not rows:
            return 0
        if not self._in_transaction:
            raise StorylineError("E040", table=table)
        if not re.fullmatch(r"[a-z_][a-z0-9_]*", table):
            raise StorylineError("E041", table=table)
        _storyline_rows = pa.Table.from_pylist(rows)  # noqa: F841 - read by the query below, by name
        cols = ", ".join(f'"{c}"' for c in rows[0])
        verb = "INSERT OR IGNORE INTO" if ignore_existing else "INSERT INTO"
        self.con.execute(f"{verb} {table} ({cols}) SELECT {cols} FROM _storyline_rows")
        return len(rows)

    def execute(self, sql: str, params: Sequence[Any] | None = None) -> None:
        """Run one writing statement (UPDATE, DELETE) inside a transaction: for layers that keep
        derived tables up to date (the story layer marks background sentences and replaces the
        story events it recomputes)."""
        if not self._in_transaction:
            raise StorylineError("E049")
        try:
            self.con.execute(sql, params) if params is not None else self.con.execute(sql)
        except duckdb.Error as e:
            raise StorylineError("E047", detail=str(e).splitlines()[0]) from e

    def has(self, doc_id: str) -> bool:
        return self.con.execute("SELECT 1 FROM documents WHERE id = ?", [doc_id]).fetchone() is not None

    def has_url(self, url: str) -> bool:
        """Whether a document read from this web address is stored (a feed's items are skipped on it)."""
        return self.con.execute("SELECT 1 FROM documents WHERE url = ? LIMIT 1", [url]).fetchone() is not None

    def write_document(self, doc: Document) -> WriteResult:
        """Store a document and everything extracted from it, in one transaction.

        Returns "unchanged" (and writes nothing) when a document with the same content id is
        already stored, so ingesting the same files again costs nothing and changes nothing."""
        try:
            with self.transaction():
                return self._write([doc])[0]
        except _STORE_ERRORS as e:
            raise StorylineError("E046", origin=doc.origin, id=doc.id, kind=type(e).__name__, detail=str(e).splitlines()[0]) from e

    def write_documents(self, docs: Sequence[Document]) -> list[WriteResult | StorylineError]:
        """Store several documents in one transaction: the bulk-load path (``--commit-every``).

        A transaction costs a few milliseconds whatever it holds, so a group of documents per
        commit stores many times faster; the group is still all or nothing, so a crash leaves
        whole documents only. Where the group cannot be stored, each document is retried in its
        own transaction and one that still fails gets its StorylineError in the result."""
        if len(docs) > 1:
            try:
                with self.transaction():
                    return list(self._write(docs))
            except _STORE_ERRORS:
                pass  # find the culprit: one transaction per document
        results: list[WriteResult | StorylineError] = []
        for doc in docs:
            try:
                results.append(self.write_document(doc))
            except StorylineError as e:
                results.append(e)
        return results

    def _write(self, docs: Sequence[Document]) -> list[WriteResult]:
        """The rows of every document not yet stored (inside the caller's transaction)."""
        stored = {r[0] for r in self.con.execute("SELECT id FROM documents WHERE list_contains(?, id)",
                                                 [[d.id for d in docs]]).fetchall()}
        results: list[WriteResult] = []
        tables: dict[str, list[dict[str, Any]]] = {}
        fresh = []
        for doc in docs:
            if doc.id in stored:
                results.append("unchanged")
                continue
            stored.add(doc.id)  # the same article twice in one group is stored once
            results.append("new")
            fresh.append(doc)
            for table, rows in document_rows(doc).items():
                tables.setdefault(table, []).extend(rows)
        for table, rows in tables.items():
            self.insert(table, rows)
        self._merge_actors([(doc.id, actor) for doc in fresh for actor in doc.actors])
        return results

    def _merge_actors(self, found: list[tuple[str, Actor]]) -> None:
        """Actors are corpus-wide: a known actor gains the new aliases and roles, keeps the rest.
        ``found`` pairs each actor with the id of the document it came from."""
        if not found:
            return
        mine: dict[str, tuple[Actor, str]] = {}
        learned: list[tuple[str, Role, str]] = []  # (actor id, role, the document it came from)
        for doc_id, actor in found:  # the same actor twice is one actor, first seen in the first document
            if actor.id in mine:
                have = mine[actor.id][0]
                have.aliases += [a for a in actor.aliases if a not in have.aliases]
            else:
                mine[actor.id] = (Actor.from_dict(actor.to_dict()), doc_id)
            learned += [(actor.id, role, doc_id) for role in actor.roles]
        known = dict(self.con.execute("SELECT id, aliases FROM actors WHERE list_contains(?, id)",
                                      [list(mine)]).fetchall())
        new_rows, roles = [], {}
        for actor, doc_id in mine.values():
            if actor.id in known:
                aliases = list(known[actor.id] or [])
                added = [a for a in actor.aliases if a not in aliases]
                if added:
                    self.con.execute("UPDATE actors SET aliases = ?, updated_at = current_timestamp WHERE id = ?",
                                     [aliases + added, actor.id])
            else:
                data = actor.to_dict()
                new_rows.append({**{c: data.get(c) for c in _ACTOR_COLUMNS}, "first_doc_id": doc_id,
                                 "extra": _extra(data, _ACTOR_COLUMNS + ("roles",))})
        # a role's row names the document it was first learned from, as when each document is
        # stored alone: how documents are grouped into transactions changes no row
        for actor_id, role, doc_id in learned:
            key = role_key(role)
            if (actor_id, key) in roles:
                continue
            rd = role.to_dict()
            roles[(actor_id, key)] = {"actor_id": actor_id, "role_key": key,
                                      **{c: rd.get(c) for c in _ROLE_COLUMNS}, "doc_id": doc_id,
                                      "extra": _extra(rd, _ROLE_COLUMNS)}
        self.insert("actors", new_rows)
        self.insert("roles", list(roles.values()), ignore_existing=True)

    # -------------------------------------------------------------- reading

    def query(self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run one SQL statement and return its rows as dicts: the read path for every command."""
        try:
            cur = self.con.execute(sql, params) if params is not None else self.con.execute(sql)
        except duckdb.Error as e:
            raise StorylineError("E042", detail=str(e).splitlines()[0]) from e
        if cur.description is None:
            return []
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def count(self, table: str = "documents") -> int:
        if table not in self.tables():
            raise StorylineError("E043", table=table, tables=', '.join(self.tables()))
        return self.query(f"SELECT count(*) AS n FROM {table}")[0]["n"]

    def documents(self) -> list[dict[str, Any]]:
        """One summary row per stored document, oldest first, with how much was found in it."""
        counts = "\n".join(
            f"LEFT JOIN (SELECT doc_id, count(*) AS n FROM {t} GROUP BY doc_id) {t} ON {t}.doc_id = d.id"
            for t in ("sentences", "mentions", "quotes", "events"))
        return self.query(f"""
            SELECT d.id, d.name, d.origin, d.title, d.publisher, d.byline, d.dateline, d.dateline_date,
                   d.published_value AS published, d.published_precision, d.published_method, d.url,
                   d.publisher_source, d.publisher_method, d.publisher_confidence, d.carrier,
                   d.published_source, d.published_confidence,
                   length(d.text) AS chars,
                   coalesce(sentences.n, 0) AS sentences, coalesce(mentions.n, 0) AS mentions,
                   coalesce(quotes.n, 0) AS quotes, coalesce(events.n, 0) AS events,
                   d.ingested_at
            FROM documents d
            {counts}
            ORDER BY d.ingested_at, d.name""")

    def document(self, doc_id: str) -> Document:
        """A stored document rebuilt with every record extracted from it (the spaCy parse aside)."""
        docs = self.read_documents([doc_id])
        if not docs:
            raise StorylineError("E044", doc_id=doc_id, path=self.path)
        return docs[0]

    def read_documents(self, doc_ids: Sequence[str]) -> list[Document]:
        """Stored documents rebuilt, in the order of ``doc_ids`` (an id not stored is left out).

        One query per table for all of them: the child tables have no index on the document
        (it would slow every write), so each query scans a table, and reading a batch of
        documents one by one would scan every table once per document."""
        ids = list(dict.fromkeys(doc_ids))
        if not ids:
            return []
        within = "doc_id IN (SELECT unnest(?::VARCHAR[]))"

        def children(table: str) -> dict[str, list[dict[str, Any]]]:
            out: dict[str, list[dict[str, Any]]] = {}
            for r in self.query(f"SELECT * FROM {table} WHERE {within} ORDER BY doc_id, idx", [ids]):
                out.setdefault(r["doc_id"], []).append(_loads(r))
            return out

        def by_event(table: str) -> dict[tuple[str, str], list[dict[str, Any]]]:
            out: dict[tuple[str, str], list[dict[str, Any]]] = {}
            for r in self.query(f"SELECT * FROM {table} WHERE {within} ORDER BY doc_id, event_id, idx", [ids]):
                out.setdefault((r["doc_id"], r["event_id"]), []).append(_loads(r))
            return out

        rows = {r["id"]: _loads(r) for r in self.query(
            "SELECT * FROM documents WHERE id IN (SELECT unnest(?::VARCHAR[]))", [ids])}
        flat = {table: children(table) for table in _FLAT}
        quotes, events = children("quotes"), children("events")
        refs, spans = by_event("event_actors"), by_event("event_sources")
        linked = children("document_actors")
        actors = self._actor_rows({r["actor_id"] for rs in linked.values() for r in rs})
        docs = []
        for doc_id in ids:
            if doc_id not in rows:
                continue
            row = rows[doc_id]
            data = {c: row[c] for c in _DOC_COLUMNS}
            for listed in ("removed", "notes", "incomplete"):  # NULL in rows stored before they existed
                data[listed] = list(row[listed] or [])
            data["metadata"] = row["metadata"] or {}
            data["published"] = row["published"]
            data.update(row.get("extra") or {})
            doc = Document.from_dict(data)
            for table, (cls, columns) in _FLAT.items():
                setattr(doc, table, [_record(cls, r, columns) for r in flat[table].get(doc_id, [])])
            for r in quotes.get(doc_id, []):
                q = _record(Quote, r, _QUOTE_COLUMNS)
                q.speaker = ActorRef.from_dict(r["speaker"]) if r["speaker"] else None
                q.date = DateValue.from_dict(r["date"]) if r["date"] else None
                doc.quotes.append(q)
            for r in events.get(doc_id, []):
                e = _record(Event, r, _EVENT_COLUMNS)
                e.date = DateValue.from_dict(r["date"]) if r["date"] else None
                mine = refs.get((doc_id, e.id), [])
                for side in ("source", "target"):
                    setattr(e, side, [_record(ActorRef, x, _REF_COLUMNS) for x in mine if x["side"] == side])
                e.evidence_more = [_evidence(x) for x in spans.get((doc_id, e.id), []) if x["idx"] > 0]
                doc.events.append(e)
            doc.actors = [_actor(*actors[r["actor_id"]]) for r in linked.get(doc_id, []) if r["actor_id"] in actors]
            docs.append(doc)
        return docs

    def actor(self, actor_id: str) -> Actor:
        found = self._actor_rows({actor_id})
        if actor_id not in found:
            raise StorylineError("E045", actor_id=actor_id, path=self.path)
        return _actor(*found[actor_id])

    def _actor_rows(self, actor_ids: set[str]) -> dict[str, tuple[dict[str, Any], list[dict[str, Any]]]]:
        """The rows of these actors and of their roles (in time order), by actor id."""
        if not actor_ids:
            return {}
        ids = sorted(actor_ids)
        found: dict[str, tuple[dict[str, Any], list[dict[str, Any]]]] = {
            r["id"]: (_loads(r), []) for r in self.query(
                "SELECT * FROM actors WHERE id IN (SELECT unnest(?::VARCHAR[]))", [ids])}
        for r in self.query("SELECT * FROM roles WHERE actor_id IN (SELECT unnest(?::VARCHAR[])) "
                            "ORDER BY actor_id, start NULLS FIRST, role_key", [ids]):
            if r["actor_id"] in found:
                found[r["actor_id"]][1].append(_loads(r))
        return found


def _actor(row: dict[str, Any], roles: list[dict[str, Any]]) -> Actor:
    row = dict(row)
    row["aliases"] = list(row["aliases"] or [])
    actor = _record(Actor, row, _ACTOR_COLUMNS)
    actor.roles = [_record(Role, r, _ROLE_COLUMNS) for r in roles]
    return actor


def _evidence(row: dict[str, Any]) -> Evidence:
    ev = _record(Evidence, row, _EVIDENCE_COLUMNS)
    ev.doc_id = row["evidence_doc_id"]
    return ev

