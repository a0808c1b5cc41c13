"""The schedule-hearing dialog takes the time zone from the court or office picked (Phoenix,
Honolulu, San Juan...), else the clinic's default from Settings, else the computer's; stored
hearings in another zone than their court's are listed in Settings for staff to keep or correct."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, time
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from clinic.domain.drafts import CaseDraft, ClientDraft, HearingDraft
from clinic.domain.enums import ClaimType, HearingKind
from clinic.services import cases, clients, lifecycle, schedule, settings
from clinic.storage.models import Hearing
from clinic.storage.store import Store
from clinic.ui.case_view.hearing_dialogs import ScheduleHearingDialog
from clinic.ui.hearing_zone_review import Column, HearingZoneReviewDialog
from clinic.ui.session import UiSession
from clinic.ui.settings_page import SettingsPage
from clinic.ui.time_zones import system_zone

TODAY = date(2026, 12, 7)
OPENED = date(2026, 11, 2)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = lifecycle.init_store(
        data_dir=lifecycle.resolve_data_dir(tmp_path / "d"),
        passphrase="correct horse battery staple",
        actor="ana",
    )
    yield opened
    opened.lock()


OPEN: list[ScheduleHearingDialog] = []


@pytest.fixture
def session(store: Store) -> Iterator[UiSession]:
    yield UiSession(store, today=lambda: TODAY)
    while OPEN:
        dialog = OPEN.pop()
        if shiboken6.isValid(dialog):
            dialog.discard()


def new_case(store: Store, forum: str = "", claim: ClaimType = ClaimType.DEFENSIVE) -> int:
    client_id = clients.intake_client(
        store=store, client=ClientDraft("Reyes", "Ana"), today=TODAY
    ).unwrap()
    draft = CaseDraft(claim, opened_on=OPENED, forum_name=forum)
    return int(cases.open_case(store=store, client_id=client_id, case=draft, today=TODAY).unwrap())


def schedule_dialog(qtbot, session: UiSession, case_id: int) -> ScheduleHearingDialog:  # type: ignore[no-untyped-def]
    case = cases.get_case(store=session.store, case_id=case_id)  # type: ignore[arg-type]
    dialog = ScheduleHearingDialog(session, case)  # deletes itself on close
    OPEN.append(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def pick_court(qtbot, dialog: ScheduleHearingDialog, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type into the court field as staff do: select what is there, type over it."""
    line = dialog.location.lineEdit()
    line.setFocus()
    line.selectAll()
    qtbot.keyClick(line, Qt.Key.Key_Delete)
    qtbot.keyClicks(line, text)
    popup = dialog.location.completer().popup()
    if popup.isVisible():
        popup.hide()


def test_the_zone_follows_the_court_of_the_case_and_the_court_picked(qtbot, session, store) -> None:  # type: ignore[no-untyped-def]
    dialog = schedule_dialog(qtbot, session, new_case(store, "Phoenix Immigration Court"))
    assert dialog.location.text() == "Phoenix Immigration Court"
    assert dialog.timezone.currentText() == "America/Phoenix"
    origin = dialog.place.zone_origin.text()
    assert "Phoenix Immigration Court" in origin and "No daylight saving time" in origin

    pick_court(qtbot, dialog, "Honolulu Immigration Court")
    assert dialog.timezone.currentText() == "Pacific/Honolulu"
    pick_court(qtbot, dialog, "San Juan Immigration Court")
    assert dialog.timezone.currentText() == "America/Puerto_Rico"
    pick_court(qtbot, dialog, "Harlingen Immigration Court, courtroom 3")
    assert dialog.timezone.currentText() == "America/Chicago"
    assert "No daylight saving" not in dialog.place.zone_origin.text()

    dialog.kind.setCurrentIndex(dialog.kind.findData(HearingKind.MASTER_CALENDAR.value))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    with store.unit_of_work() as db:
        saved = db.scalars(select(Hearing)).one()
        assert (saved.location, saved.timezone) == (
            "Harlingen Immigration Court, courtroom 3",
            "America/Chicago",
        )


