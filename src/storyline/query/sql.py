"""Pieces of the queries' SQL written once."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..errors import StorylineError


def where_one_of(where: list[str], params: list[Any], column: str, value: str, valid: Sequence[str],
                 code: str, field: str) -> None:
    """Add ``column = value`` to a WHERE list, refusing a value not in ``valid`` with ``code``
    (whose template names the value ``field`` and lists the ``valid`` ones)."""
    if value not in valid:
        raise StorylineError(code, **{field: value}, valid=", ".join(valid))
    where.append(f"{column} = ?")
    params.append(value)
