"""A strong match with an existing client at intake (the same name and birth date): the default
is to open the existing client, Enter never saves, and saving needs a ticked, audited "this is
a different person"."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QCheckBox, QDialog, QMessageBox
from sqlalchemy import select

from clinic.domain.drafts import CaseDraft, ClientDraft
from clinic.domain.enums import ClaimType
from clinic.services import cases, clients, lifecycle, search
from clinic.services.history import FieldChange, TrailEntry
from clinic.storage.models import AuditEntry
from clinic.storage.store import Store
from clinic.ui.case_view.history_words import trail_text
from clinic.ui.date_text import date_text
from clinic.ui.intake import IntakeDialog
from clinic.ui.intake.intake_dialog import CONFLICT_STEP
from clinic.ui.session import UiSession

TODAY = date(2026, 12, 7)
BORN = date(1991, 3, 14)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    data_dir = lifecycle.resolve_data_dir(tmp_path / "d")
    opened = lifecycle.init_store(
        data_dir=data_dir, passphrase="correct horse battery staple", actor="paralegal-ana"
    )
    yield opened
    opened.lock()


@pytest.fixture
def rosa(store: Store) -> tuple[int, int]:
    """An existing client with an affirmative case: (client id, case id)."""
    client_id = clients.intake_client(
        store=store,
        client=ClientDraft(
            "Mejía Flores", "Rosa Elena", a_number="A-212-345-678", date_of_birth=BORN
        ),
        today=TODAY,
    ).unwrap()
    case_id = cases.open_case(
        store=store,
        client_id=client_id,
        case=CaseDraft(ClaimType.AFFIRMATIVE, opened_on=TODAY, forum_name="Houston Asylum Office"),
        today=TODAY,
    ).unwrap()
    return int(client_id), int(case_id)


@pytest.fixture
def session(store: Store) -> UiSession:
    return UiSession(store, today=lambda: TODAY)


@pytest.fixture
def dialog(qtbot, session: UiSession) -> IntakeDialog:  # type: ignore[no-untyped-def]
    dialog = IntakeDialog(session)
    qtbot.addWidget(dialog, before_close_func=lambda widget: widget.discard())
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    return dialog


def reach_conflict_check(
    qtbot, dialog: IntakeDialog, family: str, given: str, born: date | None
) -> None:  # type: ignore[no-untyped-def]
    page = dialog.client_page
    qtbot.keyClicks(page.family_name, family)
    qtbot.keyClicks(page.given_name, given)
    if born is not None:
        edit = page.date_of_birth.edit
        edit.setFocus()
        qtbot.keyClicks(edit, date_text(born))  # as the window shows dates
    qtbot.keyClick(page.given_name, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    dialog.case_page.claim_radios[ClaimType.AFFIRMATIVE].setChecked(True)
    qtbot.keyClick(dialog.case_page.forum_name, Qt.Key.Key_Return)
    dialog.go_to(CONFLICT_STEP)
    assert dialog.current_step() == CONFLICT_STEP
    qtbot.waitUntil(lambda: dialog.conflict_page.ready, timeout=10_000)


def answer_question(name: str, seen: list[QMessageBox]) -> Callable[[], None]:
    """Click button ``name`` of the question box once it is up, remembering the box."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, click)
            return
        seen.append(box)
        box.findChild(QAbstractButton, name).click()

    return click


def not_same_entries(store: Store) -> list[AuditEntry]:
    with store.unit_of_work() as session:
        rows = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "not_same_person")
        ).all()
        session.expunge_all()
        return list(rows)


def rosas(store: Store) -> list[str]:
    return [hit.name for hit in search.search_clients(store=store, text="rosa mejia")]


