"""The question asked before an intake with typed data is closed."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def confirm_discard(parent: QWidget, *, client_saved: bool) -> bool:
    """True when the user chooses to discard; "Keep editing" is the default and Escape."""
    box = QMessageBox(parent)
    box.setObjectName("discardIntakeBox")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("DiscardQuestion", "Discard this intake?"))
    if client_saved:
        box.setText(
            QCoreApplication.translate(
                "DiscardQuestion", "The client is saved, but no case was opened."
            )
        )
        box.setInformativeText(
            QCoreApplication.translate(
                "DiscardQuestion", "You can open a case later from the client's record."
            )
        )
    else:
        box.setText(QCoreApplication.translate("DiscardQuestion", "Discard this intake?"))
        box.setInformativeText(
            QCoreApplication.translate(
                "DiscardQuestion", "Nothing has been saved yet; what you typed will be lost."
            )
        )
    discard = box.addButton(
        QCoreApplication.translate("DiscardQuestion", "&Discard"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    discard.setObjectName("discardIntake")
    discard.setAccessibleName(QCoreApplication.translate("DiscardQuestion", "Discard the intake"))
    keep = box.addButton(
        QCoreApplication.translate("DiscardQuestion", "&Keep editing"),
        QMessageBox.ButtonRole.RejectRole,
    )
    keep.setObjectName("keepEditingIntake")
    keep.setAccessibleName(QCoreApplication.translate("DiscardQuestion", "Keep editing"))
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is discard
