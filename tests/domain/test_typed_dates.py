"""Reading typed dates and times (issue 15): what is understood, what is refused and why."""

from __future__ import annotations

from datetime import date, time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clinic.domain.typed_dates import (
    CASE_EVENTS,
    FIRST_YEAR,
    LAST_YEAR,
    LIFETIME,
    SCHEDULING,
    Clock,
    DateOrder,
    DateProblem,
    DateReading,
    MonthProblem,
    MonthReading,
    TimeProblem,
    YearWindow,
    clock_of_pattern,
    days_in_month,
    format_typed_date,
    format_typed_month,
    order_of_pattern,
    parse_typed_date,
    parse_typed_month,
    parse_typed_time,
    step_days,
)

TODAY = date(2026, 12, 1)
US = DateOrder.MONTH_FIRST
ES = DateOrder.DAY_FIRST


def read(text: str, order: DateOrder = US, window: YearWindow = SCHEDULING) -> DateReading:
    return parse_typed_date(text, order=order, window=window, today=TODAY)


# -- what was typed on the first day ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["1/15/27", "01/15/2027", "1/15/2027", "2027-01-15", "2027/1/15", "1-15-27", "1.15.2027"],
)
def test_january_15_2027_in_english(text: str) -> None:
    assert read(text) == DateReading(value=date(2027, 1, 15))


@pytest.mark.parametrize(
    "text", ["15/1/27", "15/01/2027", "2027-01-15", "15.01.2027", "15-1-27", "15 1 2027"]
)
def test_january_15_2027_in_spanish(text: str) -> None:
    assert read(text, ES) == DateReading(value=date(2027, 1, 15))


def test_the_hearing_date_of_the_first_day() -> None:
    assert read("2/10/2027").value == date(2027, 2, 10)
    assert read("10/2/2027", ES).value == date(2027, 2, 10)


@pytest.mark.parametrize(
    "text",
    [
        " 1/15/2027 ",
        "1 / 15 / 2027",
        "\uff11/\uff11\uff15/\uff12\uff10\uff12\uff17",  # full-width digits
        "1\u00a0/\u202f15/2027",  # no-break spaces pasted from a document
        "2027. 01. 15.",  # Hungarian style
    ],
)
def test_spacing_and_width_do_not_matter(text: str) -> None:
    assert read(text).value == date(2027, 1, 15)


def test_year_first_locales_read_two_digit_years_first() -> None:
    assert read("27-01-15", DateOrder.YEAR_FIRST).value == date(2027, 1, 15)
    assert read("2027-01-15", DateOrder.YEAR_FIRST).value == date(2027, 1, 15)


def test_empty_text_is_no_date_and_no_problem() -> None:
    for text in ("", "   ", "\u00a0"):
        reading = read(text)
        assert reading.empty and reading.value is None and reading.problem is None


# -- refusals -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "order", "problem"),
    [
        ("tomorrow", US, DateProblem.NOT_A_DATE),
        ("1/15/2027/3", US, DateProblem.NOT_A_DATE),
        ("1/15-2027", US, DateProblem.NOT_A_DATE),  # two different separators
        ("115/1/2027", US, DateProblem.NOT_A_DATE),
        ("1/15", US, DateProblem.MISSING_YEAR),
        ("15.1", ES, DateProblem.MISSING_YEAR),
        ("1/15/7", US, DateProblem.YEAR_DIGITS),
        ("1/15/202", US, DateProblem.YEAR_DIGITS),
        ("1/15/20277", US, DateProblem.YEAR_DIGITS),
        ("13/1/2027", US, DateProblem.NO_SUCH_MONTH),
        ("1/15/27", ES, DateProblem.NO_SUCH_MONTH),  # English order typed in Spanish
        ("0/1/2027", US, DateProblem.NO_SUCH_MONTH),
        ("1/0/2027", US, DateProblem.NO_SUCH_DAY),
        ("1/32/2027", US, DateProblem.NO_SUCH_DAY),
        ("4/31/2027", US, DateProblem.NO_SUCH_DAY),
        ("1/15/1899", US, DateProblem.YEAR_OUT_OF_RANGE),
        ("1/15/2200", US, DateProblem.YEAR_OUT_OF_RANGE),
        ("0027-01-15", US, DateProblem.YEAR_OUT_OF_RANGE),
    ],
)
def test_refused(text: str, order: DateOrder, problem: DateProblem) -> None:
    reading = read(text, order)
    assert (reading.value, reading.problem) == (None, problem)


