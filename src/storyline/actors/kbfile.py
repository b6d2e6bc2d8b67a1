"""The knowledge-base file format: what users write (``--kb FILE``, ``storyline actors add FILE``)
and what the curated files in ``data/actors`` are written in. docs/actors.md documents it.

Why one reader for both: the curated files are the format's first users, so every feature a
user needs (dated roles, aliases, bodies, metonyms) is exercised by the shipped data, and an
error in either is reported the same way: file, entry, what was wrong, what would be valid.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import StorylineError
from ..lexicons import load_lexicon
from ..model import ACTOR_KINDS, Actor, Role
from .names import slug

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_CODE = re.compile(r"^[A-Z][A-Z0-9]{1,11}$")
#: The CAMEO sector codes a role may name (``cameo_sectors`` lexicon, ``primary``).
_SECTORS = tuple(load_lexicon("cameo_sectors")["primary"])
#: Kinds of organisation beyond a body: each is linked as an organisation, and shown as itself.
GROUP_KINDS = ("armed group", "movement", "ethnic community")
#: A place that is never an actor ("the Lachin corridor"): found to be told as where, not who.
PLACE = "place"
KINDS = ACTOR_KINDS


@dataclass
class StateSpec:
    code: str
    name: str | None = None
    kind: str = "state"
    names: list[str] = field(default_factory=list)
    capitals: list[str] = field(default_factory=list)
    seats: dict[str, str | None] = field(default_factory=dict)
    demonyms: list[str] = field(default_factory=list)
    titles: dict[str, str] = field(default_factory=dict)
    executive: list[dict[str, str]] = field(default_factory=list)


@dataclass
class BodySpec:
    code: str
    name: str
    aliases: list[str] = field(default_factory=list)
    generic: list[str] = field(default_factory=list)
    sector: str = "IGO"
    parent: str | None = None
    country: str | None = None
    members: list[str] = field(default_factory=list)
    member_words: list[str] = field(default_factory=list)
    seats: list[str] = field(default_factory=list)
    cameo: list[str] = field(default_factory=list)


@dataclass
class KBFile:
    """Everything one file declares."""

    path: str
    people: list[Actor] = field(default_factory=list)
    organizations: list[Actor] = field(default_factory=list)
    states: dict[str, StateSpec] = field(default_factory=dict)
    bodies: list[BodySpec] = field(default_factory=list)
    as_of: str | None = None  # the date up to which the file's open terms are known to hold


class _Where:
    def __init__(self, path: str):
        self.path = path

    def fail(self, where: str, message: str) -> StorylineError:
        return StorylineError("E310", path=self.path, where=where, message=message)


def _str_list(value: Any, w: _Where, where: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, str | int | float) for v in value):
        raise w.fail(where, "must be a list of strings")
    return [str(v) for v in value]


def _date(value: Any, w: _Where, where: str) -> str | None:
    if value is None or value == "":
        return None
    text = str(value)
    if not _DATE.match(text):
        raise w.fail(where, f"date {text!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    return text


def _code(value: Any, w: _Where, where: str) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    if not _CODE.match(text):
        raise w.fail(where, f"code {value!r} is not an upper-case code (ISO alpha-3 such as RUS, "
                            "or a body's code such as OSCE)")
    return text


def _sector(value: Any, w: _Where, where: str) -> str | None:
    if value is None:
        return None
    text = str(value).strip().upper()
    if text not in _SECTORS:
        raise w.fail(where, f"sector {value!r} is not a CAMEO sector; valid: {', '.join(_SECTORS)}")
    return text


def parse_role(value: Any, offices: set[str], w: _Where, where: str, *, country: str | None,
               sector: str | None, source: str) -> list[Role]:
    """A role from its short form ``"foreign_minister 2004-03-09.. | Minister"`` or a mapping
    (``office`` may then be a list: a US president is head of state and of government)."""
    if isinstance(value, str):
        text, _, title = value.partition("|")
        parts = text.split()
        if not parts or len(parts) > 2:
            raise w.fail(where, f"role {value!r} is not 'OFFICE [START..END] [| TITLE]'")
        office = parts[0]
        start = end = None
        if len(parts) == 2:
            if ".." not in parts[1]:
                raise w.fail(where, f"role {value!r}: dates must be START..END (either may be empty)")
            a, b = parts[1].split("..", 1)
            start, end = _date(a, w, where), _date(b, w, where)
        spec: dict[str, Any] = {"office": office, "start": start, "end": end,
                                "title": title.strip() or None}
    elif isinstance(value, dict):
        spec = dict(value)
        unknown = set(spec) - {"office", "start", "end", "title", "country", "sector", "source"}
        if unknown:
            raise w.fail(where, f"unknown role keys {sorted(unknown)}; valid: office, title, country, "
                                "sector, start, end, source")
        spec["start"] = _date(spec.get("start"), w, where)
        spec["end"] = _date(spec.get("end"), w, where)
    else:
        raise w.fail(where, "a role is a string 'OFFICE START..END | TITLE' or a mapping")
    office_value = spec.get("office")
    office_list = office_value if isinstance(office_value, list) else [office_value]
    roles = []
    for office in office_list:
        if office is not None and office not in offices:
            raise w.fail(where, f"office {office!r} is not known; valid offices: {', '.join(sorted(offices))} "
                                "(add one under actor_roles.offices with --lexicon)")
        roles.append(Role(country=_code(spec.get("country"), w, where) or country,
                          sector=_sector(spec.get("sector"), w, where) or sector,
                          title=spec.get("title"), office=office, start=spec["start"], end=spec["end"],
                          source=str(spec.get("source") or source)))
    return roles


def _person(entry: Any, i: int, offices: set[str], w: _Where, source: str, section: str) -> Actor:
    where = f"{section}[{i}]"
    if not isinstance(entry, dict) or not entry.get("name"):
        raise w.fail(where, "each entry is a mapping with at least a 'name'")
    where = f"{section}[{i}] ({entry['name']})"
    unknown = set(entry) - {"name", "aliases", "country", "sector", "roles", "kind", "id", "source"}
    if unknown:
        raise w.fail(where, f"unknown keys {sorted(unknown)}; valid: id, name, aliases, kind, country, sector, "
                            "roles, source")
    source = str(entry.get("source") or source)
    country = _code(entry.get("country"), w, where)
    kind = str(entry.get("kind") or ("person" if section == "people" else "organization"))
    if kind not in KINDS:
        raise w.fail(where, f"kind {kind!r} is not one of {', '.join(KINDS)}")
    sector = _sector(entry.get("sector"), w, where) or "GOV" if kind == "person" else _sector(entry.get("sector"), w, where)
    roles: list[Role] = []
    raw_roles = entry.get("roles") or []
    if not isinstance(raw_roles, list):
        raise w.fail(where, "roles must be a list")
    for j, r in enumerate(raw_roles):
        roles.extend(parse_role(r, offices, w, f"{where} roles[{j}]", country=country,
                                sector=sector or "GOV", source=source))
    name = str(entry["name"]).strip()
    return Actor(id=str(entry.get("id") or slug(name)), name=name, kind=kind, country=country, sector=sector,
                 aliases=_str_list(entry.get("aliases"), w, f"{where} aliases"), roles=roles, source=source)


def _state(code: str, entry: Any, w: _Where) -> StateSpec:
    where = f"states.{code}"
    code = _code(code, w, where) or code
    if not isinstance(entry, dict):
        raise w.fail(where, "a state entry is a mapping (names, capital, seats, demonyms ...)")
    unknown = set(entry) - {"name", "names", "capital", "seats", "demonyms", "titles", "executive", "kind"}
    if unknown:
        raise w.fail(where, f"unknown keys {sorted(unknown)}; valid: name, names, capital, seats, demonyms, "
                            "titles, executive, kind")
    seats = entry.get("seats") or {}
    if isinstance(seats, list):
        seats = {s: "GOV" for s in seats}
    if not isinstance(seats, dict):
        raise w.fail(where, "seats is a mapping of metonym to sector ({the Kremlin: GOV})")
    executive = entry.get("executive") or []
    if not isinstance(executive, list) or not all(isinstance(e, dict) and e.get("office") for e in executive):
        raise w.fail(where, "executive is a list of {office, until} mappings")
    for e in executive:
        if "until" in e:
            e["until"] = _date(e["until"], w, where)
    titles = entry.get("titles") or {}
    if not isinstance(titles, dict):
        raise w.fail(where, "titles is a mapping of office to title ({head_of_state: President})")
    return StateSpec(code=code, name=entry.get("name"), kind=str(entry.get("kind") or "state"),
                     names=_str_list(entry.get("names"), w, where),
                     capitals=_str_list(entry.get("capital"), w, where),
                     seats={str(k): _sector(v, w, where) for k, v in seats.items()},
                     demonyms=_str_list(entry.get("demonyms"), w, where), titles=dict(titles),
                     executive=executive)


def _body(entry: Any, i: int, w: _Where) -> BodySpec:
    where = f"bodies[{i}]"
    if not isinstance(entry, dict) or not entry.get("code") or not entry.get("name"):
        raise w.fail(where, "a body is a mapping with at least 'code' and 'name'")
    where = f"bodies[{i}] ({entry['code']})"
    known = {"code", "name", "aliases", "generic", "sector", "parent", "country", "members", "member_words",
             "seats", "cameo"}
    if set(entry) - known:
        raise w.fail(where, f"unknown keys {sorted(set(entry) - known)}; valid: {', '.join(sorted(known))}")
    return BodySpec(code=_code(entry["code"], w, where) or "", name=str(entry["name"]),
                    aliases=_str_list(entry.get("aliases"), w, where),
                    generic=_str_list(entry.get("generic"), w, where),
                    sector=_sector(entry.get("sector"), w, where) or "IGO",
                    parent=_code(entry.get("parent"), w, where), country=_code(entry.get("country"), w, where),
                    members=[_code(m, w, where) or "" for m in _str_list(entry.get("members"), w, where)],
                    member_words=_str_list(entry.get("member_words"), w, where),
                    seats=_str_list(entry.get("seats"), w, where), cameo=_str_list(entry.get("cameo"), w, where))


def read_data(data: Any, path: str, offices: set[str], source: str | None = None) -> KBFile:
    """Parse an already-loaded YAML document (a mapping with people, organizations, states and
    bodies sections; a states file may also be a bare mapping of codes)."""
    w = _Where(path)
    source = source or f"file:{Path(path).name}"
    out = KBFile(path=path)
    if data is None:
        return out
    if isinstance(data, list):
        data = {"bodies": data} if data and isinstance(data[0], dict) and "code" in data[0] else {"people": data}
    if not isinstance(data, dict):
        raise w.fail("top level", "a knowledge-base file is a mapping with people, organizations, states "
                                  "or bodies")
    sections = {"people", "organizations", "states", "bodies", "as_of"}
    if not set(data) & sections and all(isinstance(k, str) and _CODE.match(k) for k in data):
        data = {"states": data}
    unknown = set(data) - sections
    if unknown:
        raise w.fail("top level", f"unknown sections {sorted(unknown)}; valid: {', '.join(sorted(sections))}")
    for section in ("people", "organizations"):
        entries = data.get(section) or []
        if not isinstance(entries, list):
            raise w.fail(section, "must be a list of entries")
        target = out.people if section == "people" else out.organizations
        for i, e in enumerate(entries):
            target.append(_person(e, i, offices, w, source, section))
    if data.get("as_of") is not None:
        out.as_of = _date(data["as_of"], w, "as_of")
    states = data.get("states") or {}
    if not isinstance(states, dict):
        raise w.fail("states", "must be a mapping of codes to entries")
    for code, e in states.items():
        spec = _state(str(code), e, w)
        out.states[spec.code] = spec
    bodies = data.get("bodies") or []
    if not isinstance(bodies, list):
        raise w.fail("bodies", "must be a list of entries")
    out.bodies = [_body(e, i, w) for i, e in enumerate(bodies)]
    return out


def read_file(path: str | Path, offices: set[str], source: str | None = None) -> KBFile:
    p = Path(path)
    if not p.exists():
        raise StorylineError("E311", path=p)
    try:
        with open(p, encoding="utf-8") as fh:
            data = yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as e:
        raise StorylineError("E312", path=p, error=e) from e
    return read_data(data, str(p), offices, source)
