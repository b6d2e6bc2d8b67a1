"""Where a quotation's attribution can stand: the words before and after it in its sentence.

Why regions of text rather than the parser's sentences: the parser often cuts ``"...," he said.``
into two sentences, or glues a quoted sentence to the next one. A region is read on the tokens,
bounded by the sentence's own punctuation outside the marks, by the paragraph, and by a quoted
sentence that ends with its own full stop (``"... Turkey." McGurk later wrote, "..."``: what
follows the stop introduces the next quotation, not the last one).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Any

from ..model import Document
from ..parse import token_bounds
from .marks import Quoted, find_quoted, paragraphs_of

_FINAL = {".", "!", "?", "…", "..."}
_ENDS = ".!?…"
_DASHES = {"–", "—", "-", "--"}
#: The most words an attribution standing after a quoted full sentence may have.
_SHORT_ATTRIBUTION = 6


@dataclass
class Frame:
    """The quotations of one document and, for each token, which quotation holds it."""

    doc: Document
    quoted: list[Quoted]
    tok_quote: list[int]  # token index -> index into ``quoted`` (marks included), or -1
    tok_para: list[int]  # token index -> paragraph number
    para_spans: list[tuple[int, int]]
    para_starts: list[int]

    @classmethod
    def build(cls, doc: Document, marks: Any) -> Frame:
        sdoc = doc.spacy
        quoted = find_quoted(doc.text, marks)
        tok_quote = [-1] * len(sdoc)
        for qi, q in enumerate(quoted):
            span = sdoc.char_span(q.open_at, max(q.close_end, q.end), alignment_mode="expand")
            if span is not None:
                for i in range(span.start, span.end):
                    tok_quote[i] = qi
        paras = list(paragraphs_of(doc.text))
        starts = [s for s, _ in paras]
        tok_para = [max(0, bisect_right(starts, idx) - 1) for idx in token_bounds(sdoc)[0]]
        return cls(doc, quoted, tok_quote, tok_para, paras, starts)

    # ------------------------------------------------------------ tokens and quotations

    @property
    def sdoc(self) -> Any:
        return self.doc.spacy

    def para_at(self, offset: int) -> int:
        return max(0, bisect_right(self.para_starts, offset) - 1)

    def in_quote(self, i: int) -> bool:
        return self.tok_quote[i] != -1

    def ends_sentence(self, qi: int) -> bool:
        """True where the quoted words end with their own full stop (or ! ?)."""
        q = self.quoted[qi]
        inner = self.doc.text[q.start:q.end].rstrip(" \"'”’»)]")
        return bool(inner) and inner[-1] in _ENDS

    def first_token(self, offset: int) -> int:
        """The index of the first token starting at or after ``offset``."""
        return bisect_left(token_bounds(self.sdoc)[0], offset)

    def content_tokens(self, qi: int) -> list[int]:
        q = self.quoted[qi]
        return list(range(self.first_token(q.start), bisect_left(token_bounds(self.sdoc)[0], q.end)))

    # ------------------------------------------------------------ regions

    def after(self, qi: int) -> list[int]:
        """Tokens after the closing mark, up to the sentence's end, the paragraph's end or the
        next quotation. Empty where the quotation closed its own sentence and a new one starts."""
        q = self.quoted[qi]
        if not q.closed:
            return []
        sdoc = self.sdoc
        para = self.para_at(q.close_end - 1)
        out: list[int] = []
        ended = hit_quote = False
        i = self.first_token(q.close_end)
        while i < len(sdoc) and self.tok_para[i] == para:
            if self.tok_quote[i] not in (-1, qi):
                hit_quote = True
                break
            if self.tok_quote[i] == -1:
                out.append(i)
                if sdoc[i].text in _FINAL:
                    ended = True
                    break
            i += 1
        words = [j for j in out if not sdoc[j].is_punct and not sdoc[j].is_space]
        if not words:
            blank = all(sdoc[j].is_space for j in out)
            return self._dash_line(i) if blank and not hit_quote else []
        # the quoted sentence ended; what follows is only its attribution when it is short and
        # ends there ("We're broken." Charles said.), not a new sentence of its own
        new_sentence = self.ends_sentence(qi) and sdoc[words[0]].text[:1].isupper()
        if new_sentence and (hit_quote or not ended or len(words) > _SHORT_ATTRIBUTION):
            return []
        return out

    def _dash_line(self, i: int) -> list[int]:
        """The attribution set on a line of its own under a quoted paragraph, after a dash
        ("...,"  / "– the Ministry said."): the tokens of the next paragraph up to its full stop,
        where that paragraph opens with a dash and is short."""
        sdoc = self.sdoc
        while i < len(sdoc) and sdoc[i].is_space:
            i += 1
        if i >= len(sdoc) or sdoc[i].text not in _DASHES or self.tok_quote[i] != -1:
            return []
        para = self.tok_para[i]
        out: list[int] = []
        while i < len(sdoc) and self.tok_para[i] == para and self.tok_quote[i] == -1:
            out.append(i)
            if sdoc[i].text in _FINAL:
                break
            i += 1
        words = [j for j in out if not sdoc[j].is_punct]
        return out if 0 < len(words) <= 2 * _SHORT_ATTRIBUTION else []

    def before(self, qi: int) -> list[int]:
        """Tokens before the opening mark, back to the sentence's start or the paragraph's,
        passing over other quotations that do not end a sentence."""
        q = self.quoted[qi]
        sdoc = self.sdoc
        para = self.para_at(q.open_at)
        i = self.first_token(q.open_at) - 1
        out: list[int] = []
        while i >= 0 and self.tok_para[i] == para:
            qj = self.tok_quote[i]
            if qj == qi:
                i -= 1
                continue
            if qj != -1:
                if self.ends_sentence(qj):
                    break
                while i >= 0 and self.tok_quote[i] == qj:
                    i -= 1
                continue
            if sdoc[i].text in _FINAL:
                break
            out.append(i)
            i -= 1
        out.reverse()
        return out

    def introduction(self, qi: int) -> list[int]:
        """The sentence that introduces a quotation standing as a paragraph of its own: the
        last sentence of the paragraph before, where it ends with a colon ("The ministry's
        statement reads as follows:" / the quoted paragraph). Empty otherwise."""
        q = self.quoted[qi]
        para = self.para_at(q.open_at)
        if para == 0 or self.doc.text[self.para_spans[para][0]:q.open_at].strip():
            return []
        i = self.first_token(q.open_at) - 1
        sdoc = self.sdoc
        while i >= 0 and sdoc[i].is_space:
            i -= 1
        if i < 0 or sdoc[i].text != ":" or self.tok_para[i] != para - 1 or self.in_quote(i):
            return []
        out = [i]
        i -= 1
        while i >= 0 and self.tok_para[i] == para - 1 and sdoc[i].text not in _FINAL and not self.in_quote(i):
            out.append(i)
            i -= 1
        out.reverse()
        return out

    def between_is_blank(self, a: int, b: int) -> bool:
        """True where only white space (a paragraph break included) lies between two offsets."""
        return not self.doc.text[a:b].strip()

    def sentence_end_after(self, qi: int) -> int:
        """Where the sentence carrying a quotation's trailing attribution ends (the offset after
        its final punctuation), or the closing mark where nothing follows in the sentence."""
        region = self.after(qi)
        q = self.quoted[qi]
        if not region:
            return q.close_end
        last = self.sdoc[region[-1]]
        return last.idx + len(last.text)
