"""spaCy's attribute_ruler with the same rules, applied by table lookup instead of the Matcher.

Why: in the English models the attribute_ruler maps every fine-grained tag to its part of speech
and morphology (a tag map) and mends some words (pronoun lemmas, auxiliaries, "gonna"): 179 rules
in en_core_web_sm. The lemmatizer after it reads the parts of speech and morphology it sets, and
every stage reads the parts of speech. Every token matches at least one rule, and spaCy finds them
with its general token Matcher: about 15% of the whole parse. None of these rules needs a general
matcher: each tests a token's tag, lower-cased form, dependency label or whether it is white space
(a literal value, IN, NOT_IN or REGEX), on one token or on a short fixed sequence of tokens.

How, in order:

1. each rule's token tests are compiled once (``compile_rules``); a ruler with any rule outside
   that form (an operator, another attribute) is left in place (``replace_attribute_ruler``);
2. per document, one array read gives every token's four tested values; which rules a token
   passes depends on those values only, so it is worked out once per distinct combination and
   cached (a lower-cased form no rule names stands for all such forms, so the cache stays small);
3. rules of several tokens are found from the positions each token passes;
4. the matches are applied in rule order, a later rule's value winning, every test having been
   made on the values the tagger and parser left (as spaCy 3.8's AttributeRuler does), and the
   result is written back in one array write.

The output is the attribute_ruler's, token for token: tested on the evaluation sets' documents
(tests/test_tag_rules.py) and by extraction output byte-identical before and after.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens._retokenize import normalize_token_attrs

#: What a rule may test, by the Matcher's name: its column in the array read per document.
TESTED = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
#: What a rule may set, by attribute id: its column in the array written back.
WRITTEN = (POS, MORPH, LEMMA, TAG, DEP)

Test = Callable[[tuple[str, str, str, bool]], bool]


def _value_test(column: int, spec: Any) -> Test | None:
    """One attribute's test on a token's (tag, lower, dep, is_space) strings; None if unsupported."""
    if isinstance(spec, bool | str):
        return lambda v: v[column] == spec
    if not isinstance(spec, dict) or len(spec) != 1:
        return None
    (op, arg), = spec.items()
    if op == "IN" and isinstance(arg, list):
        inside = frozenset(arg)
        return lambda v: v[column] in inside
    if op == "NOT_IN" and isinstance(arg, list):
        outside = frozenset(arg)
        return lambda v: v[column] not in outside
    if op == "REGEX" and isinstance(arg, str) and column != TESTED["IS_SPACE"]:
        pattern = re.compile(arg)
        return lambda v: pattern.search(v[column]) is not None
    return None


def _token_test(spec: dict[str, Any]) -> Test | None:
    """A token pattern's tests, all of which must pass; None where one is not supported."""
    tests = []
    for name, value in spec.items():
        test = _value_test(TESTED[name], value) if name in TESTED else None
        if test is None:
            return None
        tests.append(test)
    return lambda v: all(t(v) for t in tests)


def _named_lowers(spec: dict[str, Any]) -> tuple[set[str], list[re.Pattern[str]]]:
    """The lower-cased forms a token pattern names, and its patterns over them."""
    value = spec.get("LOWER")
    if isinstance(value, str):
        return {value}, []
    if isinstance(value, dict):
        (op, arg), = value.items()
        return (set(arg), []) if op in ("IN", "NOT_IN") else (set(), [re.compile(arg)])
    return set(), []


@dataclass(frozen=True)
class Rule:
    """One pattern of a rule: its token tests in order, the token it sets (``index``, as spaCy
    reads it: negative from the end) and the values it sets, by attribute id."""

    order: int
    tests: tuple[Test, ...]
    index: int
    attrs: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Passed:
    """What one combination of tested values passes: the one-token rules (order, values), their
    values folded in rule order (``_fold``), and the (rule, position) pairs of longer rules."""

    single: tuple[tuple[int, tuple[tuple[int, int], ...]], ...]
    pairs: tuple[tuple[int, int], ...]
    positions: frozenset[tuple[int, int]]
    starts: tuple[int, ...]  # the longer rules whose first token this is


