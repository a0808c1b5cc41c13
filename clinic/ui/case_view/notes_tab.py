"""Notes & history: add a note to the case; read what happened to it and who did it."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from clinic.services import history, notes, staff
from clinic.services.dto import CaseView
from clinic.services.results import Result
from clinic.ui.case_view.case_tab import CaseTab, action_button, hint_label, table_view
from clinic.ui.case_view.case_words import problem_words
from clinic.ui.case_view.history_table_model import Column, HistoryTableModel, full_history
from clinic.ui.operation import Operation
from clinic.ui.palette import Role, tint
from clinic.ui.session import UiSession

NOTE_EDITOR_HEIGHT = 80


class NotesTab(CaseTab):
    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("notesTab")
        self.note = self.own_editor(QPlainTextEdit())
        self.note.setObjectName("noteEditor")
        self.note.setAccessibleName(self.tr("New note"))
        self.note.setPlaceholderText(self.tr("Write a note about this case…"))
        self.note.setMaximumHeight(NOTE_EDITOR_HEIGHT)
        self.add_button = action_button(self.tr("Add note"), "addNoteButton")
        self.add_button.clicked.connect(self.add_note)
        self.note_problem = QLabel()
        self.note_problem.setObjectName("noteProblem")
        self.note_problem.setWordWrap(True)  # a long message wraps, never widens the window
        tint(self.note_problem, Role.DANGER)
        self.note_status = QLabel()
        self.note_status.setObjectName("noteStatus")
        self.model = self.own_model(HistoryTableModel(self))
        self.table = table_view(self.model, "historyTable", self.tr("Case history"))
        self.table.setColumnWidth(Column.DATE, 90)
        self.table.setColumnWidth(Column.CHANGE, 380)
        self.table.setColumnWidth(Column.BY, 120)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.note_problem, 1)
        buttons.addWidget(self.note_status)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addLayout(buttons)
        layout.addWidget(
            hint_label(self.tr("Notes, stage changes and every recorded edit"), "historyCaption")
        )
        layout.addWidget(self.table, 1)

    def display_case(self, case: CaseView, today: date) -> None:
        changed_case = self.case is None or self.case.id != case.id
        super().display_case(case, today)
        if changed_case:
            self.note.clear()  # a half-written note never follows the user to another case
            self.note_problem.clear()
            self.note_status.clear()
        store = self.session.store
        trail = history.case_trail(store=store, case_id=case.id)
        names = {int(s.id): s.name for s in staff.list_staff(store=store, active_only=False)}
        self.model.set_rows(full_history(case, trail, names))

    def add_note(self) -> None:
        if self.case is None:
            return
        store, client_id, case_id = self.session.store, self.case.client.id, self.case.id
        body = self.note.toPlainText()
        Operation(
            self,
            lambda _: notes.add_note(store=store, client_id=client_id, case_id=case_id, body=body),
            session=self.session,
        ).success(self._note_answered).failure(
            lambda problem: self.note_problem.setText(
                self.tr("Nothing was saved: {0}").format(problem.text)
            )
        ).run_and_wait()

    def _note_answered(self, result: Result[Any]) -> None:
        if result.problems:
            self.note_problem.setText(" ".join(problem_words(p.code) for p in result.problems))
            self.note.setFocus()
            return
        self.note.clear()
        self.note_problem.clear()
        self.note_status.setText(self.tr("Note saved."))

    def clear(self) -> None:
        super().clear()
        self.note_problem.clear()
        self.note_status.clear()
