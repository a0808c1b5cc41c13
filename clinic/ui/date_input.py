"""The one date field and the one time field of the whole window (issue 15).

Each is a plain line edit: what is typed stays exactly as typed until it is understood. When
the focus leaves a field whose text reads as a date, the text becomes the locale's numeric form
with a four-digit year ("1/15/27" → "1/15/2027"), with the weekday and month in words in the
tooltip; text that does not read as a date stays, with the reason and what to type shown right
under the field (and as its accessible description). Dialogs refuse to save while a field is
wrong (:func:`check_inputs`). How text is read: :mod:`clinic.domain.typed_dates`.

Keyboard: Up/Down move the date a day (the time 15 minutes), Page Up/Down a month, Alt+Down
or F4 opens the calendar.

The time field and the date-and-time pair are :mod:`clinic.ui.time_input`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from clinic.domain.typed_dates import (
    FIRST_YEAR,
    LAST_YEAR,
    SCHEDULING,
    DateProblem,
    DateReading,
    YearWindow,
    days_in_month,
    parse_typed_date,
    step_days,
)
from clinic.ui.date_text import (
    date_order,
    date_text,
    long_date_text,
    qdate,
)
from clinic.ui.palette import Role, tint

Today = Callable[[], date]
_DOUBLE_STOP = re.compile(r"\.\.(?=\s|\)|$)")
TIME_STEP_MINUTES = 15


class TypedInput(QWidget):
    """What date and time fields share: the line edit, the message under it, the check."""

    changed = Signal()  # the text changed (by typing or by set_value)

    def __init__(self, *, required: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.required = required
        self.edit = QLineEdit()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.hide()
        tint(self.message, Role.DANGER)
        self.row = QHBoxLayout()
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.setSpacing(2)
        self.row.addWidget(self.edit, 1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addLayout(self.row)
        column.addWidget(self.message)
        self.setFocusProxy(self.edit)
        self.edit.textChanged.connect(self._text_changed)
        self.edit.installEventFilter(self)
        self._accessible = ""

    # The value API ------------------------------------------------------------------------
    def text(self) -> str:
        return self.edit.text()

    def is_valid(self) -> bool:
        return not self.problem()

    def problem(self) -> str:
        """Why the text cannot be saved, in words ("" when it can)."""
        # "Type 2:30 a.m.." → "Type 2:30 a.m.": a shown value may end a sentence with its own dot
        return _DOUBLE_STOP.sub(".", self._problem())

    def _problem(self) -> str:
        raise NotImplementedError

    def check(self) -> bool:
        """Show the problem (if any) under the field; True when the text can be saved."""
        self._show(self.problem())
        return self.message.isHidden()

    # Naming -----------------------------------------------------------------------------------
    def name_parts(self, object_name: str, accessible: str) -> None:
        """Called by the dialogs' ``add_field``: names for tests and screen readers."""
        self._accessible = accessible
        self.edit.setObjectName(f"{object_name}Text")
        self.edit.setAccessibleName(accessible)
        self.message.setObjectName(f"{object_name}Refused")

    def set_names(self, object_name: str, accessible: str) -> None:
        self.setObjectName(object_name)
        self.setAccessibleName(accessible)
        self.name_parts(object_name, accessible)

    # Behaviour --------------------------------------------------------------------------------
    def tidy(self) -> None:
        """Rewrite understood text in the shown form; show the problem of text that is not."""
        raise NotImplementedError

    def step(self, steps: int, *, big: bool = False) -> None:
        raise NotImplementedError

    def _text_changed(self) -> None:
        if not self.message.isHidden() and not self.problem():
            self._show("")  # fixed: the message goes at once; new ones wait for the focus to go
        self.changed.emit()

    def _show(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.edit.setToolTip(text or self._hint())
        self.edit.setAccessibleDescription(text or self._hint())

    def _hint(self) -> str:
        return ""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit:
            if event.type() == QEvent.Type.FocusOut:
                self.tidy()
            elif event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
                return self._key(event)
        return super().eventFilter(watched, event)

    def _key(self, event: QKeyEvent) -> bool:
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if modifiers != Qt.KeyboardModifier.NoModifier:
            return False
        steps = {
            Qt.Key.Key_Up: (1, False),
            Qt.Key.Key_Down: (-1, False),
            Qt.Key.Key_PageUp: (1, True),
            Qt.Key.Key_PageDown: (-1, True),
        }.get(Qt.Key(event.key()))
        if steps is None:
            return False
        self.step(steps[0], big=steps[1])
        return True


class DateInput(TypedInput):
    """A required date (empty is refused). ``window`` is where a two-digit year may fall."""

    def __init__(
        self,
        value: date | None = None,
        *,
        window: YearWindow = SCHEDULING,
        today: Today = date.today,
        required: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(required=required, parent=parent)
        self.year_window = window
        self.today = today
        self.calendar_button = QToolButton()
        self.calendar_button.setArrowType(Qt.ArrowType.DownArrow)
        self.calendar_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Alt+Down from the text
        self.calendar_button.clicked.connect(self.open_calendar)
        self.row.addWidget(self.calendar_button)
        self._popup: QCalendarWidget | None = None
        self.edit.setPlaceholderText(self._placeholder())
        self.edit.setMinimumWidth(self.edit.fontMetrics().horizontalAdvance("00/00/0000000"))
        self.name_parts("dateInput", self.tr("Date"))
        self.set_value(value)

    # The value API ------------------------------------------------------------------------
    def reading(self) -> DateReading:
        return parse_typed_date(
            self.edit.text(),
            order=date_order(self.locale()),
            window=self.year_window,
            today=self.today(),
        )

    def value(self) -> date | None:
        """The date typed; None when the field is empty or its text is not a date."""
        return self.reading().value

    def set_value(self, value: date | None) -> None:
        self.edit.setText(date_text(value, self.locale()))
        self._show("")

    def _problem(self) -> str:
        reading = self.reading()
        if reading.empty:
            return self._words("required") if self.required else ""
        if reading.problem is None:
            return ""
        return self._words(reading.problem, reading)

    def tidy(self) -> None:
        reading = self.reading()
        if reading.value is not None:
            shown = date_text(reading.value, self.locale())
            if shown != self.edit.text():
                self.edit.setText(shown)
            self._show("")
        elif not reading.empty:
            self._show(self.problem())

    def _hint(self) -> str:
        return long_date_text(self.value(), self.locale())

    def name_parts(self, object_name: str, accessible: str) -> None:
        super().name_parts(object_name, accessible)
        self.calendar_button.setObjectName(f"{object_name}Calendar")
        self.calendar_button.setAccessibleName(
            self.tr("{0}: pick on a calendar").format(accessible)
        )
        self.calendar_button.setToolTip(self.tr("Pick on a calendar (Alt+Down)"))

    # Keyboard and calendar ----------------------------------------------------------------
    def step(self, steps: int, *, big: bool = False) -> None:
        reading = self.reading()
        if reading.problem is not None:
            self._show(self.problem())  # never step away from text that was typed
            return
        start = reading.value or self.today()
        moved = _add_months(start, steps) if big else step_days(start, steps)
        if moved is not None:
            self.edit.setText(date_text(moved, self.locale()))
            self.edit.selectAll()

    def _key(self, event: QKeyEvent) -> bool:
        opens = event.key() == Qt.Key.Key_F4 or (
            event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier
        )
        if opens:
            self.open_calendar()
            return True
        return super()._key(event)

    def open_calendar(self) -> None:
        if self._popup is None:
            # the window's child, not the field's: a dialog comparing its fields' parts to see
            # whether anything was edited must not count an opened calendar as an edit
            popup = QCalendarWidget(self.window())
            popup.setWindowFlags(Qt.WindowType.Popup)
            popup.setObjectName(f"{self.objectName() or 'date'}CalendarPopup")
            popup.setAccessibleName(self.tr("Calendar"))
            popup.setGridVisible(True)
            popup.setDateRange(QDate(FIRST_YEAR, 1, 1), QDate(LAST_YEAR, 12, 31))
            popup.setFirstDayOfWeek(self.locale().firstDayOfWeek())
            popup.clicked.connect(self._picked)
            popup.activated.connect(self._picked)
            self._popup = popup
        shown = self.value() or self.today()
        self._popup.setSelectedDate(qdate(shown))
        self._popup.adjustSize()
        self._popup.move(self.edit.mapToGlobal(QPoint(0, self.edit.height())))
        self._popup.show()
        self._popup.setFocus(Qt.FocusReason.PopupFocusReason)

    def _picked(self, picked: QDate) -> None:
        if self._popup is not None:
            self._popup.hide()
        self.set_value(date(picked.year(), picked.month(), picked.day()))
        self.edit.setFocus(Qt.FocusReason.PopupFocusReason)

    # Words ----------------------------------------------------------------------------------
    def _placeholder(self) -> str:
        return self._form_words()

    def _form_words(self) -> str:
        order = date_order(self.locale()).value
        if order == "dmy":
            return self.tr("day/month/year")
        if order == "ymd":
            return self.tr("year-month-day")
        return self.tr("month/day/year")

    def _example(self) -> str:
        return date_text(date(self.today().year, 1, 15), self.locale())

    def _words(  # noqa: PLR0911 - one message per reason
        self, problem: DateProblem | str, reading: DateReading | None = None
    ) -> str:
        form, example = self._form_words(), self._example()
        shown = [date_text(s, self.locale()) for s in (reading.suggestions if reading else ())]
        match problem:
            case "required":
                return self.tr("Type the date as {0}, e.g. {1}.").format(form, example)
            case DateProblem.MISSING_YEAR:
                return self.tr("Add the year: {0}, e.g. {1}.").format(form, example)
            case DateProblem.YEAR_DIGITS:
                return self.tr("Type the year with four digits, e.g. {0}.").format(example)
            case DateProblem.NO_SUCH_MONTH:
                return self.tr("There is no such month. Type {0}, e.g. {1}.").format(form, example)
            case DateProblem.NO_SUCH_DAY:
                assert reading is not None
                return self._no_such_day(reading)
            case DateProblem.YEAR_OUT_OF_RANGE:
                return self.tr("Type a year from {0} to {1}.").format(FIRST_YEAR, LAST_YEAR)
            case DateProblem.YEAR_OUTSIDE_WINDOW:
                first, last = self.year_window.bounds(self.today())
                return self.tr(
                    "Type the year in full: {0}. (Here a two-digit year means {1} to {2}.)"
                ).format(shown[0], date_text(first, self.locale()), date_text(last, self.locale()))
            case DateProblem.YEAR_AMBIGUOUS:
                return self.tr("Which century? Type the year in full: {0} or {1}.").format(
                    shown[0], shown[-1]
                )
        return self.tr("This is not a date. Type {0}, e.g. {1}.").format(form, example)

    def _no_such_day(self, reading: DateReading) -> str:
        month = self.locale().standaloneMonthName(reading.month, QLocale.FormatType.LongFormat)
        days = days_in_month(reading.year, reading.month)
        if reading.year:
            return self.tr("{0} {1} has only {2} days.").format(month, reading.year, days)
        return self.tr("{0} has at most {1} days.").format(month, days)


class OptionalDateInput(DateInput):
    """A date that may be unknown: empty text means "not set" (saved as no date)."""

    def __init__(
        self,
        value: date | None = None,
        *,
        window: YearWindow = SCHEDULING,
        today: Today = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(value, window=window, today=today, required=False, parent=parent)

    def _placeholder(self) -> str:
        return self.tr("{0}, or leave empty").format(self._form_words())


def check_inputs(root: QWidget, *, focus: bool = True) -> bool:
    """Show the problem of every shown date and time field under ``root``; focus the first
    wrong one (unless ``focus`` is False). True when all can be saved (dialogs call this
    before saving)."""
    wrong = [
        field
        for field in root.findChildren(TypedInput)
        if field.isVisibleTo(root) and field.isEnabled() and not field.check()
    ]
    if wrong and focus:
        wrong[0].edit.setFocus(Qt.FocusReason.OtherFocusReason)
    return not wrong


def first_wrong_input(root: QWidget) -> QWidget | None:
    """The text box of the first date or time field under ``root`` showing a problem."""
    for field in root.findChildren(TypedInput):
        if field.isVisibleTo(root) and not field.message.isHidden():
            return field.edit
    return None


def typed_texts(root: QWidget) -> tuple[str, ...]:
    """What is typed in every date and time field under ``root`` (read or not)."""
    return tuple(field.text() for field in root.findChildren(TypedInput))


def _add_months(day: date, months: int) -> date | None:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return None
    return date(year, month + 1, min(day.day, days_in_month(year, month + 1)))
