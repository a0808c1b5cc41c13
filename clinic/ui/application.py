"""Starting the window: first run, unlock with retry, auto-lock, lock and unlock again."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from clinic.services import language, office_mode, opening
from clinic.services.errors import EXPECTED
from clinic.storage.public import DataDir, KeyNotFound, StoreError, WrongPassphrase
from clinic.ui import look, private_settings, warm_up
from clinic.ui.file_dialogs import save_file_name
from clinic.ui.icons import app_icon
from clinic.ui.idle_lock import IdleLock
from clinic.ui.operation import Operation, Progress
from clinic.ui.passphrase_dialogs import FirstRunDialog, UnlockDialog
from clinic.ui.problems import describe
from clinic.ui.recovery_dialog import RecoveryDialog
from clinic.ui.translations import Translations, formats_are_c
from clinic.ui.warm_up import DELAY_MS, start_importing

if TYPE_CHECKING:  # the window's modules load on first use (see clinic.ui.warm_up)
    from clinic.storage.public import Store
    from clinic.ui.colleague_changes import ColleagueChanges
    from clinic.ui.main_window import MainWindow
    from clinic.ui.office_gate import OfficeGate

MINUTE_MS = 60_000


class StoreGate:
    """Decides between creating, unlocking and refusing; never makes a store over another."""

    def __init__(self, data_dir: DataDir, parent: QWidget | None = None) -> None:
        self.data_dir = data_dir
        self.parent = parent

    def obtain(self) -> Store | None:
        try:
            if not opening.store_exists(self.data_dir):
                return self._create()
            if opening.passphrase_needed(self.data_dir):
                return self._unlock_with_passphrase()
            # Keychain: no prompt; the store is opened at once (SQLAlchemy and the models load).
            warm_up.wait()  # never import beside the warm-up thread
            from clinic.services import lifecycle  # noqa: PLC0415 - see warm_up

            return lifecycle.unlock_store(
                data_dir=self.data_dir, passphrase=None, actor=lifecycle.default_actor()
            )
        except KeyNotFound as exc:
            answer = QMessageBox.warning(
                self.parent,
                QCoreApplication.translate("StoreGate", "Clinic cannot find the key"),
                QCoreApplication.translate(
                    "StoreGate", "%1\n\nUnlock with the recovery key now?"
                ).replace("%1", describe(exc).text),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            )
            return self._recover() if answer == QMessageBox.StandardButton.Yes else None
        except StoreError as exc:
            from clinic.storage.public import StoreGone  # noqa: PLC0415 - already loaded

            if isinstance(exc, StoreGone):  # folder gone or emptied: never a silent new store
                return self._store_gone(exc)
            QMessageBox.critical(
                self.parent,
                QCoreApplication.translate("StoreGate", "Clinic cannot open the records"),
                describe(exc).text,
            )
            return None

    def _store_gone(self, gone: StoreError) -> Store | None:
        """Restore a backup, open another folder, or start afresh (confirmed; the old key
        leaves the keychain): see :mod:`clinic.ui.start_afresh`."""
        from clinic.ui.start_afresh import StoreGoneFlow  # noqa: PLC0415 - rarely needed

        def reopen(folder: DataDir) -> Store | None:
            self.data_dir = folder
            return self.obtain()

        flow = StoreGoneFlow(
            self.data_dir, self.parent, reopen=reopen, offer_kit=self._offer_recovery_kit
        )
        return flow.run(gone)

    def _create(self) -> Store | None:
        dialog = FirstRunDialog(keychain_available=opening.keychain_available(), parent=self.parent)
        QTimer.singleShot(DELAY_MS, start_importing)  # as for the unlock window
        while dialog.exec() == QDialog.DialogCode.Accepted:
            warm_up.wait()  # never import beside the warm-up thread
            from clinic.services import lifecycle  # noqa: PLC0415 - loaded by the warm-up

            try:
                store = lifecycle.init_store(
                    data_dir=self.data_dir,
                    passphrase=dialog.chosen_passphrase(),
                    actor=lifecycle.default_actor(),
                )
            except EXPECTED as exc:  # a weak passphrase, a folder that cannot be written
                dialog.message.setText(describe(exc).text)
                continue
            self._offer_recovery_kit(store)
            return store
        return None

    def _offer_recovery_kit(self, store: Store) -> None:
        """At first run: the recovery kit is the only way back if the key is lost."""
        from clinic.services import recovery  # noqa: PLC0415 - reportlab on first use

        offer = QMessageBox(self.parent)
        offer.setIcon(QMessageBox.Icon.Question)
        offer.setObjectName("recoveryKitOffer")
        offer.setWindowTitle(QCoreApplication.translate("StoreGate", "Print the recovery kit"))
        offer.setText(
            QCoreApplication.translate(
                "StoreGate",
                "Save the recovery kit now, to print it? It is the only way to open the records "
                "if the passphrase or this computer's keychain is lost. "
                "(File menu: Save recovery kit…)",
            )
        )
        save = offer.addButton(QMessageBox.StandardButton.Save)
        offer.addButton(
            QCoreApplication.translate("StoreGate", "Later"), QMessageBox.ButtonRole.RejectRole
        )
        offer.setDefaultButton(save)
        offer.exec()
        if offer.clickedButton() is not save:
            return
        path, _ = save_file_name(
            self.parent,
            QCoreApplication.translate("StoreGate", "Save the recovery kit"),
            "Clinic-recovery-kit.pdf",
            QCoreApplication.translate("StoreGate", "PDF (*.pdf)"),
        )
        if path:
            try:
                recovery.save_recovery_kit(store=store, destination=Path(path))
            except EXPECTED as exc:
                QMessageBox.warning(
                    self.parent,
                    QCoreApplication.translate("StoreGate", "The kit was not saved"),
                    describe(exc).text,
                )

    def _unlock_with_passphrase(self) -> Store | None:
        dialog = UnlockDialog(self.parent)
        # While the passphrase is typed, the main window's modules are imported beside it.
        QTimer.singleShot(DELAY_MS, start_importing)
        while dialog.exec() == QDialog.DialogCode.Accepted:
            if dialog.use_recovery:
                return self._recover()
            warm_up.wait()  # never import beside the warm-up thread
            from clinic.services import lifecycle  # noqa: PLC0415 - loaded by the warm-up

            try:
                return lifecycle.unlock_store(
                    data_dir=self.data_dir,
                    passphrase=dialog.passphrase.text(),
                    actor=lifecycle.default_actor(),
                )
            except WrongPassphrase as exc:
                dialog.show_error(describe(exc).text)
        return None

    def _recover(self) -> Store | None:
        warm_up.wait()  # never import beside the warm-up thread
        from clinic.services import lifecycle, recovery  # noqa: PLC0415 - reportlab on first use

        dialog = RecoveryDialog(keychain_available=opening.keychain_available(), parent=self.parent)
        while dialog.exec() == QDialog.DialogCode.Accepted:
            try:
                store = recovery.unlock_with_recovery_key(
                    data_dir=self.data_dir,
                    recovery_key=dialog.key.text(),
                    actor=lifecycle.default_actor(),
                )
            except KeyNotFound as exc:
                dialog.show_error(describe(exc).text)
                continue
            try:
                passphrase = dialog.new_passphrase()
                if passphrase is None:
                    recovery.keep_key_in_keychain(store=store)
                else:
                    recovery.keep_key_with_passphrase(store=store, passphrase=passphrase)
            except EXPECTED as exc:
                store.lock()
                dialog.show_error(describe(exc).text)
                continue
            return store
        return None


class ClinicApp:
    """Owns the session, the window and the idle lock for one run of the app."""

    office: OfficeGate | None = None  # office mode: names the server and who is signed in

    def __init__(
        self,
        app: QApplication,
        gate: StoreGate | OfficeGate,
        store: Store,
        translations: Translations | None = None,
    ) -> None:
        self.app = app
        self.gate = gate
        if not isinstance(gate, StoreGate):
            self.office = gate
        self.translations = translations or Translations(app)
        warm_up.wait()  # never import beside the warm-up thread
        from clinic.services.settings import get_settings  # noqa: PLC0415 - see warm_up
        from clinic.ui.session import UiSession  # noqa: PLC0415

        self.session = UiSession(store)
        self.colleagues: ColleagueChanges | None = None
        self.window = self._make_window(today_after_paint=True)
        if self.office is not None:  # colleagues' changes refresh the pages (LISTEN/NOTIFY)
            from clinic.ui.colleague_changes import ColleagueChanges  # noqa: PLC0415

            self.colleagues = ColleagueChanges(self.session)
            # the window is made again when the language changes: the current one says it
            self.colleagues.reachable.connect(lambda up: self.window.show_server_state(up))  # noqa: PLW0108
            self.colleagues.start()
        minutes = get_settings(store=store).auto_lock_minutes
        self.idle = IdleLock(minutes * MINUTE_MS)
        app.installEventFilter(self.idle)
        self.idle.idle_timeout.connect(self.lock)
        self.session.changed.connect(self._settings_may_have_changed)
        self.idle.start()
        if store.upgrade_note:
            QMessageBox.information(
                self.window,
                QCoreApplication.translate("ClinicApp", "Clinic was updated"),
                store.upgrade_note,
            )
        if isinstance(gate, StoreGate):  # office mode: backups are the server's (not built)
            self._auto_backup()

    def _make_window(self, *, today_after_paint: bool = False) -> MainWindow:
        warm_up.wait()  # never import beside the warm-up thread
        from clinic.ui.main_window import MainWindow  # noqa: PLC0415 - see warm_up

        window = MainWindow(self.session, today_after_paint=today_after_paint)
        window.lock_requested.connect(self.lock)
        window.unlock_requested.connect(self.unlock_again)
        window.language_changed.connect(self.change_language)
        if self.office is not None:
            self.office.show_signed_in(window)
        return window

    def change_language(self, _setting: str) -> None:
        """Install the new catalogues and rebuild the window in them (same size, same place,
        back on Settings): every page's words come out of its constructor again."""
        language.override_language(None)  # a --lang given at start gives way to the choice
        self.translations.apply(language.ui_language())
        old = self.window
        self.window = self._make_window()
        self.window.restoreGeometry(old.saveGeometry())
        self.window.show_page(self.window.settings_page)
        if old.isVisible():
            self.window.show()
        old.hide()
        old.deleteLater()

    def _settings_may_have_changed(self, _changes: object) -> None:
        warm_up.wait()  # never import beside the warm-up thread
        from clinic.services.settings import get_settings  # noqa: PLC0415 - see warm_up

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
        if self.office is not None:
            self.office.show_signed_in(self.window)
        self.window.show()
        self.idle.start()

    def _auto_backup(self) -> None:
        """First open of the day: a backup to the configured folder, off the GUI thread."""
        warm_up.wait()  # never import beside the warm-up thread
        from clinic.services import backup  # noqa: PLC0415 - see warm_up
        from clinic.services.settings import get_settings  # noqa: PLC0415

        store = self.session.store
        settings = get_settings(store=store)
        check = backup.auto_backup_due(
            settings=settings, now=datetime.now(), store_id=store.meta.store_id
        )
        if not check.due:  # the window's backup label already says why (no folder, …)
            self.window.show_backup_state()
            return

        def work(_progress: Progress) -> object:
            return backup.auto_backup_if_due(store=store, now=datetime.now(), settings=settings)

        Operation(
            self.window,
            work,
            session=self.session,
            title=QCoreApplication.translate("ClinicApp", "Backup failed"),
        ).success(lambda _r: self.window.show_backup_state()).run()  # "Last backup: today …"

    def shutdown(self) -> None:
        self.idle.stop()
        if self.session.is_open:
            self.session.close()
        if self.colleagues is not None:
            self.colleagues.stop()


