"""The one way through: read -> clean -> parse -> dates -> actors -> quotes -> events.

Every stage after cleaning is a plain function ``stage(doc, ctx) -> Document`` registered with the
``@stage`` decorator, which declares what the stage needs on the document and what it adds (as
spaCy components declare ``requires``/``assigns``). A stage can therefore be tested alone, run alone
(``run_stages(doc, ctx, ["dates"])``) or replaced by registering another function under its name.

``Context`` holds what is loaded once per process: the options, the spaCy model, the knowledge
base and the lexicons. ``process`` streams documents through the stages in batches (the parse
stage feeds a batch to ``nlp.pipe``), in this process or in ``options.workers`` processes; a
document that fails is reported as one line naming it and costs the others nothing.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import threading
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, TypeVar

from .errors import InputError, StorylineError
from .model import Document, RawDocument
from .options import Options
from .stages import (
    CLEANED,
    STAGE_MODULES,
    BatchFunc,
    Stage,
    StageFunc,
    check_order,
    get_stage,
    install,
    stage,
)

__all__ = ["CLEANED", "STAGE_MODULES", "BatchFunc", "Context", "Outcome", "Stage", "StageFunc", "check_order",
           "extract", "get_stage", "process", "run_stages", "stage"]

T = TypeVar("T")
class Context:
    """What a process loads once and every stage shares."""

    def __init__(self, options: Options | None = None):
        self.options = options or Options()
        #: What stages build once per process from the options (compiled lexicons, rules), by key:
        #: ``lexicon:NAME`` for the lexicons, ``PACKAGE:WHAT`` for a package's own.
        self.cache: dict[str, Any] = {}

    @cached_property
    def nlp(self) -> Any:
        from .actors.ruler import add_actor_ruler
        from .parse import load_model

        nlp = load_model(self)
        add_actor_ruler(nlp, self)  # the actors' names as entities, before the statistical ones
        return nlp

    @cached_property
    def kb(self) -> Any:
        from .actors.kb import load_kb

        return load_kb(self.options.kb_files, self.options.kb_documents)

    def cached(self, key: str, make: Callable[[], T]) -> T:
        """The value cached under ``key``, made by ``make()`` the first time it is asked for."""
        if key not in self.cache:
            self.cache[key] = make()
        return self.cache[key]  # type: ignore[no-any-return]

    def lexicon(self, name: str) -> Any:
        """A lexicon with the user's extension files (``--lexicon``), loaded once."""
        from .lexicons import load_lexicon

        return self.cached(f"lexicon:{name}", lambda: load_lexicon(name, self.options.lexicon_files))


@dataclass
class Outcome:
    """What became of one input: a document, or the one-line error that stopped it."""

    origin: str
    document: Document | None = None
    error: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def clean_raw(raw: RawDocument, ctx: Context) -> Document:
    from .clean import clean

    if len(raw.text) > ctx.options.max_chars:
        raise InputError(raw.origin, "E104", size=len(raw.text), unit="characters", max_chars=ctx.options.max_chars)
    return clean(raw, ctx)


def _error_line(origin: str, exc: BaseException, where: str = "") -> str:
    if isinstance(exc, InputError):
        return str(exc)
    if isinstance(exc, StorylineError):
        return f"{origin}: {exc}"
    last = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    at = f" at {last.filename.rsplit('/', 1)[-1]}:{last.lineno}" if last else ""
    return f"{origin}: {where or 'processing'} failed: {type(exc).__name__}: {exc}{at}".splitlines()[0]


def run_stages(docs: list[Document], ctx: Context, names: Iterable[str] | None = None) -> list[Outcome]:
    """Run the stages over already-cleaned documents; a failing document leaves the batch."""
    outcomes = [Outcome(d.origin, d) for d in docs]
    for s in check_order(ctx.options.stages if names is None else names):
        alive = [o for o in outcomes if o.error is None]
        if s.batch is not None:
            try:
                results = s.batch([o.document for o in alive], ctx)  # type: ignore[misc]
                for o, d in zip(alive, results, strict=True):
                    o.document = d
                continue
            except Exception:  # noqa: BLE001 - fall back to one document at a time to find the culprit
                pass
        for o in alive:
            try:
                o.document = s.func(o.document, ctx)  # type: ignore[arg-type]
            except Exception as e:  # noqa: BLE001 - one bad document must not stop the batch
                o.error = _error_line(o.origin, e, f"stage {s.name!r}")
                o.document = None
    return outcomes


