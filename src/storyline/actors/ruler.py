"""Puts what the knowledge base knows in front of the statistical NER (built by the actors layer)."""

from __future__ import annotations

from typing import Any


def add_actor_ruler(nlp: Any, ctx: Any) -> None:
    """Not built yet: the actors layer adds an EntityRuler of actor names, metonyms and demonyms."""
    return None
