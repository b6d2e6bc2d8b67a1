"""Where an article's outlet and date may be read besides its header: the page's address, credit
lines at its edges, a wire's sign-off, the outlet naming itself in the lead; and which credit wins.

The publisher cascade (the most trusted first; ``PUBLISHER_SOURCES``):

1. metadata: the container's own word (a JSON Lines "source" or "publisher");
2. text:dateline, text:byline, text:masthead: the credit the page prints over the story;
3. text:credit_line: a copyright line, "SOURCE: X", "The post ... appeared first on X", a
   syndication chain ("MENAFN - The Peninsula) QNA": the agency in it wrote the story);
4. text:signoff: a wire's house sign-off ("(Reporting by ...; Editing by ...)" is Reuters);
5. site:metadata: an HTML page's site name (og:site_name, JSON-LD publisher);
6. address: the domain of the page's address, looked up in the outlet table;
7. site:copyright, site:name: for a page whose outlet the table does not know, the holder of
   its copyright line and a site name in the page that its address spells (``site.py``);
8. text:self_report: "..., Ukrinform reports." in the lead (outlets cite others this way too,
   so it comes after the page's own address and name);
9. site:domain: the address's name made readable ("premiumtimesng.com" -> "Premium Times").

Carrier and author (the rule, for every page): a credit that speaks for the story (a dateline's
"(Reuters)", a byline "By Yonhap", a wire's sign-off, "Source: X", "The post ... appeared first
on X", a syndication chain) names who wrote it, and it is the publisher; what speaks only for
the site (its address, its copyright line, its name in the furniture) names who carried it, and
is the publisher only where nothing speaks for the story. An aggregator or a forum of the
outlet table never wins over another credit. The site is kept apart as ``carrier`` where it is
not the publisher. So an official statement reposted by an aggregator with "Source: Ministry of
Foreign Affairs" is the ministry's; a news outlet's report on a statement, with no such credit,
is the outlet's.
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import parse_qs, urlsplit

from ..model import DateValue
from .metadata import Credit, chain_credit, outlet_name
from .outlets import Outlet
from .patterns import Patterns

PUBLISHER_SOURCES = ("metadata", "text:dateline", "text:byline", "text:masthead", "text:credit_line",
                     "text:signoff", "site:metadata", "address", "site:copyright", "site:name", "text:self_report",
                     "site:domain")
#: How sure each source makes us of the publisher (reported with it).
PUBLISHER_CONFIDENCE = {"metadata": 1.0, "text:dateline": 0.95, "text:byline": 0.9, "text:masthead": 0.9,
                        "text:credit_line": 0.85, "text:signoff": 0.8, "site:metadata": 0.85, "address": 0.8, "site:copyright": 0.75,
                        "site:name": 0.75, "text:self_report": 0.6, "site:domain": 0.5}
_QUERY_KEYS = {"y": ("yyyy", "year", "y"), "m": ("mm", "month", "m"), "d": ("dd", "day", "d")}


def source_kind(method: str | None) -> str | None:
    """The kind of a publisher's or a date's source, from its method: metadata, dateline,
    address, inferred or text ("text:credit_line" -> text, "address+dateline" -> address)."""
    if not method:
        return None
    for prefix, kind in (("metadata", "metadata"), ("text:dateline", "dateline"), ("address", "address"),
                         ("site:domain", "address"), ("site:metadata", "metadata"),
                         ("inferred", "inferred"), ("text", "text")):
        if method.startswith(prefix):
            return kind
    return "inferred" if method.startswith("dates") else "text"


def rank(source: str) -> int:
    return next((i for i, p in enumerate(PUBLISHER_SOURCES) if source.startswith(p)), len(PUBLISHER_SOURCES))


def _outlet_of(credit: Credit, pats: Patterns) -> Outlet | None:
    return pats.table.get(credit.publisher) if credit.publisher else None


def choose_publisher(credits: list[tuple[str, Credit]], pats: Patterns) -> tuple[str, Credit, str | None] | None:
    """(source, credit, carrier) of the best-placed credit naming an outlet; a carrier only
    where nothing else names one. ``carrier`` is the outlet that carried the page (its address
    or a carrier credit) where it is not the publisher."""
    named = [(s, c) for s, c in credits if c.publisher]
    if not named:
        return None
    originals = [(s, c) for s, c in named if not ((o := _outlet_of(c, pats)) and o.carrier)]
    source, credit = min(originals or named, key=lambda sc: rank(sc[0]))
    carriers = [c.publisher for s, c in named
                if s == "address" or s.startswith("site:") or ((o := _outlet_of(c, pats)) and o.carrier)]
    carrier = next((c for c in carriers if c and c.casefold() != (credit.publisher or "").casefold()), None)
    return source, credit, carrier


# ------------------------------------------------------------------ the address

def address_outlet(url: str, pats: Patterns) -> Credit | None:
    """The outlet whose domain the page's address is on, as a credit ("address: tass.com")."""
    host = (urlsplit(url if "//" in url else "//" + url).hostname or "").removeprefix("www.")
    if not host:
        return None
    outlet = pats.table.for_host(host)
    name = outlet.name if outlet else outlet_name(host, pats)
    return Credit(name, None, f"address: {host}") if name else None


