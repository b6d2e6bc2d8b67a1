"""Cleaning: a RawDocument in, a Document out, with the article's body and what it says about itself.

The cascade, in order (each step reads only what the steps before it left):

1. Paragraphs. White space made plain, hard-wrapped lines (the Reuters wire) joined again, one
   paragraph a line (``paragraphs.py``).
2. Boilerplate anywhere. Lines that are never article text (share buttons, "Editor's note: ...",
   copyright lines) go, wherever they stand (``boilerplate.yaml: anywhere``).
3. The header: the lines before the first body paragraph. Each is page furniture at the edges
   ("All news", "..."), a masthead ("Sputnik News Service, Russia"), a timestamp ("18 June 2014
   14:32 (UTC +04:00)"), a dateline standing alone ("Baku, Azerbaijan, June 18"), a byline ("By
   Seba Agayeva - Trend:"), the title again, a teaser that the body repeats word for word, the
   title itself (the first headline-like line, when the container gave none) or a standfirst
   (any other line without a sentence's end, kept in metadata). None of these stay in the text.
4. The footer: from the end up, furniture at the edges ("Tags:", "Latest", "Edited by CN") and a
   line ending in the article's full date ("Putin urged ... 06.04.2016") go; the first other line
   is the body's last.
5. The dateline that opens the first body paragraph ("BAKU, July 27 (Sputnik) – Russia, as ...")
   is cut from it; the body sentence stays word for word, since evidence is found in the article
   as written. Its place, its date as written ("July 27") and its credit are kept.
6. Repeated titles inside the body go; a wire sign-off trailing the last paragraph goes.
7. Metadata. Publisher: the container's (a JSON Lines "source", a page's site name), else the
   dateline's credit, a byline's, a masthead's, ... (``sources.py`` ranks them); for a page
   whose outlet the table does not know, the site's own name (``site.py``). Publication date: the container's, else a
   timestamp's or the dateline's full date, else a footer's; a date without a year ("MOSCOW,
   November 12.") is only the dateline's date (the dates stage completes it).
8. The text: paragraphs joined by a blank line; the id is ``content_id`` of it, so one article read
   from a file and from a JSON Lines record is one document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from ..errors import InputError
from ..model import DateValue, Document, RawDocument, content_id, normalise_for_id
from .furniture import drop_copies, unglue
from .metadata import (
    Credit,
    Order,
    dateline_place,
    full_date,
    metadata_date,
    outlet_name,
    page_order,
    parse_date,
    read_credit,
)
from .paragraphs import split_paragraphs
from .patterns import Patterns, patterns_for
from .site import domain_name, named_by_address, site_credit, site_last_line, site_signoff
from .sources import (
    PUBLISHER_CONFIDENCE,
    address_date,
    address_outlet,
    choose_publisher,
    credit_line,
    self_report,
    signoff,
)

__all__ = ["clean"]

#: A header longer than this many lines is not a header: the text has no body sentences we can
#: see, so everything not recognised as furniture is kept as body.
MAX_HEADER_LINES = 12
TITLE_MAX_WORDS = 30

_ENDS_SENTENCE = re.compile(r"[.!?…]['\"”’»)\]]*$")


def _is_sentence(line: str) -> bool:
    return len(line.split()) >= 6 and bool(_ENDS_SENTENCE.search(line))


def _title_like(line: str) -> bool:
    return 1 <= len(line.split()) <= TITLE_MAX_WORDS and not re.search(r"[.:;,]$", line)


def _same(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > max(len(a), len(b)) // 2 + 5:
        return False
    return normalise_for_id(a).rstrip(" .") == normalise_for_id(b).rstrip(" .")


@dataclass
class _Found:
    """What the cascade has learnt so far."""

    title: str | None = None
    title_source: str = ""
    credits: list[tuple[str, Credit]] = field(default_factory=list)
    byline: str | None = None
    place: str | None = None
    dateline_date: str | None = None
    dateline_text: str | None = None
    published: DateValue | None = None
    timestamp: str | None = None
    standfirst: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    order: Order = field(default_factory=Order)  # how the page writes numeric dates, and why
    #: header timestamps: (date, whether it stood before the title line)
    stamps: list[tuple[DateValue, bool]] = field(default_factory=list)

    def credit(self, credit: Credit | None, source: str) -> None:
        if credit is not None:
            self.credits.append((source, credit))

    def date(self, value: DateValue | None) -> None:
        if self.published is None and value is not None:
            self.published = value


def _matches(pats: list[re.Pattern[str]], line: str) -> re.Match[str] | None:
    for p in pats:
        m = p.match(line)
        if m:
            return m
    return None


def _dateline(m: re.Match[str], found: _Found, pats: Patterns, text: str) -> None:
    if found.dateline_text is not None:
        return
    g = m.groupdict()
    found.dateline_text = text.strip()
    found.place = dateline_place(g.get("places") or "", pats)
    if g.get("date"):
        found.dateline_date = " ".join(g["date"].split())
        found.date(full_date(g["date"], pats, "text:dateline", text, 0.95, found.order))
    if g.get("credit"):
        found.credit(read_credit(g["credit"], pats), "text:dateline")


def _header_kind(line: str, found: _Found, pats: Patterns) -> str | None:
    """Which furniture a header line is (acting on it), or None for a line that may be text."""
    if _matches(pats.edges, line):
        return "boilerplate"
    m = _matches(pats.timestamps, line)
    if m:
        found.timestamp = found.timestamp or line
        g = m.groupdict()
        value = full_date(g["date"], pats, "text:timestamp", line, 0.95, found.order) if g.get("date") else None
        if value is not None:
            found.stamps.append((value, found.title is None))
        if g.get("credit"):
            found.credit(read_credit(g["credit"], pats), "text:masthead")
        return "timestamp"
    m = _matches(pats.mastheads, line)
    if m:
        found.credit(read_credit(m.group(0).split(",")[0], pats) or None, "text:masthead")
        return "masthead"
    m = _matches(pats.standalone, line)
    if m:
        _dateline(m, found, pats, line)
        return "dateline"
    m = _matches(pats.bylines, line)
    if m:
        g = m.groupdict()
        found.byline = found.byline or g.get("byline")
        if g.get("credit"):
            found.credit(read_credit(g["credit"], pats), "text:byline")
        return "byline"
    if " " not in line and line.isupper() and line.isalpha():
        return "section"  # one word in capitals above the story: "WORLD", "POLITICS"
    if found.title and _same(line, found.title):
        return "title repeated"
    return None


def _is_teaser(line: str, later: list[str]) -> bool:
    """A line without a sentence's end that a later paragraph opens with, word for word (a
    summary the page shows above the story that then begins with the same words)."""
    if _ENDS_SENTENCE.search(line):
        return False
    key = normalise_for_id(line).rstrip(" .")
    return len(key.split()) >= 5 and any(normalise_for_id(p[:2 * len(line) + 20]).startswith(key) for p in later)


def _header(paras: list[str], found: _Found, pats: Patterns) -> int:
    """Read the header lines; return the index of the first body paragraph.

    A line that is neither furniture nor a sentence (no full stop: a standfirst, a map legend, a
    lead that lacks its full stop) counts as header only where header furniture or a dateline
    follows it, and as the start of the body otherwise: so an article keeps its words whether it
    came with its title line (a file) or without (a JSON record whose title is metadata)."""
    loose: list[int] = []
    title_at: int | None = None

    def standfirst() -> None:
        for j in loose:
            found.standfirst.append(paras[j])
            found.removed.append(paras[j])
        loose.clear()

    for i, line in enumerate(paras[:MAX_HEADER_LINES]):
        kind = _header_kind(line, found, pats)
        if kind:
            if kind in ("masthead", "timestamp", "dateline", "byline"):
                standfirst()
            found.removed.append(line)
            continue
        opens_with_dateline = _matches(pats.inline, line) is not None
        if _is_sentence(line) or opens_with_dateline or len(line) > 300:
            if opens_with_dateline:
                standfirst()
            return loose[0] if loose else i
        if found.title is None and not loose and _title_like(line) and i + 1 < len(paras):
            found.title, found.title_source, title_at = line, "text", i
            continue
        if _is_teaser(line, paras[i + 1:]):
            found.removed.append(line)
            continue
        loose.append(i)
    # no body sentence in sight: what was not recognised is body after all
    start = loose[0] if loose else min(len(paras), MAX_HEADER_LINES)
    if title_at is not None and title_at == len(paras) - 1:
        found.title, found.title_source = None, ""
        start = min(start, title_at)
    return start


def _footer(paras: list[str], found: _Found, pats: Patterns) -> list[str]:
    """Drop furniture and a dated footer from the end of the body."""
    while paras:
        line = paras[-1]
        if _matches(pats.edges, line) or (found.title and _same(line, found.title)):
            found.removed.append(paras.pop())
            continue
        m = _matches(pats.mastheads, line) if len(paras) > 1 else None
        alone = site_last_line(line, pats) if len(paras) > 1 and not m else None
        if m or alone:
            found.credit(read_credit(m.group(0).split(",")[0], pats) if m else alone, "text:signoff")
            found.removed.append(paras.pop())
            continue
        m = _matches(pats.footers, line) if len(paras) > 1 else None
        if m and full_date(m.group("date"), pats, "text:footer", line, order=found.order) is not None:
            found.removed.append(paras.pop())
            title = (m.groupdict().get("title") or "").strip()
            if title and found.title is None:
                found.title, found.title_source = title, "text:footer"
            found.date(full_date(m.group("date"), pats, "text:footer", line, 0.8, found.order))
            continue
        break
    return paras


def _publisher_from_metadata(meta: dict[str, Any], pats: Patterns, kind: str) -> tuple[str, Credit] | None:
    """(source, credit) of the container's word on the outlet. A JSON Lines "source" or
    "publisher" is the user's own statement (``metadata``); an HTML page's site name
    (og:site_name, JSON-LD) speaks for the site, which may only carry the story
    (``site:metadata``), and one that is only the page's host is trafilatura's guess from the
    address, left to the address steps."""
    url = meta.get("url") if isinstance(meta.get("url"), str) else ""
    host = (urlsplit(url).hostname or "").removeprefix("www.") if "//" in url else ""
    for key in ("publisher", "outlet", "sitename", "source", "hostname"):
        value = meta.get(key)
        if not (isinstance(value, str) and value.strip()):
            continue
        name = outlet_name(value, pats)
        if key == "hostname" and not name:
            continue
        if key == "sitename" and kind == "html":
            if not name and value.strip().casefold().removeprefix("www.") in (host, meta.get("hostname")):
                continue
            return "site:metadata", Credit(name or value.strip(), None, f"{key}: {value.strip()}")
        return f"metadata:{kind}", Credit(name or value.strip(), None, f"{key}: {value.strip()}")
    return None


def _chosen_stamp(found: _Found) -> None:
    """The header's publication timestamp: the first after the title line; one standing above
    the title (a site's current-date widget, "Sat. Apr 20th, 2024") only where no other is."""
    after = [v for v, before_title in found.stamps if not before_title]
    for value in after or [v for v, _ in found.stamps]:
        found.date(value)


def _edges(paras: list[str], found: _Found, pats: Patterns) -> list[str]:
    """Steps 1-2: boilerplate anywhere, and credit lines (copyright, "SOURCE: X", a syndication
    chain) wherever they stand: the line goes, its outlet is kept."""
    kept = []
    for p in paras:
        credit = credit_line(p, pats)
        site = site_credit(p, pats) if credit is None else None
        if credit is not None:
            found.credit(credit, "text:credit_line")
            found.removed.append(p)
        elif site is not None:
            found.credit(site[1], site[0])
            found.removed.append(p)
        elif _matches(pats.anywhere, p):
            found.removed.append(p)
        else:
            kept.append(p)
    return kept


#: How many paragraphs a page may put above the dateline that opens its story.
MAX_SUMMARY_PARAGRAPHS = 2


def _summary_above_dateline(body: list[str], found: _Found, pats: Patterns) -> list[str]:
    """A story whose dateline in capitals ("JEDDAH - ...") opens its second or third paragraph:
    what stands above it is a summary the page shows over the story (a standfirst), not its
    first sentences."""
    if not body or _matches(pats.inline, body[0]):
        return body
    for i in range(1, min(MAX_SUMMARY_PARAGRAPHS, len(body) - 1) + 1):
        m = _matches(pats.inline, body[i])
        places = (m.groupdict().get("places") or "") if m else ""
        if m and places.isupper() and len(places) > 2:
            found.standfirst.extend(body[:i])
            found.removed.extend(body[:i])
            return body[i:]
    return body


def _sign_off(body: list[str], found: _Found, pats: Patterns) -> None:
    """Step 6: a wire's sign-off and line-end furniture trailing the last paragraph go."""
    if not body:
        return
    signed = signoff(body[-1], pats) or site_signoff(body[-1], pats)
    if signed is not None:
        credit, start = signed
        found.credit(credit, "text:signoff")
        found.removed.append(credit.text)
        body[-1] = body[-1][:start].rstrip()
    for p in pats.line_ends:
        m = p.search(body[-1])
        if m and m.start() > 0:
            found.removed.append(m.group(0).strip())
            body[-1] = body[-1][:m.start()].rstrip()


def _with_dateline_day(value: DateValue | None, found: _Found, pats: Patterns) -> DateValue | None:
    """An address's year or month completed by the dateline's month and day ("/2013/" and
    "GENEVA, November 6"): the day is the dateline's, the year the address's."""
    if value is None or value.precision == "day" or not found.dateline_date:
        return value
    parsed = parse_date(found.dateline_date, pats)
    if parsed is None or parsed[0] is not None:
        return value
    _, month, day = parsed
    if value.precision == "month" and int(value.value[5:7]) != month:
        return value
    return DateValue(f"{value.value[:4]}-{month:02d}-{day:02d}", "day", "address+dateline", 0.85,
                     f"{value.evidence}; dateline {found.dateline_date!r}")


def clean(raw: RawDocument, ctx: Any) -> Document:
    """The cleaned Document of ``raw`` (see the module docstring for the steps)."""
    pats = patterns_for(ctx)
    meta = dict(raw.metadata)
    found = _Found()
    if isinstance(meta.get("title"), str) and meta["title"].strip():
        found.title, found.title_source = " ".join(meta["title"].split()), f"metadata:{raw.kind}"
    from_meta = _publisher_from_metadata(meta, pats, raw.kind)
    if from_meta is not None:
        found.credit(from_meta[1], from_meta[0])
    url = meta.get("url") if isinstance(meta.get("url"), str) else None
    at_address = address_outlet(url, pats) if url else None
    found.credit(at_address, "address")
    if isinstance(meta.get("author"), str) and meta["author"].strip():
        found.byline = meta["author"].strip()
    outlet = pats.table.get(at_address.publisher) if at_address else None
    found.order = page_order(raw.text, outlet.country if outlet else None, outlet.name if outlet else None)
    found.date(metadata_date(meta.get("date"), pats, f"metadata:{raw.kind}"))

    # 1-2: paragraphs, boilerplate and credit lines anywhere
    paras = drop_copies(_edges(unglue(split_paragraphs(raw.text), pats), found, pats), found.removed)

    # 3-4: header and footer
    start = _header(paras, found, pats)
    _chosen_stamp(found)
    body = _footer(paras[start:], found, pats)

    # 5: the dateline opening the first paragraph (after a summary the page put above it)
    body = _summary_above_dateline(body, found, pats)
    if body:
        m = _matches(pats.inline, body[0])
        if m and m.end() < len(body[0]):
            _dateline(m, found, pats, m.group(0))
            found.removed.append(m.group(0).strip())
            body[0] = body[0][m.end():].lstrip()

    # 6: repeated titles, wire sign-offs
    if found.title:
        kept = []
        for p in body:
            (found.removed if _same(p, found.title) else kept).append(p)
        body = kept
    _sign_off(body, found, pats)
    body = [p for p in body if p]
    if not body:
        raise InputError(raw.origin, "E109")
    found.credit(self_report(body, pats), "text:self_report")
    if url and at_address is None:
        furniture = [*([found.title] if found.title else []), *found.removed, *found.standfirst]
        found.credit(named_by_address(url, furniture, body, pats), "site:name")
        found.credit(domain_name(url, raw.text, pats), "site:domain")
    if url and found.published is None:
        found.date(_with_dateline_day(address_date(url, pats), found, pats))
    return _document(raw, meta, body, found, pats, url)


def _document(raw: RawDocument, meta: dict[str, Any], body: list[str], found: _Found, pats: Patterns,
              url: str | None) -> Document:
    """Steps 7-8: the metadata and the document."""
    text = "\n\n".join(body)
    extra: dict[str, Any] = {"kind": raw.kind}
    if found.standfirst:
        extra["standfirst"] = found.standfirst
    if found.timestamp:
        extra["timestamp"] = found.timestamp
    if found.dateline_text:
        extra["dateline_text"] = found.dateline_text
    if found.title:
        extra["title_source"] = found.title_source
    chosen = choose_publisher(found.credits, pats)
    if chosen:
        extra["publisher_source"] = chosen[0]
        extra["publisher_confidence"] = next((v for k, v in PUBLISHER_CONFIDENCE.items()
                                              if chosen[0].startswith(k)), 0.5)
        if chosen[2]:
            extra["carrier"] = chosen[2]
    byline = found.byline or next((c.byline for _, c in found.credits if c.byline), None)
    return Document(
        id=content_id(text),
        name=raw.name,
        origin=raw.origin,
        text=text,
        title=found.title,
        publisher=chosen[1].publisher if chosen else None,
        publisher_evidence=chosen[1].text if chosen else None,
        byline=byline,
        dateline=found.place,
        dateline_date=found.dateline_date,
        published=found.published,
        url=url,
        metadata={**meta, **extra},
        removed=found.removed,
    )