def test_a_day_the_month_lacks_names_the_month() -> None:
    assert read("2/30/2027") == DateReading(problem=DateProblem.NO_SUCH_DAY, year=2027, month=2)
    assert read("2/29/2027") == DateReading(problem=DateProblem.NO_SUCH_DAY, year=2027, month=2)
    assert read("2/29/2028").value == date(2028, 2, 29)
    assert read("2/29/28").value == date(2028, 2, 29)
    # the two-digit year placed first, then found wanting
    assert read("2/29/27") == DateReading(problem=DateProblem.NO_SUCH_DAY, year=2027, month=2)
    assert read("30/2/2027", ES).problem is DateProblem.NO_SUCH_DAY


# -- two-digit years and their windows --------------------------------------------------------


def test_scheduling_window_is_one_year_back_to_ten_ahead() -> None:
    assert SCHEDULING.bounds(TODAY) == (date(2025, 12, 1), date(2036, 12, 1))
    assert read("12/1/25").value == date(2025, 12, 1)
    assert read("12/1/36").value == date(2036, 12, 1)
    late = read("12/2/36")
    assert late.problem is DateProblem.YEAR_OUTSIDE_WINDOW
    assert late.suggestions == (date(2036, 12, 2),)
    early = read("11/30/25")
    assert early.problem is DateProblem.YEAR_OUTSIDE_WINDOW
    assert early.suggestions == (date(2025, 11, 30),)
    # and typing the year in full is always the way out
    assert read("11/30/2025").value == date(2025, 11, 30)
    assert read("1/15/2045").value == date(2045, 1, 15)


def test_outside_the_window_suggests_the_nearest_century() -> None:
    assert read("1/15/45").suggestions == (date(2045, 1, 15),)
    assert read("1/15/99").suggestions == (date(1999, 1, 15),)
    assert read("1/15/70").suggestions == (date(2070, 1, 15),)
    assert read("1/15/80").suggestions == (date(2080, 1, 15),)  # 43 years ahead, not 46 back
    assert read("1/15/85").suggestions == (date(1985, 1, 15),)


def test_birth_dates_read_the_last_110_years() -> None:
    assert LIFETIME.bounds(TODAY) == (date(1916, 12, 1), date(2026, 12, 1))
    assert read("3/14/90", window=LIFETIME).value == date(1990, 3, 14)
    assert read("3/14/1990", window=LIFETIME).value == date(1990, 3, 14)
    assert read("3/14/12", window=LIFETIME).value == date(2012, 3, 14)  # 1912: over 110 years
    assert read("3/14/17", window=LIFETIME).problem is DateProblem.YEAR_AMBIGUOUS
    assert read("12/1/26", window=LIFETIME).problem is DateProblem.YEAR_AMBIGUOUS  # 1926 too
    assert read("11/30/16", window=LIFETIME).value == date(2016, 11, 30)
    assert read("12/2/16", window=LIFETIME).problem is DateProblem.YEAR_AMBIGUOUS
    future = read("12/2/26", window=LIFETIME)  # tomorrow, or 1926: only 1926 is in the window
    assert future.value == date(1926, 12, 2)


def test_two_centuries_in_the_window_are_refused_with_both() -> None:
    reading = read("1/15/20", window=LIFETIME)
    assert reading.problem is DateProblem.YEAR_AMBIGUOUS
    assert reading.suggestions == (date(2020, 1, 15), date(1920, 1, 15))


def test_case_events_are_recent() -> None:
    assert read("6/1/19", window=CASE_EVENTS).value == date(2019, 6, 1)
    assert read("6/1/27", window=CASE_EVENTS).value == date(2027, 6, 1)
    assert read("6/1/99", window=CASE_EVENTS).problem is DateProblem.YEAR_OUTSIDE_WINDOW


def test_window_across_a_leap_day() -> None:
    leap_day = date(2028, 2, 29)
    assert SCHEDULING.bounds(leap_day) == (date(2027, 2, 28), date(2038, 2, 28))


WINDOWS = st.sampled_from([SCHEDULING, CASE_EVENTS, LIFETIME])
ORDERS = st.sampled_from(list(DateOrder))
TODAYS = st.dates(min_value=date(2010, 1, 1), max_value=date(2080, 12, 31))


@st.composite
def day_in_window(draw: st.DrawFn) -> tuple[date, YearWindow, date]:
    today, window = draw(TODAYS), draw(WINDOWS)
    first, last = window.bounds(today)
    return draw(st.dates(min_value=first, max_value=last)), window, today


@given(case=day_in_window(), order=ORDERS, separator=st.sampled_from(["/", "-", ".", " "]))
def test_round_trip_with_four_digit_years(
    case: tuple[date, YearWindow, date], order: DateOrder, separator: str
) -> None:
    day, window, today = case
    text = format_typed_date(day, order, separator=separator)
    assert parse_typed_date(text, order=order, window=window, today=today).value == day


