"""The base of the case view's tables: a list of frozen DTOs shown through named columns."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import IntEnum
from typing import Any, ClassVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from clinic.ui.case_view.case_words import CONTEXT
from clinic.ui.palette import Role, colour

Index = QModelIndex | QPersistentModelIndex
USER_ROLE = int(Qt.ItemDataRole.UserRole)


class RowRole(IntEnum):
    """Roles every case-view table answers; models add their own from ``FIRST_MODEL_ROLE``."""

    ID = USER_ROLE + 1  # the row's database id
    SORT = USER_ROLE + 2  # a value that sorts the column correctly (dates as ISO text)
    ROW = USER_ROLE + 3  # the DTO itself


FIRST_MODEL_ROLE = USER_ROLE + 10
# What a model's cell returns for ForegroundRole: a palette role, turned into the colour of the
# light or dark scheme when the view asks (see :meth:`RowTableModel.data`).
ALERT_COLOR = Role.DANGER  # overdue, missing, to translate
MUTED_COLOR = Role.MUTED  # done, waived or past


class RowTableModel(QAbstractTableModel):
    """Subclasses set ``columns`` and ``headers`` and implement :meth:`cell`."""

    columns: ClassVar[type[IntEnum]]
    headers: ClassVar[Mapping[Any, Any]]  # column → untranslated words (QT_TRANSLATE_NOOP)
    extra_roles: ClassVar[Mapping[int, bytes]] = {}

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def set_rows(self, rows: Iterable[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def clear(self) -> None:
        """Forget every row (auto-lock)."""
        self.set_rows(())

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def row_of(self, row_id: int) -> int | None:
        for number, item in enumerate(self._rows):
            if item.id == row_id:
                return number
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation is Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.columns)
        ):
            return QCoreApplication.translate(CONTEXT, self.headers[section])
        return None

    def roleNames(self) -> dict[int, QByteArray]:
        names = dict(super().roleNames())
        names[RowRole.ID] = QByteArray(b"rowId")
        names[RowRole.SORT] = QByteArray(b"sortKey")
        names[RowRole.ROW] = QByteArray(b"row")
        for role, name in self.extra_roles.items():
            names[role] = QByteArray(name)
        return names

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        if role == RowRole.ID:
            return int(item.id)
        if role == RowRole.ROW:
            return item
        value = self.cell(item, self.columns(index.column()), role)
        return colour(value) if isinstance(value, Role) else value

    def cell(self, item: Any, column: Any, role: int) -> Any:
        raise NotImplementedError