def process_batch(items: list[RawDocument | Document | InputError], ctx: Context) -> list[Outcome]:
    """Clean and run every stage over one batch of reader output, keeping input order.

    An item that is already a Document (ingest cleans in the main process to skip documents it
    has stored) goes straight to the stages."""
    outcomes: list[Outcome] = []
    cleaned: list[Document] = []
    slots: list[int] = []
    for item in items:
        if isinstance(item, InputError):
            outcomes.append(Outcome(item.origin, error=str(item)))
            continue
        if isinstance(item, Document):
            slots.append(len(outcomes))
            outcomes.append(Outcome(item.origin, item))
            cleaned.append(item)
            continue
        try:
            doc = clean_raw(item, ctx)
        except Exception as e:  # noqa: BLE001
            outcomes.append(Outcome(item.origin, error=_error_line(item.origin, e, "cleaning")))
            continue
        slots.append(len(outcomes))
        outcomes.append(Outcome(item.origin, doc))
        cleaned.append(doc)
    for slot, done in zip(slots, run_stages(cleaned, ctx), strict=True):
        outcomes[slot] = done
    for o in outcomes:
        if o.document is not None:
            o.document.spacy = None  # the parse lives only as long as the batch
    return outcomes


def _batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


#: How worker processes start. Not "fork": the parent may hold an open DuckDB connection and the
#: threads of DuckDB or Arrow, and a forked child copies their locks in whatever state they were.
#: A spawned worker is a fresh interpreter that inherits nothing but the options and the stages it is
#: sent, on every platform. (A script that runs with workers needs ``if __name__ == "__main__":``,
#: since each worker imports it.)
WORKER_START_METHOD = "spawn"

_WORKER_CTX: Context | None = None


def _worker_stages(names: Iterable[str]) -> dict[str, Stage]:
    """The registered stages a run uses, checked to reach a worker: a stage registered or replaced
    in this process (not by importing its module) must be sent, or the worker would run another."""
    stages = {s.name: s for s in check_order(names)}
    for s in stages.values():
        try:
            pickle.dumps(s)
        except Exception as e:  # noqa: BLE001 - any reason it cannot travel is the same problem
            raise StorylineError("E004", name=s.name, kind=type(e).__name__, error=e) from e
    return stages


def _exit_with_parent(parent: int, every: float = 1.0) -> None:
    """End this worker when the process that started it is gone (killed, even by SIGKILL): a
    worker busy with a long document would otherwise run on, orphaned, until it finished."""
    while True:
        time.sleep(every)
        if os.getppid() != parent:
            os._exit(1)


def _init_worker(parent: int, options: Options, stages: dict[str, Stage]) -> None:
    """Set up a worker. ``parent`` is the pid of the process that started the pool, sent rather
    than read here: a parent killed while this worker was still importing would make
    ``os.getppid()`` already the reaper's pid, and the watch would then wait forever."""
    global _WORKER_CTX
    if os.getppid() != parent:
        os._exit(1)
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True, name="parent-watch").start()
    install(stages)
    _WORKER_CTX = Context(options)
    _WORKER_CTX.nlp  # noqa: B018 - load the model once, before the first batch


def _work(items: list[RawDocument | Document | InputError]) -> list[Outcome]:
    assert _WORKER_CTX is not None
    return process_batch(items, _WORKER_CTX)


def process(items: Iterable[RawDocument | Document | InputError], ctx: Context) -> Iterator[Outcome]:
    """Stream reader output through the pipeline, yielding one Outcome per input in order."""
    size = max(1, ctx.options.batch_size)
    if ctx.options.workers <= 1:
        for batch in _batches(items, size):
            yield from process_batch(batch, ctx)
        return
    # Several processes: keep a bounded number of batches in flight so memory stays flat on
    # millions of articles, and yield in input order.
    stages = _worker_stages(ctx.options.stages)
    with ProcessPoolExecutor(ctx.options.workers, mp_context=multiprocessing.get_context(WORKER_START_METHOD),
                             initializer=_init_worker, initargs=(os.getpid(), ctx.options, stages)) as pool:
        pending: list[Future[list[Outcome]]] = []
        for batch in _batches(items, size):
            pending.append(pool.submit(_work, batch))
            while len(pending) > 2 * ctx.options.workers:
                yield from pending.pop(0).result()
        for fut in pending:
            yield from fut.result()


def extract(items: Iterable[RawDocument | InputError], options: Options | None = None) -> Iterator[Outcome]:
    """The library's front door: documents in, fully extracted documents (or errors) out."""
    yield from process(items, Context(options))
