"""The one way through: read -> clean -> parse -> dates -> actors -> quotes -> events.

Every stage after cleaning is a plain function ``stage(doc, ctx) -> Document`` registered with the
``@stage`` decorator, which declares what the stage needs on the document and what it adds (as
spaCy components declare ``requires``/``assigns``). A stage can therefore be tested alone, run alone
(``run_stages(doc, ctx, ["dates"])``) or replaced by registering another function under its name.

``Context`` holds what is loaded once per process: the options, the spaCy model, the knowledge
base and the lexicons. ``process`` streams documents through the stages in batches (the parse
stage feeds a batch to ``nlp.pipe``), in this process or in ``options.workers`` processes; a
document that fails is reported as one line naming it and costs the others nothing.

Stages are isolated: a stage that raises for one document, or runs past the document's time
budget (``storyline.budget``), costs that document that stage only (and the stages that need
what it adds). The document keeps what the other stages found, is flagged incomplete
(``Document.incomplete``), and the batch goes on.
"""

from __future__ import annotations

import os
import pickle
import re
import signal
import threading
import traceback
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import AbstractContextManager, nullcontext
from copy import copy
from dataclasses import dataclass, field, replace
from functools import cached_property
from multiprocessing.connection import Connection
from typing import Any, TypeVar

from .budget import BudgetSpent, budget_seconds, cpu_seconds, time_limit
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
        #: The process that built this context: a worker's is the fork server when it was preloaded.
        self.loaded_in = os.getpid()

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
    """What became of one input: a document, or the one-line error that stopped it. ``warning``
    is one line for a document kept with a stage missing or its text not all parsed."""

    origin: str
    document: Document | None = None
    error: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    warning: str | None = None
    lost: set[str] = field(default_factory=set)  # what failed or skipped stages would have added
    spent: float = 0.0  # CPU seconds this document has spent in stages
    budget: float | None = None  # seconds it may spend (None: no limit)


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_raw(raw: RawDocument, ctx: Context) -> Document:
    """Clean one input. A lone surrogate (JSON allows "\\ud800"; Python keeps it in a str) is no
    character: it is written as U+FFFD, one for one so offsets hold, because nothing downstream
    (the id's hash, the store, any output) can encode it."""
    from .clean import clean

    if len(raw.text) > ctx.options.max_chars:
        raise InputError(raw.origin, "E104", size=len(raw.text), unit="characters", max_chars=ctx.options.max_chars)
    if _LONE_SURROGATE.search(raw.text):
        raw = replace(raw, text=_LONE_SURROGATE.sub("\ufffd", raw.text))
    return clean(raw, ctx)


def _error_line(origin: str, exc: BaseException, where: str = "") -> str:
    if isinstance(exc, InputError):
        return str(exc)
    if isinstance(exc, StorylineError):
        return f"{origin}: {exc}"
    return f"{origin}: {where or 'processing'} failed: {type(exc).__name__}: {exc}{_raised_at(exc)}".splitlines()[0]


def _raised_at(exc: BaseException) -> str:
    """`` at file.py:line`` where the exception was raised (the one place a user can report)."""
    last = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    return f" at {last.filename.rsplit('/', 1)[-1]}:{last.lineno}" if last else ""


def _snapshot(doc: Document, s: Stage) -> dict[str, Any]:
    """What the stage may change on the document, kept to put back if it fails half-way."""
    names = ["_spacy" if n == "spacy" else n for n in s.adds]
    return {n: copy(getattr(doc, n)) for n in names if hasattr(doc, n)}


def _stage_lost(o: Outcome, s: Stage, why: str, before: dict[str, Any] | None = None) -> None:
    """Record that stage ``s`` did not run to its end for this document: what it had changed is
    put back, and the stages that need what it adds are skipped."""
    doc = o.document
    assert doc is not None
    for name, value in (before or {}).items():
        setattr(doc, name, value)
    o.lost.update(s.adds)
    doc.incomplete.append(f"{s.name}: {why}")


