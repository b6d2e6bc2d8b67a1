"""The actor knowledge base: who is who, under which names, holding which office when.

Loaded once per process (``Context.kb`` calls ``load_kb``) from the compiled
``data/actors/kb.json.gz`` (see ``build.py``), then extended by users' files (``--kb FILE``),
by actors stored with the database (``storyline actors add``) and by actors learned from text.
Actor records are made from compact rows only when asked for, so loading stays fast.
"""

from __future__ import annotations

import gzip
import json
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import StorylineError
from ..lexicons import data_path, load_lexicon
from ..model import Actor, Role
from . import names as N
from .kbfile import KBFile, read_data, read_file
from .rows import COMPILED, chronological, role_row
from .spelling import NearNames, repaired_name

log = logging.getLogger(__name__)

@lru_cache(maxsize=1)
def sector_groups() -> dict[str, str]:
    """Names of a state's sectors as actors ("Armed forces of {state}"), from actor_roles.yaml."""
    return {str(k): str(v) for k, v in (load_lexicon("actor_roles").get("sector_groups") or {}).items()}


@dataclass(frozen=True)
class Metonym:
    """A word that stands for an actor: a capital (Baku), a seat (the Kremlin, the Pentagon)."""

    actor_id: str
    sector: str | None
    kind: str  # capital, seat


