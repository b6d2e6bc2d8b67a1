"""When a clause happened: the date the quotes and events stages give their records.

``date_for_clause(doc, start, end, tense_hint)`` is the one entry point (its signature is kept
stable: other stages call it). It needs the dates stage to have run (``doc.timexes`` and
``doc.published``). In order of preference it returns:

1. the explicit date of the clause: a dated expression between ``start`` and ``end`` ("on 5
   April", "in 1994", "last Saturday", resolved against the document date already);
2. for a clause in the news tense (``tense_hint`` "reported", "planned", "hoped", "present" or
   "future"), the article's news day: the day its lead names ("On Monday, Johnson joined...",
   "Yesterday, parliament voted"), when that day lies in the week before publication, else the
   document date. A news story tells its news in the lead and elaborates it below (the quotes,
   the reactions) without repeating the day, so an undated news clause shares the lead's day;
   a weekly or late publication is why the two differ. For a story dated only to its month, the
   lead's day within that month. "now" in the clause dates it so too (the moment of speaking);
3. for a historical clause (``tense_hint`` "historical" or "past"), the years of its
   background: a year named in the same sentence, else in the sentences just before it in the
   same paragraph;
4. None, where the text gives no clue.

A vague reference in the clause ("soon", "currently") dates it to the document's month rather
than its day, "recently" to its year: the text says only that it is near the story.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Collection, Iterator

from ..lexicons import load_lexicon
from ..model import DateValue, Document, Sentence, TimeExpression
from .tense import expression_span, path_up
from .values import parse_value, period

NEWS_TENSES = {"reported", "planned", "hoped", "present", "future", "news"}
HISTORICAL_TENSES = {"historical", "past", "background"}
#: How many sentences before a historical clause (in its paragraph) may lend it their year.
BACKGROUND_SENTENCES = 2
#: How many of the first sentences make up the lead whose day dates the article's news.
LEAD_SENTENCES = 3
#: How many days before publication a lead's day may lie and still be the news day.
LEAD_DAYS = 7


def _dated(t: TimeExpression) -> bool:
    return t.type in ("DATE", "TIME") and parse_value(t.value) is not None


def _from_timex(t: TimeExpression, method: str, confidence: float) -> DateValue:
    p = parse_value(t.value)
    precision = t.precision or (p.precision if p else "day")
    if t.mod and t.mod in ("START", "END", "MID"):
        method += f" ({t.mod.lower()})"
    return DateValue(t.value or "", precision, method, confidence, t.text)


def _document_period(doc: Document, why: str, text: str) -> DateValue | None:
    """The document's month for "soon" and "currently" (what is near the story lies within weeks
    of it), its year for "recently" and "in the past" (which may reach back further)."""
    if doc.published is None:
        return None
    p = parse_value(doc.published.value)
    if p is None:
        return None
    if why != "past_ref" and p.precision in ("day", "month") and p.year_known:
        return DateValue(doc.published.value[:7], "month", f"document:{why}",
                         round(0.6 * doc.published.confidence, 2), text)
    return DateValue(doc.published.value[:4], "year", f"document:{why}",
                     round(0.6 * doc.published.confidence, 2), text)


def date_for_clause(doc: Document, start: int, end: int, tense_hint: str | None = None) -> DateValue | None:
    """The date of the clause ``doc.text[start:end]`` (see the module docstring for the order)."""
    inside = [t for t in doc.timexes if t.start >= start and t.end <= end
              and not _describes_subject(doc, t, start, end) and not _dates_what_it_answers(doc, t)]
    points = [t for t in inside if _dated(t)]
    # a range's start ("since last Saturday") says when a state began, not when the clause happened
    points.sort(key=lambda t: (t.range_end is not None, t.start))
    if points:
        t = _finest_inside(points)
        method = "text:explicit" if t.anchor is None else f"text:relative to {t.anchor}"
        spoken = _spoken_day(doc, t)
        if spoken is not None:
            return DateValue(spoken, "day", "text:relative to the news day (quoted)", 0.7, t.text)
        return _from_timex(t, method, 0.9 if t.anchor is None else 0.8)
    hint = (tense_hint or "").lower()
    vague = [t for t in inside if t.value in ("PRESENT_REF", "FUTURE_REF", "PAST_REF")]
    moment = [t for t in vague if t.anchor == "moment"]  # "now": the news day
    vague = [t for t in vague if t.anchor != "moment" and not _later_in_the_past(doc, t)]
    if vague and hint not in HISTORICAL_TENSES:
        return _document_period(doc, vague[0].value.lower(), vague[0].text)  # type: ignore[union-attr]
    if hint in NEWS_TENSES or moment and hint not in HISTORICAL_TENSES:
        if doc.published is None:
            return None
        pub = doc.published
        lead = news_day(doc)
        if lead is not None and (lead.value or "")[:10] != pub.value[:10]:
            got = _from_timex(lead, "context:lead day", round(0.7 * pub.confidence, 2))
            # a clause with no date of its own shares the lead's day, not its hour ("Friday night")
            return dataclasses.replace(got, value=got.value[:10], precision="day") if lead.type == "TIME" else got
        return DateValue(pub.value, pub.precision, "document", round(0.7 * pub.confidence, 2),
                         pub.evidence or pub.method, list(pub.candidates))
    if hint in HISTORICAL_TENSES:
        return _background_year(doc, start, end)
    return None


def _finest_inside(points: list[TimeExpression]) -> TimeExpression:
    """"Earlier this week, on Wednesday, the president said", "in March, on the 5th": where the
    clause's first date holds a later one of the clause within its period, the narrower one says
    when; dates that do not nest keep the first."""
    first = points[0]
    outer = period(first.value)
    if outer is None or first.range_end is not None:
        return first
    inside = [(p[1] - p[0], t) for t in points[1:] if t.range_end is None and (p := period(t.value)) is not None
              and outer[0] <= p[0] and p[1] <= outer[1] and p[1] - p[0] < outer[1] - outer[0]]
    return min(inside, key=lambda x: x[0])[1] if inside else first


def _later_in_the_past(doc: Document, t: TimeExpression) -> bool:
    """"Police soon arrived": "soon" on a verb in the past tense is "shortly after" in the story
    told, not a time ahead of the news; it gives the clause no period of its own."""
    sdoc = doc.spacy if doc.parsed else None
    span = sdoc.char_span(t.start, t.end, alignment_mode="expand") if sdoc is not None else None
    if t.value != "FUTURE_REF" or span is None or len(span) == 0:
        return False
    verb = span.root.head
    return verb.tag_ == "VBD" and not any(a.dep_ == "aux" for a in verb.children)


def _describes_subject(doc: Document, t: TimeExpression, start: int, end: int) -> bool:
    """"McGurk, who was envoy until December, criticized the decision": a date inside a relative
    clause on the subject dates what the clause says of the subject (his term), not the verb the
    subject goes with (the criticism)."""
    sdoc = doc.spacy if doc.parsed else None
    span = sdoc.char_span(t.start, t.end, alignment_mode="expand") if sdoc is not None else None
    if span is None or len(span) == 0:
        return False
    for a in span.root.ancestors:
        if a.dep_ == "relcl" and a.head.dep_ in ("nsubj", "nsubjpass"):
            verb = a.head.head
            return verb.i != a.head.i and start <= verb.idx < end
    return False


def _dates_what_it_answers(doc: Document, t: TimeExpression) -> bool:
    """"Struck targets in Gaza in retaliation for Friday's rocket attack", "shelled the village
    in response to an attack last Sunday": a date on the noun a reply answers (the object of
    "to" or "for" after a noun of reply, ``reply_nouns`` in the dates lexicon) dates that earlier
    act, not the reply."""
    sdoc = doc.spacy if doc.parsed else None
    span = sdoc.char_span(t.start, t.end, alignment_mode="expand") if sdoc is not None else None
    if span is None or len(span) == 0:
        return False
    tok = span.root
    for _ in range(3):  # the date's noun: "Friday's attack", "an attack last Sunday", "the attack on Friday"
        if tok.head.i == tok.i or tok.dep_ not in ("poss", "npadvmod", "pobj", "prep", "compound", "nmod"):
            return False
        tok = tok.head
        if tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ in ("to", "for"):
            return tok.head.head.lemma_.lower() in _REPLY_NOUNS
    return False


_REPLY_NOUNS = frozenset(str(w).lower() for w in load_lexicon("dates").get("reply_nouns") or [])


def _spoken_day(doc: Document, t: TimeExpression) -> str | None:
    """"We raised it today with the ambassador", quoted in a story of Monday published on
    Thursday: a speaker's "today" (or "yesterday") is the day of speaking, the article's news
    day, not the publication day the dates layer resolved it against. None where that does not
    apply (not quoted, not a day counted from the document date, no earlier news day)."""
    if t.anchor != "document" or doc.published is None or not any(
            q.kind == "direct" and q.start <= t.start and t.end <= q.end for q in doc.quotes):
        return None
    lead, pub, here = news_day(doc), parse_value(doc.published.value), parse_value(t.value)
    if lead is None or pub is None or here is None or here.precision != "day" or pub.precision != "day":
        return None
    day = parse_value(lead.value)
    if day is None:
        return None
    return (here.day - (pub.day - day.day)).isoformat()


def news_day(doc: Document) -> TimeExpression | None:
    """The day the article's lead gives its news: the first day-precise date in the first
    sentences that falls in the week up to publication, or, for a story dated only to its month,
    within that month (the lead's day is then the only day the news has). None when the lead
    names no such day (then the news is of the publication day)."""
    if doc.published is None or not doc.sentences:
        return None
    pub = parse_value(doc.published.value)
    if pub is None or pub.precision not in ("day", "month"):
        return None
    lead_end = _lead_end(doc)
    for t in sorted(doc.timexes, key=lambda t: t.start):
        if t.start >= lead_end:
            break
        # "Friday night", "on Saturday evening": a part of a day (a TIME) gives its day too
        p = parse_value(t.value) if t.type in ("DATE", "TIME") and t.range_end is None else None
        if p is None or p.precision != "day" or _dates_what_it_answers(doc, t):
            continue
        if pub.precision == "month" and (p.day.year, p.day.month) == (pub.day.year, pub.day.month) \
                or pub.precision == "day" and 0 <= (pub.day - p.day).days <= LEAD_DAYS:
            return t
    return None


def _lead_end(doc: Document) -> int:
    """Where the lead's first ``LEAD_SENTENCES`` sentences end. Lines without a verb (a map's
    legend, a photo caption, a byline left in the text) are no sentences of the story and do not
    count."""
    sdoc = doc.spacy if doc.parsed else None
    counted, end = 0, doc.sentences[0].end
    for s in doc.sentences:
        span = sdoc.char_span(s.start, s.end, alignment_mode="expand") if sdoc is not None else None
        end = s.end
        if span is None or any(t.pos_ in ("VERB", "AUX") for t in span):
            counted += 1
        if counted >= LEAD_SENTENCES:
            break
    return end


def _back_in_paragraph(doc: Document, here: int) -> Iterator[tuple[int, Sentence]]:
    """Sentence ``here`` and the ``BACKGROUND_SENTENCES`` before it, nearest first, as far as its
    paragraph goes: the context a clause's date may come from."""
    paragraph = doc.sentences[here].paragraph
    for k in range(here, max(-1, here - BACKGROUND_SENTENCES - 1), -1):
        if doc.sentences[k].paragraph != paragraph:
            return
        yield k, doc.sentences[k]


