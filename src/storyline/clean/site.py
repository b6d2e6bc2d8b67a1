"""The publisher of a page whose outlet the outlet table does not know, from what the page and its
address say about the site.

Why apart from ``sources.py``: those credits need a spelling the table knows ("(Reuters)",
"- Bernama"); a page from one of the many outlets nobody added names itself too, in its copyright
line, a staff byline, its header or footer, and its address. Each step below yields a credit with
its source; ``sources.choose_publisher`` ranks them with the others (``PUBLISHER_SOURCES``).

The cascade (the most trusted first):

1. ``site_credit``: a line at the page's edges that credits it to a named outlet the table does
   not know: a copyright line ("(c) 2024 The News Daily. All rights reserved.", source
   ``site:copyright``) or a "Source: X" / "Credit: X" line (``text:credit_line``). A copyright
   holder says who runs the site; a "Source:" line who supplied the story.
2. A staff byline ("By The News Daily Staff", "Harare Herald Staff Reporter", ``text:byline``),
   and a wire's credit ending the story: "... he said. - Kivupress", "... (Kivupress)", or a
   last line that is only an agency's abbreviation (``text:signoff``).
3. ``named_by_address``: a site name in the page (its header or footer furniture first, then its
   text) whose letters the address agrees with: "The News Daily" on thenewsdaily-zambezi.co.zw,
   "Free Malaysia Today" on fmt (its initials, in the furniture only), "Agenda.ge" on
   agenda.ge (``site:name``).
   Only a name the address confirms counts, so a "Read more on X" link or a related story's
   credit in the furniture never names the page's own outlet.
4. ``domain_name``: the address's main name made readable (``site:domain``): subdomains and
   public suffixes dropped ("english.", "amp.", ".co.zw"), the rest split into words the page
   itself uses or the lexicon's outlet words ("premiumtimesng" -> "Premium Times", a trailing
   country code dropped), a short unknown name in capitals ("ewn" -> "EWN").

Carriers and authors: steps 1 (copyright), 3 and 4 speak for the site, which may only carry
the story; a credit that speaks for the story (a dateline's "(Reuters)", "By Yonhap", a wire's
sign-off, "Source: X") wins over them, and the site is then kept as the carrier.
Without an address only steps 1-2 can name anyone: nothing is made up from furniture alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from .metadata import Credit
from .patterns import Patterns

#: The longest site name (in words) looked for in a page's text.
MAX_NAME_WORDS = 6
#: A piece of a name that no word explains is an abbreviation ("ewn" -> "EWN") up to this many
#: letters, or at any length without a vowel ("bbc", "ntv").
MAX_ACRONYM = 3

_TOKEN = re.compile(r"[^\s|•·»«/()\[\]{}\"“”,:;]+")
_EDGE_PUNCT = " .'’-–—!?*"


def _squash(text: str) -> str:
    """Letters and digits only, case-folded: "Agenda.ge" -> "agendage"."""
    return "".join(ch for ch in text.casefold() if ch.isalnum())


@dataclass(frozen=True)
class Host:
    """A page address's host, cut into the parts that may name its site."""

    host: str
    labels: tuple[str, ...]  # the names under the public suffix, the main (registered) one last
    suffix: str  # the public suffix: "com", "co.zw"

    @property
    def main(self) -> str:
        return self.labels[-1] if self.labels else ""


def split_host(url: str, pats: Patterns) -> Host | None:
    """The site-naming parts of ``url``'s host: "https://en.thenews-x.co.zw/a" -> labels
    ("thenews-x",), suffix "co.zw"; generic subdomains ("www", "en", "amp") are dropped."""
    host = (urlsplit(url if "//" in url else "//" + url).hostname or "").casefold()
    parts = [p for p in host.split(".") if p]
    if len(parts) < 2 or all(p.isdigit() for p in parts):
        return None
    cut = len(parts) - 1
    if cut > 1 and parts[cut - 1] in pats.site.second_levels and len(parts[-1]) == 2:
        cut -= 1
    labels = tuple(p for p in parts[:cut] if p not in pats.site.generic_subdomains)
    return Host(host, labels, ".".join(parts[cut:])) if labels else None


