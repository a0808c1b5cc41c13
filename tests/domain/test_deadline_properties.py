"""Properties every computed deadline must have, whatever the date, rule or closure list."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from clinic.domain.deadlines import Anchor, BusinessCalendar, compute
from clinic.domain.deadlines.rules import ClosurePolicy, Rule
from clinic.domain.deadlines.shipped import load_shipped_rulebook

BOOK = load_shipped_rulebook()
PLAIN = BusinessCalendar()
RULES = st.sampled_from(BOOK.rules)
DAYS = st.dates(min_value=date(1998, 1, 1), max_value=date(2045, 12, 31))
ROLLED = [r for r in BOOK.rules if r.kind == "deadline" and r.roll == "next_business_day"]
BACK = [r for r in ROLLED if r.direction == "back"]
EARLIEST = [r for r in BOOK.rules if r.kind == "earliest_date"]


def _anchor(rule: Rule, on: date) -> Anchor:
    return Anchor(rule.trigger, "Anchor", on)


def _not_weekend_or_holiday(calendar: BusinessCalendar, day: date) -> bool:
    return day.weekday() < 5 and calendar.holiday_name(day) is None


@st.composite
def closures(draw: st.DrawFn) -> dict[date, str]:
    days = draw(
        st.lists(st.dates(min_value=date(2024, 1, 1), max_value=date(2030, 12, 31)), max_size=40)
    )
    return {day: f"closure {n}" for n, day in enumerate(days)}


@settings(deadline=None)  # the first call builds a year's holidays: slow on a loaded machine
@given(rule=st.sampled_from(ROLLED), on=DAYS)
def test_a_rolled_due_date_is_never_a_weekend_or_holiday(rule: Rule, on: date) -> None:
    result = compute(rule, _anchor(rule, on), PLAIN, days=_days(rule))
    assert result.due is not None
    assert _not_weekend_or_holiday(PLAIN, result.due), result.explanation


@given(rule=st.sampled_from(ROLLED), on=DAYS)
def test_rolling_never_moves_earlier_and_stops_at_the_first_business_day(
    rule: Rule, on: date
) -> None:
    result = compute(rule, _anchor(rule, on), PLAIN)
    assert result.due is not None and result.unrolled is not None
    assert result.unrolled <= result.due <= result.unrolled + timedelta(days=4)
    day = result.unrolled
    while day < result.due:
        assert not PLAIN.is_business_day(day)
        day += timedelta(days=1)


@given(rule=st.sampled_from(BACK), on=DAYS, days=st.integers(min_value=1, max_value=60))
def test_safe_date_is_a_business_day_not_after_the_manual_date(
    rule: Rule, on: date, days: int
) -> None:
    amount = days if rule.settable else None
    result = compute(rule, _anchor(rule, on), PLAIN, days=amount)
    assert result.safe_due is not None and result.due is not None and result.unrolled is not None
    assert result.safe_due <= result.due < on  # never on or after the hearing itself
    assert result.safe_due <= result.unrolled
    assert PLAIN.is_business_day(result.safe_due) and PLAIN.is_business_day(result.due)
    if "roll_capped_before_anchor" in result.flags:
        assert result.due == result.safe_due
    else:
        assert result.unrolled <= result.due
    if PLAIN.is_business_day(result.unrolled):
        assert result.safe_due == result.unrolled == result.due


@given(rule=st.sampled_from(EARLIEST), on=DAYS, extra=st.integers(min_value=0, max_value=400))
def test_earliest_dates_are_anchor_plus_offset_exactly(rule: Rule, on: date, extra: int) -> None:
    extra = extra if rule.plus_case_days else 0
    result = compute(rule, _anchor(rule, on), PLAIN, extra_days=extra)
    assert result.due == result.unrolled == _plus(on, rule, extra)
    assert result.safe_due is None


@settings(max_examples=60)
@given(
    rule=st.sampled_from(ROLLED),
    on=st.dates(min_value=date(2024, 1, 1), max_value=date(2029, 6, 30)),
    closed=closures(),
)
def test_closure_policy(rule: Rule, on: date, closed: dict[date, str]) -> None:
    calendar = BusinessCalendar(closed)
    warned = compute(rule, _anchor(rule, on), calendar)
    plain = compute(rule, _anchor(rule, on), PLAIN)
    assert warned.due == plain.due  # "warn" never extends
    assert (warned.due in closed) == any(
        f.startswith("closure_not_extended:") for f in warned.flags
    ) or (rule.offset.unit == "business_days")
    extended = compute(
        replace(rule, closure_policy=ClosurePolicy.EXTEND), _anchor(rule, on), calendar
    )
    assert extended.due is not None and warned.due is not None
    assert extended.due not in closed and extended.due >= warned.due
    assert _not_weekend_or_holiday(calendar, extended.due)


@given(on=DAYS)
def test_calendar_rolls_are_tight(on: date) -> None:
    forward, back = PLAIN.roll_forward(on), PLAIN.roll_back(on)
    assert back <= on <= forward
    assert PLAIN.is_business_day(forward) and PLAIN.is_business_day(back)
    assert (forward == on) == PLAIN.is_business_day(on) == (back == on)
    assert PLAIN.next_business_day(on) > on > PLAIN.previous_business_day(on)


@given(n=st.integers(min_value=1, max_value=60), on=DAYS)
def test_individual_hearing_days_setting_moves_the_counted_date(n: int, on: date) -> None:
    book = BOOK.with_settings({"individual-hearing-filing": n})
    rule = book.get("individual-hearing-filing")
    assert compute(rule, _anchor(rule, on), PLAIN).unrolled == on - timedelta(days=n)


def _days(rule: Rule) -> int | None:
    return rule.offset.amount if rule.settable else None


def _plus(on: date, rule: Rule, extra: int) -> date:
    """Independent reference: timedelta for days, year replacement (Feb 29 -> Feb 28) for years."""
    if rule.offset.unit == "days":
        return on + timedelta(days=rule.offset.amount + extra)
    assert rule.offset.unit == "years"
    year = on.year + rule.offset.amount
    try:
        return on.replace(year=year)
    except ValueError:
        return date(year, 2, 28)
