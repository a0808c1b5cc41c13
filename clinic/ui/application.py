"""Starting the window: first run, unlock with retry, lock and unlock again."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from clinic.services import lifecycle
from clinic.storage.datadir import DataDir
from clinic.storage.errors import StoreError, WrongPassphrase
from clinic.storage.store import Store
from clinic.ui.main_window import MainWindow
from clinic.ui.passphrase_dialogs import FirstRunDialog, UnlockDialog


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
        except StoreError as exc:
            QMessageBox.critical(self.parent, "Clinic cannot open the records", str(exc))
            return None

    def _create(self) -> Store | None:
        dialog = FirstRunDialog(
            keychain_available=lifecycle.keychain_available(), parent=self.parent
        )
        while dialog.exec() == QDialog.DialogCode.Accepted:
            try:
                return lifecycle.init_store(
                    data_dir=self.data_dir,
                    passphrase=dialog.chosen_passphrase(),
                    actor=lifecycle.default_actor(),
                )
            except StoreError as exc:
                dialog.message.setText(str(exc))
        return None

    def _unlock_with_passphrase(self) -> Store | None:
        dialog = UnlockDialog(self.parent)
        while dialog.exec() == QDialog.DialogCode.Accepted:
            try:
                return lifecycle.unlock_store(
                    data_dir=self.data_dir,
                    passphrase=dialog.passphrase.text(),
                    actor=lifecycle.default_actor(),
                )
            except WrongPassphrase as exc:
                dialog.show_error(str(exc))
        return None


def run_gui(*, data_dir: Path | None) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Clinic")
    app.setOrganizationName("Clinic")
    gate = StoreGate(lifecycle.resolve_data_dir(data_dir))
    store = gate.obtain()
    if store is None:
        return 1
    window = MainWindow(store)
    current: dict[str, Store | None] = {"store": store}

    def lock() -> None:
        held = current["store"]
        if held is not None:
            held.lock()
        current["store"] = None
        window.clear_client_data()
        window.hide()
        again = StoreGate(gate.data_dir).obtain()
        if again is None:
            app.quit()
            return
        current["store"] = again
        window.attach_store(again)
        window.show()

    window.lock_requested.connect(lock)
    window.show()
    code = app.exec()
    held = current["store"]
    if held is not None:
        held.lock()
    return int(code)
