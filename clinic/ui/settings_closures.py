"""The clinic's own court closure days (date and reason) on the Settings page."""

from __future__ import annotations

from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clinic.ui.date_input import DateInput
from clinic.ui.date_text import long_date_text
from clinic.ui.settings_layout import named, tidy_table

Index = QModelIndex | QPersistentModelIndex
CLOSURE_DATE_ROLE = Qt.ItemDataRole.UserRole + 1  # datetime.date


class ClosureColumn(IntEnum):
    DATE = 0
    REASON = 1


def closure_column_title(column: ClosureColumn) -> str:
    match column:
        case ClosureColumn.DATE:
            return QCoreApplication.translate("ClosureDayModel", "Date")
        case ClosureColumn.REASON:
            return QCoreApplication.translate("ClosureDayModel", "Reason")


class ClosureDayModel(QAbstractTableModel):
    """Rows sorted by date; the settings keep them as {ISO date: reason}."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[date, str]] = []

    def set_days(self, days: dict[str, str]) -> None:
        self.beginResetModel()
        self._rows = sorted((date.fromisoformat(d), reason) for d, reason in days.items())
        self.endResetModel()

    def as_settings(self) -> dict[str, str]:
        return {day.isoformat(): reason for day, reason in self._rows}

    def clear(self) -> None:
        self.set_days({})

    def has_day(self, day: date) -> bool:
        return any(d == day for d, _ in self._rows)

    def add(self, day: date, reason: str) -> None:
        row = sum(1 for d, _ in self._rows if d < day)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.insert(row, (day, reason))
        self.endInsertRows()

    def remove(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(ClosureColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation is Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(ClosureColumn)
        ):
            return closure_column_title(ClosureColumn(section))
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        day, reason = self._rows[index.row()]
        if role == CLOSURE_DATE_ROLE:
            return day
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if index.column() == ClosureColumn.DATE:
            return long_date_text(day)
        return reason


class ClosureDaysEditor(QWidget):
    """The list of closure days with a date, a reason and Add / Remove. Changes stay in the
    model until the page saves; ``message`` shows what is wrong with an entry."""

    edited = Signal()

    def __init__(self, message: QLabel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.message = message
        self.model = ClosureDayModel(self)
        self.table = named(QTableView(), "closureDays", self.tr("Court closure days"))
        self.table.setModel(self.model)
        tidy_table(self.table, stretch=ClosureColumn.REASON)
        self._today = date.today()
        self.date_edit = DateInput(today=lambda: self._today)
        self.date_edit.set_names("closureDate", self.tr("Closure date"))
        self.reason = named(QLineEdit(), "closureReason", self.tr("Closure reason"))
        self.reason.setPlaceholderText(self.tr("Reason, e.g. court closed for snow"))
        self.reason.returnPressed.connect(self.add_entered)
        self.add_button = named(
            QPushButton(self.tr("Add")), "addClosure", self.tr("Add closure day")
        )
        self.add_button.clicked.connect(self.add_entered)
        self.remove_button = named(
            QPushButton(self.tr("Remove")), "removeClosure", self.tr("Remove closure day")
        )
        self.remove_button.clicked.connect(self.remove_current)
        self.model.rowsInserted.connect(lambda *_: self.edited.emit())
        self.model.rowsRemoved.connect(lambda *_: self.edited.emit())
        self.model.modelReset.connect(self.edited.emit)
        note = QLabel(
            self.tr(
                "Days the court was closed (weather, emergencies, executive orders). Federal "
                "holidays are already counted."
            )
        )
        note.setWordWrap(True)
        adder = QHBoxLayout()
        adder.addWidget(self.date_edit, 0, Qt.AlignmentFlag.AlignTop)  # its message grows down
        adder.addWidget(self.reason, 1, Qt.AlignmentFlag.AlignTop)
        adder.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignTop)
        adder.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(note)
        layout.addWidget(self.table)
        layout.addLayout(adder)
        layout.addWidget(self.message)

    def set_days(self, days: dict[str, str], *, today: date) -> None:
        self.model.set_days(days)
        self._today = today
        self.date_edit.set_value(today)
        self._say("")

    def clear(self) -> None:
        self.model.clear()
        self.reason.clear()
        self._say("")

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def add_entered(self) -> None:
        day = self.date_edit.value()
        if not self.date_edit.check() or day is None:  # the problem shows under the date
            self._say("")
            self.date_edit.setFocus()
            return
        reason = self.reason.text().strip()
        if not reason:
            self._say(self.tr("Give the reason the court was closed."))
            self.reason.setFocus()
            return
        if self.model.has_day(day):
            self._say(self.tr("That day is already listed; remove it first to change its reason."))
            return
        self._say("")
        self.model.add(day, reason)
        self.reason.clear()

    def remove_current(self) -> None:
        current = self.table.currentIndex()
        if current.isValid():
            self.model.remove(current.row())
