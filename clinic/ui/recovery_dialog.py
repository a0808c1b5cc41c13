"""Unlock with the recovery key from the printed kit, then keep the key again (new passphrase
or this computer's keychain)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from clinic.storage.public import passphrase_problem
from clinic.ui.passphrase_dialogs import password_field


class RecoveryDialog(QDialog):
    def __init__(self, *, keychain_available: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Unlock with the recovery key"))
        self.setObjectName("recoveryDialog")
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Type the 64 characters printed on the recovery kit (spaces do not matter). "
                "Then choose how this computer keeps the key from now on."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.key = password_field("recoveryKey", self.tr("Recovery key"))
        self.key.setPlaceholderText("XXXXXXXX XXXXXXXX …")
        layout.addWidget(self.key)
        self.use_keychain = QCheckBox(self.tr("Keep the key in this computer's keychain"))
        self.use_keychain.setObjectName("keepInKeychain")
        self.use_keychain.setAccessibleName(self.tr("Keep the key in this computer's keychain"))
        self.use_keychain.setEnabled(keychain_available)
        self.use_keychain.setChecked(keychain_available)
        layout.addWidget(self.use_keychain)
        self.passphrase = password_field("newPassphrase", self.tr("New passphrase"))
        self.passphrase.setPlaceholderText(self.tr("New passphrase (at least 10 characters)"))
        self.confirm = password_field("confirmPassphrase", self.tr("Type the passphrase again"))
        self.confirm.setPlaceholderText(self.tr("Type it again"))
        layout.addWidget(self.passphrase)
        layout.addWidget(self.confirm)
        self.message = QLabel("")
        self.message.setObjectName("recoveryMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Unlock"))
        buttons.accepted.connect(self._accept_if_valid)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.use_keychain.toggled.connect(self._sync)
        self._sync()

    def _sync(self) -> None:
        needs_passphrase = not self.use_keychain.isChecked()
        self.passphrase.setVisible(needs_passphrase)
        self.confirm.setVisible(needs_passphrase)

    def new_passphrase(self) -> str | None:
        return None if self.use_keychain.isChecked() else self.passphrase.text()

    def _accept_if_valid(self) -> None:
        if not self.key.text().strip():
            self.message.setText(self.tr("Type the recovery key."))
            return
        if not self.use_keychain.isChecked():
            problem = passphrase_problem(self.passphrase.text())
            if problem:
                self.message.setText(problem)
                return
            if self.passphrase.text() != self.confirm.text():
                self.message.setText(self.tr("The two passphrases differ; type them again."))
                return
        self.accept()

    def show_error(self, text: str) -> None:
        self.message.setText(text)
        self.key.selectAll()
        self.key.setFocus()
