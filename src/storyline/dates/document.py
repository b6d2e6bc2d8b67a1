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
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..model import Actor, DateValue, Document
from .find import Found, find
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
OFFICE_HELD = 1.0  # a named office holder was in that office on the candidate date
OFFICE_NOT_HELD = -3.0  # ... was not
YEAR_BEFORE_MENTIONED = -4.0  # the candidate is earlier than a past year the text reports
OFFICE_BEYOND_HORIZON = 0.5  # an open term after the knowledge base's last known date: assumed
EARLIEST_YEAR = 1900
#: More equally good years than this and the year counts as unknown (value XXXX-MM-DD).
MAX_OPEN_YEARS = 5


@dataclass
class Evidence:
    kind: str  # weekday, office, years
    text: str
    scores: dict[int, float] = field(default_factory=dict)  # year -> points


def resolve_document_date(doc: Document, found: list[Found], rules: DateRules, ctx: Any) -> DateValue | None:
    """The document date: kept where cleaning found a full one, else the container's date, else
    the dateline's month and day with the year inferred. None where nothing dates the text."""
    if doc.published is not None and parse_value(doc.published.value) is not None \
            and not doc.published.value.startswith("XXXX"):
        return doc.published
    meta = _metadata_date(doc)
    if meta is not None:
        return meta
    month_day = _partial(doc, rules)
    if month_day is None:
        return doc.published or latest_reported_month(doc, found, rules)
    month, day, source = month_day
    return infer_year(doc, found, rules, ctx, month, day, source)


def latest_reported_month(doc: Document, found: list[Found], rules: DateRules) -> DateValue | None:
    """Where nothing dates the article, the month of the latest date it reports as past or
    present ("At the end of these negotiations on March 10, 2023" -> 2023-03): a news story
    appears on or soon after the latest thing it tells, so its month is known, not its day.

    A month and day without a year ("on September 1") are taken in the latest year the text
    speaks of as past or present; dates in the future ("will cease on December 1, 2025") are
    plans, not news, and are left out."""
    sdoc = doc._spacy
    dated: list[tuple[int, int, str]] = []
    for f in found:
        if f.kind not in ("calendar", "numeric") or _ahead(sdoc, f, rules):
            continue
        month = rules.lookup("month", f.group("month") or "") if f.has("month") else None
        year = f.group("year") if f.has("year") else None
        if month and year and year.isdigit():
            dated.append((int(year), int(month), f.extra.get("text") or doc.text[f.start:f.end]))
    years = [y for y, _, _ in dated]
    latest_year = max(years + _past_years(found, rules, sdoc), default=None)
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


def _ahead(sdoc: Any, f: Found, rules: DateRules) -> bool:
    """True for a date in a clause told as future, including the infinitive under a future verb
    ("will cease to exist on December 1")."""
    if direction(sdoc, f.start, f.end, rules.future_cues) == FUTURE:
        return True
    verb = governing_verb(sdoc, f.start, f.end) if sdoc is not None else None
    return verb is not None and verb.head.i != verb.i and verb.dep_ == "xcomp" \
        and verb_direction(verb.head, rules.future_cues) == FUTURE


def _past_years(found: list[Found], rules: DateRules, sdoc: Any) -> list[int]:
    out = []
    for f in found:
        if f.kind in ("calendar", "range", "numeric") and f.has("year") \
                and direction(sdoc, f.start, f.end, rules.future_cues) != FUTURE:
            y = f.group("year") or ""
            if y.isdigit():
                out.append(int(y))
    return out


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