@given(case=day_in_window(), order=ORDERS)
def test_round_trip_with_two_digit_years(
    case: tuple[date, YearWindow, date], order: DateOrder
) -> None:
    """Inside the window a two-digit year is read back, unless the date a century away is in
    the window too: then both are offered, never one picked."""
    day, window, today = case
    text = format_typed_date(day, order, two_digit_year=True)
    reading = parse_typed_date(text, order=order, window=window, today=today)
    first, last = window.bounds(today)
    others = []
    for shift in (-100, 100):
        try:
            other = day.replace(year=day.year + shift)
        except ValueError:
            continue
        if first <= other <= last:
            others.append(other)
    if others:
        assert reading.problem is DateProblem.YEAR_AMBIGUOUS
        assert set(reading.suggestions) == {day, *others}
    else:
        assert reading.value == day


@given(today=TODAYS, window=WINDOWS, order=ORDERS, day=st.dates(date(1900, 1, 1), date(2199, 1, 1)))
def test_two_digit_years_never_land_outside_the_window(
    today: date, window: YearWindow, order: DateOrder, day: date
) -> None:
    text = format_typed_date(day, order, two_digit_year=True)
    reading = parse_typed_date(text, order=order, window=window, today=today)
    first, last = window.bounds(today)
    if reading.value is not None:
        assert first <= reading.value <= last
        assert reading.value.year % 100 == day.year % 100
    else:
        assert reading.problem in (
            DateProblem.YEAR_OUTSIDE_WINDOW,
            DateProblem.YEAR_AMBIGUOUS,
            DateProblem.NO_SUCH_DAY,
        )
        for suggestion in reading.suggestions:  # what to type instead reads back as itself
            full = format_typed_date(suggestion, order)
            assert parse_typed_date(full, order=order, window=window, today=today).value == (
                suggestion
            )


@given(text=st.text(max_size=20), order=ORDERS, window=WINDOWS)
def test_anything_typed_gives_a_value_or_a_reason(
    text: str, order: DateOrder, window: YearWindow
) -> None:
    reading = parse_typed_date(text, order=order, window=window, today=TODAY)
    assert (reading.value is None) != (reading.problem is None) or reading.empty
    if reading.value is not None:
        assert FIRST_YEAR <= reading.value.year <= LAST_YEAR


def test_order_of_locale_patterns() -> None:
    assert order_of_pattern("M/d/yy") is DateOrder.MONTH_FIRST
    assert order_of_pattern("d/M/yyyy") is DateOrder.DAY_FIRST
    assert order_of_pattern("dd.MM.yy") is DateOrder.DAY_FIRST
    assert order_of_pattern("yyyy-MM-dd") is DateOrder.YEAR_FIRST
    assert order_of_pattern("yyyy. MM. dd.") is DateOrder.YEAR_FIRST
    assert order_of_pattern("d 'de' MMMM 'de' y") is DateOrder.DAY_FIRST
    assert order_of_pattern("") is DateOrder.MONTH_FIRST


def test_days_in_month_and_steps() -> None:
    assert days_in_month(2027, 2) == 28
    assert days_in_month(0, 2) == 29
    assert step_days(date(2027, 1, 31), 1) == date(2027, 2, 1)
    assert step_days(date(FIRST_YEAR, 1, 1), -1) is None
    assert step_days(date(LAST_YEAR, 12, 31), 1) is None


# -- times ----------------------------------------------------------------------------------

H12 = Clock.TWELVE_HOUR
H24 = Clock.TWENTY_FOUR_HOUR


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("9", time(9, 0)),
        ("9:30", time(9, 30)),
        ("09:30", time(9, 30)),
        ("9.30", time(9, 30)),
        ("9:30 am", time(9, 30)),
        ("9:30am", time(9, 30)),
        ("9:30 AM", time(9, 30)),
        ("9:30\u202fAM", time(9, 30)),  # Qt's own en_US time text
        ("0930", time(9, 30)),
        ("930", time(9, 30)),
        ("14:05", time(14, 5)),
        ("1405", time(14, 5)),
        ("2 pm", time(14, 0)),
        ("2pm", time(14, 0)),
        ("2:05PM", time(14, 5)),
        ("2:05 p", time(14, 5)),
        ("2:05 p.m.", time(14, 5)),
        ("2:05 p. m.", time(14, 5)),
        ("9:30 a. m.", time(9, 30)),
        ("12 pm", time(12, 0)),
        ("12:15 am", time(0, 15)),
        ("12", time(12, 0)),
        ("0:00", time(0, 0)),
        ("23:59", time(23, 59)),
        ("14:05 h", time(14, 5)),
        ("14 h", time(14, 0)),
        ("9h30", time(9, 30)),
        ("7:45", time(7, 45)),
    ],
)
def test_times_understood_on_a_12_hour_clock(text: str, expected: time) -> None:
    assert parse_typed_time(text, clock=H12).value == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2", time(2, 0)), ("2:30", time(2, 30)), ("14:05", time(14, 5)), ("2 p. m.", time(14, 0))],
)
def test_times_on_a_24_hour_clock_are_read_as_typed(text: str, expected: time) -> None:
    assert parse_typed_time(text, clock=H24).value == expected


