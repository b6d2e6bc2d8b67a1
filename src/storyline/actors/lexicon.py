"""The role lexicon (data/lexicons/actor_roles.yaml) compiled for matching over tokens.

Why compiled: the linker asks "does a role word start here, and how long is it?" at every token;
the YAML's phrases are turned once into word-tuple tables (plurals included) so the question is a
dict lookup.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .names import name_words


@dataclass(frozen=True)
class RoleWord:
    """One role phrase ("foreign minister", "spokeswoman", "counterpart")."""

    phrase: str
    offices: tuple[str, ...] = ()
    title: str | None = None
    sector: str | None = None
    anonymous: bool = False
    counterpart: bool = False
    organ: bool = False
    plural: bool = False
    gender: str | None = None


@dataclass
class PhraseTable:
    """Word tuples to values, with the longest phrase length per first word."""

    table: dict[tuple[str, ...], Any] = field(default_factory=dict)
    first: dict[str, int] = field(default_factory=dict)

    def add(self, phrase: str, value: Any) -> None:
        words = tuple(name_words(phrase))
        if not words:
            return
        self.table.setdefault(words, value)
        self.first[words[0]] = max(self.first.get(words[0], 0), len(words))

    def match(self, words: list[str | None], i: int) -> tuple[int, Any] | None:
        """The longest phrase starting at word ``i``: (its length, its value)."""
        w = words[i]
        n = self.first.get(w, 0) if w is not None else 0
        for k in range(min(n, len(words) - i), 0, -1):
            key = tuple(words[i:i + k])
            if None in key:
                continue
            v = self.table.get(key)  # type: ignore[arg-type]
            if v is not None:
                return k, v
        return None


def _plural(phrase: str, irregular: str | None) -> str:
    if irregular:
        return irregular
    for link in (" of ", " to ", " for "):  # "heads of state", "ministers of foreign affairs"
        if link in phrase:
            head, _, rest = phrase.partition(link)
            return _plural(head, None) + link + rest
    if phrase.endswith(("s", "x", "sh", "ch")):
        return phrase + "es"
    if phrase.endswith("y") and not phrase.endswith(("ay", "ey", "oy")):
        return phrase[:-1] + "ies"
    return phrase + "s"


class RoleLexicon:
    def __init__(self, data: dict[str, Any]):
        self.offices: dict[str, dict] = data.get("offices") or {}
        self.families: dict[str, list[str]] = data.get("families") or {}
        self.roles = PhraseTable()
        for phrase, spec in (data.get("roles") or {}).items():
            spec = spec or {}
            offices = tuple(spec.get("offices") or self.families.get(spec.get("family", ""), ()))
            base = dict(offices=offices, title=spec.get("title"), sector=spec.get("sector"),
                        anonymous=bool(spec.get("anonymous")), counterpart=bool(spec.get("counterpart")),
                        organ=bool(spec.get("organ")), gender=spec.get("gender"))
            self.roles.add(phrase, RoleWord(phrase=phrase, **base))
            if not phrase.endswith("s") or spec.get("plural"):
                plural = _plural(phrase, spec.get("plural"))
                if plural != phrase:
                    self.roles.add(plural, RoleWord(phrase=plural, plural=True, **base))
        self.qualifiers = PhraseTable()
        for phrase, spec in (data.get("qualifiers") or {}).items():
            self.qualifiers.add(phrase, dict(spec or {}) or {"_": True})
        self.organs = PhraseTable()
        for phrase, spec in (data.get("organs") or {}).items():
            self.organs.add(phrase, dict(spec or {}))
        self.sectors = PhraseTable()
        for phrase, sector in (data.get("sectors") or {}).items():
            self.sectors.add(phrase, sector or "-")
        self.collectives = PhraseTable()
        for kind, phrases in (data.get("collectives") or {}).items():
            for p in phrases:
                self.collectives.add(p, kind)
        self.pronouns: dict[str, dict] = {k.lower(): dict(v or {}) for k, v in (data.get("pronouns") or {}).items()}
        self.female_endings = tuple(data.get("female_surname_endings") or ())
        self.female_given = frozenset(w.lower() for w in data.get("female_given_names") or ())
        self.male_given = frozenset(w.lower() for w in data.get("male_given_names") or ())
        self.locative = frozenset(w.lower() for w in data.get("locative_prepositions") or ())
        self.place_nouns = frozenset(w.lower() for w in data.get("place_nouns") or ())
        self.speech_verbs = frozenset(w.lower() for w in data.get("speech_verbs") or ())
        self.honorifics = PhraseTable()
        for h in data.get("honorifics") or ():
            self.honorifics.add(h, True)
        self.organization_words = frozenset(data.get("organization_words") or ())
        self.place_name_words = frozenset(data.get("place_name_words") or ())
        self.generic_heads = frozenset(data.get("generic_heads") or ())
        terr = data.get("territory_references") or {}
        self.territory_heads = frozenset(w.lower() for w in terr.get("heads") or ())
        self.territory_modifiers = frozenset(terr.get("modifiers") or ())
        self.territory_kinds = frozenset(terr.get("kinds") or ())
        self.territory_lookback = int(terr.get("lookback", 3))
        self.definite_group_lookback = int(data.get("definite_group_lookback", 6))
        self.conflict_words = frozenset(w.lower() for w in data.get("conflict_words") or ())
        self.mediator_words = frozenset(w.lower() for w in data.get("mediator_words") or ())

    def office_sector(self, office: str | None) -> str | None:
        return (self.offices.get(office or "") or {}).get("sector")

    def family(self, name: str) -> list[str]:
        return list(self.families.get(name, [name]))


def role_lexicon(ctx: Any) -> RoleLexicon:
    """The compiled lexicon for a context (built once, with the user's --lexicon extensions)."""
    return ctx.cached("actors:role_lexicon", lambda: RoleLexicon(ctx.lexicon("actor_roles")))
