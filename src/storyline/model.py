"""The records every stage reads and writes: one data model for the whole pipeline.

Why one module: a stage may only add to a document what this module can describe, so the store,
the exports and the CLI never meet a shape they do not know. Every extracted record carries
``start``/``end`` character offsets into ``Document.text`` (the cleaned text, which is stored), so
its evidence can always be shown again exactly.

Records are plain dataclasses. ``to_dict`` gives their JSON form (what ``storyline extract
--format json`` prints and what the store keeps); ``from_dict`` reads it back.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, TypeVar

from .errors import error_text

T = TypeVar("T")

#: Precisions a date value can have, from the vaguest to the finest.
PRECISIONS = ("century", "decade", "year", "season", "quarter", "month", "week", "day", "time")

#: Event statuses (see the events package): what the article reports as its news, background from
#: before it, what is announced for the future, and what is wished, urged or expected.
STATUSES = ("reported", "historical", "planned", "hoped")

#: Kinds of actor (``Actor.kind``); armed groups, movements and ethnic communities are linked as
#: organisations are, a place (a corridor, a crossing) only as where (actors/kbfile.py).
ACTOR_KINDS = ("person", "state", "organization", "group", "unknown", "armed group", "movement",
               "ethnic community", "place")


#: Values ``_plain`` returns as they are, tested first by exact type: most values of a record are.
_SCALARS = frozenset({str, int, float, bool, type(None)})


def _plain(value: Any) -> Any:
    if type(value) in _SCALARS:
        return value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return value.to_dict() if hasattr(value, "to_dict") else dataclasses.asdict(value)
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


class Record:
    """JSON round-trip shared by every record; fields starting with ``_`` stay in memory only."""

    def to_dict(self) -> dict[str, Any]:
        return {name: _plain(getattr(self, name)) for name in _public_fields(type(self))}

    @classmethod
    def from_dict(cls: type[T], data: dict[str, Any]) -> T:
        names = {f.name: f for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
        kwargs: dict[str, Any] = {}
        for key, value in data.items():
            if key not in names or key.startswith("_"):
                continue
            kwargs[key] = _revive(names[key], value)
        return cls(**kwargs)


@functools.cache
def _public_fields(klass: type) -> tuple[str, ...]:
    """The names of a record type's fields that ``to_dict`` writes, read once per type:
    ``dataclasses.fields`` builds its tuple again at every call, and an extracted document's
    records are written field by field (thousands per article)."""
    return tuple(f.name for f in dataclasses.fields(klass) if not f.name.startswith("_"))


def _revive(f: dataclasses.Field, value: Any) -> Any:
    """Turn nested dicts back into the record types named in a field's annotation."""
    hint = str(f.type)
    klass = _record_type(hint)
    if klass is not None:
        if isinstance(value, list):
            return [klass.from_dict(v) if isinstance(v, dict) else v for v in value]
        if isinstance(value, dict) and not hint.startswith("dict"):
            return klass.from_dict(value)
    return value


@functools.cache
def _record_type(hint: str) -> type | None:
    """The first record type a field's annotation names, found once per annotation (reading
    stored documents back revives millions of fields)."""
    for name, klass in _RECORD_TYPES.items():
        if re.search(rf"\b{name}\b", hint):
            return klass
    return None


# ---------------------------------------------------------------- dates


@dataclass
class DateValue(Record):
    """A resolved date: a TIMEX3-style ``value`` (``2016-04-02``, ``2018-07``, ``1988``,
    ``2014-SU``, ``PAST_REF`` ...) with how precise it is, how it was found and how sure we are.

    ``candidates`` keeps the other values the evidence allowed (e.g. ``["2008", ..., "2011"]``), so
    a reader sees when a date was a choice rather than a statement."""

    value: str
    precision: str = "day"
    method: str = ""  # e.g. "text:dateline", "metadata:jsonl", "inferred:weekday+office"
    confidence: float = 1.0
    evidence: str = ""
    candidates: list[str] = field(default_factory=list)


@dataclass
class TimeExpression(Record):
    """A temporal expression in the text, normalised relative to the document date."""

    start: int
    end: int
    text: str
    type: str = "DATE"  # DATE, TIME, DURATION, SET (TIMEX3 types)
    value: str | None = None  # TIMEX3 value: 2016-04-02, 2018-07, PT6H, FUTURE_REF ...
    precision: str | None = None
    mod: str | None = None  # TIMEX3 mod: BEFORE, AFTER, START, APPROX ...
    anchor: str | None = None  # what a relative value was resolved against ("document", a value)
    range_end: str | None = None  # for ranges ("1992-1994", "since 1992" -> open "PRESENT_REF")
    sentence: int | None = None


# ---------------------------------------------------------------- actors


