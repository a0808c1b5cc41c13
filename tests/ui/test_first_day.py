"""A new clinic's first day: the first start reaches the window (no crash at the recovery-kit
offer), Today's start list ticks each step as the store records it, empty lists say what to do,
and the Help menu answers the first questions."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QTableWidget

from clinic.domain.drafts import CaseDraft, ClientDraft, StaffDraft
from clinic.domain.enums import ClaimType, StaffRole
from clinic.services import cases, clients, computer_user, lifecycle, recovery, settings, staff
from clinic.services.first_steps import Step, start_list
from clinic.storage.store import Store
from clinic.ui.application import StoreGate
from clinic.ui.help_menu import DataFolderDialog, ShortcutsDialog, about_html, shortcut_rows
from clinic.ui.intake.case_page import CasePage
from clinic.ui.main_window import MainWindow
from clinic.ui.passphrase_dialogs import FirstRunDialog
from clinic.ui.session import UiSession

PASSPHRASE = "correct horse battery staple"
TODAY = date(2026, 12, 7)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    data_dir = lifecycle.resolve_data_dir(tmp_path / "data")
    opened = lifecycle.init_store(data_dir=data_dir, passphrase=PASSPHRASE, actor="ui-test")
    yield opened
    if not opened.locked:
        opened.lock()


def answer_next_box(button_text: str) -> None:
    """Press ``button_text`` in the next message box that opens (it is modal: use a timer)."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, press)
            return
        for button in box.buttons():
            if button.text().replace("&", "") == button_text:
                button.click()
                return
        raise AssertionError(f"no {button_text!r} in {[b.text() for b in box.buttons()]}")

    QTimer.singleShot(0, press)


def test_first_start_offers_the_recovery_kit_and_reaches_the_store(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_keyring: None
) -> None:  # type: ignore[no-untyped-def]
    """Wave 1 crashed here with AttributeError: Later, after the store was made."""
    offers: list[str] = []

    def first_run_exec(dialog: FirstRunDialog) -> int:
        dialog.passphrase.setText(PASSPHRASE)
        dialog.confirm.setText(PASSPHRASE)
        dialog._accept_if_valid()
        return dialog.result()

    monkeypatch.setattr(FirstRunDialog, "exec", first_run_exec)
    original_exec = QMessageBox.exec

    def offer_exec(box: QMessageBox) -> int:
        offers.append(box.windowTitle())
        later = [b for b in box.buttons() if b.text() == "Later"]
        assert later, [b.text() for b in box.buttons()]
        assert box.defaultButton() is not later[0]
        QTimer.singleShot(0, later[0].click)
        return int(original_exec(box))

    monkeypatch.setattr(QMessageBox, "exec", offer_exec)
    data_dir = lifecycle.resolve_data_dir(tmp_path / "fresh")
    store = StoreGate(data_dir).obtain()
    assert store is not None and not store.locked
    assert offers == ["Print the recovery kit"]
    store.lock()


def test_the_start_list_ticks_each_step_from_the_store(qtbot, store: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    session = UiSession(store, today=lambda: TODAY)
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    panel = window.today_page.start_list
    qtbot.waitUntil(panel.isVisible)
    assert start_list(store=store).done == frozenset()
    assert all(button.isVisible() for button in panel.buttons.values())
    assert panel.progress.text() == "Five steps to start."

    current = settings.get_settings(store=store)
    changed = settings.update_settings(
        store=store,
        settings=settings.ClinicSettings(
            **{
                **current.to_json(),
                "clinic_name": "Riverside Clinic",
                "letterhead": "1 Main St",
                "backup_folder": str(tmp_path),
            }
        ),
    )
    assert changed.ok, changed.problems
    session.publish(changed.changes)
    qtbot.waitUntil(lambda: not panel.buttons[Step.CLINIC_NAME].isVisible())
    assert not panel.buttons[Step.BACKUP_FOLDER].isVisible()
    assert panel.progress.text() == "2 of 5 steps done."

    added = staff.add_staff(store=store, staff=StaffDraft("Rosa Villanueva", StaffRole.PARALEGAL))
    session.publish(added.changes)
    assert not start_list(store=store).is_done(Step.STAFF)  # staff, but who uses this computer?
    computer_user.choose(store, int(added.unwrap()))
    session.publish(added.changes)
    qtbot.waitUntil(lambda: not panel.buttons[Step.STAFF].isVisible())
    recovery.save_recovery_kit(store=store, destination=tmp_path / "kit.pdf")
    assert start_list(store=store).is_done(Step.RECOVERY_KIT)
    client = clients.intake_client(store=store, client=ClientDraft("Núñez", "José"), today=TODAY)
    cases.open_case(
        store=store, client_id=client.unwrap(), case=CaseDraft(ClaimType.DEFENSIVE), today=TODAY
    )
    session.publish(client.changes)
    qtbot.waitUntil(lambda: not panel.isVisible())
    assert start_list(store=store).complete


def test_start_list_buttons_take_the_person_there(
    qtbot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    opened: list[str] = []
    monkeypatch.setattr(
        "clinic.ui.main_window.IntakeDialog.exec", lambda self: opened.append("intake") or 0
    )
    window = MainWindow(UiSession(store, today=lambda: TODAY))
    qtbot.addWidget(window)
    window.show()
    panel = window.today_page.start_list
    qtbot.waitUntil(panel.isVisible)
    panel.buttons[Step.FIRST_INTAKE].click()
    assert opened == ["intake"]
    panel.buttons[Step.CLINIC_NAME].click()
    assert window.stack.currentWidget() is window.settings_page
    assert window.settings_page.clinic_name.hasFocus() or QApplication.focusWidget() is None
    window.show_page(window.today_page)
    qtbot.waitUntil(panel.isVisible)
    panel.hide_button.click()
    assert not panel.isVisible()
    window.today_page.reload()
    assert not panel.isVisible()  # not back until the next start


def test_intake_with_no_staff_says_where_to_add_them(qtbot) -> None:  # type: ignore[no-untyped-def]
    page = CasePage(lambda: TODAY)
    qtbot.addWidget(page)
    page.set_staff([])
    assert page.paralegal.itemText(0) == "No paralegals yet (Settings → Staff)"
    assert page.attorney.itemText(0) == "No attorneys yet (Settings → Staff)"
    assert "Add staff in Settings" in page.attorney.toolTip()
    assert page.paralegal.value() is None


def test_help_menu_lists_shortcuts_versions_and_the_data_folder(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    session = UiSession(store, today=lambda: TODAY)
    window = MainWindow(session)
    qtbot.addWidget(window)
    rows = dict(shortcut_rows(window))
    assert rows["New intake"] == "Ctrl+N"
    assert rows["Lock"] == "Ctrl+L"
    assert rows["Keyboard shortcuts"] == "F1"
    assert rows["Today"] == "Ctrl+1" and rows["Calendar: Today"] == "Ctrl+T"
    dialog = ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    table = dialog.findChild(QTableWidget)
    assert table.rowCount() == len(rows) >= 10
    html = about_html(session)
    assert "SQLCipher" in html and "PySide6" in html and "Clinic 0." in html
    names = [a.objectName() for a in window.findChildren(QAction)]
    assert {"shortcutsAction", "dataFolderAction", "aboutAction"} <= set(names)
    folder = DataFolderDialog(session, window)
    qtbot.addWidget(folder)
    path = folder.findChild(QLabel, "dataFolderPath")
    assert path.text() == str(store.datadir.root)
