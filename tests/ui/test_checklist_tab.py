"""The Checklist tab as a paralegal uses it: the default template for the claim type, ticking an
item done or not applicable (a reason is required), and saving the PDF after a warning."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from clinic.domain.drafts import CaseDraft, ClientDraft, StaffDraft
from clinic.domain.enums import ChecklistState, ClaimType, StaffRole
from clinic.domain.ids import CaseId
from clinic.services import cases, checklists, clients, computer_user, lifecycle, staff
from clinic.storage.store import Store
from clinic.ui import file_dialogs
from clinic.ui.case_view import CaseViewPage
from clinic.ui.case_view.checklist_table_model import Column
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


@pytest.fixture
def page(qtbot, store: Store) -> CaseViewPage:  # type: ignore[no-untyped-def]
    shown = CaseViewPage(UiSession(store, today=lambda: TODAY))
    qtbot.addWidget(shown)
    shown.resize(1280, 800)
    shown.show()
    return shown


def new_case(store: Store, claim: ClaimType) -> CaseId:
    client = clients.intake_client(
        store=store, client=ClientDraft("Quispe Mamani", "Rosalía"), today=TODAY
    ).unwrap()
    draft = CaseDraft(
        claim_type=claim,
        forum_name="Court" if claim is ClaimType.DEFENSIVE else "",
        opened_on=date(2026, 1, 5),
    )
    return cases.open_case(store=store, client_id=client, case=draft, today=TODAY).unwrap()


def row_of(page: CaseViewPage, item_id: str) -> int:
    model = page.checklist.model
    return next(r for r in range(model.rowCount()) if model.row_at(r).entry.item.id == item_id)


def state_text(page: CaseViewPage, row: int) -> str:
    return str(page.checklist.model.index(row, Column.STATE).data())


def test_default_template_follows_the_claim_type(qtbot, store, page) -> None:  # type: ignore[no-untyped-def]
    page.show_case(new_case(store, ClaimType.AFFIRMATIVE))
    page.tabs.setCurrentWidget(page.checklist)
    tab = page.checklist
    assert tab.template_id == "i589-affirmative"
    assert "(default)" in tab.template_combo.currentText()
    assert "missing" in tab.summary.text()
    ids = {tab.model.row_at(r).entry.item.id for r in range(tab.model.rowCount())}
    assert "g28" not in ids  # not represented: no attorney on the case
    assert "eoir28" not in ids
    page.show_case(new_case(store, ClaimType.DEFENSIVE))
    assert tab.template_id == "i589-defensive"
    chosen = tab.template_combo.findData("individual-hearing-evidence")
    tab.template_combo.setCurrentIndex(chosen)
    tab.template_combo.activated.emit(chosen)
    assert tab.model.row_at(0).entry.item.id == "filing-deadline"


def test_tick_done_and_not_applicable_with_a_reason(qtbot, store, page) -> None:  # type: ignore[no-untyped-def]
    case_id = new_case(store, ClaimType.DEFENSIVE)
    page.show_case(case_id)
    page.tabs.setCurrentWidget(page.checklist)
    tab = page.checklist
    tab.table.selectRow(row_of(page, "evidence-packet"))
    qtbot.mouseClick(tab.done_button, Qt.MouseButton.LeftButton)
    assert state_text(page, row_of(page, "evidence-packet")) == "Done"
    tab.table.selectRow(row_of(page, "annual-asylum-fee"))
    qtbot.mouseClick(tab.na_button, Qt.MouseButton.LeftButton)
    assert tab.message.isVisible() and "why" in tab.message.text()
    assert state_text(page, row_of(page, "annual-asylum-fee")) == "Missing"
    qtbot.keyClicks(tab.reason_edit, "Fee paid by the prior counsel")
    qtbot.mouseClick(tab.na_button, Qt.MouseButton.LeftButton)
    assert not tab.message.isVisible()
    assert state_text(page, row_of(page, "annual-asylum-fee")) == "Not applicable"
    shown = checklists.case_checklist(store=store, case_id=case_id, today=TODAY)
    saved = {i.item.id: i for i in shown.checklist.items}
    assert saved["annual-asylum-fee"].manual.reason == "Fee paid by the prior counsel"  # type: ignore[union-attr]
    assert saved["evidence-packet"].state is ChecklistState.DONE
    tab.table.selectRow(row_of(page, "evidence-packet"))
    qtbot.mouseClick(tab.clear_button, Qt.MouseButton.LeftButton)
    assert state_text(page, row_of(page, "evidence-packet")) == "Missing"


def test_export_warns_then_asks_where_and_never_overwrites(
    qtbot, store, page, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    page.show_case(new_case(store, ClaimType.DEFENSIVE))
    tab = page.checklist
    steps: list[str] = []
    reply = {"warning": QMessageBox.StandardButton.Cancel}
    destination = tmp_path / "checklist.pdf"

    def warning(_parent, title, text, *_args):  # type: ignore[no-untyped-def]
        if title == "The PDF was not saved":
            steps.append("not saved")
            return QMessageBox.StandardButton.Ok
        steps.append("warning")
        assert "NOT encrypted" in text
        return reply["warning"]

    def preview(dialog: PdfPreviewDialog) -> int:
        steps.append(f"preview: {dialog.page_number.text()}")
        return QDialog.DialogCode.Accepted

    def save_name(_parent, _caption, suggested, *_args):  # type: ignore[no-untyped-def]
        steps.append("file dialog")
        assert "Quispe" not in suggested and "Rosal" not in suggested
        return str(destination), ""

    monkeypatch.setattr(QMessageBox, "warning", warning)
    monkeypatch.setattr(PdfPreviewDialog, "exec", preview)
    monkeypatch.setattr(file_dialogs.QFileDialog, "getSaveFileName", save_name)
    qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    assert steps == ["warning"] and not destination.exists()
    reply["warning"] = QMessageBox.StandardButton.Ok
    qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Saved" in tab.status.text(), timeout=10000)
    pages = len(PdfReader(destination).pages)
    assert steps == ["warning", "warning", f"preview: Page 1 of {pages}", "file dialog"]
    assert destination.read_bytes().startswith(b"%PDF")
    size = destination.stat().st_size
    qtbot.waitUntil(tab.export_button.isEnabled, timeout=5000)
    qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "already exists" in tab.status.text(), timeout=10000)
    assert destination.stat().st_size == size
    assert steps[-1] == "not saved"


def test_model_passes_the_model_tester(qtbot, qtmodeltester, store, page) -> None:  # type: ignore[no-untyped-def]
    page.show_case(new_case(store, ClaimType.DEFENSIVE))
    qtmodeltester.check(page.checklist.model, force_py=True)


def test_lock_forgets_the_checklist(qtbot, store, page) -> None:  # type: ignore[no-untyped-def]
    page.show_case(new_case(store, ClaimType.DEFENSIVE))
    page.clear()
    assert page.checklist.model.rowCount() == 0
    assert page.checklist.template_combo.count() == 0
    assert page.checklist.summary.text() == ""
