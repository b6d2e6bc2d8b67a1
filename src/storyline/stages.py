"""The stage registry and the stages' contracts: what each stage needs, reads and adds, and the
check that refuses an order breaking them.

Why apart from ``pipeline``: a stage module registers itself here when imported, and the
pipeline's ``Context`` loads the parse stage's model; with the registry in the pipeline module
the two would import each other.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .errors import StorylineError
from .model import Document

if TYPE_CHECKING:
    from .pipeline import Context

StageFunc = Callable[[Document, "Context"], Document]
BatchFunc = Callable[[list[Document], "Context"], list[Document]]

#: Where each stage's function lives; importing the module registers it.
STAGE_MODULES: dict[str, str] = {
    "parse": "storyline.parse",
    "dates": "storyline.dates",
    "actors": "storyline.actors",
    "quotes": "storyline.quotes",
    "events": "storyline.events",
}

#: What cleaning puts on every document before any stage runs.
CLEANED = ("text", "title", "publisher", "byline", "dateline", "dateline_date", "published", "metadata")


@dataclass(frozen=True)
class Stage:
    """A stage's contract: ``needs`` what must be on the document before it runs (cleaning's
    fields or an earlier stage's), ``reads`` what it uses where an earlier stage added it (the
    events stage reads mentions, quotes and timexes; run without the actors, quotes or dates
    stages it finds none), ``adds`` what it fills."""

    name: str
    func: StageFunc
    needs: tuple[str, ...] = ()
    adds: tuple[str, ...] = ()
    batch: BatchFunc | None = None  # a faster way to run a whole batch (the parser's nlp.pipe)
    reads: tuple[str, ...] = ()


_REGISTRY: dict[str, Stage] = {}


def stage(name: str, *, needs: Iterable[str] = (), adds: Iterable[str] = (), reads: Iterable[str] = (),
          batch: BatchFunc | None = None) -> Callable[[StageFunc], StageFunc]:
    """Register ``func`` as the stage ``name`` with its contract (see ``Stage``); a later
    registration replaces an earlier one."""

    def register(func: StageFunc) -> StageFunc:
        _REGISTRY[name] = Stage(name, func, tuple(needs), tuple(adds), batch, tuple(reads))
        return func

    return register


def get_stage(name: str) -> Stage:
    if name not in _REGISTRY and name in STAGE_MODULES:
        importlib.import_module(STAGE_MODULES[name])
    if name not in _REGISTRY:
        valid = sorted(set(STAGE_MODULES) | set(_REGISTRY))
        raise StorylineError("E002", name=name, valid=', '.join(valid))
    return _REGISTRY[name]


def check_order(names: Iterable[str]) -> list[Stage]:
    """The stages in the given order, refusing an order that breaks a contract: a stage before
    what it needs (E003), or before a stage that adds what it reads (E005: the events stage
    before the quotes stage would code events without the quotations it checks them against)."""
    have = set(CLEANED)
    stages = [get_stage(name) for name in names]
    for i, s in enumerate(stages):
        missing = [n for n in s.needs if n not in have]
        if missing:
            raise StorylineError("E003", name=s.name, missing=", ".join(missing))
        for later in stages[i + 1:]:
            late = [n for n in s.reads if n in later.adds]
            if late:
                raise StorylineError("E005", name=s.name, fields=", ".join(late), later=later.name)
        have.update(s.adds)
    return stages


def install(found: dict[str, Stage]) -> None:
    """Register stages as they are (a worker process receives the parent's registry this way,
    stages registered at run time included)."""
    _REGISTRY.update(found)