def test_a_strong_match_defaults_to_opening_the_existing_clients_case(
    qtbot, store, rosa, session, dialog
) -> None:  # type: ignore[no-untyped-def]
    requested: list[int] = []
    session.case_requested.connect(requested.append)
    reach_conflict_check(qtbot, dialog, "Mejia", "Rosa", BORN)

    page = dialog.conflict_page
    assert [round(r.match.score) for r in page.strong] == [100]
    assert not dialog.save_button.isEnabled()
    open_button = page.default_open_button()
    assert open_button is not None
    assert open_button.text() == "Open MEJÍA FLORES, Rosa Elena's case"
    assert QApplication.focusWidget() is open_button
    assert page.strong_message.isVisibleTo(dialog)
    box = dialog.findChild(QCheckBox, "conflictNotSamePerson0")
    assert "MEJÍA FLORES, Rosa Elena (A-212-345-678)" in box.text()
    assert "“Rosa Mejia”" in box.text()

    seen: list[QMessageBox] = []
    QTimer.singleShot(0, answer_question("openExistingClient", seen))
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)

    assert seen and seen[0].defaultButton().objectName() == "openExistingClient"
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert requested == [rosa[1]]
    assert rosas(store) == ["MEJÍA FLORES, Rosa Elena"]  # nothing new was saved


def test_enter_on_a_strong_match_never_saves(qtbot, store, rosa, dialog) -> None:  # type: ignore[no-untyped-def]
    reach_conflict_check(qtbot, dialog, "Mejia", "Rosa", BORN)
    dialog.conflict_page.matches.setFocus()  # focus away from the buttons: the dialog's Enter
    seen: list[QMessageBox] = []
    QTimer.singleShot(0, answer_question("keepEditingIntake", seen))
    qtbot.keyClick(dialog.conflict_page.matches, Qt.Key.Key_Return)
    assert len(seen) == 1  # Enter asked to open the existing client; "Keep editing" stays
    assert dialog.isVisible()
    qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    dialog.save()  # even called directly: the button is disabled, nothing happens
    assert dialog.isVisible()
    assert rosas(store) == ["MEJÍA FLORES, Rosa Elena"]
    assert not_same_entries(store) == []


def test_saving_over_a_strong_match_needs_the_box_and_is_audited(
    qtbot, store, rosa, dialog
) -> None:  # type: ignore[no-untyped-def]
    reach_conflict_check(qtbot, dialog, "Mejia", "Rosa", BORN)
    box = dialog.findChild(QCheckBox, "conflictNotSamePerson0")
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert dialog.save_button.isEnabled()
    assert dialog.save_button.text().replace("&", "") == "Different person — save"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert sorted(rosas(store)) == ["MEJIA, Rosa", "MEJÍA FLORES, Rosa Elena"]
    new_client = next(
        h.id
        for h in search.search_clients(store=store, text="rosa mejia")
        if h.name == "MEJIA, Rosa"
    )
    [entry] = not_same_entries(store)
    assert entry.actor == "paralegal-ana"
    assert entry.entity == "client" and entry.entity_id == new_client
    assert entry.changes["not_same_as_client"] == [None, rosa[0]]
    assert entry.changes["match_score"] == [None, 100.0]
    assert entry.changes["match_reasons"] == [None, ["similar_name", "same_birth_date"]]


def test_a_weak_match_keeps_the_lighter_review(qtbot, store, rosa, dialog) -> None:  # type: ignore[no-untyped-def]
    reach_conflict_check(qtbot, dialog, "Flores", "Rosa", None)  # a name inside hers: 95 %
    page = dialog.conflict_page
    assert [round(r.match.score) for r in page.results[0].matches] == [95]
    assert page.strong == ()
    assert page.default_open_button() is None
    assert not page.strong_message.isVisibleTo(dialog)
    assert dialog.save_button.isEnabled()
    assert dialog.save_button.text().replace("&", "") == "No conflict — save"


def test_the_confirmation_reads_in_the_history_without_raw_keys(qapp) -> None:  # type: ignore[no-untyped-def]
    entry = TrailEntry(
        9,
        datetime(2026, 12, 7, 15, 0),
        "ana",
        "not_same_person",
        "client",
        2,
        "",
        (
            FieldChange("match_reasons", None, ["same_name"]),
            FieldChange("match_score", None, 100.0),
            FieldChange("not_same_as_client", None, 1),
        ),
    )
    assert trail_text(entry) == "confirmed not the same person as client #1 (100% match)"
