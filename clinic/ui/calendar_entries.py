"""Hearings and open deadlines between two dates, for the calendar.

There is no range service yet, so this asks the Today agenda for a window starting at ``start``
and keeps what falls inside it; "overdue" is then judged against the real today, not ``start``.
Swap this one function for a range service when one exists (no SQL in the UI).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from clinic.services.deadlines import AgendaItem, agenda
from clinic.storage.store import Store


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
    window = agenda(store=store, today=start, days=(end - start).days)
    return [
        replace(item, overdue=not item.is_hearing and item.on < today)
        for item in window
        if start <= item.on <= end
    ]


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
