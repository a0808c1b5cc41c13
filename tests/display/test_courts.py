"""On a real display: the intake's strong conflict match opens the existing client on Enter and
saves a second record only after the ticked "different person" box (audited); the schedule
dialog takes the time zone from the court typed; an affirmative case is told to record the
referral and then gets court hearings; Settings lists stored hearings in another zone."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, time

import pytest
import shiboken6
from anyascii import anyascii
from harness import (
    focus_window,
    settle,
    shot,
    wait_until,
    xdotool_click_at,
    xdotool_key,
    xdotool_type,
)
from PySide6.QtCore import QDate, QPoint, QTimer
from PySide6.QtWidgets import QApplication, QCheckBox, QLineEdit, QMessageBox, QWidget
from sqlalchemy import select

from clinic.domain.drafts import HearingDraft
from clinic.domain.enums import ClaimType, HearingKind, Stage
from clinic.services import cases, courts, schedule, search
from clinic.storage.models import AuditEntry
from clinic.ui.case_view.hearing_dialogs import ScheduleHearingDialog
from clinic.ui.case_view.stage_dialogs import ReferralDialog
from clinic.ui.hearing_zone_review import HearingZoneReviewDialog
from clinic.ui.intake import IntakeDialog
from clinic.ui.intake.date_field import locale_date_format
from clinic.ui.intake.intake_dialog import CONFLICT_STEP

TODAY = date(2026, 12, 7)  # the display fixtures' "today" (tests/display/conftest.py)


@dataclass(frozen=True)
class Picks:
    """Cases of the demo data the tests need, found by what they are (not by their ids, which
    move whenever the demo learns a new kind of event)."""

    match_case: int  # a defensive case whose client has a birth date: the strong match
    match_client: int
    family: str  # typed as ASCII (the check forgives accents; xdotool types them unreliably)
    given: str
    born: date
    affirmative_case: int  # affirmative, in a stage a referral can be recorded from
    court_case: int  # defensive, before a court on the table
    court_name: str
    court_zone: str


@pytest.fixture
def picks(store) -> Picks:  # type: ignore[no-untyped-def]
    listed = search.list_cases(store=store, today=TODAY)
    views = [cases.get_case(store=store, case_id=s.id) for s in listed]
    match = next(
        v
        for v in views
        if v.claim_type is ClaimType.DEFENSIVE
        and v.client.date_of_birth is not None
        and v.client.given_name
    )
    affirmative = next(
        v
        for v in views
        if v.claim_type is ClaimType.AFFIRMATIVE
        and v.stage in (Stage.FILED, Stage.INTERVIEW, Stage.DECISION)
    )
    court = next(
        (v, forum)
        for v in views
        if v.claim_type is ClaimType.DEFENSIVE
        and (forum := courts.find_forum(v.forum_name)) is not None
        and forum.name == v.forum_name
        and forum.timezone != "America/Phoenix"
    )
    assert match.client.date_of_birth is not None
    return Picks(
        match_case=int(match.id),
        match_client=int(match.client.id),
        family=anyascii(match.client.family_name.split()[0]),
        given=anyascii(match.client.given_name.split()[0]),
        born=match.client.date_of_birth,
        affirmative_case=int(affirmative.id),
        court_case=int(court[0].id),
        court_name=court[1].name,
        court_zone=court[1].timezone,
    )


def later(action: Callable[[], None], delay_ms: int = 300) -> None:
    """Run ``action`` once a modal box's own event loop is running."""
    QTimer.singleShot(delay_ms, action)


def type_into(widget: QWidget, text: str) -> None:
    widget.setFocus()
    wait_until(widget.hasFocus, message=f"focus in {widget.objectName()}")
    xdotool_type(text)


