"""Workers that start in milliseconds: forked from a server that loaded everything once.

Why: a spawned worker is a fresh interpreter that imports storyline and spaCy, loads the model and
the knowledge base, reads the lexicons and compiles the coder's patterns on its first document:
about 4 CPU seconds per worker, as much as 30 articles cost. Forking the parent after it has
loaded would avoid that, but the parent may hold an open DuckDB connection and the threads of
DuckDB or Arrow, and a forked child copies their locks in whatever state they were.

The ``forkserver`` start method gives both: multiprocessing starts one clean server process (a
fresh interpreter, not a fork of the parent), which imports the modules it is told to preload and
then forks every worker from itself. This module is the parent's and the workers' side of it;
``storyline.preload_server`` is what the server imports (named to it as a string: the server side
needs the pipeline, and the pipeline needs this module, so neither imports the other both ways):

1. before the server starts, the parent puts the run's options and stages (pickled) in the
   environment variable ``STORYLINE_PRELOAD`` (``start_method``), and removes it once started;
2. the server, importing ``storyline.preload_server``, installs those stages, builds a ``Context``
   and runs one constructed article through every stage, so the model, the knowledge base, the
   lexicons and the compiled patterns are in its memory, and keeps it here (``keep``);
   ``gc.freeze`` then keeps the collector off them (it would otherwise walk them in every worker
   and copy their pages);
3. a worker forked from it takes that Context when it was made for the options and stages the
   worker was sent (the same key, a hash of their pickle: ``preloaded``), else builds its own.

multiprocessing keeps one server per process, started by the first pool: a later pool of the same
process with other options (a test session, a library user) gets workers that load for themselves,
as spawned ones do. Anything failing in the server leaves nothing preloaded; the worker then
loads and reports the error as a spawned worker would. Where ``forkserver`` is missing (Windows),
workers are spawned.
"""

from __future__ import annotations

import base64
import gc
import hashlib
import multiprocessing
import os
import pickle
from multiprocessing.context import BaseContext
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .pipeline import Context
    from .stages import Stage

ENV = "STORYLINE_PRELOAD"

_preloaded: tuple[str, Context] | None = None  # in the server and its workers: (key, context)
_started_with: str | None = None  # in the parent: the key this process's server was started with


def run_key(options: Any, stages: dict[str, Stage]) -> tuple[str, bytes]:
    """The key of a run's options and stages, and their pickle."""
    blob = pickle.dumps((options, stages))
    return hashlib.sha256(blob).hexdigest(), blob


def start_method(options: Any, stages: dict[str, Stage]) -> tuple[BaseContext, str]:
    """The multiprocessing context to start a run's workers with, and the run's key. The first
    call of a process starts the fork server with this run preloaded (see the module's docstring)."""
    global _started_with
    key, blob = run_key(options, stages)
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn"), key
    mp = multiprocessing.get_context("forkserver")
    if _started_with is None:
        from multiprocessing import forkserver

        mp.set_forkserver_preload(["__main__", "storyline.preload_server"])
        os.environ[ENV] = base64.b64encode(blob).decode("ascii")
        try:
            forkserver.ensure_running()
        except OSError:  # no Unix socket or no process to be had here: start workers fresh
            return multiprocessing.get_context("spawn"), key
        finally:
            del os.environ[ENV]
        _started_with = key
    return mp, key


def preloaded(key: str) -> Context | None:
    """The server's context when it was made for the run with this key (in a forked worker)."""
    return _preloaded[1] if _preloaded is not None and _preloaded[0] == key else None


def keep(key: str, ctx: Context) -> None:
    """In the fork server: the context made for the run with this key, for its workers."""
    global _preloaded
    _preloaded = (key, ctx)


#: Allocations between two young-generation collections in a worker (CPython's default is 700).
WORKER_GC_THRESHOLD = 10_000


def worker_collector() -> None:
    """Let the cyclic garbage collector run less often in a worker. A worker's objects come in
    bursts per document (spaCy Tokens and Spans, the stages' records) and nearly all are freed by
    reference counting at the end of the document; with the default threshold the collector ran
    about four times per article over them, and the collections of the older generations that
    follow, which walk every long-lived object made since the fork, cost about 1 CPU ms per
    article more (120 Wikinews articles, one process). Collections still run, and a cycle is
    still freed, only later. A worker is storyline's own process, so its collector is ours to tune."""
    gc.set_threshold(WORKER_GC_THRESHOLD, *gc.get_threshold()[1:])
