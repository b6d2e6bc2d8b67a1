"""The timeline as one HTML page an analyst can open anywhere, offline, and trust.

Why it is built this way:
- Self-contained: the stylesheet is inlined and the page links to nothing outside itself, so it
  reads the same from a mail attachment, a USB stick or an archive in twenty years. A
  Content-Security-Policy (default-src 'none', the stylesheet allowed by its hash) makes the
  browser refuse any fetch the page might still try, whatever an article's text holds.
- Every string from an article (sentences, names, outlets, file names, ids) is HTML-escaped: the
  articles are not ours, and a sentence holding ``<script>`` must read as those characters.
- Background is marked in words (a BACKGROUND label, counted in the summary) and set apart by a
  dashed rule and a hatched panel, so it is told apart without colour vision or a colour printer.
- Structure over decoration: years are headings (h2) with a list of entries, each entry a heading
  (h3) with a definition list (who, to whom, where, sources) and the list of source sentences, so
  a screen reader can jump by year, by entry and by source.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections.abc import Sequence
from importlib import resources
from itertools import groupby

from ..model import StoryEvent, StorySource

#: Statuses as the page explains them in its legend (the values are the event model's).
STATUS_WORDS = {
    "reported": "the articles report it as news",
    "historical": "told as past history",
    "planned": "announced or agreed for the future",
    "hoped": "called for or wished, not yet agreed",
    "background": "history the articles retell, not their news",
}

#: A date value the HTML ``<time datetime>`` attribute accepts (year, month, day or ISO week).
_MACHINE_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?|-W\d{2})?")


def _stylesheet() -> str:
    return (resources.files("storyline") / "data" / "pages" / "timeline.css").read_text(encoding="utf-8")


def content_policy(css: str) -> str:
    """The page's Content-Security-Policy: nothing may load but the inlined stylesheet itself."""
    digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")
    return (f"default-src 'none'; style-src 'sha256-{digest}'; img-src data:; "
            "base-uri 'none'; form-action 'none'")


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _year(s: StoryEvent) -> str:
    return s.date.value[:4] if s.date and s.date.value[:4].isdigit() else "Undated"


def _date(s: StoryEvent) -> str:
    if not s.date:
        return '<span class="date">undated</span>'
    value = s.date.value
    attr = f' datetime="{_e(value)}"' if _MACHINE_DATE.fullmatch(value) else ""
    return f'<time class="date"{attr}>{_e(value)}</time>'


def _sentence(src: StorySource) -> str:
    """The whole source sentence, the words the event was read from marked within it."""
    sentence = src.sentence_text or src.text
    at = sentence.find(src.text) if src.text else -1
    if at < 0:
        return _e(sentence)
    before, words, after = sentence[:at], sentence[at:at + len(src.text)], sentence[at + len(src.text):]
    return f"{_e(before)}<mark>{_e(words)}</mark>{_e(after)}"


def _source(src: StorySource, event: StoryEvent) -> str:
    notes = []
    if src.background:
        notes.append("a background paragraph other articles repeat")
    if src.status != event.status:
        notes.append(f"told as {src.status}")
    if src.duplicate_of:
        notes.append(f"near-copy of {src.duplicate_of}")
    outlet = f"<cite>{_e(src.outlet)}</cite>" if src.outlet else "<cite>outlet unknown</cite>"
    cite = ", ".join([outlet, _e(src.doc or src.doc_id), _e(src.published or "date unknown")])
    extra = f" ({_e('; '.join(notes))})" if notes else ""
    return f'<li><blockquote>{_sentence(src)}</blockquote><div class="cite">{cite}{extra}</div></li>'


def _links(ids: Sequence[str], on_page: set[str]) -> str:
    return ", ".join(f'<a href="#{_e(i)}">{_e(i)}</a>' if i in on_page else _e(i) for i in ids)


