"""Where the temporal expressions are: pattern matches, checked against the parse, with their
modifiers.

Why the parse is consulted: a bare "1995" is a year in "in 1995" and a count in "1995 troops", and
"May" is a month or a modal verb. The patterns propose; spaCy's tags, dependencies and DATE
entities decide the doubtful cases. Extents follow the TIMEX3 guidelines: determiners and
modifiers ("the", "early", "about") belong to the expression, prepositions ("on", "in") do not.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from ..parse import token_bounds
from .rules import SPACE, DateRules, Rule
from .scan import TextIndex

#: Kinds whose expressions name a point or period (they take "early", "the end of" ...).
POINT_KINDS = {"calendar", "relative", "relative_day", "quarter", "decade", "century", "anaphoric",
               "holiday", "numeric", "range"}
#: Kinds whose expressions count units (they take "about", "more than" ...).
QUANTITY_KINDS = {"duration", "offset"}


@dataclass
class Found:
    """One expression found: its extent, the pattern that found it and the pattern's groups."""

    start: int
    end: int
    rule: Rule
    groups: dict[str, tuple[str, int, int]]
    mod: str | None = None
    range_end: str | None = None  # filled for "since 1992" ("PRESENT_REF") and linked ranges
    linked_to: int | None = None  # index of the expression that closes a "from X to Y" range
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def kind(self) -> str:
        return self.rule.kind

    def group(self, name: str) -> str | None:
        g = self.groups.get(name)
        return g[0] if g else None

    def has(self, name: str) -> bool:
        return name in self.groups


class TokenIndex:
    """Character offset -> spaCy token, for the checks that ask the parse."""

    def __init__(self, sdoc: Any, length: int):
        self.sdoc = sdoc
        self.length = length
        if sdoc is None:
            return
        self.starts, self.ends = token_bounds(sdoc)
        self.ent_label: dict[int, str] = {}
        for ent in sdoc.ents:
            label = ent.label_
            for i in range(ent.start, ent.end):
                self.ent_label[i] = label

    def token(self, offset: int) -> Any:
        """The token whose characters include ``offset`` (None between tokens)."""
        if self.sdoc is None or not (0 <= offset < self.length):
            return None
        i = bisect_right(self.starts, offset) - 1
        return self.sdoc[i] if i >= 0 and offset < self.ends[i] else None

    def label(self, offset: int) -> str | None:
        tok = self.token(offset)
        return self.ent_label.get(tok.i) if tok is not None else None


def _matches(text: str, rules: DateRules) -> list[Found]:
    out: list[Found] = []
    index = TextIndex(text, rules.edge)
    for rule in rules.rules:
        for m in index.finditer(rule.regex, rule.need, rule.first):
            if m.end() <= m.start():
                continue
            groups = {g: (v, m.start(g), m.end(g)) for g, v in m.groupdict().items() if v is not None}
            if any(not v[0][0].isupper() and all(c in rules.capitalised for c in rules.classes_of(g))
                   for g, v in groups.items()):
                continue
            out.append(Found(m.start(), m.end(), rule, groups))
    return out


def _select(found: list[Found], rules: DateRules) -> list[Found]:
    """Non-overlapping expressions: the longest first, at equal length the earlier pattern."""
    order = {id(r): i for i, r in enumerate(rules.rules)}
    taken: list[Found] = []
    occupied: list[tuple[int, int]] = []
    for f in sorted(found, key=lambda f: (-(f.end - f.start), order[id(f.rule)], f.start)):
        if any(f.start < e and s < f.end for s, e in occupied):
            continue
        taken.append(f)
        occupied.append((f.start, f.end))
    return sorted(taken, key=lambda f: f.start)


# ------------------------------------------------------------------ checks against the parse

def _prev_word(text: str, start: int) -> str:
    m = re.search(r"([\w'’.-]+|[^\w\s])\s*$", text[max(0, start - 40):start])
    return m[1].lower() if m else ""


def _next_text(text: str, end: int) -> str:
    return text[end:end + 20]


def _check(f: Found, text: str, idx: TokenIndex, rules: DateRules) -> bool:
    return _generic_ok(f, text, idx) and _named_check(f, text, idx, rules)


