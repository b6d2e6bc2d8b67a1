"""One event per action: a restatement adds evidence to the event it restates.

Wire stories say the news two or three times: in the lead, in a quotation ("We are glad the two
leaders are talking again"), and in a closing line ("the envoy again called on both sides to
hold their fire"). Coding each as an event counts one action several
times, which is what makes GDELT's counts unreliable. Here a later event of the same class, status
and participants, close by (or inside a quotation by the same actor), becomes evidence of the
first (``Event.evidence_more``).
"""

from __future__ import annotations

from ..model import ActorRef, Document, Event, Evidence
from .restating import shares_content
from .status import period

#: How many sentences apart a restatement may be from the event it restates.
WINDOW = 4


def _same(a: ActorRef, b: ActorRef, armed: frozenset[str] = frozenset()) -> bool:
    """One participant told twice: the same actor, or a state and someone acting for it (Russia
    and its foreign minister). Two different people of one state are not the same participant:
    Putin's appeal and Lukashevich's appeal are two acts."""
    if a.actor_id and b.actor_id and a.actor_id == b.actor_id:
        return True
    if a.name.lower() == b.name.lower():
        return True
    if not (a.country and b.country and a.country == b.country):
        return False
    if a.sector in armed and a.sector == b.sector and (a.actor_id is None or b.actor_id is None):
        return True  # "government forces" (of Syria, by the text) and "the Syrian Army": one armed group
    return _statelike(a) or _statelike(b)


def _statelike(r: ActorRef) -> bool:
    return r.sector is None or (r.actor_id is not None and r.actor_id.lower() == (r.country or "").lower())


def _overlap(a: list[ActorRef], b: list[ActorRef], armed: frozenset[str] = frozenset()) -> bool:
    return any(_same(x, y, armed) for x in a for y in b)


def _within(a: list[ActorRef], b: list[ActorRef], armed: frozenset[str] = frozenset()) -> bool:
    return all(any(_same(x, y, armed) for y in b) for x in a)


def _compatible_actors(k: Event, e: Event, joint: frozenset[str] | set[str] = frozenset(),
                       armed: frozenset[str] = frozenset()) -> bool:
    """The two events have the same participants, or one names a part of the other's ("Russia
    will consult with Turkey" is not "Russia, Azerbaijan and Armenia will hold a meeting")."""
    pk, pe = k.source + k.target, e.source + e.target
    if not _overlap(pk, pe, armed) or not (_within(pe, pk, armed) or _within(pk, pe, armed)):
        return False
    if k.what in joint:
        return True  # either side of consultations may tell them
    return not (k.source and e.source and not _overlap(k.source, e.source, armed)
                and not _overlap(k.source, e.target, armed))


def _stated(e: Event) -> bool:
    """A date the text gives the clause, not one inferred from the document's date."""
    return e.date is not None and not (e.date.method or "").startswith("document")


def _compatible_dates(k: Event, e: Event) -> bool:
    pk = period(k.date.value) if _stated(k) else None
    pe = period(e.date.value) if _stated(e) else None
    if pk is None or pe is None:
        return True
    return pk[0] <= pe[1] and pe[0] <= pk[1]


def restates(k: Event, e: Event, doc: Document, reference: bool = False,
             joint: frozenset[str] | set[str] = frozenset(), armed: frozenset[str] = frozenset(),
             onset: bool = False, addition: bool = False) -> bool:
    """True where ``e`` says again what ``k`` said. A ``reference`` ("Turkey's offensive") names
    an act already told, whatever the tense it is told in. A ``joint`` class (consultations: "A
    consulted B" is "B consulted A") may be told again with its sides the other way round. An
    unnamed group of an ``armed`` sector is the same participant as the linked one of its state
    and sector ("government forces" of Syria and "the Syrian Army"). An ``onset`` with a date of
    its own ("fighting resumed on September 27") begins a new episode of what was told without one
    ("the two countries have fought for decades"). An ``addition`` ("had *also* levied sanctions")
    tells another act of the same kind."""
    if addition or k.what != e.what or (k.status != e.status and not reference):
        return False
    if onset and _stated(e) and not _stated(k):
        return False
    if not (_compatible_actors(k, e, joint, armed) and _compatible_dates(k, e)):
        return False
    if k.sentence is not None and e.sentence is not None and abs(e.sentence - k.sentence) <= WINDOW:
        return True
    # a joint act is its sides' together: either may tell it again ("Within the framework of the
    # consultations, issues ... were discussed", quoted from one side of consultations told before)
    doers = k.source + k.target if k.what in joint else k.source
    if e.quote is not None and _overlap(doers, e.source):
        return True
    # far apart: the same act by the same actors to the same actors ("Putin urged both sides to
    # observe the ceasefire" in the lead and again in the closing line)
    if not (doers and e.source and _overlap(doers, e.source)):
        return False
    if k.what in joint:  # "Hajiyev, following the consultations with Zakharova": the sides the other way round
        return not e.target or _overlap(doers, e.target)
    return not (k.target and e.target) or _overlap(k.target, e.target)


def _own_date(e: Event) -> bool:
    """The clause's own words date it ("on Friday"), not its paragraph, lead or document."""
    return e.date is not None and (e.date.method or "").startswith("text:")


