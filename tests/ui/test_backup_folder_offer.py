"""File → Back up now to a folder that is not the backup folder in Settings: after the backup,
Clinic offers to keep that folder for daily backups; Yes saves the setting and the status bar's
"no backup folder" warning gives way to the last backup (the main window refreshes its backup
label from ``session.changed``, which the backup publishes)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMainWindow, QMessageBox

from clinic.services import lifecycle
from clinic.services.settings import get_settings, update_settings
from clinic.storage.store import Store
from clinic.ui import file_dialogs, store_actions
from clinic.ui.session import UiSession
from clinic.ui.store_actions import StoreActions

TODAY = date(2026, 3, 2)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    data_dir = lifecycle.resolve_data_dir(tmp_path / "d")
    store = lifecycle.init_store(data_dir=data_dir, passphrase="correct horse battery", actor="t")
    yield store
    store.lock()


@pytest.fixture
def window(qtbot, store: Store) -> QMainWindow:  # type: ignore[no-untyped-def]
    """A window with the File menu's store actions, as the main window has them."""
    window = QMainWindow()
    qtbot.addWidget(window)
    window.session = UiSession(store, today=lambda: TODAY)  # type: ignore[attr-defined]
    window.store_actions = StoreActions(window.session, window)  # type: ignore[attr-defined]
    window.published = []  # type: ignore[attr-defined]
    window.session.changed.connect(window.published.append)  # type: ignore[attr-defined]
    window.show()
    return window


def choose_folder(monkeypatch: pytest.MonkeyPatch, folder: Path) -> list[str]:
    """The folder dialog answers ``folder``; returns the folders it was started in."""
    started: list[str] = []

    def get_existing_directory(_parent, _caption, start, *_options):  # type: ignore[no-untyped-def]
        started.append(start)
        return str(folder)

    monkeypatch.setattr(
        file_dialogs.QFileDialog, "getExistingDirectory", staticmethod(get_existing_directory)
    )
    return started


def answer_question(monkeypatch: pytest.MonkeyPatch, button: QMessageBox.StandardButton) -> list:  # type: ignore[type-arg]
    asked: list[str] = []

    def question(_parent, _title, text, *_args):  # type: ignore[no-untyped-def]
        asked.append(text)
        return button

    monkeypatch.setattr(store_actions.QMessageBox, "question", staticmethod(question))
    monkeypatch.setattr(
        store_actions.QMessageBox,
        "information",
        staticmethod(lambda *_args: asked.append("information only")),
    )
    return asked


def test_yes_keeps_the_folder_and_the_status_bar_follows(
    qtbot, store: Store, window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    usb = tmp_path / "usb"
    usb.mkdir()
    assert "No backup folder" in window.store_actions.backup_status()
    started = choose_folder(monkeypatch, usb)
    asked = answer_question(monkeypatch, QMessageBox.StandardButton.Yes)
    window.store_actions.back_up_now()
    qtbot.waitUntil(lambda: bool(asked), timeout=20000)
    assert "Use this folder for daily backups?" in asked[0]
    assert str(usb) in asked[0]  # the backup file it just wrote
    assert get_settings(store=store).backup_folder == str(usb)
    qtbot.waitUntil(lambda: bool(window.published), timeout=5000)
    assert "Last backup" in window.store_actions.backup_status()
    assert "⚠" not in window.store_actions.backup_status()
    assert Path(started[0]) == file_dialogs.documents_folder()  # not the program's folder


def test_no_leaves_the_setting_alone(
    qtbot, store: Store, window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    usb = tmp_path / "usb"
    usb.mkdir()
    choose_folder(monkeypatch, usb)
    asked = answer_question(monkeypatch, QMessageBox.StandardButton.No)
    window.store_actions.back_up_now()
    qtbot.waitUntil(lambda: bool(asked), timeout=20000)
    assert get_settings(store=store).backup_folder == ""
    assert list(usb.glob("*.clinicbackup"))  # the backup itself was made


def test_another_folder_is_offered_instead_of_the_set_one(
    qtbot, store: Store, window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    set_folder, other = tmp_path / "set", tmp_path / "other"
    set_folder.mkdir()
    other.mkdir()
    settings = get_settings(store=store)
    update_settings(
        store=store,
        settings=settings.__class__(**{**settings.__dict__, "backup_folder": str(set_folder)}),
    ).unwrap()
    started = choose_folder(monkeypatch, other)
    asked = answer_question(monkeypatch, QMessageBox.StandardButton.Yes)
    window.store_actions.back_up_now()
    qtbot.waitUntil(lambda: bool(asked), timeout=20000)
    assert Path(started[0]) == set_folder  # the dialog starts in the backup folder
    assert f"instead of {set_folder}" in asked[0]
    assert get_settings(store=store).backup_folder == str(other)


def test_the_set_folder_is_not_offered_again(
    qtbot, store: Store, window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    usb = tmp_path / "usb"
    usb.mkdir()
    settings = get_settings(store=store)
    update_settings(
        store=store, settings=settings.__class__(**{**settings.__dict__, "backup_folder": str(usb)})
    ).unwrap()
    choose_folder(monkeypatch, usb)
    asked = answer_question(monkeypatch, QMessageBox.StandardButton.Yes)
    window.store_actions.back_up_now()
    qtbot.waitUntil(lambda: bool(asked), timeout=20000)
    assert asked == ["information only"]
    qtbot.waitUntil(lambda: bool(window.published), timeout=5000)  # the label is refreshed
    assert "Last backup" in window.store_actions.backup_status()
