"""The Hearings tab's table: when, what, where, before whom, and how it went."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, time
from enum import IntEnum
from typing import Any, ClassVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt

from clinic.services.dto import HearingView
from clinic.ui.case_view.case_words import short_date, short_time, word
from clinic.ui.case_view.row_table_model import (
    FIRST_MODEL_ROLE,
    MUTED_COLOR,
    RowRole,
    RowTableModel,
)


class Column(IntEnum):
    DATE = 0
    TIME = 1
    KIND = 2
    LOCATION = 3
    JUDGE = 4
    MODE = 5
    OUTCOME = 6


class Role(IntEnum):
    PAST = FIRST_MODEL_ROLE  # bool: the hearing date is before today


HEADERS = {
    Column.DATE: QT_TRANSLATE_NOOP("CaseView", "Date"),
    Column.TIME: QT_TRANSLATE_NOOP("CaseView", "Time"),
    Column.KIND: QT_TRANSLATE_NOOP("CaseView", "Hearing"),
    Column.LOCATION: QT_TRANSLATE_NOOP("CaseView", "Location"),
    Column.JUDGE: QT_TRANSLATE_NOOP("CaseView", "Judge"),
    Column.MODE: QT_TRANSLATE_NOOP("CaseView", "Attendance"),
    Column.OUTCOME: QT_TRANSLATE_NOOP("CaseView", "Outcome"),
}


class HearingTableModel(RowTableModel):
    columns = Column
    headers = HEADERS
    extra_roles: ClassVar[Mapping[int, bytes]] = {Role.PAST: b"past"}

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._today = date.min

    def set_hearings(self, hearings: Iterable[HearingView], today: date) -> None:
        self._today = today
        self.set_rows(sorted(hearings, key=lambda h: (h.on, h.at or time.min, h.id)))

    def cell(self, item: HearingView, column: Column, role: int) -> Any:  # noqa: PLR0911 - one return per role
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(item, column)
        if role == RowRole.SORT:
            if column in (Column.DATE, Column.TIME):
                return f"{item.on.isoformat()} {(item.at or time.min).isoformat()}"
            return _display(item, column).casefold()
        if role == Role.PAST:
            return item.on < self._today
        if role == Qt.ItemDataRole.ForegroundRole and item.on < self._today:
            return MUTED_COLOR
        if role == Qt.ItemDataRole.ToolTipRole and column is Column.LOCATION and item.address:
            return item.address
        return None


def _display(item: HearingView, column: Column) -> str:  # noqa: PLR0911 - one return per column
    match column:
        case Column.DATE:
            return short_date(item.on)
        case Column.TIME:
            return short_time(item.on, item.at, item.timezone)
        case Column.KIND:
            return word(item.kind)
        case Column.LOCATION:
            return item.location
        case Column.JUDGE:
            return item.judge
        case Column.MODE:
            return word(item.mode)
        case Column.OUTCOME:
            return item.outcome
