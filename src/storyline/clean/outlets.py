"""The outlet table (``data/outlets/outlets.tsv``): news outlets and agencies, their domains,
spellings, country, language, ownership and kind.

Why a table and not a list of spellings: the same outlet is named by an agency tag, a byline, a
copyright line, its furniture or only its address; knowing the domain finds it from the address,
knowing its kind tells a carrier (an aggregator, a forum) from the outlet that wrote the article,
and knowing its country and ownership lets the story layer compare outlets by them.

Lookups, in order of use:

1. ``by_spelling``: a case-folded name, spelling or domain -> the outlet.
2. ``for_host``: a page address's host, walked up its domains ("news.liga.net" -> "liga.net").
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from ..errors import StorylineError
from ..lexicons import data_path

COLUMNS = ("name", "domains", "spellings", "country", "language", "state", "kind")
KINDS = frozenset({"agency", "newspaper", "broadcaster", "online", "magazine", "official", "aggregator",
                   "forum"})
#: Kinds that carry other outlets' articles: a credit in the text wins over them.
CARRIER_KINDS = frozenset({"aggregator", "forum"})


@dataclass(frozen=True)
class Outlet:
    name: str
    domains: tuple[str, ...] = ()
    spellings: tuple[str, ...] = ()
    country: str | None = None  # ISO 3166 alpha-3; None for international bodies
    language: str | None = None
    state_owned: bool = False
    kind: str = "online"

    @property
    def carrier(self) -> bool:
        """True for an aggregator or a forum: it reposts what others wrote."""
        return self.kind in CARRIER_KINDS


@dataclass
class OutletTable:
    outlets: list[Outlet] = field(default_factory=list)
    by_spelling: dict[str, Outlet] = field(default_factory=dict)
    by_domain: dict[str, Outlet] = field(default_factory=dict)

    def add(self, outlet: Outlet) -> None:
        self.outlets.append(outlet)
        for s in (outlet.name, *outlet.spellings, *outlet.domains):
            self.by_spelling.setdefault(s.casefold(), outlet)
        for d in outlet.domains:
            self.by_domain.setdefault(d.casefold(), outlet)

    def get(self, name: str | None) -> Outlet | None:
        """The outlet a name or spelling stands for."""
        return self.by_spelling.get((name or "").strip().casefold()) if name else None

    def for_host(self, host: str) -> Outlet | None:
        """The outlet of a host name or address ("https://en.mehrnews.com/news/1" -> Mehr)."""
        if "/" in host:
            host = urlsplit(host if "//" in host else "//" + host).hostname or ""
        parts = host.casefold().removeprefix("www.").split(".")
        for i in range(len(parts) - 1):
            found = self.by_domain.get(".".join(parts[i:]))
            if found:
                return found
        return None


def _row(values: dict[str, str]) -> Outlet:
    name = (values.get("name") or "").strip()
    if not name:
        raise ValueError("no name")
    kind = (values.get("kind") or "").strip() or "online"
    if kind not in KINDS:
        raise ValueError(f"kind {kind!r} is not one of {', '.join(sorted(KINDS))}")
    state = (values.get("state") or "").strip().lower()
    if state not in ("yes", "no", ""):
        raise ValueError(f"state {state!r} is not yes or no")
    country = (values.get("country") or "").strip().upper() or None
    if country is not None and (len(country) != 3 or not country.isalpha()):
        raise ValueError(f"country {country!r} is not an ISO 3166 alpha-3 code")
    return Outlet(name=name,
                  domains=tuple(d.casefold() for d in (values.get("domains") or "").split()),
                  spellings=tuple(s.strip() for s in (values.get("spellings") or "").split(";") if s.strip()),
                  country=country, language=(values.get("language") or "").strip() or None,
                  state_owned=state == "yes", kind=kind)


def load_outlets(path: Path, table: OutletTable | None = None) -> OutletTable:
    """Read an outlet file (tab-separated, header line, ``#`` comments) into ``table``.

    A bad line stops the load with one message naming the file, the line and the problem."""
    table = table if table is not None else OutletTable()
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise StorylineError("E014", path=path, problem=f"cannot be read ({e.strerror or e})") from e
    numbered = [(i + 1, ln) for i, ln in enumerate(lines) if ln.strip() and not ln.lstrip().startswith("#")]
    if not numbered:
        return table
    header = next(csv.reader([numbered[0][1]], delimiter="\t"))
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise StorylineError("E014", path=path, problem=f"the header lacks the column(s) {', '.join(missing)}")
    for number, line in numbered[1:]:
        cells = line.split("\t")
        if len(cells) != len(header):
            raise StorylineError("E014", path=path, problem=f"line {number}: {len(cells)} columns, the header has "
                                                          f"{len(header)}")
        try:
            table.add(_row(dict(zip(header, cells, strict=True))))
        except ValueError as e:
            raise StorylineError("E014", path=path, problem=f"line {number}: {e}") from e
    return table


@lru_cache(maxsize=1)
def bundled_outlets() -> OutletTable:
    """The outlet table shipped with storyline (read once)."""
    return load_outlets(data_path("outlets", "outlets.tsv"))
