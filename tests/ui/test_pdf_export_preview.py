"""A staff PDF is shown before the save dialog: Save… saves exactly the pages that were shown,
Cancel saves nothing, and locking closes the preview (it shows a client's PDF)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from clinic.domain.drafts import CaseDraft, ClientDraft, StaffDraft
from clinic.domain.enums import ClaimType, StaffRole
from clinic.services import cases, clients, computer_user, lifecycle, staff
from clinic.storage.store import Store
from clinic.ui import file_dialogs
from clinic.ui.case_view import CaseViewPage
from clinic.ui.pdf_preview import PdfPreviewDialog
from clinic.ui.session import UiSession

TODAY = date(2026, 3, 2)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    data_dir = lifecycle.resolve_data_dir(tmp_path / "d")
    store = lifecycle.init_store(data_dir=data_dir, passphrase="correct horse battery", actor="t")
    me = staff.add_staff(store=store, staff=StaffDraft("Ana Núñez", StaffRole.PARALEGAL))
    computer_user.choose(store, me.unwrap())  # who prepares the PDFs (asked once otherwise)
    yield store
    store.lock()


@pytest.fixture
def page(qtbot, store: Store) -> CaseViewPage:  # type: ignore[no-untyped-def]
    client = clients.intake_client(
        store=store, client=ClientDraft("Núñez Peña", "Ana"), today=TODAY
    ).unwrap()
    case_id = cases.open_case(
        store=store, client_id=client, case=CaseDraft(ClaimType.DEFENSIVE), today=TODAY
    ).unwrap()
    page = CaseViewPage(UiSession(store, today=lambda: TODAY))
    qtbot.addWidget(page)
    page.show()
    page.show_case(case_id)
    return page


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """OK to the warning; the save dialog is recorded (and answers nothing unless set)."""
    steps: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda *_a: steps.append("warning") or QMessageBox.StandardButton.Ok
    )
    return steps


def test_save_writes_the_very_pdf_that_was_shown(
    qtbot, page: CaseViewPage, asked: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    shown: list[bytes] = []

    def preview(dialog: PdfPreviewDialog) -> int:
        shown.append(dialog._pdf)
        asked.append(f"preview {dialog.page_number.text()}")
        return QDialog.DialogCode.Accepted

    destination = tmp_path / "summary.pdf"

    def save_name(*_args):  # type: ignore[no-untyped-def]
        asked.append("file dialog")
        return str(destination), ""

    monkeypatch.setattr(PdfPreviewDialog, "exec", preview)
    monkeypatch.setattr(file_dialogs.QFileDialog, "getSaveFileName", staticmethod(save_name))
    saver = page.summary_export.saver
    assert page.summary_export.export()
    qtbot.waitUntil(lambda: str(destination) in saver.last_message, timeout=15000)
    assert asked[0] == "warning" and asked[1].startswith("preview Page 1 of ")
    assert asked[2] == "file dialog"
    assert destination.read_bytes() == shown[0]


def test_cancel_in_the_preview_saves_nothing(
    qtbot, page: CaseViewPage, asked: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(PdfPreviewDialog, "exec", lambda _d: QDialog.DialogCode.Rejected)
    monkeypatch.setattr(
        file_dialogs.QFileDialog,
        "getSaveFileName",
        staticmethod(lambda *_a: asked.append("file dialog") or ("", "")),
    )
    saver = page.summary_export.saver
    assert page.summary_export.export()
    qtbot.waitUntil(lambda: not saver.busy, timeout=15000)
    assert asked == ["warning"]  # never asked where
    assert saver.last_message == ""


def test_locking_closes_the_preview(
    qtbot, page: CaseViewPage, asked: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(
        file_dialogs.QFileDialog,
        "getSaveFileName",
        staticmethod(lambda *_a: asked.append("file dialog") or ("", "")),
    )
    saver = page.summary_export.saver
    seen: list[bool] = []

    def lock_when_shown() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PdfPreviewDialog):
            QTimer.singleShot(20, lock_when_shown)
            return
        seen.append(dialog.isVisible())
        page.session.locked.emit()  # what the idle lock does

    assert page.summary_export.export()
    QTimer.singleShot(0, lock_when_shown)
    qtbot.waitUntil(lambda: bool(seen) and not saver.busy, timeout=15000)
    assert seen == [True]
    assert asked == ["warning"]
    assert not any(
        isinstance(w, PdfPreviewDialog) and w.isVisible() for w in QApplication.topLevelWidgets()
    )
