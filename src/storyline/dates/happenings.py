"""Dating an article by the happenings it reports: summits, signed agreements, ceasefires, talks.

Why: many pages print no date at all, yet a careful reader dates them: "On Thursday, at the
European Political Community summit in Chisinau" is 1 June 2023, "the ceasefire protocol signed
in Minsk on Friday" is 5 September 2014. The happenings are knowledge, not code: a calendar of
dated happenings (``data/knowledge/happenings.tsv``, extended by the user's own files through the
dates lexicon's ``happenings`` list).

Cascade:
1. Load the calendar: one happening a line; a bad line stops with one error naming file and line.
2. Find mentions: a distinctive name alone ("Minsk Protocol"); a generic name of two words or
   more ("ceasefire agreement") only with the happening's place, or two of its actors, in the
   same sentence (a place that is also an actor, "Israel", counts as an actor). Accents are folded and case ignored.
3. Tell each mention as news or background: a sentence told as history (a background cue of the
   dates lexicon, a year, a pluperfect) makes it background; a future clause makes it a plan (left
   out); anything else is news.
4. Background happenings and the latest past year the text gives bound the date from below.
   Every news happening at or after the bound is a candidate; a weekday the text names resolves it
   to that weekday on or after the happening (same week); office holders named (the actor
   knowledge base) must have held office then. The best candidate dates the article
   (``inferred:happening``, a low confidence, the evidence in the note).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import StorylineError
from ..lexicons import data_path
from ..model import DateValue, Document
from .find import Found
from .rules import DateRules
from .tense import FUTURE, direction, governing_verb
from .values import parse_value

KINDS_OF_FIELD = ("date", "kind", "place", "names", "generic", "actors")
#: Points of a candidate: the weekday named is the happening's own day / later in its week.
WEEKDAY_EXACT = 2.0
WEEKDAY_LATER = 1.0
DISTINCTIVE_NAME = 0.5  # named by its own name, not a generic one
#: How sure an article dated by a happening is (it may be a day or two later).
CONFIDENCE = 0.4


@dataclass(frozen=True)
class Happening:
    """One dated happening of the calendar (``origin`` is its file and line)."""

    day: date  # its first day (the 1st of the month where only the month is known)
    precision: str  # "day" or "month"
    kind: str
    places: tuple[str, ...]
    names: tuple[str, ...]
    generic: tuple[str, ...]
    actors: tuple[str, ...]
    origin: str

    @property
    def value(self) -> str:
        return self.day.isoformat() if self.precision == "day" else self.day.isoformat()[:7]

    @property
    def label(self) -> str:
        return (self.names or self.generic or (self.kind,))[0]


@dataclass(frozen=True)
class Mention:
    happening: Happening
    start: int
    end: int
    text: str
    news: bool
    distinctive: bool


# ------------------------------------------------------------------ 1. the calendar

def _split(cell: str) -> tuple[str, ...]:
    return () if cell.strip() in ("", "-") else tuple(p.strip() for p in cell.split("|") if p.strip())


def parse_line(line: str, origin: str) -> Happening:
    """One calendar line; ``StorylineError`` E405 names the file, the line and what is wrong."""
    path, _, num = origin.rpartition(":")
    cells = line.rstrip("\n").split("\t")
    if len(cells) != len(KINDS_OF_FIELD):
        raise StorylineError("E405", path=path, line=num,
                             problem=f"{len(cells)} tab-separated fields; a happening has "
                                     f"{len(KINDS_OF_FIELD)}: {', '.join(KINDS_OF_FIELD)}")
    m = re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?", cells[0].strip())
    try:
        day = date(int(m[1]), int(m[2]), int(m[3] or 1)) if m else None
    except ValueError:
        day = None
    if day is None or m is None:
        raise StorylineError("E405", path=path, line=num,
                             problem=f"date {cells[0]!r} is not YYYY-MM-DD or YYYY-MM")
    names, generic = _split(cells[3]), _split(cells[4])
    if not names and not generic:
        raise StorylineError("E405", path=path, line=num, problem="no name: give names or generic names")
    single = [g for g in generic if len(g.split()) < 2]
    if single:
        raise StorylineError("E405", path=path, line=num,
                             problem=f"generic name {single[0]!r} is one word: too weak to identify a happening")
    kind = cells[1].strip()
    if not kind or kind == "-":
        raise StorylineError("E405", path=path, line=num, problem="no kind (summit, agreement, ceasefire ...)")
    return Happening(day, "day" if m[3] else "month", kind, _split(cells[2]), names, generic,
                     _split(cells[5]), origin)


def load_calendar(path: Path) -> list[Happening]:
    """Every happening of one calendar file (lines starting with "#" and blank lines skipped)."""
    if not path.exists():
        raise StorylineError("E405", path=path, line=0, problem="no such calendar file")
    out = []
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            out.append(parse_line(line, f"{path}:{i}"))
    return out


@lru_cache(maxsize=8)
def _calendar(files: tuple[str, ...]) -> tuple[Happening, ...]:
    out: list[Happening] = []
    for f in files:
        p = Path(f)
        out.extend(load_calendar(p if p.is_absolute() else data_path(f)))
    return tuple(out)


def calendar(rules: DateRules) -> tuple[Happening, ...]:
    """The happenings of the dates lexicon's calendar files, loaded once."""
    return _calendar(rules.happening_files)


