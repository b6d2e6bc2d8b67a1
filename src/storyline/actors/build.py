"""Compile the knowledge base's data files into the one file storyline loads at start-up.

Why compile: the curated YAML (states, bodies, people) and the converted PETRARCH2 people are
merged by name (a curated person's dated offices replace the bare PETRARCH periods they overlap)
and indexed by every name key once, here, so ``load_kb`` only reads JSON. Run it after editing
any file in ``data/actors``::

    python -m storyline.actors.build

A test checks that ``kb.json.gz`` was built from the current sources (its ``digest``).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

import yaml

from ..lexicons import data_path
from ..model import Actor, Role
from . import names as N
from .kb import KnowledgeBase  # the index is built by the code that reads it
from .kbfile import BodySpec, StateSpec, read_data
from .rows import COMPILED, actor_row, chronological

SOURCES = ("states.yaml", "bodies.yaml", "people.yaml", "groups.yaml", "name_variants.yaml", "petrarch2.json.gz")


def sources_digest() -> str:
    """A hash of every source file and of the name-key code, so a stale build is detected."""
    h = hashlib.sha256()
    for name in SOURCES:
        h.update(data_path("actors", name).read_bytes())
    h.update(Path(N.__file__).read_bytes())
    h.update(data_path("lexicons", "actor_roles.yaml").read_bytes())
    return h.hexdigest()[:16]


def _offices() -> set[str]:
    with open(data_path("lexicons", "actor_roles.yaml"), encoding="utf-8") as fh:
        return set(yaml.safe_load(fh)["offices"])


def _load_yaml(name: str) -> Any:
    with open(data_path("actors", name), encoding="utf-8") as fh:
        return yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def _overlaps(a: Role, b: Role) -> bool:
    a0, a1 = a.start or "0000", a.end or "9999"
    b0, b1 = b.start or "0000", b.end or "9999"
    return a0[:len(b1)] <= b1 and b0[:len(a1)] <= a1


class _Builder:
    def __init__(self) -> None:
        self.actors: dict[str, Actor] = {}
        self.by_key: dict[tuple[str, str | None], str] = {}
        self.by_name: dict[str, list[str]] = {}

    def new_id(self, name: str, country: str | None) -> str:
        base = N.slug(name)
        if base not in self.actors:
            return base
        cand = f"{base}-{(country or 'x').lower()}"
        n = 2
        while cand in self.actors:
            cand = f"{base}-{(country or 'x').lower()}-{n}"
            n += 1
        return cand

    def remember(self, a: Actor) -> None:
        for n in [a.name, *a.aliases]:
            self.by_key.setdefault((N.loose_key(n), a.country), a.id)
            ids = self.by_name.setdefault(N.loose_key(n), [])
            if a.id not in ids:
                ids.append(a.id)

    def same_person(self, names: list[str], country: str | None) -> str | None:
        """The known person these names and this country are: same name, and the same country
        or a role in it (Catherine Ashton is GBR in PETRARCH2, EU in the curated file)."""
        for n in names:
            found = self.by_key.get((N.loose_key(n), country))
            if found and self.actors[found].kind == "person":
                return found
        for n in names:
            for i in self.by_name.get(N.loose_key(n), []):
                a = self.actors[i]
                if a.kind == "person" and a.source == "curated" and \
                        any(r.country == country for r in a.roles):
                    return i
        return None

    def add(self, a: Actor) -> None:
        if a.id in self.actors:
            a.id = self.new_id(a.name, a.country)
        self.actors[a.id] = a
        self.remember(a)

    def merge_person(self, name: str, aliases: list[str], country: str | None, roles: list[Role],
                     sector: str | None, source: str) -> None:
        found = self.same_person([name, *aliases], country)
        if found:
            a = self.actors[found]
            keys = {N.name_key(x) for x in [a.name, *a.aliases]}
            for al in [name, *aliases]:
                if N.name_key(al) not in keys:
                    a.aliases.append(al)
                    keys.add(N.name_key(al))
            curated = [r for r in a.roles if r.source != source]
            for r in roles:
                if not any(_overlaps(r, c) and (c.country == r.country or r.sector == c.sector) for c in curated):
                    a.roles.append(r)
            self.remember(a)
            return
        a = Actor(id=self.new_id(name, country), name=name, kind="person", country=country, sector=sector,
                  aliases=list(aliases), roles=roles, source=source)
        self.add(a)


def _state_actor(spec: StateSpec) -> Actor:
    import pycountry

    c = pycountry.countries.get(alpha_3=spec.code)
    names = list(spec.names)
    if c is not None:
        for attr in ("common_name", "name", "official_name"):
            v = getattr(c, attr, None)
            if v and "," not in v and v not in names:
                names.append(v)
    display = spec.name or (names[0] if names else spec.code)
    aliases = [n for n in names if n != display]
    return Actor(id=spec.code, name=display, kind="state" if spec.kind == "state" else spec.kind,
                 country=spec.code, sector=None, aliases=aliases, source="states")


def _petrarch_groups(b: _Builder, groups: list[dict]) -> None:
    """The PETRARCH2 non-state groups not already known under any of their names (a curated
    group or body replaces the dictionary's entry, whatever country that entry gives)."""
    for g in groups:
        names = [g["name"], *g["aliases"]]
        if any(i for n in names for i in b.by_name.get(N.loose_key(n), []) if b.actors[i].kind != "person"):
            continue
        b.add(Actor(id=b.new_id(g["name"], g["country"]), name=g["name"], kind="armed group",
                    country=g["country"], sector=g["sector"], aliases=list(g["aliases"]), source="petrarch2"))


def build() -> dict:
    offices = _offices()
    variants = _load_yaml("name_variants.yaml")
    N.set_variants(variants["variants"], variants["particles"])
    states_file = read_data(_load_yaml("states.yaml"), "states.yaml", offices, "states")
    bodies_file = read_data({"bodies": _load_yaml("bodies.yaml")}, "bodies.yaml", offices, "bodies")
    people_file = read_data(_load_yaml("people.yaml"), "people.yaml", offices, "curated")
    b = _Builder()
    # every ISO state, with what states.yaml knows about it
    specs: dict[str, StateSpec] = {}
    import pycountry

    for c in pycountry.countries:
        specs[c.alpha_3] = states_file.states.get(c.alpha_3) or StateSpec(code=c.alpha_3)
    for code, spec in states_file.states.items():
        specs.setdefault(code, spec)
    metonyms: dict[str, list[list]] = {}
    demonyms: dict[str, str] = {}
    for code, spec in specs.items():
        b.add(_state_actor(spec))
        for cap in spec.capitals:
            metonyms.setdefault(N.name_key(cap), []).append([code, "GOV", "capital"])
        for seat, sector in spec.seats.items():
            metonyms.setdefault(N.name_key(seat), []).append([code, sector, "seat"])
        for d in spec.demonyms:
            demonyms.setdefault(N.name_key(d), code)
    bodies: dict[str, dict] = {}
    generic: dict[str, str] = {}
    body: BodySpec
    for body in bodies_file.bodies:
        aliases = [x for x in body.aliases if N.name_key(x) != N.name_key(body.name)]
        if body.code not in (N.name_key(x).upper() for x in [body.name, *aliases]) and len(body.code) <= 6 \
                and body.code.isalpha() and body.code not in ("EC", "EP", "EUCO", "EUCOUNCIL", "WB", "AMNESTY"):
            aliases.append(body.code)
        b.add(Actor(id=body.code, name=body.name, kind="organization", country=body.country or body.code,
                    sector=body.sector, aliases=aliases, source="bodies"))
        bodies[body.code] = {"members": body.members, "member_words": body.member_words, "parent": body.parent}
        for g in body.generic:
            generic[N.name_key(g)] = body.code
        for seat in body.seats:
            metonyms.setdefault(N.name_key(seat), []).insert(0, [body.code, body.sector, "seat"])
    for p in people_file.people:
        b.add(p)
    groups_file = read_data(_load_yaml("groups.yaml"), "groups.yaml", offices, "groups")
    for g in groups_file.organizations:
        b.add(g)
    with gzip.open(data_path("actors", "petrarch2.json.gz"), "rt", encoding="utf-8") as fh:
        petrarch = json.load(fh)
    for p in petrarch["people"]:
        roles = [Role(country=r[0], sector=r[1], start=r[2], end=r[3], source="petrarch2") for r in p["roles"]]
        b.merge_person(p["name"], p["aliases"], p["country"], roles, p["sector"], "petrarch2")
    for o in petrarch["organizations"]:
        key = (N.loose_key(o["name"]), o["country"])
        if key in b.by_key:
            continue
        b.add(Actor(id=b.new_id(o["name"], o["country"]), name=o["name"], kind="organization",
                    country=o["country"], sector=o["sector"], aliases=o["aliases"], source="petrarch2"))
    _petrarch_groups(b, petrarch.get("groups") or [])
    states = {code: {"titles": s.titles, "executive": s.executive, "kind": s.kind} for code, s in specs.items()}
    for a in b.actors.values():
        a.roles = chronological(a.roles)
    data = {"digest": sources_digest(), "actors": {a.id: actor_row(a) for a in b.actors.values()},
            "states": states, "bodies": bodies, "metonyms": metonyms, "demonyms": demonyms, "generic": generic,
            "variants": variants["variants"], "particles": variants["particles"], "as_of": people_file.as_of}
    data["index"] = KnowledgeBase(data).index_data()
    data["actors"] = {aid: json.dumps(row, ensure_ascii=False, separators=(",", ":"))
                      for aid, row in data["actors"].items()}
    return data


def main() -> int:
    data = build()
    out = data_path("actors", COMPILED)
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as fh:
        json.dump(data, fh, ensure_ascii=False, separators=(",", ":"))
    rows = [json.loads(r) for r in data["actors"].values()]
    people = [a for a in rows if a[2] == "person"]
    dated = sum(1 for a in people if any(r[4] or r[5] for r in a[6]))
    print(f"{out}: {len(rows)} actors, {len(people)} people ({dated} with dated roles)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
