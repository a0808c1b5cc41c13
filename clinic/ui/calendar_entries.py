"""Hearings and open deadlines between two dates, for the calendar, and per-day counts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from clinic.services.deadlines import AgendaItem, agenda_between
from clinic.storage.public import Store


@dataclass(frozen=True)
class DayCounts:
    hearings: int = 0
    deadlines: int = 0
    overdue: int = 0

    @property
    def total(self) -> int:
        return self.hearings + self.deadlines


def entries_between(*, store: Store, start: date, end: date, today: date) -> list[AgendaItem]:
    """Hearings and open deadlines dated ``start``..``end`` (both included)."""
    return agenda_between(store=store, start=start, end=end, today=today)


def counts_by_day(items: list[AgendaItem]) -> dict[date, DayCounts]:
    counts: dict[date, DayCounts] = {}
    for item in items:
        old = counts.get(item.on, DayCounts())
        counts[item.on] = DayCounts(
            hearings=old.hearings + item.is_hearing,
            deadlines=old.deadlines + (not item.is_hearing),
            overdue=old.overdue + item.overdue,
        )
    return counts
