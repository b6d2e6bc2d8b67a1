"""What an article says about itself: its outlet, its dateline's place and date, its date.

Why these are separate from finding the lines: the same credit ("Trend, E.Tariverdiyeva") can
come from a dateline, a byline or a masthead, and the same date string from a timestamp, a footer
or a record's metadata; each is read here one way.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..model import DateValue
from .patterns import Patterns

_SPLIT_CREDIT = re.compile(r"\s*[,;]\s*|\s+[-–—]\s+")


@dataclass
class Credit:
    publisher: str | None
    byline: str | None
    text: str


def outlet_name(spelling: str, pats: Patterns) -> str | None:
    """The outlet a spelling stands for ("ITAR-TASS" -> "TASS"), or None if it names none."""
    s = spelling.strip().strip("/()[].,:- ").casefold()
    if s.startswith("www."):
        s = s[4:]
    return pats.outlets.get(s)


def read_credit(text: str, pats: Patterns) -> Credit | None:
    """An outlet's credit ("/TASS/", "(Sputnik)", "Trend, E.Tariverdiyeva") as outlet + author.

    A part naming a known outlet is the publisher and the rest the byline; where no part is a
    known outlet, the first part is taken as the outlet's name as written."""
    inner = text.strip().strip("/()").strip()
    if not inner:
        return None
    parts = [p for p in _SPLIT_CREDIT.split(inner) if p]
    for i, part in enumerate(parts):
        name = outlet_name(part, pats)
        if name:
            rest = [p for j, p in enumerate(parts) if j != i]
            return Credit(name, ", ".join(rest) or None, text.strip())
    chained = chain_credit(inner, pats)
    if chained is not None:
        return Credit(chained.publisher, None, text.strip())
    return Credit(parts[0], ", ".join(parts[1:]) or None, text.strip())


def chain_credit(text: str, pats: Patterns) -> Credit | None:
    """The outlet that wrote a story from a credit naming several ("MENAFN - The Peninsula) QNA",
    "ARTSAKHPRESS-ARMENPRESS"): carriers dropped, an agency before other outlets, the first of
    equals; the others are kept as the credit's byline-free rest."""
    names: list[str] = []
    for m in pats.outlet_search.finditer(text):
        name = outlet_name(m.group(0), pats)
        if name and name not in names:
            names.append(name)
    if not names:
        return None
    outlets = [(n, pats.table.get(n)) for n in names]
    kept = [(n, o) for n, o in outlets if not (o and o.carrier)] or outlets
    agencies = [n for n, o in kept if o and o.kind == "agency"]
    return Credit((agencies or [kept[0][0]])[0], None, text.strip())


def dateline_place(places: str, pats: Patterns) -> str | None:
    """The place of a dateline's place list: the first name that is not a country ("Azerbaijan,
    Baku" -> "Baku"), or the country where it is all there is. Capitals become "Moscow"."""
    names = [p.strip() for p in places.split(",") if p.strip()]
    if not names:
        return None
    chosen = next((n for n in names if n.casefold() not in pats.countries), names[0])
    return chosen.title() if chosen.isupper() else chosen


#: Countries that write a date's month before its day (02/11/2008 is February 11th there).
MONTH_FIRST_COUNTRIES = frozenset({"USA", "PHL", "FSM", "MHL", "PLW", "ASM", "GUM", "PRI", "VIR", "MNP", "UMI"})

_NUMERIC = re.compile(r"(?<!\d)(\d{1,2})([./-])\s?(\d{1,2})\2\s?(\d{4})(?!\d)")


@dataclass
class Order:
    """How a page writes numeric dates, and why we think so: "dm" (06.10.2009 = 6 October),
    "md" (02/11/2008 = February 11) or None where nothing tells."""

    order: str | None = None
    reason: str = ""


def page_order(text: str, country: str | None, outlet: str | None = None) -> Order:
    """The day-month order of a page's numeric dates: another date of the page whose first or
    second number is over 12 settles it; else the outlet's country; else nothing (the reading
    then falls back on the separator's custom, and says so)."""
    for m in _NUMERIC.finditer(text):
        a, b = int(m.group(1)), int(m.group(3))
        if a > 12 >= b:
            return Order("dm", f"the page writes {m.group(0)!r}, day first")
        if b > 12 >= a:
            return Order("md", f"the page writes {m.group(0)!r}, month first")
    if country:
        who = f"the outlet ({outlet}) is in {country}" if outlet else f"the outlet is in {country}"
        return Order("md", f"{who}, which writes the month first") if country in MONTH_FIRST_COUNTRIES \
            else Order("dm", f"{who}, which writes the day first")
    return Order()