def _on(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def infer_year(doc: Document, found: list[Found], rules: DateRules, ctx: Any, month: int, day: int,
               source: str, today: date | None = None,
               lookup: Any = None) -> DateValue:
    """Score every year from ``EARLIEST_YEAR`` to today for the month and day, and keep the best.

    ``lookup(name) -> list[Actor]`` finds office holders (``ctx.kb.search`` by default)."""
    today = today or date.today()
    years = [y for y in range(EARLIEST_YEAR, today.year + 1) if (d := _on(y, month, day)) and d <= today]
    sdoc = doc.spacy if doc.parsed else None
    evidence = [e for e in (_weekday_evidence(doc, found, rules, sdoc, month, day, years),
                            _weekday_date_evidence(found, rules, month, day, years),
                            _years_evidence(doc, found, rules, sdoc, years)) if e is not None]
    horizon = None
    if lookup is None and ctx is not None:
        kb = _kb(ctx)
        lookup = kb.search if kb is not None else None
        horizon = kb_horizon(kb) if kb is not None else None
    if lookup is not None and sdoc is not None:
        evidence += _office_evidence(sdoc, title_table(ctx, rules), lookup, month, day, years, horizon,
                                     set(rules.words.get("former") or {}))
    informative = [e for e in evidence if e.kind in ("weekday", "office", "weekday+date")]
    value_unknown = f"XXXX-{month:02d}-{day:02d}"
    if not informative:
        return DateValue(value_unknown, "day", "text:" + source.split()[0], 0.0,
                         f"{source}; nothing in the text tells the year")
    scores = {y: sum(e.scores.get(y, 0.0) for e in evidence) for y in years}
    best = max(scores.values())
    tied = sorted(y for y, s in scores.items() if s == best)
    runner_up = max((s for s in scores.values() if s < best), default=best - 10)
    # among equally supported years, the median one: it minimises the expected error in years
    bounded = any(e.kind == "office" for e in evidence)
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


def _kb(ctx: Any) -> Any:
    try:
        return ctx.kb
    except Exception:  # noqa: BLE001 - no knowledge base installed: date without office evidence
        return None


_HORIZONS: dict[int, str | None] = {}


def kb_horizon(kb: Any) -> str | None:
    """The last date the knowledge base knows of (its ``as_of``, else the latest start or end of
    any role in it). An open term ("2018-05-08 to now") is known to hold up to that date only;
    after it, that the office holder still held it is an assumption, weighed less."""
    key = id(kb)
    if key in _HORIZONS:
        return _HORIZONS[key]
    horizon = getattr(kb, "as_of", None)
    if not horizon:
        actors = getattr(kb, "actors", None)
        if callable(actors):
            actors = actors()
        if isinstance(actors, dict):
            actors = actors.values()
        dates = [d for a in (actors or []) for r in getattr(a, "roles", []) for d in (r.start, r.end) if d]
        horizon = max(dates) if dates else None
    _HORIZONS[key] = str(horizon) if horizon else None
    return _HORIZONS[key]


# ------------------------------------------------------------------ weekdays

def _weekday_evidence(doc: Document, found: list[Found], rules: DateRules, sdoc: Any, month: int, day: int,
                      years: list[int]) -> Evidence | None:
    """A bare weekday in a clause not in the future names the story's day or a day before it."""
    named: list[tuple[int, str]] = []
    for f in found:
        if f.kind != "calendar" or not f.has("weekday") or f.has("month") or f.has("rel"):
            continue
        if direction(sdoc, f.start, f.end, rules.future_cues) == FUTURE:
            continue
        wd = rules.lookup("weekday", f.group("weekday") or "")
        if wd:
            named.append((int(wd), f.group("weekday") or ""))
    if not named:
        return None
    wd, word = max(set(named), key=lambda n: sum(1 for x in named if x[0] == n[0]))
    scores: dict[int, float] = {}
    same = []
    for y in years:
        d = _on(y, month, day)
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
            story = _on(y, month, day)
            for yy in (y, y - 1):  # the date may fall in the year before ("Wednesday, December 31")
                d = _on(yy, int(m), dd)
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


# ------------------------------------------------------------------ office holders

@dataclass(frozen=True)
class Title:
    """What a title word before a name says: the offices it names, and a word the holder's own
    title must contain ("president" names heads of state, and Iran's head of government)."""

    word: str
    offices: frozenset[str]
    must_contain: str | None = None

    def fits(self, role: Any) -> bool:
        title = (role.title or "").lower()
        if role.office not in self.offices:
            return bool(re.search(rf"\b{re.escape(self.word)}\b", title))
        return self.must_contain is None or not title or bool(re.search(rf"\b{re.escape(self.must_contain)}\b", title))


def title_table(ctx: Any, rules: DateRules) -> dict[str, Title]:
    """Title words from the actors layer's role lexicon (``actor_roles``: its roles and
    families), the one table of what "president" or "spokeswoman" names."""
    table: dict[str, Title] = {}
    lex = None
    if ctx is not None:
        try:
            lex = ctx.lexicon("actor_roles")
        except Exception:  # noqa: BLE001 - the actors layer's lexicon is not installed
            lex = None
    if isinstance(lex, dict) and isinstance(lex.get("roles"), dict):
        families = lex.get("families") or {}
        for word, spec in lex["roles"].items():
            spec = spec if isinstance(spec, dict) else {}
            offices = list(spec.get("offices") or []) or list(families.get(spec.get("family"), []))
            if offices:
                table[str(word).lower()] = Title(str(word).lower(), frozenset(offices), spec.get("title"))
    return table


def _title_before(sdoc: Any, start_token: int, titles: dict[str, Title], sentence_start: int) -> Title | None:
    """The office title standing before a name ("Armenian Prime Minister Nikol Pashinyan",
    "presidents Aliyev and Sargsyan"): the words before it, back over names, adjectives, "and"
    and commas, and the longest title among those nearest the name."""
    words: list[str] = []
    i = start_token - 1
    while i >= max(sentence_start, start_token - 8):
        tok = sdoc[i]
        low = tok.lower_
        if tok.pos_ not in ("PROPN", "ADJ", "CCONJ", "DET", "NOUN") and low not in (",", "'s", "’s"):
            break
        if tok.pos_ == "NOUN" and not any(re.fullmatch(rf"{re.escape(t.split()[-1])}s?", low) for t in titles):
            break  # a common noun that ends no title closes the name's phrase
        words.insert(0, low)
        i -= 1
    phrase = " ".join(words)
    best: tuple[int, int, Title] | None = None
    for word, title in titles.items():
        for m in re.finditer(rf"(?:^|(?<=\s)){re.escape(word)}s?(?=\s|$)", phrase):
            key = (m.end(), len(word))
            if best is None or key > best[:2]:
                best = (m.end(), len(word), title)
    return best[2] if best else None


def _names(sdoc: Any) -> list[tuple[int, int, str]]:
    """Candidate names (token spans): runs of capitalised proper nouns and the model's person
    entities, in text order."""
    spans: dict[tuple[int, int], str] = {}
    i = 0
    while i < len(sdoc):
        if sdoc[i].pos_ == "PROPN" and sdoc[i].is_title:
            j = i
            while j + 1 < len(sdoc) and sdoc[j + 1].pos_ == "PROPN" and sdoc[j + 1].is_title:
                j += 1
            spans[(i, j + 1)] = sdoc[i:j + 1].text
            i = j + 1
        else:
            i += 1
    for ent in sdoc.ents:
        if ent.label_ == "PERSON":
            spans.setdefault((ent.start, ent.end), ent.text)
    return sorted((s, e, t) for (s, e), t in spans.items())


def _holders(lookup: Any, name: str) -> list[Actor]:
    """The actors a name is (a full name, an alias, or the surname of one)."""
    try:
        found = lookup(name) or []
    except Exception:  # noqa: BLE001 - a lookup that fails is no evidence
        return []
    low = name.lower()
    out = []
    for a in found:
        names = [a.name.lower(), *(x.lower() for x in a.aliases)]
        if any(low == n or low == n.split()[-1] or n.endswith(" " + low) for n in names):
            out.append(a)
    return out


def _office_evidence(sdoc: Any, titles: dict[str, Title], lookup: Any, month: int, day: int,
                     years: list[int], horizon: str | None, former: set[str]) -> list[Evidence]:
    """For each office holder named (not as "former"), the candidate years in which they held
    the office their title names (any dated office where no title stands before the name).

    A single word counts as a name only after a title or as the surname of a full name given
    before: "French" in "French representatives" is no one's surname here."""
    out: list[Evidence] = []
    seen: set[str] = set()
    surnames: set[str] = set()
    for s, e, text in _names(sdoc):
        if text in seen or len(text) < 3:
            continue
        sent_start = sdoc[s].sent.start
        titled = _title_before(sdoc, s, titles, sent_start)
        if e - s == 1 and titled is None and text.lower() not in surnames:
            continue
        actors = [a for a in _holders(lookup, text) if any(r.start or r.end for r in a.roles)]
        if not actors:
            continue
        if e - s > 1:
            surnames.add(sdoc[e - 1].lower_)
        before = " ".join(t.lower_ for t in sdoc[max(sent_start, s - 4):s])
        if any(re.search(rf"\b{re.escape(w)}", before) for w in former):
            continue  # "former president": no bound on the story's date
        roles = []
        for a in actors:
            dated = [r for r in a.roles if r.start or r.end]
            if titled:
                dated = [r for r in dated if titled.fits(r)] or dated
            roles.extend((a, r) for r in dated)
        seen.add(text)
        scores = {}
        for y in years:
            d = _on(y, month, day)
            iso = d.isoformat() if d else f"{y:04d}"
            held = [r for _, r in roles if r.holds_on(iso)]
            if not held:
                scores[y] = OFFICE_NOT_HELD
            elif horizon and iso > horizon and all(r.end is None for r in held):
                scores[y] = OFFICE_BEYOND_HORIZON
            else:
                scores[y] = OFFICE_HELD
        terms = ", ".join(sorted({f"{r.office or r.title or 'office'} {r.start or '?'}..{r.end or ''}"
                                  for _, r in roles}))
        label = f"{titled.word} {text}" if titled else text
        out.append(Evidence("office", f"{label} ({actors[0].name}: {terms})", scores))
    return out
