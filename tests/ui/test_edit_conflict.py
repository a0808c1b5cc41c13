"""A save over a colleague's newer change (issue 21, working together): the client dialog stays
open with what was typed, shows their change beside it (field | when you opened it | saved since,
by whom and when | yours), and offers Keep theirs (the dialog filled again with the record as it
is now) or Save mine over theirs (saved and audited; their other changes stay)."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from clinic.domain.drafts import CaseDraft, ClientDraft, HearingDraft
from clinic.domain.enums import ClaimType, HearingKind
from clinic.services import cases, clients, lifecycle, schedule
from clinic.storage.store import Store
from clinic.ui.case_view import CaseViewPage
from clinic.ui.case_view.client_dialogs import EditClientDialog
from clinic.ui.case_view.hearing_dialogs import ChangeHearingDialog
from clinic.ui.session import UiSession

PASSPHRASE = "correct horse battery staple"
TODAY = date(2026, 3, 2)
CLIENT = ClientDraft("Quispe Mamani", "Rosalía", a_number="A123456789", phone="555-0100")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    data_dir = lifecycle.resolve_data_dir(tmp_path / "d")
    store = lifecycle.init_store(data_dir=data_dir, passphrase=PASSPHRASE, actor="paula")
    yield store
    store.lock()


@pytest.fixture
def page(qtbot, store: Store) -> CaseViewPage:  # type: ignore[no-untyped-def]
    page = CaseViewPage(UiSession(store, today=lambda: TODAY))
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    client_id = clients.intake_client(store=store, client=CLIENT, today=TODAY).unwrap()
    case_id = cases.open_case(
        store=store, client_id=client_id, case=CaseDraft(ClaimType.DEFENSIVE), today=TODAY
    ).unwrap()
    page.show_case(case_id)
    return page


def _maria_saves(store: Store, client_id: int, **changes: object) -> None:
    maria = copy.copy(store)
    maria.actor = "maria"
    clients.update_client(
        store=maria, client_id=client_id, client=replace(CLIENT, **changes), today=TODAY
    ).unwrap()


def _open_dialog(qtbot, page: CaseViewPage) -> EditClientDialog:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(page.client_tab.edit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(d.isVisible() for d in page.findChildren(EditClientDialog)))
    return next(d for d in page.findChildren(EditClientDialog) if d.isVisible())


def _cells(dialog: EditClientDialog) -> list[list[str]]:
    table = dialog.conflict_panel.table
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def test_the_conflict_is_shown_beside_the_kept_input_and_mine_can_be_saved_over(
    qtbot, store: Store, page: CaseViewPage
) -> None:  # type: ignore[no-untyped-def]
    client_id = page.case.client.id
    dialog = _open_dialog(qtbot, page)
    assert dialog.expected_version == 1
    _maria_saves(store, client_id, phone="555-0199", notes="Prefers mornings")

    dialog.phone.setText("555-0123")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()  # nothing was saved: the dialog stays, with what was typed
    assert dialog.phone.text() == "555-0123"
    panel = dialog.conflict_panel
    assert panel.isVisible()
    assert "maria" in panel.heading.text() and "Nothing was saved" in panel.heading.text()
    rows = {row[0]: row for row in _cells(dialog)}
    assert rows["Phone"][1:] == ["555-0100", rows["Phone"][2], "555-0123"]
    assert rows["Phone"][2].startswith("555-0199 (maria, ")
    assert rows["Notes"][3] == "(you left it: theirs is kept)"
    assert clients.get_client(store=store, client_id=client_id).phone == "555-0199"

    qtbot.mouseClick(panel.save_mine, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    now = clients.get_client(store=store, client_id=client_id)
    assert (now.phone, now.notes, now.version) == ("555-0123", "Prefers mornings", 3)


def test_an_enter_pressed_again_after_the_conflict_writes_over_nothing(
    qtbot, store: Store, page: CaseViewPage
) -> None:  # type: ignore[no-untyped-def]
    """Found walking two office windows (2026-12-07): the panel gave the focus to Save mine
    over theirs, so the save's Enter pressed once more wrote over the colleague's phone. The
    focus is on the table of changes; Enter there saves again, which is refused again."""
    client_id = page.case.client.id
    dialog = _open_dialog(qtbot, page)
    _maria_saves(store, client_id, phone="555-0199")
    dialog.phone.setFocus()
    dialog.phone.selectAll()
    qtbot.keyClicks(dialog.phone, "555-0123")
    qtbot.keyClick(dialog.phone, Qt.Key.Key_Return)
    panel = dialog.conflict_panel
    assert panel.isVisible()
    assert dialog.focusWidget() is panel.table
    for _ in range(2):
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
        assert dialog.isVisible() and panel.isVisible()
        assert dialog.phone.text() == "555-0123"  # what was typed is kept
    assert clients.get_client(store=store, client_id=client_id).phone == "555-0199"


def test_keep_theirs_fills_the_dialog_again_with_the_record_as_it_is(
    qtbot, store: Store, page: CaseViewPage
) -> None:  # type: ignore[no-untyped-def]
    client_id = page.case.client.id
    dialog = _open_dialog(qtbot, page)
    _maria_saves(store, client_id, phone="555-0199")
    dialog.phone.setText("555-0123")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.conflict_panel.isVisible()

    qtbot.mouseClick(dialog.conflict_panel.keep_theirs, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.phone.text() == "555-0199")
    assert not dialog.conflict_panel.isVisible()
    assert (dialog.expected_version, dialog.save_over) == (2, None)
    assert not dialog.has_unsaved_edits()
    # an edit from there saves without a conflict
    dialog.email.setText("rosalia@example.org")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    now = clients.get_client(store=store, client_id=client_id)
    assert (now.phone, now.email) == ("555-0199", "rosalia@example.org")


def test_a_hearing_time_changed_meanwhile_is_shown_and_keep_theirs_reloads(
    qtbot, store: Store, page: CaseViewPage
) -> None:  # type: ignore[no-untyped-def]
    draft = HearingDraft(
        kind=HearingKind.MASTER_CALENDAR,
        on=date(2026, 4, 6),
        at=time(9, 0),
        timezone="America/Chicago",
        location="Chicago Immigration Court",
    )
    hearing_id = schedule.schedule_hearing(
        store=store, case_id=page.case.id, hearing=draft
    ).unwrap()
    page.show_case(page.case.id)
    page.tabs.setCurrentWidget(page.hearings)
    page.hearings.table.selectRow(0)
    assert page.hearings.change_button.isEnabled()
    qtbot.mouseClick(page.hearings.change_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(d.isVisible() for d in page.findChildren(ChangeHearingDialog)))
    dialog = next(d for d in page.findChildren(ChangeHearingDialog) if d.isVisible())
    assert dialog.at.value() == time(9, 0) and dialog.expected_version == 1

    maria = copy.copy(store)
    maria.actor = "maria"
    schedule.change_hearing(
        store=maria, hearing_id=hearing_id, hearing=replace(draft, at=time(10, 0))
    ).unwrap()
    dialog.at.set_value(time(9, 30))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.at.value() == time(9, 30)
    (row,) = _cells(dialog)
    assert row[0] == "Time" and row[1] == "09:00" and row[3] == "09:30"
    assert row[2].startswith("10:00 (maria, ")

    qtbot.mouseClick(dialog.conflict_panel.keep_theirs, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.at.value() == time(10, 0))
    assert dialog.expected_version == 2 and not dialog.conflict_panel.isVisible()
