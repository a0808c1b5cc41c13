"""One of the I-589's lists as a table with add and remove (issue 23; Part A.I 19's entries and
Part A.III's lists): the rows recorded, most recent first as the form asks, and under them one
field per column to type a new row. Keyboard-first like the rest of the tab: Enter in a field
adds the row (its problems named beside the fields, nothing stored), Delete in the table removes the chosen row; each change is
stored at once, audited, through the app's operation runner."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from clinic.domain.background import MAX_TEXT, BackgroundRow
from clinic.domain.entries import EntryFact
from clinic.domain.ids import ClientId
from clinic.domain.typed_dates import CASE_FACTS, LIFETIME
from clinic.services import background
from clinic.services.results import Result
from clinic.storage.public import Store
from clinic.ui.case_view.case_tab import action_button
from clinic.ui.case_view.case_words import mark_field_problems, problem_words
from clinic.ui.date_input import DateInput, OptionalDateInput
from clinic.ui.intake.choice_combo import ChoiceCombo
from clinic.ui.month_input import MonthInput
from clinic.ui.operation import Operation
from clinic.ui.palette import Role, tint
from clinic.ui.session import UiSession


@dataclass(frozen=True)
class Column:
    """A column of the list: ``name`` is the row's field (problems are named by it)."""

    name: str
    label: str  # translated
    # "text", "month", "choice" (``choices``), "check"; "date" (a day that has passed,
    # required), "any_date" (a day that may be ahead, e.g. when a status expires; optional)
    kind: str = "text"
    choices: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True)
class Lists:
    """What the lists show of one client: Part A.III's lists and the client's own entries."""

    background: background.Background = dataclasses.field(default_factory=background.Background)
    entries: tuple[EntryFact, ...] = ()


Row = BackgroundRow | EntryFact
Adder = Callable[[Store, ClientId, Any, date], Result[int]]
Remover = Callable[[Store, ClientId, int], Result[int]]


def _add_background(store: Store, client_id: ClientId, row: Any, today: date) -> Result[int]:
    return background.add_row(store=store, client_id=client_id, row=row, today=today)


@dataclass(frozen=True)
class ListSpec:
    key: str  # "jobs": object names
    title: str  # translated
    columns: tuple[Column, ...]
    row_type: type[Any]  # the domain row class (AddressRow, …)
    make: Callable[[dict[str, Any]], Row]  # typed values -> a row
    rows: Callable[[Lists], Sequence[Row]]
    cells: Callable[[Any], list[str]]
    add: Adder = _add_background
    # None: Part A.III's (background.remove_row with ``row_type``)
    remove: Remover | None = None
    # why a row without a stored id (``ref`` None) cannot be removed here
    not_removable: str = ""


_PER_ROW = 3  # input fields side by side under the table; more wrap to the next line


class _Table(QTableWidget):
    remove_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.currentRow() >= 0:
            self.remove_requested.emit()
            return
        super().keyPressEvent(event)


