"""The cases table: named columns, custom roles, and rows fetched a page at a time."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from enum import IntEnum
from operator import attrgetter
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from clinic.domain.anumber import format_a_number
from clinic.services.dto import CaseSummary
from clinic.ui.case_view.case_words import short_date
from clinic.ui.labels import label

PAGE_SIZE = 200
CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex
PageLoader = Callable[[int, int], list[CaseSummary]]


class Column(IntEnum):
    CLIENT = 0
    A_NUMBER = 1
    CLAIM_TYPE = 2
    STAGE = 3
    NEXT_HEARING = 4
    NEXT_DEADLINE = 5
    PARALEGAL = 6


HEADERS = {  # translated when shown (headerData)
    Column.CLIENT: QT_TRANSLATE_NOOP("CaseTableModel", "Client"),
    Column.A_NUMBER: QT_TRANSLATE_NOOP("CaseTableModel", "A-number"),
    Column.CLAIM_TYPE: QT_TRANSLATE_NOOP("CaseTableModel", "Claim"),
    Column.STAGE: QT_TRANSLATE_NOOP("CaseTableModel", "Stage"),
    Column.NEXT_HEARING: QT_TRANSLATE_NOOP("CaseTableModel", "Next hearing"),
    Column.NEXT_DEADLINE: QT_TRANSLATE_NOOP("CaseTableModel", "Next deadline"),
    Column.PARALEGAL: QT_TRANSLATE_NOOP("CaseTableModel", "Paralegal"),
}


class CaseTableModel(QAbstractTableModel):
    """Rows come from ``load_page(offset, limit)``; more are fetched as the view scrolls."""

    def __init__(self, load_page: PageLoader | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._load_page = load_page
        # Rows are kept as plain tuples of CaseSummary's fields: a third of the memory of the
        # dataclass objects (~30 MB less with 100,000 cases scrolled into view).
        self._rows: list[tuple[Any, ...]] = []
        self._exhausted = True

    def reset(self, load_page: PageLoader | None) -> None:
        self.beginResetModel()
        self._load_page = load_page
        self._rows = []
        self._exhausted = load_page is None
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._load_page is None:
            return
        page = self._load_page(len(self._rows), PAGE_SIZE)
        if len(page) < PAGE_SIZE:
            self._exhausted = True
        if not page:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self._rows.extend(map(_compact, page))
        self.endInsertRows()

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("CaseTableModel", str(HEADERS[Column(section)]))
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        case = CaseSummary(*self._rows[index.row()])
        if role == CASE_ID_ROLE:
            return case.id
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(case, Column(index.column()))
        if (
            role == Qt.ItemDataRole.ToolTipRole
            and index.column() == Column.CLIENT
            and case.detained
        ):
            return self.tr("Detained")
        return None

    def case_at(self, row: int) -> CaseSummary:
        return CaseSummary(*self._rows[row])


_compact = attrgetter(*(f.name for f in fields(CaseSummary)))  # CaseSummary -> its fields


_FIELDS = {
    Column.A_NUMBER: "a_number",
    Column.CLAIM_TYPE: "claim_type",
    Column.STAGE: "stage",
    Column.NEXT_HEARING: "next_hearing",
    Column.NEXT_DEADLINE: "next_deadline",
}


def _display(case: CaseSummary, column: Column) -> str:  # noqa: PLR0911 - one return per column
    field = _FIELDS.get(column)
    if field in case.not_valid:  # a stored value Clinic would not accept (Doctor lists it)
        stored = case.stored[case.not_valid.index(field)]
        return QCoreApplication.translate("CaseTableModel", "%1 (not valid)").replace("%1", stored)
    match column:
        case Column.CLIENT:
            detained = QCoreApplication.translate("CaseTableModel", "  (detained)")
            return case.client_name + (detained if case.detained else "")
        case Column.A_NUMBER:
            return format_a_number(case.a_number) if case.a_number else ""
        case Column.CLAIM_TYPE:
            return label(case.claim_type)
        case Column.STAGE:
            return label(case.stage)
        case Column.NEXT_HEARING:
            return short_date(case.next_hearing)
        case Column.NEXT_DEADLINE:
            return short_date(case.next_deadline)
        case Column.PARALEGAL:
            return case.paralegal
