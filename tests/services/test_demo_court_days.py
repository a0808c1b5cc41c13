"""The demo's hearings and interviews fall on days a court or asylum office sits (issue 18
acceptance: one demo hearing fell on a Saturday). Every date the demo schedules goes through
``court_day``; whatever date is planned, it gives the first day on or after it that is not a
weekend, a federal holiday (5 U.S.C. 6103, observed dates included) or a closure day in
resources/rules/closures.toml. test_demo.py checks a generated demo; this checks every date."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from clinic.domain.deadlines.shipped import load_shipped_calendar
from clinic.services.demo.hearings import court_day

CALENDAR = load_shipped_calendar()


@settings(deadline=None)  # the first call builds a year's holidays: slow on a loaded machine
@given(planned=st.dates(min_value=date(2015, 1, 1), max_value=date(2035, 12, 31)))
def test_a_planned_date_moves_to_the_first_day_the_court_sits(planned: date) -> None:
    on = court_day(planned)
    assert on >= planned
    assert on.weekday() < 5
    assert CALENDAR.holiday_name(on) is None
    assert CALENDAR.is_business_day(on, honor_closures=True)
    day = planned
    while day < on:  # nothing earlier would do
        assert not CALENDAR.is_business_day(day, honor_closures=True)
        day += timedelta(days=1)


def test_the_known_cases() -> None:
    assert court_day(date(2026, 7, 4)) == date(2026, 7, 6)  # Sat, Independence Day observed Fri
    assert court_day(date(2026, 12, 25)) == date(2026, 12, 28)  # Christmas, a Friday
    assert court_day(date(2025, 12, 24)) == date(2025, 12, 29)  # closures Dec 24 and 26, 2025
    assert court_day(date(2026, 12, 7)) == date(2026, 12, 7)  # a Monday stays