def start_intake(window, family: str, given: str, born: date) -> IntakeDialog:  # type: ignore[no-untyped-def]
    dialog = IntakeDialog(window.session, window)
    dialog.open()
    focus_window(dialog)
    page = dialog.client_page
    type_into(page.family_name, family)
    type_into(page.given_name, given)
    field = page.date_of_birth
    line = field if isinstance(field, QLineEdit) else field.findChild(QLineEdit)
    shown = field.locale().toString(QDate(born), locale_date_format(field.locale()))
    type_into(line or field, shown)  # as this computer's locale shows dates
    xdotool_key("Tab")
    wait_until(lambda: field.value() == born, message="the birth date to read")
    dialog.case_page.claim_radios[ClaimType.DEFENSIVE].setChecked(True)
    type_into(dialog.case_page.forum_name, "Chicago Immigration Court")
    xdotool_key("ctrl+Return")  # every page checked, then the conflict check
    wait_until(lambda: dialog.current_step() == CONFLICT_STEP, message="the conflict step")
    wait_until(lambda: dialog.conflict_page.ready, timeout=15, message="the conflict check")
    settle(0.5)
    return dialog


def test_enter_on_a_strong_match_opens_the_existing_client(window, picks) -> None:  # type: ignore[no-untyped-def]
    dialog = start_intake(window, picks.family, picks.given, picks.born)
    page = dialog.conflict_page
    assert [round(r.match.score) for r in page.strong][:1] == [100]
    assert not dialog.save_button.isEnabled()
    assert QApplication.focusWidget() is page.default_open_button()
    shot("01-strong-match-default-open")

    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            later(answer, 100)
            return
        seen.append(box.text())
        settle(0.3)
        shot("02-open-existing-question")
        xdotool_key("Return")  # the default: open the existing client

    later(answer)
    xdotool_key("Return")
    wait_until(lambda: bool(seen), message="the question")
    wait_until(window.case_page.isVisible, message="the existing client's case")
    settle(0.5)
    shot("03-existing-case-opened")
    assert len(seen) == 1 and seen[0].startswith("Open ") and "close this intake" in seen[0]
    assert window.case_page.case is not None
    assert window.case_page.case.client.id == picks.match_client
    assert not shiboken6.isValid(dialog) or not dialog.isVisible()


def test_a_second_record_needs_the_ticked_box_and_is_audited(window, store, picks) -> None:  # type: ignore[no-untyped-def]
    dialog = start_intake(window, picks.family, picks.given, picks.born)
    xdotool_key("ctrl+Return")  # Ctrl+Enter saves only when saving is allowed
    settle(0.3)
    assert dialog.isVisible() and not dialog.save_button.isEnabled()
    box = dialog.findChild(QCheckBox, "conflictNotSamePerson0")
    xdotool_click_at(box, at=QPoint(8, box.height() // 2))
    wait_until(box.isChecked, message="the box to be ticked")
    wait_until(dialog.save_button.isEnabled, message="saving to be allowed")
    shot("01-different-person-ticked")
    xdotool_key("ctrl+Return")
    wait_until(lambda: not dialog.isVisible(), message="the intake to close")
    wait_until(window.case_page.isVisible, message="the new case")
    settle(0.5)
    shot("02-new-case-saved")
    with store.unit_of_work() as session:
        entries = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "not_same_person")
        ).all()
        assert [(e.actor, e.changes["match_score"][1]) for e in entries] == [
            ("display-test", 100.0)
        ]
        assert entries[0].changes["not_same_as_client"] == [None, picks.match_client]


def open_schedule_dialog(window, case_id: int) -> ScheduleHearingDialog:  # type: ignore[no-untyped-def]
    window.show_case(case_id)
    wait_until(window.case_page.isVisible, message="the case page")
    hearings = window.case_page.hearings
    window.case_page.tabs.setCurrentWidget(hearings)
    settle(0.3)
    xdotool_click_at(hearings.schedule_button)

    def found() -> ScheduleHearingDialog | None:
        return next(
            (
                w
                for w in QApplication.topLevelWidgets()
                if isinstance(w, ScheduleHearingDialog) and w.isVisible()
            ),
            None,
        )

    wait_until(lambda: found() is not None, message="the schedule dialog")
    dialog = found()
    assert dialog is not None
    focus_window(dialog)
    settle(0.3)
    return dialog


