"""Evidence for a document's date that more than one inference weighs: weekdays named, years
reported, office holders and their terms (the actor knowledge base). Shared by the year
inference (``document``) and the happenings (``happenings``), so neither imports the other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..model import Actor
from .find import Found
from .rules import DateRules
from .tense import FUTURE, direction, governing_verb

OFFICE_HELD = 1.0  # a named office holder was in that office on the candidate date
OFFICE_NOT_HELD = -3.0  # ... was not
YEAR_BEFORE_MENTIONED = -4.0  # the candidate is earlier than a past year the text reports
OFFICE_BEYOND_HORIZON = 0.5  # an open term after the knowledge base's last known date: assumed
SPAN_ENDS_NOW = 3.0  # "held over five years" since a year the sentence names: that year plus five


@dataclass
class Evidence:
    kind: str  # weekday, office, years
    text: str
    scores: dict[int, float] = field(default_factory=dict)  # year -> points


def on_day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def past_years(found: list[Found], rules: DateRules, sdoc: Any) -> list[int]:
    out = []
    for f in found:
        if f.kind in ("calendar", "range", "numeric") and f.has("year") \
                and direction(sdoc, f.start, f.end, rules.future_cues) != FUTURE:
            y = f.group("year") or ""
            if y.isdigit():
                out.append(int(y))
    return out


def kb_of(ctx: Any) -> Any:
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



# ------------------------------------------------------------------ a span of years up to now

_YEARS_SPAN = re.compile(r"(\S+)\s+years?$", re.IGNORECASE)
_NOW_AUX = frozenset({"has", "have", "is", "are", "am", "'s", "'re", "'ve"})


def span_evidence(found: list[Found], rules: DateRules, sdoc: Any) -> Evidence | None:
    """"The envoys have met for six years now, under the accord of May 2011": a span
    of years told in the present (perfect or progressive: it lasts up to the story) in a sentence
    that names one past year, its start, ends in the story's year, that year plus the span (the
    next year fits too: "over five years" may be five and some months)."""
    if sdoc is None:
        return None
    for f in found:
        m = _YEARS_SPAN.search(f.extra.get("text") or "") if f.kind == "duration" else None
        count = rules.number(m.group(1)) if m else None
        if not isinstance(count, float) or count != int(count) or not 1 <= count <= 100:
            continue
        verb = governing_verb(sdoc, f.start, f.end)
        if verb is None or not _told_up_to_now(verb):
            continue
        sent = verb.sent
        starts = {int(g.group("year") or 0) for g in found if g.kind == "calendar" and g.has("year")
                  and sent.start_char <= g.start < sent.end_char}
        if len(starts) != 1:
            continue
        end = starts.pop() + int(count)
        return Evidence("span", f"'{f.extra.get('text')}' since a year of the same sentence: {end}",
                        {end: SPAN_ENDS_NOW, end + 1: SPAN_ENDS_NOW / 2})
    return None


def _told_up_to_now(verb: Any) -> bool:
    """The clause is told in the present perfect or the present progressive or passive ("have
    lasted", "are being held"): what it tells goes on up to the story."""
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return bool(aux & _NOW_AUX) and verb.tag_ in ("VBN", "VBG") and not aux & {"will", "would", "had", "was", "were"}


# ------------------------------------------------------------------ weekdays

def bare_weekdays(found: list[Found], rules: DateRules, sdoc: Any) -> list[tuple[int, int, str]]:
    """The weekdays named alone ("on Thursday") in clauses not told as future: (offset, ISO
    weekday, word)."""
    out = []
    for f in found:
        if f.kind != "calendar" or not f.has("weekday") or f.has("month") or f.has("rel"):
            continue
        if direction(sdoc, f.start, f.end, rules.future_cues) == FUTURE:
            continue
        wd = rules.lookup("weekday", f.group("weekday") or "")
        if wd:
            out.append((f.start, int(wd), f.group("weekday") or ""))
    return out


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


def office_evidence(sdoc: Any, titles: dict[str, Title], lookup: Any, month: int, day: int,
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
            d = on_day(y, month, day)
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
