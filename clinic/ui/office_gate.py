"""Office mode's way into the window (docs/office.md, "The window in office mode"): instead of
unlocking a laptop store, sign in to the office database as the connected staff member.

The password kept in the keychain opens it at start without a question; otherwise (the
passphrase-protected file, a keychain without it, a password the server no longer takes) the
staff login dialog asks. A first password makes the person choose their own before the main
window opens. After a lock (by hand or idle) the connection is closed and the login dialog
asked again, as the laptop's unlock is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QDialog, QLabel, QMainWindow, QWidget

from clinic.services.errors import EXPECTED
from clinic.ui import warm_up
from clinic.ui.date_text import long_date_text
from clinic.ui.office_login_dialogs import Asking, OwnPasswordDialog, StaffLoginDialog
from clinic.ui.problems import describe
from clinic.ui.warm_up import DELAY_MS, start_importing

if TYPE_CHECKING:
    from clinic.services.office_login import LoginPlan, SignedIn, StaffIdentity
    from clinic.storage.public import Store


def role_words(role: str | None) -> str:
    words = {
        "admin": QCoreApplication.translate("OfficeGate", "administrator"),
        "attorney": QCoreApplication.translate("OfficeGate", "attorney"),
        "paralegal": QCoreApplication.translate("OfficeGate", "paralegal"),
        "volunteer": QCoreApplication.translate("OfficeGate", "volunteer"),
    }
    return words.get(role or "", QCoreApplication.translate("OfficeGate", "no staff role"))


class OfficeGate:
    """Signs in to the office database; ``obtain`` returns the open store or None (cancelled)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent
        self.identity: StaffIdentity | None = None
        self.server = ""
        self._signed_in_before = False

    def obtain(self) -> Store | None:
        warm_up.wait()  # never import beside the warm-up thread
        from clinic.services import office_login  # noqa: PLC0415 - SQLAlchemy on first use

        message = ""
        try:
            plan = office_login.login_plan()
        except EXPECTED as exc:  # damaged settings
            plan = None
            message = describe(exc).text
        if plan is None:
            from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415

            QMessageBox.critical(
                self.parent,
                QCoreApplication.translate("OfficeGate", "Clinic cannot open the records"),
                message
                or QCoreApplication.translate(
                    "OfficeGate",
                    "This computer is not connected to an office server: run 'clinic connect'.",
                ),
            )
            return None
        self.server = plan.server
        asking = Asking.PASSPHRASE if plan.asks_passphrase else Asking.PASSWORD
        if plan.kept:
            asking = Asking.NOTHING
            if not self._signed_in_before:  # at start the keychain opens it, no question
                try:
                    return self._opened(office_login.sign_in())
                except office_login.WrongLogin as exc:
                    asking, message = Asking.PASSWORD, describe(exc).text
                except EXPECTED as exc:  # unreachable, TLS: said in the dialog, retried there
                    message = describe(exc).text
        return self._ask(plan, asking, message)

    def _ask(self, plan: LoginPlan, asking: Asking, message: str) -> Store | None:
        from clinic.services import office_login  # noqa: PLC0415 - loaded by obtain

        dialog = StaffLoginDialog(server=plan.server, user=plan.user, parent=self.parent)
        dialog.set_asking(asking)
        if message:
            dialog.show_error(message)
        QTimer.singleShot(DELAY_MS, start_importing)  # the window's modules, beside the dialog
        while dialog.exec() == QDialog.DialogCode.Accepted:
            warm_up.wait()  # never import beside the warm-up thread
            typed = dialog.secret.text()
            try:
                signed = office_login.sign_in(
                    password=typed if dialog.asking is Asking.PASSWORD else None,
                    passphrase=typed if dialog.asking is Asking.PASSPHRASE else None,
                )
            except office_login.WrongLogin as exc:
                if dialog.asking is not Asking.PASSWORD:  # the kept one no longer works
                    dialog.set_asking(Asking.PASSWORD)
                dialog.show_error(describe(exc).text)
                continue
            except EXPECTED as exc:
                dialog.show_error(describe(exc).text)
                continue
            if signed.first_password_until is not None:
                if dialog.asking is not Asking.PASSWORD:  # never kept; cannot be: ask it
                    signed.store.lock()
                    dialog.set_asking(Asking.PASSWORD)
                    dialog.show_error(
                        QCoreApplication.translate(
                            "OfficeGate", "Type the first password the administrator gave you."
                        )
                    )
                    continue
                chosen = self._choose_own(signed, typed)
                if chosen is None:
                    dialog.show_error(
                        QCoreApplication.translate(
                            "OfficeGate",
                            "The main window opens once you have chosen your own password. "
                            "Sign in again (with your own password if it was set).",
                        )
                    )
                    continue
                signed = chosen
            return self._opened(signed)
        return None

    def _choose_own(self, signed: SignedIn, first: str) -> SignedIn | None:
        from clinic.services import office_login  # noqa: PLC0415 - loaded by obtain

        assert signed.first_password_until is not None
        until = long_date_text(signed.first_password_until.astimezone().date())
        dialog = OwnPasswordDialog(first_password=first, until=until, parent=self.parent)
        while dialog.exec() == QDialog.DialogCode.Accepted:
            try:
                return office_login.choose_own_password(
                    signed_in=signed, first_password=first, new_password=dialog.chosen()
                )
            except EXPECTED as exc:
                if signed.store.locked:  # the password changed but the new sign-in failed
                    return None
                dialog.show_error(describe(exc).text)
        signed.store.lock()
        return None

    def _opened(self, signed: SignedIn) -> Store:
        self.identity = signed.identity
        self._signed_in_before = True
        return signed.store  # type: ignore[return-value]  # the same interface services use

    def show_signed_in(self, window: QMainWindow) -> None:
        """The office server, the staff member and their role, in the window's status bar and
        title (so every screenshot and every glance says whose session it is)."""
        if self.identity is None:
            return
        who = self.identity.name or self.identity.login
        text = QCoreApplication.translate("OfficeGate", "Office server %1 · Signed in: %2 (%3, %4)")
        text = (
            text.replace("%1", self.server)
            .replace("%2", who)
            .replace("%3", self.identity.login)
            .replace("%4", role_words(self.identity.role))
        )
        label = window.findChild(QLabel, "officeSignedIn")
        if label is None:
            label = QLabel()
            label.setObjectName("officeSignedIn")
            window.statusBar().addPermanentWidget(label)
        label.setText(text)
        window.setWindowTitle(
            QCoreApplication.translate("OfficeGate", "Clinic — %1 (%2)")
            .replace("%1", who)
            .replace("%2", role_words(self.identity.role))
        )