# ------------------------------------------------------------------ 2. mentions

def fold(text: str) -> str:
    """Accents and curly apostrophes folded, one character for one (offsets are kept)."""
    out = []
    for ch in text:
        base = unicodedata.normalize("NFKD", ch)[0] if ord(ch) > 127 else ch
        out.append("'" if ch in "’‘" else base)
    return "".join(out)


@lru_cache(maxsize=4096)
def _phrase(words: str, case: bool) -> re.Pattern[str]:
    body = r"\s+".join(re.escape(w) for w in fold(words).split())
    return re.compile(rf"(?<![\w-]){body}(?![\w])", 0 if case else re.IGNORECASE)


def _any(phrases: tuple[str, ...], text: str, case: bool = True) -> list[str]:
    return [p for p in phrases if _phrase(p, case).search(text)]


def _sentences(doc: Document) -> list[tuple[int, int]]:
    if doc.sentences:
        return [(s.start, s.end) for s in doc.sentences]
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", doc.text)]


def find_mentions(doc: Document, happenings: tuple[Happening, ...], rules: DateRules,
                  sdoc: Any = None) -> list[Mention]:
    """Every mention of a calendar happening, told as news or as background (plans left out)."""
    out: list[Mention] = []
    if doc.title and doc.title not in doc.text[:len(doc.title) + 200]:
        out += _title_mentions(doc.title, happenings, rules)
    text = fold(doc.text)
    spans = _sentences(doc)
    for h in happenings:
        for phrases, distinctive in ((h.names, True), (h.generic, False)):
            for phrase in phrases:
                for m in _phrase(phrase, False).finditer(text):
                    s, e = next(((a, b) for a, b in spans if a <= m.start() < b), (m.start(), m.end()))
                    sentence = text[s:e]
                    if not distinctive and not _anchored(h, phrase, sentence):
                        continue
                    if sdoc is not None and direction(sdoc, m.start(), m.end(), rules.future_cues) == FUTURE:
                        continue  # a plan ("will attend the summit") does not date the story
                    news = not told_as_history(sentence, rules, sdoc, m.start(), m.end())
                    out.append(Mention(h, m.start(), m.end(), doc.text[m.start():m.end()], news, distinctive))
    return out


def _title_mentions(title: str, happenings: tuple[Happening, ...], rules: DateRules) -> list[Mention]:
    """The headline tells the news too: its mentions, at offset -1 (it stands outside the text)."""
    text = fold(title)
    out = []
    for h in happenings:
        for phrases, distinctive in ((h.names, True), (h.generic, False)):
            for phrase in phrases:
                m = _phrase(phrase, False).search(text)
                if m and (distinctive or _anchored(h, phrase, text)):
                    out.append(Mention(h, -1, -1, title[m.start():m.end()], not told_as_history(text, rules),
                                       distinctive))
    return out


def _anchored(h: Happening, phrase: str, sentence: str) -> bool:
    """A generic name (two words or more: the loader refuses one) counts with the happening's
    place or two of its actors in the sentence ("the ceasefire agreement signed in Minsk",
    "Lebanon approved a ceasefire agreement with Israel")."""
    if _any(tuple(p for p in h.places if p not in h.actors), sentence):
        return True  # a place that is also an actor ("Israel") counts as an actor only
    return len(_any(h.actors, sentence)) >= 2


def told_as_history(sentence: str, rules: DateRules, sdoc: Any = None, start: int = -1, end: int = -1,
                    years: bool = True) -> bool:
    """True for a sentence that tells history: a background cue ("since", "years ago", "was
    established"), a year ("in 2020"; where ``years``), or a pluperfect clause ("had signed")."""
    low = sentence.lower()
    if any(re.search(rf"(?<!\w){re.escape(c)}(?!\w)", low) for c in rules.background_cues):
        return True
    if years and re.search(r"(?<![\w-])(?:19|20)\d\d(?![\w-])", sentence):
        return True
    verb = governing_verb(sdoc, start, end) if sdoc is not None and start >= 0 else None
    return verb is not None and any(c.lower_ == "had" for c in verb.children if c.dep_ in ("aux", "auxpass"))