def _named_check(f: Found, text: str, idx: TokenIndex, rules: DateRules) -> bool:
    """The check a pattern names (``check:`` in the lexicon)."""
    name = f.rule.check
    if not name:
        return True
    if name == "bare_year":
        return _bare_year_ok(f, text, idx)
    if name == "month_alone":
        word = f.group("month") or ""
        if not word.endswith(".") and rules.lookup("month", word) is not None \
                and word.lower() not in rules.words.get("month", {}):
            return False  # "Jan", "Aug" alone: a name or a word, not a month
        tok = idx.token(f.start)
        if tok is not None and tok.pos_ in ("VERB", "AUX") and tok.tag_ in ("MD", "VB", "VBP"):
            return False
        return not (text[f.start:f.end] == "May" and re.match(r"\s+(?:be|have|not|also)\b", text[f.end:]))
    if name == "vague_units":
        if " " in text[f.start:f.end].strip():
            return True
        return _prev_word(text, f.start) in {"for", "over", "within", "after", "took", "take", "takes",
                                             "spent", "spend", "lasted", "last", "about", "nearly"}
    if name == "not_age":
        return not re.match(r"s?-old\b|\s+old\b", text[f.end:f.end + 6])
    if name == "season_alone":
        if text[f.start:f.end].lower().startswith("the "):
            return True
        tok = idx.token(f.start)
        if tok is not None and tok.pos_ in ("VERB", "AUX"):
            return False
        return _prev_word(text, f.start) in {"in", "during", "by", "until", "since", "through", "this", "last",
                                             "next", "early", "late", "mid", "of", "that", "each", "every",
                                             "past", "coming", "before", "after", "from", "till"}
    if name == "spelled_year":
        n = rules.number(f.group("num") or "")
        return isinstance(n, float) and 10 <= n <= 99
    if name == "after_quantity":  # "$33 million a year", "several phone calls a day"
        prev = _prev_word(text, f.start)
        if re.fullmatch(r"[\d.,%$€£]+|percent|million|billion|thousand|trillion|cents?|"
                        r"dollars?|times|twice|once|points?|%", prev):
            return True
        tok = idx.token(f.start - len(prev) - 1) if prev else None
        return tok is not None and tok.tag_ == "NNS"
    return True


def _generic_ok(f: Found, text: str, idx: TokenIndex) -> bool:
    """Words every pattern may meet in other senses: "second" as an ordinal, "present" as a verb."""
    words = text[f.start:f.end].lower()
    if f.kind == "ref":
        tok = idx.token(f.start)
        if words in ("present", "once") and tok is not None and tok.pos_ in ("VERB", "SCONJ"):
            return False
        if words == "once" and tok is not None and tok.dep_ == "mark":
            return False
        if words == "current" and tok is not None and tok.pos_ == "NOUN":
            return False
    if f.kind == "clock" and re.search(r"(?:[+\-−]|utc|gmt)\s*$", text[max(0, f.start - 6):f.start].lower()):
        return False  # a time zone's offset ("UTC +04:00"), not a time
    if f.kind == "duration" and re.match(r"\s+old\b", text[f.end:f.end + 5]):
        return False  # an age ("37 years old")
    if f.kind == "set" and f.has("freq"):
        tok = idx.token(f.start)
        if tok is not None and tok.pos_ in ("NOUN", "PROPN") and tok.dep_ != "npadvmod":
            return False  # "the Communist Party daily Granma": a newspaper
    if f.kind == "duration" and re.search(r"\b(?:a|one) second$", words):
        nxt = _next_text(text, f.end)
        return not re.match(r"\s+[a-z]", nxt) or bool(re.match(r"\s+(?:later|ago|earlier)\b", nxt))
    return True


