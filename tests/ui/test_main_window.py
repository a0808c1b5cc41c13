"""The window as a user meets it: create the store, unlock, search as you type, lock."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialogButtonBox

from clinic.domain.drafts import CaseDraft, ClientDraft
from clinic.domain.enums import ClaimType
from clinic.services import cases, clients, lifecycle
from clinic.ui.case_table_model import PAGE_SIZE, Column
from clinic.ui.main_window import MainWindow
from clinic.ui.passphrase_dialogs import FirstRunDialog, UnlockDialog

PASSPHRASE = "correct horse battery staple"
TODAY = date(2026, 11, 28)


@pytest.fixture
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    data_dir = lifecycle.resolve_data_dir(tmp_path / "data")
    store = lifecycle.init_store(data_dir=data_dir, passphrase=PASSPHRASE, actor="ui-test")
    yield store
    store.lock()


def add_case(store, family: str, given: str, a_number: str = "") -> None:  # type: ignore[no-untyped-def]
    client_id = clients.intake_client(
        store=store, client=ClientDraft(family, given, a_number=a_number), today=TODAY
    ).unwrap()
    cases.open_case(
        store=store, client_id=client_id, case=CaseDraft(ClaimType.DEFENSIVE), today=TODAY
    ).unwrap()


def test_search_as_you_type_filters_by_accentless_name_and_a_number(qtbot, store) -> None:  # type: ignore[no-untyped-def]
    add_case(store, "Núñez", "José", "A-201-000-001")
    add_case(store, "Смирнов", "Алексей", "A-201-000-002")
    window = MainWindow(store, today=lambda: TODAY)
    qtbot.addWidget(window)
    assert window.model.rowCount() == 2
    assert window.windowTitle() == "Clinic"
    qtbot.keyClicks(window.search_field, "nunez")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    assert window.model.index(0, Column.CLIENT).data() == "NÚÑEZ, José"
    window.search_field.clear()
    qtbot.keyClicks(window.search_field, "201-000-002")
    qtbot.waitUntil(lambda: window.model.index(0, Column.A_NUMBER).data() == "A-201-000-002")
    assert window.model.rowCount() == 1
    window.search_field.clear()
    qtbot.keyClicks(window.search_field, "nobody like this")
    qtbot.waitUntil(lambda: window.model.rowCount() == 0)
    assert window.empty_state.isVisibleTo(window)
    assert "No case matches" in window.empty_state.text()


def test_selecting_a_row_shows_the_case_summary(qtbot, store) -> None:  # type: ignore[no-untyped-def]
    add_case(store, "García López", "María", "A-201-000-003")
    window = MainWindow(store, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.table.selectRow(0)
    assert "GARCÍA LÓPEZ, María" in window.detail.toPlainText()
    assert "A-201-000-003" in window.detail.toPlainText()


def test_rows_load_lazily_in_pages(qtbot, store) -> None:  # type: ignore[no-untyped-def]
    for index in range(PAGE_SIZE + 5):
        add_case(store, f"Family{index:04d}", "Given")
    window = MainWindow(store, today=lambda: TODAY)
    qtbot.addWidget(window)
    assert window.model.rowCount() == PAGE_SIZE
    assert window.model.canFetchMore()
    window.model.fetchMore()
    assert window.model.rowCount() == PAGE_SIZE + 5
    assert not window.model.canFetchMore()


def test_lock_clears_every_view_of_client_data(qtbot, store) -> None:  # type: ignore[no-untyped-def]
    add_case(store, "Núñez", "José")
    window = MainWindow(store, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.table.selectRow(0)
    lock = window.findChild(QAction, "lockAction")
    assert lock.shortcut().toString() == "Ctrl+L"
    with qtbot.waitSignal(window.lock_requested, timeout=1000):
        lock.trigger()
    window.clear_client_data()
    assert window.model.rowCount() == 0
    assert window.detail.toPlainText() == ""


def test_first_run_dialog_refuses_weak_or_mismatched_passphrases(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = FirstRunDialog(keychain_available=False)
    qtbot.addWidget(dialog)
    assert dialog.use_passphrase.isChecked() and not dialog.use_passphrase.isEnabled()
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.keyClicks(dialog.passphrase, "short")
    ok.click()
    assert "at least 10" in dialog.message.text()
    assert dialog.result() == 0
    dialog.passphrase.setText(PASSPHRASE)
    dialog.confirm.setText(PASSPHRASE + "x")
    ok.click()
    assert "differ" in dialog.message.text()
    dialog.confirm.setText(PASSPHRASE)
    ok.click()
    assert dialog.result() == 1
    assert dialog.chosen_passphrase() == PASSPHRASE


def test_unlock_dialog_shows_the_error_and_keeps_focus_for_a_retry(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = UnlockDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.passphrase, "wrong")
    dialog.show_error("The passphrase is not correct.")
    assert dialog.message.text() == "The passphrase is not correct."
    assert dialog.passphrase.selectedText() == "wrong"