def _forms(host: Host) -> list[str]:
    """The squashed spellings a site's name may have, from its address: "thenewsdaily-zambezi"
    -> "thenewsdailyzambezi", "thenewsdaily", "zambezi"; "agenda" + "ge" -> "agendage"."""
    out: list[str] = []
    for label in reversed(host.labels):
        whole = label.replace("-", "")
        out += [whole, whole + _squash(host.suffix)]
        out += [p for p in label.split("-") if len(p) >= 4]
    return [f for f in dict.fromkeys(out) if len(f) >= 2]


def _agrees(name_words: list[str], forms: list[str], pats: Patterns, initials: bool) -> bool:
    """True where a run of words spells one of the address's forms: letter for letter (a leading
    "The" and a trailing country code aside), or, with ``initials``, by the initials of three or
    more words ("Free Malaysia Today" on fmt)."""
    squashed = _squash("".join(name_words))
    bare = squashed.removeprefix("the")
    for form in forms:
        form_bare = form.removeprefix("the")
        if len(bare) >= 3 and bare == form_bare:
            return True
        rest = form_bare[len(bare):] if len(bare) >= 5 and form_bare.startswith(bare) else None
        if rest and rest in pats.site.country_codes:
            return True
    if not initials:
        return False
    words = [w for w in name_words if w.casefold() not in pats.site.name_glue]
    letters = "".join(w[0] for w in words).casefold()
    return len(words) >= 3 and letters in forms


def _runs(line: str) -> list[list[str]]:
    """Runs of up to ``MAX_NAME_WORDS`` words in a line that start and end capitalised (or with a
    digit, or a dotted name like "Agenda.ge"), longest first at each start."""
    tokens = [t.strip(_EDGE_PUNCT) for t in _TOKEN.findall(line)]
    out = []
    for i, tok in enumerate(tokens):
        if not (tok[:1].isupper() or tok[:1].isdigit()):
            continue
        for n in range(min(MAX_NAME_WORDS, len(tokens) - i), 0, -1):
            run = tokens[i:i + n]
            last = run[-1]
            if all(run) and (last[:1].isupper() or last[:1].isdigit() or "." in last):
                out.append(run)
    return out


def named_by_address(url: str, furniture: list[str], text: list[str], pats: Patterns) -> Credit | None:
    """Step 3: the first run of capitalised words, in the furniture and then in the text, that
    the page's address spells; letter-for-letter matches are looked for before initials."""
    host = split_host(url, pats)
    if host is None:
        return None
    forms = _forms(host)
    # initials only in the furniture: three capitalised words of the text spell many a short name
    for initials, lines in ((False, [*furniture, *text]), (True, furniture)):
        for line in lines:
            for run in _runs(line[:2000]):
                if _agrees(run, forms, pats, initials):
                    name = " ".join(run)
                    return Credit(name, None, f"site name {name!r} agrees with the address {host.host}")
    return None


# ------------------------------------------------------------------ step 4: the domain itself

def _segment(label: str, vocabulary: set[str]) -> list[tuple[str, bool]]:
    """``label`` cut into (piece, known) pieces: known words of ``vocabulary`` where they cover
    it, unknown stretches kept whole; fewest unknown letters first, then fewest pieces."""
    n = len(label)
    best: list[tuple[float, list[tuple[str, bool]]] | None] = [None] * (n + 1)
    best[0] = (0.0, [])
    for i in range(1, n + 1):
        for j in range(i):
            prev = best[j]
            if prev is None:
                continue
            piece = label[j:i]
            known = piece in vocabulary
            if not known and prev[1] and not prev[1][-1][1]:
                continue  # two unknown stretches in a row are one stretch
            cost = prev[0] + (0.5 if known else len(piece) + 0.5)
            if best[i] is None or cost < best[i][0]:  # type: ignore[index]
                best[i] = (cost, [*prev[1], (piece, known)])
    return best[n][1] if best[n] else [(label, False)]  # type: ignore[index]


