"""Story events: the events of many articles that are one real-world happening, merged.

Why a score and gates rather than one rule: outlets code the same happening differently ("the province
claimed independence", "the region broke away"), so no one field can decide. Four
signals are weighed (see ``StorySettings``): how well the dates agree (``story.dates``), how far
the actors (or the place) overlap, how close the event classes are (same class, same PLOVER quad
class, same side), and how close the clauses are in their words, the actors' names blanked
(``story.text``). Some pairs are never one happening, whatever the score: dates that cannot both
be true, cooperation against conflict, two different named persons acting, both sides' actors
disjoint, or, within one article, two events not dated to exactly the same time or with
different doers (the event coder already merges an article's restatements; what is left there is
distinct unless its date says otherwise). Other pairs may be one happening but lack the evidence
to merge on their own: different classes, or dates a day apart, in few shared words.

A conflict starts once: two events each told as the start of a conflict ("the conflict began in
1988 when ...", the ``story`` lexicon's ``onset``) with compatible dates and a shared party are
the same kind of happening whatever their classes; their actors are compared as wholes.

Clustering is greedy over candidate pairs from the best score down; two groups join only if no
pair across them is gated, so a chain of look-alikes cannot weld distinct happenings together.
Everything is a pure function of the events given, in a fixed order: the same events always give
the same story events with the same ids (the store glue relies on it to recompute incrementally).

Planned and hoped events are never merged with what happened: they are linked to the later story
event that carried them out (``StoryEvent.happened_as``), within their group of date buckets.
"""

from __future__ import annotations

import hashlib
import heapq
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

from ..model import ActorRef, DateValue, Document, Event, StoryEvent, StorySource
from ..options import StorySettings
from .candidates import LinkIndex, candidate_pairs, meeting
from .dates import Span, agreement, event_span, finest, parse_day
from .text import TextSpace, gram_counts

ACTUAL = ("reported", "historical")
INTENDED = ("planned", "hoped")

#: Clause closeness at which two tellings are nearly the same words (wire copy, boilerplate).
NEAR_VERBATIM = 0.5

#: Within one article (where reported events often all carry the article's date), two events are
#: one only if they also share this much of their words.
SAME_ARTICLE_WORDS = 0.2

#: Clause closeness at which events of different classes are one happening on their own evidence.
OTHER_CLASS_WORDS = 0.3

#: Date agreement at or under which the dates differ (days apart, a day within a period) ...
SHIFTED_DATES = 0.4
#: ... and the clause closeness such events need to be one happening on their own evidence.
SHIFTED_DATE_WORDS = 0.2

#: Spans longer than this many years are compared only with each other ("wide" bucket).
WIDE_YEARS = 12


@dataclass
class EventItem:
    """One coded event with what the story layer needs to know about its article."""

    doc_id: str
    event: Event
    doc_name: str | None = None
    outlet: str | None = None
    published: str | None = None
    sentence_text: str | None = None
    background: bool = False
    duplicate_of: str | None = None  # canonical article, where this article is a near-copy
    actor_kinds: dict[str, str] = field(default_factory=dict)  # actor id -> kind (person, state ...)
    span: Span | None = None
    sentence_start: int | None = None  # where the event's sentence starts in the document
    clause_actors: list[ActorRef] = field(default_factory=list)  # every actor named inside the evidence
    onset: bool = False  # told as the start of a conflict (``Knowledge.tells_onset``)
    unnamed: str | None = None  # ``text`` with the actors' names blanked out (``words``)

    @property
    def key(self) -> str:
        return f"{self.doc_id}:{self.event.id}"

    @property
    def story_doc(self) -> str:
        """The article this one stands for: its canonical original where it is a near-copy."""
        return self.duplicate_of or self.doc_id

    @property
    def text(self) -> str:
        ev = self.event.evidence or ""
        if len(ev.split()) < 5 and self.sentence_text:
            return self.sentence_text
        return ev

    @property
    def words(self) -> str:
        """What the clause says happened, without who: the names of linked actors are blanked,
        since the actor signal already weighs them and a shared name ("Abdul-Mahdi spoke out
        against the attack", "Abdul-Mahdi recommended that the troops leave") is no sign that
        two clauses tell one act."""
        return self.unnamed if self.unnamed is not None else self.text

    @property
    def order(self) -> tuple[str, str, int, str]:
        return (self.published or "9999", self.doc_id, self.event.start, self.event.id)

    # what scoring reads of an event again and again, worked out once: in a busy year each event
    # is scored against hundreds of others (the event and the article's date do not change)

    @cached_property
    def source_keys(self) -> list[set[str]]:
        return [_ref_keys(r) for r in self.event.source]

    @cached_property
    def target_keys(self) -> list[set[str]]:
        return [_ref_keys(r) for r in self.event.target]

    @cached_property
    def persons(self) -> set[str]:
        """The named persons among the event's doers."""
        return {r.actor_id for r in self.event.source if r.actor_id and self.actor_kinds.get(r.actor_id) == "person"}

    @cached_property
    def published_day(self) -> date | None:
        return parse_day(self.published)


