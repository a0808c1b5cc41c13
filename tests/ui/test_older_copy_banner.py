"""Issue 16 § 2 in the window: an older copy opens read-only under a plain-words banner.

The banner says how many changes are missing and offers the two ways on: keep working read-only
(how to restore the right backup), or accept this copy as current after the passphrase is typed
again, which the audit trail records. While read-only, editing is refused with a message, never
a traceback. (The real-display proof: tests/display/test_older_copy.py.)
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from clinic.services import lifecycle
from clinic.services.demo import fill_demo_data
from clinic.storage.datadir import DataDir
from clinic.storage.errors import OlderCopy
from clinic.storage.models import AuditEntry
from clinic.storage.store import Store
from clinic.ui import older_copy_banner
from clinic.ui.main_window import MainWindow
from clinic.ui.session import UiSession

PASSPHRASE = "correct horse battery staple"
TODAY = date(2026, 11, 2)


def make_older_copy(tmp_path: Path, *, added: int = 2) -> Path:
    """A store copied aside, ``added`` clients added, then the copy put back whole."""
    data = tmp_path / "data"
    store = lifecycle.init_store(data_dir=DataDir(data), passphrase=PASSPHRASE, actor="t")
    try:
        fill_demo_data(store=store, clients=2, seed=3, today=TODAY)
    finally:
        store.lock()
    copy = tmp_path / "copy"
    shutil.copytree(data, copy)
    store = lifecycle.unlock_store(data_dir=DataDir(data), passphrase=PASSPHRASE, actor="t")
    try:
        fill_demo_data(store=store, clients=added, seed=9, today=TODAY)
    finally:
        store.lock()
    shutil.rmtree(data)
    shutil.copytree(copy, data)
    return data


@pytest.fixture
def older(tmp_path: Path) -> Iterator[Store]:
    data = make_older_copy(tmp_path)
    store = lifecycle.unlock_store(data_dir=DataDir(data), passphrase=PASSPHRASE, actor="t")
    assert store.read_only
    yield store
    if not store.locked:
        store.lock()


class Said:
    """Message boxes and input dialogs answered as a person would, and what they said."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, typed: list[tuple[str, bool]]) -> None:
        self.messages: list[tuple[str, str]] = []
        self.typed = typed
        self.labels: list[str] = []

        def message(kind: str) -> Any:
            def show(_parent: object, title: str, text: str, *_a: object, **_k: object) -> Any:
                self.messages.append((kind, f"{title}: {text}"))
                return QMessageBox.StandardButton.Yes

            return show

        for kind in ("information", "warning", "question", "critical"):
            monkeypatch.setattr(QMessageBox, kind, message(kind))

        def ask(_banner: object, label: str) -> str | None:
            self.labels.append(label)
            text, ok = self.typed.pop(0)
            return text if ok else None

        monkeypatch.setattr(older_copy_banner.OlderCopyBanner, "ask_passphrase", ask)


def test_the_banner_says_how_many_changes_are_missing(qtbot, older: Store) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(UiSession(older, today=lambda: TODAY))
    qtbot.addWidget(window)
    window.show()
    banner = window.older_copy_banner
    assert banner.isVisible()
    state = lifecycle.copy_state(store=older)
    assert state.changes_missing > 0
    text = banner.text.text()
    assert "older copy" in text and f"lacks {state.changes_missing} change" in text, text
    assert "read-only" in text
    assert banner.accept_button.text() == "Accept this copy as current…"


def test_a_current_store_shows_no_banner(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = lifecycle.init_store(
        data_dir=DataDir(tmp_path / "data"), passphrase=PASSPHRASE, actor="t"
    )
    try:
        window = MainWindow(UiSession(store, today=lambda: TODAY))
        qtbot.addWidget(window)
        window.show()
        assert not window.older_copy_banner.isVisible()
    finally:
        store.lock()


def test_editing_an_older_copy_is_refused_in_plain_words(
    qtbot, older: Store, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    said = Said(monkeypatch, [])
    window = MainWindow(UiSession(older, today=lambda: TODAY))
    qtbot.addWidget(window)
    window.new_intake()  # refused before anything is typed
    window.import_spreadsheet()
    assert len(said.messages) == 2
    assert all("older copy" in text and "nothing was saved" in text for _k, text in said.messages)
    # A save refused by the store in any slot reaches the person as words, not a traceback.
    assert sys.excepthook is older_copy_banner._refusal_hook
    error = older.older_copy_error()
    sys.excepthook(OlderCopy, error, None)
    kind, text = said.messages[-1]
    assert kind == "warning" and "clinic accept-copy" not in text and "older copy" in text


def test_accepting_asks_for_the_passphrase_and_is_audited(
    qtbot, older: Store, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    said = Said(monkeypatch, [("wrong passphrase here", True), (PASSPHRASE, True)])
    session = UiSession(older, today=lambda: TODAY)
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    banner = window.older_copy_banner
    missing = lifecycle.copy_state(store=older).changes_missing
    banner.accept_copy()
    qtbot.waitUntil(lambda: banner._job is None, timeout=20_000)
    assert older.read_only and banner.isVisible()
    assert "not correct" in said.messages[-1][1]
    assert f"lacks {missing} change" in said.labels[0]
    with qtbot.waitSignal(banner.became_current, timeout=20_000):
        banner.accept_copy()
    assert not older.read_only and not banner.isVisible()
    assert "now the current ones" in said.messages[-1][1]
    with older.unit_of_work() as s:
        entry = s.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)).one()
        assert entry.action == "accept_older_copy"
        assert entry.changes["reason"] == older_copy_banner.ACCEPT_REASON
        assert entry.changes["entries_missing"] == missing
    assert lifecycle.verify_audit(store=older).head_problem is None
    said.messages.clear()
    assert not older_copy_banner.refuse_if_read_only(session, window)
    assert said.messages == []


def test_keep_read_only_explains_and_offers_the_restore(
    qtbot, older: Store, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(UiSession(older, today=lambda: TODAY))
    qtbot.addWidget(window)
    asked: list[object] = []
    monkeypatch.setattr(window.store_actions, "restore", asked.append)

    def choose_restore(box: QMessageBox) -> int:
        assert "Restore from backup" in box.informativeText()
        restore = next(b for b in box.buttons() if b.text() == "Restore from backup…")
        box.setProperty("chosen", True)
        restore.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", choose_restore)
    window.older_copy_banner.keep_read_only()
    assert len(asked) == 1