def use_readable_locale() -> None:
    """A machine left in the "C" locale would show dates as "23 12 2026": use US English
    (clinic.ui.translations.formats_are_c says when; the interface language's locale, set
    just after, follows the same rule)."""
    if formats_are_c(QLocale.system()):
        QLocale.setDefault(QLocale("en_US"))


def run_gui(*, data_dir: Path | None) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Clinic")
    app.setOrganizationName("Clinic")
    private_settings.prepare()  # Qt's settings files owner-only before anything writes them
    use_readable_locale()
    translations = Translations(app)
    translations.apply(language.ui_language())  # before unlock: the preference is not secret
    look.install(app)  # Fusion in the palette's light or dark (as the system), fallback fonts
    app.setWindowIcon(app_icon())
    app.setDesktopFileName("clinic")
    gate: StoreGate | OfficeGate
    if data_dir is None and office_mode.connected():  # 'clinic connect' was run here
        from clinic.ui.office_gate import OfficeGate  # noqa: PLC0415 - office mode only

        gate = OfficeGate()
    else:
        gate = StoreGate(opening.resolve_data_dir(data_dir))
    store = gate.obtain()
    if store is None:
        return 1
    clinic_app = ClinicApp(app, gate, store, translations)
    clinic_app.window.show()
    try:
        return int(app.exec())
    finally:
        clinic_app.shutdown()
