"""The banner over the main window when the store opened as an older copy (issue 16 § 2).

An older copy (the database ends before a chain head kept outside it, or differs from it) opens
read-only. The banner says so in plain words, with how many changes are missing, and offers the
two ways on: keep working read-only (and restore the right backup), or accept this copy as
current, which asks for the passphrase (or reads the keychain) again and is recorded in the
audit trail with what was lost. While read-only, an edit that reaches the store is refused by
the store itself (:class:`clinic.storage.errors.OlderCopy`); :func:`refuse_if_read_only` says so
before a form is filled in, and :func:`install_refusal_hook` turns a refusal that reaches Qt's
event loop into a message instead of a traceback.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clinic.services import lifecycle
from clinic.services.results import Changes, Entity
from clinic.storage.public import KeySource, OlderCopy, StoreError, WrongPassphrase
from clinic.ui.palette import Role, css, tint
from clinic.ui.session import UiSession
from clinic.ui.translations import error_text, read_only_words
from clinic.ui.worker import Job, start_job

ACCEPT_REASON = "accepted in the window"


def refuse_if_read_only(session: UiSession, parent: QWidget | None) -> bool:
    """True (after saying why) when the store is an older copy open read-only: an editing
    action then stops before anything is typed."""
    if not session.is_open or not session.store.read_only:
        return False
    QMessageBox.information(
        parent,
        QCoreApplication.translate("OlderCopyBanner", "Read-only copy"),
        read_only_words(),
    )
    return True


_previous_hook: Callable[[type[BaseException], BaseException, TracebackType | None], object] | None
_previous_hook = None


def _refusal_hook(
    kind: type[BaseException], exc: BaseException, traceback: TracebackType | None
) -> None:
    if isinstance(exc, OlderCopy) and QApplication.instance() is not None:
        QMessageBox.warning(
            QApplication.activeWindow(),
            QCoreApplication.translate("OlderCopyBanner", "Nothing was saved"),
            error_text(exc),
        )
        return
    (_previous_hook or sys.__excepthook__)(kind, exc, traceback)


def install_refusal_hook() -> None:
    """A save refused because the store is an older copy, raised in any slot of the window, is
    shown as its message (never a traceback on the terminal and a dialog that seems to do
    nothing). Every other exception goes to the hook that was there before."""
    global _previous_hook  # noqa: PLW0603 - one hook per process, installed once
    if sys.excepthook is _refusal_hook:
        return
    _previous_hook = sys.excepthook
    sys.excepthook = _refusal_hook


class OlderCopyBanner(QFrame):
    """Shown at the top of the main window while the store is an older copy (read-only)."""

    became_current = Signal()  # accepted: the store is read-write again
    restore_requested = Signal()  # "Restore from backup…" chosen from the explanation

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._job: Job | None = None
        self.setObjectName("olderCopyBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Older copy of the records"))
        self.title = QLabel(self.tr("⚠ Older copy — read-only"))
        self.title.setObjectName("olderCopyTitle")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        tint(self.title, Role.WARNING)
        self.text = QLabel()
        self.text.setObjectName("olderCopyText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.keep_button = QPushButton(self.tr("Keep working read-only…"))
        self.keep_button.setObjectName("keepReadOnlyButton")
        self.keep_button.clicked.connect(self.keep_read_only)
        self.accept_button = QPushButton(self.tr("Accept this copy as current…"))
        self.accept_button.setObjectName("acceptCopyButton")
        self.accept_button.clicked.connect(self.accept_copy)
        words = QVBoxLayout()
        words.addWidget(self.title)
        words.addWidget(self.text)
        buttons = QVBoxLayout()
        buttons.addWidget(self.keep_button)
        buttons.addWidget(self.accept_button)
        buttons.addStretch(1)
        row = QHBoxLayout(self)
        row.addLayout(words, 1)
        row.addLayout(buttons)
        self.setStyleSheet(
            f"QFrame#olderCopyBanner {{ border: 2px solid {css(Role.WARNING)}; border-radius: 4px; }}"
        )
        session.unlocked.connect(self.refresh)
        session.locked.connect(self.hide)
        install_refusal_hook()
        self.refresh()

    def state(self) -> lifecycle.CopyState | None:
        if not self.session.is_open:
            return None
        return lifecycle.copy_state(store=self.session.store)

    def refresh(self) -> None:
        """Shown with its words while the open store is an older copy, hidden otherwise."""
        state = self.state()
        if state is None or not state.read_only:
            self.hide()
            return
        missing = state.changes_missing
        if state.diverged:
            text = self.tr(
                "These records differ from the ones this computer saw last: another copy of the "
                "store was changed separately, or an older copy was put back and changed. It is "
                "open read-only: you can read everything, but nothing can be saved."
            )
        else:
            text = self.tr(
                "This is an older copy of the store: it lacks %n change(s) made after it. It is "
                "open read-only: you can read everything, but nothing can be saved.",
                "",
                missing,
            )
        self.text.setText(text)
        self.show()

    def keep_read_only(self) -> None:
        """How to get the missing changes back: restore the right backup."""
        box = QMessageBox(self.window())
        box.setObjectName("keepReadOnlyMessage")
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("Keep working read-only"))
        box.setText(
            self.tr(
                "You can keep reading these records; nothing can be saved while they stay an "
                "older copy."
            )
        )
        box.setInformativeText(
            self.tr(
                "To get the missing changes back, restore the newest backup that holds them: "
                "File → Restore from backup…, and choose the latest file in the backup folder "
                "(or on the USB stick). The records now on this computer are kept as a safety "
                "copy beside the data folder. If no backup holds them, accept this copy as "
                "current instead; the audit trail then records what was lost."
            )
        )
        restore = box.addButton(self.tr("Restore from backup…"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(self.tr("Keep read-only"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is restore:
            self.restore_requested.emit()

    def accept_copy(self) -> None:
        """Ask again for the key (passphrase or keychain), then accept in the background."""
        state = self.state()
        if state is None or not state.read_only or self._job is not None:
            return
        store = self.session.store
        missing = state.changes_missing
        if state.diverged:
            lost = self.tr(
                "Changes saved in the other copy, or after this copy was put back, are not in it."
            )
        else:
            lost = self.tr(
                "This copy lacks %n change(s) made after it; only a backup can bring back what "
                "is missing.",
                "",
                missing,
            )
        question = self.tr(
            "Accept this copy as the current records? %1 The audit trail records the acceptance "
            "and what was lost, and Clinic saves again from this copy on."
        ).replace("%1", lost)
        passphrase: str | None = None
        if store.meta.key_source is KeySource.PASSPHRASE:
            label = question + "\n\n" + self.tr("Type the store's passphrase again to accept:")
            typed = self.ask_passphrase(label)
            if typed is None:
                return
            passphrase = typed
        else:
            answer = QMessageBox.question(
                self.window(),
                self.tr("Accept this copy as current"),
                question
                + "\n\n"
                + self.tr("Clinic reads the store's key from this computer's keychain again."),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return

        def work(_progress: object, _cancelled: object) -> int:
            return lifecycle.accept_older_copy(
                store=store, passphrase=passphrase, reason=ACCEPT_REASON
            )

        self.accept_button.setEnabled(False)
        self._job = start_job(work, on_done=self._accepted, on_error=self._not_accepted)

    def ask_passphrase(self, label: str) -> str | None:
        """The passphrase typed again (``None``: cancelled), in a window as wide as a reading
        line, its question wrapped."""
        dialog = QInputDialog(self.window())
        dialog.setObjectName("acceptCopyPassphrase")
        dialog.setWindowTitle(self.tr("Accept this copy as current"))
        dialog.setLabelText(label)
        dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
        for text in dialog.findChildren(QLabel):
            text.setWordWrap(True)
        dialog.setMinimumWidth(520)
        dialog.resize(560, dialog.sizeHint().height())
        if dialog.exec() != QInputDialog.DialogCode.Accepted:
            return None
        return dialog.textValue()

    def _accepted(self, seq: int) -> None:
        self._job = None
        self.accept_button.setEnabled(True)
        self.refresh()
        QMessageBox.information(
            self.window(),
            self.tr("This copy is now current"),
            self.tr(
                "These records are now the current ones and can be changed again. The "
                "acceptance and what was missing are recorded in the audit trail (entry %1)."
            ).replace("%1", str(seq)),
        )
        if self.session.is_open:
            self.session.publish(Changes.of((Entity.STORE, 0)))
        self.became_current.emit()

    def _not_accepted(self, exc: BaseException) -> None:
        self._job = None
        self.accept_button.setEnabled(True)
        if isinstance(exc, WrongPassphrase):
            text = self.tr(
                "The passphrase is not correct, so this copy was not accepted and nothing was "
                "changed. Check the keyboard layout and Caps Lock, then try again."
            )
        elif isinstance(exc, StoreError):
            text = error_text(exc)
        else:
            raise exc
        QMessageBox.warning(self.window(), self.tr("This copy was not accepted"), text)
