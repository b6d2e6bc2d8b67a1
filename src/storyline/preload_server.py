"""What multiprocessing's fork server imports first: the run its parent described, loaded once.

The parent (``storyline.preload.start_method``) put the run's options and stages, pickled, in the
environment variable ``STORYLINE_PRELOAD`` before starting the server. Importing this module in the
server installs those stages, builds a ``Context``, runs one constructed article through every stage
(what loads on first use loads now: the knowledge base, the lexicons, the compiled patterns) and
keeps the context for the workers forked from the server (``storyline.preload.keep``). Anything
failing here leaves nothing kept: each worker then loads for itself and reports the error as a
spawned worker would. Imported anywhere else (no such variable), it does nothing.
"""

from __future__ import annotations

import base64
import gc
import hashlib
import os
import pickle

from .model import RawDocument
from .pipeline import Context, process_batch
from .preload import ENV, keep
from .stages import install

#: A constructed article that reaches every stage's lazy loading: a dateline, dates, named
#: actors, an event verb and an attributed quotation.
WARM_UP_TEXT = (
    "GENEVA, March 3 (Reuters) - The foreign ministers of Armenia and Azerbaijan met in Geneva on "
    "Tuesday and agreed to hold new talks next month, officials said.\n\n"
    '"We will continue the negotiations," the Armenian minister told reporters after the meeting.\n'
)


def warm_up(ctx: Context) -> None:
    """Run the constructed article through every stage: what loads on first use loads now. The
    event coder's indexes over its whole pattern lexicon are built too: one article reaches a few
    verbs' patterns, and every worker would build the others' again over its first documents."""
    process_batch([RawDocument("warm-up", "warm-up", WARM_UP_TEXT)], ctx)
    if "events" in ctx.options.stages:
        from .events.coder import compile_patterns

        compile_patterns(ctx)


def preload_from_environment() -> None:
    """Build and keep the context the parent described, if it described one."""
    data = os.environ.pop(ENV, None)
    if not data:
        return
    try:
        blob = base64.b64decode(data)
        options, stages = pickle.loads(blob)  # noqa: S301 - written by our own parent process
        install(stages)
        ctx = Context(options)
        warm_up(ctx)
    except Exception:  # noqa: BLE001 - each worker loads for itself and reports the error
        return
    keep(hashlib.sha256(blob).hexdigest(), ctx)
    gc.freeze()


preload_from_environment()
