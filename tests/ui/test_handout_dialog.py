"""The case page's "Client handout…" action: a small dialog (kind, language, layout, and the
appointment's facts), then warn, ask where, build in the background, and say where it went."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QDialog, QMessageBox

from clinic.domain.drafts import CaseDraft, ClientDraft, HearingDraft
from clinic.domain.enums import ClaimType, HearingKind
from clinic.domain.ids import CaseId
from clinic.services import cases, clients, handouts, lifecycle, schedule, settings
from clinic.storage.store import Store
from clinic.ui import file_dialogs, handout_dialog
from clinic.ui.case_view import CaseViewPage
from clinic.ui.handout_dialog import HandoutDialog
from clinic.ui.pdf_preview import PdfPreviewDialog
from clinic.ui.session import UiSession
from clinic.ui.settings_page import SettingsPage

TODAY = date(2026, 3, 2)  # a Monday


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    data_dir = lifecycle.resolve_data_dir(tmp_path / "d")
    opened = lifecycle.init_store(
        data_dir=data_dir, passphrase="correct horse battery staple", actor="paralegal"
    )
    yield opened
    opened.lock()


def new_case(store: Store, *, hearing: bool = True) -> CaseId:
    client = clients.intake_client(
        store=store, client=ClientDraft("Núñez Peña", "Iñaki"), today=TODAY
    ).unwrap()
    case_id = cases.open_case(
        store=store,
        client_id=client,
        case=CaseDraft(ClaimType.DEFENSIVE, forum_name="Court", opened_on=date(2026, 1, 5)),
        today=TODAY,
    ).unwrap()
    if hearing:
        schedule.schedule_hearing(
            store=store,
            case_id=case_id,
            hearing=HearingDraft(
                HearingKind.MASTER_CALENDAR,
                TODAY + timedelta(days=2),
                time(9),
                location="Houston Immigration Court",
                address="600 Jefferson St, Houston, TX",
            ),
        ).unwrap()
    return case_id


def answer(
    monkeypatch: pytest.MonkeyPatch,
    destination: Path,
    steps: list[str],
    fill: object = None,
) -> None:
    def warning(_parent, title, _text, *_args):  # type: ignore[no-untyped-def]
        steps.append(f"warning: {title}")
        return QMessageBox.StandardButton.Ok

    def save_name(_parent, _caption, suggested, *_args):  # type: ignore[no-untyped-def]
        steps.append(f"file dialog: {Path(suggested).name}")
        return str(destination), ""

    def run_dialog(dialog: HandoutDialog) -> int:
        steps.append("handout dialog")
        if callable(fill):
            fill(dialog)
        return QDialog.DialogCode.Accepted.value

    def preview(dialog: PdfPreviewDialog) -> int:
        steps.append(f"preview: {dialog.page_number.text()}")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QMessageBox, "warning", warning)
    monkeypatch.setattr(file_dialogs.QFileDialog, "getSaveFileName", save_name)
    monkeypatch.setattr(HandoutDialog, "exec", run_dialog)
    monkeypatch.setattr(PdfPreviewDialog, "exec", preview)


def words(path: Path) -> str:
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return " ".join(text.split())


def test_dialog_fields_follow_the_kind_and_language(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = HandoutDialog(layout_setting="sequential")
    qtbot.addWidget(dialog)
    dialog.show()
    for widget in (dialog.kind, dialog.language, dialog.layout_box, dialog.at, dialog.where):
        assert widget.objectName() and widget.accessibleName()
    assert dialog.layout_box.currentData() == "sequential"  # the clinic's setting
    assert dialog.layout_box.isVisible() and not dialog.at.isVisible()
    dialog.language.setCurrentIndex(dialog.language.findData("es"))
    assert not dialog.layout_box.isVisible()
    dialog.kind.setCurrentIndex(dialog.kind.findData("appointment-slip"))
    assert dialog.at.isVisible() and dialog.with_whom.isVisible() and dialog.where.isVisible()
    dialog.at.set_value(datetime(2026, 3, 5, 14, 30))
    dialog.with_whom.setText("  Ana Gómez ")
    dialog.where.setText("Oficina 2")
    assert dialog.choice() == (
        "appointment-slip",
        ("es",),
        "sequential",
        handouts.Appointment(datetime(2026, 3, 5, 14, 30), "Ana Gómez", "Oficina 2"),
    )


def test_hearing_reminder_from_the_case_page(
    qtbot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    page = CaseViewPage(UiSession(store, today=lambda: TODAY))
    qtbot.addWidget(page)
    page.show()
    page.show_case(new_case(store))
    button = page.handout_export.button
    assert button.isVisible() and button.accessibleName()
    assert page.handout_export.action.shortcut().toString() == handout_dialog.SHORTCUT
    destination = tmp_path / "chosen.pdf"
    steps: list[str] = []
    answer(monkeypatch, destination, steps)
    assert page.handout_export.export()
    qtbot.waitUntil(lambda: not page.handout_export.saver.busy, timeout=20000)
    assert steps == [
        "handout dialog",
        "warning: Save an unencrypted PDF?",
        f"preview: Page 1 of {len(PdfReader(destination).pages)}",
        "file dialog: handout-hearing-reminder-en+es-case-1.pdf",
    ]
    text = words(destination)
    assert "Wednesday, March 4, 2026 at 9:00 AM" in text
    assert "miércoles, 4 de marzo de 2026 a las 9:00 a. m." in text
    assert "600 Jefferson St, Houston, TX" in text
    assert str(destination) in page.handout_export.saver.last_message


def test_missing_hearing_is_explained_and_nothing_written(
    qtbot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    page = CaseViewPage(UiSession(store, today=lambda: TODAY))
    qtbot.addWidget(page)
    page.show_case(new_case(store, hearing=False))
    destination = tmp_path / "none.pdf"
    steps: list[str] = []
    answer(monkeypatch, destination, steps)
    assert page.handout_export.export()
    qtbot.waitUntil(lambda: not page.handout_export.saver.busy, timeout=20000)
    assert "no upcoming master calendar or individual hearing" in (
        page.handout_export.saver.last_message
    )
    assert not destination.exists()
    assert steps == [  # nothing to show, never asked where
        "handout dialog",
        "warning: Save an unencrypted PDF?",
        "warning: The PDF was not saved",
    ]


def test_cancelled_dialog_does_nothing(
    qtbot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    page = CaseViewPage(UiSession(store, today=lambda: TODAY))
    qtbot.addWidget(page)
    page.show_case(new_case(store))
    monkeypatch.setattr(HandoutDialog, "exec", lambda _self: QDialog.DialogCode.Rejected.value)
    assert not page.handout_export.export()
    assert not page.handout_export.saver.busy


def test_settings_page_keeps_the_clinic_layout_choice(
    qtbot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    settings_page = SettingsPage(UiSession(store, today=lambda: TODAY))
    qtbot.addWidget(settings_page)
    settings_page.show()
    settings_page.reload()
    combo = settings_page.handout_layout
    assert combo.accessibleName() and combo.currentData() == "side-by-side"
    combo.setCurrentIndex(combo.findData("sequential"))
    assert settings_page.has_unsaved_changes()
    assert settings_page.save()
    assert settings.get_settings(store=store).handout_layout == "sequential"
    page = CaseViewPage(UiSession(store, today=lambda: TODAY))
    qtbot.addWidget(page)
    page.show_case(new_case(store))
    seen: list[str] = []

    def run_dialog(dialog: HandoutDialog) -> int:
        seen.append(str(dialog.layout_box.currentData()))
        return QDialog.DialogCode.Rejected.value

    monkeypatch.setattr(HandoutDialog, "exec", run_dialog)
    page.handout_export.export()
    assert seen == ["sequential"]
