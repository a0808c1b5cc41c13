"""Exports from the window: the Cases page's list with a filter applied goes to the CSV the
user chose (rows match the filter); the calendar's full-names option warns; the funder report
saves from its dialog."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from clinic.domain.drafts import CaseDraft, ClientDraft, HearingDraft
from clinic.domain.enums import ClaimType, HearingKind
from clinic.domain.ids import CaseId
from clinic.services import cases, clients, lifecycle, schedule
from clinic.services.exports import ics
from clinic.storage.store import Store
from clinic.ui.cases_page import CasesPage
from clinic.ui.export_dialogs import (
    CalendarExportDialog,
    CalendarExporter,
    CaseBundleActions,
    FunderReportExporter,
)
from clinic.ui.session import UiSession

PASSPHRASE = "correct horse battery staple"
TODAY = date(2026, 11, 28)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    data_dir = lifecycle.resolve_data_dir(tmp_path / "data")
    opened = lifecycle.init_store(data_dir=data_dir, passphrase=PASSPHRASE, actor="ui-test")
    yield opened
    opened.lock()


def add_case(store: Store, family: str, given: str, claim: ClaimType) -> None:
    client_id = clients.intake_client(
        store=store, client=ClientDraft(family, given), today=TODAY
    ).unwrap()
    cases.open_case(store=store, client_id=client_id, case=CaseDraft(claim), today=TODAY).unwrap()


@pytest.fixture
def chosen(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> dict[str, object]:
    """Stand-ins for the modal boxes: OK on the warning, this file in the save dialog."""
    answers: dict[str, object] = {"path": tmp_path / "out" / "cases.csv", "warned": 0}
    (tmp_path / "out").mkdir()

    def warning(*_args: object) -> QMessageBox.StandardButton:
        answers["warned"] = int(answers["warned"]) + 1  # type: ignore[call-overload]
        return QMessageBox.StandardButton.Ok

    def save_name(*args: object) -> tuple[str, str]:
        answers["filters"] = args[3]
        return str(answers["path"]), "CSV, for any spreadsheet (*.csv)"

    monkeypatch.setattr(QMessageBox, "warning", warning)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    return answers


def test_export_list_from_the_cases_page_writes_only_the_filtered_rows(  # type: ignore[no-untyped-def]
    qtbot, store: Store, chosen: dict[str, object]
) -> None:
    add_case(store, "Núñez", "José", ClaimType.DEFENSIVE)
    add_case(store, "Okafor", "Chidi", ClaimType.AFFIRMATIVE)
    add_case(store, "Ødegaard", "Åse", ClaimType.DEFENSIVE)
    page = CasesPage(UiSession(store, today=lambda: TODAY))
    qtbot.addWidget(page)
    page.reload()
    page.claim_filter.setCurrentIndex(page.claim_filter.findData(ClaimType.DEFENSIVE))
    assert page.model.rowCount() == 2
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    saver = page.list_exporter.saver
    qtbot.waitUntil(
        lambda: saver.last_destination is not None or "not" in saver.last_message, timeout=10000
    )
    out = Path(str(chosen["path"]))
    assert chosen["warned"] == 1 and "*.xlsx" in str(chosen["filters"])
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads the diacritics right
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [r[1] for r in rows[1:]] == ["NÚÑEZ, José", "ØDEGAARD, Åse"]
    assert {r[3] for r in rows[1:]} == {"defensive"}
    assert "2 case" in saver.last_message


def test_calendar_full_names_checkbox_shows_its_warning(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = CalendarExportDialog(TODAY, ["Ana Ruiz"])
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.full_names.isChecked() and not dialog.warning.isVisible()
    dialog.full_names.setChecked(True)
    assert dialog.warning.isVisible() and "A-number" in dialog.warning.text()
    dialog.paralegal_combo.setCurrentIndex(1)
    assert dialog.calendar_filter().paralegal == "Ana Ruiz"
    assert dialog.calendar_filter().start == TODAY


def test_funder_report_saves_where_chosen(  # type: ignore[no-untyped-def]
    qtbot, store: Store, chosen: dict[str, object], tmp_path: Path
) -> None:
    add_case(store, "Núñez", "José", ClaimType.DEFENSIVE)
    chosen["path"] = tmp_path / "out" / "funder.csv"

    host = QWidget()
    qtbot.addWidget(host)
    exporter = FunderReportExporter(UiSession(store, today=lambda: TODAY), host)
    assert exporter.save(2026)
    qtbot.waitUntil(lambda: exporter.saver.last_destination is not None, timeout=10000)
    text = Path(str(chosen["path"])).read_text("utf-8-sig")
    assert "Claim type" in text and "Núñez" not in text and "NÚÑEZ" not in text
    assert chosen["warned"] == 0  # counts only: no unencrypted-data warning needed


def test_calendar_export_from_the_window_writes_initials_only(  # type: ignore[no-untyped-def]
    qtbot, store: Store, chosen: dict[str, object], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_case(store, "Núñez", "José", ClaimType.DEFENSIVE)
    schedule.schedule_hearing(
        store=store,
        case_id=CaseId(1),
        hearing=HearingDraft(HearingKind.MASTER_CALENDAR, TODAY + timedelta(days=20), time(9, 0)),
    ).unwrap()
    chosen["path"] = tmp_path / "out" / "hearings"  # no extension typed: the filter's is added
    host = QWidget()
    qtbot.addWidget(host)
    exporter = CalendarExporter(UiSession(store, today=lambda: TODAY), host)
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a: (str(chosen["path"]), "iCalendar (*.ics)")
    )
    assert exporter.save(ics.CalendarFilter(start=TODAY), full_names=False)
    qtbot.waitUntil(lambda: exporter.saver.last_destination is not None, timeout=10000)
    saved = tmp_path / "out" / "hearings.ics"
    text = saved.read_text("utf-8")
    assert text.startswith("BEGIN:VCALENDAR") and "Núñez" not in text and "NÚÑEZ" not in text
    assert chosen["warned"] == 1
    assert "SUMMARY:J.N. — master calendar hearing — case #1" in text


def test_case_file_export_and_import_with_the_duplicate_question(  # type: ignore[no-untyped-def]
    qtbot, store: Store, chosen: dict[str, object], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_case(store, "Núñez", "José", ClaimType.DEFENSIVE)
    chosen["path"] = tmp_path / "out" / "case-1.cliniccase"
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        lambda *a: (str(chosen["path"]), "Clinic case file (*.cliniccase)"),
    )
    host = QWidget()
    qtbot.addWidget(host)
    session = UiSession(store, today=lambda: TODAY)
    published: list[object] = []
    session.changed.connect(published.append)
    actions = CaseBundleActions(session, host, lambda: 1)
    assert actions.save(1, "a long enough passphrase", with_files=False)
    qtbot.waitUntil(lambda: actions.saver.last_destination is not None, timeout=10000)
    bundle = Path(str(chosen["path"]))
    assert (
        bundle.read_bytes().startswith(b"PK") and b"N\xc3\xba\xc3\xb1ez" not in bundle.read_bytes()
    )

    # Importing into the same store finds the same client; the user picks "Add to client 1".
    asked: list[str] = []

    def answer(box: QMessageBox) -> int:
        asked.append(box.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    monkeypatch.setattr(
        QMessageBox,
        "clickedButton",
        lambda self: next(b for b in self.buttons() if b.text().startswith("Add to client")),
    )
    assert actions.run_import(bundle, "a long enough passphrase")
    qtbot.waitUntil(lambda: "case(s) (2) with" in actions.importer.last_message, timeout=10000)
    assert cases.get_case(store=store, case_id=CaseId(2)).client.id == 1
    # the question speaks of the buttons, not of command-line options
    assert asked and "client 1" in asked[0] and "--" not in asked[0]
    assert published  # every open page refreshes
