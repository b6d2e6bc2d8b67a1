"""The document's own date: stated, given by the container, or inferred when the year is missing.

Why inference: wire copy dates itself "MOSCOW, November 12." and never says the year. The year
is recovered by weighing what the text tells: a weekday ("on Thursday": the years in which 12
November is a Thursday), the years the text mentions (a story is not older than the latest year
it reports as past), and who held which office when (the actor knowledge base: "Prime Minister
Nikol Pashinyan" bounds the text to his term). Every candidate year is scored; the best is kept,
and where several tie the others are recorded with a low confidence rather than dropped.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from ..model import DateValue, Document
from .evidence import (
    YEAR_BEFORE_MENTIONED,
    Evidence,
    bare_weekdays,
    kb_horizon,
    kb_of,
    office_evidence,
    on_day,
    past_years,
    span_evidence,
    title_table,
)
from .find import Found, find
from .happenings import (
    date_from_happenings,
    earliest_per_span,
    happening_evidence,
    mentions_of,
    told_as_history,
)
from .rules import DateRules
from .tense import FUTURE, direction, governing_verb, verb_direction
from .values import parse_value

#: Weights of the evidence (score points per candidate year).
WEEKDAY_SAME_DAY = 3.0  # "on Thursday" in a story dated the 12th: the 12th is a Thursday
WEEKDAY_DAY_BEFORE = 1.0  # the story was filed the day after the weekday it reports
WEEKDAY_EARLIER = 0.3  # the weekday is earlier in the week before the story
WEEKDAY_DATE = 3.0  # "Wednesday, February 25" without its year: the years that day is a Wednesday
#: How far (days) before the story a weekday-and-date without a year may lie to count.
WEEKDAY_DATE_WINDOW = 45
EARLIEST_YEAR = 1900
#: More equally good years than this and the year counts as unknown (value XXXX-MM-DD).
MAX_OPEN_YEARS = 5


def resolve_document_date(doc: Document, found: list[Found], rules: DateRules, ctx: Any) -> DateValue | None:
    """The document date: kept where cleaning found a full one, else the container's date, else
    the dateline's month and day with the year inferred. None where nothing dates the text."""
    if doc.published is not None and parse_value(doc.published.value) is not None \
            and not doc.published.value.startswith("XXXX"):
        return _refined(doc, found, rules, ctx) if doc.published.precision == "year" else doc.published
    meta = _metadata_date(doc)
    if meta is not None:
        return meta
    month_day = _partial(doc, rules)
    if month_day is None:
        if doc.published is not None:
            return doc.published
        return _from_content(doc, found, rules, ctx)
    month, day, source = month_day
    return infer_year(doc, found, rules, ctx, month, day, source)


def _refined(doc: Document, found: list[Found], rules: DateRules, ctx: Any) -> DateValue:
    """A year alone (from the page address, say) made a month by what the text reports, where
    that falls in the year; else the year as it was."""
    year = doc.published
    assert year is not None
    month = _from_content(doc, found, rules, ctx)
    if month is None or not month.value.startswith(year.value + "-"):
        return year
    return DateValue(month.value, month.precision, f"{year.method}+{month.method}", min(year.confidence, 0.6),
                     f"{year.evidence}; {month.evidence}", month.candidates)


def _from_content(doc: Document, found: list[Found], rules: DateRules, ctx: Any) -> DateValue | None:
    """Where nothing states the date: the later of the month of the latest date the text reports
    and the happenings it reports as news: a story appears after everything it tells."""
    sdoc = doc.spacy if doc.parsed else None
    mentions = mentions_of(doc, rules, sdoc)
    reported = max((m.happening.day.year for m in earliest_per_span([m for m in mentions if m.distinctive])),
                   default=None)
    latest = latest_reported_month(doc, found, rules, reported)
    floor = date.fromisoformat(latest.value + "-01") if latest is not None else None
    happening = date_from_happenings(doc, found, rules, ctx, floor, mentions)
    if latest is None or (happening is not None and happening.value >= latest.value):
        return happening or latest
    return latest


def latest_reported_month(doc: Document, found: list[Found], rules: DateRules,
                          reported_year: int | None = None) -> DateValue | None:
    """Where nothing dates the article, the month of the latest date it reports as past or
    present ("After the talks ended on June 4, 2021" -> 2021-06): a news story
    appears on or soon after the latest thing it tells, so its month is known, not its day.

    A month and day without a year ("on September 1") are taken in the latest year the text
    speaks of as past or present (or of a happening it reports: ``reported_year``); dates in the future ("will cease on December 1, 2025") are
    plans, not news, and dates in sentences told as history ("was established in March 2014")
    background: both are left out."""
    sdoc = doc._spacy
    dated: list[tuple[int, int, str]] = []
    for f in found:
        if f.kind not in ("calendar", "numeric") or _ahead(sdoc, f, rules) or _history(doc, f, rules, sdoc):
            continue
        month = rules.lookup("month", f.group("month") or "") if f.has("month") else None
        year = f.group("year") if f.has("year") else None
        if month and year and year.isdigit():
            dated.append((int(year), int(month), f.extra.get("text") or doc.text[f.start:f.end]))
    years = [y for y, _, _ in dated]
    latest_year = max(years + past_years(found, rules, sdoc) + ([reported_year] if reported_year else []),
                      default=None)
    for f in found:
        if f.kind == "calendar" and f.has("month") and f.has("day") and not f.has("year") and latest_year \
                and not _ahead(sdoc, f, rules):
            month = rules.lookup("month", f.group("month") or "")
            if month:
                dated.append((latest_year, int(month), f.extra.get("text") or doc.text[f.start:f.end]))
    if not dated:
        return None
    y, m, text = max(dated, key=lambda d: (d[0], d[1]))
    return DateValue(f"{y:04d}-{m:02d}", "month", "inferred:content", 0.5,
                     f"latest date the article reports: {text!r}; published on or after it")


