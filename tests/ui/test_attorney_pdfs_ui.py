"""Saving the case summary from the case page and the hearing docket from the Calendar page:
warn (unencrypted), ask where, build in the background, say where it went."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from datetime import date, time, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMessageBox

from clinic.domain.drafts import CaseDraft, ClientDraft, HearingDraft, StaffDraft
from clinic.domain.enums import ClaimType, HearingKind, StaffRole
from clinic.domain.ids import CaseId
from clinic.services import cases, clients, computer_user, lifecycle, schedule, staff
from clinic.storage.store import Store
from clinic.ui import docket_dialog, file_dialogs
from clinic.ui.calendar_page import CalendarPage
from clinic.ui.case_view import CaseViewPage
from clinic.ui.main_window import MainWindow
from clinic.ui.pdf_preview import PdfPreviewDialog
from clinic.ui.session import UiSession

TODAY = date(2026, 3, 2)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    data_dir = lifecycle.resolve_data_dir(tmp_path / "d")
    opened = lifecycle.init_store(
        data_dir=data_dir, passphrase="correct horse battery staple", actor="paralegal"
    )
    me = staff.add_staff(store=opened, staff=StaffDraft("Ana Núñez", StaffRole.PARALEGAL))
    computer_user.choose(opened, me.unwrap())  # who prepares the PDFs (asked once otherwise)
    yield opened
    opened.lock()


def new_case(store: Store) -> CaseId:
    client = clients.intake_client(
        store=store, client=ClientDraft("Núñez Peña", "Алексей"), today=TODAY
    ).unwrap()
    case_id = cases.open_case(
        store=store,
        client_id=client,
        case=CaseDraft(ClaimType.DEFENSIVE, forum_name="Court", opened_on=date(2026, 1, 5)),
        today=TODAY,
    ).unwrap()
    schedule.schedule_hearing(
        store=store,
        case_id=case_id,
        hearing=HearingDraft(
            HearingKind.MASTER_CALENDAR, TODAY + timedelta(days=2), time(9), location="Court"
        ),
    ).unwrap()
    return case_id


def answer_dialogs(monkeypatch: pytest.MonkeyPatch, destination: Path, steps: list[str]) -> None:
    """OK to the warning, Save… in the preview (after noting its page count), the file name."""

    def warning(_parent, title, text, *_args):  # type: ignore[no-untyped-def]
        steps.append(f"warning: {title}")
        return QMessageBox.StandardButton.Ok

    def preview(dialog: PdfPreviewDialog) -> int:
        steps.append(f"preview: {dialog.page_number.text()}")
        return QDialog.DialogCode.Accepted

    def save_name(_parent, _caption, suggested, *_args):  # type: ignore[no-untyped-def]
        steps.append(f"file dialog: {Path(suggested).name}")
        return str(destination), ""

    monkeypatch.setattr(QMessageBox, "warning", warning)
    monkeypatch.setattr(PdfPreviewDialog, "exec", preview)
    monkeypatch.setattr(file_dialogs.QFileDialog, "getSaveFileName", save_name)


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_case_summary_export_from_the_case_page(
    qtbot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    page = CaseViewPage(UiSession(store, today=lambda: TODAY))
    qtbot.addWidget(page)
    page.show()
    page.show_case(new_case(store))
    button = page.summary_export.button
    assert button.isVisible() and button.accessibleName()
    assert page.summary_export.action.shortcut().toString() == "Ctrl+Shift+E"
    destination = tmp_path / "chosen.pdf"
    steps: list[str] = []
    answer_dialogs(monkeypatch, destination, steps)

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    saver = page.summary_export.saver
    qtbot.waitUntil(lambda: str(destination) in saver.last_message, timeout=15000)

    pages = len(PdfReader(destination).pages)
    assert steps == [
        "warning: Save an unencrypted PDF?",
        f"preview: Page 1 of {pages}",  # seen before the save dialog
        "file dialog: case-summary-1.pdf",
    ]
    assert "Saved an unencrypted PDF to" in saver.last_message
    text = pdf_text(destination)
    assert "NÚÑEZ PEÑA, Алексей" in text and "Page 1 of" in text
    assert "Prepared by Ana Núñez" in " ".join(text.split())
    qtbot.waitUntil(button.isEnabled, timeout=5000)

    # again into the same file: the save dialog asked before replacing it (Qt confirms), so
    # it is replaced; it used to be refused after the user had said yes
    destination.write_bytes(b"old copy")
    saver.last_message = ""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: str(destination) in saver.last_message, timeout=15000)
    assert destination.read_bytes().startswith(b"%PDF")
    assert steps[-1] == "file dialog: case-summary-1.pdf"


def test_hearing_docket_from_the_calendar_page(
    qtbot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    new_case(store)
    page = CalendarPage(UiSession(store, today=lambda: TODAY))
    qtbot.addWidget(page)
    page.show()
    dialog = page.docket.ask()
    qtbot.addWidget(dialog)
    assert (dialog.start, dialog.end) == (TODAY, TODAY + timedelta(days=6))  # the coming week
    dialog.start_edit.set_value(dialog.end + timedelta(days=1))
    assert not dialog.ok_button.isEnabled()
    assert "after the last day" in dialog.problem.text()

    destination = tmp_path / "docket.pdf"
    steps: list[str] = []
    answer_dialogs(monkeypatch, destination, steps)
    monkeypatch.setattr(
        docket_dialog.DocketDialog, "exec", lambda _self: QDialog.DialogCode.Accepted
    )
    qtbot.mouseClick(page.docket_button, Qt.MouseButton.LeftButton)
    saver = page.docket.saver
    qtbot.waitUntil(lambda: str(destination) in saver.last_message, timeout=15000)
    assert steps[1].startswith("preview: Page 1 of ")
    assert steps[2] == "file dialog: hearing-docket-2026-03-02-to-2026-03-08.pdf"
    text = pdf_text(destination)
    assert "NÚÑEZ PEÑA, Алексей" in text and "Master calendar" in text


def test_file_menu_prints_the_docket_and_lock_forgets_the_message(
    qtbot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    session = UiSession(store, today=lambda: TODAY)
    window = MainWindow(session)
    qtbot.addWidget(window)
    action = window.findChild(QAction, "printDocketAction")
    assert action is not None and action.shortcut().toString() == "Ctrl+Shift+D"
    assert action in window.menuBar().actions()[0].menu().actions()
    asked: list[tuple[date, date]] = []

    def exec_dialog(dialog: docket_dialog.DocketDialog) -> int:
        asked.append((dialog.start, dialog.end))
        return QDialog.DialogCode.Rejected  # the user cancels: nothing else happens

    monkeypatch.setattr(docket_dialog.DocketDialog, "exec", exec_dialog)
    action.trigger()
    assert asked == [(TODAY, TODAY + timedelta(days=6))]
    saver = window.calendar_page.docket.saver
    saver.last_message = "Saved an unencrypted PDF to /media/usb/NUNEZ.pdf."
    window.statusBar().showMessage(saver.last_message)
    session.locked.emit()
    assert saver.last_message == "" and window.statusBar().currentMessage() == ""
