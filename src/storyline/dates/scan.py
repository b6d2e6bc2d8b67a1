"""The date patterns' scan of a text, made cheap without changing a single match.

Why: every pattern starts with look-behinds (no word character, no "3-" before it), which keep
Python's ``re`` from jumping ahead to a literal prefix, so each of the ~70 patterns used to step
through every character of the text. Two facts read from each compiled pattern's parse tree (so
a user's own pattern gets them too) avoid most of that work:

- the words a match must hold (``requirement``): most texts hold no weekday, no "quarter", no
  "o'clock"; a pattern that needs one is skipped after a substring test;
- the characters a match can start with (``first_keys``): the pattern is tried with ``match``
  only at the word starts (one scan per text, shared by all patterns) that begin with one of them.

Both are exact: a pattern is skipped only where it could not have matched, and ``finditer`` here
yields what ``Pattern.finditer`` yields (a look-behind sees the text before ``pos``, so a match
tried at a position is the match a search reaching that position finds). A pattern whose facts
cannot be read (an unknown construct, a match that may be empty) is scanned as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

try:  # the parser behind re.compile
    from re import _constants as _sre
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - a Python that renamed them again: every pattern scans as before
    _sre = _sre_parse = None  # type: ignore[assignment]

#: Word sets a match must hold, one word of each set (compared as ``re.IGNORECASE`` compares).
Requirement = tuple[frozenset[str], ...]
#: Where a text's word starts are bucketed: an ASCII character lower-cased, or this for any other.
OTHER = ""

_REPEATS = tuple(getattr(_sre, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
                 if _sre is not None and hasattr(_sre, name))
_ZERO_WIDTH = tuple(getattr(_sre, name) for name in ("ASSERT", "ASSERT_NOT", "AT") if _sre is not None)
_CATEGORY_ESCAPES = {"CATEGORY_DIGIT": r"\d", "CATEGORY_NOT_DIGIT": r"\D", "CATEGORY_SPACE": r"\s",
                     "CATEGORY_NOT_SPACE": r"\S", "CATEGORY_WORD": r"\w", "CATEGORY_NOT_WORD": r"\W"}


class _Unknown(Exception):
    """A construct whose characters are not worked out here: the pattern gets no shortcut."""


def _parse(regex: re.Pattern[str]) -> Any:
    if _sre_parse is None:
        raise _Unknown
    return _sre_parse.parse(regex.pattern, regex.flags)


# ------------------------------------------------------------------ words a match must hold

def _uncased_ascii_class(items: list[Any]) -> frozenset[str] | None:
    """The characters of a short class of uncased ASCII ones ("[0-9]", "[-/.]"), else None."""
    chars: set[str] = set()
    for op, av in items:
        if op is _sre.LITERAL:
            chars.add(chr(av))
        elif op is _sre.RANGE and av[1] - av[0] < 16:
            chars.update(chr(c) for c in range(av[0], av[1] + 1))
        else:
            return None
    if not chars or any(not c.isascii() or c.lower() != c.upper() for c in chars):
        return None
    return frozenset(chars)


def _best(sets: list[frozenset[str]]) -> frozenset[str] | None:
    """The most selective set: longest shortest word, then fewest words."""
    return max(sets, key=lambda s: (min(map(len, s)), -len(s))) if sets else None


def _needs(items: Any) -> list[frozenset[str]]:
    """Word sets every match of the sequence ``items`` holds (one word of each set)."""
    out: list[frozenset[str]] = []
    run = ""
    for op, av in items:
        if op is _sre.LITERAL:
            run += chr(av)
            continue
        if run:
            out.append(frozenset([run]))
            run = ""
        if op is _sre.SUBPATTERN:
            out.extend(_needs(av[-1]))
        elif op is _sre.BRANCH:
            alternatives = [_best(_needs(alt)) for alt in av[1]]
            if all(a is not None for a in alternatives):
                out.append(frozenset().union(*alternatives))  # type: ignore[arg-type]
        elif op in _REPEATS and av[0] >= 1:
            out.extend(_needs(av[2]))
        elif op is _sre.IN:
            chars = _uncased_ascii_class(av)
            if chars:
                out.append(chars)
    if run:
        out.append(frozenset([run]))
    # ASCII words only: then a case-insensitive match is a substring of the folded text
    return [s for s in out if all(w.isascii() for w in s)]


def requirement(regex: re.Pattern[str], tree: Any = None) -> Requirement:
    """The word sets ``regex`` needs, lower-cased; empty where nothing can be told."""
    try:
        sets = _needs(_parse(regex) if tree is None else tree)
    except Exception:  # noqa: BLE001 - an unreadable pattern is scanned, never skipped
        return ()
    return tuple(dict.fromkeys(frozenset(w.lower() for w in s) for s in sets))


# ------------------------------------------------------------------ characters a match starts with

def _char_keys(ch: str) -> set[str]:
    """The buckets a text character that ``ch`` matches (ignoring case) may sit in."""
    if ch.lower() == ch.upper():  # uncased: only itself ("1", "'", "’")
        return {ch} if ch.isascii() else {OTHER}
    if ch.isascii():  # a letter: either case, or a non-ASCII twin (the long s, the Kelvin sign)
        return {ch.lower(), OTHER}
    raise _Unknown  # a non-ASCII letter: its ASCII twins are not worked out here


def _category_keys(code: Any) -> set[str]:
    escape = _CATEGORY_ESCAPES.get(str(code).upper())
    if escape is None:
        raise _Unknown
    ascii_chars = (chr(i) for i in range(128) if re.fullmatch(escape, chr(i)))
    return {k for c in ascii_chars for k in _char_keys(c)} | {OTHER}


def _class_keys(items: list[Any]) -> set[str]:
    keys: set[str] = set()
    for op, av in items:
        if op is _sre.LITERAL:
            keys |= _char_keys(chr(av))
        elif op is _sre.RANGE:
            if av[1] - av[0] > 256:
                raise _Unknown
            for c in range(av[0], av[1] + 1):
                keys |= _char_keys(chr(c))
        elif op is _sre.CATEGORY:
            keys |= _category_keys(av)
        else:  # a negated class, or something newer
            raise _Unknown
    return keys


def _first(items: Any) -> tuple[set[str], bool]:
    """The buckets a match of the sequence ``items`` can start in, and whether it can be empty."""
    keys: set[str] = set()
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        if op is _sre.LITERAL:
            return keys | _char_keys(chr(av)), False
        if op is _sre.IN:
            return keys | _class_keys(av), False
        if op is _sre.SUBPATTERN:
            part, empty = _first(av[-1])
        elif op is _sre.BRANCH:
            part, empty = set(), False
            for alt in av[1]:
                alt_keys, alt_empty = _first(alt)
                part |= alt_keys
                empty = empty or alt_empty
        elif op in _REPEATS:
            part, empty = _first(av[2])
            empty = empty or av[0] == 0
        else:  # any character, a back-reference, a conditional ...
            raise _Unknown
        keys |= part
        if not empty:
            return keys, False
    return keys, True


def first_keys(regex: re.Pattern[str], tree: Any = None) -> frozenset[str] | None:
    """The buckets a match of ``regex`` starts in; None where not known or a match may be empty."""
    try:
        keys, may_be_empty = _first(_parse(regex) if tree is None else tree)
    except Exception:  # noqa: BLE001 - an unreadable pattern is scanned as before
        return None
    return None if may_be_empty else frozenset(keys)


def shortcuts(regex: re.Pattern[str]) -> tuple[Requirement, frozenset[str] | None]:
    """``requirement`` and ``first_keys`` of ``regex``, its pattern parsed once."""
    try:
        tree = _parse(regex)
    except Exception:  # noqa: BLE001
        return (), None
    return requirement(regex, tree), first_keys(regex, tree)


# ------------------------------------------------------------------ one text

_TWINS: dict[str, str | None] = {}
_LETTERS = [chr(c) for c in range(ord("a"), ord("z") + 1)]


def _ascii_twin(ch: str) -> str | None:
    """The ASCII letter ``re.IGNORECASE`` takes ``ch`` for ("ſ" is "s", the Kelvin sign "k")."""
    if ch not in _TWINS:
        twins = [c for c in _LETTERS if re.fullmatch(c, ch, re.IGNORECASE)
                 or re.fullmatch(f"[{c}-{c}]", ch, re.IGNORECASE)]
        _TWINS[ch] = twins[0] if len(twins) == 1 else None
    return _TWINS[ch]


def fold(text: str) -> str:
    """``text`` lower-cased so that an ASCII word a pattern matches ignoring case is a substring."""
    if text.isascii():
        return text.lower()
    table = {ord(c): t for c in set(text) if not c.isascii() and (t := _ascii_twin(c)) is not None}
    return (text.translate(table) if table else text).lower()


class TextIndex:
    """What one text's scans share: its folded form, and its word starts by first character.

    ``edge`` finds every position where a pattern may start (the patterns' common look-behinds);
    a position it leaves out is one where no pattern matches."""

    def __init__(self, text: str, edge: re.Pattern[str]):
        self.text = text
        self.folded = fold(text)
        self.starts: dict[str, list[int]] = {}
        for m in edge.finditer(text):
            ch = text[m.start()]
            self.starts.setdefault(ch.lower() if ch.isascii() else OTHER, []).append(m.start())
        self._holds: dict[frozenset[str], bool] = {}
        self._at: dict[frozenset[str], list[int]] = {}

    def may_match(self, need: Requirement) -> bool:
        for words in need:
            holds = self._holds.get(words)
            if holds is None:
                holds = self._holds[words] = any(w in self.folded for w in words)
            if not holds:
                return False
        return True

    def positions(self, keys: frozenset[str]) -> list[int]:
        at = self._at.get(keys)
        if at is None:
            at = self._at[keys] = sorted(p for k in keys for p in self.starts.get(k, ()))
        return at

    def finditer(self, regex: re.Pattern[str], need: Requirement, keys: frozenset[str] | None
                 ) -> Iterator[re.Match[str]]:
        """``regex.finditer(text)``, trying only where a match can be."""
        if not self.may_match(need):
            return
        if keys is None:
            yield from regex.finditer(self.text)
            return
        match, text, resume = regex.match, self.text, 0
        for pos in self.positions(keys):
            if pos >= resume and (m := match(text, pos)) is not None:
                yield m
                resume = m.end()
