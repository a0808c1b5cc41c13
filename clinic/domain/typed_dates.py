"""Dates and times as staff type them, read without guessing.

Qt's date and time spin boxes read typed keys section by section and, with a two-digit year in
the display format, turned "1/15/27" into December 15 and "2/10/2027" into 2020 (issue 15).
Clinic's date and time fields are plain text boxes instead; what they hold is read here.

Dates
    Three numbers with one separator (``/``, ``-``, ``.`` or spaces): month/day/year or
    day/month/year as the interface's locale writes dates (:class:`DateOrder`), and the ISO
    order ``2027-01-15`` always (a four-digit first number is a year). A four-digit year is
    taken as typed (from :data:`FIRST_YEAR` to :data:`LAST_YEAR`). A two-digit year is read
    inside the field's :class:`YearWindow`: when exactly one century puts the date inside the
    window it is taken; when none does, or two do, the text is refused and the reading
    suggests the full dates to type instead. A day the month does not have (2/30/2027) is
    refused.

Times
    ``9``, ``9:30``, ``9.30``, ``0930``, ``14:05``, ``2 pm``, ``2:05PM``, ``9:30 a. m.``,
    ``14:05 h``. On a 12-hour clock an hour from 1 to 6 without am/pm is refused (is "2:30"
    an afternoon hearing or the middle of the night?); 7 to 11 are morning and 12 is noon.
    On a 24-hour clock hours are read as typed.

Nothing here raises for bad input: each parser returns a reading with either a value or a
problem code (plus what to suggest); the window words the codes in the interface language.
"""

from __future__ import annotations

import re
import unicodedata
from calendar import monthrange
from dataclasses import dataclass
from datetime import date, time, timedelta
from enum import StrEnum

FIRST_YEAR = 1900
LAST_YEAR = 2199
_LEAP_YEAR = 2000  # for "could this month ever have this day?"


class DateOrder(StrEnum):
    """The order of day, month and year in a typed (and shown) date."""

    MONTH_FIRST = "mdy"
    DAY_FIRST = "dmy"
    YEAR_FIRST = "ymd"


@dataclass(frozen=True)
class YearWindow:
    """Where a date with a two-digit year may fall: from ``years_back`` years before today to
    ``years_ahead`` years after it (both ends included)."""

    years_back: int
    years_ahead: int

    def bounds(self, today: date) -> tuple[date, date]:
        return _add_years(today, -self.years_back), _add_years(today, self.years_ahead)


# Hearings, deadlines, appointments, closure days, docket and export ranges.
SCHEDULING = YearWindow(years_back=1, years_ahead=10)
# What already happened in the case: filed, stage moves, referred, moved in, evidence obtained.
CASE_EVENTS = YearWindow(years_back=20, years_ahead=1)
# Dates deadline rules count from: past decisions and notices, and future ones (a work
# permit's expiry, a date the judge set).
CASE_FACTS = YearWindow(years_back=20, years_ahead=10)
# A person's life: births, arrivals in the United States.
LIFETIME = YearWindow(years_back=110, years_ahead=0)


class DateProblem(StrEnum):
    NOT_A_DATE = "not_a_date"  # letters, or not three numbers
    MISSING_YEAR = "missing_year"  # "1/15"
    YEAR_DIGITS = "year_digits"  # a year of 1, 3 or 5+ digits
    NO_SUCH_MONTH = "no_such_month"  # "13/1/2027" in month-first order
    NO_SUCH_DAY = "no_such_day"  # "2/30/2027", "4/31/2027", "1/0/2027"
    YEAR_OUT_OF_RANGE = "year_out_of_range"  # a four-digit year before 1900 or after 2199
    YEAR_OUTSIDE_WINDOW = "year_outside_window"  # two-digit year: no century fits the window
    YEAR_AMBIGUOUS = "year_ambiguous"  # two-digit year: two centuries fit the window


@dataclass(frozen=True)
class DateReading:
    """What a typed date says: a value, nothing (empty text), or a problem.

    ``suggestions`` are full dates the person may have meant (year problems: the nearest
    reading outside the window, or every reading inside it), most recent first.
    ``year``/``month`` name the month that lacks the day for :attr:`DateProblem.NO_SUCH_DAY`
    (``year`` is 0 when no year was read yet).
    """

    value: date | None = None
    problem: DateProblem | None = None
    suggestions: tuple[date, ...] = ()
    year: int = 0
    month: int = 0

    @property
    def empty(self) -> bool:
        return self.value is None and self.problem is None


