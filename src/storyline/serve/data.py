"""The server's hold on its database: one process owns the file, each thread reads through its own
connection, and what every request needs (the story events, the corrections) is kept in memory
until something is written.

Why connections per thread: DuckDB lets one process open a file for writing, and within that
process any number of connections share the one database (each with its own transactions), but
a single connection must not be used by two threads at once. Requests run in a thread pool, so
each thread opens its own Store on first use. Readers never see a half-written document: ingest
writes each group of documents in one transaction, and the story tables follow in theirs.

Why a generation counter: rebuilding every story event from its JSON record on each request
would cost most of a request's time; writes (an ingest, a correction) bump the generation and the
next reader recomputes.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..lexicons import load_lexicon
from ..model import StoryEvent
from ..options import Options
from ..store import Store
from ..story import storage
from . import review
from .queries import StoryIndex


def check_free(path: Path) -> None:
    """Open and close the file: a StorylineError with the usual message when another process has it."""
    Store(path).close()


@dataclass
class Snapshot:
    """What the readers of one generation share (never modified after it is made, but for the
    timeline indexes filled in on first use)."""

    generation: int
    machine: list[StoryEvent]
    reviewed: list[StoryEvent]
    notes: dict[str, review.StoryReview]
    corrections: list[dict[str, Any]]
    fixes: dict[tuple[str, str], dict[str, dict[str, Any]]]

    indexes: dict[str, StoryIndex] = field(default_factory=dict)

    def stories(self, view: str) -> list[StoryEvent]:
        return self.machine if view == "machine" else self.reviewed

    def index(self, view: str) -> StoryIndex:
        """The timeline's index of this view (made on first use; two threads may both make it)."""
        found = self.indexes.get(view)
        if found is None:
            found = self.indexes[view] = StoryIndex(self.stories(view), self.notes if view == "reviewed" else {})
        return found


class Database:
    """The store as the server holds it; ``close`` releases the file."""

    def __init__(self, path: Path, options: Options | None = None):
        self.path = Path(path)
        self.options = options or Options(db=self.path)
        self.lexicon = load_lexicon("story", self.options.lexicon_files)
        self._local = threading.local()
        self._opened: list[Store] = []
        self._lock = threading.Lock()
        self.write_lock = threading.Lock()  # one writer at a time: corrections, ingest, story update
        self._generation = 0
        self._snapshot: Snapshot | None = None
        self.owner = Store(self.path)  # opened for writing (and migrated): the server owns the file now
        with self.write_lock:
            storage.update(self.owner, self.options)  # story tables follow the documents stored

    def store(self) -> Store:
        """This thread's connection to the database."""
        store = getattr(self._local, "store", None)
        if store is None:
            store = Store(self.path)  # a connection to the database this process already holds
            self._local.store = store
            with self._lock:
                self._opened.append(store)
        return store

    def changed(self) -> None:
        with self._lock:
            self._generation += 1

    def snapshot(self) -> Snapshot:
        with self._lock:
            snap, generation = self._snapshot, self._generation
        if snap is not None and snap.generation == generation:
            return snap
        store = self.store()
        machine = storage.story_events(store)
        corrections = review.all_corrections(store)
        reviewed, notes = review.review_stories(machine, corrections)
        snap = Snapshot(generation, machine, reviewed, notes, corrections, review.latest(corrections))
        with self._lock:
            if self._generation == generation:
                self._snapshot = snap
        return snap

    def write(self, fn: Callable[[Store], Any]) -> Any:
        """Run one writing step with the writer's lock, then let readers see it."""
        with self.write_lock:
            try:
                return fn(self.store())
            finally:
                self.changed()

    def close(self) -> None:
        with self._lock:
            for store in self._opened:
                store.close()
            self._opened.clear()
        self.owner.close()
