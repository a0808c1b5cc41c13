"""Deadlines: every date the case must meet, its reasoning one click away, and the actions on it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QScrollArea, QSplitter, QVBoxLayout, QWidget

from clinic.domain.enums import DeadlineStatus
from clinic.services import schedule
from clinic.services.dto import CaseView, DeadlineView
from clinic.ui.case_view.case_tab import (
    CaseTab,
    action_button,
    hint_label,
    select_id,
    selected_id,
    table_view,
)
from clinic.ui.case_view.case_words import problem_words
from clinic.ui.case_view.deadline_dialogs import (
    AddDeadlineDialog,
    CaseFactDialog,
    WaiveDeadlineDialog,
)
from clinic.ui.case_view.deadline_table_model import Column, DeadlineTableModel
from clinic.ui.case_view.provenance_panel import ProvenancePanel
from clinic.ui.operation import Operation
from clinic.ui.palette import Role, tint
from clinic.ui.session import UiSession

_CLOSED = (DeadlineStatus.DONE, DeadlineStatus.WAIVED)


class DeadlinesTab(CaseTab):
    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("deadlinesTab")
        self.model = self.own_model(DeadlineTableModel(self))
        self.table = table_view(
            self.model, "deadlineTable", self.tr("Deadlines"), stretch=Column.TITLE
        )
        self.table.setColumnWidth(Column.ACT_BY, 110)
        self.table.setColumnWidth(Column.STATUS, 90)
        self.table.setColumnWidth(Column.ORIGIN, 110)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.provenance = ProvenancePanel()
        self.done_button = action_button(self.tr("Mark done"), "markDoneButton")
        self.done_button.clicked.connect(self.mark_done)
        self.waive_button = action_button(self.tr("Waive…"), "waiveButton")
        self.waive_button.clicked.connect(self.open_waive)
        self.reopen_button = action_button(self.tr("Reopen"), "reopenButton")
        self.reopen_button.clicked.connect(self.reopen)
        self.add_button = action_button(self.tr("Add deadline…"), "addDeadlineButton")
        self.add_button.setToolTip(self.tr("Add a manual or judge-ordered deadline"))
        self.add_button.clicked.connect(self.open_add)
        self.fact_button = action_button(self.tr("Record a case date…"), "recordCaseDateButton")
        self.fact_button.setToolTip(
            self.tr("A decision, order or notice date that deadlines count from")
        )
        self.fact_button.clicked.connect(self.open_fact)
        self.message = self.value_label("deadlineMessage", self.tr("Deadline message"))
        tint(self.message, Role.DANGER)
        self.message.hide()
        self.empty_state = hint_label("", "deadlinesEmptyState")
        self._build_layout()
        self._update_buttons(None)

    def _build_layout(self) -> None:
        buttons = QHBoxLayout()
        for button in (self.done_button, self.waive_button, self.reopen_button):
            buttons.addWidget(button)
        buttons.addSpacing(24)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.fact_button)
        buttons.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("provenanceScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.provenance)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.table, 1)
        column.addWidget(self.empty_state)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("deadlineSplitter")
        splitter.addWidget(left)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([780, 380])
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)

    def display_case(self, case: CaseView, today: date) -> None:
        keep = selected_id(self.table)
        super().display_case(case, today)
        self.model.set_deadlines(case.deadlines, today)
        self.empty_state.setText(
            ""
            if case.deadlines
            else self.tr(
                "No deadlines yet. They are computed from the case's dates (arrival, filing, "
                "hearings, decisions); record those, or add a manual or judge-ordered deadline."
            )
        )
        if not select_id(self.table, keep):
            self._selection_changed()

    def selected_deadline(self) -> DeadlineView | None:
        row_id = selected_id(self.table)
        row = self.model.row_of(row_id) if row_id is not None else None
        return self.model.row_at(row) if row is not None else None

    def _selection_changed(self, *_args: object) -> None:
        deadline = self.selected_deadline()
        self.provenance.show_deadline(deadline)
        self._update_buttons(deadline)

    def _update_buttons(self, deadline: DeadlineView | None) -> None:
        is_open = deadline is not None and deadline.status is DeadlineStatus.OPEN
        self.done_button.setEnabled(is_open)
        self.waive_button.setEnabled(is_open)
        self.reopen_button.setEnabled(deadline is not None and deadline.status in _CLOSED)

    def mark_done(self) -> None:
        self._close(DeadlineStatus.DONE)

    def reopen(self) -> None:
        self._close(DeadlineStatus.OPEN)

    def _close(self, status: DeadlineStatus) -> None:
        deadline = self.selected_deadline()
        if deadline is None:
            return
        store, deadline_id, on = self.session.store, deadline.id, self.session.today()
        version = deadline.version  # a colleague's change since is named, never overwritten
        Operation(
            self,
            lambda _: schedule.close_deadline(
                store=store,
                deadline_id=deadline_id,
                status=status,
                on=on,
                expected_version=version,
            ),
            session=self.session,
        ).success(
            lambda result: self.show_message(
                " ".join(problem_words(p.code) for p in result.problems)
            )
        ).failure(
            lambda problem: self.show_message(
                self.tr("Nothing was saved: {0}").format(problem.text)
            )
        ).run_and_wait()

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def open_waive(self) -> None:
        deadline = self.selected_deadline()
        if deadline is not None:
            self.open_dialog(WaiveDeadlineDialog(self.session, deadline, self))

    def open_add(self) -> None:
        if self.case is not None:
            self.open_dialog(AddDeadlineDialog(self.session, self.case, self))

    def open_fact(self) -> None:
        if self.case is not None:
            self.open_dialog(CaseFactDialog(self.session, self.case, self))

    def clear(self) -> None:
        super().clear()
        self.provenance.clear()
        self.empty_state.clear()
        self._update_buttons(None)
