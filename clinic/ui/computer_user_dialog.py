"""'Who are you?': the staff member who uses this computer, asked once (before the first staff
PDF, or in Settings → Staff) and then named as "Prepared by" and in the audit trail."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clinic.domain.ids import StaffId
from clinic.services import computer_user, staff
from clinic.services.results import Changes, Entity
from clinic.ui.operation import Operation
from clinic.ui.session import UiSession
from clinic.ui.settings_staff import AddStaffDialog


def fill_staff_combo(combo: QComboBox, session: UiSession, *, none_text: str) -> None:
    """The active staff, the chosen one current (``none_text`` first, for nobody)."""
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(none_text, None)
    for person in staff.list_staff(store=session.store):
        combo.addItem(person.name, int(person.id))
    chosen = computer_user.chosen_staff_id(session.store)
    combo.setCurrentIndex(max(0, combo.findData(chosen)) if chosen is not None else 0)
    combo.blockSignals(False)


class WhoAreYouDialog(QDialog):
    """Choose yourself among the staff (or add yourself); kept for you on this computer."""

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("whoAreYouDialog")
        self.setWindowTitle(self.tr("Who are you?"))
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)
        intro = QLabel(
            self.tr(
                "PDFs for the attorney say who prepared them, and the audit trail records who "
                "made each change. Choose yourself; Clinic remembers it for you on this "
                "computer (Settings → Staff changes it)."
            )
        )
        intro.setWordWrap(True)
        intro.setMinimumWidth(420)
        layout.addWidget(intro)
        self.combo = QComboBox()
        self.combo.setObjectName("whoAreYouCombo")
        self.combo.setAccessibleName(self.tr("This computer's user"))
        layout.addWidget(self.combo)
        self.add_button = QPushButton(self.tr("I am not in the list: add me…"))
        self.add_button.setObjectName("whoAreYouAdd")
        self.add_button.clicked.connect(self._add_me)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.message = QLabel("")
        self.message.setObjectName("whoAreYouMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("This is me"))
        self.ok.setObjectName("whoAreYouOk")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._fill()

    def _fill(self, select: int | None = None) -> None:
        fill_staff_combo(self.combo, self.session, none_text=self.tr("Choose your name"))
        if select is not None:
            self.combo.setCurrentIndex(max(0, self.combo.findData(select)))
        elif self.combo.count() == 2:
            self.combo.setCurrentIndex(1)  # the only staff member

    def _add_me(self) -> None:
        added: list[StaffId] = []
        dialog = AddStaffDialog(self.session, self, added=added.append)
        if dialog.exec() == QDialog.DialogCode.Accepted and added:
            self._fill(select=int(added[0]))

    def accept(self) -> None:
        chosen = self.combo.currentData()
        if chosen is None:
            self.message.setText(self.tr("Choose your name, or add yourself to the staff."))
            return
        store = self.session.store
        chosen_ok = (
            Operation(
                self,
                lambda _: computer_user.choose(store, int(chosen)),
                session=self.session,
                changes=lambda _: Changes.of((Entity.STAFF, 0)),  # Today's start list ticks it
            )
            .failure(lambda problem: self.message.setText(problem.text))
            .run_and_wait()
        )
        if chosen_ok:
            super().accept()


def ensure_computer_user(session: UiSession, parent: QWidget | None) -> bool:
    """True when this computer's user is known, asking once when not (False: not answered)."""
    if not session.is_open:
        return False
    if computer_user.act_as_computer_user(session.store) is not None:
        return True
    return WhoAreYouDialog(session, parent).exec() == QDialog.DialogCode.Accepted