def items_from_documents(docs: Iterable[Document], copies: dict[str, str] | None = None) -> list[EventItem]:
    """Event items from in-memory documents (the store glue builds the same from rows)."""
    copies = copies or {}
    out = []
    for d in docs:
        kinds = {a.id: a.kind for a in d.actors}
        countries = {a.id: a.country for a in d.actors}
        for e in d.events:
            sent = d.sentences[e.sentence] if e.sentence is not None and e.sentence < len(d.sentences) else None
            if sent is None:
                idx = d.sentence_at(e.start)
                sent = d.sentences[idx] if idx is not None else None
            it = EventItem(d.id, e, d.name, d.publisher, d.date,
                           d.text[sent.start:sent.end] if sent else None,
                           bool(sent and sent.background), copies.get(d.id), kinds,
                           sentence_start=sent.start if sent else None,
                           clause_actors=_clause_actors(d, e, countries))
            start = e.start if it.text == e.evidence else it.sentence_start
            it.unnamed = _unnamed(d, start, it.text)
            out.append(it)
    return out


def _unnamed(doc: Document, start: int | None, text: str) -> str | None:
    """``text`` (found at ``start`` in the document) with every linked actor's mention blanked."""
    if start is None or doc.text[start:start + len(text)] != text:
        return None
    chars = list(text)
    for m in doc.mentions:
        if (m.actor_id or m.country or m.refs) and start <= m.start and m.end <= start + len(text):
            chars[m.start - start:m.end - start] = " " * (m.end - m.start)
    return "".join(chars)


def _clause_actors(doc: Document, event: Event, countries: dict[str, str | None]) -> list[ActorRef]:
    """The actors the event's own words name, whatever role the coder gave them (or none): a
    collective ("the two countries") stands for each actor it refers to."""
    out: list[ActorRef] = []
    for m in doc.mentions:
        if m.start < event.start or m.end > event.end:
            continue
        if m.actor_id or m.country:
            out.append(ActorRef(m.text, m.actor_id, m.country or countries.get(m.actor_id or "")))
        out.extend(ActorRef(m.text, r, countries.get(r)) for r in m.refs)
    return out


# ---------------------------------------------------------------- the signals


@dataclass(frozen=True)
class Knowledge:
    """What the ``story`` lexicon says: quad classes of event classes, stopwords, and how a
    sentence tells the start of a conflict (``onset``)."""

    quads: dict[str, str]
    stopwords: frozenset[str]
    onset: re.Pattern[str] | None = None
    undated_apart_days: int | None = None  # undated events of articles further apart: never one
    same_news_days: int | None = None  # undated reports of articles this close: told the same days
    # what -> (its class upper-cased, quad class, side): looked up for every pair scored
    kinds: dict[str | None, tuple[str | None, str | None, str | None]] = field(default_factory=dict, repr=False,
                                                                               compare=False)

    @classmethod
    def from_lexicon(cls, lex: dict[str, Any]) -> Knowledge:
        undated = lex.get("undated") or {}
        return cls({k.upper(): v for k, v in (lex.get("quad_classes") or {}).items()},
                   frozenset(w.casefold() for w in lex.get("stopwords") or []),
                   _onset_pattern(lex.get("onset") or {}),
                   _days(undated.get("apart_days")), _days(undated.get("same_news_days")))

    def quad(self, what: str | None) -> str | None:
        return self.quads.get(what.upper()) if what else None

    def kind(self, what: str | None) -> tuple[str | None, str | None, str | None]:
        """A class upper-cased, its quad class and its side (cooperation, conflict or None)."""
        got = self.kinds.get(what)
        if got is None:
            quad = self.quad(what)
            got = self.kinds[what] = (what.upper() if what else None, quad, _side(quad))
        return got

    def tells_onset(self, item: EventItem) -> bool:
        """Whether the event's sentence tells it as the start of a conflict: a conflict word,
        an onset phrase soon after it, and the event's words reaching past that phrase."""
        if self.onset is None or not item.sentence_text or item.sentence_start is None:
            return False
        end = item.event.end - item.sentence_start
        return any(m.end("phrase") < end for m in self.onset.finditer(item.sentence_text))


