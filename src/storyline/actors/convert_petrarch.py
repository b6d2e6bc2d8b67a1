"""Convert the PETRARCH2/Phoenix actor dictionaries (TABARI format, MIT licence, Open Event
Data Alliance) into storyline's people and organisations with dated roles.

Run once when the dictionaries change; the output is committed as
``data/actors/petrarch2.json.gz`` beside its ``ATTRIBUTION.md``, so storyline never parses the
1.5 MB dictionaries at start-up::

    python -m storyline.actors.convert_petrarch ../shared/data/petrarch2-dictionaries

What the format holds (petrarch2 docs/source/dictionaries.rst): a primary phrase, synonym
phrases beginning with ``+``, and code lines ``[RUSGOV 991231-080507]`` (``<date``, ``>date``,
``date-date``; dates YYMMDD or YYYYMMDD) that give a country, a sector and a period. Consecutive
primary phrases before the first code line name one actor. What it lacks is the office a role
was: "RUSGOV 2008-2012" does not say "president", so converted roles carry no office unless a
curated file adds it (the build merges the two by name).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..lexicons import data_path, load_lexicon
from .names import display_name, name_key, name_words, set_variants

FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt")
#: The non-state armed groups (START TOPS names): converted to groups, kind "armed group".
GROUPS_FILE = "Phoenix.MilNonState.actors.txt"
OUTPUT = "petrarch2.json.gz"

#: CAMEO sector codes that may follow a country code: the primary ones and PETRARCH's further ones.
SECTORS = {str(code) for part in ("primary", "secondary") for code in load_lexicon("cameo_sectors")[part]}
#: PETRARCH country codes that differ from the ones storyline uses.
COUNTRY_CODES = {"KSV": "XKX", "ROM": "ROU", "ZAR": "COD", "TMP": "TLS"}
#: Codes in the country slot that are not countries: the sector they stand for.
NON_STATE = {"NGO": "NGO", "MNC": "BUS", "NGM": "NGO", "UIS": "UAF", "UAF": "UAF"}
_CODE = re.compile(r"\[([^\]]*)\]")
_DATE = re.compile(r"^\d{6}(\d{2})?$")


@dataclass
class Entry:
    names: list[str] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    origin: str = ""


def _strip_comment(line: str) -> tuple[str, str]:
    for mark in ("#", ";"):
        if mark in line:
            i = line.index(mark)
            return line[:i], line[i + 1:]
    return line, ""


def read_entries(path: Path) -> list[Entry]:
    """Group a TABARI actor file into entries: names (primaries and +synonyms) and their codes."""
    entries: list[Entry] = []
    cur: Entry | None = None
    for lineno, raw in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        line, comment = _strip_comment(raw)
        if not line.strip():
            if not raw.strip():
                cur = None  # a blank line ends an entry
            continue
        codes = _CODE.findall(line)
        text = _CODE.sub(" ", line).strip()
        starts_code = raw.startswith(("\t", " ")) and not text
        if starts_code:
            if cur is not None:
                cur.codes.extend(codes)
                cur.comments.append(comment)
            continue
        synonym = text.startswith("+")
        name = text.lstrip("+").strip()
        if cur is None or (not synonym and cur.codes):
            cur = Entry(origin=f"{path.name}:{lineno}")
            entries.append(cur)
        if name:
            cur.names.append(name)
        cur.codes.extend(codes)
        cur.comments.append(comment)
    return [e for e in entries if e.names and e.codes]


def _date(text: str) -> str | None:
    if not _DATE.match(text):
        return None
    if len(text) == 6:
        yy = int(text[:2])
        text = ("20" if yy <= 25 else "19") + text
    y, m, d = text[:4], text[4:6], text[6:8]
    if m == "00" or not ("01" <= m <= "12"):
        return y
    if d == "00" or not ("01" <= d <= "31"):
        return f"{y}-{m}"
    return f"{y}-{m}-{d}"


def parse_code(code: str, igo: dict[str, str]) -> dict | None:
    """``RUSGOV 991231-080507`` -> country RUS, sector GOV, start 1999-12-31, end 2008-05-07."""
    parts = code.split()
    if not parts or parts[0].startswith("-"):
        return None
    c = parts[0].upper()
    when = parts[1] if len(parts) > 1 else ""
    start = end = None
    if when.startswith(">"):
        start = _date(when[1:])
    elif when.startswith("<"):
        end = _date(when[1:])
    elif "-" in when:
        a, b = when.split("-", 1)
        start, end = _date(a), _date(b)
    if c.startswith("IGO"):
        body = next((igo[k] for k in sorted(igo, key=len, reverse=True) if c.startswith(k)), None)
        return {"country": body, "sector": "IGO", "start": start, "end": end}
    if len(c) < 3:
        return None
    if c[:3] in NON_STATE:
        return {"country": None, "sector": NON_STATE[c[:3]], "start": start, "end": end}
    country = COUNTRY_CODES.get(c[:3], c[:3])
    rest = [c[i:i + 3] for i in range(3, len(c), 3)]
    sector = next((r for r in rest if r in SECTORS), None)
    if rest and sector is None:
        return {"territory": True, "country": country}
    return {"country": country, "sector": sector, "start": start, "end": end}


def _strip_title(name: str, strip: set[str]) -> list[str]:
    """The name's tokens without leading titles and honorifics ("PRESIDENT_DMITRI_A._MEDVEDEV")."""
    tokens = [t for t in name.replace("_", " ").split() if name_words(t)]
    i = 0
    while i < len(tokens) - 1 and all(w in strip for w in name_words(tokens[i])):
        i += 1
    return tokens[i:]


