"""Starting the window: first run, unlock with retry, auto-lock, lock and unlock again."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QLocale
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox, QWidget

from clinic.resource_files import resource_path
from clinic.services import backup, lifecycle, recovery
from clinic.services.settings import get_settings
from clinic.storage.datadir import DataDir
from clinic.storage.errors import KeyNotFound, StoreError, WrongPassphrase
from clinic.storage.store import Store
from clinic.ui.idle_lock import IdleLock
from clinic.ui.main_window import MainWindow
from clinic.ui.passphrase_dialogs import FirstRunDialog, UnlockDialog
from clinic.ui.recovery_dialog import RecoveryDialog
from clinic.ui.session import UiSession
from clinic.ui.worker import start_job

MINUTE_MS = 60_000


class StoreGate:
    """Decides between creating, unlocking and refusing; never makes a store over another."""

    def __init__(self, data_dir: DataDir, parent: QWidget | None = None) -> None:
        self.data_dir = data_dir
        self.parent = parent

    def obtain(self) -> Store | None:
        try:
            if not lifecycle.store_exists(self.data_dir):
                return self._create()
            if lifecycle.passphrase_needed(self.data_dir):
                return self._unlock_with_passphrase()
            return lifecycle.unlock_store(
                data_dir=self.data_dir, passphrase=None, actor=lifecycle.default_actor()
            )
        except KeyNotFound as exc:
            answer = QMessageBox.warning(
                self.parent,
                "Clinic cannot find the key",
                f"{exc}\n\nUnlock with the recovery key now?",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            )
            return self._recover() if answer == QMessageBox.StandardButton.Yes else None
        except StoreError as exc:
            QMessageBox.critical(self.parent, "Clinic cannot open the records", str(exc))
            return None

    def _create(self) -> Store | None:
        dialog = FirstRunDialog(
            keychain_available=lifecycle.keychain_available(), parent=self.parent
        )
        while dialog.exec() == QDialog.DialogCode.Accepted:
            try:
                store = lifecycle.init_store(
                    data_dir=self.data_dir,
                    passphrase=dialog.chosen_passphrase(),
                    actor=lifecycle.default_actor(),
                )
            except StoreError as exc:
                dialog.message.setText(str(exc))
                continue
            self._offer_recovery_kit(store)
            return store
        return None

    def _offer_recovery_kit(self, store: Store) -> None:
        """At first run: the recovery kit is the only way back if the key is lost."""
        answer = QMessageBox.question(
            self.parent,
            "Print the recovery kit",
            "Save the recovery kit now, to print it? It is the only way to open the records if "
            "the passphrase or this computer's keychain is lost. (File menu: Save recovery kit…)",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Later,
        )
        if answer != QMessageBox.StandardButton.Save:
            return
        path, _ = QFileDialog.getSaveFileName(
            self.parent,
            "Save the recovery kit",
            str(Path.home() / "Clinic-recovery-kit.pdf"),
            "PDF (*.pdf)",
        )
        if path:
            try:
                recovery.save_recovery_kit(store=store, destination=Path(path))
            except (StoreError, OSError) as exc:
                QMessageBox.warning(self.parent, "The kit was not saved", str(exc))

    def _unlock_with_passphrase(self) -> Store | None:
        dialog = UnlockDialog(self.parent)
        while dialog.exec() == QDialog.DialogCode.Accepted:
            if dialog.use_recovery:
                return self._recover()
            try:
                return lifecycle.unlock_store(
                    data_dir=self.data_dir,
                    passphrase=dialog.passphrase.text(),
                    actor=lifecycle.default_actor(),
                )
            except WrongPassphrase as exc:
                dialog.show_error(str(exc))
        return None

    def _recover(self) -> Store | None:
        dialog = RecoveryDialog(
            keychain_available=lifecycle.keychain_available(), parent=self.parent
        )
        while dialog.exec() == QDialog.DialogCode.Accepted:
            try:
                store = recovery.unlock_with_recovery_key(
                    data_dir=self.data_dir,
                    recovery_key=dialog.key.text(),
                    actor=lifecycle.default_actor(),
                )
            except KeyNotFound as exc:
                dialog.show_error(str(exc))
                continue
            try:
                passphrase = dialog.new_passphrase()
                if passphrase is None:
                    recovery.keep_key_in_keychain(store=store)
                else:
                    recovery.keep_key_with_passphrase(store=store, passphrase=passphrase)
            except StoreError as exc:
                store.lock()
                dialog.show_error(str(exc))
                continue
            return store
        return None


class ClinicApp:
    """Owns the session, the window and the idle lock for one run of the app."""

    def __init__(self, app: QApplication, gate: StoreGate, store: Store) -> None:
        self.app = app
        self.gate = gate
        self.session = UiSession(store)
        self.window = MainWindow(self.session)
        minutes = get_settings(store=store).auto_lock_minutes
        self.idle = IdleLock(minutes * MINUTE_MS)
        app.installEventFilter(self.idle)
        self.idle.idle_timeout.connect(self.lock)
        self.window.lock_requested.connect(self.lock)
        self.window.unlock_requested.connect(self.unlock_again)
        self.session.changed.connect(self._settings_may_have_changed)
        self.idle.start()
        if store.upgrade_note:
            QMessageBox.information(self.window, "Clinic was updated", store.upgrade_note)
        self._auto_backup()

    def _settings_may_have_changed(self, _changes: object) -> None:
        if self.session.is_open:
            minutes = get_settings(store=self.session.store).auto_lock_minutes
            self.idle.set_idle_ms(minutes * MINUTE_MS)

    def lock(self) -> None:
        if not self.session.is_open:
            return
        self.idle.stop()
        self.session.close()
        self.unlock_again()

    def unlock_again(self) -> None:
        self.idle.stop()
        self.window.clear_client_data()
        self.window.hide()
        store = self.gate.obtain()
        if store is None:
            self.app.quit()
            return
        self.session.attach(store)
        self.window.show()
        self.idle.start()

    def _auto_backup(self) -> None:
        """First open of the day: a backup to the configured folder, off the GUI thread."""
        store = self.session.store
        settings = get_settings(store=store)
        check = backup.auto_backup_due(
            settings=settings, now=datetime.now(), store_id=store.meta.store_id
        )
        if not check.due:
            self.window.statusBar().showMessage(check.reason, 10_000)
            return

        def work(progress: object, cancelled: object) -> object:
            return backup.auto_backup_if_due(store=store, now=datetime.now(), settings=settings)

        start_job(
            work,
            on_done=lambda _r: self.window.statusBar().showMessage(
                "Today's backup is done.", 10_000
            ),
            on_error=lambda exc: QMessageBox.warning(self.window, "Backup failed", str(exc)),
        )

    def shutdown(self) -> None:
        self.idle.stop()
        if self.session.is_open:
            self.session.close()


def use_readable_locale() -> None:
    """A machine left in the "C" locale would show dates as "23 12 2026": use US English."""
    if QLocale.system().name() in ("C", "POSIX"):
        QLocale.setDefault(QLocale("en_US"))


def run_gui(*, data_dir: Path | None) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Clinic")
    app.setOrganizationName("Clinic")
    use_readable_locale()
    app.setWindowIcon(QIcon(str(resource_path("icons", "clinic.svg"))))
    app.setDesktopFileName("clinic")
    gate = StoreGate(lifecycle.resolve_data_dir(data_dir))
    store = gate.obtain()
    if store is None:
        return 1
    clinic_app = ClinicApp(app, gate, store)
    clinic_app.window.show()
    try:
        return int(app.exec())
    finally:
        clinic_app.shutdown()
