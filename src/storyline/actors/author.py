"""The author of a statement printed as written, named by the document's title or address.

An office's own text ("I welcome the agreement ...", "I urge the parties ...") is reposted with no
byline: who "I" is, the page says only by its address or title ("secretary-generals-statement-on-
the-truce", "Statement by the High Representative on ...", "Remarks by the President at ...").
Without it the events of the statement have "I" for a doer. The cascade:

1. the document's title, then the last part of its address (hyphens and underscores as spaces);
2. a statement word of ``author.statement_words`` (speakers.yaml: statement, remarks ...) with
   a role phrase of the role lexicon within ``_REACH`` words before it ("secretary-general's
   statement") or after it ("statement by the high representative");
3. the body or state: one the words before the role name ("UN Secretary-General"), else those the
   article's mentions name, most named first;
4. the single holder of the role's offices for that body or state on the document's date; none if
   two could be meant (the article does not say).

A first-person singular subject pronoun outside quotations then stands for that author
(``link.Linker``); a text whose address names no author keeps its "I" as before.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

from ..model import Document
from .lexicon import RoleLexicon, RoleWord
from .names import name_words


@dataclass(frozen=True)
class AuthorCues:
    """The words of speakers.yaml's ``author`` entry: what marks a statement in a title or an
    address, and the pronouns that stand for its author."""

    statement_words: frozenset[str] = frozenset()
    pronouns: frozenset[str] = frozenset()


def author_cues(ctx: Any) -> AuthorCues:
    """The cues for a context (read once, with the user's --lexicon extensions)."""
    def make() -> AuthorCues:
        spec = (ctx.lexicon("speakers") or {}).get("author") or {}
        return AuthorCues(frozenset(str(w).lower() for w in spec.get("statement_words") or ()),
                          frozenset(str(w).lower() for w in spec.get("pronouns") or ()))
    return ctx.cached("actors:author_cues", make)


#: How many words a role phrase may lie from the statement word ("statement by the UN secretary general").
_REACH = 3


def _texts(doc: Document) -> list[str]:
    out = [doc.title or ""]
    if doc.url:
        path = urlparse(doc.url).path.rstrip("/")
        out.append(path.rsplit("/", 1)[-1].replace("-", " ").replace("_", " "))
    return [t for t in out if t]


def _role_near(words: list[str], statement: frozenset[str], lex: RoleLexicon) -> tuple[int, RoleWord] | None:
    """The role phrase nearest a statement word, with the index of its first word."""
    best: tuple[int, int, RoleWord] | None = None
    cues = [i for i, w in enumerate(words) if w in statement]
    for i in range(len(words)):
        m = lex.roles.match(words, i)  # type: ignore[arg-type]
        if m is None or not m[1].offices:
            continue
        n, role = m
        gap = min((c - (i + n) if c >= i + n else i - c - 1 for c in cues), default=None)
        # "secretary generals statement": a possessive "s" the address lost sits between
        if gap is not None and 0 <= gap <= _REACH and (best is None or gap < best[0]):
            best = (gap, i, role)
    return (best[1], best[2]) if best else None


def _named_before(words: list[str], start: int, kb: Any) -> list[str]:
    """Codes of the bodies or states the words just before a role name ("un", "french")."""
    out: list[str] = []
    for w in words[max(0, start - 2):start]:
        state = kb.state(w)
        if state is not None:
            out.append(state.id)
            continue
        out += [aid for aid in kb.lookup(w) if kb.kind_of(aid) not in ("person", None)]
    return out


def document_author(doc: Document, kb: Any, lex: RoleLexicon, cues: AuthorCues, named: Counter[str]) -> str | None:
    """The actor id of the author the document's title or address names (see the cascade);
    ``named`` counts the bodies and states the article's mentions name."""
    statement_words = cues.statement_words
    if not statement_words or not cues.pronouns:
        return None
    for text in _texts(doc):
        words = name_words(text)
        found = _role_near(words, statement_words, lex)
        if found is None:
            continue
        start, role = found
        places = _named_before(words, start, kb) or [c for c, _ in named.most_common()]
        for place in places:
            holders = {a.id for off in role.offices for a in kb.holders(off, place, doc.date)}
            if len(holders) == 1:
                return holders.pop()
            if holders:
                return None
    return None
