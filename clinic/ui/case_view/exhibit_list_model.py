"""The exhibit list: evidence items with files, in packet order, each ticked in or left out.

Rows move by drag and drop (or Move up / Move down); the model only reorders itself and tells
its owner the new order, which saves it through the packet service.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QCoreApplication,
    QDataStream,
    QIODevice,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from clinic.domain.packet_layout import TabStyle, tab_label
from clinic.services.packet import ExhibitRow
from clinic.ui.case_view.row_table_model import RowRole

Index = QModelIndex | QPersistentModelIndex
MIME_TYPE = "application/x-clinic-exhibit-rows"


class ExhibitListModel(QAbstractListModel):
    order_changed = Signal(list)  # evidence ids in the new order
    inclusion_changed = Signal(int, bool)  # evidence id, included

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ExhibitRow] = []
        self.style = TabStyle.LETTERS

    # --- contents --------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[ExhibitRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows(())

    def set_style(self, style: TabStyle) -> None:
        self.style = style
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))

    def row_at(self, row: int) -> ExhibitRow:
        return self._rows[row]

    def ids(self) -> list[int]:
        return [r.evidence_id for r in self._rows]

    def label_of(self, row: int) -> str:
        """The tab label the row gets in the packet ("" when it is left out)."""
        if not self._rows[row].included:
            return ""
        return tab_label(sum(1 for r in self._rows[:row] if r.included), self.style)

    # --- Qt model ----------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def _display(self, row_number: int) -> str:
        row = self._rows[row_number]
        label = self.label_of(row_number)
        count = row.files  # a plain name: lupdate skips a call whose count is "row.files"
        files = self.tr("%n file(s)", "", count)  # plural forms: "1 file" / "2 files"
        if label:
            head = QCoreApplication.translate("ExhibitList", "Exhibit {0}").format(label)
        else:
            head = QCoreApplication.translate("ExhibitList", "Left out")
        return f"{head} — {row.title} ({files}, {row.language})"

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(index.row())
        values: dict[int, Any] = {
            Qt.ItemDataRole.CheckStateRole: (
                Qt.CheckState.Checked if row.included else Qt.CheckState.Unchecked
            ),
            Qt.ItemDataRole.ToolTipRole: "\n".join(row.file_names),
            RowRole.ID: row.evidence_id,
            RowRole.ROW: row,
        }
        return values.get(role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole:
            return False
        checked = (
            value if isinstance(value, bool) else Qt.CheckState(value) == Qt.CheckState.Checked
        )
        row = self._rows[index.row()]
        if row.included == checked:
            return True
        self._rows[index.row()] = replace(row, included=checked)
        self.dataChanged.emit(self.index(index.row()), self.index(len(self._rows) - 1))
        self.inclusion_changed.emit(row.evidence_id, checked)
        return True

    # --- moving ------------------------------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        mime = QMimeData()
        payload = QByteArray()
        stream = QDataStream(payload, QIODevice.OpenModeFlag.WriteOnly)
        rows = sorted({i.row() for i in indexes if i.isValid()})
        for row in rows:
            stream.writeInt32(row)
        mime.setData(MIME_TYPE, payload)
        return mime

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return action == Qt.DropAction.MoveAction and data.hasFormat(MIME_TYPE) and column <= 0

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        payload = data.data(MIME_TYPE)
        stream = QDataStream(payload, QIODevice.OpenModeFlag.ReadOnly)
        sources: list[int] = []
        while not stream.atEnd():
            sources.append(stream.readInt32())
        if len(sources) != 1 or not 0 <= sources[0] < len(self._rows):
            return False
        target = row if row >= 0 else (parent.row() if parent.isValid() else len(self._rows))
        self.move_row(sources[0], target)
        return False  # the move is done here: the view must not remove the source row

    def move_row(self, source: int, target: int) -> bool:
        """Move row ``source`` to stand before row ``target`` (``len`` = to the end)."""
        if not 0 <= source < len(self._rows) or not 0 <= target <= len(self._rows):
            return False
        if target in (source, source + 1):
            return False
        return self.moveRows(QModelIndex(), source, 1, QModelIndex(), target)

    def moveRows(
        self,
        source_parent: Index,
        source_row: int,
        count: int,
        destination_parent: Index,
        destination: int,
    ) -> bool:
        if source_parent.isValid() or destination_parent.isValid() or count != 1:
            return False
        if not 0 <= source_row < len(self._rows) or not 0 <= destination <= len(self._rows):
            return False
        if destination in (source_row, source_row + 1):
            return False
        if not self.beginMoveRows(
            QModelIndex(), source_row, source_row, QModelIndex(), destination
        ):
            return False
        moved = self._rows.pop(source_row)
        self._rows.insert(destination - 1 if destination > source_row else destination, moved)
        self.endMoveRows()
        self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))
        self.order_changed.emit(self.ids())
        return True
