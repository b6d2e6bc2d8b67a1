"""The stored documents with what was found in each (``storyline documents``)."""

from __future__ import annotations

from typing import Any


def list_documents(store: Any) -> list[dict[str, Any]]:
    """One record per stored document: name, publisher, dates, title, and counts of characters,
    sentences, quotations and events."""
    return store.documents()