@dataclass
class Role(Record):
    """An office or affiliation held for a period: Sergey Lavrov, RUS GOV, foreign minister,
    2004-03-09 to 2025. Dates are ISO strings of any precision, ``None`` for open ends."""

    country: str | None = None  # ISO alpha-3 or a body's code (OSCE, UN, EU ...)
    sector: str | None = None  # CAMEO/PLOVER sector: GOV, MIL, ELI, OPP, REB, IGO, MED ...
    title: str | None = None  # free text: "Minister of Foreign Affairs"
    office: str | None = None  # normalised office key: head_of_state, foreign_minister ...
    start: str | None = None
    end: str | None = None
    source: str = ""  # "petrarch2", "curated", "learned:<doc id>", a user's file

    def holds_on(self, date: str | None) -> bool:
        """True where the role's term overlaps ``date`` (an ISO date of any precision: "2014"
        overlaps a term that ends in March 2014). An unknown date, or an open end, matches."""
        if not date:
            return True
        d = date[:10]
        # compare at the precision both sides have: a term ending "2014" covers "2014-06-18"
        return ((self.start is None or self.start[:len(d)] <= d[:len(self.start)])
                and (self.end is None or d[:len(self.end)] <= self.end[:len(d)]))

    @property
    def code(self) -> str:
        return f"{self.country or ''}{self.sector or ''}"


@dataclass
class Actor(Record):
    """Someone or something that acts: a person, a state, an organisation, a group."""

    id: str
    name: str
    kind: str = "person"  # person, state, organization, group, unknown
    country: str | None = None
    sector: str | None = None
    aliases: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    source: str = ""

    @property
    def code(self) -> str:
        return f"{self.country or ''}{self.sector or ''}"

    def role_on(self, date: str | None) -> Role | None:
        """The role this actor held on ``date`` (the most specific of several)."""
        held = [r for r in self.roles if r.holds_on(date)]
        return held[-1] if held else None


@dataclass
class ActorRef(Record):
    """An actor as it takes part in a quote or an event: the linked actor (if any), its codes
    for the date in question, and the mention that named it."""

    name: str
    actor_id: str | None = None
    country: str | None = None
    sector: str | None = None
    start: int | None = None
    end: int | None = None
    text: str | None = None  # the words of the mention


@dataclass
class Mention(Record):
    """A stretch of text that refers to an actor."""

    start: int
    end: int
    text: str
    kind: str = "name"  # name, partial_name, role, metonym, demonym, pronoun, collective, organization
    actor_id: str | None = None
    country: str | None = None
    sector: str | None = None
    role: str | None = None  # role phrase that introduced it ("spokeswoman", "foreign minister")
    sentence: int | None = None
    confidence: float = 1.0
    refs: list[str] = field(default_factory=list)  # several actors for collective mentions
    antecedent: int | None = None  # index in Document.mentions this pronoun/role reference points back to


# ---------------------------------------------------------------- quotes and events


@dataclass
class Quote(Record):
    """A direct quotation (``kind="direct"`` or ``"partial"``) or a reported statement
    (``kind="reported"``: "Medvedev said that ..."), with its speaker."""

    start: int
    end: int
    text: str
    kind: str = "direct"
    speaker: ActorRef | None = None
    speaker_description: str | None = None  # "a source in the interior ministry of Moldova"
    cue: str | None = None  # the cue verb or phrase: "said", "according to", "was quoted as saying"
    cue_start: int | None = None
    cue_end: int | None = None
    date: DateValue | None = None
    sentence: int | None = None
    confidence: float = 1.0


@dataclass
class Evidence(Record):
    """One span of text supporting a record, possibly in another document (story events)."""

    start: int
    end: int
    text: str
    doc_id: str | None = None
    sentence: int | None = None
    role: str = "primary"  # primary, restatement, quote


@dataclass
class Event(Record):
    """Who did what to whom, when and where, with the words that say so."""

    id: str
    start: int
    end: int
    evidence: str
    trigger: str | None = None
    cameo: str | None = None
    plover_type: str | None = None
    plover_mode: str | None = None
    what: str | None = None  # the evaluation class: a PLOVER type, STATEMENT, VISIT or MEDIATE
    source: list[ActorRef] = field(default_factory=list)
    target: list[ActorRef] = field(default_factory=list)
    date: DateValue | None = None
    location: str | None = None
    # where ``location`` comes from: "text" (the clause names the place) or "dateline" (only the
    # article's dateline does, which says where it was written, not always where it happened)
    where_source: str | None = None
    status: str = "reported"
    negated: bool = False
    confidence: float = 0.5
    sentence: int | None = None
    quote: int | None = None  # index into Document.quotes where the event is said inside a quotation
    evidence_more: list[Evidence] = field(default_factory=list)  # restatements merged into it


# ---------------------------------------------------------------- documents


@dataclass
class Sentence(Record):
    start: int
    end: int
    paragraph: int = 0
    background: bool = False  # set by the story layer: a paragraph outlets repeat from story to story


@dataclass
class RawDocument(Record):
    """What a reader found, before cleaning: the decoded text (or HTML) and what the container
    said about it. ``origin`` names the file (and line) for error messages."""

    origin: str
    name: str  # the article's name for outputs: a file name or a JSONL record's id
    text: str
    kind: str = "text"  # text, html, jsonl
    metadata: dict[str, Any] = field(default_factory=dict)  # title, date, source, url, encoding ...