# ------------------------------------------------------------------ 3-4. the date

@dataclass
class Candidate:
    mention: Mention
    value: date
    points: float
    why: list[str]


def mentions_of(doc: Document, rules: DateRules, sdoc: Any = None) -> list[Mention]:
    return find_mentions(doc, calendar(rules), rules, sdoc)


def lower_bound(mentions: list[Mention], found: list[Found], rules: DateRules, sdoc: Any) -> tuple[date | None, str]:
    """The earliest date the article can have: after every happening it tells as history by its
    own name (a generic name told as history, "the ceasefire agreement of 1994", may be one the
    calendar does not hold), and not before the latest year it reports as past."""
    from .evidence import past_years

    bound, why = None, ""
    for m in earliest_per_span([m for m in mentions if not m.news and m.distinctive]):
        if bound is None or m.happening.day > bound:
            bound, why = m.happening.day, f"after {m.happening.label!r} ({m.happening.value}, told as history)"
    years = past_years(found, rules, sdoc)
    if years and (bound is None or date(max(years), 1, 1) > bound):
        bound, why = date(max(years), 1, 1), f"not before {max(years)}, the latest year it reports"
    return bound, why


def earliest_per_span(mentions: list[Mention]) -> list[Mention]:
    """One mention for each place in the text: of the happenings a name there fits ("direct
    talks in Istanbul": three rounds), the earliest, the only safe lower bound."""
    by_span: dict[int, Mention] = {}
    for m in mentions:
        if m.start not in by_span or m.happening.day < by_span[m.start].happening.day:
            by_span[m.start] = m
    return list(by_span.values())


def _weekday_for(doc: Document, m: Mention, weekdays: list[tuple[int, int, str]]) -> tuple[int, str] | None:
    """The weekday the text names for the happening: one in its own sentence, else the most
    named one of the article (``weekdays``: offset, ISO weekday, word)."""
    i = doc.sentence_at(m.start) if doc.sentences else None
    own = [(wd, w) for off, wd, w in weekdays if i is not None and doc.sentence_at(off) == i]
    pool = own or [(wd, w) for _, wd, w in weekdays]
    if not pool:
        return None
    return max(set(pool), key=lambda p: sum(1 for x in pool if x[0] == p[0]))


def _candidate(doc: Document, m: Mention, weekdays: list[tuple[int, int, str]]) -> Candidate:
    h = m.happening
    why = [f"{m.text!r} is {h.label!r} ({h.value}, {h.kind}{', ' + h.places[0] if h.places else ''}; {h.origin})"]
    points = DISTINCTIVE_NAME if m.distinctive else 0.0
    value = h.day
    named = _weekday_for(doc, m, weekdays)
    if named is not None and h.precision == "day":
        wd, word = named
        shift = (wd - h.day.isoweekday()) % 7
        value = h.day + timedelta(days=shift)
        points += WEEKDAY_EXACT if shift == 0 else WEEKDAY_LATER
        why.append(f"{word!r} is {value.isoformat()}" + (" (its own day)" if shift == 0 else " (same week)"))
    return Candidate(m, value, points, why)


def _office_points(sdoc: Any, ctx: Any, rules: DateRules, when: date) -> tuple[float, list[str]]:
    """Office holders named in the text: points for holding office on ``when`` (none without
    a knowledge base or a parse)."""
    from .evidence import kb_horizon, kb_of, office_evidence, title_table

    kb = kb_of(ctx) if ctx is not None else None
    if kb is None or sdoc is None:
        return 0.0, []
    evidence = office_evidence(sdoc, title_table(ctx, rules), kb.search, when.month, when.day, [when.year],
                                kb_horizon(kb), set(rules.words.get("former") or {}))
    return sum(e.scores.get(when.year, 0.0) for e in evidence), [e.text for e in evidence]


