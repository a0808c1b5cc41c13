"""Hearings: the case's hearings and appointments, scheduling, and outcomes."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from clinic.services.dto import CaseView, HearingView
from clinic.ui.case_view.case_tab import (
    CaseTab,
    action_button,
    hint_label,
    select_id,
    selected_id,
    table_view,
)
from clinic.ui.case_view.hearing_dialogs import (
    ChangeHearingDialog,
    HearingOutcomeDialog,
    ScheduleHearingDialog,
)
from clinic.ui.case_view.hearing_table_model import Column, HearingTableModel
from clinic.ui.session import UiSession


class HearingsTab(CaseTab):
    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("hearingsTab")
        self.model = self.own_model(HearingTableModel(self))
        self.table = table_view(self.model, "hearingTable", self.tr("Hearings"))
        for column, width in (
            (Column.DATE, 90),
            (Column.TIME, 110),
            (Column.KIND, 190),
            (Column.LOCATION, 230),
            (Column.JUDGE, 150),
            (Column.MODE, 90),
        ):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(self.open_outcome)
        self.schedule_button = action_button(self.tr("Schedule hearing…"), "scheduleHearingButton")
        self.schedule_button.clicked.connect(self.open_schedule)
        self.outcome_button = action_button(self.tr("Record outcome…"), "recordOutcomeButton")
        self.outcome_button.clicked.connect(self.open_outcome)
        self.outcome_button.setEnabled(False)
        self.change_button = action_button(self.tr("Change hearing…"), "changeHearingButton")
        self.change_button.clicked.connect(self.open_change)
        self.change_button.setEnabled(False)
        self.detail = self.value_label("hearingDetail", self.tr("Selected hearing"))
        self.empty_state = hint_label("", "hearingsEmptyState")
        buttons = QHBoxLayout()
        buttons.addWidget(self.schedule_button)
        buttons.addWidget(self.change_button)
        buttons.addWidget(self.outcome_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_state)
        layout.addWidget(self.detail)

    def display_case(self, case: CaseView, today: date) -> None:
        keep = selected_id(self.table)
        super().display_case(case, today)
        self.model.set_hearings(case.hearings, today)
        self.empty_state.setText(
            ""
            if case.hearings
            else self.tr("No hearings or appointments yet. Use “Schedule hearing…” to add one.")
        )
        if not select_id(self.table, keep):
            self._selection_changed()

    def selected_hearing(self) -> HearingView | None:
        row_id = selected_id(self.table)
        if row_id is None:
            return None
        row = self.model.row_of(row_id)
        return self.model.row_at(row) if row is not None else None

    def _selection_changed(self, *_args: object) -> None:
        hearing = self.selected_hearing()
        self.outcome_button.setEnabled(hearing is not None)
        self.change_button.setEnabled(hearing is not None)
        if hearing is None:
            self.detail.clear()
            return
        lines = [
            self.tr("Address: {0}").format(hearing.address.replace("\n", ", "))
            if hearing.address
            else "",
            self.tr("Notes: {0}").format(hearing.notes) if hearing.notes else "",
        ]
        self.detail.setText("\n".join(x for x in lines if x))

    def open_schedule(self) -> None:
        if self.case is not None:
            self.open_dialog(ScheduleHearingDialog(self.session, self.case, self))

    def open_change(self) -> None:
        hearing = self.selected_hearing()
        if hearing is not None and self.case is not None:
            self.open_dialog(ChangeHearingDialog(self.session, self.case, hearing, self))

    def open_outcome(self, *_args: object) -> None:
        hearing = self.selected_hearing()
        if hearing is not None:
            self.open_dialog(HearingOutcomeDialog(self.session, hearing, self))

    def clear(self) -> None:
        super().clear()
        self.empty_state.clear()
        self.outcome_button.setEnabled(False)
        self.change_button.setEnabled(False)
