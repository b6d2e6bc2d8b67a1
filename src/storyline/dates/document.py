"""The document's own date (placeholder while the resolver is written)."""

from __future__ import annotations

from typing import Any

from ..model import DateValue, Document
from .find import Found
from .rules import DateRules


def resolve_document_date(doc: Document, found: list[Found], rules: DateRules, ctx: Any) -> DateValue | None:
    return doc.published
