"""Date arithmetic for deadline rules: calendar days, calendar months/years and business days.

Kept apart from the engine so each counting method can be read and tested on its own. None of these
functions knows any deadline number; amounts always come from the rule file.
"""

from __future__ import annotations

import calendar as stdlib_calendar
from dataclasses import dataclass
from datetime import date, timedelta

from clinic.domain.deadlines.calendar import BusinessCalendar
from clinic.domain.deadlines.rules import Direction, OffsetUnit

__all__ = ["Shifted", "add_business_days", "add_months", "shift"]

_MONTHS_PER_YEAR = 12


@dataclass(frozen=True)
class Shifted:
    """Where counting landed, and whether a missing month day forced the earlier month-end."""

    on: date
    clamped: bool = False


def add_months(day: date, months: int) -> Shifted:
    """Add (or, negative, subtract) calendar months; a day the target month lacks becomes its last day.

    Feb 29 + 1 year is Feb 28, not Mar 1: the fact sheet (section 2.1) takes the earlier date as the
    conservative choice and asks for attorney review, which the ``clamped`` marker triggers.
    """
    index = day.year * _MONTHS_PER_YEAR + (day.month - 1) + months
    year, month0 = divmod(index, _MONTHS_PER_YEAR)
    last = stdlib_calendar.monthrange(year, month0 + 1)[1]
    return Shifted(date(year, month0 + 1, min(day.day, last)), clamped=day.day > last)


def add_business_days(
    calendar: BusinessCalendar, day: date, count: int, *, honor_closures: bool
) -> date:
    """The ``count``-th business day after ``day`` (day 0), skipping weekends and holidays."""
    for _ in range(count):
        day = calendar.next_business_day(day, honor_closures=honor_closures)
    return day


def shift(
    calendar: BusinessCalendar,
    day: date,
    unit: OffsetUnit,
    amount: int,
    direction: Direction,
    *,
    honor_closures: bool,
) -> Shifted:
    """Count ``amount`` units from ``day`` (day 0) in ``direction``, without any weekend roll."""
    sign = 1 if direction is Direction.FORWARD else -1
    if unit is OffsetUnit.DAYS:
        return Shifted(day + timedelta(days=sign * amount))
    if unit is OffsetUnit.MONTHS:
        return add_months(day, sign * amount)
    if unit is OffsetUnit.YEARS:
        return add_months(day, sign * amount * _MONTHS_PER_YEAR)
    return Shifted(add_business_days(calendar, day, amount, honor_closures=honor_closures))