def _failed(exc: BaseException) -> str:
    return f"failed ({type(exc).__name__}: {exc}{_raised_at(exc)})".splitlines()[0]


def _spent_line(o: Outcome) -> str:
    return f"stopped: the time budget of {o.budget:.0f} CPU seconds was spent"


def _run_one(s: Stage, o: Outcome, ctx: Context) -> None:
    """One stage over one document, within the time the document has left."""
    before = _snapshot(o.document, s)  # type: ignore[arg-type]
    left = None if o.budget is None else o.budget - o.spent
    t0 = cpu_seconds()
    try:
        with time_limit(left):
            o.document = s.func(o.document, ctx)  # type: ignore[arg-type]
    except BudgetSpent:
        _stage_lost(o, s, _spent_line(o), before)
    except Exception as e:  # noqa: BLE001 - one stage failing for one document must not stop the batch
        _stage_lost(o, s, _failed(e), before)
    finally:
        o.spent += cpu_seconds() - t0


def _run_batch(s: Stage, ready: list[Outcome], ctx: Context) -> bool:
    """A batch stage over every ready document at once, within the time they have left together;
    False (every document as it was) where it failed, so each is run alone to find the culprit."""
    assert s.batch is not None
    before = [_snapshot(o.document, s) for o in ready]  # type: ignore[arg-type]
    budgets = [None if o.budget is None else o.budget - o.spent for o in ready]
    left = None if any(b is None for b in budgets) else sum(budgets)  # type: ignore[misc]
    chars = [max(1, len(o.document.text)) for o in ready]  # type: ignore[union-attr]
    t0 = cpu_seconds()
    try:
        with time_limit(left):
            results = s.batch([o.document for o in ready], ctx)  # type: ignore[misc]
        ok = True
    except (Exception, BudgetSpent):  # noqa: BLE001 - fall back to one document at a time
        ok = False
    took = cpu_seconds() - t0
    for o, n in zip(ready, chars, strict=True):  # each document pays its share of the batch
        o.spent += took * n / sum(chars)
    if not ok:
        for o, kept in zip(ready, before, strict=True):
            for name, value in kept.items():
                setattr(o.document, name, value)
        return False
    for o, d in zip(ready, results, strict=True):
        o.document = d
    return True


def _why_not(o: Outcome, s: Stage) -> str | None:
    """Why stage ``s`` cannot run for this document, if it cannot."""
    missing = [n for n in s.needs if n in o.lost]
    if missing:
        return f"skipped: needs {', '.join(missing)}, which an earlier stage did not add"
    if o.budget is not None and o.spent >= o.budget:
        return f"skipped: the time budget of {o.budget:.0f} CPU seconds was spent"
    return None


def run_stages(docs: list[Document], ctx: Context, names: Iterable[str] | None = None) -> list[Outcome]:
    """Run the stages over already-cleaned documents. A stage that fails (or runs out of time)
    for one document costs that document that stage only; see the module's docstring."""
    outcomes = [Outcome(d.origin, d, budget=budget_seconds(len(d.text), ctx.options)) for d in docs]
    for s in check_order(ctx.options.stages if names is None else names):
        ready = []
        for o in outcomes:
            why = _why_not(o, s)
            if why is None:
                ready.append(o)
            else:
                _stage_lost(o, s, why)
        if not ready or (s.batch is not None and _run_batch(s, ready, ctx)):
            continue
        for o in ready:
            _run_one(s, o, ctx)
    for o in outcomes:
        doc = o.document
        if doc is not None and (doc.incomplete or doc.notes):
            what = [f"stage {x}" for x in doc.incomplete] + doc.notes
            o.warning = f"{o.origin}: " + "; ".join(what) + (
                "; stored with what the other stages found" if doc.incomplete else "")
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
    with _memory_zone(ctx):
        for slot, done in zip(slots, run_stages(cleaned, ctx), strict=True):
            outcomes[slot] = done
        for o in outcomes:
            if o.document is not None:
                o.document.spacy = None  # the parse lives only as long as the batch
    return outcomes