def _background_year(doc: Document, start: int, end: int) -> DateValue | None:
    """A year named in the clause's sentence, else in the sentences just before it."""
    here = doc.sentence_at(start)
    if here is None:
        return None
    for k, s in _back_in_paragraph(doc, here):
        years = [t for t in doc.timexes if s.start <= t.start < s.end and _dated(t)
                 and not (start <= t.start < end)]
        if years:
            # the nearest one before the clause, else the first after it
            before = [t for t in years if t.end <= start]
            t = before[-1] if before else years[0]
            how = "sentence" if k == here else "paragraph"
            return _from_timex(t, f"context:{how}", 0.6 if k == here else 0.4)
    return None


#: Dependencies that make a date part of an argument ("supports the 2011 Kazan document"), not an
#: adverbial that dates its clause ("In 2015, Saudi Arabia started ...").
_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "dative", "appos", "poss", "oprd", "acomp"})


def frame_date(doc: Document, start: int, earlier_preps: Collection[str] = ()) -> DateValue | None:
    """The date a paragraph has set for an undated clause at ``start``: the nearest date before it,
    in its sentence or the ``BACKGROUND_SENTENCES`` before it in the same paragraph, that dates a
    clause of its own ("In 2015, Saudi Arabia started supporting ... The United Nations called the
    crisis the worst in the world": the call belongs to that past). A date inside an argument
    ("backs the 2011 document") frames nothing. A span before an earlier event frames it too:
    "The speech came one week after an attack ... The attack was claimed by ..." sets the day a
    week before the speech (``earlier_preps``: the words that put the event before, "after").
    None where the paragraph sets no date."""
    here = doc.sentence_at(start)
    sdoc = doc.spacy if doc.parsed else None
    if here is None or sdoc is None:
        return None
    for _, s in _back_in_paragraph(doc, here):
        framing = [t for t in doc.timexes if s.start <= t.start and t.end <= min(s.end, start)
                   and _dated(t) and t.range_end is None and _adverbial(sdoc, t)]
        offsets = [t for t in doc.timexes if s.start <= t.start and t.end <= min(s.end, start)
                   and t.type == "DURATION" and _offset_before(sdoc, t, earlier_preps)]
        if offsets and (not framing or offsets[-1].start > framing[-1].start):
            earlier = _earlier_by(doc, s, offsets[-1])
            if earlier is not None:
                return earlier
        if framing:
            return _from_timex(framing[-1], "context:paragraph frame", 0.5)
    return None