def _ymd(y: str | None, m: str | None, mon: str | None, d: str | None, pats: Patterns) -> DateValue | None:
    month = int(m) if m else (pats.months.get(mon.casefold()) if mon else None)
    if mon and not month:
        return None
    try:
        year = int(y or "")
        dt.date(year, month or 1, int(d) if d and month else 1)
    except ValueError:
        return None
    if year > dt.date.today().year:
        return None
    if month and d:
        return DateValue(f"{year:04d}-{month:02d}-{int(d):02d}", "day", "address", 0.9)
    if month:
        return DateValue(f"{year:04d}-{month:02d}", "month", "address", 0.85)
    return DateValue(f"{year:04d}", "year", "address", 0.8)


def address_date(url: str, pats: Patterns) -> DateValue | None:
    """The date a page's address holds, at its precision: query parameters (yyyy=2023&mm=03&dd=19)
    first, then the lexicon's path patterns ("/2017/10/", "/20231017/")."""
    parts = urlsplit(url)
    query = {k.casefold(): v[0] for k, v in parse_qs(parts.query).items() if v}
    found = {g: next((query[k] for k in keys if k in query), None) for g, keys in _QUERY_KEYS.items()}
    value = None
    if found["y"] and re.fullmatch(r"(19|20)\d{2}", found["y"]):
        value = _ymd(found["y"], found["m"] if (found["m"] or "").isdigit() else None, None,
                     found["d"] if (found["d"] or "").isdigit() else None, pats)
    if value is None:
        path = parts.path
        for p in pats.address_dates:
            m = p.search(path)
            if m:
                g = m.groupdict()
                value = _ymd(g.get("y"), g.get("m"), g.get("mon"), g.get("d"), pats)
                if value is not None:
                    break
    if value is not None:
        value.evidence = f"address: {url}"
    return value


# ------------------------------------------------------------------ credits in the text

def credit_line(line: str, pats: Patterns) -> Credit | None:
    """A line that only credits the article to an outlet (copyright, "SOURCE: X", a chain)."""
    if len(line) > 400:
        return None
    for p in pats.credit_lines:
        m = p.match(line)
        if m and m.groupdict().get("credit"):
            return chain_credit(m.group("credit"), pats)
    return None


def signoff(paragraph: str, pats: Patterns) -> tuple[Credit, int] | None:
    """A wire's house sign-off ending the paragraph: its outlet, and where it starts."""
    for p, outlet in pats.signoffs:
        m = p.search(paragraph)
        if m:
            name = outlet or outlet_name(m.groupdict().get("credit") or "", pats)
            if name and m.start() > 0:
                return Credit(name, None, m.group(0).strip()), m.start()
    return None


def self_report(paragraphs: list[str], pats: Patterns) -> Credit | None:
    """The outlet naming itself as the teller in the lead ("..., Ukrinform reports.")."""
    for para in paragraphs[:2]:
        for p in pats.self_reports:
            m = p.search(para)
            if m:
                name = outlet_name(m.group("credit"), pats)
                if name:
                    return Credit(name, None, m.group(0).strip(" ,;"))
    return None