class KnowledgeBase:
    """Names to actors, and offices to their holders on a date."""

    def __init__(self, data: dict[str, Any]):
        # rows stay JSON text until an actor is asked for: most of 20,000 never are in a run
        self._rows: dict[str, list | str] = dict(data["actors"]) if isinstance(data["actors"], dict) else \
            {row[0]: row for row in data["actors"]}
        self._made: dict[str, Actor] = {}
        self.states_info: dict[str, dict] = {k: {**v, "titles": dict(v.get("titles") or {})}
                                             for k, v in data["states"].items()}
        self.bodies: dict[str, dict] = dict(data["bodies"])
        self.metonyms: dict[str, list[Metonym]] = {k: [Metonym(*m) for m in v] for k, v in data["metonyms"].items()}
        self.demonyms: dict[str, str] = dict(data["demonyms"])
        self.generic: dict[str, str] = dict(data["generic"])
        N.set_variants(data.get("variants") or [], data.get("particles") or [])
        index = data.get("index")
        if index is not None:  # built with the compiled file: loading only reads it
            self.names = Overlay(_frozen(index, "names"))
            self.loose = Overlay(_frozen(index, "loose"))
            self.surnames = Overlay(_frozen(index, "surnames"))
            self._by_office = Overlay({(o, c or None): tuple(ids) for o, c, ids in index["offices"]})
        else:
            self.names, self.loose, self.surnames, self._by_office = Overlay(), Overlay(), Overlay(), Overlay()
            for aid in list(self._rows):
                self._index_row(self._row(aid))
        self.files: list[str] = []
        #: the date up to which the curated terms are known (an open term holds up to it)
        self.as_of: str | None = data.get("as_of")
        self.version = 0  # counts additions, so the ruler knows when to read new names
        self._near: tuple[int, NearNames] | None = None  # (version, index), built when first asked

    def index_data(self) -> dict[str, Any]:
        """The name and office indexes in JSON form (stored in the compiled file)."""
        return {"names": self.names.merged(), "loose": self.loose.merged(), "surnames": self.surnames.merged(),
                "offices": [[o, c, ids if isinstance(ids, list) else [ids]]
                            for (o, c), ids in self._by_office.merged().items()]}

    # ------------------------------------------------------------- building

    def _row(self, aid: str) -> list:
        row = self._rows[aid]
        if isinstance(row, str):
            row = json.loads(row)
            self._rows[aid] = row
        return row

    def _index_row(self, row: list) -> None:
        aid, name, kind, country, _sector, aliases, roles = row[:7]
        for n in (name, *aliases):
            words = N.name_words(n)
            if not words:
                continue
            key = " ".join(words)
            _push(self.names, key, aid)
            _push(self.loose, " ".join(N.loose_word(w) for w in words), aid)
            if kind == "person":
                for s in N.surname_words(words):
                    _push(self.surnames, s, aid)
                if len(words) >= 3:  # "Sergey Viktorovich Lavrov" is also "Sergey Lavrov"
                    short = f"{words[0]} {words[-1]}"
                    _push(self.names, short, aid)
                    _push(self.loose, f"{N.loose_word(words[0])} {N.loose_word(words[-1])}", aid)
        for r in roles:
            if r[3]:
                _push(self._by_office, (r[3], r[0]), aid)

    def add(self, actor: Actor, *, replace: bool = False) -> Actor:
        """Add (or merge into an existing record) an actor from a user file, the store or the text.
        Returns the record now in the knowledge base."""
        self.version += 1
        existing = self._same(actor)
        if existing is not None and not replace:
            known = {N.name_key(x) for x in [existing.name, *existing.aliases]}
            for al in [actor.name, *actor.aliases]:
                if N.name_key(al) not in known:
                    existing.aliases.append(al)
                    known.add(N.name_key(al))
            for r in actor.roles:
                if not any(role_row(r)[:6] == role_row(x)[:6] for x in existing.roles):
                    existing.roles.append(r)
            existing.roles = chronological(existing.roles)
            self._rows[existing.id] = _row(existing)
            self._index_row(self._rows[existing.id])
            return existing
        actor.roles = chronological(actor.roles)
        if existing is not None:
            actor.id = existing.id
        elif actor.id in self._rows:
            base, n = actor.id, 2
            while f"{base}-{n}" in self._rows:
                n += 1
            actor.id = f"{base}-{n}"
        self._rows[actor.id] = _row(actor)
        self._made[actor.id] = actor
        self._index_row(self._rows[actor.id])
        return actor

    def _same(self, actor: Actor) -> Actor | None:
        if actor.id in self._rows and self._row(actor.id)[1] == actor.name:
            return self.get(actor.id)
        for n in [actor.name, *actor.aliases]:
            for aid in self.loose.get(N.loose_key(n), []):
                a = self.get(aid)
                if a.kind == actor.kind and (a.country == actor.country or not actor.country or not a.country):
                    return a
        return None

    def add_file(self, kb: KBFile) -> None:
        """Merge a user's knowledge-base file: its states and bodies extend the tables, its people
        and organisations are added or merged by name."""
        for spec in kb.states.values():
            if spec.code not in self._rows:
                self.add(Actor(id=spec.code, name=spec.name or (spec.names[0] if spec.names else spec.code),
                               kind="state", country=spec.code, aliases=list(spec.names), source=kb.path))
            else:
                a = self.get(spec.code)
                self.add(Actor(id=a.id, name=a.name, kind=a.kind, country=a.country, aliases=list(spec.names)))
            info = self.states_info.setdefault(spec.code, {"titles": {}, "executive": [], "kind": spec.kind})
            info["titles"].update(spec.titles)
            if spec.executive:
                info["executive"] = spec.executive
            for cap in spec.capitals:
                self.metonyms.setdefault(N.name_key(cap), []).append(Metonym(spec.code, "GOV", "capital"))
            for seat, sector in spec.seats.items():
                self.metonyms.setdefault(N.name_key(seat), []).append(Metonym(spec.code, sector, "seat"))
            for d in spec.demonyms:
                self.demonyms[N.name_key(d)] = spec.code
        for body in kb.bodies:
            self.add(Actor(id=body.code, name=body.name, kind="organization", country=body.country or body.code,
                           sector=body.sector, aliases=list(body.aliases), source=kb.path))
            self.bodies[body.code] = {"members": body.members, "member_words": body.member_words,
                                      "parent": body.parent}
            for g in body.generic:
                self.generic[N.name_key(g)] = body.code
            for seat in body.seats:
                self.metonyms.setdefault(N.name_key(seat), []).insert(0, Metonym(body.code, body.sector, "seat"))
        for a in [*kb.people, *kb.organizations]:
            self.add(a)
        self.files.append(kb.path)

    # ------------------------------------------------------------- reading

    def __len__(self) -> int:
        return len(self._rows)

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self._rows

    def get(self, actor_id: str) -> Actor:
        a = self._made.get(actor_id)
        if a is not None:
            return a
        if actor_id not in self._rows:
            if len(actor_id) >= 5 and actor_id[:3] in self._rows and actor_id[3:] in sector_groups():
                return self.sector_actor(actor_id[:3], actor_id[3:])
            raise StorylineError("E320", actor_id=actor_id)
        row = self._row(actor_id)
        name = repaired_name(row[1], row[5]) if row[2] == "person" else row[1]
        a = Actor(id=row[0], name=name, kind=row[2], country=row[3], sector=row[4], aliases=list(row[5]),
                  roles=[Role(country=r[0], sector=r[1], title=r[2], office=r[3], start=r[4], end=r[5], source=r[6])
                         for r in row[6]], source=row[7])
        self._made[actor_id] = a
        return a

    def actors(self, kind: str | None = None) -> Iterator[Actor]:
        for aid in list(self._rows):
            if kind is None or self._row(aid)[2] == kind:
                yield self.get(aid)

    def count(self, kind: str | None = None, dated: bool = False) -> int:
        rows = (self._row(aid) for aid in list(self._rows))
        return sum(1 for row in rows
                   if (kind is None or row[2] == kind) and (not dated or any(r[4] or r[5] for r in row[6])))

    def ids_of_kind(self, kind: str) -> list[str]:
        """The ids of every actor of one kind ("ethnic community")."""
        return [aid for aid in list(self._rows) if self._row(aid)[2] == kind]

    def kind_of(self, actor_id: str) -> str | None:
        return self._row(actor_id)[2] if actor_id in self._rows else None

    def search(self, name: str, date: str | None = None, country: str | None = None) -> list[Actor]:
        """Actors a name may be: by its full form, a spelling variant, or a surname alone. With a
        date (and a country), those holding a role then (there) come first."""
        ids = self.lookup(name)
        actors = [self.get(i) for i in ids]
        if country:
            actors = [a for a in actors if a.country == country or any(r.country == country for r in a.roles)] or actors
        if date:
            actors.sort(key=lambda a: 0 if any(r.holds_on(date) and (r.start or r.end) for r in a.roles) else 1)
        return actors

    def lookup(self, name: str) -> list[str]:
        """Actor ids for a name: exact key, then spelling skeleton, then surname (persons)."""
        words = N.name_words(name)
        if not words:
            return []
        key = " ".join(words)
        if key in self.names:
            return list(self.names[key])
        loose = " ".join(N.loose_word(w) for w in words)
        if loose in self.loose:
            return list(self.loose[loose])
        if key in self.surnames:
            return list(self.surnames[key])
        if len(words) >= 3:  # a middle name or an initial the knowledge base does not have
            short = f"{N.loose_word(words[0])} {N.loose_word(words[-1])}"
            if short in self.loose:
                return list(self.loose[short])
        return []

    def near(self, name: str) -> list[str]:
        """Persons a full name may be written one letter off from ("Mevlut Cavusuglu"), where
        exactly one person fits (a slip is never a reason to choose between two)."""
        if self._near is None or self._near[0] != self.version:
            self._near = (self.version, NearNames([*self.names.base, *self.names.extra]))
        ids = {i for k in self._near[1].near(N.name_words(name)) for i in self.names.get(k, [])
               if self.kind_of(i) == "person"}
        return list(ids) if len(ids) == 1 else []

    def holders(self, office: str, country: str | None, date: str | None = None,
                title: str | None = None) -> list[Actor]:
        """Who held ``office`` (a key of actor_roles.offices, or a family such as "spokesperson")
        for ``country`` on ``date`` (any ISO precision; None = at any time), most recent first.
        ``title`` keeps only roles whose title contains that word ("president")."""
        offices = family_offices(office)
        out: list[tuple[str, Actor]] = []
        seen: set[str] = set()
        for off in offices:
            for aid in self._by_office.get((off, country), []):
                if aid in seen:
                    continue
                a = self.get(aid)
                for r in a.roles:
                    if r.office == off and r.country == country and r.holds_on(date) and \
                            (title is None or self.title_of(r).lower().find(title) >= 0):
                        out.append((r.start or "", a))
                        seen.add(aid)
                        break
        out.sort(key=lambda t: t[0], reverse=True)
        return [a for _, a in out]

    def title_of(self, role: Role) -> str:
        if role.title:
            return role.title
        info = self.states_info.get(role.country or "")
        return (info or {}).get("titles", {}).get(role.office or "", role.office or "")

    def executive_office(self, country: str, date: str | None) -> str:
        """The office "the leader" of a state means on a date (head_of_state unless the state's
        data says its government leads)."""
        info = self.states_info.get(country) or {}
        for e in info.get("executive") or []:
            until = e.get("until")
            if until is None or (date is not None and date[:len(until)] < until):
                return e["office"]
            if date is None and until is not None:
                continue
        return "head_of_state"

    def state(self, code_or_name: str) -> Actor | None:
        """A state (or unrecognised entity) by its code, name, capital or demonym."""
        if code_or_name in self._rows and self._row(code_or_name)[2] in ("state", "unrecognized", "territory"):
            return self.get(code_or_name)
        key = N.name_key(code_or_name)
        for aid in self.names.get(key, []):
            if self._row(aid)[2] in ("state", "unrecognized", "territory"):
                return self.get(aid)
        code = self.demonyms.get(key)
        if code:
            return self.get(code)
        for m in self.metonyms.get(key, []):
            if m.kind == "capital":
                return self.get(m.actor_id)
        return None

    def demonym(self, word: str) -> str | None:
        """The state code a demonym names ("Azerbaijani" -> "AZE")."""
        return self.demonyms.get(N.name_key(word))

    def metonym(self, text: str) -> list[Metonym]:
        """What a capital or seat of government stands for ("the Kremlin" -> RUS GOV)."""
        key = N.name_key(text)
        if key.startswith("the "):
            key = key[4:]
        return self.metonyms.get(key, []) or self.metonyms.get(N.name_key(text), [])

    def sector_actor(self, country: str, sector: str) -> Actor:
        """The group actor for a state's sector ("Armenian armed forces" -> ARMMIL)."""
        aid = f"{country}{sector}"
        a = self._made.get(aid)
        if a is None:
            base = self.get(country).name if country in self._rows else country
            name = sector_groups().get(sector, "{state} (" + sector + ")").format(state=base)
            a = Actor(id=aid, name=name, kind="group", country=country,
                      sector=sector, source="states")
            self._made[aid] = a
        return a

    def members(self, body: str) -> list[str]:
        return list((self.bodies.get(body) or {}).get("members") or [])


