"""The Deadlines tab's table: act-by date, title, status and origin, overdue rows marked."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from enum import IntEnum
from typing import Any, ClassVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QFont

from clinic.domain.enums import DeadlineStatus
from clinic.services.dto import DeadlineView
from clinic.ui.case_view.case_words import short_date, word
from clinic.ui.case_view.row_table_model import (
    ALERT_COLOR,
    FIRST_MODEL_ROLE,
    MUTED_COLOR,
    RowRole,
    RowTableModel,
)
from clinic.ui.rule_words import rule_text


class Column(IntEnum):
    ACT_BY = 0
    TITLE = 1
    STATUS = 2
    ORIGIN = 3


class Role(IntEnum):
    OVERDUE = FIRST_MODEL_ROLE  # bool: open and its act-by date has passed
    NEEDS_ATTORNEY_CHECK = FIRST_MODEL_ROLE + 1  # bool: ⚠ verify with your attorney


HEADERS = {
    Column.ACT_BY: QT_TRANSLATE_NOOP("CaseView", "Act by"),
    Column.TITLE: QT_TRANSLATE_NOOP("CaseView", "Deadline"),
    Column.STATUS: QT_TRANSLATE_NOOP("CaseView", "Status"),
    Column.ORIGIN: QT_TRANSLATE_NOOP("CaseView", "Origin"),
}


def is_overdue(deadline: DeadlineView, today: date) -> bool:
    return (
        deadline.status is DeadlineStatus.OPEN
        and not deadline.court_sets_date
        and deadline.act_by < today
    )


def attorney_marker() -> str:
    return QCoreApplication.translate("CaseView", "⚠ verify with your attorney")


def sort_deadlines(deadlines: Iterable[DeadlineView]) -> list[DeadlineView]:
    """Open ones first by act-by date, then the closed ones (history) by date."""
    return sorted(deadlines, key=lambda d: (d.status is not DeadlineStatus.OPEN, d.act_by, d.id))


class DeadlineTableModel(RowTableModel):
    columns = Column
    headers = HEADERS
    extra_roles: ClassVar[Mapping[int, bytes]] = {
        Role.OVERDUE: b"overdue",
        Role.NEEDS_ATTORNEY_CHECK: b"needsAttorneyCheck",
    }

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._today = date.min

    def set_deadlines(self, deadlines: Iterable[DeadlineView], today: date) -> None:
        self._today = today
        self.set_rows(sort_deadlines(deadlines))

    def cell(self, item: DeadlineView, column: Column, role: int) -> Any:  # noqa: PLR0911 - one return per role
        overdue = is_overdue(item, self._today)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, column, overdue)
        if role == RowRole.SORT:
            return self._sort_key(item, column, overdue)
        if role == Role.OVERDUE:
            return overdue
        if role == Role.NEEDS_ATTORNEY_CHECK:
            return item.needs_attorney_check
        if role == Qt.ItemDataRole.ForegroundRole:
            if overdue:
                return ALERT_COLOR
            return MUTED_COLOR if item.status is not DeadlineStatus.OPEN else None
        if role == Qt.ItemDataRole.FontRole and overdue:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:  # every cell: a narrow column may shorten any
            return self._display(item, column, overdue)
        return None

    def _display(self, item: DeadlineView, column: Column, overdue: bool) -> str:  # noqa: PLR0911 - one return per column
        match column:
            case Column.ACT_BY:
                if item.court_sets_date:
                    return QCoreApplication.translate("CaseView", "Set by the court")
                return short_date(item.act_by)
            case Column.TITLE:
                if item.needs_attorney_check:  # first, so a narrow column never hides it
                    return f"{attorney_marker()} · {rule_text(item.title)}"
                return rule_text(item.title)
            case Column.STATUS:
                if overdue:
                    return QCoreApplication.translate("CaseView", "Overdue")
                if item.status is DeadlineStatus.SUPERSEDED:  # the long words fit the side panel
                    return QCoreApplication.translate("CaseView", "Replaced")
                return word(item.status)
            case Column.ORIGIN:
                return word(item.origin)

    def _sort_key(self, item: DeadlineView, column: Column, overdue: bool) -> str:
        if column is Column.ACT_BY:
            return item.act_by.isoformat()
        return str(self._display(item, column, overdue)).casefold()
