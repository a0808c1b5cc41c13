"""Evidence: the items in exhibit order, and the files of the selected one.

Files dropped on the tab (or chosen with Attach files…) are encrypted into the vault by a
worker. With no item selected, a drop first asks for the new item's details.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QHBoxLayout, QSplitter, QVBoxLayout, QWidget

from clinic.domain.ids import EvidenceId
from clinic.services.dto import CaseView, EvidenceView
from clinic.ui.case_view.case_tab import (
    CaseTab,
    action_button,
    hint_label,
    select_id,
    selected_id,
    table_view,
)
from clinic.ui.case_view.evidence_dialogs import AddEvidenceDialog
from clinic.ui.case_view.evidence_files_panel import EvidenceFilesPanel
from clinic.ui.case_view.evidence_table_model import Column, EvidenceTableModel
from clinic.ui.file_dialogs import open_file_names
from clinic.ui.session import UiSession


def dropped_paths(mime: QMimeData) -> list[Path]:
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


class EvidenceTab(CaseTab):
    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("evidenceTab")
        self.setAcceptDrops(True)
        self.model = self.own_model(EvidenceTableModel(self))
        self.table = table_view(
            self.model, "evidenceTable", self.tr("Evidence"), stretch=Column.TITLE
        )
        for column, width in (
            (Column.EXHIBIT, 64),
            (Column.FILES, 60),
            (Column.CATEGORY, 170),
            (Column.LANGUAGE, 100),
            (Column.TRANSLATION, 150),
            (Column.STATUS, 90),
        ):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.add_button = action_button(self.tr("Add evidence…"), "addEvidenceButton")
        self.add_button.clicked.connect(self.open_add)
        self.files = EvidenceFilesPanel(session)
        self.files.attach_button.clicked.connect(self.choose_files)
        self.empty_state = hint_label("", "evidenceEmptyState")
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        top = QWidget()
        stack = QVBoxLayout(top)
        stack.setContentsMargins(0, 0, 0, 0)
        stack.addLayout(buttons)
        stack.addWidget(self.table, 1)
        stack.addWidget(self.empty_state)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("evidenceSplitter")
        splitter.addWidget(top)
        splitter.addWidget(self.files)
        splitter.setSizes([330, 270])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def display_case(self, case: CaseView, today: date) -> None:
        keep = selected_id(self.table)
        super().display_case(case, today)
        self.model.set_evidence(case.evidence)
        self.empty_state.setText(
            ""
            if case.evidence
            else self.tr(
                "No evidence yet. Add an item, or drop scans and photos here to start one."
            )
        )
        if not select_id(self.table, keep):
            self._selection_changed()

    def selected_item(self) -> EvidenceView | None:
        row_id = selected_id(self.table)
        row = self.model.row_of(row_id) if row_id is not None else None
        return self.model.row_at(row) if row is not None else None

    def _selection_changed(self, *_args: object) -> None:
        self.files.show_item(self.selected_item())

    def open_add(self, *_args: object) -> AddEvidenceDialog | None:
        return self._open_add_dialog(())

    def _open_add_dialog(self, then_attach: Sequence[Path]) -> AddEvidenceDialog | None:
        if self.case is None:
            return None
        title = Path(then_attach[0]).stem.replace("_", " ") if then_attach else ""
        dialog = AddEvidenceDialog(self.session, self.case.id, title=title, parent=self)
        dialog.accepted.connect(lambda: self._added(dialog.created_id, then_attach))
        self.open_dialog(dialog)
        return dialog

    def _added(self, evidence_id: EvidenceId | None, then_attach: Sequence[Path]) -> None:
        if evidence_id is None:
            return
        select_id(self.table, evidence_id)
        if then_attach:
            self.files.attach_paths(evidence_id, then_attach)

    def choose_files(self) -> None:
        paths = open_file_names(self, self.tr("Attach files"))
        if paths:
            self.attach_paths([Path(p) for p in paths])

    def attach_paths(self, paths: Sequence[Path]) -> None:
        """What a drop and Attach files… both do: encrypt into the selected item."""
        if self.case is None or not paths:
            return
        item = self.selected_item()
        if item is None:
            self._open_add_dialog(paths)
            return
        self.files.attach_paths(item.id, paths)

    def _accept_drag(self, event: QDragMoveEvent) -> None:
        if self.case is not None and dropped_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self._accept_drag(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self._accept_drag(event)

    def dropEvent(self, event: QDropEvent) -> None:
        paths = dropped_paths(event.mimeData())
        if self.case is None or not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.attach_paths(paths)

    def clear(self) -> None:
        super().clear()
        self.files.clear()
        self.empty_state.clear()
