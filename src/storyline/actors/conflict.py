"""The sides of a document's conflict: the pair of states the article presents as fighting,
mediators left out.

Why computed from the document: "the warring sides" means whoever the article presents as
fighting, and articles name them together ("between Baku and Yerevan", "Armenia and
Azerbaijan"). The cascade (``conflict_parties``):

1. every coordination of two or more state mentions (or armed groups and movements, under their
   state: "Israel and Hamas") in a sentence counts for the pair(s) it names, a pair more than a
   run of three or more, three times as much in a sentence about the conflict (its words:
   ``conflict``, ``conflict_nouns``, ``conflict_context``), and twice as much where it is the
   object of "between" (what is between them, not what they do together);
2. a collective mention whose words name its members' states ("the presidents of Azerbaijan and
   Armenia") counts like a coordination;
3. a state the text calls a mediator (``mediator_words``: "Russia, as a mediator", "Russian
   mediation") is no side wherever another pair is named, nor is a pair of two unrecognized
   states ("Abkhazia and South Ossetia": the breakaways of one state, named as a kind);
4. the pair counted most wins, each side named by the state itself where the article names it,
   else by whoever acts for it.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from spacy.attrs import DEP, HEAD, LEMMA

from ..model import ActorRef
from ..parse import token_table

if TYPE_CHECKING:
    from .resolve import ActorResolver

Token = Any  # spacy.tokens.Token

#: Prepositions on the way from a mediator word to the state it describes ("the co-chairs of the
#: Minsk Group, Russia ...", "mediation by Qatar", "Russia as a mediating country").
MEDIATOR_PREPS = frozenset({"of", "by", "from", "as"})


def conflict_parties(res: ActorResolver) -> list[ActorRef]:
    """The pair of states the article presents as the sides of its conflict.

    Pairs named together count; more in a sentence about the conflict (fighting, a ceasefire,
    prisoners: "Baku and Yerevan must exchange prisoners") than in one about their trade; a
    run of three or more counts less than a pair. A state the article calls a mediator
    ("Russia, as a mediator to the conflict", "Russian mediation", "the co-chairs ... Russia,
    France and the U.S.") is a third party, not a side, wherever another pair is named."""
    pairs: Counter[tuple[str, str]] = Counter()
    names: dict[str, ActorRef] = {}
    anyone: dict[str, ActorRef] = {}
    war_words = res.conflict_words | {w.lower() for w in res.cfg.get("conflict_nouns", [])} | \
        {w.lower() for w in res.cfg.get("conflict_context", [])}
    mediators: set[str] = set()
    sdoc = res.sdoc
    war, hyphenated, coordinating = _token_scan(sdoc, war_words)
    for sent in sdoc.sents:
        # a pair named in a sentence about fighting ("the conflict between Armenia and
        # Azerbaijan") counts for more than one named in a sentence about their trade
        fighting = any(war[sent.start:sent.end])
        mediator_words = [sdoc[i] for i in range(sent.start, sent.end) if hyphenated[i] in res.mediator_words]
        # a token heads a coordination only with a conjunct to its right; a mediator word asks about every token
        for tok in sent if mediator_words else (sdoc[i] for i in range(sent.start, sent.end) if i in coordinating):
            if mediator_words and any(_mediator_of(res, tok, m) for m in mediator_words):
                mediators.update(mm.country for mm in res._covering(tok) if mm.country)
            members = [tok, *[c for c in tok.conjuncts if c.i > tok.i]]
            if len(members) < 2 or tok.dep_ == "conj":
                continue
            states = []
            for m in members:
                for mm in res._covering(m) + [x for c in m.children if c.dep_ in ("amod", "compound")
                                               for x in res._covering(c)]:
                    if mm.country and (mm.kind in ("name", "metonym", "demonym") or not mm.actor_id
                                       or _armed_group(res, mm.actor_id)):
                        key = mm.country or mm.text
                        anyone.setdefault(key, res.ref(mm))
                        if key not in names or names[key].actor_id is None:
                            actor = res.actors.get(mm.actor_id) if mm.actor_id else None
                            if actor is None or actor.kind == "state":
                                names[key] = res.ref(mm)
                        states.append(key)
                        break
            _count(pairs, states, fighting, between=tok.dep_ == "pobj" and tok.head.lower_ == "between")
        # "the presidents of Azerbaijan and Armenia": a collective that names its members' states
        for m in res.mentions:
            if m.kind == "collective" and len(m.refs) >= 2 and sent.start_char <= m.start < sent.end_char:
                span = res.sdoc.char_span(m.start, m.end, alignment_mode="expand")
                if span is None or not any(t.ent_type_ in ("GPE", "NORP") for t in span):
                    continue  # "the two parties" names no one: it refers to a pair found elsewhere
                members = [res.actors[a] for a in m.refs if a in res.actors]
                for actor in members:
                    state = res.actors.get(actor.country or "")
                    if state is not None and state.kind == "state" and actor.country not in names:
                        names[actor.country] = ActorRef(name=state.name, actor_id=state.id, country=state.country)
                    if actor.country:
                        anyone.setdefault(actor.country, ActorRef(name=actor.name, actor_id=actor.id,
                                                                  country=actor.country, sector=actor.sector))
                _count(pairs, [a.country for a in members if a.country], fighting)
    if not pairs:
        return []
    sides = [p for p in pairs if not (set(p) & mediators)] or list(pairs)
    # "Abkhazia and South Ossetia": two breakaway entities named together are named as a kind
    # (the secessions of one state), on one side, not as each other's enemy
    sides = [p for p in sides if not all(_unrecognized(res, k) for k in p)] or sides
    a, b = max(sides, key=lambda p: pairs[p])
    # the state itself where the article names it, else whoever acts for it
    return [names.get(a) or anyone[a], names.get(b) or anyone[b]]


def _unrecognized(res: ActorResolver, key: str) -> bool:
    """A state of ``kind: unrecognized`` in states.yaml (Abkhazia, Transnistria, Nagorno-Karabakh)."""
    actor = res.actors.get(key)
    return actor is not None and actor.kind == "unrecognized"


def _armed_group(res: ActorResolver, actor_id: str | None) -> bool:
    """A non-state side ("Israel and Hamas", "the government and the ELN"): an armed group or a
    movement, counted under the state it fights in or for."""
    actor = res.actors.get(actor_id or "")
    return actor is not None and actor.kind in ("armed group", "movement")


def _count(pairs: Counter[tuple[str, str]], states: list[str], fighting: bool, between: bool = False) -> None:
    """Count the pairs of states named together: a pair more than a run of three or more, and a
    pair "between" which something is (a ceasefire, talks, a war) twice as much as a pair that
    only does something together ("Clinton and Amr announced ...")."""
    uniq = sorted(set(states))
    weight = (3 if fighting else 1) * (2 if len(uniq) == 2 else 1) * (2 if between else 1)
    for i in range(len(uniq)):
        for j in range(i + 1, len(uniq)):
            pairs[(uniq[i], uniq[j])] += weight


def _mediator_of(res: ActorResolver, tok: Token, word: Token) -> bool:
    """``tok`` names the one a mediator word describes: the word modifies it ("Russia as a
    mediating country", "Russia, as a mediator ..., welcomes"), or it names the mediator
    ("Russian mediation", "the facilitators of the talks, Norway and Cuba");
    never a party the mediation is between ("mediation between Baku and Yerevan")."""
    if tok.i == word.i or not res._covering(tok):
        return False
    # "Russia, as a mediator, welcomes": the "as" phrase on the verb of which tok is the subject
    up = word.head
    if up.lower_ == "as" and word.dep_ == "pobj":
        gov = up.head
        if gov.i == tok.i or (tok.dep_ in ("nsubj", "nsubjpass") and tok.head.i == gov.i):
            return True
    lower, upper = (word, tok) if tok in word.ancestors else (tok, word) if word in tok.ancestors else (None, None)
    if lower is None:
        return False
    t = lower
    while t.i != upper.i:
        if t.pos_ in ("VERB", "AUX") or t.dep_ in ("relcl", "acl", "advcl", "ccomp", "nsubj", "dobj"):
            return False
        if t.dep_ == "prep" and t.lower_ not in MEDIATOR_PREPS:
            return False
        t = t.head
    return True


def _token_scan(sdoc: Any, war_words: set[str]) -> tuple[list[bool], list[str], set[int]]:
    """Per token of the document, read from spaCy's arrays with no Token made: whether it is a
    word about fighting (its form or lemma in ``war_words``), the word with the one before a
    hyphen the tokenizer split off ("co - chairs" is "co-chairs"), and the tokens with a conjunct
    to their right that are no conjunct themselves (the heads of coordinations)."""
    table = token_table(sdoc)
    lower, starts, ends = table.lower, table.starts, table.ends
    strings = sdoc.vocab.strings
    conj = strings["conj"]
    rows = sdoc.to_array([LEMMA, DEP, HEAD]).tolist()
    war = [strings[r[0]].lower() in war_words or low in war_words for r, low in zip(rows, lower, strict=True)]
    hyphenated = [f"{lower[i - 2]}-{low}" if i >= 2 and lower[i - 1] in ("-", "‑") and starts[i - 1] == ends[i - 2]
                  else low for i, low in enumerate(lower)]
    coordinating: set[int] = set()
    for i, (_, dep, head) in enumerate(rows):
        head = (head - (1 << 64) if head >= 1 << 63 else head) + i  # HEAD: the head's offset, unsigned
        if dep == conj and head < i:
            coordinating.add(head)
    return war, hyphenated, {i for i in coordinating if rows[i][1] != conj}