def measured_back(doc: Document, start: int, end: int, earlier_preps: Collection[str] = ()) -> DateValue | None:
    """The day of an event the clause measures back from its sentence's day ("one week after an
    attack on oil facilities": a week before the speech), None where it measures none."""
    sdoc = doc.spacy if doc.parsed else None
    here = doc.sentence_at(start)
    if sdoc is None or here is None:
        return None
    for t in doc.timexes:
        if not (start <= t.start and t.end <= end and t.type == "DURATION"):
            continue
        if _offset_before(sdoc, t, earlier_preps):
            return _earlier_by(doc, doc.sentences[here], t)
        if _lasting_before(sdoc, t, earlier_preps):
            return _lasted_until(doc, doc.sentences[here], t)
    return None


_SPAN = re.compile(r"^P(\d+)([DWMY])$")
_SPAN_DAYS = {"D": 1, "W": 7, "M": 30, "Y": 365}


def _offset_before(sdoc: object, t: TimeExpression, earlier_preps: Collection[str]) -> bool:
    """"one week after an attack": the span measures a preposition that puts an event before."""
    span = sdoc.char_span(t.start, t.end, alignment_mode="expand")  # type: ignore[attr-defined]
    if span is None or len(span) == 0:
        return False
    return any(w.dep_ == "npadvmod" and w.head not in span and w.head.lower_ in earlier_preps
               and any(c.dep_ == "pobj" for c in w.head.children) for w in span)


