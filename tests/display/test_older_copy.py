"""Issue 16 § 1 and § 2 on the real display: the older-copy banner and Start afresh.

An older copy (the store put back from before its last changes) opens read-only: the banner at the
top of the main window says how many changes are missing; New intake is refused in words; "Keep
working read-only…" says how to restore the right backup; "Accept this copy as current…" asks for
the passphrase again (typed with the real keyboard), and the window goes read-write. A data folder
that is gone while this computer's keychain still holds the store's key is said, and starting
afresh is a confirmed choice that removes the old key. Each step's screen is saved under
build/test-display/.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from harness import (
    focus_window,
    settle,
    shot,
    wait_until,
    xdotool_click_at,
    xdotool_key,
    xdotool_type,
)
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QInputDialog, QMessageBox
from sqlalchemy import select

from clinic.services import lifecycle
from clinic.services.demo import fill_demo_data
from clinic.storage import keys
from clinic.storage.datadir import DataDir
from clinic.storage.models import AuditEntry
from clinic.storage.store import Store
from clinic.ui.application import StoreGate
from clinic.ui.main_window import MainWindow
from clinic.ui.passphrase_dialogs import FirstRunDialog
from clinic.ui.session import UiSession
from clinic.ui.translations import Translations

PASSPHRASE = "river lantern copper meadow"
TODAY = date(2026, 12, 7)


def later(action: Callable[[], None], delay_ms: int = 300) -> None:
    """Run ``action`` once a modal box's own event loop is running."""
    QTimer.singleShot(delay_ms, action)


def when_modal(kind: type, then: Callable[[QDialog], None]) -> None:
    """Wait (inside whatever event loop runs) for a modal window of ``kind``, then act on it."""

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, kind) or not box.isVisible():
            later(poll, 100)
            return
        focus_window(box)
        settle(0.4)
        then(box)

    later(poll)


def button(box: QMessageBox, text: str) -> QAbstractButton:
    return next(b for b in box.buttons() if b.text().replace("&", "") == text)


@pytest.fixture(autouse=True)
def english(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """The window's catalogues, as at start (English plural forms: "31 changes")."""
    translations = Translations(qapp)
    translations.apply("en")
    yield


@pytest.fixture
def older(tmp_path: Path, no_keyring) -> Iterator[Store]:  # type: ignore[no-untyped-def]
    """Twelve demo clients copied aside, two more added, then the copy put back whole."""
    data = tmp_path / "data"
    store = lifecycle.init_store(data_dir=DataDir(data), passphrase=PASSPHRASE, actor="t")
    fill_demo_data(store=store, clients=12, seed=7, today=TODAY)
    store.lock()
    shutil.copytree(data, tmp_path / "copy")
    store = lifecycle.unlock_store(data_dir=DataDir(data), passphrase=PASSPHRASE, actor="t")
    fill_demo_data(store=store, clients=2, seed=9, today=TODAY)
    store.lock()
    shutil.rmtree(data)
    shutil.copytree(tmp_path / "copy", data)
    opened = lifecycle.unlock_store(data_dir=DataDir(data), passphrase=PASSPHRASE, actor="t")
    assert opened.read_only
    yield opened
    if not opened.locked:
        opened.lock()


def test_older_copy_banner_refuses_edits_and_is_accepted(qtbot, older: Store) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(UiSession(older, today=lambda: TODAY))
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.move(20, 20)
    window.show()
    focus_window(window)
    banner = window.older_copy_banner
    wait_until(lambda: banner.isVisible() and window.today_page.isVisible(), message="banner")
    settle(0.6)
    shot("01-older-copy-banner")
    missing = lifecycle.copy_state(store=older).changes_missing
    assert f"lacks {missing} changes made after it" in banner.text.text()
    top = banner.mapTo(window, banner.rect().topLeft()).y()
    assert top <= window.menuBar().height() + 4, "the banner is at the top of the window"
    assert banner.accept_button.isVisible() and banner.keep_button.isVisible()

    refused: list[str] = []

    def read_refusal(box: QDialog) -> None:
        assert isinstance(box, QMessageBox)
        refused.append(box.text())
        shot("02-new-intake-refused")
        xdotool_key("Return")

    when_modal(QMessageBox, read_refusal)
    xdotool_key("ctrl+n")
    wait_until(lambda: bool(refused), timeout=10, message="the refusal")
    assert "older copy" in refused[0] and "nothing was saved" in refused[0]

    explained: list[str] = []

    def read_explanation(box: QDialog) -> None:
        assert isinstance(box, QMessageBox)
        explained.append(box.informativeText())
        shot("03-keep-read-only")
        xdotool_click_at(button(box, "Keep read-only"))

    when_modal(QMessageBox, read_explanation)
    xdotool_click_at(banner.keep_button)
    wait_until(lambda: bool(explained), timeout=10, message="the explanation")
    assert "Restore from backup" in explained[0]
    assert older.read_only and banner.isVisible()

    said: list[str] = []

    def read_done(box: QDialog) -> None:
        assert isinstance(box, QMessageBox)
        said.append(box.text())
        shot("05-accepted")
        xdotool_key("Return")

    def type_passphrase(box: QDialog) -> None:
        assert isinstance(box, QInputDialog)
        said.append(box.labelText())
        shot("04-passphrase-again")
        xdotool_type(PASSPHRASE)
        xdotool_key("Return")
        when_modal(QMessageBox, read_done)

    when_modal(QInputDialog, type_passphrase)
    xdotool_click_at(banner.accept_button)
    wait_until(lambda: len(said) == 2, timeout=30, message="the acceptance")
    wait_until(lambda: not banner.isVisible(), message="the banner to go")
    settle(0.6)
    shot("06-read-write")
    assert f"lacks {missing} changes" in said[0] and "passphrase again" in said[0]
    assert "now the current ones" in said[1]
    assert not older.read_only
    with older.unit_of_work() as session:
        last = session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)).one()
        assert last.action == "accept_older_copy"
        assert last.changes["entries_missing"] == missing
    assert lifecycle.verify_audit(store=older).head_problem is None


