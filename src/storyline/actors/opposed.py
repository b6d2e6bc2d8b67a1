"""Modifiers that name whom a thing is against, not whose it is.

"Anti-French demonstrations" are not France's, "an anti-Houthi coalition" is not the Houthis' and
"the anti-Russian Petro Poroshenko" is no Russian: a state or people word after a prefix of
opposition (``opposing_prefixes`` in grammar.yaml: "anti-") names the target of the noun it
modifies. The parser splits "anti-French" into "anti", "-", "French" or keeps it whole; both are
read. The actors layer leaves such a modifier out of the noun's owners (``resolve``), and the
events layer reads it as the target of the act the noun names (``events.roles``).
"""

from __future__ import annotations

from typing import Any

from ..lexicons import load_lexicon

Token = Any  # spacy.tokens.Token

PREFIXES = frozenset(str(w).lower() for w in load_lexicon("grammar").get("opposing_prefixes", []))
HYPHENS = frozenset({"-", "‐", "–"})


def opposing_modifier(tok: Token) -> bool:
    """The word is the object of a prefix of opposition: "French" in "anti-French", or the
    whole "anti-French" where the parser keeps it as one token."""
    low = tok.lower_
    if any(low.startswith(p) and low[len(p):len(p) + 1] in HYPHENS for p in PREFIXES):
        return True
    doc, i = tok.doc, tok.i
    return i >= 2 and doc[i - 1].text in HYPHENS and doc[i - 2].lower_ in PREFIXES


def opposed_in(heads: list[Token]) -> list[Token]:
    """The opposing modifiers of these argument heads ("Chinese" of "anti-Chinese riots")."""
    return [m for t in heads for m in t.children if m.dep_ in ("amod", "compound") and opposing_modifier(m)]