def _history(doc: Document, f: Found, rules: DateRules, sdoc: Any) -> bool:
    """True for a date in a sentence told as history ("was established in March 2014", "had
    signed in 2015", "since 2008"): background, which never dates the article."""
    i = doc.sentence_at(f.start) if doc.sentences else None
    if i is None:
        return False
    s = doc.sentences[i]
    return told_as_history(doc.text[s.start:s.end], rules, sdoc, f.start, f.end, years=False)


def _ahead(sdoc: Any, f: Found, rules: DateRules) -> bool:
    """True for a date in a clause told as future, including the infinitive under a future verb
    ("will be dissolved on October 1")."""
    if direction(sdoc, f.start, f.end, rules.future_cues) == FUTURE:
        return True
    verb = governing_verb(sdoc, f.start, f.end) if sdoc is not None else None
    return verb is not None and verb.head.i != verb.i and verb.dep_ == "xcomp" \
        and verb_direction(verb.head, rules.future_cues) == FUTURE


def _metadata_date(doc: Document) -> DateValue | None:
    raw = doc.metadata.get("date") if doc.metadata else None
    if not raw:
        return None
    text = str(raw).strip()
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?", text)
    if m:
        try:
            date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
        return DateValue(f"{m[1]}-{m[2]}-{m[3]}", "day", "metadata:date", 1.0, f"date: {text}")
    import dateparser  # slow to import: only for dates in other shapes ("Jan 23, 2019")

    parsed = dateparser.parse(text, languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first",
                                                                "REQUIRE_PARTS": ["year"]})
    if parsed is None:
        return None
    precision = "day" if re.search(r"\d{1,2}\D+\d{4}|\d{4}\D+\d{1,2}\D+\d{1,2}", text) else "month"
    value = parsed.strftime("%Y-%m-%d" if precision == "day" else "%Y-%m")
    return DateValue(value, precision, "metadata:date", 0.9, f"date: {text}")


def _partial(doc: Document, rules: DateRules) -> tuple[int, int, str] | None:
    """Month and day from the dateline ("November 12") or a year-less published value."""
    if doc.published is not None and doc.published.value.startswith("XXXX-"):
        p = parse_value(doc.published.value)
        if p is not None and p.gran == "day":
            return p.day.month, p.day.day, f"published {doc.published.value}"
    if not doc.dateline_date:
        return None
    for f in find(doc.dateline_date, rules):
        month = rules.lookup("month", f.group("month") or "") if f.has("month") else None
        day = f.group("day")
        if month and day:
            return int(month), int(re.match(r"\d+", day)[0]), f"dateline {doc.dateline_date!r}"  # type: ignore[index]
    return None


