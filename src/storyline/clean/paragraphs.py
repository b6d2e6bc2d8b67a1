"""Raw text to a list of paragraphs: white space made plain, hard-wrapped lines joined again.

Why reflow: the parser starts a new sentence at every line break (wire copy has headlines and
paragraphs without a final full stop), so text wrapped at 70 columns, like the Reuters wire,
would be cut into a sentence a line. Wrapped text is recognised by its shape (many long lines of
about the same width that run on into the next line) and joined back into paragraphs; text that
is one paragraph a line, the common case, is left as it is.
"""

from __future__ import annotations

import re

_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_LINE_BREAKS = re.compile(r"\r\n|\r|\u2028|\u2029|\x85")
_ENDS_SENTENCE = re.compile(r"[.!?…:;]['\"”’»)\]]*$")


def normalise(text: str) -> str:
    """One kind of line break, no control or invisible characters, tabs and exotic spaces as
    plain spaces (the text keeps every word and every punctuation mark)."""
    text = _LINE_BREAKS.sub("\n", text)
    text = _INVISIBLE.sub("", text)
    text = _CONTROL.sub("", text.replace("\x0c", "\n"))
    return text.replace("\t", "    ")


def _tidy(line: str) -> str:
    return _SPACES.sub(" ", line).strip()


def is_hard_wrapped(lines: list[str]) -> bool:
    """True where most lines are cut at a fixed width and run on into the next line."""
    body = [ln.rstrip() for ln in lines if ln.strip()]
    if len(body) < 4:
        return False
    lengths = sorted(len(ln) for ln in body)
    width = lengths[int(0.9 * (len(lengths) - 1))]
    if width > 100 or width < 30:
        return False
    runs_on = 0
    for line, nxt in zip(lines, lines[1:], strict=False):
        line = line.rstrip()
        if len(line) >= 0.6 * width and nxt.strip() and not nxt.startswith((" ", "\t")) \
                and not _ENDS_SENTENCE.search(line):
            runs_on += 1
    return runs_on >= 0.3 * len(body)


def _ends_block(previous: str, line: str, width: int) -> bool:
    """True where a wrapped paragraph cannot run on from ``previous`` into ``line``: a line far
    shorter than the wrapping width is a paragraph's last (or a header line: a masthead, a
    timestamp), and a line far longer than it (a headline, a quoted line) was never wrapped."""
    if not previous:
        return False
    return len(previous) < 0.6 * width or len(previous) > width + 8 or len(line.rstrip()) > width + 8


def split_paragraphs(text: str) -> list[str]:
    """The paragraphs of ``text``, each on one line, tidied; empty ones dropped."""
    lines = normalise(text).split("\n")
    if not is_hard_wrapped(lines):
        return [t for t in (_tidy(ln) for ln in lines) if t]
    widths = sorted(len(ln.rstrip()) for ln in lines if ln.strip())
    width = widths[int(0.9 * (len(widths) - 1))]
    paragraphs: list[str] = []
    current: list[str] = []
    previous = ""
    for line in lines:
        starts_new = (not line.strip() or line.startswith(" ") or _ends_block(previous, line, width))
        if starts_new and current:
            paragraphs.append(_tidy(" ".join(current)))
            current = []
        if line.strip():
            current.append(line.strip())
        previous = line.rstrip()
    if current:
        paragraphs.append(_tidy(" ".join(current)))
    return [p for p in paragraphs if p]
