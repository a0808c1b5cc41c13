"""Dates and times as the window shows them: the interface locale's numeric order with a
four-digit year, everywhere (tables, labels, date fields).

Qt's short date format has a two-digit year in most locales ("1/15/27" in en_US), which hides
a wrong century; the long format spells the month out ("Friday, January 15, 2027"). A shown
numeric date can always be typed back into a date field (:mod:`clinic.ui.date_input`) as it
is: both read the order from the same pattern.
"""

from __future__ import annotations

from datetime import date, datetime, time

from PySide6.QtCore import QDate, QLocale, QTime

from clinic.domain.typed_dates import (
    SCHEDULING,
    Clock,
    DateOrder,
    clock_of_pattern,
    format_typed_date,
    order_of_pattern,
    parse_typed_date,
)

_NUMERIC_PATTERNS = {
    DateOrder.MONTH_FIRST: "M/d/yyyy",
    DateOrder.DAY_FIRST: "d/M/yyyy",
    DateOrder.YEAR_FIRST: "yyyy-MM-dd",
}


def date_pattern(locale: QLocale | None = None) -> str:
    """The locale's short date pattern with a four-digit year ("M/d/yyyy", "d/M/yyyy",
    "dd.MM.yyyy"); a numeric one in the locale's order when its short form names the month."""
    locale = QLocale() if locale is None else locale
    pattern = locale.dateFormat(QLocale.FormatType.ShortFormat)
    if "MMM" in pattern or "d" not in pattern or "M" not in pattern or "y" not in pattern:
        return _NUMERIC_PATTERNS[order_of_pattern(pattern)]
    if "yyyy" not in pattern:
        pattern = pattern.replace("yy", "yyyy") if "yy" in pattern else pattern.replace("y", "yyyy")
    return pattern


def date_order(locale: QLocale | None = None) -> DateOrder:
    """Day, month and year in the order the locale writes them (what a typed date follows)."""
    return order_of_pattern(date_pattern(locale))


def time_clock(locale: QLocale | None = None) -> Clock:
    locale = QLocale() if locale is None else locale
    return clock_of_pattern(locale.timeFormat(QLocale.FormatType.ShortFormat))


def qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def date_text(value: date | None, locale: QLocale | None = None) -> str:
    """``value`` in the locale's numeric form with a four-digit year ("1/15/2027",
    "15/1/2027"); empty for None. It always reads back as the same date when typed into a date
    field (else, e.g. for digits other than 0-9, the plain form in the same order is used)."""
    if value is None:
        return ""
    locale = QLocale() if locale is None else locale
    order = date_order(locale)
    text = locale.toString(qdate(value), date_pattern(locale))
    typed_back = parse_typed_date(text, order=order, window=SCHEDULING, today=value)
    return text if typed_back.value == value else format_typed_date(value, order)


def long_date_text(value: date | None, locale: QLocale | None = None) -> str:
    """``value`` with the weekday and the month in words ("Friday, January 15, 2027")."""
    if value is None:
        return ""
    locale = QLocale() if locale is None else locale
    return locale.toString(qdate(value), QLocale.FormatType.LongFormat)


def time_text(value: time | None, locale: QLocale | None = None) -> str:
    """A time of day in the locale's short form ("9:30 AM", "14:05"); empty for None."""
    if value is None:
        return ""
    locale = QLocale() if locale is None else locale
    return locale.toString(QTime(value.hour, value.minute), QLocale.FormatType.ShortFormat)


def date_time_text(value: datetime, locale: QLocale | None = None) -> str:
    """A moment as "1/15/2027 9:30 AM" (local wall-clock time, as stored)."""
    return f"{date_text(value.date(), locale)} {time_text(value.time(), locale)}"
