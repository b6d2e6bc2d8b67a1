"""How names are compared: one normal form for the knowledge base, the ruler and the linker.

Why a normal form rather than fuzzy matching: linking must cost almost nothing per document, so
every name is reduced once (when the knowledge base is built) to keys that text tokens can be
looked up under with a dict. ``name_key`` folds case, accents, periods and hyphens ("U.S." =
"US", "Nagorno-Karabakh" = "Nagorno Karabakh", "Erdoğan" = "Erdogan"); ``loose_key`` also folds
transliteration ("Sergei" = "Sergey", "Aliyev" = "Aliev") so a spelling variant still finds its
person.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

_APOSTROPHES = "'’‘`´ʼ"
_DROP = str.maketrans({c: "" for c in _APOSTROPHES + "."})
_SPACE = re.compile(r"[^0-9a-z]+")

#: Particles that sit inside names (al-Assad, von der Leyen, bin Salman) and stay lower case;
#: filled from data/actors/name_variants.yaml by ``set_variants``.
PARTICLES: set[str] = set()


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Lower case, without accents, apostrophes or periods."""
    t = unicodedata.normalize("NFKD", text)
    t = "".join(c for c in t if not unicodedata.combining(c))
    return t.casefold().translate(_DROP).replace("ı", "i").replace("ß", "ss")


def name_words(text: str) -> list[str]:
    """The words a name is compared by: folded, split at anything but letters and digits."""
    return [w for w in _SPACE.split(fold(text)) if w]


@lru_cache(maxsize=200_000)
def token_words(text: str) -> tuple[str, ...]:
    """``name_words`` of one token's text, cached: documents repeat their words."""
    return tuple(w for w in _SPACE.split(fold(text)) if w)


def name_key(text: str) -> str:
    return " ".join(name_words(text))


_VARIANTS: dict[str, str] = {}


def set_variants(groups: Iterable[Iterable[str]], particles: Iterable[str] = ()) -> None:
    """Install the given-name variant table and the name particles (data/actors/name_variants.yaml)."""
    PARTICLES.clear()
    PARTICLES.update(particles)
    _VARIANTS.clear()
    for group in groups:
        words = [name_key(w) for w in group]
        for w in words:
            _VARIANTS.setdefault(w, words[0])
    loose_word.cache_clear()


@lru_cache(maxsize=200_000)
def loose_word(word: str) -> str:
    """One word's spelling skeleton: its listed variant, then y->i, kh->h, doubled letters once."""
    w = _VARIANTS.get(word, word)
    w = w.replace("kh", "h").replace("y", "i").replace("x", "ks").replace("w", "v")
    w = w.replace("ou", "u").replace("ie", "i")
    out = []
    for c in w:
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


def loose_key(text: str) -> str:
    return " ".join(loose_word(w) for w in name_words(text))


def surname_words(words: list[str]) -> list[str]:
    """The words of a person's name that can stand alone for them: the last word, and the last
    word with its particle ("al assad" and "assad", "von der leyen" and "leyen")."""
    if len(words) < 2:
        return []
    out = [words[-1]]
    i = len(words) - 2
    while i >= 1 and words[i] in PARTICLES:
        i -= 1
    if i < len(words) - 2:
        out.append(" ".join(words[i + 1:]))
    return out


def display_name(raw: str) -> str:
    """A readable name from a dictionary spelling: ``ABU_BAKR_AL-BAGHDADI_`` -> ``Abu Bakr
    al-Baghdadi``; names already in mixed case are kept."""
    text = raw.replace("_", " ").strip()
    text = " ".join(text.split())
    if not text.isupper():
        return text
    words = []
    for i, w in enumerate(text.split(" ")):
        parts = w.split("-")
        cased = []
        for p in parts:
            low = p.lower()
            if i > 0 and low in PARTICLES and (len(parts) == 1 or p is parts[0]):
                cased.append(low)
            elif low.startswith("mc") and len(low) > 2:
                cased.append("Mc" + low[2:].capitalize())
            elif "'" in low:
                cased.append("'".join(s.capitalize() for s in low.split("'")))
            else:
                cased.append(low.capitalize())
        words.append("-".join(cased))
    return " ".join(words)


def slug(text: str) -> str:
    return "-".join(name_words(text)) or "x"


def is_female_name(name: str, given: Iterable[str], endings: Iterable[str]) -> bool:
    """A guess used only to keep "he" from pointing at a woman: a listed given name or, for a
    surname, an ending that marks a woman in Slavic and Baltic usage."""
    words = name_words(name)
    if not words:
        return False
    if words[0] in given:
        return True
    return len(words) >= 1 and any(words[-1].endswith(e) for e in endings) and len(words[-1]) > 5
