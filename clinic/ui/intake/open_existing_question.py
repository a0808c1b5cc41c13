"""The question asked before an intake closes to show a client who is already on file.

Its words are in the intake dialog's translation context ("IntakeDialog"), where they were
first written."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def confirm_open_existing(parent: QWidget, name: str) -> bool:
    """True when the user chooses to open ``name``'s case. "Open the existing client" is the
    default and Enter; "Keep editing" is Escape."""
    box = QMessageBox(parent)
    box.setObjectName("openExistingClientBox")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("IntakeDialog", "Open the existing client?"))
    box.setText(
        QCoreApplication.translate(
            "IntakeDialog", "Open {name}'s case and close this intake?"
        ).format(name=name)
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "IntakeDialog",
            "Nothing from this intake is saved. If something changed (an address, a phone "
            "number, a family member), update it in the existing client's record.",
        )
    )
    open_button = box.addButton(
        QCoreApplication.translate("IntakeDialog", "&Open the existing client"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    open_button.setObjectName("openExistingClient")
    keep = box.addButton(
        QCoreApplication.translate("IntakeDialog", "&Keep editing"),
        QMessageBox.ButtonRole.RejectRole,
    )
    keep.setObjectName("keepEditingIntake")
    box.setDefaultButton(open_button)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is open_button
