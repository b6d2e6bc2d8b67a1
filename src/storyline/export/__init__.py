"""Outputs: the store's tables as files (``tables``), the events as PLOVER records (``plover``)
and documents in the evaluation format (``eval_format``).

Why a registry: ``storyline export --format X`` accepts every format an export module names in its
``FORMATS``; adding a format is one module (``FORMATS`` and ``export(store, out_dir, fmt)``
returning what it wrote) and one line in ``EXPORT_MODULES``.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from ..errors import StorylineError

#: Modules that write exports: each has ``FORMATS`` and ``export(store, out_dir, fmt) -> list[Written]``.
EXPORT_MODULES: tuple[str, ...] = (
    "storyline.export.tables",
    "storyline.export.plover",
)


@dataclass(frozen=True)
class Written:
    """One file an export wrote: where, how many records, and what they are ("rows")."""

    path: Path
    count: int
    unit: str = "rows"


def exporters() -> dict[str, ModuleType]:
    """Every export format, by name, with the module that writes it (in ``EXPORT_MODULES`` order)."""
    found: dict[str, ModuleType] = {}
    for name in EXPORT_MODULES:
        module = importlib.import_module(name)
        for fmt in module.FORMATS:
            found.setdefault(fmt, module)
    return found


def export(store: Any, out_dir: Path, fmt: str) -> list[Written]:
    """Write the store in ``fmt`` into ``out_dir`` (E050 for a format no module writes)."""
    found = exporters()
    if fmt not in found:
        raise StorylineError("E050", fmt=fmt, valid=', '.join(found))
    return found[fmt].export(store, out_dir, fmt)


#: What ``storyline extract`` writes per document: the evaluation format, or every record.
EXTRACT_FORMATS = ("eval", "json")


def document_record(doc: Any, fmt: str) -> dict[str, Any]:
    """One extracted document in an ``EXTRACT_FORMATS`` format."""
    if fmt == "eval":
        from .eval_format import to_eval

        return to_eval(doc)
    return doc.to_dict()
