"""Reader output in, stored documents out: the loop behind ``storyline ingest``.

Why it cleans before it parses: cleaning is cheap and gives a document its content id, so a
document already in the store is recognised before the expensive stages run. Rerunning an
interrupted ingest of a million articles then costs only the articles that did not make it.
Workers (``options.workers``) only extract; this process alone writes, a group of documents per
transaction: ``options.commit_every`` documents (100), or fewer when the group's first document
has waited ``options.commit_seconds`` (5 s). A document stored in its own transaction costs about
19 ms of CPU, in a group of 100 about 3 (``benchmarks/store_throughput.py``); a group keeps
every guarantee of one transaction per document: a document that cannot be stored is
retried alone and fails alone (``Store.write_documents``), a group is all or nothing, so a kill
leaves whole documents only and loses at most the last few seconds of extraction, which a rerun
redoes. How documents are grouped changes no stored row.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Literal

from .errors import InputError, StorylineError
from .model import Document, RawDocument
from .pipeline import Context, Outcome, clean_raw, process
from .store import Store

Status = Literal["new", "unchanged", "failed"]


@dataclass
class Tally:
    """What an ingest did: every input read is new, unchanged or failed; a new document may be
    stored incomplete (a stage failed or ran out of time for it)."""

    read: int = 0
    new: int = 0
    unchanged: int = 0
    failed: int = 0
    incomplete: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, status: Status, error: str | None = None, incomplete: bool = False) -> None:
        self.read += 1
        setattr(self, status, getattr(self, status) + 1)
        if error:
            self.errors.append(error)
        self.incomplete += incomplete and status == "new"

    def line(self) -> str:
        line = f"{self.read} read, {self.new} new, {self.unchanged} unchanged, {self.failed} failed"
        return line + (f", {self.incomplete} stored incomplete" if self.incomplete else "")


def ingest(items: Iterable[RawDocument | InputError], store: Store, ctx: Context) -> Iterator[tuple[Status, Outcome]]:
    """Run the pipeline over reader output and store each document; yields what became of each input."""
    from .actors.stored import prepare_context

    prepare_context(store, ctx)  # actors added to or learned by this database link in this run too
    known: list[Outcome] = []  # inputs already stored, found while feeding the pipeline

    def new_only() -> Iterator[RawDocument | Document | InputError]:
        for item in items:
            if isinstance(item, RawDocument):
                try:
                    doc = clean_raw(item, ctx)
                except Exception:  # noqa: BLE001 - the pipeline cleans it again and reports why
                    yield item
                    continue
                if store.has(doc.id):
                    known.append(Outcome(item.origin, doc))
                    continue
                yield doc
            else:
                yield item

    def drain() -> Iterator[tuple[Status, Outcome]]:
        while known:
            yield "unchanged", known.pop(0)

    pending: list[Outcome] = []  # extracted, waiting for the next commit

    def commit() -> Iterator[tuple[Status, Outcome]]:
        group = list(pending)
        pending.clear()
        results = store.write_documents([o.document for o in group]) if group else []  # type: ignore[misc]
        for outcome, result in zip(group, results, strict=True):
            if isinstance(result, StorylineError):  # one document that cannot be stored costs the others nothing
                outcome.error = str(result)
                yield "failed", outcome
            else:
                yield result, outcome

    every, seconds = max(1, ctx.options.commit_every), ctx.options.commit_seconds
    since = 0.0  # when the group's first document came
    for outcome in process(new_only(), ctx):
        yield from drain()
        if outcome.document is None:
            yield "failed", outcome
            continue
        if not pending:
            since = time.monotonic()
        pending.append(outcome)
        if len(pending) >= every or time.monotonic() - since >= seconds:
            yield from commit()
    yield from commit()
    yield from drain()
