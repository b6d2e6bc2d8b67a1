"""The shortcut scan of the date patterns (dates/scan.py) finds exactly what ``finditer`` finds.

The texts are chosen to corner the shortcut: words that exist only as parts of longer words
("Decemberist"), characters that ``re.IGNORECASE`` takes for ASCII letters (the long s, the Kelvin
sign, the dotted capital I), digits of other scripts, curly apostrophes, "3-" before a number,
expressions at the very start and end, and a text with no date at all."""

from __future__ import annotations

import re

import pytest

from storyline.dates.rules import DateRules
from storyline.dates.scan import TextIndex, first_keys, fold, requirement
from storyline.lexicons import load_lexicon

TEXTS = [
    "Monday, June 1, 2020: talks resumed at 10 a.m. and ended on Tuesday evening, three days later.",
    "On 12.04.2016 and 2016-04-12 the army said; in the ’90s and the 1990s, '90s; 3-2016 is a score.",
    "The Decemberist mayor may marchand; yesterday's quarter-end came twice a year, every other week.",
    "ſunday \u212aelvin Fridaſ MONDAY İn the year 2019 ſeven decades ago at noon o'clock",
    "Deadline: \u0661\u0669\u0669\u0660 and ١٢ days; the first quarter of fiscal 2019 ended.",
    "No date here at all, only words and more words.",
    "",
    "2020",
    "for several hours, a decade-long war; 24 hours; mid-2019; the 2000s; the day before yesterday",
]


@pytest.fixture(scope="module")
def rules() -> DateRules:
    return DateRules(load_lexicon("dates", []))


def _spans(matches: list[re.Match[str]]) -> list[tuple[int, int, dict[str, str | None]]]:
    return [(m.start(), m.end(), m.groupdict()) for m in matches]


@pytest.mark.parametrize("text", TEXTS)
def test_shortcut_finds_what_finditer_finds(rules: DateRules, text: str) -> None:
    index = TextIndex(text, rules.edge)
    for rule in rules.rules:
        expected = _spans(list(rule.regex.finditer(text)))
        assert _spans(list(index.finditer(rule.regex, rule.need, rule.first))) == expected, rule.id


def test_most_patterns_get_a_shortcut(rules: DateRules) -> None:
    """If the parse tree stopped being readable, every pattern would silently scan as before."""
    assert sum(r.first is not None for r in rules.rules) >= len(rules.rules) * 3 // 4
    assert sum(bool(r.need) for r in rules.rules) >= len(rules.rules) * 3 // 4


def test_requirement_and_first_keys_read_the_pattern() -> None:
    regex = re.compile(r"(?<!\w)(?:the )?(?:Monday|Tuesday) (?:morning|night)", re.IGNORECASE)
    assert frozenset({"monday", "tuesday"}) in requirement(regex)
    assert frozenset({"morning", "night"}) in requirement(regex)
    assert first_keys(regex) == frozenset({"t", "m", ""})
    # a match that may be empty, or a construct not worked out, gets no shortcut
    assert first_keys(re.compile(r"(?:year)?")) is None
    assert first_keys(re.compile(r".year")) is None
    assert first_keys(re.compile(r"[^a]year")) is None


def test_fold_keeps_what_ignorecase_matches() -> None:
    for word, text in [("s", "ſ"), ("k", "\u212a"), ("i", "İ"), ("sunday", "ſUNDAY")]:
        assert re.search(word, text, re.IGNORECASE)
        assert word in fold(text)