class Clock(StrEnum):
    TWELVE_HOUR = "12h"
    TWENTY_FOUR_HOUR = "24h"


class TimeProblem(StrEnum):
    NOT_A_TIME = "not_a_time"
    NO_SUCH_HOUR = "no_such_hour"  # 24:00, 25
    NO_SUCH_MINUTE = "no_such_minute"  # 9:75
    AM_PM_HOUR = "am_pm_hour"  # "14:00 pm", "0 am": with am/pm the hour is 1 to 12
    AM_OR_PM = "am_or_pm"  # 12-hour clock, "2:30": say which


@dataclass(frozen=True)
class TimeReading:
    value: time | None = None
    problem: TimeProblem | None = None
    suggestions: tuple[time, ...] = ()

    @property
    def empty(self) -> bool:
        return self.value is None and self.problem is None


# -- dates ----------------------------------------------------------------------------------

_SEPARATED = re.compile(r"^(\d+)\s*([/.\-])\s*(\d+)\s*\2\s*(\d+)$")
_SPACED = re.compile(r"^(\d+)\s+(\d+)\s+(\d+)$")
_TWO_PARTS = re.compile(r"^(\d{1,2})\s*[/.\-\s]\s*(\d{1,2})$")


def parse_typed_date(  # noqa: PLR0911 - one return per reason a date is refused
    text: str, *, order: DateOrder, window: YearWindow, today: date
) -> DateReading:
    """Read ``text`` as a date in ``order`` (ISO year-month-day is always understood too); a
    two-digit year is placed inside ``window`` around ``today``."""
    cleaned = _clean(text).rstrip(".").strip()
    if not cleaned:
        return DateReading()
    parts = _three_numbers(cleaned)
    if parts is None:
        if _TWO_PARTS.match(cleaned):
            return DateReading(problem=DateProblem.MISSING_YEAR)
        return DateReading(problem=DateProblem.NOT_A_DATE)
    first, second, third = parts
    if len(first) == 4 or order is DateOrder.YEAR_FIRST:  # 2027-01-15 whatever the locale
        year, month, day = first, second, third
    elif order is DateOrder.MONTH_FIRST:
        month, day, year = first, second, third
    else:
        day, month, year = first, second, third
    if len(month) > 2 or len(day) > 2:
        return DateReading(problem=DateProblem.NOT_A_DATE)
    if len(year) not in (2, 4):
        return DateReading(problem=DateProblem.YEAR_DIGITS)
    m, d = int(month), int(day)
    if not 1 <= m <= 12:
        return DateReading(problem=DateProblem.NO_SUCH_MONTH)
    if not 1 <= d <= monthrange(_LEAP_YEAR, m)[1]:
        known = int(year) if len(year) == 4 else 0
        return DateReading(problem=DateProblem.NO_SUCH_DAY, year=known, month=m)
    if len(year) == 4:
        return _full_year(int(year), m, d)
    return _two_digit_year(int(year), m, d, window.bounds(today))


