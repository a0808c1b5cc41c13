"""The shape every case-view dialog shares: fields with their problems beside them, Save that
runs the service off the GUI thread (clinic.ui.operation) and keeps the dialog (and everything
typed) open when a service says no or fails, and Cancel that asks before throwing edits away."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from enum import StrEnum
from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from clinic.domain.typed_dates import SCHEDULING, YearWindow
from clinic.domain.validation import FieldProblem
from clinic.services.errors import EditConflict, ErrorKind
from clinic.services.results import Result
from clinic.ui.case_view.case_words import problem_words, word
from clinic.ui.case_view.conflict_panel import ConflictPanel, combo_words
from clinic.ui.date_input import DateInput, OptionalDateInput, check_inputs
from clinic.ui.operation import Operation
from clinic.ui.palette import Role, tint
from clinic.ui.problems import Problem
from clinic.ui.session import UiSession

W = TypeVar("W", bound=QWidget)
Save = Callable[..., Result[Any]]
"""What a dialog's :meth:`FormDialog.save` returns: the service call with every value read
from the fields already bound (``functools.partial``); it is called as ``save(store=store)`` in
the worker thread, which must never read a widget."""


def camel(name: str) -> str:
    """``status_reason`` → ``statusReason`` (object names follow Qt's camelCase)."""
    head, *rest = name.split("_")
    return head + "".join(part.capitalize() for part in rest)


def date_edit(
    value: date | None, *, session: UiSession, window: YearWindow = SCHEDULING
) -> DateInput:
    """A required date typed in full or with a two-digit year inside ``window``."""
    return DateInput(value, window=window, today=session.today)


def optional_date(value: date | None, *, session: UiSession, window: YearWindow) -> DateInput:
    """A date that may be unknown: left empty, it is saved as no date."""
    return OptionalDateInput(value, window=window, today=session.today)


class EnumComboBox(QComboBox):
    """A choice among enum values shown in their words. Qt stores item data as plain text,
    so :meth:`value` turns it back into the enum the services compare with ``is``."""

    def __init__(
        self,
        values: Iterable[StrEnum],
        current: StrEnum | None = None,
        *,
        none_text: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        items = list(values)
        self._kind = type(items[0]) if items else None
        if none_text:
            self.addItem(none_text, None)
        for value in items:
            self.addItem(word(value), value.value)
        self.set_value(current)

    def value(self) -> Any:
        data = self.currentData()
        return None if data is None or self._kind is None else self._kind(data)

    def set_value(self, value: StrEnum | None) -> None:
        index = self.findData(value.value if value is not None else None)
        self.setCurrentIndex(max(index, 0))


def _state(widget: QWidget) -> Any:
    # date and time fields are line edits inside: their text is their state
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        return (widget.currentIndex(), widget.currentText())
    if isinstance(widget, QAbstractButton):
        return widget.isChecked()
    if isinstance(widget, QSpinBox):
        return widget.value()
    return None


class FormDialog(QDialog):
    """Subclasses add fields with :meth:`add_field` and implement :meth:`save`."""

    def __init__(
        self,
        session: UiSession,
        *,
        title: str,
        object_name: str,
        save_text: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(title)  # never a client's name: titles reach task switchers
        self.setObjectName(object_name)
        self.setAccessibleName(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.message = QLabel()
        self.message.setObjectName("formMessage")
        self.message.setWordWrap(True)
        tint(self.message, Role.DANGER)
        self.message.hide()
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.setObjectName("dialogButtons")
        self.save_button.setObjectName("saveButton")
        self.save_button.setAccessibleName(save_text or self.tr("Save"))
        if save_text:
            self.save_button.setText(save_text)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("cancelButton")
        cancel.setAccessibleName(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._columns = QHBoxLayout()
        self._columns.addLayout(self.form)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # grows to show problems
        layout.addWidget(self.message)
        # A save over someone else's newer change: shown side by side (clinic.services.versions)
        self.conflict_panel = ConflictPanel(self)
        self.conflict_panel.keep_theirs.clicked.connect(self._keep_theirs)
        self.conflict_panel.save_mine.clicked.connect(self._save_mine)
        layout.addWidget(self.conflict_panel)
        layout.addLayout(self._columns)
        layout.addWidget(self.buttons)
        self._fields: dict[str, tuple[QWidget, QLabel]] = {}
        self._labels: dict[str, str] = {}
        # The version of the record the fields were filled from, and the version whose
        # conflicting change the user chose to save over: subclasses that edit a record pass
        # both to their service (``expected_version=``, ``save_over=``).
        self.expected_version: int | None = None
        self.save_over: int | None = None
        self._rows: dict[str, tuple[QFormLayout, QWidget]] = {}
        self._saved_state: list[Any] = []
        self.operation: Operation[Result[Any]] | None = None
        self._answered_ok = False

    def new_column(self) -> None:
        """Further fields go into a new column to the right (long forms stay on screen)."""
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self._columns.addSpacing(16)
        self._columns.addLayout(self.form)

    @property
    def save_button(self) -> QAbstractButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Save)

    def add_field(self, field: str, label: str, widget: W) -> W:
        """A labelled row whose problem message appears right under the field."""
        name = camel(field)
        accessible = label.replace("&", "").rstrip(":")
        widget.setObjectName(name)
        widget.setAccessibleName(accessible)
        name_parts = getattr(widget, "name_parts", None)
        if callable(name_parts):  # composite fields name their parts
            name_parts(name, accessible)
        problem = QLabel()
        problem.setObjectName(f"{name}Problem")
        problem.setWordWrap(True)
        tint(problem, Role.DANGER)
        problem.hide()
        cell = QWidget()
        cell.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        column = QVBoxLayout(cell)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(problem)
        self.form.addRow(label, cell)
        self._fields[field] = (widget, problem)
        self._labels[field] = accessible
        self._rows[field] = (self.form, cell)
        return widget

    def set_field_visible(self, field: str, visible: bool) -> None:
        form, cell = self._rows[field]
        form.setRowVisible(cell, visible)

    def field_widget(self, field: str) -> QWidget:
        return self._fields[field][0]

    def problem_text(self, field: str) -> str:
        problem = self._fields[field][1]
        return problem.text() if not problem.isHidden() else ""

    def start_tracking(self) -> None:
        """Remember what the fields hold now; Cancel asks before losing anything else."""
        self._saved_state = self._snapshot()

    def _snapshot(self) -> list[Any]:
        state = []
        for widget, _ in self._fields.values():
            for part in (widget, *widget.findChildren(QWidget)):
                state.append(_state(part))
        return state

    def has_unsaved_edits(self) -> bool:
        return bool(self._saved_state) and self._snapshot() != self._saved_state

    def show_problems(self, problems: tuple[FieldProblem, ...]) -> None:
        for _, label in self._fields.values():
            label.clear()
            label.hide()
        general: list[str] = []
        first: QWidget | None = None
        for problem in problems:
            text = problem_words(problem.code)
            if problem.field not in self._fields:
                general.append(text)
                continue
            widget, label = self._fields[problem.field]
            label.setText(text)
            label.show()
            widget.setAccessibleDescription(text)
            first = first or widget
        self.show_message(" ".join(general))
        if first is not None:
            first.setFocus()

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def save(self) -> Save | None:
        """Read the fields and return the service call to run (None: nothing to save yet)."""
        raise NotImplementedError

    def accept(self) -> None:
        if self.operation is not None and self.operation.running:
            return  # Save was pressed again while saving
        if not check_inputs(self):  # a date or time that does not read: say so, keep the text
            return
        work = self.save()
        if work is None:
            return
        store = self.session.store
        self._answered_ok = False
        self.operation = (
            Operation(self, lambda _progress: work(store=store), session=self.session)
            .success(self._service_answered)
            .failure(lambda problem: self.show_message(self.not_saved(problem.text)))
            .on(ErrorKind.CONFLICT, self.show_conflict)
        )
        if self.operation.run_and_wait() and self._answered_ok:
            super().accept()

    def show_conflict(self, problem: Problem) -> None:
        """Someone else saved the record first: their change beside the user's input, which
        stays in the fields (a conflict found only at the write has no details: its words)."""
        error = problem.error
        if not isinstance(error, EditConflict):
            self.show_message(problem.text)
            return
        self.show_message("")
        widgets = {field: widget for field, (widget, _) in self._fields.items()}
        self.conflict_panel.show_conflict(
            error, labels=self._labels, words=combo_words(widgets), today=self.session.today()
        )

    def _save_mine(self) -> None:
        conflict = self.conflict_panel.conflict
        if conflict is None:
            return
        self.save_over = conflict.current_version
        self.conflict_panel.clear()
        self.accept()

    def _keep_theirs(self) -> None:
        self.conflict_panel.clear()
        self.save_over = None
        self.reload_current()

    def reload_current(self) -> None:
        """Hook for Keep theirs: fill the fields again with the record as it is now (and its
        version). By default the dialog closes without saving: the page shows the record."""
        self.discard()

    def not_saved(self, reason: str) -> str:
        return self.tr("Nothing was saved: {0}").format(reason)

    def _service_answered(self, result: Result[Any]) -> None:
        """The service's answer (before its changes are published): its problems beside the
        fields, or the dialog's work is done."""
        self._answered_ok = not result.problems
        if result.problems:
            self.show_problems(result.problems)
            return
        self._saved_state = []
        self.saved(result)

    def saved(self, result: Result[Any]) -> None:
        """Hook: remember what the service returned (e.g. a new id) before the view refreshes."""

    def reject(self) -> None:
        if self.has_unsaved_edits():
            answer = QMessageBox.question(
                self,
                self.tr("Discard changes?"),
                self.tr("You have unsaved changes in this form. Discard them?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()

    def discard(self) -> None:
        """Close without asking (the store is locking: nothing may stay on screen)."""
        self._saved_state = []
        super().reject()


def qdate_value(edit: DateInput) -> date:
    """A required date's value; :meth:`FormDialog.accept` saves only once every date reads."""
    value = edit.value()
    if value is None:
        raise ValueError(edit.problem() or "no date")
    return value
