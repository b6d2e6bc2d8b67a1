"""The quotes stage's word lists, read once per process from the lexicon files.

Why a typed view: the YAML files (``cue_verbs``, ``speakers``, ``quote_marks``) are what users
extend; the stage wants sets and tuples it can test a token against, built once per ``Context``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..errors import StorylineError
from .marks import MarkTable


@dataclass(frozen=True)
class QuoteLexicon:
    verbs: frozenset[str]  # single-word cue lemmas
    phrasal: dict[str, frozenset[str]]  # cue lemma -> particles it needs ("point" -> {"out"})
    report_verbs: frozenset[str]
    quotation_only: frozenset[str]
    passive_quoting: frozenset[str]
    according_to: tuple[tuple[str, ...], ...]
    document_nouns: frozenset[str]
    anonymous: frozenset[str]
    roles: frozenset[str]
    person_pronouns: frozenset[str]
    group_pronouns: frozenset[str]
    institutions: tuple[str, ...]
    honorifics: frozenset[str]
    seats: dict[str, dict[str, str]]
    marks: MarkTable
    body_nouns: frozenset[str] = frozenset()
    general_body_nouns: frozenset[str] = frozenset()
    document_carriers: frozenset[str] = frozenset()
    issuing_verbs: frozenset[str] = frozenset()
    group_naming: tuple[str, ...] = ()  # "known as", "dubbed": a group's name follows
    counterpart_nouns: frozenset[str] = frozenset()  # "his Greek counterparts": officials by their states
    first_person: frozenset[str] = frozenset()  # "I": a paragraph in a speaker's own voice
    partitive_pronouns: frozenset[str] = frozenset()  # "one said": one of a group named before

    def is_cue(self, lemma: str, particles: set[str] | frozenset[str] = frozenset()) -> bool:
        lemma = lemma.lower()
        if lemma in self.verbs:
            return True
        need = self.phrasal.get(lemma)
        return bool(need and need & set(particles))


def _words(values: Any, where: str) -> list[str]:
    if values is None:
        return []
    if not isinstance(values, list):
        raise StorylineError("E510", where=where, kind=type(values).__name__)
    return [str(v).strip().lower() for v in values if str(v).strip()]


def build(cues: dict[str, Any], speakers: dict[str, Any], marks: dict[str, Any]) -> QuoteLexicon:
    verbs: set[str] = set()
    phrasal: dict[str, set[str]] = {}
    for entry in _words(cues.get("verbs"), "cue_verbs.verbs"):
        parts = entry.split()
        if len(parts) == 1:
            verbs.add(parts[0])
        else:
            phrasal.setdefault(parts[0], set()).update(parts[1:])
    according = tuple(tuple(str(w).lower() for w in p) if isinstance(p, list) else tuple(str(p).lower().split())
                      for p in cues.get("according_to") or [])
    pronouns = speakers.get("pronouns") or {}
    seats = {str(k).upper(): {str(o): str(n) for o, n in (v or {}).items()}
             for k, v in (speakers.get("seats") or {}).items()}
    return QuoteLexicon(
        verbs=frozenset(verbs),
        phrasal={k: frozenset(v) for k, v in phrasal.items()},
        report_verbs=frozenset(_words(cues.get("report_verbs"), "cue_verbs.report_verbs")),
        quotation_only=frozenset(_words(cues.get("quotation_only"), "cue_verbs.quotation_only")),
        passive_quoting=frozenset(_words(cues.get("passive_quoting"), "cue_verbs.passive_quoting")),
        according_to=according,
        document_nouns=frozenset(_words(cues.get("document_nouns"), "cue_verbs.document_nouns")),
        anonymous=frozenset(_words(speakers.get("anonymous"), "speakers.anonymous")),
        roles=frozenset(_words(speakers.get("roles"), "speakers.roles")),
        person_pronouns=frozenset(_words(pronouns.get("person"), "speakers.pronouns.person")),
        group_pronouns=frozenset(_words(pronouns.get("group"), "speakers.pronouns.group")),
        institutions=tuple(sorted(_words(speakers.get("institutions"), "speakers.institutions"),
                                  key=len, reverse=True)),
        seats=seats,
        honorifics=frozenset(w.rstrip(".") for w in _words(speakers.get("honorifics"), "speakers.honorifics")),
        marks=MarkTable.from_lexicon(marks or {}),
        body_nouns=frozenset(_words(speakers.get("body_nouns"), "speakers.body_nouns")),
        general_body_nouns=frozenset(_words(speakers.get("general_body_nouns"), "speakers.general_body_nouns")),
        document_carriers=frozenset(_words(speakers.get("document_carriers"), "speakers.document_carriers")),
        issuing_verbs=frozenset(_words(cues.get("issuing_verbs"), "cue_verbs.issuing_verbs")),
        counterpart_nouns=frozenset(_words(speakers.get("counterpart_nouns"), "speakers.counterpart_nouns")),
        first_person=frozenset(_words(pronouns.get("first_person"), "speakers.pronouns.first_person")),
        partitive_pronouns=frozenset(_words(pronouns.get("partitive"), "speakers.pronouns.partitive")),
        group_naming=tuple(sorted(_words(speakers.get("group_naming"), "speakers.group_naming"), key=len, reverse=True)),
    )




def quote_lexicon(ctx: Any) -> QuoteLexicon:
    """The lexicon for this context (its options may name users' extension files)."""
    return ctx.cached("quotes:lexicon", lambda: build(ctx.lexicon("cue_verbs") or {}, ctx.lexicon("speakers") or {},
                                                      ctx.lexicon("quote_marks") or {}))