def _days(value: Any) -> int | None:
    return None if value is None else int(value)


def _onset_pattern(lex: dict[str, Any]) -> re.Pattern[str] | None:
    subjects = [str(w) for w in lex.get("subjects") or []]
    phrases = [str(p) for p in lex.get("phrases") or []]
    if not subjects or not phrases:
        return None

    def alt(items: list[str]) -> str:
        return "|".join(r"\s+".join(map(re.escape, p.split())) for p in sorted(items, key=len, reverse=True))

    window = int(lex.get("window", 10))
    return re.compile(rf"\b(?:{alt(subjects)})\b(?:\W+\w+){{0,{window}}}?\W+(?P<phrase>{alt(phrases)})\b",
                      re.IGNORECASE)


def _side(quad: str | None) -> str | None:
    if not quad or quad == "neutral":
        return None
    return quad.rsplit("_", 1)[-1]  # cooperation / conflict


def type_agreement(a: Event, b: Event, know: Knowledge, onset: bool = False) -> float | None:
    """1 for the same class, 0.6 for the same quad class, 0.3 for the same side, 0.2 where a class
    is unknown or neutral; None (never one happening) for cooperation against conflict, unless
    both are told as the start of a conflict (``onset``): a conflict starts once, and outlets
    (and the coder) class what started it in many ways, so such a pair counts as the same kind."""
    (wa, qa, sa), (wb, qb, sb) = know.kind(a.what or a.plover_type), know.kind(b.what or b.plover_type)
    if wa and wb and wa == wb:
        return 1.0
    if onset:
        return 0.6
    if sa and sb and sa != sb:
        return None
    if qa and qb and qa == qb:
        return 0.6
    if sa and sb:
        return 0.3
    return 0.2


def _ref_keys(ref: ActorRef) -> set[str]:
    keys = set()
    if ref.actor_id:
        keys.add(f"id:{ref.actor_id}")
    if ref.country:
        keys.add(f"c:{ref.country}")
    if not keys and ref.name:
        keys.add(f"n:{' '.join(ref.name.casefold().split())}")
    return keys


def _match(xs: Sequence[ActorRef], ys: Sequence[ActorRef]) -> float | None:
    """Share of the shorter list's actors that the other list names too; None if either is empty."""
    return _match_keys([_ref_keys(r) for r in xs], [_ref_keys(r) for r in ys])


def _match_keys(xs: Sequence[set[str]], ys: Sequence[set[str]]) -> float | None:
    """``_match`` over the actors' keys (``_ref_keys``)."""
    if not xs or not ys:
        return None
    short, long_ = (xs, ys) if len(xs) <= len(ys) else (ys, xs)
    hit = sum(1 for r in short if any(not r.isdisjoint(k) for k in long_))
    return hit / len(short)


def actor_agreement(a: EventItem, b: EventItem, onset: bool = False) -> float | None:
    """How far the actors overlap, side by side, a shared place counting as one more side that
    agrees: 0.3 where nothing can be compared; None where both sides are known and disjoint, or
    two different persons act. Two tellings of a conflict's start (``onset``) are set against
    each other as wholes, every actor their words name on either side: outlets tell the start
    with different doers ("Armenia made claims", "the region seceded") but the same parties."""
    ea, eb = a.event, b.event
    pa, pb = a.persons, b.persons
    if pa and pb and not pa & pb:
        return None
    place = 1.0 if ea.location and eb.location and ea.location.casefold() == eb.location.casefold() else None
    if onset:
        whole = _match([*ea.source, *ea.target, *a.clause_actors], [*eb.source, *eb.target, *b.clause_actors])
        if whole is not None:
            return None if whole == 0 else whole
    src = _match_keys(a.source_keys, b.source_keys)
    tgt = _match_keys(a.target_keys, b.target_keys)
    if src == 0 and tgt == 0:
        return None
    known = [x for x in (src, tgt) if x is not None]
    if known:
        return sum(known + [place] * (place is not None)) / (len(known) + (place is not None))
    if place is not None:
        return place
    # no side to set against the same side: one names only doers, the other only the done-to
    cross = _match_keys(a.source_keys + a.target_keys, b.source_keys + b.target_keys)
    return 0.3 if cross is None else 0.5 * cross