def _memory_zone(ctx: Context) -> AbstractContextManager[Any]:
    """Where a batch's parse lives: spaCy's memory zone (``Language.memory_zone``) once the model
    is loaded, so the strings and lexemes the batch's new words add to the vocabulary are freed
    with the batch. Without it a worker's vocabulary grows with every new word of the corpus (a
    name, a number, a typo), and its memory with the articles it has seen. Nothing outlives the
    batch that could point into the zone: the records hold plain strings and offsets, and the
    spaCy Doc is dropped before the zone ends. The first batch of a process that loads the model
    lazily runs outside a zone (its words stay, once)."""
    nlp = vars(ctx).get("nlp")
    return nlp.memory_zone() if nlp is not None and hasattr(nlp, "memory_zone") else nullcontext()


def _batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


#: How worker processes start: forked from a clean server process that has loaded the model, the
#: knowledge base and the compiled patterns once (``storyline.preload``), so they start in
#: milliseconds. Never forked from the parent itself: it may hold an open DuckDB connection and the
#: threads of DuckDB or Arrow, and a forked child copies their locks in whatever state they were.
#: Where the platform has no fork server, each worker is a fresh interpreter (``spawn``). Either way
#: a worker inherits nothing of the parent but the options and the stages it is sent. (A script
#: that runs with workers needs ``if __name__ == "__main__":``, since each worker imports it.)
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


def _exit_with_parent(watch: Connection) -> None:
    """End this worker when the process that started it is gone (killed, even by SIGKILL): a
    worker busy with a long document would otherwise run on, orphaned, until it finished. The
    parent holds the other end of ``watch`` and never writes: it reads as ended once the parent
    is gone, whoever the worker's parent process is (the fork server's workers are its children)."""
    try:
        watch.poll(None)
    finally:
        os._exit(1)


def _init_worker(watch: Connection, options: Options, stages: dict[str, Stage], key: str) -> None:
    """Set up a worker: the fork server's context when it was made for this run (``key``), else
    one loaded here. A parent killed while this worker was starting has closed ``watch`` already."""
    global _WORKER_CTX
    if watch.poll():
        os._exit(1)
    # Ctrl-C reaches every process of the terminal's group: the parent alone handles it (it stops
    # the workers and prints the summary), a worker would only print a traceback
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with_parent, args=(watch,), daemon=True, name="parent-watch").start()
    install(stages)
    from .preload import preloaded, worker_collector

    worker_collector()
    _WORKER_CTX = preloaded(key) or Context(options)
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
    from .preload import start_method

    stages = _worker_stages(ctx.options.stages)
    mp, key = start_method(ctx.options, stages)
    watch, alive = mp.Pipe(duplex=False)  # the workers watch ``watch``; this process holds ``alive``
    with watch, alive, ProcessPoolExecutor(ctx.options.workers, mp_context=mp, initializer=_init_worker,
                                           initargs=(watch, ctx.options, stages, key)) as pool:
        pending: list[Future[list[Outcome]]] = []
        try:
            for batch in _batches(items, size):
                pending.append(pool.submit(_work, batch))
                while len(pending) > 2 * ctx.options.workers:
                    yield from pending.pop(0).result()
            for fut in pending:
                yield from fut.result()
        except BaseException:  # Ctrl-C, or the consumer stopped: end the workers now, not after their batches
            _stop_workers(pool)
            raise


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    """Cancel what has not started and end the worker processes at once (the executor would wait
    for the batches they are in). ``_processes`` is the executor's own table of its workers."""
    for proc in list((getattr(pool, "_processes", None) or {}).values()):
        proc.terminate()
    pool.shutdown(wait=False, cancel_futures=True)


def extract(items: Iterable[RawDocument | InputError], options: Options | None = None) -> Iterator[Outcome]:
    """The library's front door: documents in, fully extracted documents (or errors) out."""
    yield from process(items, Context(options))
