"""The Exhibits tab: the case's exhibit list in packet order (drag and drop, or Move up / Move
down with Alt+Up / Alt+Down), a tick to leave an item out, and Build packet…"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListView,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from clinic.domain.ids import CaseId, EvidenceId
from clinic.services import packet
from clinic.services.dto import CaseView
from clinic.ui.case_view.case_tab import CaseTab, action_button, hint_label
from clinic.ui.case_view.exhibit_list_model import ExhibitListModel
from clinic.ui.operation import Operation
from clinic.ui.packet_dialog import PacketDialog
from clinic.ui.problems import Problem
from clinic.ui.session import UiSession


class ExhibitsTab(CaseTab):
    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("exhibitsTab")
        self.model = ExhibitListModel(self)
        # queued: the saves reload the case view, which must not happen inside a drop
        self.model.order_changed.connect(self._save_order, Qt.ConnectionType.QueuedConnection)
        self.model.inclusion_changed.connect(
            self._save_inclusion, Qt.ConnectionType.QueuedConnection
        )
        self.list = QListView()
        self.list.setObjectName("exhibitList")
        self.list.setAccessibleName(self.tr("Exhibits in packet order"))
        self.list.setModel(self.model)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setDragEnabled(True)
        self.list.setAcceptDrops(True)
        self.list.setDropIndicatorShown(True)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.setAlternatingRowColors(True)
        self.up_button = action_button(self.tr("Move &up"), "exhibitMoveUp")
        self.up_button.setShortcut(QKeySequence("Alt+Up"))
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button = action_button(self.tr("Move do&wn"), "exhibitMoveDown")
        self.down_button.setShortcut(QKeySequence("Alt+Down"))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.build_button = action_button(self.tr("&Build packet…"), "buildPacketButton")
        self.build_button.clicked.connect(self.open_packet_dialog)
        self.hint = hint_label(
            self.tr(
                "Evidence items with files become exhibits. Drag them into order, untick one to "
                "leave it out of the packet."
            ),
            "exhibitsHint",
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.up_button)
        buttons.addWidget(self.down_button)
        buttons.addStretch(1)
        buttons.addWidget(self.build_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.dialog: PacketDialog | None = None

    def display_case(self, case: CaseView, today: date) -> None:
        keep = self.selected_id()
        super().display_case(case, today)
        self.reload(keep)

    def reload(self, keep: int | None = None) -> None:
        if self.case is None or not self.session.is_open:
            return
        rows = packet.exhibit_list(store=self.session.store, case_id=self.case.id)
        # the labels shown are the ones the packet gets with the clinic's tab style
        self.model.set_style(packet.packet_defaults(store=self.session.store).tab_style)
        self.model.set_rows(rows)
        self.build_button.setEnabled(any(r.included for r in rows))
        if keep is not None:
            self.select(keep)

    def clear(self) -> None:
        super().clear()
        self.model.clear()
        if self.dialog is not None:
            self.dialog.reject()
            self.dialog = None

    def selected_id(self) -> int | None:
        rows = self.list.selectionModel().selectedRows()
        return int(self.model.row_at(rows[0].row()).evidence_id) if rows else None

    def select(self, evidence_id: int) -> None:
        for row in range(self.model.rowCount()):
            if self.model.row_at(row).evidence_id == evidence_id:
                self.list.selectionModel().setCurrentIndex(
                    self.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
                )
                return

    def move_selected(self, step: int) -> bool:
        rows = self.list.selectionModel().selectedRows()
        if not rows:
            return False
        row = rows[0].row()
        evidence_id = self.model.row_at(row).evidence_id
        target = row - 1 if step < 0 else row + 2
        moved = self.model.move_row(row, target)
        self.select(evidence_id)
        return moved

    def _save_order(self, ids: list[int]) -> None:
        if self.case is None or not self.session.is_open:
            return
        store, case_id, ordered = self.session.store, self.case.id, [EvidenceId(i) for i in ids]
        Operation(
            self,
            lambda _: packet.set_exhibit_order(store=store, case_id=case_id, ordered=ordered),
            session=self.session,
        ).failure(self._not_saved).run_and_wait()

    def _save_inclusion(self, evidence_id: int, included: bool) -> None:
        if self.case is None or not self.session.is_open:
            return
        store, case_id = self.session.store, self.case.id
        self.build_button.setEnabled(
            any(self.model.row_at(r).included for r in range(self.model.rowCount()))
        )
        Operation(
            self,
            lambda _: packet.set_included(
                store=store,
                case_id=case_id,
                evidence_id=EvidenceId(evidence_id),
                included=included,
            ),
            session=self.session,
        ).failure(self._not_saved).run_and_wait()

    def _not_saved(self, problem: Problem) -> None:
        """The list shows what was dragged or ticked: put it back as stored, then say why."""
        self.reload(self.selected_id())
        QMessageBox.warning(self, self.tr("The exhibit order was not saved"), problem.text)

    def open_packet_dialog(self) -> PacketDialog | None:
        if self.case is None or not self.session.is_open:
            return None
        self.dialog = PacketDialog(self.session, CaseId(self.case.id), self)
        self.dialog.open()
        return self.dialog