@dataclass(frozen=True)
class PairScore:
    score: float
    text: float
    actors: float
    type: float
    date: float
    direct: bool = True  # evidence enough to merge on this pair alone (see ``score_pair``)


def _signals(a: EventItem, b: EventItem, know: Knowledge, settings: StorySettings,
             linking: bool) -> tuple[float, float, float, bool] | None:
    """Date, type and actor agreement of a pair and whether both tell a conflict's start, or
    None where a gate that needs no words says they differ (see ``score_pair``)."""
    d = agreement(a.span, b.span, settings.date_slack_days)
    if d is None:
        return None
    if not linking:
        d = undated_agreement(a, b, d, know)
        if d is None:
            return None
    onset = a.onset and b.onset and d > 0
    t = type_agreement(a.event, b.event, know, onset=onset)
    if t is None:
        return None
    act = actor_agreement(a, b, onset)
    return None if act is None else (d, t, act, onset)


def _passes_words(a: EventItem, b: EventItem, d: float, t: float, act: float, cosine: float, linking: bool) -> bool:
    if (act == 0.0 or (d == 0.0 and not linking)) and cosine < NEAR_VERBATIM:
        return False
    return not (a.story_doc == b.story_doc and cosine < 0.9 and not (
        d == 1.0 and t == 1.0 and act >= 0.5 and cosine >= SAME_ARTICLE_WORDS
        and _match_keys(a.source_keys, b.source_keys) != 0))


def score_pair(a: EventItem, b: EventItem, cosine: float, know: Knowledge,
               settings: StorySettings, linking: bool = False) -> PairScore | None:
    """The weighted agreement of two events, or None where a gate says they differ. With
    ``linking`` (a plan against what happened) an undated plan is no reason to refuse.

    A pair that passes the gates may still lack the evidence to be merged on its own
    (``direct`` false): events of different classes whose clauses share few words (unless both
    tell a conflict's start), and events on different days or stretches (a day apart, a day
    within a period) that share few words. Many happenings of one kind between the same states
    fall on neighbouring days; only the words tell such retellings from new happenings. Such a
    pair does not start a merge, but does not keep apart groups that other pairs join."""
    sig = _signals(a, b, know, settings, linking)
    return None if sig is None else _scored(a, b, sig, cosine, settings, linking)


def _scored(a: EventItem, b: EventItem, sig: tuple[float, float, float, bool], cosine: float,
            settings: StorySettings, linking: bool) -> PairScore | None:
    """``score_pair`` from the pair's signals other than words (``_signals``) and its cosine."""
    d, t, act, onset = sig
    if not _passes_words(a, b, d, t, act, cosine, linking):
        return None
    direct = (t == 1.0 or onset or cosine >= OTHER_CLASS_WORDS) and (d > SHIFTED_DATES or cosine >= SHIFTED_DATE_WORDS)
    s = (settings.weight_text * cosine + settings.weight_actors * act + settings.weight_type * t
         + settings.weight_date * d)
    return PairScore(round(s, 4), cosine, act, t, d, direct)


def score_bound(a: EventItem, b: EventItem, cosine: float, know: Knowledge, settings: StorySettings) -> float | None:
    """A score ``score_pair`` cannot exceed for this pair, from what is
    cheap to know: the clauses' cosine, the classes (1 for the same class, at most 0.6
    otherwise) and the dates; the actors count as agreeing fully. None where the dates alone
    gate the pair."""
    if min(settings.weight_text, settings.weight_actors, settings.weight_type, settings.weight_date) < 0:
        return float("inf")
    d = agreement(a.span, b.span, settings.date_slack_days)
    if d is None:
        return None
    if _undated(a) and _undated(b):
        d = max(d, SAME_NEWS)  # two reports of the same days may agree as SAME_NEWS
    (wa, _, _), (wb, _, _) = know.kind(a.event.what or a.event.plover_type), know.kind(b.event.what or b.event.plover_type)
    t = 1.0 if wa and wa == wb else 0.6
    # the score's own sum with the actors at 1, rounded as it is: sums and rounding never go down
    # when a term goes up, so the bound ties the score where the actors agree fully (the tellings
    # of one happening), and ties are taken in the pairs' order, as among scores
    return round(settings.weight_text * cosine + settings.weight_actors * 1.0 + settings.weight_type * t
                 + settings.weight_date * d, 4)


