"""The one time field of the whole window, and a date and a time side by side (an appointment).

Like the date field (:mod:`clinic.ui.date_input`), a plain line edit: what is typed stays as
typed until it is understood; Up/Down move the time 15 minutes.
"""

from __future__ import annotations

from datetime import date, datetime, time

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QWidget,
)

from clinic.domain.typed_dates import (
    SCHEDULING,
    TimeProblem,
    TimeReading,
    YearWindow,
    parse_typed_time,
)
from clinic.ui.date_input import TIME_STEP_MINUTES, DateInput, Today, TypedInput
from clinic.ui.date_text import (
    time_clock,
    time_text,
)


class TimeInput(TypedInput):
    """A time of day; ``required=False`` lets it stay empty ("not set")."""

    def __init__(
        self,
        value: time | None = None,
        *,
        required: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(required=required, parent=parent)
        example = time_text(time(14, 30), self.locale())
        self.edit.setPlaceholderText(
            self.tr("e.g. {0}").format(example)
            if required
            else self.tr("e.g. {0}, or leave empty").format(example)
        )
        self.edit.setMinimumWidth(self.edit.fontMetrics().horizontalAdvance("00:00 p. m.000"))
        self.name_parts("timeInput", self.tr("Time"))
        self.set_value(value)

    def reading(self) -> TimeReading:
        return parse_typed_time(self.edit.text(), clock=time_clock(self.locale()))

    def value(self) -> time | None:
        return self.reading().value

    def set_value(self, value: time | None) -> None:
        self.edit.setText(time_text(value, self.locale()))
        self._show("")

    def _problem(self) -> str:  # noqa: PLR0911 - one message per reason
        reading = self.reading()
        example = time_text(time(14, 30), self.locale())
        match reading.problem:
            case None if reading.empty and self.required:
                return self.tr("Type the time, e.g. {0}.").format(example)
            case None:
                return ""
            case TimeProblem.NO_SUCH_HOUR:
                return self.tr("Hours go from 0 to 23. Type e.g. {0}.").format(example)
            case TimeProblem.NO_SUCH_MINUTE:
                return self.tr("Minutes go from 00 to 59. Type e.g. {0}.").format(example)
            case TimeProblem.AM_PM_HOUR:
                return self.tr("With am or pm the hour goes from 1 to 12, e.g. {0}.").format(
                    example
                )
            case TimeProblem.AM_OR_PM:
                later, earlier = (time_text(t, self.locale()) for t in reading.suggestions)
                return self.tr("Afternoon or night? Type {0} or {1}.").format(later, earlier)
        return self.tr("This is not a time. Type e.g. {0}.").format(example)

    def tidy(self) -> None:
        reading = self.reading()
        if reading.value is not None:
            shown = time_text(reading.value, self.locale())
            if shown != self.edit.text():
                self.edit.setText(shown)
            self._show("")
        elif not reading.empty:
            self._show(self.problem())

    def step(self, steps: int, *, big: bool = False) -> None:
        reading = self.reading()
        if reading.problem is not None:
            self._show(self.problem())
            return
        if reading.value is None:
            minutes = 9 * 60  # an empty field starts at 9:00
        else:
            size = 60 if big else TIME_STEP_MINUTES
            minutes = reading.value.hour * 60 + reading.value.minute
            minutes = (minutes // size + 1) * size if steps > 0 else (minutes - 1) // size * size
        minutes %= 24 * 60
        self.edit.setText(time_text(time(minutes // 60, minutes % 60), self.locale()))
        self.edit.selectAll()


class DateTimeInput(QWidget):
    """A date and a time side by side (an appointment); both required."""

    changed = Signal()

    def __init__(
        self,
        value: datetime | None = None,
        *,
        window: YearWindow = SCHEDULING,
        today: Today = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.date_input = DateInput(
            value.date() if value else None, window=window, today=today, parent=self
        )
        self.time_input = TimeInput(value.time() if value else None, parent=self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.date_input, 3)
        layout.addWidget(self.time_input, 2)
        layout.setAlignment(self.date_input, Qt.AlignmentFlag.AlignTop)
        layout.setAlignment(self.time_input, Qt.AlignmentFlag.AlignTop)
        self.setFocusProxy(self.date_input)
        self.date_input.changed.connect(self.changed)
        self.time_input.changed.connect(self.changed)

    def value(self) -> datetime | None:
        day, at = self.date_input.value(), self.time_input.value()
        return None if day is None or at is None else datetime.combine(day, at)

    def set_value(self, value: datetime | None) -> None:
        self.date_input.set_value(value.date() if value else None)
        self.time_input.set_value(value.time() if value else None)

    def is_valid(self) -> bool:
        return self.date_input.is_valid() and self.time_input.is_valid()

    def problem(self) -> str:
        return " ".join(p for p in (self.date_input.problem(), self.time_input.problem()) if p)

    def name_parts(self, object_name: str, accessible: str) -> None:
        self.date_input.set_names(f"{object_name}Date", self.tr("{0}: date").format(accessible))
        self.time_input.set_names(f"{object_name}Time", self.tr("{0}: time").format(accessible))

    def set_names(self, object_name: str, accessible: str) -> None:
        self.setObjectName(object_name)
        self.setAccessibleName(accessible)
        self.name_parts(object_name, accessible)
