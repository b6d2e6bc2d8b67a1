"""Questions later stages ask about a linked document: which mention covers these words, what
actor does it stand for, what does "he" or "the sides" refer to.

The quotes and events stages call these rather than reading ``Document.mentions`` themselves, so
how mentions chain (a pronoun to its antecedent, a collective to its members) is decided in one
place.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..model import ActorRef, Document, Mention


def mentions_in(doc: Document, start: int, end: int) -> list[Mention]:
    """Mentions overlapping the character span [start, end), in text order."""
    return [m for m in doc.mentions if m.start < end and start < m.end]


def actor_at(doc: Document, start: int, end: int | None = None) -> Mention | None:
    """The mention covering a span (or a token): the smallest mention containing it, else the
    one overlapping it most. Mentions that are places come last."""
    end = start + 1 if end is None else max(end, start + 1)
    best: tuple[tuple, Mention] | None = None
    for m in doc.mentions:
        if m.end <= start or end <= m.start:
            continue
        contains = m.start <= start and end <= m.end
        overlap = min(end, m.end) - max(start, m.start)
        key = (m.kind != "place", contains, -((m.end - m.start) if contains else 0), overlap)
        if best is None or key > best[0]:
            best = (key, m)
    return best[1] if best else None


def resolve_chain(doc: Document, mention: Mention) -> Mention:
    """Follow a pronoun or role reference back to the mention that named its actor."""
    seen = set()
    m = mention
    while m.antecedent is not None and m.antecedent not in seen and 0 <= m.antecedent < len(doc.mentions):
        seen.add(m.antecedent)
        nxt = doc.mentions[m.antecedent]
        if m.actor_id and nxt.actor_id != m.actor_id:
            break
        m = nxt
    return m


def _actor_name(doc: Document, actor_id: str | None) -> str | None:
    if not actor_id:
        return None
    for a in doc.actors:
        if a.id == actor_id:
            return a.name
    return None


def mention_ref(doc: Document, mention: Mention) -> ActorRef:
    """The ActorRef a quote or an event records for a mention: the linked actor's name and codes,
    or, for an unlinked mention, the words that describe it ("a source in the defense Ministry of
    the NKR"), followed back through pronouns."""
    origin = resolve_chain(doc, mention)
    name = _actor_name(doc, mention.actor_id) or origin.role or origin.text
    if not mention.actor_id and origin is not mention and origin.text:
        name = _actor_name(doc, origin.actor_id) or origin.text
    return ActorRef(name=name, actor_id=mention.actor_id or origin.actor_id,
                    country=mention.country or origin.country, sector=mention.sector or origin.sector,
                    start=mention.start, end=mention.end, text=mention.text)


def collective_refs(doc: Document, mention: Mention) -> list[ActorRef]:
    """The members a collective mention ("the sides", "the co-chairs") stands for."""
    out = []
    for aid in mention.refs:
        name = _actor_name(doc, aid) or aid
        a = next((x for x in doc.actors if x.id == aid), None)
        out.append(ActorRef(name=name, actor_id=aid, country=a.country if a else aid,
                            sector=a.sector if a else None, start=mention.start, end=mention.end,
                            text=mention.text))
    return out


def refs_of(doc: Document, mentions: Iterable[Mention]) -> list[ActorRef]:
    """ActorRefs for a list of mentions, collectives expanded to their members."""
    out: list[ActorRef] = []
    for m in mentions:
        if m.kind == "collective" and m.refs:
            out.extend(collective_refs(doc, m))
        else:
            out.append(mention_ref(doc, m))
    return out


def pronoun_antecedent(doc: Document, start: int) -> Mention | None:
    """What the pronoun at character ``start`` was resolved to (None if it was not)."""
    for m in doc.mentions:
        if m.kind == "pronoun" and m.start == start:
            return resolve_chain(doc, m)
    return None