class TagRules:
    """The compiled rules of one attribute_ruler (see the module's docstring)."""

    def __init__(self, rules: list[Rule], lowers: set[str], lower_patterns: list[re.Pattern[str]]):
        self.rules = rules
        self._lowers = lowers
        self._lower_patterns = lower_patterns
        self._named: dict[int, int] = {}  # lower hash -> itself if a rule may name it, else 0
        self._passed: dict[tuple[int, int, int, int], Passed] = {}

    def _lower_key(self, lower: int, text: str) -> int:
        key = self._named.get(lower)
        if key is None:
            named = text in self._lowers or any(p.search(text) for p in self._lower_patterns)
            key = self._named[lower] = lower if named else 0
        return key

    def _work_out(self, values: tuple[str, str, str, bool]) -> Passed:
        single = []
        positions = set()
        for n, rule in enumerate(self.rules):
            if len(rule.tests) == 1:
                if rule.tests[0](values):
                    single.append((rule.order, rule.attrs))
            else:
                positions.update((n, j) for j, t in enumerate(rule.tests) if t(values))
        starts = tuple(n for n, j in sorted(positions) if j == 0)
        return Passed(tuple(single), _fold(single), frozenset(positions), starts)

    def passed(self, doc: Doc, rows: list[list[int]]) -> list[Passed]:
        """What each token passes, from its tested values (cached by their combination)."""
        strings = doc.vocab.strings
        out = []
        for tag, lower, dep, space in rows:
            key = (tag, self._lower_key(lower, strings[lower]), dep, space)
            found = self._passed.get(key)
            if found is None:
                found = self._passed[key] = self._work_out((strings[tag], strings[lower], strings[dep], bool(space)))
            out.append(found)
        return out

    def _long_matches(self, passed: list[Passed]) -> dict[int, list[tuple[int, tuple[tuple[int, int], ...]]]]:
        """Tokens set by rules of several tokens: token index -> [(rule order, values)]."""
        hits: dict[int, list[tuple[int, tuple[tuple[int, int], ...]]]] = {}
        for i, p in enumerate(passed):
            for n in p.starts:
                rule = self.rules[n]
                size = len(rule.tests)
                if i + size <= len(passed) and all((n, j) in passed[i + j].positions for j in range(1, size)):
                    target = i + (rule.index if rule.index >= 0 else size + rule.index)
                    hits.setdefault(target, []).append((rule.order, rule.attrs))
        return hits

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        passed = self.passed(doc, doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist())
        hits = self._long_matches(passed)
        out = doc.to_array(list(WRITTEN)).tolist()
        for i, p in enumerate(passed):
            row = out[i]
            for column, value in (_fold([*p.single, *hits[i]]) if i in hits else p.pairs):
                row[column] = value
        doc.from_array(list(WRITTEN), numpy.array(out, dtype=numpy.uint64))
        return doc


def _fold(matched: list[tuple[int, tuple[tuple[int, int], ...]]]) -> tuple[tuple[int, int], ...]:
    """The values matched rules set, applied in rule order (a later rule's value wins), as
    (column of ``WRITTEN``, value) pairs."""
    merged: dict[int, int] = {}
    for _, attrs in sorted(matched, key=lambda m: m[0]):
        merged.update(attrs)
    return tuple((WRITTEN.index(attr), value) for attr, value in merged.items())


def compile_rules(vocab: Any, patterns: list[dict[str, Any]]) -> TagRules | None:
    """An attribute_ruler's rules (its ``patterns``: patterns, attrs, index per rule) compiled, or
    None where one is outside what this supports."""
    rules: list[Rule] = []
    lowers: set[str] = set()
    regexes: list[re.Pattern[str]] = []
    for order, rule in enumerate(patterns):
        attrs = normalize_token_attrs(vocab, dict(rule["attrs"]))  # names to ids, as the ruler does
        if any(a not in WRITTEN for a in attrs):
            return None
        values = tuple((a, int(v)) for a, v in attrs.items())
        for pattern in rule["patterns"]:
            tests = [_token_test(spec) for spec in pattern]
            if not pattern or any(t is None for t in tests):
                return None
            rules.append(Rule(order, tuple(tests), int(rule.get("index", 0)), values))  # type: ignore[arg-type]
            for spec in pattern:
                named, found = _named_lowers(spec)
                lowers |= named
                regexes += found
    return TagRules(rules, lowers, regexes)


@Language.factory("storyline_tag_rules", default_config={"patterns": []})
def make_tag_rules(nlp: Language, name: str, patterns: list[dict[str, Any]]) -> TagRules:
    rules = compile_rules(nlp.vocab, patterns)
    if rules is None:
        raise ValueError(f"{name}: a rule outside what storyline_tag_rules applies (see storyline.tag_rules)")
    return rules


def replace_attribute_ruler(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Put the compiled rules in the attribute_ruler's place (under its name), where every one of
    its rules is of a supported form; True if replaced."""
    if name not in nlp.pipe_names:
        return False
    patterns = nlp.get_pipe(name).patterns
    if compile_rules(nlp.vocab, patterns) is None:
        return False
    nlp.replace_pipe(name, "storyline_tag_rules", config={"patterns": patterns})
    return True
