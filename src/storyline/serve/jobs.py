"""Adding articles while the server runs: the same ingest as ``storyline ingest``, in the server.

Why in the server: it owns the database file (see data.py), so no other process could write
it. Jobs run one after the other in one worker thread (one writer), each reporting its progress
(read, new, unchanged, failed, the documents made) for the page that polls it; when a job's
documents are stored, the story tables are brought up to date and readers see the new state.
The spaCy model is loaded by the first job, not at start-up, so a server that only reads starts
in a second.
"""

from __future__ import annotations

import copy
import queue
import threading
import time
import uuid
from dataclasses import dataclass, field, fields
from typing import Any

from ..errors import InputError
from ..ingest import ingest
from ..model import RawDocument
from ..pipeline import Context
from ..story import storage
from .data import Database

Item = RawDocument | InputError


@dataclass
class Job:
    id: str
    label: str
    total: int
    state: str = "queued"  # queued, running, story, done, failed
    read: int = 0
    new: int = 0
    unchanged: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)
    documents: list[dict[str, Any]] = field(default_factory=list)  # id, name, status
    started: float | None = None
    finished: float | None = None
    done: threading.Event = field(default_factory=threading.Event, repr=False)

    def to_dict(self) -> dict[str, Any]:
        return {f.name: copy.deepcopy(getattr(self, f.name)) for f in fields(self) if f.name != "done"}


class Jobs:
    """A queue of ingest jobs and the thread that runs them."""

    def __init__(self, db: Database, keep: int = 200):
        self.db = db
        self.keep = keep
        self._jobs: dict[str, Job] = {}
        self._queue: queue.Queue[tuple[Job, list[Item]] | None] = queue.Queue()
        self._ctx: Any = None
        self._thread = threading.Thread(target=self._run, name="storyline-ingest", daemon=True)
        self._thread.start()

    def submit(self, items: list[Item], label: str) -> Job:
        job = Job(uuid.uuid4().hex[:12], label, len(items))
        self._jobs[job.id] = job
        while len(self._jobs) > self.keep:  # forget the oldest finished jobs
            oldest = next(iter(self._jobs))
            if not self._jobs[oldest].done.is_set():
                break
            del self._jobs[oldest]
        self._queue.put((job, items))
        return job

    def get(self, job_id: str) -> Job | None:
        return self._jobs.get(job_id)

    def stop(self) -> None:
        self._queue.put(None)
        self._thread.join(timeout=60)

    def _run(self) -> None:
        while True:
            task = self._queue.get()
            if task is None:
                return
            job, items = task
            job.state, job.started = "running", time.time()
            try:
                self._ingest(job, items)
                job.state = "done"
            except Exception as e:  # noqa: BLE001 - a job that breaks says why; the server goes on
                job.state = "failed"
                job.errors.append(f"{type(e).__name__}: {e}")
            finally:
                job.finished = time.time()
                self.db.changed()
                job.done.set()

    def _ingest(self, job: Job, items: list[Item]) -> None:
        if self._ctx is None:
            self._ctx = Context(self.db.options)
        store = self.db.store()  # this thread's connection
        for status, outcome in ingest(iter(items), store, self._ctx):
            job.read += 1
            setattr(job, status, getattr(job, status) + 1)
            if outcome.error:
                job.errors.append(outcome.error)
            doc = outcome.document
            job.documents.append({"id": doc.id if doc and status != "failed" else None,
                                  "name": doc.name if doc else outcome.origin, "status": status})
            self.db.changed()
        job.state = "story"
        with self.db.write_lock:
            storage.update(store, self.db.options)
