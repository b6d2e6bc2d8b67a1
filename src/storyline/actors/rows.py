"""The compiled knowledge base's rows: how an actor and its roles are written into
``data/actors/kb.json.gz`` (``build``) and read back (``kb``), in one place both import.
"""

from __future__ import annotations

from ..model import Actor, Role, role_key

#: The compiled knowledge base's file name under ``data/actors``.
COMPILED = "kb.json.gz"


def role_row(r: Role) -> list:
    return [r.country, r.sector, r.title, r.office, r.start, r.end, r.source]


def actor_row(a: Actor) -> list:
    return [a.id, a.name, a.kind, a.country, a.sector, a.aliases, [role_row(r) for r in a.roles], a.source]


def chronological(roles: list[Role]) -> list[Role]:
    """Roles in the order the store gives them back: undated first, then by start (ties by
    their key), so an actor read from the database equals the one the stage linked."""
    return sorted(roles, key=lambda r: (r.start is not None, r.start or "", role_key(r)))
