"""'Who are you?': the staff member using this computer is chosen once (before the first staff
PDF or in Settings → Staff), kept outside the store, and named as "Prepared by" and in the
audit trail; never the computer's login."""

from __future__ import annotations

import getpass
import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from clinic.domain.drafts import CaseDraft, ClientDraft, StaffDraft
from clinic.domain.enums import ClaimType, StaffRole
from clinic.services import cases, clients, computer_user, history, lifecycle, staff
from clinic.storage.store import Store
from clinic.ui import computer_user_dialog, file_dialogs
from clinic.ui.case_view import CaseViewPage
from clinic.ui.computer_user_dialog import WhoAreYouDialog
from clinic.ui.pdf_preview import PdfPreviewDialog
from clinic.ui.session import UiSession
from clinic.ui.settings_page import SettingsPage

TODAY = date(2026, 12, 7)
PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    data_dir = lifecycle.resolve_data_dir(tmp_path / "d")
    opened = lifecycle.init_store(
        data_dir=data_dir, passphrase=PASSPHRASE, actor=lifecycle.default_actor()
    )
    for name in ("Ana Núñez", "Bo Li"):
        staff.add_staff(store=opened, staff=StaffDraft(name, StaffRole.PARALEGAL)).unwrap()
    yield opened
    if not opened.locked:
        opened.lock()


def test_the_default_actor_is_never_the_login() -> None:
    assert lifecycle.default_actor() != getpass.getuser()
    assert lifecycle.default_actor() == computer_user.UNCHOSEN_ACTOR


def test_before_the_first_pdf_clinic_asks_once_and_remembers(
    qtbot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    client = clients.intake_client(
        store=store, client=ClientDraft("Quispe", "Rosa"), today=TODAY
    ).unwrap()
    case_id = cases.open_case(
        store=store, client_id=client, case=CaseDraft(ClaimType.AFFIRMATIVE), today=TODAY
    ).unwrap()
    page = CaseViewPage(UiSession(store, today=lambda: TODAY))
    qtbot.addWidget(page)
    page.show()
    page.show_case(case_id)
    asked: list[str] = []

    def answer(dialog: WhoAreYouDialog) -> int:
        asked.append(dialog.windowTitle())
        assert dialog.combo.count() == 3  # "Choose your name", Ana, Bo
        dialog.accept()  # nobody chosen yet: refused with a message
        assert dialog.message.text()
        dialog.combo.setCurrentIndex(dialog.combo.findText("Bo Li"))
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(WhoAreYouDialog, "exec", answer)
    destination = tmp_path / "checklist.pdf"
    monkeypatch.setattr(QMessageBox, "warning", lambda *_a: QMessageBox.StandardButton.Ok)
    monkeypatch.setattr(
        file_dialogs.QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(destination), "")
    )
    monkeypatch.setattr(PdfPreviewDialog, "exec", lambda _d: QDialog.DialogCode.Accepted)
    page.tabs.setCurrentWidget(page.checklist)
    qtbot.mouseClick(page.checklist.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Saved" in page.checklist.status.text(), timeout=15000)
    assert asked == ["Who are you?"]
    text = " ".join(
        subprocess.run(
            ["pdftotext", str(destination), "-"], capture_output=True, text=True, check=True
        ).stdout.split()
    )
    assert "Prepared by Bo Li" in text and f"Prepared by {getpass.getuser()}" not in text
    # asked once: the next export goes straight to the warning
    destination.unlink()
    qtbot.mouseClick(page.checklist.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(destination.exists, timeout=15000)
    assert asked == ["Who are you?"]
    entries = history.case_trail(store=store, case_id=case_id)
    assert any(e.actor == "Bo Li" for e in entries)


def test_unlocking_again_acts_as_the_chosen_user(store: Store) -> None:
    bo = next(s for s in staff.list_staff(store=store) if s.name == "Bo Li")
    computer_user.choose(store, int(bo.id))
    data_dir = store.datadir
    store.lock()
    again = lifecycle.unlock_store(
        data_dir=data_dir, passphrase=PASSPHRASE, actor=lifecycle.default_actor()
    )
    try:
        assert again.actor == "Bo Li"
    finally:
        again.lock()


def test_settings_chooses_this_computers_user(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    page = SettingsPage(UiSession(store, today=lambda: TODAY))
    qtbot.addWidget(page)
    page.show()
    page.reload()
    combo = page.staff_list.me_combo
    assert combo.currentData() is None  # not chosen yet
    combo.setCurrentIndex(combo.findText("Ana Núñez"))
    combo.activated.emit(combo.currentIndex())
    assert computer_user.computer_user(store).name == "Ana Núñez"
    assert store.actor == "Ana Núñez"
    combo.setCurrentIndex(0)
    combo.activated.emit(0)
    assert computer_user.computer_user(store) is None


def test_the_dialog_adds_a_new_person_and_chooses_them(
    qtbot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    dialog = WhoAreYouDialog(UiSession(store, today=lambda: TODAY))
    qtbot.addWidget(dialog)

    def add(added: computer_user_dialog.AddStaffDialog) -> int:
        added.name.setText("Carmen Ruiz")
        added.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(computer_user_dialog.AddStaffDialog, "exec", add)
    dialog.add_button.click()
    assert dialog.combo.currentText() == "Carmen Ruiz"
    dialog.accept()
    assert computer_user.computer_user(store).name == "Carmen Ruiz"
