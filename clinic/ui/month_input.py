"""A month and its year, as forms ask them ("Mo/Yr": the I-589's Part A.III), typed as
``mm/yyyy`` (issue 23).

Like the date field (:mod:`clinic.ui.date_input`) it is a plain line edit whose text stays as
typed until it is understood: when the focus leaves, ``3/2019`` becomes ``03/2019``; text that is
not a month stays, with the reason and what to type under the field. The digits typed are never
moved to another part: a two-digit year is refused (not guessed), and so is a full date (the
field keeps no day, so "1/15/27" is not cut to a month). How text is read:
:func:`clinic.domain.typed_dates.parse_typed_month`.

Keyboard: Up/Down move a month, Page Up/Down a year. Empty text means "not set".
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QWidget

from clinic.domain.typed_dates import (
    FIRST_YEAR,
    LAST_YEAR,
    MonthProblem,
    MonthReading,
    format_typed_month,
    parse_typed_month,
)
from clinic.ui.date_input import TypedInput


class MonthInput(TypedInput):
    """An optional month (``value()``: its first day, or None)."""

    def __init__(
        self, *, today: Callable[[], date] = date.today, parent: QWidget | None = None
    ) -> None:
        super().__init__(required=False, parent=parent)
        self.today = today
        self.edit.setPlaceholderText(self.tr("mm/yyyy, or leave empty"))
        self.edit.setMinimumWidth(self.edit.fontMetrics().horizontalAdvance("00/000000"))
        self.name_parts("monthInput", self.tr("Month"))

    def reading(self) -> MonthReading:
        return parse_typed_month(self.edit.text())

    def value(self) -> date | None:
        return self.reading().value

    def set_value(self, value: date | None) -> None:
        self.edit.setText(format_typed_month(value) if value is not None else "")
        self._show("")

    def _example(self) -> str:
        return format_typed_month(date(self.today().year - 1, 3, 1))

    def _problem(self) -> str:
        problem = self.reading().problem
        if problem is None:
            return ""
        example = self._example()
        match problem:
            case MonthProblem.FULL_DATE:
                return self.tr(
                    "This field keeps only the month and the year: type mm/yyyy, e.g. {0}."
                ).format(example)
            case MonthProblem.YEAR_DIGITS:
                return self.tr("Type the year with four digits: mm/yyyy, e.g. {0}.").format(example)
            case MonthProblem.NO_SUCH_MONTH:
                return self.tr("The month is a number from 1 to 12: mm/yyyy, e.g. {0}.").format(
                    example
                )
            case MonthProblem.YEAR_OUT_OF_RANGE:
                return self.tr("Type a year from {0} to {1}.").format(FIRST_YEAR, LAST_YEAR)
        return self.tr("This is not a month. Type mm/yyyy, e.g. {0}.").format(example)

    def tidy(self) -> None:
        reading = self.reading()
        if reading.value is not None:
            shown = format_typed_month(reading.value)
            if shown != self.edit.text():
                self.edit.setText(shown)
            self._show("")
        elif not reading.empty:
            self._show(self.problem())

    def step(self, steps: int, *, big: bool = False) -> None:
        reading = self.reading()
        if reading.problem is not None:
            self._show(self.problem())  # never step away from text that was typed
            return
        start = reading.value or self.today().replace(day=1)
        index = start.year * 12 + start.month - 1 + steps * (12 if big else 1)
        year, month = divmod(index, 12)
        if FIRST_YEAR <= year <= LAST_YEAR:
            self.edit.setText(format_typed_month(date(year, month + 1, 1)))
            self.edit.selectAll()
