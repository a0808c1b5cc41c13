"""File-menu actions on the whole store: back up now, restore from a backup, save the recovery
kit, and the "last backup" line of the status bar."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from clinic.domain.problem_text import describe
from clinic.services import backup, office_mode
from clinic.services.results import Changes, Entity, Result
from clinic.services.settings import ClinicSettings, get_settings, update_settings
from clinic.ui.date_text import date_time_text
from clinic.ui.file_dialogs import existing_folder, open_file_name, save_file_name
from clinic.ui.operation import Operation, Progress
from clinic.ui.problems import Problem
from clinic.ui.session import UiSession
from clinic.ui.translations import current_language

STORE_CHANGED = Changes.of((Entity.STORE, 0))  # the status bar's backup line, Today's start list


class StoreActions(QObject):
    def __init__(self, session: UiSession, window: QWidget) -> None:
        super().__init__(window)
        self.session = session
        self.window = window
        self._job: Operation[backup.BackupResult] | None = None

    def backup_status(self) -> str:
        """'Last backup …' for the status bar, with a warning when it is missing or old."""
        if not self.session.is_open or office_mode.is_office(self.session.store):
            return ""  # an office database's backups are the server's (docs/office.md)
        store = self.session.store
        folder = backup.configured_folder(get_settings(store=store))
        if folder is None:
            return self.tr("⚠ No backup folder set (Settings)")
        if not folder.is_dir():
            return self.tr("⚠ Backup folder not found (is the USB stick plugged in?)")
        last = backup.last_backup_time(folder, store_id=store.meta.store_id)
        if last is None:
            return self.tr("⚠ No backup yet")
        when = date_time_text(last)
        text = self.tr("Last backup: %1").replace("%1", when)
        return ("⚠ " + text) if backup.is_backup_old(last, now=datetime.now()) else text

    def back_up_now(self) -> None:
        store = self.session.store
        default = backup.configured_folder(get_settings(store=store))
        chosen = existing_folder(self.window, self.tr("Back up to which folder?"), folder=default)
        if not chosen:
            return
        folder = Path(chosen)

        def work(_progress: Progress) -> backup.BackupResult:
            return backup.make_backup(store=store, folder=folder, now=datetime.now())

        def done(result: backup.BackupResult) -> None:
            made = self.tr("The encrypted backup was written and checked:\n%1").replace(
                "%1", str(result.path)
            )
            if not self._offer_backup_folder(folder, made):
                QMessageBox.information(self.window, self.tr("Backup made"), made)

        self._job = (
            Operation(self.window, work, session=self.session, changes=lambda _: STORE_CHANGED)
            .success(done)
            .failure(self._failed)
            .run()
        )

    def _offer_backup_folder(self, folder: Path, made: str) -> bool:
        """After a backup to a folder that is not the backup folder in Settings: offer to make
        it that folder (Yes saves the setting). False when there was nothing to offer."""
        if not self.session.is_open:
            return False
        settings = get_settings(store=self.session.store)
        current = backup.configured_folder(settings)
        if current is not None and _same_folder(current, folder):
            return False
        if current is None:
            question = self.tr(
                "Use this folder for daily backups? Clinic then shows the last backup there in "
                "the status bar and warns when it is more than a week old."
            )
        else:
            question = self.tr(
                "Use this folder for daily backups instead of %1? Clinic then shows the last "
                "backup there in the status bar and warns when it is more than a week old."
            ).replace("%1", str(current))
        answer = QMessageBox.question(
            self.window,
            self.tr("Backup made"),
            f"{made}\n\n{question}",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return True
        store, chosen = self.session.store, replace(settings, backup_folder=str(folder))
        Operation(
            self.window,
            lambda _: update_settings(store=store, settings=chosen),
            session=self.session,
        ).success(self._folder_answered).failure(self._failed).run_and_wait()
        return True

    def _folder_answered(self, result: Result[ClinicSettings]) -> None:
        if result.problems:
            QMessageBox.warning(
                self.window,
                self.tr("The backup folder was not saved"),
                " ".join(describe(p.code, current_language()) for p in result.problems),
            )

    def _failed(self, problem: Problem) -> None:
        QMessageBox.warning(self.window, self.tr("Nothing was changed"), problem.text)

    def save_recovery_kit(self) -> None:
        from clinic.services import recovery  # noqa: PLC0415 - reportlab on first use

        answer = QMessageBox.warning(
            self.window,
            self.tr("Recovery kit"),
            self.tr(
                "The recovery kit holds the key to every client record. Save it only to print "
                "it, then delete the file. Continue?"
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        path, _ = save_file_name(
            self.window,
            self.tr("Save the recovery kit"),
            "Clinic-recovery-kit.pdf",
            self.tr("PDF (*.pdf)"),
        )
        if not path:
            return
        store = self.session.store
        Operation(
            self.window,
            lambda _: recovery.save_recovery_kit(store=store, destination=Path(path)),
            session=self.session,
            changes=lambda _: STORE_CHANGED,  # Today's start list ticks it
        ).success(self._kit_saved).failure(self._failed).run_and_wait()

    def _kit_saved(self, _path: Path) -> None:
        QMessageBox.information(
            self.window,
            self.tr("Recovery kit saved"),
            self.tr("Print it, keep it locked away, then delete the file."),
        )

    def restore(self, relock: object) -> None:
        """Replace the current store by a backup (after a safety copy); the window unlocks again."""
        default = backup.configured_folder(get_settings(store=self.session.store))
        path = open_file_name(
            self.window,
            self.tr("Restore which backup?"),
            self.tr("Clinic backups (*.clinicbackup)"),
            folder=default,
        )
        if not path:
            return
        asks: list[bool] = []  # a damaged or foreign file is said plainly, nothing is replaced
        if not (
            Operation(
                self.window,
                lambda _: (
                    backup.has_passphrase(Path(path)) and not backup.key_in_keychain(Path(path))
                ),
            )
            .success(asks.append)
            .failure(self._failed)
            .run_and_wait()
        ):
            return
        answer = QMessageBox.warning(
            self.window,
            self.tr("Restore from backup"),
            self.tr(
                "The records now on this computer will be replaced by the backup. They are kept "
                "as a safety copy beside the data folder. Continue?"
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        data_dir = self.session.store.datadir
        passphrase = None
        if asks[0]:
            text, ok = QInputDialog.getText(
                self.window,
                self.tr("Backup passphrase"),
                self.tr("The passphrase the backup was made with:"),
                QLineEdit.EchoMode.Password,
            )
            if not ok:
                return
            passphrase = text
        self.session.close()
        Operation(  # no session: the store is locked while its files are replaced
            self.window,
            lambda _: backup.restore_over_current(
                backup=Path(path),
                data_dir=data_dir,
                passphrase=passphrase,
                keychain=True,
                now=datetime.now(),
            ),
        ).success(self._restored).failure(self._failed).run_and_wait()
        if callable(relock):
            relock()

    def _restored(self, result: backup.RestoreResult) -> None:
        QMessageBox.information(
            self.window,
            self.tr("Restored"),
            self.tr("The backup was restored. The previous records are in:\n%1").replace(
                "%1", str(result.safety_copy)
            ),
        )


def _same_folder(one: Path, other: Path) -> bool:
    try:
        return one.expanduser().resolve() == other.expanduser().resolve()
    except OSError:
        return one == other