def test_the_completion_finds_a_court_by_any_part_of_its_name(qtbot, session, store) -> None:  # type: ignore[no-untyped-def]
    dialog = schedule_dialog(qtbot, session, new_case(store))
    line = dialog.location.lineEdit()
    line.setFocus()
    line.selectAll()
    qtbot.keyClick(line, Qt.Key.Key_Delete)
    qtbot.keyClicks(line, "phoen")
    completer = dialog.location.completer()
    assert completer.completionCount() == 1
    assert completer.currentCompletion() == "Phoenix Immigration Court"


def test_without_a_court_the_settings_zone_then_the_computers(qtbot, session, store) -> None:  # type: ignore[no-untyped-def]
    case_id = new_case(store)
    dialog = schedule_dialog(qtbot, session, case_id)
    assert dialog.timezone.currentText() == system_zone()
    assert "This computer's time zone" in dialog.place.zone_origin.text()
    dialog.discard()

    current = settings.get_settings(store=store)
    settings.update_settings(
        store=store, settings=replace(current, default_timezone="America/Denver")
    ).unwrap()
    dialog = schedule_dialog(qtbot, session, case_id)
    assert dialog.timezone.currentText() == "America/Denver"
    assert "default time zone (Settings)" in dialog.place.zone_origin.text()
    pick_court(qtbot, dialog, "Detroit Immigration Court")
    assert dialog.timezone.currentText() == "America/Detroit"
    pick_court(qtbot, dialog, "Room 4, 2nd floor")
    assert dialog.timezone.currentText() == "America/Denver"


def stored_hearing(store: Store, case_id: int, zone: str) -> int:
    draft = HearingDraft(HearingKind.MASTER_CALENDAR, date(2027, 2, 10), time(9), timezone=zone)
    return int(schedule.schedule_hearing(store=store, case_id=case_id, hearing=draft).unwrap())  # type: ignore[arg-type]


def zone_of(store: Store, hearing_id: int) -> str:
    with store.unit_of_work() as db:
        return db.get(Hearing, hearing_id).timezone  # type: ignore[union-attr]


def test_settings_lists_stored_hearings_in_another_zone_and_staff_decide(
    qtbot, session, store
) -> None:  # type: ignore[no-untyped-def]
    phoenix = new_case(store, "Phoenix Immigration Court")
    first = stored_hearing(store, phoenix, "America/New_York")
    second = stored_hearing(store, phoenix, "America/New_York")
    page = SettingsPage(session)
    qtbot.addWidget(page)
    page.reload()
    page.show()
    qtbot.waitExposed(page)
    notice = page.zone_review
    assert notice.isVisible()
    assert notice.text.text() == (
        "Upcoming hearings with a time zone other than their court's: 2. Review them."
    )
    assert zone_of(store, first) == zone_of(store, second) == "America/New_York"  # kept

    dialog = HearingZoneReviewDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.table.rowCount() == 2
    assert dialog.table.item(0, Column.STORED).text() == "America/New_York"
    assert dialog.table.item(0, Column.COURT_ZONE).text() == "America/Phoenix"
    assert dialog.table.item(0, Column.COURT).text() == "Phoenix Immigration Court"
    assert not dialog.keep_button.isEnabled()  # nothing selected, nothing changes

    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.use_court_button, Qt.MouseButton.LeftButton)
    assert zone_of(store, first) == "America/Phoenix"
    assert dialog.table.rowCount() == 1
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.keep_button, Qt.MouseButton.LeftButton)
    assert zone_of(store, second) == "America/New_York"  # confirmed as it is
    assert dialog.empty.isVisibleTo(dialog) and dialog.table.rowCount() == 0
    notice.refresh()
    assert not notice.isVisible()


def test_settings_accepts_an_empty_default_zone_meaning_the_computers(
    qtbot, session, store
) -> None:  # type: ignore[no-untyped-def]
    page = SettingsPage(session)
    qtbot.addWidget(page)
    page.reload()
    page.show()
    qtbot.waitExposed(page)
    assert page.timezone.currentText() == ""
    assert page.timezone.lineEdit().placeholderText() == f"This computer's: {system_zone()}"
    page.clinic_name.setText("Border Legal Clinic")
    assert page.save()
    assert settings.get_settings(store=store).default_timezone == ""
    assert QApplication.instance() is not None
