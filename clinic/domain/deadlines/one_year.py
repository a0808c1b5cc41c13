"""R2: is the I-589 on time? The one-year filing deadline (R1) against the date it was received."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from clinic.domain.deadlines.calendar import BusinessCalendar
from clinic.domain.deadlines.engine import anchor_for, compute
from clinic.domain.deadlines.rules import RuleBook

ONE_YEAR_RULE = "one-year-filing"


class OneYearStatus(StrEnum):
    """R2: is the I-589 on time? Compares equal to the plain strings callers store."""

    TIMELY = "timely"
    LATE_NEEDS_EXCEPTION = "late_needs_exception"
    NOT_FILED = "not_filed"
    NOT_APPLICABLE = "not_applicable"  # unaccompanied child: INA 208(a)(2)(E)


def one_year_status(
    last_arrival: date,
    filed: date | None,
    calendar: BusinessCalendar,
    book: RuleBook,
    *,
    unaccompanied_child: bool = False,
) -> OneYearStatus:
    """R2: timely when the I-589 was received (or provably mailed) on or before the R1 deadline."""
    if unaccompanied_child:
        return OneYearStatus.NOT_APPLICABLE
    if filed is None:
        return OneYearStatus.NOT_FILED
    rule = book.get(ONE_YEAR_RULE)
    due = compute(rule, anchor_for(rule, last_arrival), calendar).due
    if due is not None and filed <= due:
        return OneYearStatus.TIMELY
    return OneYearStatus.LATE_NEEDS_EXCEPTION