def _clean(text: str) -> str:
    """Full-width digits and odd spaces (no-break, narrow no-break) become plain ones."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def _three_numbers(text: str) -> tuple[str, str, str] | None:
    match = _SEPARATED.match(text)
    if match:
        return match.group(1), match.group(3), match.group(4)
    match = _SPACED.match(text)
    if match:
        return match.group(1), match.group(2), match.group(3)
    return None


def _full_year(year: int, month: int, day: int) -> DateReading:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return DateReading(problem=DateProblem.YEAR_OUT_OF_RANGE)
    if day > monthrange(year, month)[1]:
        return DateReading(problem=DateProblem.NO_SUCH_DAY, year=year, month=month)
    return DateReading(value=date(year, month, day))


def _two_digit_year(yy: int, month: int, day: int, bounds: tuple[date, date]) -> DateReading:
    first, last = bounds
    years = [
        century * 100 + yy
        for century in range(first.year // 100 - 1, last.year // 100 + 2)
        if FIRST_YEAR <= century * 100 + yy <= LAST_YEAR
    ]
    fits = [
        date(y, month, day)
        for y in years
        if day <= monthrange(y, month)[1] and first <= date(y, month, day) <= last
    ]
    if len(fits) == 1:
        return DateReading(value=fits[0])
    if fits:
        return DateReading(
            problem=DateProblem.YEAR_AMBIGUOUS, suggestions=tuple(sorted(fits, reverse=True))
        )
    if not years:  # the window lies outside FIRST_YEAR..LAST_YEAR: only full years will do
        return DateReading(problem=DateProblem.YEAR_OUT_OF_RANGE)

    def distance(y: int) -> tuple[int, int]:
        near = date(y, month, min(day, monthrange(y, month)[1]))
        gap = (first - near).days if near < first else max((near - last).days, 0)
        return gap, -y  # the later year on a tie

    nearest = min(years, key=distance)
    if day > monthrange(nearest, month)[1]:
        return DateReading(problem=DateProblem.NO_SUCH_DAY, year=nearest, month=month)
    return DateReading(
        problem=DateProblem.YEAR_OUTSIDE_WINDOW, suggestions=(date(nearest, month, day),)
    )


def _add_years(day: date, years: int) -> date:
    year = min(max(day.year + years, 1), 9999)
    return date(year, day.month, min(day.day, monthrange(year, day.month)[1]))


def format_typed_date(
    value: date, order: DateOrder, *, separator: str = "/", two_digit_year: bool = False
) -> str:
    """``value`` written as staff would type it in ``order`` (no leading zeros but the year's)."""
    year = f"{value.year % 100:02d}" if two_digit_year else f"{value.year:04d}"
    if order is DateOrder.MONTH_FIRST:
        parts = (str(value.month), str(value.day), year)
    elif order is DateOrder.DAY_FIRST:
        parts = (str(value.day), str(value.month), year)
    else:
        parts = (year, f"{value.month:02d}", f"{value.day:02d}")
    return separator.join(parts)


def order_of_pattern(pattern: str) -> DateOrder:
    """The order of a CLDR/Qt date pattern such as ``M/d/yy``, ``dd.MM.yyyy`` or ``y-MM-dd``
    (quoted literal text is skipped); month-first when the pattern says nothing clear."""
    bare = re.sub(r"'[^']*'", "", pattern)
    where = {letter: bare.find(letter) for letter in "dMy"}
    if any(position < 0 for position in where.values()):
        return DateOrder.MONTH_FIRST
    if where["y"] < where["M"] and where["y"] < where["d"]:
        return DateOrder.YEAR_FIRST
    return DateOrder.DAY_FIRST if where["d"] < where["M"] else DateOrder.MONTH_FIRST


def days_in_month(year: int, month: int) -> int:
    """How many days ``month`` has (in a leap year when ``year`` is 0: February has 29)."""
    return monthrange(year or _LEAP_YEAR, month)[1]


def step_days(value: date, days: int) -> date | None:
    """``value`` moved by ``days``; None past the years a typed date may have."""
    try:
        moved = value + timedelta(days=days)
    except OverflowError:
        return None
    return moved if FIRST_YEAR <= moved.year <= LAST_YEAR else None


# -- times ----------------------------------------------------------------------------------

_MERIDIEM = re.compile(r"^(?P<body>.*?)\s*(?P<half>[ap])\s*\.?\s*(?:m\s*\.?)?$")
_HOURS_MARK = re.compile(r"^(?P<body>.*?)\s*(?:h|hs|hrs|horas|hours)\.?$")
_HOUR_MINUTE = re.compile(r"^(\d{1,2})(?:\s*[:.h]\s*(\d{2}))?$")
_RUN_TOGETHER = re.compile(r"^(\d{1,2})(\d{2})$")  # 930, 0930, 1430


def parse_typed_time(text: str, *, clock: Clock) -> TimeReading:  # noqa: PLR0911 - per reason
    """Read ``text`` as a time of day (see the module's notes for what is understood)."""
    cleaned = _clean(text).lower()
    if not cleaned:
        return TimeReading()
    half = None
    meridiem = _MERIDIEM.match(cleaned)
    if meridiem and meridiem.group("body"):
        half, cleaned = meridiem.group("half"), meridiem.group("body")
    else:
        marked = _HOURS_MARK.match(cleaned)
        if marked and marked.group("body"):
            cleaned = marked.group("body")
    match = _HOUR_MINUTE.match(cleaned) or _RUN_TOGETHER.match(cleaned)
    if match is None:
        return TimeReading(problem=TimeProblem.NOT_A_TIME)
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    if minute > 59:
        return TimeReading(problem=TimeProblem.NO_SUCH_MINUTE)
    if half is not None:
        if not 1 <= hour <= 12:
            return TimeReading(problem=TimeProblem.AM_PM_HOUR)
        return TimeReading(value=time(hour % 12 + (12 if half == "p" else 0), minute))
    if hour > 23:
        return TimeReading(problem=TimeProblem.NO_SUCH_HOUR)
    if clock is Clock.TWELVE_HOUR and 1 <= hour <= 6:
        return TimeReading(
            problem=TimeProblem.AM_OR_PM, suggestions=(time(hour + 12, minute), time(hour, minute))
        )
    return TimeReading(value=time(hour, minute))


def clock_of_pattern(pattern: str) -> Clock:
    """12-hour when a Qt/CLDR time pattern has an am/pm marker (``h:mm AP``), else 24-hour."""
    bare = re.sub(r"'[^']*'", "", pattern)
    return Clock.TWELVE_HOUR if re.search(r"[aA]", bare) else Clock.TWENTY_FOUR_HOUR


# -- months (a month and its year, as forms ask "Mo/Yr") -------------------------------------

_MONTH_YEAR = re.compile(r"^(\d{1,2})\s*[/.\-\s]\s*(\d+)$")
_YEAR_MONTH = re.compile(r"^(\d{4})\s*[/.\-]\s*(\d{1,2})$")


class MonthProblem(StrEnum):
    NOT_A_MONTH = "not_a_month"  # letters, one number, or a full date ("3/15/2019")
    FULL_DATE = "full_date"  # three numbers: a day too, which the field does not keep
    YEAR_DIGITS = "year_digits"  # "3/19": the year with four digits, never guessed
    NO_SUCH_MONTH = "no_such_month"  # "13/2019", "0/2019"
    YEAR_OUT_OF_RANGE = "year_out_of_range"  # before 1900 or after 2199


@dataclass(frozen=True)
class MonthReading:
    """A typed month: ``value`` is its first day; None with no problem: empty text."""

    value: date | None = None
    problem: MonthProblem | None = None

    @property
    def empty(self) -> bool:
        return self.value is None and self.problem is None


def parse_typed_month(text: str) -> MonthReading:  # noqa: PLR0911 - one return per reason
    """Read ``text`` as month/year (``03/2019``, ``3/2019``, ``3-2019``, ``3 2019``) or the ISO
    ``2019-03``. The year is taken only with four digits and the month only from 1 to 12: the
    digits typed are never moved to another part (a date with a day is refused, not cut)."""
    cleaned = _clean(text).rstrip(".").strip()
    if not cleaned:
        return MonthReading()
    iso = _YEAR_MONTH.match(cleaned)
    if iso:
        year, month = int(iso.group(1)), int(iso.group(2))
    else:
        match = _MONTH_YEAR.match(cleaned)
        if match is None:
            if _three_numbers(cleaned) is not None:
                return MonthReading(problem=MonthProblem.FULL_DATE)
            return MonthReading(problem=MonthProblem.NOT_A_MONTH)
        if len(match.group(2)) != 4:
            return MonthReading(problem=MonthProblem.YEAR_DIGITS)
        month, year = int(match.group(1)), int(match.group(2))
    if not 1 <= month <= 12:
        return MonthReading(problem=MonthProblem.NO_SUCH_MONTH)
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return MonthReading(problem=MonthProblem.YEAR_OUT_OF_RANGE)
    return MonthReading(value=date(year, month, 1))


def format_typed_month(value: date) -> str:
    """A month as the forms write it and :func:`parse_typed_month` reads it: ``03/2019``."""
    return f"{value.month:02d}/{value.year:04d}"
