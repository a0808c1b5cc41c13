"""What the File menu's export dialogs set up alike: the dialog's name and title, its OK and
Cancel buttons, the period (first and last day) and paralegal fields of the calendar file and
the hearing docket, and the action that asks in the dialog and then saves what was chosen.

Every word comes translated from the caller (its own translation context)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Generic, TypeVar

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QWidget

from clinic.domain.enums import StaffRole
from clinic.services import staff
from clinic.ui.date_input import DateInput
from clinic.ui.session import UiSession

D = TypeVar("D", bound=QDialog)


def name_dialog(dialog: QDialog, name: str, title: str) -> None:
    """The dialog's object name (tests, styling) and its title, read aloud as its name too."""
    dialog.setObjectName(name)
    dialog.setWindowTitle(title)
    dialog.setAccessibleName(title)


def ok_cancel(dialog: QDialog, name: str) -> QDialogButtonBox:
    """OK accepts the dialog (its ``accept`` checks the fields), Cancel rejects it."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.setObjectName(name)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def day_field(name: str, accessible: str, day: date, today: Callable[[], date]) -> DateInput:
    """A typed day ("today", "+7" … count from ``today``)."""
    edit = DateInput(day, today=today)
    edit.set_names(name, accessible)
    return edit


def paralegal_choice(name: str, accessible: str, every: str, paralegals: list[str]) -> QComboBox:
    """ "Every paralegal" (no filter, ""), then each paralegal by name."""
    combo = QComboBox()
    combo.setObjectName(name)
    combo.setAccessibleName(accessible)
    combo.addItem(every, "")
    for person in paralegals:
        combo.addItem(person, person)
    return combo


def period_form(rows: list[tuple[str, QWidget]]) -> QFormLayout:
    """The fields under their labels ("&From:", "&To:", "&Paralegal:")."""
    form = QFormLayout()
    for label, field in rows:
        form.addRow(label, field)
    return form


def paralegal_names(session: UiSession) -> list[str]:
    """Every paralegal, former ones too (their cases may still be listed)."""
    people = staff.list_staff(store=session.store, active_only=False)
    return [p.name for p in people if p.role is StaffRole.PARALEGAL]


class DialogExport(QObject, Generic[D]):
    """A menu's export: :meth:`ask` makes the dialog; once it is accepted, :meth:`save_chosen`
    saves what it says. Nothing is asked while the store is locked."""

    def __init__(self, session: UiSession, parent: QWidget, name: str) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.session = session
        self._parent = parent

    def ask(self) -> D:
        raise NotImplementedError

    def save_chosen(self, dialog: D) -> None:
        raise NotImplementedError

    def start(self) -> None:
        if not self.session.is_open:
            return
        dialog = self.ask()
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.save_chosen(dialog)