def gated(a: EventItem, b: EventItem, cosine: Callable[[], float], know: Knowledge, settings: StorySettings) -> bool:
    """Whether a gate says two events differ (``score_pair`` is None), the clauses compared only
    where a gate weighs words: the check clustering makes for every pair across two groups it
    would join, most of which need no words."""
    sig = _signals(a, b, know, settings, False)
    if sig is None:
        return True
    d, t, act, _ = sig
    if not (act == 0.0 or d == 0.0 or a.story_doc == b.story_doc):
        return False
    return not _passes_words(a, b, d, t, act, cosine(), False)


#: Date agreement of two undated reports from articles of the same days (``Knowledge.same_news_days``):
#: as strong as a date inside another's stretch.
SAME_NEWS = 0.6


def _undated(item: EventItem) -> bool:
    return item.span is None or not item.span.exact


def undated_agreement(a: EventItem, b: EventItem, d: float, know: Knowledge) -> float | None:
    """The date agreement of two events whose dates are unknown, from their articles' dates: None
    (never one happening) where the articles are more than ``undated_apart_days`` apart, however
    alike the words (a background line retold months later is another telling, an event the
    article does not date is the article's news); ``SAME_NEWS`` for two reports from different
    articles of the same days (``same_news_days``): outlets telling one day's news. ``d``
    otherwise, and for dated events."""
    if not (_undated(a) and _undated(b)):
        return d
    pa, pb = a.published_day, b.published_day
    if pa is None or pb is None:
        return d
    apart = abs((pa - pb).days)
    if know.undated_apart_days is not None and apart > know.undated_apart_days:
        return None
    if (know.same_news_days is not None and apart <= know.same_news_days and a.story_doc != b.story_doc
            and a.event.status == b.event.status == "reported"):
        return max(d, SAME_NEWS)
    return d


# ---------------------------------------------------------------- candidates and clusters


def buckets(item: EventItem) -> list[str]:
    """Where an event is looked for: the years its span covers. An undated plan is looked for in
    the year it was announced and the next (plans that take longer are rarely told without a
    date). Long or open stretches ("before 2016") go to "wide" buckets, one per actor they
    name, so such events meet only events that share an actor with them."""
    span = item.span
    if span is not None and not span.exact and item.event.status in INTENDED and span.first.year < 9999:
        return [str(span.first.year), str(span.first.year + 1)]
    if span is not None and len(span.years()) <= WIDE_YEARS:
        return [str(y) for y in span.years()]
    keys = sorted({k for r in (*item.event.source, *item.event.target) for k in _ref_keys(r)})
    return [f"wide:{k}" for k in keys] or ["wide:-"]


def with_spans(items: Sequence[EventItem], settings: StorySettings) -> None:
    for it in items:
        it.span = event_span(it.event.date, it.event.status, parse_day(it.published))


def _stable_id(item: EventItem) -> str:
    return "se-" + hashlib.sha256(item.key.encode("utf-8")).hexdigest()[:12]


