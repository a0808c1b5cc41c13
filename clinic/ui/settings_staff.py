"""The clinic's staff on the Settings page: a table model and the "Add staff…" dialog."""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clinic.domain.drafts import StaffDraft
from clinic.domain.enums import StaffRole
from clinic.domain.ids import StaffId
from clinic.services import computer_user, staff
from clinic.services.dto import StaffView
from clinic.services.results import Result
from clinic.ui.labels import label
from clinic.ui.operation import Operation
from clinic.ui.problems import Problem
from clinic.ui.session import UiSession
from clinic.ui.settings_layout import named, tidy_table
from clinic.ui.settings_problems import ProblemLabels

Index = QModelIndex | QPersistentModelIndex
STAFF_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class StaffColumn(IntEnum):
    NAME = 0
    ROLE = 1
    EMAIL = 2


def staff_column_title(column: StaffColumn) -> str:
    match column:
        case StaffColumn.NAME:
            return QCoreApplication.translate("StaffTableModel", "Name")
        case StaffColumn.ROLE:
            return QCoreApplication.translate("StaffTableModel", "Role")
        case StaffColumn.EMAIL:
            return QCoreApplication.translate("StaffTableModel", "E-mail")


class StaffTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[StaffView] = []

    def set_staff(self, staff: list[StaffView]) -> None:
        self.beginResetModel()
        self._rows = list(staff)
        self.endResetModel()

    def clear(self) -> None:
        self.set_staff([])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(StaffColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation is Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(StaffColumn)
        ):
            return staff_column_title(StaffColumn(section))
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        person = self._rows[index.row()]
        if role == STAFF_ID_ROLE:
            return int(person.id)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        match StaffColumn(index.column()):
            case StaffColumn.NAME:
                return person.name
            case StaffColumn.ROLE:
                return label(person.role)
            case StaffColumn.EMAIL:
                return person.email


class StaffList(QWidget):
    """The active staff, an "Add staff…" button (the page opens the dialog), and who uses this
    computer (named as "Prepared by" on PDFs and in the audit trail)."""

    def __init__(self, session: UiSession | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = StaffTableModel(self)
        self.table = named(QTableView(), "staffList", self.tr("Staff"))
        self.table.setModel(self.model)
        tidy_table(self.table, stretch=StaffColumn.EMAIL)
        self.add_button = named(
            QPushButton(self.tr("Add staff…")), "addStaff", self.tr("Add staff")
        )
        note = QLabel(self.tr("Staff are saved as soon as they are added."))
        note.setEnabled(False)  # dimmed secondary text that follows the palette
        buttons = QHBoxLayout()
        buttons.addWidget(note, 1)
        buttons.addWidget(self.add_button)
        self.me_combo = named(QComboBox(), "computerUserCombo", self.tr("This computer's user"))
        self.me_combo.setToolTip(
            self.tr(
                'Named as "Prepared by" on PDFs and in the audit trail; kept for you on this '
                "computer"
            )
        )
        self.me_combo.activated.connect(self._me_chosen)
        me_row = QHBoxLayout()
        self.me_label = me_label = QLabel(self.tr("This computer's &user:"))
        me_label.setBuddy(self.me_combo)
        me_row.addWidget(me_label)
        me_row.addWidget(self.me_combo, 1)
        self.model.modelReset.connect(self._fill_me)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addLayout(me_row)

    def leave_out_computer_user(self) -> None:
        """Office mode: who is signed in is the server's word, not a choice on this computer."""
        self.me_label.hide()
        self.me_combo.hide()

    def _fill_me(self) -> None:
        from clinic.ui.computer_user_dialog import fill_staff_combo  # noqa: PLC0415 - cycle

        if self.session is None or not self.session.is_open:
            self.me_combo.clear()
            return
        fill_staff_combo(self.me_combo, self.session, none_text=self.tr("Not chosen yet"))

    def _me_chosen(self, index: int) -> None:
        if self.session is None or not self.session.is_open:
            return
        chosen = self.me_combo.itemData(index)
        computer_user.choose(self.session.store, int(chosen) if chosen is not None else None)


class AddStaffDialog(QDialog):
    """Name, role and e-mail; the service's problems appear beside the fields and the dialog
    stays open until the person is saved or the user gives up. ``added`` hears the new id."""

    def __init__(
        self,
        session: UiSession,
        parent: QWidget | None = None,
        *,
        added: Callable[[StaffId], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self._added = added
        self._saved = False
        self.setObjectName("addStaffDialog")
        self.setWindowTitle(self.tr("Add staff"))
        # Room for a full name and the e-mail hint (and the title in the window manager's bar).
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("m") * 34)
        self.name = QLineEdit()
        self.name.setObjectName("staffName")
        self.name.setAccessibleName(self.tr("Name"))
        self.role = QComboBox()
        self.role.setObjectName("staffRole")
        self.role.setAccessibleName(self.tr("Role"))
        for role in StaffRole:
            self.role.addItem(label(role), role)
        self.role.setCurrentIndex(self.role.findData(StaffRole.PARALEGAL))
        self.email = QLineEdit()
        self.email.setObjectName("staffEmail")
        self.email.setAccessibleName(self.tr("E-mail"))
        self.email.setPlaceholderText(self.tr("name@example.org (optional)"))
        self.problems = ProblemLabels(self, prefix="staff")
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.problems.beside("name", self.name))
        form.addRow(self.tr("&Role:"), self.role)
        form.addRow(self.tr("&E-mail:"), self.problems.beside("email", self.email))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.setObjectName("staffButtons")
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Add"))
        ok.setObjectName("staffAdd")
        ok.setAccessibleName(self.tr("Add staff member"))
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("staffCancel")
        cancel.setAccessibleName(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problems.general)
        layout.addWidget(buttons)

    def draft(self) -> StaffDraft:
        role = self.role.currentData()
        return StaffDraft(
            name=self.name.text(),
            role=role if isinstance(role, StaffRole) else StaffRole(role),
            email=self.email.text().strip(),
        )

    def accept(self) -> None:
        if not self.session.is_open:
            return
        store, draft = self.session.store, self.draft()
        self._saved = False
        Operation(
            self, lambda _: staff.add_staff(store=store, staff=draft), session=self.session
        ).success(self._answered).failure(self._not_saved).run_and_wait()
        if self._saved:
            super().accept()

    def _not_saved(self, problem: Problem) -> None:
        self.problems.clear()
        self.problems.general.setText(self.tr("Nothing was saved: {0}").format(problem.text))
        self.problems.general.show()

    def _answered(self, result: Result[StaffId]) -> None:
        if not result.ok or result.value is None:
            self.problems.show(result.problems)
            return
        self._saved = True
        if self._added is not None:
            self._added(result.value)

    def reject(self) -> None:
        if self.name.text().strip() or self.email.text().strip():
            answer = QMessageBox.question(
                self,
                self.tr("Discard this staff member?"),
                self.tr("The name and e-mail you typed have not been saved."),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()
