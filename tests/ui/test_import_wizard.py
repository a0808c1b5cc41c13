"""The import wizard as a paralegal uses it: choose the file, check the columns, read the dry
run's problems by row, import the valid rows, and find them stored."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QWizard

from clinic.domain.importing.dates import DateOrder
from clinic.domain.importing.headers import ImportField
from clinic.services import lifecycle
from clinic.storage.models import AuditEntry, Client, FamilyMember
from clinic.storage.store import Store, count_rows
from clinic.ui.import_wizard import ImportWizard
from clinic.ui.main_window import MainWindow
from clinic.ui.session import UiSession

TODAY = date(2026, 11, 28)
MESSY = Path(__file__).parents[1] / "services" / "data" / "messy-clients-cp1252.csv"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = lifecycle.init_store(
        data_dir=lifecycle.resolve_data_dir(tmp_path / "d"),
        passphrase="correct horse battery staple",
        actor="paralegal",
    )
    yield opened
    opened.lock()


@pytest.fixture
def session(store: Store) -> UiSession:
    return UiSession(store, today=lambda: TODAY)


@pytest.fixture
def wizard(qtbot, session: UiSession) -> ImportWizard:  # type: ignore[no-untyped-def]
    shown = ImportWizard(session)
    qtbot.addWidget(shown)
    shown.show()
    return shown


def choose_file(qtbot, wizard: ImportWizard, path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    qtbot.mouseClick(wizard.file_page.choose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(wizard.file_page.isComplete, timeout=10_000)


def click(qtbot, wizard: ImportWizard, button: QWizard.WizardButton) -> None:  # type: ignore[no-untyped-def]
    assert wizard.button(button).isEnabled()
    qtbot.mouseClick(wizard.button(button), Qt.MouseButton.LeftButton)


def problems(wizard: ImportWizard) -> list[tuple[str, str]]:
    table = wizard.report_page.table
    return [(table.item(r, 0).text(), table.item(r, 2).text()) for r in range(table.rowCount())]


def test_messy_spreadsheet_through_to_the_import(  # type: ignore[no-untyped-def]
    qtbot, wizard: ImportWizard, store: Store, session: UiSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    choose_file(qtbot, wizard, MESSY, monkeypatch)
    assert "Read 8 rows and 12 columns" in wizard.file_page.status.text()
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    page = wizard.mapping_page
    assert wizard.currentPage() is page
    assert page.mapping()[2] is ImportField.A_NUMBER  # "A#" matched itself
    assert page.table.item(2, 0).text() == "A#"
    assert "A 012-345-678" in page.table.item(2, 2).text()  # the preview shows the raw cells
    page.choose(11, None)  # ignore the notes column
    assert page.isComplete()
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    report = wizard.report_page
    qtbot.waitUntil(lambda: report.plan is not None, timeout=10_000)
    assert problems(wizard) == [
        ("6", "date of birth '31/02/1990' is not a real date"),
        (
            "7",
            "likely the same person as the client on row 2 (same A-number, same name, same date of birth)",
        ),
        ("9", "A-number 'A12-345': an A-number has 8 or 9 digits, e.g. A-123-456-789"),
    ]
    assert "5 rows can be imported" in report.summary.text()
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    assert not commit.isEnabled()  # invalid rows: nothing to import until the user chooses
    report.skip_box.setChecked(True)
    assert commit.isEnabled() and commit.text() == "Import 5 rows"
    assert count_rows(store, Client) == 0  # the dry run stored nothing
    with qtbot.waitSignal(session.changed, timeout=10_000):
        click(qtbot, wizard, QWizard.WizardButton.CommitButton)
    qtbot.waitUntil(lambda: wizard.done_page.finished_work, timeout=10_000)
    assert "Imported 5 rows: 4 clients, 1 family members" in wizard.done_page.message.text()
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    assert (count_rows(store, Client), count_rows(store, FamilyMember)) == (4, 1)
    with store.unit_of_work() as s:
        notes = [c.notes for c in s.query(Client)]
        imports = s.query(AuditEntry).filter(AuditEntry.action == "import").count()
    assert notes == ["", "", "", ""] and imports == 1


def test_mixed_date_orders_are_explained_without_command_line_options(  # type: ignore[no-untyped-def]
    qtbot, wizard: ImportWizard, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sheet = tmp_path / "mixed.csv"
    sheet.write_text("Last name,DOB\nSmith,25/03/1990\nJones,03/25/1991\n", encoding="utf-8")
    choose_file(qtbot, wizard, sheet, monkeypatch)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    text = wizard.mapping_page.problem.text()
    assert "25/03/1990" in text and "(day first or month first)" in text  # was "day first or mdy"
    assert "--" not in text and "mdy" not in text


def test_ambiguous_dates_need_a_choice_before_going_on(  # type: ignore[no-untyped-def]
    qtbot, wizard: ImportWizard, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, store: Store
) -> None:
    sheet = tmp_path / "us.csv"
    sheet.write_text("Last name,First name,DOB\nSmith,Ann,03/04/1990\n", encoding="utf-8")
    choose_file(qtbot, wizard, sheet, monkeypatch)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    page = wizard.mapping_page
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert "03/04/1990" in page.problem.text() and "month first" in page.problem.text()
    page.order_combo.setCurrentIndex(page.order_combo.findData(DateOrder.DMY.value))
    assert page.problem.text() == ""
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    qtbot.waitUntil(lambda: wizard.report_page.plan is not None, timeout=10_000)
    click(qtbot, wizard, QWizard.WizardButton.CommitButton)
    qtbot.waitUntil(lambda: wizard.done_page.finished_work, timeout=10_000)
    with store.unit_of_work() as s:
        assert [c.date_of_birth for c in s.query(Client)] == [date(1990, 4, 3)]


def test_unreadable_file_and_missing_family_name_are_explained(  # type: ignore[no-untyped-def]
    qtbot, wizard: ImportWizard, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not a workbook")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(broken), ""))
    qtbot.mouseClick(wizard.file_page.choose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: "Nothing was imported" in wizard.file_page.status.text(), timeout=10_000
    )
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    odd = tmp_path / "odd.csv"
    odd.write_text("Who,Born\nSmith,1990-01-02\n", encoding="utf-8")
    choose_file(qtbot, wizard, odd, monkeypatch)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    page = wizard.mapping_page
    assert "family name" in page.problem.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    page.choose(0, ImportField.FAMILY_NAME)
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_the_file_menu_opens_the_wizard(  # type: ignore[no-untyped-def]
    qtbot, session: UiSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = MainWindow(session)
    qtbot.addWidget(window)
    action = window.findChild(QAction, "importSpreadsheetAction")
    assert action is not None and action.text() == "Import spreadsheet…"
    assert action.shortcut().toString() == "Ctrl+Shift+I"
    opened: list[ImportWizard] = []
    monkeypatch.setattr(ImportWizard, "exec", lambda self: opened.append(self) or 0)
    action.trigger()
    assert len(opened) == 1 and opened[0].windowTitle() == "Import spreadsheet"


def test_xlsx_workbook_through_the_wizard(  # type: ignore[no-untyped-def]
    qtbot, wizard: ImportWizard, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, store: Store
) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Apellido", "Nombre", "A#", "Fecha de nacimiento"])
    sheet.append(["Quispe Mamani", "Rosalía", 12345678, datetime(1991, 7, 4)])
    path = tmp_path / "clients.xlsx"
    book.save(path)
    choose_file(qtbot, wizard, path, monkeypatch)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    qtbot.waitUntil(lambda: wizard.report_page.plan is not None, timeout=10_000)
    click(qtbot, wizard, QWizard.WizardButton.CommitButton)
    qtbot.waitUntil(lambda: wizard.done_page.finished_work, timeout=10_000)
    with store.unit_of_work() as s:
        (client,) = s.query(Client)
        assert (client.family_name, client.a_number, client.date_of_birth) == (
            "Quispe Mamani",
            "012345678",
            date(1991, 7, 4),
        )
