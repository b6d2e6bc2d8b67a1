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
   dateline's credit, a byline's, a masthead's. Publication date: the container's, else a
   timestamp's or the dateline's full date, else a footer's; a date without a year ("MOSCOW,
   November 12.") is only the dateline's date (the dates stage completes it).
8. The text: paragraphs joined by a blank line; the id is ``content_id`` of it, so one article read
   from a file and from a JSON Lines record is one document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..errors import InputError
from ..model import DateValue, Document, RawDocument, content_id, normalise_for_id
from .metadata import Credit, dateline_place, full_date, metadata_date, outlet_name, read_credit
from .paragraphs import split_paragraphs
from .patterns import Patterns, patterns_for

__all__ = ["clean"]

#: A header longer than this many lines is not a header: the text has no body sentences we can
#: see, so everything not recognised as furniture is kept as body.
MAX_HEADER_LINES = 12
TITLE_MAX_WORDS = 30
#: Where a publisher may be read, the most trusted first.
PUBLISHER_SOURCES = ("metadata", "text:dateline", "text:byline", "text:masthead")

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

    def credit(self, credit: Credit | None, source: str) -> None:
        if credit is not None:
            self.credits.append((source, credit))

    def publisher(self) -> tuple[str, Credit] | None:
        """The best-placed credit naming an outlet: the container's word first, then the
        dateline's, the byline's, a masthead's."""
        named = [(s, c) for s, c in self.credits if c.publisher]
        if not named:
            return None
        return min(named, key=lambda sc: next((i for i, p in enumerate(PUBLISHER_SOURCES)
                                               if sc[0].startswith(p)), len(PUBLISHER_SOURCES)))

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
        found.date(full_date(g["date"], pats, "text:dateline", text, 0.95))
    if g.get("credit"):
        found.credit(read_credit(g["credit"], pats), "text:dateline")


def _header_kind(line: str, found: _Found, pats: Patterns) -> str | None:
    """Which furniture a header line is (acting on it), or None for a line that may be text."""
    if _matches(pats.edges, line):
        return "boilerplate"
    m = _matches(pats.mastheads, line)
    if m:
        found.credit(read_credit(m.group(0).split(",")[0], pats) or None, "text:masthead")
        return "masthead"
    m = _matches(pats.timestamps, line)
    if m:
        found.timestamp = found.timestamp or line
        if m.groupdict().get("date"):
            found.date(full_date(m.group("date"), pats, "text:timestamp", line, 0.95))
        return "timestamp"
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
        m = _matches(pats.footers, line) if len(paras) > 1 else None
        if m and full_date(m.group("date"), pats, "text:footer", line) is not None:
            found.removed.append(paras.pop())
            title = (m.groupdict().get("title") or "").strip()
            if title and found.title is None:
                found.title, found.title_source = title, "text:footer"
            found.date(full_date(m.group("date"), pats, "text:footer", line, 0.8))
            continue
        break
    return paras


def _publisher_from_metadata(meta: dict[str, Any], pats: Patterns, kind: str) -> Credit | None:
    for key in ("publisher", "outlet", "sitename", "source", "hostname"):
        value = meta.get(key)
        if isinstance(value, str) and value.strip():
            name = outlet_name(value, pats)
            if name or key != "hostname":
                return Credit(name or value.strip(), None, f"{key}: {value.strip()}")
    return None


def clean(raw: RawDocument, ctx: Any) -> Document:
    """The cleaned Document of ``raw`` (see the module docstring for the steps)."""
    pats = patterns_for(ctx)
    meta = dict(raw.metadata)
    found = _Found()
    if isinstance(meta.get("title"), str) and meta["title"].strip():
        found.title, found.title_source = " ".join(meta["title"].split()), f"metadata:{raw.kind}"
    found.credit(_publisher_from_metadata(meta, pats, raw.kind), f"metadata:{raw.kind}")
    if isinstance(meta.get("author"), str) and meta["author"].strip():
        found.byline = meta["author"].strip()
    found.date(metadata_date(meta.get("date"), pats, f"metadata:{raw.kind}"))

    # 1-2: paragraphs, boilerplate anywhere
    paras = []
    for p in split_paragraphs(raw.text):
        if _matches(pats.anywhere, p):
            found.removed.append(p)
        else:
            paras.append(p)

    # 3-4: header and footer
    start = _header(paras, found, pats)
    body = _footer(paras[start:], found, pats)

    # 5: the dateline opening the first paragraph
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
    if body:
        for p in pats.line_ends:
            m = p.search(body[-1])
            if m and m.start() > 0:
                found.removed.append(m.group(0).strip())
                body[-1] = body[-1][:m.start()].rstrip()
    body = [p for p in body if p]
    if not body:
        raise InputError(raw.origin, "E109")

    # 7-8: metadata and the document
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
    chosen = found.publisher()
    if chosen:
        extra["publisher_source"] = chosen[0]
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
        url=meta.get("url") if isinstance(meta.get("url"), str) else None,
        metadata={**meta, **extra},
        removed=found.removed,
    )
