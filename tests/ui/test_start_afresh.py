"""Issue 16 § 1 in the window: the data folder is gone but this computer (and its keychain) knows
the store. The window says so and offers restore a backup, open another folder, or start afresh;
starting afresh is explicit and confirmed, and removes the old key from the keychain. Before, the
window showed "Clinic cannot open the records" and quit: no way on but the command line.
(The real-display proof: tests/display/test_older_copy.py.)"""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from clinic.services import backup, lifecycle
from clinic.storage import anchors
from clinic.storage.datadir import DataDir
from clinic.storage.keys import KeySource
from clinic.ui import start_afresh
from clinic.ui.application import StoreGate
from clinic.ui.passphrase_dialogs import FirstRunDialog

KEY_SERVICE_PART = "clinic"


class Clicks:
    """Message boxes answered by the text of the button a person would click, in order."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, answers: list[str]) -> None:
        self.answers = answers
        self.seen: list[str] = []

        def exec_box(box: QMessageBox) -> int:
            self.seen.append(f"{box.objectName()}: {box.text()}")
            wanted = self.answers.pop(0)
            button = next(b for b in box.buttons() if b.text().replace("&", "") == wanted)
            button.click()
            return 0

        monkeypatch.setattr(QMessageBox, "exec", exec_box)
        monkeypatch.setattr(
            QMessageBox, "information", lambda *_a, **_k: QMessageBox.StandardButton.Ok
        )


@pytest.fixture
def gone(tmp_path: Path, memory_keyring: Any) -> tuple[DataDir, str, Path]:
    """A keychain store with a backup, then its folder deleted: (folder, store id, backup)."""
    data = DataDir(tmp_path / "data")
    store = lifecycle.init_store(data_dir=data, passphrase=None, actor="t")
    try:
        store_id = store.meta.store_id
        (tmp_path / "backups").mkdir()
        made = backup.make_backup(store=store, folder=tmp_path / "backups", now=datetime.now())
    finally:
        store.lock()
    shutil.rmtree(data.root)
    return data, store_id, made.path


def _in_keychain(keyring: Any, store_id: str) -> bool:
    return any(store_id in user for _service, user in keyring.secrets)


def test_quit_changes_nothing(qapp, gone, memory_keyring, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    data, store_id, _backup = gone
    clicks = Clicks(monkeypatch, ["Quit"])
    assert StoreGate(data).obtain() is None
    assert "is gone" in clicks.seen[0] and "keychain still holds its key" in clicks.seen[0]
    assert not data.root.exists()
    assert _in_keychain(memory_keyring, store_id)
    assert anchors.known_in_folder(data.root) is not None


def test_start_afresh_is_confirmed_and_removes_the_old_key(
    qapp, gone, memory_keyring, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    data, store_id, _backup = gone
    # Start afresh, then Cancel at the confirmation (back to the question), then confirm.
    clicks = Clicks(
        monkeypatch, ["Start afresh…", "Cancel", "Start afresh…", "Start afresh", "Later"]
    )
    monkeypatch.setattr(FirstRunDialog, "exec", lambda _self: QDialog.DialogCode.Accepted)
    store = StoreGate(data).obtain()
    assert store is not None
    try:
        assert [s.split(":")[0] for s in clicks.seen] == [
            "storeGoneMessage",
            "startAfreshConfirm",
            "storeGoneMessage",
            "startAfreshConfirm",
            "recoveryKitOffer",
        ]
        assert store.meta.store_id != store_id
        assert store.meta.key_source is KeySource.KEYCHAIN
        assert not _in_keychain(memory_keyring, store_id), "the old key left the keychain"
        assert _in_keychain(memory_keyring, store.meta.store_id)
        assert anchors.known_store(store_id) is None
    finally:
        store.lock()


def test_restore_a_backup_into_the_folder(qapp, gone, memory_keyring, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    data, store_id, made = gone
    Clicks(monkeypatch, ["Restore a backup…"])
    monkeypatch.setattr(start_afresh, "open_file_name", lambda *_a, **_k: str(made))
    store = StoreGate(data).obtain()
    assert store is not None
    try:
        assert store.meta.store_id == store_id and not store.read_only
        assert _in_keychain(memory_keyring, store_id)
    finally:
        store.lock()


def test_open_another_folder(qapp, gone, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    data, store_id, _backup = gone
    other = DataDir(tmp_path / "moved")
    store = lifecycle.init_store(data_dir=other, passphrase=None, actor="t")
    other_id = store.meta.store_id
    store.lock()
    Clicks(monkeypatch, ["Open another folder…"])
    monkeypatch.setattr(start_afresh, "existing_folder", lambda *_a, **_k: str(other.root))
    gate = StoreGate(data)
    opened = gate.obtain()
    assert opened is not None
    try:
        assert opened.meta.store_id == other_id != store_id
        assert gate.data_dir.root == other.root.resolve()
    finally:
        opened.lock()
