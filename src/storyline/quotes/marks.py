"""Finding quoted passages by their marks, on the text alone.

Why a scanner of its own rather than the parser's punctuation: news copy mixes typewriter and
typographic marks, nests quotes inside quotes (``The "United States" is not ...``), runs a
quotation over several paragraphs (each reopened, only the last closed) and sometimes never closes
one. The scanner reads each mark's direction from the characters around it, keeps a stack per
paragraph, and ends an unclosed quotation at its paragraph (or carries it on when the next
paragraph reopens it). It cannot fail on any input: every mark it does not understand is skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

#: Characters after which an opening mark may stand (besides white space and other marks).
_OPEN_CONTEXT = set("([{<—–-/:;,")
#: Characters before which a closing mark may stand (besides white space and other marks).
_CLOSE_CONTEXT = set(".,;:!?)]}>—–-/…")


@dataclass(frozen=True)
class MarkTable:
    """The quotation marks of the ``quote_marks`` lexicon, in the form the scanner needs."""

    closers: dict[str, frozenset[str]]  # opening mark -> the marks that may close it
    ambiguous: frozenset[str]
    apostrophes: frozenset[str]
    single: frozenset[str]

    @property
    def all_marks(self) -> frozenset[str]:
        marks = set(self.closers)
        for c in self.closers.values():
            marks |= c
        return frozenset(marks)

    @classmethod
    def from_lexicon(cls, data: dict[str, Any]) -> MarkTable:
        closers: dict[str, set[str]] = {}
        for pair in data.get("pairs") or []:
            closers.setdefault(str(pair["open"]), set()).update(str(c) for c in pair["close"])
        return cls({k: frozenset(v) for k, v in closers.items()},
                   frozenset(data.get("ambiguous") or ()), frozenset(data.get("apostrophes") or ()),
                   frozenset(data.get("single") or ()))


@dataclass
class Quoted:
    """One top-level quoted passage. ``start``/``end`` bound the words inside the marks;
    ``open_at`` is the opening mark and ``close_end`` the offset just after the closing mark
    (equal to ``end`` where the quotation never closes)."""

    open_at: int
    start: int
    end: int
    close_end: int
    closed: bool = True
    paragraphs: int = 1  # paragraphs the quotation runs across
    mark: str = '"'
    reopened: list[int] = field(default_factory=list)  # offsets of continuation marks


@dataclass
class _Open:
    mark: str
    at: int
    paragraphs: int = 1
    reopened: list[int] = field(default_factory=list)
    inner: list[Quoted] = field(default_factory=list)  # closed quotations directly inside
    stray: int | None = None  # a closing mark of another style met inside ("pik')"), if any


def paragraphs_of(text: str) -> Iterator[tuple[int, int]]:
    """The (start, end) of every non-blank line: wire copy puts one paragraph on a line."""
    for m in re.finditer(r"[^\n]+", text):
        s, e = m.span()
        line = m.group()
        if not line.strip():
            continue
        s += len(line) - len(line.lstrip())
        e -= len(line) - len(line.rstrip())
        yield s, e


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


class _Scanner:
    def __init__(self, text: str, table: MarkTable):
        self.text = text
        self.t = table
        self.marks = table.all_marks
        self.found: list[Quoted] = []

    def _flanks(self, i: int, ps: int, pe: int) -> tuple[bool, bool]:
        """(looks like an opener, looks like a closer) from the characters on either side."""
        prev = self.text[i - 1] if i > ps else ""
        nxt = self.text[i + 1] if i + 1 < pe else ""
        left = bool(nxt) and not nxt.isspace() and (
            not prev or prev.isspace() or prev in _OPEN_CONTEXT or prev in self.marks)
        right = bool(prev) and not prev.isspace() and (
            not nxt or nxt.isspace() or nxt in _CLOSE_CONTEXT or nxt in self.marks)
        return left, right

    def _after_sentence(self, i: int, ps: int) -> bool:
        """True where a full stop (or ! ?) ends the words before the mark."""
        j = i - 1
        while j >= ps and self.text[j].isspace():
            j -= 1
        return j >= ps and j < i - 1 and self.text[j] in ".!?"

    def _lost_opening(self, i: int, ch: str, ps: int, pe: int) -> bool:
        """True where a double closing mark with nothing open ends a paragraph's words and only
        a short attribution follows (", the minister noted."): no other mark in the paragraph,
        the words before it at least a sentence."""
        if ch in self.t.single or ch in self.t.apostrophes:
            return False
        head, tail = self.text[ps:i], self.text[i + 1:pe]
        if any(c in self.marks for c in head + tail) or not re.match(r"\s*,\s*\S", tail):
            return False
        return len(tail.split()) <= 8 and tail.rstrip().endswith(".") and len(head.split()) >= 8

    def _emit(self, o: _Open, end: int, close_end: int, closed: bool) -> None:
        start, end = _trim(self.text, o.at + 1, end)
        if end > start:
            self.found.append(Quoted(o.at, start, end, close_end if closed else end, closed,
                                     o.paragraphs, o.mark, list(o.reopened)))

    def scan(self) -> list[Quoted]:
        carry: _Open | None = None
        carry_end = 0
        for ps, pe in paragraphs_of(self.text):
            stack: list[_Open] = []
            first = ps
            if carry is not None:
                ch = self.text[ps]
                if ch in self.t.closers and ch not in self.t.single and self._flanks(ps, ps, pe)[0]:
                    carry.paragraphs += 1
                    carry.reopened.append(ps)
                    stack.append(carry)
                    first = ps + 1
                else:
                    self._emit(carry, carry_end, carry_end, closed=False)
                carry = None
            for i in range(first, pe):
                ch = self.text[i]
                if ch in self.marks:
                    self._mark(i, ch, ps, pe, stack)
            if stack:
                bottom = stack[0]
                stray = [q for q in bottom.inner if q.mark not in self.t.single and q.mark != bottom.mark]
                if stray:
                    # `said « here. "Our forces will stay," Kovac said.`: a stray mark of another
                    # style never closed, while whole quotations closed inside it; they stand
                    self.found.extend(stray)
                elif bottom.stray is not None and len(stack) == 1:
                    # `(in-kind, or "pik') certificates`: closed with the wrong mark
                    self._emit(bottom, bottom.stray, bottom.stray + 1, closed=True)
                elif bottom.mark not in self.t.single:
                    carry, carry_end = bottom, pe
        if carry is not None:
            self._emit(carry, carry_end, carry_end, closed=False)
        return sorted(self.found, key=lambda q: q.open_at)

    def _mark(self, i: int, ch: str, ps: int, pe: int, stack: list[_Open]) -> None:
        prev = self.text[i - 1] if i > ps else ""
        nxt = self.text[i + 1] if i + 1 < pe else ""
        if ch in self.t.apostrophes and prev.isalnum() and nxt.isalnum():
            return  # Russia's, don't
        left, right = self._flanks(i, ps, pe)
        if not left and not right:
            return  # a mark standing alone between spaces: nothing opens or closes here
        target = next((j for j in range(len(stack) - 1, -1, -1) if ch in self.t.closers.get(stack[j].mark, ())),
                      None)
        opens = ch in self.t.closers
        if target is not None and opens and left and not right:
            if target == len(stack) - 1 and self._after_sentence(i, ps):
                # `... this step. "We want to ...`: a quoted paragraph reopened where the copy lost
                # its paragraph breaks; the quotation goes on
                stack[target].reopened.append(i)
                return
            target = None  # `The "United States"`: a nested quotation opens here
        if target is not None:
            if ch in self.t.apostrophes and not right and target != len(stack) - 1:
                return  # an apostrophe cannot close past an open inner quotation
            o = stack[target]
            del stack[target:]
            if target == 0:
                self._emit(o, i, i + 1, closed=True)
            elif target == 1:
                start, end = _trim(self.text, o.at + 1, i)
                if end > start:
                    stack[0].inner.append(Quoted(o.at, start, end, i + 1, True, 1, o.mark))
            return
        if right and not left and not stack and self._lost_opening(i, ch, ps, pe):
            # `We support the talks.”, the minister noted.`: a quoted paragraph whose opening
            # mark the copy lost; it opened where the paragraph does
            self.found.append(Quoted(ps, ps, i, i + 1, True, 1, ch))
            return
        if right and not left and stack and stack[0].stray is None and i + 1 < pe and self.text[i + 1] in _CLOSE_CONTEXT:
            stack[0].stray = i  # a closing mark that closes nothing open, right before punctuation
        if not opens:
            return
        if ch in self.t.ambiguous and right and not left:
            return  # a closing mark with nothing open: skip it
        if ch in self.t.apostrophes and (prev.isalnum() or not left):
            return  # ISIS' reemergence
        stack.append(_Open(ch, i))


def find_quoted(text: str, table: MarkTable) -> list[Quoted]:
    """Every top-level quoted passage of ``text``, in order (nested quotations stay inside)."""
    return _Scanner(text, table).scan()