def test_afternoon_or_night_is_asked_on_a_12_hour_clock() -> None:
    reading = parse_typed_time("2:30", clock=H12)
    assert reading.problem is TimeProblem.AM_OR_PM
    assert reading.suggestions == (time(14, 30), time(2, 30))
    assert parse_typed_time("6", clock=H12).problem is TimeProblem.AM_OR_PM
    assert parse_typed_time("02:30", clock=H12).problem is TimeProblem.AM_OR_PM


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("noon", TimeProblem.NOT_A_TIME),
        ("9:3", TimeProblem.NOT_A_TIME),
        ("9:30:15", TimeProblem.NOT_A_TIME),
        ("12345", TimeProblem.NOT_A_TIME),
        ("am", TimeProblem.NOT_A_TIME),
        ("24:00", TimeProblem.NO_SUCH_HOUR),
        ("25", TimeProblem.NO_SUCH_HOUR),
        ("9:75", TimeProblem.NO_SUCH_MINUTE),
        ("14:00 pm", TimeProblem.AM_PM_HOUR),
        ("0 am", TimeProblem.AM_PM_HOUR),
    ],
)
def test_times_refused(text: str, problem: TimeProblem) -> None:
    assert parse_typed_time(text, clock=H12).problem is problem
    assert parse_typed_time(text, clock=H12).value is None


def test_empty_time() -> None:
    assert parse_typed_time("  ", clock=H12).empty


@given(
    hour=st.integers(0, 23),
    minute=st.integers(0, 59),
    pm_style=st.sampled_from(
        ["{h}:{m:02d} {x}m", "{h}:{m:02d}{x}m", "{h}:{m:02d} {x}. m.", "{h}:{m:02d} {x}.m."]
    ),
)
def test_time_round_trip(hour: int, minute: int, pm_style: str) -> None:
    expected = time(hour, minute)
    assert parse_typed_time(f"{hour}:{minute:02d}", clock=H24).value == expected
    assert parse_typed_time(f"{hour:02d}{minute:02d}", clock=H24).value == expected
    twelve = hour % 12 or 12
    text = pm_style.format(h=twelve, m=minute, x="p" if hour >= 12 else "a")
    assert parse_typed_time(text, clock=H12).value == expected
    assert parse_typed_time(text.upper(), clock=H24).value == expected


@given(text=st.text(max_size=12), clock=st.sampled_from(list(Clock)))
def test_any_time_text_gives_a_value_or_a_reason(text: str, clock: Clock) -> None:
    reading = parse_typed_time(text, clock=clock)
    assert reading.empty or (reading.value is None) != (reading.problem is None)


def test_clock_of_patterns() -> None:
    assert clock_of_pattern("h:mm\u202fAp") is H12
    assert clock_of_pattern("h:mm a") is H12
    assert clock_of_pattern("HH:mm") is H24
    assert clock_of_pattern("H:mm 'h'") is H24


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("03/2019", date(2019, 3, 1)),
        ("3/2019", date(2019, 3, 1)),
        ("3-2019", date(2019, 3, 1)),
        ("12 2019", date(2019, 12, 1)),
        (" 11/2024. ", date(2024, 11, 1)),
        ("2019-03", date(2019, 3, 1)),
        ("１/２０２７", date(2027, 1, 1)),  # full-width digits
    ],
)
def test_a_month_is_read_as_typed(text: str, expected: date) -> None:
    assert parse_typed_month(text) == MonthReading(value=expected)
    assert format_typed_month(expected) == f"{expected.month:02d}/{expected.year}"
    assert parse_typed_month(format_typed_month(expected)).value == expected


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("1/15/27", MonthProblem.FULL_DATE),  # never cut to a month, never 12/15/27
        ("3/15/2019", MonthProblem.FULL_DATE),
        ("1/27", MonthProblem.YEAR_DIGITS),  # never guessed as 2027
        ("3/019", MonthProblem.YEAR_DIGITS),
        ("13/2019", MonthProblem.NO_SUCH_MONTH),
        ("0/2019", MonthProblem.NO_SUCH_MONTH),
        ("2019-13", MonthProblem.NO_SUCH_MONTH),
        ("3/1850", MonthProblem.YEAR_OUT_OF_RANGE),
        ("March 2019", MonthProblem.NOT_A_MONTH),
        ("2019", MonthProblem.NOT_A_MONTH),
    ],
)
def test_a_month_that_cannot_be_read_is_refused_with_its_reason(
    text: str, problem: MonthProblem
) -> None:
    assert parse_typed_month(text) == MonthReading(problem=problem)


def test_an_empty_month_is_empty() -> None:
    assert parse_typed_month("  ").empty