class ListEditor(QGroupBox):
    changed = Signal()  # a row was added or removed

    def __init__(self, session: UiSession, spec: ListSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec.title, parent)
        self.session, self.spec = session, spec
        self.setObjectName(f"i589List_{spec.key}")
        self.client_id: ClientId | None = None
        self.refs: list[int | None] = []
        self.table = _Table(0, len(spec.columns))
        self.table.setObjectName(f"i589Table_{spec.key}")
        self.table.setAccessibleName(spec.title)
        self.table.setHorizontalHeaderLabels([c.label for c in spec.columns])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        rows = self.table.fontMetrics().lineSpacing() + 10
        self.table.setFixedHeight(rows * 6)  # a header and five rows, then it scrolls
        self.table.remove_requested.connect(self.remove)
        self.inputs: dict[str, QWidget] = {}
        self.problems: dict[str, QLabel] = {}
        grid = QGridLayout()
        for index, column in enumerate(spec.columns):
            field = self._input(column)
            label = QLabel(column.label)
            label.setBuddy(field)
            problem = QLabel()
            problem.setObjectName(f"i589ListProblem_{spec.key}_{column.name}")
            problem.setWordWrap(True)
            tint(problem, Role.DANGER)
            problem.hide()
            row, col = (index // _PER_ROW) * 3, index % _PER_ROW  # label, field, problem
            grid.addWidget(label, row, col)
            grid.addWidget(field, row + 1, col)
            grid.addWidget(problem, row + 2, col)
            self.inputs[column.name], self.problems[column.name] = field, problem
        self.add_button = action_button(self.tr("Add"), f"i589Add_{spec.key}")
        self.add_button.clicked.connect(self.add)
        self.remove_button = action_button(self.tr("Remove"), f"i589Remove_{spec.key}")
        self.remove_button.clicked.connect(self.remove)
        self.status = QLabel()
        self.status.setObjectName(f"i589ListStatus_{spec.key}")
        self.status.setWordWrap(True)
        tint(self.status, Role.DANGER)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.status, 1)
        layout = QGridLayout(self)
        layout.addWidget(self.table, 0, 0)
        layout.addLayout(grid, 1, 0)
        layout.addLayout(buttons, 2, 0)

    def _input(self, column: Column) -> QWidget:
        name = f"i589ListInput_{self.spec.key}_{column.name}"
        if column.kind in ("month", "date", "any_date"):
            field: DateInput | MonthInput
            if column.kind == "date":
                field = DateInput(window=LIFETIME, today=self.session.today)
            elif column.kind == "any_date":
                field = OptionalDateInput(window=CASE_FACTS, today=self.session.today)
            else:  # the form asks a month ("Mo/Yr"): typed mm/yyyy
                field = MonthInput(today=self.session.today)
            field.set_names(name, column.label)
            field.edit.returnPressed.connect(self.add)
            return field
        if column.kind == "choice":
            combo = ChoiceCombo(column.choices)
            combo.setObjectName(name)
            combo.setAccessibleName(column.label)
            return combo
        if column.kind == "check":
            box = QCheckBox()
            box.setObjectName(name)
            box.setAccessibleName(column.label)
            return box
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setAccessibleName(column.label)
        edit.setMaxLength(MAX_TEXT)
        edit.returnPressed.connect(self.add)
        return edit

    # Showing ------------------------------------------------------------------------------
    def show_client(self, client_id: ClientId | None, lists: Lists) -> None:
        if client_id != self.client_id:
            self._clear_inputs()
        self.client_id = client_id
        rows = list(self.spec.rows(lists))
        self.refs = [row.ref for row in rows]
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(self.spec.cells(row)):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.remove_button.setEnabled(bool(rows))

    def _clear_inputs(self) -> None:
        for field in self.inputs.values():
            if isinstance(field, QLineEdit):
                field.clear()
            elif isinstance(field, DateInput | MonthInput):
                field.set_value(None)
            elif isinstance(field, ChoiceCombo):
                field.setCurrentIndex(0)
            elif isinstance(field, QCheckBox):
                field.setChecked(False)
        for label in self.problems.values():
            label.hide()
        self.status.clear()

    def typed(self) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for name, field in self.inputs.items():
            if isinstance(field, DateInput | MonthInput | ChoiceCombo):
                values[name] = field.value()
            elif isinstance(field, QCheckBox):
                values[name] = field.isChecked()
            else:
                assert isinstance(field, QLineEdit)
                values[name] = field.text()
        return values

    # Adding and removing ------------------------------------------------------------------
    def add(self) -> None:
        if self.client_id is None:
            return
        dates = [f for f in self.inputs.values() if isinstance(f, DateInput | MonthInput)]
        checked = [field.check() for field in dates]  # every field's problem shown
        if not all(checked):
            self.status.setText(self.tr("Nothing was added: correct the dates marked above."))
            dates[checked.index(False)].setFocus()
            return
        row = self.spec.make(self.typed())
        store, client_id, today = self.session.store, self.client_id, self.session.today()
        add = self.spec.add
        self._run(lambda: add(store, client_id, row, today))

    def remove(self) -> None:
        index = self.table.currentRow()
        if self.client_id is None or not 0 <= index < len(self.refs):
            self.status.setText(self.tr("Choose the row to remove in the table first."))
            return
        store, client_id, ref = self.session.store, self.client_id, self.refs[index]
        if ref is None:
            self.status.setText(self.spec.not_removable)
            return
        remove, kind = self.spec.remove, self.spec.row_type
        if remove is None:
            self._run(
                lambda: background.remove_row(store=store, client_id=client_id, kind=kind, ref=ref)
            )
        else:
            self._run(lambda: remove(store, client_id, ref))

    def _run(self, action: Callable[[], Result[int]]) -> None:
        Operation(self, lambda _: action(), session=self.session).success(self._done).failure(
            lambda problem: self.status.setText(self.tr("Not saved: {0}").format(problem.text))
        ).run_and_wait()

    def _done(self, result: Result[int]) -> None:
        mark_field_problems(self.problems, result.problems)
        if result.problems:
            first = next((p.field for p in result.problems if p.field in self.inputs), None)
            if first is None:  # not about a field typed (a row of another client's)
                self.status.setText("; ".join(problem_words(p.code) for p in result.problems))
                return
            self.status.setText(self.tr("Nothing was added: correct the fields marked above."))
            self.inputs[first].setFocus()
            return
        self._clear_inputs()
        self.changed.emit()
        first_input = next(iter(self.inputs.values()))
        first_input.setFocus()


def month_text(day: date | None) -> str:
    """A row's month as the form prints it (mm/yyyy)."""
    return day.strftime("%m/%Y") if day is not None else ""
