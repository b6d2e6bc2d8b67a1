"""Typos of a dictionary's spelling, mended when a name is shown.

Why at display and not in the build: the imported dictionaries (PETRARCH2's among them) carry
a person's canonical name with an occasional typo that its own aliases do not share ("Nasrat"
beside two aliases ending "Nasrah"); the index keeps every spelling for lookup, and only the
name a reader sees is mended, so the compiled knowledge base needs no rebuild.
"""

from __future__ import annotations

from collections.abc import Iterable

from .names import fold, loose_word


def _typo_apart(a: str, b: str) -> bool:
    """One consonant written for another, the rest the same ("Nasrat"/"Nasrah"); a vowel for a
    vowel ("Nebenzya"/"Nebenzia") is transliteration, not a typo."""
    if len(a) != len(b) or loose_word(a) == loose_word(b):
        return False
    diff = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    return len(diff) == 1 and not (set(diff[0]) & set("aeiouy"))


def repaired_name(name: str, aliases: Iterable[str]) -> str:
    """A person's name with a dictionary's typo in the surname mended from its own aliases:
    where the last word of ``name`` differs by one letter from the last word every alias ends
    with (at least two aliases, all agreeing, none with the name's spelling), the aliases' word
    is the spelling ("Karim Abdul Nasrat", aliases "Karim Abdul Nasrah", "Karim bin Abdul
    Nasrah" -> "Karim Abdul Nasrah"). A real variant (Aliev beside Aliyev) differs in length or
    is a vowel for a vowel, or has an alias with the name's own spelling, and is kept."""
    words = name.split()
    if len(words) < 2 or len(words[-1]) < 5:
        return name
    own = fold(words[-1])
    lasts = [w[-1] for w in (a.split() for a in aliases) if len(w) >= 2]
    folded = {fold(w) for w in lasts}
    if len(lasts) < 2 or len(folded) != 1 or own in folded:
        return name
    other = lasts[0]
    if not _typo_apart(own, fold(other)):
        return name
    return " ".join([*words[:-1], other])


def one_edit(a: str, b: str) -> bool:
    """True where b is a with one letter changed, added or dropped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


#: The shortest surname a one-letter slip is read in: shorter names are too close to each other.
MIN_SURNAME = 7


class NearNames:
    """Full names of the knowledge base by their given name, for a name written one letter off
    ("Mevlut Cavusuglu" for Cavusoglu): the same given name (in its spelling skeleton), a
    surname of at least ``MIN_SURNAME`` letters one letter changed, added or dropped."""

    def __init__(self, keys: Iterable[str]):
        self.by_given: dict[str, list[str]] = {}
        for key in keys:
            words = key.split()
            if len(words) >= 2 and len(words[-1]) >= MIN_SURNAME - 1:  # the slip may drop a letter
                self.by_given.setdefault(loose_word(words[0]), []).append(key)

    def near(self, words: list[str]) -> list[str]:
        """The known keys the name (its ``name_words``) may be a slip of, none if it is short."""
        if len(words) < 2 or len(words[-1]) < MIN_SURNAME:
            return []
        return [k for k in self.by_given.get(loose_word(words[0]), ())
                if len(k.split()) == len(words) and one_edit(k.split()[-1], words[-1])]
