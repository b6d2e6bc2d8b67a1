"""The cleaning lexicons (boilerplate, publishers, datelines) compiled once per Context.

Why placeholders: the YAML patterns are written with {MONTH}, {PLACE}, {CREDIT} ... so a user who
adds a dateline form writes it once, readably, and gets the same month names and place shapes as
ours. Compilation is cached per Context: a corpus run compiles them once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import yaml

from ..errors import StorylineError
from ..lexicons import data_path
from .outlets import OutletTable, bundled_outlets


def _alternation(words: list[str]) -> str:
    """A regex alternation of ``words``, longest first so "Sept" is not cut to "Sep"."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=1)
def pycountry_names() -> frozenset[str]:
    """Every country name pycountry knows (name, common and official names), case-folded."""
    import pycountry

    names = set()
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value:
                names.add(value.casefold())
    return frozenset(names)


@lru_cache(maxsize=1)
def _capitals() -> tuple[str, ...]:
    """The capitals of the actors' states file (read once)."""
    try:
        states = yaml.safe_load(data_path("actors", "states.yaml").read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        return ()
    return tuple(str(c) for spec in states.values() if isinstance(spec, dict) for c in spec.get("capital") or [])


def capitals() -> list[str]:
    """The capital cities of the actors' states file: places a dateline may name."""
    return list(_capitals())


@dataclass(frozen=True)
class SiteWords:
    """What ``site.py`` reads a site's own name with (``publishers.yaml: site``)."""

    copyright: list[re.Pattern[str]] = field(default_factory=list)
    source: list[re.Pattern[str]] = field(default_factory=list)
    staff: list[re.Pattern[str]] = field(default_factory=list)
    first_on: list[re.Pattern[str]] = field(default_factory=list)
    last_line: list[re.Pattern[str]] = field(default_factory=list)
    signoffs: list[re.Pattern[str]] = field(default_factory=list)
    outlet_words: frozenset[str] = frozenset()
    issuer_words: frozenset[str] = frozenset()
    not_names: frozenset[str] = frozenset()
    legal_suffixes: frozenset[str] = frozenset()
    name_glue: frozenset[str] = frozenset()
    generic_subdomains: frozenset[str] = frozenset()
    second_levels: frozenset[str] = frozenset()
    country_codes: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def _alpha2() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_2.casefold() for c in pycountry.countries)


def _words(spec: dict[str, Any], key: str) -> frozenset[str]:
    return frozenset(str(w).casefold() for w in spec.get(key) or [])


def _site_words(spec: dict[str, Any], fill: Any, search: Any) -> SiteWords:
    return SiteWords(copyright=fill(spec.get("copyright")), source=fill(spec.get("source")),
                     staff=fill(spec.get("staff")), first_on=fill(spec.get("first_on")),
                     last_line=fill(spec.get("last_line")),
                     signoffs=search(spec.get("signoffs")), outlet_words=_words(spec, "outlet_words"),
                     issuer_words=_words(spec, "issuer_words"),
                     not_names=_words(spec, "not_names"), legal_suffixes=_words(spec, "legal_suffixes"),
                     name_glue=_words(spec, "name_glue"), generic_subdomains=_words(spec, "generic_subdomains"),
                     second_levels=_words(spec, "second_levels"), country_codes=_alpha2())


@dataclass
class Patterns:
    anywhere: list[re.Pattern[str]]
    edges: list[re.Pattern[str]]
    line_ends: list[re.Pattern[str]]
    outlets: dict[str, str]  # case-folded spelling -> outlet name
    outlet_search: re.Pattern[str]  # any outlet spelling as a whole word
    mastheads: list[re.Pattern[str]]
    bylines: list[re.Pattern[str]]
    inline: list[re.Pattern[str]]
    standalone: list[re.Pattern[str]]
    timestamps: list[re.Pattern[str]]
    footers: list[re.Pattern[str]]
    date_formats: list[re.Pattern[str]]
    months: dict[str, int]
    countries: frozenset[str]
    table: OutletTable  # the outlet table (domains, kinds, countries) behind ``outlets``
    credit_lines: list[re.Pattern[str]]
    signoffs: list[tuple[re.Pattern[str], str]]  # pattern, outlet ('' = its group "credit")
    self_reports: list[re.Pattern[str]]
    address_dates: list[re.Pattern[str]]
    glued: list[re.Pattern[str]]
    site: SiteWords = field(default_factory=SiteWords)  # a site's own name (clean/site.py)


def _compile(source: str, lexicon: str, pattern: str, flags: int = 0) -> re.Pattern[str]:
    try:
        return re.compile(pattern, flags)
    except re.error as e:
        raise StorylineError("E013", lexicon=lexicon, source=source, error=e) from e


def _fill(template: str, pieces: dict[str, str]) -> str:
    for key, value in pieces.items():
        template = template.replace("{" + key + "}", f"(?:{value})")
    return template