_FROZEN: dict[tuple[int, str], dict] = {}


def _frozen(index: dict, name: str) -> dict:
    """An index table with its id lists made tuples, once per compiled file: tuples of strings
    drop out of the garbage collector's sight, so 20,000 actors do not slow every collection
    (a full collection over lists of them costs tens of milliseconds)."""
    key = (id(index), name)
    table = _FROZEN.get(key)
    if table is None:
        table = {k: (tuple(v) if isinstance(v, list) else v) for k, v in index[name].items()}
        _FROZEN[key] = table
    return table


class Overlay:
    """An index of key -> actor ids: the compiled one, shared and never changed, plus what this
    knowledge base added (users' files, learned actors)."""

    def __init__(self, base: dict | None = None):
        self.base: dict = base if base is not None else {}
        self.extra: dict = {}

    def get(self, key: Any, default: Any = None) -> list[str] | Any:
        a, b = self.base.get(key), self.extra.get(key)
        if isinstance(a, str):
            a = [a]
        if a is None and b is None:
            return default
        if b is None:
            return a
        return b if a is None else [*a, *(x for x in b if x not in a)]

    def __contains__(self, key: Any) -> bool:
        return key in self.base or key in self.extra

    def __getitem__(self, key: Any) -> list[str]:
        v = self.get(key)
        if v is None:
            raise KeyError(key)
        return v

    def push(self, key: Any, value: str) -> None:
        base = self.base.get(key)
        if base == value or (isinstance(base, tuple | list) and value in base):
            return
        ids = self.extra.setdefault(key, [])
        if value not in ids:
            ids.append(value)

    def merged(self) -> dict:
        """Base and additions in one dict; a key with one id keeps it as a plain string (half the
        objects to create when the compiled file is read)."""
        out = {k: ([v] if isinstance(v, str) else list(v)) for k, v in self.base.items()}
        for k, v in self.extra.items():
            out.setdefault(k, [])
            out[k].extend(x for x in v if x not in out[k])
        return {k: (v[0] if len(v) == 1 else v) for k, v in out.items()}