def date_from_happenings(doc: Document, found: list[Found], rules: DateRules, ctx: Any,
                         floor: date | None = None, mentions: list[Mention] | None = None) -> DateValue | None:
    """The article's date from the happenings it reports as news: it appeared at or after the
    latest of them. Where one mention fits several happenings (a generic name), the best
    supported one stands for it. None where the text reports none at or after its lower bound
    (``floor``: a date the text itself gives)."""
    from .evidence import bare_weekdays

    sdoc = doc.spacy if doc.parsed else None
    mentions = mentions_of(doc, rules, sdoc) if mentions is None else mentions
    bound, bound_why = lower_bound(mentions, found, rules, sdoc)
    if floor is not None and (bound is None or floor > bound):
        bound, bound_why = floor, f"not before {floor.isoformat()}, a date it reports"
    weekdays = bare_weekdays(found, rules, sdoc)
    per_mention: dict[int, list[Candidate]] = {}
    for m in mentions:
        if m.news and (bound is None or m.happening.day >= bound):
            c = _candidate(doc, m, weekdays)
            office, shown = _office_points(sdoc, ctx, rules, c.value)
            c.points += office
            c.why += shown
            per_mention.setdefault(m.start, []).append(c)
    if not per_mention:
        return None
    chosen = [c for c in (_best_of(cs) for cs in per_mention.values()) if c is not None]
    if not chosen:
        return None
    best = max(chosen, key=lambda c: (c.value, c.points))
    note = "; ".join(best.why + ([bound_why] if bound_why else []) + ["published at or just after it"])
    # the day it appeared is not known (at or a few days after the happening): its month is
    return DateValue(best.value.isoformat()[:7], "month", "inferred:happening", CONFIDENCE, note,
                     [best.value.isoformat()])


def _best_of(alternatives: list[Candidate]) -> Candidate | None:
    """The happening one mention names: the best supported of those its name fits, or None where
    several in different months fit equally ("direct talks in Istanbul" of three rounds, nothing
    in the text telling which): an ambiguous mention dates nothing."""
    top = max(c.points for c in alternatives)
    best = [c for c in alternatives if c.points == top]
    if len({c.value.isoformat()[:7] for c in best}) > 1:
        return None
    return max(best, key=lambda c: c.value)


def happening_evidence(doc: Document, found: list[Found], rules: DateRules, sdoc: Any, month: int, day: int,
                       years: list[int]) -> Any:
    """For a dateline's month and day without a year: the years in which a happening the text
    reports as news lies in the week before (points), or a happening told as history lies after
    the story (a penalty)."""
    from .evidence import YEAR_BEFORE_MENTIONED, Evidence, on_day

    mentions = mentions_of(doc, rules, sdoc)
    if not mentions:
        return None
    scores: dict[int, float] = {}
    shown = []
    for m in mentions:
        h = m.happening
        last = h.day if h.precision == "day" else (h.day.replace(day=28) + timedelta(days=4)).replace(day=1)
        for y in years:
            story = on_day(y, month, day)
            if story is None:
                continue
            if m.news and h.day <= story <= last + timedelta(days=7):
                scores[y] = max(scores.get(y, 0.0), HAPPENING_WEEK)
            elif not m.news and m.distinctive and story < h.day:
                scores[y] = min(scores.get(y, 0.0), YEAR_BEFORE_MENTIONED)
        shown.append(f"{m.text!r}: {h.label} {h.value} ({'news' if m.news else 'history'})")
    return Evidence("happening", "; ".join(shown), scores) if scores else None


#: Points for a candidate year whose story date falls in the week of a happening told as news.
HAPPENING_WEEK = 3.0


def weekdays_on_happenings(doc: Document, found: list[Found], rules: DateRules, sdoc: Any) -> None:
    """"On Thursday, at the summit in Chisinau, the prime minister hailed ...": in a story dated
    only to its month, a bare weekday says only "some day of that month" (``Reader._weekday``);
    where the text tells as news a happening of the calendar that fell in that month on that
    weekday, the weekday is that happening's day. Several such days (or none) leave the month."""
    pub = parse_value(doc.published.value) if doc.published is not None else None
    if pub is None or pub.precision != "month" or not pub.year_known:
        return
    bare = {f.start: f for f in found if f.has("weekday") and not f.has("month") and not f.has("rel")}
    targets = [t for t in doc.timexes if t.start in bare and t.type == "DATE" and t.value == doc.published.value]
    if not targets:
        return
    days = {m.happening.day for m in mentions_of(doc, rules, sdoc)
            if m.news and m.happening.precision == "day"
            and (m.happening.day.year, m.happening.day.month) == (pub.day.year, pub.day.month)}
    for t in targets:
        weekday = rules.lookup("weekday", bare[t.start].group("weekday") or "")
        on = sorted(d for d in days if d.isoweekday() == weekday)
        if len(on) == 1:
            t.value, t.precision, t.anchor = on[0].isoformat(), "day", f"happening {on[0].isoformat()}"