def _bare_year_ok(f: Found, text: str, idx: TokenIndex) -> bool:
    year = int(text[f.start:f.end])
    label = idx.label(f.start)
    if label in ("MONEY", "PERCENT", "QUANTITY", "CARDINAL") and not (1900 <= year <= 2100):
        return False
    before = text[max(0, f.start - 2):f.start]
    after = text[f.end:f.end + 12]
    if "$" in before or re.match(r"[.,]\d|\s*(?:%|percent|per\b|p\.m\.|a\.m\.|utc|gmt|hours|hrs|local)", after.lower()):
        return False
    tok = idx.token(f.start)
    if tok is not None and tok.dep_ == "nummod" and tok.head.tag_ in ("NNS", "NNPS") and year % 100 == 0:
        return False  # "2000 troops" counts; "the 1992 protests" dates
    if label in ("DATE", "EVENT"):
        return True
    if tok is not None and tok.dep_ == "nummod" and tok.head.tag_ in ("NNS", "NNPS") and \
            _prev_word(text, f.start) not in ("the", "its", "their", "his", "her", "'s"):
        return False
    if not (1800 <= year <= 2099):
        return _prev_word(text, f.start) in {"in", "since", "of", "from", "until", "by"}
    return True


# ------------------------------------------------------------------ modifiers and ranges

def _prefix_regex(keys: list[str]) -> re.Pattern[str]:
    alts = []
    for k in sorted(keys, key=len, reverse=True):
        body = re.escape(k.rstrip("-")).replace(r"\ ", SPACE)
        alts.append(body + ("-" if k.endswith("-") else f"(?:{SPACE}|-)"))
    return re.compile(r"(?<![\w'’-])(?:" + "|".join(alts) + r")$", re.IGNORECASE)


def _extend(found: list[Found], text: str, rules: DateRules) -> None:
    point = _prefix_regex(list(rules.words.get("mod_point", {})))
    quantity = _prefix_regex(list(rules.words.get("mod_quantity", {})))
    suffixes = list(rules.words.get("suffix", {}))
    suffix = re.compile(r"^" + SPACE + "(?:" + "|".join(re.escape(s).replace(r"\ ", SPACE) for s in suffixes)
                        + r")(?!\w)", re.IGNORECASE) if suffixes else None
    prev_end = 0
    for f in found:
        window = text[max(prev_end, f.start - 30):f.start]
        starts_with_number = any(g.startswith("num") and v[1] == f.start for g, v in f.groups.items())
        regex = point if f.kind in POINT_KINDS else quantity if starts_with_number else None
        m = regex.search(window) if regex else None
        if m:
            words = m[0].strip().rstrip("-").strip()
            key = "mod_point" if regex is point else "mod_quantity"
            f.mod = rules.lookup(key, words) or rules.lookup(key, words + "-")
            f.start -= len(m[0])
        if suffix and f.kind in (QUANTITY_KINDS | {"relative", "offset"}):
            s = suffix.match(text[f.end:])
            if s:
                f.mod = f.mod or rules.lookup("suffix", s[0].strip())
                f.end += len(s[0])
        prev_end = f.end


_SINCE = re.compile(r"(?<!\w)(?:since|ever since)" + SPACE + "$", re.IGNORECASE)
_FROM = re.compile(r"(?<!\w)(?:from|between)" + SPACE + "$", re.IGNORECASE)
_TO = re.compile(r"^" + SPACE + r"?(?:to|until|till|through|and|-|–)" + SPACE + r"?$", re.IGNORECASE)


def _ranges(found: list[Found], text: str) -> None:
    """"since 1992" is open to the present; "from 1992 to 1994" closes on its second date."""
    for i, f in enumerate(found):
        before = text[max(0, f.start - 15):f.start]
        if f.kind in POINT_KINDS and _SINCE.search(before):
            f.range_end = "PRESENT_REF"
        if f.kind in POINT_KINDS and _FROM.search(before) and i + 1 < len(found):
            nxt = found[i + 1]
            if nxt.kind in POINT_KINDS and _TO.match(text[f.end:nxt.start]):
                f.linked_to = i + 1


def find(text: str, rules: DateRules, sdoc: Any = None) -> list[Found]:
    """The temporal expressions of ``text``, in text order, with extents and modifiers set."""
    idx = TokenIndex(sdoc, len(text))
    candidates = [f for f in _matches(text, rules) if _check(f, text, idx, rules)]
    found = _select(candidates, rules)
    _extend(found, text, rules)
    _ranges(found, text)
    for f in found:
        f.extra["text"] = text[f.start:f.end]
    return found
