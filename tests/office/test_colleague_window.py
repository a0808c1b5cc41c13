"""The window in office mode (offscreen) refreshes from a colleague's committed changes, against
the tests' real PostgreSQL server: a case another login opens shows on Cases, its hearing on
Today, a note they add in the open case's history, each within about 2 s, without the status
bar saying "Saved." and without losing what is being typed (a half-written note, an I-589
answer). A save whose connection is lost keeps its dialog and input, the status bar says the
server cannot be reached, and then that it is back."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import date, timedelta
from datetime import time as clock

import pytest
from PySide6.QtWidgets import QApplication, QLabel

from clinic.domain.drafts import CaseDraft, ClientDraft, HearingDraft
from clinic.domain.enums import ClaimType, HearingKind
from clinic.domain.ids import CaseId, ClientId
from clinic.services import cases, clients, notes, schedule
from clinic.storage.postgres import OfficeStore, open_office_store
from clinic.ui.application import ClinicApp
from clinic.ui.case_view.i589_tab import I589Tab
from clinic.ui.case_view.notes_tab import NotesTab
from clinic.ui.office_gate import OfficeGate
from tests.office import pg_cluster as clusters
from tests.office.pg_cluster import Cluster

REFRESH_MS = 2500  # about 2 s: the listener's wake-up, the gathering and the pages' queries


@pytest.fixture
def two_logins(pg_cluster: Cluster) -> Iterator[tuple[OfficeStore, OfficeStore]]:
    template = clusters.office_template(pg_cluster)
    database = clusters.new_office_database(template)
    target = clusters.tester_target(pg_cluster, database)
    window_store = open_office_store(target, template.tester_password)
    colleague = open_office_store(target, template.tester_password)
    try:
        yield window_store, colleague
    finally:
        window_store.lock()
        colleague.lock()
        clusters.drop_database(pg_cluster, database)


def open_case(store: OfficeStore, today: date) -> tuple[ClientId, CaseId]:
    client = clients.intake_client(
        store=store,  # type: ignore[arg-type]
        client=ClientDraft("Núñez", "Ana"),
        today=today,
    ).unwrap()
    case = cases.open_case(
        store=store,  # type: ignore[arg-type]
        client_id=client,
        case=CaseDraft(ClaimType.DEFENSIVE, forum_name="Court", opened_on=today),
        today=today,
    ).unwrap()
    return client, case


def test_a_colleagues_changes_show_on_cases_today_and_the_open_case(
    qtbot,
    two_logins: tuple[OfficeStore, OfficeStore],  # type: ignore[no-untyped-def]
) -> None:
    mine, colleague = two_logins
    app = ClinicApp(QApplication.instance(), OfficeGate(), mine)  # type: ignore[arg-type]
    qtbot.addWidget(app.window)
    window = app.window
    window.show()  # a colleague's change refreshes the pages that are shown
    assert app.colleagues is not None
    qtbot.waitUntil(lambda: app.colleagues.listening is not None, timeout=5000)
    time.sleep(0.5)  # the listener's LISTEN is in place (its first state comes once it is)
    window.show_page(window.cases_page)
    assert window.cases_page.model.rowCount() == 0
    window.status.setText("")

    today = app.session.today()
    started = time.monotonic()
    client, case = open_case(colleague, today)
    qtbot.waitUntil(lambda: window.cases_page.model.rowCount() == 1, timeout=REFRESH_MS)
    assert time.monotonic() - started < REFRESH_MS / 1000
    assert window.status.text() == ""  # nothing was saved in this window

    window.cases_page.table.selectRow(0)  # the user chose the case in the list
    reloads: list[object] = []
    window.cases_page.model.modelReset.connect(lambda: reloads.append(None))
    schedule.schedule_hearing(
        store=colleague,  # type: ignore[arg-type]
        case_id=case,
        hearing=HearingDraft(
            HearingKind.MASTER_CALENDAR, today + timedelta(days=2), clock(9), location="Court"
        ),
    ).unwrap()

    def on_today() -> bool:
        agenda = window.today_page.agenda
        return agenda is not None and any(i.is_hearing and i.case_id == case for i in agenda.items)

    qtbot.waitUntil(on_today, timeout=REFRESH_MS)  # Today keeps up even while hidden
    qtbot.waitUntil(lambda: bool(reloads), timeout=REFRESH_MS)  # Cases was read again...
    assert window.cases_page.selected_case_id() == case  # ... and the chosen case stays chosen

    window.show_case(case)
    tab = next(t for t in window.case_page.case_tabs if isinstance(t, NotesTab))
    answers = next(t for t in window.case_page.case_tabs if isinstance(t, I589Tab))
    tab.note.setPlainText("Half-written note")
    answers.answers["middle_name"].set_value("Elena")
    rows = tab.model.rowCount()
    reloads.clear()
    notes.add_note(store=colleague, client_id=client, case_id=case, body="Called the court")  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: tab.model.rowCount() > rows, timeout=REFRESH_MS)
    assert not reloads  # Cases, hidden behind the case, waits until it is shown again ...
    window.show_page(window.cases_page)
    assert reloads  # ... and is read then
    window.show_case(case)
    assert tab.note.toPlainText() == "Half-written note"  # what is typed is never replaced
    assert answers.answers["middle_name"].value() == "Elena"
    assert window.status.text() == ""
    app.shutdown()
    assert app.colleagues.listening is None


def test_a_laptop_window_has_no_listener(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from clinic.services import lifecycle  # noqa: PLC0415
    from clinic.storage.public import DataDir  # noqa: PLC0415
    from clinic.ui.application import StoreGate  # noqa: PLC0415

    data_dir = DataDir(tmp_path / "store")
    store = lifecycle.init_store(data_dir=data_dir, passphrase="a long test passphrase", actor="t")
    app = ClinicApp(QApplication.instance(), StoreGate(data_dir), store)  # type: ignore[arg-type]
    qtbot.addWidget(app.window)
    assert app.colleagues is None
    assert app.window.findChild(QLabel, "officeSignedIn") is None
    app.shutdown()


def test_a_lost_connection_keeps_the_input_and_the_status_bar_says_when_it_is_back(
    qtbot,
    pg_cluster: Cluster,
    two_logins: tuple[OfficeStore, OfficeStore],  # type: ignore[no-untyped-def]
) -> None:
    import psycopg  # noqa: PLC0415

    mine, colleague = two_logins
    _client, case = open_case(colleague, date.today())
    app = ClinicApp(QApplication.instance(), OfficeGate(), mine)  # type: ignore[arg-type]
    qtbot.addWidget(app.window)
    window = app.window
    window.show_case(case)
    tab = next(t for t in window.case_page.case_tabs if isinstance(t, NotesTab))
    database = mine.target.database
    with psycopg.connect(pg_cluster.conninfo(), autocommit=True) as admin:
        admin.execute(f'ALTER DATABASE "{database}" ALLOW_CONNECTIONS false')
        try:
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s",
                (database,),
            )
            tab.note.setPlainText("Asked about the hearing")
            tab.add_button.click()  # the save fails: the server takes no connection
            assert "cannot be reached" in tab.note_problem.text()
            assert tab.note.toPlainText() == "Asked about the hearing"  # the input is kept
            qtbot.waitUntil(lambda: "cannot be reached" in window.status.text(), timeout=REFRESH_MS)
        finally:
            admin.execute(f'ALTER DATABASE "{database}" ALLOW_CONNECTIONS true')
    qtbot.waitUntil(lambda: "again" in window.status.text(), timeout=20_000)
    tab.add_button.click()  # the same input, saved now
    assert tab.note_status.text() == "Note saved."
    with mine.unit_of_work() as session:
        from sqlalchemy import select  # noqa: PLC0415

        from clinic.storage.models import Note  # noqa: PLC0415

        assert session.scalars(select(Note.body)).all() == ["Asked about the hearing"]
    app.shutdown()


def test_a_dialogs_save_over_a_lost_connection_keeps_the_dialog_and_its_input(
    qtbot,
    pg_cluster: Cluster,
    two_logins: tuple[OfficeStore, OfficeStore],  # type: ignore[no-untyped-def]
) -> None:
    import psycopg  # noqa: PLC0415

    from clinic.ui.case_view.client_dialogs import EditClientDialog  # noqa: PLC0415

    mine, colleague = two_logins
    client, case = open_case(colleague, date.today())
    app = ClinicApp(QApplication.instance(), OfficeGate(), mine)  # type: ignore[arg-type]
    qtbot.addWidget(app.window)
    page = app.window.case_page
    app.window.show_case(case)
    page.client_tab.edit_button.click()
    dialog = next(d for d in page.findChildren(EditClientDialog) if d.isVisible())
    dialog.phone.setText("(773) 555-0123")
    database = mine.target.database
    with psycopg.connect(pg_cluster.conninfo(), autocommit=True) as admin:
        admin.execute(f'ALTER DATABASE "{database}" ALLOW_CONNECTIONS false')
        try:
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s",
                (database,),
            )
            dialog.save_button.click()
            assert dialog.isVisible()  # the dialog stays open ...
            assert dialog.phone.text() == "(773) 555-0123"  # ... with what was typed
            assert "cannot be reached" in dialog.message.text()
        finally:
            admin.execute(f'ALTER DATABASE "{database}" ALLOW_CONNECTIONS true')
    dialog.save_button.click()  # the same Save, once the server takes connections again
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    assert clients.get_client(store=colleague, client_id=client).phone == "(773) 555-0123"  # type: ignore[arg-type]
    app.shutdown()
