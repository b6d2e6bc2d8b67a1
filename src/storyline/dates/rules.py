"""The temporal vocabulary and patterns (``data/lexicons/dates.yaml``), compiled once.

Why patterns are data: what counts as a date expression grows with every outlet and language
habit met ("06.04.2016", "the year-earlier quarter", "Easter Monday"). A user adds words or
patterns in a lexicon file; the code only knows how to compute each ``kind`` of value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..errors import StorylineError
from .scan import Requirement, shortcuts

#: Numeric building blocks a pattern may use, besides the vocabulary classes.
NUMERIC = {
    "day": r"(?:[12][0-9]|3[01]|0?[1-9])",
    "day_num": r"(?:[12][0-9]|3[01]|0?[1-9])",
    "month_num": r"(?:1[0-2]|0?[1-9])",
    "year": r"(?:1[0-9]{3}|20[0-9]{2})",
    "yy": r"['’][0-9]{2}",
    "num_year": r"[0-9]{2}",
    "hour": r"(?:2[0-4]|[01]?[0-9])",
    "minute": r"[0-5][0-9]",
}

#: Where an expression may start: not inside a word, not after "3-" (every pattern begins so).
LEFT_EDGE = r"(?<![\w'’])(?<![0-9]-)"

#: White space inside an expression: spaces, or one line break (never a blank line).
SPACE = r"(?:[ \t\u00a0]+|[ \t]*\n[ \t]*)"

KINDS = ("calendar", "relative", "relative_day", "offset", "duration", "set", "ref", "quarter",
         "anaphoric", "decade", "century", "clock", "range", "holiday", "numeric")


@dataclass
class Rule:
    id: str
    kind: str
    type: str
    regex: re.Pattern[str]
    groups: dict[str, str]  # group name -> vocabulary class (or numeric block)
    check: str | None = None
    params: dict[str, Any] = field(default_factory=dict)
    need: Requirement = ()  # word sets a match holds (scan.py): the scan is skipped where absent
    first: frozenset[str] | None = None  # what a match starts with (scan.py); None: not known


def _alternation(keys: list[str]) -> str:
    """Longest first, so "the day before yesterday" wins over "yesterday"."""
    parts = []
    for k in sorted(set(keys), key=lambda k: (-len(k), k)):
        dotted = k.endswith(".")
        base = re.escape(k[:-1] if dotted else k).replace(r"\ ", SPACE)
        parts.append(base + (r"\.?" if dotted else ""))
    return "|".join(parts)


def _mark_spaces(pattern: str) -> str:
    """Spaces outside character classes stand for any white space (marked, expanded later)."""
    out, in_class, escaped = [], False, False
    for ch in pattern:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == "[":
            in_class = True
        elif ch == "]":
            in_class = False
        elif ch == " " and not in_class:
            ch = "\x00"
        out.append(ch)
    return "".join(out)


class DateRules:
    """The compiled ``dates`` lexicon: vocabulary lookups and the patterns that find expressions."""

    def __init__(self, data: dict[str, Any], origin: str = "dates lexicon"):
        if not isinstance(data, dict) or "patterns" not in data or "words" not in data:
            raise StorylineError("E401", origin=origin)
        self.words: dict[str, dict[str, Any]] = {k: {str(w).lower(): v for w, v in (d or {}).items()}
                                                 for k, d in data["words"].items()}
        self.unions: dict[str, list[str]] = data.get("unions") or {}
        self.capitalised: set[str] = set(data.get("capitalised") or [])
        self.numbers: dict[str, Any] = {str(k).lower(): v for k, v in (data.get("numbers") or {}).items()}
        self.numeric_order: dict[str, str] = data.get("numeric_order") or {}
        self.outlet_order: dict[str, str] = {str(k).lower(): str(v) for k, v in
                                             (data.get("outlet_numeric_order") or {}).items()}
        self.nearest_cues: frozenset[str] = frozenset(str(c).lower() for c in data.get("nearest_cues") or [])
        self.future_cues: frozenset[str] = frozenset(str(c).lower() for c in data.get("future_cues") or [])
        self.deadline_cues: tuple[str, ...] = tuple(str(c).lower() for c in data.get("deadline_cues") or [])
        self.open_deadline_cues: tuple[str, ...] = tuple(str(c).lower() for c in data.get("open_deadline_cues") or [])
        self.moment_refs: frozenset[str] = frozenset(str(c).lower() for c in data.get("moment_refs") or [])
        self.ended_state_verbs: frozenset[str] = frozenset(str(c).lower() for c in data.get("ended_state_verbs") or [])
        #: words and phrases that tell a sentence as history (its dates and happenings are background)
        self.background_cues: tuple[str, ...] = tuple(str(c).lower() for c in data.get("background_cues") or [])
        #: calendar files of dated happenings (``dates.happenings``), relative to the data folder
        self.happening_files: tuple[str, ...] = tuple(str(c) for c in data.get("happenings") or [])
        self._num = self._number_regex()
        #: every position where a pattern may start (what ``scan.TextIndex`` tries patterns at)
        self.edge = re.compile(LEFT_EDGE + r"(?=[\s\S])", re.IGNORECASE)
        self.rules: list[Rule] = [self._compile(i, p, origin) for i, p in enumerate(data["patterns"])]

    # ------------------------------------------------------------ vocabulary

    def classes_of(self, name: str) -> list[str]:
        base = re.sub(r"_\d+$", "", name)
        return self.unions.get(base, [base])

    def lookup(self, cls: str, text: str) -> Any:
        """The meaning of ``text`` in a vocabulary class (None if it has none)."""
        key = " ".join(text.lower().split())
        for c in self.classes_of(cls):
            words = self.words.get(c, {})
            for k in (key, key + ".", key.rstrip(".")):
                if k in words:
                    return words[k]
        return None

    def number(self, text: str) -> float | str | None:
        """A number written in digits or words ("two", "twenty-five", "a couple of"); "X" for vague
        amounts ("several", "a few")."""
        t = " ".join(text.lower().replace(",", "").split())
        if re.fullmatch(r"\d+(?:\.\d+)?", t):
            return float(t)
        m = re.fullmatch(r"(\d+)(?:[ -]1/2|½)", t)
        if m:
            return float(m[1]) + 0.5
        if t in self.numbers:
            v = self.numbers[t]
            return v if isinstance(v, str) else float(v)
        m = re.fullmatch(r"([a-z]+)[- ]([a-z]+)", t)
        if m and m[1] in self.numbers and m[2] in self.numbers:
            a, b = self.numbers[m[1]], self.numbers[m[2]]
            if isinstance(a, int | float) and isinstance(b, int | float) and a >= 20 and a % 10 == 0 and b < 10:
                return float(a + b)
        return None

    def _number_regex(self) -> str:
        words = list(self.numbers)
        tens = [w for w, v in self.numbers.items() if isinstance(v, int) and 20 <= v <= 90 and v % 10 == 0]
        ones = [w for w, v in self.numbers.items() if isinstance(v, int) and 1 <= v <= 9 and " " not in w
                and w not in ("a", "an")]
        compound = f"(?:{'|'.join(tens)})[- ](?:{'|'.join(ones)})" if tens and ones else ""
        alts = [r"\d+(?:[ -]1/2|½)|\d+(?:[.,]\d+)?"] + ([compound] if compound else []) + [_alternation(words)]
        return "(?:" + "|".join(alts) + ")"

    # ------------------------------------------------------------ patterns

    def _compile(self, index: int, p: dict[str, Any], origin: str) -> Rule:
        rid = str(p.get("id") or f"pattern {index}")
        kind = p.get("kind")
        if kind not in KINDS:
            raise StorylineError("E402", origin=origin, rid=rid, kind=kind, valid=', '.join(KINDS))
        groups: dict[str, str] = {}
        seen: dict[str, int] = {}

        def expand(m: re.Match[str]) -> str:
            name = m[1]
            seen[name] = seen.get(name, 0) + 1
            gname = name if seen[name] == 1 else f"{name}_{seen[name]}"
            groups[gname] = name
            if name == "num":
                return f"(?P<{gname}>{self._num})"
            if name == "ordinal":
                return f"(?P<{gname}>\\d+(?:st|nd|rd|th)|{_alternation(list(self.words.get('ordinal', {})))})"
            if name in NUMERIC:
                return f"(?P<{gname}>{NUMERIC[name]})"
            keys = [k for c in self.classes_of(name) for k in self.words.get(c, {})]
            if not keys:
                raise StorylineError("E403", origin=origin, rid=rid, name=name, numeric=', '.join(sorted(NUMERIC)))
            return f"(?P<{gname}>{_alternation(keys)})"

        body = re.sub(r"\{(\w+)\}", expand, _mark_spaces(str(p.get("match", ""))))
        body = body.replace("\x00", SPACE)
        try:
            regex = re.compile(rf"{LEFT_EDGE}(?:{body})(?!\w)(?!-\w)", re.IGNORECASE)
        except re.error as e:
            raise StorylineError("E404", origin=origin, rid=rid, error=e) from e
        params = {k: v for k, v in p.items() if k not in ("id", "kind", "type", "match", "check")}
        return Rule(rid, kind, str(p.get("type", "DATE")), regex, groups, p.get("check"), params,
                    *shortcuts(regex))




def rules_for(ctx: Any) -> DateRules:
    """The compiled rules of a context's ``dates`` lexicon (compiled once per lexicon object)."""
    return ctx.cached("dates:rules", lambda: DateRules(ctx.lexicon("dates")))