def _entry(s: StoryEvent, on_page: set[str]) -> str:
    kind = "background" if s.background else s.status
    labels = f'<span class="label {_e(s.status)}">{_e(s.status)}</span>'
    if s.background:
        labels += '<span class="label background">background</span>'
    heading = f'{_date(s)} <span class="what">{_e(s.what or "unclassified")}</span>{labels}'
    facts = [("Who", ", ".join(r.name for r in s.source) or "not named")]
    if s.target:
        facts.append(("To whom", ", ".join(r.name for r in s.target)))
    if s.location:
        facts.append(("Where", s.location))
    facts.append(("Told by", f"{_count(s.source_count, 'article')}; {', '.join(s.outlets) or 'outlet unknown'}; "
                             f"first reported {s.first_reported or 'on an unknown date'}"))
    rows = "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in facts)
    if s.happened_as:
        rows += f"<dt>Carried out as</dt><dd>{_links(s.happened_as, on_page)}</dd>"
    if s.planned_as:
        rows += f"<dt>Planned as</dt><dd>{_links(s.planned_as, on_page)}</dd>"
    sources = "".join(_source(src, s) for src in s.sources)
    return (f'<li class="entry {_e(kind)}" id="{_e(s.id)}"><article aria-labelledby="h-{_e(s.id)}">'
            f'<h3 id="h-{_e(s.id)}">{heading}</h3><dl class="facts">{rows}</dl>'
            f'<ul class="sources" aria-label="Source sentences">{sources}</ul></article></li>')


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun[:-1] + 'ies' if noun.endswith('y') else noun + 's'}"


def _anchors(years: list[str]) -> list[str]:
    """One id per year section; a year met again (events out of date order) gets a suffix."""
    seen: dict[str, int] = {}
    out = []
    for year in years:
        seen[year] = seen.get(year, 0) + 1
        out.append(f"y-{year}" if seen[year] == 1 else f"y-{year}-{seen[year]}")
    return out


def _span(events: Sequence[StoryEvent]) -> str:
    dated = [s.date.value for s in events if s.date]
    return f", {dated[0]} to {dated[-1]}" if dated else ""


def render_html(events: Sequence[StoryEvent]) -> str:
    """The page: a summary and legend, the years as a table of contents, then every entry."""
    css = _stylesheet()
    on_page = {s.id for s in events}
    documents = {src.doc_id for s in events for src in s.sources}
    outlets = sorted({o for s in events for o in s.outlets})
    n_background = sum(s.background for s in events)
    title = f"Timeline: {len(events)} story events{_span(events)}"
    years = [(year, list(group)) for year, group in groupby(events, key=_year)]
    anchors = _anchors([year for year, _ in years])
    legend = "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in STATUS_WORDS.items())
    parts = [
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta http-equiv="Content-Security-Policy" content="{_e(content_policy(css))}">',
        '<link rel="icon" href="data:,">',
        f"<title>{_e(title)}</title>\n<style>{css}</style>\n</head>\n<body>",
        f"<header><h1>{_e(title)}</h1>",
        f'<p class="summary">From {_count(len(documents), "article")} '
        f'({_e(", ".join(outlets) or "outlets unknown")}). {n_background} of the {_count(len(events), "entry")} '
        f'{"is" if n_background == 1 else "are"} marked <span class="label background">background</span>: '
        "history the articles retell, not their news. Highlighted words are those the event was read from.</p>",
        f'<dl class="legend" aria-label="Status labels">{legend}</dl>',
        '<nav aria-label="Years"><ul>'
        + "".join(f'<li><a href="#{a}">{_e(year)}</a></li>' for a, (year, _) in zip(anchors, years, strict=True))
        + "</ul></nav></header>\n<main>",
    ]
    for anchor, (year, group) in zip(anchors, years, strict=True):
        parts.append(f'<section aria-labelledby="{anchor}"><h2 class="year" id="{anchor}">{_e(year)}</h2>'
                     '<ol class="entries">')
        parts.extend(_entry(s, on_page) for s in group)
        parts.append("</ol></section>")
    parts.append("</main>\n</body>\n</html>\n")
    return "\n".join(parts)
