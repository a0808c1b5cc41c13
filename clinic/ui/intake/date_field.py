"""A date that may be unknown: a QDateEdit with an explicit "not set" state.

Dates of birth and arrival are often unknown at intake, so "not set" is a value of its own
(the edit's minimum date, shown as special text), never a silently stored default. Typing a
digit into an unset field starts a date; Delete clears it; separators typed after a section
filled itself are skipped, so "3/14/1990" can be typed as written in any locale's order.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QToolButton, QWidget

NOT_SET = QDate(1899, 12, 31)  # one day before the oldest date validation accepts
LATEST = QDate(2099, 12, 31)
# Where typing starts in an empty field: a leap year, day 1, so any day or month typed first fits.
TYPING_SEED = QDate(2000, 1, 1)


def locale_date_format(locale: QLocale) -> str:
    """The locale's short date format with a four-digit year (birth years need all four)."""
    pattern = locale.dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in pattern:
        pattern = pattern.replace("yy", "yyyy")
    return pattern


class OptionalDateEdit(QDateEdit):
    """A QDateEdit whose minimum date means "not set"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDateRange(NOT_SET, LATEST)
        self.setSpecialValueText(self.tr("not set"))
        self.setDisplayFormat(locale_date_format(self.locale()))
        self.setCalendarPopup(True)
        self.setDate(NOT_SET)
        self.calendarWidget().installEventFilter(self)

    def value(self) -> date | None:
        current = self.date()
        return None if current == NOT_SET else current.toPython()

    def set_value(self, value: date | None) -> None:
        self.setDate(NOT_SET if value is None else QDate(value.year, value.month, value.day))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if event.key() == Qt.Key.Key_Delete and not event.modifiers():
            self.setDate(NOT_SET)
            return
        if self.date() == NOT_SET and text.isdigit():
            self.setDate(TYPING_SEED)
            self.setCurrentSectionIndex(0)
            self.setSelectedSection(self.sectionAt(0))
        elif text and text.isprintable() and not text.isdigit() and self._section_just_started():
            return  # the previous section filled up and moved on by itself
        super().keyPressEvent(event)

    def _section_just_started(self) -> bool:
        return self.lineEdit().hasSelectedText()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        showing = watched is self.calendarWidget() and event.type() == QEvent.Type.Show
        if showing and self.date() == NOT_SET:  # open on this month, not on December 1899
            today = QDate.currentDate()
            self.calendarWidget().setCurrentPage(today.year(), today.month())
        return super().eventFilter(watched, event)


class DateField(QWidget):
    """An optional date with a button that clears it; Delete clears it from the keyboard."""

    changed = Signal()

    def __init__(self, *, object_name: str, accessible_name: str) -> None:
        super().__init__()
        self.setObjectName(f"{object_name}Field")
        self.edit = OptionalDateEdit()
        self.edit.setObjectName(object_name)
        self.edit.setAccessibleName(accessible_name)
        self.edit.setToolTip(self.tr("Type the date, or press Delete to leave it unknown."))
        self.clear_button = QToolButton()
        self.clear_button.setText(self.tr("Clear"))
        self.clear_button.setObjectName(f"{object_name}Clear")
        self.clear_button.setAccessibleName(self.tr("Clear: {field}").format(field=accessible_name))
        self.clear_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Delete does this by keyboard
        self.clear_button.clicked.connect(lambda: self.edit.set_value(None))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.clear_button)
        self.setFocusProxy(self.edit)
        self.edit.dateChanged.connect(self._date_changed)
        self._date_changed()

    def value(self) -> date | None:
        return self.edit.value()

    def set_value(self, value: date | None) -> None:
        self.edit.set_value(value)

    def _date_changed(self) -> None:
        self.clear_button.setEnabled(self.edit.value() is not None)
        self.changed.emit()
