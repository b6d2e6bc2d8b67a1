"""The event pattern lexicon: which words, with which arguments, state which CAMEO event.

Two data files feed it (formats in ``data/events/README.md``):

- ``data/events/cameo_verbs.json``: the PETRARCH2 CAMEO verb dictionary (MIT), converted by
  ``scripts/build_event_lexicon.py``: verb blocks (synonymous verbs sharing patterns) whose
  patterns name the words that must follow the verb (``SIGN * {PEACE &TREATY}`` -> 057).
- ``data/lexicons/event_patterns.yaml``: storyline's curated extension (``ctx.lexicon`` name
  ``event_patterns``, extendable by a user's file): verbs the dictionary lacks or codes badly
  (``urge``, ``welcome``), patterns written in the same mini-language as strings, and nominal
  predicates (``talks``, ``assassination``) for events stated by a noun.

Why compile into an index here: the coder asks "what can this verb mean?" for every verb of every
sentence; an index by lemma with patterns pre-parsed keeps that a dictionary lookup.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import StorylineError
from ..lexicons import data_path, load_lexicon

#: Sentinel for "this entry says nothing about the code" (as opposed to code None: not an event).
UNSET = "unset"


@dataclass(frozen=True)
class Item:
    """One element of a pattern.

    ``kind`` is ``word`` (``alts`` holds the accepted word sequences), ``phrase`` (``inner`` items
    on consecutive tokens), ``prep`` (a preposition ``prep`` whose object holds ``inner`` in order)
    or ``slot`` (a source/target marker of the source dictionary, ignored when matching)."""

    kind: str
    alts: tuple[tuple[str, ...], ...] = ()
    exact: bool = False
    prep: str | None = None  # a preposition, or several as "a|b"
    inner: tuple[Item, ...] = ()

    @property
    def weight(self) -> int:
        if self.kind == "word":
            return 1
        if self.kind == "phrase":
            return sum(i.weight for i in self.inner) + 1
        if self.kind == "prep":
            return 1 + sum(i.weight for i in self.inner)
        return 0


@dataclass
class Pattern:
    code: str | None
    after: tuple[Item, ...] = ()
    before: tuple[Item, ...] = ()
    reverse: bool = False  # the object side acts on the subject side ("faced criticism from")
    status: str | None = None  # a status the wording itself fixes ("hope" -> hoped)
    origin: str = "cameo"
    note: str = ""

    @property
    def weight(self) -> int:
        return sum(i.weight for i in self.after) + sum(i.weight for i in self.before)


@dataclass
class VerbEntry:
    """A verb (possibly with particles: ``meet with``, ``call on``) and the patterns it may take."""

    lemma: str
    rest: tuple[str, ...] = ()
    code: str | None = None  # the verb's default code where no pattern matches
    has_code: bool = False
    reverse: bool = False
    status: str | None = None
    patterns: list[Pattern] = field(default_factory=list)
    origin: str = "cameo"
    block: str = ""


@dataclass
class NounEntry:
    """A nominal predicate: a noun that states an event when held, signed, announced or dated."""

    lemma: str
    code: str
    status: str | None = None
    light_verbs: tuple[str, ...] = ()  # verbs that carry it ("hold talks"); empty = the defaults


@dataclass
class Lexicon:
    verbs: dict[str, list[VerbEntry]] = field(default_factory=dict)
    nouns: dict[str, NounEntry] = field(default_factory=dict)
    light_verbs: frozenset[str] = frozenset()
    settings: dict[str, Any] = field(default_factory=dict)

    def entries(self, lemma: str) -> list[VerbEntry]:
        return self.verbs.get(lemma.lower(), [])

    def add_verb(self, entry: VerbEntry) -> None:
        self.verbs.setdefault(entry.lemma, []).append(entry)


# ---------------------------------------------------------------- the pattern mini-language


def _word_item(tok: str, synsets: dict[str, list[str]]) -> Item:
    if tok.startswith("&"):
        name = tok[1:].rstrip("_").upper()
        if name not in synsets:
            raise StorylineError("E601", name=name, synsets=', '.join(sorted(synsets)))
        return Item("word", tuple(tuple(w.split()) for w in synsets[name]))
    exact = tok.endswith("_")
    alts = tuple(tuple(a.replace("_", " ").lower().split()) for a in tok.strip("_").split("|") if a)
    return Item("word", alts, exact=exact)


def parse_side(text: str, synsets: dict[str, list[str]]) -> tuple[Item, ...]:
    """Parse one side of a pattern string: ``{a b}`` phrase, ``(prep words)``, ``&SET``, ``a|b``."""
    items: list[Item] = []
    for tok in re.findall(r"\{[^}]*\}|\([^)]*\)|\S+", text):
        if tok.startswith("{"):
            items.append(Item("phrase", inner=tuple(_word_item(t, synsets) for t in tok[1:-1].split())))
        elif tok.startswith("("):
            words = tok[1:-1].split()
            if words:
                items.append(Item("prep", prep=words[0].lower(),
                                  inner=tuple(_word_item(t, synsets) for t in words[1:])))
        elif tok in ("$", "+", "^", "%"):
            continue
        else:
            items.append(_word_item(tok, synsets))
    return tuple(items)


def _items_from_json(raw: list[dict], synsets: dict[str, list[str]]) -> tuple[Item, ...]:
    out: list[Item] = []
    for it in raw:
        if "set" in it:
            out.append(_word_item("&" + it["set"], synsets) if it["set"] in synsets
                       else Item("word", ((it["set"].lower(),),)))
        elif "word" in it:
            out.append(Item("word", (tuple(it["word"].split()),), exact=bool(it.get("exact"))))
        elif "phrase" in it:
            out.append(Item("phrase", inner=_items_from_json(it["phrase"], synsets)))
        elif "prep" in it:
            out.append(Item("prep", prep=it["prep"], inner=_items_from_json(it.get("words", []), synsets)))
    return tuple(out)


# ---------------------------------------------------------------- loading


def _split_verb(lemma: str) -> tuple[str, tuple[str, ...]]:
    words = lemma.lower().split()
    return words[0], tuple(words[1:])


def _code(value: Any) -> str | None:
    if value is None or value == "---":
        return None
    return str(value)


def _load_cameo(lex: Lexicon, path: Path, synsets: dict[str, list[str]]) -> None:
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    synsets.update({k.upper(): v for k, v in data["synsets"].items()})
    for block in data["blocks"]:
        patterns = [Pattern(code=_code(p.get("code")), after=_items_from_json(p.get("after", []), synsets),
                            before=_items_from_json(p.get("before", []), synsets),
                            reverse=bool(p.get("reverse")), note=p.get("note", ""))
                    for p in block["patterns"]]
        for v in block["verbs"]:
            head, rest = _split_verb(v["lemma"])
            has = "code" in v or block.get("code") is not None
            code = _code(v["code"]) if "code" in v else _code(block.get("code"))
            lex.add_verb(VerbEntry(head, rest, code, has, bool(v.get("reverse") or block.get("reverse")),
                                   None, patterns, "cameo", block["name"]))


def _load_curated(lex: Lexicon, data: dict[str, Any], synsets: dict[str, list[str]]) -> None:
    for name, words in (data.get("synsets") or {}).items():
        known = synsets.setdefault(name.upper(), [])
        known.extend(w.lower() for w in words if w.lower() not in known)
    overrides: dict[str, VerbEntry] = {}
    for lemma, spec in (data.get("verbs") or {}).items():
        spec = spec or {}
        head, rest = _split_verb(lemma)
        entry = VerbEntry(head, rest, _code(spec.get("code")), "code" in spec, bool(spec.get("reverse")),
                          spec.get("status"), [], "curated", lemma)
        overrides[lemma.lower()] = entry
    for i, spec in enumerate(data.get("patterns") or []):
        text = spec.get("pattern", "")
        if "*" not in text:
            raise StorylineError("E602", i=i + 1, text=text)
        before, _, after = text.partition("*")
        pat = Pattern(code=_code(spec.get("code")), after=parse_side(after, synsets),
                      before=parse_side(before, synsets), reverse=bool(spec.get("reverse")),
                      status=spec.get("status"), origin="curated", note=spec.get("note", ""))
        for verb in spec.get("verbs") or []:
            key = verb.lower()
            if key not in overrides:
                head, rest = _split_verb(key)
                overrides[key] = VerbEntry(head, rest, None, False, False, None, [], "curated", key)
            overrides[key].patterns.append(pat)
    for entry in overrides.values():
        # a curated entry goes first: its code and patterns win over the dictionary's
        lex.verbs.setdefault(entry.lemma, []).insert(0, entry)
    for lemma, spec in (data.get("nominals") or {}).items():
        spec = spec if isinstance(spec, dict) else {"code": spec}
        lex.nouns[lemma.lower()] = NounEntry(lemma.lower(), str(spec["code"]), spec.get("status"),
                                            tuple(spec.get("light_verbs") or ()))
    lex.light_verbs = frozenset(w.lower() for w in (data.get("light_verbs") or []))
    lex.settings = {k: v for k, v in data.items() if k not in ("verbs", "patterns", "nominals", "synsets")}


@lru_cache(maxsize=8)
def _build(extra_files: tuple[Path, ...]) -> Lexicon:
    lex = Lexicon()
    synsets: dict[str, list[str]] = {}
    _load_cameo(lex, data_path("events", "cameo_verbs.json"), synsets)
    curated = load_lexicon("event_patterns", list(extra_files))
    if not isinstance(curated, dict):
        raise StorylineError("E603")
    _load_curated(lex, curated, synsets)
    return lex


@lru_cache(maxsize=1)
def load_agent_nouns() -> frozenset[str]:
    """PETRARCH's agent nouns (data/events/agent_nouns.txt, see scripts/build_agent_nouns.py):
    common nouns that name who can act or be acted on (villagers, insurgents, a frigate)."""
    text = data_path("events", "agent_nouns.txt").read_text(encoding="utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


def load_event_lexicon(extra_files: list[Path] | tuple[Path, ...] = ()) -> Lexicon:
    """The compiled lexicon for these user files (built once per process and set of files)."""
    return _build(tuple(Path(f) for f in extra_files))
