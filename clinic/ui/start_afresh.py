"""The data folder is gone, but this computer knows a store lived there (issue 16 § 1).

Clinic never makes a new store over a store that went missing without being asked: the window
says what happened and offers, in this order, to restore a backup into that folder, to open
another folder, or — an explicit, confirmed choice — to start afresh there, which also removes
the old store's key from this computer's keychain (``lifecycle.init_store(start_afresh=True)``,
as ``clinic init --start-afresh``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from clinic.storage.public import DataDir, StoreError
from clinic.ui.file_dialogs import existing_folder, open_file_name
from clinic.ui.passphrase_dialogs import FirstRunDialog
from clinic.ui.translations import error_text

if TYPE_CHECKING:  # the store's modules load when a store is opened (see clinic.ui.warm_up)
    from clinic.storage.public import Store


class Choice(Enum):
    RESTORE = "restore"
    OTHER_FOLDER = "other_folder"
    START_AFRESH = "start_afresh"
    QUIT = "quit"


class StoreGoneFlow:
    """Asked by the start-up gate when opening raised :class:`StoreGone`.

    ``reopen(folder)`` opens (or, in an empty folder this computer never used, creates) the
    store in ``folder`` as at start; ``offer_kit(store)`` offers the recovery kit of a new store.
    """

    def __init__(
        self,
        data_dir: DataDir,
        parent: QWidget | None,
        *,
        reopen: Callable[[DataDir], Store | None],
        offer_kit: Callable[[Store], None],
    ) -> None:
        self.data_dir = data_dir
        self.parent = parent
        self.reopen = reopen
        self.offer_kit = offer_kit

    def run(self, gone: StoreError) -> Store | None:
        while True:
            choice = self.ask(gone)
            if choice is Choice.QUIT:
                return None
            if choice is Choice.RESTORE:
                if self.restore_backup():
                    return self.reopen(self.data_dir)
            elif choice is Choice.OTHER_FOLDER:
                folder = self.other_folder()
                if folder is not None:
                    return self.reopen(folder)
            elif self.confirm_start_afresh():
                store = self.start_afresh()
                if store is not None:
                    return store

    def ask(self, gone: StoreError) -> Choice:
        box = QMessageBox(self.parent)
        box.setObjectName("storeGoneMessage")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(
            QCoreApplication.translate("StoreGone", "The records are not in their folder")
        )
        folder = str(self.data_dir.root)
        if "keychain" in gone.template:
            text = QCoreApplication.translate(
                "StoreGone",
                "The Clinic store kept in %1 is gone (the folder is empty or missing), but this "
                "computer's keychain still holds its key. Nothing was changed.",
            )
        else:
            text = QCoreApplication.translate(
                "StoreGone",
                "The Clinic store kept in %1 is gone (the folder is empty or missing); this "
                "computer opened it there before. Nothing was changed.",
            )
        box.setText(text.replace("%1", folder))
        box.setInformativeText(
            QCoreApplication.translate(
                "StoreGone",
                "Restore the latest backup into that folder, or open the folder where the "
                "records are now (a moved folder or a USB stick). Start afresh only if the old "
                "records are not needed on this computer: it makes a new, empty store there and "
                "removes the old store's key from this computer's keychain.",
            )
        )
        buttons = {
            box.addButton(
                QCoreApplication.translate("StoreGone", "Restore a backup…"),
                QMessageBox.ButtonRole.AcceptRole,
            ): (Choice.RESTORE),
            box.addButton(
                QCoreApplication.translate("StoreGone", "Open another folder…"),
                QMessageBox.ButtonRole.ActionRole,
            ): (Choice.OTHER_FOLDER),
            box.addButton(
                QCoreApplication.translate("StoreGone", "Start afresh…"),
                QMessageBox.ButtonRole.DestructiveRole,
            ): (Choice.START_AFRESH),
        }
        quit_button = box.addButton(
            QCoreApplication.translate("StoreGone", "Quit"), QMessageBox.ButtonRole.RejectRole
        )
        box.setDefaultButton(next(iter(buttons)))
        box.setEscapeButton(quit_button)
        box.exec()
        clicked = box.clickedButton()
        return next((c for b, c in buttons.items() if b is clicked), Choice.QUIT)

    def restore_backup(self) -> bool:
        """A backup restored into the folder (checked whole first); True when it was."""
        from clinic.services import backup  # noqa: PLC0415 - only when chosen

        path = open_file_name(
            self.parent,
            QCoreApplication.translate("StoreGone", "Restore which backup?"),
            QCoreApplication.translate("StoreGone", "Clinic backups (*.clinicbackup)"),
        )
        if not path:
            return False
        try:
            asks = backup.has_passphrase(Path(path)) and not backup.key_in_keychain(Path(path))
        except (StoreError, OSError) as exc:
            self._said(
                QCoreApplication.translate("StoreGone", "Nothing was restored"), error_text(exc)
            )
            return False
        passphrase = None
        if asks:
            text, ok = QInputDialog.getText(
                self.parent,
                QCoreApplication.translate("StoreGone", "Backup passphrase"),
                QCoreApplication.translate("StoreGone", "The passphrase the backup was made with:"),
                QLineEdit.EchoMode.Password,
            )
            if not ok:
                return False
            passphrase = text
        try:
            root = self.data_dir.root
            if root.exists() and any(root.iterdir()):  # emptied but not empty: kept aside
                backup.restore_over_current(
                    backup=Path(path),
                    data_dir=self.data_dir,
                    passphrase=passphrase,
                    keychain=True,
                    now=datetime.now(),
                )
            else:
                backup.restore(
                    backup=Path(path), data_dir=self.data_dir, passphrase=passphrase, keychain=True
                )
        except (StoreError, OSError) as exc:
            self._said(
                QCoreApplication.translate("StoreGone", "Nothing was restored"), error_text(exc)
            )
            return False
        return True

    def other_folder(self) -> DataDir | None:
        chosen = existing_folder(
            self.parent,
            QCoreApplication.translate("StoreGone", "Open the records in which folder?"),
        )
        if not chosen:
            return None
        folder = DataDir(Path(chosen).expanduser().resolve())
        QMessageBox.information(
            self.parent,
            QCoreApplication.translate("StoreGone", "Another folder"),
            QCoreApplication.translate(
                "StoreGone",
                "Clinic opens the records in %1 now. To open that folder every time, start "
                "Clinic with --data-dir followed by the folder (or set CLINIC_DATA_DIR).",
            ).replace("%1", str(folder.root)),
        )
        return folder

    def confirm_start_afresh(self) -> bool:
        box = QMessageBox(self.parent)
        box.setObjectName("startAfreshConfirm")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(QCoreApplication.translate("StoreGone", "Start afresh"))
        box.setText(
            QCoreApplication.translate(
                "StoreGone", "Start afresh with a new, empty store in %1?"
            ).replace("%1", str(self.data_dir.root))
        )
        box.setInformativeText(
            QCoreApplication.translate(
                "StoreGone",
                "The old store's key is removed from this computer's keychain, and this computer "
                "forgets that store. Its records, if a copy or backup of them turns up, can then "
                "be opened only with their printed recovery kit. This cannot be undone.",
            )
        )
        yes = box.addButton(
            QCoreApplication.translate("StoreGone", "Start afresh"),
            QMessageBox.ButtonRole.DestructiveRole,
        )
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.exec()
        return box.clickedButton() is yes

    def start_afresh(self) -> Store | None:
        """The first-run window, then a new store made with ``start_afresh``."""
        from clinic.services import lifecycle  # noqa: PLC0415 - only when chosen

        dialog = FirstRunDialog(
            keychain_available=lifecycle.keychain_available(), parent=self.parent
        )
        while dialog.exec() == QDialog.DialogCode.Accepted:
            try:
                store = lifecycle.init_store(
                    data_dir=self.data_dir,
                    passphrase=dialog.chosen_passphrase(),
                    actor=lifecycle.default_actor(),
                    start_afresh=True,
                )
            except StoreError as exc:
                dialog.message.setText(error_text(exc))
                continue
            self.offer_kit(store)
            return store
        return None

    def _said(self, title: str, text: str) -> None:
        QMessageBox.warning(self.parent, title, text)
