"""Dates and times as spreadsheets hold them, and the day/month order of a file.

ISO dates (1990-03-25) are unambiguous. Slashed dates are not: 03/04/1990 is 4 March in
Tegucigalpa and 3 April in Texas. One file uses one order, so the order is settled per file:
a value whose first part is over 12 (25/03/1990) makes the file day-first, a value whose second
part is over 12 (03/25/1990) makes it month-first; when every slashed date fits both orders,
the user must say which (``--date-order mdy|dmy`` or a choice in the wizard). Nothing is guessed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time
from enum import StrEnum

from clinic.domain.importing.sheet import ImportFileError


class DateOrder(StrEnum):
    MDY = "mdy"  # 03/25/1990, as US Excel writes it
    DMY = "dmy"  # 25/03/1990, as most of the world writes it


_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00(?:\.0+)?)?)?$")
_YEAR_FIRST = re.compile(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$")
_SLASHED = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})(?: 0?0:00(?::00)?)?$")
_TIME = re.compile(r"^(\d{1,2})(?:[:.h](\d{2}))?(?::(\d{2}))?\s*([AaPp]\.?\s*[Mm]\.?)?$")


class DateOrderNeeded(ImportFileError):
    """Every slashed date in the file fits both orders, or (``mixed``) the file mixes both
    orders. ``examples``: the dates that show it (a day-first one first when mixed); each edge
    words the reason itself (the command line names ``--date-order``, the window its list)."""

    def __init__(self, message: str, examples: tuple[str, ...], *, mixed: bool = False) -> None:
        super().__init__(message)
        self.examples = examples
        self.mixed = mixed


@dataclass(frozen=True)
class DateReading:
    value: date | None = None
    reason: str = ""  # set when the text is not a usable date


def _slashed_parts(text: str) -> tuple[int, int, str] | None:
    match = _SLASHED.match(text.strip())
    if match is None:
        return None
    return int(match.group(1)), int(match.group(2)), match.group(3)


def settle_date_order(values: Iterable[str], given: DateOrder | None) -> DateOrder | None:
    """The file's day/month order, or None when no value needs one.

    Raises `DateOrderNeeded` when slashed dates exist and neither ``given`` nor the values
    settle the order.
    """
    day_first: list[str] = []
    month_first: list[str] = []
    ambiguous: list[str] = []
    for text in values:
        parts = _slashed_parts(text)
        if parts is None:
            continue
        first, second, _ = parts
        if first > 12 >= second:
            day_first.append(text.strip())
        elif second > 12 >= first:
            month_first.append(text.strip())
        elif first <= 12 and second <= 12:
            ambiguous.append(text.strip())
    if given is not None:
        return given
    if day_first and month_first:
        raise DateOrderNeeded(
            f"The file mixes day-first dates (e.g. {day_first[0]}) and month-first dates "
            f"(e.g. {month_first[0]}). Choose the order most of the file uses "
            "(--date-order dmy or --date-order mdy); the other dates are then reported by row.",
            (day_first[0], month_first[0]),
            mixed=True,
        )
    if day_first:
        return DateOrder.DMY
    if month_first:
        return DateOrder.MDY
    if ambiguous:
        raise DateOrderNeeded(
            f"Dates such as {ambiguous[0]} can be read day-first or month-first, and no date "
            "in the file settles it. Say which: --date-order mdy (03/25/1990) or "
            "--date-order dmy (25/03/1990).",
            tuple(ambiguous[:3]),
        )
    return None


def read_date(cell: str | date | time, order: DateOrder | None) -> DateReading:  # noqa: PLR0911
    """Read one cell as a date; an empty cell is no date and no problem."""
    if isinstance(cell, datetime):
        return DateReading(cell.date())
    if isinstance(cell, date):
        return DateReading(cell)
    if isinstance(cell, time):
        return DateReading(reason=f"'{cell.isoformat()}' is a time, not a date")
    text = cell.strip()
    if not text:
        return DateReading()
    iso = _ISO.match(text) or _YEAR_FIRST.match(text)
    if iso is not None:
        return _make(text, int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
    parts = _slashed_parts(text)
    if parts is None:
        return DateReading(
            reason=f"'{text}' is not a date; write it as YYYY-MM-DD, MM/DD/YYYY or DD/MM/YYYY"
        )
    first, second, year = parts
    if len(year) == 2:
        return DateReading(reason=f"'{text}' has a two-digit year; write the year in full")
    if order is None:  # settle_date_order ran first, so only unambiguous dates get here
        order = DateOrder.DMY if first > 12 else DateOrder.MDY
    month, day = (first, second) if order is DateOrder.MDY else (second, first)
    return _make(text, int(year), month, day)


def _make(text: str, year: int, month: int, day: int) -> DateReading:
    try:
        return DateReading(date(year, month, day))
    except ValueError:
        return DateReading(reason=f"'{text}' is not a real date")


def read_time(cell: str | date | time) -> tuple[time | None, str]:  # noqa: PLR0911
    """A time of day ("9:30", "09:30 AM", "14:00"); returns (time, reason)."""
    if isinstance(cell, time):
        return cell.replace(second=0, microsecond=0), ""
    if isinstance(cell, date):
        return None, f"'{cell.isoformat()}' is a date, not a time"
    text = cell.strip()
    if not text:
        return None, ""
    match = _TIME.match(text)
    if match is None:
        return None, f"'{text}' is not a time of day; write it as 9:30 AM or 14:30"
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    meridiem = (match.group(4) or "").lower().replace(".", "").replace(" ", "")
    if meridiem:
        if not 1 <= hour <= 12:
            return None, f"'{text}' is not a time of day"
        hour = hour % 12 + (12 if meridiem == "pm" else 0)
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None, f"'{text}' is not a time of day"
    return time(hour, minute), ""