def _earlier_by(doc: Document, s: Sentence, t: TimeExpression) -> DateValue | None:
    """The day the span ``t`` lies before its sentence's own (news) day."""
    m = _SPAN.match(t.value or "")
    base = date_for_clause(doc, s.start, s.end, "reported")
    point = parse_value(base.value) if base is not None else None
    if m is None or point is None or point.precision != "day":
        return None
    day = point.day - dt.timedelta(days=int(m[1]) * _SPAN_DAYS[m[2]])
    precision = {"D": "day", "W": "day", "M": "month", "Y": "year"}[m[2]]
    value = {"day": day.isoformat(), "month": day.isoformat()[:7], "year": day.isoformat()[:4]}[precision]
    return DateValue(value, precision, "context:span before the paragraph's day", 0.4, t.text)


def _lasting_before(sdoc: object, t: TimeExpression, earlier_preps: Collection[str]) -> bool:
    """"after 48 days of attacks", "following four years of talks": the span is how long an act
    (the "of" phrase) went on up to the sentence's day."""
    span = sdoc.char_span(t.start, t.end, alignment_mode="expand")  # type: ignore[attr-defined]
    if span is None or len(span) == 0:
        return False
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ in earlier_preps and \
        any(c.dep_ == "prep" and c.lower_ == "of" for c in root.children)


def _lasted_until(doc: Document, s: Sentence, t: TimeExpression) -> DateValue | None:
    """The days an act that went on for the span ``t`` up to its sentence's (news) day covers:
    a range from the span before that day to the day, at the day's precision."""
    m = _SPAN.match(t.value or "")
    base = date_for_clause(doc, s.start, s.end, "reported")
    days = period(base.value) if base is not None else None
    if m is None or days is None or base is None or base.precision not in ("day", "month"):
        return None
    first = days[1] - dt.timedelta(days=int(m[1]) * _SPAN_DAYS[m[2]])
    width = 10 if base.precision == "day" else 7
    return DateValue(f"{first.isoformat()[:width]}..{days[1].isoformat()[:width]}", base.precision,
                     "context:span up to the paragraph's day", 0.4, t.text)


def _adverbial(sdoc: object, t: TimeExpression) -> bool:
    """The date modifies a verb as an adverbial (through a preposition or directly), not one of
    its arguments."""
    span = expression_span(sdoc, t.start, t.end)
    if span is None:
        return False
    for tok in path_up(span):
        if tok.pos_ in ("VERB", "AUX") and tok not in span:
            return True
        if tok.dep_ in _ARGUMENT_DEPS:
            return False
    return False