def _push(index: Overlay, key: Any, value: str) -> None:
    index.push(key, value)


def _row(a: Actor) -> list:
    return [a.id, a.name, a.kind, a.country, a.sector, list(a.aliases), [role_row(r) for r in a.roles], a.source]


@lru_cache(maxsize=1)
def _roles_lexicon() -> dict:
    return load_lexicon("actor_roles")


def family_offices(office: str) -> list[str]:
    fams = _roles_lexicon().get("families") or {}
    return list(fams[office]) if office in fams else [office]


def offices() -> set[str]:
    return set(_roles_lexicon()["offices"])


@lru_cache(maxsize=1)
def _compiled() -> dict[str, Any]:
    """The compiled file, read once per process; every KnowledgeBase copies what it changes."""
    path = data_path("actors", COMPILED)
    if not path.exists():
        raise StorylineError("E321", path=path)
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return json.load(fh)


def check_files(paths: Iterable[str | Path]) -> None:
    """Read users' knowledge-base files once, so a bad one stops a command before any article
    is read (the error names the file, the entry and what would be valid)."""
    known = offices()
    for f in paths:
        read_file(f, known)


def load_kb(extra_files: Iterable[str | Path] = (), documents: Iterable[tuple[str, Any]] = ()) -> KnowledgeBase:
    """The shipped knowledge base, extended by the documents stored with the database (added
    files, learned people: ``Options.kb_documents``) and then by users' files (``--kb FILE``)."""
    kb = KnowledgeBase(_compiled())
    known = offices()
    for name, data in documents:
        kb.add_file(read_data(data, f"stored {name}", known, f"user:{name}"))
    for f in extra_files:
        kb.add_file(read_file(f, known, f"user:{Path(f).name}"))
    return kb
