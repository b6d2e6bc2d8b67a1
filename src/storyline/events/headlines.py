"""Acts told in headline style: "Sudan, Chad agree truce", "Ceasefire agreed in Darfur",
"Prisoner swap: 64 soldiers returned".

Headlinese drops auxiliaries and articles and tells past news in the present tense. The cleaner
takes a page's first headline-like line as its title and out of the text, but a headline the
cleaner did not recognise (a second headline line, a subheading, a page whose title came in the
container and is repeated with changes) stays in ``Document.text`` and is coded like a sentence.
Read as prose, its present tense is habitual (a material act in the simple present is history in
``status.py``) and its bare participle an active past ("64 soldiers returned" as the soldiers
going back). The rules here, in order:

1. ``headline``: a sentence is a headline when it is a whole line of its own, short
   (``MAX_WORDS``), with no final stop;
2. ``bare_participle``: in a headline, a past form with no auxiliary and no object is a passive
   past ("Ceasefire agreed in Darfur" = a ceasefire was agreed): its subject is what the act was
   done to, never its doer; a thing ("Ceasefire") is no participant at all;
3. ``news_tense``: in a headline, a verb in the present tense or a bare participle tells the
   article's news (status reported, dated like the news), unless a date of its own or a future
   ("will") says otherwise; ``headline_future``: an infinitive that is the headline's predicate
   ("Chad, Sudan to meet in Doha") is the headlinese future (planned);
4. the coder marks a headline's act as a reference, so that the body's clause telling the same
   act takes it over as the event's evidence (``merge._take_clause``) and it is not counted twice.
"""

from __future__ import annotations

from typing import Any

from ..parse import text_of

Token = Any

#: A headline has at most this many words; a longer line without a final stop is a sentence
#: whose stop the page lost.
MAX_WORDS = 16
#: What ends a sentence rather than a headline.
FINAL_STOPS = frozenset({".", "!", "?", "…"})
#: Closing marks that may follow a final stop ('... he said."').
CLOSERS = frozenset({'"', "'", "”", "’", ")", "»"})
#: Dependants that make a verb's past form finite or passive already.
AUX_DEPS = frozenset({"aux", "auxpass"})
#: Objects: with one, a past form is an active past ("Sudan freed 20 soldiers").
OBJECT_DEPS = frozenset({"dobj", "dative", "attr", "oprd"})


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    return lo, len(text) if hi < 0 else hi


def headline(sent: Any) -> bool:
    """The sentence (a spaCy span) is a headline: a line of its own, short, no final stop.
    Worked out once per sentence of a document: every candidate of a sentence asks again."""
    cache = sent.doc.user_data.setdefault("storyline_headlines", {})
    key = (sent.start, sent.end)
    found = cache.get(key)
    if found is None:
        found = cache[key] = _headline(sent)
    return found  # type: ignore[no-any-return]


def _headline(sent: Any) -> bool:
    words = [t for t in sent if not (t.is_space or t.is_punct)]
    shown = [t for t in sent if not t.is_space]
    if not words or len(words) > MAX_WORDS:
        return False
    text = text_of(sent.doc)  # joined once per document, not at every sentence
    start, end = shown[0].idx, shown[-1].idx + len(shown[-1].text)
    lo, hi = _line_bounds(text, start, end)
    if text[lo:start].strip() or text[end:hi].strip():
        return False
    last = [t for t in shown if t.text not in CLOSERS]
    return bool(last) and last[-1].text not in FINAL_STOPS


def bare_participle(head: Token) -> bool:
    """A past form in a headline with a subject, no auxiliary and no object (rule 2)."""
    if head.tag_ not in ("VBN", "VBD") or not headline(head.sent):
        return False
    kids = list(head.children)
    return any(k.dep_ == "nsubj" for k in kids) and not any(k.dep_ in AUX_DEPS | OBJECT_DEPS for k in kids)


def news_tense(head: Token) -> bool:
    """A headline's verb tells the article's news (rule 3): a present tense or a bare past form,
    not an infinitive or a future ("Turkey, Russia to meet", "will sign")."""
    if not headline(head.sent) or any(k.dep_ in AUX_DEPS for k in head.children):
        return False
    return head.tag_ in ("VBZ", "VBP") or bare_participle(head) or (head.tag_ == "VBD" and head.dep_ == "ROOT")


def headline_future(head: Token) -> bool:
    """"Chad, Sudan to meet in Doha": a headline's infinitive with no verb above it is planned."""
    if head.tag_ != "VB" or not any(k.dep_ == "aux" and k.lower_ == "to" for k in head.children):
        return False
    return (head.dep_ == "ROOT" or head.head.pos_ in ("NOUN", "PROPN")) and headline(head.sent)


def headline_status(head: Token, status: str, dated: bool) -> str:
    """The status of an act told in a headline (rule 3), given the one prose rules gave it and
    whether the clause has a date of its own."""
    if headline_future(head):
        return "planned"
    if status == "historical" and not dated and news_tense(head):
        return "reported"
    return status


def passive_roles(c: Any) -> None:
    """Rule 2 on a candidate whose roles are read: its subject becomes its target where it is an
    actor or a group ("64 soldiers returned" names those released), and no participant where it
    is a thing ("Ceasefire agreed")."""
    if c.trig.kind != "verb" or not bare_participle(c.head):
        return
    c.target = [*c.target, *(r for r in c.source if (r.actor_id or r.country or r.sector) and r not in c.target)]
    c.source = []


def in_headline(c: Any) -> bool:
    """The candidate's act is told in a headline (rule 4: a reference to the body's act)."""
    return c.trig.kind == "verb" and headline(c.head.sent)
