"""The ``--from``/``--to`` bounds of every query and command, read once.

Why here: events, quotations and the timeline all keep what overlaps a stretch of days, and a
bound is any value the dates stage writes (``2014``, ``2014-06``, ``2014-06-12``, ``2014-Q2``,
``2014-SU``): read by ``dates.values.period``, the bound's first day for ``--from`` and its last
for ``--to``. A bound that names no stretch of the calendar is refused with one error (E070).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..errors import StorylineError
from .values import period


@dataclass(frozen=True)
class DateRange:
    """Days from ``first`` to ``last`` (either open); ``keeps`` a value whose period meets them."""

    first: date | None = None
    last: date | None = None

    @property
    def open(self) -> bool:
        return self.first is None and self.last is None

    def keeps(self, value: str | None) -> bool:
        """Whether a stored date value overlaps the range; an undated (or unreadable) value is
        kept only when the range is open."""
        if self.open:
            return True
        days = period(value)
        if days is None:
            return False
        return not ((self.first and days[1] < self.first) or (self.last and days[0] > self.last))


def _bound(value: str | None, flag: str, last: bool) -> date | None:
    if not value:
        return None
    days = period(value)
    if days is None:
        raise StorylineError("E070", flag=flag, value=value)
    return days[1] if last else days[0]


def date_range(date_from: str | None = None, date_to: str | None = None) -> DateRange:
    """The range ``--from``/``--to`` name (E070 for a bound that is no date)."""
    return DateRange(_bound(date_from, "--from", False), _bound(date_to, "--to", True))
