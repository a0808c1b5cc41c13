"""An affirmative case's schedule dialog says why there is no master calendar hearing and offers
the referral; once recorded, court hearings can be scheduled in the same dialog."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from clinic.domain.drafts import CaseDraft, ClientDraft
from clinic.domain.enums import ClaimType, HearingKind, Stage
from clinic.services import cases, clients, lifecycle
from clinic.storage.models import Hearing
from clinic.storage.store import Store
from clinic.ui.case_view.hearing_dialogs import ScheduleHearingDialog
from clinic.ui.case_view.stage_dialogs import ReferralDialog
from clinic.ui.session import UiSession

TODAY = date(2026, 12, 7)
OPENED = date(2026, 3, 2)
OPEN: list[ScheduleHearingDialog] = []


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = lifecycle.init_store(
        data_dir=lifecycle.resolve_data_dir(tmp_path / "d"),
        passphrase="correct horse battery staple",
        actor="ana",
    )
    yield opened
    opened.lock()


@pytest.fixture
def session(store: Store) -> Iterator[UiSession]:
    yield UiSession(store, today=lambda: TODAY)
    while OPEN:
        dialog = OPEN.pop()
        if shiboken6.isValid(dialog):
            dialog.discard()


def affirmative_case(store: Store, stages: tuple[Stage, ...]) -> int:
    client_id = clients.intake_client(
        store=store, client=ClientDraft("Mejía Flores", "Rosa Elena"), today=TODAY
    ).unwrap()
    draft = CaseDraft(ClaimType.AFFIRMATIVE, opened_on=OPENED, forum_name="Houston Asylum Office")
    case_id = cases.open_case(store=store, client_id=client_id, case=draft, today=TODAY).unwrap()
    for stage in stages:
        cases.change_stage(store=store, case_id=case_id, stage=stage, on=OPENED).unwrap()
    return int(case_id)


def open_dialog(qtbot, session: UiSession, case_id: int) -> ScheduleHearingDialog:  # type: ignore[no-untyped-def]
    dialog = ScheduleHearingDialog(session, cases.get_case(store=session.store, case_id=case_id))  # type: ignore[arg-type]
    OPEN.append(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def kinds(dialog: ScheduleHearingDialog) -> list[str]:
    return [dialog.kind.itemData(i) for i in range(dialog.kind.count())]


def test_an_affirmative_case_is_told_why_and_the_referral_brings_court_hearings(
    qtbot, session, store
) -> None:  # type: ignore[no-untyped-def]
    case_id = affirmative_case(store, (Stage.PREPARING, Stage.FILED, Stage.INTERVIEW))
    dialog = open_dialog(qtbot, session, case_id)
    guidance = dialog.guidance
    assert HearingKind.MASTER_CALENDAR.value not in kinds(dialog)
    assert guidance.box.isVisible()
    text = guidance.text.text()
    assert text.startswith("This case is affirmative")
    assert "Notice to Appear" in text and "record the referral first" in text
    assert guidance.refer_button.isVisible()
    assert dialog.timezone.currentText() == "America/Chicago"  # Houston Asylum Office

    qtbot.mouseClick(guidance.refer_button, Qt.MouseButton.LeftButton)
    referral = guidance.referral_dialog
    assert isinstance(referral, ReferralDialog)
    qtbot.waitUntil(referral.isVisible)
    qtbot.keyClicks(referral.court, "Phoenix Immigration Court")
    qtbot.mouseClick(referral.save_button, Qt.MouseButton.LeftButton)

    case = cases.get_case(store=store, case_id=case_id)  # type: ignore[arg-type]
    assert case.claim_type is ClaimType.DEFENSIVE and case.stage is Stage.HEARINGS
    assert kinds(dialog)[0] == HearingKind.MASTER_CALENDAR.value
    assert dialog.kind.currentData() == HearingKind.MASTER_CALENDAR.value
    assert not guidance.box.isVisible()
    assert dialog.location.text() == "Phoenix Immigration Court"
    assert dialog.timezone.currentText() == "America/Phoenix"  # the court on the NTA

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    with store.unit_of_work() as db:
        saved = db.scalars(select(Hearing)).one()
        assert (saved.kind, saved.timezone) == (HearingKind.MASTER_CALENDAR, "America/Phoenix")


def test_before_filing_it_explains_that_no_referral_can_be_recorded_yet(
    qtbot, session, store
) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, session, affirmative_case(store, ()))
    text = dialog.guidance.text.text()
    assert "once the application is filed" in text
    assert "this case is at Intake" in text
    assert "ask the attorney" in text
    assert not dialog.guidance.refer_button.isVisible()


def test_a_defensive_case_shows_no_guidance(qtbot, session, store) -> None:  # type: ignore[no-untyped-def]
    client_id = clients.intake_client(
        store=store, client=ClientDraft("Reyes", "Ana"), today=TODAY
    ).unwrap()
    draft = CaseDraft(ClaimType.DEFENSIVE, opened_on=OPENED)
    case_id = cases.open_case(store=store, client_id=client_id, case=draft, today=TODAY).unwrap()
    dialog = open_dialog(qtbot, session, int(case_id))
    assert not dialog.guidance.box.isVisible()
    assert HearingKind.MASTER_CALENDAR.value in kinds(dialog)
    assert QApplication.instance() is not None