def infer_year(doc: Document, found: list[Found], rules: DateRules, ctx: Any, month: int, day: int,
               source: str, today: date | None = None,
               lookup: Any = None) -> DateValue:
    """Score every year from ``EARLIEST_YEAR`` to today for the month and day, and keep the best.

    ``lookup(name) -> list[Actor]`` finds office holders (``ctx.kb.search`` by default)."""
    today = today or date.today()
    years = [y for y in range(EARLIEST_YEAR, today.year + 1) if (d := on_day(y, month, day)) and d <= today]
    sdoc = doc.spacy if doc.parsed else None
    evidence = [e for e in (_weekday_evidence(doc, found, rules, sdoc, month, day, years),
                            _weekday_date_evidence(found, rules, month, day, years),
                            _years_evidence(doc, found, rules, sdoc, years),
                            span_evidence(found, rules, sdoc),
                            happening_evidence(doc, found, rules, sdoc, month, day, years)) if e is not None]
    horizon = None
    if lookup is None and ctx is not None:
        kb = kb_of(ctx)
        lookup = kb.search if kb is not None else None
        horizon = kb_horizon(kb) if kb is not None else None
    if lookup is not None and sdoc is not None:
        evidence += office_evidence(sdoc, title_table(ctx, rules), lookup, month, day, years, horizon,
                                     set(rules.words.get("former") or {}))
    informative = [e for e in evidence if e.kind in ("weekday", "office", "weekday+date", "happening", "span")]
    value_unknown = f"XXXX-{month:02d}-{day:02d}"
    if not informative:
        return DateValue(value_unknown, "day", "text:" + source.split()[0], 0.0,
                         f"{source}; nothing in the text tells the year")
    scores = {y: sum(e.scores.get(y, 0.0) for e in evidence) for y in years}
    best = max(scores.values())
    tied = sorted(y for y, s in scores.items() if s == best)
    runner_up = max((s for s in scores.values() if s < best), default=best - 10)
    # among equally supported years, the median one: it minimises the expected error in years
    bounded = any(e.kind in ("office", "happening") for e in evidence)
    if len(tied) > MAX_OPEN_YEARS or (len(tied) > 1 and not bounded):
        # weekdays alone repeat every few years: without an office holder to bound the
        # stretch, picking one of them would be a guess
        return DateValue(value_unknown, "day", "text:" + source.split()[0], 0.0,
                         f"{source}; {len(tied)} years fit equally well", [f"{y:04d}-{month:02d}-{day:02d}" for y in tied])
    chosen = tied[len(tied) // 2]
    margin = best - runner_up
    confidence = round(min(0.95, 0.5 + 0.1 * margin) / len(tied), 2)
    kinds = sorted({e.kind for e in evidence if any(e.scores.get(y) for y in tied)})
    shown = "; ".join(e.text for e in evidence)
    note = f"{source}; {shown}"
    if len(tied) > 1:
        note += f"; years left open: {', '.join(map(str, tied))}"
    return DateValue(f"{chosen:04d}-{month:02d}-{day:02d}", "day",
                     "inferred:" + "+".join(["dateline"] + kinds), confidence, note,
                     [f"{y:04d}-{month:02d}-{day:02d}" for y in tied])


# ------------------------------------------------------------------ weekdays

def _weekday_evidence(doc: Document, found: list[Found], rules: DateRules, sdoc: Any, month: int, day: int,
                      years: list[int]) -> Evidence | None:
    """A bare weekday in a clause not in the future names the story's day or a day before it."""
    named = [(wd, word) for _, wd, word in bare_weekdays(found, rules, sdoc)]
    if not named:
        return None
    wd, word = max(set(named), key=lambda n: sum(1 for x in named if x[0] == n[0]))
    scores: dict[int, float] = {}
    same = []
    for y in years:
        d = on_day(y, month, day)
        if d is None:
            continue
        back = (d.isoweekday() - wd) % 7  # days from the weekday named to the story's day
        if back == 0:
            scores[y] = WEEKDAY_SAME_DAY
            same.append(y)
        else:
            scores[y] = WEEKDAY_DAY_BEFORE if back == 1 else WEEKDAY_EARLIER
    recent = ", ".join(str(y) for y in sorted(same)[-4:])
    return Evidence("weekday", f"'{word}': {day} {date(2000, month, 1):%B} is a {word} in {recent} ...", scores)


def _weekday_date_evidence(found: list[Found], rules: DateRules, month: int, day: int,
                           years: list[int]) -> Evidence | None:
    """A date written with its weekday and without its year ("Wednesday, February 25") shortly
    before the story's own month and day: only years where that day is that weekday fit."""
    for f in found:
        if f.kind != "calendar" or not (f.has("weekday") and f.has("month") and f.has("day")) or f.has("year"):
            continue
        wd = rules.lookup("weekday", f.group("weekday") or "")
        m = rules.lookup("month", f.group("month") or "")
        dd = int(re.match(r"\d+", f.group("day") or "0")[0])  # type: ignore[index]
        if not wd or not m:
            continue
        scores: dict[int, float] = {}
        fits = []
        for y in years:
            story = on_day(y, month, day)
            for yy in (y, y - 1):  # the date may fall in the year before ("Wednesday, December 31")
                d = on_day(yy, int(m), dd)
                if story and d and 0 <= (story - d).days <= WEEKDAY_DATE_WINDOW and d.isoweekday() == wd:
                    scores[y] = WEEKDAY_DATE
                    fits.append(y)
        if scores:
            text = f.extra.get("text") or ""
            return Evidence("weekday+date", f"'{text}' falls on that weekday in {', '.join(map(str, fits[-4:]))} ...",
                            scores)
    return None


# ------------------------------------------------------------------ years mentioned

def _years_evidence(doc: Document, found: list[Found], rules: DateRules, sdoc: Any,
                    years: list[int]) -> Evidence | None:
    """The latest year the text reports as past: the story is not older."""
    latest = None
    for f in found:
        if f.kind not in ("calendar", "range", "numeric") or not f.has("year"):
            continue
        if direction(sdoc, f.start, f.end, rules.future_cues) == FUTURE:
            continue
        y = int(f.group("year") or 0)
        if f.has("year_2"):
            y = max(y, int(f.group("year_2") or 0))
        if latest is None or y > latest[0]:
            latest = (y, f.extra.get("text") or str(y))
    if latest is None:
        return None
    return Evidence("years", f"latest past year mentioned: {latest[1]}",
                    {y: YEAR_BEFORE_MENTIONED for y in years if y < latest[0]})