def _looks_like_person(names: list[str], org_words: set[str]) -> bool:
    for n in names:
        words = name_words(n)
        if not 2 <= len(words) <= 6 or any(w in org_words for w in words) or any(ch.isdigit() for ch in n):
            return False
    return True


def _yaml(*parts: str) -> dict:
    with open(data_path(*parts), encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def convert(src: Path) -> dict:
    lex, states, bodies = (_yaml(*p) for p in (("lexicons", "actor_roles.yaml"), ("actors", "states.yaml"),
                                                 ("actors", "bodies.yaml")))
    org_words = set(lex["organization_words"])
    variants = _yaml("actors", "name_variants.yaml")
    set_variants(variants["variants"], variants["particles"])
    igo = {code: b["code"] for b in bodies for code in b.get("cameo") or []}
    role_words = {w for phrase in lex["roles"] for w in name_words(phrase)}
    strip = set(role_words) | {w for h in lex["honorifics"] for w in name_words(h)}
    strip |= {w for s in states.values() for d in s.get("demonyms") or [] for w in name_words(d)}
    strip |= set(lex["title_words"])
    people: list[dict] = []
    orgs: list[dict] = []
    for fname in FILES:
        for e in read_entries(src / fname):
            marked = any("CountryInfo" in c or "IGOrulers" in c for c in e.comments)
            roles = []
            territory = False
            for code in e.codes:
                r = parse_code(code, igo)
                if r is None:
                    continue
                if r.get("territory"):
                    territory = True
                    continue
                roles.append(r)
            if territory or not roles:
                continue
            dated = any(r["start"] or r["end"] for r in roles)
            if all(r["sector"] is None for r in roles) and not dated:
                continue  # a country or a place: the states data covers those
            person = marked or (_looks_like_person(e.names, org_words) and dated)
            if person:
                stripped = [_strip_title(n, strip) for n in e.names]
                full = [t for t in stripped if len(t) >= 2]
                if not full:
                    continue
                shown = display_name(" ".join(full[0]))
                aliases: list[str] = []
                seen = {name_key(shown)}
                for tokens in full[1:]:
                    alias = display_name(" ".join(tokens))
                    if name_key(alias) not in seen:
                        seen.add(name_key(alias))
                        aliases.append(alias)
                last = max(roles, key=lambda r: (r["start"] or r["end"] or ""))
                people.append({"name": shown, "aliases": aliases, "country": last["country"],
                               "sector": last["sector"],
                               "roles": [[r["country"], r["sector"], r["start"], r["end"]] for r in roles],
                               "origin": e.origin})
            else:
                words = name_words(e.names[0])
                if len(words) < 2 or any(w in role_words for w in words):
                    continue  # role phrases ("KOSOVAR_PRIME_MINISTER") are the linker's business
                if not any(w in org_words for w in words):
                    continue
                r0 = roles[-1]
                aliases = []
                seen = {name_key(e.names[0])}
                for n in e.names[1:]:
                    k = name_key(n)
                    if k not in seen and len(name_words(n)) >= 2:
                        seen.add(k)
                        aliases.append(display_name(n))
                orgs.append({"name": display_name(e.names[0]), "aliases": aliases, "country": r0["country"],
                             "sector": r0["sector"], "origin": e.origin})
    groups = convert_groups(src / GROUPS_FILE) if (src / GROUPS_FILE).exists() else []
    return {"source": "PETRARCH2 / Phoenix dictionaries (openeventdata/petrarch2, MIT licence, "
                      "Copyright (c) 2014 Open Event Data Alliance); see ATTRIBUTION.md",
            "people": people, "organizations": orgs, "groups": groups}


#: Words of a group's name written in lower case inside it ("Army of the Righteous").
_SMALL = {"of", "the", "and", "for", "in", "on", "to", "a", "an", "de", "del", "la", "el"}
_PAREN = re.compile(r"\s*\([^)]*\)\s*")


def _group_name(name: str, org_words: set[str], generic: set[str]) -> str | None:
    """A group's name as text, where it is safe to look for: two words or more with a word
    that names a body ("front", "army", "brigades"), or an acronym ("PKK", "EZLN"). A single
    ordinary word ("TIGERS_") or a person's name (the file lists some members among the
    synonyms) is not. A parenthesis ("(COLOMBIA)") is the dictionary's note, not the name."""
    text = " ".join(_PAREN.sub(" ", name.replace("_", " ")).split())
    words = text.split()
    if not words:
        return None
    if len(words) == 1:
        return text if text.isupper() and text.isalpha() and len(text) >= 3 and _acronym_like(text) else None
    if not any(w in org_words for w in name_words(text)):
        return None
    if len(words) == 2 and words[0].lower() in generic:
        return None  # "National Front", "Islamic Group": too general to be one group
    out = []
    for i, w in enumerate(display_name(text.upper()).split()):
        raw = words[i] if i < len(words) else w
        if i > 0 and w.lower() in _SMALL:
            out.append(w.lower())
        elif raw.isupper() and raw.isalpha() and not any(ch in "AEIOUY" for ch in raw):
            out.append(raw)  # an acronym inside a name ("HSM")
        else:
            out.append(w[:-2] + "'s" if w.endswith("'S") else w)
    return " ".join(out)


def _acronym_like(text: str) -> bool:
    """An acronym rather than a word in capitals: at most one vowel ("PKK", "KACH", "EZLN")."""
    return sum(ch in "AEIOUY" for ch in text.upper()) <= 1 and len(text) <= 6


def convert_groups(path: Path) -> list[dict]:
    """The non-state armed groups: names, synonyms and the country a group's code names (a
    region or "international" code, IMG..., leaves it without one), with the CAMEO sector."""
    import pycountry

    lex = _yaml("lexicons", "actor_roles.yaml")
    org_words, generic = set(lex["organization_words"]), set(lex.get("generic_group_words") or [])
    out: list[dict] = []
    for e in read_entries(path):
        names = [n for n in (_group_name(x, org_words, generic) for x in e.names) if n]
        if not names:
            continue
        code = e.codes[0].split()[0].upper() if e.codes[0].split() else ""
        country = COUNTRY_CODES.get(code[:3], code[:3])
        if pycountry.countries.get(alpha_3=country) is None:
            country = None
        rest = [code[i:i + 3] for i in range(3 if country else 0, len(code), 3)]
        sector = next((r for r in rest if r in SECTORS), "REB")
        seen: set[str] = set()
        unique = [n for n in names if not (name_key(n) in seen or seen.add(name_key(n)))]
        out.append({"name": unique[0], "aliases": unique[1:], "country": country, "sector": sector,
                    "origin": e.origin})
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("src", type=Path, help="folder with Phoenix.Countries.actors.txt and Phoenix.International.actors.txt")
    ap.add_argument("--out", type=Path, default=data_path("actors", OUTPUT))
    ap.add_argument("--groups-only", action="store_true",
                    help="replace only the armed groups of an existing output, keeping its people and organisations")
    args = ap.parse_args(argv)
    if args.groups_only:
        with gzip.open(args.out, "rt", encoding="utf-8") as fh:
            data = json.load(fh)
        data["groups"] = convert_groups(args.src / GROUPS_FILE)
    else:
        data = convert(args.src)
    with gzip.open(args.out, "wt", encoding="utf-8", compresslevel=9) as fh:
        json.dump(data, fh, ensure_ascii=False, separators=(",", ":"))
    dated = sum(1 for p in data["people"] if any(r[2] or r[3] for r in p["roles"]))
    print(f"{args.out}: {len(data['people'])} people ({dated} with dated roles), "
          f"{len(data['organizations'])} organisations, {len(data['groups'])} armed groups", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