def _day_month(a: int, b: int, sep: str, order: Order | None) -> tuple[int, int, str, bool]:
    """(month, day, reason, assumed) of the numbers ``a`` ``sep`` ``b`` of a numeric date."""
    if a > 12 >= b:
        return b, a, "day first: the first number is over 12", False
    if b > 12 >= a:
        return a, b, "month first: the second number is over 12", False
    if a == b:
        return a, b, "day and month are the same number", False
    if order is not None and order.order:
        return (b, a, f"day first: {order.reason}", False) if order.order == "dm" \
            else (a, b, f"month first: {order.reason}", False)
    if sep == "/":
        return a, b, "month first: assumed from the slash (US custom); nothing in the page tells", True
    return b, a, f"day first: assumed from the {sep!r} (European custom); nothing in the page tells", True


def read_date(text: str, pats: Patterns, order: Order | None = None) -> tuple[int | None, int, int, str, bool] | None:
    """(year or None, month, day, reason, assumed) of a date string, by the lexicon's date
    formats; ``reason`` says how a numeric day-month order was chosen (empty otherwise)."""
    for fmt in pats.date_formats:
        m = fmt.match(text.strip())
        if not m:
            continue
        g = m.groupdict()
        reason, assumed = "", False
        if g.get("a") and g.get("b"):
            month, day, reason, assumed = _day_month(int(g["a"]), int(g["b"]), g.get("sep") or "", order)
            g["d"] = str(day)
        else:
            month = int(g["m"]) if g.get("m") else pats.months.get((g.get("mon") or "").casefold())
        if not month or not g.get("d"):
            continue
        year = int(g["y"]) if g.get("y") else None
        try:
            dt.date(year or 2000, month, int(g["d"]))
        except ValueError:
            continue
        return year, month, int(g["d"]), reason, assumed
    return None


def parse_date(text: str, pats: Patterns, order: Order | None = None) -> tuple[int | None, int, int] | None:
    """(year or None, month, day) of a date string, by the lexicon's date formats."""
    read = read_date(text, pats, order)
    return None if read is None else read[:3]


def full_date(text: str, pats: Patterns, method: str, evidence: str,
              confidence: float = 0.9, order: Order | None = None) -> DateValue | None:
    """A day-precision DateValue where ``text`` is a date with its year, else None. A numeric
    date's day-month reading is stated in the evidence; an assumed one lowers the confidence."""
    read = read_date(text, pats, order)
    if read is None or read[0] is None:
        return None
    y, m, d, reason, assumed = read
    note = evidence.strip() + (f" (read {reason})" if reason else "")
    return DateValue(f"{y:04d}-{m:02d}-{d:02d}", "day", method, round(confidence * (0.6 if assumed else 1.0), 2), note)


_ISO = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\s*$")


def metadata_date(value: object, pats: Patterns, method: str) -> DateValue | None:
    """The publication date a container gave ("2019-01-23", "2019-01-23T10:00:00Z", "2019-01",
    "23 January 2019"), at the precision it gave, or None where it is no date."""
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime | dt.date):
        value = value.isoformat()
    text = str(value)
    m = _ISO.match(text)
    if m:
        y, mo, d = m.group(1), m.group(2), m.group(3)
        try:
            if d:
                dt.date(int(y), int(mo), int(d))
                return DateValue(f"{int(y):04d}-{int(mo):02d}-{int(d):02d}", "day", method, 1.0, f"date: {text}")
            if mo:
                dt.date(int(y), int(mo), 1)
                return DateValue(f"{int(y):04d}-{int(mo):02d}", "month", method, 1.0, f"date: {text}")
            return DateValue(f"{int(y):04d}", "year", method, 1.0, f"date: {text}")
        except ValueError:
            return None
    return full_date(text, pats, method, f"date: {text}", 1.0)
