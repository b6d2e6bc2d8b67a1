"""Time budgets: a document whose stages run too long is stopped, not waited for.

Why a budget per document: one pathological document (a text the parser or a clause walk finds
no end in) must not hold a batch of a million for ten minutes. Its stages get ``time_budget``
seconds per 10,000 characters (at least ``time_budget_min``); when they are spent, the stage at
work is stopped and the rest are skipped, and the document is stored with what was done, flagged
incomplete (see ``pipeline.run_stages``).

Why CPU seconds, not wall-clock seconds: on a machine shared with other work a document waits for
the processor, and a wall-clock budget cut ordinary articles short when the machine was busy (seen
with eight processes on two cores). The CPU time this process spends on a document is what the
document costs, whatever else runs.

Why a timer signal: the stages are plain Python and cannot be asked to check a clock in every loop;
the profiling timer (``ITIMER_PROF``, CPU time) raises :class:`BudgetSpent` in the running stage
wherever it is. Signals reach the main thread only, so elsewhere (a server's worker thread) the
budget is checked between stages only. The exception derives from ``BaseException`` so a stage's
own ``except Exception`` cannot swallow it.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from .options import Options


class BudgetSpent(BaseException):
    """Raised in a stage whose document has spent its time budget."""


def budget_seconds(chars: int, options: Options) -> float | None:
    """The seconds a document of ``chars`` characters may spend in its stages (None: no limit)."""
    if options.time_budget <= 0:
        return None
    return max(options.time_budget_min, options.time_budget * chars / 10_000)


def cpu_seconds() -> float:
    """This process's CPU time (user and system), the clock budgets are counted in."""
    return time.process_time()


def _raise(signum: int, frame: Any) -> None:
    raise BudgetSpent


def can_interrupt() -> bool:
    """True where a timer signal can stop a stage: the main thread, on a system with SIGPROF, and
    no one else's handler in place (a profiler's is not ours to replace)."""
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        return False
    return signal.getsignal(signal.SIGPROF) in (signal.SIG_DFL, signal.SIG_IGN, None)


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Run the block with ``BudgetSpent`` raised in it once it has used ``seconds`` of CPU time
    (None, or no way to interrupt: the block runs to its end)."""
    if seconds is None or not can_interrupt():
        yield
        return
    if seconds <= 0:
        raise BudgetSpent
    previous = signal.signal(signal.SIGPROF, _raise)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)