def _readable(label: str, vocabulary: set[str], pats: Patterns) -> str:
    words: list[str] = []
    for part in label.split("-"):
        pieces = _segment(part, vocabulary) if part.isalpha() else [(part, False)]
        if len(pieces) > 1 and not pieces[-1][1] and pieces[-1][0] in pats.site.country_codes:
            pieces = pieces[:-1]  # premiumtimesng: the country is not the name
        for piece, known in pieces:
            if not known and piece.isalpha() and (len(piece) <= MAX_ACRONYM or not set(piece) & set("aeiouy")):
                words.append(piece.upper())
            else:
                words.append(piece if piece in pats.site.name_glue and words else piece.capitalize())
    return " ".join(words)


def domain_name(url: str, text: str, pats: Patterns) -> Credit | None:
    """Step 4: the address's main name as a reader would write it."""
    host = split_host(url, pats)
    if host is None or not host.main.replace("-", "").isalnum():
        return None
    places = {c for c in pats.countries if c.isalpha()}
    vocabulary = set(re.findall(r"[a-z]{3,}", text.casefold())) | pats.site.outlet_words | places
    name = _readable(host.main, vocabulary, pats)
    return Credit(name, None, f"address: {host.host} read as {name!r}") if name else None


# ------------------------------------------------------------------ step 1: credit lines

def _tidy_name(name: str, pats: Patterns) -> str | None:
    """A credited name without a company's legal form and trailing dots ("The News Daily Ltd."
    -> "The News Daily"), or None where it is no outlet's name ("All", "Staff")."""
    words = name.strip(" .,").split()
    while words and words[-1].strip(".,").casefold() in pats.site.legal_suffixes:
        words.pop()
    name = " ".join(words).strip(" .,")
    if not name or name.casefold() in pats.site.not_names or not any(ch.isalpha() for ch in name):
        return None
    if all(w.casefold() in pats.site.name_glue for w in name.split()) or any(w.isdigit() for w in name.split()):
        return None  # "The"; a wire's routing code ("NYFK 21512")
    return name


def site_credit(line: str, pats: Patterns) -> tuple[str, Credit] | None:
    """Steps 1-2: (source, credit) of a copyright, "Source:" or staff byline line naming an
    outlet the table may not know. A source or staff line's name must look like an outlet's (an
    outlet word such as "News" or "Times" in it): "Source: John Smith" credits a photographer,
    "By Jane Doe Staff Writer" a person."""
    if len(line) > 300:
        return None
    for source, patterns, outlet_like in (("site:copyright", pats.site.copyright, False),
                                          ("text:credit_line", pats.site.first_on, False),
                                          ("text:credit_line", pats.site.source, True),
                                          ("text:byline", pats.site.staff, True)):
        for p in patterns:
            m = p.match(line)
            name = _tidy_name(m.group("credit"), pats) if m else None
            if name and (not outlet_like or _outlet_like(name, pats, issuers=source == "text:credit_line")):
                return source, Credit(name, None, line.strip())
    return None


def _outlet_like(name: str, pats: Patterns, issuers: bool = False) -> bool:
    """A name with an outlet word in it ("Harare Herald", "Zambezi News24"), or with ``issuers``
    a body's ("Ministry of Foreign Affairs")."""
    words = pats.site.outlet_words | (pats.site.issuer_words if issuers else frozenset())
    return any(_squash(w).rstrip("0123456789") in words for w in name.split())


def site_last_line(line: str, pats: Patterns) -> Credit | None:
    """Step 2: a last line below the story that is only an agency's abbreviation ("KPA"), not a
    furniture word in capitals ("MORE", "TAGS": ``not_names``)."""
    for p in pats.site.last_line:
        m = p.match(line)
        name = _tidy_name(m.group("credit"), pats) if m else None
        if name:
            return Credit(name, None, line.strip())
    return None


def site_signoff(paragraph: str, pats: Patterns) -> tuple[Credit, int] | None:
    """Step 2: a credit ending the last paragraph that names an outlet the table may not know
    ("... he said. - Bernama", "... (Yonhap)"), and where it starts. A person signs off in two
    or more words, so the name must be one word, written in capitals, or hold an outlet word."""
    for p in pats.site.signoffs:
        m = p.search(paragraph)
        name = _tidy_name(m.group("credit"), pats) if m else None
        if m and name and m.start() > 0 and (len(name.split()) == 1 or name.isupper() or _outlet_like(name, pats)):
            return Credit(name, None, m.group(0).strip()), m.start()
    return None
