"""First run (create the store) and unlock dialogs."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from clinic.storage.public import MIN_PASSPHRASE_LENGTH, passphrase_problem


def passphrase_problem_words(passphrase: str) -> str | None:
    """Why a new passphrase is too weak, in the interface language (None: strong enough)."""
    if passphrase_problem(passphrase) is None:
        return None
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        return QCoreApplication.translate(
            "FirstRunDialog", "Use at least %1 characters; a few unrelated words work well."
        ).replace("%1", str(MIN_PASSPHRASE_LENGTH))
    return QCoreApplication.translate(
        "FirstRunDialog", "Use more different characters; repeated letters are easy to guess."
    )


def password_field(name: str, accessible: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setObjectName(name)
    field.setAccessibleName(accessible)
    return field


class FirstRunDialog(QDialog):
    """Create the encrypted store: keychain when available, otherwise a passphrase."""

    def __init__(self, *, keychain_available: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome to Clinic"))
        self.setObjectName("firstRunDialog")
        layout = QVBoxLayout(self)
        # The dialog is as large as its words need, and grows when a message appears: its
        # wrapped labels are never squeezed into the room the first layout gave them.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)
        intro = QLabel(
            self.tr(
                "Clinic keeps every client record in an encrypted database on this computer. "
                "Nothing is sent anywhere."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.use_passphrase = QCheckBox(self.tr("Protect the store with a passphrase"))
        self.use_passphrase.setObjectName("usePassphrase")
        self.use_passphrase.setAccessibleName(self.tr("Protect the store with a passphrase"))
        self.use_passphrase.setChecked(not keychain_available)
        self.use_passphrase.setEnabled(keychain_available)
        if not keychain_available:
            self.use_passphrase.setText(self.tr("No keychain was found: a passphrase is needed"))
        layout.addWidget(self.use_passphrase)
        self.passphrase = password_field("newPassphrase", self.tr("New passphrase"))
        self.passphrase.setPlaceholderText(self.tr("At least 10 characters; a few unrelated words"))
        self.confirm = password_field("confirmPassphrase", self.tr("Type the passphrase again"))
        self.confirm.setPlaceholderText(self.tr("Type it again"))
        layout.addWidget(self.passphrase)
        layout.addWidget(self.confirm)
        warning = QLabel(
            self.tr(
                "If the passphrase is forgotten, only the recovery key (printable recovery kit) "
                "can open the store."
            )
        )
        warning.setWordWrap(True)
        layout.addWidget(warning)
        self.message = QLabel("")
        self.message.setObjectName("firstRunMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create store"))
        buttons.accepted.connect(self._accept_if_valid)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.use_passphrase.toggled.connect(self._sync)
        self.passphrase.textChanged.connect(self._hint)
        self._sync()

    def _sync(self) -> None:
        on = self.use_passphrase.isChecked()
        self.passphrase.setVisible(on)
        self.confirm.setVisible(on)

    def _hint(self) -> None:
        problem = passphrase_problem_words(self.passphrase.text())
        self.message.setText(problem or self.tr("Strong enough."))

    def chosen_passphrase(self) -> str | None:
        return self.passphrase.text() if self.use_passphrase.isChecked() else None

    def _accept_if_valid(self) -> None:
        if self.use_passphrase.isChecked():
            problem = passphrase_problem_words(self.passphrase.text())
            if problem:
                self.message.setText(problem)
                return
            if self.passphrase.text() != self.confirm.text():
                self.message.setText(self.tr("The two passphrases differ; type them again."))
                return
        self.accept()


class UnlockDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Unlock Clinic"))
        self.setObjectName("unlockDialog")
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)  # grows with an error
        layout.addWidget(QLabel(self.tr("Enter the passphrase to unlock the client records.")))
        self.passphrase = password_field("unlockPassphrase", self.tr("Passphrase"))
        layout.addWidget(self.passphrase)
        self.message = QLabel("")
        self.message.setObjectName("unlockMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Unlock"))
        recovery = buttons.addButton(
            self.tr("Use the recovery key…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        recovery.setObjectName("useRecoveryKey")
        recovery.setAccessibleName(self.tr("Use the recovery key"))
        recovery.clicked.connect(self._choose_recovery)
        self.use_recovery = False
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _choose_recovery(self) -> None:
        self.use_recovery = True
        self.accept()

    def show_error(self, text: str) -> None:
        self.message.setText(text)
        self.passphrase.selectAll()
        self.passphrase.setFocus()