@dataclass
class Document(Record):
    id: str
    name: str
    origin: str
    text: str  # the cleaned article body (headline excluded); all offsets point into it
    title: str | None = None
    publisher: str | None = None
    publisher_evidence: str | None = None
    byline: str | None = None
    dateline: str | None = None  # the dateline's place: "Baku", "Moscow"
    dateline_date: str | None = None  # the dateline's date as written: "November 12", "July 27"
    published: DateValue | None = None
    url: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
    removed: list[str] = field(default_factory=list)  # boilerplate lines removed by cleaning
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)  # the actors this document's mentions link to
    timexes: list[TimeExpression] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    # what was done differently from the usual run ("characters 0-1,200,000 not parsed: ..."), and
    # the stages that did not run or were cut short ("events: failed: ValueError ..."): a document
    # with ``incomplete`` is stored with what the other stages found
    notes: list[str] = field(default_factory=list)
    incomplete: list[str] = field(default_factory=list)
    _spacy: Any = None  # the parsed spaCy Doc: in memory only, never stored

    @property
    def spacy(self) -> Any:
        """The parsed spaCy Doc (E001 where the parse stage has not run or its batch is over)."""
        if self._spacy is None:
            raise RuntimeError(error_text("E001", name=self.name))
        return self._spacy

    @spacy.setter
    def spacy(self, sdoc: Any) -> None:
        """Set by the parse stage; None drops the parse (it lives only as long as its batch)."""
        self._spacy = sdoc

    @property
    def parsed(self) -> bool:
        """Whether the spaCy parse is here (code that works without it reads ``doc.spacy`` only then)."""
        return self._spacy is not None

    def span(self, start: int, end: int) -> str:
        return self.text[start:end]

    def note(self, text: str) -> None:
        """Add a note once (a stage run again after a failed batch must not say it twice)."""
        if text not in self.notes:
            self.notes.append(text)

    def sentence_at(self, offset: int) -> int | None:
        for i, s in enumerate(self.sentences):
            if s.start <= offset < s.end:
                return i
        return None

    @property
    def date(self) -> str | None:
        """The document date value, if resolved (what relative dates are anchored to)."""
        return self.published.value if self.published else None


# ---------------------------------------------------------------- story (across documents)


@dataclass
class StorySource(Record):
    """One sentence, in one article, that tells a story event: where it is and who published it."""

    doc_id: str
    event_id: str
    start: int  # the event's evidence in the document's cleaned text
    end: int
    text: str
    doc: str | None = None  # the document's name (file name or record id)
    sentence: int | None = None
    sentence_text: str | None = None
    outlet: str | None = None
    published: str | None = None
    status: str = "reported"
    what: str | None = None
    background: bool = False  # the sentence is a background paragraph outlets repeat
    duplicate_of: str | None = None  # the canonical article, where this one is a near-copy of it


@dataclass
class StoryEvent(Record):
    """One real-world happening as several articles tell it: every source sentence kept."""

    id: str
    what: str | None = None
    date: DateValue | None = None
    status: str = "reported"
    source: list[ActorRef] = field(default_factory=list)
    target: list[ActorRef] = field(default_factory=list)
    location: str | None = None
    sources: list[StorySource] = field(default_factory=list)
    source_count: int = 0  # distinct articles telling it, near-copies counted once
    outlets: list[str] = field(default_factory=list)
    first_reported: str | None = None  # the earliest publication date among its articles
    background: bool = False  # told only as history or in repeated background paragraphs
    happened_as: list[str] = field(default_factory=list)  # planned: the story events that carried it out
    planned_as: list[str] = field(default_factory=list)  # the planned story events it carried out


_RECORD_TYPES: dict[str, type] = {
    "DateValue": DateValue,
    "TimeExpression": TimeExpression,
    "Role": Role,
    "ActorRef": ActorRef,
    "Actor": Actor,
    "Mention": Mention,
    "Quote": Quote,
    "Evidence": Evidence,
    "Event": Event,
    "Sentence": Sentence,
    "StorySource": StorySource,
}


def normalise_for_id(text: str) -> str:
    """The text as the document id sees it: Unicode NFKC, quote styles unified, whitespace
    collapsed, case folded. Two copies differing only in these are one document."""
    t = unicodedata.normalize("NFKC", text)
    t = t.translate(str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'"}))
    return " ".join(t.split()).casefold()


def content_id(text: str) -> str:
    """A document's id: derived from its normalised cleaned text, so reading an article twice,
    from a file or a JSON Lines record, gives the same id."""
    return hashlib.sha256(normalise_for_id(text).encode("utf-8")).hexdigest()[:16]


def role_key(role: Role) -> str:
    """The same role learned twice (from two articles) is one row of the store (``roles.role_key``)."""
    text = json.dumps(role.to_dict(), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
