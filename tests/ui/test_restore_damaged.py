"""Restore from a file that is not a readable backup: said plainly, nothing replaced, no
question about replacing the records first (found by the file-dialog test: an uncaught
DamagedBackup in the window)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from clinic.services import lifecycle
from clinic.ui import store_actions
from clinic.ui.main_window import MainWindow
from clinic.ui.session import UiSession


def test_a_damaged_backup_file_is_refused_before_anything_is_asked(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    store = lifecycle.init_store(
        data_dir=lifecycle.resolve_data_dir(tmp_path / "data"),
        passphrase="correct horse battery staple",
        actor="t",
    )
    junk = tmp_path / "Clinic-backup-20261207-090000.clinicbackup"
    junk.write_bytes(b"PK\x03\x04 not really a backup" * 10)
    window = MainWindow(UiSession(store))
    qtbot.addWidget(window)
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(store_actions, "open_file_name", lambda *_a, **_k: str(junk))
    monkeypatch.setattr(
        QMessageBox,
        "warning",
        lambda _parent, title, text, *_a: (
            shown.append((title, text)) or QMessageBox.StandardButton.Cancel
        ),
    )
    window.store_actions.restore(lambda: None)
    assert len(shown) == 1, shown
    title, text = shown[0]
    assert title == "Nothing was changed"
    assert "replaced" not in text
    assert not store.locked  # the session was not closed: the records stay open
    assert store.datadir.has_database()
    store.lock()