def build(boiler: dict[str, Any], publishers: dict[str, Any], datelines: dict[str, Any],
          table: OutletTable | None = None) -> Patterns:
    """Compile the three lexicons' patterns (see the YAML files for their format) over ``table``
    (the bundled outlet table unless given: a benchmark passes one with outlets left out)."""
    months = {str(k).casefold(): int(v) for k, v in (datelines.get("months") or {}).items()}
    month = rf"(?i:{_alternation(list(months))})\b"
    weekday = rf"(?i:{_alternation([str(w) for w in datelines.get('weekdays') or []])})\b"
    zones = _alternation([str(z) for z in datelines.get("time_zones") or []])
    not_places = _alternation([str(w) for w in datelines.get("not_places") or []])
    day = r"\d{1,2}(?:st|nd|rd|th)?"
    date = rf"{month}\.?\s+{day}(?:,?\s+\d{{4}})?(?!\d)|{day}\s+{month}\.?(?:,?\s+\d{{4}})?(?!\d)"
    fulldate = (rf"{month}\.?\s+{day}(?:,\s*|\s+)\d{{4}}(?!\d)|{day}\s+{month}\.?,?\s+\d{{4}}(?!\d)"
                r"|\d{4}-\d{1,2}-\d{1,2}(?!\d)|\d{1,2}(?:\.\s?\d{1,2}\.|/\s?\d{1,2}/|-\d{1,2}-)\s?\d{4}(?!\d)")
    zone = rf"(?i:{zones}|UTC\s*[+−-]\s*\d{{1,2}}(?::?\d{{2}})?)"
    time = (r"[\[(]?\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[AaPp]\.?\s?[Mm]\.?)?[\])]?"
            rf"(?:\s*\(?\s*{zone}(?:\s*[+−-]\s*\d{{1,2}}(?::?\d{{2}})?)?(?:\s+{zone})?\s*\)?)?")
    word = r"[A-Z][\w.'’-]*"
    caps_word = r"[A-Z][A-Z.'’/-]+"
    stop = rf"(?!(?:{not_places}|{weekday}|{month})\b)" if not_places else rf"(?!(?:{weekday}|{month})\b)"
    table = table if table is not None else bundled_outlets()
    outlets = {spelling: o.name for spelling, o in table.by_spelling.items()}
    written = [s for o in table.outlets for s in (o.name, *o.spellings, *o.domains)]
    for name, spellings in (publishers.get("outlets") or {}).items():
        for s in [name, *(spellings or [])]:
            outlets[str(s).casefold()] = str(name)
            written.append(str(s))
    outlet = _alternation(written)
    cities = [str(c) for c in datelines.get("cities") or []] + capitals()
    pieces = {
        "MONTH": month,
        "WEEKDAY": weekday,
        "DATE": date,
        "FULLDATE": fulldate,
        "TIME": time,
        "PLACE": rf"{stop}{word}(?:\s+{stop}{word}){{0,3}}",
        "CAPSPLACE": rf"{stop}{caps_word}(?:\s+{caps_word}){{0,3}}(?![a-z])",
        "CREDIT": r"\([^()\n]{2,40}\)|/[^/\n]{2,60}/|/[^/\n]{2,60}$",
        "NAME": rf"{word}(?:\s+{word}){{0,3}}",
        "OUTLET": rf"(?i:{outlet})(?!\w)" if outlet else r"(?!x)x",
        "CITY": _alternation(cities) if cities else r"(?!x)x",
    }
    site = publishers.get("site") or {}
    not_names = _alternation([str(w) for w in site.get("not_names") or []]) or "(?!x)x"
    site_word = r"[A-Z0-9][\w&'’-]*(?:\.[\w-]+)*"
    pieces["SITENAME"] = (rf"(?!(?i:{not_names})\b)(?!(?:19|20)\d\d\b)(?:[Tt]he\s+)?{site_word}"
                          rf"(?:\s+(?:(?:of|and|for|the|de|&)\s+)?(?!(?i:all rights|rights reserved)\b){site_word}){{0,5}}")

    def many(lexicon: str, items: Any, flags: int = 0, anchor: str = "full") -> list[re.Pattern[str]]:
        out = []
        for src in items or []:
            body = _fill(str(src), pieces)
            pattern = rf"\s*(?:{body})\s*$" if anchor == "full" else rf"(?:{body})"
            out.append(_compile(str(src), lexicon, pattern, flags))
        return out

    countries = frozenset(pycountry_names() | {str(c).casefold() for c in datelines.get("countries") or []})
    return Patterns(
        anywhere=many("boilerplate", boiler.get("anywhere"), re.IGNORECASE),
        edges=many("boilerplate", boiler.get("edges"), re.IGNORECASE),
        line_ends=[_compile(str(s), "boilerplate", rf"(?:{_fill(str(s), pieces)})\s*$", re.IGNORECASE)
                   for s in boiler.get("line_ends") or []],
        outlets=outlets,
        outlet_search=_compile("outlets", "publishers", rf"(?<![\w.])(?i:{outlet})(?!\w)" if outlet else r"(?!x)x"),
        mastheads=many("publishers", publishers.get("mastheads"), re.IGNORECASE),
        bylines=many("publishers", publishers.get("bylines")),
        inline=many("datelines", datelines.get("inline"), anchor="start"),
        standalone=many("datelines", datelines.get("standalone")),
        timestamps=many("datelines", datelines.get("timestamps")),
        footers=many("datelines", datelines.get("footers")),
        date_formats=many("datelines", datelines.get("date_formats")),
        months=months,
        countries=countries,
        table=table,
        credit_lines=many("publishers", publishers.get("credit_lines"), re.IGNORECASE),
        signoffs=[(_compile(str(e.get("pattern")), "publishers", _fill(str(e.get("pattern")), pieces)),
                   str(e.get("outlet") or "")) for e in publishers.get("signoffs") or [] if isinstance(e, dict)],
        self_reports=many("publishers", publishers.get("self_reports"), anchor="search"),
        address_dates=many("datelines", datelines.get("address_dates"), anchor="search"),
        glued=many("datelines", datelines.get("glued")),
        site=_site_words(site, lambda items: many("publishers", items),
                         lambda items: many("publishers", items, anchor="search")),
    )


def patterns_for(ctx: Any) -> Patterns:
    """The compiled patterns of ``ctx``'s lexicons (the bundled ones plus the user's files)."""
    return ctx.cached("clean:patterns", lambda: build(ctx.lexicon("boilerplate") or {}, ctx.lexicon("publishers") or {},
                                                      ctx.lexicon("datelines") or {}))