@pytest.mark.skipif(not keys.keychain_available(), reason="needs a keychain (with-keyring-session)")
def test_a_gone_folder_offers_start_afresh_which_removes_the_old_key(tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    data = DataDir(tmp_path / "data")
    store = lifecycle.init_store(data_dir=data, passphrase=None, actor="t")
    old_id = store.meta.store_id
    store.lock()
    shutil.rmtree(data.root)
    steps: list[str] = []

    def kit_later(box: QDialog) -> None:
        assert isinstance(box, QMessageBox) and box.objectName() == "recoveryKitOffer"
        steps.append("kit")
        xdotool_click_at(button(box, "Later"))

    def create(dialog: QDialog) -> None:
        assert isinstance(dialog, FirstRunDialog)
        steps.append("first run")
        shot("13-first-run-again")
        xdotool_key("Return")  # the keychain, as offered
        when_modal(QMessageBox, kit_later)

    def confirm(box: QDialog) -> None:
        assert isinstance(box, QMessageBox) and box.objectName() == "startAfreshConfirm"
        steps.append(box.text() + " " + box.informativeText())
        shot("12-start-afresh-confirm")
        assert box.defaultButton() is not button(box, "Start afresh"), "Cancel is the default"
        xdotool_click_at(button(box, "Start afresh"))
        when_modal(FirstRunDialog, create)

    def gone(box: QDialog) -> None:
        assert isinstance(box, QMessageBox) and box.objectName() == "storeGoneMessage"
        steps.append(box.text())
        shot("11-store-gone")
        xdotool_click_at(button(box, "Start afresh…"))
        when_modal(QMessageBox, confirm)

    when_modal(QMessageBox, gone)
    new = StoreGate(data).obtain()
    assert new is not None
    try:
        assert "is gone" in steps[0] and "keychain still holds its key" in steps[0]
        assert "removed from this computer's keychain" in steps[1]
        assert steps[2:] == ["first run", "kit"]
        assert new.meta.store_id != old_id
        assert keys.load_from_keychain(old_id) is None, "the old key left the keychain"
    finally:
        new.lock()
        keys.remove_from_keychain(new.meta.store_id)
