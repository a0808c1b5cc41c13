"""Office mode's sign-in dialogs: the staff login (server and user shown; the password, or the
passphrase that protects it on this computer) and, at a first login, choosing one's own
password. Built as the laptop's unlock dialog (clinic.ui.passphrase_dialogs)."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLayout,
    QVBoxLayout,
    QWidget,
)

from clinic.ui.passphrase_dialogs import password_field

MIN_PASSWORD_LENGTH = 12  # clinic.services.office_login.MIN_PASSWORD_LENGTH (a test checks)


class Asking(Enum):
    NOTHING = "nothing"  # the keychain holds the password: Sign in is enough
    PASSWORD = "password"  # noqa: S105 - what is asked, not a password
    PASSPHRASE = "passphrase"  # noqa: S105 - what is asked


def own_password_problem_words(new_password: str, *, first: str) -> str | None:
    """Why ``new_password`` cannot be the person's own, in the interface language (the same
    rules as 'clinic connect --new-password'); None: it can."""
    if new_password == first:
        return QCoreApplication.translate(
            "OwnPasswordDialog",
            "Choose a password of your own, not the first password you were given.",
        )
    if len(new_password) < MIN_PASSWORD_LENGTH or len(set(new_password)) < 5:
        return QCoreApplication.translate(
            "OwnPasswordDialog",
            "Choose a password of at least %1 characters, not one repeated letter "
            "(a short sentence is easy to remember).",
        ).replace("%1", str(MIN_PASSWORD_LENGTH))
    return None


class StaffLoginDialog(QDialog):
    def __init__(self, *, server: str, user: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sign in to the office server"))
        self.setObjectName("staffLoginDialog")
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)  # grows with an error
        where = QLabel(self.tr("Office server: %1").replace("%1", server))
        where.setObjectName("staffLoginServer")
        layout.addWidget(where)
        who = QLabel(self.tr("Staff member: %1").replace("%1", user))
        who.setObjectName("staffLoginUser")
        layout.addWidget(who)
        self.prompt = QLabel("")
        self.prompt.setObjectName("staffLoginPrompt")
        self.prompt.setWordWrap(True)
        layout.addWidget(self.prompt)
        self.secret = password_field("staffPassword", self.tr("Password"))
        layout.addWidget(self.secret)
        self.message = QLabel("")
        self.message.setObjectName("staffLoginMessage")
        self.message.setWordWrap(True)
        self.message.setMinimumWidth(420)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.asking = Asking.PASSWORD
        self.set_asking(Asking.PASSWORD)

    def set_asking(self, asking: Asking) -> None:
        self.asking = asking
        self.secret.clear()
        self.secret.setVisible(asking is not Asking.NOTHING)
        if asking is Asking.PASSWORD:
            self.prompt.setText(
                self.tr(
                    "Type your password on the office server. A first password from the "
                    "administrator works for 7 days; you then choose your own."
                )
            )
            self.secret.setAccessibleName(self.tr("Password"))
        elif asking is Asking.PASSPHRASE:
            self.prompt.setText(
                self.tr("Type the passphrase that protects your office password on this computer.")
            )
            self.secret.setAccessibleName(self.tr("Passphrase"))
        else:
            self.prompt.setText(
                self.tr("Clinic was locked. Your password is kept in this computer's keychain.")
            )
        if asking is not Asking.NOTHING:
            self.secret.setFocus()

    def show_error(self, text: str) -> None:
        self.message.setText(text)
        self.secret.selectAll()
        self.secret.setFocus()


class OwnPasswordDialog(QDialog):
    """At a first login: the person chooses their own password (twice) before anything else."""

    def __init__(self, *, first_password: str, until: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._first = first_password
        self.setWindowTitle(self.tr("Choose your own password"))
        self.setObjectName("ownPasswordDialog")
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)
        intro = QLabel(
            self.tr(
                "You signed in with the first password the administrator gave you; it stops "
                "working on %1. Choose your own now: at least %2 characters (a short sentence "
                "is easy to remember). Nobody else, the administrator included, will know it."
            )
            .replace("%1", until)
            .replace("%2", str(MIN_PASSWORD_LENGTH))
        )
        intro.setWordWrap(True)
        intro.setMinimumWidth(420)
        layout.addWidget(intro)
        self.password = password_field("ownPassword", self.tr("New password"))
        self.confirm = password_field("ownPasswordAgain", self.tr("Type the new password again"))
        self.confirm.setPlaceholderText(self.tr("Type it again"))
        layout.addWidget(self.password)
        layout.addWidget(self.confirm)
        self.message = QLabel("")
        self.message.setObjectName("ownPasswordMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Set my password"))
        buttons.accepted.connect(self._accept_if_valid)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen(self) -> str:
        return self.password.text()

    def show_error(self, text: str) -> None:
        self.message.setText(text)
        self.password.setFocus()

    def _accept_if_valid(self) -> None:
        problem = own_password_problem_words(self.password.text(), first=self._first)
        if problem:
            self.show_error(problem)
            return
        if self.password.text() != self.confirm.text():
            self.show_error(self.tr("The two passwords differ; type them again."))
            return
        self.accept()