def test_the_hearing_zone_follows_the_court_typed(window, picks) -> None:  # type: ignore[no-untyped-def]
    dialog = open_schedule_dialog(window, picks.court_case)
    assert dialog.location.text() == picks.court_name
    assert dialog.timezone.currentText() == picks.court_zone
    shot("01-the-cases-court")
    line = dialog.location.lineEdit()
    line.setFocus()
    wait_until(line.hasFocus, message="the court field")
    xdotool_key("ctrl+a")
    xdotool_type("phoenix")
    popup = dialog.location.completer().popup()
    wait_until(popup.isVisible, message="the completion list")
    settle(0.3)
    shot("02-completion")
    xdotool_key("Down", "Return")
    wait_until(
        lambda: dialog.timezone.currentText() == "America/Phoenix", message="the Phoenix zone"
    )
    settle(0.3)
    shot("03-phoenix")
    assert dialog.location.text() == "Phoenix Immigration Court"
    assert "No daylight saving time" in dialog.place.zone_origin.text()
    dialog.discard()


def test_an_affirmative_case_records_the_referral_then_gets_court_hearings(window, picks) -> None:  # type: ignore[no-untyped-def]
    dialog = open_schedule_dialog(window, picks.affirmative_case)
    guidance = dialog.guidance
    assert guidance.box.isVisible() and guidance.refer_button.isVisible()
    assert HearingKind.MASTER_CALENDAR.value not in [
        dialog.kind.itemData(i) for i in range(dialog.kind.count())
    ]
    shot("01-affirmative-guidance")
    xdotool_click_at(guidance.refer_button)
    wait_until(
        lambda: (
            isinstance(guidance.referral_dialog, ReferralDialog)
            and guidance.referral_dialog.isVisible()
        ),
        message="the referral dialog",
    )
    referral = guidance.referral_dialog
    assert referral is not None
    focus_window(referral)
    type_into(referral.court.lineEdit(), "Harlingen Immigration Court")
    popup = referral.court.completer().popup()
    if popup.isVisible():
        xdotool_key("Escape")
    settle(0.3)
    shot("02-referral")
    xdotool_click_at(referral.save_button)
    wait_until(lambda: not guidance.box.isVisible(), message="the referral to be recorded")
    focus_window(dialog)
    settle(0.5)
    shot("03-court-hearings-after-referral")
    assert dialog.kind.currentData() == HearingKind.MASTER_CALENDAR.value
    assert dialog.timezone.currentText() == "America/Chicago"
    case = cases.get_case(store=window.session.store, case_id=picks.affirmative_case)
    assert case.claim_type is ClaimType.DEFENSIVE
    dialog.discard()


def test_settings_lists_a_stored_hearing_in_another_zone(window, store, picks) -> None:  # type: ignore[no-untyped-def]
    other = "Pacific/Honolulu" if picks.court_zone != "Pacific/Honolulu" else "America/New_York"
    draft = HearingDraft(
        HearingKind.MASTER_CALENDAR,
        date(2027, 1, 20),
        time(9),
        timezone=other,
        location=picks.court_name,
    )
    hearing_id = schedule.schedule_hearing(
        store=store, case_id=picks.court_case, hearing=draft
    ).unwrap()
    xdotool_key("ctrl+4")
    page = window.settings_page
    wait_until(page.isVisible, message="Settings")
    wait_until(page.zone_review.isVisible, message="the time zone notice")
    settle(0.3)
    shot("01-settings-notice")
    done: list[bool] = []

    def review() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, HearingZoneReviewDialog):
            later(review, 100)
            return
        dialog.table.selectRow(0)
        settle(0.3)
        shot("02-review-list")
        xdotool_click_at(dialog.use_court_button)
        wait_until(lambda: dialog.table.rowCount() == 0, message="the list to empty")
        shot("03-review-done")
        done.append(True)
        dialog.reject()

    later(review)
    xdotool_click_at(page.zone_review.button)
    wait_until(lambda: bool(done), message="the review")
    wait_until(lambda: not page.zone_review.isVisible(), message="the notice to go")
    zones = {m.hearing_id for m in courts.hearings_with_other_zone(store=store)}
    assert hearing_id not in zones