def components(items: Sequence[EventItem]) -> list[list[int]]:
    """Indices of items grouped so that no two groups share a bucket: events in different groups
    are never compared, so each group can be clustered (and recomputed) on its own."""
    parent = list(range(len(items)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    first: dict[str, int] = {}
    for i, it in enumerate(items):
        for b in buckets(it):
            if b in first:
                ri, rb = find(i), find(first[b])
                if ri != rb:
                    parent[max(ri, rb)] = min(ri, rb)
            else:
                first[b] = i
    groups: dict[int, list[int]] = {}
    for i in range(len(items)):
        groups.setdefault(find(i), []).append(i)
    return list(groups.values())


def cluster(items: Sequence[EventItem], know: Knowledge, settings: StorySettings,
            exhaustive: bool = False) -> list[list[EventItem]]:
    """Groups of events that are one happening each (see the module's docstring). Pairs are
    scored where ``story.candidates`` finds them; ``exhaustive`` scores every pair of a bucket
    whose dates meet instead (the reference the candidates are tested against)."""
    items = sorted(items, key=lambda it: it.order)
    out: list[list[EventItem]] = []
    for comp in components(items):
        out.extend(_cluster_component([items[i] for i in comp], know, settings, exhaustive))
    return sorted(out, key=lambda g: g[0].order)


def _pairs(items: list[EventItem], know: Knowledge, settings: StorySettings, exhaustive: bool,
           counts: Sequence[Counter[str]]) -> list[tuple[int, int]]:
    """The pairs of a component to score: those of ``story.candidates``, or (``exhaustive``)
    every pair sharing a bucket whose dates meet. ``counts``: the items' clause n-grams."""
    bucket_of = [buckets(it) for it in items]
    if not exhaustive:
        return candidate_pairs(items, bucket_of, know.stopwords, settings.date_slack_days, _ref_keys,
                               know.same_news_days, counts)
    by_bucket: dict[str, list[int]] = {}
    for i, bs in enumerate(bucket_of):
        for b in bs:
            by_bucket.setdefault(b, []).append(i)
    return sorted({p for members in by_bucket.values() for p in meeting(members, items, settings.date_slack_days)})


def _merge_queue(items: Sequence[EventItem], pairs: Sequence[tuple[int, int]], cosines: Sequence[float],
                 know: Knowledge, settings: StorySettings) -> list[tuple[float, int, int, bool, float]]:
    """The candidate pairs as a heap in the order clustering takes them, each keyed first by a
    bound of its score (``score_bound``), not yet scored.

    Why lazily: clustering takes the scored pairs from the best down and skips a pair whose
    events are already one group (or kept apart). The tellings of one happening pair up with
    each other in the square of their number, but a group of them needs only one join per
    member. A pair is scored when its bound comes up; its score, never over the bound, puts it
    back where the sorted order of scores has it (ties by the pair's indices, as a sort over all
    scores gives), so the groups are those of scoring every candidate first, and the pairs that
    come up inside one group are never scored. A pair found gated keeps its two groups apart at
    once (no join can ever take both its events), so the other pairs across them are skipped too."""
    queue = []
    for (i, j), c in zip(pairs, cosines, strict=True):
        bound = score_bound(items[i], items[j], c, know, settings)
        if bound is not None and bound >= settings.merge_threshold:
            queue.append((-bound, i, j, False, c))
    heapq.heapify(queue)
    return queue


def _cluster_component(items: list[EventItem], know: Knowledge, settings: StorySettings,
                       exhaustive: bool = False) -> list[list[EventItem]]:
    # word weights are learned from the component alone, so recomputing it alone gives the same result
    counts = gram_counts([it.words for it in items], know.stopwords)
    space = TextSpace([], counts=counts)
    pairs = _pairs(items, know, settings, exhaustive, counts)
    del counts
    queue = _merge_queue(items, pairs, space.cosines(pairs), know, settings)
    del pairs
    # whether a gate keeps each pair apart, by the pair's number (i * n + j), for the pairs
    # scored or judged so far (a busy year has hundreds of thousands of candidates)
    n = len(items)
    gate: dict[int, bool] = {}

    def apart(x: int, y: int) -> bool:
        a, b = min(x, y), max(x, y)
        got = gate.get(a * n + b)
        if got is None:  # not scored: judged only when two groups would join
            got = gate[a * n + b] = gated(items[a], items[b], lambda: space.cosines([(a, b)])[0], know, settings)
        return got

    groups: dict[int, list[int]] = {i: [i] for i in range(len(items))}
    where = list(range(len(items)))
    # groups found apart stay apart (a group only grows, and keeps the gated pair): a busy
    # happening's tellings meet another's many times, and each time is a lookup, not a recheck
    kept_apart: dict[int, set[int]] = {}

    def keep_apart(gi: int, gj: int) -> None:
        kept_apart.setdefault(gi, set()).add(gj)
        kept_apart.setdefault(gj, set()).add(gi)

    while queue:
        _, i, j, scored, cosine = heapq.heappop(queue)
        gi, gj = where[i], where[j]
        if gi == gj or gj in kept_apart.get(gi, ()):
            continue
        if not scored:  # its bound came up: score it, and queue it again by its score
            ps = score_pair(items[i], items[j], cosine, know, settings)
            gate[i * n + j] = ps is None
            if ps is None:  # a gated pair keeps its two groups apart for good: no need to wait
                keep_apart(gi, gj)
            elif ps.direct and ps.score >= settings.merge_threshold:
                heapq.heappush(queue, (-ps.score, i, j, True, cosine))
            continue
        if any(apart(x, y) for x in groups[gi] for y in groups[gj]):
            keep_apart(gi, gj)
            continue
        keep, gone = min(gi, gj), max(gi, gj)
        for x in groups[gone]:
            where[x] = keep
        groups[keep].extend(groups.pop(gone))
        for other in kept_apart.pop(gone, set()):
            kept_apart[other].discard(gone)
            kept_apart[other].add(keep)
            kept_apart.setdefault(keep, set()).add(other)
    return [[items[i] for i in sorted(g)] for _, g in sorted(groups.items())]


# ---------------------------------------------------------------- story events


def _dedupe_refs(refs: Iterable[ActorRef]) -> list[ActorRef]:
    seen: dict[str, ActorRef] = {}
    for r in refs:
        # an unnamed group counts by state and sector: Iraqi police and Iraqi protesters are two
        key = r.actor_id or (f"{r.country}{r.sector or ''}" if r.country else " ".join((r.name or "").casefold().split()))
        if key and key not in seen:
            seen[key] = ActorRef(r.name, r.actor_id, r.country, r.sector)
    return list(seen.values())


def _source(it: EventItem) -> StorySource:
    e = it.event
    return StorySource(it.doc_id, e.id, e.start, e.end, e.evidence, it.doc_name, e.sentence, it.sentence_text,
                       it.outlet, it.published, e.status, e.what, it.background, it.duplicate_of)


def story_event(group: Sequence[EventItem]) -> StoryEvent:
    """One story event from a group of events: every source sentence kept, once each."""
    group = sorted(group, key=lambda it: it.order)
    first = group[0]
    whats = Counter(it.event.what or it.event.plover_type for it in group if it.event.what or it.event.plover_type)
    what = sorted(whats.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] if whats else None
    statuses = {it.event.status for it in group}
    status = next((s for s in ("reported", "historical", "planned", "hoped") if s in statuses), "reported")
    dates: list[DateValue] = [it.event.date for it in group if it.event.date is not None]
    seen_sentences: set[tuple[str, Any]] = set()
    sources = []
    for it in group:
        key = (it.doc_id, it.event.sentence if it.event.sentence is not None else (it.event.start, it.event.end))
        if key in seen_sentences:
            continue
        seen_sentences.add(key)
        sources.append(_source(it))
    outlets = sorted({it.outlet for it in group if it.outlet})
    published = sorted(it.published for it in group if it.published)
    places = Counter(it.event.location for it in group if it.event.location)
    background = all(it.event.status == "historical" or it.background for it in group)
    return StoryEvent(
        id=_stable_id(first), what=what, date=finest(dates), status=status,
        source=_dedupe_refs(r for it in group for r in it.event.source),
        target=_dedupe_refs(r for it in group for r in it.event.target),
        location=sorted(places.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] if places else None,
        sources=sources, source_count=len({it.story_doc for it in group}), outlets=outlets,
        first_reported=published[0] if published else None, background=background)


def link_plans(plans: Sequence[tuple[StoryEvent, list[EventItem]]],
               done: Sequence[tuple[StoryEvent, list[EventItem]]],
               know: Knowledge, settings: StorySettings, exhaustive: bool = False) -> None:
    """Link each planned (or hoped) story event to the story events that carried it out: a
    happening dated no earlier than the plan was announced, of the same class or quad class,
    whose actors and clauses agree enough (``settings.link_threshold``)."""
    if not plans or not done:
        return
    flat = [it for _, g in plans for it in g] + [it for _, g in done for it in g]
    index = {id(it): n for n, it in enumerate(flat)}
    counts = gram_counts([it.words for it in flat], know.stopwords)
    space = TextSpace([], counts=counts)
    link_candidates = LinkIndex([it for _, g in done for it in g], flat, know.stopwords,
                                lambda it: _kinds(it.event, know), _ref_keys, exhaustive, counts)
    del counts
    # the cheap tests first, words for those left. A link needs the same class or quad class
    # (type agreement 0.6 or more), and actors in common, or one side with no actors to compare, or
    # clauses nearly alike (``link_candidates``): so each plan looks only at the happenings that
    # share such a key with it, not at every happening of its class in the component.
    owner = {id(d): si for si, (_, ditems) in enumerate(done) for d in ditems}

    def cands(linked: set[tuple[int, int]]) -> Iterator[tuple[int, int, EventItem, EventItem]]:
        # pairs of story events already linked are passed over before any test: a happening
        # told by many outlets, planned in many reports, is one link, not their product
        for pi, (_, pitems) in enumerate(plans):
            announced = min((parse_day(it.published) for it in pitems if it.published), default=None)
            for p in pitems:
                for d in link_candidates(p):
                    si = owner[id(d)]
                    if (pi, si) in linked or not _after(d, announced):
                        continue
                    t = type_agreement(p.event, d.event, know)
                    if t is not None and t >= 0.6:
                        yield pi, si, p, d

    for pi, si in sorted(_links(cands, space, index, know, settings)):
        plans[pi][0].happened_as.append(done[si][0].id)
        done[si][0].planned_as.append(plans[pi][0].id)


def _links(cands: Callable[[set[tuple[int, int]]], Iterable[tuple[int, int, EventItem, EventItem]]],
           space: TextSpace, index: dict[int, int], know: Knowledge,
           settings: StorySettings) -> set[tuple[int, int]]:
    """The (plan, happening) story events linked: those with a pair of tellings among
    ``cands(linked)`` (which may leave out the pairs of story events in ``linked``) that scores
    the link threshold.

    Why in two passes: a plan and a happening are one link however many of their tellings agree,
    so once one pair does, the others of those two are not scored (a happening told by many
    outlets, planned in many reports, is one link, not the product of its tellings). And a
    cosine only adds to a score and helps a pair through the word gates, so a pair that links
    with no words counted links with them: the first pass scores the pairs with a cosine of
    0, the second computes cosines only for the pairs of story events still unlinked."""
    linked: set[tuple[int, int]] = set()
    left = []
    for pi, si, p, d in cands(linked):
        if (pi, si) in linked:
            continue
        sig = _signals(p, d, know, settings, True)
        if sig is None:
            continue
        ps = _scored(p, d, sig, 0.0, settings, True)
        if ps is not None and ps.score >= settings.link_threshold:
            linked.add((pi, si))
        else:
            left.append((pi, si, p, d, sig))
    left = [x for x in left if (x[0], x[1]) not in linked]
    cosines = space.cosines([(index[id(p)], index[id(d)]) for _, _, p, d, _ in left])
    for (pi, si, p, d, sig), c in zip(left, cosines, strict=True):
        if (pi, si) not in linked:
            ps = _scored(p, d, sig, c, settings, True)
            if ps is not None and ps.score >= settings.link_threshold:
                linked.add((pi, si))
    return linked


def _kinds(event: Event, know: Knowledge) -> list[tuple[str, str]]:
    """Keys under which two events agree in type by 0.6 or more: the same class, or the same
    quad class (``type_agreement`` without ``onset``)."""
    what = event.what or event.plover_type
    quad = know.quad(what)
    return ([("class", what.upper())] if what else []) + ([("quad", quad)] if quad else [])


def _after(done: EventItem, announced: date | None) -> bool:
    """Whether a happening can carry out a plan announced on ``announced``: dated after that
    day, or (undated) told by an article published after it. Same-day reports cannot be told
    apart from the talks that made the plan, so they do not count."""
    if announced is None:
        return True
    if done.span is not None and done.span.exact:
        return done.span.last > announced
    published = parse_day(done.published)
    return published is not None and published > announced


def build_story_events(items: Sequence[EventItem], know: Knowledge, settings: StorySettings,
                       exhaustive: bool = False) -> list[StoryEvent]:
    """Story events from event items: merged within what happened and within what was
    intended, plans linked to their outcomes. Negated events ("did not sign") are left out:
    they report that something did not happen. ``exhaustive``: every pair scored (see ``cluster``)."""
    items = [it for it in items if not it.event.negated]
    with_spans(items, settings)
    for it in items:
        it.onset = know.tells_onset(it)
    actual = [it for it in items if it.event.status not in INTENDED]
    intended = [it for it in items if it.event.status in INTENDED]
    done = [(story_event(g), g) for g in cluster(actual, know, settings, exhaustive)]
    plans = [(story_event(g), g) for g in cluster(intended, know, settings, exhaustive)]
    # plans are linked within each group of events that share date buckets, like the merging:
    # so the links (and the word weights that score them) of a group depend on that group
    # alone, and an update that recomputes only the groups it touches gives what a rebuild gives
    everything = sorted(items, key=lambda it: it.order)
    group_of = {id(everything[i]): n for n, comp in enumerate(components(everything)) for i in comp}
    by_group: dict[int, tuple[list[tuple[StoryEvent, list[EventItem]]], list[tuple[StoryEvent, list[EventItem]]]]] = {}
    for kind, told in ((0, plans), (1, done)):
        for story, group in told:
            by_group.setdefault(group_of[id(group[0])], ([], []))[kind].append((story, group))
    for n in sorted(by_group):
        link_plans(*by_group[n], know, settings, exhaustive)
    out = [s for s, _ in done] + [s for s, _ in plans]
    return sorted(out, key=chronological)


def chronological(s: StoryEvent) -> tuple[date, str, str]:
    span = event_span(s.date, s.status, parse_day(s.first_reported))
    return (span.first if span and span.exact else parse_day(s.first_reported) or date.max,
            s.first_reported or "", s.id)