def _episode(k: Event, e: Event, wholes: set[str] | frozenset[str]) -> bool:
    """``e``, dated in its own words ("killed during the clashes on Friday"), is one episode of
    the fighting ``k`` names by a noun without a date of its own ("stand by them in the
    clashes"): an act of its own, neither a part nor a restatement of the whole."""
    return k.id in wholes and _own_date(e) and not _own_date(k)


def _same_sides(k: Event, e: Event, armed: frozenset[str] = frozenset()) -> bool:
    """The two events have the same doers (or, where one names none, participants), each among the
    other's: "A and B met in Paris" and "the meeting was the first between A and B" (Paris, read
    as whom the two met, is no side of the meeting)."""
    pk, pe = (k.source, e.source) if k.source and e.source else (k.source + k.target, e.source + e.target)
    return _within(pk, pe, armed) and _within(pe, pk, armed)


def _part_of(k: Event, e: Event) -> bool:
    """``e`` tells more of the act ``k`` ("who was also killed in the airstrike" after "forces
    killed Soleimani in an airstrike"): the same class, by the same doer (or by no one named)."""
    return k.what == e.what and bool(k.source) and (not e.source or _overlap(k.source, e.source)) \
        and _compatible_dates(k, e)


def _take_clause(named: Event, told: Event, doc: Document) -> None:
    """An act named by a noun first ("the agreement between A and B", a headline's "Prisoner
    swap") and told by a clause after: the clause is the event's evidence and gives its date where
    the noun had none; the noun stays as a restatement."""
    named.evidence_more.append(Evidence(named.start, named.end, named.evidence, doc.id, named.sentence,
                                        "restatement"))
    named.evidence_more.extend(told.evidence_more)
    named.start, named.end, named.evidence, named.sentence = told.start, told.end, told.evidence, told.sentence
    named.trigger = told.trigger
    if _stated(told) or named.date is None:
        named.date = told.date
    for side in ("source", "target"):
        if getattr(told, side):
            setattr(named, side, getattr(told, side))


def merge_events(events: list[Event], doc: Document, references: set[str] | frozenset[str] = frozenset(),
                 joint: set[str] | frozenset[str] = frozenset(), parts: set[str] | frozenset[str] = frozenset(),
                 armed: frozenset[str] = frozenset(), onsets: set[str] | frozenset[str] = frozenset(),
                 additions: set[str] | frozenset[str] = frozenset(),
                 wholes: set[str] | frozenset[str] = frozenset(),
                 function_words: set[str] | frozenset[str] = frozenset(),
                 content_classes: set[str] | frozenset[str] = frozenset(),
                 named: set[str] | frozenset[str] = frozenset(),
                 exact: set[str] | frozenset[str] = frozenset()) -> list[Event]:
    """The events with each restatement folded into the event it restates; ``references`` are
    the ids of events named by a noun ("the United States' killing of Soleimani"); ``joint`` the
    classes whose sides may be told either way round; ``parts`` the ids of events that name the
    act they belong to ("killed in the airstrike"), whose participants join that act's;
    ``wholes`` the ids of fighting named by a noun ("the clashes"), of which a dated clause tells
    an episode (``_episode``); ``function_words`` the words that never make two clauses one act
    of the ``content_classes`` (``restating.shares_content``), unless one is ``named`` by its noun
    ("the agreement reached by the parties": the act told again by name); ``exact`` the ids of
    occasions told with their own sides ("the meeting was the first between A and B"), which
    restate only an act of the same sides, not the wider talks they were part of."""
    kept: list[Event] = []
    for e in sorted(events, key=lambda e: (e.start, e.end)):
        if e.id in parts:
            # the act it names, told as the same news: "killed during the clashes on Friday" is no
            # part of "the clashes" a sentence before told as history, unless that names it by noun
            whole = next((k for k in reversed(kept) if _part_of(k, e) and not _episode(k, e, wholes)
                          and (k.status == e.status or k.id in references)), None)
            if whole is not None and whole.id in references and e.id not in references:
                _take_clause(whole, e, doc)
                references = references - {whole.id}
                continue
            if whole is not None:
                whole.evidence_more.append(Evidence(e.start, e.end, e.evidence, doc.id, e.sentence, "restatement"))
                whole.target.extend(r for r in e.target if not _overlap([r], whole.target + whole.source))
                continue
        target = next((k for k in reversed(kept) if not _episode(k, e, wholes) and restates(
            k, e, doc, e.id in references, joint, armed, e.id in onsets, e.id in additions)
            and not ((k.id in exact or e.id in exact) and not _same_sides(k, e, armed))
            and (k.id in named or e.id in named or e.quote is not None
                 or shares_content(k, e, doc, function_words, content_classes))), None)
        if target is None:
            kept.append(e)
            continue
        direct = e.quote is not None and e.quote < len(doc.quotes) and doc.quotes[e.quote].kind != "reported"
        role = "quote" if direct else "restatement"
        if target.id in references and e.id not in references and not direct:
            _take_clause(target, e, doc)  # the clause that states the act, not the noun that names it
            references = references - {target.id}
            continue
        target.evidence_more.append(Evidence(e.start, e.end, e.evidence, doc.id, e.sentence, role))
        target.evidence_more.extend(e.evidence_more)
        for side in ("source", "target"):
            mine: list[ActorRef] = getattr(target, side)
            for r in getattr(e, side):
                if not mine:
                    mine.append(r)
        target.confidence = round(min(0.95, target.confidence + 0.05), 2)
    return kept
